//! The kubelet's per-container back-off: client-go `flowcontrol.Backoff`
//! as the kubelet configures it (10 s doubling to a 300 s cap, no jitter).
//!
//! `Next(id, eventTime)` is called when the kubelet restarts the
//! container, and remembers *that* moment (`lastUpdate = clock.Now()`).
//! The entry is forgotten when the failure being judged (`eventTime`, the
//! finish time of the container that just exited) is more than twice the
//! cap (10 minutes) after the last restart: the container must have *run*
//! for 10 minutes. A container that runs 400 s and fails every time keeps
//! the 300 s back-off forever.
//! <https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#container-restarts>
//! (k8s.io/client-go/util/flowcontrol/backoff.go `hasExpired`)

pub const INITIAL_MS: u64 = 10_000;
pub const MAX_MS: u64 = 300_000;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Backoff {
    delay_ms: Option<u64>,
    /// When `next` was last called (`lastUpdate`).
    last_update_ms: u64,
}

impl Backoff {
    fn expired(&self, event_ms: u64) -> bool {
        event_ms.saturating_sub(self.last_update_ms) > 2 * MAX_MS
    }

    /// `IsInBackOffSince(eventTime)`: when the back-off that a failure at
    /// `event_ms` falls under ends, or None when there is none to wait for.
    pub fn wait_until(&self, event_ms: u64) -> Option<u64> {
        match self.delay_ms {
            Some(d) if !self.expired(event_ms) => Some(event_ms + d),
            _ => None,
        }
    }

    /// `Next(eventTime)`, called at `now`: grow the delay (or start over
    /// when the entry has expired) and remember `now`.
    pub fn next(&mut self, event_ms: u64, now: u64) {
        self.delay_ms = Some(match self.delay_ms {
            Some(d) if !self.expired(event_ms) => (d * 2).min(MAX_MS),
            _ => INITIAL_MS,
        });
        self.last_update_ms = now;
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

    /// A container that runs `run_ms` and fails, restarted as soon as its
    /// back-off allows: the waits before each restart.
    fn waits(run_ms: u64, n: usize) -> Vec<u64> {
        let mut b = Backoff::default();
        let mut out = Vec::new();
        let mut exit = run_ms;
        for _ in 0..n {
            let restart = b.wait_until(exit).unwrap_or(exit);
            out.push((restart - exit) / 1000);
            b.next(exit, restart);
            exit = restart + run_ms;
        }
        out
    }

    #[test]
    fn delays_double_to_the_cap_after_an_immediate_first_restart() {
        // https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#container-restarts
        assert_eq!(
            waits(5_000, 10),
            [0, 10, 20, 40, 80, 160, 300, 300, 300, 300]
        );
    }

    #[test]
    fn a_container_that_runs_400s_keeps_the_capped_delay() {
        // lastUpdate is the restart time: 400 s of running is not the
        // 10 minutes that reset the back-off.
        assert_eq!(
            waits(400_000, 10),
            [0, 10, 20, 40, 80, 160, 300, 300, 300, 300]
        );
    }

    #[test]
    fn ten_minutes_of_running_since_the_last_restart_forget_the_back_off() {
        let mut b = Backoff::default();
        b.next(0, 0);
        b.next(5_000, 15_000);
        assert_eq!(b.delay_ms(), 20_000);
        // Restarted at 15 s, ran until 615.001 s: expired, restart at once.
        let exit = 15_000 + 2 * MAX_MS + 1;
        assert_eq!(b.wait_until(exit), None);
        b.next(exit, exit);
        assert_eq!(b.delay_ms(), INITIAL_MS);
        // Exactly 10 minutes is not more than twice the cap.
        let mut b = Backoff::default();
        b.next(0, 0);
        assert_eq!(b.wait_until(2 * MAX_MS), Some(2 * MAX_MS + INITIAL_MS));
    }
}
