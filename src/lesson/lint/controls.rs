//! Control characters in a lesson (issue #15): an escape sequence in a
//! goal, an id or a title would drive the student's terminal (OSC 52
//! writes the clipboard). Every view sanitizes them away; lint warns so the
//! writer sees what the student will not.
//!
//! Two places hide them: the file's own bytes (line by line), and the
//! values of the blocks and the front matter, where YAML escapes such as
//! `"\e"` or `"\u202e"` put them in without a raw byte in the file.

use super::Placed;
use crate::lesson::model::{Block, Lesson};
use crate::text::is_unsafe;

/// The first character a view would remove from `s` (tabs and line ends
/// are layout, not hidden controls).
fn hidden(s: &str) -> Option<char> {
    s.chars()
        .find(|&c| is_unsafe(c) && !matches!(c, '\n' | '\t' | '\r'))
}

fn message(c: char, place: &str) -> String {
    format!(
        "a control character (U+{:04X}) in {place}: it is removed when shown; write the text without it",
        u32::from(c)
    )
}

/// The first string inside a JSON value holding a hidden character, with
/// its field path.
fn in_value(value: &serde_json::Value, path: &str) -> Option<(String, char)> {
    match value {
        serde_json::Value::String(s) => hidden(s).map(|c| (path.to_string(), c)),
        serde_json::Value::Array(items) => items
            .iter()
            .enumerate()
            .find_map(|(i, v)| in_value(v, &format!("{path}[{i}]"))),
        serde_json::Value::Object(map) => map.iter().find_map(|(k, v)| {
            let at = if path.is_empty() {
                k.clone()
            } else {
                format!("{path}.{k}")
            };
            hidden(k)
                .map(|c| (at.clone(), c))
                .or_else(|| in_value(v, &at))
        }),
        _ => None,
    }
}

pub(super) fn check(lesson: &Lesson, text: &str) -> Vec<Placed> {
    let mut found = Vec::new();
    for (i, line) in text.split('\n').enumerate() {
        if let Some(c) = hidden(line) {
            found.push(Placed::warning(i + 1, message(c, "the lesson text")));
        }
    }
    for (what, value) in [("the lesson id", &lesson.id), ("the title", &lesson.title)] {
        if let Some(c) = hidden(value) {
            found.push(Placed::warning(1, message(c, what)));
        }
    }
    for block in lesson.sections.iter().flat_map(|s| &s.blocks) {
        let (line, kind, value) = match block {
            Block::Quiz(q) => (q.line, "quiz", serde_json::to_value(&q.value)),
            Block::Exercise(e) => (e.line, "exercise", serde_json::to_value(&e.value)),
            Block::Cluster(c) => (c.line, "cluster", serde_json::to_value(&c.value)),
            _ => continue,
        };
        if let Ok(value) = value
            && let Some((field, c)) = in_value(&value, "")
        {
            found.push(Placed::warning(
                line,
                message(c, &format!("the {kind} block's `{field}`")),
            ));
        }
    }
    found
}
