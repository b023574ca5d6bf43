//! Centered overlay rectangles, and clearing under them.

use crate::text;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Clear, Widget};

/// A rectangle of at most `width`×`height`, centered in `area`, never larger
/// than `area`.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

/// Clears `area` like [`Clear`], and also blanks a wide glyph (Hangul, emoji)
/// that starts just left of it: its right half lies under the overlay's
/// border, and a terminal would draw the glyph over that border.
pub struct ClearWide;

impl Widget for ClearWide {
    fn render(self, area: Rect, buf: &mut Buffer) {
        Clear.render(area, buf);
        if area.x == 0 {
            return;
        }
        for y in area.top()..area.bottom() {
            if let Some(cell) = buf.cell_mut((area.x - 1, y))
                && text::width(cell.symbol()) > 1
            {
                cell.set_symbol(" ");
            }
        }
    }
}

/// Lines written straight into the buffer, one per row, cut at the area's
/// width: what an unwrapped, unstyled [`ratatui::widgets::Paragraph`] draws,
/// without its per-frame reflow (the cluster pane redraws every tick).
pub struct Rows<'a>(pub &'a [ratatui::text::Line<'a>]);

impl Widget for Rows<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        for (i, line) in self.0.iter().take(area.height as usize).enumerate() {
            buf.set_line(area.x, area.y + i as u16, line, area.width);
        }
    }
}
