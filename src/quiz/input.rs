//! Reading what a student types in the plain-text mode into a [`Response`].
//!
//! - `choice`, `predict`: a number (`2`, `２`, `2.`, `2번`) or a choice's text
//!   in any case or width (`failed`, `ＦＡＩＬＥＤ`). A number always means a
//!   choice's number, even when a choice's text is a number too (a `predict`
//!   question about a replica count): the plain mode shows numbered choices.
//! - `multi`: numbers separated by commas or spaces (`1,3`, `1 3`, `1, 3`),
//!   or choice texts separated by commas (`etcd, kubelet`).
//! - `order`: the shown positions in the right order (`3 1 2`, `3,1,2`,
//!   `3 > 1 > 2`, or `312` for up to nine items), or the items' texts
//!   separated by commas or arrows.
//! - `text`: anything not blank.
//!
//! Input that cannot be understood is an [`InputError`] with a message in
//! the course language.

use super::check::Response;
use super::normalize::normalize;
use super::spec::{QuizKind, QuizSpec};
use crate::lang::Lang;
use std::collections::BTreeSet;
use std::fmt;
use unicode_normalization::UnicodeNormalization;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputError {
    Empty,
    /// A choice number out of range (1-based as typed).
    NoSuchChoice {
        number: usize,
        count: usize,
    },
    /// Text that is neither a number nor a choice's text.
    UnknownChoice {
        text: String,
        count: usize,
    },
    /// Text equal to several choices (1-based numbers).
    AmbiguousChoice {
        text: String,
        choices: Vec<usize>,
    },
    /// Several choices for a one-answer question.
    OneChoiceOnly {
        count: usize,
    },
    /// An `order` position out of range (1-based as typed).
    NoSuchPosition {
        number: usize,
        count: usize,
    },
    /// An `order` answer that leaves items out or repeats them (1-based).
    OrderIncomplete {
        count: usize,
        missing: Vec<usize>,
        repeated: Vec<usize>,
    },
    /// Text that is not one of the `order` items.
    UnknownItem {
        text: String,
    },
}

fn list(numbers: &[usize]) -> String {
    numbers
        .iter()
        .map(usize::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

impl InputError {
    /// The message to show, in the course language.
    pub fn message(&self, lang: Lang) -> String {
        use InputError::*;
        match (self, lang) {
            (Empty, Lang::En) => "Type an answer.".into(),
            (Empty, Lang::Ko) => "답을 입력하세요.".into(),
            (NoSuchChoice { number, count }, Lang::En) => {
                format!("There is no choice {number}: type a number from 1 to {count}.")
            }
            (NoSuchChoice { number, count }, Lang::Ko) => {
                format!("{number}번 보기는 없습니다. 1부터 {count} 사이의 번호를 입력하세요.")
            }
            (UnknownChoice { text, count }, Lang::En) => format!(
                "\"{text}\" is not one of the choices: type its number (1 to {count}) or its text."
            ),
            (UnknownChoice { text, count }, Lang::Ko) => format!(
                "\"{text}\"에 해당하는 보기가 없습니다. 보기의 번호(1~{count})나 글을 입력하세요."
            ),
            (AmbiguousChoice { text, choices }, Lang::En) => format!(
                "\"{text}\" matches choices {}: type the number instead.",
                list(choices)
            ),
            (AmbiguousChoice { text, choices }, Lang::Ko) => format!(
                "\"{text}\"는 여러 보기({})와 같습니다. 번호로 입력하세요.",
                list(choices)
            ),
            (OneChoiceOnly { count }, Lang::En) => {
                format!("Pick one choice only: type a single number from 1 to {count}.")
            }
            (OneChoiceOnly { count }, Lang::Ko) => {
                format!("보기를 하나만 고르세요. 1부터 {count} 사이의 번호 하나를 입력하세요.")
            }
            (NoSuchPosition { number, count }, Lang::En) => {
                format!("There is no item {number}: the items are numbered 1 to {count}.")
            }
            (NoSuchPosition { number, count }, Lang::Ko) => {
                format!("{number}번 항목은 없습니다. 항목 번호는 1부터 {count}까지입니다.")
            }
            (
                OrderIncomplete {
                    count,
                    missing,
                    repeated,
                },
                lang,
            ) => {
                let example = (1..=*count)
                    .rev()
                    .map(|n| n.to_string())
                    .collect::<Vec<_>>()
                    .join(" ");
                let mut parts = Vec::new();
                match lang {
                    Lang::En => {
                        if !missing.is_empty() {
                            parts.push(format!("missing {}", list(missing)));
                        }
                        if !repeated.is_empty() {
                            parts.push(format!("repeated {}", list(repeated)));
                        }
                        format!(
                            "Give every item from 1 to {count} once, in your order \
                             (like \"{example}\"): {}.",
                            parts.join("; ")
                        )
                    }
                    Lang::Ko => {
                        if !missing.is_empty() {
                            parts.push(format!("빠진 번호 {}", list(missing)));
                        }
                        if !repeated.is_empty() {
                            parts.push(format!("중복된 번호 {}", list(repeated)));
                        }
                        format!(
                            "1부터 {count}까지 모든 항목 번호를 한 번씩 순서대로 입력하세요 \
                             (예: \"{example}\"). {}.",
                            parts.join(", ")
                        )
                    }
                }
            }
            (UnknownItem { text }, Lang::En) => format!(
                "\"{text}\" is not one of the items: type the item numbers in your order, \
                 like \"3 1 2\"."
            ),
            (UnknownItem { text }, Lang::Ko) => format!(
                "\"{text}\"에 해당하는 항목이 없습니다. 항목 번호를 순서대로 입력하세요 \
                 (예: \"3 1 2\")."
            ),
        }
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for InputError {}

/// Read `input` for `spec`. `shown` is the shown order of what the
/// question lists: an `order` question's items (see
/// [`super::shuffle::shown_order`]) or the choices (see
/// [`super::shuffle::choice_order`]); numbers typed by the student are
/// positions in it. An empty `shown` is the lesson's own order. The
/// response always names choices and items by their index in the lesson.
pub fn parse_response(
    spec: &QuizSpec,
    shown: &[usize],
    input: &str,
) -> Result<Response, InputError> {
    let wide: String = input.nfkc().collect();
    let text = wide.trim();
    if normalize(text).is_empty() {
        return Err(InputError::Empty);
    }
    match spec.kind {
        QuizKind::Choice | QuizKind::Predict => one_choice(spec, shown, text),
        QuizKind::Multi => many_choices(spec, shown, text),
        QuizKind::Order => ordering(spec, shown, text),
        QuizKind::Text => Ok(Response::Text(input.trim().to_string())),
    }
}

/// A number as typed: `2`, `2.`, `2)`, `2번`.
fn as_number(token: &str) -> Option<usize> {
    let t = token.trim();
    let t = t
        .strip_suffix('번')
        .or_else(|| t.strip_suffix('.'))
        .or_else(|| t.strip_suffix(')'))
        .unwrap_or(t)
        .trim();
    if t.is_empty() || !t.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    t.parse().ok()
}

fn choice_by_text(
    spec: &QuizSpec,
    shown: &[usize],
    text: &str,
) -> Result<Option<usize>, InputError> {
    let wanted = normalize(text);
    let hits: Vec<usize> = (0..spec.choices.len())
        .filter(|&i| normalize(&spec.choices[i].text) == wanted)
        .collect();
    match hits.as_slice() {
        [] => Ok(None),
        [i] => Ok(Some(*i)),
        many => {
            // Several normalise alike: an exact spelling still decides.
            match many.iter().find(|&&i| spec.choices[i].text.trim() == text) {
                Some(&i) => Ok(Some(i)),
                None => Err(InputError::AmbiguousChoice {
                    text: text.to_string(),
                    choices: {
                        let mut n: Vec<usize> = many
                            .iter()
                            .map(|&i| super::shuffle::position_of(shown, i) + 1)
                            .collect();
                        n.sort_unstable();
                        n
                    },
                }),
            }
        }
    }
}

/// The choice shown with `number` (1-based).
fn choice_number(spec: &QuizSpec, shown: &[usize], number: usize) -> Result<usize, InputError> {
    let count = spec.choices.len();
    if number == 0 || number > count {
        return Err(InputError::NoSuchChoice { number, count });
    }
    Ok(super::shuffle::index_at(shown, number - 1))
}

fn split(text: &str, on_space: bool) -> Vec<&str> {
    text.split(|c: char| matches!(c, ',' | ';' | '、' | '·') || (on_space && c.is_whitespace()))
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .collect()
}

fn one_choice(spec: &QuizSpec, shown: &[usize], text: &str) -> Result<Response, InputError> {
    if let Some(n) = as_number(text) {
        return choice_number(spec, shown, n).map(Response::Choice);
    }
    if let Some(i) = choice_by_text(spec, shown, text)? {
        return Ok(Response::Choice(i));
    }
    let tokens = split(text, true);
    if tokens.len() > 1 && tokens.iter().all(|t| as_number(t).is_some()) {
        return Err(InputError::OneChoiceOnly {
            count: spec.choices.len(),
        });
    }
    Err(InputError::UnknownChoice {
        text: text.to_string(),
        count: spec.choices.len(),
    })
}

fn many_choices(spec: &QuizSpec, shown: &[usize], text: &str) -> Result<Response, InputError> {
    if let Some(i) = choice_by_text(spec, shown, text)? {
        return Ok(Response::Multi([i].into()));
    }
    let spaced = split(text, true);
    let tokens = if spaced.iter().all(|t| as_number(t).is_some()) {
        spaced
    } else {
        split(text, false)
    };
    let mut set = BTreeSet::new();
    for token in tokens {
        let index = match as_number(token) {
            Some(n) => choice_number(spec, shown, n)?,
            None => {
                choice_by_text(spec, shown, token)?.ok_or_else(|| InputError::UnknownChoice {
                    text: token.to_string(),
                    count: spec.choices.len(),
                })?
            }
        };
        set.insert(index);
    }
    if set.is_empty() {
        return Err(InputError::Empty);
    }
    Ok(Response::Multi(set))
}

fn ordering(spec: &QuizSpec, shown: &[usize], text: &str) -> Result<Response, InputError> {
    let count = spec.items.len();
    let arrows = text.replace("->", ">").replace('→', ">");
    let spaced: Vec<&str> = arrows
        .split(|c: char| matches!(c, ',' | ';' | '、' | '>') || c.is_whitespace())
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .collect();
    if spaced.iter().all(|t| as_number(t).is_some()) {
        let mut positions: Vec<usize> = spaced.iter().filter_map(|t| as_number(t)).collect();
        // `312`: one digit per item, for up to nine items.
        if positions.len() == 1 && count <= 9 && spaced[0].len() == count && count > 1 {
            positions = spaced[0].bytes().map(|b| usize::from(b - b'0')).collect();
        }
        return by_position(shown, count, &positions);
    }
    let mut order = Vec::new();
    for token in arrows.split([',', ';', '、', '>']).map(str::trim) {
        if token.is_empty() {
            continue;
        }
        let wanted = normalize(token);
        match spec.items.iter().position(|item| normalize(item) == wanted) {
            Some(i) => order.push(i),
            None => {
                return Err(InputError::UnknownItem {
                    text: token.to_string(),
                });
            }
        }
    }
    // Texts are checked like positions, in the lesson's own numbering.
    let identity: Vec<usize> = (0..count).collect();
    let positions: Vec<usize> = order.iter().map(|i| i + 1).collect();
    by_position(&identity, count, &positions)
}

/// 1-based positions in the shown order → indices into `items`.
fn by_position(shown: &[usize], count: usize, positions: &[usize]) -> Result<Response, InputError> {
    let mut times = vec![0usize; count];
    for &p in positions {
        if p == 0 || p > count {
            return Err(InputError::NoSuchPosition { number: p, count });
        }
        times[p - 1] += 1;
    }
    let missing: Vec<usize> = (1..=count).filter(|p| times[p - 1] == 0).collect();
    let repeated: Vec<usize> = (1..=count).filter(|p| times[p - 1] > 1).collect();
    if !missing.is_empty() || !repeated.is_empty() {
        return Err(InputError::OrderIncomplete {
            count,
            missing,
            repeated,
        });
    }
    let order = positions
        .iter()
        .map(|p| shown.get(p - 1).copied().unwrap_or(p - 1))
        .collect();
    Ok(Response::Order(order))
}
