//! `predict` questions: the right answer is what the simulator shows.
//!
//! [`outcome`] plays a question out: `Cluster::from_setup(setup, seed)`,
//! then `after` of simulated time, then `observe`. The value observed is
//! compared (normalised) with each choice's [`Choice::value`]; the matching
//! choice is the right answer. While the time passes the observed object is
//! sampled at every simulator step, so the [`Outcome`] also carries a short
//! timeline of what the cluster did (a pod's phase, STATUS and restarts, or
//! the observed value), which is shown as the explanation.
//!
//! The run depends only on (setup, after, observe, seed): the TUI plays the
//! same question in its cluster pane by building [`start`] with the same
//! seed and advancing it by [`after_ms`], and sees the same thing.
//! Sampling does not change the run: the simulator gives the same result
//! however time is sliced.
//!
//! [`Choice::value`]: super::spec::Choice::value

use super::normalize::normalize;
use super::spec::{Observe, QuizKind, QuizSpec};
use crate::sim::Cluster;
use crate::sim::clock::STEP_MS;
use crate::sim::setup::Setup;
use crate::sim::status::pod_status;

/// The seed lesson questions are played with (plain mode, the TUI, lint),
/// so every student sees the same run.
pub const SEED: u64 = 1;

/// A pod as `kubectl get pods` shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PodState {
    pub phase: String,
    /// The STATUS column.
    pub status: String,
    pub restarts: u32,
}

/// The observed object at one moment of the wait.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Moment {
    /// Milliseconds since the wait began (0: right after the setup).
    pub at_ms: u64,
    /// The observed value; `None` while the object does not exist.
    pub value: Option<String>,
    /// For a `pod` target: the pod as kubectl shows it (`None` if absent).
    pub pod: Option<PodState>,
}

impl Moment {
    fn same_state(&self, other: &Moment) -> bool {
        self.value == other.value && self.pod == other.pod
    }
}

/// A played-out question, with the cluster as it was at the end.
#[derive(Debug, Clone)]
pub struct Run {
    /// The cluster after the wait (read anything else from it).
    pub cluster: Cluster,
    /// What `observe` read at the end: the value, or why there is none
    /// (`pods "x" not found`).
    pub value: Result<String, String>,
    /// The first moment, then one per change.
    pub timeline: Vec<Moment>,
}

/// The simulator's answer to a `predict` question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// The observed value (`CrashLoopBackOff`, `3`, `NotReady`).
    pub value: String,
    /// The choice whose value it is (0-based); `None` means the lesson
    /// offers no choice for what the cluster did: the lesson needs fixing.
    pub choice: Option<usize>,
    pub after_ms: u64,
    pub seed: u64,
    /// What the observed object went through during the wait.
    pub timeline: Vec<Moment>,
}

impl Outcome {
    /// Whether the lesson's `expect` agrees with the simulator (`None`
    /// when the question has no `expect`).
    pub fn agrees_with_expect(&self, spec: &QuizSpec) -> Option<bool> {
        spec.expect
            .as_ref()
            .map(|e| normalize(e) == normalize(&self.value))
    }
}

/// How long the question waits, from `after` (`None` means no wait).
pub fn after_ms(spec: &QuizSpec) -> Result<u64, String> {
    match &spec.after {
        None => Ok(0),
        Some(text) => crate::duration::parse_millis(text).map_err(|e| format!("`after:` {e}")),
    }
}

/// The cluster a `predict` question starts from (before the wait).
pub fn start(spec: &QuizSpec, seed: u64) -> Result<Cluster, String> {
    let setup = spec.setup.clone().unwrap_or_default();
    Cluster::from_setup(&setup, seed).map_err(|e| format!("`setup:` {e}"))
}

/// Play `setup` with `seed`, wait `after_ms` sampling `observe` at every
/// step, and read `observe` at the end.
pub fn play(setup: &Setup, after_ms: u64, observe: &Observe, seed: u64) -> Result<Run, String> {
    let mut cluster = Cluster::from_setup(setup, seed).map_err(|e| format!("`setup:` {e}"))?;
    let mut timeline = vec![sample(&cluster, observe, 0)];
    let mut waited = 0;
    while waited < after_ms {
        let step = STEP_MS.min(after_ms - waited);
        cluster.advance(step);
        waited += step;
        let now = sample(&cluster, observe, waited);
        if timeline.last().is_none_or(|last| !last.same_state(&now)) {
            timeline.push(now);
        }
    }
    let value = cluster.observe(observe);
    Ok(Run {
        cluster,
        value,
        timeline,
    })
}

/// The simulator's answer to a `predict` question played with `seed`.
/// Errors say what is wrong with the question (not a predict question, a
/// setup the simulator refuses, an object that does not exist at the end).
pub fn outcome(spec: &QuizSpec, seed: u64) -> Result<Outcome, String> {
    if spec.kind != QuizKind::Predict {
        return Err(format!(
            "quiz '{}' is a `{}` question, not `predict`",
            spec.id,
            spec.kind.name()
        ));
    }
    let observe = spec
        .observe
        .as_ref()
        .ok_or_else(|| format!("quiz '{}' has no `observe:`", spec.id))?;
    let after = after_ms(spec)?;
    let setup = spec.setup.clone().unwrap_or_default();
    let run = play(&setup, after, observe, seed).map_err(|e| format!("quiz '{}': {e}", spec.id))?;
    let value = run
        .value
        .map_err(|e| format!("quiz '{}': `observe:` {e}", spec.id))?;
    let wanted = normalize(&value);
    let choice = spec
        .choices
        .iter()
        .position(|c| normalize(c.value()) == wanted);
    Ok(Outcome {
        value,
        choice,
        after_ms: after,
        seed,
        timeline: run.timeline,
    })
}

fn sample(cluster: &Cluster, observe: &Observe, at_ms: u64) -> Moment {
    let pod = observe.pod.as_ref().and_then(|name| {
        cluster.pod("default", name).map(|p| PodState {
            phase: p.status.phase.name().to_string(),
            status: pod_status(p),
            restarts: p.restarts(),
        })
    });
    Moment {
        at_ms,
        value: cluster.observe(observe).ok(),
        pod,
    }
}
