//! The node lifecycle controller and its taint-based eviction.
//!
//! Every 5 s it checks each node's last heartbeat. A node silent for longer
//! than the node-monitor grace period (40 s) gets Ready=Unknown ("Kubelet
//! stopped posting node status."), the `node.kubernetes.io/unreachable`
//! taints (NoSchedule and NoExecute), and its pods are marked not ready.
//! Pods tolerate the NoExecute taint for 300 s by default (added at
//! admission); after that they are evicted (deleted) and their controllers
//! replace them elsewhere.
//! <https://kubernetes.io/docs/concepts/architecture/nodes/#node-controller>
//! <https://kubernetes.io/docs/concepts/scheduling-eviction/taint-and-toleration/#taint-based-evictions>
//!
//! While the node is unreachable the simulator also sets the phase of its
//! unfinished pods to `Unknown`, the phase the pod-lifecycle page describes
//! for "the state of the Pod could not be obtained ... communicating with
//! the node" (current controllers leave the phase and only set Ready=False;
//! the course teaches the Unknown phase, so the simulator shows it).

use super::emit;
use crate::sim::apiserver::{ApiServer, TAINT_UNREACHABLE};
use crate::sim::events::{EventType, ObjRef};
use crate::sim::objects::*;
use crate::sim::store::WatchEvent;
use crate::sim::stored::*;

pub const MONITOR_PERIOD_MS: u64 = 5_000;
pub const GRACE_PERIOD_MS: u64 = 40_000;

#[derive(Debug, Clone, Default)]
pub struct NodeLifecycle {
    next_monitor: u64,
}

fn unreachable_taints(now: u64) -> [NodeTaint; 2] {
    [TaintEffect::NoSchedule, TaintEffect::NoExecute].map(|effect| NodeTaint {
        taint: Taint {
            key: TAINT_UNREACHABLE.into(),
            value: None,
            effect,
        },
        added_ms: now,
    })
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
            let tainted = node.taints.iter().any(|t| t.taint.key == TAINT_UNREACHABLE);
            let name = node.meta.name.clone();
            if silent && node.ready.status != CondStatus::Unknown {
                api.update_node(id, true, |n| {
                    let mut c = Condition::new(CondStatus::Unknown, now)
                        .with("NodeStatusUnknown", "Kubelet stopped posting node status.");
                    c.probe_ms = n.heartbeat_ms;
                    n.ready = c;
                    n.taints.retain(|t| t.taint.key != TAINT_UNREACHABLE);
                    n.taints.extend(unreachable_taints(now));
                });
                emit(
                    api,
                    "node-controller",
                    EventType::Normal,
                    ObjRef::new(Kind::Node, "", &name),
                    "NodeNotReady",
                    format!("Node {name} status is now: NodeNotReady"),
                );
                self.mark_pods(api, id, now);
            } else if !silent && node.ready.is_true() && tainted {
                api.update_node(id, true, |n| {
                    n.taints.retain(|t| t.taint.key != TAINT_UNREACHABLE);
                });
            }
        }
    }

    fn mark_pods(&mut self, api: &mut ApiServer, node: NodeId, now: u64) {
        let pods: Vec<(Oid, String, String)> = api
            .store()
            .pods_on(node)
            .filter(|p| !p.status.phase.is_terminal())
            .map(|p| (p.meta.oid, p.meta.namespace.clone(), p.meta.name.clone()))
            .collect();
        for (oid, ns, name) in pods {
            api.update_pod_status(oid, |s| {
                s.phase = Phase::Unknown;
                set_condition(
                    &mut s.conditions.ready,
                    Condition::new(CondStatus::False, now),
                );
                for c in &mut s.container_statuses {
                    c.ready = false;
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
                    no_exec.iter().any(|t| {
                        let tol: Vec<&Toleration> = p
                            .spec
                            .tolerations
                            .iter()
                            .filter(|tol| tol.tolerates(&t.taint))
                            .collect();
                        if tol.is_empty() {
                            return true;
                        }
                        if tol.iter().any(|tol| tol.toleration_seconds.is_none()) {
                            return false;
                        }
                        let secs = tol
                            .iter()
                            .filter_map(|tol| tol.toleration_seconds)
                            .min()
                            .unwrap_or(0);
                        now >= t.added_ms + secs * 1000
                    })
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
                let _ = api.delete_pod(oid, None);
            }
        }
    }
}
