//! Validation of one document: the schema walk ([`types`]), the kind and
//! apiVersion pair ([`kinds`]) and the rules the API server adds on top
//! ([`rules`]). Problems are collected in a [`Sink`], each placed at the
//! position of the offending key or value.

pub mod kinds;
pub mod names;
mod rules;
mod service;
mod types;

use super::diagnostic::Diagnostic;
use super::path::Path;
use super::positions::{Pos, PosMap};
use names::Text;
use serde_yaml::Value;

pub use rules::check_object;
pub use types::walk;

/// Where problems of one document go.
pub struct Sink<'a> {
    pub pos: &'a PosMap,
    pub out: Vec<Diagnostic>,
}

impl<'a> Sink<'a> {
    pub fn new(pos: &'a PosMap) -> Self {
        Sink {
            pos,
            out: Vec::new(),
        }
    }

    pub fn at(&mut self, at: Pos, path: &Path, en: impl Into<String>, ko: impl Into<String>) {
        self.out
            .push(Diagnostic::error(at.line, at.column, path.to_string(), en).with_ko(ko));
    }

    /// An error placed on the value of `path`.
    pub fn value(&mut self, path: &Path, en: impl Into<String>, ko: impl Into<String>) {
        let at = self.pos.value(path);
        self.at(at, path, en, ko);
    }

    /// An error placed on the key of `path`.
    pub fn key(&mut self, path: &Path, en: impl Into<String>, ko: impl Into<String>) {
        let at = self.pos.key(path);
        self.at(at, path, en, ko);
    }

    pub fn warn(&mut self, path: &Path, en: impl Into<String>, ko: impl Into<String>) {
        let at = self.pos.key(path);
        self.out
            .push(Diagnostic::warning(at.line, at.column, path.to_string(), en).with_ko(ko));
    }

    /// Attach a hint to the last problem.
    pub fn hint(&mut self, en: impl Into<String>, ko: impl Into<String>) {
        if let Some(d) = self.out.pop() {
            self.out.push(d.with_hints(en, ko));
        }
    }

    /// `path: Required value[: detail]`, placed where the field should be.
    pub fn required(&mut self, path: &Path, detail: Option<Text>) {
        let at = path.parent().map_or(self.pos.start, |p| self.pos.key(&p));
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
            format!("잘못된 값 {value}: {}", ko.join(", ")),
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
