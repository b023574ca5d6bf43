//! A quiz block: its answer key through [`crate::quiz::validate`] (the
//! check the tutor runs before it asks the question), the explanations the
//! course expects, and `predict` questions played on the simulator.

use super::locate::{Block, path};
use super::{Placed, setups};
use crate::lang::Lang;
use crate::quiz::predict::{self, Outcome, SEED};
use crate::quiz::spec::{Observe, QuizKind, QuizSpec};
use crate::quiz::{plain, validate};

/// How many moments of a timeline a message quotes (the first and last).
const TIMELINE_MOMENTS: usize = 6;

pub(super) fn check(spec: &QuizSpec, block: &Block) -> Vec<Placed> {
    let who = format!("quiz `{}`", spec.id);
    let mut found = Vec::new();
    if let Err(e) = validate(spec) {
        found.push(Placed::error(
            block.line(&path(key_named_in(&e.message))),
            format!("{who}: {}", e.message),
        ));
    }
    if matches!(
        spec.kind,
        QuizKind::Choice | QuizKind::Multi | QuizKind::Predict
    ) {
        for (i, c) in spec.choices.iter().enumerate() {
            if blank(c.why.as_deref()) {
                found.push(Placed::warning(
                    block.line(&path(&format!("choices[{i}]"))),
                    format!(
                        "{who}: choice {} ({:?}) has no `why`: a student who picks it gets no explanation",
                        i + 1,
                        c.text.trim()
                    ),
                ));
            }
        }
    }
    if blank(spec.explain.as_deref()) {
        found.push(Placed::warning(
            block.fence_line,
            format!("{who} has no `explain`: nothing is shown once it is answered"),
        ));
    }
    if spec.kind == QuizKind::Predict {
        predict(spec, block, &who, &mut found);
    }
    found
}

fn blank(text: Option<&str>) -> bool {
    text.is_none_or(|t| t.trim().is_empty())
}

/// The key an answer-key message is about (the first one it names), so
/// the finding points at its line; the fence when it names none.
fn key_named_in(message: &str) -> &'static str {
    const KEYS: [(&str, &str); 10] = [
        ("`answer", "answer"),
        ("`items", "items"),
        ("item", "items"),
        ("`accept", "accept"),
        ("accepted answer", "accept"),
        ("`observe", "observe"),
        ("`after", "after"),
        ("`expect", "expect"),
        ("`choices", "choices"),
        ("choice", "choices"),
    ];
    KEYS.iter()
        .filter_map(|(needle, key)| message.find(needle).map(|at| (at, *key)))
        .min_by_key(|(at, _)| *at)
        .map_or("", |(_, key)| key)
}

/// Play the question; `expect` and the choices must agree with the run.
fn predict(spec: &QuizSpec, block: &Block, who: &str, found: &mut Vec<Placed>) {
    if let Some(setup) = &spec.setup {
        let checked = setups::check(setup, block, &path("setup"), &format!("{who}: setup"));
        found.extend(checked.findings);
        if !checked.ok {
            return;
        }
    }
    let Some(observe) = &spec.observe else {
        return;
    };
    let outcome = match predict::outcome(spec, SEED) {
        Ok(o) => o,
        Err(e) => {
            let prefix = format!("quiz '{}': ", spec.id);
            found.push(Placed::error(
                block.line(&path("observe")),
                format!("{who}: {}", e.strip_prefix(&prefix).unwrap_or(&e)),
            ));
            return;
        }
    };
    let after = spec.after.as_deref().unwrap_or("0s").trim();
    let looked = format!("{} after {after}", target(observe));
    match outcome.agrees_with_expect(spec) {
        Some(false) => found.push(Placed::error(
            block.line(&path("expect")),
            format!(
                "{who}: expect is {:?} but the simulator shows {:?} ({looked}; seed {SEED}); timeline: {}",
                spec.expect.as_deref().unwrap_or_default().trim(),
                outcome.value,
                timeline(&outcome, &observe.field)
            ),
        )),
        None => found.push(Placed::warning(
            block.fence_line,
            format!(
                "{who} has no `expect`: lint cannot prove the lesson's expectation (the simulator shows {:?}: {looked})",
                outcome.value
            ),
        )),
        Some(true) => {}
    }
    if outcome.choice.is_none() && !spec.choices.is_empty() {
        let values: Vec<String> = spec
            .choices
            .iter()
            .map(|c| format!("{:?}", c.value()))
            .collect();
        found.push(Placed::error(
            block.line(&path("choices")),
            format!(
                "{who}: no choice stands for {:?}, what the simulator shows ({looked}); the choices' values are {}",
                outcome.value,
                values.join(", ")
            ),
        ));
    }
}

/// `pod crash-demo status`, `pods app=web running`.
fn target(o: &Observe) -> String {
    let named = o
        .target()
        .map(|(kind, name)| format!("{kind} {}", name.trim()));
    format!("{} {}", named.unwrap_or_default(), o.field.trim())
}

/// The run in one line: `0:00.0 Pending · Pending · 0 restarts; ...`.
fn timeline(o: &Outcome, field: &str) -> String {
    plain::timeline(&o.timeline, field, Lang::En, TIMELINE_MOMENTS)
        .iter()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect::<Vec<_>>()
        .join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answer_key_messages_point_at_their_key() {
        assert_eq!(key_named_in("items 1 and 2 are the same text"), "items");
        assert_eq!(
            key_named_in("`answer: 5` is not a choice number: there are 2 choices"),
            "answer"
        );
        assert_eq!(
            key_named_in("a `predict` question needs at least two choices"),
            "choices"
        );
        assert_eq!(key_named_in("something else"), "");
    }
}
