//! The DaemonSet controller: one pod from the template on every node that
//! should run it, and none elsewhere.
//!
//! A node should run the pod when the template's nodeSelector matches the
//! node and the pod tolerates the node's NoSchedule and NoExecute taints; a
//! pod already there may keep running while it tolerates the NoExecute ones.
//! The controller adds the tolerations every daemon pod gets (not-ready and
//! unreachable NoExecute, the pressure and unschedulable NoSchedule taints),
//! and pins each pod to its node with a node affinity; the default scheduler
//! binds it. A changed template rolls out node by node (RollingUpdate:
//! `maxUnavailable` nodes at a time, or `maxSurge` new pods first).
//! <https://kubernetes.io/docs/concepts/workloads/controllers/daemonset/>
//! <https://kubernetes.io/docs/tasks/manage-daemon/update-daemon-set/>

use super::emit;
use crate::sim::apiserver::{ApiServer, TAINT_NOT_READY, TAINT_UNREACHABLE, TAINT_UNSCHEDULABLE};
use crate::sim::events::{EventType, ObjRef};
use crate::sim::objects::*;
use crate::sim::store::{Op, Res, WatchEvent};
use crate::sim::stored::*;
use std::collections::{BTreeMap, BTreeSet};
use std::hash::{DefaultHasher, Hash, Hasher};

const SOURCE: &str = "daemonset-controller";
/// The label with the hash of the template a pod was made from.
pub const REVISION_HASH_LABEL: &str = "controller-revision-hash";

#[derive(Debug, Clone, Default)]
pub struct DaemonSetController {
    dirty: BTreeSet<Oid>,
    /// What of each node a daemon cares about (labels, taints), hashed.
    nodes: Vec<Option<u64>>,
    /// DaemonSets to look at again (minReadySeconds), by time.
    timers: BTreeMap<Oid, u64>,
}

fn node_fingerprint(n: &Node) -> u64 {
    let mut h = DefaultHasher::new();
    n.meta.labels.hash(&mut h);
    for t in &n.taints {
        (&t.taint.key, &t.taint.value, t.taint.effect.name()).hash(&mut h);
    }
    h.finish()
}

/// The tolerations the controller adds to every daemon pod.
/// <https://kubernetes.io/docs/concepts/workloads/controllers/daemonset/#taints-and-tolerations>
pub fn daemon_tolerations(spec: &mut PodSpec) {
    let mut add = |key: &str, effect: TaintEffect| {
        let has = spec
            .tolerations
            .iter()
            .any(|t| t.key.as_deref() == Some(key) && t.effect == Some(effect));
        if !has {
            spec.tolerations.push(Toleration {
                key: Some(key.to_string()),
                operator: TolerationOperator::Exists,
                value: None,
                effect: Some(effect),
                toleration_seconds: None,
            });
        }
    };
    add(TAINT_NOT_READY, TaintEffect::NoExecute);
    add(TAINT_UNREACHABLE, TaintEffect::NoExecute);
    add("node.kubernetes.io/disk-pressure", TaintEffect::NoSchedule);
    add(
        "node.kubernetes.io/memory-pressure",
        TaintEffect::NoSchedule,
    );
    add("node.kubernetes.io/pid-pressure", TaintEffect::NoSchedule);
    add(TAINT_UNSCHEDULABLE, TaintEffect::NoSchedule);
    if spec.host_network {
        add(
            "node.kubernetes.io/network-unavailable",
            TaintEffect::NoSchedule,
        );
    }
}

/// (should run a new pod, may keep a running one) for `spec` on `node`
/// (the controller's `NodeShouldRunDaemonPod`).
pub fn should_run(spec: &PodSpec, node: &Node) -> (bool, bool) {
    let fits_selector = spec
        .node_selector
        .iter()
        .all(|(k, v)| node.meta.labels.get(k) == Some(v));
    if !fits_selector {
        return (false, false);
    }
    let untolerated = |effect: TaintEffect| {
        node.taints.iter().any(|t| {
            t.taint.effect == effect && !spec.tolerations.iter().any(|tol| tol.tolerates(&t.taint))
        })
    };
    let no_execute = untolerated(TaintEffect::NoExecute);
    let no_schedule = untolerated(TaintEffect::NoSchedule);
    (!no_execute && !no_schedule, !no_execute)
}

/// The node a daemon pod is for: where it is bound, or where its affinity pins it.
fn pod_node(p: &Pod) -> Option<&str> {
    p.node_name
        .as_deref()
        .or(p.node_name_affinity.first().map(String::as_str))
}

/// Ready for at least `min_ready_s` seconds.
fn available(p: &Pod, min_ready_s: u32, now: u64) -> bool {
    p.status
        .conditions
        .ready
        .as_ref()
        .is_some_and(|c| c.is_true() && c.transition_ms + u64::from(min_ready_s) * 1000 <= now)
}

impl DaemonSetController {
    pub fn step(&mut self, window: &[WatchEvent], api: &mut ApiServer) {
        let mut all = false;
        for ev in window {
            match ev.res {
                Res::DaemonSet => {
                    self.dirty.insert(ev.oid);
                }
                Res::Pod => {
                    if let Some(owner) = ev.owner
                        && api.store().daemonsets().get(owner).is_some()
                    {
                        self.dirty.insert(owner);
                    }
                }
                Res::Node => {
                    let Some(id) = ev.node else { continue };
                    if self.nodes.len() <= id {
                        self.nodes.resize(id + 1, None);
                    }
                    let now = match ev.op {
                        Op::Deleted => None,
                        _ => api.store().node(id).map(node_fingerprint),
                    };
                    if self.nodes[id] != now {
                        self.nodes[id] = now;
                        all = true;
                    }
                }
                _ => {}
            }
        }
        if all {
            self.dirty
                .extend(api.store().daemonsets().iter().map(|d| d.meta.oid));
        }
        let now = api.now();
        let due: Vec<Oid> = self
            .timers
            .iter()
            .filter(|(_, t)| **t <= now)
            .map(|(o, _)| *o)
            .collect();
        for oid in due {
            self.timers.remove(&oid);
            self.dirty.insert(oid);
        }
        for oid in std::mem::take(&mut self.dirty) {
            if let Some(t) = sync(oid, api) {
                self.timers.insert(oid, t);
            }
        }
    }
}

/// What the controller found on one node.
struct OnNode {
    node: String,
    run: bool,
    keep: bool,
    /// Pods of this DaemonSet for the node, not being deleted, oldest first.
    pods: Vec<Pod>,
    /// Some pod of this DaemonSet is on the node, maybe still terminating:
    /// its replacement waits until it is gone.
    exists: bool,
}

/// A pod the controller still sees on its node: all but the deleted ones
/// that have already finished (`getNodesToDaemonPods`).
fn counted(p: &Pod) -> bool {
    p.meta.deletion_ms.is_none() || !matches!(p.status.phase, Phase::Succeeded | Phase::Failed)
}

/// Returns when to look again (a pod becoming available after minReadySeconds).
fn sync(oid: Oid, api: &mut ApiServer) -> Option<u64> {
    let ds = api.store().daemonsets().get(oid)?.clone();
    let now = api.now();
    let hash = crate::sim::names::template_hash(&ds.spec.template);
    let mut by_node: BTreeMap<String, Vec<Pod>> = BTreeMap::new();
    for p in api.store().pods_owned_by(oid) {
        if counted(p)
            && let Some(n) = pod_node(p)
        {
            by_node.entry(n.to_string()).or_default().push(p.clone());
        }
    }
    let mut spec = ds.spec.template.spec.clone();
    daemon_tolerations(&mut spec);
    let nodes: Vec<OnNode> = api
        .store()
        .nodes()
        .iter()
        .map(|n| {
            let (run, keep) = should_run(&spec, n);
            let mut pods = by_node.remove(&n.meta.name).unwrap_or_default();
            let exists = !pods.is_empty();
            pods.retain(|p| p.meta.deletion_ms.is_none());
            pods.sort_by_key(|p| (p.meta.creation_ms, p.meta.oid));
            OnNode {
                node: n.meta.name.clone(),
                run,
                keep,
                pods,
                exists,
            }
        })
        .collect();
    let object = ObjRef::new(Kind::DaemonSet, &ds.meta.namespace, &ds.meta.name);
    let mut delete: Vec<Pod> = by_node
        .into_values()
        .flatten()
        .filter(|p| p.meta.deletion_ms.is_none())
        .collect();
    let mut create: Vec<String> = Vec::new();
    // Surging, a node needs one pod not being deleted; otherwise a terminating
    // one still holds its place (`podsShouldBeOnNode`, `util.AllowsSurge`).
    let surging = budgets(&ds, 1).is_some_and(|(_, s)| s > 0);
    for n in &nodes {
        match n.pods.split_first() {
            None if n.run && (surging || !n.exists) => create.push(n.node.clone()),
            None => {}
            Some(_) if !n.keep => delete.extend(n.pods.iter().cloned()),
            Some((first, rest)) => {
                if first.status.phase == Phase::Failed {
                    delete.push(first.clone());
                }
                delete.extend(rest.iter().cloned());
            }
        }
    }
    delete.extend(rolling_update(&ds, &hash, &nodes, now));
    for p in delete {
        if api.delete_pod(p.meta.oid, None).is_ok() {
            emit(
                api,
                SOURCE,
                EventType::Normal,
                object.clone(),
                "SuccessfulDelete",
                format!("Deleted pod: {}", p.meta.name),
            );
        }
    }
    let surge = surge_creates(&ds, &hash, &nodes);
    for node in create.into_iter().chain(surge) {
        create_pod(api, &ds, &spec, &hash, &node, &object);
    }
    update_status(oid, api, &hash)
}

/// (maxUnavailable, maxSurge) against `desired` nodes, both rounding up;
/// 0 and 0 means one unavailable at a time.
fn budgets(ds: &DaemonSet, desired: u32) -> Option<(u32, u32)> {
    match ds.spec.update_strategy {
        DaemonSetUpdateStrategy::OnDelete => None,
        DaemonSetUpdateStrategy::RollingUpdate {
            max_unavailable,
            max_surge,
        } => {
            let u = max_unavailable.resolve(desired, true);
            let s = max_surge.resolve(desired, true);
            Some(if u == 0 && s == 0 { (1, 0) } else { (u, s) })
        }
    }
}

fn is_new(p: &Pod, hash: &str) -> bool {
    p.meta.labels.get(REVISION_HASH_LABEL).map(String::as_str) == Some(hash)
}

/// The old pods to delete now (the controller's `rollingUpdate`).
fn rolling_update(ds: &DaemonSet, hash: &str, nodes: &[OnNode], now: u64) -> Vec<Pod> {
    let desired = nodes.iter().filter(|n| n.run).count() as u32;
    let Some((max_unavailable, max_surge)) = budgets(ds, desired) else {
        return Vec::new();
    };
    let min_ready = ds.spec.min_ready_seconds;
    let mut out = Vec::new();
    if max_surge == 0 {
        let mut unavailable = 0;
        let mut candidates = Vec::new();
        for n in nodes.iter().filter(|n| n.run || n.exists) {
            let new = n.pods.iter().find(|p| is_new(p, hash));
            let old = n.pods.iter().find(|p| !is_new(p, hash));
            match (old, new) {
                (None, None) | (Some(_), Some(_)) => unavailable += 1,
                (None, Some(p)) => unavailable += u32::from(!available(p, min_ready, now)),
                (Some(p), None) if !available(p, min_ready, now) => out.push(p.clone()),
                (Some(p), None) => candidates.push(p.clone()),
            }
        }
        let room = max_unavailable.saturating_sub(unavailable) as usize;
        out.extend(candidates.into_iter().take(room));
    } else {
        // With surge, an old pod goes once the new one beside it is available.
        for n in nodes {
            let new_ok = n
                .pods
                .iter()
                .any(|p| is_new(p, hash) && available(p, min_ready, now));
            if new_ok {
                out.extend(n.pods.iter().filter(|p| !is_new(p, hash)).cloned());
            }
        }
    }
    out
}

/// Nodes that get a new pod beside their old one (maxSurge).
fn surge_creates(ds: &DaemonSet, hash: &str, nodes: &[OnNode]) -> Vec<String> {
    let desired = nodes.iter().filter(|n| n.run).count() as u32;
    let Some((_, max_surge)) = budgets(ds, desired) else {
        return Vec::new();
    };
    if max_surge == 0 {
        return Vec::new();
    }
    let surging = nodes
        .iter()
        .filter(|n| {
            n.pods.iter().any(|p| is_new(p, hash)) && n.pods.iter().any(|p| !is_new(p, hash))
        })
        .count() as u32;
    nodes
        .iter()
        .filter(|n| n.run && !n.pods.is_empty() && n.pods.iter().all(|p| !is_new(p, hash)))
        .take(max_surge.saturating_sub(surging) as usize)
        .map(|n| n.node.clone())
        .collect()
}

fn create_pod(
    api: &mut ApiServer,
    ds: &DaemonSet,
    spec: &PodSpec,
    hash: &str,
    node: &str,
    object: &ObjRef,
) {
    let mut template = ds.spec.template.clone();
    template.spec = spec.clone();
    template.spec.node_name_affinity = vec![node.to_string()];
    template
        .labels
        .insert(REVISION_HASH_LABEL.into(), hash.to_string());
    template.labels.insert(
        "pod-template-generation".into(),
        ds.meta.generation.to_string(),
    );
    let owner = OwnerRef::new(Kind::DaemonSet, &ds.meta.name, &ds.meta.uid, ds.meta.oid);
    super::create_pods(api, SOURCE, &template, &ds.meta.namespace, owner, object, 1);
}

fn update_status(oid: Oid, api: &mut ApiServer, hash: &str) -> Option<u64> {
    let ds = api.store().daemonsets().get(oid)?;
    let now = api.now();
    let min_ready = ds.spec.min_ready_seconds;
    let mut spec = ds.spec.template.spec.clone();
    daemon_tolerations(&mut spec);
    let mut by_node: BTreeMap<&str, Vec<&Pod>> = BTreeMap::new();
    for p in api.store().pods_owned_by(oid) {
        if counted(p)
            && let Some(n) = pod_node(p)
        {
            by_node.entry(n).or_default().push(p);
        }
    }
    for pods in by_node.values_mut() {
        pods.sort_by_key(|p| (p.meta.creation_ms, p.meta.oid));
    }
    let mut st = DaemonSetStatus {
        observed_generation: ds.meta.generation,
        ..DaemonSetStatus::default()
    };
    let mut wake: Option<u64> = None;
    for n in api.store().nodes() {
        let (run, _) = should_run(&spec, n);
        let pods = by_node.get(n.meta.name.as_str());
        let scheduled = pods.is_some_and(|v| !v.is_empty());
        if run {
            st.desired_number_scheduled += 1;
            let Some(p) = pods.and_then(|v| v.first()) else {
                continue;
            };
            st.current_number_scheduled += 1;
            if p.is_ready() {
                st.number_ready += 1;
                if available(p, min_ready, now) {
                    st.number_available += 1;
                } else if let Some(c) = &p.status.conditions.ready {
                    let t = c.transition_ms + u64::from(min_ready) * 1000;
                    wake = Some(wake.map_or(t, |w| w.min(t)));
                }
            }
            if is_new(p, hash) {
                st.updated_number_scheduled += 1;
            }
        } else if scheduled {
            st.number_misscheduled += 1;
        }
    }
    st.number_unavailable = st.desired_number_scheduled - st.number_available;
    api.update::<DaemonSet>(oid, |d| d.status = st);
    wake
}
