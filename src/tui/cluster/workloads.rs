//! Deployments (ready of wanted, image) and Jobs (completions, state): one
//! line each, so the student sees the desired state beside the pods;
//! the cluster's own (in kube-system) are not shown.

use super::fit::Row;
use super::{Ctx, heading};
use crate::sim::status;
use crate::sim::system::is_system_namespace;
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
    // The cluster's own workloads (CoreDNS in kube-system) are left out.
    for d in s
        .deployments()
        .sorted()
        .filter(|d| !is_system_namespace(&d.meta.namespace))
    {
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
    for j in s
        .jobs()
        .sorted()
        .filter(|j| !is_system_namespace(&j.meta.namespace))
    {
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
    if !out.is_empty() {
        out.insert(0, heading(ctx, ui.workloads()));
    }
    out
}
