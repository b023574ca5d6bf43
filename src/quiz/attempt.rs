//! One student working through one question: tries, hints, reveal, score.
//!
//! ```text
//!            submit right                     submit right (2nd try)
//!   Open ─────────────────▶ Correct ◀──────────────────────────┐
//!    │  submit wrong (1st) ──▶ Open (retry, `why` shown) ──────┘
//!    │                          │ submit wrong (2nd) / reveal
//!    └── reveal ────────────────┴──────────────▶ Revealed
//! ```
//!
//! Scoring, per question (a lesson's score is the sum):
//! - right on the first try: 1 point ([`Score::Full`]);
//! - right on the second try: ½ point ([`Score::Half`]);
//! - the answer revealed, on request or after the second wrong try: 0.
//!
//! Hints are free: asking is what a tutor should encourage. They are counted
//! in the record so an instructor can see them.
//!
//! A response that cannot be checked (wrong kind, no such choice) spends no
//! try; the caller shows the error and asks again.

use super::check::{Answer, CheckError, Picked, Response, answer_of, check};
use super::input::{InputError, parse_response};
use super::key::{Solution, SpecError};
use super::shuffle::{choice_order, position_of, shown_order};
use super::spec::{QuizKind, QuizSpec};
use crate::timestamp::Timestamp;
use serde::{Deserialize, Serialize};

/// Wrong tries allowed before the answer is shown.
pub const MAX_TRIES: u32 = 2;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AttemptState {
    /// Waiting for a (first or second) response.
    Open,
    /// Answered right.
    Correct,
    /// The answer was shown, on request or after the second wrong try.
    Revealed,
}

/// Points for one question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Score {
    Zero,
    Half,
    Full,
}

impl Score {
    pub fn points(self) -> f64 {
        match self {
            Score::Zero => 0.0,
            Score::Half => 0.5,
            Score::Full => 1.0,
        }
    }
}

/// What the student sees after a submit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    pub correct: bool,
    /// The picked choice(s) with their `why` (choice, multi, predict). A
    /// first miss of a `multi` question lists only the wrong picks, without
    /// their `why` (the others would give the key away).
    pub picked: Vec<Picked>,
    /// `multi`, after a first miss: how many right choices were not picked.
    pub missing: Option<usize>,
    /// Once the question is over, what the lesson says about the other
    /// choices: every choice of a `multi` question, the right one of a
    /// one-answer question (when it was not picked). In the order shown.
    pub explained: Vec<Picked>,
    /// `order`: items in their right place.
    pub in_place: Option<usize>,
    /// Tries spent so far, this one included.
    pub tries: u32,
    /// A wrong answer with a try left.
    pub can_retry: bool,
    /// The right answer, once the question is over.
    pub answer: Option<Answer>,
    /// The lesson's `explain`, once the question is over.
    pub explain: Option<String>,
}

/// The answer and the explanation, when asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reveal {
    pub answer: Answer,
    /// What the lesson says about the choices (see [`Verdict::explained`]).
    pub explained: Vec<Picked>,
    pub explain: Option<String>,
}

/// A finished attempt as the progress file keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttemptRecord {
    /// When the question was finished.
    pub at: Timestamp,
    #[serde(default)]
    pub tries: u32,
    #[serde(default)]
    pub correct: bool,
    #[serde(default)]
    pub revealed: bool,
    #[serde(default)]
    pub hints: u32,
}

impl AttemptRecord {
    pub fn first_try_correct(&self) -> bool {
        self.correct && self.tries == 1
    }

    pub fn score(&self) -> Score {
        match (self.correct, self.tries) {
            (true, 1) => Score::Full,
            (true, _) => Score::Half,
            (false, _) => Score::Zero,
        }
    }
}

#[derive(Debug, Clone)]
pub struct QuizAttempt {
    spec: QuizSpec,
    solution: Solution,
    /// The shown order of what the question lists: `order` items, or the
    /// choices (indices into the lesson's lists, by position shown).
    shown: Vec<usize>,
    observed: Option<String>,
    tries: u32,
    hints_shown: usize,
    state: AttemptState,
}

impl QuizAttempt {
    /// Start a question. `seed` decides the shown order of an `order`
    /// question's items and of the choices (unless the question says
    /// `shuffle: false`); see [`super::shuffle::seed_for`].
    pub fn new(spec: &QuizSpec, seed: u64) -> Result<QuizAttempt, SpecError> {
        let solution = Solution::of(spec)?;
        let shown = match solution {
            Solution::Order(n) => shown_order(n, seed),
            Solution::Text(_) => Vec::new(),
            _ if spec.shuffle => choice_order(spec.choices.len(), seed),
            _ => (0..spec.choices.len()).collect(),
        };
        Ok(QuizAttempt {
            spec: spec.clone(),
            solution,
            shown,
            observed: None,
            tries: 0,
            hints_shown: 0,
            state: AttemptState::Open,
        })
    }

    /// A fresh attempt at the same question, shown in the same order, with
    /// the same observed value (answering again for practice).
    pub fn again(&self) -> QuizAttempt {
        QuizAttempt {
            tries: 0,
            hints_shown: 0,
            state: AttemptState::Open,
            ..self.clone()
        }
    }

    pub fn spec(&self) -> &QuizSpec {
        &self.spec
    }

    pub fn solution(&self) -> &Solution {
        &self.solution
    }

    /// `order`: indices into `items` in the order they are first shown.
    pub fn shown_items(&self) -> &[usize] {
        if self.spec.kind == QuizKind::Order {
            &self.shown
        } else {
            &[]
        }
    }

    /// Choice kinds: indices into `choices` in the order they are shown
    /// (`shown_choices()[0]` is the choice shown first, numbered 1).
    pub fn shown_choices(&self) -> &[usize] {
        match self.spec.kind {
            QuizKind::Choice | QuizKind::Multi | QuizKind::Predict => &self.shown,
            _ => &[],
        }
    }

    /// The number a choice is shown with (1-based), for choice `index`.
    pub fn choice_number(&self, index: usize) -> usize {
        position_of(self.shown_choices(), index) + 1
    }

    /// `predict`: give the value the simulator observed.
    pub fn set_observed(&mut self, value: impl Into<String>) {
        self.observed = Some(value.into());
    }

    pub fn observed(&self) -> Option<&str> {
        self.observed.as_deref()
    }

    /// A `predict` question still waiting for the simulator.
    pub fn needs_observation(&self) -> bool {
        self.spec.kind == QuizKind::Predict && self.observed.is_none()
    }

    /// Read what the student typed (plain-text mode): see [`parse_response`].
    pub fn parse(&self, input: &str) -> Result<Response, InputError> {
        parse_response(&self.spec, &self.shown, input)
    }

    pub fn state(&self) -> AttemptState {
        self.state
    }

    pub fn is_finished(&self) -> bool {
        self.state != AttemptState::Open
    }

    pub fn tries(&self) -> u32 {
        self.tries
    }

    /// Check a response. A wrong first try leaves the question open; a wrong
    /// second try finishes it and shows the answer.
    pub fn submit(&mut self, response: &Response) -> Result<Verdict, CheckError> {
        if self.is_finished() {
            return Err(CheckError::Finished);
        }
        let checked = check(
            &self.spec,
            &self.solution,
            response,
            self.observed.as_deref(),
        )?;
        self.tries += 1;
        if checked.correct {
            self.state = AttemptState::Correct;
        } else if self.tries >= MAX_TRIES {
            self.state = AttemptState::Revealed;
        }
        let over = self.is_finished();
        let multi = self.spec.kind == QuizKind::Multi;
        let (picked, missing) = if multi && !over {
            // A first miss names the wrong picks and how many right ones
            // are missing; what each choice means waits for the answer.
            let missing = match (&self.solution, response) {
                (Solution::Multi(right), Response::Multi(set)) => right.difference(set).count(),
                _ => 0,
            };
            let wrong = checked
                .picked
                .into_iter()
                .filter(|p| !p.correct)
                .map(|p| Picked { why: None, ..p })
                .collect();
            (wrong, Some(missing))
        } else {
            (checked.picked, None)
        };
        let explained = if over {
            self.explained(&checked.answer, &picked)
        } else {
            Vec::new()
        };
        Ok(Verdict {
            correct: checked.correct,
            picked,
            missing,
            explained,
            in_place: checked.in_place,
            tries: self.tries,
            can_retry: !over,
            answer: over.then_some(checked.answer),
            explain: if over {
                self.spec.explain.clone()
            } else {
                None
            },
        })
    }

    /// What the lesson says about the choices once the question is over:
    /// every choice of a `multi` question; the right choice of a one-answer
    /// question (unless it was the one picked, already in `picked`). In the
    /// order shown.
    fn explained(&self, answer: &Answer, picked: &[Picked]) -> Vec<Picked> {
        let right: Vec<usize> = match answer {
            Answer::Choice(i) => vec![*i],
            Answer::Multi(list) => list.clone(),
            Answer::Observed {
                choice: Some(i), ..
            } => vec![*i],
            _ => Vec::new(),
        };
        let wanted: Vec<usize> = match self.spec.kind {
            QuizKind::Multi => self.shown_choices().to_vec(),
            QuizKind::Choice | QuizKind::Predict => right
                .iter()
                .copied()
                .filter(|i| !picked.iter().any(|p| p.choice == *i))
                .collect(),
            _ => Vec::new(),
        };
        wanted
            .into_iter()
            .filter_map(|i| {
                let c = self.spec.choices.get(i)?;
                Some(Picked {
                    choice: i,
                    correct: right.contains(&i),
                    why: c.why.clone(),
                })
            })
            .collect()
    }

    /// Show the next hint, if any is left and the question is open.
    pub fn hint(&mut self) -> Option<&str> {
        if self.is_finished() || self.hints_shown >= self.spec.hints.len() {
            return None;
        }
        self.hints_shown += 1;
        self.spec
            .hints
            .get(self.hints_shown - 1)
            .map(String::as_str)
    }

    /// The hints shown so far.
    pub fn hints(&self) -> &[String] {
        &self.spec.hints[..self.hints_shown.min(self.spec.hints.len())]
    }

    pub fn hints_left(&self) -> usize {
        if self.is_finished() {
            0
        } else {
            self.spec.hints.len().saturating_sub(self.hints_shown)
        }
    }

    /// Show the answer. An open question is finished with no points; asking
    /// again later shows the same answer and changes nothing.
    pub fn reveal(&mut self) -> Result<Reveal, CheckError> {
        let answer = answer_of(&self.spec, &self.solution, self.observed.as_deref())?;
        if self.state == AttemptState::Open {
            self.state = AttemptState::Revealed;
        }
        Ok(Reveal {
            explained: self.explained(&answer, &[]),
            answer,
            explain: self.spec.explain.clone(),
        })
    }

    /// The score, once the question is over.
    pub fn score(&self) -> Option<Score> {
        self.record(Timestamp::EPOCH).map(|r| r.score())
    }

    /// The record to save, once the question is over (`at` is when).
    pub fn record(&self, at: Timestamp) -> Option<AttemptRecord> {
        if !self.is_finished() {
            return None;
        }
        Some(AttemptRecord {
            at,
            tries: self.tries,
            correct: self.state == AttemptState::Correct,
            revealed: self.state == AttemptState::Revealed,
            hints: u32::try_from(self.hints_shown).unwrap_or(u32::MAX),
        })
    }
}
