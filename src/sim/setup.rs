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
    /// The folder of the lesson that wrote this setup, the only place its
    /// `apply -f` may read (`None`: no file at all). Set by the catalog
    /// when it loads a lesson folder; never read from the block.
    #[serde(skip)]
    pub folder: Option<std::path::PathBuf>,
}

impl Setup {
    /// Where this setup's `apply -f` may read: its lesson's folder.
    pub fn files(&self) -> crate::kubectl::Files<'_> {
        self.folder.as_deref().map_or(
            crate::kubectl::Files::Nowhere,
            crate::kubectl::Files::Within,
        )
    }

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

impl crate::sim::Cluster {
    /// A cluster set up the way a lesson's `cluster` block (or a predict
    /// question's `setup`) says: the default cluster, then the scenario,
    /// the runtime, the manifests and the commands, in that order.
    pub fn from_setup(setup: &Setup, seed: u64) -> Result<crate::sim::Cluster, String> {
        let mut c = crate::sim::Cluster::new(seed);
        c.apply_setup(setup)?;
        Ok(c)
    }

    /// Apply a setup to this cluster. A scenario starts over from the
    /// default cluster (same seed); the rest is applied on top.
    pub fn apply_setup(&mut self, setup: &Setup) -> Result<(), String> {
        if let Some(name) = &setup.scenario {
            *self = crate::sim::Cluster::scenario(name, self.seed())?;
        }
        self.run_setup_parts(
            setup.runtime.as_deref(),
            setup.apply.as_deref(),
            &setup.commands,
            setup.files(),
        )
    }

    /// Scenario `name` played on the default cluster of `seed`, as
    /// `scenario NAME` and a block's `scenario:` start it.
    pub fn scenario(name: &str, seed: u64) -> Result<crate::sim::Cluster, String> {
        super::built::scenario_cluster(name, seed, || {
            let scenario = crate::sim::scenarios::get(name)?;
            let mut c = crate::sim::Cluster::new(seed);
            c.run_setup_parts(
                scenario.runtime.as_deref(),
                scenario.manifests.as_deref(),
                &scenario.commands,
                crate::kubectl::Files::Nowhere,
            )
            .map_err(|e| format!("scenario {name}: {e}"))?;
            Ok(c)
        })
    }

    fn run_setup_parts(
        &mut self,
        runtime: Option<&str>,
        manifests: Option<&str>,
        commands: &[String],
        files: crate::kubectl::Files<'_>,
    ) -> Result<(), String> {
        if let Some(r) = runtime {
            let kind = crate::sim::runtime::RuntimeKind::parse(r).ok_or_else(|| {
                format!("unknown runtime \"{r}\": expected containerd or dockershim")
            })?;
            self.set_runtime(kind);
        }
        if let Some(text) = manifests {
            let out = self.apply_manifest(text);
            if !out.ok {
                return Err(out.lines.join("\n"));
            }
        }
        for line in commands {
            let out = crate::kubectl::execute_in(self, line, files);
            if !out.ok {
                return Err(format!("`{line}`: {}", out.output.trim_end()));
            }
        }
        Ok(())
    }
}
