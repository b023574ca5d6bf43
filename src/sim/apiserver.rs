//! The API server: the only door to the store. Every write goes through here
//! and is validated, defaulted and admitted first; the server assigns the
//! uid, creationTimestamp and resourceVersion, and records the step
//! (api-server accepted, etcd persisted) in the activity log.

use super::clock::Rng;
use super::events::{Component, Event, EventLog, ObjRef};
use super::names;
use super::objects::*;
use super::store::{Res, Store, Stored, WatchEvent};
use super::stored::*;
use super::validation;
use std::collections::BTreeSet;
use std::fmt;

/// The Service ClusterIP range (`--service-cluster-ip-range`).
pub const SERVICE_CIDR: &str = "10.96.0.0/12";
const SERVICE_BASE: u32 = 0x0A60_0000; // 10.96.0.0
const SERVICE_SIZE: u32 = 1 << 20;

/// Default toleration of the DefaultTolerationSeconds admission plugin.
pub const DEFAULT_TOLERATION_SECONDS: u64 = 300;
pub const TAINT_NOT_READY: &str = "node.kubernetes.io/not-ready";
pub const TAINT_UNREACHABLE: &str = "node.kubernetes.io/unreachable";
pub const TAINT_UNSCHEDULABLE: &str = "node.kubernetes.io/unschedulable";

/// A refused request, worded as kubectl prints it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApiError {
    NotFound {
        resource: String,
        name: String,
    },
    AlreadyExists {
        resource: String,
        name: String,
    },
    Invalid {
        kind: Kind,
        name: String,
        causes: Vec<String>,
    },
    BadRequest(String),
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ApiError::NotFound { resource, name } => {
                write!(
                    f,
                    "Error from server (NotFound): {resource} \"{name}\" not found"
                )
            }
            ApiError::AlreadyExists { resource, name } => write!(
                f,
                "Error from server (AlreadyExists): {resource} \"{name}\" already exists"
            ),
            ApiError::Invalid { kind, name, causes } => {
                write!(f, "The {kind} \"{name}\" is invalid: ")?;
                if let [one] = causes.as_slice() {
                    f.write_str(one)
                } else {
                    for c in causes {
                        write!(f, "\n* {c}")?;
                    }
                    Ok(())
                }
            }
            ApiError::BadRequest(m) => write!(f, "Error from server (BadRequest): {m}"),
        }
    }
}

impl std::error::Error for ApiError {}

/// The resource name kubectl uses in messages (`pods`, `deployments.apps`).
pub fn resource_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Node => "nodes",
        Kind::Pod => "pods",
        Kind::ReplicaSet => "replicasets.apps",
        Kind::Deployment => "deployments.apps",
        Kind::Job => "jobs.batch",
        Kind::Service => "services",
        Kind::Event => "events",
    }
}

/// What `apply` did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Applied {
    Created,
    Configured,
    Unchanged,
}

impl Applied {
    pub fn word(self) -> &'static str {
        match self {
            Applied::Created => "created",
            Applied::Configured => "configured",
            Applied::Unchanged => "unchanged",
        }
    }
}

/// What deleting a pod did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Deleted {
    /// Gone from the store at once.
    Removed,
    /// `deletionTimestamp` set: Terminating until the kubelet confirms.
    Terminating,
}

#[derive(Debug, Clone)]
pub struct ApiServer {
    store: Store,
    log: EventLog,
    now: u64,
    rng: Rng,
    next_oid: Oid,
    service_ips: BTreeSet<u32>,
}

fn api_path(res: Res, ns: &str, name: &str) -> String {
    let (group, plural) = match res {
        Res::Node => return format!("/api/v1/nodes/{name}"),
        Res::Pod => ("/api/v1", "pods"),
        Res::Service => ("/api/v1", "services"),
        Res::Endpoints => ("/api/v1", "endpoints"),
        Res::ReplicaSet => ("/apis/apps/v1", "replicasets"),
        Res::Deployment => ("/apis/apps/v1", "deployments"),
        Res::Job => ("/apis/batch/v1", "jobs"),
    };
    format!("{group}/namespaces/{ns}/{plural}/{name}")
}

fn obj_ref(res: Res, ns: &str, name: &str) -> ObjRef {
    ObjRef::new(res.kind().unwrap_or(Kind::Service), ns, name)
}

impl ApiServer {
    pub fn new(rng: Rng) -> Self {
        ApiServer {
            store: Store::default(),
            log: EventLog::default(),
            now: 0,
            rng,
            next_oid: 1,
            service_ips: BTreeSet::new(),
        }
    }

    // ------------------------------------------------------------ reads

    pub fn store(&self) -> &Store {
        &self.store
    }

    pub fn log(&self) -> &EventLog {
        &self.log
    }

    pub fn now(&self) -> u64 {
        self.now
    }

    pub(super) fn set_now(&mut self, now: u64) {
        self.now = now;
    }

    pub(super) fn take_watch(&mut self) -> Vec<WatchEvent> {
        self.store.take_watch()
    }

    // ------------------------------------------------------------ bookkeeping

    fn new_meta(&mut self, m: &ObjectMeta, owner: Option<OwnerRef>) -> Meta {
        let oid = self.next_oid;
        self.next_oid += 1;
        Meta {
            oid,
            uid: names::uid(&mut self.rng),
            name: m.name.clone(),
            namespace: m.namespace.clone(),
            labels: m.labels.clone(),
            annotations: m.annotations.clone(),
            creation_ms: self.now,
            resource_version: 0,
            generation: 1,
            deletion_ms: None,
            deletion_grace_s: None,
            owner,
        }
    }

    fn trace(&mut self, res: Res, ns: &str, name: &str, verb: &str, status: &str, etcd: &str) {
        let object = obj_ref(res, ns, name);
        let path = api_path(res, ns, name);
        self.log.act(
            self.now,
            Component::ApiServer,
            object.clone(),
            verb,
            format!("{verb} {path} {status}"),
        );
        let key = if ns.is_empty() {
            format!("/registry/{}/{name}", res.registry())
        } else {
            format!("/registry/{}/{ns}/{name}", res.registry())
        };
        let rev = self.store.revision();
        self.log.act(
            self.now,
            Component::Etcd,
            object,
            etcd,
            format!("{etcd} {key} (revision {rev})"),
        );
    }

    /// Record a Kubernetes Event (events are API objects too).
    pub fn record(&mut self, event: Event) {
        self.log.record(self.now, event);
    }

    /// Record an internal step of a component that does not write objects
    /// (kubelet, runtime, CNI, kube-proxy).
    pub fn act(&mut self, component: Component, object: ObjRef, reason: &str, message: String) {
        self.log.act(self.now, component, object, reason, message);
    }

    // ------------------------------------------------------------ nodes

    /// Register a node (what a kubelet does when it first starts).
    pub(super) fn register_node(&mut self, mut node: Node) -> NodeId {
        let meta = self.new_meta(&ObjectMeta::named(node.meta.name.clone()), None);
        node.meta = Meta {
            namespace: String::new(),
            labels: node.meta.labels.clone(),
            annotations: node.meta.annotations.clone(),
            ..meta
        };
        self.store.add_node(node)
    }

    /// Change a node; `trace` records the write as a step (heartbeats do not).
    pub fn update_node(&mut self, id: NodeId, trace: bool, f: impl FnOnce(&mut Node)) -> bool {
        let changed = self.store.update_node(id, f);
        if changed && trace {
            let name = self.store.nodes()[id].meta.name.clone();
            self.trace(Res::Node, "", &name, "PATCH", "200 OK", "put");
        }
        changed
    }

    // ------------------------------------------------------------ create

    /// Create an object. `generate_name` treats `meta.name` as a prefix and
    /// appends a random suffix, as `metadata.generateName` does.
    pub fn create(
        &mut self,
        mut obj: Object,
        owner: Option<OwnerRef>,
        generate_name: bool,
    ) -> Result<(Res, Oid), ApiError> {
        if generate_name {
            let prefix = obj.meta.name.clone();
            loop {
                obj.meta.name = format!("{prefix}{}", names::suffix(&mut self.rng));
                if !self.exists(obj.kind(), &obj.meta.namespace, &obj.meta.name) {
                    break;
                }
            }
        }
        let causes = validation::object(&obj);
        if !causes.is_empty() {
            return Err(ApiError::Invalid {
                kind: obj.kind(),
                name: obj.meta.name.clone(),
                causes,
            });
        }
        if self.exists(obj.kind(), &obj.meta.namespace, &obj.meta.name) {
            return Err(ApiError::AlreadyExists {
                resource: resource_name(obj.kind()).to_string(),
                name: obj.meta.name.clone(),
            });
        }
        let meta = self.new_meta(&obj.meta, owner);
        let (ns, name) = (meta.namespace.clone(), meta.name.clone());
        let (res, oid) = match obj.spec {
            Spec::Pod(spec) => (Res::Pod, self.store.insert(self.new_pod(meta, spec))),
            Spec::ReplicaSet(spec) => (
                Res::ReplicaSet,
                self.store.insert(ReplicaSet {
                    meta,
                    spec,
                    status: ReplicaSetStatus::default(),
                }),
            ),
            Spec::Deployment(spec) => (
                Res::Deployment,
                self.store.insert(Deployment {
                    meta,
                    spec,
                    status: DeploymentStatus::default(),
                }),
            ),
            Spec::Job(mut spec) => {
                for (k, v) in [
                    ("batch.kubernetes.io/controller-uid", meta.uid.clone()),
                    ("batch.kubernetes.io/job-name", meta.name.clone()),
                    ("controller-uid", meta.uid.clone()),
                    ("job-name", meta.name.clone()),
                ] {
                    spec.template.labels.insert(k.to_string(), v);
                }
                (
                    Res::Job,
                    self.store.insert(Job {
                        meta,
                        spec,
                        status: JobStatus::default(),
                    }),
                )
            }
            Spec::Service(mut spec) => {
                let ip = self.allocate_cluster_ip(spec.cluster_ip.as_deref(), &name)?;
                spec.cluster_ip = Some(ip);
                (Res::Service, self.store.insert(Service { meta, spec }))
            }
        };
        self.trace(res, &ns, &name, "POST", "201 Created", "put");
        Ok((res, oid))
    }

    fn exists(&self, kind: Kind, ns: &str, name: &str) -> bool {
        let s = &self.store;
        match kind {
            Kind::Pod => s.pods().oid_of(ns, name).is_some(),
            Kind::ReplicaSet => s.replicasets().oid_of(ns, name).is_some(),
            Kind::Deployment => s.deployments().oid_of(ns, name).is_some(),
            Kind::Job => s.jobs().oid_of(ns, name).is_some(),
            Kind::Service => s.services().oid_of(ns, name).is_some(),
            Kind::Node => s.node_id(name).is_some(),
            Kind::Event => false,
        }
    }

    /// Defaulting and admission for a new pod.
    fn new_pod(&self, meta: Meta, mut spec: PodSpec) -> Pod {
        // DefaultTolerationSeconds admission:
        // https://kubernetes.io/docs/concepts/scheduling-eviction/taint-and-toleration/#taint-based-evictions
        for key in [TAINT_NOT_READY, TAINT_UNREACHABLE] {
            let has = spec.tolerations.iter().any(|t| {
                t.key.as_deref() == Some(key)
                    && t.effect.is_none_or(|e| e == TaintEffect::NoExecute)
            });
            if !has {
                spec.tolerations.push(Toleration {
                    key: Some(key.to_string()),
                    operator: TolerationOperator::Exists,
                    value: None,
                    effect: Some(TaintEffect::NoExecute),
                    toleration_seconds: Some(DEFAULT_TOLERATION_SECONDS),
                });
            }
        }
        let node = spec
            .node_name
            .as_deref()
            .and_then(|n| self.store.node_id(n));
        let mut status = PodStatus::default();
        if node.is_some() {
            status.conditions.scheduled = Some(Condition::new(CondStatus::True, self.now));
        }
        Pod {
            meta,
            spec,
            status,
            node,
        }
    }

    fn allocate_cluster_ip(&mut self, asked: Option<&str>, name: &str) -> Result<String, ApiError> {
        match asked {
            Some("None") => return Ok("None".to_string()),
            Some(ip) if !ip.is_empty() => {
                let parsed = super::cni::parse_ip(ip)
                    .filter(|v| *v > SERVICE_BASE && *v < SERVICE_BASE + SERVICE_SIZE - 1);
                let Some(v) = parsed else {
                    return Err(ApiError::Invalid {
                        kind: Kind::Service,
                        name: name.to_string(),
                        causes: vec![format!(
                            "spec.clusterIPs: Invalid value: []string{{\"{ip}\"}}: failed to allocate IP {ip}: provided IP is not in the valid range. The range of valid IPs is {SERVICE_CIDR}"
                        )],
                    });
                };
                if !self.service_ips.insert(v) {
                    return Err(ApiError::Invalid {
                        kind: Kind::Service,
                        name: name.to_string(),
                        causes: vec![format!(
                            "spec.clusterIPs: Invalid value: []string{{\"{ip}\"}}: failed to allocate IP {ip}: provided IP is already allocated"
                        )],
                    });
                }
                return Ok(ip.to_string());
            }
            _ => {}
        }
        loop {
            // Leave the first 16 addresses (10.96.0.1 kubernetes, .10 DNS) alone.
            let v = SERVICE_BASE + 16 + self.rng.below(u64::from(SERVICE_SIZE - 18)) as u32;
            if self.service_ips.insert(v) {
                return Ok(super::cni::format_ip(v));
            }
        }
    }

    // ------------------------------------------------------------ update

    /// Create the object, or change the existing one to match (`kubectl apply`).
    pub fn apply(&mut self, obj: Object) -> Result<Applied, ApiError> {
        let (kind, ns, name) = (
            obj.kind(),
            obj.meta.namespace.clone(),
            obj.meta.name.clone(),
        );
        if !self.exists(kind, &ns, &name) {
            return self.create(obj, None, false).map(|_| Applied::Created);
        }
        let causes = validation::object(&obj);
        let invalid = |causes: Vec<String>| ApiError::Invalid {
            kind,
            name: name.clone(),
            causes,
        };
        if !causes.is_empty() {
            return Err(invalid(causes));
        }
        let (labels, annotations) = (obj.meta.labels.clone(), obj.meta.annotations.clone());
        let s = &self.store;
        let changed = match obj.spec {
            Spec::Pod(spec) => {
                let oid = s.pods().oid_of(&ns, &name).expect("exists");
                let pod = s.pods().get(oid).expect("exists");
                let mut cur = pod.spec.clone();
                cur.tolerations
                    .retain(|t| t.toleration_seconds != Some(DEFAULT_TOLERATION_SECONDS));
                cur.node_name = spec.node_name.clone().or(cur.node_name);
                let mut asked = spec.clone();
                asked.node_name = cur.node_name.clone();
                if cur != asked {
                    return Err(invalid(vec!["spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)".into()]));
                }
                self.store.update::<Pod>(oid, |p| {
                    p.meta.labels = labels;
                    p.meta.annotations = annotations;
                })
            }
            Spec::ReplicaSet(spec) => {
                let oid = s.replicasets().oid_of(&ns, &name).expect("exists");
                let cur = s.replicasets().get(oid).expect("exists");
                if cur.spec.selector != spec.selector {
                    return Err(invalid(vec![immutable_selector(&spec.selector)]));
                }
                self.store.update::<ReplicaSet>(oid, |r| {
                    if r.spec != spec {
                        r.meta.generation += 1;
                        r.spec = spec;
                    }
                    r.meta.labels = labels;
                    r.meta.annotations = annotations;
                })
            }
            Spec::Deployment(spec) => {
                let oid = s.deployments().oid_of(&ns, &name).expect("exists");
                let cur = s.deployments().get(oid).expect("exists");
                if cur.spec.selector != spec.selector {
                    return Err(invalid(vec![immutable_selector(&spec.selector)]));
                }
                self.store.update::<Deployment>(oid, |d| {
                    if d.spec != spec {
                        d.meta.generation += 1;
                        d.spec = spec;
                    }
                    d.meta.labels = labels;
                    d.meta.annotations.extend(annotations);
                })
            }
            Spec::Job(mut spec) => {
                let oid = s.jobs().oid_of(&ns, &name).expect("exists");
                let cur = s.jobs().get(oid).expect("exists");
                for (k, v) in &cur.spec.template.labels {
                    spec.template
                        .labels
                        .entry(k.clone())
                        .or_insert_with(|| v.clone());
                }
                if cur.spec.template != spec.template || cur.spec.completions != spec.completions {
                    return Err(invalid(vec!["spec.template: Invalid value: core.PodTemplateSpec{...}: field is immutable".into()]));
                }
                self.store.update::<Job>(oid, |j| {
                    if j.spec != spec {
                        j.meta.generation += 1;
                        j.spec = spec;
                    }
                    j.meta.labels = labels;
                    j.meta.annotations = annotations;
                })
            }
            Spec::Service(mut spec) => {
                let oid = s.services().oid_of(&ns, &name).expect("exists");
                let cur = s.services().get(oid).expect("exists");
                match spec.cluster_ip.as_deref() {
                    None | Some("") => spec.cluster_ip = cur.spec.cluster_ip.clone(),
                    Some(ip) if Some(ip) != cur.spec.cluster_ip.as_deref() => {
                        return Err(invalid(vec![format!(
                            "spec.clusterIPs[0]: Invalid value: []string{{\"{ip}\"}}: may not change once set"
                        )]));
                    }
                    Some(_) => {}
                }
                self.store.update::<Service>(oid, |sv| {
                    sv.spec = spec;
                    sv.meta.labels = labels;
                    sv.meta.annotations = annotations;
                })
            }
        };
        if changed {
            let res = match kind {
                Kind::Pod => Res::Pod,
                Kind::ReplicaSet => Res::ReplicaSet,
                Kind::Deployment => Res::Deployment,
                Kind::Job => Res::Job,
                _ => Res::Service,
            };
            self.trace(res, &ns, &name, "PATCH", "200 OK", "put");
            Ok(Applied::Configured)
        } else {
            Ok(Applied::Unchanged)
        }
    }

    /// Change a stored object (controllers: status and replicas; commands:
    /// scale and set image). Records the write when something changed.
    pub fn update<T: Stored + PartialEq>(&mut self, oid: Oid, f: impl FnOnce(&mut T)) -> bool {
        let changed = self.store.update::<T>(oid, f);
        if changed && let Some(obj) = self.store.table::<T>().get(oid) {
            let (ns, name) = (obj.meta().namespace.clone(), obj.meta().name.clone());
            self.trace(T::RES, &ns, &name, "PUT", "200 OK", "put");
        }
        changed
    }

    /// The `pods/status` subresource: the kubelet and the node controller report here.
    pub fn update_pod_status(&mut self, oid: Oid, f: impl FnOnce(&mut PodStatus)) -> bool {
        let changed = self.store.update::<Pod>(oid, |p| f(&mut p.status));
        if changed && let Some(p) = self.store.pods().get(oid) {
            let (ns, name) = (p.meta.namespace.clone(), format!("{}/status", p.meta.name));
            self.trace(Res::Pod, &ns, &name, "PUT", "200 OK", "put");
        }
        changed
    }

    /// The `pods/binding` subresource: the scheduler's decision.
    pub fn bind(&mut self, oid: Oid, node: NodeId) -> Result<(), ApiError> {
        let Some(node_name) = self.store.node(node).map(|n| n.meta.name.clone()) else {
            return Err(ApiError::BadRequest(format!("node {node} not found")));
        };
        let Some(pod) = self.store.pods().get(oid) else {
            return Err(ApiError::NotFound {
                resource: "pods".into(),
                name: format!("#{oid}"),
            });
        };
        if pod.node.is_some() {
            return Err(ApiError::BadRequest(format!(
                "pod {} is already assigned to node \"{}\"",
                pod.meta.name,
                pod.spec.node_name.as_deref().unwrap_or("")
            )));
        }
        let (ns, name) = (pod.meta.namespace.clone(), pod.meta.name.clone());
        let now = self.now;
        self.store.update::<Pod>(oid, |p| {
            p.spec.node_name = Some(node_name);
            p.node = Some(node);
            set_condition(
                &mut p.status.conditions.scheduled,
                Condition::new(CondStatus::True, now),
            );
        });
        self.trace(
            Res::Pod,
            &ns,
            &format!("{name}/binding"),
            "POST",
            "201 Created",
            "put",
        );
        Ok(())
    }

    /// Upsert the Endpoints object of a Service.
    pub fn set_endpoints(
        &mut self,
        service: &Service,
        ready: Vec<EndpointAddress>,
        not_ready: Vec<EndpointAddress>,
        ports: Vec<EndpointPort>,
    ) -> bool {
        let (ns, name) = (&service.meta.namespace, &service.meta.name);
        match self.store.endpoints().oid_of(ns, name) {
            Some(oid) => self.update::<Endpoints>(oid, |e| {
                e.ready = ready;
                e.not_ready = not_ready;
                e.ports = ports;
            }),
            None => {
                let mut m = ObjectMeta::named(name.clone());
                m.namespace = ns.clone();
                m.labels = service.meta.labels.clone();
                let meta = self.new_meta(&m, None);
                self.store.insert(Endpoints {
                    meta,
                    ready,
                    not_ready,
                    ports,
                });
                self.trace(Res::Endpoints, ns, name, "POST", "201 Created", "put");
                true
            }
        }
    }

    // ------------------------------------------------------------ delete

    /// Delete a pod gracefully (`grace` overrides the pod's
    /// terminationGracePeriodSeconds; 0 forces). Unscheduled and finished
    /// pods go at once; others stay Terminating until their kubelet confirms.
    /// <https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-termination>
    pub fn delete_pod(&mut self, oid: Oid, grace: Option<u64>) -> Result<Deleted, ApiError> {
        let Some(pod) = self.store.pods().get(oid) else {
            return Err(ApiError::NotFound {
                resource: "pods".into(),
                name: format!("#{oid}"),
            });
        };
        let grace_s = grace.unwrap_or(pod.spec.termination_grace_period_seconds);
        let immediate = pod.node.is_none() || pod.status.phase.is_terminal() || grace_s == 0;
        let (ns, name) = (pod.meta.namespace.clone(), pod.meta.name.clone());
        if immediate {
            self.remove_pod(oid);
            return Ok(Deleted::Removed);
        }
        let end = self.now + grace_s * 1000;
        if let Some(cur) = pod.meta.deletion_ms
            && cur <= end
        {
            return Ok(Deleted::Terminating);
        }
        self.store.update::<Pod>(oid, |p| {
            p.meta.deletion_ms = Some(end);
            p.meta.deletion_grace_s = Some(grace_s);
        });
        self.trace(Res::Pod, &ns, &name, "DELETE", "200 OK", "put");
        Ok(Deleted::Terminating)
    }

    /// Remove a pod from the store (the kubelet's final delete, or force).
    pub fn remove_pod(&mut self, oid: Oid) -> bool {
        let Some(pod) = self.store.remove::<Pod>(oid) else {
            return false;
        };
        self.trace(
            Res::Pod,
            &pod.meta.namespace,
            &pod.meta.name,
            "DELETE",
            "200 OK",
            "delete",
        );
        true
    }

    /// Delete a workload or Service at once; its dependents are removed by
    /// the garbage collector (background cascading deletion).
    pub fn delete<T: Stored>(&mut self, oid: Oid) -> bool {
        let Some(obj) = self.store.remove::<T>(oid) else {
            return false;
        };
        let (ns, name) = (obj.meta().namespace.clone(), obj.meta().name.clone());
        self.trace(T::RES, &ns, &name, "DELETE", "200 OK", "delete");
        if T::RES == Res::Service {
            if let Some(ip) = (&obj as &dyn std::any::Any)
                .downcast_ref::<Service>()
                .and_then(|s| super::cni::parse_ip(s.cluster_ip()))
            {
                self.service_ips.remove(&ip);
            }
            if let Some(ep) = self.store.endpoints().oid_of(&ns, &name) {
                self.delete::<Endpoints>(ep);
            }
        }
        true
    }
}

fn immutable_selector(sel: &LabelSelector) -> String {
    let shown: Vec<String> = sel
        .match_labels
        .iter()
        .map(|(k, v)| format!("\"{k}\":\"{v}\""))
        .collect();
    format!(
        "spec.selector: Invalid value: v1.LabelSelector{{MatchLabels:map[string]string{{{}}}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}}: field is immutable",
        shown.join(", ")
    )
}
