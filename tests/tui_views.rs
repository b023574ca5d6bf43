//! The interface drawn into ratatui's TestBackend: snapshots at the sizes a
//! student uses, behaviour of the keys, and a sweep of every size.

use kubetutor::lang::Lang;
use kubetutor::lesson::catalog::Catalog;
use kubetutor::markdown::Theme;
use kubetutor::progress::Store;
use kubetutor::timestamp::Timestamp;
use kubetutor::tui::action::{Action, Pane};
use kubetutor::tui::app::{App, Options, Overlay};
use kubetutor::tui::views;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::path::Path;

#[path = "support/busy.rs"]
mod busy;

fn catalog() -> Catalog {
    Catalog::from_dir(Path::new("tests/fixtures/tui")).expect("fixture course loads")
}

fn app(lang: Lang) -> App {
    App::new(
        catalog(),
        Options {
            lang,
            start: Some("first".into()),
            theme: Theme::plain(),
            color: false,
        },
        None,
    )
}

fn screen(app: &mut App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| views::draw(frame, app)).unwrap();
    terminal.backend().to_string()
}

#[test]
fn wide_terminal_shows_lesson_and_cluster_side_by_side() {
    let mut app = app(Lang::En);
    app.apply(Action::NextSection);
    insta::assert_snapshot!("wide_160x48_table", screen(&mut app, 160, 48));
}

#[test]
fn medium_terminal_in_korean_shows_one_pane() {
    let mut app = app(Lang::Ko);
    app.apply(Action::NextSection);
    insta::assert_snapshot!("medium_100x30_korean_table", screen(&mut app, 100, 30));
}

#[test]
fn narrow_terminal_with_code() {
    let mut app = app(Lang::En);
    app.apply(Action::NextSection);
    app.apply(Action::NextSection);
    insta::assert_snapshot!("narrow_60x20_code", screen(&mut app, 60, 20));
}

#[test]
fn tab_switches_the_visible_pane_when_narrow() {
    let mut app = app(Lang::En);
    app.apply(Action::NextSection);
    let lesson = screen(&mut app, 80, 24);
    assert!(lesson.contains("A table of phases"), "{lesson}");
    app.apply(Action::FocusNext);
    assert_eq!(app.focus, Pane::Cluster);
    let cluster = screen(&mut app, 80, 24);
    assert!(!cluster.contains("A table of phases"), "{cluster}");
    assert!(
        cluster.contains("crash-demo"),
        "the crashloop scenario:\n{cluster}"
    );
    assert!(cluster.contains("Watch the STATUS column."), "{cluster}");
}

#[test]
fn help_overlay_lists_every_key() {
    let mut app = app(Lang::En);
    app.apply(Action::ToggleHelp);
    let s = screen(&mut app, 100, 30);
    insta::assert_snapshot!("help_100x30", s);
    // The table scrolls: collect every page.
    let mut seen = s.clone();
    for _ in 0..kubetutor::tui::i18n::KEYS.len() / 10 + 2 {
        app.apply(Action::HelpPage(1));
        seen.push_str(&screen(&mut app, 100, 30));
    }
    for key in kubetutor::tui::i18n::KEYS {
        assert!(seen.contains(key.en), "help misses {:?}", key.en);
    }
    // The welcome's keys first, then the keys under their headings.
    assert!(s.contains("Welcome to kubetutor"), "{s}");
    for heading in [
        "Reading",
        "The cluster and the command bar",
        "Quizzes",
        "The pod-phase drill",
    ] {
        assert!(seen.contains(heading), "help misses the heading {heading}");
    }
    // Korean too, at the same size.
    app.apply(Action::ToggleHelp);
    app.apply(Action::ToggleLanguage);
    app.apply(Action::ToggleHelp);
    let mut seen = screen(&mut app, 100, 30);
    for _ in 0..kubetutor::tui::i18n::KEYS.len() / 10 + 2 {
        app.apply(Action::HelpPage(1));
        seen.push_str(&screen(&mut app, 100, 30));
    }
    for key in kubetutor::tui::i18n::KEYS {
        assert!(seen.contains(key.ko), "Korean help misses {:?}", key.ko);
    }
    app.apply(Action::ToggleHelp);
    assert_eq!(app.overlay, None);
}

#[test]
fn course_list_marks_the_fallback_lesson_and_opens_the_selection() {
    let mut app = app(Lang::Ko);
    app.apply(Action::ToggleCourse);
    assert_eq!(app.overlay, Some(Overlay::Course { selected: 0 }));
    let s = screen(&mut app, 100, 30);
    insta::assert_snapshot!("course_list_100x30_korean", s);
    assert!(s.contains("A second lesson (English)"), "{s}");
    app.apply(Action::Select(1));
    app.apply(Action::OpenSelected);
    assert_eq!(app.lesson_id(), Some("second"));
    assert_eq!(app.overlay, None);
    let s = screen(&mut app, 100, 30);
    assert!(s.contains("이 강의는 아직 한국어판이 없어"), "{s}");
}

#[test]
fn too_small_terminal_says_so() {
    let mut app = app(Lang::En);
    let s = screen(&mut app, 39, 11);
    assert!(s.contains("Terminal too small: 39×11"), "{s}");
    let s = screen(&mut app, 40, 12);
    assert!(!s.contains("too small"), "{s}");
}

#[test]
fn sections_cross_into_the_next_and_previous_lesson() {
    let mut app = app(Lang::En);
    assert_eq!((app.lesson_id(), app.section), (Some("first"), 0));
    for _ in 0..3 {
        app.apply(Action::NextSection);
    }
    // Past the last section: the end-of-lesson page, never a silent jump.
    assert_eq!((app.lesson_id(), app.section), (Some("first"), 2));
    assert_eq!(app.overlay, Some(Overlay::LessonEnd { confirm: false }));
    let s = screen(&mut app, 100, 30);
    assert!(
        s.contains("You reached the end of 1 · A first lesson."),
        "{s}"
    );
    assert!(s.contains("Next lesson: 2 · A second lesson"), "{s}");
    assert!(s.contains("Enter next lesson"), "{s}");
    // Enter opens the next lesson.
    app.apply(Action::OpenSelected);
    assert_eq!((app.lesson_id(), app.section), (Some("second"), 0));
    assert_eq!(app.overlay, None);
    app.apply(Action::NextSection);
    app.apply(Action::NextSection);
    assert_eq!(
        (app.lesson_id(), app.section),
        (Some("second"), 1),
        "stays at the end"
    );
    let s = screen(&mut app, 100, 30);
    assert!(s.contains("This is the last section of the course."), "{s}");
    app.apply(Action::CloseOverlay);
    app.apply(Action::PrevSection);
    app.apply(Action::PrevSection);
    assert_eq!((app.lesson_id(), app.section), (Some("first"), 2));
}

/// The end page never leaves a lone row of lesson text above or below it
/// (at 80×24 one used to show under it and read as part of the page):
/// either two rows or more stay visible on both sides, or it takes the
/// whole height.
#[test]
fn the_end_page_leaves_no_lone_row_of_lesson_text() {
    for (lang, title) in [(Lang::En, "End of the lesson"), (Lang::Ko, "강의 끝")] {
        let mut app = app(lang);
        while app.overlay.is_none() {
            app.apply(Action::NextSection);
        }
        for height in 14..=40 {
            let s = screen(&mut app, 80, height);
            let lines: Vec<&str> = s.lines().collect();
            let top = lines
                .iter()
                .position(|l| l.contains(title))
                .unwrap_or_else(|| panic!("{lang:?} {height}: no end page\n{s}"));
            let bottom = top
                + lines[top..]
                    .iter()
                    .position(|l| l.trim_start_matches('"').contains("└─"))
                    .expect("the page's bottom border");
            if top == 0 || bottom + 2 >= lines.len() {
                // Taller than the pane: it covers it all, borders too.
                assert!(height < 24, "{lang:?} at 80×{height}: no room\n{s}");
                continue;
            }
            // The rows between the page and the lesson pane's top border,
            // and between the page and its bottom border (the status bar
            // is the last line); the borders stay whole.
            let (above, below) = (top - 1, lines.len() - 3 - bottom);
            for gap in [above, below] {
                assert!(gap != 1, "{lang:?} at 80×{height}: a lone row\n{s}");
            }
            for border in [lines[0], lines[lines.len() - 2]] {
                assert!(!border.contains(title), "{lang:?} at 80×{height}\n{s}");
                assert!(!border.contains("─└") && !border.contains("┌ ┌"), "{s}");
            }
        }
    }
}

/// On the end page, `m` asks, and yes marks the lesson done (completed,
/// told apart from the work).
#[test]
fn the_end_page_marks_a_lesson_done_after_asking() {
    let dir = tempfile::tempdir().unwrap();
    let (store, _) = Store::open(dir.path().join("p.json"));
    let mut app = App::new(
        Catalog::from_dir(Path::new("tests/fixtures/quiz")).unwrap(),
        Options {
            lang: Lang::En,
            start: Some("checks".into()),
            theme: Theme::plain(),
            color: false,
        },
        Some(store),
    );
    while app.overlay.is_none() {
        app.apply(Action::NextSection);
    }
    let s = screen(&mut app, 120, 40);
    assert!(s.contains("Quizzes    0 of 5 answered"), "{s}");
    assert!(
        s.contains("Left to do:") && s.contains("quiz exit-1-never (section 2)"),
        "{s}"
    );
    app.apply(Action::MarkDone);
    let s = screen(&mut app, 120, 40);
    assert!(
        s.contains("Mark this lesson done though work is left?"),
        "{s}"
    );
    app.apply(Action::ConfirmMark(false));
    assert!(
        app.store()
            .unwrap()
            .lesson("checks")
            .unwrap()
            .completed
            .is_none()
    );
    app.apply(Action::MarkDone);
    app.apply(Action::ConfirmMark(true));
    let l = app.store().unwrap().lesson("checks").unwrap();
    assert!(l.completed.is_some() && l.marked_done.is_some());
    assert!(screen(&mut app, 120, 40).contains("You marked this lesson done."));
}

/// Opening another lesson drops the previous lesson's caption and sets up
/// the new lesson's cluster block.
#[test]
fn another_lesson_does_not_keep_the_previous_caption() {
    let catalog = Catalog::embedded();
    let mut app = App::new(
        catalog,
        Options {
            lang: Lang::En,
            start: Some("dockershim".into()),
            theme: Theme::plain(),
            color: false,
        },
        None,
    );
    let lesson = app.current().unwrap().lesson.clone();
    let last_block = (0..lesson.sections.len())
        .rev()
        .find(|&i| lesson.sections[i].cluster().is_some())
        .unwrap();
    app.open("dockershim", last_block);
    app.apply(Action::Tick(100));
    let caption = lesson.sections[last_block]
        .cluster()
        .unwrap()
        .value
        .caption
        .clone()
        .unwrap();
    let head: String = caption.chars().take(20).collect();
    assert!(screen(&mut app, 200, 60).contains(&head));
    while app.overlay.is_none() {
        app.apply(Action::NextSection); // on to the end page
    }
    let next = app.next_lesson().expect("a lesson after dockershim");
    app.apply(Action::OpenSelected); // the next lesson, section 1
    assert_eq!(app.lesson_id(), Some(next.as_str()));
    let s = screen(&mut app, 200, 60);
    assert_eq!(app.section, 0);
    assert!(
        !s.contains(&head),
        "the previous lesson's caption stays:\n{s}"
    );
    let opened = app.current().unwrap().lesson.clone();
    match opened.sections.iter().find_map(|s| s.cluster()) {
        // Its own first cluster block is set up, caption and all.
        Some(first) => {
            assert_eq!(
                app.live.origin.as_ref().map(|(l, _)| l.as_str()),
                Some(next.as_str())
            );
            if let Some(c) = &first.value.caption {
                let head: String = c.chars().take(20).collect();
                assert!(s.contains(&head), "its first cluster block:\n{s}");
            }
        }
        // No cluster block at all: no caption from anywhere.
        None => assert_eq!(app.live.origin, None),
    }
}

#[test]
fn scrolling_is_clamped_to_the_content() {
    let mut app = app(Lang::En);
    app.apply(Action::NextSection);
    screen(&mut app, 60, 14);
    let rows = app.geometry.lesson_rows;
    let lines = app.geometry.lesson_lines;
    assert!(lines > rows, "the table section must not fit in 14 rows");
    app.apply(Action::Scroll(-5));
    assert_eq!(app.scroll, 0);
    app.apply(Action::Bottom);
    assert_eq!(app.scroll, lines - rows);
    app.apply(Action::Scroll(10));
    assert_eq!(app.scroll, lines - rows);
    app.apply(Action::Top);
    let max = lines - rows;
    app.apply(Action::PageDown);
    assert_eq!(app.scroll, (rows - 1).min(max));
    app.apply(Action::Top);
    let lesson = app.geometry.lesson.unwrap();
    app.apply(Action::Wheel {
        column: lesson.x + 2,
        row: lesson.y + 2,
        lines: 3,
    });
    assert_eq!(app.scroll, 3.min(max));
    app.apply(Action::Wheel {
        column: 0,
        row: 200,
        lines: 3,
    });
    assert_eq!(
        app.scroll,
        3.min(max),
        "the wheel outside the lesson pane does nothing"
    );
    app.apply(Action::NextSection);
    assert_eq!(app.scroll, 0, "a new section starts at the top");
}

#[test]
fn language_switch_keeps_the_lesson_and_section() {
    let mut app = app(Lang::En);
    app.apply(Action::NextSection);
    app.apply(Action::ToggleLanguage);
    assert_eq!(
        (app.lang, app.lesson_id(), app.section),
        (Lang::Ko, Some("first"), 1)
    );
    let s = screen(&mut app, 100, 30);
    assert!(s.contains("단계 표"), "{s}");
}

#[test]
fn position_is_saved_and_resumed() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("progress.json");
    fn clock() -> Timestamp {
        Timestamp::from_secs(1_800_000_000)
    }
    let options = |start: Option<&str>| Options {
        lang: Lang::En,
        start: start.map(String::from),
        theme: Theme::plain(),
        color: false,
    };
    {
        let (store, warnings) = Store::open(&file);
        assert!(warnings.is_empty());
        let mut app = App::new(catalog(), options(None), Some(store)).with_clock(clock);
        app.apply(Action::NextSection);
        app.apply(Action::NextSection);
    }
    let (store, _) = Store::open(&file);
    let position = store.position().expect("a position was saved").clone();
    assert_eq!((position.lesson.as_str(), position.section), ("first", 2));
    let app = App::new(catalog(), options(None), Some(store));
    assert_eq!((app.lesson_id(), app.section), (Some("first"), 2));
    let (store, _) = Store::open(&file);
    let app = App::new(catalog(), options(Some("second")), Some(store));
    assert_eq!(
        (app.lesson_id(), app.section),
        (Some("second"), 0),
        "an explicit lesson wins"
    );
}

#[test]
fn a_lesson_is_read_once_every_section_was_seen_and_completed_by_its_work() {
    let dir = tempfile::tempdir().unwrap();
    let (store, _) = Store::open(dir.path().join("p.json"));
    let mut app = App::new(
        catalog(),
        Options {
            lang: Lang::En,
            start: Some("second".into()),
            theme: Theme::plain(),
            color: false,
        },
        Some(store),
    );
    assert!(
        app.store()
            .unwrap()
            .lesson("second")
            .unwrap()
            .read
            .is_none()
    );
    app.apply(Action::NextSection);
    let l = app.store().unwrap().lesson("second").unwrap().clone();
    assert!(l.read.is_some(), "every section seen");
    // The fixture's lesson `second` asks nothing: its work is done too.
    let needs = app.needs().unwrap();
    assert!(needs.quizzes.is_empty() && needs.exercises.is_empty());
    assert!(l.completed.is_some());
}

#[test]
fn every_size_draws_without_panic() {
    let mut app = app(Lang::Ko);
    app.apply(Action::NextSection);
    for width in 1..=200u16 {
        for height in 1..=60u16 {
            let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
            terminal.draw(|frame| views::draw(frame, &mut app)).unwrap();
        }
    }
    for overlay in [Action::ToggleHelp, Action::ToggleCourse] {
        app.apply(overlay);
        for (width, height) in [(1, 1), (40, 12), (41, 13), (57, 19), (120, 12), (200, 60)] {
            let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
            terminal.draw(|frame| views::draw(frame, &mut app)).unwrap();
        }
        app.apply(Action::CloseOverlay);
    }
}

/// A busy cluster (traffic, a crash loop, pending pods, a lost node) in
/// the cluster pane, the command bar open and listing completions.
fn busy_app() -> App {
    use kubetutor::tui::action::BarKey;
    let mut app = app(Lang::Ko);
    busy::make_busy(&mut app.live.cluster);
    app.apply(Action::FocusNext);
    for _ in 0..20 {
        app.apply(Action::Tick(100));
    }
    app.apply(Action::OpenCommandBar);
    for c in "describe pod ".chars() {
        app.apply(Action::Bar(BarKey::Insert(c)));
    }
    app.apply(Action::Bar(BarKey::Complete));
    assert!(app.console.bar.as_ref().unwrap().completion.is_some());
    app
}

fn sweep(app: &mut App) {
    for width in 1..=200u16 {
        for height in 1..=60u16 {
            let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
            terminal.draw(|frame| views::draw(frame, app)).unwrap();
        }
    }
}

/// Every size with a busy cluster, its events log and the command bar.
#[test]
fn every_size_draws_a_busy_cluster_without_panic() {
    sweep(&mut busy_app());
}

/// Every size with a busy cluster and a command's output, scrolled.
#[test]
fn every_size_draws_command_output_without_panic() {
    use kubetutor::tui::action::BarKey;
    let mut app = busy_app();
    app.apply(Action::Bar(BarKey::Clear));
    for c in "get pods -o wide".chars() {
        app.apply(Action::Bar(BarKey::Insert(c)));
    }
    app.apply(Action::Bar(BarKey::Submit));
    assert!(app.console.output.is_some());
    app.apply(Action::ScrollSideways(8));
    app.apply(Action::Scroll(2));
    sweep(&mut app);
}

/// A course of one lesson whose code block has a comment far wider than a
/// 60-column pane, and a second section.
fn long_code_app(dir: &Path) -> App {
    let en = dir.join("en");
    std::fs::create_dir_all(&en).unwrap();
    std::fs::write(
        en.join("01-code.md"),
        "---\nid: code\ntitle: Code\norder: 1\n---\n\n# Code\n\n```yaml\nkind: Pod\nmetadata:\n  name: web   # a comment much wider than the pane, ending in THE-END\n```\n\n## Next\n\nMore.\n",
    )
    .unwrap();
    App::new(
        Catalog::from_dir(dir).expect("the course loads"),
        Options {
            lang: Lang::En,
            start: Some("code".into()),
            theme: Theme::plain(),
            color: false,
        },
        None,
    )
}

#[test]
fn long_code_lines_are_cut_with_an_ellipsis_and_h_l_scroll_them_sideways() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = long_code_app(dir.path());
    app.overlay = None;
    let s = screen(&mut app, 60, 20);
    assert!(!s.contains('↪'), "{s}");
    assert!(
        s.contains("│ │   name: web   # a comment much wider than the pane,… │"),
        "{s}"
    );
    assert!(!s.contains("THE-END"), "{s}");
    // l: the whole block moves, no further than its widest line needs.
    for _ in 0..10 {
        app.apply(Action::ScrollCode(8));
    }
    let s = screen(&mut app, 60, 20);
    assert!(s.contains("pane, ending in THE-END │"), "{s}");
    assert!(s.contains("│ │ …    "), "the short lines move too: {s}");
    assert_eq!(app.code_column, 17, "{s}");
    // h: back towards the start; another section starts at column 0.
    app.apply(Action::ScrollCode(-8));
    assert_eq!(app.code_column, 9);
    app.apply(Action::NextSection);
    assert_eq!(app.code_column, 0);
}

#[test]
fn the_drill_keeps_its_end_and_help_keys_on_a_narrow_bar() {
    for (lang, end, help) in [
        (Lang::En, "Esc end", "? help"),
        (Lang::Ko, "Esc 끝내기", "? 도움말"),
    ] {
        let mut app = app(lang);
        app.apply(Action::OpenDrill);
        for width in [40u16, 60, 80] {
            let s = screen(&mut app, width, 24);
            let bar = s.lines().last().unwrap().to_string();
            assert!(bar.contains(end) && bar.contains(help), "{width}: {bar}");
        }
    }
}
