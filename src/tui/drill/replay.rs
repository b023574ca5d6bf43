//! A card's own cluster, for the drill's cluster pane.
//!
//! The cluster is built with [`outcome::start`] (the card's setup, with the
//! card seed), exactly as the session's answer was computed; it waits at the
//! card's 0:00 until the card is answered, then plays at a fast speed and
//! stops exactly `card.after_ms` later: the moment the card asks about. The
//! simulator gives the same result however time is sliced, so what the pane
//! ends on is what the answer was checked against.

use crate::quiz::drill::card::Card;
use crate::quiz::drill::outcome;
use crate::quiz::predict::PodState;
use crate::quiz::spec::Observe;
use crate::sim::Cluster;
use crate::tui::cluster::flow::Flow;
use crate::tui::cluster::live::MAX_TICK_MS;

/// About how long (real time) a replay takes: the speed is chosen so the
/// card's time passes in at most this long (and never slower than 1×).
pub const REPLAY_MS: u64 = 4_000;

/// Where the replay is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// At the card's 0:00, waiting for the answer.
    Waiting,
    Playing,
    /// At the card's moment.
    Done,
}

pub struct Replay {
    card: Card,
    /// The pod the card asks about.
    pod: String,
    cluster: Cluster,
    flow: Flow,
    /// Simulated time of the card's 0:00 (the end of its setup).
    start_ms: u64,
    /// Simulated time given to the cluster since 0:00.
    played_ms: u64,
    stage: Stage,
    /// Simulated milliseconds per real millisecond.
    speed: u64,
    /// The pod was seen at some point of the replay (so its absence later
    /// means it was deleted, not that it is not created yet).
    seen_pod: bool,
    /// The card's setup failed (the session would have skipped the card,
    /// so this is only a guard).
    pub error: Option<String>,
}

impl Replay {
    /// The card's cluster at its 0:00, waiting; `pod` is the pod the card
    /// looks at ([`crate::quiz::drill::CardOutcome::pod`]).
    pub fn new(card: &Card, pod: &str) -> Replay {
        let (cluster, error) = match outcome::start(card) {
            Ok(c) => (c, None),
            Err(e) => (Cluster::new(crate::quiz::drill::card::SEED), Some(e)),
        };
        let mut replay = Replay {
            card: *card,
            pod: pod.to_string(),
            flow: Flow::quiet(&cluster),
            start_ms: cluster.now(),
            cluster,
            played_ms: 0,
            stage: Stage::Waiting,
            speed: speed_for(card.after_ms),
            seen_pod: false,
            error,
        };
        replay.seen_pod = replay.pod_state().is_some();
        replay
    }

    /// Start playing (from where it is).
    pub fn play(&mut self) {
        if self.stage == Stage::Waiting {
            self.stage = if self.card.after_ms == 0 {
                Stage::Done
            } else {
                Stage::Playing
            };
        }
    }

    /// Build the card's cluster again and play it from 0:00.
    pub fn restart(&mut self) {
        *self = Replay::new(&self.card, &self.pod);
        self.play();
    }

    /// Real time passed: while playing, the cluster runs for it times the
    /// speed, never past the card's moment; the lights move one tick.
    pub fn tick(&mut self, real_ms: u64) {
        if self.stage == Stage::Playing {
            let left = self.card.after_ms.saturating_sub(self.played_ms);
            let run = (real_ms.min(MAX_TICK_MS) * self.speed).min(left);
            self.cluster.advance(run);
            self.played_ms += run;
            if self.played_ms >= self.card.after_ms {
                self.stage = Stage::Done;
            }
            self.seen_pod |= self.pod_state().is_some();
        }
        self.flow.collect(&self.cluster);
        self.flow.tick();
    }

    pub fn stage(&self) -> Stage {
        self.stage
    }

    pub fn card(&self) -> &Card {
        &self.card
    }

    pub fn pod(&self) -> &str {
        &self.pod
    }

    pub fn cluster(&self) -> &Cluster {
        &self.cluster
    }

    pub fn flow(&self) -> &Flow {
        &self.flow
    }

    /// Simulated time since the card's 0:00.
    pub fn elapsed_ms(&self) -> u64 {
        self.cluster.now().saturating_sub(self.start_ms)
    }

    pub fn speed(&self) -> u64 {
        self.speed
    }

    /// Whether the pod was there at some point of the replay.
    pub fn seen_pod(&self) -> bool {
        self.seen_pod
    }

    /// What the card asks, read from this cluster now (`Err`: the pod does
    /// not exist).
    pub fn observe(&self) -> Result<String, String> {
        self.cluster
            .observe(&self.observe_spec(self.card.field.observe_field()))
    }

    /// The card's pod as `kubectl get pods` shows it now.
    pub fn pod_state(&self) -> Option<PodState> {
        let read = |field: &str| self.cluster.observe(&self.observe_spec(field)).ok();
        Some(PodState {
            phase: read("phase")?,
            status: read("status")?,
            restarts: read("restarts")?.parse().ok()?,
        })
    }

    fn observe_spec(&self, field: &str) -> Observe {
        Observe {
            pod: Some(self.pod.clone()),
            pods: None,
            deployment: None,
            service: None,
            node: None,
            job: None,
            field: field.to_string(),
            ..Observe::default()
        }
    }
}

/// The replay speed for a card looking `after_ms` ahead: 5 s plays at 2×,
/// 2 min at 30×, 15 min at 225×.
pub fn speed_for(after_ms: u64) -> u64 {
    after_ms.div_ceil(REPLAY_MS).max(1)
}
