//! Drawing: one function per region, all of them pure functions of the `App`
//! (they only write back the geometry mouse handling needs).

mod cluster;
mod command_bar;
mod course;
mod editor;
pub mod help;
mod lesson;
pub mod lesson_end;
mod output;
mod popup;
pub(in crate::tui) mod status;
mod welcome;

// The drill mode (src/tui/drill/) draws its panes with these.
pub(in crate::tui) use lesson::{pane_block, scrollbar};
pub(in crate::tui) use popup::Rows;

use super::action::Pane;
use super::app::{App, Geometry, Overlay};
use super::i18n::Ui;
use super::theme::Chrome;
use crate::text;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

/// Below this the interface shows only a "too small" message.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 12;
/// From this width on, the lesson and the cluster sit side by side.
pub const WIDE: u16 = 120;

pub fn draw(frame: &mut Frame, app: &mut App) {
    let area = frame.area();
    let ui = Ui::new(app.lang);
    let chrome = Chrome::new(app.color);
    app.geometry = Geometry::default();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(frame, area, &ui);
        return;
    }
    let banner_lines = banner_lines(&app.banner, area.width as usize, &ui);
    let banner_rows = banner_lines.len() as u16;
    let [banner, main, status] = Layout::vertical([
        Constraint::Length(banner_rows),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(area);
    for (i, line) in banner_lines.iter().enumerate() {
        let row = Rect::new(banner.x, banner.y + i as u16, banner.width, 1);
        let line = text::pad_right(line, row.width as usize);
        frame.render_widget(Paragraph::new(Line::styled(line, chrome.banner)), row);
    }

    // The pod-phase drill takes the main area and the status bar.
    if app.drill.is_some() {
        super::drill::view::draw(frame, main, status, app);
        if app.overlay == Some(Overlay::Help) {
            help::draw(
                frame,
                main,
                &mut app.help_scroll,
                &mut app.help_page,
                &ui,
                &chrome,
            );
        }
        return;
    }

    // The last command's output takes the bottom of the main area, across
    // the whole width, so kubectl's tables fit; the panes keep the rest.
    let (panes, output_area) = output::split(main, app);
    app.side_by_side = area.width >= WIDE;
    if area.width >= WIDE {
        let [left, right] =
            Layout::horizontal([Constraint::Percentage(58), Constraint::Percentage(42)])
                .areas(panes);
        if app.editor.is_some() {
            editor::draw(frame, left, app, &ui, &chrome);
        } else {
            lesson::draw(frame, left, app, &ui, &chrome);
        }
        cluster::draw(frame, right, app, &ui, &chrome);
    } else if app.editor.is_some() {
        editor::draw(frame, panes, app, &ui, &chrome);
    } else {
        match app.focus {
            Pane::Lesson => lesson::draw(frame, panes, app, &ui, &chrome),
            Pane::Cluster => cluster::draw(frame, panes, app, &ui, &chrome),
        }
    }
    if let Some(rect) = output_area {
        output::draw(frame, rect, app, &ui, &chrome);
    }
    status::draw(frame, status, app, &ui, &chrome);
    command_bar::draw(frame, status, main, app, &ui, &chrome);

    match app.overlay {
        Some(Overlay::Help) => help::draw(
            frame,
            main,
            &mut app.help_scroll,
            &mut app.help_page,
            &ui,
            &chrome,
        ),
        Some(Overlay::Course { selected }) => {
            course::draw(frame, main, app, selected, &ui, &chrome)
        }
        Some(Overlay::LessonEnd { confirm }) => {
            lesson_end::draw(frame, main, app, confirm, &ui, &chrome)
        }
        Some(Overlay::Welcome) => welcome::draw(frame, main, &ui, &chrome),
        None => {}
    }
}

/// The warning banner in at most two rows: the messages wrapped (so a
/// moved-aside file's new name is not cut off), with `x` named as the way
/// to dismiss them; what does not fit is cut in the middle, keeping the end
/// of the last message.
pub fn banner_lines(messages: &[String], width: usize, ui: &Ui) -> Vec<String> {
    if messages.is_empty() || width == 0 {
        return Vec::new();
    }
    let mut all = messages.join(" · ");
    if !all.contains(" x ") && !all.contains("x dismisses") && !all.contains("x 닫기") {
        all.push_str(&format!(" ({})", ui.banner_dismiss()));
    }
    let all = text::sanitize(&all).into_owned();
    let wrapped = text::wrap_str(&all, width);
    if wrapped.len() <= 2 {
        return wrapped;
    }
    // Keep the first row, and the end of the text on the second.
    let tail_room = width.saturating_sub(1);
    let chars: Vec<char> = all.chars().collect();
    let mut tail = String::new();
    for c in chars.iter().rev() {
        if text::width(&tail) + text::width(&c.to_string()) > tail_room {
            break;
        }
        tail.insert(0, *c);
    }
    vec![wrapped[0].clone(), format!("…{tail}")]
}

fn too_small(frame: &mut Frame, area: Rect, ui: &Ui) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    let message = ui.too_small(area.width, area.height);
    let lines: Vec<Line> = text::wrap_str(&message, area.width as usize)
        .into_iter()
        .take(area.height as usize)
        .map(Line::from)
        .collect();
    let top = area.height.saturating_sub(lines.len() as u16) / 2;
    let rect = Rect::new(area.x, area.y + top, area.width, area.height - top);
    frame.render_widget(Paragraph::new(lines).centered(), rect);
}
