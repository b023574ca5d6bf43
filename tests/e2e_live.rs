//! End to end in tmux: live reload of a `--lessons` folder, and a panic
//! inside the event loop (the KUBETUTOR_PANIC_ON_KEY test hook) giving the
//! terminal back with its message readable on the normal screen.

#[path = "e2e/tmux.rs"]
mod tmux;

use std::path::Path;
use tmux::Tmux;

const BIN: &str = env!("CARGO_BIN_EXE_kubetutor");

fn lesson(text: &str) -> String {
    format!(
        "---\nid: live\ntitle: Live lesson\norder: 1\n---\n# Live lesson\n\n{text}\n\n## Second part\n\nMore text.\n"
    )
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

fn start(dir: &Path, env: &str) -> Tmux {
    if !dir.join("progress.json").exists() {
        welcomed(&dir.join("progress.json"));
    }
    let tmux = Tmux::start(160, 30, &[]);
    tmux.type_line(&format!(
        "{env} KUBETUTOR_PROGRESS={} {BIN} --lang en --lessons {}",
        dir.join("progress.json").display(),
        dir.join("course").display()
    ));
    tmux
}

/// Save the lesson the way many editors do: write a new file, then rename
/// it over the old one.
fn save(path: &Path, text: &str) {
    let tmp = path.with_extension("tmp~");
    std::fs::write(&tmp, text).unwrap();
    std::fs::rename(&tmp, path).unwrap();
}

#[test]
fn saving_a_lesson_updates_the_screen_and_a_broken_save_keeps_the_old_text() {
    let dir = tempfile::tempdir().unwrap();
    let course = dir.path().join("course/en");
    std::fs::create_dir_all(&course).unwrap();
    let file = course.join("01-live.md");
    std::fs::write(&file, lesson("The first version of the text.")).unwrap();
    let tmux = start(dir.path(), "");
    tmux.wait_for_all(&["The first version of the text.", "section 1/2"]);

    std::fs::write(&file, lesson("The second version, saved in place.")).unwrap();
    tmux.wait_for_all(&["The second version, saved in place.", "section 1/2"]);

    // The student moves on; a save keeps them on the same section.
    tmux.keys(&["n"]);
    tmux.wait_for("section 2/2");
    save(
        &file,
        &lesson("The third version.").replace("More text.", "More text, edited."),
    );
    tmux.wait_for_all(&["More text, edited.", "section 2/2"]);
    tmux.keys(&["p"]);
    tmux.wait_for("The third version.");

    // Broken front matter: the banner names the file and line, the last
    // good text stays.
    save(&file, "---\nid: live\n# Live lesson\n\nHalf saved.\n");
    let screen = tmux.wait_for_all(&[
        "⚠ en/01-live.md:1: front matter starts here but has no closing `---` line",
        "showing the last version that loaded: en/01-live.md",
        "The third version.",
    ]);
    assert!(!screen.contains("Half saved."), "{screen}");

    // Fixed: the banner goes, the new text shows.
    save(&file, &lesson("The fixed version."));
    tmux.wait_until(
        |s| s.contains("The fixed version.") && !s.contains("⚠"),
        "the fixed text without a banner",
    );
    tmux.keys(&["q"]);
    tmux.assert_terminal_restored();
}

#[test]
fn a_panic_in_the_event_loop_restores_the_terminal_and_prints_after_it() {
    let dir = tempfile::tempdir().unwrap();
    let course = dir.path().join("course/en");
    std::fs::create_dir_all(&course).unwrap();
    std::fs::write(course.join("01-live.md"), lesson("Text before the panic.")).unwrap();
    let tmux = start(dir.path(), "KUBETUTOR_PANIC_ON_KEY=F12");
    tmux.wait_for("Text before the panic.");
    tmux.keys(&["F11", "n"]);
    tmux.wait_for("section 2/2");
    tmux.keys(&["F12"]);
    let screen = tmux.wait_until(
        |s| s.lines().any(|l| l.starts_with("READY$")),
        "the shell prompt after the panic",
    );
    assert!(
        screen.contains("KUBETUTOR_PANIC_ON_KEY test hook: F12 was pressed"),
        "the panic message is on the normal screen:\n{screen}"
    );
    assert!(
        !screen.contains("More text."),
        "nothing of the interface is left on the normal screen:\n{screen}"
    );
    // The message starts at the left edge: raw mode was off when it was
    // printed, so its lines are not staircased.
    let line = screen
        .lines()
        .find(|l| l.contains("panicked at"))
        .unwrap_or_else(|| panic!("{screen}"));
    assert!(line.starts_with("thread 'main'"), "{screen}");
    let next = screen
        .lines()
        .skip_while(|l| !l.contains("panicked at"))
        .nth(1)
        .unwrap_or_default();
    assert!(
        next.starts_with("KUBETUTOR_PANIC_ON_KEY"),
        "the message line starts at column 0:\n{screen}"
    );
    tmux.assert_terminal_restored();
}

/// A folder with broken files opens on what loads; the banner counts the
/// files with problems and shows the first one, `path:line: message`, and
/// `x` dismisses it.
#[test]
fn broken_files_at_start_are_named_in_the_banner() {
    let dir = tempfile::tempdir().unwrap();
    let course = dir.path().join("course");
    std::fs::create_dir(&course).unwrap();
    std::fs::write(course.join("a-good.md"), lesson("Fine text.")).unwrap();
    std::fs::write(
        course.join("b-broken.md"),
        "---\nid: broken\ntitle: [unclosed\n---\n# Broken\n",
    )
    .unwrap();
    let tmux = start(dir.path(), "");
    tmux.wait_for_all(&[
        "⚠ 1 lesson file has problems (all of them: kubetutor list; x dismisses): b-broken.md:4: front matter:",
        "Fine text.",
    ]);
    tmux.keys(&["x"]);
    tmux.wait_until(|s| !s.contains("has problems"), "the banner dismissed");
    tmux.keys(&["q"]);
    tmux.assert_terminal_restored();
}
