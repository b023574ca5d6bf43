//! The cluster pane drawn into ratatui's TestBackend: snapshots of the
//! scenarios lessons use at the sizes students have (50x40 and 80x30 show
//! the pane alone, 160x48 beside the lesson), and the section's cluster
//! block setting the pane up.

#[path = "support/tui.rs"]
mod support;

use kubetutor::lang::Lang;
use kubetutor::tui::action::{Action, Pane};
use kubetutor::tui::app::App;
use support::*;

const SIZES: [(u16, u16); 3] = [(50, 40), (80, 30), (160, 48)];

/// The app showing the cluster pane: alone when narrow, beside the lesson
/// when wide.
fn cluster_app() -> App {
    let mut app = app(Lang::En);
    app.apply(Action::FocusNext);
    assert_eq!(app.focus, Pane::Cluster);
    app
}

fn snapshots(name: &str, app: &mut App, expect: &[&str]) {
    for (w, h) in SIZES {
        let s = screen(app, w, h);
        for e in expect {
            assert!(s.contains(e), "{name} at {w}x{h} misses {e:?}:\n{s}");
        }
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), s);
    }
}

#[test]
fn the_default_cluster() {
    let mut app = cluster_app();
    snapshots(
        "default_cluster",
        &mut app,
        &[
            "CONTROL PLANE",
            "api-server",
            "etcd",
            "scheduler",
            "controller-manager",
            "control-plane  Ready",
            "node-1  Ready",
            "node-3  Ready",
            "kubelet ─CRI→ containerd",
            "0.0s · 1×",
        ],
    );
}

#[test]
fn self_healing_after_a_pod_is_deleted_and_30_seconds() {
    let mut app = cluster_app();
    run(&mut app, "scenario self-healing");
    let victim = app
        .live
        .cluster
        .store()
        .pods()
        .in_namespace("default")
        .next()
        .unwrap()
        .meta
        .name
        .clone();
    run(&mut app, &format!("delete pod {victim}"));
    run(&mut app, "wait 30s");
    let running = app
        .live
        .cluster
        .store()
        .pods()
        .in_namespace("default")
        .filter(|p| p.is_ready())
        .count();
    assert_eq!(running, 3, "the ReplicaSet replaced the deleted pod");
    snapshots(
        "self_healing",
        &mut app,
        &["deploy web  3/3 ready", "SuccessfulCreate"],
    );
    let s = screen(&mut app, 160, 48);
    assert!(!s.contains(&victim), "the deleted pod is gone:\n{s}");
}

#[test]
fn crashloop_after_two_minutes() {
    let mut app = cluster_app();
    run(&mut app, "scenario crashloop");
    run(&mut app, "wait 2m");
    snapshots(
        "crashloop_2m",
        &mut app,
        &["crash-demo", "CrashLoopBackOff", "↻", "BackOff"],
    );
}

#[test]
fn a_node_down() {
    let mut app = cluster_app();
    run(&mut app, "scenario node-failure");
    run(&mut app, "fault node-down node-1");
    run(&mut app, "wait 2m");
    snapshots(
        "node_down",
        &mut app,
        &[
            "node-1  NotReady",
            "heartbeat",
            "9xgcc Running",
            "NodeNotReady",
        ],
    );
}

#[test]
fn load_balancing_with_traffic() {
    let mut app = cluster_app();
    run(&mut app, "scenario load-balancing");
    run(&mut app, "wait 30s");
    let traffic = app.live.cluster.traffic("default", "web").unwrap().clone();
    assert_eq!(traffic.rps, 10);
    snapshots(
        "load_balancing",
        &mut app,
        &["SERVICES", "kube-proxy", "3 endpoints", "10/s"],
    );
    // Every endpoint pod's counter is on screen.
    let s = screen(&mut app, 160, 48);
    for (pod, n) in &traffic.per_pod {
        let suffix = pod.rsplit('-').next().unwrap();
        assert!(
            s.contains(&format!("{suffix} {n}")),
            "{pod} served {n}:\n{s}"
        );
    }
}

#[test]
fn the_dockershim_chain() {
    let mut app = cluster_app();
    run(&mut app, "scenario dockershim");
    run(&mut app, "wait 30s");
    snapshots(
        "dockershim",
        &mut app,
        &["dockershim", "deploy web  2/2 ready"],
    );
    let wide = screen(&mut app, 160, 48);
    assert_eq!(
        wide.matches("kubelet ─CRI→ dockershim → docker → containerd")
            .count(),
        3,
        "every worker shows the chain:\n{wide}"
    );
    let narrow = screen(&mut app, 50, 40);
    assert_eq!(
        narrow
            .matches("kubelet─CRI→dockershim→docker→containerd")
            .count(),
        3,
        "at 50 columns the chips lose their padding:\n{narrow}"
    );
}

#[test]
fn a_section_block_sets_the_cluster_up_and_others_keep_it() {
    let mut app = live_app(Lang::En);
    // The intro has no block: the default cluster.
    assert_eq!(
        app.live
            .cluster
            .store()
            .pods()
            .in_namespace("default")
            .count(),
        0
    );
    app.apply(Action::NextSection);
    let pods: Vec<String> = app
        .live
        .cluster
        .store()
        .pods()
        .in_namespace("default")
        .map(|p| p.meta.name.clone())
        .collect();
    assert!(pods.is_empty(), "the Deployment has only been applied");
    assert_eq!(
        app.live
            .cluster
            .store()
            .deployments()
            .in_namespace("default")
            .count(),
        1
    );
    // The caption is in the cluster pane (the right half), not only in the
    // lesson's marker box.
    let s = screen(&mut app, 160, 40);
    assert!(
        s.lines()
            .any(|l| l.contains("││ Watch the hello pods go from ContainerCreating")),
        "{s}"
    );
    // Time runs: the pods come up.
    ticks(&mut app, 100);
    let s = screen(&mut app, 160, 40);
    assert_eq!(s.matches(" Running ").count(), 2, "{s}");
    let now = app.live.cluster.now();
    // A section without a block keeps the cluster, and time goes on.
    app.apply(Action::NextSection);
    ticks(&mut app, 1);
    assert_eq!(app.live.cluster.now(), now + 100);
    assert_eq!(
        app.live
            .cluster
            .store()
            .pods()
            .in_namespace("default")
            .count(),
        2
    );
    // Back to the block: the section opens again, the cluster starts over.
    app.apply(Action::PrevSection);
    assert_eq!(app.live.cluster.now(), 0);
    assert_eq!(
        app.live
            .cluster
            .store()
            .pods()
            .in_namespace("default")
            .count(),
        0
    );
    // Switching the language keeps the same cluster (the block is the same
    // but for its caption).
    ticks(&mut app, 50);
    app.apply(Action::ToggleLanguage);
    assert_eq!(app.live.cluster.now(), 5000);
    let s = screen(&mut app, 160, 40);
    assert!(
        s.lines().any(|l| l.contains("││ hello 파드가")),
        "the caption follows the language:\n{s}"
    );
}

#[test]
fn a_broken_setup_is_shown_in_the_pane() {
    let mut app = live_app(Lang::En);
    for _ in 0..3 {
        app.apply(Action::NextSection);
    }
    assert_eq!(app.section, 3);
    let err = app.live.setup_error.clone().expect("the setup failed");
    assert!(
        err.contains("unknown scenario \"no-such-scenario\""),
        "{err}"
    );
    app.apply(Action::FocusNext);
    for (w, h) in [(50, 40), (80, 30), (160, 48)] {
        let s = screen(&mut app, w, h);
        assert!(s.contains("Cluster setup failed"), "{s}");
        assert!(s.contains("no-such-scenario"), "{s}");
        assert!(s.contains("node-1"), "the default cluster is shown:\n{s}");
    }
    // The next section's block works again.
    app.apply(Action::NextSection);
    assert_eq!(app.live.setup_error, None);
    assert_eq!(
        app.live
            .cluster
            .store()
            .deployments()
            .in_namespace("default")
            .count(),
        1
    );
}

#[test]
fn korean_labels() {
    let mut app = app(Lang::Ko);
    app.apply(Action::FocusNext);
    run(&mut app, "scenario load-balancing");
    let s = screen(&mut app, 80, 30);
    for label in [
        "클러스터",
        "컨트롤 플레인",
        "노드",
        "리비전",
        "파드 1개",
        "이벤트",
    ] {
        assert!(s.contains(label), "{label}:\n{s}");
    }
    insta::assert_snapshot!("load_balancing_korean_80x30", s);
    app.apply(Action::TogglePause);
    let s = screen(&mut app, 80, 30);
    assert!(s.contains("정지 · "), "{s}");
}

#[test]
fn the_cluster_pane_scrolls_when_focused() {
    let mut app = cluster_app();
    run(&mut app, "scenario load-balancing");
    let first = screen(&mut app, 60, 16);
    let rows = app.geometry.cluster_rows;
    let lines = app.geometry.cluster_lines;
    assert!(lines > rows, "the cluster must not fit in 16 rows");
    app.apply(Action::Scroll(3));
    assert_eq!(app.live.scroll, 3);
    let scrolled = screen(&mut app, 60, 16);
    assert_ne!(first, scrolled);
    app.apply(Action::Bottom);
    assert_eq!(app.live.scroll, lines - rows);
    app.apply(Action::Top);
    assert_eq!(app.live.scroll, 0);
    let pane = app.geometry.cluster.unwrap();
    app.apply(Action::Wheel {
        column: pane.x + 3,
        row: pane.y + 3,
        lines: 3,
    });
    assert_eq!(app.live.scroll, 3, "the wheel scrolls the pane under it");
    // With the lesson focused, j/k scroll the lesson, not the cluster.
    app.apply(Action::FocusNext);
    app.apply(Action::Scroll(1));
    assert_eq!(app.live.scroll, 3);
}

/// A node fails under traffic: until its Pod's endpoint is removed, the
/// requests kube-proxy sends there time out, and the Services row says how
/// many, in both languages.
#[test]
fn requests_to_a_lost_node_show_as_timed_out() {
    for (lang, label) in [(Lang::En, "{} timed out"), (Lang::Ko, "시간 초과 {}")] {
        let mut app = app(lang);
        run(&mut app, "scenario load-balancing");
        run(&mut app, "wait 30s");
        let store = app.live.cluster.store();
        let node = store
            .pods()
            .sorted()
            .find(|p| p.meta.name.starts_with("web-"))
            .and_then(|p| store.node(p.node?))
            .map(|n| n.meta.name.clone())
            .expect("a web Pod on a node");
        run(&mut app, &format!("fault node-down {node}"));
        run(&mut app, "wait 60s");
        let t = app.live.cluster.traffic("default", "web").unwrap().clone();
        assert!(t.timed_out > 0);
        let s = screen(&mut app, 160, 48);
        let want = label.replace("{}", &t.timed_out.to_string());
        assert!(s.contains(&want), "{want}:\n{s}");
    }
}
