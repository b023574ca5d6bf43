//! A card's answer, from the simulator: the card's setup is played with
//! [`crate::quiz::predict::play`] (`Cluster::from_setup`, `advance`,
//! `observe`), exactly as a `predict` question is, and the observed value is
//! the answer. Nothing here knows what the answer should be.

use super::card::{self, Card, Field, Owner, Trouble};
use super::explain::Rule;
use crate::quiz::normalize::normalize;
use crate::quiz::predict::{self, Moment, PodState};
use crate::quiz::spec::Observe;
use crate::sim::Cluster;
use crate::sim::clock::STEP_MS;
use crate::sim::status::node_status;

/// The answer when the pod no longer exists (a Job deleted it, or it was
/// evicted from a lost node after it had finished).
pub const GONE: &str = "(deleted)";

/// What the simulator showed for a card.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CardOutcome {
    pub card: Card,
    /// The pod the card looks at (`demo`, or the first pod its ReplicaSet
    /// or Job created).
    pub pod: String,
    /// The observed value: a phase, a STATUS, a number, or [`GONE`].
    pub value: String,
    /// The values offered as choices, in the order shown.
    pub choices: Vec<String>,
    /// The index in `choices` of `value`.
    pub answer: usize,
    /// The pod at the moment the card asks about (`None`: deleted).
    pub end: Option<PodState>,
    /// The STATUS of the pod's node at that moment (`Ready`, `NotReady`).
    pub node_status: String,
    /// The pod's phase, STATUS and restarts over the card's time.
    pub timeline: Vec<Moment>,
    /// Which rule of Kubernetes explains the answer.
    pub rule: Rule,
}

/// Play `card` on the simulator and read its answer.
pub fn outcome(card: &Card) -> Result<CardOutcome, String> {
    let setup = card.setup();
    let pod = pod_name(card)?;
    let observe = Observe {
        pod: Some(pod.clone()),
        pods: None,
        deployment: None,
        service: None,
        node: None,
        job: None,
        field: card.field.observe_field().to_string(),
        ..Observe::default()
    };
    let run = predict::play(&setup, card.after_ms, &observe, card::SEED)
        .map_err(|e| format!("card {}: {e}", card.key()))?;
    let end = run.timeline.last().and_then(|m| m.pod.clone());
    let value = match (&run.value, &end) {
        (Ok(v), Some(_)) => v.clone(),
        (Err(_), None) => GONE.to_string(),
        (Err(e), Some(_)) => return Err(format!("card {}: {e}", card.key())),
        (Ok(v), None) => v.clone(),
    };
    let node_status = run
        .cluster
        .node(card::NODE)
        .map(node_status)
        .unwrap_or_default();
    let mut choices = choices(card, &value);
    let answer = match choices
        .iter()
        .position(|c| normalize(c) == normalize(&value))
    {
        Some(i) => i,
        None => {
            // Never a card without its right answer; the tests make sure
            // every answer is one of the planned choices.
            choices.push(value.clone());
            choices.len() - 1
        }
    };
    let rule = match (card.trouble, &end) {
        (Trouble::None, _) => Rule::of(card, end.as_ref(), &node_status),
        (trouble, Some(pod)) => {
            let ready = run.cluster.observe(&Observe {
                field: Field::Ready.observe_field().to_string(),
                ..observe.clone()
            })?;
            trouble.rule(pod, &ready)
        }
        (_, None) => return Err(format!("card {}: the Pod is gone", card.key())),
    };
    Ok(CardOutcome {
        card: *card,
        pod,
        value,
        choices,
        answer,
        end,
        node_status,
        timeline: run.timeline,
        rule,
    })
}

/// The cluster a card starts from (for the TUI's cluster pane: advance it
/// by `card.after_ms` and it shows the card's answer).
pub fn start(card: &Card) -> Result<Cluster, String> {
    Cluster::from_setup(&card.setup(), card::SEED)
}

/// The pod a card asks about: `demo` for a bare pod; the first pod its
/// ReplicaSet or Job creates otherwise, found by running the same setup
/// with the same seed on a copy (the simulator is deterministic, so the
/// card's own run creates the same pod).
pub fn pod_name(card: &Card) -> Result<String, String> {
    if card.owner == Owner::Bare {
        return Ok(card::NAME.to_string());
    }
    let mut c = start(card).map_err(|e| format!("card {}: {e}", card.key()))?;
    for _ in 0..100 {
        let first = c
            .store()
            .pods()
            .iter()
            .filter(|p| p.meta.labels.get("app").map(String::as_str) == Some(card::NAME))
            .min_by_key(|p| (p.meta.creation_ms, p.meta.oid));
        if let Some(p) = first {
            return Ok(p.meta.name.clone());
        }
        c.advance(STEP_MS);
    }
    Err(format!(
        "card {}: the {} created no pod within 10 s",
        card.key(),
        match card.owner {
            Owner::ReplicaSet => "ReplicaSet",
            _ => "Job",
        }
    ))
}

/// The values offered for a card. Phases and STATUS words come from fixed
/// lists (all plausible for the card's image and node, whatever the
/// answer); RESTARTS offers four neighbouring numbers around the answer,
/// where the answer sits depends on the card.
pub fn choices(card: &Card, value: &str) -> Vec<String> {
    let job = card.owner == Owner::Job;
    let mut list: Vec<&str> = match card.field {
        Field::Phase => vec!["Pending", "Running", "Succeeded", "Failed", "Unknown"],
        Field::Ready => vec!["0/1", "1/1"],
        Field::Status if card.trouble == Trouble::OverMemory => vec![
            "ContainerCreating",
            "Running",
            "OOMKilled",
            "Error",
            "CrashLoopBackOff",
        ],
        Field::Status if card.trouble.category() == Some(card::category::MISSING_CONFIG_MAP) => {
            vec![
                "ContainerCreating",
                "CreateContainerConfigError",
                "Running",
                "Error",
                "CrashLoopBackOff",
            ]
        }
        Field::Status => {
            use card::{Image::*, NodeFate::*};
            match (card.image, card.node) {
                (Pullable, Healthy) => vec![
                    "ContainerCreating",
                    "Running",
                    "Completed",
                    "Error",
                    "CrashLoopBackOff",
                ],
                (Pullable, Lost) => vec![
                    "Running",
                    "Completed",
                    "Error",
                    "CrashLoopBackOff",
                    "Unknown",
                    "Terminating",
                ],
                (Typo, Healthy) => vec![
                    "Pending",
                    "ContainerCreating",
                    "ErrImagePull",
                    "ImagePullBackOff",
                    "Running",
                ],
                (Typo, Lost) => vec![
                    "Pending",
                    "ErrImagePull",
                    "ImagePullBackOff",
                    "Running",
                    "Unknown",
                    "Terminating",
                ],
            }
        }
        Field::Restarts => {
            let n: u32 = value.parse().unwrap_or(0);
            let shift = (fnv(&card.key()) % 4) as u32;
            let first = n.saturating_sub(shift);
            let mut numbers: Vec<String> = (first..first + 4).map(|i| i.to_string()).collect();
            if job || card.node == card::NodeFate::Lost {
                numbers.push(GONE.to_string());
            }
            return numbers;
        }
    };
    // A Job deletes its pod when it gives up; a finished pod on a lost node
    // is deleted once it is evicted.
    if job || card.node == card::NodeFate::Lost {
        list.push(GONE);
    }
    list.into_iter().map(String::from).collect()
}

fn fnv(text: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}
