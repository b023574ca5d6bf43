//! Fenced and indented code blocks: highlighted, framed, wrapped.
//!
//! The frame is as wide as the longest line (or the language label), up to
//! the available width. Long lines *wrap* rather than being cut: a student
//! must be able to read a whole manifest line. They break at spaces where
//! they can (a longer token is broken between graphemes), and every
//! continuation row starts with a dim `↪ ` so it is never mistaken for a
//! line of its own. Below 6 columns there is no room for a frame: the code is
//! wrapped to the width as it is.
//!
//! A pane that scrolls sideways asks for [`CodeLines::Clip`] instead: a line
//! wider than the frame is cut with a dim `…`, shown from a column the
//! student moves (`h`/`l`), so a YAML comment stays on its own row. Every line
//! of a block moves together, each block no further than its widest line
//! needs.

use super::frame::{self, FRAME_EXTRA};
use super::highlight::{Language, guess, highlight_each};
use super::inline::Spans;
use super::theme::Theme;
use crate::text::{sanitize, width, wrap_spans};
use ratatui::text::Span;

/// How a code line wider than its frame is shown.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum CodeLines {
    /// Wrapped onto `↪` continuation rows (printed text, `kubetutor render`).
    #[default]
    Wrap,
    /// Cut at the frame with `…`, shown from this column on (a pane that
    /// scrolls sideways).
    Clip(usize),
}

/// Marks the continuation of a wrapped code line.
pub(crate) const CONTINUATION: &str = "↪ ";

/// The narrowest inner width that still gets a continuation marker.
const MIN_INNER_FOR_MARKER: usize = 8;

/// The narrowest width that gets a frame.
const MIN_FRAMED: usize = FRAME_EXTRA + 2;

#[cfg(test)]
pub(crate) fn render_code(code: &str, info: &str, avail: usize, theme: &Theme) -> Vec<Spans> {
    let mut out = Vec::new();
    render_code_into(code, info, avail, theme, CodeLines::Wrap, &mut |line| {
        out.push(line)
    });
    out
}

/// [`render_code`] with long lines shown as `lines` says, and how many
/// columns the widest line overflows the frame (how far the block can be
/// scrolled sideways).
#[cfg(test)]
pub(crate) fn render_code_as(
    code: &str,
    info: &str,
    avail: usize,
    theme: &Theme,
    lines: CodeLines,
) -> (Vec<Spans>, usize) {
    let mut out = Vec::new();
    let overflow = render_code_into(code, info, avail, theme, lines, &mut |line| out.push(line));
    (out, overflow)
}

/// A code block with long lines shown as `lines` says, each line handed to
/// `out` as it is laid out: the frame's width comes from one pass over the
/// text (highlighting keeps the text as it is), then each line is
/// highlighted, wrapped or clipped, and framed in turn. Returns how many
/// columns the widest line overflows the frame (how far the block can be
/// scrolled sideways).
pub(crate) fn render_code_into(
    code: &str,
    info: &str,
    avail: usize,
    theme: &Theme,
    lines: CodeLines,
    out: &mut dyn FnMut(Spans),
) -> usize {
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
        return 0;
    }
    let natural = code.lines().map(width).max().unwrap_or(0);
    // Room for the label and one rule character after it, when there is.
    let label_room = if label.is_empty() {
        0
    } else {
        width(label) + 2
    };
    let inner = natural.max(label_room).clamp(1, avail - FRAME_EXTRA);
    let overflow = natural.saturating_sub(inner);
    let title = (!label.is_empty()).then_some((label, theme.code_label));
    out(frame::top(inner, title, theme.code_frame));
    let mut any = false;
    highlight_each(code, language, theme, &mut |row| {
        any = true;
        match lines {
            CodeLines::Wrap => {
                for line in wrap_row(row, inner, theme) {
                    out(frame::side(line, inner, theme.code_frame));
                }
            }
            CodeLines::Clip(from) => {
                let line = clip_row(row, from.min(overflow), inner, theme);
                out(frame::side(line, inner, theme.code_frame));
            }
        }
    });
    if !any {
        out(frame::side(Vec::new(), inner, theme.code_frame));
    }
    out(frame::bottom(inner, theme.code_frame));
    overflow
}

/// The columns `from .. from + inner` of a line, a dim `…` where the line
/// goes on to the left or to the right (a wide glyph cut by an edge is left
/// out). A line that fits and is not scrolled is kept as it is.
fn clip_row(row: Spans, from: usize, inner: usize, theme: &Theme) -> Spans {
    let total = spans_width(&row);
    if from == 0 && total <= inner {
        return row;
    }
    let left = from > 0 && total > 0;
    let right = total > from + inner;
    let start = from + usize::from(left);
    let end = from + inner - usize::from(right);
    let mut out = Vec::with_capacity(row.len() + 2);
    if left {
        out.push(Span::styled(crate::text::ELLIPSIS, theme.code_wrap_marker));
    }
    let mut col = 0;
    for span in &row {
        let mut kept = String::new();
        for (g, w) in crate::text::graphemes_of(&span.content) {
            let (a, b) = (col, col + w);
            col = b;
            if a >= start && b <= end {
                kept.push_str(g);
            } else if a < end && b > start {
                // A wide glyph cut by an edge: its visible half is blank.
                kept.push_str(&" ".repeat(b.min(end) - a.max(start)));
            }
        }
        if !kept.is_empty() {
            out.push(Span::styled(kept, span.style));
        }
    }
    if right {
        out.push(Span::styled(crate::text::ELLIPSIS, theme.code_wrap_marker));
    }
    out
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
    fn clipped_lines_end_with_an_ellipsis_and_scroll_sideways_together() {
        let code = "kind: Pod\n# a comment longer than the frame\n";
        let at = |from| {
            let (out, overflow) =
                render_code_as(code, "yaml", 24, &Theme::plain(), CodeLines::Clip(from));
            assert_eq!(overflow, 13);
            plain(&out)
        };
        assert_eq!(
            at(0),
            [
                "╭─ yaml ───────────────╮",
                "│ kind: Pod            │",
                "│ # a comment longer … │",
                "╰──────────────────────╯",
            ]
        );
        assert_eq!(
            at(5)[1..3],
            ["│ …Pod                 │", "│ …mment longer than … │"]
        );
        // No further than the widest line needs.
        assert_eq!(at(13), at(100));
        assert_eq!(
            at(13)[1..3],
            ["│ …                    │", "│ …nger than the frame │"]
        );
    }

    #[test]
    fn a_wide_glyph_cut_by_the_edge_leaves_a_blank() {
        let code = "파드파드파드파드파드";
        let at = |from| {
            let (out, _) = render_code_as(code, "", 14, &Theme::plain(), CodeLines::Clip(from));
            plain(&out)[1].clone()
        };
        // Inner 10 from column 2: "…" over the first half of 드, a blank
        // for its second half, 파드파, a blank for the cut 드, "…".
        assert_eq!(at(2), "│ … 파드파 … │");
        assert_eq!(at(1), "│ …드파드파… │");
        let (wrapped, _) = render_code_as(code, "", 14, &Theme::plain(), CodeLines::Wrap);
        assert_eq!(wrapped, render_code(code, "", 14, &Theme::plain()));
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
