//! A drill session as a state machine, for the plain-text mode and the TUI:
//!
//! ```text
//!   question() ──▶ Asking ── submit(response) / reveal() ──▶ Answered
//!      ▲             │  hint()                                  │
//!      └──────────── advance() ◀───────────────────────────────────┘
//!                    advance() after the last card ──▶ Done ── summary()
//! ```
//!
//! One try per card (spaced repetition grades the first answer): right is
//! [`Grade::Good`], right after a hint [`Grade::Hard`], wrong or shown
//! [`Grade::Again`]. Every answer gives a [`Feedback`] carrying the
//! [`Review`] to keep: the session never writes the progress itself, the
//! caller records it (`Store::record_review`) and saves, so an interrupted
//! session loses nothing already answered.

use super::card::Card;
use super::outcome::{CardOutcome, outcome};
use super::plan::{Plan, plan};
use super::{explain, words};
use crate::lang::Lang;
use crate::quiz::check::{CheckError, Picked, Response, check_answer};
use crate::quiz::input::{InputError, parse_response};
use crate::quiz::predict::Moment;
use crate::quiz::review::{Grade, ReviewDeck, Tally};
use crate::quiz::spec::{Choice, Observe, QuizKind, QuizSpec};
use crate::timestamp::Timestamp;

/// A card as a view shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Question {
    /// 1-based position in the session.
    pub number: usize,
    pub total: usize,
    pub card: Card,
    pub key: String,
    pub category: &'static str,
    /// Whether the card was due for review (not new).
    pub review: bool,
    /// The card as a `predict` question: the question text, the choices
    /// (with what each means), the setup, the wait and what is observed.
    /// The TUI plays `setup` with [`super::card::SEED`] for `after` to show
    /// the card in its cluster pane.
    pub spec: QuizSpec,
    /// The order the choices are shown in: `shown[p]` is the index in
    /// `spec.choices` of the choice numbered `p + 1`. Phases and STATUS
    /// words are shuffled for the student (from the install seed and the
    /// card's key); RESTARTS numbers keep their natural order.
    pub shown: Vec<usize>,
}

/// The order a card's `len` choices are shown in for the install seed
/// `seed`: shuffled (by the seed and the card's key) for phases and STATUS
/// words, the natural order for RESTARTS numbers.
pub fn shown_choices(card: &Card, len: usize, seed: u64) -> Vec<usize> {
    if card.field == super::card::Field::Restarts {
        return (0..len).collect();
    }
    let seed = crate::quiz::shuffle::seed_for(&card.key(), seed);
    crate::quiz::shuffle::choice_order(len, seed)
}

impl Question {
    /// The number (1-based) choice `index` is shown with.
    pub fn number_of(&self, index: usize) -> usize {
        crate::quiz::shuffle::position_of(&self.shown, index) + 1
    }
}

/// A review to keep in the progress.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Review {
    pub key: String,
    pub category: &'static str,
    pub grade: Grade,
}

/// What the student sees once a card is answered or shown.
#[derive(Debug, Clone, PartialEq)]
pub struct Feedback {
    pub correct: bool,
    /// The answer was shown on request.
    pub revealed: bool,
    /// The picked choice and what it means.
    pub picked: Option<Picked>,
    /// The right choice (0-based) and its text.
    pub answer: usize,
    pub answer_text: String,
    /// Why, in paragraphs: the rule that applied.
    pub explanation: Vec<String>,
    /// What the pod went through, from the simulator.
    pub timeline: Vec<Moment>,
    pub review: Review,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    /// A card is waiting for an answer.
    Asking,
    /// The current card was answered or shown: feedback, then `advance()`.
    Answered,
    /// No cards left.
    Done,
}

/// One category's line of the end-of-session report.
#[derive(Debug, Clone, PartialEq)]
pub struct CategoryLine {
    pub category: String,
    /// Right answers and cards asked in this session.
    pub right: u32,
    pub asked: u32,
    /// The next time a card of this category is due.
    pub next_due: Option<Timestamp>,
}

/// The end-of-session report.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub right: u32,
    pub asked: u32,
    /// Categories asked in this session, in the drill's category order.
    pub categories: Vec<CategoryLine>,
    /// Cards due at the time asked, and the next time one falls due.
    pub due_now: usize,
    pub next_due: Option<Timestamp>,
}

#[derive(Debug, Clone)]
struct Current {
    question: Question,
    outcome: CardOutcome,
    hints: Vec<String>,
    hints_shown: usize,
    feedback: Option<Feedback>,
}

#[derive(Debug, Clone)]
pub struct DrillSession {
    lang: Lang,
    /// The student's install seed: decides the order of each card's
    /// choices (see [`crate::quiz::shuffle`]).
    shuffle_seed: u64,
    plan: Plan,
    /// Index in `plan.cards` of the current card.
    index: usize,
    current: Option<Current>,
    tally: Tally,
    /// Cards the simulator could not play (key, why): skipped.
    skipped: Vec<(String, String)>,
}

impl DrillSession {
    /// A session of up to `count` cards planned at `now` from the
    /// student's review deck (see [`mod@super::plan`]).
    pub fn new(deck: &ReviewDeck, now: Timestamp, count: usize, seed: u64, lang: Lang) -> Self {
        DrillSession::with_plan(plan(deck, now, count, seed), lang)
    }

    pub fn with_plan(plan: Plan, lang: Lang) -> Self {
        DrillSession {
            lang,
            shuffle_seed: 0,
            plan,
            index: 0,
            current: None,
            tally: Tally::default(),
            skipped: Vec::new(),
        }
    }

    /// Shuffle each card's choices with the student's install seed (the
    /// progress file's); without it, seed 0.
    pub fn with_shuffle_seed(mut self, seed: u64) -> Self {
        self.shuffle_seed = seed;
        self
    }

    pub fn plan(&self) -> &Plan {
        &self.plan
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    pub fn state(&self) -> State {
        match &self.current {
            _ if self.index >= self.plan.cards.len() => State::Done,
            Some(c) if c.feedback.is_some() => State::Answered,
            _ => State::Asking,
        }
    }

    /// The current card, played on the simulator the first time it is
    /// asked for; `None` once the session is done. A card the simulator
    /// cannot play is skipped (see [`DrillSession::skipped`]).
    pub fn question(&mut self) -> Option<&Question> {
        while self.current.is_none() && self.index < self.plan.cards.len() {
            let card = self.plan.cards[self.index];
            match outcome(&card) {
                Ok(o) => self.current = Some(self.prepare(card, o)),
                Err(e) => {
                    self.skipped.push((card.key(), e));
                    self.index += 1;
                }
            }
        }
        self.current.as_ref().map(|c| &c.question)
    }

    fn prepare(&self, card: Card, outcome: CardOutcome) -> Current {
        let lang = self.lang;
        let choices = outcome
            .choices
            .iter()
            .map(|v| Choice {
                text: words::label(v, lang),
                why: words::meaning(card.field, v, lang),
                correct: false,
                value: Some(v.clone()),
            })
            .collect();
        let spec = QuizSpec {
            id: card.key(),
            kind: QuizKind::Predict,
            question: words::question(&card, lang),
            choices,
            answer: None,
            items: Vec::new(),
            accept: Vec::new(),
            hints: Vec::new(),
            explain: None,
            setup: Some(card.setup()),
            after: Some(super::card::time_key(card.after_ms)),
            observe: Some(Observe {
                pod: Some(outcome.pod.clone()),
                pods: None,
                deployment: None,
                service: None,
                node: None,
                job: None,
                field: card.field.observe_field().to_string(),
                ..Observe::default()
            }),
            expect: None,
            shuffle: card.field != super::card::Field::Restarts,
        };
        let shown = shown_choices(&card, spec.choices.len(), self.shuffle_seed);
        let review = self.index < self.plan.due;
        Current {
            question: Question {
                number: self.index + 1,
                total: self.plan.cards.len(),
                card,
                key: card.key(),
                category: card.category(),
                review,
                spec,
                shown,
            },
            hints: words::hints(&card, lang),
            hints_shown: 0,
            outcome,
            feedback: None,
        }
    }

    /// The simulator's result for the current card.
    pub fn outcome(&self) -> Option<&CardOutcome> {
        self.current.as_ref().map(|c| &c.outcome)
    }

    /// Read a typed answer: a choice's number or its text.
    pub fn parse(&mut self, input: &str) -> Result<Response, InputError> {
        self.question();
        match &self.current {
            Some(c) => parse_response(&c.question.spec, &c.question.shown, input),
            None => Err(InputError::Empty),
        }
    }

    /// The next hint for the open card, if any is left.
    pub fn hint(&mut self) -> Option<&str> {
        self.question();
        let c = self.current.as_mut()?;
        if c.feedback.is_some() || c.hints_shown >= c.hints.len() {
            return None;
        }
        c.hints_shown += 1;
        Some(&c.hints[c.hints_shown - 1])
    }

    /// Hints shown for the current card.
    pub fn hints_shown(&self) -> usize {
        self.current.as_ref().map_or(0, |c| c.hints_shown)
    }

    /// Answer the current card. A response that does not fit (no such
    /// choice) is an error and spends nothing.
    pub fn submit(&mut self, response: &Response) -> Result<&Feedback, CheckError> {
        let lang = self.lang;
        let c = self.open()?;
        let checked = check_answer(&c.question.spec, response, Some(&c.outcome.value))?;
        let grade = Grade::from_answer(checked.correct, c.hints_shown > 0);
        let picked = checked.picked.into_iter().next();
        self.finish(checked.correct, false, picked, grade, lang)
    }

    /// Show the answer of the current card (graded as wrong).
    pub fn reveal(&mut self) -> Result<&Feedback, CheckError> {
        let lang = self.lang;
        self.open()?;
        self.finish(false, true, None, Grade::Again, lang)
    }

    fn open(&mut self) -> Result<&mut Current, CheckError> {
        self.question();
        match self.current.as_mut() {
            Some(c) if c.feedback.is_none() => Ok(c),
            _ => Err(CheckError::Finished),
        }
    }

    fn finish(
        &mut self,
        correct: bool,
        revealed: bool,
        picked: Option<Picked>,
        grade: Grade,
        lang: Lang,
    ) -> Result<&Feedback, CheckError> {
        let c = self.current.as_mut().ok_or(CheckError::Finished)?;
        let o = &c.outcome;
        let end = o.end.as_ref();
        let feedback = Feedback {
            correct,
            revealed,
            picked,
            answer: o.answer,
            answer_text: words::label(&o.value, lang),
            explanation: explain::explain(&o.card, o.rule, end, lang),
            timeline: o.timeline.clone(),
            review: Review {
                key: c.question.key.clone(),
                category: c.question.category,
                grade,
            },
        };
        self.tally.record(c.question.category, correct);
        Ok(c.feedback.insert(feedback))
    }

    /// The feedback of the current card, once answered.
    pub fn feedback(&self) -> Option<&Feedback> {
        self.current.as_ref().and_then(|c| c.feedback.as_ref())
    }

    /// Move to the next card (the current one need not be answered: it is
    /// then left out). False when the session is done.
    pub fn advance(&mut self) -> bool {
        if self.index < self.plan.cards.len() {
            self.index += 1;
        }
        self.current = None;
        self.question().is_some()
    }

    /// Right and asked, per category, in this session.
    pub fn tally(&self) -> &Tally {
        &self.tally
    }

    /// Cards the simulator could not play, with why.
    pub fn skipped(&self) -> &[(String, String)] {
        &self.skipped
    }

    /// The end-of-session report; `deck` is the review deck with this
    /// session's reviews recorded, `now` the time of the report.
    pub fn summary(&self, deck: &ReviewDeck, now: Timestamp) -> Summary {
        let stats = deck.categories(now);
        let categories = super::card::category::ALL
            .iter()
            .filter_map(|cat| {
                let (right, asked) = *self.tally.by_category.get(*cat)?;
                Some(CategoryLine {
                    category: cat.to_string(),
                    right,
                    asked,
                    next_due: stats.get(*cat).and_then(|s| s.next_due),
                })
            })
            .collect();
        let (right, asked) = self.tally.total();
        Summary {
            right,
            asked,
            categories,
            due_now: deck.due_count(now),
            next_due: deck.next_due(now),
        }
    }
}
