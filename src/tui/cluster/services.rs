//! Services: ClusterIP, ready endpoints, and for simulated traffic a
//! sparkline of requests per second and how many requests each pod served.
//! kube-proxy, which programs the rules, lights up beside the heading.

use super::Ctx;
use super::control_plane::chip;
use super::fit::{Row, short_name, sparkline};
use crate::sim::events::Component;
use crate::sim::system::is_system_namespace;
use crate::text;
use ratatui::text::Line;

/// Width of the sparkline at most (seconds of history shown).
const SPARK_MAX: usize = 30;

pub(super) fn lines(ctx: &Ctx) -> Vec<Line<'static>> {
    let (c, ui, pal) = (ctx.cluster, ctx.ui, ctx.pal);
    let s = c.store();
    let services: Vec<_> = s
        .services()
        .sorted()
        .filter(|svc| !(svc.meta.namespace == "default" && svc.meta.name == "kubernetes"))
        .filter(|svc| !is_system_namespace(&svc.meta.namespace))
        .collect();
    if services.is_empty() {
        return Vec::new();
    }
    let mut head = Row::new(ctx.width);
    head.push(ui.services(), pal.heading);
    head.push("  ", pal.off);
    chip(
        &mut head,
        ctx,
        Component::KubeProxy,
        ctx.flow.glow(Component::KubeProxy),
    );
    let mut out = vec![head.line()];
    for svc in services {
        let (ns, name) = (&svc.meta.namespace, &svc.meta.name);
        let ready = s.endpoints().find(ns, name).map_or(0, |e| e.ready.len());
        let traffic = c.traffic(ns, name).filter(|t| t.rps > 0 || t.total > 0);
        let name = format!("  {}", text::sanitize(name));
        let endpoints = format!("  {}", ui.endpoints_count(ready));
        let ip = format!("  {}", svc.cluster_ip());
        // The ClusterIP only if a short sparkline still fits after it.
        let spark_min = if traffic.is_some() { 2 + 8 + 6 } else { 0 };
        let room_for_ip =
            text::width(&name) + text::width(&ip) + text::width(&endpoints) + spark_min
                <= ctx.width;
        let mut row = Row::new(ctx.width);
        row.push(name, pal.name);
        if room_for_ip {
            row.push(ip, pal.dim);
        }
        row.push(endpoints, if ready > 0 { pal.good } else { pal.warn });
        if let Some(t) = traffic {
            let rate = format!(" {}/s", t.history.back().copied().unwrap_or(0));
            // Failed requests matter more than the sparkline: room for them first.
            let mut failed = Vec::new();
            if t.dropped > 0 {
                failed.push(format!("  {}", ui.dropped(t.dropped)));
            }
            if t.timed_out > 0 {
                failed.push(format!("  {}", ui.timed_out(t.timed_out)));
            }
            let failed_width: usize = failed.iter().map(|f| text::width(f)).sum();
            let room = row
                .room()
                .saturating_sub(2 + text::width(&rate) + failed_width);
            let w = room.min(SPARK_MAX).min(t.history.len());
            if w >= 4 {
                row.push("  ", pal.off);
                row.push(sparkline(t.history.iter().copied(), w), pal.spark);
            }
            row.maybe(rate, pal.dim);
            for f in failed {
                row.maybe(f, pal.bad);
            }
        }
        out.push(row.line());
        if let Some(t) = traffic {
            out.extend(counters(ctx, t.per_pod.iter()));
        }
    }
    out
}

/// `web-…-4jvch 103  web-…-pjd45 97`, wrapped to the width.
fn counters<'a>(
    ctx: &Ctx,
    per_pod: impl Iterator<Item = (&'a String, &'a u64)>,
) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    let mut row = Row::new(ctx.width);
    row.push("   ", ctx.pal.off);
    let mut empty = true;
    for (pod, n) in per_pod {
        let item = format!(" {} {n}", short_name(pod, 14));
        if !empty && row.room() < text::width(&item) {
            out.push(std::mem::replace(&mut row, Row::new(ctx.width)).line());
            row.push("   ", ctx.pal.off);
        }
        row.push(item, ctx.pal.dim);
        empty = false;
    }
    if !empty {
        out.push(row.line());
    }
    out
}
