//! `kubectl events` (kubectl ≥ 1.26): the events of a namespace in the
//! order they happened, with OBJECT as `Kind/name` and repeats as
//! `(xN over AGE)` (kubectl pkg/cmd/events: event_printer.go).
//! <https://kubernetes.io/docs/reference/kubectl/generated/kubectl_events/>

use super::Outcome;
use super::parse::{Output, Scope};
use super::table::table;
use crate::sim::Cluster;
use crate::sim::events::{Event, EventType};
use crate::sim::objects::Kind;
use serde_json::json;

/// What `kubectl events` was asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventsQuery {
    pub scope: Scope,
    /// `--for KIND/NAME`.
    pub for_object: Option<(Kind, String)>,
    /// `--types`: empty for all.
    pub types: Vec<EventType>,
    pub output: Output,
}

/// `--types Normal,Warning`, case-insensitive.
pub fn parse_types(text: &str) -> Result<Vec<EventType>, String> {
    text.split(',')
        .filter(|t| !t.trim().is_empty())
        .map(|t| match t.trim().to_ascii_lowercase().as_str() {
            "normal" => Ok(EventType::Normal),
            "warning" => Ok(EventType::Warning),
            _ => Err("error: valid --types are Normal or Warning".to_string()),
        })
        .collect()
}

pub fn events(c: &Cluster, q: &EventsQuery) -> Outcome {
    let now = c.now();
    let mut evs: Vec<(&Event, String)> = c
        .events()
        .filter(|e| match &q.scope {
            Scope::All => true,
            Scope::One(ns) => e.api_namespace() == ns,
        })
        .filter(|e| {
            q.for_object
                .as_ref()
                .is_none_or(|(k, n)| e.involved.kind == *k && &e.involved.name == n)
        })
        .filter(|e| q.types.is_empty() || q.types.contains(&e.event_type))
        .map(|e| (e, e.api_name()))
        .collect();
    // In the order the API lists them, then by time (SortableEvents).
    evs.sort_by(|a, b| (a.0.api_namespace(), &a.1).cmp(&(b.0.api_namespace(), &b.1)));
    evs.sort_by_key(|(e, _)| e.sort_ms());
    if matches!(q.output, Output::Yaml | Output::Json) {
        let items: Vec<_> = evs
            .iter()
            .map(|(e, _)| crate::sim::api_value::event(c, e))
            .collect();
        let v = json!({"apiVersion": "v1", "items": items, "kind": "List", "metadata": {"resourceVersion": ""}});
        return Outcome::ok(if q.output == Output::Yaml {
            super::to_yaml(&v)
        } else {
            super::to_json(&v)
        });
    }
    if evs.is_empty() {
        return Outcome::ok(match &q.scope {
            Scope::All => "No events found.".to_string(),
            Scope::One(ns) => format!("No events found in {ns} namespace."),
        });
    }
    let all = q.scope == Scope::All;
    let mut header = vec!["LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE"];
    if all {
        header.insert(0, "NAMESPACE");
    }
    let rows: Vec<Vec<String>> = evs
        .iter()
        .map(|(e, _)| {
            let mut row = vec![
                super::event_interval(e, now),
                e.event_type.name().to_string(),
                e.reason.clone(),
                format!("{}/{}", e.involved.kind.name(), e.involved.name),
                e.message.trim().to_string(),
            ];
            if all {
                row.insert(0, e.api_namespace().to_string());
            }
            row
        })
        .collect();
    Outcome::ok(table(&header, &rows))
}
