//! Simulated instants and durations printed the way Kubernetes prints them.

use super::clock::EPOCH_UNIX_SECS;
use std::cell::Cell;

thread_local! {
    /// The wall-clock second that simulated time 0 stands for, on this thread.
    static EPOCH: Cell<u64> = const { Cell::new(EPOCH_UNIX_SECS) };
}

/// Make simulated time 0 stand for `unix_secs` in the timestamps printed on
/// this thread (the API server of `kubetutor serve` maps the cluster's now
/// onto the wall clock, so that real kubectl computes the same ages).
pub fn set_thread_epoch(unix_secs: u64) {
    EPOCH.with(|e| e.set(unix_secs));
}

/// The wall-clock second simulated time 0 stands for on this thread.
pub fn thread_epoch() -> u64 {
    EPOCH.with(Cell::get)
}

/// kubectl's AGE column (apimachinery `HumanDuration`): `45s`, `3m20s`, `15m`,
/// `5h30m`, `2d3h`, `40d`.
pub fn human_duration(ms: u64) -> String {
    let secs = ms / 1000;
    if secs < 120 {
        return format!("{secs}s");
    }
    let minutes = secs / 60;
    if minutes < 10 {
        let s = secs % 60;
        return if s == 0 {
            format!("{minutes}m")
        } else {
            format!("{minutes}m{s}s")
        };
    }
    if minutes < 180 {
        return format!("{minutes}m");
    }
    let hours = minutes / 60;
    if hours < 8 {
        let m = minutes % 60;
        return if m == 0 {
            format!("{hours}h")
        } else {
            format!("{hours}h{m}m")
        };
    }
    if hours < 48 {
        return format!("{hours}h");
    }
    if hours < 24 * 8 {
        let h = hours % 24;
        return if h == 0 {
            format!("{}d", hours / 24)
        } else {
            format!("{}d{h}h", hours / 24)
        };
    }
    if hours < 24 * 365 * 2 {
        return format!("{}d", hours / 24);
    }
    format!("{}y", hours / 24 / 365)
}

/// Civil date from days since 1970-01-01 (proleptic Gregorian).
fn civil(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

fn parts(ms: u64) -> (i64, u32, u32, u64, u64, u64, i64) {
    let secs = thread_epoch() + ms / 1000;
    let days = (secs / 86_400) as i64;
    let rem = secs % 86_400;
    let (y, mo, d) = civil(days);
    (y, mo, d, rem / 3600, (rem / 60) % 60, rem % 60, days)
}

/// `2025-01-01T00:00:12Z`: metadata timestamps in `-o yaml`.
pub fn rfc3339(ms: u64) -> String {
    let (y, mo, d, h, mi, s, _) = parts(ms);
    format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}Z")
}

/// `Wed, 01 Jan 2025 00:00:12 +0000`: times in `kubectl describe`.
pub fn rfc1123z(ms: u64) -> String {
    const DAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let (y, mo, d, h, mi, s, days) = parts(ms);
    let wd = DAYS[days.rem_euclid(7) as usize];
    let mon = MONTHS[(mo - 1) as usize];
    format!("{wd}, {d:02} {mon} {y} {h:02}:{mi:02}:{s:02} +0000")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ages_follow_kubectl_human_duration() {
        // apimachinery/pkg/util/duration.HumanDuration, used by kubectl's AGE column.
        let s = 1000;
        assert_eq!(human_duration(0), "0s");
        assert_eq!(human_duration(45 * s), "45s");
        assert_eq!(human_duration(119 * s), "119s");
        assert_eq!(human_duration(200 * s), "3m20s");
        assert_eq!(human_duration(300 * s), "5m");
        assert_eq!(human_duration(15 * 60 * s), "15m");
        assert_eq!(human_duration(179 * 60 * s), "179m");
        assert_eq!(human_duration(330 * 60 * s), "5h30m");
        assert_eq!(human_duration(30 * 3600 * s), "30h");
        assert_eq!(human_duration(51 * 3600 * s), "2d3h");
        assert_eq!(human_duration(40 * 86_400 * s), "40d");
        assert_eq!(human_duration(800 * 86_400 * s), "2y");
    }

    #[test]
    fn timestamps_start_at_the_epoch() {
        assert_eq!(rfc3339(0), "2025-01-01T00:00:00Z");
        assert_eq!(rfc3339(3_723_000), "2025-01-01T01:02:03Z");
        assert_eq!(rfc3339(59 * 86_400_000), "2025-03-01T00:00:00Z");
        assert_eq!(rfc1123z(12_000), "Wed, 01 Jan 2025 00:00:12 +0000");
        assert_eq!(rfc1123z(86_400_000), "Thu, 02 Jan 2025 00:00:00 +0000");
    }
}
