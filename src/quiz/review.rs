//! Spaced repetition for the pod-phase drill: when each card comes back.
//!
//! # Why SM-2 (with a relearning step), not FSRS or Leitner boxes
//!
//! The drill's cards are generated from a small space (restartPolicy ×
//! container behaviour × image × node × owner × elapsed time), a student meets
//! each a handful of times, and the schedule must be explainable and exact in
//! tests. FSRS earns its accuracy by fitting its parameters to long review
//! histories, which a tutor like this never collects; with default parameters
//! it is not much better, and the crates that implement it bring a date-time
//! or a machine-learning stack with them. Leitner boxes are simple but coarse:
//! every card in a box waits the same time, however easy it is for this
//! student. SM-2 keeps three numbers per card (repetitions, ease, interval),
//! adapts the interval to each card, and fits in a few lines of integer
//! arithmetic, so the intervals below are exact.
//!
//! # The schedule
//!
//! - A new card starts with ease 2.50 and no repetitions.
//! - [`Grade::Again`] (wrong): repetitions restart, ease −0.20 (never below
//!   1.30), and the card comes back in 10 minutes, so a drill session can show
//!   it again before it ends (SM-2 alone would wait a day).
//! - [`Grade::Hard`], [`Grade::Good`], [`Grade::Easy`] (right; SM-2 quality 3,
//!   4, 5): ease changes by −0.14, 0, +0.10 (SM-2's formula
//!   `0.1 − (5 − q)(0.08 + (5 − q)·0.02)`, floor 1.30); then the interval is
//!   1 day after the first success, 6 days after the second, and after that the
//!   previous interval in days × the new ease, rounded to whole days.
//!
//! Categories group cards for the end-of-session report: accuracy per
//! category and when its next card is due are computed from the cards, so the
//! saved state has a single source of truth.

use crate::timestamp::Timestamp;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

const DAY_SECS: u64 = 86_400;
/// How soon a card answered wrongly comes back.
pub const RELEARN_SECS: u64 = 10 * 60;
/// Ease in thousandths: 2.50.
pub const START_EASE: u32 = 2500;
/// The lowest ease: 1.30.
pub const MIN_EASE: u32 = 1300;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Grade {
    /// Wrong.
    Again,
    /// Right, with effort (after a hint, or slowly).
    Hard,
    /// Right.
    Good,
    /// Right at once, and easy.
    Easy,
}

impl Grade {
    /// The usual grade for a drill answer: wrong → Again, right after a
    /// hint → Hard, right → Good.
    pub fn from_answer(correct: bool, hinted: bool) -> Grade {
        match (correct, hinted) {
            (false, _) => Grade::Again,
            (true, true) => Grade::Hard,
            (true, false) => Grade::Good,
        }
    }

    pub fn is_correct(self) -> bool {
        self != Grade::Again
    }

    /// Change of ease, in thousandths.
    fn ease_delta(self) -> i64 {
        match self {
            Grade::Again => -200,
            Grade::Hard => -140,
            Grade::Good => 0,
            Grade::Easy => 100,
        }
    }
}

/// The review state of one card.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CardState {
    /// The group the drill reports this card under (`restartPolicy`,
    /// `image pull`, `node lost`, ...).
    #[serde(default)]
    pub category: String,
    /// Successful reviews in a row.
    #[serde(default)]
    pub reps: u32,
    /// Ease factor in thousandths (2500 = 2.5).
    #[serde(default = "start_ease")]
    pub ease: u32,
    /// The interval that led to `due`, in seconds.
    #[serde(default)]
    pub interval_secs: u64,
    pub due: Timestamp,
    pub last_review: Timestamp,
    /// Every review, right or wrong.
    #[serde(default)]
    pub reviews: u32,
    /// Reviews answered right.
    #[serde(default)]
    pub correct: u32,
    /// Times a learned card was answered wrongly.
    #[serde(default)]
    pub lapses: u32,
}

fn start_ease() -> u32 {
    START_EASE
}

/// The next state of a card (`None`: never reviewed) after `grade` at `now`.
pub fn schedule(
    card: Option<&CardState>,
    category: &str,
    grade: Grade,
    now: Timestamp,
) -> CardState {
    let (reps, ease, interval, reviews, correct, lapses) = match card {
        Some(c) => (
            c.reps,
            c.ease,
            c.interval_secs,
            c.reviews,
            c.correct,
            c.lapses,
        ),
        None => (0, START_EASE, 0, 0, 0, 0),
    };
    let new_ease = (i64::from(ease) + grade.ease_delta())
        .clamp(i64::from(MIN_EASE), i64::from(u32::MAX)) as u32;
    let (new_reps, new_interval, new_lapses) = if grade == Grade::Again {
        (0, RELEARN_SECS, lapses + u32::from(reps > 0))
    } else {
        let days = match reps {
            0 => 1,
            1 => 6,
            _ => {
                let prev_days = (interval / DAY_SECS).max(1);
                (prev_days * u64::from(new_ease) + 500) / 1000
            }
        };
        (reps.saturating_add(1), days * DAY_SECS, lapses)
    };
    CardState {
        category: category.to_string(),
        reps: new_reps,
        ease: new_ease,
        interval_secs: new_interval,
        due: now.plus_secs(new_interval),
        last_review: now,
        reviews: reviews.saturating_add(1),
        correct: correct.saturating_add(u32::from(grade.is_correct())),
        lapses: new_lapses,
    }
}

/// Accuracy and schedule of one category of cards.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CategoryStats {
    pub cards: usize,
    pub reviews: u32,
    pub correct: u32,
    /// Cards due at the time asked.
    pub due_now: usize,
    /// The earliest due time among cards not yet due.
    pub next_due: Option<Timestamp>,
}

impl CategoryStats {
    /// Right answers over all reviews, 0.0 to 1.0 (`None` before any review).
    pub fn accuracy(&self) -> Option<f64> {
        (self.reviews > 0).then(|| f64::from(self.correct) / f64::from(self.reviews))
    }
}

/// Every card the student has reviewed, by its stable key.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewDeck {
    #[serde(default)]
    pub cards: BTreeMap<String, CardState>,
}

impl ReviewDeck {
    /// Record a review of card `key` and return when it is due next.
    pub fn review(&mut self, key: &str, category: &str, grade: Grade, now: Timestamp) -> Timestamp {
        let next = schedule(self.cards.get(key), category, grade, now);
        let due = next.due;
        self.cards.insert(key.to_string(), next);
        due
    }

    pub fn card(&self, key: &str) -> Option<&CardState> {
        self.cards.get(key)
    }

    /// A card never reviewed is due (it is new).
    pub fn is_due(&self, key: &str, now: Timestamp) -> bool {
        self.cards.get(key).is_none_or(|c| c.due <= now)
    }

    /// Reviewed cards due at `now`, the most overdue first.
    pub fn due_keys(&self, now: Timestamp) -> Vec<&str> {
        let mut due: Vec<(&String, &CardState)> =
            self.cards.iter().filter(|(_, c)| c.due <= now).collect();
        due.sort_by(|a, b| a.1.due.cmp(&b.1.due).then(a.0.cmp(b.0)));
        due.into_iter().map(|(k, _)| k.as_str()).collect()
    }

    pub fn due_count(&self, now: Timestamp) -> usize {
        self.cards.values().filter(|c| c.due <= now).count()
    }

    /// The earliest due time among cards not yet due at `now`.
    pub fn next_due(&self, now: Timestamp) -> Option<Timestamp> {
        self.cards
            .values()
            .map(|c| c.due)
            .filter(|d| *d > now)
            .min()
    }

    /// Per-category accuracy and schedule at `now`.
    pub fn categories(&self, now: Timestamp) -> BTreeMap<String, CategoryStats> {
        let mut out: BTreeMap<String, CategoryStats> = BTreeMap::new();
        for card in self.cards.values() {
            let s = out.entry(card.category.clone()).or_default();
            s.cards += 1;
            s.reviews = s.reviews.saturating_add(card.reviews);
            s.correct = s.correct.saturating_add(card.correct);
            if card.due <= now {
                s.due_now += 1;
            } else if s.next_due.is_none_or(|d| card.due < d) {
                s.next_due = Some(card.due);
            }
        }
        out
    }

    /// Fold in another copy of the deck (another process's): per card the
    /// later review wins; review counts never go backwards.
    pub fn merge(&mut self, other: &ReviewDeck) {
        for (key, theirs) in &other.cards {
            match self.cards.get_mut(key) {
                None => {
                    self.cards.insert(key.clone(), theirs.clone());
                }
                Some(mine) => {
                    let (reviews, correct, lapses) = (
                        mine.reviews.max(theirs.reviews),
                        mine.correct.max(theirs.correct),
                        mine.lapses.max(theirs.lapses),
                    );
                    if theirs.last_review > mine.last_review {
                        *mine = theirs.clone();
                    }
                    mine.reviews = reviews;
                    mine.correct = correct;
                    mine.lapses = lapses;
                }
            }
        }
    }

    /// Drop cards last reviewed at or before `time` (a reset).
    pub fn forget_before(&mut self, time: Timestamp) {
        self.cards.retain(|_, c| c.last_review > time);
    }
}

/// Right and wrong answers of one drill session, per category (for the
/// end-of-session report, which covers this session only).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tally {
    pub by_category: BTreeMap<String, (u32, u32)>,
}

impl Tally {
    pub fn record(&mut self, category: &str, correct: bool) {
        let e = self.by_category.entry(category.to_string()).or_default();
        e.0 += u32::from(correct);
        e.1 += 1;
    }

    /// (right, asked) over every category.
    pub fn total(&self) -> (u32, u32) {
        self.by_category
            .values()
            .fold((0, 0), |(r, n), (r2, n2)| (r + r2, n + n2))
    }

    pub fn accuracy(&self, category: &str) -> Option<f64> {
        self.by_category
            .get(category)
            .filter(|(_, n)| *n > 0)
            .map(|(r, n)| f64::from(*r) / f64::from(*n))
    }
}
