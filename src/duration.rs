//! Durations as the course writes them: `30s`, `5m`, `1m30s`, `2h`, `500ms`.
//! Simulated time is kept in milliseconds.

/// Parse a Go-style duration (`1m30s`, `90s`, `500ms`, `2h`) into milliseconds.
/// A bare number is seconds. Negative and empty durations are rejected.
pub fn parse_millis(text: &str) -> Result<u64, String> {
    let s = text.trim();
    let bad = || {
        format!("invalid duration {text:?}: expected a number with a unit, like 30s, 5m or 1m30s")
    };
    if s.is_empty() {
        return Err(bad());
    }
    if s.bytes().all(|b| b.is_ascii_digit()) {
        return s
            .parse::<u64>()
            .ok()
            .and_then(|n| n.checked_mul(1000))
            .ok_or_else(bad);
    }
    let mut total: u64 = 0;
    let mut rest = s;
    while !rest.is_empty() {
        let digits = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .ok_or_else(bad)?;
        if digits == 0 {
            return Err(bad());
        }
        let number: f64 = rest[..digits].parse().map_err(|_| bad())?;
        rest = &rest[digits..];
        let unit_len = rest
            .find(|c: char| c.is_ascii_digit() || c == '.')
            .unwrap_or(rest.len());
        let unit = match &rest[..unit_len] {
            "ms" => 1.0,
            "s" => 1000.0,
            "m" => 60_000.0,
            "h" => 3_600_000.0,
            _ => return Err(bad()),
        };
        rest = &rest[unit_len..];
        let part = (number * unit).round();
        if !part.is_finite() || part > u64::MAX as f64 / 2.0 {
            return Err(bad());
        }
        total = total.checked_add(part as u64).ok_or_else(bad)?;
    }
    Ok(total)
}

/// Format milliseconds compactly for messages: `1m30s`, `45s`, `2h`, `250ms`.
pub fn format_millis(ms: u64) -> String {
    if ms == 0 {
        return "0s".to_string();
    }
    if ms < 1000 {
        return format!("{ms}ms");
    }
    let secs = ms / 1000;
    let (h, m, s) = (secs / 3600, (secs / 60) % 60, secs % 60);
    let mut out = String::new();
    if h > 0 {
        out.push_str(&format!("{h}h"));
    }
    if m > 0 {
        out.push_str(&format!("{m}m"));
    }
    if s > 0 || out.is_empty() {
        out.push_str(&format!("{s}s"));
    }
    out
}

/// Go's `time.Duration.String()` for whole milliseconds, as Kubernetes
/// components print durations in messages: `812ms`, `10s`, `1.5s`,
/// `1m20s`, `5m0s`, `1h0m0s`.
pub fn go_duration(ms: u64) -> String {
    if ms == 0 {
        return "0s".to_string();
    }
    if ms < 1000 {
        return format!("{ms}ms");
    }
    let (h, m) = (ms / 3_600_000, (ms / 60_000) % 60);
    let frac = format!("{}.{:03}", (ms / 1000) % 60, ms % 1000);
    let secs = frac.trim_end_matches('0').trim_end_matches('.');
    match (h, m) {
        (0, 0) => format!("{secs}s"),
        (0, m) => format!("{m}m{secs}s"),
        (h, m) => format!("{h}h{m}m{secs}s"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_go_style_durations() {
        assert_eq!(parse_millis("30s"), Ok(30_000));
        assert_eq!(parse_millis("5m"), Ok(300_000));
        assert_eq!(parse_millis("1m30s"), Ok(90_000));
        assert_eq!(parse_millis("2h"), Ok(7_200_000));
        assert_eq!(parse_millis("500ms"), Ok(500));
        assert_eq!(parse_millis("1.5s"), Ok(1500));
        assert_eq!(parse_millis("45"), Ok(45_000));
        for bad in ["", "s", "10x", "-5s", "1m30", "m5"] {
            assert!(parse_millis(bad).is_err(), "{bad:?} should be rejected");
        }
    }

    #[test]
    fn formats_compactly() {
        assert_eq!(format_millis(90_000), "1m30s");
        assert_eq!(format_millis(7_200_000), "2h");
        assert_eq!(format_millis(250), "250ms");
        assert_eq!(format_millis(0), "0s");
    }

    #[test]
    fn go_durations_print_like_time_duration_string() {
        // https://pkg.go.dev/time#Duration.String
        for (ms, text) in [
            (0, "0s"),
            (812, "812ms"),
            (10_000, "10s"),
            (1_500, "1.5s"),
            (3_210, "3.21s"),
            (80_000, "1m20s"),
            (160_000, "2m40s"),
            (300_000, "5m0s"),
            (3_600_000, "1h0m0s"),
            (3_723_400, "1h2m3.4s"),
        ] {
            assert_eq!(go_duration(ms), text, "{ms}");
        }
    }
}
