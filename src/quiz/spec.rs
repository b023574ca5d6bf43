//! The `quiz` block of a lesson, as written by an instructor.
//!
//! ```yaml
//! id: phase-after-exit-1
//! kind: choice              # choice | multi | order | text | predict
//! question: A container exits with code 1 and restartPolicy is Never. Phase?
//! choices:
//!   - text: Failed
//!     correct: true
//!     why: All containers ended and one of them failed.
//!   - text: Succeeded
//!     why: Succeeded needs every container to exit with 0.
//! hints: ["Look at the exit code."]
//! explain: Shown once the question is answered.
//! ```
//!
//! Choices are shown shuffled (see [`super::shuffle`]); `shuffle: false`
//! keeps them in the order written, for choices with a natural order.
//!
//! `answer:` may name the correct choice (its text, or its 1-based number)
//! instead of `correct: true`; for `multi` it is a list. `order` lists `items`
//! in the right order (they are shown shuffled); `text` lists accepted answers
//! in `accept`. `predict` gives a `setup`, how long to wait (`after`) and what
//! to `observe`: the right answer is what the simulator shows, and `expect`
//! (optional) lets `kubetutor lint` prove the lesson agrees with the engine.

use crate::sim::setup::Setup;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuizKind {
    Choice,
    Multi,
    Order,
    Text,
    Predict,
}

impl QuizKind {
    pub fn name(self) -> &'static str {
        match self {
            QuizKind::Choice => "choice",
            QuizKind::Multi => "multi",
            QuizKind::Order => "order",
            QuizKind::Text => "text",
            QuizKind::Predict => "predict",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    pub text: String,
    /// Shown when this choice is picked, right or wrong.
    #[serde(default)]
    pub why: Option<String>,
    #[serde(default)]
    pub correct: bool,
    /// For `predict`: the simulator value this choice stands for (`Failed`,
    /// `CrashLoopBackOff`, `3`). Defaults to `text`.
    #[serde(default)]
    pub value: Option<String>,
}

impl Choice {
    /// The value compared with the simulator's outcome in a `predict` question.
    pub fn value(&self) -> &str {
        self.value.as_deref().unwrap_or(&self.text)
    }
}

/// `answer:` — one choice (its text or 1-based number) or several.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum AnswerKey {
    Number(u32),
    Text(String),
    Many(Vec<AnswerKeyItem>),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum AnswerKeyItem {
    Number(u32),
    Text(String),
}

/// What a `predict` question looks at after the wait. Exactly one target.
///
/// ```yaml
/// observe: { pod: crash-demo, field: status }      # phase | status | restarts | ready | node
/// observe: { pods: "app=web", field: running }     # count of Running pods
/// observe: { deployment: web, field: ready }       # ready replicas
/// observe: { service: web, field: endpoints }      # endpoint count
/// observe: { node: node-1, field: status }         # Ready | NotReady
/// observe: { job: pi, field: status }              # Complete | Failed | Running
/// observe: { statefulset: web, field: pods }        # web-0,web-1
/// observe: { cronjob: hello, field: active }        # running Jobs
/// observe: { pvc: data, field: status }             # Pending | Bound
/// observe: { quota: compute, field: used:pods }     # used of one resource
/// ```
/// The fields of each target are listed in lessons/README.md.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Observe {
    #[serde(default)]
    pub pod: Option<String>,
    #[serde(default)]
    pub pods: Option<String>,
    #[serde(default)]
    pub deployment: Option<String>,
    #[serde(default)]
    pub service: Option<String>,
    #[serde(default)]
    pub node: Option<String>,
    #[serde(default)]
    pub job: Option<String>,
    #[serde(default)]
    pub statefulset: Option<String>,
    #[serde(default)]
    pub cronjob: Option<String>,
    #[serde(default)]
    pub pvc: Option<String>,
    #[serde(default)]
    pub quota: Option<String>,
    pub field: String,
}

impl Observe {
    /// The object observed, as kubectl names its kind, and its name (or
    /// selector for `pods`): `("pod", "crash-demo")`, `("pods", "app=web")`.
    pub fn target(&self) -> Option<(&'static str, &str)> {
        [
            ("pod", &self.pod),
            ("pods", &self.pods),
            ("deployment", &self.deployment),
            ("service", &self.service),
            ("node", &self.node),
            ("job", &self.job),
            ("statefulset", &self.statefulset),
            ("cronjob", &self.cronjob),
            ("pvc", &self.pvc),
            ("quota", &self.quota),
        ]
        .into_iter()
        .find_map(|(kind, name)| name.as_deref().map(|n| (kind, n)))
    }

    /// How many targets are named (a question must name exactly one).
    pub fn target_count(&self) -> usize {
        [
            &self.pod,
            &self.pods,
            &self.deployment,
            &self.service,
            &self.node,
            &self.job,
            &self.statefulset,
            &self.cronjob,
            &self.pvc,
            &self.quota,
        ]
        .into_iter()
        .filter(|t| t.is_some())
        .count()
    }
}

/// The targets an `observe` can name, for messages.
pub const OBSERVE_TARGETS: &str =
    "pod, pods, deployment, service, node, job, statefulset, cronjob, pvc, quota";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuizSpec {
    pub id: String,
    pub kind: QuizKind,
    pub question: String,
    #[serde(default)]
    pub choices: Vec<Choice>,
    #[serde(default)]
    pub answer: Option<AnswerKey>,
    /// `order`: the items in the correct order.
    #[serde(default)]
    pub items: Vec<String>,
    /// `text`: every accepted answer, in both languages ("etcd", "이티시디").
    #[serde(default)]
    pub accept: Vec<String>,
    #[serde(default)]
    pub hints: Vec<String>,
    /// Shown after the question is answered or revealed.
    #[serde(default)]
    pub explain: Option<String>,
    /// `predict`: the cluster the question starts from.
    #[serde(default)]
    pub setup: Option<Setup>,
    /// `predict`: how much simulated time passes before looking (`90s`).
    #[serde(default)]
    pub after: Option<String>,
    #[serde(default)]
    pub observe: Option<Observe>,
    /// `predict`: the value the author expects; lint proves it.
    #[serde(default)]
    pub expect: Option<String>,
    /// `choice`, `multi`, `predict`: show the choices shuffled (the
    /// default). `shuffle: false` keeps the lesson's order, for choices
    /// with a natural one (`0, 1, 2, 3` restarts); lint warns when a
    /// lesson's opted-out questions always have their answer first.
    #[serde(default = "shuffled", skip_serializing_if = "is_shuffled")]
    pub shuffle: bool,
}

fn shuffled() -> bool {
    true
}

fn is_shuffled(shuffle: &bool) -> bool {
    *shuffle
}
