//! A rounded frame around rows of spans, with an optional title in the top
//! border: used for code blocks and for the lesson's marker boxes.
//!
//! ```text
//! ╭─ yaml ──────────╮
//! │ apiVersion: v1  │
//! ╰─────────────────╯
//! ```

use super::inline::Spans;
use crate::text::{truncate, width};
use ratatui::style::Style;
use ratatui::text::Span;

/// Columns a frame adds around its rows: `│ ` and ` │`.
pub(crate) const FRAME_EXTRA: usize = 4;

/// Frames `rows` (each at most `inner` columns wide) in a box `inner + 4`
/// columns wide. The title is cut to fit the top border.
pub(crate) fn framed(
    rows: Vec<Spans>,
    inner: usize,
    title: Option<(&str, Style)>,
    border: Style,
) -> Vec<Spans> {
    let mut out = Vec::with_capacity(rows.len() + 2);
    out.push(top(inner, title, border));
    for row in rows {
        out.push(side(row, inner, border));
    }
    out.push(bottom(inner, border));
    out
}

/// One row inside a frame `inner` wide: `│ row   │`.
pub(crate) fn side(row: Spans, inner: usize, border: Style) -> Spans {
    let used: usize = row.iter().map(|s| width(&s.content)).sum();
    let mut line = Vec::with_capacity(row.len() + 2);
    line.push(Span::styled("│ ", border));
    line.extend(row);
    let pad = inner.saturating_sub(used) + 1;
    let mut right = String::with_capacity(pad + '│'.len_utf8());
    right.extend(std::iter::repeat_n(' ', pad));
    right.push('│');
    line.push(Span::styled(right, border));
    line
}

/// The bottom border of a frame `inner` wide.
pub(crate) fn bottom(inner: usize, border: Style) -> Spans {
    vec![Span::styled(format!("╰{}╯", "─".repeat(inner + 2)), border)]
}

/// The top border of a frame `inner` wide, with its title.
pub(crate) fn top(inner: usize, title: Option<(&str, Style)>, border: Style) -> Spans {
    // "╭─" + " title " + fill + "╮" is inner + 4 wide.
    let room = inner + 1;
    match title.filter(|(t, _)| !t.is_empty() && room >= 3) {
        Some((title, style)) => {
            let shown = truncate(title, room - 2);
            let fill = room - 2 - width(&shown);
            vec![
                Span::styled("╭─ ", border),
                Span::styled(shown, style),
                Span::styled(format!(" {}╮", "─".repeat(fill)), border),
            ]
        }
        None => vec![Span::styled(format!("╭{}╮", "─".repeat(inner + 2)), border)],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::line_width;
    use ratatui::text::Line;

    fn plain(lines: &[Spans]) -> Vec<String> {
        lines
            .iter()
            .map(|l| l.iter().map(|s| s.content.as_ref()).collect())
            .collect()
    }

    #[test]
    fn frame_pads_rows_and_shows_the_title() {
        let rows = vec![vec![Span::raw("a: 1")], vec![Span::raw("파드")], vec![]];
        let out = framed(rows, 6, Some(("yaml", Style::new())), Style::new());
        assert_eq!(
            plain(&out),
            [
                "╭─ yaml ─╮",
                "│ a: 1   │",
                "│ 파드   │",
                "│        │",
                "╰────────╯",
            ]
        );
        assert!(out.iter().all(|l| line_width(&Line::from(l.clone())) == 10));
    }

    #[test]
    fn long_title_is_cut_to_the_border() {
        let out = framed(vec![], 4, Some(("kubernetes", Style::new())), Style::new());
        assert_eq!(plain(&out), ["╭─ ku… ╮", "╰──────╯"]);
        let out = framed(vec![], 1, Some(("yaml", Style::new())), Style::new());
        assert_eq!(plain(&out), ["╭───╮", "╰───╯"]);
    }
}
