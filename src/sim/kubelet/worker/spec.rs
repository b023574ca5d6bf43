//! What the kubelet keeps of a container's spec, kept once for equal specs.
//!
//! The kubelet reads a container's name, image, command, environment,
//! mounts and resources whenever it (re)starts it, and never changes them.
//! Copied into every container, they were the largest part of the
//! kubelet's per-Pod state (issue #11's cluster, 11,007 Pods: `Ctr` 408 B
//! and `CtrExtra` 288 B per container, plus the copied strings and
//! vectors; heaptrack). A Deployment's replicas have equal specs, so the
//! kubelet keeps one [`CtrSpec`] behind an `Arc` for all of them: made by
//! [`CtrSpec::shared`], which looks for an equal one made before.
//!
//! The cache is bounded like the ones in `sim::shared`: past its size it
//! starts over (what is already shared stays shared).

use crate::sim::objects::{
    ContainerSpec, EnvFromSource, EnvVar, PullPolicy, Resources, VolumeMount,
};
use std::collections::HashMap;
use std::sync::{Arc, LazyLock, Mutex};

/// What the kubelet keeps of a container's spec (read-only).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CtrSpec {
    pub name: String,
    pub image: String,
    pub command: Vec<String>,
    pub args: Vec<String>,
    pub pull_policy: PullPolicy,
    /// readinessProbe.initialDelaySeconds, in ms.
    pub ready_delay_ms: u64,
    /// An init container with `restartPolicy: Always` (a sidecar).
    pub restart_always: bool,
    pub env: Vec<EnvVar>,
    pub env_from: Vec<EnvFromSource>,
    pub mounts: Vec<VolumeMount>,
    pub limits: Resources,
    pub requests: Resources,
    /// `ports` of the spec: (name, containerPort).
    pub ports: Vec<(Option<String>, u16)>,
}

/// Specs kept per image, at most this many in all.
const MAX_ENTRIES: usize = 512;

static SPECS: LazyLock<Mutex<Cache>> = LazyLock::new(|| Mutex::new(Cache::default()));

#[derive(Default)]
struct Cache {
    by_image: HashMap<String, Vec<Arc<CtrSpec>>>,
    len: usize,
}

impl CtrSpec {
    pub fn new(spec: &ContainerSpec) -> Self {
        CtrSpec {
            name: spec.name.clone(),
            image: spec.image.clone(),
            command: spec.command.clone(),
            args: spec.args.clone(),
            // Readiness is the prober's business (see `probing`).
            ready_delay_ms: 0,
            restart_always: spec.restart_always,
            pull_policy: spec.pull_policy(),
            env: spec.env.clone(),
            env_from: spec.env_from.clone(),
            mounts: spec.volume_mounts.clone(),
            limits: spec.limits,
            requests: spec.effective_requests(),
            ports: spec
                .ports
                .iter()
                .map(|p| (p.name.clone(), p.container_port))
                .collect(),
        }
    }

    /// The kubelet's copy of `spec`, shared with every equal one made before.
    pub fn shared(spec: &ContainerSpec) -> Arc<CtrSpec> {
        let mut cache = SPECS.lock().unwrap_or_else(|e| e.into_inner());
        let Cache { by_image, len } = &mut *cache;
        if let Some(same) = by_image
            .get(&spec.image)
            .and_then(|v| v.iter().find(|s| s.describes(spec)).cloned())
        {
            return same;
        }
        if *len >= MAX_ENTRIES {
            by_image.clear();
            *len = 0;
        }
        let made = Arc::new(CtrSpec::new(spec));
        by_image
            .entry(spec.image.clone())
            .or_default()
            .push(made.clone());
        *len += 1;
        made
    }

    /// Whether this is what [`CtrSpec::new`] makes of `spec`.
    fn describes(&self, spec: &ContainerSpec) -> bool {
        self.name == spec.name
            && self.image == spec.image
            && self.command == spec.command
            && self.args == spec.args
            && self.restart_always == spec.restart_always
            && self.pull_policy == spec.pull_policy()
            && self.env == spec.env
            && self.env_from == spec.env_from
            && self.mounts == spec.volume_mounts
            && self.limits == spec.limits
            && self.requests == spec.effective_requests()
            && self.ports.len() == spec.ports.len()
            && self
                .ports
                .iter()
                .zip(&spec.ports)
                .all(|((n, p), q)| *n == q.name && *p == q.container_port)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::objects::{ContainerPort, Protocol};

    fn nginx() -> ContainerSpec {
        let mut c = ContainerSpec::new("spec-test-web", "nginx:1.27-spec-test");
        c.requests.cpu_millis = 100;
        c
    }

    #[test]
    fn equal_specs_share_one_copy() {
        let a = CtrSpec::shared(&nginx());
        let b = CtrSpec::shared(&nginx());
        assert!(Arc::ptr_eq(&a, &b));
        assert_eq!(*a, CtrSpec::new(&nginx()));
    }

    #[test]
    fn a_spec_that_differs_anywhere_gets_its_own() {
        let base = CtrSpec::shared(&nginx());
        let mut args = nginx();
        args.args = vec!["-g".into()];
        let mut port = nginx();
        port.ports.push(ContainerPort {
            name: Some("http".into()),
            container_port: 80,
            protocol: Protocol::TCP,
        });
        let mut limits = nginx();
        limits.limits.memory_bytes = 1 << 20;
        for other in [args, port, limits] {
            let s = CtrSpec::shared(&other);
            assert!(!Arc::ptr_eq(&base, &s), "{other:?}");
            assert_eq!(*s, CtrSpec::new(&other));
            assert!(Arc::ptr_eq(&s, &CtrSpec::shared(&other)));
        }
    }

    #[test]
    fn requests_default_to_limits_as_the_api_does() {
        let mut c = nginx();
        c.requests = Resources::default();
        c.limits = Resources {
            cpu_millis: 500,
            memory_bytes: 64 << 20,
        };
        let s = CtrSpec::shared(&c);
        assert_eq!(s.requests, c.limits);
    }
}
