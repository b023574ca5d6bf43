//! The node lifecycle controller and the taint-eviction controller.
//!
//! Every 5 s (`--node-monitor-period`) the node lifecycle controller checks
//! each node's last heartbeat (its Lease renewal). A node silent for longer
//! than `--node-monitor-grace-period` (50 s since v1.32, kubernetes PR
//! 126287; 40 s before) gets Ready=Unknown ("Kubelet stopped posting node
//! status.") and the `node.kubernetes.io/unreachable:NoSchedule` taint; the
//! Ready *condition* of each of its pods that was True is set to False, with
//! a `Warning NodeNotReady` event. Nothing else of the pod changes: its
//! phase and its containers' statuses are the kubelet's to write, and the
//! kubelet cannot be reached, so `kubectl get pods` keeps printing what was
//! last reported (`1/1 Running`).
//! <https://kubernetes.io/docs/reference/node/node-status/#heartbeats>
//! <https://kubernetes.io/docs/concepts/architecture/nodes/#node-controller>
//! (`monitorNodeHealth` and `MarkPodsNotReady` in
//! pkg/controller/nodelifecycle and pkg/controller/util/node).
//!
//! The NoExecute taint comes one monitor pass later: the controller decides
//! on taints from the Ready condition it *observed* at the start of a pass
//! (`processTaintBaseEviction`), which is still True on the pass that turns
//! it Unknown. The taint-eviction controller (pkg/controller/tainteviction)
//! then deletes every pod that does not tolerate the taint once its
//! toleration runs out (300 s, added at admission by
//! DefaultTolerationSeconds): it records `TaintManagerEviction` ("Marking
//! for deletion Pod ns/name"), adds the `DisruptionTarget` condition and
//! deletes the pod with its grace period. A finished pod goes at once; a
//! running one shows `Terminating` until its kubelet confirms, which it
//! cannot do while the node is lost. Its controller creates the
//! replacement at that moment.
//! <https://kubernetes.io/docs/concepts/scheduling-eviction/taint-and-toleration/#taint-based-evictions>
//!
//! When the kubelet posts again the node is Ready at once (the kubelet
//! writes that itself) and the next pass removes the unreachable taints.
//! No current controller sets a pod's phase to `Unknown`.

use super::emit;
use crate::sim::apiserver::{ApiServer, TAINT_UNREACHABLE};
use crate::sim::events::{EventType, ObjRef};
use crate::sim::objects::*;
use crate::sim::store::WatchEvent;
use crate::sim::stored::*;

/// `--node-monitor-period`.
pub const MONITOR_PERIOD_MS: u64 = 5_000;
/// `--node-monitor-grace-period` (v1.32 and later).
pub const GRACE_PERIOD_MS: u64 = 50_000;

#[derive(Debug, Clone, Default)]
pub struct NodeLifecycle {
    next_monitor: u64,
}

fn unreachable_taint(effect: TaintEffect, now: u64) -> NodeTaint {
    NodeTaint {
        taint: Taint {
            key: TAINT_UNREACHABLE.into(),
            value: None,
            effect,
        },
        added_ms: now,
    }
}

fn has_taint(node: &Node, effect: TaintEffect) -> bool {
    node.taints
        .iter()
        .any(|t| t.taint.key == TAINT_UNREACHABLE && t.taint.effect == effect)
}

impl NodeLifecycle {
    pub fn step(&mut self, _window: &[WatchEvent], api: &mut ApiServer) {
        let now = api.now();
        if now >= self.next_monitor {
            self.next_monitor = now + MONITOR_PERIOD_MS;
            self.monitor(api, now);
        }
        self.evict(api, now);
    }

    fn monitor(&mut self, api: &mut ApiServer, now: u64) {
        for id in 0..api.store().nodes().len() {
            let node = &api.store().nodes()[id];
            let silent = now.saturating_sub(node.heartbeat_ms) > GRACE_PERIOD_MS;
            // The Ready condition as this pass found it.
            let observed = node.ready.status;
            let name = node.meta.name.clone();
            if silent && observed != CondStatus::Unknown {
                api.update_node(id, true, |n| {
                    let mut c = Condition::new(CondStatus::Unknown, now)
                        .with("NodeStatusUnknown", "Kubelet stopped posting node status.");
                    c.probe_ms = n.heartbeat_ms;
                    n.ready = c;
                    if !has_taint(n, TaintEffect::NoSchedule) {
                        n.taints
                            .push(unreachable_taint(TaintEffect::NoSchedule, now));
                    }
                });
                emit(
                    api,
                    "node-controller",
                    EventType::Normal,
                    ObjRef::new(Kind::Node, "", &name),
                    "NodeNotReady",
                    format!("Node {name} status is now: NodeNotReady"),
                );
                mark_pods_not_ready(api, id, now);
            } else if observed == CondStatus::Unknown
                && !has_taint(&api.store().nodes()[id], TaintEffect::NoExecute)
            {
                api.update_node(id, true, |n| {
                    n.taints
                        .push(unreachable_taint(TaintEffect::NoExecute, now));
                });
            } else if observed == CondStatus::True
                && api.store().nodes()[id]
                    .taints
                    .iter()
                    .any(|t| t.taint.key == TAINT_UNREACHABLE)
            {
                api.update_node(id, true, |n| {
                    n.taints.retain(|t| t.taint.key != TAINT_UNREACHABLE);
                });
            }
        }
    }

    /// The taint-eviction controller: delete pods that no longer tolerate a
    /// NoExecute taint of their node.
    fn evict(&mut self, api: &mut ApiServer, now: u64) {
        for id in 0..api.store().nodes().len() {
            let node = &api.store().nodes()[id];
            let no_exec: Vec<NodeTaint> = node
                .taints
                .iter()
                .filter(|t| t.taint.effect == TaintEffect::NoExecute)
                .cloned()
                .collect();
            if no_exec.is_empty() {
                continue;
            }
            let due: Vec<(Oid, String, String)> = api
                .store()
                .pods_on(id)
                // Finished pods are evicted too: the taint eviction controller
                // does not look at the phase (kubernetes/kubernetes#121052).
                .filter(|p| p.meta.deletion_ms.is_none())
                .filter(|p| {
                    no_exec
                        .iter()
                        .any(|t| evict_at(p, t).is_some_and(|at| now >= at))
                })
                .map(|p| (p.meta.oid, p.meta.namespace.clone(), p.meta.name.clone()))
                .collect();
            for (oid, ns, name) in due {
                emit(
                    api,
                    "taint-eviction-controller",
                    EventType::Normal,
                    ObjRef::new(Kind::Pod, &ns, &name),
                    "TaintManagerEviction",
                    format!("Marking for deletion Pod {ns}/{name}"),
                );
                // addConditionAndDeletePod (pkg/controller/tainteviction).
                api.update_pod_status(oid, |s| {
                    s.conditions.disruption_target =
                        Some(Box::new(Condition::new(CondStatus::True, now).with(
                            "DeletionByTaintManager",
                            "Taint manager: deleting due to NoExecute taint",
                        )));
                });
                let _ = api.delete_pod(oid, None);
            }
        }
    }
}

/// When the pod is evicted for the NoExecute taint `t`: at once when no
/// toleration matches, never when a matching one has no
/// `tolerationSeconds`, else when the shortest of them runs out.
fn evict_at(p: &Pod, t: &NodeTaint) -> Option<u64> {
    let tol: Vec<&Toleration> = p
        .spec
        .tolerations
        .iter()
        .filter(|tol| tol.tolerates(&t.taint))
        .collect();
    if tol.is_empty() {
        return Some(t.added_ms);
    }
    if tol.iter().any(|tol| tol.toleration_seconds.is_none()) {
        return None;
    }
    let secs = tol
        .iter()
        .filter_map(|tol| tol.toleration_seconds)
        .min()
        .unwrap_or(0);
    Some(t.added_ms + secs * 1000)
}

/// `MarkPodsNotReady`: the Ready condition of every pod on the node that is
/// True becomes False (its reason and message stay), with a `Warning
/// NodeNotReady` event for each pod changed. Phase and container statuses
/// are not touched.
fn mark_pods_not_ready(api: &mut ApiServer, node: NodeId, now: u64) {
    let pods: Vec<(Oid, String, String)> = api
        .store()
        .pods_on(node)
        .filter(|p| p.is_ready())
        .map(|p| (p.meta.oid, p.meta.namespace.clone(), p.meta.name.clone()))
        .collect();
    for (oid, ns, name) in pods {
        api.update_pod_status(oid, |s| {
            if let Some(c) = &mut s.conditions.ready {
                c.status = CondStatus::False;
                c.transition_ms = now;
            }
        });
        emit(
            api,
            "node-controller",
            EventType::Warning,
            ObjRef::new(Kind::Pod, &ns, &name),
            "NodeNotReady",
            "Node is not ready".into(),
        );
    }
}
