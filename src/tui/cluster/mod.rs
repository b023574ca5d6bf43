//! The live cluster in the interface: its state ([`live::Live`], the flow of
//! lights in [`flow`]) and the widgets of the cluster pane, each a pure
//! function from the cluster to lines of a given width.
//!
//! The pane reads, top to bottom: the section's caption, the control plane
//! (api-server, etcd with its revision and object count, scheduler,
//! controller-manager, and the step that just happened), the nodes with
//! their pods, the pending lane, workloads, Services with traffic; the
//! events log sits at the bottom (see `views/cluster.rs`).

mod actions;
mod control_plane;
mod events;
pub mod fit;
pub mod flow;
pub mod live;
pub(in crate::tui) mod nodes;
mod pods;
mod services;
pub mod style;
mod workloads;

use super::i18n::Ui;
use crate::sim::Cluster;
use flow::Flow;
use ratatui::text::Line;
use style::Palette;

/// What every widget needs to draw.
pub struct Ctx<'a> {
    pub cluster: &'a Cluster,
    pub flow: &'a Flow,
    pub ui: &'a Ui,
    pub pal: &'a Palette,
    pub width: usize,
}

/// The scrolling part of the pane.
pub fn body(ctx: &Ctx) -> Vec<Line<'static>> {
    let mut lines = control_plane::lines(ctx);
    let cols = pods::Columns::for_cluster(ctx);
    lines.extend(nodes::lines(ctx, &cols));
    lines.extend(pods::pending_lane(ctx, &cols));
    lines.extend(workloads::lines(ctx));
    lines.extend(services::lines(ctx));
    lines
}

/// The last `rows` events, newest at the bottom, as `kubectl get events -w`
/// prints them.
pub fn events(ctx: &Ctx, rows: usize) -> Vec<Line<'static>> {
    events::lines(ctx, rows)
}

/// The events log as the panes show it at their bottom: a heading ruled
/// across `width` columns, then the last `rows` events, `width - pad` wide.
pub fn events_log(
    ctx: &Ctx,
    border: ratatui::style::Style,
    width: u16,
    pad: u16,
    rows: usize,
) -> Vec<Line<'static>> {
    let title = ctx.ui.events();
    let mut lines = vec![Line::from(vec![
        ratatui::text::Span::styled(format!("{title} "), ctx.pal.heading),
        ratatui::text::Span::styled(
            "─".repeat((width as usize).saturating_sub(crate::text::width(title) + 1)),
            border,
        ),
    ])];
    let full = Ctx {
        width: width.saturating_sub(pad) as usize,
        ..*ctx
    };
    lines.extend(events(&full, rows));
    lines
}

/// A section heading.
fn heading(ctx: &Ctx, title: &str) -> Line<'static> {
    let mut row = fit::Row::new(ctx.width);
    row.push(title.to_string(), ctx.pal.heading);
    row.line()
}
