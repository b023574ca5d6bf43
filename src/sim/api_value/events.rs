//! Events as the API returns them: `v1` (`kubectl get events`, `describe`)
//! and `events.k8s.io/v1` (`kubectl events`).

use crate::sim::cluster::Cluster;
use crate::sim::events::Event;
use crate::sim::objects::Kind;
use crate::sim::timefmt::rfc3339;
use serde_json::{Value, json};

/// A stable event name, `<object>.<16 hex digits>`, as the recorder makes
/// them (there from the object's name and the first occurrence's time).
pub fn event_name(e: &Event) -> String {
    format!("{}.{:016x}", e.involved.name, event_hash(e))
}

fn event_hash(e: &Event) -> u64 {
    // FNV-1a over what identifies the event: stable across runs and clones.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let first = e.first_ms.to_string();
    for part in [
        e.involved.kind.name(),
        &e.involved.namespace,
        &e.involved.name,
        &e.reason,
        &e.message,
        e.source,
        &first,
    ] {
        for b in part.bytes().chain([0]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// The namespace an event is stored in: its object's, or `default` for
/// cluster-scoped objects (nodes), as the kubelet records them.
pub fn event_namespace(e: &Event) -> &str {
    if e.involved.namespace.is_empty() {
        "default"
    } else {
        &e.involved.namespace
    }
}

fn involved_uid(c: &Cluster, e: &Event) -> String {
    let (ns, name) = (e.involved.namespace.as_str(), e.involved.name.as_str());
    let s = c.store();
    let uid = match e.involved.kind {
        // The kubelet records node events with the node's name as the uid.
        Kind::Node => return name.to_string(),
        Kind::Pod => s.pods().find(ns, name).map(|o| o.meta.uid.clone()),
        Kind::ReplicaSet => s.replicasets().find(ns, name).map(|o| o.meta.uid.clone()),
        Kind::Deployment => s.deployments().find(ns, name).map(|o| o.meta.uid.clone()),
        Kind::Job => s.jobs().find(ns, name).map(|o| o.meta.uid.clone()),
        Kind::Service => s.services().find(ns, name).map(|o| o.meta.uid.clone()),
        Kind::Event => None,
        other => s.meta_of(other, ns, name).map(|m| m.uid.clone()),
    };
    uid.unwrap_or_default()
}

fn involved(c: &Cluster, e: &Event) -> Value {
    let mut o = json!({"apiVersion": e.involved.kind.api_version(), "kind": e.involved.kind.name(),
        "name": e.involved.name, "uid": involved_uid(c, e)});
    if !e.involved.namespace.is_empty() {
        o["namespace"] = e.involved.namespace.clone().into();
    }
    if let Some(f) = &e.field_path {
        o["fieldPath"] = f.clone().into();
    }
    o
}

fn metadata(e: &Event) -> Value {
    json!({"name": event_name(e), "namespace": event_namespace(e),
        "creationTimestamp": rfc3339(e.first_ms), "resourceVersion": e.last_seq.to_string(),
        "uid": crate::sim::names::uid(&mut crate::sim::clock::Rng::new(event_hash(e)))})
}

/// A `v1` Event.
pub fn event(c: &Cluster, e: &Event) -> Value {
    let mut source = json!({"component": e.source});
    if let Some(h) = &e.host {
        source["host"] = h.clone().into();
    }
    json!({"apiVersion": "v1", "kind": "Event", "metadata": metadata(e),
        "involvedObject": involved(c, e), "reason": e.reason, "message": e.message,
        "source": source, "firstTimestamp": rfc3339(e.first_ms), "lastTimestamp": rfc3339(e.last_ms),
        "count": e.count, "type": e.event_type.name(), "eventTime": null,
        "reportingComponent": e.source, "reportingInstance": e.host.clone().unwrap_or_default()})
}

/// An `events.k8s.io/v1` Event (the same record in the newer shape).
pub fn event_v1(c: &Cluster, e: &Event) -> Value {
    let mut v = json!({"apiVersion": "events.k8s.io/v1", "kind": "Event", "metadata": metadata(e),
        "regarding": involved(c, e), "reason": e.reason, "note": e.message,
        "type": e.event_type.name(), "eventTime": null,
        "deprecatedSource": {"component": e.source},
        "deprecatedFirstTimestamp": rfc3339(e.first_ms), "deprecatedLastTimestamp": rfc3339(e.last_ms),
        "deprecatedCount": e.count, "reportingController": e.source,
        "reportingInstance": e.host.clone().unwrap_or_default()});
    if let Some(h) = &e.host {
        v["deprecatedSource"]["host"] = h.clone().into();
    }
    v
}
