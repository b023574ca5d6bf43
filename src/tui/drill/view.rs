//! The drill screen: the card pane and the card's cluster side by side when
//! the terminal is wide (the tutor's [`WIDE`] rule), one of them at a time
//! otherwise (Tab switches); the summary across the whole width once the
//! session has ended; and the drill's own status bar. `views::draw` calls
//! [`draw`] instead of the lesson's panes while the drill is open (the
//! "too small" rule and the banner are the tutor's).

use super::words::Words;
use super::{Drill, DrillPane, card_view, cluster_view, summary_view};
use crate::quiz::drill::State;
use crate::text;
use crate::tui::app::App;
use crate::tui::cluster::style::Palette;
use crate::tui::theme::Chrome;
use crate::tui::views::{Rows, WIDE, pane_block, status};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Draw the drill into `main`, and its status bar into `status`.
pub fn draw(frame: &mut Frame, main: Rect, status: Rect, app: &mut App) {
    let chrome = Chrome::new(app.color);
    let pal = Palette::new(app.color);
    let saved_in = app.store().map(|s| s.path().display().to_string());
    let Some(drill) = app.drill.as_deref_mut() else {
        return;
    };
    let w = Words(drill.lang());
    drill.geometry = Default::default();
    let wide = main.width >= WIDE;
    if drill.ended().is_some() {
        draw_summary(frame, main, drill, saved_in.as_deref(), &w, &chrome, &pal);
    } else if wide {
        let [left, right] =
            Layout::horizontal([Constraint::Percentage(58), Constraint::Percentage(42)])
                .areas(main);
        let focus = drill.focus;
        draw_card(
            frame,
            left,
            drill,
            &w,
            &chrome,
            &pal,
            focus == DrillPane::Card,
            false,
        );
        cluster_view::draw(
            frame,
            right,
            drill,
            &w,
            &chrome,
            &pal,
            focus == DrillPane::Cluster,
        );
    } else {
        match drill.focus {
            DrillPane::Card => draw_card(frame, main, drill, &w, &chrome, &pal, true, true),
            DrillPane::Cluster => cluster_view::draw(frame, main, drill, &w, &chrome, &pal, true),
        }
    }
    draw_status(frame, status, drill, &w, &chrome);
}

/// A pane of text lines with a scrollbar, scrolled to `drill.scroll`.
fn scrolled(frame: &mut Frame, body: Rect, lines: &[Line<'static>], drill: &mut Drill) {
    let rows = body.height as usize;
    let total = lines.len();
    let max = total.saturating_sub(rows);
    drill.scroll = drill.scroll.min(max);
    drill.geometry.card_rows = rows;
    drill.geometry.card_lines = total;
    let pad = u16::from(body.width > 20);
    let width = body.width.saturating_sub(1 + pad);
    frame.render_widget(
        Rows(&lines[drill.scroll.min(total)..]),
        Rect::new(body.x + pad, body.y, width, body.height),
    );
    crate::tui::views::scrollbar(frame, body, total, rows, drill.scroll);
}

/// The text width of a pane body (a column of padding, one of scrollbar).
fn text_width(body: Rect) -> usize {
    let pad = u16::from(body.width > 20);
    body.width.saturating_sub(1 + pad).max(1) as usize
}

#[allow(clippy::too_many_arguments)]
fn draw_card(
    frame: &mut Frame,
    area: Rect,
    drill: &mut Drill,
    w: &Words,
    chrome: &Chrome,
    pal: &Palette,
    focused: bool,
    narrow: bool,
) {
    let (right, left) = tally(drill, w);
    let block = pane_block(&left, &right, focused, area.width, chrome);
    let body = block.inner(area);
    frame.render_widget(block, area);
    drill.geometry.card = Some(area);
    if body.width == 0 || body.height == 0 {
        return;
    }
    let card = card_view::card_text(drill, w, pal, chrome, text_width(body), narrow);
    if drill.jump {
        // Just answered: when the feedback does not fit below, scroll to
        // the question (the choices, the verdict and the explanation
        // follow it), or to the verdict if even that is too far down.
        let rows = body.height as usize;
        if let Some(v) = card.verdict_at
            && card.manifest_at > drill.scroll + rows
        {
            let target = if v + 3 <= card.question_at + rows {
                card.question_at
            } else {
                v.saturating_sub(1)
            };
            drill.scroll = drill.scroll.max(target);
        }
        drill.jump = false;
    }
    scrolled(frame, body, &card.lines, drill);
}

/// The card pane's title: the drill's name, and the score so far.
fn tally(drill: &Drill, w: &Words) -> (String, String) {
    let (right, asked) = drill.session().tally().total();
    let score = if asked == 0 {
        String::new()
    } else {
        w.score(right, asked)
    };
    (score, w.title().to_string())
}

fn draw_summary(
    frame: &mut Frame,
    area: Rect,
    drill: &mut Drill,
    saved_in: Option<&str>,
    w: &Words,
    chrome: &Chrome,
    pal: &Palette,
) {
    let block = pane_block(w.summary_title(), w.title(), true, area.width, chrome);
    let body = block.inner(area);
    frame.render_widget(block, area);
    drill.geometry.card = Some(area);
    let Some(ended) = drill.ended() else {
        return;
    };
    if body.width == 0 || body.height == 0 {
        return;
    }
    let lines = summary_view::summary_text(
        ended,
        drill.session().skipped(),
        saved_in,
        drill.standalone(),
        drill.lang(),
        pal,
        text_width(body),
    );
    scrolled(frame, body, &lines, drill);
}

fn draw_status(frame: &mut Frame, area: Rect, drill: &Drill, w: &Words, chrome: &Chrome) {
    let width = area.width as usize;
    if width == 0 || area.height == 0 {
        return;
    }
    let hints = match drill.state() {
        State::Asking => w.status_asking(),
        State::Answered => w.status_answered(),
        State::Done => w.status_ended(drill.standalone()),
    };
    // The last two hints (how to end, `? help`) stay; others are dropped
    // from the end when the bar is short.
    let mut rest = status::items(hints);
    let last = rest.split_off(rest.len().saturating_sub(2));
    let hints = status::fit(&[], &rest, &last, width.saturating_sub(2));
    let hints = text::truncate(&format!("{hints} "), width);
    // The keys first; then as much of the left part as fits, segment by
    // segment (never a segment cut in half).
    let room = width.saturating_sub(text::width(&hints));
    let mut segments = vec!["kubetutor".to_string(), w.title().to_string()];
    if let Some(q) = drill.question() {
        segments.push(format!("{}/{}", q.number, q.total));
    }
    let (right, asked) = drill.session().tally().total();
    if asked > 0 {
        segments.push(format!(
            "{} ({:.0}%)",
            w.score(right, asked),
            f64::from(right) * 100.0 / f64::from(asked)
        ));
    }
    segments.push(drill.lang().code().to_uppercase());
    let mut left = String::new();
    for seg in segments {
        let next = if left.is_empty() {
            format!(" {seg}")
        } else {
            format!("{left} │ {seg}")
        };
        if text::width(&next) + 1 > room {
            continue;
        }
        left = next;
    }
    if !left.is_empty() {
        left.push(' ');
    }
    let gap = width.saturating_sub(text::width(&left) + text::width(&hints));
    let line = Line::from(vec![
        Span::styled(left, chrome.status_key),
        Span::styled(" ".repeat(gap), chrome.status),
        Span::styled(hints, chrome.status),
    ]);
    frame.render_widget(Paragraph::new(line), area);
}
