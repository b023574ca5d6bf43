//! Centered overlay rectangles.

use ratatui::layout::Rect;

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
