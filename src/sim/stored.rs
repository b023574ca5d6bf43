//! Objects as the store keeps them: metadata the API server assigned, the
//! desired state that was submitted (`objects.rs`), and the observed status
//! the components report.

use super::objects::*;
use std::collections::HashSet;
use std::fmt;
use std::sync::{Arc, LazyLock, Mutex};

pub use super::kinds::{
    ConfigMap, CronJob, CronJobStatus, LimitRange, PersistentVolume, PersistentVolumeClaim,
    PvPhase, PvStatus, PvcPhase, PvcStatus, ResourceQuota, ResourceQuotaStatus, Secret,
    StatefulSet, StatefulSetStatus, StorageClass,
};

/// Internal identity of a stored object (never reused).
pub type Oid = u64;

/// Index of a node in the store (nodes are never removed).
pub type NodeId = usize;

pub use super::owner_ref::OwnerRef;

/// `metadata` after the API server filled it in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Meta {
    pub oid: Oid,
    pub uid: String,
    pub name: String,
    /// Empty for nodes.
    pub namespace: String,
    pub labels: Labels,
    pub annotations: Labels,
    pub creation_ms: u64,
    pub resource_version: u64,
    pub generation: u64,
    /// `deletionTimestamp`: when graceful deletion ends.
    pub deletion_ms: Option<u64>,
    pub deletion_grace_s: Option<u64>,
    /// The controller that owns this object.
    pub owner: Option<OwnerRef>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CondStatus {
    True,
    False,
    Unknown,
}

impl CondStatus {
    pub fn name(self) -> &'static str {
        match self {
            CondStatus::True => "True",
            CondStatus::False => "False",
            CondStatus::Unknown => "Unknown",
        }
    }

    pub fn from_bool(b: bool) -> Self {
        if b {
            CondStatus::True
        } else {
            CondStatus::False
        }
    }
}

/// A status condition.
///
/// Its reason and message come together (see [`Condition::with`]) and most
/// conditions have neither (a running Pod's five), so they are kept
/// together behind one pointer: 32 bytes a condition instead of 72 (issue
/// #11's cluster holds 55,035 Pod conditions). Many conditions say the same
/// (10,000 Pods starting: `ContainersNotReady`, "containers with unready
/// status: [app]", twice each), so equal ones share one copy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Condition {
    pub status: CondStatus,
    detail: Option<Arc<CondDetail>>,
    pub transition_ms: u64,
    /// Last time the condition was (re)confirmed (nodes: the heartbeat).
    pub probe_ms: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct CondDetail {
    reason: String,
    message: String,
}

/// Reasons and messages made before, at most this many.
const MAX_DETAILS: usize = 512;

static DETAILS: LazyLock<Mutex<HashSet<Arc<CondDetail>>>> =
    LazyLock::new(|| Mutex::new(HashSet::new()));

impl CondDetail {
    /// This reason and message, shared with every equal pair made before.
    fn shared(self) -> Arc<CondDetail> {
        let mut cache = DETAILS.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(d) = cache.get(&self) {
            return d.clone();
        }
        if cache.len() >= MAX_DETAILS {
            cache.clear();
        }
        let d = Arc::new(self);
        cache.insert(d.clone());
        d
    }
}

impl Condition {
    pub fn new(status: CondStatus, now: u64) -> Self {
        Condition {
            status,
            detail: None,
            transition_ms: now,
            probe_ms: now,
        }
    }

    pub fn with(mut self, reason: &str, message: impl Into<String>) -> Self {
        self.detail = Some(
            CondDetail {
                reason: reason.to_string(),
                message: message.into(),
            }
            .shared(),
        );
        self
    }

    /// `reason`, when the condition has one.
    pub fn reason(&self) -> Option<&str> {
        self.detail.as_deref().map(|d| d.reason.as_str())
    }

    /// `message`, when the condition has one.
    pub fn message(&self) -> Option<&str> {
        self.detail.as_deref().map(|d| d.message.as_str())
    }

    pub fn is_true(&self) -> bool {
        self.status == CondStatus::True
    }
}

/// Set `slot` to `new`, keeping the old transition time when the status did
/// not change, and the old probe time when nothing changed at all.
pub fn set_condition(slot: &mut Option<Condition>, mut new: Condition) {
    if let Some(old) = slot
        && old.status == new.status
    {
        new.transition_ms = old.transition_ms;
        if old.detail == new.detail {
            new.probe_ms = old.probe_ms;
        }
    }
    *slot = Some(new);
}

// ---------------------------------------------------------------- Node

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    pub meta: Meta,
    pub pod_cidr: String,
    pub taints: Vec<NodeTaint>,
    pub unschedulable: bool,
    pub capacity: Resources,
    pub allocatable: Resources,
    pub max_pods: u32,
    /// The `Ready` condition (`probe_ms` is the last heartbeat it carries).
    pub ready: Condition,
    /// The kubelet's last heartbeat (its Lease renew time).
    pub heartbeat_ms: u64,
    pub internal_ip: String,
    pub kubelet_version: String,
    pub runtime_version: String,
    /// The rest of `status.nodeInfo`.
    pub kube_proxy_version: String,
    pub os_image: String,
    pub kernel_version: String,
    pub machine_id: String,
    pub system_uuid: String,
    pub boot_id: String,
    /// `ephemeral-storage` capacity (the node's root filesystem).
    pub ephemeral_storage_bytes: u64,
    /// Since when the kubelet reports MemoryPressure (memory.available
    /// under its eviction threshold).
    pub memory_pressure: Option<u64>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NodeTaint {
    pub taint: Taint,
    pub added_ms: u64,
}

impl Node {
    pub fn is_control_plane(&self) -> bool {
        self.meta
            .labels
            .contains_key("node-role.kubernetes.io/control-plane")
    }

    /// The node's roles as kubectl finds them (`findNodeRoles`): the
    /// `node-role.kubernetes.io/<role>` labels and `kubernetes.io/role`,
    /// sorted; `<none>` for none.
    pub fn roles(&self) -> String {
        let mut roles: Vec<&str> = self
            .meta
            .labels
            .iter()
            .filter_map(|(k, v)| match k.strip_prefix("node-role.kubernetes.io/") {
                Some(role) if !role.is_empty() => Some(role),
                _ if k == "kubernetes.io/role" && !v.is_empty() => Some(v.as_str()),
                _ => None,
            })
            .collect();
        roles.sort_unstable();
        roles.dedup();
        if roles.is_empty() {
            "<none>".to_string()
        } else {
            roles.join(",")
        }
    }

    /// A taint as kubectl prints it: `key=value:Effect` or `key:Effect`.
    pub fn taint_text(t: &Taint) -> String {
        match &t.value {
            Some(v) => format!("{}={v}:{}", t.key, t.effect.name()),
            None => format!("{}:{}", t.key, t.effect.name()),
        }
    }
}

// ---------------------------------------------------------------- Pod

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Phase {
    Pending,
    Running,
    Succeeded,
    Failed,
    Unknown,
}

impl Phase {
    pub fn name(self) -> &'static str {
        match self {
            Phase::Pending => "Pending",
            Phase::Running => "Running",
            Phase::Succeeded => "Succeeded",
            Phase::Failed => "Failed",
            Phase::Unknown => "Unknown",
        }
    }

    pub fn parse(s: &str) -> Option<Phase> {
        [
            Phase::Pending,
            Phase::Running,
            Phase::Succeeded,
            Phase::Failed,
            Phase::Unknown,
        ]
        .into_iter()
        .find(|p| p.name().eq_ignore_ascii_case(s))
    }

    pub fn is_terminal(self) -> bool {
        matches!(self, Phase::Succeeded | Phase::Failed)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Terminated {
    pub exit_code: i32,
    pub reason: String,
    pub message: Option<String>,
    pub started_ms: u64,
    pub finished_ms: u64,
    /// `None` prints as the empty string.
    pub container_id: Option<ContainerId>,
}

/// A container's ID as the runtime reports it (`containerd://` and 64 hex
/// digits), kept as the scheme and the number the digits are made from and
/// formatted when read: 16 bytes in place of a 77-byte string in every
/// container status and terminated state (issue #11's cluster had 11,007).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ContainerId {
    /// `containerd`, `docker`.
    pub scheme: &'static str,
    pub seed: u64,
}

impl ContainerId {
    /// The ID as printed, or the empty string for none.
    pub fn text(id: Option<ContainerId>) -> String {
        id.map(|i| i.to_string()).unwrap_or_default()
    }
}

impl fmt::Display for ContainerId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}://{}",
            self.scheme,
            super::names::hex64_from(self.seed)
        )
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ContainerState {
    Waiting {
        reason: String,
        message: Option<String>,
    },
    Running {
        started_ms: u64,
    },
    /// Boxed: a running container's state needs 16 bytes, this one 96.
    Terminated(Box<Terminated>),
}

impl ContainerState {
    pub fn waiting(reason: &str) -> Self {
        ContainerState::Waiting {
            reason: reason.to_string(),
            message: None,
        }
    }

    pub fn name(&self) -> &'static str {
        match self {
            ContainerState::Waiting { .. } => "Waiting",
            ContainerState::Running { .. } => "Running",
            ContainerState::Terminated(_) => "Terminated",
        }
    }
}

/// A container's status. Compact because every Pod holds one per
/// container (issue #11's cluster: 11,007, at 296 B and four strings each):
/// `image` and `image_id` are shared by every container of one image, the
/// container ID is formatted when read, and terminated states are boxed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContainerStatus {
    pub name: String,
    pub image: Arc<str>,
    /// `docker.io/library/nginx@sha256:...` once pulled.
    pub image_id: Arc<str>,
    pub container_id: Option<ContainerId>,
    pub state: ContainerState,
    pub last_state: Option<Box<Terminated>>,
    pub ready: bool,
    pub started: bool,
    pub restart_count: u32,
}

impl ContainerStatus {
    pub fn new(spec: &ContainerSpec, state: ContainerState) -> Self {
        ContainerStatus {
            name: spec.name.clone(),
            image: super::shared::text(&spec.image),
            image_id: super::shared::text(""),
            container_id: None,
            state,
            last_state: None,
            ready: false,
            started: false,
            restart_count: 0,
        }
    }
}

/// The pod conditions, in the order `describe` prints them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PodConditions {
    pub ready_to_start: Option<Condition>,
    pub initialized: Option<Condition>,
    pub ready: Option<Condition>,
    pub containers_ready: Option<Condition>,
    pub scheduled: Option<Condition>,
    /// Set by a controller that is about to delete the pod (taint eviction,
    /// the Eviction API): `DisruptionTarget`.
    /// <https://kubernetes.io/docs/concepts/workloads/pods/disruptions/#pod-disruption-conditions>
    /// Boxed: few pods ever carry it.
    pub disruption_target: Option<Box<Condition>>,
}

impl PodConditions {
    pub fn list(&self) -> Vec<(&'static str, &Condition)> {
        [
            ("PodReadyToStartContainers", &self.ready_to_start),
            ("Initialized", &self.initialized),
            ("Ready", &self.ready),
            ("ContainersReady", &self.containers_ready),
            ("PodScheduled", &self.scheduled),
        ]
        .into_iter()
        .filter_map(|(n, c)| c.as_ref().map(|c| (n, c)))
        .chain(
            self.disruption_target
                .as_deref()
                .map(|c| ("DisruptionTarget", c)),
        )
        .collect()
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PodStatus {
    pub phase: Phase,
    /// `NodeLost`, `Evicted`, ...
    pub reason: Option<String>,
    pub message: Option<String>,
    pub conditions: PodConditions,
    /// The node's address, shared by the node's Pods.
    pub host_ip: Option<Arc<str>>,
    pub pod_ip: Option<String>,
    pub start_ms: Option<u64>,
    pub init_statuses: Vec<ContainerStatus>,
    pub container_statuses: Vec<ContainerStatus>,
}

impl Default for PodStatus {
    fn default() -> Self {
        PodStatus {
            phase: Phase::Pending,
            reason: None,
            message: None,
            conditions: PodConditions::default(),
            host_ip: None,
            pod_ip: None,
            start_ms: None,
            init_statuses: Vec::new(),
            container_statuses: Vec::new(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pod {
    pub meta: Meta,
    /// Shared by Pods whose specs are equal (a template's replicas on one
    /// node): the store interns it on create and bind (`store/specs.rs`);
    /// a change goes through `Arc::make_mut`, which copies a shared spec.
    pub spec: Arc<PodSpec>,
    pub status: PodStatus,
    /// `spec.nodeName`: the node the pod is bound to or was submitted for.
    /// Kept here, not in the shared `spec`, whose `node_name` is always
    /// `None` on a stored Pod: then the replicas of one template share one
    /// spec whatever their nodes, and binding writes no spec.
    pub node_name: Option<Arc<str>>,
    /// The node the pod is bound to (mirrors `node_name`).
    pub node: Option<NodeId>,
    /// `spec.affinity`'s node names (a daemon Pod's one node): like
    /// `node_name`, kept beside the shared spec, whose
    /// `node_name_affinity` is always empty on a stored Pod, so that the
    /// Pods of one DaemonSet share one spec.
    pub node_name_affinity: Vec<String>,
    /// The `kube-api-access-xxxxx` projected volume (service account token,
    /// `kube-root-ca.crt`, namespace) the ServiceAccount admission plugin
    /// adds, mounted read-only in every container at
    /// [`SERVICE_ACCOUNT_MOUNT`]; `None` for mirror pods.
    /// <https://kubernetes.io/docs/concepts/security/service-accounts/#get-a-token>
    /// Its name comes from the pod's uid ([`Pod::token_volume`]), so only
    /// whether the pod has one is kept.
    pub has_token_volume: bool,
}

/// `kube-api-access-xxxxx`: the token volume's name, drawn from the uid.
pub fn token_volume_name(uid: &str) -> String {
    format!("kube-api-access-{}", super::names::suffix_from(uid))
}

/// Where the ServiceAccount admission plugin mounts the token volume.
pub const SERVICE_ACCOUNT_MOUNT: &str = "/var/run/secrets/kubernetes.io/serviceaccount";

/// The annotation a mirror pod (the API's copy of a static pod) carries.
pub const MIRROR_ANNOTATION: &str = "kubernetes.io/config.mirror";

impl Pod {
    /// The API's copy of a static pod the kubelet runs from a file.
    pub fn is_mirror(&self) -> bool {
        self.meta.annotations.contains_key(MIRROR_ANNOTATION)
    }

    /// The name of the service-account token volume, if the pod has one.
    pub fn token_volume(&self) -> Option<String> {
        (self.has_token_volume).then(|| token_volume_name(&self.meta.uid))
    }

    pub fn is_ready(&self) -> bool {
        self.status
            .conditions
            .ready
            .as_ref()
            .is_some_and(Condition::is_true)
    }

    /// Not finished and not being deleted: counted by controllers.
    pub fn is_active(&self) -> bool {
        !self.status.phase.is_terminal() && self.meta.deletion_ms.is_none()
    }

    pub fn restarts(&self) -> u32 {
        self.status
            .container_statuses
            .iter()
            .chain(&self.status.init_statuses)
            .map(|c| c.restart_count)
            .sum()
    }
}

// ---------------------------------------------------------------- workloads

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReplicaSetStatus {
    pub replicas: u32,
    pub fully_labeled: u32,
    pub ready: u32,
    pub available: u32,
    pub observed_generation: u64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReplicaSet {
    pub meta: Meta,
    pub spec: ReplicaSetSpec,
    pub status: ReplicaSetStatus,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DeploymentStatus {
    pub observed_generation: u64,
    pub replicas: u32,
    pub updated: u32,
    pub ready: u32,
    pub available: u32,
    pub unavailable: u32,
    pub available_cond: Option<Condition>,
    pub progressing_cond: Option<Condition>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deployment {
    pub meta: Meta,
    pub spec: DeploymentSpec,
    pub status: DeploymentStatus,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JobCondition {
    pub kind: &'static str,
    pub cond: Condition,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct JobStatus {
    pub active: u32,
    pub succeeded: u32,
    pub failed: u32,
    /// Pods already counted in `succeeded` / `failed`. A finished pod stays
    /// counted after it is deleted (evicted, garbage-collected), as the Job
    /// controller's tracking with finalizers does.
    /// <https://kubernetes.io/docs/concepts/workloads/controllers/job/#job-tracking-with-finalizers>
    pub counted: std::collections::BTreeSet<Oid>,
    pub ready: u32,
    pub start_ms: Option<u64>,
    pub completion_ms: Option<u64>,
    pub conditions: Vec<JobCondition>,
}

impl JobStatus {
    pub fn has(&self, kind: &str) -> bool {
        self.conditions
            .iter()
            .any(|c| c.kind == kind && c.cond.is_true())
    }

    pub fn is_finished(&self) -> bool {
        self.has("Complete") || self.has("Failed")
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Job {
    pub meta: Meta,
    pub spec: JobSpec,
    pub status: JobStatus,
}

// ---------------------------------------------------------------- services

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Service {
    pub meta: Meta,
    /// `cluster_ip` is always filled in (`None` headless stays `Some("None")`).
    pub spec: ServiceSpec,
}

impl Service {
    pub fn cluster_ip(&self) -> &str {
        self.spec.cluster_ip.as_deref().unwrap_or("None")
    }
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct EndpointAddress {
    pub ip: String,
    pub node: Option<String>,
    pub pod: String,
    pub pod_oid: Oid,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EndpointPort {
    pub name: Option<String>,
    pub port: u16,
    pub protocol: Protocol,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoints {
    pub meta: Meta,
    pub ready: Vec<EndpointAddress>,
    pub not_ready: Vec<EndpointAddress>,
    pub ports: Vec<EndpointPort>,
}

// ---------------------------------------------------------------- namespaces

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NamespacePhase {
    Active,
    Terminating,
}

impl NamespacePhase {
    pub fn name(self) -> &'static str {
        match self {
            NamespacePhase::Active => "Active",
            NamespacePhase::Terminating => "Terminating",
        }
    }
}

/// A status condition of a namespace being deleted (`NamespaceContentRemaining` ...).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NamespaceCondition {
    pub kind: &'static str,
    pub cond: Condition,
}

/// A Namespace. Deleting one sets `deletion_ms` and the phase Terminating;
/// the namespace controller then deletes everything in it and, once it is
/// empty, the namespace itself.
/// <https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/>
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Namespace {
    pub meta: Meta,
    pub phase: NamespacePhase,
    pub conditions: Vec<NamespaceCondition>,
}

// ---------------------------------------------------------------- daemonsets

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DaemonSetStatus {
    pub current_number_scheduled: u32,
    pub desired_number_scheduled: u32,
    pub number_available: u32,
    pub number_misscheduled: u32,
    pub number_ready: u32,
    pub number_unavailable: u32,
    pub updated_number_scheduled: u32,
    pub observed_generation: u64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DaemonSet {
    pub meta: Meta,
    pub spec: DaemonSetSpec,
    pub status: DaemonSetStatus,
}

// ---------------------------------------------------------------- discovery

/// One endpoint of an EndpointSlice: a pod's address and its conditions.
/// <https://kubernetes.io/docs/concepts/services-networking/endpoint-slices/#conditions>
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct SliceEndpoint {
    pub address: String,
    /// Ready and not terminating.
    pub ready: bool,
    /// Ready, whether or not terminating.
    pub serving: bool,
    pub terminating: bool,
    pub node: Option<String>,
    pub pod: String,
    pub pod_uid: String,
}

/// An EndpointSlice (`discovery.k8s.io/v1`), the API kube-proxy reads a
/// Service's endpoints from. Endpoints (`v1`) is deprecated since v1.33.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EndpointSlice {
    pub meta: Meta,
    pub endpoints: Vec<SliceEndpoint>,
    pub ports: Vec<EndpointPort>,
}

impl EndpointSlice {
    /// The Service this slice belongs to (`kubernetes.io/service-name`).
    pub fn service_name(&self) -> Option<&str> {
        self.meta.labels.get(SERVICE_NAME_LABEL).map(String::as_str)
    }
}

/// The label that ties an EndpointSlice to its Service.
pub const SERVICE_NAME_LABEL: &str = "kubernetes.io/service-name";

// ---------------------------------------------------------------- coordination

/// A Lease (`coordination.k8s.io/v1`). Each kubelet holds one named after
/// its node in `kube-node-lease` and renews it every 10 s; the node
/// lifecycle controller reads the renew time as the node's heartbeat.
/// <https://kubernetes.io/docs/concepts/architecture/leases/#node-heart-beats>
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lease {
    pub meta: Meta,
    pub holder: Option<String>,
    pub duration_s: Option<u32>,
    pub acquire_ms: Option<u64>,
    pub renew_ms: Option<u64>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_container_id_prints_as_the_runtime_reports_it() {
        let id = ContainerId {
            scheme: "containerd",
            seed: 42,
        };
        let text = id.to_string();
        assert_eq!(
            text,
            format!("containerd://{}", crate::sim::names::hex64_from(42))
        );
        assert_eq!(text.len(), "containerd://".len() + 64);
        assert_eq!(ContainerId::text(Some(id)), text);
        assert_eq!(ContainerId::text(None), "");
    }

    #[test]
    fn a_condition_keeps_its_reason_and_message_together() {
        let plain = Condition::new(CondStatus::True, 5);
        assert_eq!((plain.reason(), plain.message()), (None, None));
        let c = Condition::new(CondStatus::False, 5).with("PodCompleted", "");
        assert_eq!((c.reason(), c.message()), (Some("PodCompleted"), Some("")));
        let msg = "containers with unready status: [app]";
        let a = Condition::new(CondStatus::False, 1).with("ContainersNotReady", msg);
        let b = Condition::new(CondStatus::False, 2).with("ContainersNotReady", msg.to_string());
        let (da, db) = (a.detail.as_ref().unwrap(), b.detail.as_ref().unwrap());
        assert!(Arc::ptr_eq(da, db), "equal details are kept once");
        assert_ne!(a, b, "the times still differ");
        let other = Condition::new(CondStatus::False, 1).with("ContainersNotReady", "x");
        assert_ne!(a.message(), other.message());
    }

    #[test]
    fn set_condition_keeps_times_by_status_and_detail() {
        let mut slot = Some(Condition::new(CondStatus::False, 10).with("R", "m"));
        set_condition(
            &mut slot,
            Condition::new(CondStatus::False, 20).with("R", "m"),
        );
        let c = slot.clone().unwrap();
        assert_eq!((c.transition_ms, c.probe_ms), (10, 10));
        set_condition(
            &mut slot,
            Condition::new(CondStatus::False, 30).with("R", "n"),
        );
        let c = slot.clone().unwrap();
        assert_eq!(
            (c.transition_ms, c.probe_ms, c.message()),
            (10, 30, Some("n"))
        );
        set_condition(&mut slot, Condition::new(CondStatus::True, 40));
        let c = slot.unwrap();
        assert_eq!((c.transition_ms, c.probe_ms, c.reason()), (40, 40, None));
    }

    /// The compact forms stay compact (issue #11: a Pod's five conditions
    /// were 72 B each, a container status 296 B).
    #[test]
    fn pod_status_parts_stay_compact() {
        use std::mem::size_of;
        assert!(size_of::<Option<Condition>>() <= 32);
        assert!(size_of::<ContainerState>() <= 56);
        assert!(size_of::<ContainerStatus>() <= 160);
    }
}
