//! Driving the interface in tests: an app on a fixture course, a screen
//! drawn into ratatui's TestBackend, commands typed into the bar.
#![allow(dead_code)]

use kubetutor::lang::Lang;
use kubetutor::lesson::catalog::Catalog;
use kubetutor::markdown::Theme;
use kubetutor::tui::action::{Action, BarKey};
use kubetutor::tui::app::{App, Options};
use kubetutor::tui::views;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::path::Path;

/// An app on the fixture course in `tests/fixtures/<dir>`, opened on `lesson`.
pub fn app_on(dir: &str, lesson: &str, lang: Lang) -> App {
    let catalog =
        Catalog::from_dir(Path::new(&format!("tests/fixtures/{dir}"))).expect("fixture loads");
    app_of(catalog, lesson, lang)
}

/// An app on `catalog`, opened on `lesson`, plain colours, no progress file.
pub fn app_of(catalog: Catalog, lesson: &str, lang: Lang) -> App {
    App::new(
        catalog,
        Options {
            lang,
            start: Some(lesson.into()),
            theme: Theme::plain(),
            color: false,
        },
        None,
    )
}

/// The interface fixture (`first`: intro, a crashloop section, code).
pub fn app(lang: Lang) -> App {
    app_on("tui", "first", lang)
}

/// The cluster fixture (`live`: intro, a Deployment, nothing, a broken
/// setup, dockershim).
pub fn live_app(lang: Lang) -> App {
    app_on("cluster", "live", lang)
}

pub fn terminal(app: &mut App, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| views::draw(frame, app)).unwrap();
    terminal
}

pub fn screen(app: &mut App, width: u16, height: u16) -> String {
    terminal(app, width, height).backend().to_string()
}

/// Type `text` into the open command bar.
pub fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.apply(Action::Bar(BarKey::Insert(c)));
    }
}

/// `:` `line` Enter: the output panel stays open.
pub fn command(app: &mut App, line: &str) {
    app.apply(Action::OpenCommandBar);
    type_text(app, line);
    app.apply(Action::Bar(BarKey::Submit));
}

/// `:` `line` Enter, then Esc to close the output (asserting it succeeded).
pub fn run(app: &mut App, line: &str) {
    command(app, line);
    let out = app.console.output.as_ref().expect("a command shows output");
    assert!(out.ok, "{line}: {:?}", out.lines);
    app.apply(Action::CloseOverlay);
}

/// `n` interface ticks of 100 ms.
pub fn ticks(app: &mut App, n: usize) {
    for _ in 0..n {
        app.apply(Action::Tick(100));
    }
}
