//! The control plane: api-server, etcd (revision, object count), scheduler,
//! controller-manager, each lit while its hop of the flow plays, and a line
//! saying what the last hop did.

use super::fit::Row;
use super::{Ctx, heading};
use crate::sim::events::Component;
use crate::text;
use ratatui::text::Line;

/// A component as a chip: its name with a space each side, styled by glow.
pub(super) fn chip(row: &mut Row, ctx: &Ctx, c: Component, glow: super::flow::Glow) {
    row.push(format!(" {} ", c.name()), ctx.pal.glow(glow));
}

pub(super) fn lines(ctx: &Ctx) -> Vec<Line<'static>> {
    let (c, f, ui, pal) = (ctx.cluster, ctx.flow, ctx.ui, ctx.pal);
    let mut out = vec![heading(ctx, ui.control_plane())];

    let mut row = Row::new(ctx.width);
    row.push(" ", pal.off);
    chip(
        &mut row,
        ctx,
        Component::ApiServer,
        f.glow(Component::ApiServer),
    );
    row.push(" ", pal.off);
    chip(&mut row, ctx, Component::Etcd, f.glow(Component::Etcd));
    row.push(
        format!(" {}", ui.etcd_state(c.revision(), c.object_count())),
        pal.dim,
    );
    out.push(row.line());

    let mut row = Row::new(ctx.width);
    row.push(" ", pal.off);
    chip(
        &mut row,
        ctx,
        Component::Scheduler,
        f.glow(Component::Scheduler),
    );
    row.push(" ", pal.off);
    chip(
        &mut row,
        ctx,
        Component::ControllerManager,
        f.glow(Component::ControllerManager),
    );
    let queue = c.scheduling_queue_len();
    if queue > 0 {
        row.maybe(format!(" {}", ui.scheduling_queue(queue)), pal.warn);
    }
    out.push(row.line());

    // What the hop lit now did: a stable row, blank until something acts.
    let mut row = Row::new(ctx.width);
    if let Some(beat) = &f.last {
        row.push(" › ", pal.dim);
        row.push(beat.component.name(), pal.fading);
        let more = if beat.more > 0 {
            format!(" (+{})", beat.more)
        } else {
            String::new()
        };
        let room = row.room().saturating_sub(1 + text::width(&more));
        row.push(
            format!(" {}", text::truncate(&text::sanitize(&beat.message), room)),
            pal.dim,
        );
        row.maybe(more, pal.dim);
    }
    out.push(row.line());
    out
}
