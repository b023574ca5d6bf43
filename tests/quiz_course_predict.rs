//! Every `predict` question of the built-in course, played on the
//! simulator: the lesson's `expect` must be what the simulator shows, one
//! choice must stand for it, the answer must not depend on the seed, and
//! the Korean and English versions of a question must agree.
//!
//! Mismatches are lesson bugs for the course authors; a known one goes in
//! `KNOWN_MISMATCHES` (path, quiz id) until the lesson is fixed, so this
//! test fails both for a new mismatch and for a fixed one still listed.

use kubetutor::lang::Lang;
use kubetutor::lesson::Catalog;
use kubetutor::quiz::normalize::normalize;
use kubetutor::quiz::predict;
use kubetutor::quiz::spec::QuizKind;
use std::collections::BTreeMap;

const KNOWN_MISMATCHES: &[(&str, &str)] = &[];

#[test]
fn every_predict_question_agrees_with_the_simulator() {
    let catalog = Catalog::embedded();
    let mut mismatches = Vec::new();
    let mut seen = 0;
    let mut by_id: BTreeMap<String, Vec<(Lang, String)>> = BTreeMap::new();
    for lang in Lang::ALL {
        for found in catalog.lessons(lang).filter(|f| !f.fallback) {
            let lesson = found.lesson;
            for q in lesson.quizzes() {
                let spec = &q.value;
                if spec.kind != QuizKind::Predict {
                    continue;
                }
                seen += 1;
                let at = format!("{}:{}", lesson.path, q.line);
                let o = match predict::outcome(spec, predict::SEED) {
                    Ok(o) => o,
                    Err(e) => {
                        mismatches.push((
                            lesson.path.clone(),
                            spec.id.clone(),
                            format!("{at}: {e}"),
                        ));
                        continue;
                    }
                };
                by_id
                    .entry(spec.id.clone())
                    .or_default()
                    .push((lang, o.value.clone()));
                let mut problems = Vec::new();
                if o.agrees_with_expect(spec) == Some(false) {
                    problems.push(format!(
                        "expect {:?} but the simulator shows {:?}",
                        spec.expect.as_deref().unwrap_or_default(),
                        o.value
                    ));
                }
                if spec.expect.is_none() {
                    problems.push("no `expect:`".to_string());
                }
                if o.choice.is_none() {
                    problems.push(format!("no choice stands for {:?}", o.value));
                }
                for seed in [2, 3, 42] {
                    let other = predict::outcome(spec, seed).map(|o| o.value);
                    if other.as_deref() != Ok(o.value.as_str()) {
                        problems.push(format!("seed {seed} gives {other:?}"));
                    }
                }
                if !problems.is_empty() {
                    let timeline: Vec<String> = o
                        .timeline
                        .iter()
                        .map(|m| {
                            format!(
                                "{} {}",
                                kubetutor::quiz::plain::clock(m.at_ms),
                                kubetutor::quiz::plain::moment(
                                    m,
                                    &spec.observe.as_ref().unwrap().field,
                                    Lang::En
                                )
                            )
                        })
                        .collect();
                    mismatches.push((
                        lesson.path.clone(),
                        spec.id.clone(),
                        format!(
                            "{at} {}: {}; timeline: {}",
                            spec.id,
                            problems.join("; "),
                            timeline.join(", ")
                        ),
                    ));
                }
            }
        }
    }
    assert!(seen >= 50, "only {seen} predict questions found");
    for (id, values) in &by_id {
        let first = normalize(&values[0].1);
        for (lang, v) in values {
            assert_eq!(
                normalize(v),
                first,
                "quiz {id}: the {lang} version shows {v:?}, the other {:?}",
                values[0].1
            );
        }
    }
    let found: Vec<(&str, &str)> = mismatches
        .iter()
        .map(|(p, id, _)| (p.as_str(), id.as_str()))
        .collect();
    let reports: Vec<&str> = mismatches.iter().map(|(_, _, r)| r.as_str()).collect();
    assert_eq!(
        found,
        KNOWN_MISMATCHES,
        "predict questions that disagree with the simulator:\n{}",
        reports.join("\n")
    );
}
