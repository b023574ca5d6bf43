//! Fenced and indented code blocks: highlighted, framed, wrapped.
//!
//! The frame is as wide as the longest line (or the language label), up to
//! the available width. Long lines *wrap* rather than being cut: a student
//! must be able to read a whole manifest line. They break at spaces where
//! they can (a longer token is broken between graphemes), and every
//! continuation row starts with a dim `↪ ` so it is never mistaken for a
//! line of its own. Below 6 columns there is no room for a frame: the code is
//! wrapped to the width as it is.

use super::frame::{self, FRAME_EXTRA};
use super::highlight::{Language, guess, highlight_each};
use super::inline::Spans;
use super::theme::Theme;
use crate::text::{sanitize, width, wrap_spans};
use ratatui::text::Span;

/// Marks the continuation of a wrapped code line.
pub(crate) const CONTINUATION: &str = "↪ ";

/// The narrowest inner width that still gets a continuation marker.
const MIN_INNER_FOR_MARKER: usize = 8;

/// The narrowest width that gets a frame.
const MIN_FRAMED: usize = FRAME_EXTRA + 2;

#[cfg(test)]
pub(crate) fn render_code(code: &str, info: &str, avail: usize, theme: &Theme) -> Vec<Spans> {
    let mut out = Vec::new();
    render_code_into(code, info, avail, theme, &mut |line| out.push(line));
    out
}

/// [`render_code`], each line handed to `out` as it is laid out: the frame's
/// width comes from one pass over the text (highlighting keeps the text as
/// it is), then each line is highlighted, wrapped and framed in turn.
pub(crate) fn render_code_into(
    code: &str,
    info: &str,
    avail: usize,
    theme: &Theme,
    out: &mut dyn FnMut(Spans),
) {
    let code = sanitize(code);
    let code = code.strip_suffix('\n').unwrap_or(&code);
    let info = sanitize(info);
    let label = info.split_whitespace().next().unwrap_or("");
    // A fence without a language (common in study notes) gets a guess.
    let language = if label.is_empty() {
        guess(code)
    } else {
        Language::from_info(label)
    };
    if avail < MIN_FRAMED {
        let mut any = false;
        highlight_each(code, language, theme, &mut |row| {
            any = true;
            wrap_spans(&row, avail, avail)
                .into_iter()
                .for_each(&mut *out);
        });
        if !any {
            wrap_spans(&[], avail, avail)
                .into_iter()
                .for_each(&mut *out);
        }
        return;
    }
    let natural = code.lines().map(width).max().unwrap_or(0);
    // Room for the label and one rule character after it, when there is.
    let label_room = if label.is_empty() {
        0
    } else {
        width(label) + 2
    };
    let inner = natural.max(label_room).clamp(1, avail - FRAME_EXTRA);
    let title = (!label.is_empty()).then_some((label, theme.code_label));
    out(frame::top(inner, title, theme.code_frame));
    let mut any = false;
    highlight_each(code, language, theme, &mut |row| {
        any = true;
        for line in wrap_row(row, inner, theme) {
            out(frame::side(line, inner, theme.code_frame));
        }
    });
    if !any {
        out(frame::side(Vec::new(), inner, theme.code_frame));
    }
    out(frame::bottom(inner, theme.code_frame));
}

fn wrap_row(row: Spans, inner: usize, theme: &Theme) -> Vec<Spans> {
    if spans_width(&row) <= inner {
        return vec![row];
    }
    let marker = inner >= MIN_INNER_FOR_MARKER;
    let rest = if marker {
        inner - width(CONTINUATION)
    } else {
        inner
    };
    let mut lines = wrap_spans(&row, inner, rest);
    if marker {
        for line in lines.iter_mut().skip(1) {
            line.insert(0, Span::styled(CONTINUATION, theme.code_wrap_marker));
        }
    }
    lines
}

fn spans_width(spans: &Spans) -> usize {
    spans.iter().map(|s| width(&s.content)).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(lines: &[Spans]) -> Vec<String> {
        lines
            .iter()
            .map(|l| l.iter().map(|s| s.content.as_ref()).collect())
            .collect()
    }

    #[test]
    fn frame_fits_the_longest_line() {
        let out = render_code(
            "kind: Pod\nmetadata:\n  name: web\n",
            "yaml",
            60,
            &Theme::plain(),
        );
        assert_eq!(
            plain(&out),
            [
                "╭─ yaml ──────╮",
                "│ kind: Pod   │",
                "│ metadata:   │",
                "│   name: web │",
                "╰─────────────╯",
            ]
        );
    }

    #[test]
    fn long_lines_wrap_with_a_continuation_marker() {
        let out = render_code(
            "    command: echo the pod is running now",
            "sh",
            24,
            &Theme::plain(),
        );
        assert_eq!(
            plain(&out),
            [
                "╭─ sh ─────────────────╮",
                "│     command: echo    │",
                "│ ↪ the pod is running │",
                "│ ↪ now                │",
                "╰──────────────────────╯",
            ]
        );
    }

    #[test]
    fn narrow_frames_wrap_without_marker_and_tiny_widths_drop_the_frame() {
        let out = render_code("abcdefgh", "", 7, &Theme::plain());
        assert_eq!(
            plain(&out),
            ["╭─────╮", "│ abc │", "│ def │", "│ gh  │", "╰─────╯"]
        );
        let out = render_code("abc 파드", "yaml", 3, &Theme::plain());
        assert_eq!(plain(&out), ["abc", "파", "드"]);
    }

    #[test]
    fn control_characters_never_reach_the_output() {
        let out = render_code(
            "echo \x1b[31mred\x07\u{9b}2J",
            "bash\x1b",
            40,
            &Theme::plain(),
        );
        let text = plain(&out).join("\n");
        assert!(
            !text.contains(|c: char| c.is_control() && c != '\n'),
            "{text:?}"
        );
        assert!(text.contains("echo [31mred2J"));
    }

    #[test]
    fn empty_block_is_one_empty_row() {
        let out = render_code("", "", 20, &Theme::plain());
        assert_eq!(plain(&out), ["╭───╮", "│   │", "╰───╯"]);
    }
}
