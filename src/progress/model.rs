//! What the progress file holds (schema version 2).
//!
//! Every field has a default, so a file written by an older version (missing
//! newer fields) still loads. Every record carries the time it was made: two
//! processes' copies merge record by record (see [`super::merge`]), and a
//! reset drops exactly the records made before it.
//!
//! ```json
//! {
//!   "version": 1,
//!   "position": { "lesson": "pods", "section": 2, "lang": "ko", "at": "2025-03-01T09:30:00Z" },
//!   "lessons": {
//!     "pods": {
//!       "sections": { "0": "2025-03-01T09:10:00Z", "1": "2025-03-01T09:20:00Z" },
//!       "read": "2025-03-01T09:40:00Z",
//!       "completed": "2025-03-01T09:45:00Z",
//!       "quizzes": { "phase-after-exit-1": { "attempts": [
//!         { "at": "2025-03-01T09:25:00Z", "tries": 1, "correct": true, "revealed": false, "hints": 0 } ] } },
//!       "exercises": { "first-pod": { "passed": "2025-03-01T09:35:00Z",
//!         "attempts": [ { "at": "2025-03-01T09:35:00Z", "passed": true } ],
//!         "draft": { "text": "apiVersion: v1\n...", "at": "2025-03-01T09:34:00Z" } } }
//!     }
//!   },
//!   "drill": { "cards": { "never/exit1/bare/30s": { "category": "restartPolicy", "due": "...", ... } } },
//!   "resets": { "all": null, "lessons": {} },
//!   "seed": 8146273551092738449
//! }
//! ```

use crate::lang::Lang;
use crate::quiz::attempt::AttemptRecord;
use crate::quiz::review::ReviewDeck;
use crate::timestamp::Timestamp;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The schema this build writes, and the newest it reads.
/// Version 2: `completed` means the work is done (every quiz answered and
/// every exercise passed, or marked done); seeing every section is `read`.
/// A version 1 file's `completed` (every section seen) is read as `read`
/// (see [`super::migrate`]).
pub const SCHEMA_VERSION: u32 = 2;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Progress {
    pub version: u32,
    /// Where the student was last: the next start resumes here.
    pub position: Option<Position>,
    /// By lesson id.
    pub lessons: BTreeMap<String, LessonProgress>,
    /// The pod-phase drill's review state.
    pub drill: ReviewDeck,
    /// When progress was reset (so another open tutor cannot bring the old
    /// records back when it saves).
    pub resets: Resets,
    /// This install's random seed: the order in which questions show their
    /// choices (with the question id; see [`crate::quiz::shuffle`]). Made
    /// on first use and kept for good, resets included, so a student sees
    /// the same order on every visit.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub seed: Option<u64>,
    /// When the tutor's first-run welcome was shown (it is shown once).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub welcomed: Option<Timestamp>,
    /// Fields this build does not know, written by a newer one with the
    /// same schema version: kept as they are and written back on save.
    #[serde(flatten)]
    pub unknown: serde_json::Map<String, serde_json::Value>,
}

impl Default for Progress {
    fn default() -> Self {
        Progress {
            version: SCHEMA_VERSION,
            position: None,
            lessons: BTreeMap::new(),
            drill: ReviewDeck::default(),
            resets: Resets::default(),
            seed: None,
            welcomed: None,
            unknown: serde_json::Map::new(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Position {
    pub lesson: String,
    /// 0-based section index within the lesson.
    #[serde(default)]
    pub section: usize,
    pub lang: Lang,
    pub at: Timestamp,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct LessonProgress {
    /// 0-based section index → the last time it was shown.
    pub sections: BTreeMap<usize, Timestamp>,
    /// When every section had been seen (the first time).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub read: Option<Timestamp>,
    /// When the lesson was first completed: every quiz answered (right or
    /// wrong) and every exercise passed, or marked done by the student.
    pub completed: Option<Timestamp>,
    /// When the student marked the lesson done without the work.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub marked_done: Option<Timestamp>,
    /// By quiz id.
    pub quizzes: BTreeMap<String, QuizProgress>,
    /// By exercise id.
    pub exercises: BTreeMap<String, ExerciseProgress>,
    /// Fields this build does not know (see [`Progress::unknown`]).
    #[serde(flatten)]
    pub unknown: serde_json::Map<String, serde_json::Value>,
}

impl LessonProgress {
    pub fn first_visit(&self) -> Option<Timestamp> {
        self.sections.values().min().copied()
    }

    pub fn last_visit(&self) -> Option<Timestamp> {
        self.sections.values().max().copied()
    }

    /// Every quiz of `needs` answered and every exercise of it passed.
    pub fn work_done(&self, needs: &Needs) -> bool {
        needs
            .quizzes
            .iter()
            .all(|q| self.quizzes.get(q).is_some_and(|p| p.scored().is_some()))
            && needs
                .exercises
                .iter()
                .all(|x| self.exercises.get(x).is_some_and(|p| p.passed.is_some()))
    }

    pub fn is_empty(&self) -> bool {
        self.sections.is_empty()
            && self.read.is_none()
            && self.marked_done.is_none()
            && self.completed.is_none()
            && self.quizzes.is_empty()
            && self.exercises.is_empty()
    }
}

/// What a lesson asks of the student to be completed: its quizzes and
/// exercises, by id.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Needs {
    pub quizzes: Vec<String>,
    pub exercises: Vec<String>,
}

impl Needs {
    /// The questions the tutor can ask (a broken answer key is left out,
    /// as the tutor leaves it out) and every exercise of `lesson`.
    pub fn of(lesson: &crate::lesson::model::Lesson) -> Needs {
        Needs {
            quizzes: lesson
                .quizzes()
                .filter(|q| crate::quiz::validate(&q.value).is_ok())
                .map(|q| q.value.id.clone())
                .collect(),
            exercises: lesson.exercises().map(|e| e.value.id.clone()).collect(),
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct QuizProgress {
    /// Finished attempts, oldest first. The first one is the quiz's score;
    /// later ones are practice.
    pub attempts: Vec<AttemptRecord>,
}

impl QuizProgress {
    /// The attempt that counts for the score.
    pub fn scored(&self) -> Option<&AttemptRecord> {
        self.attempts.first()
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ExerciseProgress {
    /// When the exercise was first passed.
    pub passed: Option<Timestamp>,
    /// Every submission, oldest first.
    pub attempts: Vec<ExerciseAttempt>,
    /// The student's text as last edited.
    pub draft: Option<Draft>,
}

impl ExerciseProgress {
    pub fn is_empty(&self) -> bool {
        self.passed.is_none() && self.attempts.is_empty() && self.draft.is_none()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExerciseAttempt {
    pub at: Timestamp,
    #[serde(default)]
    pub passed: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    pub text: String,
    pub at: Timestamp,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Resets {
    /// Everything recorded at or before this time is gone.
    pub all: Option<Timestamp>,
    /// Per lesson id: its records at or before this time are gone.
    pub lessons: BTreeMap<String, Timestamp>,
}

impl Resets {
    /// The latest reset that applies to `lesson`.
    pub fn cutoff(&self, lesson: &str) -> Option<Timestamp> {
        self.all.max(self.lessons.get(lesson).copied())
    }
}
