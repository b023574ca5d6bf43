//! The help overlay: the welcome's five keys first, then every key under
//! its heading (reading, the cluster, quizzes, the editor, the drill), in
//! the interface language. ↑/↓ scroll a row, PgDn/PgUp a page.

use super::super::i18n::{Group, KEYS, Ui};
use super::super::theme::Chrome;
use super::lesson::pane_block;
use super::popup::{ClearWide, centered};
use crate::text;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// One row of the help: a heading, or a key and what it does.
enum Row {
    Heading(String),
    Key(&'static str, String),
    Note(String),
    Blank,
}

fn rows(ui: &Ui) -> Vec<Row> {
    let mut out = vec![Row::Heading(ui.welcome_title().to_string())];
    for (k, what) in ui.welcome_keys() {
        out.push(Row::Key(k, what.to_string()));
    }
    out.push(Row::Note(ui.welcome_saved().to_string()));
    let mut last: Option<Group> = None;
    for key in KEYS {
        if last != Some(key.group) {
            out.push(Row::Blank);
            out.push(Row::Heading(key.group.heading(ui.lang).to_string()));
            last = Some(key.group);
        }
        out.push(Row::Key(key.keys, ui.lang.pick(key.ko, key.en).to_string()));
    }
    out
}

/// The row where `group`'s heading is (the help over the drill opens there).
pub fn row_of(group: Group, ui: &Ui) -> usize {
    let heading = group.heading(ui.lang);
    rows(ui)
        .iter()
        .position(|r| matches!(r, Row::Heading(h) if h == heading))
        .unwrap_or(0)
}

/// The help overlay; `scroll` (the first row shown) is kept within the
/// table; the rows shown go to `page` (for PgDn).
pub fn draw(
    frame: &mut Frame,
    area: Rect,
    scroll: &mut usize,
    page: &mut usize,
    ui: &Ui,
    chrome: &Chrome,
) {
    let all = rows(ui);
    let key_col = KEYS.iter().map(|k| text::width(k.keys)).max().unwrap_or(0) + 2;
    let rect = centered(area, 100, all.len() as u16 + 3);
    frame.render_widget(ClearWide, rect);
    // The border around the table.
    let visible = (rect.height as usize).saturating_sub(2).max(1);
    *page = visible;
    *scroll = (*scroll).min(all.len().saturating_sub(visible));
    let title = if visible < all.len() {
        format!(
            "{} {}-{}/{}",
            ui.help(),
            *scroll + 1,
            (*scroll + visible).min(all.len()),
            all.len()
        )
    } else {
        ui.help().to_string()
    };
    let block = pane_block(&title, ui.help_footer(), true, rect.width, chrome);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let width = inner.width as usize;
    let key_col = key_col.min(width / 2);
    let lines: Vec<Line> = all
        .iter()
        .skip(*scroll)
        .map(|row| match row {
            Row::Heading(h) => Line::styled(
                format!(" {}", text::truncate(h, width.saturating_sub(1))),
                chrome.title,
            ),
            Row::Key(k, what) => Line::from(vec![
                Span::from("   "),
                Span::styled(
                    text::pad_right(&text::truncate(k, key_col), key_col),
                    chrome.title,
                ),
                Span::from(text::truncate(what, width.saturating_sub(key_col + 3))),
            ]),
            Row::Note(n) => Line::styled(
                format!("   {}", text::truncate(n, width.saturating_sub(3))),
                chrome.dim,
            ),
            Row::Blank => Line::default(),
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}
