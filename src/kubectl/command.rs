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
    All,
}

impl Resource {
    /// Words offered for completion and suggestions.
    pub const WORDS: [&'static str; 9] = [
        "pods",
        "nodes",
        "deployments",
        "replicasets",
        "jobs",
        "services",
        "events",
        "endpoints",
        "all",
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
            Resource::Endpoints | Resource::All => return None,
        })
    }

    pub fn plural(self) -> &'static str {
        Resource::WORDS[self as usize]
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
    },
    /// `get deployments,replicasets`: several types, one table each.
    GetTypes {
        list: Vec<Resource>,
        wide: bool,
        selector: Option<String>,
        scope: Scope,
    },
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
    Reset,
    Traffic {
        service: String,
        rps: u32,
        ns: String,
    },
}

/// Every command word, for suggestions, completion and help.
pub const COMMANDS: [&str; 20] = [
    "get", "describe", "apply", "create", "run", "delete", "scale", "set", "rollout", "cordon",
    "uncordon", "drain", "logs", "wait", "fault", "runtime", "scenario", "reset", "traffic",
    "help",
];
