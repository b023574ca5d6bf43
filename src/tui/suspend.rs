//! Ctrl-Z and SIGTSTP, as a well-behaved full-screen program handles them:
//! give the terminal back as it was (mouse reporting and bracketed paste
//! off, the alternate screen left, raw mode off), stop the process, and
//! when the shell continues it (`fg`, SIGCONT) take the terminal again and
//! draw the whole screen anew, so nothing the shell printed meanwhile
//! (`[1]+ Stopped`) is left on it.
//!
//! In raw mode the terminal sends Ctrl-Z as a key, not a signal: the key is
//! taken here, except in the exercise editor, where Ctrl-Z is undo.
//! `kill -TSTP` arrives as the signal.

use super::app::App;
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture, Event,
    KeyCode, KeyEventKind, KeyModifiers,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{EnterAlternateScreen, enable_raw_mode};
use std::io::stdout;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

/// SIGTSTP and SIGCONT, noted for the event loop.
pub struct Signals {
    tstp: Arc<AtomicBool>,
    cont: Arc<AtomicBool>,
}

impl Signals {
    pub fn install() -> std::io::Result<Signals> {
        let tstp = Arc::new(AtomicBool::new(false));
        let cont = Arc::new(AtomicBool::new(false));
        signal_hook::flag::register(signal_hook::consts::SIGTSTP, Arc::clone(&tstp))?;
        signal_hook::flag::register(signal_hook::consts::SIGCONT, Arc::clone(&cont))?;
        Ok(Signals { tstp, cont })
    }

    /// Whether a SIGTSTP came since the last call.
    pub fn take_suspend(&self) -> bool {
        self.tstp.swap(false, Ordering::Relaxed)
    }

    /// Whether the process was continued (after a stop it did not ask
    /// for, such as `kill -STOP`) since the last call.
    pub fn take_continued(&self) -> bool {
        self.cont.swap(false, Ordering::Relaxed)
    }
}

/// Ctrl-Z, outside the exercise editor (where it is undo).
pub fn is_suspend_key(event: &Event, app: &App) -> bool {
    let Event::Key(key) = event else {
        return false;
    };
    key.kind == KeyEventKind::Press
        && key.modifiers.contains(KeyModifiers::CONTROL)
        && matches!(key.code, KeyCode::Char('z' | 'Z'))
        && app.editor.is_none()
}

/// Restore the terminal, stop until continued, then take the terminal
/// again and clear it so the next draw repaints every cell.
pub fn suspend(terminal: &mut DefaultTerminal) -> std::io::Result<()> {
    let _ = execute!(stdout(), DisableMouseCapture, DisableBracketedPaste);
    let _ = terminal.show_cursor();
    ratatui::restore();
    // SIGSTOP, since our SIGTSTP handler only sets a flag: the shell sees
    // the job stopped, as with any program.
    signal_hook::low_level::raise(signal_hook::consts::SIGSTOP)?;
    enable_raw_mode()?;
    execute!(
        stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        EnableBracketedPaste
    )?;
    terminal.clear()
}
