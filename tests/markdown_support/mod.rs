//! Helpers shared by the `markdown_*` integration tests.
#![allow(dead_code)]

use kubetutor::text::{line_width, to_plain};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Text;

pub const PHASES: &str = include_str!("../fixtures/markdown/phases.md");
pub const PROSE: &str = include_str!("../fixtures/markdown/prose.md");
pub const LESSON: &str = include_str!("../fixtures/markdown/lesson.md");

/// The text without styles, every line closed with `|` so trailing spaces
/// and the right edge show in snapshots.
pub fn plain(text: &Text<'_>) -> String {
    to_plain(text).lines().map(|l| format!("{l}|\n")).collect()
}

/// Every span whose style is not the default, as `«style|text»`.
pub fn styled(text: &Text<'_>) -> String {
    let mut out = String::new();
    for line in &text.lines {
        for span in &line.spans {
            if span.style == Style::default() {
                out.push_str(&span.content);
            } else {
                out.push_str(&format!("«{}|{}»", style_name(span.style), span.content));
            }
        }
        out.push('\n');
    }
    out
}

pub fn style_name(style: Style) -> String {
    let mut parts = Vec::new();
    if let Some(fg) = style.fg {
        parts.push(color_name(fg));
    }
    if let Some(bg) = style.bg {
        parts.push(format!("on {}", color_name(bg)));
    }
    let modifiers = style.add_modifier - style.sub_modifier;
    for (flag, name) in [
        (Modifier::BOLD, "bold"),
        (Modifier::DIM, "dim"),
        (Modifier::ITALIC, "italic"),
        (Modifier::UNDERLINED, "underline"),
        (Modifier::REVERSED, "reverse"),
        (Modifier::CROSSED_OUT, "strike"),
    ] {
        if modifiers.contains(flag) {
            parts.push(name.to_string());
        }
    }
    parts.join(" ")
}

fn color_name(c: Color) -> String {
    format!("{c:?}")
}

/// Panics unless every line is at most `width` columns wide.
pub fn assert_fits(text: &Text<'_>, width: usize) {
    for (i, line) in text.lines.iter().enumerate() {
        let w = line_width(line);
        assert!(
            w <= width,
            "line {i} is {w} wide, more than {width}: {line:?}"
        );
    }
}

/// Panics if any control character other than `\n` is in the output.
pub fn assert_no_controls(text: &Text<'_>) {
    for line in &text.lines {
        for span in &line.spans {
            assert!(
                !span.content.contains(|c: char| c.is_control()),
                "control character in {:?}",
                span.content
            );
        }
    }
}

/// The lines as plain strings, trailing spaces trimmed.
pub fn lines(text: &Text<'_>) -> Vec<String> {
    to_plain(text)
        .lines()
        .map(|l| l.trim_end().to_string())
        .collect()
}
