//! Every exercise of the embedded course, in both languages: its solution
//! passes and its starter fails, naming what fails (the validation errors or
//! the checks that do not hold). A failure here is a problem in the lesson
//! content: the message says which exercise, where, and what the runner saw.

use kubetutor::exercise::{self, Outcome, course};
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
                let at = format!("{} ({}:{})", ex.spec.id, ex.lesson.path, ex.line);
                let sol = exercise::run(ex.spec, ex.section_setup, &ex.spec.solution, lang, SEED);
                if !sol.passed() {
                    problems.push(format!("{at}: the solution fails:\n{}", sol.render()));
                }
                let start = exercise::run(ex.spec, ex.section_setup, &ex.spec.starter, lang, SEED);
                let named = match start.outcome {
                    Outcome::Invalid => start.errors().count() > 0,
                    Outcome::Failed => start.failed_checks().count() > 0,
                    Outcome::Rejected => !start.applied.is_empty(),
                    Outcome::Passed | Outcome::SetupFailed(_) => false,
                };
                if !named {
                    problems.push(format!(
                        "{at}: the starter does not fail on a named check or error:\n{}",
                        start.render()
                    ));
                }
            }
        }
    }
    assert!(count >= 16, "only {count} exercises found");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// `kubetutor check --lang ko` and `--lang en` must give the same verdict:
/// both versions of an exercise share their solution, checks, setup (but
/// for the caption the pane shows) and timeout (the starter may differ in
/// its comments only).
#[test]
fn korean_and_english_versions_check_the_same_thing() {
    let catalog = Catalog::embedded();
    let ko = course::all(&catalog, Lang::Ko);
    let en = course::all(&catalog, Lang::En);
    assert_eq!(
        ko.iter().map(|e| &e.spec.id).collect::<Vec<_>>(),
        en.iter().map(|e| &e.spec.id).collect::<Vec<_>>()
    );
    for (k, e) in ko.iter().zip(&en) {
        let id = &e.spec.id;
        assert_eq!(k.spec.solution, e.spec.solution, "{id}: solution");
        assert_eq!(k.spec.check, e.spec.check, "{id}: checks");
        // The caption is what the cluster pane says, in each language.
        let untitled = |s: Option<&kubetutor::sim::setup::Setup>| {
            s.cloned().map(|mut s| {
                s.caption = None;
                s
            })
        };
        assert_eq!(untitled(k.setup()), untitled(e.setup()), "{id}: setup");
        assert_eq!(k.spec.timeout, e.spec.timeout, "{id}: timeout");
        let code = |s: &str| {
            s.lines()
                .filter(|l| !l.trim_start().starts_with('#'))
                .collect::<Vec<_>>()
                .join("\n")
        };
        assert_eq!(
            code(&k.spec.starter),
            code(&e.spec.starter),
            "{id}: starter"
        );
    }
}
