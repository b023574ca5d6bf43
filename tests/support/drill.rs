//! Driving the drill mode in tests: an app on the interface fixture with a
//! fixed clock (and a progress file when asked), keys pressed as the
//! keymap turns them into actions, the card's cluster played to its moment.
#![allow(dead_code)]

use kubetutor::lang::Lang;
use kubetutor::lesson::catalog::Catalog;
use kubetutor::markdown::Theme;
use kubetutor::progress::Store;
use kubetutor::timestamp::Timestamp;
use kubetutor::tui::action::Action;
use kubetutor::tui::app::{App, Options};
use kubetutor::tui::drill::replay::Stage;
use kubetutor::tui::drill::{Drill, DrillOptions};
use kubetutor::tui::keymap;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use std::path::Path;

/// The time every drill test starts at.
pub const T0: Timestamp = Timestamp::from_secs(1_800_000_000);

pub fn t0() -> Timestamp {
    T0
}

/// 11 minutes later: the cards answered wrongly at [`T0`] are due again.
pub fn t0_plus_11m() -> Timestamp {
    T0.plus_secs(11 * 60)
}

/// An app on the interface fixture (lesson `first`), with `store`.
pub fn app_with(lang: Lang, store: Option<Store>, clock: fn() -> Timestamp) -> App {
    let catalog = Catalog::from_dir(Path::new("tests/fixtures/tui")).expect("fixture loads");
    App::new(
        catalog,
        Options {
            lang,
            start: Some("first".into()),
            theme: Theme::plain(),
            color: false,
        },
        store,
    )
    .with_clock(clock)
}

/// An app (no progress file) with a drill of `count` cards, seed `seed`.
pub fn drill_app(lang: Lang, count: usize, seed: u64) -> App {
    let mut app = app_with(lang, None, t0);
    app.open_drill(DrillOptions {
        count,
        seed,
        shuffle_seed: 0,
        standalone: false,
    });
    app
}

pub fn drill(app: &App) -> &Drill {
    app.drill.as_deref().expect("the drill is open")
}

/// Press a key as the terminal would send it.
pub fn press(app: &mut App, code: KeyCode) {
    let modifiers = match code {
        KeyCode::Char(c) if c.is_ascii_uppercase() => KeyModifiers::SHIFT,
        _ => KeyModifiers::NONE,
    };
    let event = Event::Key(KeyEvent::new(code, modifiers));
    if let Some(action) = keymap::action_for(&event, app) {
        app.apply(action);
    }
}

pub fn press_char(app: &mut App, c: char) {
    press(app, KeyCode::Char(c));
}

/// The right choice of the card on screen (0-based).
pub fn right_choice(app: &App) -> usize {
    drill(app).outcome().expect("a card is open").answer
}

/// A wrong choice of the card on screen.
pub fn wrong_choice(app: &App) -> usize {
    let o = drill(app).outcome().expect("a card is open");
    (o.answer + 1) % o.choices.len()
}

/// The digit choice `choice` (an index into the card's choices) is shown
/// with: the choices are shuffled.
pub fn digit_for(app: &App, choice: usize) -> char {
    let q = drill(app).question().expect("a card is open");
    char::from_digit(q.number_of(choice) as u32, 10).expect("a choice 1-9")
}

/// Answer with a choice: its digit picks it, Enter checks.
pub fn answer(app: &mut App, choice: usize) {
    let digit = digit_for(app, choice);
    press_char(app, digit);
    press(app, KeyCode::Enter);
}

/// Interface ticks of 100 ms until the card's cluster reaches the card's
/// moment; the number of ticks it took.
pub fn play_out(app: &mut App) -> usize {
    for n in 1..=1000 {
        app.apply(Action::Tick(100));
        if drill(app).replay().is_none_or(|r| r.stage() == Stage::Done) {
            return n;
        }
    }
    panic!("the card's cluster never reached the card's moment");
}

pub fn answer_right(app: &mut App) {
    let choice = right_choice(app);
    answer(app, choice);
}

pub fn answer_wrong(app: &mut App) {
    let choice = wrong_choice(app);
    answer(app, choice);
}
