//! The drill's trouble cards: a Pod whose container is fine as a program
//! but trips over something around it — a probe, its memory limit, a
//! ConfigMap that does not exist. Each is a bare Pod on a healthy node-1;
//! the simulator decides what it shows, as for every card.
//!
//! - probes: <https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/>
//! - OOMKilled: <https://kubernetes.io/docs/tasks/configure-pod-container/assign-memory-resource/#exceed-a-container-s-memory-limit>
//! - missing ConfigMap: <https://kubernetes.io/docs/tasks/configure-pod-container/configure-pod-configmap/>

use super::card::{Behaviour, Card, Field, Image, NodeFate, Owner, Policy, TIMES_MS, category};
use super::explain::Rule;
use crate::quiz::predict::PodState;

/// Why a trouble card's Pod shows what it shows (beside the rules all
/// cards share: [`Rule::Starting`], [`Rule::Running`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Why {
    /// The liveness probe has passed so far.
    ProbesPassing,
    /// Liveness probe failures made the kubelet restart the container.
    LivenessRestarts,
    /// The readiness probe fails: Running, not ready, never restarted.
    NeverReady,
    /// A slow server whose liveness probe has not given up yet.
    SlowStartCounting,
    /// A slow server killed by its liveness probe before it could listen.
    SlowStartKilled,
    /// The startup probe holds the liveness probe back while the slow
    /// server starts.
    StartupWaiting,
    /// The startup probe succeeded; the liveness probe took over.
    StartupPassed,
    /// The container passed its memory limit: OOMKilled.
    OomKilled,
    /// The container's environment needs a missing ConfigMap:
    /// CreateContainerConfigError.
    ConfigMissing,
    /// A volume needs a missing ConfigMap: ContainerCreating.
    VolumeMissing,
}

/// What goes wrong inside a card's Pod.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Trouble {
    /// Nothing: the restartPolicy, image, node and owner cards.
    None,
    /// agnhost `liveness` answers /healthz with 200 for 10 s, then 500;
    /// a liveness probe watches it (the docs' example).
    Liveness,
    /// nginx listens on port 80, its readiness probe asks port 8080.
    Readiness,
    /// A server that takes 60 s to listen, with a liveness probe that
    /// gives up after 3 × 10 s.
    SlowStart,
    /// The same slow server, with a startup probe allowing 30 × 10 s.
    SlowStartGuarded,
    /// `stress` allocates 250M under a 100Mi memory limit (the docs' example).
    OverMemory,
    /// An env var from a key of a ConfigMap that does not exist.
    MissingConfigMapKey,
    /// A volume from a ConfigMap that does not exist.
    MissingConfigMapVolume,
}

impl Trouble {
    pub const ALL: [Trouble; 7] = [
        Trouble::Liveness,
        Trouble::Readiness,
        Trouble::SlowStart,
        Trouble::SlowStartGuarded,
        Trouble::OverMemory,
        Trouble::MissingConfigMapKey,
        Trouble::MissingConfigMapVolume,
    ];

    /// The part of the card key naming the trouble (`None` for none).
    pub fn key(self) -> Option<&'static str> {
        Some(match self {
            Trouble::None => return None,
            Trouble::Liveness => "liveness",
            Trouble::Readiness => "readiness",
            Trouble::SlowStart => "slow-start",
            Trouble::SlowStartGuarded => "slow-start-guarded",
            Trouble::OverMemory => "over-memory",
            Trouble::MissingConfigMapKey => "missing-configmap-env",
            Trouble::MissingConfigMapVolume => "missing-configmap-volume",
        })
    }

    pub fn category(self) -> Option<&'static str> {
        match self {
            Trouble::None => None,
            Trouble::Liveness
            | Trouble::Readiness
            | Trouble::SlowStart
            | Trouble::SlowStartGuarded => Some(category::PROBES),
            Trouble::OverMemory => Some(category::OOM_KILLED),
            Trouble::MissingConfigMapKey | Trouble::MissingConfigMapVolume => {
                Some(category::MISSING_CONFIG_MAP)
            }
        }
    }

    /// Whether this is one of the probe scenarios.
    pub fn probed(self) -> bool {
        self.category() == Some(category::PROBES)
    }

    /// The restart policies the cards of this trouble use: the memory hog
    /// also with Never, to show OOMKilled as a final state.
    pub fn policies(self) -> &'static [Policy] {
        match self {
            Trouble::OverMemory => &[Policy::Always, Policy::Never],
            _ => &[Policy::Always],
        }
    }

    /// The fields asked: READY for the probes (what readiness decides),
    /// RESTARTS where a container can be restarted or one might think so.
    pub fn fields(self, policy: Policy) -> &'static [Field] {
        match (self, policy) {
            (t, _) if t.probed() => &[Field::Phase, Field::Status, Field::Ready, Field::Restarts],
            (Trouble::OverMemory, Policy::Always) => {
                &[Field::Phase, Field::Status, Field::Restarts]
            }
            _ => &[Field::Phase, Field::Status],
        }
    }

    /// Whether the kubelet could ever restart this card's container.
    pub fn can_restart(self, policy: Policy) -> bool {
        policy != Policy::Never
            && matches!(
                self,
                Trouble::Liveness | Trouble::SlowStart | Trouble::OverMemory
            )
    }

    /// The image of the container.
    pub fn image(self) -> &'static str {
        match self {
            Trouble::Liveness => "registry.k8s.io/e2e-test-images/agnhost:2.40",
            Trouble::OverMemory => "polinux/stress",
            _ => "nginx:1.27",
        }
    }

    /// The container's lines after `image:` (6 spaces deep) and the Pod
    /// spec's lines after `containers:` (2 spaces deep).
    fn yaml(self) -> (&'static str, &'static str) {
        match self {
            Trouble::None => ("", ""),
            Trouble::Liveness => (
                "args: [\"liveness\"]\nlivenessProbe:\n  httpGet:\n    path: /healthz\n    port: 8080\n  initialDelaySeconds: 3\n  periodSeconds: 3\n",
                "",
            ),
            Trouble::Readiness => (
                "readinessProbe:\n  httpGet:\n    path: /\n    port: 8080\n  periodSeconds: 5\n",
                "",
            ),
            Trouble::SlowStart => (
                "env:\n  - name: STARTUP_DELAY\n    value: \"60\"\nlivenessProbe:\n  httpGet:\n    path: /\n    port: 80\n  periodSeconds: 10\n  failureThreshold: 3\n",
                "",
            ),
            Trouble::SlowStartGuarded => (
                "env:\n  - name: STARTUP_DELAY\n    value: \"60\"\nlivenessProbe:\n  httpGet:\n    path: /\n    port: 80\n  periodSeconds: 10\n  failureThreshold: 3\nstartupProbe:\n  httpGet:\n    path: /\n    port: 80\n  periodSeconds: 10\n  failureThreshold: 30\n",
                "",
            ),
            Trouble::OverMemory => (
                "command: [\"stress\"]\nargs: [\"--vm\", \"1\", \"--vm-bytes\", \"250M\", \"--vm-hang\", \"1\"]\nresources:\n  requests:\n    memory: 50Mi\n  limits:\n    memory: 100Mi\n",
                "",
            ),
            Trouble::MissingConfigMapKey => (
                "env:\n  - name: MODE\n    valueFrom:\n      configMapKeyRef:\n        name: app-config\n        key: mode\n",
                "",
            ),
            Trouble::MissingConfigMapVolume => (
                "volumeMounts:\n  - name: config\n    mountPath: /etc/app\n",
                "volumes:\n  - name: config\n    configMap:\n      name: app-config\n",
            ),
        }
    }

    /// The container's settings that matter, as YAML (for the drill's
    /// scenario; the full manifest is [`Trouble::manifest`]).
    pub fn settings(self) -> String {
        let (container, pod) = self.yaml();
        format!("{container}{pod}")
    }

    /// The bare Pod the card applies, pinned to node-1.
    pub fn manifest(self, policy: Policy) -> String {
        let (container, pod) = self.yaml();
        let indent = |text: &str, n: usize| -> String {
            text.lines()
                .map(|l| format!("{}{l}\n", " ".repeat(n)))
                .collect()
        };
        format!(
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: {name}\n  labels:\n    app: {name}\nspec:\n  nodeSelector:\n    kubernetes.io/hostname: {node}\n  restartPolicy: {policy}\n  containers:\n    - name: app\n      image: {image}\n{container}{pod}",
            name = super::card::NAME,
            node = super::card::NODE,
            policy = policy.name(),
            image = self.image(),
            container = indent(container, 6),
            pod = indent(pod, 2),
        )
    }

    /// The rule that explains what the simulator showed: the Pod at the
    /// card's moment and its READY column.
    pub fn rule(self, pod: &PodState, ready: &str) -> Rule {
        let fresh = pod.restarts == 0 && pod.status == "Running";
        match (self, pod.phase.as_str(), pod.status.as_str()) {
            (_, "Pending", "CreateContainerConfigError") => Rule::Trouble(Why::ConfigMissing),
            (Trouble::MissingConfigMapVolume, "Pending", "ContainerCreating") => {
                Rule::Trouble(Why::VolumeMissing)
            }
            (_, "Pending", _) => Rule::Starting,
            (Trouble::OverMemory, _, _) => Rule::Trouble(Why::OomKilled),
            (Trouble::Liveness, _, _) if fresh => Rule::Trouble(Why::ProbesPassing),
            (Trouble::Liveness, _, _) => Rule::Trouble(Why::LivenessRestarts),
            (Trouble::Readiness, _, _) => Rule::Trouble(Why::NeverReady),
            (Trouble::SlowStart, _, _) if fresh => Rule::Trouble(Why::SlowStartCounting),
            (Trouble::SlowStart, _, _) => Rule::Trouble(Why::SlowStartKilled),
            (Trouble::SlowStartGuarded, _, _) if ready == "1/1" => {
                Rule::Trouble(Why::StartupPassed)
            }
            (Trouble::SlowStartGuarded, _, _) => Rule::Trouble(Why::StartupWaiting),
            _ => Rule::Running,
        }
    }
}

/// The trouble cards, after the others: each trouble × its policies ×
/// the five moments × its fields.
pub fn cards() -> Vec<Card> {
    let mut out = Vec::new();
    for trouble in Trouble::ALL {
        for &policy in trouble.policies() {
            for after_ms in TIMES_MS {
                for &field in trouble.fields(policy) {
                    out.push(Card {
                        owner: Owner::Bare,
                        policy,
                        behaviour: Behaviour::KeepsRunning,
                        image: Image::Pullable,
                        node: NodeFate::Healthy,
                        after_ms,
                        field,
                        trouble,
                    });
                }
            }
        }
    }
    out
}
