//! kube-scheduler: watches for pods without a node, filters the nodes that
//! can take each one, scores the rest and binds the pod to the best.
//!
//! Filters, in the order of the default plugins
//! (<https://kubernetes.io/docs/reference/scheduling/config/#scheduling-plugins>):
//! NodeUnschedulable (cordon), TaintToleration, NodeAffinity (nodeSelector),
//! NodeResourcesFit (requests against allocatable, pod count).
//! Score: NodeResourcesFit LeastAllocated over cpu and memory, counting pods
//! without requests as 100m / 200Mi (the scheduler's non-zero defaults);
//! ties are broken at random (seeded).
//!
//! The scheduler keeps its own cache of what each node has committed, fed
//! by the watch and by its own bindings ("assumed" pods), so it never scans
//! every pod: one pod costs at most one pass over the nodes, and large
//! clusters stop after enough feasible nodes (percentageOfNodesToScore).

use super::apiserver::{ApiServer, TAINT_UNSCHEDULABLE};
use super::clock::Rng;
use super::events::{Component, Event, EventType, ObjRef};
use super::objects::*;
use super::release::Release;
use super::store::{Op, Res, WatchEvent};
use super::stored::*;
use std::collections::{BTreeMap, BTreeSet};

/// Requests assumed for scoring when a container sets none.
const NONZERO_CPU: u64 = 100;
const NONZERO_MEMORY: u64 = 200 << 20;
/// Unschedulable pods are retried at least this often.
const MAX_UNSCHEDULABLE_MS: u64 = 300_000;

#[derive(Debug, Clone, Default)]
struct NodeInfo {
    allocatable: Resources,
    requested: Resources,
    nonzero: Resources,
    pods: u32,
    max_pods: u32,
    taints: Vec<Taint>,
    /// A fingerprint of the node's labels (to notice changes without a copy).
    labels_hash: u64,
    unschedulable: bool,
    /// The last score computed here and what it was computed from: pods
    /// of one template ask alike, and most nodes are unchanged between
    /// two pods, so the score is usually read back, not divided out again.
    last_score: Option<ScoreMemo>,
}

/// A node's score for a pod's requests, with the node figures it used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct ScoreMemo {
    pod: Resources,
    nonzero: Resources,
    allocatable: Resources,
    score: u64,
}

fn labels_hash(l: &Labels) -> u64 {
    use std::hash::{DefaultHasher, Hash, Hasher};
    let mut h = DefaultHasher::new();
    l.hash(&mut h);
    h.finish()
}

#[derive(Debug, Clone, Copy)]
struct Assigned {
    node: NodeId,
    req: Resources,
    nonzero: Resources,
}

#[derive(Debug, Clone)]
pub struct Scheduler {
    nodes: Vec<NodeInfo>,
    assigned: BTreeMap<Oid, Assigned>,
    active: BTreeSet<Oid>,
    unschedulable: BTreeMap<Oid, u64>,
    move_requested: bool,
    next_start: usize,
    rng: Rng,
    release: Release,
    /// While the cluster replaces its own pods quietly, only those are
    /// scheduled; the others wait for time to move.
    system_only: bool,
    /// The taint a cordoned node counts as having (built once, not per pod).
    unsched: Taint,
}

fn nonzero(r: Resources) -> Resources {
    Resources {
        cpu_millis: if r.cpu_millis == 0 {
            NONZERO_CPU
        } else {
            r.cpu_millis
        },
        memory_bytes: if r.memory_bytes == 0 {
            NONZERO_MEMORY
        } else {
            r.memory_bytes
        },
    }
}

/// Pod requests with the non-zero defaults applied per container.
fn pod_nonzero(spec: &PodSpec) -> Resources {
    let mut sum = Resources::default();
    for c in &spec.containers {
        let r = nonzero(c.effective_requests());
        sum.cpu_millis += r.cpu_millis;
        sum.memory_bytes += r.memory_bytes;
    }
    sum
}

/// Why a node cannot take a pod.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Unfit {
    /// Preemption cannot help (taints, selectors, cordon).
    Unresolvable(String),
    /// Preemption could help if there were lower-priority pods.
    Resources(Vec<&'static str>),
}

impl Scheduler {
    pub fn new(rng: Rng) -> Self {
        Scheduler {
            nodes: Vec::new(),
            assigned: BTreeMap::new(),
            active: BTreeSet::new(),
            unschedulable: BTreeMap::new(),
            move_requested: false,
            next_start: 0,
            rng,
            release: Release::V1_33,
            system_only: false,
            unsched: Taint {
                key: TAINT_UNSCHEDULABLE.to_string(),
                value: None,
                effect: TaintEffect::NoSchedule,
            },
        }
    }

    /// Schedule only the cluster's own (kube-system) pods for a while.
    pub(super) fn set_system_only(&mut self, on: bool) {
        self.system_only = on;
    }

    /// Swap the random source (the cluster's own set-up uses one of its own).
    pub fn swap_rng(&mut self, rng: Rng) -> Rng {
        std::mem::replace(&mut self.rng, rng)
    }

    /// The release whose wording the scheduler's messages use.
    pub fn set_release(&mut self, release: Release) {
        self.release = release;
    }

    /// Pods waiting for a node.
    pub fn pending(&self) -> usize {
        self.active.len() + self.unschedulable.len()
    }

    fn refresh_node(&mut self, api: &ApiServer, id: NodeId) {
        let Some(n) = api.store().node(id) else {
            return;
        };
        while self.nodes.len() <= id {
            self.nodes.push(NodeInfo::default());
        }
        let info = &mut self.nodes[id];
        let taints: Vec<Taint> = n.taints.iter().map(|t| t.taint.clone()).collect();
        let lh = labels_hash(&n.meta.labels);
        let changed = info.allocatable != n.allocatable
            || info.taints != taints
            || info.labels_hash != lh
            || info.unschedulable != n.unschedulable
            || info.max_pods != n.max_pods;
        if changed {
            info.allocatable = n.allocatable;
            info.taints = taints;
            info.labels_hash = lh;
            info.unschedulable = n.unschedulable;
            info.max_pods = n.max_pods;
            self.move_requested = true;
        }
    }

    fn assume(&mut self, oid: Oid, node: NodeId, req: Resources, nonzero: Resources) {
        if self.assigned.contains_key(&oid) || node >= self.nodes.len() {
            return;
        }
        let a = Assigned { node, req, nonzero };
        let info = &mut self.nodes[node];
        info.requested.cpu_millis += a.req.cpu_millis;
        info.requested.memory_bytes += a.req.memory_bytes;
        info.nonzero.cpu_millis += a.nonzero.cpu_millis;
        info.nonzero.memory_bytes += a.nonzero.memory_bytes;
        info.pods += 1;
        self.assigned.insert(oid, a);
    }

    fn forget(&mut self, oid: Oid) {
        if let Some(a) = self.assigned.remove(&oid) {
            let info = &mut self.nodes[a.node];
            info.requested.cpu_millis -= a.req.cpu_millis;
            info.requested.memory_bytes -= a.req.memory_bytes;
            info.nonzero.cpu_millis -= a.nonzero.cpu_millis;
            info.nonzero.memory_bytes -= a.nonzero.memory_bytes;
            info.pods -= 1;
            self.move_requested = true;
        }
    }

    /// React to the watch, then try every pod waiting for a node.
    pub fn step(&mut self, window: &[WatchEvent], api: &mut ApiServer) {
        for ev in window {
            match ev.res {
                Res::Node => {
                    if let Some(id) = ev.node {
                        self.refresh_node(api, id);
                    }
                }
                Res::Pod => self.observe_pod(ev, api),
                // A claim bound or created: pods waiting for it may fit now.
                Res::PersistentVolumeClaim => self.move_requested = true,
                _ => {}
            }
        }
        let now = api.now();
        if self.move_requested {
            self.move_requested = false;
            let waiting = std::mem::take(&mut self.unschedulable);
            self.active.extend(waiting.keys());
        } else {
            let stale: Vec<Oid> = self
                .unschedulable
                .iter()
                .filter(|(_, since)| now.saturating_sub(**since) >= MAX_UNSCHEDULABLE_MS)
                .map(|(oid, _)| *oid)
                .collect();
            for oid in stale {
                self.unschedulable.remove(&oid);
                self.active.insert(oid);
            }
        }
        let mut later = BTreeSet::new();
        for oid in std::mem::take(&mut self.active) {
            let system = api
                .store()
                .pods()
                .get(oid)
                .is_some_and(|p| super::system::is_system_namespace(&p.meta.namespace));
            if self.system_only && !system {
                later.insert(oid);
                continue;
            }
            self.schedule_one(oid, api);
        }
        self.active.extend(later);
    }

    fn observe_pod(&mut self, ev: &WatchEvent, api: &ApiServer) {
        if ev.op == Op::Deleted {
            self.forget(ev.oid);
            self.active.remove(&ev.oid);
            self.unschedulable.remove(&ev.oid);
            return;
        }
        let Some(pod) = api.store().pods().get(ev.oid) else {
            return;
        };
        match pod.node {
            Some(node) => {
                if pod.status.phase.is_terminal() {
                    self.forget(ev.oid);
                } else {
                    let (req, nz) = (pod.spec.requests(), pod_nonzero(&pod.spec));
                    self.assume(ev.oid, node, req, nz);
                }
            }
            None => {
                let waiting = pod.node_name.is_none() && pod.meta.deletion_ms.is_none();
                if waiting && !self.unschedulable.contains_key(&ev.oid) {
                    self.active.insert(ev.oid);
                }
            }
        }
    }

    fn filter(
        &self,
        info: &NodeInfo,
        node: &Node,
        pod: &Pod,
        req: Resources,
        unsched: &Taint,
    ) -> Result<(), Unfit> {
        let affinity = &pod.node_name_affinity;
        let pod = &*pod.spec;
        if info.unschedulable && !pod.tolerations.iter().any(|t| t.tolerates(unsched)) {
            return Err(Unfit::Unresolvable("node(s) were unschedulable".into()));
        }
        if let Some(t) = info.taints.iter().find(|t| {
            t.effect != TaintEffect::PreferNoSchedule
                && !pod.tolerations.iter().any(|tol| tol.tolerates(t))
        }) {
            return Err(Unfit::Unresolvable(
                self.release
                    .untolerated_taint(&t.key, t.value.as_deref().unwrap_or("")),
            ));
        }
        let fits_affinity = affinity.is_empty() || affinity.contains(&node.meta.name);
        if !fits_affinity
            || !pod
                .node_selector
                .iter()
                .all(|(k, v)| node.meta.labels.get(k) == Some(v))
        {
            return Err(Unfit::Unresolvable(
                "node(s) didn't match Pod's node affinity/selector".into(),
            ));
        }
        let mut short = Vec::new();
        if info.pods >= info.max_pods {
            short.push("Too many pods");
        }
        if req.cpu_millis > 0
            && req.cpu_millis
                > info
                    .allocatable
                    .cpu_millis
                    .saturating_sub(info.requested.cpu_millis)
        {
            short.push("Insufficient cpu");
        }
        if req.memory_bytes > 0
            && req.memory_bytes
                > info
                    .allocatable
                    .memory_bytes
                    .saturating_sub(info.requested.memory_bytes)
        {
            short.push("Insufficient memory");
        }
        if short.is_empty() {
            Ok(())
        } else {
            Err(Unfit::Resources(short))
        }
    }

    /// LeastAllocated: the share of cpu and memory left after placing the pod.
    fn score(info: &NodeInfo, nz: Resources) -> u64 {
        let part = |alloc: u64, used: u64| -> u64 {
            if alloc == 0 {
                return 0;
            }
            alloc.saturating_sub(used) * 100 / alloc
        };
        (part(
            info.allocatable.cpu_millis,
            info.nonzero.cpu_millis + nz.cpu_millis,
        ) + part(
            info.allocatable.memory_bytes,
            info.nonzero.memory_bytes + nz.memory_bytes,
        )) / 2
    }

    /// [`Self::score`], read back when neither the pod's requests nor the
    /// node's figures changed since it was last computed.
    fn score_memo(info: &mut NodeInfo, nz: Resources) -> u64 {
        if let Some(m) = info.last_score
            && m.pod == nz
            && m.nonzero == info.nonzero
            && m.allocatable == info.allocatable
        {
            return m.score;
        }
        let score = Self::score(info, nz);
        info.last_score = Some(ScoreMemo {
            pod: nz,
            nonzero: info.nonzero,
            allocatable: info.allocatable,
            score,
        });
        score
    }

    /// How many feasible nodes are enough (percentageOfNodesToScore, adaptive).
    fn enough(n: usize) -> usize {
        if n < 100 {
            return n;
        }
        let pct = (50 - (n / 125) as i64).max(5) as usize;
        (n * pct / 100).max(100)
    }

    fn schedule_one(&mut self, oid: Oid, api: &mut ApiServer) {
        let Some(pod) = api.store().pods().get(oid) else {
            return;
        };
        if pod.node.is_some() || pod.node_name.is_some() || pod.meta.deletion_ms.is_some() {
            return;
        }
        if let Err(reason) = super::volume_binding::prefilter(api.store(), pod) {
            let n = self.nodes.len();
            self.unschedulable.insert(oid, api.now());
            super::volume_binding::reject(api, oid, n, &reason);
            return;
        }
        let req = pod.spec.requests();
        let nz = pod_nonzero(&pod.spec);
        let store_nodes = api.store().nodes();
        let n = self.nodes.len();
        let want = Self::enough(n);
        let mut best: Option<(u64, NodeId)> = None;
        let mut ties = 0u64;
        let mut feasible = 0;
        let mut unresolvable: BTreeMap<String, u32> = BTreeMap::new();
        let mut resources: BTreeMap<&'static str, u32> = BTreeMap::new();
        let (mut no_help, mut no_victims) = (0u32, 0u32);
        let mut seen = 0;
        // NodeAffinity's PreFilter: a pod pinned to named nodes (a daemon
        // pod) is only tried there; the other nodes do not match.
        let pinned: Option<Vec<NodeId>> = (!pod.node_name_affinity.is_empty()).then(|| {
            pod.node_name_affinity
                .iter()
                .filter_map(|name| api.store().node_id(name))
                .filter(|id| *id < n)
                .collect()
        });
        if let Some(ids) = &pinned {
            let others = (n - ids.len()) as u32;
            if others > 0 {
                unresolvable.insert(
                    "node(s) didn't match Pod's node affinity/selector".into(),
                    others,
                );
                no_help += others;
            }
        }
        // The nodes in the order they are tried: from where the last pod's
        // search stopped, round the list (the scheduler's nextStartNodeIndex).
        // An iterator, not a list: the search usually stops early, after
        // `want` feasible nodes.
        let start = self.next_start.min(n);
        let (from_start, wrapped) = match &pinned {
            Some(_) => (0..0, 0..0),
            None => (start..n, 0..start),
        };
        let order = pinned
            .iter()
            .flatten()
            .copied()
            .chain(from_start)
            .chain(wrapped);
        for (k, id) in order.enumerate() {
            seen = k + 1;
            match self.filter(&self.nodes[id], &store_nodes[id], pod, req, &self.unsched) {
                Ok(()) => {
                    feasible += 1;
                    let s = Self::score_memo(&mut self.nodes[id], nz);
                    match best {
                        Some((b, _)) if s < b => {}
                        Some((b, _)) if s == b => {
                            ties += 1;
                            if self.rng.below(ties + 1) == 0 {
                                best = Some((s, id));
                            }
                        }
                        _ => {
                            best = Some((s, id));
                            ties = 0;
                        }
                    }
                    if feasible >= want {
                        break;
                    }
                }
                Err(Unfit::Unresolvable(r)) => {
                    *unresolvable.entry(r).or_default() += 1;
                    no_help += 1;
                }
                Err(Unfit::Resources(rs)) => {
                    for r in rs {
                        *resources.entry(r).or_default() += 1;
                    }
                    no_victims += 1;
                }
            }
        }
        if n > 0 && pinned.is_none() {
            self.next_start = (self.next_start + seen) % n;
        }
        let (ns, name) = (pod.meta.namespace.clone(), pod.meta.name.clone());
        let object = ObjRef::new(Kind::Pod, &ns, &name);
        match best {
            Some((_, node)) => {
                if api.bind(oid, node).is_ok() {
                    self.assume(oid, node, req, nz);
                    let node_name = api.store().nodes()[node].meta.name.clone();
                    api.record(Event::new(
                        Component::Scheduler,
                        "default-scheduler",
                        EventType::Normal,
                        object,
                        "Scheduled",
                        format!("Successfully assigned {ns}/{name} to {node_name}"),
                    ));
                }
            }
            None => {
                let message = if n == 0 {
                    "no nodes available to schedule pods".to_string()
                } else {
                    let mut parts: Vec<String> = unresolvable
                        .iter()
                        .map(|(r, c)| format!("{c} {r}"))
                        .chain(resources.iter().map(|(r, c)| format!("{c} {r}")))
                        .collect();
                    parts.sort();
                    let mut pre = Vec::new();
                    if no_help > 0 {
                        pre.push(format!(
                            "{no_help} Preemption is not helpful for scheduling"
                        ));
                    }
                    if no_victims > 0 {
                        pre.push(format!(
                            "{no_victims} No preemption victims found for incoming pod"
                        ));
                    }
                    pre.sort();
                    if self.release.reports_preemption() {
                        format!(
                            "0/{n} nodes are available: {}. preemption: 0/{n} nodes are available: {}.",
                            parts.join(", "),
                            pre.join(", ")
                        )
                    } else {
                        format!("0/{n} nodes are available: {}.", parts.join(", "))
                    }
                };
                let now = api.now();
                self.unschedulable.insert(oid, now);
                let msg = message.clone();
                api.update_pod_status(oid, |s| {
                    set_condition(
                        &mut s.conditions.scheduled,
                        Condition::new(CondStatus::False, now).with("Unschedulable", msg),
                    );
                });
                api.record(Event::new(
                    Component::Scheduler,
                    "default-scheduler",
                    EventType::Warning,
                    object,
                    "FailedScheduling",
                    message,
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enough_feasible_nodes_follows_percentage_of_nodes_to_score() {
        // https://kubernetes.io/docs/concepts/scheduling-eviction/scheduler-perf-tuning/
        assert_eq!(Scheduler::enough(4), 4);
        assert_eq!(Scheduler::enough(99), 99);
        assert_eq!(Scheduler::enough(1000), 420);
        assert_eq!(Scheduler::enough(5000), 500);
        assert_eq!(Scheduler::enough(200), 100);
    }

    #[test]
    fn a_remembered_score_is_recomputed_once_the_node_or_the_pod_changes() {
        let mut info = NodeInfo {
            allocatable: Resources {
                cpu_millis: 4000,
                memory_bytes: 8 << 30,
            },
            ..NodeInfo::default()
        };
        let small = Resources {
            cpu_millis: 100,
            memory_bytes: 128 << 20,
        };
        let big = Resources {
            cpu_millis: 2000,
            memory_bytes: 4 << 30,
        };
        // (4000-100)/4000 → 97; (8192-128)/8192 → 98; (97+98)/2.
        assert_eq!(Scheduler::score_memo(&mut info, small), 97);
        assert_eq!(Scheduler::score_memo(&mut info, small), 97);
        // Another pod's requests: 50 and 50.
        assert_eq!(Scheduler::score_memo(&mut info, big), 50);
        // The node took a pod: (4000-2100)/4000 → 47; (8192-4224)/8192 → 48.
        info.nonzero = big;
        assert_eq!(Scheduler::score_memo(&mut info, small), 47);
        assert_eq!(
            Scheduler::score_memo(&mut info, small),
            Scheduler::score(&info, small)
        );
        // Its allocatable shrank: (2000-2100) saturates at 0; 48.
        info.allocatable.cpu_millis = 2000;
        assert_eq!(Scheduler::score_memo(&mut info, small), 24);
    }
}
