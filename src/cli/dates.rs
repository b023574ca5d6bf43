//! Moments as a person reads them, in the local time zone: `today 10:45`,
//! `2 days ago`, `tomorrow 09:30`, in Korean or English.
//!
//! The zone is the system's as `jiff` finds it (the `TZ` variable, else
//! `/etc/localtime`, else UTC): time zone rules (offsets, daylight saving,
//! the tz database's history) are exactly what a hand-written converter
//! gets wrong, and jiff is the maintained crate that reads them.

use crate::lang::Lang;
use crate::timestamp::Timestamp;
use jiff::ZonedDateTime as Zoned;
use jiff::civil::Date;
use jiff::tz::TimeZone;

/// The student's time zone.
pub fn local_zone() -> TimeZone {
    TimeZone::try_system().unwrap_or(TimeZone::UTC)
}

fn zoned(t: Timestamp, tz: &TimeZone) -> Zoned {
    jiff::Timestamp::from_millisecond(t.millis())
        .unwrap_or(jiff::Timestamp::UNIX_EPOCH)
        .to_zoned_datetime(tz.clone())
}

/// Calendar days from `a`'s date to `b`'s.
fn days_between(a: Date, b: Date) -> i64 {
    a.until(b).map_or(0, |s| i64::from(s.get_days()))
}

fn clock(z: &Zoned) -> String {
    z.strftime("%H:%M").to_string()
}

/// `Mar 1` / `3월 1일` within the year of `now`, `2025-03-01` otherwise.
fn date(lang: Lang, z: &Zoned, now: &Zoned) -> String {
    if z.year() != now.year() {
        return z.strftime("%Y-%m-%d").to_string();
    }
    match lang {
        Lang::En => z.strftime("%b %-d").to_string(),
        Lang::Ko => format!("{}월 {}일", z.month(), z.day()),
    }
}

/// A past moment relative to `now`: `just now`, `5 min ago`, `today 10:45`,
/// `yesterday 18:02`, `3 days ago`, then the date.
pub fn ago(lang: Lang, now: Timestamp, at: Timestamp, tz: &TimeZone) -> String {
    let mins = now.millis_since(at).max(0) / 60_000;
    let (zn, za) = (zoned(now, tz), zoned(at, tz));
    let days = days_between(za.date(), zn.date()).max(0);
    let clock = clock(&za);
    match (lang, mins, days) {
        (Lang::En, 0, _) => "just now".into(),
        (Lang::Ko, 0, _) => "방금".into(),
        (Lang::En, m @ 1..=59, _) => format!("{m} min ago"),
        (Lang::Ko, m @ 1..=59, _) => format!("{m}분 전"),
        (Lang::En, _, 0) => format!("today {clock}"),
        (Lang::Ko, _, 0) => format!("오늘 {clock}"),
        (Lang::En, _, 1) => format!("yesterday {clock}"),
        (Lang::Ko, _, 1) => format!("어제 {clock}"),
        (Lang::En, _, d @ 2..=13) => format!("{d} days ago"),
        (Lang::Ko, _, d @ 2..=13) => format!("{d}일 전"),
        _ => date(lang, &za, &zn),
    }
}

/// A coming moment: `today 18:30`, `tomorrow 09:30`, else the date and
/// the clock; a moment already past is `now`.
pub fn ahead(lang: Lang, now: Timestamp, at: Timestamp, tz: &TimeZone) -> String {
    if at.millis_since(now) <= 0 {
        return lang.pick("지금", "now").into();
    }
    let (zn, za) = (zoned(now, tz), zoned(at, tz));
    let clock = clock(&za);
    match (lang, days_between(zn.date(), za.date())) {
        (Lang::En, 0) => format!("today {clock}"),
        (Lang::Ko, 0) => format!("오늘 {clock}"),
        (Lang::En, 1) => format!("tomorrow {clock}"),
        (Lang::Ko, 1) => format!("내일 {clock}"),
        _ => format!("{} {clock}", date(lang, &za, &zn)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::tz::{Offset, TimeZone};

    const SEOUL: i8 = 9;
    // 2025-03-01T09:30:00Z: 18:30 in Seoul, 01:30 in Los Angeles (UTC-8).
    const NOW: Timestamp = Timestamp::from_secs(1_740_821_400);

    fn tz(hours: i8) -> TimeZone {
        TimeZone::fixed(Offset::constant(hours))
    }

    fn before(mins: i64) -> Timestamp {
        NOW.plus_millis(-mins * 60_000)
    }

    #[test]
    fn today_and_yesterday_follow_the_local_calendar() {
        // 10:00 UTC the day before is 19:00 in Seoul, the previous day there.
        let at = before(23 * 60 + 30);
        assert_eq!(ago(Lang::En, NOW, at, &TimeZone::UTC), "yesterday 10:00");
        assert_eq!(ago(Lang::En, NOW, at, &tz(SEOUL)), "yesterday 19:00");
        // 08:00 UTC: 17:00 today in Seoul; 00:00 today in Los Angeles.
        let at = before(90);
        assert_eq!(ago(Lang::En, NOW, at, &tz(SEOUL)), "today 17:00");
        assert_eq!(ago(Lang::Ko, NOW, at, &tz(SEOUL)), "오늘 17:00");
        assert_eq!(ago(Lang::En, NOW, at, &tz(-8)), "today 00:00");
        // 07:59 UTC is still the day before in Los Angeles.
        assert_eq!(ago(Lang::Ko, NOW, before(91), &tz(-8)), "어제 23:59");
    }

    #[test]
    fn recent_and_old_moments() {
        assert_eq!(ago(Lang::En, NOW, NOW, &tz(SEOUL)), "just now");
        assert_eq!(ago(Lang::Ko, NOW, before(5), &tz(SEOUL)), "5분 전");
        assert_eq!(
            ago(Lang::En, NOW, before(2 * 1440), &tz(SEOUL)),
            "2 days ago"
        );
        assert_eq!(ago(Lang::Ko, NOW, before(3 * 1440), &tz(SEOUL)), "3일 전");
        assert_eq!(ago(Lang::En, NOW, before(20 * 1440), &tz(SEOUL)), "Feb 9");
        assert_eq!(ago(Lang::Ko, NOW, before(20 * 1440), &tz(SEOUL)), "2월 9일");
        assert_eq!(
            ago(Lang::En, NOW, before(200 * 1440), &tz(SEOUL)),
            "2024-08-13"
        );
        // A moment "in the future" (a clock set back) is just now.
        assert_eq!(
            ago(Lang::En, NOW, NOW.plus_secs(600), &tz(SEOUL)),
            "just now"
        );
    }

    #[test]
    fn coming_moments() {
        let tz = tz(SEOUL);
        assert_eq!(
            ahead(Lang::En, NOW, NOW.plus_secs(3600), &tz),
            "today 19:30"
        );
        assert_eq!(
            ahead(Lang::Ko, NOW, NOW.plus_secs(6 * 3600), &tz),
            "내일 00:30"
        );
        assert_eq!(
            ahead(Lang::En, NOW, NOW.plus_secs(3 * 86_400), &tz),
            "Mar 4 18:30"
        );
        assert_eq!(
            ahead(Lang::Ko, NOW, NOW.plus_secs(3 * 86_400), &tz),
            "3월 4일 18:30"
        );
        assert_eq!(ahead(Lang::En, NOW, before(1), &tz), "now");
    }
}
