//! The drill's cluster pane: the card's own cluster, drawn by the same
//! widgets as the tutor's cluster pane (`tui::cluster`), under a note that
//! says where the replay is and the card's pod as kubectl shows it now.
//! The events log sits at the bottom when there is room.

use super::Drill;
use super::replay::Stage;
use super::words::Words;
use crate::quiz::plain::clock;
use crate::text;
use crate::tui::cluster::style::Palette;
use crate::tui::cluster::{self, Ctx};
use crate::tui::i18n::Ui;
use crate::tui::theme::Chrome;
use crate::tui::views::{Rows, pane_block};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

/// The cluster lines without the nodes widget's "no pods yet, try
/// :create ..." hint: in the drill the pod comes from the card, and there
/// is no command bar. The hint is found exactly as the widget lays it out.
fn without_hint(mut lines: Vec<Line<'static>>, ui: &Ui, width: usize) -> Vec<Line<'static>> {
    let hint = crate::tui::cluster::nodes::no_pods_lines(ui, width);
    let plain = |l: &Line| {
        l.spans
            .iter()
            .map(|s| s.content.as_ref())
            .collect::<String>()
    };
    if let Some(at) = (0..lines.len()).find(|&i| {
        hint.iter()
            .enumerate()
            .all(|(j, h)| lines.get(i + j).is_some_and(|l| plain(l) == *h))
    }) {
        lines.drain(at..at + hint.len());
    }
    lines
}

/// Rows of the events log for a pane body of `height` rows.
fn events_rows(height: u16) -> u16 {
    match height {
        h if h >= 28 => (h / 4).min(8),
        h if h >= 16 => 3,
        _ => 0,
    }
}

pub(super) fn draw(
    frame: &mut Frame,
    area: Rect,
    drill: &mut Drill,
    w: &Words,
    chrome: &Chrome,
    pal: &Palette,
    focused: bool,
) {
    drill.geometry.cluster = Some(area);
    let Some(replay) = drill.replay.as_ref() else {
        frame.render_widget(
            pane_block(w.cluster(), "", focused, area.width, chrome),
            area,
        );
        return;
    };
    let card = *replay.card();
    let mut right = format!("{} / {}", clock(replay.elapsed_ms()), clock(card.after_ms));
    if replay.stage() == Stage::Playing {
        right.push_str(&format!(" · {}×", replay.speed()));
    }
    let block = pane_block(w.cluster(), &right, focused, area.width, chrome);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.width == 0 || inner.height == 0 {
        return;
    }
    let pad = u16::from(inner.width > 20);
    let width = inner.width.saturating_sub(1 + pad) as usize;

    // The note and the pod stay on top; the cluster scrolls under them.
    let mut top: Vec<Line<'static>> = Vec::new();
    if let Some(err) = &replay.error {
        let msg = format!("⚠ {}: {}", w.setup_failed(), text::sanitize(err));
        top.extend(
            text::wrap_str(&msg, width)
                .into_iter()
                .map(|l| Line::styled(l, pal.bad)),
        );
    }
    let note = match replay.stage() {
        Stage::Waiting => w.waiting(&card),
        Stage::Playing => w.playing(&card, replay.speed()),
        Stage::Done => w.at_moment(&card),
    };
    top.extend(
        text::wrap_str(&note, width)
            .into_iter()
            .map(|l| Line::styled(l, pal.info)),
    );
    let pod = text::sanitize(replay.pod()).into_owned();
    let pod_line = match replay.pod_state() {
        Some(p) => w.pod_line(&pod, &p.phase, &p.status, p.restarts),
        None => w.pod_absent(&pod, replay.seen_pod()),
    };
    let pod_style = if replay.stage() == Stage::Done {
        pal.name.add_modifier(Modifier::REVERSED)
    } else {
        pal.name
    };
    top.extend(
        text::wrap_str(&pod_line, width)
            .into_iter()
            .map(|l| Line::styled(l, pod_style)),
    );
    let top_h = (top.len() as u16).min(inner.height);
    frame.render_widget(
        Paragraph::new(top),
        Rect::new(inner.x + pad, inner.y, width as u16, top_h),
    );
    let rest = Rect::new(inner.x, inner.y + top_h, inner.width, inner.height - top_h);
    if rest.height < 2 {
        return;
    }

    let ui = Ui::new(drill.lang());
    let ctx = Ctx {
        cluster: replay.cluster(),
        flow: replay.flow(),
        ui: &ui,
        pal,
        width,
    };
    let mut lines = vec![Line::default()];
    lines.extend(without_hint(cluster::body(&ctx), &ui, width));

    let rows = events_rows(rest.height);
    let bottom_h = if rows > 0 { rows + 1 } else { 0 };
    let body = Rect::new(rest.x, rest.y, rest.width, rest.height - bottom_h);
    if bottom_h > 0 {
        let bottom = Rect::new(rest.x + pad, body.bottom(), rest.width - pad, bottom_h);
        let ev = cluster::events_log(&ctx, chrome.border, rest.width, pad, rows as usize);
        frame.render_widget(Rows(&ev), bottom);
    }

    let rows = body.height as usize;
    let total = lines.len();
    let max = total.saturating_sub(rows);
    drill.cluster_scroll = drill.cluster_scroll.min(max);
    drill.geometry.cluster_rows = rows;
    drill.geometry.cluster_lines = total;
    if rows == 0 {
        return;
    }
    let visible = &lines[drill.cluster_scroll.min(total)..];
    frame.render_widget(
        Rows(visible),
        Rect::new(body.x + pad, body.y, width as u16, body.height),
    );
    crate::tui::views::scrollbar(frame, body, total, rows, drill.cluster_scroll);
}
