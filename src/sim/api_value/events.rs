//! Events as the API returns them: `v1` (`kubectl get events`, `describe`)
//! and `events.k8s.io/v1` (`kubectl events`). The kubelet and the
//! controllers report with the `v1` recorder; the scheduler with
//! `events.k8s.io` (see [`Event::is_new_api`]).

use super::*;
use crate::sim::events::{Component, Event};
use crate::sim::timefmt::rfc3339_micro;

/// The event's name, `<object>.<hex nanoseconds>`, as the recorder makes it.
pub fn event_name(e: &Event) -> String {
    e.api_name()
}

/// The namespace an event is stored in: its object's, or `default` for
/// cluster-scoped objects (nodes).
pub fn event_namespace(e: &Event) -> &str {
    e.api_namespace()
}

/// An Event as the core `v1` API returns it. The kubelet and the
/// controllers report with the `v1` recorder (first/last timestamps and a
/// count); the scheduler with `events.k8s.io` (an `eventTime`, a `series`
/// for repeats, no timestamps).
pub fn event(c: &Cluster, e: &Event) -> Value {
    let kind = e.involved.kind;
    let uid = object_uid(c, kind, &e.involved.namespace, &e.involved.name);
    let mut involved =
        json!({"apiVersion": kind.api_version(), "kind": kind.name(), "name": e.involved.name});
    if kind.namespaced() {
        involved["namespace"] = e.involved.namespace.clone().into();
    }
    if let Some(f) = &e.field_path {
        involved["fieldPath"] = f.clone().into();
    }
    if kind == Kind::Node && e.component == Component::Kubelet {
        // The kubelet names its node by name where a uid would go.
        involved["uid"] = e.involved.name.clone().into();
    } else if let Some(u) = uid {
        involved["uid"] = u.into();
    }
    let namespace = e.api_namespace().to_string();
    let name = e.api_name();
    let meta = json!({"creationTimestamp": rfc3339(e.first_ms), "name": name, "namespace": namespace,
        "resourceVersion": (e.first_seq + 1).to_string(), "uid": crate::sim::names::uid_from(&format!("event/{namespace}/{name}"))});
    let mut v = json!({"apiVersion": "v1", "kind": "Event", "involvedObject": involved, "metadata": meta,
        "message": e.message, "reason": e.reason, "type": e.event_type.name()});
    if e.is_new_api() {
        v["eventTime"] = rfc3339_micro(e.first_ms).into();
        v["firstTimestamp"] = Value::Null;
        v["lastTimestamp"] = Value::Null;
        v["reportingComponent"] = e.source.into();
        v["reportingInstance"] = format!("{}-control-plane", e.source).into();
        v["action"] = if e.reason == "Scheduled" {
            "Binding"
        } else {
            "Scheduling"
        }
        .into();
        v["source"] = json!({});
        if e.count > 1 {
            v["series"] = json!({"count": e.count, "lastObservedTime": rfc3339_micro(e.last_ms)});
        }
    } else {
        v["count"] = e.count.into();
        v["eventTime"] = Value::Null;
        v["firstTimestamp"] = rfc3339(e.first_ms).into();
        v["lastTimestamp"] = rfc3339(e.last_ms).into();
        v["reportingComponent"] = e.source.into();
        v["reportingInstance"] = e.host.clone().unwrap_or_default().into();
        let mut source = json!({"component": e.source});
        if let Some(h) = &e.host {
            source["host"] = h.clone().into();
        }
        v["source"] = source;
    }
    v
}

/// The uid of an object that still exists.
fn object_uid(c: &Cluster, kind: Kind, ns: &str, name: &str) -> Option<String> {
    let s = c.store();
    let m = match kind {
        Kind::Pod => s.pods().find(ns, name).map(|o| &o.meta),
        Kind::Node => c.node(name).map(|o| &o.meta),
        Kind::ReplicaSet => s.replicasets().find(ns, name).map(|o| &o.meta),
        Kind::Deployment => s.deployments().find(ns, name).map(|o| &o.meta),
        Kind::Job => s.jobs().find(ns, name).map(|o| &o.meta),
        Kind::Service => s.services().find(ns, name).map(|o| &o.meta),
        Kind::DaemonSet => s.daemonsets().find(ns, name).map(|o| &o.meta),
        Kind::Namespace => s.namespace(name).map(|o| &o.meta),
        Kind::EndpointSlice => s.endpointslices().find(ns, name).map(|o| &o.meta),
        Kind::Lease => s.leases().find(ns, name).map(|o| &o.meta),
        Kind::Event => None,
        other => s.meta_of(other, ns, name),
    }?;
    Some(m.uid.clone())
}

/// An `events.k8s.io/v1` Event: the same record in the newer shape.
pub fn event_v1(c: &Cluster, e: &Event) -> Value {
    event_v1_of(&event(c, e))
}

/// The `events.k8s.io/v1` shape of a `v1` Event: what the scheduler's
/// recorder set (eventTime, series, action) as it is, the `v1` recorder's
/// fields as the deprecated ones.
pub fn event_v1_of(v1: &Value) -> Value {
    let mut v = json!({"apiVersion": "events.k8s.io/v1", "kind": "Event",
        "metadata": v1["metadata"], "regarding": v1["involvedObject"], "reason": v1["reason"],
        "note": v1["message"], "type": v1["type"], "eventTime": v1["eventTime"],
        "reportingController": v1["reportingComponent"], "reportingInstance": v1["reportingInstance"]});
    for (from, to) in [
        ("action", "action"),
        ("series", "series"),
        ("source", "deprecatedSource"),
        ("firstTimestamp", "deprecatedFirstTimestamp"),
        ("lastTimestamp", "deprecatedLastTimestamp"),
        ("count", "deprecatedCount"),
    ] {
        if let Some(x) = v1.get(from).filter(|x| !x.is_null() && *x != &json!({})) {
            v[to] = x.clone();
        }
    }
    v
}
