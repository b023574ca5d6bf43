//! Merging two copies of the progress (ours in memory, the file on disk
//! that another tutor process may have written since we read it).
//!
//! Rules, record by record:
//! - resets: the later reset time wins; each side first drops what a reset
//!   removed, so an old copy cannot bring reset records back;
//! - position: the newer one;
//! - sections seen: union (the later time per section);
//! - lesson read, completed or marked done / exercise passed: the first
//!   time either side saw it;
//! - quiz attempts, exercise attempts: union, oldest first (equal records
//!   once): counts never go backwards;
//! - exercise draft: the newer one;
//! - drill cards: the later review wins, review counts never go backwards;
//! - the install seed: the one already on disk (the first saved stays);
//! - the first-run welcome: the first time either side showed it.
//!
//! Merging is commutative for distinct records and idempotent: merging a copy
//! with itself changes nothing.

use super::model::{ExerciseProgress, LessonProgress, Progress, QuizProgress, Resets};
use crate::timestamp::Timestamp;
use std::collections::BTreeMap;

/// The union of two copies.
pub fn merge(ours: &Progress, theirs: &Progress) -> Progress {
    let resets = merge_resets(&ours.resets, &theirs.resets);
    let mut a = ours.clone();
    let mut b = theirs.clone();
    prune(&mut a, &resets);
    prune(&mut b, &resets);

    let position = match (a.position, b.position) {
        (Some(x), Some(y)) => Some(if y.at > x.at { y } else { x }),
        (x, y) => x.or(y),
    };
    let mut lessons = a.lessons;
    for (id, theirs) in b.lessons {
        match lessons.get_mut(&id) {
            Some(mine) => merge_lesson(mine, theirs),
            None => {
                lessons.insert(id, theirs);
            }
        }
    }
    let mut drill = a.drill;
    drill.merge(&b.drill);
    let mut unknown = a.unknown;
    merge_unknown(&mut unknown, b.unknown);
    Progress {
        version: super::model::SCHEMA_VERSION,
        position,
        lessons,
        drill,
        resets,
        seed: b.seed.or(a.seed),
        welcomed: earliest(a.welcomed, b.welcomed),
        unknown,
    }
}

fn merge_resets(a: &Resets, b: &Resets) -> Resets {
    let mut lessons = a.lessons.clone();
    for (id, t) in &b.lessons {
        let e = lessons.entry(id.clone()).or_insert(*t);
        *e = (*e).max(*t);
    }
    Resets {
        all: a.all.max(b.all),
        lessons,
    }
}

fn earliest(a: Option<Timestamp>, b: Option<Timestamp>) -> Option<Timestamp> {
    match (a, b) {
        (Some(x), Some(y)) => Some(x.min(y)),
        (x, y) => x.or(y),
    }
}

/// Union of two record lists, ordered by time, each distinct record once.
fn union<T: Clone + PartialEq>(mine: &mut Vec<T>, theirs: Vec<T>, at: impl Fn(&T) -> Timestamp) {
    for record in theirs {
        if !mine.contains(&record) {
            mine.push(record);
        }
    }
    mine.sort_by_key(|r| at(r));
}

/// Fields only a newer build knows: the file's copy (written by that build,
/// perhaps since we read it) wins over ours.
fn merge_unknown(
    mine: &mut serde_json::Map<String, serde_json::Value>,
    theirs: serde_json::Map<String, serde_json::Value>,
) {
    for (k, v) in theirs {
        mine.insert(k, v);
    }
}

fn merge_lesson(mine: &mut LessonProgress, theirs: LessonProgress) {
    merge_unknown(&mut mine.unknown, theirs.unknown);
    for (section, t) in theirs.sections {
        let e = mine.sections.entry(section).or_insert(t);
        *e = (*e).max(t);
    }
    mine.read = earliest(mine.read, theirs.read);
    mine.completed = earliest(mine.completed, theirs.completed);
    mine.marked_done = earliest(mine.marked_done, theirs.marked_done);
    for (id, q) in theirs.quizzes {
        let m = mine.quizzes.entry(id).or_default();
        union(&mut m.attempts, q.attempts, |r| r.at);
    }
    for (id, x) in theirs.exercises {
        let m = mine.exercises.entry(id).or_default();
        m.passed = earliest(m.passed, x.passed);
        union(&mut m.attempts, x.attempts, |r| r.at);
        m.draft = match (m.draft.take(), x.draft) {
            (Some(d), Some(e)) => Some(if e.at > d.at { e } else { d }),
            (d, e) => d.or(e),
        };
    }
}

/// Drop every record made at or before the reset that covers it.
pub fn prune(p: &mut Progress, resets: &Resets) {
    if let Some(pos) = &p.position
        && resets.cutoff(&pos.lesson).is_some_and(|cut| pos.at <= cut)
    {
        p.position = None;
    }
    let mut lessons = BTreeMap::new();
    for (id, mut lesson) in std::mem::take(&mut p.lessons) {
        if let Some(cut) = resets.cutoff(&id) {
            prune_lesson(&mut lesson, cut);
        }
        if !lesson.is_empty() {
            lessons.insert(id, lesson);
        }
    }
    p.lessons = lessons;
    if let Some(all) = resets.all {
        p.drill.forget_before(all);
    }
}

fn prune_lesson(lesson: &mut LessonProgress, cut: Timestamp) {
    let after = |t: &Timestamp| *t > cut;
    lesson.sections.retain(|_, t| after(t));
    lesson.read = lesson.read.filter(after);
    lesson.completed = lesson.completed.filter(after);
    lesson.marked_done = lesson.marked_done.filter(after);
    lesson.quizzes.retain(|_, q: &mut QuizProgress| {
        q.attempts.retain(|a| after(&a.at));
        !q.attempts.is_empty()
    });
    lesson.exercises.retain(|_, x: &mut ExerciseProgress| {
        x.passed = x.passed.filter(after);
        x.attempts.retain(|a| after(&a.at));
        x.draft = x.draft.take().filter(|d| after(&d.at));
        !x.is_empty()
    });
}
