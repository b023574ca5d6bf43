//! The kubelet's per-container back-off (client-go `flowcontrol.Backoff` as
//! the kubelet configures it): 10 s doubling to a 300 s cap, forgotten when
//! the previous failure is more than twice the cap (10 minutes) old.
//! <https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#container-restarts>

pub const INITIAL_MS: u64 = 10_000;
pub const MAX_MS: u64 = 300_000;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Backoff {
    delay_ms: Option<u64>,
    last_ms: u64,
}

impl Backoff {
    fn expired(&self, event_ms: u64) -> bool {
        event_ms.saturating_sub(self.last_ms) > 2 * MAX_MS
    }

    /// When the back-off that `event_ms` (a failure) falls under ends, or
    /// None when there is no back-off to wait for.
    pub fn wait_until(&self, event_ms: u64) -> Option<u64> {
        match self.delay_ms {
            Some(d) if !self.expired(event_ms) => Some(event_ms + d),
            _ => None,
        }
    }

    /// Record a failure at `event_ms` and grow the delay for the next one.
    pub fn next(&mut self, event_ms: u64) {
        self.delay_ms = Some(match self.delay_ms {
            Some(d) if !self.expired(event_ms) => (d * 2).min(MAX_MS),
            _ => INITIAL_MS,
        });
        self.last_ms = event_ms;
    }

    /// The current delay (for messages like `back-off 20s restarting ...`).
    pub fn delay_ms(&self) -> u64 {
        self.delay_ms.unwrap_or(INITIAL_MS)
    }

    pub fn reset(&mut self) {
        *self = Backoff::default();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delays_double_to_the_cap_and_reset_after_ten_minutes() {
        // https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#container-restarts
        let mut b = Backoff::default();
        assert_eq!(b.wait_until(0), None, "the first failure restarts at once");
        b.next(0);
        let mut t = 5_000;
        let mut waits = Vec::new();
        for _ in 0..8 {
            let until = b.wait_until(t).unwrap();
            waits.push((until - t) / 1000);
            b.next(t);
            t = until + 5_000;
        }
        assert_eq!(waits, [10, 20, 40, 80, 160, 300, 300, 300]);
        // Ran for more than 10 minutes since the last failure: forgotten.
        let long = t + 2 * MAX_MS + 1;
        assert_eq!(b.wait_until(long), None);
        b.next(long);
        assert_eq!(b.delay_ms(), INITIAL_MS);
    }
}
