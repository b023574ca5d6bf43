//! End to end in tmux: `:serve` in the tutor, the real kubectl creating a
//! Deployment in another process, and the pane showing its Pods and events;
//! the status bar says how to connect; `:serve stop` ends it; the terminal
//! is restored on quit. In Korean too.

#[path = "support/serve.rs"]
mod serve;
#[path = "e2e/tmux.rs"]
mod tmux;

use std::process::Command;
use tmux::Tmux;

const BIN: &str = env!("CARGO_BIN_EXE_kubetutor");

fn start(dir: &std::path::Path, lang: &str, extra: &str) -> Tmux {
    // Past the first-run welcome (it would take the first key).
    let progress = dir.join("progress.json");
    if !progress.exists() {
        std::fs::write(
            &progress,
            r#"{"version": 2, "welcomed": "2025-01-01T00:00:00Z"}"#,
        )
        .unwrap();
    }
    let tmux = Tmux::start(150, 40, &[]);
    tmux.type_line(&format!(
        "XDG_STATE_HOME={} KUBETUTOR_PROGRESS={} {BIN} --lang {lang} {extra}",
        dir.join("state").display(),
        dir.join("progress.json").display()
    ));
    tmux
}

fn kubectl(dir: &std::path::Path, args: &[&str]) -> String {
    let out = Command::new(serve::kubectl("1.33"))
        .args(args)
        .env("KUBECONFIG", dir.join("state/kubetutor/kubeconfig"))
        .env("HOME", dir.join("home"))
        .output()
        .expect("run kubectl");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn kubectl_requests_show_in_the_pane_while_serving() {
    let dir = tempfile::tempdir().unwrap();
    let tmux = start(dir.path(), "en", "");
    tmux.wait_for("section 1/");
    tmux.keys(&[":"]);
    tmux.type_line("serve");
    tmux.wait_for_all(&[
        "answers the Kubernetes API at https://127.0.0.1:",
        "export KUBECONFIG=",
    ]);
    tmux.wait_for("kubectl: KUBECONFIG=");
    assert_eq!(
        kubectl(
            dir.path(),
            &[
                "create",
                "deployment",
                "web",
                "--image=nginx:1.27",
                "--replicas=2"
            ]
        ),
        "deployment.apps/web created\n"
    );
    tmux.wait_for_all(&["deploy web", "ScalingReplicaSet"]);
    let pods = kubectl(dir.path(), &["get", "pods", "-o", "name"]);
    assert_eq!(pods.lines().count(), 2, "{pods}");
    let first = pods
        .lines()
        .next()
        .unwrap()
        .trim_start_matches("pod/")
        .to_string();
    tmux.wait_for(&first[..first.len().min(20)]);
    tmux.keys(&["Escape", ":"]);
    tmux.type_line("serve stop");
    tmux.wait_for("Stopped answering the API");
    tmux.keys(&["q"]);
    tmux.assert_terminal_restored();
}

#[test]
fn the_serve_flag_starts_serving_in_korean() {
    let dir = tempfile::tempdir().unwrap();
    let tmux = start(dir.path(), "ko", "--serve");
    tmux.wait_for_all(&["쿠버네티스 API로 응답합니다", "kubectl 연결: KUBECONFIG="]);
    let nodes = kubectl(dir.path(), &["get", "nodes", "-o", "name"]);
    assert_eq!(
        nodes,
        "node/control-plane\nnode/node-1\nnode/node-2\nnode/node-3\n"
    );
    tmux.keys(&["Escape", "q"]);
    tmux.assert_terminal_restored();
}
