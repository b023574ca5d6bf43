//! How a lesson step, a predict question or an exercise sets up the cluster:
//! the `cluster` block of a lesson.
//!
//! ```yaml
//! scenario: crashloop        # a named scenario from assets/scenarios/
//! runtime: dockershim        # optional: containerd (default) or dockershim
//! apply: |                   # optional: manifests applied after the scenario
//!   apiVersion: v1
//!   kind: Pod
//!   ...
//! commands:                  # optional: command-language lines run after that
//!   - wait 10s
//!   - fault node-down node-1
//! ```

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Setup {
    /// A named scenario (`basic`, `crashloop`, ...). `None` starts from the
    /// default cluster with no workloads.
    #[serde(default)]
    pub scenario: Option<String>,
    /// `containerd` or `dockershim`.
    #[serde(default)]
    pub runtime: Option<String>,
    /// Manifest text (YAML or JSON, multi-document) applied after the scenario.
    #[serde(default)]
    pub apply: Option<String>,
    /// Command-language lines run in order after `apply`.
    #[serde(default)]
    pub commands: Vec<String>,
    /// A short caption the cluster pane shows for this step.
    #[serde(default)]
    pub caption: Option<String>,
}

impl Setup {
    /// The name a marker box shows: the scenario, or what the block does.
    pub fn label(&self) -> String {
        if let Some(s) = &self.scenario {
            return s.clone();
        }
        if self.apply.is_some() {
            return "apply".to_string();
        }
        if let Some(r) = &self.runtime {
            return format!("runtime {r}");
        }
        if let Some(c) = self.commands.first() {
            return c.clone();
        }
        "basic".to_string()
    }
}
