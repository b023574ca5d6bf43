//! The command bar over the status bar (`:` and the line being typed, the
//! terminal cursor in it), and the completion candidates on the row above.

use super::super::app::App;
use super::super::i18n::Ui;
use super::super::theme::Chrome;
use super::popup::ClearWide;
use crate::text;
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn draw(frame: &mut Frame, status: Rect, main: Rect, app: &App, ui: &Ui, chrome: &Chrome) {
    let Some(bar) = &app.console.bar else {
        return;
    };
    if status.width < 2 || status.height == 0 {
        return;
    }
    let width = status.width as usize - 1;
    let (shown, cursor) = bar.input.view(width);
    let mut spans = vec![Span::styled(":", chrome.title), Span::raw(shown.clone())];
    if bar.input.text().is_empty() {
        let hint = text::truncate(ui.bar_hint(), width.saturating_sub(2));
        spans.push(Span::styled(format!(" {hint}"), chrome.dim));
    }
    let used: usize = spans.iter().map(|s| text::width(&s.content)).sum();
    spans.push(Span::raw(
        " ".repeat((status.width as usize).saturating_sub(used)),
    ));
    frame.render_widget(ClearWide, status);
    frame.render_widget(Paragraph::new(Line::from(spans)), status);
    frame.set_cursor_position(Position::new(status.x + 1 + cursor as u16, status.y));

    let Some(c) = &bar.completion else {
        return;
    };
    if main.height == 0 {
        return;
    }
    let row = Rect::new(main.x, main.bottom() - 1, main.width, 1);
    let width = row.width as usize;
    let words: Vec<String> = c.words().map(|w| text::sanitize(w).into_owned()).collect();
    let line = if words.is_empty() {
        Line::styled(
            text::pad_right(
                &text::truncate(&format!(" {}", ui.no_completions()), width),
                width,
            ),
            chrome.status,
        )
    } else {
        // Start the list so that the selected candidate is visible.
        let selected = c.selected.unwrap_or(0);
        let mut first = 0;
        while first < selected
            && words[first..=selected]
                .iter()
                .map(|w| text::width(w) + 2)
                .sum::<usize>()
                + 2
                > width
        {
            first += 1;
        }
        let mut spans = vec![Span::styled(
            if first > 0 { "…" } else { " " },
            chrome.status,
        )];
        let mut used = 1;
        for (i, w) in words.iter().enumerate().skip(first) {
            let item = format!(" {w} ");
            let w_item = text::width(&item);
            if used + w_item > width {
                if used < width {
                    spans.push(Span::styled("…", chrome.status));
                    used += 1;
                }
                break;
            }
            let style = if c.selected == Some(i) {
                chrome.selected
            } else {
                chrome.status
            };
            spans.push(Span::styled(item, style));
            used += w_item;
        }
        spans.push(Span::styled(
            " ".repeat(width.saturating_sub(used)),
            chrome.status,
        ));
        Line::from(spans)
    };
    frame.render_widget(ClearWide, row);
    frame.render_widget(Paragraph::new(text::truncate_line(&line, width)), row);
}
