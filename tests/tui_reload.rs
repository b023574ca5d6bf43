//! Live reload in the interface (src/tui/reload.rs): the position is kept,
//! the banner shows what failed and clears once fixed. Drawn with TestBackend.

#[path = "support/tui.rs"]
mod support;

use kubetutor::lang::Lang;
use kubetutor::lesson::reload::reload_files;
use kubetutor::lesson::{Catalog, LessonFile};
use kubetutor::tui::action::Action;
use kubetutor::tui::app::{App, Overlay};

fn file(path: &str, text: &str) -> LessonFile {
    LessonFile {
        path: path.to_string(),
        text: text.to_string(),
    }
}

/// A lesson with `sections` sections of `lines` numbered lines each.
fn long_lesson(id: &str, order: u32, sections: usize, lines: usize, word: &str) -> String {
    let mut out = format!("---\nid: {id}\norder: {order}\n---\n# {id}\n\nIntro of {id}.\n");
    for s in 1..sections {
        out.push_str(&format!("\n## Part {s}\n\n"));
        for l in 0..lines {
            out.push_str(&format!("{word} {s}.{l}\n\n"));
        }
    }
    out
}

fn files(pods: &str) -> Vec<LessonFile> {
    vec![
        file("en/01-pods.md", pods),
        file("en/02-nodes.md", &long_lesson("nodes", 2, 2, 3, "node")),
    ]
}

fn app() -> App {
    let catalog = Catalog::from_files(
        "",
        files(&long_lesson("pods", 1, 4, 40, "line")),
        Vec::new(),
    );
    support::app_of(catalog, "pods", Lang::En)
}

fn screen(app: &mut App) -> String {
    support::screen(app, 100, 30)
}

fn reload(app: &mut App, pods: &str, owned: &mut Vec<String>) {
    let reloaded = reload_files(&app.catalog, files(pods), Vec::new());
    app.apply_reload(reloaded, owned);
}

/// On section 3 of pods, scrolled 10 lines down.
fn reading(app: &mut App) {
    app.apply(Action::NextSection);
    app.apply(Action::NextSection);
    screen(app);
    app.apply(Action::Scroll(10));
    assert_eq!((app.section, app.scroll), (2, 10));
}

#[test]
fn a_saved_edit_shows_at_the_same_place() {
    let mut app = app();
    reading(&mut app);
    let mut owned = Vec::new();
    reload(
        &mut app,
        &long_lesson("pods", 1, 4, 40, "edited"),
        &mut owned,
    );
    assert_eq!(app.lesson_id(), Some("pods"));
    assert_eq!((app.section, app.scroll), (2, 10));
    let s = screen(&mut app);
    assert!(s.contains("edited 2.5"), "{s}");
    assert!(
        !s.contains("line 2.5"),
        "the old render is not cached:\n{s}"
    );
    assert!(app.banner.is_empty());
    assert!(owned.is_empty());
}

#[test]
fn a_shorter_lesson_clamps_the_section_and_resets_the_scroll() {
    let mut app = app();
    reading(&mut app);
    let mut owned = Vec::new();
    reload(
        &mut app,
        &long_lesson("pods", 1, 2, 40, "short"),
        &mut owned,
    );
    assert_eq!((app.section, app.scroll), (1, 0));
    assert!(screen(&mut app).contains("short 1.0"));
}

#[test]
fn a_removed_lesson_opens_the_first_one() {
    let mut app = app();
    app.apply(Action::NextSection);
    let mut owned = Vec::new();
    // pods' file now holds another id: pods is gone.
    reload(&mut app, &long_lesson("intro", 0, 1, 1, "x"), &mut owned);
    assert_eq!(app.lesson_id(), Some("intro"));
    assert_eq!((app.section, app.scroll), (0, 0));
}

#[test]
fn a_broken_file_shows_its_error_and_the_last_good_text_until_fixed() {
    let mut app = app();
    reading(&mut app);
    app.banner.push("⚠ progress file warning".into());
    let mut owned = vec![];
    reload(&mut app, "---\nid: pods\n# pods\n\nhalf saved", &mut owned);
    assert_eq!(
        app.banner,
        [
            "⚠ en/01-pods.md:1: front matter starts here but has no closing `---` line",
            "⚠ showing the last version that loaded: en/01-pods.md",
            "⚠ progress file warning",
        ]
    );
    assert_eq!((app.section, app.scroll), (2, 10), "the position is kept");
    let s = screen(&mut app);
    assert!(
        s.contains("en/01-pods.md:1: front matter starts here but has no closing"),
        "{s}"
    );
    assert!(s.contains("line 2.10"), "the last good text:\n{s}");

    // Saved again, still broken: the banner is replaced, not repeated.
    reload(&mut app, "---\nid: pods\n# pods\n\nstill half", &mut owned);
    assert_eq!(app.banner.len(), 3);

    reload(
        &mut app,
        &long_lesson("pods", 1, 4, 40, "fixed"),
        &mut owned,
    );
    assert_eq!(app.banner, ["⚠ progress file warning"]);
    assert!(screen(&mut app).contains("fixed 2.10"));
    assert_eq!((app.section, app.scroll), (2, 10));
}

#[test]
fn the_first_loads_summary_is_replaced_by_the_first_reload() {
    let mut app = app();
    app.banner.push("1 lesson file failed to load".into());
    let mut owned = vec!["1 lesson file failed to load".to_string()];
    reload(&mut app, &long_lesson("pods", 1, 4, 40, "line"), &mut owned);
    assert!(app.banner.is_empty(), "{:?}", app.banner);
}

#[test]
fn the_course_list_selection_stays_inside_a_shorter_course() {
    let mut app = app();
    app.apply(Action::ToggleCourse);
    app.apply(Action::Select(i32::MAX));
    assert_eq!(app.overlay, Some(Overlay::Course { selected: 1 }));
    let reloaded = reload_files(
        &app.catalog,
        vec![file("en/01-pods.md", &long_lesson("pods", 1, 2, 2, "x"))],
        Vec::new(),
    );
    app.apply_reload(reloaded, &mut Vec::new());
    assert_eq!(app.overlay, Some(Overlay::Course { selected: 0 }));
    screen(&mut app);
}
