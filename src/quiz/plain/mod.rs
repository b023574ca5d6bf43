//! Text shared by the plain-text quiz and drill (`kubetutor quiz --plain`,
//! `kubetutor drill --plain`): the commands a student can type instead of
//! an answer, a simulator timeline as lines, waits in words. No colour, no
//! terminal: this is for screen readers and scripts.

pub mod cards;
pub mod questions;

use super::predict::Moment;
use crate::lang::Lang;
use crate::timestamp::Timestamp;

/// What a typed line means.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command<'a> {
    /// `h`, `hint`, `힌트`: show a hint.
    Hint,
    /// `?`, `s`, `show`, `정답`: show the answer.
    Show,
    /// `q`, `quit`, `그만`: stop here (like the end of input).
    Quit,
    /// Anything else: an answer to read.
    Answer(&'a str),
}

/// Read one typed line.
pub fn command(line: &str) -> Command<'_> {
    let t = line.trim();
    match t.to_lowercase().as_str() {
        "h" | "hint" | "힌트" | "ㅎ" => Command::Hint,
        "?" | "s" | "show" | "정답" | "답" => Command::Show,
        "q" | "quit" | "exit" | "그만" | "종료" => Command::Quit,
        _ => Command::Answer(t),
    }
}

/// Text from a lesson or the progress file as it may be printed: control
/// characters (an escape sequence hidden in a lesson) are dropped; new
/// lines and tabs stay.
pub fn clean(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_control() || *c == '\n' || *c == '\t')
        .collect()
}

/// Simulated time to the tenth of a second (the simulator's step):
/// `0:05.0`, `2:00.0`, `15:00.4`, `1:02:03.0`.
pub fn clock(ms: u64) -> String {
    let s = ms / 1000;
    let tenth = (ms % 1000) / 100;
    let (h, m, s) = (s / 3600, (s / 60) % 60, s % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}.{tenth}")
    } else {
        format!("{m}:{s:02}.{tenth}")
    }
}

/// One moment of a timeline in words: `Running · CrashLoopBackOff · 2
/// restarts` for a pod, the value otherwise, and what is missing when the
/// object does not exist.
pub fn moment(m: &Moment, field: &str, lang: Lang) -> String {
    let absent = lang.pick("없음", "none");
    match &m.pod {
        Some(p) => {
            let restarts = match lang {
                Lang::En if p.restarts == 1 => "1 restart".to_string(),
                Lang::En => format!("{} restarts", p.restarts),
                Lang::Ko => format!("재시작 {}번", p.restarts),
            };
            let mut line = format!("{} · {} · {restarts}", p.phase, p.status);
            if !matches!(field, "phase" | "status" | "restarts") {
                let value = m.value.as_deref().unwrap_or(absent);
                line.push_str(&format!(" · {field} {value}"));
            }
            line
        }
        None if m.value.is_none() => lang.pick("(존재하지 않음)", "(does not exist)").into(),
        None => m.value.clone().unwrap_or_default(),
    }
}

/// A timeline as indented lines (`  0:05  Running · Running · 0 restarts`),
/// at most `max` of them: a long one keeps its beginning and its end.
pub fn timeline(moments: &[Moment], field: &str, lang: Lang, max: usize) -> Vec<String> {
    let line = |m: &Moment| format!("  {:>7}  {}", clock(m.at_ms), moment(m, field, lang));
    let max = max.max(3);
    if moments.len() <= max {
        return moments.iter().map(line).collect();
    }
    let head = (max - 1) / 2;
    let tail = max - 1 - head;
    let hidden = moments.len() - head - tail;
    let mut out: Vec<String> = moments[..head].iter().map(line).collect();
    out.push(match lang {
        Lang::En => format!("  …  ({hidden} more changes)"),
        Lang::Ko => format!("  …  (변화 {hidden}번 생략)"),
    });
    out.extend(moments[moments.len() - tail..].iter().map(line));
    out
}

/// How long until `due`, to the minute, rounded up: `in 10m`, `in 1d`,
/// `now` / `10분 후`, `1일 후`, `지금`.
pub fn until(lang: Lang, now: Timestamp, due: Timestamp) -> String {
    let ms = due.millis_since(now);
    if ms <= 0 {
        return lang.pick("지금", "now").into();
    }
    let mins = (ms + 59_999) / 60_000;
    let (d, h, m) = (mins / 1440, (mins / 60) % 24, mins % 60);
    let parts: Vec<String> = [(d, "d", "일"), (h, "h", "시간"), (m, "m", "분")]
        .iter()
        .filter(|(n, _, _)| *n > 0)
        .take(2)
        .map(|(n, en, ko)| format!("{n}{}", lang.pick(ko, en)))
        .collect();
    match lang {
        Lang::En => format!("in {}", parts.join(" ")),
        Lang::Ko => format!("{} 후", parts.join(" ")),
    }
}

/// [`crate::text::columns`] with control characters removed from the cells.
pub fn table(head: &[&str], rows: &[Vec<String>]) -> String {
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|r| r.iter().map(|c| clean(c)).collect())
        .collect();
    crate::text::columns(head, &rows)
}

/// Points as printed: `3`, `2.5`.
pub fn points(p: f64) -> String {
    if p.fract() == 0.0 {
        format!("{p:.0}")
    } else {
        format!("{p:.1}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::predict::PodState;

    fn pod(at_ms: u64, phase: &str, status: &str, restarts: u32) -> Moment {
        Moment {
            at_ms,
            value: Some(status.into()),
            pod: Some(PodState {
                phase: phase.into(),
                status: status.into(),
                restarts,
            }),
        }
    }

    #[test]
    fn commands_in_both_languages() {
        assert_eq!(command(" H "), Command::Hint);
        assert_eq!(command("힌트"), Command::Hint);
        assert_eq!(command("?"), Command::Show);
        assert_eq!(command("정답"), Command::Show);
        assert_eq!(command("q"), Command::Quit);
        assert_eq!(command(" 2 "), Command::Answer("2"));
    }

    #[test]
    fn long_timelines_keep_both_ends() {
        let m: Vec<Moment> = (0..10)
            .map(|i| pod(i * 1000, "Running", "Running", i as u32))
            .collect();
        let lines = timeline(&m, "status", Lang::En, 5);
        assert_eq!(
            lines,
            [
                "   0:00.0  Running · Running · 0 restarts",
                "   0:01.0  Running · Running · 1 restart",
                "  …  (6 more changes)",
                "   0:08.0  Running · Running · 8 restarts",
                "   0:09.0  Running · Running · 9 restarts",
            ]
        );
        assert_eq!(
            timeline(&m[..2], "ready", Lang::Ko, 5)[1],
            "   0:01.0  Running · Running · 재시작 1번 · ready Running"
        );
    }

    #[test]
    fn waits_round_up_to_the_minute() {
        let t0 = Timestamp::from_secs(1000);
        assert_eq!(until(Lang::En, t0, t0.plus_secs(600)), "in 10m");
        assert_eq!(
            until(Lang::En, t0.plus_millis(1), t0.plus_secs(600)),
            "in 10m"
        );
        assert_eq!(until(Lang::Ko, t0, t0.plus_secs(86_400)), "1일 후");
        assert_eq!(
            until(Lang::En, t0, t0.plus_secs(86_400 + 3600 + 60)),
            "in 1d 1h"
        );
        assert_eq!(until(Lang::En, t0, t0), "now");
        assert_eq!(clock(3_723_000), "1:02:03.0");
        assert_eq!(clock(1_400), "0:01.4");
        assert_eq!(points(2.5), "2.5");
        assert_eq!(clean("a\u{1b}[2Jb\nc"), "a[2Jb\nc");
        assert_eq!(
            table(&["분류", "N"], &[vec!["노드 유실".into(), "1".into()]]),
            "분류       N\n노드 유실  1\n"
        );
    }
}
