//! Small pieces that make cluster text fit a width: short pod names,
//! allocation bars, sparklines, the clock.

use crate::text;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_segmentation::UnicodeSegmentation;

/// A pod name cut to `max` columns keeping what tells pods apart: the
/// first word and the random suffix (`web-…-4jvch`).
pub fn short_name(name: &str, max: usize) -> String {
    if text::width(name) <= max {
        return name.to_string();
    }
    if let (Some(first), Some(last)) = (name.find('-'), name.rfind('-'))
        && first < last
    {
        let short = format!("{}…{}", &name[..=first], &name[last..]);
        if text::width(&short) <= max {
            return short;
        }
        let tail = &name[last..];
        let room = max.saturating_sub(text::width(tail) + 1);
        if room >= 2 {
            let mut head = String::new();
            let mut used = 0;
            for g in name[..first].graphemes(true) {
                used += text::grapheme_width(g);
                if used > room {
                    break;
                }
                head.push_str(g);
            }
            return format!("{head}…{tail}");
        }
    }
    text::truncate(name, max)
}

/// `████░░░░` for `used` of `total` in `width` cells.
pub fn bar(used: u64, total: u64, width: usize) -> (String, String) {
    let filled = if total == 0 {
        0
    } else {
        ((used as u128 * width as u128).div_ceil(total as u128) as usize).min(width)
    };
    ("█".repeat(filled), "░".repeat(width - filled))
}

/// Percent, rounded down, capped at 999.
pub fn percent(used: u64, total: u64) -> u64 {
    if total == 0 {
        return 0;
    }
    (used as u128 * 100 / total as u128).min(999) as u64
}

const SPARKS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/// The last `width` values as a sparkline scaled to their maximum. A second
/// without requests is the baseline `▁`; any request at all shows higher.
pub fn sparkline<I>(values: I, width: usize) -> String
where
    I: DoubleEndedIterator<Item = u32> + ExactSizeIterator,
{
    let n = values.len();
    let vals: Vec<u32> = values.skip(n.saturating_sub(width)).collect();
    let max = vals.iter().copied().max().unwrap_or(0);
    vals.iter()
        .map(|&v| {
            if max == 0 || v == 0 {
                SPARKS[0]
            } else {
                SPARKS[((v as u64 * 7).div_ceil(max as u64) as usize).min(7)]
            }
        })
        .collect()
}

/// The simulated clock to a tenth of a second: `42.0s`, `6m30.1s`, `1h02m03.4s`.
pub fn clock(ms: u64) -> String {
    let tenths = (ms / 100) % 10;
    let secs = ms / 1000;
    let (h, m, s) = (secs / 3600, (secs / 60) % 60, secs % 60);
    if h > 0 {
        format!("{h}h{m:02}m{s:02}.{tenths}s")
    } else if m > 0 {
        format!("{m}m{s:02}.{tenths}s")
    } else {
        format!("{s}.{tenths}s")
    }
}

/// Builds one line from segments: the required ones always, the optional
/// ones only while they fit, so a narrow pane drops details and keeps order.
pub struct Row {
    width: usize,
    used: usize,
    spans: Vec<Span<'static>>,
}

impl Row {
    pub fn new(width: usize) -> Row {
        Row {
            width,
            used: 0,
            spans: Vec::new(),
        }
    }

    pub fn used(&self) -> usize {
        self.used
    }

    pub fn room(&self) -> usize {
        self.width.saturating_sub(self.used)
    }

    /// Always added (the line is cut at the end if it overflows).
    pub fn push(&mut self, s: impl Into<String>, style: Style) -> &mut Row {
        let s = s.into();
        self.used += text::width(&s);
        self.spans.push(Span::styled(s, style));
        self
    }

    /// Added only if it fits in what is left. Returns whether it was.
    pub fn maybe(&mut self, s: impl Into<String>, style: Style) -> bool {
        let s = s.into();
        if self.used + text::width(&s) > self.width {
            return false;
        }
        self.push(s, style);
        true
    }

    pub fn line(self) -> Line<'static> {
        text::truncate_line(&Line::from(self.spans), self.width)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pod_names_keep_their_suffix() {
        assert_eq!(short_name("web-bf98d5c58-4jvch", 30), "web-bf98d5c58-4jvch");
        assert_eq!(short_name("web-bf98d5c58-4jvch", 12), "web-…-4jvch");
        assert_eq!(short_name("frontend-7d4b9c-x2x4q", 11), "fron…-x2x4q");
        assert_eq!(short_name("crash-demo", 6), "crash…");
        assert!(text::width(&short_name("web-bf98d5c58-4jvch", 3)) <= 3);
    }

    #[test]
    fn bars_and_percent() {
        assert_eq!(bar(500, 2000, 8), ("██".to_string(), "░░░░░░".to_string()));
        assert_eq!(bar(1, 2000, 8).0, "█", "anything used shows");
        assert_eq!(bar(0, 0, 3).1, "░░░");
        assert_eq!(bar(5000, 2000, 4).0, "████");
        assert_eq!(percent(500, 2000), 25);
    }

    #[test]
    fn sparkline_scales_to_the_maximum() {
        let v = vec![0u32, 5, 10, 10];
        assert_eq!(sparkline(v.into_iter(), 3), "▅██");
        let v = vec![0u32, 0, 1, 100];
        assert_eq!(sparkline(v.into_iter(), 4), "▁▁▂█");
        assert_eq!(sparkline(Vec::<u32>::new().into_iter(), 5), "");
    }

    #[test]
    fn clock_shows_tenths() {
        assert_eq!(clock(0), "0.0s");
        assert_eq!(clock(42_100), "42.1s");
        assert_eq!(clock(390_000), "6m30.0s");
        assert_eq!(clock(3_723_400), "1h02m03.4s");
    }

    #[test]
    fn optional_segments_drop_out_when_narrow() {
        let mut r = Row::new(10);
        r.push("node-1", Style::new());
        assert!(!r.maybe("  10.244.1.0/24", Style::new()));
        assert!(r.maybe("  ok", Style::new()));
        assert_eq!(r.used(), 10);
    }
}
