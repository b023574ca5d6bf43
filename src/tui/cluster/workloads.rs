//! Deployments (ready of wanted, image), StatefulSets (ready of wanted),
//! Jobs (completions, state), CronJobs (schedule, suspended) and
//! PersistentVolumeClaims (phase, volume, capacity, as `kubectl get pvc`
//! prints them): one line each, so the student sees the desired state
//! beside the pods.

use super::fit::Row;
use super::{Ctx, heading};
use crate::sim::kinds::PvcPhase;
use crate::sim::status;
use crate::text;
use ratatui::text::Line;

fn qualified(ns: &str, name: &str) -> String {
    let name = text::sanitize(name);
    if ns == "default" {
        name.into_owned()
    } else {
        format!("{}/{name}", text::sanitize(ns))
    }
}

pub(super) fn lines(ctx: &Ctx) -> Vec<Line<'static>> {
    let (s, ui, pal) = (ctx.cluster.store(), ctx.ui, ctx.pal);
    let mut out = Vec::new();
    for d in s.deployments().sorted() {
        let mut row = Row::new(ctx.width);
        row.push("  deploy ", pal.dim);
        row.push(qualified(&d.meta.namespace, &d.meta.name), pal.name);
        let want = d.spec.replicas;
        let ready = d.status.ready;
        let style = if ready >= want { pal.good } else { pal.warn };
        row.push(format!("  {}", ui.ready_of(ready, want)), style);
        if let Some(c) = d.spec.template.spec.containers.first() {
            row.maybe(format!("  {}", text::sanitize(&c.image)), pal.dim);
        }
        out.push(row.line());
    }
    for st in s.statefulsets().sorted() {
        let mut row = Row::new(ctx.width);
        row.push("  sts ", pal.dim);
        row.push(qualified(&st.meta.namespace, &st.meta.name), pal.name);
        let (ready, want) = (st.status.ready, st.spec.replicas);
        let style = if ready >= want { pal.good } else { pal.warn };
        row.push(format!("  {}", ui.ready_of(ready, want)), style);
        if let Some(c) = st.spec.template.spec.containers.first() {
            row.maybe(format!("  {}", text::sanitize(&c.image)), pal.dim);
        }
        out.push(row.line());
    }
    for j in s.jobs().sorted() {
        let mut row = Row::new(ctx.width);
        row.push("  job ", pal.dim);
        row.push(qualified(&j.meta.namespace, &j.meta.name), pal.name);
        let state = status::job_status(j);
        let style = match state {
            "Complete" => pal.info,
            "Failed" => pal.bad,
            _ => pal.warn,
        };
        row.push(format!("  {state}"), style);
        let want = j.spec.completions.unwrap_or(1);
        row.maybe(
            format!("  {}", ui.complete_of(j.status.succeeded, want)),
            pal.dim,
        );
        out.push(row.line());
    }
    for cj in s.cronjobs().sorted() {
        let mut row = Row::new(ctx.width);
        row.push("  cronjob ", pal.dim);
        row.push(qualified(&cj.meta.namespace, &cj.meta.name), pal.name);
        row.push(format!("  {}", text::sanitize(&cj.spec.schedule)), pal.info);
        if cj.spec.suspend {
            row.maybe("  suspend", pal.warn);
        }
        out.push(row.line());
    }
    for c in s.persistentvolumeclaims().sorted() {
        let mut row = Row::new(ctx.width);
        row.push("  pvc ", pal.dim);
        row.push(qualified(&c.meta.namespace, &c.meta.name), pal.name);
        let bound = c.status.phase == PvcPhase::Bound;
        row.push(
            format!("  {}", c.status.phase.name()),
            if bound { pal.good } else { pal.warn },
        );
        if bound {
            if let Some(v) = &c.spec.volume_name {
                row.maybe(format!("  {}", text::sanitize(v)), pal.dim);
            }
            row.maybe(
                format!(
                    "  {}",
                    crate::quantity::format_bytes(c.status.capacity_bytes)
                ),
                pal.dim,
            );
        }
        out.push(row.line());
    }
    if !out.is_empty() {
        out.insert(0, heading(ctx, ui.workloads()));
    }
    out
}
