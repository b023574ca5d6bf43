//! Where the right choices are written, before the engine shuffles them:
//! a per-lesson and per-course count of right choices by position
//! (informational: authors may put the answer anywhere, the tutor shows the
//! choices shuffled), and a warning when the questions that opt out of the
//! shuffle (`shuffle: false`) can be guessed: all of a lesson's opted-out
//! questions have their answer at the same position, and that position is
//! the first or there are several of them.

use super::Placed;
use crate::lesson::model::Lesson;
use crate::quiz::key::Solution;
use crate::quiz::normalize::normalize;
use crate::quiz::spec::{QuizKind, QuizSpec};
use serde::Serialize;
use std::collections::BTreeMap;

/// Right choices by their 1-based position as written.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Positions {
    /// The lesson file (`lessons/en/05-declarative.md`), or `course (en)`.
    pub of: String,
    /// Questions counted (choice, multi and predict with a known answer).
    pub questions: usize,
    /// Of them, questions shown in the order written (`shuffle: false`).
    pub opted_out: usize,
    /// Position (1-based) → right choices written there.
    pub at: BTreeMap<usize, usize>,
}

impl Positions {
    fn add(&mut self, other: &Positions) {
        self.questions += other.questions;
        self.opted_out += other.opted_out;
        for (p, n) in &other.at {
            *self.at.entry(*p).or_default() += n;
        }
    }

    /// `1: 12  2: 3  3: 1  (16 questions, 2 not shuffled)`.
    pub fn line(&self) -> String {
        let counts: Vec<String> = self.at.iter().map(|(p, n)| format!("{p}: {n}")).collect();
        let mut s = counts.join("  ");
        s.push_str(&format!(
            "  ({} question{}",
            self.questions,
            if self.questions == 1 { "" } else { "s" }
        ));
        if self.opted_out > 0 {
            s.push_str(&format!(", {} not shuffled", self.opted_out));
        }
        s.push(')');
        s
    }
}

/// The 0-based indices of the right choices of `spec` as written; `None`
/// when there is no usable key (a broken one is reported elsewhere; a
/// `predict` question without `expect` is answered by the simulator).
fn right_choices(spec: &QuizSpec) -> Option<Vec<usize>> {
    match Solution::of(spec).ok()? {
        Solution::Choice(i) => Some(vec![i]),
        Solution::Multi(set) => Some(set.into_iter().collect()),
        Solution::Predict => {
            let expect = normalize(spec.expect.as_deref()?);
            let i = spec
                .choices
                .iter()
                .position(|c| normalize(c.value()) == expect)?;
            Some(vec![i])
        }
        _ => None,
    }
}

/// A lesson's count, and the warnings about its opted-out questions.
pub(super) fn check(lesson: &Lesson) -> (Positions, Vec<Placed>) {
    let mut counts = Positions {
        of: lesson.path.clone(),
        ..Positions::default()
    };
    // Opted-out questions: (line, id, their right positions).
    let mut fixed: Vec<(usize, &str, Vec<usize>)> = Vec::new();
    for q in lesson.sections.iter().flat_map(|s| s.quizzes()) {
        let spec = &q.value;
        if !matches!(
            spec.kind,
            QuizKind::Choice | QuizKind::Multi | QuizKind::Predict
        ) {
            continue;
        }
        let Some(right) = right_choices(spec) else {
            continue;
        };
        counts.questions += 1;
        for i in &right {
            *counts.at.entry(i + 1).or_default() += 1;
        }
        if !spec.shuffle {
            counts.opted_out += 1;
            fixed.push((q.line, &spec.id, right.iter().map(|i| i + 1).collect()));
        }
    }
    let mut warnings = Vec::new();
    let same = fixed.windows(2).all(|w| w[0].2 == w[1].2);
    if let Some((_, _, at)) = fixed.first()
        && same
        && (at == &[1] || fixed.len() > 1)
    {
        let where_ = if at.len() == 1 {
            format!("choice {}", at[0])
        } else {
            format!("choices {at:?}")
        };
        for (line, id, _) in &fixed {
            warnings.push(Placed::warning(
                *line,
                format!(
                    "quiz `{id}` has `shuffle: false`, and every question of this lesson that \
                     keeps its order has its answer at {where_}: a student who always picks \
                     {where_} gets them all; put the answers at different positions or let \
                     the tutor shuffle the choices"
                ),
            ));
        }
    }
    (counts, warnings)
}

/// The course's count per language (`course (en)`), from its lessons', in
/// the order the languages first appear.
pub(super) fn course_totals(lessons: &[(crate::lang::Lang, Positions)]) -> Vec<Positions> {
    let mut totals: Vec<(crate::lang::Lang, Positions)> = Vec::new();
    for (lang, p) in lessons {
        let at = match totals.iter().position(|(l, _)| l == lang) {
            Some(at) => at,
            None => {
                totals.push((
                    *lang,
                    Positions {
                        of: format!("course ({})", lang.code()),
                        ..Positions::default()
                    },
                ));
                totals.len() - 1
            }
        };
        totals[at].1.add(p);
    }
    totals.into_iter().map(|(_, p)| p).collect()
}
