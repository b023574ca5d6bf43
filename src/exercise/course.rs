//! Finding exercises in a course: by id, in course order, with the cluster
//! block of the section they sit in.

use super::spec::ExerciseSpec;
use crate::lang::Lang;
use crate::lesson::Catalog;
use crate::lesson::model::Lesson;
use crate::sim::setup::Setup;
use crate::suggest;

/// An exercise where it sits in the course.
#[derive(Debug, Clone, Copy)]
pub struct CourseExercise<'a> {
    pub lesson: &'a Lesson,
    /// 0-based section index in the lesson.
    pub section: usize,
    /// 1-based line of the exercise block in the lesson file.
    pub line: usize,
    pub spec: &'a ExerciseSpec,
    /// The section's `cluster` block (used when the exercise has no `setup`).
    pub section_setup: Option<&'a Setup>,
}

impl CourseExercise<'_> {
    /// The setup the runner will use: the exercise's own, else the section's.
    pub fn setup(&self) -> Option<&Setup> {
        self.spec.setup.as_ref().or(self.section_setup)
    }
}

/// Every exercise of one lesson, in order.
pub fn in_lesson(lesson: &Lesson) -> Vec<CourseExercise<'_>> {
    let mut out = Vec::new();
    for (section, s) in lesson.sections.iter().enumerate() {
        let section_setup = s.cluster().map(|c| &c.value);
        for e in s.exercises() {
            out.push(CourseExercise {
                lesson,
                section,
                line: e.line,
                spec: &e.value,
                section_setup,
            });
        }
    }
    out
}

/// Every exercise of the course for a `lang` reader (a lesson missing in
/// `lang` is taken in the other language), in course order.
pub fn all(catalog: &Catalog, lang: Lang) -> Vec<CourseExercise<'_>> {
    catalog
        .lessons(lang)
        .flat_map(|found| in_lesson(found.lesson))
        .collect()
}

/// The exercise with this id, in `lang` when it exists there.
pub fn find<'a>(catalog: &'a Catalog, id: &str, lang: Lang) -> Option<CourseExercise<'a>> {
    let id = id.trim();
    all(catalog, lang)
        .into_iter()
        .find(|e| e.spec.id == id)
        .or_else(|| {
            // An exercise only the other language's version of a lesson has.
            catalog
                .lessons(lang.other())
                .flat_map(|f| in_lesson(f.lesson))
                .find(|e| e.spec.id == id)
        })
}

/// The known id closest to `id`, for "did you mean".
pub fn suggest(catalog: &Catalog, id: &str, lang: Lang) -> Option<String> {
    let all = all(catalog, lang);
    let ids: Vec<&str> = all.iter().map(|e| e.spec.id.as_str()).collect();
    suggest::closest(id.trim(), ids.iter().copied())
        .map(str::to_string)
        .or_else(|| {
            // A prefix or a part of an id: `first-pod` for `pods-first-pod`.
            let needle = id.trim().to_lowercase();
            (needle.len() >= 3)
                .then(|| ids.iter().find(|i| i.to_lowercase().contains(&needle)))
                .flatten()
                .map(|s| s.to_string())
        })
}
