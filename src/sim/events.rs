//! What happened, and who did it.
//!
//! Two records are kept:
//! - [`Event`]s: the Kubernetes Events a real cluster stores (`kubectl get
//!   events`, the `Events:` of `describe`), with real reasons and wording,
//!   aggregated (`x3 over 2m`) the way the event recorder does;
//! - [`Activity`]: every step any component took, including the ones a real
//!   cluster only logs (api-server accepted a write, etcd persisted it, CNI
//!   assigned an IP, kube-proxy added an endpoint, each runtime hop). A view
//!   lights a component from [`EventLog::last_active`].

use super::objects::Kind;
use std::collections::{HashMap, VecDeque};
use std::hash::{DefaultHasher, Hash, Hasher};

/// The parts of the cluster that act.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Component {
    ApiServer,
    Etcd,
    Scheduler,
    ControllerManager,
    Kubelet,
    Dockershim,
    Docker,
    Containerd,
    Cni,
    KubeProxy,
}

impl Component {
    pub const ALL: [Component; 10] = [
        Component::ApiServer,
        Component::Etcd,
        Component::Scheduler,
        Component::ControllerManager,
        Component::Kubelet,
        Component::Dockershim,
        Component::Docker,
        Component::Containerd,
        Component::Cni,
        Component::KubeProxy,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Component::ApiServer => "api-server",
            Component::Etcd => "etcd",
            Component::Scheduler => "scheduler",
            Component::ControllerManager => "controller-manager",
            Component::Kubelet => "kubelet",
            Component::Dockershim => "dockershim",
            Component::Docker => "docker",
            Component::Containerd => "containerd",
            Component::Cni => "cni",
            Component::KubeProxy => "kube-proxy",
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventType {
    Normal,
    Warning,
}

impl EventType {
    pub fn name(self) -> &'static str {
        match self {
            EventType::Normal => "Normal",
            EventType::Warning => "Warning",
        }
    }
}

/// The object an event or activity is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ObjRef {
    pub kind: Kind,
    /// Empty for nodes.
    pub namespace: String,
    pub name: String,
}

impl ObjRef {
    pub fn new(kind: Kind, namespace: &str, name: &str) -> Self {
        ObjRef {
            kind,
            namespace: namespace.to_string(),
            name: name.to_string(),
        }
    }

    /// `pod/web-7d4b9c-x2x4q`, as the OBJECT column of `kubectl get events`.
    pub fn display(&self) -> String {
        format!("{}/{}", self.kind.name().to_ascii_lowercase(), self.name)
    }
}

/// A Kubernetes Event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    pub first_ms: u64,
    pub last_ms: u64,
    /// Orders events that last happened at the same time (record order).
    pub last_seq: u64,
    /// The record order of the first occurrence (it names the event).
    pub first_seq: u64,
    pub count: u32,
    pub event_type: EventType,
    pub reason: String,
    pub message: String,
    pub involved: ObjRef,
    /// `spec.containers{nginx}` for container events.
    pub field_path: Option<String>,
    /// The reporting controller as `describe` shows it in `From`
    /// (`default-scheduler`, `kubelet`, `replicaset-controller`, ...).
    pub source: &'static str,
    /// The node, for kubelet events.
    pub host: Option<String>,
    pub component: Component,
}

impl Event {
    /// A new event; `first_ms`, `last_ms` and `count` are set when recorded.
    pub fn new(
        component: Component,
        source: &'static str,
        event_type: EventType,
        involved: ObjRef,
        reason: &str,
        message: impl Into<String>,
    ) -> Self {
        Event {
            first_ms: 0,
            last_ms: 0,
            last_seq: 0,
            first_seq: 0,
            count: 1,
            event_type,
            reason: reason.to_string(),
            message: message.into(),
            involved,
            field_path: None,
            source,
            host: None,
            component,
        }
    }

    /// About one container of a pod (`spec.containers{nginx}`).
    pub fn container(mut self, path: String) -> Self {
        self.field_path = Some(path);
        self
    }

    /// Reported from a node.
    pub fn host(mut self, node: &str) -> Self {
        self.host = Some(node.to_string());
        self
    }

    /// `metadata.name`: the involved object's name and the hex nanosecond
    /// time the recorder made it (`<name>.<hex>`), so that listing events
    /// in name order groups them by object, oldest first.
    pub fn api_name(&self) -> String {
        let nanos =
            super::timefmt::unix_nanos(self.first_ms) + u128::from(self.first_seq % 1_000_000);
        format!("{}.{nanos:x}", self.involved.name)
    }

    /// The namespace the Event is stored in (a node's events go to `default`).
    pub fn api_namespace(&self) -> &str {
        if self.involved.namespace.is_empty() {
            "default"
        } else {
            &self.involved.namespace
        }
    }

    /// The instant kubectl orders events by (`eventTime` of kubectl's
    /// SortableEvents): the series' last observation or the `eventTime`
    /// (microseconds) of an `events.k8s.io` event, the `lastTimestamp`
    /// (whole seconds) of a `v1` one.
    pub fn sort_ms(&self) -> u64 {
        if self.is_new_api() {
            self.last_ms
        } else {
            self.last_ms / 1000 * 1000
        }
    }

    /// The key `kubectl describe` orders events by: the `lastTimestamp`
    /// (whole seconds) alone, so `events.k8s.io` events (which have none)
    /// come first (kubectl pkg/util/event SortableEvents).
    pub fn describe_key(&self) -> u64 {
        if self.is_new_api() {
            0
        } else {
            1 + self.last_ms / 1000
        }
    }

    /// Whether the reporter uses the `events.k8s.io` API (the scheduler):
    /// `eventTime` and a `series` instead of first/last timestamps and a count.
    pub fn is_new_api(&self) -> bool {
        self.component == Component::Scheduler
    }
}

/// One step a component took.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Activity {
    /// Increases by one per entry; `activity_since(seq)` reads the newer ones.
    pub seq: u64,
    pub time_ms: u64,
    pub component: Component,
    pub object: ObjRef,
    pub reason: String,
    pub message: String,
    /// Whether this step is also a Kubernetes Event.
    pub is_event: bool,
}

/// Events live an hour, like the API server's default event TTL.
pub const EVENT_TTL_MS: u64 = 3_600_000;
const EVENT_CAP: usize = 4096;
const ACTIVITY_CAP: usize = 2048;

#[derive(Debug, Clone, Default)]
pub struct EventLog {
    events: VecDeque<Event>,
    /// Id of `events[0]`; ids grow by one per new event.
    first_id: u64,
    /// Aggregation key → id of the event that key last went to.
    index: HashMap<u64, u64>,
    activity: VecDeque<Activity>,
    next_seq: u64,
    last_active: [Option<u64>; 10],
}

/// What makes two events "the same" for aggregation.
fn same(a: &Event, b: &Event) -> bool {
    a.involved == b.involved
        && a.reason == b.reason
        && a.message == b.message
        && a.source == b.source
        && a.field_path == b.field_path
}

fn key(e: &Event) -> u64 {
    let mut h = DefaultHasher::new();
    (
        e.involved.kind,
        &e.involved.namespace,
        &e.involved.name,
        &e.reason,
        &e.message,
        e.source,
        &e.field_path,
    )
        .hash(&mut h);
    h.finish()
}

impl EventLog {
    /// Record an internal step.
    pub fn act(
        &mut self,
        now: u64,
        component: Component,
        object: ObjRef,
        reason: &str,
        message: String,
    ) {
        self.push_activity(now, component, object, reason, message, false);
    }

    fn push_activity(
        &mut self,
        now: u64,
        component: Component,
        object: ObjRef,
        reason: &str,
        message: String,
        is_event: bool,
    ) {
        self.last_active[component.index()] = Some(now);
        if self.activity.len() == ACTIVITY_CAP {
            self.activity.pop_front();
        }
        self.activity.push_back(Activity {
            seq: self.next_seq,
            time_ms: now,
            component,
            object,
            reason: reason.to_string(),
            message,
            is_event,
        });
        self.next_seq += 1;
    }

    /// Record a Kubernetes Event (and the activity that goes with it).
    /// An identical event about the same object (same reason, message,
    /// source) only bumps the count and the last time, as the event
    /// recorder's aggregation does.
    pub fn record(&mut self, now: u64, mut event: Event) {
        let seq = self.next_seq;
        self.push_activity(
            now,
            event.component,
            event.involved.clone(),
            &event.reason,
            event.message.clone(),
            true,
        );
        while self
            .events
            .front()
            .is_some_and(|e| e.last_ms + EVENT_TTL_MS < now)
        {
            self.pop_event();
        }
        let k = key(&event);
        if let Some(&id) = self.index.get(&k)
            && id >= self.first_id
            && let Some(old) = self.events.get_mut((id - self.first_id) as usize)
            && same(old, &event)
        {
            old.count += 1;
            old.last_ms = now;
            old.last_seq = seq;
            return;
        }
        if self.events.len() == EVENT_CAP {
            self.pop_event();
        }
        event.first_ms = now;
        event.last_ms = now;
        event.last_seq = seq;
        event.first_seq = seq;
        event.count = 1;
        self.index
            .insert(k, self.first_id + self.events.len() as u64);
        self.events.push_back(event);
    }

    fn pop_event(&mut self) {
        if let Some(e) = self.events.pop_front() {
            let k = key(&e);
            if self.index.get(&k) == Some(&self.first_id) {
                self.index.remove(&k);
            }
            self.first_id += 1;
        }
    }

    /// Drop the Events about objects of a namespace that was deleted (they
    /// were objects in it too).
    pub fn forget_namespace(&mut self, namespace: &str) {
        self.retain_events(|e| e.involved.namespace != namespace);
    }

    /// Forget what was recorded from activity number `since` on about
    /// objects `about` says yes to (the cluster's own quiet changes).
    pub fn forget_since(&mut self, since: u64, about: impl Fn(&ObjRef) -> bool) {
        self.retain_events(|e| e.last_seq < since || !about(&e.involved));
        self.activity.retain(|a| a.seq < since || !about(&a.object));
    }

    fn retain_events(&mut self, keep: impl Fn(&Event) -> bool) {
        if self.events.iter().all(&keep) {
            return;
        }
        let kept: VecDeque<Event> = std::mem::take(&mut self.events)
            .into_iter()
            .filter(|e| keep(e))
            .collect();
        self.index.clear();
        for (i, e) in kept.iter().enumerate() {
            self.index.insert(key(e), self.first_id + i as u64);
        }
        self.events = kept;
    }

    /// Kubernetes Events in the order they first happened (an aggregated
    /// event keeps its place; sort by `last_ms` for kubectl's order).
    pub fn events(&self) -> impl DoubleEndedIterator<Item = &Event> {
        self.events.iter()
    }

    /// Events about one object, as `describe` lists them: by
    /// [`Event::sort_ms`], and for the same instant in the order the API
    /// lists them (by name: first occurrence).
    pub fn events_for(&self, object: &ObjRef) -> Vec<&Event> {
        let mut v: Vec<&Event> = self
            .events
            .iter()
            .filter(|e| &e.involved == object)
            .collect();
        v.sort_by_key(|e| (e.describe_key(), e.first_ms, e.first_seq));
        v
    }

    /// Steps with `seq >= since`, oldest first.
    pub fn activity_since(&self, since: u64) -> impl Iterator<Item = &Activity> {
        // By sequence number, not position: `forget_since` leaves gaps.
        let skip = self.activity.partition_point(|a| a.seq < since);
        self.activity.iter().skip(skip)
    }

    /// The sequence number the next activity will get.
    pub fn next_seq(&self) -> u64 {
        self.next_seq
    }

    /// When `component` last acted, if ever.
    pub fn last_active(&self, component: Component) -> Option<u64> {
        self.last_active[component.index()]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(reason: &str, msg: &str) -> Event {
        Event {
            first_ms: 0,
            last_ms: 0,
            last_seq: 0,
            first_seq: 0,
            count: 0,
            event_type: EventType::Warning,
            reason: reason.into(),
            message: msg.into(),
            involved: ObjRef::new(Kind::Pod, "default", "p"),
            field_path: None,
            source: "kubelet",
            host: None,
            component: Component::Kubelet,
        }
    }

    #[test]
    fn identical_events_aggregate_like_the_recorder() {
        let mut log = EventLog::default();
        log.record(1000, ev("BackOff", "Back-off restarting failed container"));
        log.record(2000, ev("Pulled", "x"));
        log.record(5000, ev("BackOff", "Back-off restarting failed container"));
        let all: Vec<_> = log.events().collect();
        assert_eq!(all.len(), 2);
        assert_eq!(all[0].reason, "BackOff");
        assert_eq!(
            (all[0].count, all[0].first_ms, all[0].last_ms),
            (2, 1000, 5000)
        );
        let p = ObjRef::new(Kind::Pod, "default", "p");
        let by_last: Vec<&str> = log
            .events_for(&p)
            .iter()
            .map(|e| e.reason.as_str())
            .collect();
        assert_eq!(by_last, ["Pulled", "BackOff"]);
        assert_eq!(log.activity_since(0).count(), 3);
        assert_eq!(log.last_active(Component::Kubelet), Some(5000));
        assert_eq!(log.last_active(Component::Etcd), None);
    }

    #[test]
    fn activity_since_skips_older_entries() {
        let mut log = EventLog::default();
        for i in 0..5 {
            log.act(
                i,
                Component::Etcd,
                ObjRef::new(Kind::Pod, "default", "p"),
                "Put",
                format!("{i}"),
            );
        }
        let msgs: Vec<_> = log.activity_since(3).map(|a| a.message.clone()).collect();
        assert_eq!(msgs, ["3", "4"]);
        assert_eq!(log.next_seq(), 5);
    }
}
