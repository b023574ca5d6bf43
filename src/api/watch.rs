//! Watches (`?watch=true`): the store's watch log, turned into `ADDED` /
//! `MODIFIED` / `DELETED` lines for each open watch whose filter matches,
//! plus a short history so a watch can start from a list's
//! resourceVersion. Kubernetes Events (kept in the event log, not the
//! store) are watched by their sequence numbers. Followed logs
//! (`logs -f`) are fed here too.

use super::fields::{self, FieldReq};
use super::kinds::{self, Backing, ResourceInfo};
use crate::sim::Cluster;
use crate::sim::objects::LabelSelector;
use crate::sim::store::{Op, Res, WatchEvent};
use crate::sim::stored::Oid;
use bytes::Bytes;
use serde_json::{Value, json};
use std::borrow::Cow;
use std::collections::{HashMap, VecDeque};
use tokio::sync::mpsc::{self, Sender, error::TrySendError};

/// How many changes a watch may start behind the present.
const HISTORY: usize = 1000;
/// How many lines a watcher may have unread before it is dropped.
pub const QUEUE: usize = 512;

/// What a watch (or a list) selects.
#[derive(Debug, Clone)]
pub struct Filter {
    pub res: &'static ResourceInfo,
    /// Send each object as a one-row Table (`kubectl get -w`).
    pub table: bool,
    /// `None`: every namespace.
    pub namespace: Option<String>,
    pub labels: Option<LabelSelector>,
    pub fields: Vec<FieldReq>,
}

impl Filter {
    pub fn matches(&self, obj: &Value) -> bool {
        let meta = &obj["metadata"];
        if let Some(ns) = &self.namespace
            && self.res.namespaced
            && meta["namespace"].as_str().unwrap_or("") != ns
        {
            return false;
        }
        if let Some(sel) = &self.labels {
            let labels = meta["labels"]
                .as_object()
                .map(|m| {
                    m.iter()
                        .map(|(k, v)| (k.clone(), v.as_str().unwrap_or("").to_string()))
                        .collect()
                })
                .unwrap_or_default();
            if !sel.matches(&labels) {
                return false;
            }
        }
        fields::matches(&self.fields, obj)
    }
}

#[derive(Debug, Clone)]
struct Change {
    rev: u64,
    kind: &'static str,
    /// Which resource: the store's, or the event log (`None`).
    res: Option<Res>,
    object: Value,
}

/// A change as the history keeps it: its object written out, which takes a
/// fraction of the memory of a value tree (1,000 changes of Pods as trees
/// held about 15 MB); a watch that starts from the history reads it back.
#[derive(Debug, Clone)]
struct Kept {
    rev: u64,
    kind: &'static str,
    res: Option<Res>,
    json: Bytes,
}

impl Kept {
    fn of(ch: &Change) -> Self {
        Kept {
            rev: ch.rev,
            kind: ch.kind,
            res: ch.res,
            json: serde_json::to_vec(&ch.object).map_or_else(|_| Bytes::new(), Bytes::from),
        }
    }
}

struct Watcher {
    filter: Filter,
    tx: Sender<Bytes>,
}

struct Follower {
    namespace: String,
    pod: String,
    container: Option<String>,
    sent: usize,
    tx: Sender<Bytes>,
}

/// The open watches and followed logs, and what they are fed from.
#[derive(Default)]
pub struct Hub {
    watchers: Vec<Watcher>,
    followers: Vec<Follower>,
    history: VecDeque<Kept>,
    /// The first revision the history no longer holds the change before.
    oldest: u64,
    /// Every stored object as last sent (a deleted object's last state).
    cache: HashMap<(Res, Oid), Value>,
    /// The newest Kubernetes Event sequence number sent.
    event_seq: u64,
    /// The last one-row Table sent per object (for its DELETED line).
    rows: HashMap<(Option<Res>, String, String), Value>,
}

/// The store resource behind a served resource, if it is in the store.
pub fn store_res(r: &ResourceInfo) -> Option<Res> {
    use crate::sim::objects::Kind;
    Some(match r.backing {
        Backing::Object(Kind::Node) => Res::Node,
        Backing::Object(Kind::Pod) => Res::Pod,
        Backing::Object(Kind::ReplicaSet) => Res::ReplicaSet,
        Backing::Object(Kind::Deployment) => Res::Deployment,
        Backing::Object(Kind::Job) => Res::Job,
        Backing::Object(Kind::Service) => Res::Service,
        Backing::Object(Kind::Namespace) => Res::Namespace,
        Backing::Object(Kind::DaemonSet) => Res::DaemonSet,
        Backing::Object(Kind::EndpointSlice) => Res::EndpointSlice,
        Backing::Object(Kind::Lease) => Res::Lease,
        Backing::Endpoints => Res::Endpoints,
        Backing::Object(Kind::ConfigMap) => Res::ConfigMap,
        Backing::Object(Kind::Secret) => Res::Secret,
        Backing::Object(Kind::StatefulSet) => Res::StatefulSet,
        Backing::Object(Kind::CronJob) => Res::CronJob,
        Backing::Object(Kind::PersistentVolume) => Res::PersistentVolume,
        Backing::Object(Kind::PersistentVolumeClaim) => Res::PersistentVolumeClaim,
        Backing::Object(Kind::StorageClass) => Res::StorageClass,
        Backing::Object(Kind::ResourceQuota) => Res::ResourceQuota,
        Backing::Object(Kind::LimitRange) => Res::LimitRange,
        _ => return None,
    })
}

fn line(kind: &str, object: &Value) -> Bytes {
    let mut s = serde_json::to_string(&json!({"type": kind, "object": object})).unwrap_or_default();
    s.push('\n');
    Bytes::from(s)
}

impl Hub {
    /// Remember every object as it is now (for the DELETED lines to come).
    pub fn prime(&mut self, c: &mut Cluster) {
        c.take_watch_tap();
        let s = c.store();
        let mut keys: Vec<(Res, Oid, Option<usize>)> = Vec::new();
        for (id, n) in s.nodes().iter().enumerate() {
            keys.push((Res::Node, n.meta.oid, Some(id)));
        }
        keys.extend(s.pods().iter().map(|o| (Res::Pod, o.meta.oid, None)));
        keys.extend(
            s.replicasets()
                .iter()
                .map(|o| (Res::ReplicaSet, o.meta.oid, None)),
        );
        keys.extend(
            s.deployments()
                .iter()
                .map(|o| (Res::Deployment, o.meta.oid, None)),
        );
        keys.extend(s.jobs().iter().map(|o| (Res::Job, o.meta.oid, None)));
        keys.extend(
            s.services()
                .iter()
                .map(|o| (Res::Service, o.meta.oid, None)),
        );
        keys.extend(
            s.endpoints()
                .iter()
                .map(|o| (Res::Endpoints, o.meta.oid, None)),
        );
        for (res, oid, node) in keys {
            if let Some(v) = c.api_value_of(res, oid, node) {
                self.cache.insert((res, oid), v);
            }
        }
        self.oldest = c.revision();
        self.event_seq = c.events().map(|e| e.last_seq).max().unwrap_or(0);
    }

    /// Open watches, for the status line.
    pub fn watch_count(&self) -> usize {
        self.watchers.len()
    }

    /// Open a watch: the changes after `since` (from the history) come
    /// first; `Err` when `since` is older than the history holds.
    pub fn watch(
        &mut self,
        filter: Filter,
        since: Option<u64>,
    ) -> Result<(Vec<Bytes>, mpsc::Receiver<Bytes>), u64> {
        let mut first = Vec::new();
        let events = store_res(filter.res).is_none();
        if let Some(since) = since {
            if !events && since < self.oldest {
                return Err(self.oldest);
            }
            for ch in &self.history {
                if ch.res == store_res(filter.res) && ch.rev > since {
                    let Ok(object) = serde_json::from_slice::<Value>(&ch.json) else {
                        continue;
                    };
                    let obj = convert(filter.res, &object);
                    if filter.matches(&obj) {
                        first.push(line(ch.kind, &obj));
                    }
                }
            }
        }
        let (tx, rx) = mpsc::channel(QUEUE);
        self.watchers.push(Watcher { filter, tx });
        Ok((first, rx))
    }

    /// Follow a container's log: lines after the `sent` first ones.
    pub fn follow(
        &mut self,
        namespace: &str,
        pod: &str,
        container: Option<&str>,
        sent: usize,
    ) -> mpsc::Receiver<Bytes> {
        let (tx, rx) = mpsc::channel(QUEUE);
        self.followers.push(Follower {
            namespace: namespace.to_string(),
            pod: pod.to_string(),
            container: container.map(str::to_string),
            sent,
            tx,
        });
        rx
    }

    /// Send what changed since the last call to every watch that wants it.
    pub fn publish(&mut self, c: &mut Cluster) {
        let taps = c.take_watch_tap();
        let mut changes = self.store_changes(c, taps);
        changes.extend(self.event_changes(c));
        for ch in changes {
            let wants_table = self
                .watchers
                .iter()
                .any(|w| w.filter.table && store_res(w.filter.res) == ch.res);
            let row = if wants_table { self.row(c, &ch) } else { None };
            // Each shape of the change is written out once, for every watcher.
            let mut lines: HashMap<(&'static str, &'static str, bool), Bytes> = HashMap::new();
            self.watchers.retain(|w| {
                if store_res(w.filter.res) != ch.res {
                    return !w.tx.is_closed();
                }
                let converted = convert(w.filter.res, &ch.object);
                if !w.filter.matches(&converted) {
                    return !w.tx.is_closed();
                }
                let table = w.filter.table && row.is_some() && w.filter.res.printer().is_some();
                let key = (w.filter.res.group, w.filter.res.plural, table);
                let bytes = lines
                    .entry(key)
                    .or_insert_with(|| match (&row, table) {
                        (Some(t), true) => line(ch.kind, t),
                        _ => line(ch.kind, &converted),
                    })
                    .clone();
                match w.tx.try_send(bytes) {
                    Ok(()) => true,
                    // A watcher that does not read is dropped (it re-lists).
                    Err(TrySendError::Full(_)) | Err(TrySendError::Closed(_)) => false,
                }
            });
            if self.history.len() == HISTORY
                && let Some(old) = self.history.pop_front()
                && old.res.is_some()
            {
                self.oldest = self.oldest.max(old.rev);
            }
            self.history.push_back(Kept::of(&ch));
        }
        self.feed_logs(c);
    }

    /// The object of a change as a one-row Table (the last row printed, for
    /// an object that is gone).
    fn row(&mut self, c: &Cluster, ch: &Change) -> Option<Value> {
        let name = ch.object["metadata"]["name"].as_str()?.to_string();
        let ns = ch.object["metadata"]["namespace"]
            .as_str()
            .unwrap_or("")
            .to_string();
        let key = (ch.res, ns.clone(), name.clone());
        if ch.kind == "DELETED" {
            return self.rows.remove(&key);
        }
        let r = match ch.res {
            Some(res) => kinds::RESOURCES
                .iter()
                .find(|r| store_res(r) == Some(res))?,
            None => core_events(),
        };
        let t = super::read::row_table(c, r, &ns, &name, &ch.object)?;
        self.rows.insert(key, t.clone());
        Some(t)
    }

    /// One change per object per call: its state now (or its last state,
    /// for a deletion), with the revision that made it.
    fn store_changes(&mut self, c: &Cluster, taps: Vec<WatchEvent>) -> Vec<Change> {
        let mut last: Vec<(Res, Oid, Option<usize>, Op, u64, bool)> = Vec::new();
        let mut at: HashMap<(Res, Oid), usize> = HashMap::new();
        for ev in taps {
            let key = (ev.res, ev.oid);
            let node = if ev.res == Res::Node { ev.node } else { None };
            match at.get(&key) {
                Some(&i) => {
                    last[i].3 = ev.op;
                    last[i].4 = ev.rev;
                }
                None => {
                    at.insert(key, last.len());
                    last.push((ev.res, ev.oid, node, ev.op, ev.rev, ev.op == Op::Added));
                }
            }
        }
        let mut out = Vec::new();
        for (res, oid, node, op, rev, born) in last {
            if op == Op::Deleted {
                if let Some(mut v) = self.cache.remove(&(res, oid)) {
                    v["metadata"]["resourceVersion"] = rev.to_string().into();
                    out.push(Change {
                        rev,
                        kind: "DELETED",
                        res: Some(res),
                        object: v,
                    });
                }
                continue;
            }
            let Some(v) = c.api_value_of(res, oid, node) else {
                continue;
            };
            let kind = if born && !self.cache.contains_key(&(res, oid)) {
                "ADDED"
            } else {
                "MODIFIED"
            };
            self.cache.insert((res, oid), v.clone());
            out.push(Change {
                rev,
                kind,
                res: Some(res),
                object: v,
            });
        }
        out
    }

    fn event_changes(&mut self, c: &Cluster) -> Vec<Change> {
        let mut evs: Vec<_> = c.events().filter(|e| e.last_seq > self.event_seq).collect();
        evs.sort_by_key(|e| e.last_seq);
        let mut out = Vec::new();
        for e in evs {
            self.event_seq = self.event_seq.max(e.last_seq);
            out.push(Change {
                rev: e.last_seq,
                kind: if e.count == 1 { "ADDED" } else { "MODIFIED" },
                res: None,
                object: crate::sim::api_value::event(c, e),
            });
        }
        out
    }

    fn feed_logs(&mut self, c: &Cluster) {
        self.followers.retain_mut(|f| {
            if f.tx.is_closed() {
                return false;
            }
            let Ok(lines) = c.logs(&f.namespace, &f.pod, f.container.as_deref(), false) else {
                return false;
            };
            for l in lines.iter().skip(f.sent) {
                if f.tx.try_send(Bytes::from(format!("{l}\n"))).is_err() {
                    return false;
                }
            }
            f.sent = f.sent.max(lines.len());
            true
        });
    }
}

/// The object in the shape of the watched resource (an Event watched
/// through events.k8s.io/v1 is sent in that shape): the object itself, not
/// a copy per watch, for every other resource.
fn convert<'a>(r: &ResourceInfo, v: &'a Value) -> Cow<'a, Value> {
    match r.backing {
        Backing::Events { new_api: true } => Cow::Owned(super::read::event_to_v1(v)),
        _ => Cow::Borrowed(v),
    }
}

/// The served resource of the core Events.
pub fn core_events() -> &'static ResourceInfo {
    kinds::find("", "v1", "events").expect("events are served")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pods_filter(namespace: Option<&str>) -> Filter {
        Filter {
            res: crate::api::kinds::find("", "v1", "pods").expect("pods"),
            table: false,
            namespace: namespace.map(str::to_string),
            labels: None,
            fields: Vec::new(),
        }
    }

    fn kinds_and_names(lines: &[Bytes]) -> Vec<(String, String)> {
        lines
            .iter()
            .map(|l| {
                let v: Value = serde_json::from_slice(l).expect("a JSON line");
                (
                    v["type"].as_str().unwrap_or("").to_string(),
                    v["object"]["metadata"]["name"]
                        .as_str()
                        .unwrap_or("")
                        .to_string(),
                )
            })
            .collect()
    }

    /// A watch that starts from a list's resourceVersion first gets, from
    /// the history (kept written out), every change after it that its
    /// filter wants, in order, as the objects were then.
    #[test]
    fn a_watch_from_a_revision_replays_the_kept_changes_after_it() {
        let mut c = Cluster::new(1);
        c.set_watch_tap(true);
        let mut hub = Hub::default();
        hub.publish(&mut c);
        let since = c.store().revision();
        crate::kubectl::execute(&mut c, "run one --image=nginx");
        crate::kubectl::execute(&mut c, "create namespace team");
        crate::kubectl::execute(&mut c, "run two --image=nginx -n team");
        hub.publish(&mut c);
        c.advance(5_000);
        hub.publish(&mut c);
        let (first, _rx) = hub
            .watch(pods_filter(Some("default")), Some(since))
            .unwrap();
        let seen = kinds_and_names(&first);
        assert_eq!(
            seen.first(),
            Some(&("ADDED".to_string(), "one".to_string()))
        );
        assert!(seen.iter().all(|(_, n)| n == "one"), "{seen:?}");
        let (all, _rx) = hub.watch(pods_filter(None), Some(since)).unwrap();
        let names: Vec<String> = kinds_and_names(&all).into_iter().map(|(_, n)| n).collect();
        assert!(names.contains(&"two".to_string()), "{names:?}");
        // Each line carries the object as it was then: created unbound,
        // then bound by the scheduler.
        let added: Value = serde_json::from_slice(&first[0]).unwrap();
        assert_eq!(added["object"]["spec"]["nodeName"], Value::Null);
        let last: Value = serde_json::from_slice(first.last().unwrap()).unwrap();
        assert_eq!(last["type"], "MODIFIED");
        assert!(last["object"]["spec"]["nodeName"].is_string(), "{last}");
    }
}
