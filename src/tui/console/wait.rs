//! A long `wait` typed in the command bar runs in slices, a few per tick,
//! so the tutor keeps drawing and answering keys while simulated time
//! passes; Esc stops it where it is. (`kubetutor sim` and lesson setups
//! run a wait in one go: nobody is watching them.)

use super::Output;
use crate::duration::format_millis;
use crate::sim::Cluster;

/// Simulated time one slice advances.
pub const SLICE_MS: u64 = 1_000;

/// Slices one tick runs at most (ten simulated minutes): a wait of an hour
/// takes at least six ticks, each short enough not to be felt.
pub const SLICES_PER_TICK: u64 = 600;

/// On a large cluster (more pods than [`LARGE`]), a tick's slices stop
/// once this much real time has gone: such a cluster advances slowly, and
/// the interface must not freeze meanwhile. Smaller clusters always run
/// their slices in full, so what a wait does there does not depend on the
/// machine's speed.
const TICK_BUDGET: std::time::Duration = std::time::Duration::from_millis(40);

/// Pods from which a cluster counts as large.
const LARGE: usize = 1_000;

/// A wait still running.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Waiting {
    pub command: String,
    pub total_ms: u64,
    pub left_ms: u64,
}

impl Waiting {
    /// Waits longer than one slice run this way; shorter ones at once.
    pub fn start(command: &str, ms: u64) -> Option<Waiting> {
        (ms > SLICE_MS).then(|| Waiting {
            command: command.to_string(),
            total_ms: ms,
            left_ms: ms,
        })
    }

    /// Run this tick's slices; true when the wait is over.
    pub fn tick(&mut self, cluster: &mut Cluster) -> bool {
        let started = std::time::Instant::now();
        for _ in 0..SLICES_PER_TICK {
            let large = cluster.store().pods().len() > LARGE;
            if self.left_ms == 0 || (large && started.elapsed() >= TICK_BUDGET) {
                break;
            }
            let step = self.left_ms.min(SLICE_MS);
            cluster.advance(step);
            self.left_ms -= step;
        }
        self.left_ms == 0
    }

    /// What the output panel shows while it runs, when done, or stopped.
    pub fn output(&self, cluster: &Cluster, stopped: bool) -> Output {
        let done = self.total_ms - self.left_ms;
        let line = if self.left_ms == 0 {
            format!(
                "waited {}; cluster time is {}",
                format_millis(self.total_ms),
                format_millis(cluster.now())
            )
        } else if stopped {
            format!(
                "wait stopped after {} of {}; cluster time is {}",
                format_millis(done),
                format_millis(self.total_ms),
                format_millis(cluster.now())
            )
        } else {
            format!(
                "waiting: {} of {} (Esc stops); cluster time is {}",
                format_millis(done),
                format_millis(self.total_ms),
                format_millis(cluster.now())
            )
        };
        Output {
            command: self.command.clone(),
            lines: vec![line],
            ok: true,
            scroll: 0,
            column: 0,
        }
    }
}
