//! The pod-phase drill as a full-screen mode of the interface.
//!
//! `kubetutor drill` opens the interface straight into it; in the tutor,
//! `D` opens it over the lesson and leaving it returns to the lesson as it
//! was (the lesson's live cluster waits meanwhile: ticks go to the drill).
//!
//! The session itself is [`crate::quiz::drill::DrillSession`], the same
//! state machine the plain mode drives; this module only adds what a
//! screen needs around it:
//!
//! - [`Drill`]: the session, the choice under the cursor, the hints shown,
//!   the pane focus and scroll, and the end-of-session [`Ended`] report;
//! - [`replay::Replay`]: the card's own cluster in the cluster pane, built
//!   with [`crate::quiz::drill::outcome::start`] and played (fast) up to the
//!   card's moment once the card is answered, so the pane ends showing
//!   exactly what the answer was checked against;
//! - `actions.rs`: what the [`crate::tui::app::App`] does with drill actions,
//!   including recording every answer in the progress file and saving it;
//! - `keys.rs`, `words.rs` and the views (`view.rs`, `card_view.rs`,
//!   `cluster_view.rs`, `summary_view.rs`).
//!
//! ```text
//!   Asking ── Enter (a pick) / s ──▶ Answered ── Enter / → ──▶ Asking (next card)
//!     │  h (hint), digits ↑↓ (pick)   │  r (replay)              │
//!     └── Esc / q ──────────────────────┴──▶ Ended (summary) ◀─────┘ after the last card
//!                                              └── Esc / q / Enter ──▶ back to the lesson (or quit)
//! ```

mod actions;
mod card_view;
mod cluster_view;
pub mod keys;
pub mod replay;
mod summary_view;
pub mod view;
mod words;

use crate::lang::Lang;
use crate::quiz::check::Response;
use crate::quiz::drill::{CardOutcome, DrillSession, Feedback, Question, Review, State, Summary};
use crate::quiz::review::ReviewDeck;
use crate::timestamp::Timestamp;
use ratatui::layout::Rect;
use replay::Replay;

/// How many cards a session asks when the tutor opens the drill with `D`.
pub const DEFAULT_COUNT: usize = 10;

/// A key of the drill mode (see `keys.rs` for which key is which).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DrillKey {
    /// Answer with this choice (0-based).
    Choose(usize),
    /// ↑ / ↓: move the selection while asking, scroll once answered.
    Up,
    Down,
    /// Submit the selection; once answered, the next card; on the
    /// summary, leave.
    Enter,
    /// The next card (once answered).
    Next,
    Hint,
    /// Show the answer (graded as wrong).
    Show,
    /// Play the card's cluster again from its start.
    Replay,
    /// End the session (its summary); on the summary, leave.
    Back,
    /// Switch the pane (one pane at a time when narrow).
    Pane,
    /// Scroll the focused pane by lines, or pages.
    Scroll(i32),
    Page(i32),
    Top,
    Bottom,
}

/// The two panes of the drill screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DrillPane {
    /// The card: scenario, question, choices, feedback.
    Card,
    /// The card's cluster.
    Cluster,
}

/// How a drill session starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DrillOptions {
    pub count: usize,
    /// Seed for choosing new cards.
    pub seed: u64,
    /// The student's install seed: the order of each card's choices.
    pub shuffle_seed: u64,
    /// Opened by `kubetutor drill`: leaving the drill quits the program
    /// (from the tutor it returns to the lesson).
    pub standalone: bool,
}

/// The end-of-session report, kept once the session ends.
#[derive(Debug, Clone, PartialEq)]
pub struct Ended {
    pub summary: Summary,
    /// When the report was made (waits are counted from here).
    pub at: Timestamp,
    /// Cards planned for the session.
    pub planned: usize,
    /// The student ended the session before its last card.
    pub stopped: bool,
}

/// Where the last frame put the drill's panes (mouse wheel, page sizes).
#[derive(Debug, Clone, Copy, Default)]
pub struct DrillGeometry {
    pub card: Option<Rect>,
    pub cluster: Option<Rect>,
    pub card_rows: usize,
    pub card_lines: usize,
    pub cluster_rows: usize,
    pub cluster_lines: usize,
}

/// What the app must do after a key.
#[derive(Debug, Clone, PartialEq)]
pub(in crate::tui) enum Effect {
    None,
    /// Keep this review in the progress file.
    Record(Review),
    /// Leave the drill.
    Leave,
}

pub struct Drill {
    session: DrillSession,
    /// The current card.
    card: Option<Question>,
    /// The review deck the session was planned from, with this session's
    /// reviews recorded (the summary reads it).
    pub(in crate::tui) deck: ReviewDeck,
    standalone: bool,
    /// The picked choice, as a position shown (0-based; `None`: nothing
    /// picked yet). Digits and ↑/↓ pick, Enter checks, as in a lesson.
    pub selected: Option<usize>,
    /// Enter was pressed with nothing picked: the card says to pick first.
    pub pick_first: bool,
    /// Hints shown for the current card.
    pub hints: Vec<String>,
    /// Every hint of the card has been shown and another was asked for.
    pub out_of_hints: bool,
    /// When the answered card comes back: (answered at, due).
    pub card_due: Option<(Timestamp, Timestamp)>,
    replay: Option<Replay>,
    pub focus: DrillPane,
    /// First row shown of the card pane and of the cluster pane.
    pub scroll: usize,
    pub cluster_scroll: usize,
    /// Scroll the card pane to the feedback at the next frame.
    pub(in crate::tui) jump: bool,
    ended: Option<Ended>,
    pub geometry: DrillGeometry,
}

impl Drill {
    /// A session planned from `deck` at `now` (see
    /// [`crate::quiz::drill::plan`]): due cards first, then new ones.
    pub fn new(deck: ReviewDeck, now: Timestamp, options: DrillOptions, lang: Lang) -> Drill {
        let session = DrillSession::new(&deck, now, options.count, options.seed, lang)
            .with_shuffle_seed(options.shuffle_seed);
        let mut drill = Drill {
            session,
            card: None,
            deck,
            standalone: options.standalone,
            selected: None,
            pick_first: false,
            hints: Vec::new(),
            out_of_hints: false,
            card_due: None,
            replay: None,
            focus: DrillPane::Card,
            scroll: 0,
            cluster_scroll: 0,
            jump: false,
            ended: None,
            geometry: DrillGeometry::default(),
        };
        drill.open_card(now);
        drill
    }

    /// Play the current card (the simulator runs it the first time), and
    /// set its cluster up at its start; with no card left, end at once.
    fn open_card(&mut self, now: Timestamp) {
        self.selected = None;
        self.pick_first = false;
        self.hints.clear();
        self.out_of_hints = false;
        self.card_due = None;
        self.scroll = 0;
        self.cluster_scroll = 0;
        self.jump = false;
        // `DrillSession::question` plays a card the first time it is asked
        // for (it needs `&mut`); the views read this copy.
        self.card = self.session.question().cloned();
        self.replay = self.session.outcome().map(|o| Replay::new(&o.card, &o.pod));
        if self.card.is_none() {
            self.end(now, false);
        }
    }

    pub fn session(&self) -> &DrillSession {
        &self.session
    }

    pub fn lang(&self) -> Lang {
        self.session.lang()
    }

    pub fn standalone(&self) -> bool {
        self.standalone
    }

    /// The card on screen, answered or not (`None` once the session has
    /// ended).
    pub fn question(&self) -> Option<&Question> {
        if self.ended.is_some() {
            return None;
        }
        self.card.as_ref()
    }

    /// The simulator's result for the card on screen.
    pub fn outcome(&self) -> Option<&CardOutcome> {
        if self.ended.is_some() {
            return None;
        }
        self.session.outcome()
    }

    pub fn feedback(&self) -> Option<&Feedback> {
        if self.ended.is_some() {
            return None;
        }
        self.session.feedback()
    }

    pub fn state(&self) -> State {
        if self.ended.is_some() {
            State::Done
        } else {
            self.session.state()
        }
    }

    /// The card's cluster, as the cluster pane shows it.
    pub fn replay(&self) -> Option<&Replay> {
        self.replay.as_ref()
    }

    /// The end-of-session report, once the session has ended.
    pub fn ended(&self) -> Option<&Ended> {
        self.ended.as_ref()
    }

    /// The session's report: the one shown if the session has ended, or
    /// one made at `now` (a session stopped by a signal).
    pub fn report(&self, now: Timestamp) -> (Summary, Timestamp) {
        match &self.ended {
            Some(e) => (e.summary.clone(), e.at),
            None => (self.session.summary(&self.deck, now), now),
        }
    }

    /// Real time passed: the card's cluster plays on.
    pub fn tick(&mut self, real_ms: u64) {
        if let Some(r) = self.replay.as_mut() {
            r.tick(real_ms);
        }
    }

    /// What a key does to the drill; what it asks of the app comes back.
    pub(in crate::tui) fn key(&mut self, key: DrillKey, now: Timestamp) -> Effect {
        if self.ended.is_some() {
            return match key {
                DrillKey::Back | DrillKey::Enter => Effect::Leave,
                DrillKey::Scroll(n) => self.scroll_by(n as i64),
                DrillKey::Up => self.scroll_by(-1),
                DrillKey::Down => self.scroll_by(1),
                DrillKey::Page(n) => self.scroll_by(n as i64 * self.page() as i64),
                DrillKey::Top => self.scroll_by(i64::MIN / 2),
                DrillKey::Bottom => self.scroll_by(i64::MAX / 2),
                _ => Effect::None,
            };
        }
        let asking = self.session.state() == State::Asking;
        self.pick_first = false;
        match key {
            DrillKey::Choose(p) if asking => {
                if p < self.choice_count() {
                    self.selected = Some(p);
                }
                Effect::None
            }
            DrillKey::Enter if asking => match self.selected {
                Some(p) => self.answer(p),
                None => {
                    self.pick_first = true;
                    Effect::None
                }
            },
            DrillKey::Enter | DrillKey::Next if !asking => self.next(now),
            DrillKey::Up if asking => self.select(-1),
            DrillKey::Down if asking => self.select(1),
            DrillKey::Up => self.scroll_focused(-1),
            DrillKey::Down => self.scroll_focused(1),
            DrillKey::Hint if asking => {
                match self.session.hint() {
                    Some(h) => self.hints.push(h.to_string()),
                    None => self.out_of_hints = true,
                }
                Effect::None
            }
            DrillKey::Show if asking => match self.session.reveal() {
                Ok(f) => {
                    let review = f.review.clone();
                    self.answered();
                    Effect::Record(review)
                }
                Err(_) => Effect::None,
            },
            DrillKey::Replay if !asking => {
                if let Some(r) = self.replay.as_mut() {
                    r.restart();
                }
                Effect::None
            }
            DrillKey::Back => {
                self.end(now, true);
                Effect::None
            }
            DrillKey::Pane => {
                self.focus = match self.focus {
                    DrillPane::Card => DrillPane::Cluster,
                    DrillPane::Cluster => DrillPane::Card,
                };
                Effect::None
            }
            DrillKey::Scroll(n) => self.scroll_focused(n as i64),
            DrillKey::Page(n) => {
                let rows = match self.focus {
                    DrillPane::Card => self.geometry.card_rows,
                    DrillPane::Cluster => self.geometry.cluster_rows,
                };
                self.scroll_focused(n as i64 * rows.saturating_sub(1).max(1) as i64)
            }
            DrillKey::Top => self.scroll_focused(i64::MIN / 2),
            DrillKey::Bottom => self.scroll_focused(i64::MAX / 2),
            _ => Effect::None,
        }
    }

    fn choice_count(&self) -> usize {
        self.card.as_ref().map_or(0, |q| q.spec.choices.len())
    }

    /// ↑/↓ move the pick (the first press picks the first choice).
    fn select(&mut self, delta: i64) -> Effect {
        let last = self.choice_count().max(1) as i64 - 1;
        self.selected = Some(match self.selected {
            None => 0,
            Some(p) => (p as i64 + delta).clamp(0, last) as usize,
        });
        Effect::None
    }

    /// Answer with the choice shown at `position`.
    fn answer(&mut self, position: usize) -> Effect {
        let Some(index) = self
            .card
            .as_ref()
            .and_then(|q| q.shown.get(position).copied())
        else {
            return Effect::None;
        };
        let Ok(feedback) = self.session.submit(&Response::Choice(index)) else {
            // No such choice: nothing is spent.
            return Effect::None;
        };
        let review = feedback.review.clone();
        self.selected = Some(position);
        self.answered();
        Effect::Record(review)
    }

    /// A card was answered or shown: its cluster plays out, and the card
    /// pane moves to the feedback.
    fn answered(&mut self) {
        if let Some(r) = self.replay.as_mut() {
            r.play();
        }
        self.jump = true;
    }

    fn next(&mut self, now: Timestamp) -> Effect {
        if self.session.advance() {
            self.open_card(now);
            Effect::None
        } else {
            self.end(now, false);
            Effect::None
        }
    }

    /// End the session: its report, read from `deck` at `now`.
    fn end(&mut self, now: Timestamp, stopped: bool) {
        let summary = self.session.summary(&self.deck, now);
        self.ended = Some(Ended {
            summary,
            at: now,
            planned: self.session.plan().cards.len(),
            stopped,
        });
        self.replay = None;
        self.focus = DrillPane::Card;
        self.scroll = 0;
        self.jump = false;
    }

    fn page(&self) -> usize {
        self.geometry.card_rows.saturating_sub(1).max(1)
    }

    fn scroll_focused(&mut self, lines: i64) -> Effect {
        match self.focus {
            DrillPane::Card => self.scroll_by(lines),
            DrillPane::Cluster => self.scroll_cluster(lines),
        }
    }

    pub(in crate::tui) fn scroll_by(&mut self, lines: i64) -> Effect {
        let max = self
            .geometry
            .card_lines
            .saturating_sub(self.geometry.card_rows);
        self.scroll = (self.scroll as i64 + lines).clamp(0, max as i64) as usize;
        self.jump = false;
        Effect::None
    }

    pub(in crate::tui) fn scroll_cluster(&mut self, lines: i64) -> Effect {
        let max = self
            .geometry
            .cluster_lines
            .saturating_sub(self.geometry.cluster_rows);
        self.cluster_scroll = (self.cluster_scroll as i64 + lines).clamp(0, max as i64) as usize;
        Effect::None
    }
}
