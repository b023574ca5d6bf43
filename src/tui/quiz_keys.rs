//! Keys of the lesson's live blocks and of the exercise editor (the rest
//! of the key map is in `keymap.rs`).
//!
//! Blocks: `]` / `[` move the focus between the section's quizzes and
//! exercises (from reading, `]` takes the first); Esc gives it back. A
//! focused question takes ↑/↓ (the choice cursor; `j`/`k`, PgUp/PgDn still
//! scroll), digits, Space (pick / toggle instead of pausing the cluster),
//! Enter (check; for a `text` question: start typing), `u`/`d` and
//! Shift-↑/↓ (move an `order` item), `h` (hint), `a` (the answer, asked
//! first), `r` (answer again for practice), `y`/`n` (a question asked).
//! While typing a `text` answer every character is text: Enter checks, Esc
//! stops typing. A focused exercise takes Enter (the editor) and `h`.
//!
//! Editor: Ctrl-S or F5 check, Esc close (the draft is kept), Ctrl-T or F2
//! hint, Ctrl-G or F3 solution, Ctrl-R or F6 reset, Ctrl-O or F4 the
//! external editor, F8 or Ctrl-N the next problem, Ctrl-Z / Ctrl-Y undo /
//! redo, Tab / Shift-Tab indent, F1 help; everything else edits.

use super::action::{BlockKey, EditorKey};
use super::app::App;
use super::blocks::Focused;
use super::editor::EditKey;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui_textarea::Key;

/// The block key for `key`, when a block takes it.
pub fn block_key(key: &KeyEvent, ctrl: bool, app: &App) -> Option<BlockKey> {
    let shift = key.modifiers.contains(KeyModifiers::SHIFT);
    let focused = app.focused_block();
    if let Some(Focused::Quiz { typing: true, .. }) = focused {
        return match key.code {
            KeyCode::Char('u') | KeyCode::Char('U') if ctrl => Some(BlockKey::ClearLine),
            KeyCode::Char('a') | KeyCode::Char('A') if ctrl => Some(BlockKey::Home),
            KeyCode::Char('e') | KeyCode::Char('E') if ctrl => Some(BlockKey::End),
            KeyCode::Char('h') | KeyCode::Char('H') if ctrl => Some(BlockKey::Backspace),
            KeyCode::Char(_) if ctrl => None,
            KeyCode::Char(c) => Some(BlockKey::Type(c)),
            KeyCode::Enter => Some(BlockKey::Enter),
            KeyCode::Esc => Some(BlockKey::Leave),
            KeyCode::Backspace => Some(BlockKey::Backspace),
            KeyCode::Delete => Some(BlockKey::Delete),
            KeyCode::Left => Some(BlockKey::Left),
            KeyCode::Right => Some(BlockKey::Right),
            KeyCode::Home => Some(BlockKey::Home),
            KeyCode::End => Some(BlockKey::End),
            _ => None,
        };
    }
    if ctrl {
        return None;
    }
    match key.code {
        KeyCode::Char(']') => return Some(BlockKey::Next),
        KeyCode::Char('[') => return Some(BlockKey::Prev),
        _ => {}
    }
    let focused = focused?;
    if let Focused::Quiz {
        confirming: true, ..
    } = focused
    {
        return match key.code {
            KeyCode::Char('y') | KeyCode::Char('Y') | KeyCode::Enter => {
                Some(BlockKey::Confirm(true))
            }
            KeyCode::Char('n') | KeyCode::Char('N') | KeyCode::Esc => {
                Some(BlockKey::Confirm(false))
            }
            _ => None,
        };
    }
    // Esc closes the command output first, when there is one.
    if key.code == KeyCode::Esc {
        return app.console.output.is_none().then_some(BlockKey::Leave);
    }
    match focused {
        Focused::Exercise => match key.code {
            KeyCode::Enter => Some(BlockKey::Enter),
            KeyCode::Char('h') => Some(BlockKey::Hint),
            _ => None,
        },
        Focused::Quiz { .. } => match key.code {
            KeyCode::Up if shift => Some(BlockKey::MoveUp),
            KeyCode::Down if shift => Some(BlockKey::MoveDown),
            KeyCode::Up => Some(BlockKey::Up),
            KeyCode::Down => Some(BlockKey::Down),
            KeyCode::Char(c @ '1'..='9') => Some(BlockKey::Number(c as u8 - b'0')),
            KeyCode::Char(' ') => Some(BlockKey::Space),
            KeyCode::Enter => Some(BlockKey::Enter),
            KeyCode::Char('u') | KeyCode::Char('K') => Some(BlockKey::MoveUp),
            KeyCode::Char('d') | KeyCode::Char('J') => Some(BlockKey::MoveDown),
            KeyCode::Char('h') => Some(BlockKey::Hint),
            KeyCode::Char('a') => Some(BlockKey::Answer),
            KeyCode::Char('r') => Some(BlockKey::Retry),
            _ => None,
        },
    }
}

/// The editor key for `key` (the editor takes every key but Ctrl-C).
pub fn editor_key(key: &KeyEvent, app: &App) -> Option<EditorKey> {
    let m = key.modifiers;
    let ctrl = m.contains(KeyModifiers::CONTROL);
    let alt = m.contains(KeyModifiers::ALT);
    let shift = m.contains(KeyModifiers::SHIFT);
    if app.editor.as_ref().is_some_and(|e| e.confirm.is_some()) {
        return match key.code {
            KeyCode::Char('y') | KeyCode::Char('Y') | KeyCode::Enter => {
                Some(EditorKey::Confirm(true))
            }
            _ => Some(EditorKey::Confirm(false)),
        };
    }
    let lower = match key.code {
        KeyCode::Char(c) => Some(c.to_ascii_lowercase()),
        _ => None,
    };
    if ctrl && !alt {
        match lower {
            Some('s') => return Some(EditorKey::Submit),
            Some('t') => return Some(EditorKey::Hint),
            Some('g') => return Some(EditorKey::Solution),
            Some('r') => return Some(EditorKey::Reset),
            Some('o') => return Some(EditorKey::External),
            Some('n') => return Some(EditorKey::NextError),
            Some('z') => return Some(EditorKey::Undo),
            Some('y') => return Some(EditorKey::Redo),
            _ => {}
        }
    }
    let code = match key.code {
        KeyCode::F(5) => return Some(EditorKey::Submit),
        KeyCode::F(2) => return Some(EditorKey::Hint),
        KeyCode::F(3) => return Some(EditorKey::Solution),
        KeyCode::F(6) => return Some(EditorKey::Reset),
        KeyCode::F(4) => return Some(EditorKey::External),
        KeyCode::F(8) => return Some(EditorKey::NextError),
        KeyCode::Esc => return Some(EditorKey::Close),
        KeyCode::Enter if !ctrl && !alt => return Some(EditorKey::Newline),
        KeyCode::Tab => return Some(EditorKey::Indent),
        KeyCode::BackTab => return Some(EditorKey::Dedent),
        KeyCode::Char(c) => Key::Char(c),
        KeyCode::Backspace => Key::Backspace,
        KeyCode::Delete => Key::Delete,
        KeyCode::Left => Key::Left,
        KeyCode::Right => Key::Right,
        KeyCode::Up => Key::Up,
        KeyCode::Down => Key::Down,
        KeyCode::Home => Key::Home,
        KeyCode::End => Key::End,
        KeyCode::PageUp => Key::PageUp,
        KeyCode::PageDown => Key::PageDown,
        _ => return None,
    };
    Some(EditorKey::Edit(EditKey {
        key: code,
        ctrl,
        alt,
        shift,
    }))
}
