//! The lesson pane: the current section, rendered for the pane's width and
//! scrolled; a scrollbar when it does not fit.

use super::super::action::Pane;
use super::super::app::App;
use super::super::i18n::Ui;
use super::super::theme::Chrome;
use super::popup::Rows;
use crate::text;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState};

pub fn draw(frame: &mut Frame, area: Rect, app: &mut App, ui: &Ui, chrome: &Chrome) {
    let focused = app.focus == Pane::Lesson;
    let (title, position, fallback) = match app.current() {
        Some(found) => {
            let order = found
                .lesson
                .order
                .map(|o| format!("{o} · "))
                .unwrap_or_default();
            let count = found.lesson.sections.len();
            let mut position = format!("{} {}/{}", ui.section_word(), app.section + 1, count);
            if let Some(score) = app.quiz_score() {
                let quiz = ui.lesson_score(&score.0, score.1);
                // The title keeps a third of the border: drop the word
                // "section" before the score is cut.
                let room = (area.width as usize).saturating_sub(4) / 3;
                position = format!("{position} · {quiz}");
                if text::width(&position) > room {
                    position = format!("{}/{} · {quiz}", app.section + 1, count);
                }
            }
            (
                format!("{order}{}", found.lesson.title),
                position,
                found.fallback,
            )
        }
        None => (ui.lesson().to_string(), String::new(), false),
    };
    let block = pane_block(&title, &position, focused, area.width, chrome);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    app.geometry.lesson = Some(area);
    if inner.width < 2 || inner.height == 0 {
        return;
    }

    // One-line notices on top: the other language stands in; the cluster
    // pane is hidden (until the student has looked at it once).
    let mut notes = Vec::new();
    if fallback {
        notes.push(ui.fallback_note());
    }
    if app.cluster_hidden() && !app.cluster_seen {
        notes.push(ui.cluster_hidden_notice());
    }
    // Indented as the text under them, wrapped (a narrow pane most needs
    // the end of "… Tab shows it").
    let note_pad = u16::from(inner.width > 20);
    let note_width = (inner.width - note_pad) as usize;
    let lines: Vec<Line> = notes
        .iter()
        .flat_map(|n| text::wrap_str(n, note_width))
        .map(|l| Line::styled(l, chrome.dim))
        .collect();
    let note_rows = (lines.len() as u16).min(inner.height.saturating_sub(1));
    let [note, body] =
        Layout::vertical([Constraint::Length(note_rows), Constraint::Min(0)]).areas(inner);
    let note = Rect::new(
        note.x + note_pad,
        note.y,
        note.width - note_pad,
        note.height,
    );
    frame.render_widget(Paragraph::new(lines), note);
    if app.current().is_none() {
        let lines: Vec<Line> = text::wrap_str(ui.no_lessons(), body.width as usize)
            .into_iter()
            .map(Line::from)
            .collect();
        frame.render_widget(Paragraph::new(lines), body);
        return;
    }

    // One column of padding on the left, one for the scrollbar on the right.
    let pad = u16::from(body.width > 20);
    let text_width = body.width.saturating_sub(1 + pad).max(1);
    let rows = body.height as usize;
    let view = app.lesson_view(text_width, rows);
    let total = view.total;
    let focused = view.focused();
    app.geometry.lesson_rows = rows;
    app.geometry.lesson_lines = total;
    let resized = std::mem::replace(&mut app.lesson_size, (text_width, rows)) != (text_width, rows);
    if (std::mem::take(&mut app.blocks.reveal) || resized)
        && let Some(f) = focused
    {
        app.scroll = reveal(app.scroll, rows, f.block.start, f.block.len, f.cursor);
    }
    app.scroll = app.scroll.min(total.saturating_sub(rows));
    let scroll = app.scroll;
    let text_area = Rect::new(body.x + pad, body.y, text_width, body.height);
    let lines = app.lesson_view(text_width, rows).lines_from(scroll);
    frame.render_widget(Rows(lines), text_area);
    if let Some((line, col)) = focused.and_then(|f| f.caret)
        && line >= scroll
        && line < scroll + rows
        && col < text_width as usize
    {
        frame.set_cursor_position(ratatui::layout::Position::new(
            text_area.x + col as u16,
            text_area.y + (line - scroll) as u16,
        ));
    }

    scrollbar(frame, body, total, rows, scroll);
}

/// The first row to show so that a block (`start`, `len` lines) is in
/// view: all of it when it fits, else from its cursor row on.
fn reveal(scroll: usize, rows: usize, start: usize, len: usize, cursor: Option<usize>) -> usize {
    let end = start + len;
    if len <= rows {
        if start < scroll {
            return start;
        }
        if end > scroll + rows {
            return end - rows;
        }
        return scroll;
    }
    let at = cursor.unwrap_or(start);
    if at < scroll || at >= scroll + rows {
        // Some of the block above the cursor stays in view.
        return at.saturating_sub(rows / 3).max(start);
    }
    scroll
}

/// A bordered pane with a title on the left and a note on the right, both
/// cut to fit by display width (Korean titles included).
/// The scrollbar at the right edge of `area` when `total` lines do not fit
/// in `rows`; `scroll` is the first line shown.
pub fn scrollbar(frame: &mut Frame, area: Rect, total: usize, rows: usize, scroll: usize) {
    if total <= rows {
        return;
    }
    let mut state = ScrollbarState::new(total - rows)
        .viewport_content_length(rows)
        .position(scroll);
    frame.render_stateful_widget(
        Scrollbar::new(ScrollbarOrientation::VerticalRight)
            .begin_symbol(None)
            .end_symbol(None),
        area,
        &mut state,
    );
}

pub fn pane_block(
    title: &str,
    right: &str,
    focused: bool,
    width: u16,
    chrome: &Chrome,
) -> Block<'static> {
    let room = (width as usize).saturating_sub(4);
    let right = text::truncate(right, room / 3);
    let title_room =
        room.saturating_sub(text::width(&right) + if right.is_empty() { 0 } else { 3 });
    let title = text::truncate(&text::sanitize(title), title_room);
    let border = if focused {
        chrome.border_focused
    } else {
        chrome.border
    };
    let mut block = Block::bordered().border_style(border);
    if !title.is_empty() {
        block = block.title(Line::from(Span::styled(format!(" {title} "), chrome.title)));
    }
    if !right.is_empty() {
        block = block.title(Line::from(format!(" {right} ")).right_aligned());
    }
    block
}
