//! End to end, in a real terminal (tmux), the way a student meets part two
//! of the course: the Probes lesson of the embedded course read section by
//! section, its liveness predict answered and played out by the simulator
//! (the timeline and the outcome on screen), its exercise solved in
//! `$VISUAL` (a fake editor script that writes the answer) and passed, the
//! progress kept, and the terminal as it was after quitting. The same
//! predict in Korean on a narrow terminal, where the pane is reached with Tab.

#[path = "e2e/tmux.rs"]
mod tmux;

use std::path::Path;
use tmux::Tmux;

const BIN: &str = env!("CARGO_BIN_EXE_kubetutor");

/// The exercise's answer, as a student would write it in their editor: the
/// starter with a startup probe allowing 10 s × 12 = 2 minutes.
const SOLUTION: &str = "\
apiVersion: apps/v1
kind: Deployment
metadata:
  name: slow
spec:
  replicas: 2
  selector:
    matchLabels:
      app: slow
  template:
    metadata:
      labels:
        app: slow
    spec:
      containers:
        - name: web
          image: nginx:1.27
          env:
            - name: STARTUP_DELAY
              value: \"45\"
          readinessProbe:
            httpGet:
              path: /
              port: 80
            periodSeconds: 5
          livenessProbe:
            httpGet:
              path: /
              port: 80
            periodSeconds: 10
            failureThreshold: 3
          startupProbe:
            httpGet:
              path: /
              port: 80
            periodSeconds: 10
            failureThreshold: 12
";

/// A progress file that has seen the first-run welcome (install seed 7):
/// the tests start past the welcome, at the lesson they open.
fn welcomed(progress: &Path) {
    std::fs::write(
        progress,
        "{\"version\": 2, \"welcomed\": \"2025-01-01T00:00:00Z\", \"seed\": 7}",
    )
    .unwrap();
}

fn start(cols: u16, rows: u16, env: &[(&str, &str)], dir: &Path, args: &str) -> Tmux {
    welcomed(&dir.join("progress.json"));
    let tmux = Tmux::start(cols, rows, env);
    tmux.type_line(&format!(
        "KUBETUTOR_PROGRESS={} {BIN} {args}",
        dir.join("progress.json").display()
    ));
    tmux
}

/// The number the screen shows in front of a choice (the tutor may show
/// choices in any order).
fn choice_number(screen: &str, text: &str) -> String {
    screen
        .lines()
        .find_map(|line| {
            let (_, rest) = line.split_once("( ) ")?;
            if !rest.trim_end_matches([' ', '│', '█', '║']).ends_with(text) {
                return None;
            }
            let before = line.split("( ) ").next()?;
            let digits: String = before
                .chars()
                .rev()
                .skip_while(|c| !c.is_ascii_digit())
                .take_while(char::is_ascii_digit)
                .collect();
            Some(digits.chars().rev().collect())
        })
        .unwrap_or_else(|| panic!("no choice {text:?} on the screen:\n{screen}"))
}

#[test]
fn the_probes_lesson_read_its_liveness_predict_played_and_its_exercise_passed() {
    let dir = tempfile::tempdir().unwrap();
    let answer = dir.path().join("answer.yaml");
    std::fs::write(&answer, SOLUTION).unwrap();
    let script = dir.path().join("fake-editor.sh");
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\necho FAKE-EDITOR-ON \"$1\"\ncp '{}' \"$1\"\n",
            answer.display()
        ),
    )
    .unwrap();
    let mut perms = std::fs::metadata(&script).unwrap().permissions();
    std::os::unix::fs::PermissionsExt::set_mode(&mut perms, 0o755);
    std::fs::set_permissions(&script, perms).unwrap();
    let visual = script.display().to_string();
    let tmux = start(
        140,
        44,
        &[("VISUAL", &visual)],
        dir.path(),
        "--lang en probes",
    );

    // Read: the introduction, then how a probe checks.
    tmux.wait_for_all(&[
        "Probes: liveness, readiness and startup",
        "section 1/6",
        "HEALTHZ_FAIL_AFTER",
    ]);
    tmux.keys(&["Right"]);
    tmux.wait_for_all(&["section 2/6", "How a probe checks, and how often"]);
    tmux.keys(&["Right"]);

    // The liveness section: the pane runs the docs' example Pod.
    tmux.wait_for_all(&[
        "section 3/6",
        "Liveness: restart what is stuck",
        "liveness-http",
        "CrashLoopBackOff",
    ]);
    tmux.keys(&["]"]);
    // Focused: the status bar offers the choices' keys.
    tmux.wait_for_all(&["↑↓/digits choose", "( ) CrashLoopBackOff"]);
    let right = choice_number(&tmux.screen(), "CrashLoopBackOff");
    tmux.keys(&[&right, "Enter"]);
    tmux.wait_for_all(&[
        "✓ Right!",
        "The simulator: after 5m, pod/liveness-http status = CrashLoopBackOff",
    ]);
    // The outcome is played in the cluster pane: the Pod's own events show
    // the probe failing and the kubelet restarting it.
    tmux.wait_for_all(&["Unhealthy pod/liveness-http", "Killing pod/liveness-http"]);
    tmux.keys(&["Escape"]);
    // Out of the question (an Escape followed at once by an arrow would
    // reach the tutor as one Alt-key sequence): the arrows move sections.
    tmux.wait_for("←→ section");

    // The exercise closes the lesson; its cluster shows slow restarting
    // before it ever listens.
    for n in 4..=6 {
        tmux.keys(&["Right"]);
        tmux.wait_for(&format!("section {n}/6"));
    }
    tmux.wait_for_all(&[
        "section 6/6",
        "Exercise · probes-let-slow-start",
        "slow restarts before it ever listens",
        "Liveness probe failed",
    ]);
    tmux.keys(&["]", "Enter"]);
    tmux.wait_for_all(&["STARTUP_DELAY", "Ctrl-S check"]);
    tmux.keys(&["C-o"]);
    tmux.wait_for_all(&["startupProbe:", "Loaded the text edited in fake-editor.sh"]);
    tmux.keys(&["C-s"]);
    tmux.wait_for("PASS: all 2 checks hold");
    tmux.keys(&["Escape"]);
    tmux.wait_for("✓ Passed.");
    tmux.keys(&["q"]);
    tmux.assert_terminal_restored();

    let saved = std::fs::read_to_string(dir.path().join("progress.json")).unwrap();
    assert!(saved.contains("probes-liveness-loop"), "{saved}");
    assert!(saved.contains("probes-let-slow-start"), "{saved}");
    assert!(
        saved.contains("failureThreshold: 12"),
        "the draft is kept:\n{saved}"
    );
}

#[test]
fn the_korean_probe_predict_plays_in_a_narrow_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let tmux = start(90, 30, &[], dir.path(), "--lang ko probes");
    tmux.wait_for_all(&["프로브: 활성, 준비성, 스타트업", "1/6"]);
    tmux.keys(&["Right", "Right"]);
    tmux.wait_for_all(&["3/6", "활성 프로브: 멈춘 것을 재시작"]);
    tmux.keys(&["]"]);
    tmux.wait_for_all(&["↑↓/숫자 고르기", "( ) CrashLoopBackOff"]);
    let right = choice_number(&tmux.screen(), "CrashLoopBackOff");
    tmux.keys(&[&right, "Enter"]);
    tmux.wait_for("pod/liveness-http status = CrashLoopBackOff");
    // Too narrow for both panes: Tab shows the cluster playing the outcome.
    tmux.keys(&["Tab"]);
    tmux.wait_for_all(&["liveness-http", "CrashLoopBackOff"]);
    tmux.keys(&["Tab", "q"]);
    tmux.assert_terminal_restored();
}
