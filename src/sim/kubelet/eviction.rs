//! The kubelet's node-pressure eviction: every housekeeping interval it
//! compares what the node's memory can still give (`memory.available`)
//! with the hard threshold `memory.available<100Mi`. Under it the node
//! reports MemoryPressure (and gets the `memory-pressure` taint) and the
//! kubelet evicts one pod at a time: first the pods using more memory than
//! they request (BestEffort pods request none), the largest excess first;
//! Guaranteed pods last. An evicted pod ends `Failed` with reason
//! `Evicted`; its controller makes a replacement elsewhere.
//! <https://kubernetes.io/docs/concepts/scheduling-eviction/node-pressure-eviction/>
//! <https://kubernetes.io/docs/concepts/workloads/pods/pod-qos/>

use super::Kubelet;
use crate::sim::apiserver::ApiServer;
use crate::sim::events::{Component, Event, EventType, ObjRef};
use crate::sim::metrics::NODE_BASE;
use crate::sim::objects::*;
use crate::sim::stored::*;
use crate::sim::volumes::Disks;

pub const HOUSEKEEPING_MS: u64 = 10_000;
/// `evictionHard: memory.available<100Mi`.
pub const MEMORY_THRESHOLD: u64 = 100 << 20;
/// `evictionPressureTransitionPeriod`: how long MemoryPressure stays after.
pub const TRANSITION_MS: u64 = 300_000;
pub const TAINT_MEMORY_PRESSURE: &str = "node.kubernetes.io/memory-pressure";

impl Kubelet {
    pub(super) fn housekeeping(&mut self, api: &mut ApiServer, disks: &mut Disks, now: u64) {
        if now < self.next_housekeeping {
            return;
        }
        self.next_housekeeping = now + HOUSEKEEPING_MS;
        let Some(node) = api.store().node(self.node) else {
            return;
        };
        let capacity = node.capacity.memory_bytes;
        let mut used = NODE_BASE.memory_bytes;
        let mut candidates = Vec::new();
        for (oid, w) in &self.workers {
            let Some(u) = w.usage(now) else { continue };
            used += u.memory_bytes;
            let Some(p) = api.store().pods().get(*oid) else {
                continue;
            };
            if p.status.phase.is_terminal() || p.meta.deletion_ms.is_some() {
                continue;
            }
            let request = p.spec.requests().memory_bytes;
            candidates.push((*oid, u.memory_bytes, request));
        }
        let available = capacity.saturating_sub(used);
        let name = self.node_name.clone();
        if available >= MEMORY_THRESHOLD {
            if let Some(since) = self.pressure_since
                && now >= since + TRANSITION_MS
            {
                self.pressure_since = None;
                api.update_node(self.node, true, |n| {
                    n.memory_pressure = None;
                    n.taints.retain(|t| t.taint.key != TAINT_MEMORY_PRESSURE);
                });
                record(
                    api,
                    &name,
                    EventType::Normal,
                    "NodeHasSufficientMemory",
                    format!("Node {name} status is now: NodeHasSufficientMemory"),
                );
            }
            return;
        }
        if self.pressure_since.is_none() {
            api.update_node(self.node, true, |n| {
                n.memory_pressure = Some(now);
                n.taints.push(NodeTaint {
                    taint: Taint {
                        key: TAINT_MEMORY_PRESSURE.into(),
                        value: None,
                        effect: TaintEffect::NoSchedule,
                    },
                    added_ms: now,
                });
            });
            record(
                api,
                &name,
                EventType::Normal,
                "NodeHasInsufficientMemory",
                format!("Node {name} status is now: NodeHasInsufficientMemory"),
            );
        }
        self.pressure_since = Some(now);
        record(
            api,
            &name,
            EventType::Warning,
            "EvictionThresholdMet",
            "Attempting to reclaim memory".into(),
        );
        // rankMemoryPressure: exceeds its request first, then by usage over request.
        candidates.sort_by_key(|(oid, usage, request)| {
            (
                std::cmp::Reverse(usage > request),
                std::cmp::Reverse(usage.saturating_sub(*request)),
                *oid,
            )
        });
        let Some((victim, _, _)) = candidates.first().copied() else {
            return;
        };
        let mut message = format!(
            "The node was low on resource: memory. Threshold quantity: {}, available: {}Ki. ",
            crate::quantity::format_bytes(MEMORY_THRESHOLD),
            available >> 10
        );
        if let Some(w) = self.workers.get(&victim) {
            for (c, usage, request) in w.container_usage(now) {
                if usage > request {
                    message.push_str(&format!(
                        "Container {c} was using {}Ki, request is {}, has larger consumption of memory. ",
                        usage >> 10,
                        crate::quantity::format_bytes(request)
                    ));
                }
            }
        }
        self.evict(api, disks, victim, message, now);
    }
}

fn record(api: &mut ApiServer, node: &str, t: EventType, reason: &str, message: String) {
    api.record(
        Event::new(
            Component::Kubelet,
            "kubelet",
            t,
            ObjRef::new(Kind::Node, "", node),
            reason,
            message,
        )
        .host(node),
    );
}
