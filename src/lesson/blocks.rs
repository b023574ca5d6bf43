//! The YAML inside a `quiz`, `exercise` or `cluster` fence, parsed into its
//! typed spec and checked; a block that fails becomes `Block::Invalid` and
//! its problems carry the file line where each one is.

use super::model::{Block, Located};
use super::scan::{Fence, FenceKind};
use super::source::{Problem, key_line};
use super::validate::{self, Finding};
use serde::de::DeserializeOwned;

/// Parse one fenced block. `fence_line` is the file line of the opening fence.
pub(crate) fn parse(fence: &Fence, fence_line: usize) -> (Block, Vec<Problem>) {
    let kind = fence.kind;
    let problems = if !fence.closed {
        vec![Problem::new(
            fence_line,
            "the block has no closing fence: it runs to the end of the lesson",
        )]
    } else if fence.content.trim().is_empty() {
        vec![Problem::new(fence_line, "the block is empty")]
    } else {
        match kind {
            FenceKind::Quiz => match typed(fence, fence_line, |mut q| {
                let f = validate::quiz(&mut q);
                (q, f)
            }) {
                Ok(value) => {
                    return (
                        Block::Quiz(Box::new(Located {
                            line: fence_line,
                            value,
                        })),
                        vec![],
                    );
                }
                Err(p) => p,
            },
            FenceKind::Exercise => match typed(fence, fence_line, |e| {
                let f = validate::exercise(&e);
                (e, f)
            }) {
                Ok(value) => {
                    return (
                        Block::Exercise(Box::new(Located {
                            line: fence_line,
                            value,
                        })),
                        vec![],
                    );
                }
                Err(p) => p,
            },
            FenceKind::Cluster => match typed(fence, fence_line, |s| {
                let f = validate::setup(&s);
                (s, f)
            }) {
                Ok(value) => {
                    return (
                        Block::Cluster(Box::new(Located {
                            line: fence_line,
                            value,
                        })),
                        vec![],
                    );
                }
                Err(p) => p,
            },
        }
    };
    let problems: Vec<Problem> = problems
        .into_iter()
        .map(|p| Problem::new(p.line, format!("{}: {}", kind.name(), p.message)))
        .collect();
    let first = &problems[0];
    let prefix = format!("{}: ", kind.name());
    let block = Block::Invalid {
        line: first.line,
        info: kind.name().to_string(),
        message: problems
            .iter()
            .map(|p| p.message.strip_prefix(&prefix).unwrap_or(&p.message))
            .collect::<Vec<_>>()
            .join("; "),
    };
    (block, problems)
}

/// Deserialize the block and run its checks; problems carry file lines.
fn typed<T: DeserializeOwned>(
    fence: &Fence,
    fence_line: usize,
    check: impl FnOnce(T) -> (T, Vec<Finding>),
) -> Result<T, Vec<Problem>> {
    if let Err(deep) = crate::yaml_nesting::check(&fence.content) {
        return Err(vec![Problem::new(
            fence.content_line + deep.line - 1,
            deep.message,
        )]);
    }
    let value: T = serde_yaml::from_str(&fence.content).map_err(|e| {
        let line = e
            .location()
            .map_or(fence_line, |l| fence.content_line + l.line() - 1);
        let to_file = |l: usize| fence.content_line + l - 1;
        vec![Problem::new(line, message_without_location(&e, to_file))]
    })?;
    let (value, findings) = check(value);
    if findings.is_empty() {
        return Ok(value);
    }
    let mut problems: Vec<Problem> = findings
        .into_iter()
        .map(|f| {
            let line = key_line(&fence.content, fence.content_line, f.key, !f.nested)
                .unwrap_or(fence_line);
            Problem::new(line, f.message)
        })
        .collect();
    problems.sort_by_key(|p| p.line);
    Err(problems)
}

/// A YAML error's message without its ` at line L column C` (or ` at
/// position N`) parts: the caller reports the first location as the file
/// line. A second location (libyaml's "while scanning ... at line L") is
/// kept, as a file line: `to_file_line` maps a 1-based line of the YAML text.
pub(crate) fn message_without_location(
    e: &serde_yaml::Error,
    to_file_line: impl Fn(usize) -> usize,
) -> String {
    let text = e.to_string();
    let mut out = String::new();
    let mut rest = text.as_str();
    let mut seen = 0;
    loop {
        let next = [" at line ", " at position "]
            .iter()
            .filter_map(|m| rest.find(m).map(|at| (at, *m)))
            .min();
        let Some((at, marker)) = next else { break };
        out.push_str(&rest[..at]);
        let after = &rest[at + marker.len()..];
        let digits = after
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(after.len());
        let number: Option<usize> = after[..digits].parse().ok();
        let mut consumed = digits;
        if let Some(col) = after[digits..].strip_prefix(" column ") {
            consumed +=
                " column ".len() + col.find(|c: char| !c.is_ascii_digit()).unwrap_or(col.len());
        }
        if number.is_none() {
            out.push_str(marker);
        } else if seen > 0 && marker == " at line " {
            out.push_str(&format!(" at line {}", to_file_line(number.unwrap_or(1))));
        }
        seen += 1;
        rest = &after[consumed..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_a_second_location_as_a_file_line() {
        let e = serde_yaml::from_str::<serde_yaml::Value>("a: 1\nb: \"open\nc: 2\n").unwrap_err();
        let m = message_without_location(&e, |l| l + 10);
        assert!(
            m.ends_with("while scanning a quoted scalar at line 12"),
            "{m}"
        );
    }

    #[test]
    fn strips_locations_from_yaml_messages() {
        let e = serde_yaml::from_str::<serde_yaml::Value>("a: [1\n").unwrap_err();
        assert_eq!(
            message_without_location(&e, |l| l + 10),
            "did not find expected ',' or ']', while parsing a flow sequence at line 11"
        );
        #[derive(serde::Deserialize, Debug)]
        #[allow(dead_code)]
        struct S {
            x: u32,
        }
        let e = serde_yaml::from_str::<S>("x: no\n").unwrap_err();
        assert_eq!(
            message_without_location(&e, |l| l),
            "x: invalid type: string \"no\", expected u32"
        );
    }
}
