//! The command language of the simulator: the same text in the TUI command
//! bar and in `kubetutor sim`. A kubectl subset (`get`, `describe`, `apply
//! -f`, `create deployment`, `run`, `delete`, `scale`, `set image`,
//! `rollout status`, `cordon`, `uncordon`, `drain`, `logs`; the leading
//! `kubectl` is optional) and the simulator controls (`wait`, `fault`,
//! `runtime`, `scenario`, `reset`, `traffic`, `help`). A line may end in
//! `| grep …`, `| wc -l` and the like, as in a terminal.
//!
//! - [`execute`] runs one line against a cluster and returns its output;
//! - [`complete()`] offers completions for a partial line (Tab);
//! - [`parse::parse`] turns a line into a [`parse::Command`].

pub mod command;
pub mod complete;
mod controls;
pub mod describe;
pub mod events;
mod exec;
pub mod files;
mod flags;
pub mod get;
pub mod help;
pub mod jsonpath;
pub mod listing;
pub mod parse;
mod parse_more;
mod pipe;
mod rollout;
mod run_more;
pub mod sort_by;
pub mod suggest;
pub mod table;
mod waits;

pub use complete::complete;
pub use files::Files;

use crate::sim::Cluster;
use crate::sim::objects::Labels;
use crate::sim::status::pod_last_restart;
use crate::sim::stored::Pod;
use crate::sim::timefmt::human_duration;

/// What a command printed, and whether it succeeded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// Lines, each ending with `\n` (empty when there is nothing to say).
    pub output: String,
    pub ok: bool,
}

impl Outcome {
    pub fn ok(output: impl Into<String>) -> Self {
        Outcome {
            output: with_newline(output.into()),
            ok: true,
        }
    }

    pub fn fail(output: impl Into<String>) -> Self {
        Outcome {
            output: with_newline(output.into()),
            ok: false,
        }
    }
}

fn with_newline(mut s: String) -> String {
    if !s.is_empty() && !s.ends_with('\n') {
        s.push('\n');
    }
    s
}

/// Run one line of the command language. Never panics; a bad line gets a
/// one-line error saying what is wrong.
pub fn execute(cluster: &mut Cluster, line: &str) -> Outcome {
    execute_in(cluster, line, Files::Anywhere)
}

/// [`execute`], with `apply -f` reading only where `files` allows (a
/// lesson's commands read inside the lesson's folder).
pub fn execute_in(cluster: &mut Cluster, line: &str, files: Files<'_>) -> Outcome {
    let trimmed = line.trim();
    if trimmed.is_empty() || trimmed.starts_with('#') {
        return Outcome::ok("");
    }
    // A NUL or an escape inside a word would be invisible in the message
    // that quotes it (`resource type "pods"` for `pods\0`): said as it is.
    if let Some((i, c)) = trimmed
        .chars()
        .enumerate()
        .find(|&(_, c)| crate::text::is_unsafe(c) && c != '\t')
    {
        return Outcome::fail(format!(
            "error: the command holds a control character (U+{:04X}) at column {}: type it without",
            u32::from(c),
            i + 1
        ));
    }
    if let Some((command, filters)) = pipe::split(trimmed) {
        return pipe::run(execute_in(cluster, command, files), filters);
    }
    match parse::parse(trimmed) {
        Ok(cmd) => exec::run(cluster, cmd, files),
        Err(e) => Outcome::fail(e),
    }
}

/// The AGE column: time since `since`, as kubectl prints it. API
/// timestamps have whole seconds, so `since` is cut to its second first.
pub fn age(now: u64, since: u64) -> String {
    human_duration(now.saturating_sub(since / 1000 * 1000))
}

/// The age of an instant an Event carries: its `eventTime` and series
/// times have microseconds (`events.k8s.io` events), its first and last
/// timestamps whole seconds.
pub fn event_age(now: u64, ms: u64, micro: bool) -> String {
    if micro {
        human_duration(now.saturating_sub(ms))
    } else {
        age(now, ms)
    }
}

/// `2m (x3 over 5m)` or `5m`: the Age of an event in `describe` and LAST
/// SEEN of `kubectl events` (kubectl's getInterval).
pub fn event_interval(e: &crate::sim::events::Event, now: u64) -> String {
    let micro = e.is_new_api();
    let first = event_age(now, e.first_ms, micro);
    if e.count > 1 {
        format!(
            "{} (x{} over {first})",
            event_age(now, e.last_ms, micro),
            e.count
        )
    } else {
        first
    }
}

/// `3 (45s ago)`, kubectl's RESTARTS column.
pub fn restarts_text(pod: &Pod, now: u64) -> String {
    let n = pod.restarts();
    match pod_last_restart(pod) {
        Some(t) if n > 0 => format!("{n} ({} ago)", age(now, t)),
        _ => n.to_string(),
    }
}

/// `app=web,tier=frontend` or `<none>`.
pub fn labels_text(l: &Labels) -> String {
    if l.is_empty() {
        return "<none>".into();
    }
    l.iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join(",")
}

/// `-o yaml`, quoted the way kubectl quotes: double quotes, and timestamps
/// quoted.
pub fn to_yaml(v: &serde_json::Value) -> String {
    let text = serde_yaml::to_string(v).unwrap_or_default();
    let mut out = String::with_capacity(text.len() + 64);
    for line in text.lines() {
        out.push_str(&requote(line));
        out.push('\n');
    }
    out
}

fn looks_typed(s: &str) -> bool {
    let lower = s.to_ascii_lowercase();
    matches!(
        lower.as_str(),
        "true" | "false" | "yes" | "no" | "on" | "off" | "y" | "n" | "null" | "~" | ""
    ) || s.parse::<f64>().is_ok()
}

/// `2025-01-01T00:00:00Z` or with a fraction of a second,
/// `2025-01-01T00:00:00.100000Z` (a MicroTime): what go-yaml reads as a
/// timestamp, so it quotes it.
fn is_timestamp(value: &str) -> bool {
    let b = value.as_bytes();
    if b.len() < 20 || b[4] != b'-' || b[7] != b'-' || b[10] != b'T' || b[13] != b':' {
        return false;
    }
    match &b[19..] {
        [b'Z'] => true,
        [b'.', rest @ .., b'Z'] => !rest.is_empty() && rest.iter().all(u8::is_ascii_digit),
        _ => false,
    }
}

/// `key: '40'` → `key: "40"`; `key: 2025-01-01T00:00:00Z` → quoted.
fn requote(line: &str) -> String {
    let (head, value) = match line.find(": ") {
        Some(i) => (&line[..i + 2], &line[i + 2..]),
        None => match line.trim_start().strip_prefix("- ") {
            Some(v) => (&line[..line.len() - v.len()], v),
            None => return line.to_string(),
        },
    };
    // go-yaml (which kubectl uses) double-quotes strings that would read as
    // another type (booleans, numbers) and single-quotes the others.
    if let Some(inner) = value.strip_prefix('\'').and_then(|v| v.strip_suffix('\''))
        && looks_typed(inner)
    {
        return format!("{head}\"{inner}\"");
    }
    if is_timestamp(value) {
        return format!("{head}\"{value}\"");
    }
    line.to_string()
}

/// `-o json`: kubectl indents with four spaces.
pub fn to_json(v: &serde_json::Value) -> String {
    use serde::Serialize;
    let mut buf = Vec::new();
    let fmt = serde_json::ser::PrettyFormatter::with_indent(b"    ");
    let mut ser = serde_json::Serializer::with_formatter(&mut buf, fmt);
    if v.serialize(&mut ser).is_err() {
        return String::new();
    }
    let mut s = String::from_utf8(buf).unwrap_or_default();
    s.push('\n');
    s
}

#[cfg(test)]
mod control_tests {
    /// Issue #15 item 13: `get pods\0` said `the server doesn't have a
    /// resource type "pods" (did you mean "pods"?)`.
    #[test]
    fn a_control_character_is_named_not_hidden() {
        let mut c = crate::sim::Cluster::new(1);
        let out = super::execute(&mut c, "get pods\0");
        assert!(!out.ok);
        assert_eq!(
            out.output,
            "error: the command holds a control character (U+0000) at column 9: type it without\n"
        );
        assert!(super::execute(&mut c, "get\tpods").ok);
    }
}
