//! The exercise editor (ratatui's TestBackend): the editor on the starter,
//! a typo marked at its line with a suggestion, the fixed manifest run in
//! the cluster pane until the exercise passes, the draft kept in the
//! progress file, and reset / solution behind a question.

#[path = "support/tui.rs"]
mod support;

use kubetutor::lang::Lang;
use kubetutor::progress::Store;
use kubetutor::timestamp::Timestamp;
use kubetutor::tui::action::Action;
use kubetutor::tui::app::App;
use kubetutor::tui::blocks::BlockKey;
use kubetutor::tui::editor::{Confirm, EditKey, EditorKey};
use ratatui_textarea::Key;
use std::path::Path;
use support::*;

const STARTER: &str = "apiVersion: v1
kind: Pod
metadata:
  name: extra
spec:
  containers:
    - name: web
      image: nginx:1.27
";

fn edit(app: &mut App, key: Key, times: usize) {
    for _ in 0..times {
        app.apply(Action::Editor(EditorKey::Edit(EditKey {
            key,
            ctrl: false,
            alt: false,
            shift: false,
        })));
    }
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        edit(app, Key::Char(c), 1);
    }
}

fn editor_key(app: &mut App, key: EditorKey) {
    app.apply(Action::Editor(key));
}

fn text(app: &App) -> String {
    app.editor.as_ref().expect("editor open").text()
}

/// Open the `scale-web` exercise's editor (its section is the second).
fn open(app: &mut App) {
    app.apply(Action::NextSection);
    app.apply(Action::Block(BlockKey::Next));
    app.apply(Action::Block(BlockKey::Enter));
    assert!(app.editor.is_some(), "the editor opens");
}

fn fixed_now() -> Timestamp {
    Timestamp::from_secs(1_800_000_000)
}

fn app_with_store(path: &Path, lang: Lang) -> App {
    let (store, warnings) = Store::open(path);
    assert!(warnings.is_empty(), "{warnings:?}");
    let catalog =
        kubetutor::lesson::catalog::Catalog::from_dir(Path::new("tests/fixtures/exercises/course"))
            .expect("fixture loads");
    App::new(
        catalog,
        kubetutor::tui::app::Options {
            lang,
            start: Some("scale".into()),
            theme: kubetutor::markdown::Theme::plain(),
            color: false,
        },
        Some(store),
    )
    .with_clock(fixed_now)
}

/// Line 6 (`  containers:`) becomes `  contianers:`.
fn make_the_typo(app: &mut App) {
    edit(app, Key::Down, 5);
    edit(app, Key::Home, 1);
    edit(app, Key::Right, 6);
    edit(app, Key::Delete, 2);
    type_text(app, "ia");
    assert!(text(app).contains("\n  contianers:\n"), "{}", text(app));
}

/// Run the interface until the editor's check is over (at most `limit` ticks).
fn run_check(app: &mut App, limit: usize) -> usize {
    for n in 0..limit {
        if app.editor.as_ref().is_some_and(|e| e.run.is_none()) {
            return n;
        }
        app.apply(Action::Tick(100));
    }
    panic!("the check did not end in {limit} ticks");
}

#[test]
fn the_editor_on_the_starter() {
    for (lang, tag) in [(Lang::En, "en"), (Lang::Ko, "ko")] {
        let mut app = app_on("exercises/course", "scale", lang);
        open(&mut app);
        assert_eq!(text(&app), STARTER);
        for (w, h) in [(160u16, 48u16), (80, 30)] {
            insta::assert_snapshot!(format!("editor_{tag}_{w}x{h}"), screen(&mut app, w, h));
        }
    }
}

#[test]
fn a_typo_is_marked_at_its_line_with_a_suggestion() {
    let mut app = app_on("exercises/course", "scale", Lang::En);
    open(&mut app);
    make_the_typo(&mut app);
    editor_key(&mut app, EditorKey::Submit);
    let s = screen(&mut app, 160, 48);
    insta::assert_snapshot!("editor_typo_160x48", s);
    let gutter: Vec<&str> = s.lines().filter(|l| l.contains("✗ ")).collect();
    assert!(
        gutter.iter().any(|l| l.contains("6✗   contianers:")),
        "line 6 marked:\n{s}"
    );
    assert!(
        s.contains("6:3 spec.contianers: unknown field \"spec.contianers\""),
        "listed below:\n{s}"
    );
    assert!(
        s.contains("hint: did you mean \"containers\"?"),
        "the suggestion:\n{s}"
    );
    // The cursor is on the problem: the misspelling, the only error (no
    // `containers: Required value` is derived from it); F8 stays on it.
    let cursor = app.editor.as_ref().unwrap().area.cursor();
    assert_eq!((cursor.0, cursor.1), (5, 2), "line 6, column 3");
    editor_key(&mut app, EditorKey::NextError);
    let cursor = app.editor.as_ref().unwrap().area.cursor();
    assert_eq!((cursor.0, cursor.1), (5, 2), "still line 6, column 3");
    // A failed check counts: the solution may now be asked for.
    assert!(app.blocks.exercises["scale-web"].failed);
}

#[test]
fn fixed_and_submitted_it_runs_until_the_exercise_passes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.json");
    let mut app = app_with_store(&path, Lang::En);
    open(&mut app);
    make_the_typo(&mut app);
    editor_key(&mut app, EditorKey::Submit);
    assert!(!app.editor.as_ref().unwrap().diagnostics.is_empty());
    // Undo the two letters typed and the two deleted.
    for _ in 0..4 {
        editor_key(&mut app, EditorKey::Undo);
    }
    assert_eq!(text(&app), STARTER);
    // The label, typed with the editor's indentation: Enter after
    // `labels:` indents one step more.
    edit(&mut app, Key::Up, 2);
    edit(&mut app, Key::End, 1);
    assert_eq!(app.editor.as_ref().unwrap().area.cursor().0, 3);
    editor_key(&mut app, EditorKey::Newline);
    type_text(&mut app, "labels:");
    editor_key(&mut app, EditorKey::Newline);
    type_text(&mut app, "app: web");
    assert!(
        text(&app).contains("  name: extra\n  labels:\n    app: web\nspec:"),
        "{}",
        text(&app)
    );
    editor_key(&mut app, EditorKey::Submit);
    let editor = app.editor.as_ref().unwrap();
    assert!(editor.diagnostics.iter().all(|d| !d.is_error()));
    assert!(editor.run.is_some(), "a run in the cluster pane");
    // The manifest is applied: the pod shows in the cluster pane.
    app.apply(Action::Tick(100));
    let s = screen(&mut app, 160, 48);
    assert!(s.contains("extra"), "{s}");
    let ticks = run_check(&mut app, 400);
    assert!(ticks > 0);
    let report = app.editor.as_ref().unwrap().report.clone().unwrap();
    assert!(report.passed(), "{report:?}");
    let s = screen(&mut app, 160, 48);
    assert!(
        s.lines()
            .any(|l| l.contains("● extra ") && l.contains(" Running ")),
        "the pod runs in the cluster pane:\n{s}"
    );
    assert!(s.contains("PASS: all 2 checks hold"), "{s}");
    assert!(app.blocks.exercises["scale-web"].passed);
    // Recorded: the pass, and a failed attempt before it.
    let (store, _) = Store::open(&path);
    let x = store.exercise("scale", "scale-web").expect("recorded");
    assert!(x.passed.is_some());
    assert_eq!(
        x.attempts.iter().map(|a| a.passed).collect::<Vec<_>>(),
        vec![false, true]
    );
}

#[test]
fn the_draft_is_kept_and_reopened() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.json");
    {
        let mut app = app_with_store(&path, Lang::En);
        open(&mut app);
        edit(&mut app, Key::Down, 7);
        edit(&mut app, Key::End, 1);
        type_text(&mut app, "-alpine");
        editor_key(&mut app, EditorKey::Close);
        assert!(app.editor.is_none());
        app.apply(Action::Quit);
    }
    let (store, _) = Store::open(&path);
    let draft = store.exercise("scale", "scale-web").unwrap().draft.clone();
    assert!(draft.unwrap().text.contains("image: nginx:1.27-alpine"));

    let mut app = app_with_store(&path, Lang::En);
    open(&mut app);
    assert_eq!(text(&app), STARTER.replace("1.27\n", "1.27-alpine\n"));
    // Quitting with the editor open keeps what was typed too.
    type_text(&mut app, "# note");
    app.apply(Action::Quit);
    let (store, _) = Store::open(&path);
    let draft = store.exercise("scale", "scale-web").unwrap().draft.clone();
    assert!(draft.unwrap().text.starts_with("# noteapiVersion"));
}

#[test]
fn reset_asks_first() {
    let mut app = app_on("exercises/course", "scale", Lang::En);
    open(&mut app);
    type_text(&mut app, "xyz");
    editor_key(&mut app, EditorKey::Reset);
    assert_eq!(app.editor.as_ref().unwrap().confirm, Some(Confirm::Reset));
    let s = screen(&mut app, 160, 48);
    assert!(s.contains("Reset to the starter?"), "{s}");
    editor_key(&mut app, EditorKey::Confirm(false));
    assert!(text(&app).starts_with("xyzapiVersion"), "no: kept");
    editor_key(&mut app, EditorKey::Reset);
    editor_key(&mut app, EditorKey::Confirm(true));
    assert_eq!(text(&app), STARTER);
    // One undo brings the text back.
    editor_key(&mut app, EditorKey::Undo);
    assert!(text(&app).starts_with("xyzapiVersion"), "{}", text(&app));
    // Edits after a reset are undone first, then the reset.
    editor_key(&mut app, EditorKey::Reset);
    editor_key(&mut app, EditorKey::Confirm(true));
    type_text(&mut app, "q");
    editor_key(&mut app, EditorKey::Undo);
    assert_eq!(text(&app), STARTER);
    editor_key(&mut app, EditorKey::Undo);
    assert!(text(&app).starts_with("xyzapiVersion"), "{}", text(&app));
    // And the typing before it, one undo step at a time, down to the starter.
    for _ in 0..3 {
        editor_key(&mut app, EditorKey::Undo);
    }
    assert_eq!(text(&app), STARTER);
}

#[test]
fn the_solution_is_refused_before_a_failed_check_then_asks_first() {
    let mut app = app_on("exercises/course", "scale", Lang::Ko);
    open(&mut app);
    editor_key(&mut app, EditorKey::Solution);
    assert_eq!(app.editor.as_ref().unwrap().confirm, None);
    let s = screen(&mut app, 160, 48);
    assert!(
        s.contains("정답은 한 번 확인(Ctrl-S)에 실패한 뒤에 볼 수 있습니다."),
        "{s}"
    );
    assert_eq!(text(&app), STARTER);
    // The starter fails its checks (three pods, not four) once the
    // timeout is over.
    editor_key(&mut app, EditorKey::Submit);
    run_check(&mut app, 400);
    assert!(
        !app.editor
            .as_ref()
            .unwrap()
            .report
            .as_ref()
            .unwrap()
            .passed()
    );
    editor_key(&mut app, EditorKey::Solution);
    assert_eq!(
        app.editor.as_ref().unwrap().confirm,
        Some(Confirm::Solution)
    );
    // Before confirming: what the solution would replace, as a diff.
    let s = screen(&mut app, 160, 48);
    assert!(s.contains("정답이 바꿀 줄"), "{s}");
    assert!(s.contains("+     app: web"), "{s}");
    editor_key(&mut app, EditorKey::Confirm(false));
    assert_eq!(text(&app), STARTER);
    editor_key(&mut app, EditorKey::Solution);
    editor_key(&mut app, EditorKey::Confirm(true));
    assert!(
        text(&app).contains("  labels:\n    app: web\n"),
        "{}",
        text(&app)
    );
    // One Ctrl-Z brings the student's text back.
    editor_key(&mut app, EditorKey::Undo);
    assert_eq!(text(&app), STARTER);
}

#[test]
fn hints_come_one_at_a_time() {
    let mut app = app_on("exercises/course", "scale", Lang::En);
    open(&mut app);
    let s = screen(&mut app, 160, 48);
    assert!(!s.contains("The Pod needs a label."), "{s}");
    editor_key(&mut app, EditorKey::Hint);
    let s = screen(&mut app, 160, 48);
    assert!(s.contains("The Pod needs a label."), "{s}");
    // None left: said so.
    editor_key(&mut app, EditorKey::Hint);
    assert!(app.editor.as_ref().unwrap().note.is_some());
}

#[test]
fn a_pasted_manifest_goes_in_as_it_is() {
    let mut app = app_on("exercises/course", "scale", Lang::En);
    open(&mut app);
    editor_key(&mut app, EditorKey::Reset);
    editor_key(&mut app, EditorKey::Confirm(true));
    // Select nothing: paste at the top.
    app.paste("# a\r\n  # b\x1b[31m\n");
    assert!(
        text(&app).starts_with("# a\n  # b[31m\napiVersion"),
        "{}",
        text(&app)
    );
    // With the help overlay over the editor, a paste goes nowhere.
    let before = text(&app);
    app.apply(Action::ToggleHelp);
    app.paste("kind: Nope\n");
    app.apply(Action::CloseOverlay);
    assert_eq!(text(&app), before);
}

/// Issue #15 item 10: a draft reached the file only on close or quit, so a
/// panic or `kill -9` lost it. While the editor is open and its text
/// differs from the saved draft, it is saved every few seconds (of ticks).
#[test]
fn the_draft_is_saved_every_few_seconds_while_it_changes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.json");
    let saved = || {
        let (store, _) = Store::open(&path);
        store
            .exercise("scale", "scale-web")
            .and_then(|x| x.draft.clone())
            .map(|d| d.text)
    };
    let mut app = app_with_store(&path, Lang::En);
    open(&mut app);
    type_text(&mut app, "# one");
    app.apply(Action::Tick(1_000));
    assert_eq!(saved(), None, "not after one second");
    app.apply(Action::Tick(2_000));
    assert!(
        saved().unwrap().starts_with("# oneapiVersion"),
        "{:?}",
        saved()
    );
    type_text(&mut app, " two");
    for _ in 0..30 {
        app.apply(Action::Tick(100));
    }
    assert!(saved().unwrap().starts_with("# one twoapiVersion"));
    // The app is dropped without quitting (as by a crash): the draft stays.
    drop(app);
    assert!(saved().unwrap().starts_with("# one two"));
}
