//! Clusters that many callers start from alike, built once per thread and
//! then copied. The default cluster of a seed and each named scenario are
//! the same every time they are built (the simulator is deterministic given
//! a seed), and building one (nodes registered, the control plane's Pods,
//! kube-system's objects, a scenario played until it settles) costs far more
//! than copying it. Predict replays, exercise checks, `lint`, the drill,
//! `scenario` and `reset` all start from one.
//!
//! A copy is the whole state, random generators and clock included, so what
//! follows is exactly what would have followed a fresh build;
//! `tests/sim_built.rs` checks it.

use super::Cluster;
use std::cell::RefCell;

/// Scenario clusters kept per thread (a lesson uses a handful).
const SCENARIOS_KEPT: usize = 4;

thread_local! {
    static DEFAULT: RefCell<Option<Cluster>> = const { RefCell::new(None) };
    static SCENARIOS: RefCell<Vec<(String, u64, Cluster)>> = const { RefCell::new(Vec::new()) };
}

/// The default cluster of `seed`: a copy of the one built last on this
/// thread when the seed is the same, else a new one (kept for next time).
pub(super) fn default_cluster(seed: u64, build: impl FnOnce() -> Cluster) -> Cluster {
    DEFAULT.with(|slot| {
        if let Some(c) = slot.borrow().as_ref().filter(|c| c.seed() == seed) {
            return c.clone();
        }
        let built = build();
        *slot.borrow_mut() = Some(built.clone());
        built
    })
}

/// Scenario `name` on the default cluster of `seed`, built by `build` the
/// first time; a failure is not kept.
pub(super) fn scenario_cluster(
    name: &str,
    seed: u64,
    build: impl FnOnce() -> Result<Cluster, String>,
) -> Result<Cluster, String> {
    let kept = SCENARIOS.with(|list| {
        list.borrow()
            .iter()
            .find(|(n, s, _)| n == name && *s == seed)
            .map(|(_, _, c)| c.clone())
    });
    if let Some(c) = kept {
        return Ok(c);
    }
    let built = build()?;
    SCENARIOS.with(|list| {
        let mut list = list.borrow_mut();
        if list.len() == SCENARIOS_KEPT {
            list.remove(0);
        }
        list.push((name.to_string(), seed, built.clone()));
    });
    Ok(built)
}
