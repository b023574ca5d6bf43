//! Objects as the Kubernetes API returns them (`kubectl get -o yaml|json`):
//! apiVersion, kind, metadata, spec, status, with the API's defaults filled in.

mod cluster;
mod events;
mod kinds;
mod pod_extras;
mod workloads;

pub use cluster::endpointslice;
pub use events::{event, event_name, event_namespace, event_v1, event_v1_of};
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
        let reference = if owner.kind == Kind::Node {
            // A node's Lease and mirror pods name the node without controlling flags.
            json!({"apiVersion": api, "kind": owner.kind.name(), "name": owner.name(), "uid": owner.uid()})
        } else {
            json!({"apiVersion": api, "blockOwnerDeletion": true, "controller": true,
                    "kind": owner.kind.name(), "name": owner.name(), "uid": owner.uid()})
        };
        o.insert("ownerReferences".into(), json!([reference]));
        if m.name.starts_with(&format!("{}-", owner.name())) && owner.kind != Kind::Deployment {
            o.insert("generateName".into(), format!("{}-", owner.name()).into());
        }
    }
    if let Some(d) = m.deletion_ms {
        o.insert("deletionTimestamp".into(), rfc3339(d).into());
        if let Some(g) = m.deletion_grace_s {
            o.insert("deletionGracePeriodSeconds".into(), g.into());
        }
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

/// A container; `token` is the service-account token volume a pod's
/// containers mount (none in templates).
fn container(c: &ContainerSpec, token: Option<&str>) -> Value {
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
    if let Some(v) = token {
        // The ServiceAccount admission plugin appends the token mount to
        // the container's own mounts.
        let mount = json!({"mountPath": SERVICE_ACCOUNT_MOUNT, "name": v, "readOnly": true});
        push_to(&mut o, "volumeMounts", mount);
    }
    Value::Object(o)
}

/// A pod spec with the defaults of `SetDefaults_PodSpec` (what a template
/// gets); for a Pod (`pod` given) also what `SetDefaults_Pod` and the
/// admission plugins add: `enableServiceLinks`, the priority and its
/// preemption policy, the `default` service account and its token volume.
/// <https://kubernetes.io/docs/reference/access-authn-authz/admission-controllers/>
fn pod_spec(s: &PodSpec, pod: Option<&Pod>) -> Value {
    let token = pod.and_then(Pod::token_volume);
    let token = token.as_deref();
    let mut o = Map::new();
    o.insert(
        "containers".into(),
        Value::Array(s.containers.iter().map(|c| container(c, token)).collect()),
    );
    if !s.init_containers.is_empty() {
        o.insert(
            "initContainers".into(),
            Value::Array(
                s.init_containers
                    .iter()
                    .map(|c| container(c, token))
                    .collect(),
            ),
        );
    }
    let affinity = match pod {
        Some(p) => &p.node_name_affinity,
        None => &s.node_name_affinity,
    };
    if !affinity.is_empty() {
        o.insert(
            "affinity".into(),
            json!({"nodeAffinity": {"requiredDuringSchedulingIgnoredDuringExecution": {"nodeSelectorTerms": [
                {"matchFields": [{"key": "metadata.name", "operator": "In", "values": affinity}]}]}}}),
        );
    }
    o.insert("dnsPolicy".into(), "ClusterFirst".into());
    if pod.is_some() {
        o.insert("enableServiceLinks".into(), true.into());
    }
    if s.host_network {
        o.insert("hostNetwork".into(), true.into());
    }
    // A stored Pod keeps its node's name outside its (shared) spec.
    let node_name = pod.and_then(|p| p.node_name.as_deref());
    if let Some(n) = node_name.or(s.node_name.as_deref()) {
        o.insert("nodeName".into(), n.into());
    }
    if !s.node_selector.is_empty() {
        o.insert("nodeSelector".into(), labels(&s.node_selector));
    }
    if pod.is_some() {
        o.insert("preemptionPolicy".into(), "PreemptLowerPriority".into());
    }
    if let Some(p) = s.priority {
        o.insert("priority".into(), p.into());
    }
    if let Some(pc) = &s.priority_class_name {
        o.insert("priorityClassName".into(), pc.clone().into());
    }
    o.insert("restartPolicy".into(), s.restart_policy.name().into());
    o.insert("schedulerName".into(), "default-scheduler".into());
    o.insert("securityContext".into(), json!({}));
    if let Some(sa) = &s.service_account_name {
        o.insert("serviceAccount".into(), sa.clone().into());
        o.insert("serviceAccountName".into(), sa.clone().into());
    }
    o.insert(
        "terminationGracePeriodSeconds".into(),
        s.termination_grace_period_seconds.into(),
    );
    if !s.tolerations.is_empty() {
        let tols: Vec<Value> = s.tolerations.iter().map(toleration).collect();
        o.insert("tolerations".into(), Value::Array(tols));
    }
    pod_extras::pod_fields(s, &mut o);
    if let Some(v) = token {
        // Appended after the pod's own volumes by the ServiceAccount
        // admission plugin.
        let vol = json!({"name": v, "projected": {"defaultMode": 420, "sources": [
            {"serviceAccountToken": {"expirationSeconds": 3607, "path": "token"}},
            {"configMap": {"items": [{"key": "ca.crt", "path": "ca.crt"}], "name": "kube-root-ca.crt"}},
            {"downwardAPI": {"items": [{"fieldRef": {"apiVersion": "v1", "fieldPath": "metadata.namespace"}, "path": "namespace"}]}}
        ]}});
        push_to(&mut o, "volumes", vol);
    }
    Value::Object(o)
}

/// Append `item` to the array under `key`, creating it if absent.
fn push_to(o: &mut Map<String, Value>, key: &str, item: Value) {
    match o.get_mut(key) {
        Some(Value::Array(a)) => a.push(item),
        _ => {
            o.insert(key.into(), Value::Array(vec![item]));
        }
    }
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
    json!({"metadata": meta, "spec": pod_spec(&t.spec, None)})
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
    if let Some(r) = c.reason().filter(|r| !r.is_empty()) {
        o.insert("reason".into(), r.into());
    }
    if let Some(m) = c.message().filter(|m| !m.is_empty()) {
        o.insert("message".into(), m.into());
    }
    Value::Object(o)
}

fn terminated(t: &Terminated) -> Value {
    json!({"containerID": ContainerId::text(t.container_id), "exitCode": t.exit_code, "finishedAt": rfc3339(t.finished_ms),
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
    let mut o = json!({"image": &*c.image, "imageID": &*c.image_id, "name": c.name, "ready": c.ready,
        "restartCount": c.restart_count, "started": c.started, "state": state,
        "lastState": c.last_state.as_ref().map_or(json!({}), |t| json!({"terminated": terminated(t)}))});
    if let Some(id) = c.container_id {
        o["containerID"] = id.to_string().into();
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
    if let Some(ip) = s.host_ip.as_deref() {
        st.insert("hostIP".into(), ip.into());
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
    let mut v = json!({"apiVersion": "v1", "kind": "Pod", "metadata": metadata(&p.meta), "spec": pod_spec(&p.spec, Some(p)), "status": st});
    if p.is_mirror() {
        // A mirror pod's node is its controller.
        v["metadata"]["ownerReferences"][0]["controller"] = true.into();
    }
    v
}

/// The resources of a node's capacity (or allocatable), by name as the API
/// keeps them.
pub fn node_resources(n: &Node, capacity: bool) -> Vec<(String, String)> {
    let r = if capacity { n.capacity } else { n.allocatable };
    vec![
        ("cpu".into(), format_cpu(r.cpu_millis)),
        (
            "ephemeral-storage".into(),
            format_bytes(n.ephemeral_storage_bytes),
        ),
        ("hugepages-1Gi".into(), "0".into()),
        ("hugepages-2Mi".into(), "0".into()),
        ("memory".into(), format_bytes(r.memory_bytes)),
        ("pods".into(), n.max_pods.to_string()),
    ]
}

/// The four node conditions. The kubelet reports the pressure ones with
/// Ready; when it goes silent the node lifecycle controller sets all four
/// Unknown at once, so they change when Ready does.
/// <https://kubernetes.io/docs/reference/node/node-status/#condition>
pub fn node_conditions(n: &Node) -> Vec<(&'static str, Condition)> {
    let lost = n.ready.status == CondStatus::Unknown;
    let pressure = |reason: &str, msg: &str| {
        let mut c = if lost {
            let mut c = n.ready.clone();
            c.status = CondStatus::Unknown;
            c
        } else {
            Condition::new(CondStatus::False, n.ready.transition_ms).with(reason, msg)
        };
        c.probe_ms = n.ready.probe_ms;
        c
    };
    let memory = match n.memory_pressure {
        // memory.available under the eviction threshold.
        Some(since) if !lost => {
            let mut c = Condition::new(CondStatus::True, since).with(
                "KubeletHasInsufficientMemory",
                "kubelet has insufficient memory available",
            );
            c.probe_ms = n.ready.probe_ms;
            c
        }
        _ => pressure(
            "KubeletHasSufficientMemory",
            "kubelet has sufficient memory available",
        ),
    };
    vec![
        ("MemoryPressure", memory),
        (
            "DiskPressure",
            pressure("KubeletHasNoDiskPressure", "kubelet has no disk pressure"),
        ),
        (
            "PIDPressure",
            pressure(
                "KubeletHasSufficientPID",
                "kubelet has sufficient PID available",
            ),
        ),
        ("Ready", n.ready.clone()),
    ]
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
    let conditions: Vec<Value> = node_conditions(n)
        .iter()
        .map(|(kind, c)| {
            let mut v = condition(kind, c, false);
            v["lastHeartbeatTime"] = rfc3339(c.probe_ms).into();
            v
        })
        .collect();
    let res = |capacity: bool| {
        Value::Object(
            node_resources(n, capacity)
                .into_iter()
                .map(|(k, v)| (k, Value::String(v)))
                .collect(),
        )
    };
    let status = json!({
        "addresses": [{"address": n.internal_ip, "type": "InternalIP"}, {"address": n.meta.name, "type": "Hostname"}],
        "allocatable": res(false), "capacity": res(true), "conditions": conditions,
        "daemonEndpoints": {"kubeletEndpoint": {"Port": 10250}},
        "nodeInfo": {"architecture": "amd64", "bootID": n.boot_id, "containerRuntimeVersion": n.runtime_version,
                     "kernelVersion": n.kernel_version, "kubeProxyVersion": n.kube_proxy_version,
                     "kubeletVersion": n.kubelet_version, "machineID": n.machine_id, "operatingSystem": "linux",
                     "osImage": n.os_image, "systemUUID": n.system_uuid}
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
            Kind::Namespace => s.namespace(name).map(cluster::namespace),
            Kind::DaemonSet => s.daemonsets().find(ns, name).map(cluster::daemonset),
            Kind::EndpointSlice => s.endpointslices().find(ns, name).map(endpointslice),
            Kind::Lease => s.leases().find(ns, name).map(cluster::lease),
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
            Res::Namespace => s.namespaces().get(oid).map(cluster::namespace),
            Res::DaemonSet => s.daemonsets().get(oid).map(cluster::daemonset),
            Res::EndpointSlice => s.endpointslices().get(oid).map(endpointslice),
            Res::Lease => s.leases().get(oid).map(cluster::lease),
            other => {
                let m = s.part2_meta(other, oid)?;
                kinds::value(s, other.kind()?, &m.namespace, &m.name)
            }
        }
    }
}
