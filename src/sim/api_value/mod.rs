//! Objects as the Kubernetes API returns them (`kubectl get -o yaml|json`):
//! apiVersion, kind, metadata, spec, status, with the API's defaults filled in.

mod events;
mod kinds;
mod pod_extras;
mod workloads;

pub use events::{event, event_name, event_namespace, event_v1};

pub use workloads::endpoints;
use workloads::{deployment, job, replicaset, service};

use crate::quantity::{format_bytes, format_cpu};
use crate::sim::apiserver::resource_name;
use crate::sim::cluster::Cluster;
use crate::sim::objects::*;
use crate::sim::status::qos_class;
use crate::sim::stored::*;
use crate::sim::timefmt::rfc3339;
use serde_json::{Map, Value, json};

fn labels(l: &Labels) -> Value {
    Value::Object(
        l.iter()
            .map(|(k, v)| (k.clone(), Value::String(v.clone())))
            .collect(),
    )
}

fn metadata(m: &Meta) -> Value {
    let mut o = Map::new();
    o.insert("creationTimestamp".into(), rfc3339(m.creation_ms).into());
    if !m.labels.is_empty() {
        o.insert("labels".into(), labels(&m.labels));
    }
    if !m.annotations.is_empty() {
        o.insert("annotations".into(), labels(&m.annotations));
    }
    o.insert("name".into(), m.name.clone().into());
    if !m.namespace.is_empty() {
        o.insert("namespace".into(), m.namespace.clone().into());
    }
    if m.generation > 0 && !m.namespace.is_empty() {
        o.insert("generation".into(), m.generation.into());
    }
    if let Some(owner) = &m.owner {
        let api = owner.kind.api_version();
        o.insert(
            "ownerReferences".into(),
            json!([{"apiVersion": api, "blockOwnerDeletion": true, "controller": true,
                    "kind": owner.kind.name(), "name": owner.name, "uid": owner.uid}]),
        );
        if m.name.starts_with(&format!("{}-", owner.name)) && owner.kind != Kind::Deployment {
            o.insert("generateName".into(), format!("{}-", owner.name).into());
        }
    }
    if let Some(d) = m.deletion_ms {
        o.insert("deletionTimestamp".into(), rfc3339(d).into());
        o.insert(
            "deletionGracePeriodSeconds".into(),
            m.deletion_grace_s.unwrap_or(30).into(),
        );
    }
    o.insert(
        "resourceVersion".into(),
        m.resource_version.to_string().into(),
    );
    o.insert("uid".into(), m.uid.clone().into());
    Value::Object(o)
}

fn resources(r: Resources) -> Value {
    let mut o = Map::new();
    if r.cpu_millis > 0 {
        o.insert("cpu".into(), format_cpu(r.cpu_millis).into());
    }
    if r.memory_bytes > 0 {
        o.insert("memory".into(), format_bytes(r.memory_bytes).into());
    }
    Value::Object(o)
}

fn container(c: &ContainerSpec) -> Value {
    let mut o = Map::new();
    o.insert("name".into(), c.name.clone().into());
    o.insert("image".into(), c.image.clone().into());
    o.insert("imagePullPolicy".into(), c.pull_policy().name().into());
    if !c.command.is_empty() {
        o.insert("command".into(), json!(c.command));
    }
    if !c.args.is_empty() {
        o.insert("args".into(), json!(c.args));
    }
    if !c.ports.is_empty() {
        let ports: Vec<Value> = c
            .ports
            .iter()
            .map(|p| {
                let mut v =
                    json!({"containerPort": p.container_port, "protocol": p.protocol.name()});
                if let Some(n) = &p.name {
                    v["name"] = n.clone().into();
                }
                v
            })
            .collect();
        o.insert("ports".into(), Value::Array(ports));
    }
    let mut res = Map::new();
    if c.requests != Resources::default() || c.limits != Resources::default() {
        if c.limits != Resources::default() {
            res.insert("limits".into(), resources(c.limits));
        }
        res.insert("requests".into(), resources(c.effective_requests()));
    }
    o.insert("resources".into(), Value::Object(res));
    pod_extras::container_fields(c, &mut o);
    if c.restart_always {
        o.insert("restartPolicy".into(), "Always".into());
    }
    o.insert(
        "terminationMessagePath".into(),
        "/dev/termination-log".into(),
    );
    o.insert("terminationMessagePolicy".into(), "File".into());
    Value::Object(o)
}

fn pod_spec(s: &PodSpec) -> Value {
    let mut o = Map::new();
    o.insert(
        "containers".into(),
        Value::Array(s.containers.iter().map(container).collect()),
    );
    if !s.init_containers.is_empty() {
        o.insert(
            "initContainers".into(),
            Value::Array(s.init_containers.iter().map(container).collect()),
        );
    }
    o.insert("dnsPolicy".into(), "ClusterFirst".into());
    o.insert("enableServiceLinks".into(), true.into());
    if let Some(n) = &s.node_name {
        o.insert("nodeName".into(), n.clone().into());
    }
    if !s.node_selector.is_empty() {
        o.insert("nodeSelector".into(), labels(&s.node_selector));
    }
    o.insert("preemptionPolicy".into(), "PreemptLowerPriority".into());
    o.insert("priority".into(), 0.into());
    o.insert("restartPolicy".into(), s.restart_policy.name().into());
    o.insert("schedulerName".into(), "default-scheduler".into());
    o.insert("securityContext".into(), json!({}));
    o.insert("serviceAccount".into(), "default".into());
    o.insert("serviceAccountName".into(), "default".into());
    o.insert(
        "terminationGracePeriodSeconds".into(),
        s.termination_grace_period_seconds.into(),
    );
    if !s.tolerations.is_empty() {
        let tols: Vec<Value> = s.tolerations.iter().map(toleration).collect();
        o.insert("tolerations".into(), Value::Array(tols));
    }
    pod_extras::pod_fields(s, &mut o);
    Value::Object(o)
}

fn toleration(t: &Toleration) -> Value {
    let mut o = Map::new();
    if let Some(e) = t.effect {
        o.insert("effect".into(), e.name().into());
    }
    if let Some(k) = &t.key {
        o.insert("key".into(), k.clone().into());
    }
    o.insert(
        "operator".into(),
        match t.operator {
            TolerationOperator::Equal => "Equal",
            TolerationOperator::Exists => "Exists",
        }
        .into(),
    );
    if let Some(s) = t.toleration_seconds {
        o.insert("tolerationSeconds".into(), s.into());
    }
    if let Some(v) = &t.value {
        o.insert("value".into(), v.clone().into());
    }
    Value::Object(o)
}

fn template(t: &PodTemplate) -> Value {
    let mut meta = json!({"creationTimestamp": null});
    if !t.labels.is_empty() {
        meta["labels"] = labels(&t.labels);
    }
    if !t.annotations.is_empty() {
        meta["annotations"] = labels(&t.annotations);
    }
    json!({"metadata": meta, "spec": pod_spec(&t.spec)})
}

fn selector(s: &LabelSelector) -> Value {
    let mut o = Map::new();
    if !s.match_expressions.is_empty() {
        let exprs: Vec<Value> = s
            .match_expressions
            .iter()
            .map(|r| json!({"key": r.key, "operator": format!("{:?}", r.operator), "values": r.values}))
            .collect();
        o.insert("matchExpressions".into(), Value::Array(exprs));
    }
    o.insert("matchLabels".into(), labels(&s.match_labels));
    Value::Object(o)
}

fn condition(kind: &str, c: &Condition, probe_null: bool) -> Value {
    let mut o = Map::new();
    o.insert("type".into(), kind.into());
    o.insert("status".into(), c.status.name().into());
    o.insert("lastTransitionTime".into(), rfc3339(c.transition_ms).into());
    if probe_null {
        o.insert("lastProbeTime".into(), Value::Null);
    }
    if let Some(r) = c.reason.as_ref().filter(|r| !r.is_empty()) {
        o.insert("reason".into(), r.clone().into());
    }
    if let Some(m) = c.message.as_ref().filter(|m| !m.is_empty()) {
        o.insert("message".into(), m.clone().into());
    }
    Value::Object(o)
}

fn terminated(t: &Terminated) -> Value {
    json!({"containerID": t.container_id, "exitCode": t.exit_code, "finishedAt": rfc3339(t.finished_ms),
           "reason": t.reason, "startedAt": rfc3339(t.started_ms)})
}

fn container_status(c: &ContainerStatus) -> Value {
    let state = match &c.state {
        ContainerState::Waiting { reason, message } => {
            let mut w = json!({"reason": reason});
            if let Some(m) = message {
                w["message"] = m.clone().into();
            }
            json!({"waiting": w})
        }
        ContainerState::Running { started_ms } => {
            json!({"running": {"startedAt": rfc3339(*started_ms)}})
        }
        ContainerState::Terminated(t) => json!({"terminated": terminated(t)}),
    };
    let mut o = json!({"image": c.image, "imageID": c.image_id, "name": c.name, "ready": c.ready,
        "restartCount": c.restart_count, "started": c.started, "state": state,
        "lastState": c.last_state.as_ref().map_or(json!({}), |t| json!({"terminated": terminated(t)}))});
    if let Some(id) = &c.container_id {
        o["containerID"] = id.clone().into();
    }
    o
}

fn pod(p: &Pod) -> Value {
    let s = &p.status;
    let mut st = Map::new();
    let conds: Vec<Value> = s
        .conditions
        .list()
        .into_iter()
        .map(|(k, c)| condition(k, c, true))
        .collect();
    st.insert("conditions".into(), Value::Array(conds));
    if !s.container_statuses.is_empty() {
        st.insert(
            "containerStatuses".into(),
            Value::Array(s.container_statuses.iter().map(container_status).collect()),
        );
    }
    if !s.init_statuses.is_empty() {
        st.insert(
            "initContainerStatuses".into(),
            Value::Array(s.init_statuses.iter().map(container_status).collect()),
        );
    }
    if let Some(ip) = &s.host_ip {
        st.insert("hostIP".into(), ip.clone().into());
        st.insert("hostIPs".into(), json!([{"ip": ip}]));
    }
    if let Some(r) = &s.reason {
        st.insert("reason".into(), r.clone().into());
    }
    if let Some(m) = &s.message {
        st.insert("message".into(), m.clone().into());
    }
    st.insert("phase".into(), s.phase.name().into());
    if let Some(ip) = &s.pod_ip {
        st.insert("podIP".into(), ip.clone().into());
        st.insert("podIPs".into(), json!([{"ip": ip}]));
    }
    st.insert("qosClass".into(), qos_class(&p.spec).into());
    if let Some(t) = s.start_ms {
        st.insert("startTime".into(), rfc3339(t).into());
    }
    json!({"apiVersion": "v1", "kind": "Pod", "metadata": metadata(&p.meta), "spec": pod_spec(&p.spec), "status": st})
}

fn node(n: &Node) -> Value {
    let mut spec = json!({"podCIDR": n.pod_cidr, "podCIDRs": [n.pod_cidr]});
    if !n.taints.is_empty() {
        let taints: Vec<Value> = n
            .taints
            .iter()
            .map(|t| {
                let mut v = json!({"effect": t.taint.effect.name(), "key": t.taint.key});
                if let Some(val) = &t.taint.value {
                    v["value"] = val.clone().into();
                }
                if t.taint.effect == TaintEffect::NoExecute
                    || t.taint.key.starts_with("node.kubernetes.io/")
                {
                    v["timeAdded"] = rfc3339(t.added_ms).into();
                }
                v
            })
            .collect();
        spec["taints"] = Value::Array(taints);
    }
    if n.unschedulable {
        spec["unschedulable"] = true.into();
    }
    let lost = n.ready.status == CondStatus::Unknown;
    let pressure = |kind: &str, reason: &str, msg: &str| {
        let c = if lost {
            Condition {
                status: CondStatus::Unknown,
                ..n.ready.clone()
            }
        } else if let (Some(since), "MemoryPressure") = (n.memory_pressure, kind) {
            Condition::new(CondStatus::True, since).with(
                "KubeletHasInsufficientMemory",
                "kubelet has insufficient memory available",
            )
        } else {
            Condition::new(CondStatus::False, n.meta.creation_ms).with(reason, msg)
        };
        let mut v = condition(kind, &c, false);
        v["lastHeartbeatTime"] = rfc3339(n.ready.probe_ms).into();
        v
    };
    let mut ready = condition("Ready", &n.ready, false);
    ready["lastHeartbeatTime"] = rfc3339(n.ready.probe_ms).into();
    let conditions = json!([
        pressure(
            "MemoryPressure",
            "KubeletHasSufficientMemory",
            "kubelet has sufficient memory available"
        ),
        pressure(
            "DiskPressure",
            "KubeletHasNoDiskPressure",
            "kubelet has no disk pressure"
        ),
        pressure(
            "PIDPressure",
            "KubeletHasSufficientPID",
            "kubelet has sufficient PID available"
        ),
        ready
    ]);
    let res = |r: Resources| json!({"cpu": format_cpu(r.cpu_millis), "memory": format_bytes(r.memory_bytes), "pods": n.max_pods.to_string()});
    let status = json!({
        "addresses": [{"address": n.internal_ip, "type": "InternalIP"}, {"address": n.meta.name, "type": "Hostname"}],
        "allocatable": res(n.allocatable), "capacity": res(n.capacity), "conditions": conditions,
        "nodeInfo": {"architecture": "amd64", "containerRuntimeVersion": n.runtime_version, "kernelVersion": "6.8.0-sim",
                     "kubeletVersion": n.kubelet_version, "operatingSystem": "linux", "osImage": "Ubuntu 24.04 LTS"}
    });
    json!({"apiVersion": "v1", "kind": "Node", "metadata": metadata(&n.meta), "spec": spec, "status": status})
}

impl Cluster {
    /// The object as the API returns it (`kubectl get KIND NAME -o json`).
    /// `ns` is ignored for nodes.
    pub fn to_api_value(&self, kind: Kind, ns: &str, name: &str) -> Result<Value, String> {
        let s = self.store();
        let missing = || {
            format!(
                "Error from server (NotFound): {} \"{name}\" not found",
                resource_name(kind)
            )
        };
        match kind {
            Kind::Node => self.node(name).map(node),
            Kind::Pod => s.pods().find(ns, name).map(pod),
            Kind::ReplicaSet => s.replicasets().find(ns, name).map(replicaset),
            Kind::Deployment => s.deployments().find(ns, name).map(deployment),
            Kind::Job => s.jobs().find(ns, name).map(job),
            Kind::Service => s.services().find(ns, name).map(service),
            Kind::Event => None,
            other => kinds::value(s, other, ns, name),
        }
        .ok_or_else(missing)
    }
}

impl Cluster {
    /// The object a watch entry names, as the API returns it (`None` once it
    /// is gone). Nodes are found by `node`, the others by `oid`.
    pub fn api_value_of(
        &self,
        res: crate::sim::store::Res,
        oid: Oid,
        node_id: Option<NodeId>,
    ) -> Option<Value> {
        use crate::sim::store::Res;
        let s = self.store();
        match res {
            Res::Node => node_id.and_then(|id| s.node(id)).map(node),
            Res::Pod => s.pods().get(oid).map(pod),
            Res::ReplicaSet => s.replicasets().get(oid).map(replicaset),
            Res::Deployment => s.deployments().get(oid).map(deployment),
            Res::Job => s.jobs().get(oid).map(job),
            Res::Service => s.services().get(oid).map(service),
            Res::Endpoints => s.endpoints().get(oid).map(endpoints),
            other => {
                let m = s.part2_meta(other, oid)?;
                kinds::value(s, other.kind()?, &m.namespace, &m.name)
            }
        }
    }
}
