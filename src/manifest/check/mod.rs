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
        let (en, ko) = (cut_quotes(&en.into()), cut_quotes(&ko.into()));
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
        let (en, ko) = (cut_quotes(&en.into()), cut_quotes(&ko.into()));
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
        Value::String(s) => quote_cut(s),
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Null => "null".into(),
        Value::Tagged(t) => repr(&t.value),
        other => {
            let json = serde_json::to_string(other).unwrap_or_default();
            if json.chars().count() <= QUOTE_MAX {
                json
            } else {
                let head: String = json.chars().take(QUOTE_MAX).collect();
                format!("{head}… ({} bytes in all)", json.len())
            }
        }
    }
}

/// The longest value a message quotes whole; a longer one is cut (a 50 MB
/// value must not be echoed back).
const QUOTE_MAX: usize = 80;

/// `s` in double quotes, cut to [`QUOTE_MAX`] characters with `…` and its
/// length when longer.
pub fn quote_cut(s: &str) -> String {
    if s.chars().count() <= QUOTE_MAX {
        return format!("{s:?}");
    }
    let head: String = s.chars().take(QUOTE_MAX).collect();
    format!("{head:?}… ({} bytes in all)", s.len())
}

/// `message` with every quoted value longer than [`QUOTE_MAX`] characters
/// cut (`"xxxx…" (N bytes in all)`): messages quote the manifest's values,
/// and a 50 MB one must not come back whole.
pub fn cut_quotes(message: &str) -> String {
    if message.len() <= QUOTE_MAX * 2 {
        return message.to_string();
    }
    let mut out = String::with_capacity(message.len().min(4096));
    let mut rest = message;
    while let Some(open) = rest.find('"') {
        out.push_str(&rest[..=open]);
        let body = &rest[open + 1..];
        // The closing quote: the first `"` not escaped by a backslash.
        let mut end = None;
        let mut escaped = false;
        for (i, c) in body.char_indices() {
            match c {
                '\\' if !escaped => escaped = true,
                '"' if !escaped => {
                    end = Some(i);
                    break;
                }
                _ => escaped = false,
            }
        }
        let Some(end) = end else {
            rest = body;
            break;
        };
        let quoted = &body[..end];
        if quoted.chars().count() > QUOTE_MAX {
            out.extend(quoted.chars().take(QUOTE_MAX));
            out.push_str(&format!("…\" ({} bytes in all)", quoted.len()));
        } else {
            out.push_str(quoted);
            out.push('"');
        }
        rest = &body[end + 1..];
    }
    out.push_str(rest);
    out
}

/// The value with YAML tags removed.
pub fn untag(v: &Value) -> &Value {
    match v {
        Value::Tagged(t) => untag(&t.value),
        other => other,
    }
}

#[cfg(test)]
mod cut_tests {
    /// Issue #15 item 13: a 50 MB value was echoed whole in an error.
    #[test]
    fn long_quoted_values_are_cut() {
        let long = "x".repeat(1000);
        let text = format!(
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  restartPolicy: {long}\n  containers:\n    - name: web\n      image: nginx\n"
        );
        let loaded = crate::manifest::load(&text);
        let e = loaded.errors().next().unwrap().to_string();
        assert!(e.len() < 300, "{e}");
        assert!(
            e.contains(&format!("\"{}…\" (1000 bytes in all)", "x".repeat(80))),
            "{e}"
        );
        assert!(e.contains("supported values: \"Always\""), "{e}");
        assert_eq!(
            super::cut_quotes("short \"a\\\"b\" ok"),
            "short \"a\\\"b\" ok"
        );
    }

    /// A nested duplicate key was reported twice (once by the YAML reader
    /// with the key's path, once by the position scan).
    #[test]
    fn a_nested_duplicate_key_is_reported_once() {
        let text = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels:\n    a: \"1\"\n    a: \"2\"\nspec:\n  containers:\n    - name: web\n      image: nginx\n";
        let loaded = crate::manifest::load(text);
        let errors: Vec<String> = loaded.errors().map(ToString::to_string).collect();
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(errors[0].contains("already set in map"), "{errors:?}");
    }
}
