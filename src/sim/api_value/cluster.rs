//! Namespaces, DaemonSets, EndpointSlices and Leases as the API returns them.

use super::*;
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
