//! End to end: a lesson's quiz answered and an exercise edited in the real
//! binary in a real terminal (tmux): the answer checked and kept in the
//! progress file, a round trip through `$VISUAL` (a fake editor script that
//! rewrites the file with sed) that gives the terminal back and returns
//! with the edit, a check that passes, and the terminal as it was after
//! quitting.

#[path = "e2e/tmux.rs"]
mod tmux;

use std::path::Path;
use tmux::Tmux;

const BIN: &str = env!("CARGO_BIN_EXE_kubetutor");

fn fixtures(dir: &str) -> String {
    format!("{}/tests/fixtures/{dir}", env!("CARGO_MANIFEST_DIR"))
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

fn start(cols: u16, rows: u16, env: &[(&str, &str)], dir: &Path, args: &str) -> Tmux {
    let progress = dir.join("progress.json");
    if !progress.exists() {
        welcomed(&progress);
    }
    let tmux = Tmux::start(cols, rows, env);
    tmux.type_line(&format!(
        "KUBETUTOR_PROGRESS={} {BIN} {args}",
        progress.display()
    ));
    tmux
}

#[test]
fn a_quiz_answered_in_the_lesson_pane() {
    let dir = tempfile::tempdir().unwrap();
    let tmux = start(
        120,
        40,
        &[],
        dir.path(),
        &format!("--lang en --lessons {} checks", fixtures("quiz")),
    );
    tmux.wait_for_all(&["section 1/4", "quiz 0/5"]);
    tmux.keys(&["Right"]);
    tmux.wait_for_all(&["section 2/4", "Quiz 1/2 · choose one"]);
    // Focus the question, pick a wrong answer, then the right one (the
    // choices are shown in the order of the install seed).
    let shown = kubetutor::quiz::shuffle::choice_order(
        3,
        kubetutor::quiz::shuffle::seed_for("exit-1-never", SEED),
    );
    let number = |i: usize| (shown.iter().position(|&x| x == i).unwrap() + 1).to_string();
    tmux.keys(&["]"]);
    tmux.wait_for(&format!("{}. ( ) Running", number(0)));
    tmux.keys(&[number(0).as_str(), "Enter"]);
    tmux.wait_for_all(&["✗ Not quite. Try once more.", "Nothing runs any more."]);
    tmux.keys(&[number(1).as_str(), "Enter"]);
    let answer = format!("Answer: {}. Failed", number(1));
    tmux.wait_for_all(&["✓ Right!", &answer, "quiz 0.5/5"]);
    tmux.keys(&["q"]);
    tmux.assert_terminal_restored();
    let saved = std::fs::read_to_string(dir.path().join("progress.json")).unwrap();
    assert!(saved.contains("exit-1-never"), "{saved}");

    // Started again (no lesson named: where the student left off): the
    // answer is still there.
    tmux.type_line(&format!(
        "clear; KUBETUTOR_PROGRESS={} {BIN} --lang en --lessons {}",
        dir.path().join("progress.json").display(),
        fixtures("quiz")
    ));
    tmux.wait_for_all(&["2/4 · quiz 0.5/5", &answer]);
    tmux.keys(&["C-c"]);
    tmux.assert_terminal_restored();
}

#[test]
fn an_exercise_edited_in_visual_then_checked() {
    let dir = tempfile::tempdir().unwrap();
    let go = dir.path().join("go");
    let script = dir.path().join("fake-editor.sh");
    // The fake editor says it runs, waits for the test to have seen it on
    // the main screen, then adds the missing label with sed.
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\necho FAKE-EDITOR-ON \"$1\"\nwhile [ ! -e '{}' ]; do sleep 0.05; done\n\
             sed -i 's/^  name: extra$/  name: extra\\n  labels:\\n    app: web/' \"$1\"\n",
            go.display()
        ),
    )
    .unwrap();
    let mut perms = std::fs::metadata(&script).unwrap().permissions();
    std::os::unix::fs::PermissionsExt::set_mode(&mut perms, 0o755);
    std::fs::set_permissions(&script, perms).unwrap();

    let visual = script.display().to_string();
    let tmux = start(
        120,
        40,
        &[("VISUAL", &visual)],
        dir.path(),
        &format!("--lang en --lessons {} scale", fixtures("exercises/course")),
    );
    tmux.wait_for("section 1/2");
    tmux.keys(&["Right"]);
    tmux.wait_for("Exercise · scale-web");
    tmux.keys(&["]", "Enter"]);
    tmux.wait_for_all(&["8        image: nginx:1.27", "Ctrl-S check"]);
    tmux.keys(&["C-o"]);
    // The interface gave the terminal to the editor: main screen, cooked mode.
    let screen = tmux.wait_for("FAKE-EDITOR-ON");
    assert!(
        screen.contains(".yaml"),
        "a .yaml temporary file:\n{screen}"
    );
    assert_eq!(tmux.pane_format("#{alternate_on}"), "0");
    std::fs::write(&go, "").unwrap();
    // Back in the editor with the rewritten text.
    tmux.wait_for_all(&["5    labels:", "6      app: web", "fake-editor.sh"]);
    assert_eq!(tmux.pane_format("#{alternate_on}"), "1");
    tmux.keys(&["C-s"]);
    tmux.wait_for("PASS: all 2 checks hold");
    tmux.keys(&["Escape"]);
    tmux.wait_for("✓ Passed.");
    tmux.keys(&["q"]);
    tmux.assert_terminal_restored();
    let saved = std::fs::read_to_string(dir.path().join("progress.json")).unwrap();
    assert!(saved.contains("scale-web"), "{saved}");
    assert!(saved.contains("app: web"), "the draft is kept:\n{saved}");
}

/// `kubetutor quiz LESSON` on a terminal opens the tutor on the lesson's
/// first question, ready to answer; with standard output piped it says
/// the view needs a terminal (exit status 2) and points at `--plain`.
#[test]
fn the_quiz_command_opens_the_tutor_on_the_first_question() {
    let dir = tempfile::tempdir().unwrap();
    let tmux = start(
        120,
        40,
        &[],
        dir.path(),
        &format!("--lang en --lessons {} quiz checks", fixtures("quiz")),
    );
    let shown = kubetutor::quiz::shuffle::choice_order(
        3,
        kubetutor::quiz::shuffle::seed_for("exit-1-never", SEED),
    );
    let failed = (shown.iter().position(|&x| x == 1).unwrap() + 1).to_string();
    tmux.wait_for_all(&["section 2/4", "Quiz 1/2 · choose one"]);
    // Nothing is picked yet: Enter says so.
    tmux.keys(&["Enter"]);
    tmux.wait_for("Pick a choice first (press its number).");
    tmux.keys(&[failed.as_str(), "Enter"]);
    tmux.wait_for_all(&["✓ Right!", "quiz 1/5"]);
    tmux.keys(&["Escape", "q"]);
    tmux.assert_terminal_restored();

    tmux.type_line(&format!(
        "clear; {BIN} --lessons {} quiz checks | cat; echo EXIT:${{PIPESTATUS[0]}}",
        fixtures("quiz")
    ));
    tmux.wait_for_all(&[
        "the quiz view needs a terminal on standard output",
        "kubetutor quiz checks --plain",
        "EXIT:2",
    ]);
}
