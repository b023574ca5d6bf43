//! The pod-phase drill: generated cards whose answers come from the
//! simulator, scheduled by spaced repetition ([`crate::quiz::review`]).
//!
//! - [`card`]: the cards (restartPolicy × container behaviour × image ×
//!   node × owner × time, asking the phase, the STATUS or the RESTARTS),
//!   each with a stable key and a category;
//! - [`trouble`], [`trouble_words`]: the cards where something around the
//!   container goes wrong (probes, a memory limit, a missing ConfigMap),
//!   also asking the READY column;
//! - [`mod@outcome`]: a card played on the simulator (`Cluster::from_setup`,
//!   `advance`, `observe`, through [`crate::quiz::predict::play`]): the
//!   answer, the choices, the pod's timeline and the [`Rule`] that applied;
//! - [`explain`], [`words`]: the explanation, question and choices in
//!   Korean and English;
//! - [`mod@plan`]: due cards first, then new ones, deterministic for a seed;
//! - [`session`]: the session state machine the plain mode and the TUI
//!   drive (question, hint, submit or reveal, feedback, next, summary).
//!
//! ```
//! use kubetutor::lang::Lang;
//! use kubetutor::quiz::drill::DrillSession;
//! use kubetutor::quiz::review::ReviewDeck;
//! use kubetutor::timestamp::Timestamp;
//! let mut deck = ReviewDeck::default();
//! let now = Timestamp::from_secs(1_740_821_400);
//! let mut session = DrillSession::new(&deck, now, 2, 7, Lang::En);
//! while let Some(q) = session.question() {
//!     let key = q.key.clone();
//!     let response = session.parse("1").unwrap();
//!     let review = session.submit(&response).unwrap().review.clone();
//!     deck.review(&review.key, review.category, review.grade, now);
//!     assert_eq!(review.key, key);
//!     session.advance();
//! }
//! assert_eq!(session.summary(&deck, now).asked, 2);
//! ```

pub mod card;
pub mod explain;
pub mod outcome;
pub mod plan;
pub mod session;
pub mod trouble;
pub mod trouble_words;
pub mod words;

pub use card::{Card, Field, Level};
pub use explain::Rule;
pub use outcome::{CardOutcome, GONE, outcome};
pub use plan::{Plan, plan};
pub use session::{DrillSession, Feedback, Question, Review, State, Summary, shown_choices};
