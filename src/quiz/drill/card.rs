//! One drill card: a pod set up a certain way, a moment, and what is asked.
//! The card is only the question: its answer is whatever the simulator
//! shows when the card's manifest is applied ([`mod@super::outcome`]).

pub use super::trouble::Trouble;
use crate::sim::setup::Setup;

/// `restartPolicy` of the pod.
/// <https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#restart-policy>
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Policy {
    Always,
    OnFailure,
    Never,
}

/// What the container does once it starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Behaviour {
    /// Does its work and exits with code 0 at once.
    ExitsZero,
    /// Fails at once: exit code 1.
    ExitsOne,
    /// A server that keeps running.
    KeepsRunning,
    /// Runs for 5 seconds, then crashes (exit code 1), every time it starts.
    Crashes,
}

/// Whether the image can be pulled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Image {
    Pullable,
    /// A typo in the image name: the pull fails every time.
    Typo,
}

/// What happens to the node the pod runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum NodeFate {
    Healthy,
    /// 20 s after the pod is created, its node loses power.
    Lost,
}

/// Who created the pod.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Owner {
    /// A pod created on its own.
    Bare,
    /// A ReplicaSet with one replica: its pods must use `Always`.
    ReplicaSet,
    /// A Job: its pods must use `Never` or `OnFailure`.
    Job,
}

/// What the card asks about the pod.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    /// `status.phase` (easy).
    Phase,
    /// The kubectl STATUS column (hard).
    Status,
    /// The kubectl RESTARTS column (hard).
    Restarts,
    /// The kubectl READY column (hard; asked of the probe cards).
    Ready,
}

/// How hard a card is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Level {
    Easy,
    Hard,
}

/// The groups the drill reports accuracy for. The strings are stable:
/// they are kept in the progress file.
pub mod category {
    pub const RESTART_POLICY: &str = "restartPolicy";
    pub const IMAGE_PULL: &str = "image pull";
    pub const NODE_LOSS: &str = "node loss";
    pub const OWNER: &str = "owner";
    pub const PROBES: &str = "probes";
    pub const OOM_KILLED: &str = "OOMKilled";
    pub const MISSING_CONFIG_MAP: &str = "missing ConfigMap";
    pub const ALL: [&str; 7] = [
        RESTART_POLICY,
        IMAGE_PULL,
        NODE_LOSS,
        OWNER,
        PROBES,
        OOM_KILLED,
        MISSING_CONFIG_MAP,
    ];
}

/// The moments a card can ask about, in milliseconds: just started, after
/// the first restarts, in a long back-off, past the node controller's
/// 50 s grace period and the 300 s eviction, long after.
pub const TIMES_MS: [u64; 5] = [5_000, 30_000, 120_000, 360_000, 900_000];

/// When a lost node goes down, after the pod is created.
pub const NODE_LOSS_AT_MS: u64 = 20_000;

/// The name of the pod, ReplicaSet or Job a card creates.
pub const NAME: &str = "demo";

/// The node every card's pod runs on.
pub const NODE: &str = "node-1";

/// The seed every card is played with: a card always has the same answer.
pub const SEED: u64 = 1;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Card {
    pub owner: Owner,
    pub policy: Policy,
    pub behaviour: Behaviour,
    pub image: Image,
    pub node: NodeFate,
    /// How long after the pod is created (or, for a lost node, after the
    /// node went down) the card looks.
    pub after_ms: u64,
    pub field: Field,
    /// What goes wrong inside the Pod ([`Trouble::None`] for the
    /// restartPolicy, image, node and owner cards).
    pub trouble: Trouble,
}

impl Policy {
    pub const ALL: [Policy; 3] = [Policy::Always, Policy::OnFailure, Policy::Never];

    pub fn name(self) -> &'static str {
        match self {
            Policy::Always => "Always",
            Policy::OnFailure => "OnFailure",
            Policy::Never => "Never",
        }
    }
}

impl Behaviour {
    pub const ALL: [Behaviour; 4] = [
        Behaviour::ExitsZero,
        Behaviour::ExitsOne,
        Behaviour::KeepsRunning,
        Behaviour::Crashes,
    ];

    fn key(self) -> &'static str {
        match self {
            Behaviour::ExitsZero => "exit0",
            Behaviour::ExitsOne => "exit1",
            Behaviour::KeepsRunning => "running",
            Behaviour::Crashes => "crashing",
        }
    }
}

impl Owner {
    pub const ALL: [Owner; 3] = [Owner::Bare, Owner::ReplicaSet, Owner::Job];

    /// The restart policies the API server accepts for this owner's pods.
    /// <https://kubernetes.io/docs/concepts/workloads/controllers/replicaset/#pod-template>
    /// <https://kubernetes.io/docs/concepts/workloads/controllers/job/#pod-template>
    pub fn policies(self) -> &'static [Policy] {
        match self {
            Owner::Bare => &Policy::ALL,
            Owner::ReplicaSet => &[Policy::Always],
            Owner::Job => &[Policy::OnFailure, Policy::Never],
        }
    }

    fn key(self) -> &'static str {
        match self {
            Owner::Bare => "pod",
            Owner::ReplicaSet => "rs",
            Owner::Job => "job",
        }
    }
}

impl Field {
    fn key(self) -> &'static str {
        match self {
            Field::Phase => "phase",
            Field::Status => "status",
            Field::Restarts => "restarts",
            Field::Ready => "ready",
        }
    }

    /// The `observe` field of a predict question.
    pub fn observe_field(self) -> &'static str {
        self.key()
    }
}

/// `5s`, `30s`, `2m`, `6m`, `15m`.
pub fn time_key(ms: u64) -> String {
    if ms.is_multiple_of(60_000) {
        format!("{}m", ms / 60_000)
    } else if ms.is_multiple_of(1000) {
        format!("{}s", ms / 1000)
    } else {
        format!("{ms}ms")
    }
}

impl Card {
    /// The stable key the review state is kept under, like
    /// `status/job/onfailure/exit1/ok/up/2m` (`ready/liveness/always/2m`
    /// for a card with a [`Trouble`]).
    pub fn key(&self) -> String {
        if let Some(trouble) = self.trouble.key() {
            return format!(
                "{}/{trouble}/{}/{}",
                self.field.key(),
                self.policy.name().to_ascii_lowercase(),
                time_key(self.after_ms)
            );
        }
        format!(
            "{}/{}/{}/{}/{}/{}/{}",
            self.field.key(),
            self.owner.key(),
            self.policy.name().to_ascii_lowercase(),
            self.behaviour.key(),
            match self.image {
                Image::Pullable => "ok",
                Image::Typo => "typo",
            },
            match self.node {
                NodeFate::Healthy => "up",
                NodeFate::Lost => "lost",
            },
            time_key(self.after_ms)
        )
    }

    /// The group this card counts in: a failing pull or a lost node
    /// decides everything else; then who owns the pod; then the
    /// restartPolicy and what the container does.
    pub fn category(&self) -> &'static str {
        if let Some(category) = self.trouble.category() {
            category
        } else if self.image == Image::Typo {
            category::IMAGE_PULL
        } else if self.node == NodeFate::Lost {
            category::NODE_LOSS
        } else if self.owner != Owner::Bare {
            category::OWNER
        } else {
            category::RESTART_POLICY
        }
    }

    pub fn level(&self) -> Level {
        match self.field {
            Field::Phase => Level::Easy,
            Field::Status | Field::Restarts | Field::Ready => Level::Hard,
        }
    }

    /// The same card asking another field.
    pub fn with_field(mut self, field: Field) -> Card {
        self.field = field;
        self
    }

    /// The image name and the container's command.
    pub fn container(&self) -> (&'static str, Option<&'static str>) {
        match (self.image, self.behaviour) {
            (Image::Typo, Behaviour::KeepsRunning) => ("ngnix:1.27", None),
            (Image::Typo, _) => ("busybx:1.36", Some("echo done; exit 0")),
            (Image::Pullable, Behaviour::KeepsRunning) => ("nginx:1.27", None),
            (Image::Pullable, Behaviour::ExitsZero) => ("busybox:1.36", Some("echo done; exit 0")),
            (Image::Pullable, Behaviour::ExitsOne) => ("busybox:1.36", Some("echo failed; exit 1")),
            (Image::Pullable, Behaviour::Crashes) => ("busybox:1.36", Some("sleep 5; exit 1")),
        }
    }

    /// The manifest the card applies (YAML), its pod pinned to `node-1`.
    pub fn manifest(&self) -> String {
        if self.trouble != Trouble::None {
            return self.trouble.manifest(self.policy);
        }
        let (image, command) = self.container();
        let mut pod = format!(
            "nodeSelector:\n  kubernetes.io/hostname: {NODE}\nrestartPolicy: {}\ncontainers:\n  - name: app\n    image: {image}\n",
            self.policy.name()
        );
        if let Some(cmd) = command {
            pod.push_str(&format!("    command: [\"sh\", \"-c\", \"{cmd}\"]\n"));
        }
        let indent = |text: &str, n: usize| -> String {
            text.lines()
                .map(|l| format!("{}{l}\n", " ".repeat(n)))
                .collect()
        };
        match self.owner {
            Owner::Bare => format!(
                "apiVersion: v1\nkind: Pod\nmetadata:\n  name: {NAME}\n  labels:\n    app: {NAME}\nspec:\n{}",
                indent(&pod, 2)
            ),
            Owner::ReplicaSet => format!(
                "apiVersion: apps/v1\nkind: ReplicaSet\nmetadata:\n  name: {NAME}\nspec:\n  replicas: 1\n  selector:\n    matchLabels:\n      app: {NAME}\n  template:\n    metadata:\n      labels:\n        app: {NAME}\n    spec:\n{}",
                indent(&pod, 6)
            ),
            Owner::Job => format!(
                "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: {NAME}\nspec:\n  template:\n    metadata:\n      labels:\n        app: {NAME}\n    spec:\n{}",
                indent(&pod, 6)
            ),
        }
    }

    /// The cluster the card starts from: the manifest applied, and for a
    /// lost node, 20 s later, the node going down. The card's time counts
    /// from the end of this setup.
    pub fn setup(&self) -> Setup {
        let commands = match self.node {
            NodeFate::Healthy => Vec::new(),
            NodeFate::Lost => vec![
                format!("wait {}", time_key(NODE_LOSS_AT_MS)),
                format!("fault node-down {NODE}"),
            ],
        };
        Setup {
            apply: Some(self.manifest()),
            commands,
            ..Setup::default()
        }
    }

    /// Whether the kubelet could ever restart this card's container (so
    /// asking RESTARTS can have an answer other than 0).
    pub fn can_restart(&self) -> bool {
        if self.trouble != Trouble::None {
            return self.trouble.can_restart(self.policy);
        }
        self.image == Image::Pullable
            && match (self.policy, self.behaviour) {
                (_, Behaviour::KeepsRunning) | (Policy::Never, _) => false,
                (Policy::Always, _) => true,
                (Policy::OnFailure, b) => b != Behaviour::ExitsZero,
            }
    }
}

/// Every card of the drill, in a fixed order.
///
/// restartPolicy × behaviour × image × node × owner × time, as the API
/// allows it (a ReplicaSet's pods are `Always`, a Job's `Never` or
/// `OnFailure`). With an image that cannot be pulled the container never
/// starts, so what it would do does not matter: those cards use one
/// behaviour (a server for a bare pod or a ReplicaSet, a batch task for a
/// Job) instead of four identical runs. Every combination is asked as a
/// phase card and a STATUS card; those whose container the kubelet can
/// restart also as a RESTARTS card.
pub fn all() -> Vec<Card> {
    let mut out = Vec::new();
    for owner in Owner::ALL {
        for &policy in owner.policies() {
            for image in [Image::Pullable, Image::Typo] {
                let behaviours: &[Behaviour] = match (image, owner) {
                    (Image::Pullable, _) => &Behaviour::ALL,
                    (Image::Typo, Owner::Job) => &[Behaviour::ExitsZero],
                    (Image::Typo, _) => &[Behaviour::KeepsRunning],
                };
                for &behaviour in behaviours {
                    for node in [NodeFate::Healthy, NodeFate::Lost] {
                        for after_ms in TIMES_MS {
                            let card = Card {
                                owner,
                                policy,
                                behaviour,
                                image,
                                node,
                                after_ms,
                                field: Field::Phase,
                                trouble: Trouble::None,
                            };
                            out.push(card);
                            out.push(card.with_field(Field::Status));
                            if card.can_restart() {
                                out.push(card.with_field(Field::Restarts));
                            }
                        }
                    }
                }
            }
        }
    }
    out.extend(super::trouble::cards());
    out
}

/// The card with this key, if the drill has it.
pub fn by_key(key: &str) -> Option<Card> {
    all().into_iter().find(|c| c.key() == key)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn keys_are_unique_and_owners_follow_the_api_rules() {
        let cards = all();
        let keys: BTreeSet<String> = cards.iter().map(Card::key).collect();
        assert_eq!(keys.len(), cards.len());
        for c in &cards {
            match c.owner {
                Owner::ReplicaSet => assert_eq!(c.policy, Policy::Always),
                Owner::Job => assert_ne!(c.policy, Policy::Always),
                Owner::Bare => {}
            }
        }
        assert_eq!(
            by_key("status/job/onfailure/exit1/ok/up/2m").map(|c| c.key()),
            Some("status/job/onfailure/exit1/ok/up/2m".to_string())
        );
        assert_eq!(by_key("never/exit1"), None);
    }

    #[test]
    fn the_deck_has_the_expected_size() {
        // (pod 3 + rs 1 + job 2 policies) × (4 pullable + 1 typo behaviours)
        // × 2 nodes × 5 times, each as phase and STATUS; plus RESTARTS for
        // the restartable ones: pod Always 3, pod OnFailure 2, rs 3, job
        // OnFailure 2 behaviours × 2 nodes × 5 times.
        let cards = all();
        let combos = 6 * 5 * 2 * 5;
        let restarts = (3 + 2 + 3 + 2) * 2 * 5;
        // The trouble cards: four probe scenarios (phase, STATUS, READY,
        // RESTARTS), the memory hog with Always (phase, STATUS, RESTARTS)
        // and Never (phase, STATUS), two missing ConfigMaps (phase, STATUS),
        // at five moments each.
        let trouble = (4 * 4 + 3 + 2 + 2 * 2) * 5;
        assert_eq!(cards.len(), combos * 2 + restarts + trouble);
    }
}
