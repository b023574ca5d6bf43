//! The drill's keys. `keymap` hands every key here while the drill is open
//! and no overlay is on top (Ctrl-C still quits; `?` opens the help).
//!
//! | key                  | drill key                                  |
//! |----------------------|--------------------------------------------|
//! | 1 … 9                | answer with that choice                    |
//! | ↑ ↓                  | move the selection (scroll once answered)  |
//! | Enter                | answer with the selection / next card      |
//! | → n                  | next card                                  |
//! | h                    | a hint                                     |
//! | s                    | show the answer                            |
//! | r                    | replay the card's cluster                  |
//! | Esc q                | end the session (summary) / leave          |
//! | Tab                  | switch pane                                |
//! | j k PgUp PgDn g G    | scroll the focused pane                    |

use super::DrillKey;
use crate::tui::action::Action;
use ratatui::crossterm::event::{KeyCode, KeyEvent};

pub fn key_action(key: &KeyEvent) -> Option<Action> {
    let drill = |k| Some(Action::Drill(k));
    match key.code {
        KeyCode::Char(c @ '1'..='9') => drill(DrillKey::Choose(c as usize - '1' as usize)),
        KeyCode::Up => drill(DrillKey::Up),
        KeyCode::Down => drill(DrillKey::Down),
        KeyCode::Enter => drill(DrillKey::Enter),
        KeyCode::Right | KeyCode::Char('n') => drill(DrillKey::Next),
        KeyCode::Char('h') => drill(DrillKey::Hint),
        KeyCode::Char('s') => drill(DrillKey::Show),
        KeyCode::Char('r') => drill(DrillKey::Replay),
        KeyCode::Esc | KeyCode::Char('q') => drill(DrillKey::Back),
        KeyCode::Tab | KeyCode::BackTab => drill(DrillKey::Pane),
        KeyCode::Char('j') => drill(DrillKey::Scroll(1)),
        KeyCode::Char('k') => drill(DrillKey::Scroll(-1)),
        KeyCode::PageDown => drill(DrillKey::Page(1)),
        KeyCode::PageUp => drill(DrillKey::Page(-1)),
        KeyCode::Home | KeyCode::Char('g') => drill(DrillKey::Top),
        KeyCode::End | KeyCode::Char('G') => drill(DrillKey::Bottom),
        KeyCode::Char('?') => Some(Action::ToggleHelp),
        _ => None,
    }
}
