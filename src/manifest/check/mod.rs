//! Validation of one document: the schema walk ([`types`]), the kinds a
//! v1.33 server serves ([`served`]) and the ones checked in full
//! ([`kinds`]), and the rules the API server adds on top ([`rules`]).
//! Problems are collected in a [`Sink`], each placed at the position of the
//! offending key or value.

mod apps;
mod config;
mod cron;
pub mod kinds;
pub mod names;
mod pod;
mod probes;
mod rules;
pub mod served;
mod service;
mod storage;
mod types;
mod workloads;

use super::diagnostic::Diagnostic;
use super::path::Path;
use super::positions::{Pos, PosMap};
use names::Text;
use serde_yaml::Value;

pub use rules::{check_metadata, check_object};
pub use types::walk;

/// Where problems of one document go. Checks speak of paths within the
/// object they check; `base` places that object in the document (the items
/// of a `kind: List` sit under `items[i]`).
pub struct Sink<'a> {
    pub pos: &'a PosMap,
    pub out: Vec<Diagnostic>,
    pub base: Path,
    /// Fields whose problem is already reported (misspelled, or of the wrong
    /// type): `Required value` or `empty` errors derived from them would
    /// only hide the cause, so they are not reported.
    shadowed: Vec<Path>,
}

impl<'a> Sink<'a> {
    pub fn new(pos: &'a PosMap) -> Self {
        Sink {
            pos,
            out: Vec::new(),
            base: Path::root(),
            shadowed: Vec::new(),
        }
    }

    /// Errors at or under `path` are consequences of one already reported.
    pub fn shadow(&mut self, path: &Path) {
        self.shadowed.push(self.full(path));
    }

    /// `path` or one of its ancestors is shadowed.
    pub fn is_shadowed(&self, path: &Path) -> bool {
        let full = self.full(path);
        self.shadowed
            .iter()
            .any(|p| full.segments().starts_with(p.segments()))
    }

    /// Something at or under `path` is shadowed.
    pub fn shadowed_under(&self, path: &Path) -> bool {
        let full = self.full(path);
        self.shadowed
            .iter()
            .any(|p| p.segments().starts_with(full.segments()))
    }

    /// `path` within the document.
    pub fn full(&self, path: &Path) -> Path {
        self.base.join(path)
    }

    /// Where the value of `path` starts.
    pub fn value_pos(&self, path: &Path) -> Pos {
        self.pos.value(&self.full(path))
    }

    /// Where the key of `path` is written.
    pub fn key_pos(&self, path: &Path) -> Pos {
        self.pos.key(&self.full(path))
    }

    /// Where the object being checked starts.
    pub fn start(&self) -> Pos {
        if self.base.segments().is_empty() {
            self.pos.start
        } else {
            self.pos.value(&self.base)
        }
    }

    pub fn at(&mut self, at: Pos, path: &Path, en: impl Into<String>, ko: impl Into<String>) {
        let shown = self.full(path).to_string();
        self.out
            .push(Diagnostic::error(at.line, at.column, shown, en).with_ko(ko));
    }

    /// An error placed on the value of `path`.
    pub fn value(&mut self, path: &Path, en: impl Into<String>, ko: impl Into<String>) {
        let at = self.value_pos(path);
        self.at(at, path, en, ko);
    }

    /// An error placed on the key of `path`.
    pub fn key(&mut self, path: &Path, en: impl Into<String>, ko: impl Into<String>) {
        let at = self.key_pos(path);
        self.at(at, path, en, ko);
    }

    pub fn warn(&mut self, path: &Path, en: impl Into<String>, ko: impl Into<String>) {
        let at = self.key_pos(path);
        let shown = self.full(path).to_string();
        self.out
            .push(Diagnostic::warning(at.line, at.column, shown, en).with_ko(ko));
    }

    /// Attach a hint to the last problem.
    pub fn hint(&mut self, en: impl Into<String>, ko: impl Into<String>) {
        if let Some(d) = self.out.pop() {
            self.out.push(d.with_hints(en, ko));
        }
    }

    /// `path: Required value[: detail]`, placed where the field should be.
    pub fn required(&mut self, path: &Path, detail: Option<Text>) {
        if self.is_shadowed(path) {
            return;
        }
        let at = path.parent().map_or(self.start(), |p| self.key_pos(&p));
        let (en, ko) = match detail {
            Some((en, ko)) => (
                format!("Required value: {en}"),
                format!("필수 값이 없습니다: {ko}"),
            ),
            None => (
                "Required value".to_string(),
                "필수 값이 없습니다".to_string(),
            ),
        };
        self.at(at, path, en, ko);
    }

    /// `path: Invalid value: <value>: <detail>` for each detail.
    pub fn invalid(&mut self, path: &Path, value: &str, details: Vec<Text>) {
        if details.is_empty() {
            return;
        }
        let en: Vec<&str> = details.iter().map(|d| d.0.as_str()).collect();
        let ko: Vec<&str> = details.iter().map(|d| d.1.as_str()).collect();
        self.value(
            path,
            format!("Invalid value: {value}: {}", en.join(", ")),
            format!("잘못된 값 {value}: {}", ko_join(&ko)),
        );
    }

    pub fn unsupported(&mut self, path: &Path, value: &str, supported: &[&str]) {
        let list: Vec<String> = supported.iter().map(|s| format!("{s:?}")).collect();
        let list = list.join(", ");
        self.value(
            path,
            format!("Unsupported value: {value:?}: supported values: {list}"),
            format!("지원하지 않는 값 {value:?}: 쓸 수 있는 값은 {list}입니다"),
        );
    }

    pub fn duplicate(&mut self, path: &Path, value: &str) {
        self.value(
            path,
            format!("Duplicate value: {value}"),
            format!("중복된 값 {value}: 같은 값을 두 번 쓸 수 없습니다"),
        );
    }

    pub fn forbidden(&mut self, path: &Path, en: &str, ko: &str) {
        self.key(
            path,
            format!("Forbidden: {en}"),
            format!("허용되지 않음: {ko}"),
        );
    }
}

/// Korean sentences joined as one: each but the last ends in a connective
/// (`…쓸 수 있습니다` + `…있어야 합니다` -> `…쓸 수 있고 …있어야 합니다`).
pub fn ko_join(parts: &[&str]) -> String {
    let mut out = String::new();
    for (i, part) in parts.iter().enumerate() {
        if i + 1 == parts.len() {
            out.push_str(part);
            break;
        }
        let joined = if let Some(stem) = part.strip_suffix("합니다") {
            format!("{stem}하고 ")
        } else if let Some(stem) = part.strip_suffix("입니다") {
            format!("{stem}이고 ")
        } else if let Some(stem) = part.strip_suffix("습니다") {
            format!("{stem}고 ")
        } else {
            format!("{part}, ")
        };
        out.push_str(&joined);
    }
    out
}

/// A value as kubectl quotes it in messages: strings in double quotes,
/// numbers and booleans bare.
pub fn repr(v: &Value) -> String {
    match v {
        Value::String(s) => format!("{s:?}"),
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Null => "null".into(),
        Value::Tagged(t) => repr(&t.value),
        other => serde_json::to_string(other).unwrap_or_default(),
    }
}

/// The value with YAML tags removed.
pub fn untag(v: &Value) -> &Value {
    match v {
        Value::Tagged(t) => untag(&t.value),
        other => other,
    }
}
