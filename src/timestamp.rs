//! Wall-clock instants as the progress file and the review scheduler keep
//! them: milliseconds since the Unix epoch, written as RFC 3339 UTC text
//! (`2025-03-01T09:30:00Z`, `2025-03-01T09:30:00.250Z`).
//!
//! Only [`Timestamp::now`] reads the clock; everything else takes the time as
//! a parameter, so schedules and merges are reproducible in tests.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::time::{SystemTime, UNIX_EPOCH};

const MS_PER_SEC: i64 = 1000;
const MS_PER_DAY: i64 = 86_400 * MS_PER_SEC;

/// An instant, in milliseconds since 1970-01-01T00:00:00Z.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Timestamp(i64);

impl Timestamp {
    pub const EPOCH: Timestamp = Timestamp(0);

    pub const fn from_millis(ms: i64) -> Self {
        Timestamp(ms)
    }

    pub const fn from_secs(secs: i64) -> Self {
        Timestamp(secs.saturating_mul(MS_PER_SEC))
    }

    pub const fn millis(self) -> i64 {
        self.0
    }

    /// The current time from the system clock (the epoch if the clock is set
    /// before 1970).
    pub fn now() -> Self {
        let ms = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
            .unwrap_or(0);
        Timestamp(ms)
    }

    pub fn plus_millis(self, ms: i64) -> Self {
        Timestamp(self.0.saturating_add(ms))
    }

    pub fn plus_secs(self, secs: u64) -> Self {
        let ms = i64::try_from(secs)
            .unwrap_or(i64::MAX)
            .saturating_mul(MS_PER_SEC);
        self.plus_millis(ms)
    }

    /// Milliseconds from `earlier` to `self` (negative if `earlier` is later).
    pub fn millis_since(self, earlier: Timestamp) -> i64 {
        self.0.saturating_sub(earlier.0)
    }

    /// `2025-03-01T09:30:00Z`, with `.250` before the `Z` when the
    /// milliseconds are not zero.
    pub fn to_rfc3339(self) -> String {
        let (date, ms_of_day) = split_days(self.0);
        let (y, m, d) = civil_from_days(date);
        let secs = ms_of_day / MS_PER_SEC;
        let ms = ms_of_day % MS_PER_SEC;
        let (hh, mm, ss) = (secs / 3600, (secs / 60) % 60, secs % 60);
        if ms == 0 {
            format!("{y:04}-{m:02}-{d:02}T{hh:02}:{mm:02}:{ss:02}Z")
        } else {
            format!("{y:04}-{m:02}-{d:02}T{hh:02}:{mm:02}:{ss:02}.{ms:03}Z")
        }
    }

    /// `20250301T093000Z`: the second, with no separators (for file names).
    pub fn compact(self) -> String {
        let (date, ms_of_day) = split_days(self.0);
        let (y, m, d) = civil_from_days(date);
        let secs = ms_of_day / MS_PER_SEC;
        let (hh, mm, ss) = (secs / 3600, (secs / 60) % 60, secs % 60);
        format!("{y:04}{m:02}{d:02}T{hh:02}{mm:02}{ss:02}Z")
    }

    /// Parse RFC 3339 text: `YYYY-MM-DDTHH:MM:SS`, an optional fraction
    /// (kept to the millisecond), then `Z` or an offset `+09:00`.
    pub fn parse_rfc3339(text: &str) -> Result<Timestamp, String> {
        parse(text.trim()).ok_or_else(|| {
            format!("invalid time {text:?}: expected RFC 3339, like 2025-03-01T09:30:00Z")
        })
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_rfc3339())
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_rfc3339())
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    /// RFC 3339 text, or a number of milliseconds since the epoch.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Millis(i64),
            Text(String),
        }
        match Raw::deserialize(d)? {
            Raw::Millis(ms) => Ok(Timestamp(ms)),
            Raw::Text(t) => Timestamp::parse_rfc3339(&t).map_err(serde::de::Error::custom),
        }
    }
}

fn split_days(ms: i64) -> (i64, i64) {
    (ms.div_euclid(MS_PER_DAY), ms.rem_euclid(MS_PER_DAY))
}

/// Days since 1970-01-01 to a proleptic Gregorian (year, month, day).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
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

/// A proleptic Gregorian date to days since 1970-01-01.
fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let m = i64::from(m);
    let mp = if m > 2 { m - 3 } else { m + 9 };
    let doy = (153 * mp + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn days_in_month(y: i64, m: u32) -> u32 {
    match m {
        4 | 6 | 9 | 11 => 30,
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

fn parse(s: &str) -> Option<Timestamp> {
    let b = s.as_bytes();
    let num = |from: usize, len: usize| -> Option<i64> {
        let part = s.get(from..from + len)?;
        part.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| part.parse().ok())?
    };
    if b.len() < 20 || b[4] != b'-' || b[7] != b'-' || b[13] != b':' || b[16] != b':' {
        return None;
    }
    if !matches!(b[10], b'T' | b't' | b' ') {
        return None;
    }
    let (y, mo, d) = (num(0, 4)?, num(5, 2)? as u32, num(8, 2)? as u32);
    let (hh, mi, ss) = (num(11, 2)?, num(14, 2)?, num(17, 2)?);
    if !(1..=12).contains(&mo) || d == 0 || d > days_in_month(y, mo) {
        return None;
    }
    if hh > 23 || mi > 59 || ss > 60 {
        return None;
    }
    let mut rest = &s[19..];
    let mut ms = 0i64;
    if let Some(frac) = rest.strip_prefix('.') {
        let digits = frac.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 {
            return None;
        }
        for (i, c) in frac.bytes().take(3).take(digits).enumerate() {
            ms += i64::from(c - b'0') * [100, 10, 1][i];
        }
        rest = &frac[digits..];
    }
    let offset_secs = match rest {
        "Z" | "z" => 0,
        _ => {
            let sign = match rest.as_bytes().first()? {
                b'+' => 1,
                b'-' => -1,
                _ => return None,
            };
            let o = rest.as_bytes();
            if o.len() != 6 || o[3] != b':' {
                return None;
            }
            let oh: i64 = rest.get(1..3)?.parse().ok()?;
            let om: i64 = rest.get(4..6)?.parse().ok()?;
            if oh > 23 || om > 59 {
                return None;
            }
            sign * (oh * 3600 + om * 60)
        }
    };
    let secs = days_from_civil(y, mo, d) * 86_400 + hh * 3600 + mi * 60 + ss.min(59) - offset_secs;
    Some(Timestamp(secs * MS_PER_SEC + ms))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_known_instants() {
        assert_eq!(Timestamp::EPOCH.to_rfc3339(), "1970-01-01T00:00:00Z");
        let t = Timestamp::from_millis(1_740_821_400_250);
        assert_eq!(t.to_rfc3339(), "2025-03-01T09:30:00.250Z");
        assert_eq!(t.compact(), "20250301T093000Z");
        assert_eq!(
            Timestamp::from_secs(951_782_400).to_rfc3339(),
            "2000-02-29T00:00:00Z"
        );
        assert_eq!(
            Timestamp::from_secs(-1).to_rfc3339(),
            "1969-12-31T23:59:59Z"
        );
    }

    #[test]
    fn parses_what_it_writes_and_offsets() {
        for ms in [
            0,
            1_740_821_400_250,
            951_782_400_000,
            -1000,
            4_102_444_799_999,
        ] {
            let t = Timestamp::from_millis(ms);
            assert_eq!(Timestamp::parse_rfc3339(&t.to_rfc3339()), Ok(t));
        }
        assert_eq!(
            Timestamp::parse_rfc3339("2025-03-01T18:30:00+09:00"),
            Timestamp::parse_rfc3339("2025-03-01T09:30:00Z")
        );
        assert_eq!(
            Timestamp::parse_rfc3339("2025-03-01T09:30:00.123456Z"),
            Ok(Timestamp::from_millis(1_740_821_400_123))
        );
        for bad in [
            "",
            "2025-03-01",
            "2025-02-30T00:00:00Z",
            "2025-03-01T24:00:00Z",
            "2025-03-01T09:30:00",
            "2025-03-01T09:30:00+0900",
            "2025-03-01T09:30:00.Z",
            "２０２５-03-01T09:30:00Z",
        ] {
            assert!(Timestamp::parse_rfc3339(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn serde_uses_text_and_accepts_millis() {
        let t = Timestamp::from_secs(1_740_821_400);
        assert_eq!(
            serde_json::to_string(&t).unwrap(),
            "\"2025-03-01T09:30:00Z\""
        );
        let back: Timestamp = serde_json::from_str("1740821400000").unwrap();
        assert_eq!(back, t);
        assert!(serde_json::from_str::<Timestamp>("\"yesterday\"").is_err());
    }
}
