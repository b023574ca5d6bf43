//! ReplicaSets, Deployments, Jobs, Services and Endpoints as the API returns them.

use super::*;

/// Insert `n` under `key` unless it is zero (the API omits empty counts).
fn count(o: &mut Map<String, Value>, key: &str, n: u32) {
    if n > 0 {
        o.insert(key.into(), n.into());
    }
}

pub(super) fn replicaset(r: &ReplicaSet) -> Value {
    let mut st = Map::new();
    count(&mut st, "availableReplicas", r.status.available);
    count(&mut st, "fullyLabeledReplicas", r.status.fully_labeled);
    st.insert(
        "observedGeneration".into(),
        r.status.observed_generation.into(),
    );
    count(&mut st, "readyReplicas", r.status.ready);
    st.insert("replicas".into(), r.status.replicas.into());
    json!({"apiVersion": "apps/v1", "kind": "ReplicaSet", "metadata": metadata(&r.meta),
        "spec": {"replicas": r.spec.replicas, "selector": selector(&r.spec.selector), "template": template(&r.spec.template)},
        "status": st})
}

fn int_or_percent(v: IntOrPercent) -> Value {
    match v {
        IntOrPercent::Int(n) => n.into(),
        IntOrPercent::Percent(p) => format!("{p}%").into(),
    }
}

pub(super) fn deployment(d: &Deployment) -> Value {
    let strategy = match d.spec.strategy {
        DeploymentStrategy::RollingUpdate {
            max_surge,
            max_unavailable,
        } => json!({"rollingUpdate": {
            "maxSurge": int_or_percent(max_surge), "maxUnavailable": int_or_percent(max_unavailable)}, "type": "RollingUpdate"}),
        DeploymentStrategy::Recreate => json!({"type": "Recreate"}),
    };
    let mut st = Map::new();
    count(&mut st, "availableReplicas", d.status.available);
    let mut conds = Vec::new();
    for (k, c) in [
        ("Available", &d.status.available_cond),
        ("Progressing", &d.status.progressing_cond),
    ] {
        if let Some(c) = c {
            let mut v = condition(k, c, false);
            v["lastUpdateTime"] = rfc3339(c.probe_ms).into();
            conds.push(v);
        }
    }
    st.insert("conditions".into(), Value::Array(conds));
    st.insert(
        "observedGeneration".into(),
        d.status.observed_generation.into(),
    );
    count(&mut st, "readyReplicas", d.status.ready);
    count(&mut st, "replicas", d.status.replicas);
    count(&mut st, "unavailableReplicas", d.status.unavailable);
    count(&mut st, "updatedReplicas", d.status.updated);
    let mut v = json!({"apiVersion": "apps/v1", "kind": "Deployment", "metadata": metadata(&d.meta),
        "spec": {"progressDeadlineSeconds": d.spec.progress_deadline_seconds, "replicas": d.spec.replicas, "revisionHistoryLimit": d.spec.revision_history_limit,
                 "selector": selector(&d.spec.selector), "strategy": strategy, "template": template(&d.spec.template)},
        "status": st});
    if d.spec.paused {
        v["spec"]["paused"] = true.into();
    }
    v
}

pub(super) fn job(j: &Job) -> Value {
    let mut spec = json!({"backoffLimit": j.spec.backoff_limit, "completionMode": "NonIndexed", "manualSelector": false,
        "parallelism": j.spec.parallelism, "podReplacementPolicy": "TerminatingOrFailed",
        "selector": {"matchLabels": {"batch.kubernetes.io/controller-uid": j.meta.uid}}, "suspend": false,
        "template": template(&j.spec.template)});
    if let Some(c) = j.spec.completions {
        spec["completions"] = c.into();
    }
    if let Some(d) = j.spec.active_deadline_seconds {
        spec["activeDeadlineSeconds"] = d.into();
    }
    let mut st = Map::new();
    count(&mut st, "active", j.status.active);
    if let Some(t) = j.status.completion_ms {
        st.insert("completionTime".into(), rfc3339(t).into());
    }
    if !j.status.conditions.is_empty() {
        let conds: Vec<Value> = j
            .status
            .conditions
            .iter()
            .map(|c| {
                let mut v = condition(c.kind, &c.cond, false);
                v["lastProbeTime"] = rfc3339(c.cond.probe_ms).into();
                v
            })
            .collect();
        st.insert("conditions".into(), Value::Array(conds));
    }
    count(&mut st, "failed", j.status.failed);
    st.insert("ready".into(), j.status.ready.into());
    if let Some(t) = j.status.start_ms {
        st.insert("startTime".into(), rfc3339(t).into());
    }
    count(&mut st, "succeeded", j.status.succeeded);
    st.insert("terminating".into(), 0.into());
    st.insert("uncountedTerminatedPods".into(), json!({}));
    json!({"apiVersion": "batch/v1", "kind": "Job", "metadata": metadata(&j.meta), "spec": spec, "status": st})
}

pub(super) fn service(s: &Service) -> Value {
    let ports: Vec<Value> = s.spec.ports.iter().map(|p| {
        let mut v = json!({"port": p.port, "protocol": p.protocol.name(), "targetPort": match &p.target_port {
            PortRef::Number(n) => Value::from(*n), PortRef::Name(n) => Value::from(n.clone()) }});
        if let Some(n) = &p.name {
            v["name"] = n.clone().into();
        }
        if let Some(np) = p.node_port {
            v["nodePort"] = np.into();
        }
        v
    }).collect();
    let mut spec = json!({"clusterIP": s.cluster_ip(), "clusterIPs": [s.cluster_ip()], "internalTrafficPolicy": "Cluster",
        "ipFamilies": ["IPv4"], "ipFamilyPolicy": "SingleStack", "ports": ports, "sessionAffinity": "None",
        "type": s.spec.service_type.name()});
    if !s.spec.selector.is_empty() {
        spec["selector"] = labels(&s.spec.selector);
    }
    json!({"apiVersion": "v1", "kind": "Service", "metadata": metadata(&s.meta), "spec": spec, "status": {"loadBalancer": {}}})
}

/// The Endpoints object of a Service.
pub fn endpoints(e: &Endpoints) -> Value {
    let addr = |a: &EndpointAddress| {
        let mut v = json!({"ip": a.ip});
        if let Some(n) = &a.node {
            v["nodeName"] = n.clone().into();
        }
        if !a.pod.is_empty() {
            v["targetRef"] = json!({"kind": "Pod", "name": a.pod, "namespace": e.meta.namespace});
        }
        v
    };
    let mut subsets = Vec::new();
    if !e.ready.is_empty() || !e.not_ready.is_empty() {
        let mut sub = Map::new();
        if !e.ready.is_empty() {
            sub.insert(
                "addresses".into(),
                Value::Array(e.ready.iter().map(addr).collect()),
            );
        }
        if !e.not_ready.is_empty() {
            sub.insert(
                "notReadyAddresses".into(),
                Value::Array(e.not_ready.iter().map(addr).collect()),
            );
        }
        let ports: Vec<Value> = e
            .ports
            .iter()
            .map(|p| {
                let mut v = json!({"port": p.port, "protocol": p.protocol.name()});
                if let Some(n) = &p.name {
                    v["name"] = n.clone().into();
                }
                v
            })
            .collect();
        sub.insert("ports".into(), Value::Array(ports));
        subsets.push(Value::Object(sub));
    }
    let mut v = json!({"apiVersion": "v1", "kind": "Endpoints", "metadata": metadata(&e.meta)});
    if !subsets.is_empty() {
        v["subsets"] = Value::Array(subsets);
    }
    v
}
