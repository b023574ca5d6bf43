//! A lesson's questions, asked in order: one [`QuizAttempt`] each, the
//! simulator's answer to each `predict` question, and the lesson's score.
//! The plain-text mode drives it; the TUI can hold one per lesson.
//!
//! ```
//! use kubetutor::lang::Lang;
//! use kubetutor::lesson::Catalog;
//! use kubetutor::quiz::lesson::LessonQuiz;
//! let catalog = Catalog::embedded();
//! let lesson = catalog.get("pod-phases", Lang::En).unwrap().lesson;
//! let mut quiz = LessonQuiz::new(lesson, 7);
//! let q = quiz.current_mut().unwrap();
//! let response = q.attempt.parse("1").unwrap();
//! let verdict = q.attempt.submit(&response).unwrap();
//! assert_eq!(verdict.tries, 1);
//! ```

use super::attempt::{QuizAttempt, Score};
use super::predict::{self, Outcome};
use super::shuffle::seed_for;
use super::spec::QuizKind;
use crate::lesson::model::Lesson;

/// One question of the lesson.
#[derive(Debug, Clone)]
pub struct Question {
    /// The section that holds it (0-based).
    pub section: usize,
    /// The line of its `quiz` block in the lesson file.
    pub line: usize,
    pub attempt: QuizAttempt,
    /// `predict`: what the simulator did, or why it could not play the
    /// question (the question cannot be checked then).
    pub outcome: Option<Result<Outcome, String>>,
}

impl Question {
    pub fn id(&self) -> &str {
        &self.attempt.spec().id
    }

    /// A question that can be answered (a `predict` question needs its
    /// outcome).
    pub fn playable(&self) -> bool {
        !matches!(self.outcome, Some(Err(_)))
    }

    /// Why the question cannot be answered, if it cannot.
    pub fn problem(&self) -> Option<&str> {
        match &self.outcome {
            Some(Err(e)) => Some(e),
            _ => None,
        }
    }

    /// `predict`: the simulator's answer.
    pub fn predicted(&self) -> Option<&Outcome> {
        self.outcome.as_ref().and_then(|o| o.as_ref().ok())
    }
}

/// The score of a lesson's quiz so far.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct LessonScore {
    /// 1 per first-try answer, ½ per second-try answer.
    pub points: f64,
    /// Questions finished (answered or shown).
    pub finished: usize,
    /// Questions that can be answered.
    pub total: usize,
    pub first_try: usize,
    pub second_try: usize,
    pub revealed: usize,
}

#[derive(Debug, Clone)]
pub struct LessonQuiz {
    lesson: String,
    questions: Vec<Question>,
    current: usize,
}

impl LessonQuiz {
    /// Every valid question of `lesson`, in order. `seed` decides how `order`
    /// questions are shuffled; `predict` questions are played with
    /// [`predict::SEED`], as everywhere else.
    pub fn new(lesson: &Lesson, seed: u64) -> LessonQuiz {
        let mut questions = Vec::new();
        for (section, s) in lesson.sections.iter().enumerate() {
            for q in s.quizzes() {
                let spec = &q.value;
                let Ok(mut attempt) = QuizAttempt::new(spec, seed_for(&spec.id, seed)) else {
                    // The loader reports broken blocks; they are not asked.
                    continue;
                };
                let outcome = (spec.kind == QuizKind::Predict).then(|| {
                    let played = predict::outcome(spec, predict::SEED);
                    if let Ok(o) = &played {
                        attempt.set_observed(o.value.clone());
                    }
                    played
                });
                questions.push(Question {
                    section,
                    line: q.line,
                    attempt,
                    outcome,
                });
            }
        }
        LessonQuiz {
            lesson: lesson.id.clone(),
            questions,
            current: 0,
        }
    }

    pub fn lesson_id(&self) -> &str {
        &self.lesson
    }

    pub fn questions(&self) -> &[Question] {
        &self.questions
    }

    pub fn len(&self) -> usize {
        self.questions.len()
    }

    pub fn is_empty(&self) -> bool {
        self.questions.is_empty()
    }

    /// The 0-based index of the current question (`len()` once done).
    pub fn index(&self) -> usize {
        self.current
    }

    pub fn current(&self) -> Option<&Question> {
        self.questions.get(self.current)
    }

    pub fn current_mut(&mut self) -> Option<&mut Question> {
        self.questions.get_mut(self.current)
    }

    /// The question with this id, to answer out of order (the TUI shows a
    /// question where its section is).
    pub fn by_id_mut(&mut self, id: &str) -> Option<&mut Question> {
        self.questions.iter_mut().find(|q| q.id() == id)
    }

    /// Move to the next question; false when there is none.
    pub fn advance(&mut self) -> bool {
        if self.current < self.questions.len() {
            self.current += 1;
        }
        self.current < self.questions.len()
    }

    pub fn is_done(&self) -> bool {
        self.current >= self.questions.len()
    }

    /// The score over the finished questions.
    pub fn score(&self) -> LessonScore {
        let mut s = LessonScore::default();
        for q in &self.questions {
            if q.playable() {
                s.total += 1;
            }
            let Some(score) = q.attempt.score() else {
                continue;
            };
            s.finished += 1;
            s.points += score.points();
            match score {
                Score::Full => s.first_try += 1,
                Score::Half => s.second_try += 1,
                Score::Zero => s.revealed += 1,
            }
        }
        s
    }
}
