//! Commands that wait, as kubectl does: `delete` waits until the objects
//! are gone (`--wait=true`, the default), `rollout status` follows the
//! rollout until it is done, `drain` waits for every evicted pod to
//! disappear. Waiting advances the simulated cluster's time, never longer
//! than `--timeout`; where kubectl would wait without end, the simulator
//! stops after [`FOLLOW_LIMIT_MS`] and says so.
//! (kubectl: pkg/cmd/delete, pkg/cmd/rollout/rollout_status.go,
//! pkg/drain/drain.go `waitForDelete`)

use super::Outcome;
use crate::duration::go_duration;
use crate::sim::Cluster;
use crate::sim::clock::STEP_MS;
use crate::sim::queries::Rollout;
use crate::sim::stored::Oid;

/// The most cluster time a command follows when kubectl would wait on
/// (no `--timeout`): past a Deployment's default progress deadline (10
/// minutes) and the 300 s eviction of a lost node's pods.
pub const FOLLOW_LIMIT_MS: u64 = 15 * 60_000;

/// How often `drain` looks whether an evicted pod is gone (kubectl polls
/// every second).
const DRAIN_POLL_MS: u64 = 1_000;

/// The simulator's own limit was reached where kubectl would still be
/// waiting (no `--timeout`): say so, and how not to wait.
fn limit_note(what: &str, how: &str) -> String {
    format!(
        "(kubectl would still be waiting {what}; the simulator stops following after {} of cluster time: {how})",
        go_duration(FOLLOW_LIMIT_MS)
    )
}

/// Advance `c` one step at a time until `done` holds or `limit_ms` passed;
/// whether `done` held.
fn advance_until(c: &mut Cluster, limit_ms: u64, mut done: impl FnMut(&Cluster) -> bool) -> bool {
    let end = c.now() + limit_ms;
    while !done(c) {
        if c.now() >= end {
            return false;
        }
        c.advance(STEP_MS);
    }
    true
}

/// After `delete` printed its lines: wait until the deleted pods (name,
/// oid) are gone from the API.
pub(super) fn wait_deleted(
    c: &mut Cluster,
    mut out: Outcome,
    pods: &[(String, Oid)],
    timeout_ms: Option<u64>,
) -> Outcome {
    let gone = |c: &Cluster| {
        pods.iter()
            .all(|(_, oid)| c.store().pods().get(*oid).is_none())
    };
    if advance_until(c, timeout_ms.unwrap_or(FOLLOW_LIMIT_MS), gone) {
        return out;
    }
    let left = pods
        .iter()
        .find(|(_, oid)| c.store().pods().get(*oid).is_some())
        .map_or_else(String::new, |(name, _)| name.clone());
    let line = match timeout_ms {
        Some(_) => format!("error: timed out waiting for the condition on pods/{left}"),
        None => limit_note(
            &format!("for pod {left} to be deleted"),
            "add --timeout, or --wait=false not to wait",
        ),
    };
    out.output.push_str(&line);
    out.output.push('\n');
    out.ok = false;
    out
}

/// `rollout status deployment/NAME`: the status at once, then again each
/// time the Deployment changes, until the rollout is done or has failed.
pub(super) fn rollout_status(
    c: &mut Cluster,
    ns: &str,
    name: &str,
    watch: bool,
    timeout_ms: Option<u64>,
) -> Outcome {
    let mut lines = Vec::new();
    let mut seen: Option<u64> = None;
    let version = |c: &Cluster| {
        c.store()
            .deployments()
            .find(ns, name)
            .map(|d| d.meta.resource_version)
    };
    let end = c.now() + timeout_ms.unwrap_or(FOLLOW_LIMIT_MS);
    loop {
        let v = version(c);
        if v != seen {
            seen = v;
            match c.rollout_status(ns, name) {
                Ok(Rollout::Done(m)) => {
                    lines.push(m);
                    return Outcome::ok(lines.join("\n"));
                }
                Ok(Rollout::Waiting(m)) => {
                    lines.push(m);
                    if !watch {
                        return Outcome::ok(lines.join("\n"));
                    }
                }
                Ok(Rollout::Failed(m)) | Err(m) => {
                    lines.push(m);
                    return Outcome::fail(lines.join("\n"));
                }
            }
        }
        if c.now() >= end {
            lines.push(match timeout_ms {
                Some(_) => "error: timed out waiting for the condition".into(),
                None => limit_note(
                    "for the rollout",
                    "add --timeout, or --watch=false for one look",
                ),
            });
            return Outcome::fail(lines.join("\n"));
        }
        c.advance(STEP_MS);
    }
}

/// `drain NODE`: cordon, evict, then wait for each evicted pod to be gone
/// (`pod/NAME evicted` as each goes), then `node/NODE drained`.
pub(super) fn drain(c: &mut Cluster, node: &str, force: bool, timeout_ms: Option<u64>) -> Outcome {
    let (mut lines, mut pending) = match c.evict_node(node, force) {
        Ok(x) => x,
        Err(e) => return Outcome::fail(e),
    };
    let limit = timeout_ms.unwrap_or(FOLLOW_LIMIT_MS);
    let end = c.now() + limit;
    loop {
        pending.retain(|(name, oid)| {
            let gone = c.store().pods().get(*oid).is_none();
            if gone {
                lines.push(format!("pod/{name} evicted"));
            }
            !gone
        });
        if pending.is_empty() {
            lines.push(format!("node/{node} drained"));
            return Outcome::ok(lines.join("\n"));
        }
        if c.now() >= end {
            break;
        }
        c.advance(DRAIN_POLL_MS.min(end - c.now()).max(STEP_MS));
    }
    let (first, oid) = &pending[0];
    if timeout_ms.is_none() {
        lines.push(limit_note(
            &format!("for pod {first} to be deleted"),
            "add --timeout",
        ));
        return Outcome::fail(lines.join("\n"));
    }
    // kubectl pkg/cmd/drain `deleteOrEvictPodsSimple` and `RunDrain`.
    let ns = c
        .store()
        .pods()
        .get(*oid)
        .map_or_else(String::new, |p| p.meta.namespace.clone());
    let err = format!(
        "error when waiting for pod \"{first}\" in namespace \"{ns}\" to terminate: global timeout reached: {}",
        go_duration(limit)
    );
    lines.push(format!(
        "There are pending pods in node \"{node}\" when an error occurred: {err}"
    ));
    lines.extend(pending.iter().map(|(name, _)| format!("pod/{name}")));
    lines.push("There are pending nodes to be drained:".into());
    lines.push(format!(" {node}"));
    lines.push(format!("error: {err}"));
    Outcome::fail(lines.join("\n"))
}
