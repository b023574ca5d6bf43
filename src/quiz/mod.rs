//! Quizzes: the question schema ([`spec`]), answer keys ([`key`]), checking
//! ([`check`]), one student's attempt at a question ([`attempt`]), reading
//! typed answers ([`input`]), the simulator's answer to `predict` questions
//! ([`predict`]), a lesson's questions in order with its score ([`lesson`]),
//! the pod-phase drill ([`drill`]), spaced repetition for it ([`review`]),
//! and the words of the plain-text mode ([`plain`]).
//!
//! The usual flow, for the TUI and the plain-text mode alike:
//!
//! ```
//! use kubetutor::quiz::{QuizAttempt, spec::QuizSpec};
//! let spec: QuizSpec = serde_yaml::from_str(r#"
//! id: store
//! kind: text
//! question: Where does the cluster keep its state?
//! accept: [etcd, 이티시디]
//! "#).unwrap();
//! let mut attempt = QuizAttempt::new(&spec, 7).unwrap();
//! let response = attempt.parse("ＥＴＣＤ").unwrap();
//! let verdict = attempt.submit(&response).unwrap();
//! assert!(verdict.correct);
//! ```

pub mod attempt;
pub mod check;
pub mod drill;
pub mod input;
pub mod key;
pub mod lesson;
pub mod normalize;
pub mod plain;
pub mod predict;
pub mod review;
pub mod shuffle;
pub mod spec;

pub use attempt::{AttemptRecord, AttemptState, QuizAttempt, Reveal, Score, Verdict};
pub use check::{Answer, CheckError, Checked, Picked, Response, check_answer};
pub use input::{InputError, parse_response};
pub use key::{Solution, SpecError, validate};
