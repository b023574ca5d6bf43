//! The desired state the simulated API server accepts: a compact model of the
//! Kubernetes objects the course uses. `manifest` turns validated YAML/JSON into
//! these values; `kubectl` commands (`run`, `create deployment`) build them
//! directly. Defaults (`Default` impls) are the Kubernetes API defaults.

use serde::{Deserialize, Serialize};
use std::fmt;

pub use super::kinds::*;

/// Labels, node selectors and annotations: ordered so output is deterministic
/// (a compact sorted map, see `labelmap.rs` for why not a `BTreeMap`).
pub type Labels = super::labelmap::LabelMap;

/// The kinds the simulator models.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Kind {
    Node,
    Pod,
    ReplicaSet,
    Deployment,
    Job,
    Service,
    Event,
    Namespace,
    DaemonSet,
    EndpointSlice,
    Lease,
    ConfigMap,
    Secret,
    StatefulSet,
    CronJob,
    PersistentVolume,
    PersistentVolumeClaim,
    StorageClass,
    ResourceQuota,
    LimitRange,
}

impl Kind {
    pub const ALL: [Kind; 20] = [
        Kind::Node,
        Kind::Pod,
        Kind::ReplicaSet,
        Kind::Deployment,
        Kind::Job,
        Kind::Service,
        Kind::Event,
        Kind::Namespace,
        Kind::DaemonSet,
        Kind::EndpointSlice,
        Kind::Lease,
        Kind::ConfigMap,
        Kind::Secret,
        Kind::StatefulSet,
        Kind::CronJob,
        Kind::PersistentVolume,
        Kind::PersistentVolumeClaim,
        Kind::StorageClass,
        Kind::ResourceQuota,
        Kind::LimitRange,
    ];

    /// The `kind:` field of a manifest.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Node => "Node",
            Kind::Pod => "Pod",
            Kind::ReplicaSet => "ReplicaSet",
            Kind::Deployment => "Deployment",
            Kind::Job => "Job",
            Kind::Service => "Service",
            Kind::Event => "Event",
            Kind::Namespace => "Namespace",
            Kind::DaemonSet => "DaemonSet",
            Kind::EndpointSlice => "EndpointSlice",
            Kind::Lease => "Lease",
            Kind::ConfigMap => "ConfigMap",
            Kind::Secret => "Secret",
            Kind::StatefulSet => "StatefulSet",
            Kind::CronJob => "CronJob",
            Kind::PersistentVolume => "PersistentVolume",
            Kind::PersistentVolumeClaim => "PersistentVolumeClaim",
            Kind::StorageClass => "StorageClass",
            Kind::ResourceQuota => "ResourceQuota",
            Kind::LimitRange => "LimitRange",
        }
    }

    /// The `apiVersion:` that serves this kind.
    pub fn api_version(self) -> &'static str {
        match self {
            Kind::Node | Kind::Pod | Kind::Service | Kind::Event | Kind::Namespace => "v1",
            Kind::ConfigMap | Kind::Secret | Kind::PersistentVolume => "v1",
            Kind::PersistentVolumeClaim | Kind::ResourceQuota | Kind::LimitRange => "v1",
            Kind::ReplicaSet | Kind::Deployment | Kind::DaemonSet | Kind::StatefulSet => "apps/v1",
            Kind::Job | Kind::CronJob => "batch/v1",
            Kind::StorageClass => "storage.k8s.io/v1",
            Kind::EndpointSlice => "discovery.k8s.io/v1",
            Kind::Lease => "coordination.k8s.io/v1",
        }
    }

    /// The lower-case plural resource name kubectl uses (`pods`, `deployments`).
    pub fn plural(self) -> &'static str {
        match self {
            Kind::Node => "nodes",
            Kind::Pod => "pods",
            Kind::ReplicaSet => "replicasets",
            Kind::Deployment => "deployments",
            Kind::Job => "jobs",
            Kind::Service => "services",
            Kind::Event => "events",
            Kind::Namespace => "namespaces",
            Kind::DaemonSet => "daemonsets",
            Kind::EndpointSlice => "endpointslices",
            Kind::Lease => "leases",
            Kind::ConfigMap => "configmaps",
            Kind::Secret => "secrets",
            Kind::StatefulSet => "statefulsets",
            Kind::CronJob => "cronjobs",
            Kind::PersistentVolume => "persistentvolumes",
            Kind::PersistentVolumeClaim => "persistentvolumeclaims",
            Kind::StorageClass => "storageclasses",
            Kind::ResourceQuota => "resourcequotas",
            Kind::LimitRange => "limitranges",
        }
    }

    /// Whether objects of this kind live in a namespace.
    pub fn namespaced(self) -> bool {
        !matches!(
            self,
            Kind::Node | Kind::Namespace | Kind::PersistentVolume | Kind::StorageClass
        )
    }

    /// Resolve a kubectl resource word: singular, plural, short name or Kind,
    /// case-insensitive (`po`, `pods`, `deploy`, `svc`, `rs`, `no`, `ev`).
    pub fn from_resource(word: &str) -> Option<Kind> {
        let w = word.to_ascii_lowercase();
        let w = w.split_once('.').map_or(w.as_str(), |(head, _)| head);
        Some(match w {
            "node" | "nodes" | "no" => Kind::Node,
            "pod" | "pods" | "po" => Kind::Pod,
            "replicaset" | "replicasets" | "rs" => Kind::ReplicaSet,
            "deployment" | "deployments" | "deploy" => Kind::Deployment,
            "job" | "jobs" => Kind::Job,
            "service" | "services" | "svc" => Kind::Service,
            "event" | "events" | "ev" => Kind::Event,
            "namespace" | "namespaces" | "ns" => Kind::Namespace,
            "daemonset" | "daemonsets" | "ds" => Kind::DaemonSet,
            "endpointslice" | "endpointslices" => Kind::EndpointSlice,
            "lease" | "leases" => Kind::Lease,
            "configmap" | "configmaps" | "cm" => Kind::ConfigMap,
            "secret" | "secrets" => Kind::Secret,
            "statefulset" | "statefulsets" | "sts" => Kind::StatefulSet,
            "cronjob" | "cronjobs" | "cj" => Kind::CronJob,
            "persistentvolume" | "persistentvolumes" | "pv" => Kind::PersistentVolume,
            "persistentvolumeclaim" | "persistentvolumeclaims" | "pvc" => {
                Kind::PersistentVolumeClaim
            }
            "storageclass" | "storageclasses" | "sc" => Kind::StorageClass,
            "resourcequota" | "resourcequotas" | "quota" => Kind::ResourceQuota,
            "limitrange" | "limitranges" | "limits" => Kind::LimitRange,
            _ => return None,
        })
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// `metadata` as submitted. UIDs, timestamps and resource versions are the
/// store's business, not the submitter's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ObjectMeta {
    pub name: String,
    pub namespace: String,
    pub labels: Labels,
    pub annotations: Labels,
}

impl ObjectMeta {
    /// A name in the `default` namespace with no labels.
    pub fn named(name: impl Into<String>) -> Self {
        ObjectMeta {
            name: name.into(),
            namespace: "default".to_string(),
            labels: Labels::new(),
            annotations: Labels::new(),
        }
    }
}

/// CPU in millicores and memory in bytes; zero means "not set".
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, Hash)]
pub struct Resources {
    pub cpu_millis: u64,
    pub memory_bytes: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Hash)]
pub struct ContainerPort {
    pub name: Option<String>,
    pub container_port: u16,
    pub protocol: Protocol,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, Hash)]
pub enum Protocol {
    #[default]
    TCP,
    UDP,
    SCTP,
}

impl Protocol {
    pub fn name(self) -> &'static str {
        match self {
            Protocol::TCP => "TCP",
            Protocol::UDP => "UDP",
            Protocol::SCTP => "SCTP",
        }
    }
}

/// A liveness, readiness or startup probe: what it does and when. Whether
/// it succeeds is decided by what the simulated container serves.
/// <https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#configure-probes>
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Hash)]
pub struct Probe {
    pub handler: ProbeHandler,
    pub initial_delay_seconds: u32,
    pub period_seconds: u32,
    pub timeout_seconds: u32,
    pub failure_threshold: u32,
    pub success_threshold: u32,
}

impl Default for Probe {
    /// The API defaults (period 10 s, timeout 1 s, 3 failures, 1 success),
    /// with an empty exec handler.
    fn default() -> Self {
        Probe {
            handler: ProbeHandler::Exec {
                command: Vec::new(),
            },
            initial_delay_seconds: 0,
            period_seconds: 10,
            timeout_seconds: 1,
            failure_threshold: 3,
            success_threshold: 1,
        }
    }
}

impl Probe {
    /// A probe with the API defaults.
    pub fn new(handler: ProbeHandler) -> Self {
        Probe {
            handler,
            ..Probe::default()
        }
    }

    /// The line `kubectl describe pod` prints for it: `http-get
    /// http://:8080/healthz delay=0s timeout=1s period=10s #success=1 #failure=3`.
    pub fn describe(&self) -> String {
        format!(
            "{} delay={}s timeout={}s period={}s #success={} #failure={}",
            self.handler.describe(),
            self.initial_delay_seconds,
            self.timeout_seconds,
            self.period_seconds,
            self.success_threshold,
            self.failure_threshold
        )
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Hash)]
pub struct ContainerSpec {
    pub name: String,
    pub image: String,
    /// `command` (the entrypoint override) as given.
    pub command: Vec<String>,
    pub args: Vec<String>,
    pub requests: Resources,
    pub limits: Resources,
    pub ports: Vec<ContainerPort>,
    pub readiness_probe: Option<Probe>,
    pub liveness_probe: Option<Probe>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub startup_probe: Option<Probe>,
    /// An init container with `restartPolicy: Always` (a native sidecar).
    pub restart_always: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub env: Vec<EnvVar>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub env_from: Vec<EnvFromSource>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub volume_mounts: Vec<VolumeMount>,
    /// `imagePullPolicy` when it differs from the API default for the
    /// image (None: the default); [`ContainerSpec::pull_policy`] gives the
    /// policy in force.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image_pull_policy: Option<PullPolicy>,
}

impl ContainerSpec {
    pub fn new(name: impl Into<String>, image: impl Into<String>) -> Self {
        ContainerSpec {
            name: name.into(),
            image: image.into(),
            command: Vec::new(),
            args: Vec::new(),
            requests: Resources::default(),
            limits: Resources::default(),
            ports: Vec::new(),
            readiness_probe: None,
            liveness_probe: None,
            startup_probe: None,
            restart_always: false,
            env: Vec::new(),
            env_from: Vec::new(),
            volume_mounts: Vec::new(),
            image_pull_policy: None,
        }
    }

    /// `imagePullPolicy` after defaulting (`SetDefaults_Container`):
    /// `Always` for the `latest` tag or no tag, `IfNotPresent` otherwise.
    /// <https://kubernetes.io/docs/concepts/containers/images/#imagepullpolicy-defaulting>
    pub fn pull_policy(&self) -> PullPolicy {
        self.image_pull_policy.unwrap_or_else(|| {
            let latest = super::images::parse_ref(&self.image).is_none_or(|r| r.tag == "latest");
            if latest {
                PullPolicy::Always
            } else {
                PullPolicy::IfNotPresent
            }
        })
    }

    /// Requests default to limits when only limits are given (API defaulting).
    pub fn effective_requests(&self) -> Resources {
        Resources {
            cpu_millis: if self.requests.cpu_millis == 0 {
                self.limits.cpu_millis
            } else {
                self.requests.cpu_millis
            },
            memory_bytes: if self.requests.memory_bytes == 0 {
                self.limits.memory_bytes
            } else {
                self.requests.memory_bytes
            },
        }
    }
}

/// `imagePullPolicy`: when the kubelet pulls a container's image.
/// <https://kubernetes.io/docs/concepts/containers/images/#image-pull-policy>
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PullPolicy {
    Always,
    IfNotPresent,
    Never,
}

impl PullPolicy {
    pub fn name(self) -> &'static str {
        match self {
            PullPolicy::Always => "Always",
            PullPolicy::IfNotPresent => "IfNotPresent",
            PullPolicy::Never => "Never",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [
            PullPolicy::Always,
            PullPolicy::IfNotPresent,
            PullPolicy::Never,
        ]
        .into_iter()
        .find(|p| p.name() == s)
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum RestartPolicy {
    #[default]
    Always,
    OnFailure,
    Never,
}

impl RestartPolicy {
    pub fn name(self) -> &'static str {
        match self {
            RestartPolicy::Always => "Always",
            RestartPolicy::OnFailure => "OnFailure",
            RestartPolicy::Never => "Never",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "Always" => Some(RestartPolicy::Always),
            "OnFailure" => Some(RestartPolicy::OnFailure),
            "Never" => Some(RestartPolicy::Never),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TaintEffect {
    NoSchedule,
    PreferNoSchedule,
    NoExecute,
}

impl TaintEffect {
    pub fn name(self) -> &'static str {
        match self {
            TaintEffect::NoSchedule => "NoSchedule",
            TaintEffect::PreferNoSchedule => "PreferNoSchedule",
            TaintEffect::NoExecute => "NoExecute",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "NoSchedule" => Some(TaintEffect::NoSchedule),
            "PreferNoSchedule" => Some(TaintEffect::PreferNoSchedule),
            "NoExecute" => Some(TaintEffect::NoExecute),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Taint {
    pub key: String,
    pub value: Option<String>,
    pub effect: TaintEffect,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, Hash)]
pub enum TolerationOperator {
    #[default]
    Equal,
    Exists,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Hash)]
pub struct Toleration {
    /// `None` with `Exists` tolerates every taint.
    pub key: Option<String>,
    pub operator: TolerationOperator,
    pub value: Option<String>,
    /// `None` matches every effect.
    pub effect: Option<TaintEffect>,
    /// For `NoExecute`: how long the pod stays bound after the taint appears.
    pub toleration_seconds: Option<u64>,
}

impl Toleration {
    /// Whether this toleration tolerates `taint` (the rules of
    /// <https://kubernetes.io/docs/concepts/scheduling-eviction/taint-and-toleration/>).
    pub fn tolerates(&self, taint: &Taint) -> bool {
        if let Some(effect) = self.effect
            && effect != taint.effect
        {
            return false;
        }
        match (&self.key, self.operator) {
            (None, TolerationOperator::Exists) => true,
            (None, TolerationOperator::Equal) => false,
            (Some(key), _) if *key != taint.key => false,
            (Some(_), TolerationOperator::Exists) => true,
            (Some(_), TolerationOperator::Equal) => {
                self.value.as_deref().unwrap_or("") == taint.value.as_deref().unwrap_or("")
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Hash)]
pub struct PodSpec {
    pub containers: Vec<ContainerSpec>,
    pub init_containers: Vec<ContainerSpec>,
    pub restart_policy: RestartPolicy,
    pub node_selector: Labels,
    /// Set by the submitter to skip the scheduler, or by the scheduler's bind.
    pub node_name: Option<String>,
    pub tolerations: Vec<Toleration>,
    pub termination_grace_period_seconds: u64,
    // The fields below are left out of the serialized form while unset, so
    // that a template's `pod-template-hash` does not depend on them.
    /// `hostNetwork`: the pod shares the node's network namespace and address.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub host_network: bool,
    /// `priorityClassName` (`system-node-critical`, `system-cluster-critical`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority_class_name: Option<String>,
    /// `priority`: resolved from the class by the Priority admission plugin
    /// (Pods only; templates leave it unset).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority: Option<i32>,
    /// `serviceAccountName`: what was written, or `default` on Pods by the
    /// ServiceAccount admission plugin.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_account_name: Option<String>,
    /// `affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution`
    /// as the DaemonSet controller writes it: one `matchFields` term,
    /// `metadata.name In [...]`, naming the nodes the pod may run on.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub node_name_affinity: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub volumes: Vec<Volume>,
    /// `hostname` and `subdomain`: with a headless Service named like the
    /// subdomain, the pod gets the DNS name `hostname.subdomain.ns.svc...`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hostname: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subdomain: Option<String>,
}

impl Default for PodSpec {
    fn default() -> Self {
        PodSpec {
            containers: Vec::new(),
            init_containers: Vec::new(),
            restart_policy: RestartPolicy::Always,
            node_selector: Labels::new(),
            node_name: None,
            tolerations: Vec::new(),
            termination_grace_period_seconds: 30,
            host_network: false,
            priority_class_name: None,
            priority: None,
            service_account_name: None,
            node_name_affinity: Vec::new(),
            volumes: Vec::new(),
            hostname: None,
            subdomain: None,
        }
    }
}

impl PodSpec {
    /// The pod's resource request as the scheduler counts it: the sum of the
    /// app containers (plus sidecars), or the largest init container if larger.
    /// <https://kubernetes.io/docs/concepts/workloads/pods/init-containers/#resource-sharing-within-containers>
    pub fn requests(&self) -> Resources {
        let mut sum = Resources::default();
        for c in self
            .containers
            .iter()
            .chain(self.init_containers.iter().filter(|c| c.restart_always))
        {
            let r = c.effective_requests();
            sum.cpu_millis += r.cpu_millis;
            sum.memory_bytes += r.memory_bytes;
        }
        for c in self.init_containers.iter().filter(|c| !c.restart_always) {
            let r = c.effective_requests();
            sum.cpu_millis = sum.cpu_millis.max(r.cpu_millis);
            sum.memory_bytes = sum.memory_bytes.max(r.memory_bytes);
        }
        sum
    }
}

/// `spec.template` of a workload.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PodTemplate {
    pub labels: Labels,
    pub annotations: Labels,
    pub spec: PodSpec,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum SelectorOperator {
    In,
    NotIn,
    Exists,
    DoesNotExist,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SelectorRequirement {
    pub key: String,
    pub operator: SelectorOperator,
    pub values: Vec<String>,
}

/// A label selector (`matchLabels` and `matchExpressions`, ANDed).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LabelSelector {
    pub match_labels: Labels,
    pub match_expressions: Vec<SelectorRequirement>,
}

impl LabelSelector {
    pub fn from_labels(labels: Labels) -> Self {
        LabelSelector {
            match_labels: labels,
            match_expressions: Vec::new(),
        }
    }

    /// An empty selector matches everything (as in the API).
    pub fn matches(&self, labels: &Labels) -> bool {
        self.match_labels
            .iter()
            .all(|(k, v)| labels.get(k) == Some(v))
            && self.match_expressions.iter().all(|req| {
                let value = labels.get(&req.key);
                match req.operator {
                    SelectorOperator::In => value.is_some_and(|v| req.values.contains(v)),
                    SelectorOperator::NotIn => value.is_none_or(|v| !req.values.contains(v)),
                    SelectorOperator::Exists => value.is_some(),
                    SelectorOperator::DoesNotExist => value.is_none(),
                }
            })
    }

    pub fn is_empty(&self) -> bool {
        self.match_labels.is_empty() && self.match_expressions.is_empty()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReplicaSetSpec {
    pub replicas: u32,
    pub selector: LabelSelector,
    pub template: PodTemplate,
}

/// `maxSurge` / `maxUnavailable`: an absolute number or a percentage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum IntOrPercent {
    Int(u32),
    Percent(u32),
}

impl IntOrPercent {
    /// Resolve against `total`; percentages round up for surge and down for
    /// unavailability, as the Deployment controller does.
    pub fn resolve(self, total: u32, round_up: bool) -> u32 {
        match self {
            IntOrPercent::Int(n) => n,
            IntOrPercent::Percent(p) => {
                let scaled = u64::from(total) * u64::from(p);
                let v = if round_up {
                    scaled.div_ceil(100)
                } else {
                    scaled / 100
                };
                u32::try_from(v).unwrap_or(u32::MAX)
            }
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum DeploymentStrategy {
    RollingUpdate {
        max_surge: IntOrPercent,
        max_unavailable: IntOrPercent,
    },
    Recreate,
}

impl Default for DeploymentStrategy {
    fn default() -> Self {
        DeploymentStrategy::RollingUpdate {
            max_surge: IntOrPercent::Percent(25),
            max_unavailable: IntOrPercent::Percent(25),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeploymentSpec {
    pub replicas: u32,
    pub selector: LabelSelector,
    pub template: PodTemplate,
    pub strategy: DeploymentStrategy,
    pub min_ready_seconds: u32,
    pub revision_history_limit: u32,
    /// `kubectl rollout pause`: template changes wait until resumed.
    pub paused: bool,
    pub progress_deadline_seconds: u32,
}

impl DeploymentSpec {
    pub fn new(selector: LabelSelector, template: PodTemplate) -> Self {
        DeploymentSpec {
            replicas: 1,
            selector,
            template,
            strategy: DeploymentStrategy::default(),
            min_ready_seconds: 0,
            revision_history_limit: 10,
            paused: false,
            progress_deadline_seconds: 600,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JobSpec {
    /// `None` means "any one success completes the job" only with parallelism;
    /// the API default for a plain Job is 1.
    pub completions: Option<u32>,
    pub parallelism: u32,
    pub backoff_limit: u32,
    pub active_deadline_seconds: Option<u64>,
    pub template: PodTemplate,
}

impl JobSpec {
    pub fn new(template: PodTemplate) -> Self {
        JobSpec {
            completions: Some(1),
            parallelism: 1,
            backoff_limit: 6,
            active_deadline_seconds: None,
            template,
        }
    }
}

/// How a DaemonSet replaces its pods when the template changes.
/// <https://kubernetes.io/docs/tasks/manage-daemon/update-daemon-set/>
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum DaemonSetUpdateStrategy {
    /// Replace old pods node by node, at most `max_unavailable` nodes without
    /// an available pod at a time (`max_surge` > 0 starts the new pod first).
    RollingUpdate {
        max_unavailable: IntOrPercent,
        max_surge: IntOrPercent,
    },
    /// New pods only once an old one is deleted by hand.
    OnDelete,
}

impl Default for DaemonSetUpdateStrategy {
    fn default() -> Self {
        DaemonSetUpdateStrategy::RollingUpdate {
            max_unavailable: IntOrPercent::Int(1),
            max_surge: IntOrPercent::Int(0),
        }
    }
}

/// `spec` of a DaemonSet: one pod from `template` on every eligible node.
/// <https://kubernetes.io/docs/concepts/workloads/controllers/daemonset/>
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DaemonSetSpec {
    pub selector: LabelSelector,
    pub template: PodTemplate,
    pub update_strategy: DaemonSetUpdateStrategy,
    pub min_ready_seconds: u32,
    pub revision_history_limit: u32,
}

impl DaemonSetSpec {
    pub fn new(selector: LabelSelector, template: PodTemplate) -> Self {
        DaemonSetSpec {
            selector,
            template,
            update_strategy: DaemonSetUpdateStrategy::default(),
            min_ready_seconds: 0,
            revision_history_limit: 10,
        }
    }
}

/// `spec` of a Namespace: nothing a user sets (its `finalizers` belong to
/// the namespace controller).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NamespaceSpec {}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ServiceType {
    #[default]
    ClusterIP,
    NodePort,
    LoadBalancer,
}

impl ServiceType {
    pub fn name(self) -> &'static str {
        match self {
            ServiceType::ClusterIP => "ClusterIP",
            ServiceType::NodePort => "NodePort",
            ServiceType::LoadBalancer => "LoadBalancer",
        }
    }
}

/// `targetPort`: a number or the name of a container port.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Hash)]
pub enum PortRef {
    Number(u16),
    Name(String),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServicePort {
    pub name: Option<String>,
    pub port: u16,
    pub target_port: PortRef,
    pub protocol: Protocol,
    pub node_port: Option<u16>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceSpec {
    pub service_type: ServiceType,
    /// Empty: a Service without a selector (no endpoints are managed).
    pub selector: Labels,
    pub ports: Vec<ServicePort>,
    /// `Some("None")` makes a headless Service; `None` lets the API allocate.
    pub cluster_ip: Option<String>,
}

/// The spec part of an object submitted to the API server.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Spec {
    Pod(PodSpec),
    ReplicaSet(ReplicaSetSpec),
    Deployment(DeploymentSpec),
    Job(JobSpec),
    Service(ServiceSpec),
    Namespace(NamespaceSpec),
    DaemonSet(DaemonSetSpec),
    ConfigMap(ConfigMapData),
    Secret(SecretData),
    StatefulSet(StatefulSetSpec),
    CronJob(CronJobSpec),
    PersistentVolume(PvSpec),
    PersistentVolumeClaim(PvcSpec),
    StorageClass(StorageClassSpec),
    ResourceQuota(ResourceQuotaSpec),
    LimitRange(LimitRangeSpec),
}

impl Spec {
    pub fn kind(&self) -> Kind {
        match self {
            Spec::Pod(_) => Kind::Pod,
            Spec::ReplicaSet(_) => Kind::ReplicaSet,
            Spec::Deployment(_) => Kind::Deployment,
            Spec::Job(_) => Kind::Job,
            Spec::Service(_) => Kind::Service,
            Spec::Namespace(_) => Kind::Namespace,
            Spec::DaemonSet(_) => Kind::DaemonSet,
            Spec::ConfigMap(_) => Kind::ConfigMap,
            Spec::Secret(_) => Kind::Secret,
            Spec::StatefulSet(_) => Kind::StatefulSet,
            Spec::CronJob(_) => Kind::CronJob,
            Spec::PersistentVolume(_) => Kind::PersistentVolume,
            Spec::PersistentVolumeClaim(_) => Kind::PersistentVolumeClaim,
            Spec::StorageClass(_) => Kind::StorageClass,
            Spec::ResourceQuota(_) => Kind::ResourceQuota,
            Spec::LimitRange(_) => Kind::LimitRange,
        }
    }
}

/// One object as `kubectl apply` submits it: metadata plus desired state.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Object {
    pub meta: ObjectMeta,
    pub spec: Spec,
}

impl Object {
    pub fn kind(&self) -> Kind {
        self.spec.kind()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(pairs: &[(&str, &str)]) -> Labels {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn selector_semantics_follow_the_labels_docs() {
        // https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors
        let sel = LabelSelector {
            match_labels: labels(&[("app", "web")]),
            match_expressions: vec![
                SelectorRequirement {
                    key: "tier".into(),
                    operator: SelectorOperator::In,
                    values: vec!["frontend".into(), "cache".into()],
                },
                SelectorRequirement {
                    key: "legacy".into(),
                    operator: SelectorOperator::DoesNotExist,
                    values: vec![],
                },
            ],
        };
        assert!(sel.matches(&labels(&[("app", "web"), ("tier", "cache")])));
        assert!(!sel.matches(&labels(&[("app", "web")])));
        assert!(!sel.matches(&labels(&[("app", "web"), ("tier", "db")])));
        assert!(!sel.matches(&labels(&[
            ("app", "web"),
            ("tier", "cache"),
            ("legacy", "1")
        ])));
        assert!(LabelSelector::default().matches(&labels(&[("x", "y")])));
    }

    #[test]
    fn toleration_matching_follows_the_taints_docs() {
        // https://kubernetes.io/docs/concepts/scheduling-eviction/taint-and-toleration/
        let taint = Taint {
            key: "node-role.kubernetes.io/control-plane".into(),
            value: None,
            effect: TaintEffect::NoSchedule,
        };
        let exists = Toleration {
            key: Some("node-role.kubernetes.io/control-plane".into()),
            operator: TolerationOperator::Exists,
            value: None,
            effect: Some(TaintEffect::NoSchedule),
            toleration_seconds: None,
        };
        assert!(exists.tolerates(&taint));
        let wrong_effect = Toleration {
            effect: Some(TaintEffect::NoExecute),
            ..exists.clone()
        };
        assert!(!wrong_effect.tolerates(&taint));
        let everything = Toleration {
            key: None,
            operator: TolerationOperator::Exists,
            value: None,
            effect: None,
            toleration_seconds: None,
        };
        assert!(everything.tolerates(&taint));
        let equal_empty = Toleration {
            operator: TolerationOperator::Equal,
            ..exists
        };
        assert!(equal_empty.tolerates(&taint));
    }

    #[test]
    fn rolling_update_percentages_round_like_the_controller() {
        // 25% of 3: surge rounds up to 1, unavailable rounds down to 0.
        assert_eq!(IntOrPercent::Percent(25).resolve(3, true), 1);
        assert_eq!(IntOrPercent::Percent(25).resolve(3, false), 0);
        assert_eq!(IntOrPercent::Percent(25).resolve(10, true), 3);
        assert_eq!(IntOrPercent::Int(2).resolve(10, false), 2);
    }

    #[test]
    fn pod_requests_count_init_containers_as_a_maximum() {
        let mut spec = PodSpec::default();
        let mut app = ContainerSpec::new("app", "nginx");
        app.requests.cpu_millis = 200;
        let mut init = ContainerSpec::new("init", "busybox");
        init.requests.cpu_millis = 500;
        spec.containers.push(app);
        spec.init_containers.push(init);
        assert_eq!(spec.requests().cpu_millis, 500);
        let mut limits_only = ContainerSpec::new("l", "nginx");
        limits_only.limits.memory_bytes = 64 << 20;
        assert_eq!(limits_only.effective_requests().memory_bytes, 64 << 20);
    }

    #[test]
    fn resource_words_resolve_like_kubectl() {
        assert_eq!(Kind::from_resource("po"), Some(Kind::Pod));
        assert_eq!(Kind::from_resource("Deployments"), Some(Kind::Deployment));
        assert_eq!(
            Kind::from_resource("deployments.apps"),
            Some(Kind::Deployment)
        );
        assert_eq!(Kind::from_resource("svc"), Some(Kind::Service));
        assert_eq!(Kind::from_resource("configmaps"), Some(Kind::ConfigMap));
        assert_eq!(Kind::from_resource("sts"), Some(Kind::StatefulSet));
        assert_eq!(
            Kind::from_resource("pvc"),
            Some(Kind::PersistentVolumeClaim)
        );
        assert_eq!(Kind::from_resource("ingresses"), None);
    }
}
