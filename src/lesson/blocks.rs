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
    let value: T = serde_yaml::from_str(&fence.content).map_err(|e| {
        let line = e
            .location()
            .map_or(fence_line, |l| fence.content_line + l.line() - 1);
        vec![Problem::new(line, message_without_location(&e))]
    })?;
    let (value, findings) = check(value);
    if findings.is_empty() {
        return Ok(value);
    }
    Err(findings
        .into_iter()
        .map(|f| {
            let line = key_line(&fence.content, fence.content_line, f.key, !f.nested)
                .unwrap_or(fence_line);
            Problem::new(line, f.message)
        })
        .collect())
}

/// A YAML error's message without the ` at line L column C` (or
/// ` at position N`) parts: the caller reports the line in the file instead.
pub(crate) fn message_without_location(e: &serde_yaml::Error) -> String {
    let mut text = e.to_string();
    for marker in [" at line ", " at position "] {
        while let Some(at) = text.find(marker) {
            let rest = &text[at + marker.len()..];
            let mut end = rest
                .find(|c: char| !c.is_ascii_digit())
                .unwrap_or(rest.len());
            if let Some(col) = rest[end..].strip_prefix(" column ") {
                end +=
                    " column ".len() + col.find(|c: char| !c.is_ascii_digit()).unwrap_or(col.len());
            }
            text.replace_range(at..at + marker.len() + end, "");
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_locations_from_yaml_messages() {
        let e = serde_yaml::from_str::<serde_yaml::Value>("a: [1\n").unwrap_err();
        let m = message_without_location(&e);
        assert!(!m.contains(" at line"), "{m}");
        assert!(!m.is_empty());
        #[derive(serde::Deserialize, Debug)]
        #[allow(dead_code)]
        struct S {
            x: u32,
        }
        let e = serde_yaml::from_str::<S>("x: no\n").unwrap_err();
        assert_eq!(
            message_without_location(&e),
            "x: invalid type: string \"no\", expected u32"
        );
    }
}
