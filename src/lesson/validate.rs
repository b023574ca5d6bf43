//! Checks on a parsed `quiz`, `exercise` or `cluster` block that need no
//! engine: an answer key that exists, enough items, durations that parse.
//! (Proving answers against the simulator is `kubetutor lint`'s work.)
//!
//! Each check returns messages with the key they are about, so the caller can
//! point at the right line of the block.

use crate::duration::parse_millis;
use crate::exercise::spec::{Check, ExerciseSpec};
use crate::quiz::spec::{AnswerKey, AnswerKeyItem, QuizKind, QuizSpec};
use crate::sim::setup::Setup;

/// A problem about `key` (a YAML key of the block; `nested` when it is not a
/// top-level key).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Finding {
    pub key: &'static str,
    pub nested: bool,
    pub message: String,
}

fn finding(key: &'static str, message: impl Into<String>) -> Finding {
    Finding {
        key,
        nested: false,
        message: message.into(),
    }
}

fn nested(key: &'static str, message: impl Into<String>) -> Finding {
    Finding {
        key,
        nested: true,
        message: message.into(),
    }
}

fn blank(s: &str) -> bool {
    s.trim().is_empty()
}

fn duration(key: &'static str, value: &str, nested_key: bool) -> Option<Finding> {
    parse_millis(value).err().map(|e| Finding {
        key,
        nested: nested_key,
        message: format!("{key}: {e}"),
    })
}

/// Check a quiz and turn its `answer:` into `correct` flags (clearing
/// `answer`), so later code reads one form only.
pub(crate) fn quiz(spec: &mut QuizSpec) -> Vec<Finding> {
    let mut out = Vec::new();
    if blank(&spec.id) {
        out.push(finding("id", "`id` is empty"));
    }
    if blank(&spec.question) {
        out.push(finding("question", "`question` is empty"));
    }
    for (i, c) in spec.choices.iter().enumerate() {
        if blank(&c.text) {
            out.push(finding("choices", format!("choice {} has no text", i + 1)));
        }
    }
    if let Some(setup) = &spec.setup {
        out.extend(self::setup(setup));
    }
    let kind = spec.kind.name();
    if spec.kind != QuizKind::Predict {
        for (key, present) in [
            ("observe", spec.observe.is_some()),
            ("after", spec.after.is_some()),
            ("expect", spec.expect.is_some()),
        ] {
            if present {
                out.push(finding(
                    key,
                    format!("`{key}` is only for predict questions, not {kind}"),
                ));
            }
        }
    }
    match spec.kind {
        QuizKind::Choice | QuizKind::Multi => choice_key(spec, &mut out),
        QuizKind::Order => {
            if spec.items.len() < 2 {
                out.push(finding(
                    "items",
                    format!(
                        "an order question needs at least two `items` (found {})",
                        spec.items.len()
                    ),
                ));
            }
        }
        QuizKind::Text => {
            if spec.accept.iter().all(|a| blank(a)) {
                out.push(finding(
                    "accept",
                    "a text question needs at least one accepted answer in `accept`",
                ));
            }
        }
        QuizKind::Predict => predict(spec, &mut out),
    }
    out
}

/// `choice` and `multi`: at least two choices and a consistent answer key.
fn choice_key(spec: &mut QuizSpec, out: &mut Vec<Finding>) {
    let multi = spec.kind == QuizKind::Multi;
    if spec.choices.len() < 2 {
        out.push(finding(
            "choices",
            format!(
                "a {} question needs at least two `choices` (found {})",
                spec.kind.name(),
                spec.choices.len()
            ),
        ));
        return;
    }
    let flagged: Vec<usize> = (0..spec.choices.len())
        .filter(|&i| spec.choices[i].correct)
        .collect();
    let correct = match spec.answer.take() {
        None => flagged,
        Some(key) => {
            let items = match key {
                AnswerKey::Number(n) => vec![AnswerKeyItem::Number(n)],
                AnswerKey::Text(t) => vec![AnswerKeyItem::Text(t)],
                AnswerKey::Many(_) if !multi => {
                    out.push(finding(
                        "answer",
                        "a choice question has one answer: use `kind: multi` for several",
                    ));
                    return;
                }
                AnswerKey::Many(items) => items,
            };
            let mut named = Vec::new();
            for item in &items {
                match find_choice(spec, item) {
                    Ok(i) => named.push(i),
                    Err(message) => out.push(finding("answer", message)),
                }
            }
            if named.len() < items.len() {
                return;
            }
            named.sort_unstable();
            named.dedup();
            if !flagged.is_empty() && flagged != named {
                out.push(finding(
                    "answer",
                    "`answer` and the `correct: true` flags name different choices",
                ));
                return;
            }
            named
        }
    };
    for (i, c) in spec.choices.iter_mut().enumerate() {
        c.correct = correct.contains(&i);
    }
    if multi && correct.is_empty() {
        out.push(finding(
            "choices",
            "a multi question needs at least one correct choice: mark it with `correct: true` or list it in `answer`",
        ));
    } else if !multi && correct.len() != 1 {
        out.push(finding(
            "choices",
            format!(
                "a choice question needs exactly one correct choice (found {}): mark it with `correct: true` or name it in `answer`",
                correct.len()
            ),
        ));
    }
}

/// The index of the choice an answer key item names: its 1-based number, or
/// its text (exactly, else ignoring case).
fn find_choice(spec: &QuizSpec, item: &AnswerKeyItem) -> Result<usize, String> {
    match item {
        AnswerKeyItem::Number(n) => {
            let n = *n as usize;
            if (1..=spec.choices.len()).contains(&n) {
                Ok(n - 1)
            } else {
                Err(format!(
                    "answer {n} is not a choice number: there are {} choices",
                    spec.choices.len()
                ))
            }
        }
        AnswerKeyItem::Text(t) => {
            let t = t.trim();
            spec.choices
                .iter()
                .position(|c| c.text.trim() == t)
                .or_else(|| {
                    spec.choices
                        .iter()
                        .position(|c| c.text.trim().to_lowercase() == t.to_lowercase())
                })
                .ok_or_else(|| format!("answer {t:?} is not one of the choices"))
        }
    }
}

/// `predict`: what to observe and when; the answer comes from the simulator.
fn predict(spec: &QuizSpec, out: &mut Vec<Finding>) {
    match &spec.observe {
        None => out.push(finding(
            "observe",
            "a predict question needs `observe`: what to look at after the wait",
        )),
        Some(o) => {
            let targets = o.target_count();
            if targets != 1 {
                out.push(finding(
                    "observe",
                    format!(
                        "`observe` names {targets} targets: give exactly one of {}",
                        crate::quiz::spec::OBSERVE_TARGETS
                    ),
                ));
            }
            if blank(&o.field) {
                out.push(finding("observe", "`observe` has an empty `field`"));
            }
        }
    }
    match &spec.after {
        None => out.push(finding(
            "after",
            "a predict question needs `after`: how long to wait, like 30s",
        )),
        Some(after) => out.extend(duration("after", after, false)),
    }
    if spec.answer.is_some() || spec.choices.iter().any(|c| c.correct) {
        out.push(finding(
            if spec.answer.is_some() { "answer" } else { "choices" },
            "a predict question takes its answer from the simulator: remove `correct` and `answer` (put the value you expect in `expect`)",
        ));
    }
    if let Some(expect) = &spec.expect
        && !spec.choices.is_empty()
        && !spec.choices.iter().any(|c| c.value() == expect.trim())
    {
        out.push(finding(
            "expect",
            format!("expect {expect:?} is not the value of any choice"),
        ));
    }
}

/// Check an exercise: a goal, a solution, at least one check, durations.
pub(crate) fn exercise(spec: &ExerciseSpec) -> Vec<Finding> {
    let mut out = Vec::new();
    if blank(&spec.id) {
        out.push(finding("id", "`id` is empty"));
    }
    if blank(&spec.goal) {
        out.push(finding("goal", "`goal` is empty"));
    }
    if blank(&spec.solution) {
        out.push(finding(
            "solution",
            "`solution` is empty: give a manifest that passes the checks",
        ));
    }
    if let Some(setup) = &spec.setup {
        out.extend(self::setup(setup));
    }
    if let Some(timeout) = &spec.timeout {
        out.extend(duration("timeout", timeout, false));
    }
    if spec.check.is_empty() {
        out.push(finding("check", "an exercise needs at least one `check`"));
    }
    for check in &spec.check {
        match check {
            Check::Recovery { within, .. } => out.extend(duration("within", within, true)),
            Check::Format(f) if !matches!(f.trim(), "json" | "yaml") => out.push(nested(
                "format",
                format!("format {f:?} is unknown: use json or yaml"),
            )),
            Check::Logs { pod, contains, .. } => {
                if blank(pod) {
                    out.push(nested("pod", "logs: `pod` is empty"));
                }
                if contains.is_empty() {
                    out.push(nested(
                        "contains",
                        "logs: `contains` is empty: every log would match",
                    ));
                }
            }
            Check::Disruption { traffic, run, .. } => {
                if blank(&traffic.service) {
                    out.push(nested("service", "disruption: `traffic.service` is empty"));
                }
                if traffic.rps == 0 {
                    out.push(nested(
                        "rps",
                        "disruption: `traffic.rps` is 0: no request would be sent",
                    ));
                }
                if run.is_empty() {
                    out.push(nested(
                        "run",
                        "disruption: `run` is empty: give the lines to play, like `fault node-down node-1` and `wait 6m`",
                    ));
                }
                for line in run {
                    if let Some(Err(e)) = crate::exercise::disruption::wait_of(line) {
                        out.push(nested("run", format!("disruption: `{line}`: {e}")));
                    }
                }
            }
            _ => {}
        }
    }
    out
}

/// Check a cluster setup: the runtime, when given, is one the simulator has.
pub(crate) fn setup(setup: &Setup) -> Vec<Finding> {
    match setup.runtime.as_deref().map(str::trim) {
        Some(r) if r != "containerd" && r != "dockershim" => vec![nested(
            "runtime",
            format!("runtime {r:?} is unknown: use containerd or dockershim"),
        )],
        _ => Vec::new(),
    }
}
