//! Pod rows (phase glyph and colour, name, kubectl STATUS, READY, IP,
//! restarts) with columns shared by every pod in the pane, and the lane of
//! pods no node was found for.

use super::fit::{Row, short_name};
use super::style::phase_glyph;
use super::{Ctx, heading};
use crate::sim::status;
use crate::sim::stored::Pod;
use crate::sim::system::is_system_namespace;
use crate::text;
use ratatui::text::Line;

/// Columns before the name: two spaces of indent, the glyph, a space.
const LEAD: usize = 4;

/// Column widths for the pods in view, so rows line up across nodes.
#[derive(Debug, Clone, Copy)]
pub struct Columns {
    name: usize,
    status: usize,
    ready: bool,
    ip: usize,
    restarts: usize,
}

fn restarts(pod: &Pod) -> String {
    match pod.restarts() {
        0 => String::new(),
        n => format!("↻{n}"),
    }
}

impl Columns {
    pub fn for_cluster(ctx: &Ctx) -> Columns {
        let s = ctx.cluster.store();
        let mut cols = Columns {
            name: 0,
            status: 0,
            ready: true,
            ip: 0,
            restarts: 0,
        };
        for p in s
            .pods()
            .iter()
            .filter(|p| !is_system_namespace(&p.meta.namespace))
        {
            cols.name = cols.name.max(text::width(&p.meta.name));
            cols.status = cols.status.max(text::width(&status::pod_status(p)));
            cols.ip = cols
                .ip
                .max(p.status.pod_ip.as_deref().map_or(0, text::width));
            cols.restarts = cols.restarts.max(text::width(&restarts(p)));
        }
        let gap = |w: usize| if w > 0 { w + 1 } else { 0 };
        let fixed = |c: &Columns| {
            LEAD + gap(c.status) + gap(if c.ready { 3 } else { 0 }) + gap(c.ip) + gap(c.restarts)
        };
        let want = cols.name;
        // Narrow panes: drop the IP first, then READY, before squeezing
        // names below what tells pods apart; STATUS always stays (lessons
        // ask the student to watch READY and STATUS).
        if ctx.width < fixed(&cols) + want {
            cols.ip = 0;
        }
        if ctx.width < fixed(&cols) + want.min(10) {
            cols.ready = false;
        }
        cols.name = want.min(ctx.width.saturating_sub(fixed(&cols))).max(4);
        cols
    }

    /// One pod as a row.
    pub fn row(&self, ctx: &Ctx, pod: &Pod) -> Line<'static> {
        let pal = ctx.pal;
        let phase = pod.status.phase;
        let st = status::pod_status(pod);
        let mut row = Row::new(ctx.width);
        row.push("  ", pal.off);
        row.push(phase_glyph(phase), pal.phase(phase));
        row.push(" ", pal.off);
        row.push(
            text::pad_right(&short_name(&pod.meta.name, self.name), self.name),
            pal.name,
        );
        if self.status > 0 {
            row.push(
                format!(" {}", text::pad_right(&st, self.status)),
                pal.status(&st, phase),
            );
        }
        if self.ready {
            let (r, t) = status::pod_ready(pod);
            row.push(
                format!(" {}", text::pad_right(&format!("{r}/{t}"), 3)),
                pal.dim,
            );
        }
        if self.ip > 0 {
            let ip = pod.status.pod_ip.as_deref().unwrap_or("");
            row.push(format!(" {}", text::pad_right(ip, self.ip)), pal.dim);
        }
        let r = restarts(pod);
        if self.restarts > 0 && !r.is_empty() {
            row.push(format!(" {r}"), pal.warn);
        }
        row.line()
    }
}

/// Pods without a node: their STATUS and why the scheduler could not place
/// them (the PodScheduled condition's message).
pub(super) fn pending_lane(ctx: &Ctx, cols: &Columns) -> Vec<Line<'static>> {
    let pods = ctx.cluster.unscheduled_pods();
    if pods.is_empty() {
        return Vec::new();
    }
    let mut out = vec![heading(ctx, ctx.ui.pending_lane())];
    for p in pods {
        out.push(cols.row(ctx, p));
        let why = p
            .status
            .conditions
            .scheduled
            .as_ref()
            .filter(|c| !c.is_true())
            .and_then(|c| c.message());
        if let Some(why) = why {
            let line = format!("    {}", text::sanitize(why));
            out.push(Line::styled(text::truncate(&line, ctx.width), ctx.pal.dim));
        }
    }
    out
}
