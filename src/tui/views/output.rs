//! The output of the last command, across the bottom of the main area: the
//! command as the title, the lines cut at the edge (h/l scroll sideways,
//! ↑/↓ when the cluster pane has the focus), Esc closes it.

use super::super::app::App;
use super::super::i18n::Ui;
use super::super::theme::Chrome;
use super::popup::{ClearWide, Rows};
use crate::text;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Block;
use unicode_segmentation::UnicodeSegmentation;

/// The columns `from .. from + width` of `s`; a wide glyph cut by either
/// edge becomes a space so nothing spills.
pub fn columns(s: &str, from: usize, width: usize) -> String {
    let mut out = String::new();
    let mut col = 0;
    let end = from + width;
    for g in s.graphemes(true) {
        let w = text::grapheme_width(g);
        let (start, stop) = (col, col + w);
        col = stop;
        if stop <= from {
            continue;
        }
        if start >= end {
            break;
        }
        if start < from || stop > end {
            out.push_str(&" ".repeat(stop.min(end) - start.max(from)));
        } else {
            out.push_str(g);
        }
    }
    out
}

/// Where the output goes: the bottom rows of `main` (as many as it needs,
/// up to half, at least five), and what is left for the panes. Nothing is
/// taken when there is no output or `main` is too short to share.
pub fn split(main: Rect, app: &App) -> (Rect, Option<Rect>) {
    let Some(out) = &app.console.output else {
        return (main, None);
    };
    if main.height < 10 {
        return (main, None);
    }
    let want = out.lines.len() as u16 + 2;
    let height = want.min((main.height / 2).max(5));
    let panes = Rect::new(main.x, main.y, main.width, main.height - height);
    let output = Rect::new(main.x, panes.bottom(), main.width, height);
    (panes, Some(output))
}

pub fn draw(frame: &mut Frame, area: Rect, app: &mut App, ui: &Ui, chrome: &Chrome) {
    let Some(out) = app.console.output.as_mut() else {
        return;
    };
    frame.render_widget(ClearWide, area);
    let room = (area.width as usize).saturating_sub(4);
    let position = if out.lines.is_empty() {
        String::new()
    } else {
        let rows = area.height.saturating_sub(2) as usize;
        let last = (out.scroll + rows).min(out.lines.len());
        format!("{}-{last}/{}", out.scroll + 1, out.lines.len())
    };
    let position = text::truncate(&position, room / 3);
    let title_room = room.saturating_sub(text::width(&position) + 3);
    let title = text::truncate(&format!("$ {}", out.command), title_room);
    let title_style = if out.ok || !app.color {
        chrome.title
    } else {
        Style::new().fg(Color::Red).add_modifier(Modifier::BOLD)
    };
    let mut block = Block::bordered()
        .border_style(chrome.border_focused)
        .title(Line::from(Span::styled(format!(" {title} "), title_style)));
    if !position.is_empty() {
        block = block.title(Line::from(format!(" {position} ")).right_aligned());
    }
    let footer = ui.output_footer();
    if text::width(footer) + 4 <= area.width as usize {
        block = block.title_bottom(
            Line::from(Span::styled(format!(" {footer} "), chrome.dim)).right_aligned(),
        );
    }
    let inner = block.inner(area);
    frame.render_widget(block, area);
    app.geometry.output = Some(area);
    app.geometry.output_rows = inner.height as usize;
    app.geometry.output_width = inner.width as usize;
    if inner.width == 0 || inner.height == 0 {
        return;
    }
    let rows = inner.height as usize;
    out.scroll = out.scroll.min(out.lines.len().saturating_sub(rows));
    let style = if out.ok || !app.color {
        Style::new()
    } else {
        Style::new().fg(Color::Red)
    };
    let lines: Vec<Line> = out
        .lines
        .iter()
        .skip(out.scroll)
        .take(rows)
        .map(|l| Line::styled(columns(l, out.column, inner.width as usize), style))
        .collect();
    frame.render_widget(Rows(&lines), inner);
}

#[cfg(test)]
mod tests {
    use super::columns;

    #[test]
    fn columns_cut_by_display_width() {
        assert_eq!(columns("NAME   READY", 0, 4), "NAME");
        assert_eq!(columns("NAME   READY", 7, 10), "READY");
        assert_eq!(columns("가나다", 1, 4), " 나 ");
        assert_eq!(columns("가나다", 2, 2), "나");
        assert_eq!(columns("ab", 5, 3), "");
    }
}
