//! Editing the exercise in the student's own editor (`$VISUAL`, else
//! `$EDITOR`): the interface gives the terminal back (main screen, cooked
//! mode, no mouse reporting, cursor shown), the editor runs on a temporary
//! file holding the draft, and the interface takes the terminal again and
//! reads the file back. Whatever goes wrong is a message, never a broken
//! terminal: the terminal is restored before anything else is looked at.

use super::actions::ExternalRequest;
use crate::tui::i18n::Ui;
use ratatui::DefaultTerminal;
use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use std::io::{Write, stdout};
use std::path::PathBuf;
use std::process::Command;

/// The editor command the student chose: `$VISUAL`, else `$EDITOR`.
pub fn editor_command() -> Option<String> {
    ["VISUAL", "EDITOR"]
        .into_iter()
        .filter_map(std::env::var_os)
        .map(|v| v.to_string_lossy().trim().to_string())
        .find(|v| !v.is_empty())
}

/// A new temporary file with `text` in it.
fn temp_file(text: &str, suffix: &str) -> std::io::Result<PathBuf> {
    let dir = std::env::temp_dir();
    let mut n = 0u32;
    loop {
        let path = dir.join(format!("kubetutor-{}-{n}{suffix}", std::process::id()));
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        // The draft is the student's: readable by them only, in a shared
        // temporary directory.
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        match options.open(&path) {
            Ok(mut f) => {
                f.write_all(text.as_bytes())?;
                return Ok(path);
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && n < 1000 => n += 1,
            Err(e) => return Err(e),
        }
    }
}

/// Hand the terminal to a child program: what `ratatui::restore` does,
/// and mouse reporting and bracketed paste off.
pub fn suspend() {
    let _ = execute!(stdout(), DisableMouseCapture, DisableBracketedPaste);
    let _ = execute!(stdout(), LeaveAlternateScreen, Show);
    let _ = disable_raw_mode();
}

/// Take the terminal back after [`suspend`].
pub fn resume(terminal: &mut DefaultTerminal) {
    let _ = enable_raw_mode();
    let _ = execute!(
        stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        EnableBracketedPaste
    );
    // Everything on screen is the child's: draw the next frame in full.
    let _ = terminal.clear();
}

/// Run the external editor on the request's text. `Ok((editor, text))`
/// with the text as the editor left it.
pub fn edit(
    terminal: &mut DefaultTerminal,
    request: &ExternalRequest,
    ui: &Ui,
) -> Result<(String, String), String> {
    let Some(command) = editor_command() else {
        return Err(ui.editor_no_editor().to_string());
    };
    let name = command
        .split_whitespace()
        .next()
        .map(|w| w.rsplit('/').next().unwrap_or(w).to_string())
        .unwrap_or_default();
    let path = temp_file(&request.text, request.suffix)
        .map_err(|e| ui.editor_external_failed(&format!("cannot write a temporary file: {e}")))?;
    suspend();
    // The command may carry arguments (`code --wait`); the shell splits it
    // and the file comes as its last argument.
    let status = Command::new("sh")
        .arg("-c")
        .arg(format!("{command} \"$1\""))
        .arg("kubetutor")
        .arg(&path)
        .status();
    resume(terminal);
    let text = std::fs::read_to_string(&path);
    let _ = std::fs::remove_file(&path);
    match status {
        Err(e) => Err(ui.editor_external_failed(&format!("`{command}`: {e}"))),
        Ok(s) if !s.success() => {
            let why = match s.code() {
                Some(127) => format!("`{command}` was not found (exit status 127)"),
                Some(code) => format!("`{command}` exited with status {code}"),
                None => format!("`{command}` was stopped by a signal"),
            };
            Err(ui.editor_external_failed(&why))
        }
        Ok(_) => text
            .map(|t| (name, t))
            .map_err(|e| ui.editor_external_failed(&format!("cannot read the file back: {e}"))),
    }
}

#[cfg(test)]
mod tests {
    use super::temp_file;

    #[test]
    fn the_temporary_file_holds_the_text_and_only_its_owner_reads_it() {
        let path = temp_file("kind: Pod\n이름: 파드 🏗️\n", ".yaml").unwrap();
        let back = std::fs::read_to_string(&path);
        #[cfg(unix)]
        let mode = {
            use std::os::unix::fs::PermissionsExt;
            std::fs::metadata(&path).unwrap().permissions().mode() & 0o777
        };
        let _ = std::fs::remove_file(&path);
        assert_eq!(back.unwrap(), "kind: Pod\n이름: 파드 🏗️\n");
        assert!(path.to_string_lossy().ends_with(".yaml"));
        #[cfg(unix)]
        assert_eq!(mode, 0o600);
    }
}
