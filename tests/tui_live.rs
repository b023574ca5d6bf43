//! The live cluster in the interface: time controls (pause, speed, one
//! step), and the flow of lights an apply sets off, as exact sequences under
//! a fixed seed.

#[path = "support/tui.rs"]
mod support;

use kubetutor::lang::Lang;
use kubetutor::sim::events::Component;
use kubetutor::tui::action::Action;
use kubetutor::tui::app::App;
use kubetutor::tui::cluster::flow::{BACKLOG, Glow, PACE_TICKS};
use support::*;

fn now(app: &App) -> u64 {
    app.live.cluster.now()
}

#[test]
fn the_clock_runs_with_real_time_and_pause_stops_it() {
    let mut app = app(Lang::En);
    assert_eq!(app.live.speed_label(), "1×");
    ticks(&mut app, 10);
    assert_eq!(now(&app), 1000);
    app.apply(Action::TogglePause);
    assert!(app.live.paused);
    ticks(&mut app, 10);
    assert_eq!(now(&app), 1000, "paused: no time passes");
    let s = screen(&mut app, 120, 40);
    assert!(s.contains("paused · 1.0s · 1×"), "{s}");
    app.apply(Action::TogglePause);
    ticks(&mut app, 3);
    assert_eq!(now(&app), 1300);
}

#[test]
fn speed_changes_the_rate() {
    let mut app = app(Lang::En);
    app.apply(Action::Faster);
    assert_eq!(app.live.speed_label(), "2×");
    ticks(&mut app, 1);
    assert_eq!(now(&app), 200);
    for _ in 0..10 {
        app.apply(Action::Faster);
    }
    assert_eq!(app.live.speed_label(), "16×", "16× is the top speed");
    ticks(&mut app, 1);
    assert_eq!(now(&app), 1800);
    for _ in 0..10 {
        app.apply(Action::Slower);
    }
    assert_eq!(app.live.speed_label(), "0.5×", "0.5× is the lowest");
    ticks(&mut app, 1);
    assert_eq!(now(&app), 1800, "50 ms is less than a step: carried");
    ticks(&mut app, 1);
    assert_eq!(now(&app), 1900);
    // Real time is measured, not assumed: a late tick carries more.
    app.apply(Action::Slower);
    app.apply(Action::Faster);
    app.apply(Action::Faster);
    app.apply(Action::Tick(250));
    assert_eq!(now(&app), 2400, "250 ms at 2× is 500 ms: five steps");
    app.apply(Action::Tick(60_000));
    assert_eq!(
        now(&app),
        4400,
        "a stopped process comes back at most one second (x2) later"
    );
    let s = screen(&mut app, 120, 40);
    assert!(s.contains("4.4s · 2×"), "{s}");
}

#[test]
fn dot_pauses_and_steps_exactly_one_step() {
    let mut app = app(Lang::En);
    ticks(&mut app, 5);
    app.apply(Action::StepOnce);
    assert!(app.live.paused, "a step pauses the clock");
    assert_eq!(now(&app), 600);
    app.apply(Action::StepOnce);
    assert_eq!(now(&app), 700);
    ticks(&mut app, 5);
    assert_eq!(now(&app), 700);
    // At 0.5× half a step may be carried; a step is still exactly one.
    app.apply(Action::TogglePause);
    app.apply(Action::Slower);
    ticks(&mut app, 1);
    assert_eq!(now(&app), 700);
    app.apply(Action::StepOnce);
    assert_eq!(now(&app), 800);
}

/// The component lit brightly at each tick, with the nodes it is lit on.
fn bright_sequence(app: &mut App, n: usize) -> Vec<(usize, String)> {
    let mut seq = Vec::new();
    for tick in 1..=n {
        ticks(app, 1);
        let f = &app.live.flow;
        let lit: Vec<String> = f
            .bright()
            .into_iter()
            .map(|c| {
                let nodes: Vec<&str> = ["node-1", "node-2", "node-3"]
                    .into_iter()
                    .filter(|node| f.node_glow(node, c) == Glow::Bright)
                    .collect();
                if nodes.is_empty() {
                    c.name().to_string()
                } else {
                    format!("{}@{}", c.name(), nodes.join(","))
                }
            })
            .collect();
        seq.push((tick, lit.join(" ")));
    }
    seq
}

#[test]
fn an_apply_lights_the_flow_hop_by_hop() {
    let mut app = app(Lang::En);
    // The cluster has been running for a second (kube-proxy's first sync
    // of the kubernetes Service is over).
    ticks(&mut app, 10);
    assert!(app.live.flow.bright().is_empty());
    run(&mut app, "create deployment web --image=nginx --replicas=3");
    let seq = bright_sequence(&mut app, 34);
    // Each hop is bright for exactly PACE_TICKS ticks, one at a time.
    assert_eq!(PACE_TICKS, 2);
    let hops: Vec<&str> = seq.iter().step_by(2).map(|(_, s)| s.as_str()).collect();
    for pair in seq.chunks(2) {
        assert_eq!(pair[0].1, pair[1].1, "a hop stays lit two ticks: {seq:?}");
    }
    assert_eq!(
        hops,
        [
            // kubectl create → the API server writes the Deployment to etcd
            "api-server",
            "etcd",
            // the Deployment controller creates a ReplicaSet
            "controller-manager",
            "api-server",
            "etcd",
            // the ReplicaSet controller creates three Pods
            "controller-manager",
            "api-server",
            "etcd",
            // the scheduler binds them
            "scheduler",
            "api-server",
            "etcd",
            // each kubelet starts its pod through the CRI: sandbox, network
            "kubelet@node-1,node-2,node-3",
            "containerd@node-1,node-2,node-3",
            "cni@node-1,node-2,node-3",
            // and reports the status
            "api-server",
            "etcd",
            // nothing until the images are pulled
            "",
        ]
    );
    // The line under the control plane says what the last hop did.
    let last = app.live.flow.last.as_ref().unwrap();
    assert_eq!(last.component, Component::Etcd);
    let s = screen(&mut app, 160, 40);
    assert!(s.contains("› etcd put /registry/pods/default/web-"), "{s}");
}

#[test]
fn the_dockershim_path_lights_every_hop_on_the_node() {
    let mut app = app(Lang::En);
    run(&mut app, "runtime dockershim");
    ticks(&mut app, 10);
    run(&mut app, "run hello --image=nginx");
    let seq = bright_sequence(&mut app, 30);
    let hops: Vec<&str> = seq.iter().step_by(2).map(|(_, s)| s.as_str()).collect();
    assert_eq!(
        hops,
        [
            "api-server",
            "etcd",
            "scheduler",
            "api-server",
            "etcd",
            "kubelet@node-1",
            "dockershim@node-1",
            "docker@node-1",
            "containerd@node-1",
            "cni@node-1",
            "api-server",
            "etcd",
            "",
            "",
            "",
        ]
    );
}

#[test]
fn a_long_wait_does_not_leave_the_lights_far_behind() {
    let mut app = app(Lang::En);
    run(&mut app, "scenario load-balancing");
    run(
        &mut app,
        "create deployment more --image=nginx --replicas=5",
    );
    run(&mut app, "wait 5m");
    ticks(&mut app, 1);
    assert!(
        app.live.flow.waiting() <= BACKLOG,
        "{} beats wait",
        app.live.flow.waiting()
    );
}

#[test]
fn stepping_while_paused_still_shows_each_hop() {
    let mut app = app(Lang::En);
    ticks(&mut app, 10);
    app.apply(Action::TogglePause);
    run(&mut app, "run hello --image=nginx");
    // Paused: the interface still ticks, the lights play what happened.
    let seq = bright_sequence(&mut app, 4);
    assert_eq!(
        seq.iter().map(|(_, s)| s.as_str()).collect::<Vec<_>>(),
        ["api-server", "api-server", "etcd", "etcd"]
    );
    assert_eq!(now(&app), 1000);
    app.apply(Action::StepOnce);
    let seq = bright_sequence(&mut app, 6);
    assert_eq!(
        seq.iter()
            .step_by(2)
            .map(|(_, s)| s.as_str())
            .collect::<Vec<_>>(),
        ["scheduler", "api-server", "etcd"]
    );
    assert_eq!(now(&app), 1100);
}

#[test]
fn a_section_setup_plays_its_own_flow_and_not_the_cluster_building() {
    let mut app = live_app(Lang::En);
    app.apply(Action::NextSection);
    let seq = bright_sequence(&mut app, 12);
    let hops: Vec<&str> = seq.iter().step_by(2).map(|(_, s)| s.as_str()).collect();
    assert_eq!(
        hops,
        [
            // the block's `apply:` (the Deployment), at the section's first instant
            "api-server",
            "etcd",
            // then what the cluster does with it
            "controller-manager",
            "api-server",
            "etcd",
            "controller-manager",
        ]
    );
}
