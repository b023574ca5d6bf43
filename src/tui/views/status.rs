//! The status bar: where the student is and the keys that matter most.

use super::super::app::App;
use super::super::i18n::Ui;
use super::super::theme::Chrome;
use crate::text;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, ui: &Ui, chrome: &Chrome) {
    let width = area.width as usize;
    let mut left = String::from(" kubetutor");
    // While serving, how kubectl connects comes first: it must not be the
    // part a narrow bar cuts off.
    if let Some(s) = &app.live.serving {
        left.push_str(&format!(" │ {}", super::super::serve::status(app.lang, s)));
    }
    if let Some(found) = app.current() {
        left.push_str(" │ ");
        left.push_str(&text::sanitize(&found.lesson.title));
        left.push_str(&format!(
            " │ {}/{}",
            app.section + 1,
            found.lesson.sections.len()
        ));
    }
    left.push_str(&format!(" │ {} ", app.lang.code().to_uppercase()));
    let hints = if app.editor.is_some() {
        ui.editor_footer()
    } else {
        match app.block_hints() {
            Some(hints) => hints,
            // A section with a quiz or an exercise: say how to reach it.
            None if app.overlay.is_none() && app.has_live_blocks() => ui.status_hints_blocks(),
            None => ui.status_hints(),
        }
    };
    let hints = format!("{hints} ");
    let left_room = width.saturating_sub(text::width(&hints).min(width / 2));
    let mut left = text::truncate(&left, left_room.saturating_sub(1));
    left.push(' ');
    let hints_room = width.saturating_sub(text::width(&left));
    let hints = text::truncate(&hints, hints_room);
    let gap = width.saturating_sub(text::width(&left) + text::width(&hints));
    let line = Line::from(vec![
        Span::styled(left, chrome.status_key),
        Span::styled(" ".repeat(gap), chrome.status),
        Span::styled(hints, chrome.status),
    ]);
    frame.render_widget(Paragraph::new(line), area);
}
