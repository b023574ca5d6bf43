//! Keys and mouse events to actions. The mapping depends on what is on top:
//! an overlay takes the keys it understands and leaves the rest.

use super::action::{Action, BarKey};
use super::app::{App, Overlay};
use super::quiz_keys;
use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseEvent, MouseEventKind,
};

/// The action an input event asks for, if any.
pub fn action_for(event: &Event, app: &App) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => key_action(key, app),
        Event::Mouse(mouse) => mouse_action(mouse),
        _ => None,
    }
}

fn key_action(key: &KeyEvent, app: &App) -> Option<Action> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    if ctrl && matches!(key.code, KeyCode::Char('c') | KeyCode::Char('C')) {
        // In a running drill, Ctrl-C ends the session with its summary
        // first (the reviews are already saved); pressed again, it quits.
        if app.drill.as_ref().is_some_and(|d| d.ended().is_none()) {
            return Some(Action::Drill(super::drill::DrillKey::Back));
        }
        return Some(Action::Quit);
    }
    if app.console.is_open() {
        return bar_key(key, ctrl).map(Action::Bar);
    }
    // The pod-phase drill, when open, has its own keys (src/tui/drill/).
    if app.drill.is_some() && app.overlay.is_none() {
        return super::drill::keys::key_action(key);
    }
    if app.editor.is_some() && app.overlay.is_none() {
        return quiz_keys::editor_key(key, app).map(Action::Editor);
    }
    match app.overlay {
        Some(Overlay::Help) => match key.code {
            KeyCode::Esc | KeyCode::Char('?') | KeyCode::Enter | KeyCode::F(1) => {
                Some(Action::CloseOverlay)
            }
            KeyCode::Char('q') if app.editor.is_none() => Some(Action::Quit),
            KeyCode::Down | KeyCode::Char('j') => Some(Action::ScrollHelp(1)),
            KeyCode::Up | KeyCode::Char('k') => Some(Action::ScrollHelp(-1)),
            KeyCode::PageDown | KeyCode::Char(' ') => Some(Action::HelpPage(1)),
            KeyCode::PageUp => Some(Action::HelpPage(-1)),
            KeyCode::Home | KeyCode::Char('g') => Some(Action::ScrollHelp(-10_000)),
            KeyCode::End | KeyCode::Char('G') => Some(Action::ScrollHelp(10_000)),
            _ => None,
        },
        Some(Overlay::LessonEnd { confirm: true }) => match key.code {
            KeyCode::Char('y') | KeyCode::Char('Y') | KeyCode::Enter => {
                Some(Action::ConfirmMark(true))
            }
            _ => Some(Action::ConfirmMark(false)),
        },
        Some(Overlay::LessonEnd { confirm: false }) => match key.code {
            KeyCode::Enter | KeyCode::Right | KeyCode::Char('n') => Some(Action::OpenSelected),
            KeyCode::Esc | KeyCode::Left | KeyCode::Char('p') => Some(Action::CloseOverlay),
            KeyCode::Char('m') => Some(Action::MarkDone),
            KeyCode::Char('t') => Some(Action::ToggleCourse),
            KeyCode::Char('q') => Some(Action::Quit),
            KeyCode::Char('?') | KeyCode::F(1) => Some(Action::ToggleHelp),
            _ => None,
        },
        Some(Overlay::Welcome) => Some(Action::CloseOverlay),
        Some(Overlay::Course { .. }) => match key.code {
            KeyCode::Esc | KeyCode::Char('t') => Some(Action::CloseOverlay),
            KeyCode::Up | KeyCode::Char('k') => Some(Action::Select(-1)),
            KeyCode::Down | KeyCode::Char('j') => Some(Action::Select(1)),
            KeyCode::PageUp => Some(Action::Select(-10)),
            KeyCode::PageDown => Some(Action::Select(10)),
            KeyCode::Home | KeyCode::Char('g') => Some(Action::Select(i32::MIN)),
            KeyCode::End | KeyCode::Char('G') => Some(Action::Select(i32::MAX)),
            KeyCode::Enter | KeyCode::Right | KeyCode::Char('l') => Some(Action::OpenSelected),
            KeyCode::Char('q') => Some(Action::Quit),
            KeyCode::Char('?') => Some(Action::ToggleHelp),
            _ => None,
        },
        None => {
            if let Some(k) = quiz_keys::block_key(key, ctrl, app) {
                return Some(Action::Block(k));
            }
            reading_key(key, app)
        }
    }
}

/// Keys while reading (no overlay, no block taking the key).
fn reading_key(key: &KeyEvent, app: &App) -> Option<Action> {
    match key.code {
        KeyCode::Right | KeyCode::Char('n') => Some(Action::NextSection),
        KeyCode::Left | KeyCode::Char('p') => Some(Action::PrevSection),
        KeyCode::Down | KeyCode::Char('j') => Some(Action::Scroll(1)),
        KeyCode::Up | KeyCode::Char('k') => Some(Action::Scroll(-1)),
        KeyCode::PageDown => Some(Action::PageDown),
        KeyCode::PageUp => Some(Action::PageUp),
        KeyCode::Home | KeyCode::Char('g') => Some(Action::Top),
        KeyCode::End | KeyCode::Char('G') => Some(Action::Bottom),
        KeyCode::Tab | KeyCode::BackTab => Some(Action::FocusNext),
        KeyCode::Char('t') => Some(Action::ToggleCourse),
        KeyCode::Char('D') => Some(Action::OpenDrill),
        KeyCode::Char('?') => Some(Action::ToggleHelp),
        KeyCode::Char('L') => Some(Action::ToggleLanguage),
        KeyCode::Char('x') => Some(Action::DismissBanner),
        KeyCode::Char('q') => Some(Action::Quit),
        KeyCode::Esc => Some(Action::CloseOverlay),
        KeyCode::Char(':') => Some(Action::OpenCommandBar),
        KeyCode::Char(' ') => Some(Action::TogglePause),
        KeyCode::Char('+') | KeyCode::Char('=') => Some(Action::Faster),
        KeyCode::Char('-') | KeyCode::Char('_') => Some(Action::Slower),
        KeyCode::Char('.') => Some(Action::StepOnce),
        KeyCode::Char('h') if app.console.output.is_some() => Some(Action::ScrollSideways(-8)),
        KeyCode::Char('l') if app.console.output.is_some() => Some(Action::ScrollSideways(8)),
        KeyCode::Char('h') => Some(Action::ScrollCode(-8)),
        KeyCode::Char('l') => Some(Action::ScrollCode(8)),
        KeyCode::F(1) => Some(Action::ToggleHelp),
        _ => None,
    }
}

/// Keys of the open command bar: editing, history, completion. Text
/// arrives as characters (an input method sends the composed syllables).
fn bar_key(key: &KeyEvent, ctrl: bool) -> Option<BarKey> {
    if ctrl {
        return match key.code {
            KeyCode::Char('u') | KeyCode::Char('U') => Some(BarKey::Clear),
            KeyCode::Char('a') | KeyCode::Char('A') => Some(BarKey::Home),
            KeyCode::Char('e') | KeyCode::Char('E') => Some(BarKey::End),
            KeyCode::Char('w') | KeyCode::Char('W') => Some(BarKey::DeleteWord),
            KeyCode::Char('p') | KeyCode::Char('P') => Some(BarKey::HistoryPrev),
            KeyCode::Char('n') | KeyCode::Char('N') => Some(BarKey::HistoryNext),
            KeyCode::Char('h') | KeyCode::Char('H') => Some(BarKey::Backspace),
            _ => None,
        };
    }
    Some(match key.code {
        KeyCode::Char(c) => BarKey::Insert(c),
        KeyCode::Enter => BarKey::Submit,
        KeyCode::Esc => BarKey::Cancel,
        KeyCode::Backspace => BarKey::Backspace,
        KeyCode::Delete => BarKey::Delete,
        KeyCode::Left => BarKey::Left,
        KeyCode::Right => BarKey::Right,
        KeyCode::Home => BarKey::Home,
        KeyCode::End => BarKey::End,
        KeyCode::Up => BarKey::HistoryPrev,
        KeyCode::Down => BarKey::HistoryNext,
        KeyCode::Tab => BarKey::Complete,
        KeyCode::BackTab => BarKey::CompleteBack,
        _ => return None,
    })
}

fn mouse_action(mouse: &MouseEvent) -> Option<Action> {
    let lines = match mouse.kind {
        MouseEventKind::ScrollDown => 3,
        MouseEventKind::ScrollUp => -3,
        _ => return None,
    };
    Some(Action::Wheel {
        column: mouse.column,
        row: mouse.row,
        lines,
    })
}
