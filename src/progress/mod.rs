//! The student's saved state: where they are, what they have read, answered,
//! passed and drilled. Nothing here prints: problems come back as
//! [`Warning`]s and [`ProgressError`]s for the caller to show.
//!
//! ```no_run
//! use kubetutor::lang::Lang;
//! use kubetutor::progress::{Store, path};
//! use kubetutor::timestamp::Timestamp;
//! let file = path::resolve(None).unwrap();
//! let (mut store, warnings) = Store::open(file);
//! for w in &warnings { eprintln!("warning: {w}"); }
//! store.visit_section("pods", 2, Lang::Ko, Timestamp::now());
//! store.save().unwrap();
//! ```
//!
//! Saving takes the lock, reads the file again, merges it with what this
//! process recorded ([`merge`]), and writes the result atomically
//! ([`file`]); so two tutors open at once lose none of each other's records.

pub mod background;
pub mod file;
pub mod merge;
pub mod migrate;
pub mod model;
pub mod path;
pub mod summary;
pub mod warning;

pub use model::{
    Draft, ExerciseAttempt, ExerciseProgress, LessonProgress, Needs, Position, Progress,
    QuizProgress, SCHEMA_VERSION,
};
pub use summary::{DrillSummary, LessonSummary, Overall, QuizScore};
pub use warning::{ProgressError, Warning};

use crate::lang::Lang;
use crate::quiz::attempt::AttemptRecord;
use crate::quiz::review::{Grade, ReviewDeck};
use crate::timestamp::Timestamp;
use file::Found;
use std::path::{Path, PathBuf};

#[derive(Debug)]
pub struct Store {
    path: PathBuf,
    state: Progress,
    /// Set when the file was written by a newer kubetutor (its schema
    /// version, as written): shown, never written over.
    newer: Option<String>,
}

impl Store {
    /// Load the progress at `path`. A missing file starts fresh; a corrupt,
    /// truncated, empty or future-version file is moved aside as
    /// `<name>.bad-<time>` and reported; an unreadable one is left alone and
    /// reported. Never fails: the tutor always gets a store.
    pub fn open(path: impl Into<PathBuf>) -> (Store, Vec<Warning>) {
        let path = path.into();
        let mut warnings = Vec::new();
        let mut newer = None;
        let mut found = file::read(&path);
        if matches!(found, Ok(Found::Bad(_))) {
            // Look again under the lock: another process may be on it.
            let _lock = file::lock(&path, file::LOCK_WAIT).ok();
            found = file::read(&path);
            if let Ok(Found::Bad(reason)) = found {
                warnings.push(set_aside(&path, reason));
                found = Ok(Found::Missing);
            }
        }
        let state = match found {
            Ok(Found::Good(p)) => *p,
            Ok(Found::Missing | Found::Bad(_)) => Progress::default(),
            Ok(Found::Newer { version, progress }) => {
                warnings.push(Warning::Newer {
                    file: path.clone(),
                    version: version.clone(),
                });
                newer = Some(version);
                *progress
            }
            Err(e) => {
                warnings.push(unreadable(&path, &e));
                Progress::default()
            }
        };
        (Store { path, state, newer }, warnings)
    }

    /// A store holding `state` for the file at `path`, as if opened and
    /// changed (a background save works on such a copy).
    pub fn with_state(path: PathBuf, state: Progress) -> Store {
        Store {
            path,
            state,
            newer: None,
        }
    }

    /// Take in what a background save merged: the records other processes
    /// saved join ours (those made meanwhile are kept).
    pub fn absorb(&mut self, merged: Progress) {
        self.state = merge::merge(&self.state, &merged);
    }

    /// Whether the file was written by a newer kubetutor: then nothing is
    /// saved to it.
    pub fn read_only(&self) -> bool {
        self.newer.is_some()
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Everything, as it will be saved.
    pub fn progress(&self) -> &Progress {
        &self.state
    }

    /// Merge with the file and write it atomically (see the module docs).
    /// On success this store also holds what other processes saved.
    ///
    /// The lock is waited for at most [`file::LOCK_WAIT`]: when another
    /// process holds it longer, nothing is written, the changes stay in this
    /// store, and the next save tries again ([`ProgressError::Busy`]).
    pub fn save(&mut self) -> Result<Vec<Warning>, ProgressError> {
        if let Some(version) = &self.newer {
            return Err(ProgressError::Newer {
                file: self.path.clone(),
                version: version.clone(),
            });
        }
        let mut warnings = Vec::new();
        if let Some(dir) = self.path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)
                .map_err(|e| ProgressError::io("create the directory", dir, e))?;
        }
        let lock = match file::lock(&self.path, file::LOCK_WAIT) {
            Ok(lock) => Some(lock),
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {
                return Err(ProgressError::Busy {
                    file: self.path.clone(),
                });
            }
            Err(e) => {
                warnings.push(Warning::NoLock {
                    file: self.path.clone(),
                    reason: e.to_string(),
                });
                None
            }
        };
        if lock.is_some() {
            // Only under the lock: without it a temporary file could be a
            // live writer's.
            file::remove_stale_temps(&self.path);
        }
        let disk = match file::read(&self.path) {
            Ok(Found::Good(p)) => *p,
            Ok(Found::Missing) => Progress::default(),
            Ok(Found::Bad(reason)) => {
                let moved = file::move_aside(&self.path, Timestamp::now())
                    .map_err(|e| ProgressError::io("move aside", &self.path, e))?;
                warnings.push(Warning::MovedAside {
                    file: self.path.clone(),
                    moved_to: moved,
                    reason,
                });
                Progress::default()
            }
            Ok(Found::Newer { version, .. }) => {
                // A newer kubetutor wrote it since: never written over.
                self.newer = Some(version.clone());
                return Err(ProgressError::Newer {
                    file: self.path.clone(),
                    version,
                });
            }
            Err(e) => return Err(ProgressError::io("read", &self.path, e)),
        };
        let merged = merge::merge(&self.state, &disk);
        let mut text = serde_json::to_string_pretty(&merged)
            .map_err(|e| ProgressError::io("encode", &self.path, std::io::Error::other(e)))?;
        text.push('\n');
        file::write_atomic(&self.path, text.as_bytes())
            .map_err(|e| ProgressError::io("write", &self.path, e))?;
        self.state = merged;
        Ok(warnings)
    }

    /// The progress as pretty JSON (for `kubetutor progress --export`).
    pub fn export_json(&self) -> String {
        serde_json::to_string_pretty(&self.state).unwrap_or_default()
    }

    // ---- recording -------------------------------------------------------

    fn lesson_mut(&mut self, lesson: &str) -> &mut LessonProgress {
        self.state.lessons.entry(lesson.to_string()).or_default()
    }

    /// The student is looking at `section` (0-based) of `lesson`: it counts
    /// as seen, and the next start resumes here.
    pub fn visit_section(&mut self, lesson: &str, section: usize, lang: Lang, now: Timestamp) {
        let seen = self
            .lesson_mut(lesson)
            .sections
            .entry(section)
            .or_insert(now);
        *seen = (*seen).max(now);
        self.state.position = Some(Position {
            lesson: lesson.to_string(),
            section,
            lang,
            at: now,
        });
    }

    /// Every section of a lesson has been seen (the first time counts).
    pub fn read_lesson(&mut self, lesson: &str, now: Timestamp) {
        self.lesson_mut(lesson).read.get_or_insert(now);
    }

    /// The lesson is completed if its work is done: every quiz of `needs`
    /// answered (right or wrong) and every exercise passed (the first time
    /// counts). Whether it is completed now.
    pub fn complete_if_done(&mut self, lesson: &str, needs: &Needs, now: Timestamp) -> bool {
        let done = self.lesson(lesson).is_some_and(|l| l.work_done(needs));
        if done {
            self.lesson_mut(lesson).completed.get_or_insert(now);
        }
        self.lesson(lesson).is_some_and(|l| l.completed.is_some())
    }

    /// The student marks the lesson done without the work (asked to
    /// confirm first): it counts as completed.
    pub fn mark_done(&mut self, lesson: &str, now: Timestamp) {
        let l = self.lesson_mut(lesson);
        l.marked_done.get_or_insert(now);
        l.completed.get_or_insert(now);
    }

    /// Keep a finished quiz attempt ([`crate::quiz::QuizAttempt::record`]).
    pub fn record_quiz(&mut self, lesson: &str, quiz: &str, record: AttemptRecord) {
        let q = self
            .lesson_mut(lesson)
            .quizzes
            .entry(quiz.to_string())
            .or_default();
        if !q.attempts.contains(&record) {
            q.attempts.push(record);
            q.attempts.sort_by_key(|r| r.at);
        }
    }

    /// Keep an exercise submission and whether it passed.
    pub fn record_exercise(&mut self, lesson: &str, exercise: &str, passed: bool, now: Timestamp) {
        let x = self.exercise_mut(lesson, exercise);
        x.attempts.push(ExerciseAttempt { at: now, passed });
        x.attempts.sort_by_key(|a| a.at);
        if passed {
            x.passed.get_or_insert(now);
        }
    }

    /// Keep the student's current text of an exercise.
    pub fn save_draft(&mut self, lesson: &str, exercise: &str, text: &str, now: Timestamp) {
        self.exercise_mut(lesson, exercise).draft = Some(Draft {
            text: text.to_string(),
            at: now,
        });
    }

    fn exercise_mut(&mut self, lesson: &str, exercise: &str) -> &mut ExerciseProgress {
        self.lesson_mut(lesson)
            .exercises
            .entry(exercise.to_string())
            .or_default()
    }

    /// This install's seed for the order of choices, made (and kept for
    /// the next save) on first use.
    pub fn install_seed(&mut self) -> u64 {
        *self
            .state
            .seed
            .get_or_insert_with(crate::quiz::shuffle::fresh_seed)
    }

    /// Whether the first-run welcome is still to be shown; asking records
    /// that it is shown now (the caller saves).
    pub fn welcome_once(&mut self, now: Timestamp) -> bool {
        let first = self.state.welcomed.is_none();
        self.state.welcomed.get_or_insert(now);
        first
    }

    /// Record a drill review; returns when the card is due next.
    pub fn record_review(
        &mut self,
        key: &str,
        category: &str,
        grade: Grade,
        now: Timestamp,
    ) -> Timestamp {
        self.state.drill.review(key, category, grade, now)
    }

    /// Forget everything recorded up to `now`: every lesson and the drill.
    pub fn reset_all(&mut self, now: Timestamp) {
        self.state.resets.all = self.state.resets.all.max(Some(now));
        let resets = self.state.resets.clone();
        merge::prune(&mut self.state, &resets);
    }

    /// Forget what was recorded for one lesson up to `now`.
    pub fn reset_lesson(&mut self, lesson: &str, now: Timestamp) {
        let t = self
            .state
            .resets
            .lessons
            .entry(lesson.to_string())
            .or_insert(now);
        *t = (*t).max(now);
        let resets = self.state.resets.clone();
        merge::prune(&mut self.state, &resets);
    }

    // ---- reading ---------------------------------------------------------

    /// Where to resume.
    pub fn position(&self) -> Option<&Position> {
        self.state.position.as_ref()
    }

    pub fn lesson(&self, lesson: &str) -> Option<&LessonProgress> {
        self.state.lessons.get(lesson)
    }

    pub fn quiz(&self, lesson: &str, quiz: &str) -> Option<&QuizProgress> {
        self.lesson(lesson)?.quizzes.get(quiz)
    }

    pub fn exercise(&self, lesson: &str, exercise: &str) -> Option<&ExerciseProgress> {
        self.lesson(lesson)?.exercises.get(exercise)
    }

    pub fn drill(&self) -> &ReviewDeck {
        &self.state.drill
    }

    /// One lesson's summary (empty if never visited).
    pub fn lesson_summary(&self, lesson: &str) -> LessonSummary {
        match self.lesson(lesson) {
            Some(l) => LessonSummary::of(lesson, l),
            None => LessonSummary::of(lesson, &LessonProgress::default()),
        }
    }

    /// Every lesson with any progress, by id.
    pub fn lesson_summaries(&self) -> Vec<LessonSummary> {
        self.state
            .lessons
            .iter()
            .map(|(id, l)| LessonSummary::of(id, l))
            .collect()
    }

    /// Lessons visited and completed; `total` is the course size if known.
    pub fn overall(&self, total: Option<usize>) -> Overall {
        Overall::of(&self.state, total)
    }

    pub fn drill_summary(&self, now: Timestamp) -> DrillSummary {
        DrillSummary::of(&self.state, now)
    }
}

fn set_aside(path: &Path, reason: String) -> Warning {
    match file::move_aside(path, Timestamp::now()) {
        Ok(moved_to) => Warning::MovedAside {
            file: path.to_path_buf(),
            moved_to,
            reason,
        },
        Err(e) => Warning::Unreadable {
            file: path.to_path_buf(),
            reason: format!("{reason}, and it could not be moved aside ({e})"),
        },
    }
}

fn unreadable(path: &Path, e: &std::io::Error) -> Warning {
    Warning::Unreadable {
        file: path.to_path_buf(),
        reason: e.to_string(),
    }
}
