//! An exercise block, proven the way a student meets it: the solution run
//! by [`crate::exercise::run`] must pass every check, the starter must not.

use super::locate::{Block, path};
use super::{Placed, manifests, setups};
use crate::duration::format_millis;
use crate::exercise::spec::ExerciseSpec;
use crate::exercise::{self, Outcome, Report};
use crate::lang::Lang;
use crate::manifest;
use crate::quiz::predict::SEED;
use crate::sim::setup::Setup;

/// Check one exercise. `section_setup` is its section's `cluster` block,
/// used when the exercise has no `setup`; `section_setup_broken` says that
/// block has errors of its own (reported there), so nothing is run.
pub(super) fn check(
    spec: &ExerciseSpec,
    section_setup: Option<&Setup>,
    section_setup_broken: bool,
    lang: Lang,
    block: &Block,
) -> Vec<Placed> {
    let who = format!("exercise `{}`", spec.id);
    let mut found = Vec::new();
    if let Some(setup) = &spec.setup {
        let checked = setups::check(setup, block, &path("setup"), &format!("{who}: setup"));
        found.extend(checked.findings);
        if !checked.ok {
            return found;
        }
    } else if section_setup_broken {
        return found;
    }
    let solution = exercise::run(spec, section_setup, &spec.solution, lang, SEED);
    solution_findings(spec, &solution, block, &who, &mut found);
    if matches!(solution.outcome, Outcome::SetupFailed(_)) {
        return found;
    }
    let starter = exercise::run(spec, section_setup, &spec.starter, lang, SEED);
    if starter.passed() {
        let labels: Vec<String> = starter
            .checks
            .iter()
            .map(|c| format!("`{}`", c.label(Lang::En)))
            .collect();
        found.push(Placed::error(
            block.line(&path("starter")),
            format!(
                "{who}: the starter already passes every check ({}, after {} of simulated time): the student has nothing to do",
                labels.join(", "),
                format_millis(starter.elapsed_ms)
            ),
        ));
    }
    found
}

fn solution_findings(
    spec: &ExerciseSpec,
    report: &Report,
    block: &Block,
    who: &str,
    found: &mut Vec<Placed>,
) {
    let at = path("solution");
    // The diagnostics again, with the documents they belong to.
    let loaded = manifest::load(&spec.solution);
    found.extend(manifests::placed(
        &loaded,
        block,
        &at,
        &format!("{who}: solution"),
    ));
    match &report.outcome {
        Outcome::Passed | Outcome::Invalid => {}
        Outcome::Rejected => {
            let refused: Vec<&str> = report
                .applied
                .iter()
                .map(String::as_str)
                .filter(|l| !is_applied_line(l))
                .collect();
            found.push(Placed::error(
                block.line(&at),
                format!(
                    "{who}: the API server refuses the solution: {}",
                    refused.join("; ")
                ),
            ));
        }
        Outcome::Failed => {
            let took = format_millis(report.elapsed_ms);
            for (i, c) in report.checks.iter().enumerate() {
                if c.passed() {
                    continue;
                }
                found.push(Placed::error(
                    block.line(&path(&format!("check[{i}]"))),
                    format!(
                        "{who}: the solution fails check {} `{}`: {} (after {took} of simulated time)",
                        i + 1,
                        c.label(Lang::En),
                        c.seen.text(Lang::En)
                    ),
                ));
            }
        }
        Outcome::SetupFailed(e) => found.push(Placed::error(
            block.line(&path("setup")),
            format!("{who}: the exercise's cluster cannot be set up: {e}"),
        )),
    }
}

/// `deployment.apps/web created` and the like: an object the API server took.
fn is_applied_line(line: &str) -> bool {
    let mut words = line.split(' ');
    matches!(
        (words.next(), words.next(), words.next()),
        (Some(name), Some("created" | "configured" | "unchanged"), None) if name.contains('/')
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_applied_objects_from_refusals() {
        assert!(is_applied_line("deployment.apps/web created"));
        assert!(is_applied_line("pod/web unchanged"));
        assert!(!is_applied_line(
            "The Pod \"web\" is invalid: spec.containers: Required value"
        ));
    }
}
