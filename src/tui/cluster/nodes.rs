//! Nodes: name, STATUS, pod CIDR, pod count, taints, a heartbeat that is
//! late; cpu and memory requests against allocatable as bars; the runtime
//! chain (kubelet ─CRI→ containerd, or through dockershim and docker), lit
//! per node; then the node's pods.

use super::control_plane::chip;
use super::fit::{Row, bar, percent};
use super::pods::Columns;
use super::{Ctx, heading};
use crate::sim::events::Component;
use crate::sim::kubelet::HEARTBEAT_MS;
use crate::sim::objects::Resources;
use crate::sim::status;
use crate::sim::stored::{Node, Pod};
use crate::sim::system::is_system_namespace;
use crate::sim::timefmt::human_duration;
use crate::text;
use ratatui::text::Line;

/// Requests of the pods that hold resources on the node (not finished).
fn allocated(pods: &[&Pod]) -> Resources {
    pods.iter()
        .filter(|p| !p.status.phase.is_terminal())
        .fold(Resources::default(), |a, p| {
            let r = p.spec.requests();
            Resources {
                cpu_millis: a.cpu_millis + r.cpu_millis,
                memory_bytes: a.memory_bytes + r.memory_bytes,
            }
        })
}

fn header(ctx: &Ctx, node: &Node, pods: usize) -> Line<'static> {
    let (ui, pal) = (ctx.ui, ctx.pal);
    let st = status::node_status(node);
    let mut row = Row::new(ctx.width);
    row.push(format!(" {}", text::sanitize(&node.meta.name)), pal.name);
    row.push(format!("  {st}"), pal.node_status(&st));
    let silent = ctx.cluster.now().saturating_sub(node.heartbeat_ms);
    if silent > 2 * HEARTBEAT_MS {
        row.maybe(
            format!("  {}", ui.heartbeat_ago(&human_duration(silent))),
            pal.bad,
        );
    }
    row.maybe(format!("  {}", node.pod_cidr), pal.dim);
    row.maybe(format!("  {}", ui.pods_count(pods)), pal.dim);
    // Taints as `describe node` lists them, the key's last part only
    // (`control-plane:NoSchedule`, `unreachable:NoExecute`).
    for t in &node.taints {
        let key = t.taint.key.rsplit('/').next().unwrap_or("");
        row.maybe(
            format!("  {}:{}", text::sanitize(key), t.taint.effect.name()),
            pal.warn,
        );
    }
    row.line()
}

/// The runtime chain of one node, as chips lit by what acted on it; the
/// chips lose their padding when the full chain does not fit.
fn chain(ctx: &Ctx, node: &str, row: &mut Row) {
    let chain = ctx.cluster.runtime_chain();
    let compact = row.room() < chain_width(ctx);
    if compact {
        // Where the padded chip would have its space.
        row.push(" ", ctx.pal.off);
    }
    for (i, c) in chain.iter().enumerate() {
        let link = match i {
            0 => "",
            1 => "─CRI→",
            _ => "→",
        };
        row.push(link, ctx.pal.dim);
        let glow = ctx.flow.node_glow(node, *c);
        if compact {
            row.push(c.name(), ctx.pal.glow(glow));
        } else {
            chip(row, ctx, *c, glow);
        }
    }
    let cni = ctx.flow.node_glow(node, Component::Cni);
    if row.room() >= 6 {
        row.push(" ", ctx.pal.off);
        chip(row, ctx, Component::Cni, cni);
    }
}

/// Columns of the padded chain and the CNI chip.
fn chain_width(ctx: &Ctx) -> usize {
    let chain = ctx.cluster.runtime_chain();
    chain.iter().map(|c| c.name().len() + 2).sum::<usize>()
        + if chain.len() > 1 {
            5 + chain.len() - 2
        } else {
            0
        }
}

fn bars(ctx: &Ctx, node: &Node, pods: &[&Pod]) -> Vec<Line<'static>> {
    let pal = ctx.pal;
    let used = allocated(pods);
    let total = node.allocatable;
    // "  cpu " bar " 100%" "  mem " bar " 100%"
    let fixed = 6 + 5 + 6 + 5;
    let with_chain = ctx.width >= fixed + 2 * 6 + 2 + chain_width(ctx) + 6;
    let room = if with_chain {
        ctx.width - 2 - chain_width(ctx) - 6
    } else {
        ctx.width
    };
    let w = (room.saturating_sub(fixed) / 2).clamp(3, 16);
    let mut row = Row::new(ctx.width);
    for (label, u, t) in [
        ("cpu", used.cpu_millis, total.cpu_millis),
        ("mem", used.memory_bytes, total.memory_bytes),
    ] {
        let (full, empty) = bar(u, t, w);
        row.push(format!("  {label} "), pal.dim);
        row.push(full, pal.bar_used);
        row.push(empty, pal.bar_free);
        row.push(format!(" {:>3}%", percent(u, t)), pal.dim);
    }
    let name = node.meta.name.as_str();
    if with_chain {
        row.push(" ", pal.off);
        chain(ctx, name, &mut row);
        return vec![row.line()];
    }
    let mut second = Row::new(ctx.width);
    second.push(" ", pal.off);
    chain(ctx, name, &mut second);
    vec![row.line(), second.line()]
}

pub(super) fn lines(ctx: &Ctx, cols: &Columns) -> Vec<Line<'static>> {
    let mut out = vec![heading(ctx, ctx.ui.nodes())];
    let mut any_pods = false;
    for node in ctx.cluster.nodes() {
        // The cluster's own pods (kube-system) are not listed, but what
        // they request counts in the bars.
        let all = ctx.cluster.pods_on(&node.meta.name);
        let pods: Vec<&Pod> = all
            .iter()
            .copied()
            .filter(|p| !is_system_namespace(&p.meta.namespace))
            .collect();
        any_pods |= !pods.is_empty();
        out.push(header(ctx, node, pods.len()));
        // The control plane runs no workloads (it is tainted): its bars
        // and chain would be empty noise unless a pod tolerates the taint.
        if !node.is_control_plane() || !pods.is_empty() {
            out.extend(bars(ctx, node, &all));
        }
        for p in pods {
            out.push(cols.row(ctx, p));
        }
    }
    if !any_pods && ctx.cluster.unscheduled_pods().is_empty() {
        for l in no_pods_lines(ctx.ui, ctx.width) {
            out.push(Line::styled(l, ctx.pal.dim));
        }
    }
    out
}

/// The empty cluster's hint laid out for `width`, indented by two: on one
/// line when it fits; otherwise wrapped at spaces, but with the command
/// kept whole on a line of its own (cut with … only when even that line is
/// too narrow), so what is shown can be typed as it reads.
pub fn no_pods_lines(ui: &crate::tui::i18n::Ui, width: usize) -> Vec<String> {
    let room = width.saturating_sub(2);
    let [before, command, after] = ui.no_pods_hint();
    let whole = [before, command, after]
        .iter()
        .filter(|s| !s.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" ");
    let mut lines: Vec<String> = if text::width(&whole) <= room {
        vec![whole]
    } else {
        let mut v = text::wrap_str(before, room);
        v.push(text::truncate(command, room));
        if !after.is_empty() {
            v.extend(text::wrap_str(after, room));
        }
        v
    };
    for l in &mut lines {
        l.insert_str(0, "  ");
    }
    lines
}

#[cfg(test)]
mod hint_tests {
    use super::no_pods_lines;
    use crate::lang::Lang;
    use crate::tui::i18n::Ui;

    #[test]
    fn the_command_is_never_split_across_lines() {
        let en = Ui::new(Lang::En);
        assert_eq!(
            no_pods_lines(&en, 80),
            ["  No pods yet. Try :create deployment web --image=nginx"]
        );
        assert_eq!(
            no_pods_lines(&en, 40),
            [
                "  No pods yet. Try",
                "  :create deployment web --image=nginx"
            ]
        );
        assert_eq!(
            no_pods_lines(&en, 20),
            ["  No pods yet. Try", "  :create deploymen…"]
        );
        let ko = Ui::new(Lang::Ko);
        assert_eq!(
            no_pods_lines(&ko, 50),
            [
                "  아직 파드가 없습니다. 이렇게 입력해 보세요:",
                "  :create deployment web --image=nginx"
            ]
        );
    }
}
