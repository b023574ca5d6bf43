//! The help overlay: every key, in the interface language.

use super::super::i18n::{KEYS, Ui};
use super::super::theme::Chrome;
use super::lesson::pane_block;
use super::popup::{ClearWide, centered};
use crate::text;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// The help overlay; `scroll` (the first key shown) is kept within the
/// table.
pub fn draw(frame: &mut Frame, area: Rect, scroll: &mut usize, ui: &Ui, chrome: &Chrome) {
    let key_col = KEYS.iter().map(|k| text::width(k.keys)).max().unwrap_or(0) + 2;
    let rows = KEYS.len() as u16 + 4;
    // Wide enough for the longest description next to the keys.
    let rect = centered(area, 100, rows);
    frame.render_widget(ClearWide, rect);
    // A blank row above the table, the border around it.
    let visible = (rect.height as usize).saturating_sub(3);
    *scroll = (*scroll).min(KEYS.len().saturating_sub(visible));
    let title = if visible < KEYS.len() {
        format!(
            "{} {}-{}/{}",
            ui.help(),
            *scroll + 1,
            (*scroll + visible).min(KEYS.len()),
            KEYS.len()
        )
    } else {
        ui.help().to_string()
    };
    let block = pane_block(&title, ui.help_footer(), true, rect.width, chrome);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let width = inner.width as usize;
    let key_col = key_col.min(width / 2);
    let mut lines = vec![Line::from("")];
    for key in KEYS.iter().skip(*scroll) {
        let keys = text::pad_right(&text::truncate(key.keys, key_col), key_col);
        let what = text::truncate(
            ui.lang.pick(key.ko, key.en),
            width.saturating_sub(key_col + 1),
        );
        lines.push(Line::from(vec![
            Span::from(" "),
            Span::styled(keys, chrome.title),
            Span::from(what),
        ]));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
