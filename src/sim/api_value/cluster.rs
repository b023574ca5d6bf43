//! Namespaces, DaemonSets, EndpointSlices and Leases as the API returns them.

use super::*;
use crate::sim::events::{Component, Event};
use crate::sim::timefmt::rfc3339_micro;

pub(super) fn namespace(n: &Namespace) -> Value {
    let mut status = json!({"phase": n.phase.name()});
    if !n.conditions.is_empty() {
        let conds: Vec<Value> = n
            .conditions
            .iter()
            .map(|c| condition(c.kind, &c.cond, false))
            .collect();
        status["conditions"] = Value::Array(conds);
    }
    json!({"apiVersion": "v1", "kind": "Namespace", "metadata": metadata(&n.meta),
        "spec": {"finalizers": ["kubernetes"]}, "status": status})
}

pub(super) fn daemonset(d: &DaemonSet) -> Value {
    let strategy = match d.spec.update_strategy {
        DaemonSetUpdateStrategy::RollingUpdate {
            max_unavailable,
            max_surge,
        } => json!({"rollingUpdate": {"maxSurge": workloads::int_or_percent(max_surge),
            "maxUnavailable": workloads::int_or_percent(max_unavailable)}, "type": "RollingUpdate"}),
        DaemonSetUpdateStrategy::OnDelete => json!({"type": "OnDelete"}),
    };
    let st = &d.status;
    let mut status = json!({
        "currentNumberScheduled": st.current_number_scheduled,
        "desiredNumberScheduled": st.desired_number_scheduled,
        "numberMisscheduled": st.number_misscheduled,
        "numberReady": st.number_ready,
        "observedGeneration": st.observed_generation,
    });
    if st.number_available > 0 {
        status["numberAvailable"] = st.number_available.into();
    }
    if st.number_unavailable > 0 {
        status["numberUnavailable"] = st.number_unavailable.into();
    }
    if st.updated_number_scheduled > 0 {
        status["updatedNumberScheduled"] = st.updated_number_scheduled.into();
    }
    let mut spec = json!({"revisionHistoryLimit": d.spec.revision_history_limit,
        "selector": selector(&d.spec.selector), "template": template(&d.spec.template),
        "updateStrategy": strategy});
    if d.spec.min_ready_seconds > 0 {
        spec["minReadySeconds"] = d.spec.min_ready_seconds.into();
    }
    json!({"apiVersion": "apps/v1", "kind": "DaemonSet", "metadata": metadata(&d.meta),
        "spec": spec, "status": status})
}

/// An EndpointSlice.
pub fn endpointslice(e: &EndpointSlice) -> Value {
    let managed = e
        .meta
        .labels
        .contains_key("endpointslice.kubernetes.io/managed-by");
    let endpoints: Vec<Value> = e
        .endpoints
        .iter()
        .map(|ep| {
            let mut v = json!({"addresses": [ep.address]});
            if managed {
                v["conditions"] = json!({"ready": ep.ready, "serving": ep.serving, "terminating": ep.terminating});
            } else {
                v["conditions"] = json!({"ready": ep.ready});
            }
            if let Some(n) = &ep.node {
                v["nodeName"] = n.clone().into();
            }
            if !ep.pod.is_empty() {
                v["targetRef"] = json!({"kind": "Pod", "name": ep.pod,
                    "namespace": e.meta.namespace, "uid": ep.pod_uid});
            }
            v
        })
        .collect();
    let ports: Vec<Value> = e
        .ports
        .iter()
        .map(|p| json!({"name": p.name.clone().unwrap_or_default(), "port": p.port, "protocol": p.protocol.name()}))
        .collect();
    let mut v = json!({"addressType": "IPv4", "apiVersion": "discovery.k8s.io/v1",
        "endpoints": endpoints, "kind": "EndpointSlice", "metadata": metadata(&e.meta)});
    if !ports.is_empty() {
        v["ports"] = Value::Array(ports);
    }
    v
}

pub(super) fn lease(l: &Lease) -> Value {
    let mut spec = Map::new();
    if let Some(t) = l.acquire_ms {
        spec.insert("acquireTime".into(), rfc3339_micro(t).into());
    }
    if let Some(h) = &l.holder {
        spec.insert("holderIdentity".into(), h.clone().into());
    }
    if let Some(d) = l.duration_s {
        spec.insert("leaseDurationSeconds".into(), d.into());
    }
    if let Some(t) = l.renew_ms {
        spec.insert("renewTime".into(), rfc3339_micro(t).into());
    }
    json!({"apiVersion": "coordination.k8s.io/v1", "kind": "Lease", "metadata": metadata(&l.meta),
        "spec": spec})
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
    }?;
    Some(m.uid.clone())
}
