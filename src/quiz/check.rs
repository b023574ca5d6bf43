//! Checking one response against a question's key.
//!
//! Choices and `order` items are 0-based indices into the spec's `choices`
//! and `items`. A response that does not fit the question (wrong kind, a
//! choice that does not exist, a repeated item) is a [`CheckError`]: the
//! caller asks again, and no try is spent.

use super::key::{Solution, SpecError};
use super::normalize::normalize;
use super::spec::{QuizKind, QuizSpec};
use std::collections::BTreeSet;
use std::fmt;

/// What the student answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Response {
    /// `choice` and `predict`: the picked choice.
    Choice(usize),
    /// `multi`: every picked choice.
    Multi(BTreeSet<usize>),
    /// `order`: indices into `items`, in the order the student put them.
    Order(Vec<usize>),
    /// `text`: what was typed.
    Text(String),
}

impl Response {
    fn name(&self) -> &'static str {
        match self {
            Response::Choice(_) => "one choice",
            Response::Multi(_) => "a set of choices",
            Response::Order(_) => "an ordering",
            Response::Text(_) => "text",
        }
    }
}

/// The right answer, to show once the question is answered or revealed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    Choice(usize),
    Multi(Vec<usize>),
    /// `items` as written in the lesson.
    Order,
    /// The first accepted answer, as written.
    Text(String),
    /// `predict`: what the simulator showed, and the choice that stands for
    /// it (none if no choice does: the lesson should be fixed, lint says so).
    Observed {
        value: String,
        choice: Option<usize>,
    },
}

impl Answer {
    /// The answer in words: `2. Failed`, `1. etcd; 3. kubelet`,
    /// `dev → staging → prod`, `etcd`, with choices numbered in the
    /// lesson's order.
    pub fn describe(&self, spec: &QuizSpec) -> String {
        self.describe_shown(spec, &[])
    }

    /// [`Answer::describe`] with choices numbered as they are shown
    /// (`shown[p]` is the choice shown at position `p`; see
    /// [`super::shuffle::choice_order`]).
    pub fn describe_shown(&self, spec: &QuizSpec, shown: &[usize]) -> String {
        let number = |i: usize| super::shuffle::position_of(shown, i) + 1;
        let choice = |i: usize| match spec.choices.get(i) {
            Some(c) => format!("{}. {}", number(i), c.text),
            None => format!("{}", number(i)),
        };
        match self {
            Answer::Choice(i) => choice(*i),
            Answer::Multi(list) => {
                let mut list = list.clone();
                list.sort_by_key(|&i| number(i));
                list.iter()
                    .map(|&i| choice(i))
                    .collect::<Vec<_>>()
                    .join("; ")
            }
            Answer::Order => spec.items.join(" → "),
            Answer::Text(t) => t.clone(),
            Answer::Observed {
                choice: Some(i), ..
            } => choice(*i),
            Answer::Observed { value, .. } => value.clone(),
        }
    }
}

/// A picked choice and what the lesson says about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picked {
    pub choice: usize,
    /// Whether this choice belongs to the right answer.
    pub correct: bool,
    pub why: Option<String>,
}

/// The result of checking one response.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checked {
    pub correct: bool,
    /// Choice kinds: each picked choice, in index order.
    pub picked: Vec<Picked>,
    /// `order`: how many items are in their right place.
    pub in_place: Option<usize>,
    pub answer: Answer,
}

/// Why a response could not be checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CheckError {
    /// The question's own key is broken.
    Spec(SpecError),
    /// The response is of another kind than the question.
    WrongKind {
        kind: QuizKind,
        response: &'static str,
    },
    /// A choice index past the end.
    NoSuchChoice { index: usize, count: usize },
    /// An `order` response that is not each item exactly once.
    NotAPermutation { count: usize },
    /// Nothing picked or typed.
    Empty,
    /// A `predict` question checked before the simulator supplied its value.
    NeedsObservation,
    /// The question was already answered or revealed.
    Finished,
}

impl fmt::Display for CheckError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CheckError::Spec(e) => e.fmt(f),
            CheckError::WrongKind { kind, response } => {
                write!(f, "a `{}` question cannot take {response}", kind.name())
            }
            CheckError::NoSuchChoice { index, count } => write!(
                f,
                "there is no choice {}: the choices are numbered 1 to {count}",
                index + 1
            ),
            CheckError::NotAPermutation { count } => {
                write!(f, "use each item from 1 to {count} exactly once")
            }
            CheckError::Empty => f.write_str("nothing was answered"),
            CheckError::NeedsObservation => {
                f.write_str("the simulator has not played this scenario out yet")
            }
            CheckError::Finished => f.write_str("this question is already answered"),
        }
    }
}

impl std::error::Error for CheckError {}

/// Check `response` against `spec`. `observed` is the simulator's value for
/// a `predict` question (ignored by other kinds).
pub fn check_answer(
    spec: &QuizSpec,
    response: &Response,
    observed: Option<&str>,
) -> Result<Checked, CheckError> {
    let solution = Solution::of(spec).map_err(CheckError::Spec)?;
    check(spec, &solution, response, observed)
}

/// [`check_answer`] with the key already read (a [`QuizAttempt`] keeps it).
///
/// [`QuizAttempt`]: super::attempt::QuizAttempt
pub fn check(
    spec: &QuizSpec,
    solution: &Solution,
    response: &Response,
    observed: Option<&str>,
) -> Result<Checked, CheckError> {
    let count = spec.choices.len();
    let wrong_kind = || CheckError::WrongKind {
        kind: spec.kind,
        response: response.name(),
    };
    let in_range = |i: usize| {
        if i < count {
            Ok(i)
        } else {
            Err(CheckError::NoSuchChoice { index: i, count })
        }
    };
    let picked = |indices: &[usize], right: &dyn Fn(usize) -> bool| -> Vec<Picked> {
        indices
            .iter()
            .map(|&i| Picked {
                choice: i,
                correct: right(i),
                why: spec.choices.get(i).and_then(|c| c.why.clone()),
            })
            .collect()
    };
    match (solution, response) {
        (Solution::Choice(right), Response::Choice(i)) => {
            let i = in_range(*i)?;
            Ok(Checked {
                correct: i == *right,
                picked: picked(&[i], &|c| c == *right),
                in_place: None,
                answer: Answer::Choice(*right),
            })
        }
        (Solution::Multi(right), Response::Multi(set)) => {
            if set.is_empty() {
                return Err(CheckError::Empty);
            }
            for &i in set {
                in_range(i)?;
            }
            let list: Vec<usize> = set.iter().copied().collect();
            Ok(Checked {
                correct: set == right,
                picked: picked(&list, &|c| right.contains(&c)),
                in_place: None,
                answer: Answer::Multi(right.iter().copied().collect()),
            })
        }
        (Solution::Order(n), Response::Order(order)) => {
            let mut seen = vec![false; *n];
            if order.len() != *n {
                return Err(CheckError::NotAPermutation { count: *n });
            }
            for &i in order {
                match seen.get_mut(i) {
                    Some(s) if !*s => *s = true,
                    _ => return Err(CheckError::NotAPermutation { count: *n }),
                }
            }
            let in_place = order.iter().enumerate().filter(|(p, i)| p == *i).count();
            Ok(Checked {
                correct: in_place == *n,
                picked: Vec::new(),
                in_place: Some(in_place),
                answer: Answer::Order,
            })
        }
        (Solution::Text(accepted), Response::Text(typed)) => {
            let typed = normalize(typed);
            if typed.is_empty() {
                return Err(CheckError::Empty);
            }
            let shown = spec.accept.first().cloned().unwrap_or_default();
            Ok(Checked {
                correct: accepted.contains(&typed),
                picked: Vec::new(),
                in_place: None,
                answer: Answer::Text(shown),
            })
        }
        (Solution::Predict, Response::Choice(i)) => {
            let i = in_range(*i)?;
            let answer = observed_answer(spec, observed)?;
            let right = match answer {
                Answer::Observed { choice, .. } => choice,
                _ => None,
            };
            Ok(Checked {
                correct: right == Some(i),
                picked: picked(&[i], &|c| right == Some(c)),
                in_place: None,
                answer,
            })
        }
        _ => Err(wrong_kind()),
    }
}

/// The right answer without a response (for "show me the answer").
pub fn answer_of(
    spec: &QuizSpec,
    solution: &Solution,
    observed: Option<&str>,
) -> Result<Answer, CheckError> {
    Ok(match solution {
        Solution::Choice(i) => Answer::Choice(*i),
        Solution::Multi(set) => Answer::Multi(set.iter().copied().collect()),
        Solution::Order(_) => Answer::Order,
        Solution::Text(_) => Answer::Text(spec.accept.first().cloned().unwrap_or_default()),
        Solution::Predict => observed_answer(spec, observed)?,
    })
}

/// `predict`: the observed value and the choice whose value it is.
fn observed_answer(spec: &QuizSpec, observed: Option<&str>) -> Result<Answer, CheckError> {
    let value = observed.ok_or(CheckError::NeedsObservation)?;
    let wanted = normalize(value);
    Ok(Answer::Observed {
        value: value.to_string(),
        choice: spec
            .choices
            .iter()
            .position(|c| normalize(c.value()) == wanted),
    })
}
