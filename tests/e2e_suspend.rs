//! Ctrl-Z and SIGTSTP (issue #15, item 8), in a real terminal: the tutor
//! gives the terminal back (alternate screen off, mouse reporting off,
//! cooked mode with echo), the shell reports the job stopped, and `fg`
//! brings the tutor back drawn in full, with nothing the shell printed
//! left on screen. Also item 13: SIGTERM and SIGHUP end it with 128 +
//! the signal's number.

#[path = "e2e/tmux.rs"]
mod tmux;

use tmux::Tmux;

const BIN: &str = env!("CARGO_BIN_EXE_kubetutor");
const TEXT: &str = "This lesson exists for the interface tests.";

/// A progress file past the first-run welcome, so keys reach the lesson.
fn welcomed(progress: &std::path::Path) {
    std::fs::write(
        progress,
        r#"{"version": 2, "welcomed": "2025-01-01T00:00:00Z", "seed": 7}"#,
    )
    .unwrap();
}

fn start(tail: &str) -> (Tmux, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    welcomed(&dir.path().join("progress.json"));
    let tmux = Tmux::start(100, 30, &[]);
    tmux.type_line(&format!(
        "KUBETUTOR_PROGRESS={} {BIN} --lang en --lessons {}/tests/fixtures/tui first{tail}",
        dir.path().join("progress.json").display(),
        env!("CARGO_MANIFEST_DIR")
    ));
    tmux.wait_for(TEXT);
    (tmux, dir)
}

/// Stopped: the shell has the terminal back, as it was.
fn assert_stopped_and_restored(tmux: &Tmux) {
    tmux.wait_until(
        |s| s.contains("Stopped") && s.lines().any(|l| l.starts_with("READY$")),
        "the shell to report the job stopped",
    );
    assert_eq!(tmux.pane_format("#{alternate_on}"), "0");
    assert_eq!(tmux.pane_format("#{mouse_any_flag}"), "0");
    assert_eq!(tmux.pane_format("#{cursor_flag}"), "1");
    tmux.type_line(
        "echo TTY:$(stty -a | tr ' ;' '\\n\\n' | grep -E '^-?(icanon|echo)$' | tr '\\n' ' ')",
    );
    let screen = tmux.wait_until(
        |s| {
            s.lines()
                .any(|l| l.starts_with("TTY:") && !l.contains("$("))
        },
        "stty output",
    );
    assert!(screen.contains("TTY:icanon echo"), "{screen}");
}

/// Continued: drawn again in full, nothing of the shell left over.
fn assert_back(tmux: &Tmux) {
    tmux.type_line("fg");
    let screen = tmux.wait_until(
        |s| s.contains(TEXT) && s.contains("section 1/3") && !s.contains("READY$"),
        "the tutor drawn again",
    );
    assert!(!screen.contains("Stopped"), "{screen}");
    assert!(!screen.contains("TTY:"), "{screen}");
    assert_eq!(tmux.pane_format("#{alternate_on}"), "1");
    assert_eq!(tmux.pane_format("#{mouse_any_flag}"), "1");
    // And it still answers keys.
    tmux.keys(&["n"]);
    tmux.wait_for("section 2/3");
}

#[test]
fn ctrl_z_stops_and_fg_redraws() {
    let (tmux, _dir) = start("");
    tmux.keys(&["C-z"]);
    assert_stopped_and_restored(&tmux);
    assert_back(&tmux);
    tmux.keys(&["q"]);
    tmux.assert_terminal_restored();
}

#[test]
fn sigtstp_stops_and_sigcont_redraws() {
    let (tmux, _dir) = start("");
    let pid = tmux.child_pid().expect("the tutor's pid");
    let status = std::process::Command::new("kill")
        .args(["-TSTP", &pid.to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    assert_stopped_and_restored(&tmux);
    assert_back(&tmux);
    tmux.keys(&["q"]);
    tmux.assert_terminal_restored();
}

#[test]
fn sigterm_and_sighup_end_with_128_plus_the_signal() {
    for (signal, status) in [("TERM", 143), ("HUP", 129)] {
        let (tmux, _dir) = start("; echo EXIT=$?");
        let pid = tmux.child_pid().expect("the tutor's pid");
        let ok = std::process::Command::new("kill")
            .args([format!("-{signal}"), pid.to_string()])
            .status()
            .unwrap();
        assert!(ok.success());
        let screen = tmux.wait_until(
            |s| s.lines().any(|l| l.starts_with("EXIT=")),
            "the exit status",
        );
        assert!(
            screen.contains(&format!("EXIT={status}")),
            "{signal}: {screen}"
        );
    }
}

/// Issue #15 item 1: a lesson whose second section ran `apply -f
/// /dev/stdin` hung the tutor in `read()` on the raw terminal (q, Ctrl-C,
/// SIGTERM did nothing). A lesson reads only files in its folder: the
/// cluster pane says why the step cannot be set up, and `q` quits.
#[test]
fn a_lesson_reading_the_terminal_does_not_hang_the_tutor() {
    let dir = tempfile::tempdir().unwrap();
    let en = dir.path().join("en");
    std::fs::create_dir(&en).unwrap();
    std::fs::write(
        en.join("01-stdin.md"),
        "# Stdin\n\nFirst section.\n\n## Second\n\nReads the terminal.\n\n```cluster\ncommands:\n  - apply -f /dev/stdin\n```\n",
    )
    .unwrap();
    welcomed(&dir.path().join("p.json"));
    let tmux = Tmux::start(160, 40, &[]);
    tmux.type_line(&format!(
        "KUBETUTOR_PROGRESS={} {BIN} --lang en --lessons {}",
        dir.path().join("p.json").display(),
        dir.path().display()
    ));
    tmux.wait_for("First section.");
    tmux.keys(&["n"]);
    tmux.wait_for_all(&["Reads the terminal.", "is an absolute path"]);
    tmux.keys(&["q"]);
    tmux.assert_terminal_restored();
}
