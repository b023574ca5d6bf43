//! Centered overlay rectangles, and clearing under them.

use crate::text;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Clear, Widget};

/// A rectangle of at most `width`×`height`, centered in `area`, never larger
/// than `area`.
///
/// An overlay as wide as `area` that would leave a single row of what is
/// under it above or below takes that row too (and one as tall, a single
/// column): that lone row is a pane's border, drawn flush along the
/// overlay's own, which reads as a double frame.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let mut w = width.min(area.width);
    let mut h = height.min(area.height);
    if area.width - w <= 2 && area.height - h <= 2 {
        (w, h) = (area.width, area.height);
    } else if w == area.width && area.height - h <= 2 {
        h = area.height;
    } else if h == area.height && area.width - w <= 2 {
        w = area.width;
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lone_row_or_column_around_the_overlay_is_taken_in() {
        let area = Rect::new(0, 0, 80, 23);
        assert_eq!(centered(area, 90, 21), area);
        assert_eq!(centered(area, 79, 22), area);
        assert_eq!(centered(area, 60, 10), Rect::new(10, 6, 60, 10));
        assert_eq!(centered(area, 77, 20), Rect::new(1, 1, 77, 20));
        // Narrower than the area: the pane's frame shows all round.
        assert_eq!(centered(area, 70, 21), Rect::new(5, 1, 70, 21));
        assert_eq!(centered(area, 78, 10), Rect::new(1, 6, 78, 10));
    }
}
