//! Every exercise of the embedded course, in both languages: its solution
//! passes and its starter fails.

use kubetutor::exercise::{self, course};
use kubetutor::lang::Lang;
use kubetutor::lesson::Catalog;

const SEED: u64 = 1;

#[test]
fn every_solution_passes_and_every_starter_fails() {
    let catalog = Catalog::embedded();
    let mut problems = Vec::new();
    let mut count = 0;
    for lang in Lang::ALL {
        for lesson in catalog.lessons(lang).filter(|f| !f.fallback) {
            for ex in course::in_lesson(lesson.lesson) {
                count += 1;
                let where_ = format!("{} ({}:{})", ex.spec.id, ex.lesson.path, ex.line);
                let sol = exercise::run(ex.spec, ex.section_setup, &ex.spec.solution, lang, SEED);
                if !sol.passed() {
                    problems.push(format!("{where_}: the solution fails:\n{}", sol.render()));
                }
                let start = exercise::run(ex.spec, ex.section_setup, &ex.spec.starter, lang, SEED);
                if start.passed() {
                    problems.push(format!("{where_}: the starter passes:\n{}", start.render()));
                } else {
                    eprintln!("{where_}: starter fails as it should:\n{}", start.render());
                }
            }
        }
    }
    assert!(count >= 16, "only {count} exercises found");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
