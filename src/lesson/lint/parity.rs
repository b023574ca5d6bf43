//! The Korean and English versions of a lesson must be the same lesson in
//! two languages. Progress is saved by lesson id, section number, quiz id
//! and exercise id whatever the language, and a student may switch
//! language at any time, so these are errors:
//!
//! - a different number of sections;
//! - a quiz or exercise in one version only;
//! - a quiz with another number of choices or items, other right choices,
//!   another `shuffle`, or (predict) another setup, wait, target or
//!   expectation;
//! - an exercise with other checks, another timeout or another setup.
//!
//! A quiz or exercise in another section, or in another order, is a
//! warning: nothing breaks, but the versions read differently. A lesson in
//! one language only is a warning too (the other language's readers get
//! it as a fallback), and only when the course has both languages.

use super::locate::path;
use super::{Out, Source};
use crate::exercise::spec::ExerciseSpec;
use crate::lang::Lang;
use crate::lesson::Catalog;
use crate::lesson::model::{Lesson, Located};
use crate::quiz::normalize::normalize;
use crate::quiz::spec::{QuizKind, QuizSpec};
use crate::sim::setup::Setup;
use std::collections::{BTreeSet, HashMap};

pub(super) fn check(catalog: &Catalog, sources: &HashMap<String, Source>, out: &mut Out) {
    let own = |lang: Lang| -> Vec<&Lesson> {
        catalog
            .lessons(lang)
            .filter(|f| !f.fallback)
            .map(|f| f.lesson)
            .collect()
    };
    let (ko, en) = (own(Lang::Ko), own(Lang::En));
    let bilingual = !ko.is_empty() && !en.is_empty();
    let ids: BTreeSet<&str> = ko.iter().chain(&en).map(|l| l.id.as_str()).collect();
    for id in ids {
        let Some(entry) = catalog.entry(id) else {
            continue;
        };
        match (&entry.ko, &entry.en) {
            (Some(k), Some(e)) => Pair {
                ko: k,
                en: e,
                sources,
                out: &mut *out,
            }
            .check(),
            (Some(only), None) | (None, Some(only)) if bilingual => {
                let other = only.lang.other();
                out.warning(
                    &only.path,
                    1,
                    format!(
                        "lesson `{id}` has no {} version: {} readers get this one",
                        other.code(),
                        other.code()
                    ),
                );
            }
            _ => {}
        }
    }
}

/// Both versions of one lesson; findings go in the Korean file, naming the
/// English location.
struct Pair<'a, 'o> {
    ko: &'a Lesson,
    en: &'a Lesson,
    sources: &'a HashMap<String, Source>,
    out: &'o mut Out,
}

/// A quiz or exercise with its 0-based section.
struct Spot<'a, T> {
    section: usize,
    item: &'a Located<T>,
    setup: Option<&'a Setup>,
}

fn spots<'a, T>(
    lesson: &'a Lesson,
    items: impl Fn(&'a crate::lesson::model::Section) -> Vec<&'a Located<T>>,
) -> Vec<Spot<'a, T>> {
    let mut out = Vec::new();
    for (section, s) in lesson.sections.iter().enumerate() {
        for item in items(s) {
            out.push(Spot {
                section,
                item,
                setup: s.cluster().map(|c| &c.value),
            });
        }
    }
    out
}

impl Pair<'_, '_> {
    fn check(&mut self) {
        self.sections();
        let kq = spots(self.ko, |s| s.quizzes().collect());
        let eq = spots(self.en, |s| s.quizzes().collect());
        self.presence("quiz", &kq, &eq, |q| &q.id);
        for k in &kq {
            if let Some(e) = eq.iter().find(|e| e.item.value.id == k.item.value.id) {
                self.quiz(k.item, e.item);
            }
        }
        self.placement("quiz", &kq, &eq, |q| &q.id);
        let kx = spots(self.ko, |s| s.exercises().collect());
        let ex = spots(self.en, |s| s.exercises().collect());
        self.presence("exercise", &kx, &ex, |x| &x.id);
        for k in &kx {
            if let Some(e) = ex.iter().find(|e| e.item.value.id == k.item.value.id) {
                self.exercise(k, e);
            }
        }
        self.placement("exercise", &kx, &ex, |x| &x.id);
    }

    fn at(&self, line: usize) -> String {
        format!("{}:{line}", self.en.path)
    }

    fn sections(&mut self) {
        let (k, e) = (self.ko.sections.len(), self.en.sections.len());
        if k == e {
            return;
        }
        let (long, short) = if k > e {
            (self.ko, self.en)
        } else {
            (self.en, self.ko)
        };
        let n = short.sections.len();
        let extra = &long.sections[n];
        self.out.error(
            &long.path,
            extra.line,
            format!(
                "lesson `{}` has {} sections here but {n} in {}: section {} ({:?}) has no counterpart, and progress keeps the section number when the student switches language",
                long.id,
                long.sections.len(),
                short.path,
                n + 1,
                extra.title
            ),
        );
    }

    /// Each id in one version only.
    fn presence<T>(
        &mut self,
        what: &str,
        ko: &[Spot<'_, T>],
        en: &[Spot<'_, T>],
        id: impl Fn(&T) -> &String,
    ) {
        for (mine, theirs, lesson, other) in
            [(ko, en, self.ko, self.en), (en, ko, self.en, self.ko)]
        {
            for p in mine {
                let name = id(&p.item.value);
                if !theirs.iter().any(|t| id(&t.item.value) == name) {
                    self.out.error(
                        &lesson.path,
                        p.item.line,
                        format!(
                            "{what} `{name}` is missing from the {} version ({})",
                            other.lang.code(),
                            other.path
                        ),
                    );
                }
            }
        }
    }

    /// Shared ids in other sections, or in another order: warnings.
    fn placement<T>(
        &mut self,
        what: &str,
        ko: &[Spot<'_, T>],
        en: &[Spot<'_, T>],
        id: impl Fn(&T) -> &String,
    ) {
        let shared = |mine: &[Spot<'_, T>], theirs: &[Spot<'_, T>]| -> Vec<String> {
            mine.iter()
                .map(|p| id(&p.item.value).clone())
                .filter(|n| theirs.iter().any(|t| id(&t.item.value) == n))
                .collect()
        };
        for k in ko {
            let name = id(&k.item.value);
            if let Some(e) = en.iter().find(|e| id(&e.item.value) == name)
                && e.section != k.section
            {
                self.out.warning(
                    &self.ko.path,
                    k.item.line,
                    format!(
                        "{what} `{name}` is in section {} here but in section {} in {}",
                        k.section + 1,
                        e.section + 1,
                        self.at(e.item.line)
                    ),
                );
            }
        }
        let (ko_order, en_order) = (shared(ko, en), shared(en, ko));
        // An id used twice in one version is an error of its own (ids), so
        // the lists may differ in length: compare as far as both go.
        if let Some((k, e)) = ko_order.iter().zip(&en_order).find(|(k, e)| k != e) {
            let line = ko
                .iter()
                .find(|p| id(&p.item.value) == k)
                .map_or(1, |p| p.item.line);
            self.out.warning(
                &self.ko.path,
                line,
                format!(
                    "the {what}s are in another order than in {}: `{k}` comes here where `{e}` comes there",
                    self.en.path
                ),
            );
        }
    }

    fn quiz(&mut self, ko: &Located<QuizSpec>, en: &Located<QuizSpec>) {
        let (k, e) = (&ko.value, &en.value);
        if k.kind != e.kind {
            return; // reported with the ids
        }
        let block = self.sources.get(&self.ko.path).map(|s| s.block(ko.line));
        let line = |key: &str| block.as_ref().map_or(ko.line, |b| b.line(&path(key)));
        let who = format!("quiz `{}`", k.id);
        let there = self.at(en.line);
        let mut problems: Vec<(usize, String)> = Vec::new();
        match k.kind {
            QuizKind::Choice | QuizKind::Multi | QuizKind::Predict => {
                if k.choices.len() != e.choices.len() {
                    problems.push((
                        line("choices"),
                        format!(
                            "{who} has {} choices here but {} in {there}",
                            k.choices.len(),
                            e.choices.len()
                        ),
                    ));
                } else if k.kind != QuizKind::Predict {
                    let right = |q: &QuizSpec| -> Vec<usize> {
                        (0..q.choices.len())
                            .filter(|&i| q.choices[i].correct)
                            .map(|i| i + 1)
                            .collect()
                    };
                    if right(k) != right(e) {
                        problems.push((
                            line("choices"),
                            format!(
                                "{who} marks choice {:?} right here but choice {:?} in {there}",
                                right(k),
                                right(e)
                            ),
                        ));
                    }
                }
            }
            QuizKind::Order if k.items.len() != e.items.len() => problems.push((
                line("items"),
                format!(
                    "{who} has {} items here but {} in {there}",
                    k.items.len(),
                    e.items.len()
                ),
            )),
            _ => {}
        }
        if k.shuffle != e.shuffle {
            // The positions would differ between the languages.
            problems.push((
                line("shuffle"),
                format!(
                    "{who} says `shuffle: {}` here but `shuffle: {}` in {there}: a student who \
                     switches language would see the choices move",
                    k.shuffle, e.shuffle
                ),
            ));
        }
        if k.kind == QuizKind::Predict {
            // A missing `expect` is a warning of its own, not a difference.
            let same_expect = match (&k.expect, &e.expect) {
                (Some(a), Some(b)) => normalize(a) == normalize(b),
                _ => true,
            };
            for (key, same) in [
                ("setup", same_setup(k.setup.as_ref(), e.setup.as_ref())),
                (
                    "after",
                    k.after.as_deref().map(str::trim) == e.after.as_deref().map(str::trim),
                ),
                ("observe", k.observe == e.observe),
                ("expect", same_expect),
            ] {
                if !same {
                    problems.push((
                        line(key),
                        format!(
                            "{who}: its `{key}` differs from {there}: both versions must play the same question"
                        ),
                    ));
                }
            }
        }
        for (line, message) in problems {
            self.out.error(&self.ko.path, line, message);
        }
    }

    fn exercise(&mut self, ko: &Spot<'_, ExerciseSpec>, en: &Spot<'_, ExerciseSpec>) {
        let (k, e) = (&ko.item.value, &en.item.value);
        let block = self
            .sources
            .get(&self.ko.path)
            .map(|s| s.block(ko.item.line));
        let line = |key: &str| block.as_ref().map_or(ko.item.line, |b| b.line(&path(key)));
        let there = self.at(en.item.line);
        let (ks, es) = (k.setup.as_ref().or(ko.setup), e.setup.as_ref().or(en.setup));
        for (key, same, what) in [
            ("check", k.check == e.check, "checks differ"),
            (
                "timeout",
                k.timeout.as_deref().map(str::trim) == e.timeout.as_deref().map(str::trim),
                "timeout differs",
            ),
            ("setup", same_setup(ks, es), "cluster setup differs"),
        ] {
            if !same {
                self.out.error(
                    &self.ko.path,
                    line(key),
                    format!(
                        "exercise `{}`: its {what} from {there}: both versions must check the same thing",
                        k.id
                    ),
                );
            }
        }
    }
}

/// Two setups build the same cluster (captions are text, translated; each
/// version's files are read from its own language folder).
fn same_setup(a: Option<&Setup>, b: Option<&Setup>) -> bool {
    let bare = |s: Option<&Setup>| {
        s.cloned().map(|mut s| {
            s.caption = None;
            s.folder = None;
            s
        })
    };
    bare(a) == bare(b)
}

#[cfg(test)]
mod tests {
    use crate::lesson::files::LessonFile;
    use crate::lesson::lint::{Root, lint};

    fn file(path: &str, quizzes: &[&str]) -> LessonFile {
        let mut text = String::from("---\nid: store\ntitle: Store\n---\n\n## Store\n");
        for id in quizzes {
            text.push_str(&format!(
                "\n```quiz\nid: {id}\nkind: text\nquestion: Where is state kept?\naccept: [etcd]\nexplain: In etcd.\n```\n"
            ));
        }
        LessonFile {
            path: path.into(),
            text,
        }
    }

    /// A quiz id used twice in one version only: a duplicate, reported
    /// once, and no panic comparing the two versions' order.
    #[test]
    fn an_id_used_twice_in_one_version_is_a_duplicate_not_a_crash() {
        let report = lint(
            "",
            vec![
                file("ko/store.md", &["a", "b", "a"]),
                file("en/store.md", &["a", "b"]),
            ],
            Vec::new(),
            &Root::Dir("no-such-dir".into()),
        );
        let lines: Vec<String> = report.findings.iter().map(ToString::to_string).collect();
        assert_eq!(
            lines,
            ["ko/store.md:24: error: duplicate quiz id `a` in ko: ko/store.md:8 has it too"]
        );
    }
}
