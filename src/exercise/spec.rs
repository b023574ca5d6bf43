//! The `exercise` block of a lesson, as written by an instructor.
//!
//! ```yaml
//! id: first-deployment
//! goal: Run three nginx pods with a Deployment named web.
//! starter: |
//!   apiVersion: apps/v1
//!   kind: Deployment
//!   ...
//! solution: |
//!   ...
//! hints:
//!   - replicas lives under spec.
//! timeout: 2m                # simulated time the runner waits for the checks
//! check:
//!   - object: { kind: Deployment, name: web, fields: { spec.replicas: 3 } }
//!   - pods: { selector: app=web, phase: Running, count: 3 }
//!   - ready: { selector: app=web, count: 3 }
//!   - endpoints: { service: web, count: 3 }
//!   - recovery: { delete: app=web, within: 60s, running: 3 }
//!   - exec: { pod: client, command: "wget -qO- web", contains: Welcome }
//!   - logs: { pod: hello, contains: "hello" }
//!   - disruption:
//!       traffic: { service: web, rps: 20 }
//!       run: [fault node-down node-1, wait 6m]
//!       refused: 0
//!       ready: { selector: app=web, count: 3 }
//!   - format: json
//! ```

use crate::sim::setup::Setup;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExerciseSpec {
    pub id: String,
    pub goal: String,
    /// The cluster before the student's manifest is applied. Defaults to the
    /// section's `cluster` block, or an empty default cluster.
    #[serde(default)]
    pub setup: Option<Setup>,
    #[serde(default)]
    pub starter: String,
    pub solution: String,
    #[serde(default)]
    pub hints: Vec<String>,
    /// How much simulated time the runner allows for the checks (default 2m).
    #[serde(default)]
    pub timeout: Option<String>,
    #[serde(with = "serde_yaml::with::singleton_map_recursive")]
    pub check: Vec<Check>,
}

/// One condition the cluster (or the submitted text) must satisfy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub enum Check {
    /// An object exists; each `fields` path (`spec.replicas`,
    /// `spec.template.spec.containers[0].image`) has the given value.
    Object {
        kind: String,
        name: String,
        #[serde(default)]
        namespace: Option<String>,
        #[serde(default)]
        fields: BTreeMap<String, serde_yaml::Value>,
    },
    /// Exactly `count` pods match `selector` (all pods when absent) and are in
    /// `phase` (any phase when absent), in `namespace` (default `default`).
    Pods {
        #[serde(default)]
        selector: Option<String>,
        #[serde(default)]
        namespace: Option<String>,
        #[serde(default)]
        phase: Option<String>,
        count: u32,
    },
    /// Exactly `count` pods matching `selector` (in `namespace`, default
    /// `default`) are Ready.
    Ready {
        #[serde(default)]
        selector: Option<String>,
        #[serde(default)]
        namespace: Option<String>,
        count: u32,
    },
    /// The Service has `count` ready endpoints.
    Endpoints { service: String, count: u32 },
    /// Delete one pod matching `delete` (a selector); within `within` there
    /// are again `running` Running pods matching it.
    Recovery {
        delete: String,
        within: String,
        running: u32,
    },
    /// The log of `pod` (its `container`, else its first one) has a line
    /// containing `contains`.
    Logs {
        pod: String,
        #[serde(default)]
        container: Option<String>,
        contains: String,
    },
    /// Once the other checks hold: simulated clients send `traffic` to a
    /// Service while the `run` lines play (`wait 6m`, `fault node-down
    /// node-1`, `set image ...`); at most `refused` requests may find the
    /// Service without a ready endpoint, and at the end `ready` (when given)
    /// must hold.
    Disruption {
        traffic: Traffic,
        run: Vec<String>,
        #[serde(default)]
        refused: u64,
        #[serde(default)]
        ready: Option<ReadyCount>,
    },
    /// The submitted text is written in this format (`json` or `yaml`).
    Format(String),
    /// `kubectl exec POD [-c CONTAINER] -- COMMAND` succeeds and its output
    /// contains `contains` (run on a copy of the cluster: it changes nothing).
    Exec {
        pod: String,
        #[serde(default)]
        container: Option<String>,
        command: String,
        contains: String,
    },
}

/// Simulated clients for a [`Check::Disruption`]: `rps` requests per second
/// to the Service `service`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Traffic {
    pub service: String,
    pub rps: u32,
}

/// `count` pods matching `selector` are Ready.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReadyCount {
    #[serde(default)]
    pub selector: Option<String>,
    pub count: u32,
}
