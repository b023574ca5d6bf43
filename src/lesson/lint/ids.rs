//! Quiz and exercise ids across the whole course: progress and
//! `kubetutor check ID` find them by id, so an id is used once per
//! language; the Korean and English versions share ids by design, and a
//! quiz id names the same kind of question in both.

use super::Out;
use crate::lang::Lang;
use crate::lesson::model::Lesson;
use crate::quiz::spec::QuizKind;
use std::collections::BTreeMap;

/// Where an id is used.
struct Use<'a> {
    path: &'a str,
    line: usize,
    kind: Option<QuizKind>,
}

pub(super) fn check(lessons: &[&Lesson], out: &mut Out) {
    let mut quizzes: BTreeMap<(&str, Lang), Vec<Use<'_>>> = BTreeMap::new();
    let mut exercises: BTreeMap<(&str, Lang), Vec<Use<'_>>> = BTreeMap::new();
    for lesson in lessons {
        for q in lesson.quizzes() {
            quizzes
                .entry((q.value.id.as_str(), lesson.lang))
                .or_default()
                .push(Use {
                    path: &lesson.path,
                    line: q.line,
                    kind: Some(q.value.kind),
                });
        }
        for e in lesson.exercises() {
            exercises
                .entry((e.value.id.as_str(), lesson.lang))
                .or_default()
                .push(Use {
                    path: &lesson.path,
                    line: e.line,
                    kind: None,
                });
        }
    }
    for map in [&mut quizzes, &mut exercises] {
        for uses in map.values_mut() {
            uses.sort_by(|a, b| a.path.cmp(b.path).then(a.line.cmp(&b.line)));
        }
    }
    duplicates("quiz", &quizzes, out);
    duplicates("exercise", &exercises, out);
    for ((id, lang), uses) in &quizzes {
        if *lang != Lang::Ko {
            continue;
        }
        let (Some(ko), Some(en)) = (
            uses.first(),
            quizzes.get(&(id, Lang::En)).and_then(|u| u.first()),
        ) else {
            continue;
        };
        if let (Some(k), Some(e)) = (ko.kind, en.kind)
            && k != e
        {
            out.error(
                ko.path,
                ko.line,
                format!(
                    "quiz `{id}` is a {} question here but a {} question in {}:{}: the ko and en versions of a quiz must be the same kind",
                    k.name(),
                    e.name(),
                    en.path,
                    en.line
                ),
            );
        }
    }
}

fn duplicates(what: &str, map: &BTreeMap<(&str, Lang), Vec<Use<'_>>>, out: &mut Out) {
    for ((id, lang), uses) in map {
        let Some((first, rest)) = uses.split_first() else {
            continue;
        };
        for u in rest {
            out.error(
                u.path,
                u.line,
                format!(
                    "duplicate {what} id `{id}` in {}: {}:{} has it too",
                    lang.code(),
                    first.path,
                    first.line
                ),
            );
        }
    }
}
