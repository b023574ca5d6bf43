//! End to end: the real binary in a real terminal (tmux). Each test checks
//! what a student would see, and that the terminal is usable afterwards.

#[path = "e2e/tmux.rs"]
mod tmux;

use tmux::Tmux;

const BIN: &str = env!("CARGO_BIN_EXE_kubetutor");

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

fn fixtures() -> String {
    format!("{}/tests/fixtures/tui", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn a_student_reads_pages_opens_help_and_quits() {
    let (tmux, _dir) = start(
        160,
        40,
        &format!("--lang en --lessons {} first", fixtures()),
    );
    // The lesson, and the cluster pane beside it.
    tmux.wait_for_all(&[
        "This lesson exists for the interface tests.",
        "1 · A first lesson",
        "section 1/3",
        "┌ Cluster ",
    ]);

    tmux.keys(&["Right"]);
    tmux.wait_for_all(&[
        "section 2/3",
        "│ Pending   │ accepted",
        "Watch the STATUS column.",
    ]);

    tmux.keys(&["?"]);
    // The key table scrolls; its first rows show at 40 rows.
    tmux.wait_for_all(&["Esc or ? closes", "pause / resume the cluster's clock"]);
    tmux.keys(&["Escape"]);
    tmux.wait_until(
        |s| !s.contains("Esc or ? closes"),
        "the help overlay to close",
    );

    tmux.keys(&["q"]);
    tmux.assert_terminal_restored();
}

#[test]
fn the_embedded_course_opens_on_its_first_lesson() {
    let (tmux, _dir) = start(120, 30, "--lang en");
    tmux.wait_for_all(&["section 1/", "1 · Infrastructure as Code"]);
    tmux.keys(&["C-c"]);
    tmux.assert_terminal_restored();
}

#[test]
fn korean_in_a_narrow_terminal() {
    let (tmux, _dir) = start(60, 20, &format!("--lang ko --lessons {} first", fixtures()));
    tmux.wait_for("첫 번째 강의");
    tmux.keys(&["n"]);
    let screen = tmux.wait_for_all(&["단계 표", "이미지를 받는 중"]);
    assert!(
        !screen.contains("┌ 클러스터"),
        "one pane at a time when narrow (the cluster pane's title):\n{screen}"
    );
    tmux.keys(&["Tab"]);
    tmux.wait_for_all(&["STATUS 열을 지켜보세요.", "crash-demo"]);
    tmux.keys(&["q"]);
    tmux.assert_terminal_restored();
}

fn kill_with(signal: &str) {
    let (tmux, _dir) = start(
        100,
        30,
        &format!("--lang en --lessons {} first", fixtures()),
    );
    tmux.wait_for("This lesson exists for the interface tests.");
    let pid = tmux
        .child_pid()
        .expect("the tutor runs as the shell's child");
    let status = std::process::Command::new("kill")
        .args([format!("-{signal}"), pid.to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    tmux.assert_terminal_restored();
}

#[test]
fn sigterm_restores_the_terminal() {
    kill_with("TERM");
}

#[test]
fn sighup_restores_the_terminal() {
    kill_with("HUP");
}

#[test]
fn the_position_is_resumed_on_the_next_start() {
    let (tmux, dir) = start(100, 30, &format!("--lang en --lessons {}", fixtures()));
    tmux.wait_for("section 1/3");
    tmux.keys(&["n", "n"]);
    tmux.wait_for("section 3/3");
    tmux.keys(&["q"]);
    tmux.assert_terminal_restored();
    tmux.type_line(&format!(
        "clear; KUBETUTOR_PROGRESS={} {BIN} --lang en --lessons {}",
        dir.path().join("progress.json").display(),
        fixtures()
    ));
    tmux.wait_for_all(&["section 3/3", "Some code"]);
    tmux.keys(&["q"]);
    tmux.assert_terminal_restored();
}

#[test]
fn an_unknown_lesson_is_a_clear_error_before_the_screen_changes() {
    let tmux = Tmux::start(100, 20, &[]);
    tmux.type_line(&format!(
        "{BIN} --lessons {} frist; echo EXIT=$?",
        fixtures()
    ));
    let screen = tmux.wait_until(
        |s| s.lines().any(|l| l.starts_with("EXIT=")),
        "the exit status",
    );
    assert!(
        screen.contains("unknown lesson 'frist'; did you mean 'first'?"),
        "{screen}"
    );
    assert!(screen.contains("EXIT=1"), "{screen}");
}

#[test]
fn the_tutor_exits_when_its_terminal_goes_away() {
    let (tmux, _dir) = start(
        100,
        30,
        &format!("--lang en --lessons {} first", fixtures()),
    );
    tmux.wait_for("This lesson exists for the interface tests.");
    let pid = tmux
        .child_pid()
        .expect("the tutor runs as the shell's child");
    tmux.hang_up();
    let proc_dir = format!("/proc/{pid}");
    let start = std::time::Instant::now();
    while std::path::Path::new(&proc_dir).exists()
        && std::fs::read_to_string(format!("{proc_dir}/stat")).is_ok_and(|s| {
            !s.rsplit_once(')')
                .is_some_and(|(_, rest)| rest.trim_start().starts_with('Z'))
        })
    {
        assert!(
            start.elapsed() < tmux::PATIENCE,
            "the tutor (pid {pid}) kept running after its terminal hung up"
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}
