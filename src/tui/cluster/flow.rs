//! Which components are lit, and why: the cluster's activity log replayed at
//! a pace a person can follow.
//!
//! The simulator moves a change one hop per 100 ms step (api-server → etcd
//! → scheduler → kubelet → runtime), too fast to see at normal speed. The
//! flow reads every new [`Activity`] after a tick, turns each simulation
//! step into *beats* (one per component that acted in it, in causal order:
//! the deciding component, the node side, then the API write and etcd), and
//! releases one beat every [`PACE_TICKS`] interface ticks. A released beat
//! lights its component (and, for the node side, the nodes it acted on) for
//! [`LIT_TICKS`]. When more than [`BACKLOG`] beats wait (a fast speed, a
//! `wait 5m`), the oldest are lit at once so the lights never lag far
//! behind the cluster.

use crate::sim::Cluster;
use crate::sim::events::{Activity, Component};
use crate::sim::objects::Kind;
use crate::sim::system::is_system_namespace;
use std::collections::{BTreeMap, VecDeque};

/// Interface ticks a component stays lit after its beat.
pub const LIT_TICKS: u8 = 10;
/// Interface ticks between two beats.
pub const PACE_TICKS: u8 = 2;
/// Of the lit ticks, the first ones are bright: the hop happening now
/// (as long as the pace, so one hop is bright at a time).
pub const BRIGHT_TICKS: u8 = PACE_TICKS;
/// Beats allowed to wait; older ones are lit at once.
pub const BACKLOG: usize = 16;

/// How lit a component is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Glow {
    Off,
    /// Acted a moment ago.
    Fading,
    /// Acting now.
    Bright,
}

/// One component's part in one simulation step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Beat {
    pub component: Component,
    /// Nodes it acted on (kubelet, runtime, CNI), in first-seen order.
    pub nodes: Vec<String>,
    /// What it did first in that step.
    pub message: String,
    /// How many more things it did in the same step.
    pub more: usize,
    pub time_ms: u64,
}

/// The order of components inside one step: who decided (the scheduler or
/// a controller, which act through the API), the node side (the kubelet,
/// then its runtime through the CRI, then CNI), then the write through the
/// API server into etcd, the only store of cluster state.
/// <https://kubernetes.io/docs/concepts/overview/components/>
fn causal_rank(c: Component) -> u8 {
    match c {
        Component::Scheduler | Component::ControllerManager => 0,
        Component::Kubelet => 1,
        Component::Dockershim => 2,
        Component::Docker => 3,
        Component::Containerd => 4,
        Component::Cni => 5,
        Component::KubeProxy => 6,
        Component::ApiServer => 7,
        Component::Etcd => 8,
    }
}

fn slot(c: Component) -> usize {
    Component::ALL.iter().position(|x| *x == c).unwrap_or(0)
}

/// The node an activity happened on, for the node-side components.
fn node_of(cluster: &Cluster, a: &Activity) -> Option<String> {
    if !matches!(
        a.component,
        Component::Kubelet
            | Component::Dockershim
            | Component::Docker
            | Component::Containerd
            | Component::Cni
    ) {
        return None;
    }
    match a.object.kind {
        Kind::Node => Some(a.object.name.clone()),
        Kind::Pod => {
            let name = a.object.name.split('/').next().unwrap_or("");
            cluster
                .pod(&a.object.namespace, name)
                .and_then(|p| p.node_name.as_deref().map(String::from))
        }
        _ => None,
    }
}

/// kube-proxy's first sync of the API server's own `default/kubernetes`
/// Service in a freshly built cluster: a real cluster did that long before
/// anyone looked, and it would only muddle the first flow a lesson shows.
fn is_bootstrap(a: &Activity) -> bool {
    a.component == Component::KubeProxy
        && a.object.kind == Kind::Service
        && a.object.namespace == "default"
        && a.object.name == "kubernetes"
}

#[derive(Debug, Clone, Default)]
pub struct Flow {
    next_seq: u64,
    queue: VecDeque<Beat>,
    glow: [u8; Component::ALL.len()],
    node_glow: BTreeMap<(String, Component), u8>,
    wait: u8,
    /// The beat shown last (the "what just happened" line).
    pub last: Option<Beat>,
}

impl Flow {
    /// A flow that shows nothing of what happened before now.
    pub fn quiet(cluster: &Cluster) -> Flow {
        Flow {
            next_seq: cluster.api().log().next_seq(),
            ..Flow::default()
        }
    }

    /// A flow for a cluster just set up: it starts with what happened at the
    /// cluster's current instant (the last commands of a setup, such as a
    /// `run` the section wants the student to watch), never before activity
    /// number `from` (what building the cluster itself did).
    pub fn from_instant(cluster: &Cluster, from: u64) -> Flow {
        let now = cluster.now();
        let next_seq = cluster
            .activity_since(from)
            .find(|a| a.time_ms >= now)
            .map_or_else(|| cluster.api().log().next_seq(), |a| a.seq);
        Flow {
            next_seq,
            ..Flow::default()
        }
    }

    /// Read the activity since the last call into beats.
    pub fn collect(&mut self, cluster: &Cluster) {
        let mut batch: Vec<Beat> = Vec::new();
        let mut step = None;
        for a in cluster.activity_since(self.next_seq) {
            self.next_seq = a.seq + 1;
            // The cluster's own pods (kube-system) stay out of the flow.
            if is_bootstrap(a) || is_system_namespace(&a.object.namespace) {
                continue;
            }
            if step != Some(a.time_ms) {
                self.flush(&mut batch);
                step = Some(a.time_ms);
            }
            let node = node_of(cluster, a);
            match batch.iter_mut().find(|b| b.component == a.component) {
                Some(b) => {
                    b.more += 1;
                    if let Some(n) = node
                        && !b.nodes.contains(&n)
                    {
                        b.nodes.push(n);
                    }
                }
                None => batch.push(Beat {
                    component: a.component,
                    nodes: node.into_iter().collect(),
                    message: a.message.clone(),
                    more: 0,
                    time_ms: a.time_ms,
                }),
            }
        }
        self.flush(&mut batch);
    }

    fn flush(&mut self, batch: &mut Vec<Beat>) {
        batch.sort_by_key(|b| causal_rank(b.component));
        self.queue.extend(batch.drain(..));
    }

    /// One interface tick: lights fade, and the next beat (or, when far
    /// behind, every beat over the backlog) is lit.
    pub fn tick(&mut self) {
        for g in &mut self.glow {
            *g = g.saturating_sub(1);
        }
        self.node_glow.retain(|_, g| {
            *g -= 1;
            *g > 0
        });
        self.wait = self.wait.saturating_sub(1);
        while self.queue.len() > BACKLOG {
            if let Some(b) = self.queue.pop_front() {
                self.light(b);
            }
        }
        if self.wait == 0
            && let Some(b) = self.queue.pop_front()
        {
            self.light(b);
            self.wait = PACE_TICKS;
        }
    }

    fn light(&mut self, b: Beat) {
        self.glow[slot(b.component)] = LIT_TICKS;
        for n in &b.nodes {
            self.node_glow.insert((n.clone(), b.component), LIT_TICKS);
        }
        self.last = Some(b);
    }

    fn level(g: u8) -> Glow {
        if g == 0 {
            Glow::Off
        } else if g > LIT_TICKS - BRIGHT_TICKS {
            Glow::Bright
        } else {
            Glow::Fading
        }
    }

    /// How lit a component is (anywhere in the cluster).
    pub fn glow(&self, c: Component) -> Glow {
        Flow::level(self.glow[slot(c)])
    }

    /// How lit a node-side component is on one node.
    pub fn node_glow(&self, node: &str, c: Component) -> Glow {
        self.node_glow
            .get(&(node.to_string(), c))
            .map_or(Glow::Off, |g| Flow::level(*g))
    }

    /// The components lit brightly now, in [`Component::ALL`] order.
    pub fn bright(&self) -> Vec<Component> {
        Component::ALL
            .into_iter()
            .filter(|c| self.glow(*c) == Glow::Bright)
            .collect()
    }

    /// Beats read but not shown yet.
    pub fn waiting(&self) -> usize {
        self.queue.len()
    }
}
