//! The command bar (`:`) and what it printed: the command language of
//! [`crate::kubectl`] typed against the live cluster, with history, Tab
//! completion and a scrollable output panel.

pub mod completion;
pub mod input;
pub mod wait;

use super::action::Pane;
use super::cluster::live::Live;
use crate::kubectl::{self, parse};
use completion::Completion;
use input::LineInput;

/// Lines of history kept for the session.
pub const HISTORY: usize = 200;
/// Lines of output kept from one command.
pub const MAX_OUTPUT_LINES: usize = 10_000;
/// The longest `wait` (as the command language allows).
const MAX_WAIT_MS: u64 = 3_600_000;

/// An editing key of the command bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BarKey {
    Insert(char),
    Backspace,
    Delete,
    DeleteWord,
    Left,
    Right,
    Home,
    End,
    Clear,
    HistoryPrev,
    HistoryNext,
    /// Tab: complete, then cycle forward through the candidates.
    Complete,
    /// Shift-Tab: cycle backward.
    CompleteBack,
    Submit,
    Cancel,
}

/// The open command bar.
#[derive(Debug, Clone, Default)]
pub struct Bar {
    pub input: LineInput,
    /// Index into the history while browsing it with ↑/↓.
    history_pos: Option<usize>,
    /// What was typed before browsing started.
    draft: String,
    pub completion: Option<Completion>,
}

/// What the last command printed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Output {
    pub command: String,
    /// Sanitised lines (no control characters).
    pub lines: Vec<String>,
    pub ok: bool,
    /// First line shown.
    pub scroll: usize,
    /// First column shown (wide tables scroll sideways).
    pub column: usize,
}

#[derive(Debug, Clone, Default)]
pub struct Console {
    pub bar: Option<Bar>,
    history: Vec<String>,
    pub output: Option<Output>,
    /// The pane that had the focus before the output moved it to the
    /// cluster pane; closing the output gives it back.
    pub return_focus: Option<Pane>,
    /// A long `wait` running in slices ([`wait`]).
    pub waiting: Option<wait::Waiting>,
}

impl Console {
    pub fn open(&mut self) {
        self.bar = Some(Bar::default());
    }

    pub fn is_open(&self) -> bool {
        self.bar.is_some()
    }

    /// Commands run this session, oldest first.
    pub fn history(&self) -> &[String] {
        &self.history
    }

    /// An editing key. Returns true when a command ran (its output is in
    /// [`Console::output`]).
    pub fn key(&mut self, key: BarKey, live: &mut Live, lang: crate::lang::Lang) -> bool {
        let Some(bar) = self.bar.as_mut() else {
            return false;
        };
        if !matches!(key, BarKey::Complete | BarKey::CompleteBack) {
            bar.completion = None;
        }
        match key {
            BarKey::Insert(c) => {
                bar.input.insert(c);
            }
            BarKey::Backspace => bar.input.backspace(),
            BarKey::Delete => bar.input.delete(),
            BarKey::DeleteWord => bar.input.delete_word(),
            BarKey::Left => bar.input.left(),
            BarKey::Right => bar.input.right(),
            BarKey::Home => bar.input.home(),
            BarKey::End => bar.input.end(),
            BarKey::Clear => bar.input.clear(),
            BarKey::HistoryPrev => {
                if self.history.is_empty() {
                    return false;
                }
                let pos = match bar.history_pos {
                    None => {
                        bar.draft = bar.input.text().to_string();
                        self.history.len() - 1
                    }
                    Some(p) => p.saturating_sub(1),
                };
                bar.history_pos = Some(pos);
                bar.input.set(&self.history[pos]);
            }
            BarKey::HistoryNext => match bar.history_pos {
                None => {}
                Some(p) if p + 1 < self.history.len() => {
                    bar.history_pos = Some(p + 1);
                    bar.input.set(&self.history[p + 1]);
                }
                Some(_) => {
                    bar.history_pos = None;
                    let draft = std::mem::take(&mut bar.draft);
                    bar.input.set(&draft);
                }
            },
            BarKey::Complete => completion::step(bar, &live.cluster, true),
            BarKey::CompleteBack => completion::step(bar, &live.cluster, false),
            BarKey::Cancel => self.bar = None,
            BarKey::Submit => {
                let line = bar.input.text().trim().to_string();
                self.bar = None;
                if line.is_empty() {
                    return false;
                }
                if self.history.last() != Some(&line) {
                    self.history.push(line.clone());
                    if self.history.len() > HISTORY {
                        self.history.remove(0);
                    }
                }
                if let Ok(parse::Command::Wait(ms)) = parse::parse(&line)
                    && ms <= MAX_WAIT_MS
                    && let Some(waiting) = wait::Waiting::start(&crate::text::sanitize(&line), ms)
                {
                    // The first slices run now: a short wait on a small
                    // cluster is over before the key press returns.
                    self.waiting = Some(waiting);
                    self.tick_wait(live);
                    return true;
                }
                self.output = Some(run(live, &line, lang));
                return true;
            }
        }
        false
    }

    /// Run a tick of the wait in progress, if any; true while one runs
    /// (the cluster's own clock then stands still).
    pub fn tick_wait(&mut self, live: &mut Live) -> bool {
        let Some(waiting) = self.waiting.as_mut() else {
            return false;
        };
        let over = waiting.tick(&mut live.cluster);
        self.output = Some(waiting.output(&live.cluster, false));
        if over {
            self.waiting = None;
        }
        true
    }

    /// Esc during a wait: stop it where it is. False when none runs.
    pub fn stop_wait(&mut self, live: &Live) -> bool {
        let Some(waiting) = self.waiting.take() else {
            return false;
        };
        self.output = Some(waiting.output(&live.cluster, true));
        true
    }

    pub fn close_output(&mut self) -> bool {
        self.output.take().is_some()
    }
}

/// Run one line against the live cluster. The simulator's own replies
/// that describe a scenario come in the course's language.
pub fn run(live: &mut Live, line: &str, lang: crate::lang::Lang) -> Output {
    if let Some(out) = serve_command(live, line) {
        return out;
    }
    let mut outcome = kubectl::execute(&mut live.cluster, line);
    let parsed = parse::parse(line);
    let replaced = matches!(
        parsed,
        Ok(parse::Command::Reset | parse::Command::Scenario(Some(_)))
    );
    if outcome.ok && replaced {
        live.replaced_by_command();
    }
    if outcome.ok {
        match &parsed {
            Ok(parse::Command::Scenario(None)) => outcome.output = kubectl::scenario_list(lang),
            Ok(parse::Command::Scenario(Some(name))) => {
                outcome.output = kubectl::scenario_loaded(name, lang);
            }
            _ => {}
        }
    }
    let clean = crate::text::sanitize(&outcome.output);
    Output {
        command: crate::text::sanitize(line).into_owned(),
        lines: clean
            .lines()
            .take(MAX_OUTPUT_LINES)
            .map(str::to_string)
            .collect(),
        ok: outcome.ok,
        scroll: 0,
        column: 0,
    }
}

impl Output {
    pub fn scroll_by(&mut self, lines: i64, rows: usize) {
        let max = self.lines.len().saturating_sub(rows) as i64;
        self.scroll = (self.scroll as i64 + lines).clamp(0, max.max(0)) as usize;
    }

    pub fn scroll_sideways(&mut self, columns: i64, width: usize) {
        let widest = self
            .lines
            .iter()
            .map(|l| crate::text::width(l))
            .max()
            .unwrap_or(0);
        let max = widest.saturating_sub(width) as i64;
        self.column = (self.column as i64 + columns).clamp(0, max.max(0)) as usize;
    }
}

/// `serve [stop] [--port N]`: the tutor's side of `kubetutor serve`.
fn serve_command(live: &mut Live, line: &str) -> Option<Output> {
    let words: Vec<&str> = line.split_whitespace().collect();
    if words.first() != Some(&"serve") {
        return None;
    }
    let lang = live.lang;
    let (lines, ok) = match words.as_slice() {
        ["serve", "stop"] => {
            let stopped = live.stop_serving();
            let text = match (lang, stopped) {
                (crate::lang::Lang::Ko, true) => {
                    "API 서버를 멈췄습니다. kubeconfig 파일은 그대로 둡니다."
                }
                (crate::lang::Lang::Ko, false) => "API를 제공하고 있지 않습니다.",
                (_, true) => "Stopped answering the API; the kubeconfig file stays.",
                (_, false) => "The API is not being served.",
            };
            (vec![text.to_string()], stopped)
        }
        ["serve"] | ["serve", "--port", _] => {
            let port = match words.get(2).map(|p| p.parse::<u16>()) {
                None => Ok(0),
                Some(Ok(p)) => Ok(p),
                Some(Err(_)) => Err(format!("error: invalid port {:?}", words[2])),
            };
            match port.and_then(|p| live.start_serving(p, None, lang)) {
                Ok(lines) => (lines, true),
                Err(e) => (vec![format!("error: {e}")], false),
            }
        }
        _ => (
            vec!["usage: serve [--port N] | serve stop".to_string()],
            false,
        ),
    };
    Some(Output {
        command: crate::text::sanitize(line).into_owned(),
        lines,
        ok,
        scroll: 0,
        column: 0,
    })
}
