//! Cron schedules as the CronJob controller reads them (the standard five
//! fields of `robfig/cron`'s `ParseStandard`, plus `@hourly`-style macros),
//! and the next time a schedule fires, in simulated time.
//! <https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/#schedule-syntax>

use super::clock::EPOCH_UNIX_SECS;

/// A parsed schedule: for each field, which values match.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Schedule {
    minutes: u64,
    hours: u32,
    /// Days of the month, bits 1..=31.
    dom: u32,
    /// Months, bits 1..=12.
    months: u16,
    /// Days of the week, bits 0..=6 (Sunday is 0).
    dow: u8,
    /// `*` in the day-of-month / day-of-week field (robfig's star bit):
    /// when either is a star both must match, otherwise either may.
    dom_star: bool,
    dow_star: bool,
    /// Minutes east of UTC of the schedule's time zone.
    offset_min: i64,
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];
const DAYS: [&str; 7] = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

/// Time zones the simulator knows (fixed offsets: none of them has
/// daylight saving time).
const ZONES: &[(&str, i64)] = &[
    ("UTC", 0),
    ("Etc/UTC", 0),
    ("GMT", 0),
    ("Asia/Seoul", 540),
    ("Asia/Tokyo", 540),
    ("Asia/Shanghai", 480),
    ("Asia/Singapore", 480),
    ("Asia/Kolkata", 330),
];

/// The offset of a known time zone, in minutes east of UTC.
pub fn zone_offset(zone: &str) -> Option<i64> {
    ZONES.iter().find(|(z, _)| *z == zone).map(|(_, o)| *o)
}

fn value(word: &str, names: &[&str], lo: u32) -> Result<u32, String> {
    let lower = word.to_ascii_lowercase();
    if let Some(i) = names.iter().position(|n| *n == lower) {
        return Ok(i as u32 + lo);
    }
    word.parse::<u32>().map_err(|_| {
        format!("failed to parse int from {word}: strconv.Atoi: parsing \"{word}\": invalid syntax")
    })
}

/// One field: `*`, `*/n`, `a`, `a-b`, `a-b/n`, `a/n`, lists with `,`.
fn field(text: &str, lo: u32, hi: u32, names: &[&str]) -> Result<(u64, bool), String> {
    let mut bits = 0u64;
    let mut star = false;
    for part in text.split(',') {
        let (range, step) = match part.split_once('/') {
            Some((r, s)) => {
                let step = s.parse::<u32>().map_err(|_| {
                    format!("failed to parse int from {s}: strconv.Atoi: parsing \"{s}\": invalid syntax")
                })?;
                if step == 0 {
                    return Err(format!("step of range should be a positive number: {part}"));
                }
                (r, Some(step))
            }
            None => (part, None),
        };
        let (start, end) = if range == "*" || range == "?" {
            if step.is_none() {
                star = true;
            }
            (lo, hi)
        } else if let Some((a, b)) = range.split_once('-') {
            (value(a, names, lo)?, value(b, names, lo)?)
        } else {
            let v = value(range, names, lo)?;
            (v, if step.is_some() { hi } else { v })
        };
        if start < lo {
            return Err(format!(
                "beginning of range ({start}) below minimum ({lo}): {part}"
            ));
        }
        if end > hi {
            return Err(format!("end of range ({end}) above maximum ({hi}): {part}"));
        }
        if start > end {
            return Err(format!(
                "beginning of range ({start}) beyond end of range ({end}): {part}"
            ));
        }
        let step = step.unwrap_or(1);
        let mut v = start;
        while v <= end {
            bits |= 1 << v;
            v += step;
        }
    }
    Ok((bits, star))
}

fn macro_spec(name: &str) -> Option<&'static str> {
    Some(match name {
        "@yearly" | "@annually" => "0 0 1 1 *",
        "@monthly" => "0 0 1 * *",
        "@weekly" => "0 0 * * 0",
        "@daily" | "@midnight" => "0 0 * * *",
        "@hourly" => "0 * * * *",
        _ => return None,
    })
}

impl Schedule {
    /// Parse a schedule in a time zone (`None` is the controller's, UTC).
    pub fn parse(text: &str, zone: Option<&str>) -> Result<Schedule, String> {
        let t = text.trim();
        if t.starts_with("TZ=") || t.starts_with("CRON_TZ=") {
            return Err("cannot use TZ or CRON_TZ in schedule, use timeZone field instead".into());
        }
        let t = if t.starts_with('@') {
            macro_spec(t).ok_or_else(|| format!("unrecognized descriptor: {t}"))?
        } else {
            t
        };
        let f: Vec<&str> = t.split_whitespace().collect();
        if f.len() != 5 {
            return Err(format!("expected exactly 5 fields, found {}: {t}", f.len()));
        }
        let (minutes, _) = field(f[0], 0, 59, &[])?;
        let (hours, _) = field(f[1], 0, 23, &[])?;
        let (dom, dom_star) = field(f[2], 1, 31, &[])?;
        let (months, _) = field(f[3], 1, 12, &MONTHS)?;
        let (mut dow, dow_star) = field(f[4], 0, 7, &DAYS)?;
        if dow & (1 << 7) != 0 {
            dow = (dow | 1) & 0x7f;
        }
        let offset_min = match zone {
            None => 0,
            Some(z) => zone_offset(z).ok_or_else(|| format!("unknown time zone {z}"))?,
        };
        Ok(Schedule {
            minutes,
            hours: hours as u32,
            dom: dom as u32,
            months: months as u16,
            dow: dow as u8,
            dom_star,
            dow_star,
            offset_min,
        })
    }

    fn matches(&self, local_minute: i64) -> bool {
        let (min, hour) = (
            local_minute.rem_euclid(60),
            (local_minute / 60).rem_euclid(24),
        );
        let days = local_minute.div_euclid(1440);
        let (_, month, day) = civil_from_days(days);
        let weekday = (days + 4).rem_euclid(7); // 1970-01-01 was a Thursday.
        let dom_ok = self.dom & (1 << day) != 0;
        let dow_ok = self.dow & (1 << weekday) != 0;
        let day_ok = if self.dom_star || self.dow_star {
            dom_ok && dow_ok
        } else {
            dom_ok || dow_ok
        };
        self.minutes & (1 << min) != 0
            && self.hours & (1 << hour) != 0
            && self.months & (1 << month) != 0
            && day_ok
    }

    /// The first time the schedule fires strictly after `after_ms`
    /// (simulated milliseconds), if any within about five years.
    pub fn next_after(&self, after_ms: u64) -> Option<u64> {
        let epoch_min = (EPOCH_UNIX_SECS / 60) as i64;
        let start = (after_ms / 60_000) as i64 + 1;
        for m in start..start + 5 * 366 * 1440 {
            let local = epoch_min + m + self.offset_min;
            if self.matches(local) {
                return Some(m as u64 * 60_000);
            }
        }
        None
    }
}

/// (year, month 1-12, day 1-31) of a day number since 1970-01-01
/// (Howard Hinnant's `civil_from_days`).
pub fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    // Simulated time 0 is 2025-01-01T00:00:00Z, a Wednesday.
    const MIN: u64 = 60_000;

    #[test]
    fn every_minute_and_every_five_minutes() {
        // https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/#schedule-syntax
        let s = Schedule::parse("* * * * *", None).unwrap();
        assert_eq!(s.next_after(0), Some(MIN));
        assert_eq!(s.next_after(MIN), Some(2 * MIN));
        assert_eq!(s.next_after(90_000), Some(2 * MIN));
        let s = Schedule::parse("*/5 * * * *", None).unwrap();
        assert_eq!(s.next_after(0), Some(5 * MIN));
        assert_eq!(s.next_after(5 * MIN), Some(10 * MIN));
    }

    #[test]
    fn macros_days_and_time_zones() {
        let hourly = Schedule::parse("@hourly", None).unwrap();
        assert_eq!(hourly.next_after(0), Some(60 * MIN));
        // 2025-01-05 is the first Sunday: 4 days after the epoch.
        let weekly = Schedule::parse("@weekly", None).unwrap();
        assert_eq!(weekly.next_after(0), Some(4 * 1440 * MIN));
        let fri = Schedule::parse("0 9 * * fri", None).unwrap();
        assert_eq!(fri.next_after(0), Some((2 * 1440 + 9 * 60) * MIN));
        // 09:00 in Seoul is 00:00 UTC.
        let seoul = Schedule::parse("0 9 * * *", Some("Asia/Seoul")).unwrap();
        assert_eq!(seoul.next_after(0), Some(1440 * MIN));
        assert_eq!(civil_from_days(20_089), (2025, 1, 1));
    }

    #[test]
    fn bad_schedules_are_worded_like_robfig_cron() {
        assert_eq!(
            Schedule::parse("* * *", None).unwrap_err(),
            "expected exactly 5 fields, found 3: * * *"
        );
        assert_eq!(
            Schedule::parse("61 * * * *", None).unwrap_err(),
            "end of range (61) above maximum (59): 61"
        );
        assert!(Schedule::parse("TZ=UTC * * * * *", None).is_err());
        assert!(Schedule::parse("0 0 * * *", Some("Mars/Olympus")).is_err());
    }
}
