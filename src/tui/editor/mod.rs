//! The exercise editor: a [`TextArea`] (line numbers in our own gutter, undo
//! and redo, YAML-aware Enter and Tab) on the student's draft or the
//! starter, the problems of the last check marked at their lines, and a run
//! of the exercise stepped a few samples per tick so that the cluster pane
//! shows the cluster reaching (or not) the goal.
//!
//! Keys are in `keymap.rs` ([`EditorKey`]); what they do is in [`actions`];
//! the `$VISUAL` / `$EDITOR` round trip is in [`external`].

pub mod actions;
pub mod diff;
pub mod external;

use crate::exercise::Report;
use crate::exercise::runner::Run;
use crate::exercise::spec::ExerciseSpec;
use crate::manifest::Diagnostic;
use crate::sim::setup::Setup;
use ratatui::style::{Modifier, Style};
use ratatui_textarea::{CursorMove, Input, Key, TextArea};

/// A key passed on to the text area (`ratatui_textarea::Input` is not
/// `Copy`; actions are).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EditKey {
    pub key: Key,
    pub ctrl: bool,
    pub alt: bool,
    pub shift: bool,
}

impl EditKey {
    fn input(self) -> Input {
        Input {
            key: self.key,
            ctrl: self.ctrl,
            alt: self.alt,
            shift: self.shift,
        }
    }
}

/// What the student can do in the editor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditorKey {
    /// Check the manifest (Ctrl-S, F5).
    Submit,
    /// Close, keeping the draft (Esc).
    Close,
    /// The next hint (Ctrl-T, F2).
    Hint,
    /// Show the solution, after a failed check (Ctrl-G, F3); asks first.
    Solution,
    /// Back to the starter (Ctrl-R, F6); asks first.
    Reset,
    /// Edit in `$VISUAL` / `$EDITOR` (Ctrl-O, F4).
    External,
    /// Move the cursor to the next problem (F8, Ctrl-N).
    NextError,
    Undo,
    Redo,
    /// Enter: a new line indented for YAML.
    Newline,
    /// Tab / Shift-Tab: indent / unindent by two spaces.
    Indent,
    Dedent,
    /// y / n while a question is asked.
    Confirm(bool),
    /// Anything else, for the text area.
    Edit(EditKey),
}

/// A question the editor is asking.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Confirm {
    Reset,
    Solution,
}

/// A message under the editor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub text: String,
    pub bad: bool,
}

/// Indentation step of the editor (YAML's usual two spaces).
pub const INDENT: &str = "  ";

/// Samples of an exercise run per interface tick (a sample is one second
/// of simulated time): one at first, so that the pods can be seen starting
/// (ten simulated seconds a real second), then [`SAMPLES_LATER`], so that a
/// run waiting for its two-minute timeout ends in about five seconds.
pub const SAMPLES_FIRST: usize = 1;
pub const SAMPLES_LATER: usize = 5;
/// Simulated ms after which a run goes faster.
pub const SLOW_MS: u64 = 20_000;

pub struct Editor {
    pub lesson: String,
    pub spec: ExerciseSpec,
    pub setup: Option<Setup>,
    pub area: TextArea<'static>,
    /// The problems of the last check, by line.
    pub diagnostics: Vec<Diagnostic>,
    /// The problem the cursor was last sent to.
    pub selected: Option<usize>,
    /// A run in progress.
    pub run: Option<Run>,
    /// The last finished check (without its cluster).
    pub report: Option<Report>,
    /// The text of the last check, to say when it no longer matches.
    pub checked: Option<String>,
    pub confirm: Option<Confirm>,
    pub note: Option<Note>,
    /// The text areas that whole-text replacements (reset, solution, the
    /// external editor) put aside, with their own undo history: one undo
    /// past a replacement brings the old text back.
    pub replaced: Vec<TextArea<'static>>,
}

impl Editor {
    pub fn new(lesson: &str, spec: &ExerciseSpec, setup: Option<&Setup>, text: &str) -> Editor {
        Editor {
            lesson: lesson.to_string(),
            spec: spec.clone(),
            setup: setup.cloned(),
            area: text_area(text),
            diagnostics: Vec::new(),
            selected: None,
            run: None,
            report: None,
            checked: None,
            confirm: None,
            note: None,
            replaced: Vec::new(),
        }
    }

    /// The text as a manifest file: lines joined, ending with a newline.
    pub fn text(&self) -> String {
        let mut s = self.area.lines().join("\n");
        if !s.ends_with('\n') {
            s.push('\n');
        }
        s
    }

    /// Replace the whole text as one edit (one undo brings the old one back).
    pub fn replace_text(&mut self, text: &str) {
        let old = std::mem::replace(&mut self.area, text_area(text));
        self.replaced.push(old);
    }

    /// Undo the last edit, or the last whole-text replacement once the
    /// edits made since are undone.
    pub fn undo(&mut self) {
        if !self.area.undo()
            && let Some(old) = self.replaced.pop()
        {
            self.area = old;
        }
    }

    /// Whether the text changed since the last check.
    pub fn is_stale(&self) -> bool {
        self.checked.as_ref().is_some_and(|t| *t != self.text())
    }

    /// Problems that are errors.
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|d| d.is_error())
    }

    /// A new line, indented like the current one, one step more after a
    /// `key:` with nothing after it, and under the key after a `- `.
    pub fn newline(&mut self) {
        let ratatui_textarea::DataCursor(row, col) = self.area.cursor();
        let line = self.area.lines().get(row).cloned().unwrap_or_default();
        let before: String = line.chars().take(col).collect();
        let indent = before.len() - before.trim_start_matches(' ').len();
        let mut extra = 0;
        let content = before.trim_start_matches(' ');
        if let Some(rest) = content.strip_prefix("- ") {
            extra += 2;
            let _ = rest;
        }
        let code = match content.find(" #") {
            Some(i) => &content[..i],
            None => content,
        }
        .trim_end();
        if code.ends_with(':') || code.ends_with('{') || code.ends_with('[') {
            extra += INDENT.len();
        }
        self.area.insert_newline();
        // The text area keeps no indentation of its own.
        self.area.insert_str(" ".repeat(indent + extra));
    }

    /// Tab: two spaces at the cursor.
    pub fn indent(&mut self) {
        self.area.insert_str(INDENT);
    }

    /// Shift-Tab: up to two spaces fewer at the start of the line.
    pub fn dedent(&mut self) {
        let ratatui_textarea::DataCursor(row, col) = self.area.cursor();
        let line = self.area.lines().get(row).cloned().unwrap_or_default();
        let spaces = line.len() - line.trim_start_matches(' ').len();
        let n = spaces.min(INDENT.len());
        if n == 0 {
            return;
        }
        self.area.move_cursor(CursorMove::Head);
        self.area.delete_next_char();
        if n == 2 {
            self.area.delete_next_char();
        }
        let col = col.saturating_sub(n) as u16;
        self.area.move_cursor(CursorMove::Jump(row as u16, col));
    }

    pub fn edit(&mut self, key: EditKey) {
        self.area.input(key.input());
    }

    /// Insert pasted text as it is (no indentation added).
    pub fn paste(&mut self, text: &str) {
        self.area.insert_str(clean(text));
    }

    /// Send the cursor to the next problem (errors first, by line).
    pub fn next_error(&mut self) {
        if self.diagnostics.is_empty() {
            return;
        }
        let next = match self.selected {
            Some(i) => (i + 1) % self.diagnostics.len(),
            None => 0,
        };
        self.selected = Some(next);
        let d = &self.diagnostics[next];
        let row = d
            .line
            .saturating_sub(1)
            .min(self.area.lines().len().saturating_sub(1));
        let chars = self.area.lines().get(row).map_or(0, |l| l.chars().count());
        let col = d.column.saturating_sub(1).min(chars);
        self.area
            .move_cursor(CursorMove::Jump(row as u16, col as u16));
    }
}

/// Text safe to hold in the editor: line ends made `\n`, and no control
/// character but tabs (the terminal would act on them when drawn; a tab
/// stays, so that the check can point at it).
pub fn clean(text: &str) -> String {
    text.replace("\r\n", "\n")
        .chars()
        .map(|c| if c == '\r' { '\n' } else { c })
        .filter(|&c| c == '\n' || c == '\t' || !c.is_control())
        .collect()
}

fn text_area(text: &str) -> TextArea<'static> {
    let lines: Vec<String> = clean(text)
        .trim_end_matches('\n')
        .split('\n')
        .map(str::to_string)
        .collect();
    let mut area = TextArea::new(lines);
    area.set_tab_length(2);
    area.set_hard_tab_indent(false);
    area.set_max_histories(500);
    area.set_cursor_line_style(Style::new());
    area.set_cursor_style(Style::new().add_modifier(Modifier::REVERSED));
    area
}
