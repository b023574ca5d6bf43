//! End to end: the live cluster in a real terminal (tmux). A student opens a
//! section with a cluster block and watches its pods come up, drives the
//! cluster from the command bar, sees the flow lit hop by hop, takes a node
//! down and sees the pods replaced; the pane shows what `kubetutor sim`
//! prints for the same commands.

#[path = "e2e/tmux.rs"]
mod tmux;

use std::collections::BTreeMap;
use std::time::{Duration, Instant};
use tmux::Tmux;

const BIN: &str = env!("CARGO_BIN_EXE_kubetutor");

fn fixtures() -> String {
    format!("{}/tests/fixtures/cluster", env!("CARGO_MANIFEST_DIR"))
}

/// A progress file that has seen the first-run welcome, with install seed
/// `SEED` (the order of the choices): the tests start past the welcome.
fn welcomed(progress: &std::path::Path) {
    std::fs::write(
        progress,
        format!("{{\"version\": 2, \"welcomed\": \"2025-01-01T00:00:00Z\", \"seed\": {SEED}}}"),
    )
    .unwrap();
}

/// The install seed of [`welcomed`] progress files.
const SEED: u64 = 7;

fn start(cols: u16, rows: u16, args: &str) -> (Tmux, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let progress = dir.path().join("progress.json");
    welcomed(&progress);
    let tmux = Tmux::start(cols, rows, &[]);
    tmux.type_line(&format!(
        "KUBETUTOR_PROGRESS={} {BIN} {args}",
        progress.display()
    ));
    (tmux, dir)
}

/// `:` then the command and Enter.
fn command(tmux: &Tmux, line: &str) {
    tmux.keys(&[":"]);
    tmux.type_line(line);
}

/// Pod rows of the cluster pane: pod name → (node it is drawn under, row).
/// `prefix` picks the pods (`web-`).
fn pods_on_screen(screen: &str, prefix: &str) -> BTreeMap<String, (String, String)> {
    let mut out = BTreeMap::new();
    let mut node = String::new();
    for line in screen.lines() {
        // The cluster pane is the right-hand one.
        let pane = line.rsplit("││").next().unwrap_or(line);
        let words: Vec<&str> = pane
            .split(|c: char| c.is_whitespace() || c == '│')
            .filter(|w| !w.is_empty())
            .collect();
        if let [name, status, ..] = words.as_slice()
            && (name.starts_with("node-") || *name == "control-plane")
            && status.contains("Ready")
        {
            node = name.to_string();
        }
        if let Some(name) = words.get(1).filter(|w| w.starts_with(prefix)) {
            out.insert(name.to_string(), (node.clone(), pane.to_string()));
        }
    }
    out
}

fn running(screen: &str, prefix: &str) -> usize {
    pods_on_screen(screen, prefix)
        .values()
        .filter(|(_, row)| row.contains(" Running "))
        .count()
}

/// Watch the control plane until each of `hops` was seen lit brightly (the
/// highlighted background), and return the order they were first seen in.
fn watch_flow(tmux: &Tmux, hops: &[&str]) -> Vec<String> {
    let start = Instant::now();
    let mut seen: Vec<String> = Vec::new();
    while seen.len() < hops.len() {
        let styled = tmux.styled_screen();
        for hop in hops {
            // Bright: black on yellow (SGR 48;5;3 background).
            let lit = styled.contains(&format!("\u{1b}[48;5;3m {hop} "));
            if lit && !seen.iter().any(|s| s == hop) {
                seen.push(hop.to_string());
            }
        }
        assert!(
            start.elapsed() < tmux::PATIENCE,
            "saw {seen:?} of {hops:?} lit; the screen is:\n{}",
            tmux.screen()
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    seen
}

#[test]
fn the_tui_shows_the_cluster_live_and_the_command_bar_drives_it() {
    let (tmux, _dir) = start(160, 48, &format!("--lang en --lessons {} live", fixtures()));
    tmux.wait_for_all(&[
        "A live cluster",
        "section 1/5",
        "CONTROL PLANE",
        "node-3  Ready",
    ]);

    // The section's cluster block: two hello pods, live.
    tmux.keys(&["n"]);
    tmux.wait_for_all(&[
        "section 2/5",
        "││ Watch the hello pods go from ContainerCreating to Running.",
        "ContainerCreating",
    ]);
    tmux.wait_until(|s| running(s, "hello-") == 2, "two hello pods Running");

    // Back to the default cluster, then the commands of the issue.
    command(&tmux, "reset");
    tmux.wait_for("cluster reset (seed 1)");
    tmux.keys(&["Escape"]);
    command(&tmux, "create deployment web --image=nginx --replicas=3");
    tmux.wait_for("deployment.apps/web created");
    // The flow, hop by hop, in order.
    let order = watch_flow(
        &tmux,
        &[
            "api-server",
            "etcd",
            "controller-manager",
            "scheduler",
            "kubelet",
            "containerd",
        ],
    );
    assert_eq!(
        order,
        [
            "api-server",
            "etcd",
            "controller-manager",
            "scheduler",
            "kubelet",
            "containerd"
        ]
    );
    tmux.wait_until(|s| running(s, "web-") == 3, "three web pods Running");
    command(&tmux, "wait 30s");
    tmux.wait_for("waited 30s");
    tmux.keys(&["Escape"]);

    command(&tmux, "fault node-down node-1");
    tmux.wait_for("node/node-1 is down");
    tmux.keys(&["Escape"]);
    command(&tmux, "wait 6m");
    tmux.wait_for("waited 6m");
    tmux.keys(&["Escape"]);
    let screen = tmux.wait_until(
        |s| {
            s.contains("node-1  NotReady")
                && pods_on_screen(s, "web-")
                    .values()
                    .filter(|(node, row)| node != "node-1" && row.contains(" Running "))
                    .count()
                    == 3
        },
        "node-1 NotReady and three web pods Running on other nodes",
    );

    // The same as the headless pipeline.
    let script = "create deployment web --image=nginx --replicas=3\nwait 30s\nget pods -o wide\nfault node-down node-1\nwait 6m\nget pods -o wide\n";
    let out = std::process::Command::new(BIN)
        .arg("sim")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write;
            child.stdin.take().unwrap().write_all(script.as_bytes())?;
            child.wait_with_output()
        })
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let last = text.rsplit("$ get pods -o wide\n").next().unwrap();
    let on_screen = pods_on_screen(&screen, "web-");
    let mut listed = 0;
    for row in last.lines().skip(1) {
        let w: Vec<&str> = row.split_whitespace().collect();
        let (name, status, ip, node) = (w[0], w[2], w[5], w[6]);
        let (drawn_under, drawn) = on_screen
            .get(name)
            .unwrap_or_else(|| panic!("{name} is not in the pane:\n{screen}"));
        assert_eq!(drawn_under, node, "{name}");
        assert!(
            drawn.contains(&format!(" {status} ")),
            "{name} {status}: {drawn}"
        );
        assert!(drawn.contains(ip), "{name} {ip}: {drawn}");
        listed += 1;
    }
    assert_eq!(
        listed, 4,
        "three running and the one lost with node-1:\n{last}"
    );
    assert_eq!(on_screen.len(), 4, "{screen}");

    tmux.keys(&["q"]);
    tmux.assert_terminal_restored();
}

#[test]
fn korean_narrow_terminal_with_the_command_bar() {
    let (tmux, _dir) = start(60, 20, &format!("--lang ko --lessons {} live", fixtures()));
    tmux.wait_for("살아 있는 클러스터");
    tmux.keys(&["Tab"]);
    tmux.wait_for_all(&["컨트롤 플레인", "노드"]);
    // Space pauses the clock: the title says so.
    let paused = |s: &str| {
        s.lines()
            .next()
            .is_some_and(|title| title.contains("정지 · "))
    };
    assert!(!paused(&tmux.screen()));
    tmux.keys(&["Space"]);
    tmux.wait_until(paused, "the title to say paused");
    tmux.keys(&[":"]);
    tmux.keys(&["-l", "cordon n"]);
    tmux.keys(&["Tab"]);
    tmux.wait_for_all(&[":cordon node-", "node-1  node-2  node-3"]);
    tmux.keys(&["Tab", "Enter"]);
    tmux.wait_for_all(&["node/node-1 cordoned", "Ready,SchedulingDisabled"]);
    tmux.keys(&["Escape", "Space"]);
    tmux.wait_until(|s| !paused(s), "the clock to run again");
    tmux.keys(&["q"]);
    tmux.assert_terminal_restored();
}
