//! The answer key of a question in one shape, whatever way the lesson wrote
//! it: `answer: Failed`, `answer: 2`, `answer: [1, 3]`, or `correct: true` on
//! the choices. An inconsistent or incomplete key is a [`SpecError`], never a
//! panic; the lesson loader reports it with the file and line.

use super::normalize::normalize;
use super::spec::{AnswerKey, AnswerKeyItem, QuizKind, QuizSpec};
use std::collections::BTreeSet;
use std::fmt;

/// What counts as right, with choices as 0-based indices.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Solution {
    /// `choice`: the one right choice.
    Choice(usize),
    /// `multi`: every choice that must be picked (and no other).
    Multi(BTreeSet<usize>),
    /// `order`: how many items there are; the right order is `items` as
    /// written, i.e. indices `0, 1, ..., n-1`.
    Order(usize),
    /// `text`: the accepted answers, normalised.
    Text(Vec<String>),
    /// `predict`: decided at check time by the value the simulator observed.
    Predict,
}

/// A quiz block whose answer key cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpecError {
    pub quiz: String,
    pub message: String,
}

impl fmt::Display for SpecError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "quiz '{}': {}", self.quiz, self.message)
    }
}

impl std::error::Error for SpecError {}

impl Solution {
    /// Read the answer key of `spec`, checking it is complete and consistent.
    pub fn of(spec: &QuizSpec) -> Result<Solution, SpecError> {
        solve(spec).map_err(|message| SpecError {
            quiz: spec.id.clone(),
            message,
        })
    }
}

/// Check a quiz block without keeping its key (for the lesson loader and lint).
pub fn validate(spec: &QuizSpec) -> Result<(), SpecError> {
    Solution::of(spec).map(|_| ())
}

fn solve(spec: &QuizSpec) -> Result<Solution, String> {
    check_fields(spec)?;
    match spec.kind {
        QuizKind::Choice => {
            need_choices(spec)?;
            let keyed = match &spec.answer {
                None => None,
                Some(AnswerKey::Many(list)) if list.len() != 1 => {
                    return Err(format!(
                        "`answer:` lists {} choices but a `choice` question has one right \
                         answer (use `kind: multi` for several)",
                        list.len()
                    ));
                }
                Some(AnswerKey::Many(list)) => Some(item_index(spec, &list[0])?),
                Some(AnswerKey::Number(n)) => Some(number_index(spec, *n)?),
                Some(AnswerKey::Text(t)) => Some(text_index(spec, t)?),
            };
            let flagged = flagged(spec);
            let one = match (keyed, flagged.len()) {
                (None, 0) => return Err(no_answer()),
                (None, 1) => flagged[0],
                (None, n) => {
                    return Err(format!(
                        "{n} choices are marked `correct: true` but a `choice` question has one \
                         right answer (use `kind: multi` for several)"
                    ));
                }
                (Some(k), 0) => k,
                (Some(k), _) if flagged == [k] => k,
                (Some(k), _) => return Err(disagree(&[k], &flagged)),
            };
            Ok(Solution::Choice(one))
        }
        QuizKind::Multi => {
            need_choices(spec)?;
            let keyed: Option<BTreeSet<usize>> = match &spec.answer {
                None => None,
                Some(AnswerKey::Many(list)) => Some(
                    list.iter()
                        .map(|i| item_index(spec, i))
                        .collect::<Result<_, _>>()?,
                ),
                Some(AnswerKey::Number(n)) => Some([number_index(spec, *n)?].into()),
                Some(AnswerKey::Text(t)) => Some([text_index(spec, t)?].into()),
            };
            let flagged: BTreeSet<usize> = flagged(spec).into_iter().collect();
            let set = match keyed {
                None if flagged.is_empty() => return Err(no_answer()),
                None => flagged,
                Some(k) if flagged.is_empty() || flagged == k => k,
                Some(k) => {
                    let k: Vec<usize> = k.into_iter().collect();
                    let f: Vec<usize> = flagged.into_iter().collect();
                    return Err(disagree(&k, &f));
                }
            };
            if set.is_empty() {
                return Err(no_answer());
            }
            Ok(Solution::Multi(set))
        }
        QuizKind::Order => {
            if spec.items.len() < 2 {
                return Err("an `order` question needs at least two `items`".into());
            }
            let mut seen = Vec::new();
            for (i, item) in spec.items.iter().enumerate() {
                let n = normalize(item);
                if n.is_empty() {
                    return Err(format!("item {} is empty", i + 1));
                }
                if let Some(j) = seen.iter().position(|s| *s == n) {
                    return Err(format!(
                        "items {} and {} are the same text; every item must differ",
                        j + 1,
                        i + 1
                    ));
                }
                seen.push(n);
            }
            Ok(Solution::Order(spec.items.len()))
        }
        QuizKind::Text => {
            if spec.accept.is_empty() {
                return Err(
                    "a `text` question needs `accept:` (every accepted answer, in both languages)"
                        .into(),
                );
            }
            let mut accepted = Vec::with_capacity(spec.accept.len());
            for (i, a) in spec.accept.iter().enumerate() {
                let n = normalize(a);
                if n.is_empty() {
                    return Err(format!("accepted answer {} ({a:?}) is empty", i + 1));
                }
                if !accepted.contains(&n) {
                    accepted.push(n);
                }
            }
            Ok(Solution::Text(accepted))
        }
        QuizKind::Predict => {
            need_choices(spec)?;
            if spec.answer.is_some() || spec.choices.iter().any(|c| c.correct) {
                return Err(
                    "a `predict` answer comes from the simulator: remove `answer:` / \
                     `correct: true` (use `expect:` to state what you expect)"
                        .into(),
                );
            }
            let observe = spec
                .observe
                .as_ref()
                .ok_or("a `predict` question needs `observe:` (what to look at after the wait)")?;
            let targets = observe.target_count();
            if targets != 1 {
                return Err(format!(
                    "`observe:` names {targets} targets; give exactly one of {}",
                    crate::quiz::spec::OBSERVE_TARGETS
                ));
            }
            if observe.field.trim().is_empty() {
                return Err("`observe:` needs a `field`".into());
            }
            if let Some(after) = &spec.after {
                crate::duration::parse_millis(after).map_err(|e| format!("`after:` {e}"))?;
            }
            let values: Vec<String> = spec.choices.iter().map(|c| normalize(c.value())).collect();
            for (i, v) in values.iter().enumerate() {
                if let Some(j) = values[..i].iter().position(|w| w == v) {
                    return Err(format!(
                        "choices {} and {} stand for the same value {:?}",
                        j + 1,
                        i + 1,
                        spec.choices[i].value()
                    ));
                }
            }
            if let Some(expect) = &spec.expect
                && !values.contains(&normalize(expect))
            {
                return Err(format!("`expect: {expect}` is not the value of any choice"));
            }
            Ok(Solution::Predict)
        }
    }
}

/// Fields that belong to another kind are mistakes worth naming.
fn check_fields(spec: &QuizSpec) -> Result<(), String> {
    let kind = spec.kind.name();
    let uses_choices = matches!(
        spec.kind,
        QuizKind::Choice | QuizKind::Multi | QuizKind::Predict
    );
    let stray = |field: &str, owner: &str| {
        Err(format!(
            "`{field}:` is for {owner} questions, not `{kind}` (is `kind:` right?)"
        ))
    };
    if !uses_choices && !spec.choices.is_empty() {
        return stray("choices", "choice, multi and predict");
    }
    if !uses_choices && spec.answer.is_some() {
        return stray("answer", "choice and multi");
    }
    if !uses_choices && !spec.shuffle {
        return stray("shuffle", "choice, multi and predict");
    }
    if spec.kind != QuizKind::Order && !spec.items.is_empty() {
        return stray("items", "order");
    }
    if spec.kind != QuizKind::Text && !spec.accept.is_empty() {
        return stray("accept", "text");
    }
    if spec.kind != QuizKind::Predict {
        for (field, present) in [
            ("observe", spec.observe.is_some()),
            ("after", spec.after.is_some()),
            ("expect", spec.expect.is_some()),
            ("setup", spec.setup.is_some()),
        ] {
            if present {
                return stray(field, "predict");
            }
        }
    }
    Ok(())
}

fn need_choices(spec: &QuizSpec) -> Result<(), String> {
    match spec.choices.len() {
        0 => Err(format!(
            "a `{}` question needs `choices:`",
            spec.kind.name()
        )),
        1 => Err(format!(
            "a `{}` question needs at least two choices",
            spec.kind.name()
        )),
        _ => Ok(()),
    }
}

fn flagged(spec: &QuizSpec) -> Vec<usize> {
    (0..spec.choices.len())
        .filter(|&i| spec.choices[i].correct)
        .collect()
}

fn no_answer() -> String {
    "no right answer: mark a choice `correct: true` or name it in `answer:`".into()
}

fn numbers(indices: &[usize]) -> String {
    let list: Vec<String> = indices.iter().map(|i| (i + 1).to_string()).collect();
    list.join(", ")
}

fn disagree(keyed: &[usize], flagged: &[usize]) -> String {
    format!(
        "`answer:` names choice {} but `correct: true` marks choice {}; keep one of them",
        numbers(keyed),
        numbers(flagged)
    )
}

fn item_index(spec: &QuizSpec, item: &AnswerKeyItem) -> Result<usize, String> {
    match item {
        AnswerKeyItem::Number(n) => number_index(spec, *n),
        AnswerKeyItem::Text(t) => text_index(spec, t),
    }
}

fn number_index(spec: &QuizSpec, n: u32) -> Result<usize, String> {
    let len = spec.choices.len();
    let i = usize::try_from(n).unwrap_or(usize::MAX);
    if i == 0 || i > len {
        return Err(format!(
            "`answer: {n}` is not a choice number: there are {len} choices, numbered 1 to {len}"
        ));
    }
    Ok(i - 1)
}

/// A choice named by its text: exact text first, then the normalised form;
/// a text that names no choice but is a number is read as one.
fn text_index(spec: &QuizSpec, text: &str) -> Result<usize, String> {
    if let Some(i) = spec
        .choices
        .iter()
        .position(|c| c.text.trim() == text.trim())
    {
        return Ok(i);
    }
    let wanted = normalize(text);
    let hits: Vec<usize> = (0..spec.choices.len())
        .filter(|&i| normalize(&spec.choices[i].text) == wanted)
        .collect();
    match hits.as_slice() {
        [i] => Ok(*i),
        [] => match text.trim().parse::<u32>() {
            Ok(n) => number_index(spec, n),
            Err(_) => Err(format!("`answer: {text}` matches no choice's text")),
        },
        many => Err(format!(
            "`answer: {text}` matches choices {}; name one by its number",
            numbers(many)
        )),
    }
}
