//! The cluster pane: the live cluster (see `tui::cluster` for the widgets),
//! scrolled when it does not fit, and the events log at the bottom. The
//! title shows the simulated clock and speed.

use super::super::action::Pane;
use super::super::app::App;
use super::super::cluster::style::Palette;
use super::super::cluster::{self, Ctx, fit};
use super::super::i18n::Ui;
use super::super::theme::Chrome;
use super::popup::Rows;
use crate::text;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Block;

/// The pane's frame: "Cluster" on the left, the clock and speed on the
/// right, the time keys along the bottom when it has the focus.
fn frame_block(app: &App, ui: &Ui, chrome: &Chrome, width: u16) -> Block<'static> {
    let live = &app.live;
    let focused = app.focus == Pane::Cluster;
    let mut right = format!(
        "{} · {}",
        fit::clock(live.cluster.now()),
        live.speed_label()
    );
    // A predict replay drives the (otherwise paused) cluster itself.
    let replaying = app.blocks.playback.as_ref().is_some_and(|p| !p.is_done());
    if replaying {
        right = format!("{} · {right}", ui.replaying());
    } else if live.paused {
        right = format!("{} · {right}", ui.paused());
    }
    let room = (width as usize).saturating_sub(4);
    // A replay or an exercise's run says so in the title.
    let name = live
        .title
        .as_deref()
        .map(|t| text::sanitize(t).into_owned())
        .unwrap_or_else(|| ui.cluster().to_string());
    let right = text::truncate(
        &right,
        room.saturating_sub(text::width(&name).min(room / 2) + 3),
    );
    let title_room = room.saturating_sub(text::width(&right) + 3);
    let title = text::truncate(&name, title_room);
    let mut block = Block::bordered().border_style(if focused {
        chrome.border_focused
    } else {
        chrome.border
    });
    if !title.is_empty() {
        block = block.title(Line::from(Span::styled(format!(" {title} "), chrome.title)));
    }
    if !right.is_empty() {
        let style = if live.paused && !replaying {
            chrome.banner
        } else {
            chrome.dim
        };
        block = block.title(Line::from(Span::styled(format!(" {right} "), style)).right_aligned());
    }
    let footer = ui.cluster_footer();
    if focused && text::width(footer) + 4 <= width as usize {
        block = block.title_bottom(
            Line::from(Span::styled(format!(" {footer} "), chrome.dim)).right_aligned(),
        );
    }
    block
}

/// The caption of the section that set the cluster up, in the current
/// language, and the setup error if there was one.
fn notes(app: &App, ui: &Ui, pal: &Palette, width: usize) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    if let Some(note) = &app.live.note {
        for l in text::wrap_str(&text::sanitize(note), width) {
            out.push(Line::styled(l, pal.heading));
        }
    }
    if let Some(err) = &app.live.setup_error {
        let msg = format!("⚠ {}: {}", ui.setup_failed(), text::sanitize(err));
        for l in text::wrap_str(&msg, width) {
            out.push(Line::styled(l, pal.bad));
        }
    }
    let caption = app.live.origin.as_ref().and_then(|(id, section)| {
        app.catalog
            .get(id, app.lang)
            .and_then(|f| f.lesson.sections.get(*section))
            .and_then(|s| s.cluster())
            .and_then(|c| c.value.caption.clone())
    });
    if let Some(caption) = caption {
        // A caption is Markdown (`:get pods` in backticks): rendered, in the
        // caption's colour, wrapped by display width.
        let mut spans = Vec::new();
        for (i, line) in crate::markdown::inline_markdown(&caption, &app.theme)
            .into_iter()
            .enumerate()
        {
            if i > 0 {
                spans.push(ratatui::text::Span::raw(" "));
            }
            spans.extend(line);
        }
        let spans: Vec<ratatui::text::Span<'static>> = spans
            .into_iter()
            .map(|s| {
                let style = pal.info.patch(s.style);
                ratatui::text::Span::styled(text::sanitize(&s.content).into_owned(), style)
            })
            .collect();
        for l in text::wrap_spans(&spans, width.max(1), width.max(1)) {
            out.push(Line::from(l));
        }
    }
    out
}

/// Rows of the events log for a pane body of `height` rows.
fn events_rows(height: u16) -> u16 {
    match height {
        h if h >= 28 => (h / 4).min(8),
        h if h >= 14 => 3,
        _ => 0,
    }
}

pub fn draw(frame: &mut Frame, area: Rect, app: &mut App, ui: &Ui, chrome: &Chrome) {
    let block = frame_block(app, ui, chrome, area.width);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    app.geometry.cluster = Some(area);
    if inner.width == 0 || inner.height == 0 {
        return;
    }
    let pal = Palette::new(app.color);
    // A column of padding on the left, one for the scrollbar on the right.
    let pad = u16::from(inner.width > 20);
    let width = inner.width.saturating_sub(1 + pad) as usize;
    let ctx = Ctx {
        cluster: &app.live.cluster,
        flow: &app.live.flow,
        ui,
        pal: &pal,
        width,
    };
    let mut lines = notes(app, ui, &pal, width);
    lines.extend(cluster::body(&ctx));

    // The events log at the bottom; it also takes the rows the cluster
    // leaves free.
    let rows = events_rows(inner.height);
    let free = inner.height.saturating_sub(lines.len() as u16);
    let bottom_h = match rows.max(free.saturating_sub(1)) {
        r if r + 1 >= 3 => (r + 1).min(inner.height),
        _ => 0,
    };
    let body = Rect::new(inner.x, inner.y, inner.width, inner.height - bottom_h);
    let bottom = Rect::new(inner.x, body.bottom(), inner.width, bottom_h);

    if bottom_h > 0 {
        let rows = bottom_h as usize - 1;
        let lines = cluster::events_log(&ctx, chrome.border, inner.width, pad, rows);
        let events_area = Rect::new(bottom.x + pad, bottom.y, bottom.width - pad, bottom.height);
        frame.render_widget(Rows(&lines), events_area);
    }

    if body.height > 0 {
        let rows = body.height as usize;
        let total = lines.len();
        let max = total.saturating_sub(rows);
        app.live.scroll = app.live.scroll.min(max);
        app.geometry.cluster_rows = rows;
        app.geometry.cluster_lines = total;
        let visible = &lines[app.live.scroll.min(total)..];
        frame.render_widget(
            Rows(visible),
            Rect::new(body.x + pad, body.y, width as u16, body.height),
        );
        super::lesson::scrollbar(frame, body, total, rows, app.live.scroll);
    }
}
