//! The commands of the language, as data.

use crate::sim::objects::{Kind, RestartPolicy};
use crate::sim::runtime::RuntimeKind;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resource {
    Pods,
    Nodes,
    Deployments,
    ReplicaSets,
    Jobs,
    Services,
    Events,
    Endpoints,
    Namespaces,
    DaemonSets,
    EndpointSlices,
    Leases,
    All,
    ConfigMaps,
    Secrets,
    StatefulSets,
    CronJobs,
    PersistentVolumes,
    PersistentVolumeClaims,
    StorageClasses,
    ResourceQuotas,
    LimitRanges,
}

impl Resource {
    /// Words offered for completion and suggestions, in declaration order.
    pub const WORDS: [&'static str; 22] = [
        "pods",
        "nodes",
        "deployments",
        "replicasets",
        "jobs",
        "services",
        "events",
        "endpoints",
        "namespaces",
        "daemonsets",
        "endpointslices",
        "leases",
        "all",
        "configmaps",
        "secrets",
        "statefulsets",
        "cronjobs",
        "persistentvolumes",
        "persistentvolumeclaims",
        "storageclasses",
        "resourcequotas",
        "limitranges",
    ];

    pub fn parse(word: &str) -> Option<Resource> {
        let w = word.to_ascii_lowercase();
        match w.as_str() {
            "endpoints" | "ep" => return Some(Resource::Endpoints),
            "all" => return Some(Resource::All),
            _ => {}
        }
        Some(match Kind::from_resource(&w)? {
            Kind::Pod => Resource::Pods,
            Kind::Node => Resource::Nodes,
            Kind::Deployment => Resource::Deployments,
            Kind::ReplicaSet => Resource::ReplicaSets,
            Kind::Job => Resource::Jobs,
            Kind::Service => Resource::Services,
            Kind::Event => Resource::Events,
            Kind::Namespace => Resource::Namespaces,
            Kind::DaemonSet => Resource::DaemonSets,
            Kind::EndpointSlice => Resource::EndpointSlices,
            Kind::Lease => Resource::Leases,
            Kind::ConfigMap => Resource::ConfigMaps,
            Kind::Secret => Resource::Secrets,
            Kind::StatefulSet => Resource::StatefulSets,
            Kind::CronJob => Resource::CronJobs,
            Kind::PersistentVolume => Resource::PersistentVolumes,
            Kind::PersistentVolumeClaim => Resource::PersistentVolumeClaims,
            Kind::StorageClass => Resource::StorageClasses,
            Kind::ResourceQuota => Resource::ResourceQuotas,
            Kind::LimitRange => Resource::LimitRanges,
        })
    }

    pub fn kind(self) -> Option<Kind> {
        Some(match self {
            Resource::Pods => Kind::Pod,
            Resource::Nodes => Kind::Node,
            Resource::Deployments => Kind::Deployment,
            Resource::ReplicaSets => Kind::ReplicaSet,
            Resource::Jobs => Kind::Job,
            Resource::Services => Kind::Service,
            Resource::Events => Kind::Event,
            Resource::Namespaces => Kind::Namespace,
            Resource::DaemonSets => Kind::DaemonSet,
            Resource::EndpointSlices => Kind::EndpointSlice,
            Resource::Leases => Kind::Lease,
            Resource::ConfigMaps => Kind::ConfigMap,
            Resource::Secrets => Kind::Secret,
            Resource::StatefulSets => Kind::StatefulSet,
            Resource::CronJobs => Kind::CronJob,
            Resource::PersistentVolumes => Kind::PersistentVolume,
            Resource::PersistentVolumeClaims => Kind::PersistentVolumeClaim,
            Resource::StorageClasses => Kind::StorageClass,
            Resource::ResourceQuotas => Kind::ResourceQuota,
            Resource::LimitRanges => Kind::LimitRange,
            Resource::Endpoints | Resource::All => return None,
        })
    }

    pub fn plural(self) -> &'static str {
        Resource::WORDS[self as usize]
    }

    /// Objects that live in no namespace (nodes, persistentvolumes,
    /// storageclasses): no NAMESPACE column, no "in ... namespace".
    pub fn cluster_scoped(self) -> bool {
        self.kind().is_some_and(|k| !k.namespaced())
    }

    /// How `get all` and `get a,b` prefix names (`deployment.apps/web`).
    pub fn prefix(self) -> &'static str {
        match self {
            Resource::Pods => "pod",
            Resource::Services => "service",
            Resource::Deployments => "deployment.apps",
            Resource::ReplicaSets => "replicaset.apps",
            Resource::Jobs => "job.batch",
            Resource::Nodes => "node",
            Resource::Endpoints => "endpoints",
            Resource::Namespaces => "namespace",
            Resource::DaemonSets => "daemonset.apps",
            Resource::EndpointSlices => "endpointslice.discovery.k8s.io",
            Resource::Leases => "lease.coordination.k8s.io",
            Resource::ConfigMaps => "configmap",
            Resource::Secrets => "secret",
            Resource::StatefulSets => "statefulset.apps",
            Resource::CronJobs => "cronjob.batch",
            Resource::PersistentVolumes => "persistentvolume",
            Resource::PersistentVolumeClaims => "persistentvolumeclaim",
            Resource::StorageClasses => "storageclass.storage.k8s.io",
            Resource::ResourceQuotas => "resourcequota",
            Resource::LimitRanges => "limitrange",
            Resource::Events | Resource::All => "",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Output {
    Table,
    Wide,
    Yaml,
    Json,
    Name,
}

/// Which namespaces a command looks at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    One(String),
    All,
}

impl Default for Scope {
    fn default() -> Self {
        Scope::One("default".into())
    }
}

impl Scope {
    pub fn ns(&self) -> &str {
        match self {
            Scope::One(ns) => ns,
            Scope::All => "default",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    Empty,
    Help,
    Get {
        res: Resource,
        names: Vec<String>,
        output: Output,
        selector: Option<String>,
        scope: Scope,
        show_labels: bool,
        /// `--no-headers`: the table without its header line.
        no_headers: bool,
        /// `--sort-by`: a field path of the API form.
        sort_by: Option<String>,
    },
    /// `get deployments,replicasets`: several types, one table each.
    GetTypes {
        list: Vec<Resource>,
        wide: bool,
        selector: Option<String>,
        scope: Scope,
    },
    /// `kubectl version`: the server's version (the release the cluster runs).
    Version(Output),
    /// `kubectl events`.
    Events(super::events::EventsQuery),
    Describe {
        res: Resource,
        names: Vec<String>,
        selector: Option<String>,
        scope: Scope,
    },
    Apply {
        file: String,
        ns: String,
    },
    CreateDeployment {
        name: String,
        image: String,
        replicas: u32,
        port: Option<u16>,
        ns: String,
    },
    CreateNamespace {
        name: String,
    },
    Run {
        name: String,
        image: String,
        restart: RestartPolicy,
        args: Vec<String>,
        as_command: bool,
        port: Option<u16>,
        labels: Option<String>,
        ns: String,
    },
    Delete {
        res: Resource,
        names: Vec<String>,
        selector: Option<String>,
        grace: Option<u64>,
        ns: String,
        /// `--wait` (default true): wait until the objects are gone.
        wait: bool,
        /// `--timeout`: how long to wait (None: kubectl's default).
        timeout_ms: Option<u64>,
    },
    Scale {
        res: Resource,
        name: String,
        replicas: u32,
        ns: String,
    },
    SetImage {
        name: String,
        pairs: Vec<(String, String)>,
        ns: String,
    },
    RolloutStatus {
        name: String,
        ns: String,
        /// `--watch` (default true): follow the rollout until it is done.
        watch: bool,
        timeout_ms: Option<u64>,
    },
    Cordon(String),
    Uncordon(String),
    Drain {
        node: String,
        force: bool,
        ignore_daemonsets: bool,
        timeout_ms: Option<u64>,
    },
    Logs {
        pod: String,
        container: Option<String>,
        previous: bool,
        ns: String,
    },
    Wait(u64),
    NodeDown(String),
    NodeUp(String),
    Crash {
        pod: String,
        ns: String,
    },
    Runtime(RuntimeKind),
    Scenario(Option<String>),
    /// A new worker joins the cluster.
    Join(Option<String>),
    Reset,
    Traffic {
        service: String,
        rps: u32,
        ns: String,
    },
    /// `get ... -o jsonpath='{...}'`.
    GetJsonPath {
        res: Resource,
        names: Vec<String>,
        template: String,
        selector: Option<String>,
        scope: Scope,
    },
    /// `--dry-run=client -o yaml|json` of a command that creates an object.
    DryRun {
        inner: Box<Command>,
        output: Output,
    },
    Exec {
        pod: String,
        container: Option<String>,
        argv: Vec<String>,
        ns: String,
    },
    /// `label` (or `annotate` with `annotate: true`): `key=value` sets,
    /// `key-` removes.
    Label {
        res: Resource,
        names: Vec<String>,
        changes: Vec<(String, Option<String>)>,
        overwrite: bool,
        selector: Option<String>,
        annotate: bool,
        ns: String,
    },
    Rollout {
        action: RolloutAction,
        res: Resource,
        name: String,
        ns: String,
    },
    CreateConfigMap {
        name: String,
        data: Vec<(String, String)>,
        ns: String,
    },
    CreateSecret {
        name: String,
        data: Vec<(String, String)>,
        secret_type: String,
        ns: String,
    },
    CreateCronJob {
        name: String,
        image: String,
        schedule: String,
        command: Vec<String>,
        ns: String,
    },
    CreateJob {
        name: String,
        image: Option<String>,
        from_cronjob: Option<String>,
        command: Vec<String>,
        ns: String,
    },
    Expose {
        res: Resource,
        name: String,
        port: Option<u16>,
        target_port: Option<String>,
        service_type: Option<String>,
        service_name: Option<String>,
        ns: String,
    },
    Top {
        nodes: bool,
        name: Option<String>,
        scope: Scope,
    },
    /// `set image statefulset/NAME CONTAINER=IMAGE`.
    SetImageStatefulSet {
        name: String,
        pairs: Vec<(String, String)>,
        ns: String,
    },
}

/// What `rollout` does besides `status`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RolloutAction {
    History { revision: Option<u64> },
    Undo { to_revision: Option<u64> },
    Pause,
    Resume,
    Restart,
    Status,
}

/// Every command word, for suggestions, completion and help.
pub const COMMANDS: [&str; 28] = [
    "get", "events", "version", "describe", "apply", "create", "run", "delete", "scale", "set",
    "rollout", "cordon", "uncordon", "drain", "logs", "exec", "label", "annotate", "expose", "top",
    "wait", "fault", "runtime", "scenario", "join", "reset", "traffic", "help",
];
