//! The status bar: where the student is and the keys that matter most.
//! `? help` and `q quit` are always there (at 40 columns and more); the
//! other hints are dropped from the end when the bar is short, then the
//! lesson's title is cut. When the cluster pane is hidden (a narrow
//! terminal) and the section sets a cluster up, it says `cluster: Tab`.

use super::super::app::App;
use super::super::i18n::Ui;
use super::super::theme::Chrome;
use crate::text;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Hints separated by two spaces or ` · ` as the words give them.
fn items(hints: &str) -> Vec<String> {
    hints
        .split(" · ")
        .flat_map(|h| h.split("  "))
        .map(str::trim)
        .filter(|h| !h.is_empty())
        .map(str::to_string)
        .collect()
}

/// The hints that fit in `room` columns: `first` (always), then `rest` in
/// order while they fit, then `last` (always).
fn fit(first: &[String], rest: &[String], last: &[String], room: usize) -> String {
    let join = |v: &[String]| v.join("  ");
    let fixed: Vec<String> = first.iter().chain(last).cloned().collect();
    let mut used = text::width(&join(&fixed));
    let mut chosen = Vec::new();
    for r in rest {
        let w = text::width(r) + 2;
        if used + w > room {
            break;
        }
        used += w;
        chosen.push(r.clone());
    }
    let all: Vec<String> = first.iter().chain(&chosen).chain(last).cloned().collect();
    join(&all)
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App, ui: &Ui, chrome: &Chrome) {
    let width = area.width as usize;
    let (title, position) = match app.current() {
        Some(found) => (
            text::sanitize(&found.lesson.title).into_owned(),
            format!("{}/{}", app.section + 1, found.lesson.sections.len()),
        ),
        None => (String::new(), String::new()),
    };
    let lang = app.lang.code().to_uppercase();
    // While serving, how kubectl connects comes first: it must not be the
    // part a narrow bar cuts off.
    let serving = app
        .live
        .serving
        .as_ref()
        .map(|s| format!(" {} │", super::super::serve::status(app.lang, s)))
        .unwrap_or_default();
    let typing = app.editor.is_some()
        || matches!(
            app.focused_block(),
            Some(crate::tui::blocks::Focused::Quiz { typing: true, .. })
        );
    let (first, rest, last): (Vec<String>, Vec<String>, Vec<String>) = if typing {
        let hints = match app.editor {
            Some(_) => ui.editor_footer(),
            None => app.block_hints().unwrap_or_default(),
        };
        (Vec::new(), items(hints), Vec::new())
    } else {
        let hints = match app.block_hints() {
            Some(hints) => hints,
            // A section with a quiz or an exercise: say how to reach it.
            None if app.overlay.is_none() && app.has_live_blocks() => ui.status_hints_blocks(),
            None => ui.status_hints(),
        };
        let first = if app.cluster_hidden() {
            vec![ui.cluster_tab().to_string()]
        } else {
            Vec::new()
        };
        let last = vec![ui.help_key().to_string(), ui.quit_key().to_string()];
        let rest = items(hints)
            .into_iter()
            .filter(|h| !last.contains(h))
            .collect();
        (first, rest, last)
    };
    // The place keeps at least " 5/6 │ EN ", and up to 40 % of the bar
    // (with the lesson's title) before optional hints take the room.
    let short_place = format!("{serving} {position} │ {lang} ");
    let full_place = format!(" kubetutor │{serving} {title} │ {position} │ {lang} ");
    let keep = text::width(&full_place)
        .min((width * 2 / 5).max(text::width(&short_place) + text::width(" kubetutor │ ") + 8))
        .max(text::width(&short_place));
    let room = width.saturating_sub(keep + 1);
    let hints = format!("{} ", fit(&first, &rest, &last, room.saturating_sub(1)));
    let hints = text::truncate(&hints, width);
    let place_room = width.saturating_sub(text::width(&hints));
    // ` kubetutor │ <serving> │ <title> │ 5/6 │ EN `
    let head = format!(" kubetutor │{serving} ");
    let fixed = format!(" │ {position} │ {lang} ");
    let place = if title.is_empty() {
        format!(" kubetutor │{serving} {lang} ")
    } else {
        format!("{head}{title}{fixed}")
    };
    let place = if text::width(&place) <= place_room {
        place
    } else {
        // The title is cut first, then the rest.
        let title_room = place_room.saturating_sub(text::width(&fixed) + text::width(&head));
        if title_room >= 4 {
            format!("{head}{}{fixed}", text::truncate(&title, title_room))
        } else {
            text::truncate(&short_place, place_room)
        }
    };
    let gap = width.saturating_sub(text::width(&place) + text::width(&hints));
    let line = Line::from(vec![
        Span::styled(place, chrome.status_key),
        Span::styled(" ".repeat(gap), chrome.status),
        Span::styled(hints, chrome.status),
    ]);
    frame.render_widget(Paragraph::new(line), area);
}
