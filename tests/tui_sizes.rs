//! Every terminal size from 1×1 to 300×100 draws without a panic, in both
//! languages, with the lesson, the cluster pane and the overlays. Every
//! width 1..=300 and every height 1..=100 is drawn; above 60 columns the
//! heights are sampled (around the size limits, and one that moves with the
//! width) to keep the test fast.

use kubetutor::lang::Lang;
use kubetutor::lesson::catalog::Catalog;
use kubetutor::markdown::Theme;
use kubetutor::tui::action::Action;
use kubetutor::tui::app::{App, Options};
use kubetutor::tui::blocks::BlockKey;
use kubetutor::tui::editor::EditorKey;
use kubetutor::tui::views::{self, MIN_HEIGHT, MIN_WIDTH};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::collections::BTreeSet;
use std::path::Path;

fn app(lang: Lang) -> App {
    let catalog = Catalog::from_dir(Path::new("tests/fixtures/tui")).expect("fixture course loads");
    App::new(
        catalog,
        Options {
            lang,
            start: Some("first".into()),
            theme: Theme::colored(),
            color: true,
        },
        None,
    )
}

/// The heights drawn at `width`.
fn heights(width: u16) -> Vec<u16> {
    if width <= 60 {
        return (1..=100).collect();
    }
    let mut h: BTreeSet<u16> = [1, 2, MIN_HEIGHT - 1, MIN_HEIGHT, MIN_HEIGHT + 1, 30, 100]
        .into_iter()
        .collect();
    h.insert(1 + width % 100);
    h.into_iter().collect()
}

fn draw(app: &mut App, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| views::draw(frame, app)).unwrap();
    terminal
}

#[test]
fn every_size_up_to_300_by_100_draws() {
    let mut seen_w = BTreeSet::new();
    let mut seen_h = BTreeSet::new();
    // Korean (wide glyphs) at every width; English at every fifth.
    for (lang, section, step) in [(Lang::Ko, 1, 1), (Lang::En, 2, 5)] {
        let mut app = app(lang);
        for _ in 0..section {
            app.apply(Action::NextSection);
        }
        app.banner
            .push("⚠ 배너 한 줄: a banner line that is long enough to be cut".into());
        for width in (1..=300u16).step_by(step) {
            for height in heights(width) {
                let terminal = draw(&mut app, width, height);
                seen_w.insert(width);
                seen_h.insert(height);
                // The pane's corner sits under the banner (one or two rows:
                // it wraps) once the terminal is big enough; before that,
                // the "too small" text.
                let rows = kubetutor::tui::views::banner_lines(
                    &app.banner,
                    width as usize,
                    &kubetutor::tui::i18n::Ui::new(lang),
                )
                .len() as u16;
                if height > rows {
                    let corner = terminal.backend().buffer()[(0, rows)].symbol().to_string();
                    let big = width >= MIN_WIDTH && height >= MIN_HEIGHT;
                    assert_eq!(corner == "┌", big, "{width}x{height}: {corner:?}");
                }
            }
        }
    }
    assert_eq!(seen_w.len(), 300);
    assert_eq!(seen_h.len(), 100);
}

#[test]
fn overlays_and_the_cluster_pane_at_sampled_sizes() {
    let mut app = app(Lang::Ko);
    app.apply(Action::NextSection);
    for step in [Action::ToggleHelp, Action::ToggleCourse, Action::FocusNext] {
        app.apply(step);
        for width in (1..=300u16).step_by(7).chain([299, 300]) {
            for height in [1, 5, MIN_HEIGHT - 1, MIN_HEIGHT, 13, 24, 57, 100] {
                draw(&mut app, width, height);
            }
        }
        if step != Action::FocusNext {
            app.apply(Action::CloseOverlay);
        }
    }
}

/// The pod-phase drill (src/tui/drill/) at every width 1..=300 and the
/// sampled heights up to 100, in Korean: a question with its hints, a
/// wrong answer whose cluster is playing (the card pane, then the cluster
/// pane scrolled to its end), and the summary; English for the summary too.
#[test]
fn the_drill_at_every_width_up_to_300_by_100_draws() {
    use kubetutor::tui::action::DrillKey;
    use kubetutor::tui::drill::DrillOptions;

    fn sweep(app: &mut App, what: &str) {
        for width in 1..=300u16 {
            for height in heights(width) {
                let terminal = draw(app, width, height);
                // The drill's pane corner is the first cell once the
                // terminal is big enough; before that, the "too small" text.
                let corner = terminal.backend().buffer()[(0, 0)].symbol().to_string();
                let big = width >= MIN_WIDTH && height >= MIN_HEIGHT;
                assert_eq!(corner == "┌", big, "{what} {width}x{height}: {corner:?}");
            }
        }
    }
    let open = |lang| {
        let mut app = app(lang);
        app.open_drill(DrillOptions {
            count: 3,
            seed: 7,
            shuffle_seed: 0,
            standalone: false,
        });
        app
    };
    // The position (0-based, as shown) of a wrong choice.
    let wrong = |app: &App| {
        let d = app.drill.as_ref().unwrap();
        let o = d.outcome().expect("a card");
        d.question()
            .unwrap()
            .number_of((o.answer + 1) % o.choices.len())
            - 1
    };

    let mut app = open(Lang::Ko);
    app.apply(Action::Drill(DrillKey::Hint));
    app.apply(Action::Drill(DrillKey::Hint));
    sweep(&mut app, "question");

    let choice = wrong(&app);
    app.apply(Action::Drill(DrillKey::Choose(choice)));
    app.apply(Action::Drill(DrillKey::Enter));
    for _ in 0..5 {
        app.apply(Action::Tick(100));
    }
    sweep(&mut app, "answered");
    app.apply(Action::Drill(DrillKey::Pane));
    app.apply(Action::Drill(DrillKey::Bottom));
    sweep(&mut app, "cluster");

    app.apply(Action::Drill(DrillKey::Back));
    assert!(app.drill.as_ref().unwrap().ended().is_some());
    sweep(&mut app, "summary");

    let mut en = open(Lang::En);
    let choice = wrong(&en);
    en.apply(Action::Drill(DrillKey::Choose(choice)));
    en.apply(Action::Drill(DrillKey::Enter));
    en.apply(Action::Drill(DrillKey::Back));
    for width in (1..=300u16).step_by(3) {
        for height in heights(width) {
            draw(&mut en, width, height);
        }
    }
}

/// The quiz fixture in Korean, opened on its section `section`, the first
/// question focused.
fn quiz_app(section: usize) -> App {
    let catalog = Catalog::from_dir(Path::new("tests/fixtures/quiz")).expect("fixture loads");
    let mut app = App::new(
        catalog,
        Options {
            lang: Lang::Ko,
            start: Some("checks".into()),
            theme: Theme::colored(),
            color: true,
        },
        None,
    );
    for _ in 0..section {
        app.apply(Action::NextSection);
    }
    app.apply(Action::Block(BlockKey::Next));
    app
}

fn sweep(app: &mut App) {
    for width in (1..=300u16).step_by(3).chain([299, 300]) {
        for height in [1, 2, 5, MIN_HEIGHT - 1, MIN_HEIGHT, 13, 24, 30, 57, 100] {
            draw(app, width, height);
        }
    }
}

#[test]
fn quizzes_and_the_editor_at_sampled_sizes() {
    // A choice answered wrong (its why, a try left), then the answer shown.
    let mut app = quiz_app(1);
    app.apply(Action::Block(BlockKey::Number(1)));
    app.apply(Action::Block(BlockKey::Enter));
    app.apply(Action::Block(BlockKey::Hint));
    sweep(&mut app);
    app.apply(Action::Block(BlockKey::Answer));
    sweep(&mut app);
    app.apply(Action::Block(BlockKey::Confirm(true)));
    sweep(&mut app);

    // A Korean answer being typed, the caret after wide glyphs.
    let mut app = quiz_app(2);
    app.apply(Action::Block(BlockKey::Next));
    app.apply(Action::Block(BlockKey::Enter));
    for c in "이티시디 🙂 아주 긴 답을 써 봅니다 끝까지".chars() {
        app.apply(Action::Block(BlockKey::Type(c)));
    }
    sweep(&mut app);

    // A predict question played out in the cluster pane.
    let mut app = quiz_app(3);
    app.apply(Action::Block(BlockKey::Number(1)));
    app.apply(Action::Block(BlockKey::Enter));
    for _ in 0..10 {
        app.apply(Action::Tick(100));
    }
    sweep(&mut app);

    // The editor with problems listed under the text.
    let catalog =
        Catalog::from_dir(Path::new("tests/fixtures/exercises/course")).expect("fixture loads");
    let mut app = App::new(
        catalog,
        Options {
            lang: Lang::Ko,
            start: Some("scale".into()),
            theme: Theme::colored(),
            color: true,
        },
        None,
    );
    app.apply(Action::NextSection);
    app.apply(Action::Block(BlockKey::Next));
    app.apply(Action::Block(BlockKey::Enter));
    assert!(app.editor.is_some());
    app.paste("스펙: 🙂\ncontianers: [\n");
    app.apply(Action::Editor(EditorKey::Submit));
    assert!(!app.editor.as_ref().unwrap().diagnostics.is_empty());
    sweep(&mut app);
    app.apply(Action::Editor(EditorKey::Reset));
    sweep(&mut app);
}
