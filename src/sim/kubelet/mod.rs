//! The kubelet: one per node. It registers its node, renews its heartbeat,
//! watches the pods bound to its node, runs them through the container
//! runtime (CRI), and reports their status to the API server.

mod backoff;
mod eviction;
mod exec;
mod worker;

pub use exec::ExecTarget;

pub use backoff::Backoff;
pub use worker::CtrHost;

use super::apiserver::ApiServer;
use super::clock::Rng;
use super::cni::Ipam;
use super::events::{Component, Event, EventType, ObjRef};
use super::objects::Kind;
use super::runtime::{Runtime, RuntimeKind, new_runtime};
use super::stored::*;
use super::volumes::Disks;
use std::cmp::Reverse;
use std::collections::{BTreeMap, BTreeSet, BinaryHeap};
use std::sync::Arc;
use worker::{Cx, Worker};

/// How often the kubelet renews its heartbeat (node lease renew interval).
pub const HEARTBEAT_MS: u64 = 10_000;

pub struct Kubelet {
    pub node: NodeId,
    pub node_name: String,
    runtime: Box<dyn Runtime>,
    ipam: Ipam,
    /// Shared with the status of every Pod of the node.
    host_ip: Arc<str>,
    inbox: BTreeSet<Oid>,
    workers: BTreeMap<Oid, Box<Worker>>,
    timers: BinaryHeap<Reverse<(u64, Oid)>>,
    down: bool,
    next_heartbeat: u64,
    rng: Rng,
    next_housekeeping: u64,
    pressure_since: Option<u64>,
}

impl Clone for Kubelet {
    fn clone(&self) -> Self {
        Kubelet {
            node: self.node,
            node_name: self.node_name.clone(),
            runtime: self.runtime.clone_box(),
            ipam: self.ipam.clone(),
            host_ip: self.host_ip.clone(),
            inbox: self.inbox.clone(),
            workers: self.workers.clone(),
            timers: self.timers.clone(),
            down: self.down,
            next_heartbeat: self.next_heartbeat,
            rng: self.rng.clone(),
            next_housekeeping: self.next_housekeeping,
            pressure_since: self.pressure_since,
        }
    }
}

impl std::fmt::Debug for Kubelet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Kubelet")
            .field("node", &self.node_name)
            .field("runtime", &self.runtime.kind())
            .field("pods", &self.workers.len())
            .field("down", &self.down)
            .finish()
    }
}

impl Kubelet {
    pub fn new(
        node: NodeId,
        node_name: &str,
        ipam: Ipam,
        host_ip: &str,
        kind: RuntimeKind,
        rng: Rng,
    ) -> Self {
        Kubelet {
            node,
            node_name: node_name.to_string(),
            runtime: new_runtime(kind),
            ipam,
            host_ip: Arc::from(host_ip),
            inbox: BTreeSet::new(),
            workers: BTreeMap::new(),
            timers: BinaryHeap::new(),
            down: false,
            // Spread heartbeats of different nodes over the interval.
            next_heartbeat: (node as u64 * 997) % HEARTBEAT_MS,
            rng,
            next_housekeeping: (node as u64 * 1009) % eviction::HOUSEKEEPING_MS,
            pressure_since: None,
        }
    }

    pub fn runtime(&self) -> RuntimeKind {
        self.runtime.kind()
    }

    pub fn is_down(&self) -> bool {
        self.down
    }

    pub fn ipam(&self) -> &Ipam {
        &self.ipam
    }

    /// A pod bound to this node changed (the kubelet's watch).
    pub fn notify(&mut self, pod: Oid) {
        self.inbox.insert(pod);
    }

    /// Switch the container runtime (the kubelet restarts with new flags).
    pub fn set_runtime(&mut self, kind: RuntimeKind, api: &mut ApiServer) {
        if self.runtime.kind() == kind {
            return;
        }
        self.runtime = new_runtime(kind);
        api.update_node(self.node, true, |n| {
            crate::sim::release::Release::of(kind).node_info(n);
        });
    }

    /// `fault node-down`: the node stops answering (power or network lost).
    pub fn set_down(&mut self, down: bool, api: &ApiServer) {
        if self.down == down {
            return;
        }
        self.down = down;
        if !down {
            // Back: heartbeat now and look at every pod again.
            self.next_heartbeat = api.now();
            let store = api.store();
            self.inbox
                .extend(store.pods_on(self.node).map(|p| p.meta.oid));
            self.inbox.extend(self.workers.keys().copied());
        }
    }

    /// `fault crash`: kill the main process of the pod's first running container.
    pub fn crash(&mut self, pod: Oid, now: u64) -> bool {
        let Some(w) = self.workers.get_mut(&pod) else {
            return false;
        };
        if !w.crash(now) {
            return false;
        }
        self.inbox.insert(pod);
        true
    }

    /// `kubectl logs`.
    pub fn logs(
        &self,
        pod: Oid,
        container: Option<&str>,
        previous: bool,
        now: u64,
    ) -> Result<Vec<String>, String> {
        match self.workers.get(&pod) {
            Some(w) => w.logs(container, previous, now),
            None => Err("the pod has not started on its node yet".to_string()),
        }
    }

    pub fn step(&mut self, api: &mut ApiServer, disks: &mut Disks) {
        if self.down {
            return;
        }
        let now = api.now();
        if now >= self.next_heartbeat {
            self.heartbeat(api, now);
        }
        self.housekeeping(api, disks, now);
        self.sync_pods(api, disks);
    }

    /// Sync the pods that changed or whose timers are due (a step without
    /// the heartbeat: the cluster's own set-up uses it before time starts).
    pub fn sync_pods(&mut self, api: &mut ApiServer, disks: &mut Disks) {
        if self.down {
            return;
        }
        let now = api.now();
        while let Some(Reverse((t, oid))) = self.timers.peek().copied() {
            if t > now {
                break;
            }
            self.timers.pop();
            self.inbox.insert(oid);
        }
        if self.inbox.is_empty() {
            return;
        }
        for oid in std::mem::take(&mut self.inbox) {
            self.sync_pod(api, disks, oid, now);
        }
    }

    fn heartbeat(&mut self, api: &mut ApiServer, now: u64) {
        self.next_heartbeat = now + HEARTBEAT_MS;
        let was_ready = api
            .store()
            .node(self.node)
            .is_some_and(|n| n.ready.is_true());
        let kind = self.runtime.kind();
        // The Lease in kube-node-lease is the heartbeat the node lifecycle
        // controller reads.
        // https://kubernetes.io/docs/concepts/architecture/leases/#node-heart-beats
        api.renew_node_lease(self.node);
        api.update_node(self.node, !was_ready, |n| {
            n.heartbeat_ms = now;
            let ready = Condition::new(CondStatus::True, now)
                .with("KubeletReady", "kubelet is posting ready status");
            if n.ready.status == CondStatus::True {
                n.ready.probe_ms = now;
            } else {
                n.ready = ready;
            }
            n.runtime_version = kind.version().to_string();
        });
        if !was_ready {
            let name = self.node_name.clone();
            api.record(
                Event::new(
                    Component::Kubelet,
                    "kubelet",
                    EventType::Normal,
                    ObjRef::new(Kind::Node, "", &name),
                    "NodeReady",
                    format!("Node {name} status is now: NodeReady"),
                )
                .host(&name),
            );
        }
    }

    fn sync_pod(&mut self, api: &mut ApiServer, disks: &mut Disks, oid: Oid, now: u64) {
        let pod = api.store().pods().get(oid).cloned();
        let mut cx = Cx {
            api,
            runtime: self.runtime.as_mut(),
            ipam: &mut self.ipam,
            rng: &mut self.rng,
            now,
            node: &self.node_name,
            disks,
            host_ip: &self.host_ip,
        };
        let Some(pod) = pod.filter(|p| p.node == Some(self.node)) else {
            if let Some(mut w) = self.workers.remove(&oid) {
                w.abandon(&mut cx);
            }
            return;
        };
        if !self.workers.contains_key(&oid) {
            if pod.status.phase.is_terminal() {
                return;
            }
            if pod.meta.deletion_ms.is_some() {
                // Never started here: nothing to stop.
                cx.api.remove_pod(oid);
                return;
            }
            cx.api.act(
                Component::Kubelet,
                ObjRef::new(Kind::Pod, &pod.meta.namespace, &pod.meta.name),
                "SyncPod",
                format!(
                    "{}: pod {}/{} assigned here; starting it",
                    self.node_name, pod.meta.namespace, pod.meta.name
                ),
            );
            self.workers.insert(oid, Box::new(Worker::new(&pod, now)));
        }
        let w = self.workers.get_mut(&oid).expect("inserted above");
        if !w.sync(&pod, &mut cx) {
            self.workers.remove(&oid);
            return;
        }
        let mut status = w.status(&pod, &self.host_ip, now);
        if !crate::sim::release::Release::of(cx.runtime.kind()).reports_ready_to_start() {
            // PodReadyToStartContainers came with v1.29.
            status.conditions.ready_to_start = None;
        }
        cx.api.update_pod_status(oid, |s| *s = status);
        if let Some(t) = w.next_wake(now)
            && w.wake.is_none_or(|old| old <= now || t < old)
        {
            w.wake = Some(t);
            self.timers.push(Reverse((t, oid)));
        }
    }

    /// Evict a pod for node pressure: kill it, report it Failed/Evicted.
    fn evict(
        &mut self,
        api: &mut ApiServer,
        disks: &mut Disks,
        oid: Oid,
        message: String,
        now: u64,
    ) {
        let Some(pod) = api.store().pods().get(oid).cloned() else {
            return;
        };
        let mut cx = Cx {
            api,
            runtime: self.runtime.as_mut(),
            ipam: &mut self.ipam,
            rng: &mut self.rng,
            now,
            node: &self.node_name,
            disks,
            host_ip: &self.host_ip,
        };
        let Some(w) = self.workers.get_mut(&oid) else {
            return;
        };
        w.evict(&message, &mut cx);
        let status = w.status(&pod, &self.host_ip, now);
        cx.api.update_pod_status(oid, |s| *s = status);
    }

    /// Pods this kubelet runs (for the cluster view).
    pub fn pod_count(&self) -> usize {
        self.workers.len()
    }

    /// Whether a sync is waiting (a pod changed since the last one).
    pub fn has_work(&self) -> bool {
        !self.inbox.is_empty()
    }

    /// Swap the random source (the cluster's own set-up uses one of its own).
    pub fn swap_rng(&mut self, rng: Rng) -> Rng {
        std::mem::replace(&mut self.rng, rng)
    }

    /// An image already on the node (pulled when it was set up).
    pub fn preload_image(&mut self, image: &str) {
        self.runtime.image_pulled(image);
    }
}
