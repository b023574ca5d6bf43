//! Styles of the live blocks in the lesson pane, and the frame around them.

use crate::text;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};

#[derive(Debug, Clone, Copy)]
pub struct Look {
    pub border: Style,
    pub border_focused: Style,
    pub title: Style,
    /// The row under the cursor in a focused block.
    pub cursor: Style,
    pub good: Style,
    pub bad: Style,
    /// Hints, questions to confirm, notes.
    pub hint: Style,
    pub dim: Style,
    pub strong: Style,
    /// The text field of a `text` question.
    pub field: Style,
}

impl Look {
    pub fn new(color: bool) -> Look {
        let bold = Modifier::BOLD;
        if !color {
            let plain = Style::new();
            return Look {
                border: plain,
                border_focused: plain.add_modifier(bold),
                title: plain.add_modifier(bold),
                cursor: plain.add_modifier(Modifier::REVERSED),
                good: plain.add_modifier(bold),
                bad: plain.add_modifier(bold),
                hint: plain.add_modifier(Modifier::ITALIC),
                dim: plain,
                strong: plain.add_modifier(bold),
                field: plain.add_modifier(Modifier::UNDERLINED),
            };
        }
        Look {
            border: Style::new().fg(Color::DarkGray),
            border_focused: Style::new().fg(Color::Cyan).add_modifier(bold),
            title: Style::new().fg(Color::Cyan).add_modifier(bold),
            cursor: Style::new().bg(Color::DarkGray).fg(Color::White),
            good: Style::new().fg(Color::Green).add_modifier(bold),
            bad: Style::new().fg(Color::Red).add_modifier(bold),
            hint: Style::new().fg(Color::Yellow),
            dim: Style::new().fg(Color::DarkGray),
            strong: Style::new().add_modifier(bold),
            field: Style::new()
                .bg(Color::Black)
                .fg(Color::White)
                .add_modifier(Modifier::UNDERLINED),
        }
    }
}

/// Spans wrapped to `width` columns after a `lead` (a marker, a number, a
/// label), later lines indented under the text.
pub fn hanging(
    lead: Vec<Span<'static>>,
    body: &[Span<'static>],
    width: usize,
) -> Vec<Line<'static>> {
    let lead_w: usize = lead.iter().map(|s| text::width(&s.content)).sum();
    let hang = lead_w.min(width.saturating_sub(1));
    let room = width.saturating_sub(hang).max(1);
    let mut out = Vec::new();
    let wrapped = if body.is_empty() {
        vec![Vec::new()]
    } else {
        text::wrap_spans(body, room, room)
    };
    for (i, spans) in wrapped.into_iter().enumerate() {
        let mut line = if i == 0 {
            lead.clone()
        } else {
            vec![Span::raw(" ".repeat(hang))]
        };
        line.extend(spans);
        out.push(Line::from(line));
    }
    out
}

/// Plain text wrapped to `width` in one style.
pub fn para(s: &str, style: Style, width: usize) -> Vec<Line<'static>> {
    let clean = text::sanitize(s);
    clean
        .lines()
        .flat_map(|l| text::wrap_str(l, width.max(1)))
        .map(|l| Line::styled(l, style))
        .collect()
}

/// Columns a frame adds around its rows.
pub const FRAME: usize = 4;

/// `rows` (each at most `width - 4` wide) in a rounded frame `width` wide
/// with `title` in the top border. Below 8 columns there is no frame.
pub fn framed(
    title: &str,
    rows: Vec<Line<'static>>,
    width: usize,
    border: Style,
    title_style: Style,
) -> Vec<Line<'static>> {
    if width < 8 {
        let mut out = vec![Line::styled(text::truncate(title, width), title_style)];
        out.extend(rows.into_iter().map(|l| text::truncate_line(&l, width)));
        return out;
    }
    let inner = width - FRAME;
    let mut out = Vec::with_capacity(rows.len() + 2);
    let shown = text::truncate(&text::sanitize(title), inner.saturating_sub(1));
    let fill = (inner + 1).saturating_sub(text::width(&shown) + 2);
    out.push(Line::from(vec![
        Span::styled("╭─ ", border),
        Span::styled(shown, title_style),
        Span::styled(format!(" {}╮", "─".repeat(fill)), border),
    ]));
    for row in rows {
        let row = text::truncate_line(&row, inner);
        let used = text::line_width(&row);
        let mut spans = vec![Span::styled("│ ", border)];
        spans.extend(row.spans);
        spans.push(Span::raw(" ".repeat(inner - used.min(inner))));
        spans.push(Span::styled(" │", border));
        out.push(Line::from(spans));
    }
    out.push(Line::styled(format!("╰{}╯", "─".repeat(inner + 2)), border));
    out
}

/// A line's style patched onto every span (the cursor row's highlight).
pub fn highlight(line: Line<'static>, style: Style, width: usize) -> Line<'static> {
    let used = text::line_width(&line);
    let mut spans: Vec<Span<'static>> = line
        .spans
        .into_iter()
        .map(|s| Span::styled(s.content, s.style.patch(style)))
        .collect();
    if used < width {
        spans.push(Span::styled(" ".repeat(width - used), style));
    }
    Line::from(spans)
}
