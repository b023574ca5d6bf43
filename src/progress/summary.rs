//! Read-only summaries of the progress, for the course list, the `progress`
//! command and the drill's end-of-session report.

use super::model::{LessonProgress, Progress};
use crate::quiz::attempt::Score;
use crate::quiz::review::CategoryStats;
use crate::timestamp::Timestamp;
use std::collections::BTreeMap;

/// A lesson's quiz results: each quiz counts with its first finished
/// attempt (later attempts are practice).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct QuizScore {
    /// Quizzes with a finished attempt.
    pub answered: usize,
    /// 1 per first-try answer, ½ per second-try answer.
    pub points: f64,
    pub first_try: usize,
    /// Answers shown (on request or after two wrong tries).
    pub revealed: usize,
}

impl QuizScore {
    pub fn of(lesson: &LessonProgress) -> QuizScore {
        let mut s = QuizScore::default();
        for record in lesson.quizzes.values().filter_map(|q| q.scored()) {
            s.answered += 1;
            s.points += record.score().points();
            s.first_try += usize::from(record.score() == Score::Full);
            s.revealed += usize::from(record.revealed);
        }
        s
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct LessonSummary {
    pub id: String,
    pub sections_seen: usize,
    /// Every section seen.
    pub read: bool,
    /// The work done (or marked done).
    pub completed: bool,
    /// Marked done by the student rather than by the work.
    pub marked_done: bool,
    pub quiz: QuizScore,
    pub exercises_passed: usize,
    pub last_visit: Option<Timestamp>,
}

impl LessonSummary {
    pub fn of(id: &str, lesson: &LessonProgress) -> LessonSummary {
        LessonSummary {
            id: id.to_string(),
            sections_seen: lesson.sections.len(),
            read: lesson.read.is_some(),
            completed: lesson.completed.is_some(),
            marked_done: lesson.marked_done.is_some(),
            quiz: QuizScore::of(lesson),
            exercises_passed: lesson
                .exercises
                .values()
                .filter(|e| e.passed.is_some())
                .count(),
            last_visit: lesson.last_visit(),
        }
    }
}

/// Lessons visited and completed, against the course size when known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Overall {
    pub visited: usize,
    pub read: usize,
    pub completed: usize,
    /// The number of lessons in the course, when the caller knows it.
    pub total: Option<usize>,
}

impl Overall {
    pub fn of(p: &Progress, total: Option<usize>) -> Overall {
        Overall {
            visited: p
                .lessons
                .values()
                .filter(|l| !l.sections.is_empty())
                .count(),
            read: p.lessons.values().filter(|l| l.read.is_some()).count(),
            completed: p.lessons.values().filter(|l| l.completed.is_some()).count(),
            total,
        }
    }

    /// Completed lessons over the course size, 0.0 to 1.0.
    pub fn fraction(&self) -> Option<f64> {
        self.total
            .filter(|t| *t > 0)
            .map(|t| (self.completed.min(t)) as f64 / t as f64)
    }
}

/// The drill at a glance.
#[derive(Debug, Clone, PartialEq)]
pub struct DrillSummary {
    pub cards: usize,
    pub due_now: usize,
    /// The earliest due time among cards not yet due.
    pub next_due: Option<Timestamp>,
    pub categories: BTreeMap<String, CategoryStats>,
}

impl DrillSummary {
    pub fn of(p: &Progress, now: Timestamp) -> DrillSummary {
        DrillSummary {
            cards: p.drill.cards.len(),
            due_now: p.drill.due_count(now),
            next_due: p.drill.next_due(now),
            categories: p.drill.categories(now),
        }
    }
}
