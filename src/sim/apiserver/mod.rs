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

mod apply;
mod apply_part2;
mod create;
mod kinds;
pub mod root_ca;

pub use create::{MAX_PODS, QUOTA_NAME};
pub use create::{NAMESPACE_NAME_LABEL, priority_value};
pub use kinds::{IMMORTAL_NAMESPACES, NODE_LEASE_NAMESPACE, NODE_LEASE_SECONDS};
mod create_part2;
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
    /// Refused by admission (quota, LimitRange): `pods "x" is forbidden: ...`.
    Forbidden {
        resource: String,
        name: String,
        message: String,
    },
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
            ApiError::Forbidden {
                resource,
                name,
                message,
            } => write!(
                f,
                "Error from server (Forbidden): {resource} \"{name}\" is forbidden: {message}"
            ),
        }
    }
}

impl std::error::Error for ApiError {}

impl ApiError {
    /// The status message alone, as a controller's event quotes it.
    pub fn message(&self) -> String {
        match self {
            ApiError::Forbidden {
                resource,
                name,
                message,
            } => format!("{resource} \"{name}\" is forbidden: {message}"),
            other => other.to_string(),
        }
    }
}

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
        Kind::Namespace => "namespaces",
        Kind::DaemonSet => "daemonsets.apps",
        Kind::EndpointSlice => "endpointslices.discovery.k8s.io",
        Kind::Lease => "leases.coordination.k8s.io",
        Kind::ConfigMap => "configmaps",
        Kind::Secret => "secrets",
        Kind::StatefulSet => "statefulsets.apps",
        Kind::CronJob => "cronjobs.batch",
        Kind::PersistentVolume => "persistentvolumes",
        Kind::PersistentVolumeClaim => "persistentvolumeclaims",
        Kind::StorageClass => "storageclasses.storage.k8s.io",
        Kind::ResourceQuota => "resourcequotas",
        Kind::LimitRange => "limitranges",
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
        Res::Namespace => return format!("/api/v1/namespaces/{name}"),
        Res::Pod => ("/api/v1", "pods"),
        Res::Service => ("/api/v1", "services"),
        Res::Endpoints => ("/api/v1", "endpoints"),
        Res::ReplicaSet => ("/apis/apps/v1", "replicasets"),
        Res::Deployment => ("/apis/apps/v1", "deployments"),
        Res::DaemonSet => ("/apis/apps/v1", "daemonsets"),
        Res::Job => ("/apis/batch/v1", "jobs"),
        Res::EndpointSlice => ("/apis/discovery.k8s.io/v1", "endpointslices"),
        Res::Lease => ("/apis/coordination.k8s.io/v1", "leases"),
        Res::PersistentVolume => return format!("/api/v1/persistentvolumes/{name}"),
        Res::StorageClass => {
            return format!("/apis/storage.k8s.io/v1/storageclasses/{name}");
        }
        Res::ConfigMap => ("/api/v1", "configmaps"),
        Res::Secret => ("/api/v1", "secrets"),
        Res::PersistentVolumeClaim => ("/api/v1", "persistentvolumeclaims"),
        Res::ResourceQuota => ("/api/v1", "resourcequotas"),
        Res::LimitRange => ("/api/v1", "limitranges"),
        Res::StatefulSet => ("/apis/apps/v1", "statefulsets"),
        Res::CronJob => ("/apis/batch/v1", "cronjobs"),
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

    pub(super) fn store_mut(&mut self) -> &mut Store {
        &mut self.store
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
        let uid = names::uid(&mut self.rng);
        self.meta_with_uid(m, owner, uid)
    }

    /// Metadata for an object the cluster makes for another one (an
    /// EndpointSlice for a Service, a Lease for a node): its uid is derived
    /// from `from`, so making it does not change the names and uids drawn
    /// for what users create.
    fn derived_meta(&mut self, m: &ObjectMeta, owner: Option<OwnerRef>, from: &str) -> Meta {
        let uid = names::uid_from(from);
        self.meta_with_uid(m, owner, uid)
    }

    fn meta_with_uid(&mut self, m: &ObjectMeta, owner: Option<OwnerRef>, uid: String) -> Meta {
        let oid = self.next_oid;
        self.next_oid += 1;
        Meta {
            oid,
            uid,
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
        let changed = self.store.update_pod_status(oid, f);
        if changed && let Some(p) = self.store.pods().get(oid) {
            let (ns, name) = (p.meta.namespace.clone(), format!("{}/status", p.meta.name));
            self.trace(Res::Pod, &ns, &name, "PUT", "200 OK", "put");
        }
        changed
    }

    /// The `pods/binding` subresource: the scheduler's decision.
    pub fn bind(&mut self, oid: Oid, node: NodeId) -> Result<(), ApiError> {
        if self.store.node(node).is_none() {
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
                pod.node_name.as_deref().unwrap_or("")
            )));
        }
        let (ns, name) = (pod.meta.namespace.clone(), pod.meta.name.clone());
        let scheduled = Condition::new(CondStatus::True, self.now);
        self.store.bind_pod(oid, node, scheduled);
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
                .and_then(|s| crate::sim::cni::parse_ip(s.cluster_ip()))
            {
                self.service_ips.remove(&ip);
            }
            if let Some(ep) = self.store.endpoints().oid_of(&ns, &name) {
                self.delete::<Endpoints>(ep);
            }
            let slices: Vec<Oid> = self
                .store
                .endpointslices()
                .in_namespace(&ns)
                .filter(|e| e.service_name() == Some(name.as_str()))
                .map(|e| e.meta.oid)
                .collect();
            for oid in slices {
                self.delete::<EndpointSlice>(oid);
            }
        }
        true
    }
}
