//! One live question in the lesson pane: what the student has picked,
//! arranged or typed, and what the last check said. The question itself
//! (tries, hints, score) is a [`QuizAttempt`] in the lesson's
//! [`LessonQuiz`](crate::quiz::lesson::LessonQuiz).

use crate::lang::Lang;
use crate::quiz::attempt::{AttemptRecord, QuizAttempt, Reveal, Verdict};
use crate::quiz::check::{Answer, CheckError, Response, answer_of};
use crate::quiz::input::InputError;
use crate::quiz::lesson::Question;
use crate::quiz::spec::QuizKind;
use crate::tui::console::input::LineInput;
use crate::tui::i18n::Ui;
use std::collections::BTreeSet;

/// What the last check or request showed.
#[derive(Debug, Clone)]
pub enum Feedback {
    Verdict(Verdict),
    Revealed(Reveal),
}

#[derive(Debug, Clone, Default)]
pub struct QuizUi {
    /// The row under the cursor, as a position shown (a choice, or an
    /// `order` position). Nothing at first for the choice kinds: the first
    /// ↑/↓ or digit puts it somewhere.
    pub cursor: Option<usize>,
    /// Picked choices, by their index in the lesson (one for `choice` and
    /// `predict`). Nothing at first.
    pub picked: BTreeSet<usize>,
    /// `order`: indices into `items`, as the student has arranged them.
    pub order: Vec<usize>,
    /// `text`: the typed answer.
    pub text: LineInput,
    pub feedback: Option<Feedback>,
    /// A note about the last key (nothing picked, no hint left).
    pub note: Option<String>,
    /// Asking whether to show the answer (it costs the question's points).
    pub confirm_reveal: bool,
    /// Finished in an earlier session: its record and the answer to show.
    pub past: Option<(AttemptRecord, Option<Answer>)>,
}

/// What a key did to a question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Done {
    /// Nothing that needs the caller.
    Nothing,
    /// The question just finished: record it.
    Finished,
}

/// A key for a focused question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuizKey {
    Up,
    Down,
    /// A choice (or an `order` position) by its 1-based number.
    Number(u8),
    /// Space: pick (choice) or toggle (multi).
    Toggle,
    Submit,
    MoveUp,
    MoveDown,
    Hint,
    Answer,
    Retry,
    Confirm(bool),
}

impl QuizUi {
    pub fn new(q: &Question, past: Option<&AttemptRecord>) -> QuizUi {
        let attempt = &q.attempt;
        QuizUi {
            cursor: (attempt.spec().kind == QuizKind::Order).then_some(0),
            order: attempt.shown_items().to_vec(),
            past: past.map(|r| {
                let answer = answer_of(attempt.spec(), attempt.solution(), attempt.observed()).ok();
                (r.clone(), answer)
            }),
            ..QuizUi::default()
        }
    }

    /// Whether the question shows as over (answered now or before).
    pub fn is_over(&self, attempt: &QuizAttempt) -> bool {
        attempt.is_finished() || self.past.is_some()
    }

    /// Items a cursor moves over.
    fn rows(attempt: &QuizAttempt) -> usize {
        let spec = attempt.spec();
        match spec.kind {
            QuizKind::Order => spec.items.len(),
            QuizKind::Text => 0,
            _ => spec.choices.len(),
        }
    }

    pub fn key(&mut self, q: &mut Question, key: QuizKey, ui: &Ui) -> Done {
        self.note = None;
        if self.confirm_reveal {
            self.confirm_reveal = false;
            return match key {
                QuizKey::Confirm(true) | QuizKey::Submit => self.reveal(q),
                _ => Done::Nothing,
            };
        }
        if let QuizKey::Retry = key {
            if self.is_over(&q.attempt) {
                self.practice(q);
            }
            return Done::Nothing;
        }
        if self.is_over(&q.attempt) {
            // Only the answer can be asked for again.
            if key == QuizKey::Answer && self.past.is_none() {
                return self.reveal(q);
            }
            return Done::Nothing;
        }
        let kind = q.attempt.spec().kind;
        let rows = Self::rows(&q.attempt);
        let one = matches!(kind, QuizKind::Choice | QuizKind::Predict);
        // The choice shown at a position, by its index in the lesson.
        let choice_at = |p: usize| crate::quiz::shuffle::index_at(q.attempt.shown_choices(), p);
        match key {
            QuizKey::Up | QuizKey::Down if rows > 0 => {
                let last = rows - 1;
                let at = match (self.cursor, key) {
                    (None, _) => 0,
                    (Some(c), QuizKey::Up) => c.saturating_sub(1),
                    (Some(c), _) => (c + 1).min(last),
                };
                self.cursor = Some(at);
                // One answer: the cursor is the pick.
                if one {
                    self.picked = [choice_at(at)].into();
                }
            }
            QuizKey::Number(n) => {
                let p = usize::from(n).saturating_sub(1);
                if n == 0 || p >= rows {
                    return Done::Nothing;
                }
                self.cursor = Some(p);
                match kind {
                    QuizKind::Choice | QuizKind::Predict => self.picked = [choice_at(p)].into(),
                    QuizKind::Multi => self.toggle(choice_at(p)),
                    _ => {}
                }
            }
            QuizKey::Toggle => match (kind, self.cursor) {
                (QuizKind::Choice | QuizKind::Predict, Some(c)) => {
                    self.picked = [choice_at(c)].into()
                }
                (QuizKind::Multi, Some(c)) => self.toggle(choice_at(c)),
                (QuizKind::Choice | QuizKind::Predict | QuizKind::Multi, None) => {
                    self.note = Some(ui.quiz_pick_first().to_string());
                }
                _ => {}
            },
            QuizKey::MoveUp | QuizKey::MoveDown if kind == QuizKind::Order => {
                let cursor = self.cursor.unwrap_or(0);
                let to = if key == QuizKey::MoveUp {
                    cursor.checked_sub(1)
                } else {
                    Some(cursor + 1).filter(|&t| t < self.order.len())
                };
                if let Some(to) = to {
                    self.order.swap(cursor, to);
                    self.cursor = Some(to);
                }
            }
            QuizKey::Hint if q.attempt.hint().is_none() => {
                self.note = Some(ui.quiz_no_hints().to_string());
            }
            QuizKey::Answer => self.confirm_reveal = true,
            QuizKey::Submit => return self.submit(q, ui.lang),
            _ => {}
        }
        Done::Nothing
    }

    fn toggle(&mut self, i: usize) {
        if !self.picked.remove(&i) {
            self.picked.insert(i);
        }
    }

    /// The response the student has put together, or why there is none.
    fn response(&self, q: &Question, lang: Lang) -> Result<Response, String> {
        let spec = q.attempt.spec();
        match spec.kind {
            QuizKind::Choice | QuizKind::Predict => match self.picked.first() {
                Some(&i) => Ok(Response::Choice(i)),
                None => Err(String::new()),
            },
            QuizKind::Multi if self.picked.is_empty() => Err(String::new()),
            QuizKind::Multi => Ok(Response::Multi(self.picked.clone())),
            QuizKind::Order => Ok(Response::Order(self.order.clone())),
            QuizKind::Text if self.text.text().trim().is_empty() => {
                Err(InputError::Empty.message(lang))
            }
            QuizKind::Text => Ok(Response::Text(self.text.text().trim().to_string())),
        }
    }

    pub fn submit(&mut self, q: &mut Question, lang: Lang) -> Done {
        let ui = Ui::new(lang);
        let response = match self.response(q, lang) {
            Ok(r) => r,
            Err(msg) if msg.is_empty() => {
                self.note = Some(ui.quiz_pick_first().to_string());
                return Done::Nothing;
            }
            Err(msg) => {
                self.note = Some(msg);
                return Done::Nothing;
            }
        };
        if let Response::Choice(i) = response {
            self.picked = [i].into();
        }
        match q.attempt.submit(&response) {
            Ok(verdict) => {
                let over = !verdict.can_retry;
                self.feedback = Some(Feedback::Verdict(verdict));
                if over { Done::Finished } else { Done::Nothing }
            }
            Err(e) => {
                self.note = Some(check_error(&e, q));
                Done::Nothing
            }
        }
    }

    fn reveal(&mut self, q: &mut Question) -> Done {
        let was_open = !q.attempt.is_finished();
        match q.attempt.reveal() {
            Ok(reveal) => {
                // A finished question keeps its verdict; the answer is in it.
                if was_open || !matches!(self.feedback, Some(Feedback::Verdict(_))) {
                    self.feedback = Some(Feedback::Revealed(reveal));
                }
                if was_open {
                    Done::Finished
                } else {
                    Done::Nothing
                }
            }
            Err(e) => {
                self.note = Some(check_error(&e, q));
                Done::Nothing
            }
        }
    }

    /// Answer again, for practice: a fresh attempt (the progress keeps the
    /// first finished one as the score).
    fn practice(&mut self, q: &mut Question) {
        q.attempt = q.attempt.again();
        *self = QuizUi::new(q, None);
    }

    /// Typing into a `text` answer.
    pub fn text_mut(&mut self) -> &mut LineInput {
        self.note = None;
        &mut self.text
    }
}

fn check_error(e: &CheckError, q: &Question) -> String {
    match q.problem() {
        Some(p) => format!("{e}: {p}"),
        None => e.to_string(),
    }
}
