//! The first run's welcome: the five keys that matter and that progress is
//! saved. Shown once (the progress file remembers it); the help overlay
//! starts with the same lines.

use super::super::i18n::Ui;
use super::super::theme::Chrome;
use super::lesson::pane_block;
use super::popup::{ClearWide, centered};
use crate::text;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// The welcome's lines: a greeting, then `key  what` rows, then a note.
pub fn lines(ui: &Ui, chrome: &Chrome, width: usize) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    for l in text::wrap_str(ui.welcome_hello(), width.saturating_sub(1).max(1)) {
        out.push(Line::styled(format!(" {l}"), chrome.title));
    }
    out.push(Line::default());
    let keys = ui.welcome_keys();
    let key_w = keys.iter().map(|(k, _)| text::width(k)).max().unwrap_or(0) + 2;
    for (k, what) in keys {
        out.push(Line::from(vec![
            Span::raw("  "),
            Span::styled(text::pad_right(k, key_w), chrome.title),
            Span::raw(text::truncate(what, width.saturating_sub(key_w + 2))),
        ]));
    }
    out.push(Line::default());
    for l in text::wrap_str(ui.welcome_saved(), width.saturating_sub(1).max(1)) {
        out.push(Line::styled(format!(" {l}"), chrome.dim));
    }
    out
}

pub fn draw(frame: &mut Frame, area: Rect, ui: &Ui, chrome: &Chrome) {
    let width = area.width.saturating_sub(4).min(72);
    let body = lines(ui, chrome, width.saturating_sub(2) as usize);
    let rect = centered(area, width, body.len() as u16 + 4);
    frame.render_widget(ClearWide, rect);
    let block = pane_block(
        ui.welcome_title(),
        ui.welcome_footer(),
        true,
        rect.width,
        chrome,
    );
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let mut shown = vec![Line::default()];
    shown.extend(body);
    frame.render_widget(Paragraph::new(shown), inner);
}
