//! The events log, as `kubectl get events -w` streams it: LAST SEEN, (TYPE
//! when there is room), REASON, OBJECT, MESSAGE; the newest at the bottom.

use super::Ctx;
use super::fit::{Row, short_name};
use crate::sim::events::{Event, EventType};
use crate::sim::system::is_system_namespace;
use crate::sim::timefmt::human_duration;
use crate::text;
use ratatui::text::Line;

/// From this width on, the TYPE column is shown.
const TYPE_FROM: usize = 80;

pub(super) fn lines(ctx: &Ctx, rows: usize) -> Vec<Line<'static>> {
    if rows == 0 {
        return Vec::new();
    }
    let now = ctx.cluster.now();
    // The cluster's own namespaces (kube-system) are left out, as the
    // default-namespace `kubectl get events` leaves them out.
    let mut events: Vec<&Event> = ctx
        .cluster
        .events()
        .filter(|e| !is_system_namespace(&e.involved.namespace))
        .collect();
    events.sort_by_key(|e| (e.last_ms, e.last_seq));
    let shown = &events[events.len().saturating_sub(rows)..];
    if shown.is_empty() {
        return vec![Line::styled(
            text::truncate(&format!(" {}", ctx.ui.no_events()), ctx.width),
            ctx.pal.dim,
        )];
    }
    let object_room = (ctx.width / 3).max(8);
    shown
        .iter()
        .map(|e| {
            let warning = e.event_type == EventType::Warning;
            let mut row = Row::new(ctx.width);
            row.push(
                format!("{:>5} ", human_duration(now.saturating_sub(e.last_ms))),
                ctx.pal.dim,
            );
            if ctx.width >= TYPE_FROM {
                row.push(
                    format!("{:<8}", e.event_type.name()),
                    if warning { ctx.pal.warn } else { ctx.pal.dim },
                );
            }
            row.push(
                format!("{} ", text::sanitize(&e.reason)),
                if warning { ctx.pal.warn } else { ctx.pal.name },
            );
            let kind = e.involved.kind.name().to_ascii_lowercase();
            let name = short_name(
                &text::sanitize(&e.involved.name),
                object_room.saturating_sub(kind.len() + 1),
            );
            row.push(format!("{kind}/{name} "), ctx.pal.dim);
            let mut message = text::sanitize(&e.message).replace('\n', " ");
            if e.count > 1 {
                message = format!("{message} (x{})", e.count);
            }
            row.push(message, ctx.pal.off);
            row.line()
        })
        .collect()
}
