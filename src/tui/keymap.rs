//! Keys and mouse events to actions. The mapping depends on what is on top:
//! an overlay takes the keys it understands and leaves the rest.

use super::action::Action;
use super::app::{App, Overlay};
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
        return Some(Action::Quit);
    }
    match app.overlay {
        Some(Overlay::Help) => match key.code {
            KeyCode::Esc | KeyCode::Char('?') | KeyCode::Enter => Some(Action::CloseOverlay),
            KeyCode::Char('q') => Some(Action::Quit),
            _ => None,
        },
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
        None => match key.code {
            KeyCode::Right | KeyCode::Char('n') => Some(Action::NextSection),
            KeyCode::Left | KeyCode::Char('p') => Some(Action::PrevSection),
            KeyCode::Down | KeyCode::Char('j') => Some(Action::Scroll(1)),
            KeyCode::Up | KeyCode::Char('k') => Some(Action::Scroll(-1)),
            KeyCode::PageDown | KeyCode::Char(' ') => Some(Action::PageDown),
            KeyCode::PageUp => Some(Action::PageUp),
            KeyCode::Home | KeyCode::Char('g') => Some(Action::Top),
            KeyCode::End | KeyCode::Char('G') => Some(Action::Bottom),
            KeyCode::Tab | KeyCode::BackTab => Some(Action::FocusNext),
            KeyCode::Char('t') => Some(Action::ToggleCourse),
            KeyCode::Char('?') => Some(Action::ToggleHelp),
            KeyCode::Char('L') => Some(Action::ToggleLanguage),
            KeyCode::Char('x') => Some(Action::DismissBanner),
            KeyCode::Char('q') => Some(Action::Quit),
            KeyCode::Esc => Some(Action::CloseOverlay),
            _ => None,
        },
    }
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
