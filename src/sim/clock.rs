//! Simulated time and the seeded random numbers every component draws from:
//! the same seed and the same commands give the same run, step for step.

/// Length of one internal simulation step. [`crate::sim::Cluster::advance`]
/// only ever runs whole steps, so how a caller slices time never changes
/// what happens.
pub const STEP_MS: u64 = 100;

/// The wall-clock instant simulated time 0 stands for (2025-01-01T00:00:00Z);
/// used only to print timestamps.
pub const EPOCH_UNIX_SECS: u64 = 1_735_689_600;

/// Simulated time in milliseconds since the cluster started.
#[derive(Debug, Clone, Default)]
pub struct Clock {
    now_ms: u64,
    carry_ms: u64,
}

impl Clock {
    pub fn now(&self) -> u64 {
        self.now_ms
    }

    /// Time asked for but not yet run because it is less than one step.
    pub fn carry(&self) -> u64 {
        self.carry_ms
    }

    /// Add `ms` to what is owed and return how many whole steps are now due.
    pub(crate) fn owe(&mut self, ms: u64) -> u64 {
        self.carry_ms = self.carry_ms.saturating_add(ms);
        let steps = self.carry_ms / STEP_MS;
        self.carry_ms %= STEP_MS;
        steps
    }

    pub(crate) fn tick(&mut self) -> u64 {
        self.now_ms += STEP_MS;
        self.now_ms
    }
}

/// SplitMix64: tiny, fast, and good enough for a simulation. Every random
/// choice in the cluster (names, pull times, tie-breaks, traffic) comes from
/// one of these, seeded from the cluster seed.
#[derive(Debug, Clone)]
pub struct Rng {
    state: u64,
}

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng {
            state: seed ^ 0x5DEE_CE66_D1CE_4E5B,
        }
    }

    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.next_u64()) * u128::from(n)) >> 64) as u64
    }

    /// A number in `lo..=hi`.
    pub fn between(&mut self, lo: u64, hi: u64) -> u64 {
        if hi <= lo {
            return lo;
        }
        lo + self.below(hi - lo + 1)
    }

    /// An independent stream derived from this one.
    pub fn fork(&mut self) -> Rng {
        Rng {
            state: self.next_u64(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_numbers() {
        let mut a = Rng::new(7);
        let mut b = Rng::new(7);
        let xs: Vec<u64> = (0..5).map(|_| a.next_u64()).collect();
        let ys: Vec<u64> = (0..5).map(|_| b.next_u64()).collect();
        assert_eq!(xs, ys);
        assert_ne!(Rng::new(8).next_u64(), xs[0]);
    }

    #[test]
    fn bounded_draws_stay_in_range() {
        let mut r = Rng::new(1);
        for _ in 0..1000 {
            assert!(r.below(10) < 10);
            let v = r.between(5, 7);
            assert!((5..=7).contains(&v));
        }
        assert_eq!(r.below(0), 0);
        assert_eq!(r.between(3, 3), 3);
    }

    #[test]
    fn time_is_owed_in_whole_steps() {
        let mut c = Clock::default();
        assert_eq!(c.owe(250), 2);
        assert_eq!(c.carry(), 50);
        assert_eq!(c.owe(50), 1);
        assert_eq!(c.carry(), 0);
        c.tick();
        assert_eq!(c.now(), STEP_MS);
    }
}
