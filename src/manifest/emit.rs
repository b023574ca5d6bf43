//! The documents of a manifest written out as YAML or JSON, keys in the order
//! they were written.
//!
//! YAML is written by hand rather than with `yaml_serde`'s serializer: that
//! one quotes the strings YAML 1.2 would re-type, but kubectl reads YAML 1.1,
//! where `yes`, `on`, `n`, `0644` and `1:20` are not strings. Every string
//! that any YAML 1.1 or 1.2 reader could take for another type is written in
//! double quotes, so what kubectl reads back is exactly the JSON it came from.

use super::Loaded;
use super::yaml11;
use serde_yaml::Value;

/// Every document as YAML, separated by `---` lines.
pub fn to_yaml(loaded: &Loaded) -> String {
    let mut out = String::new();
    for (i, doc) in loaded.documents.iter().enumerate() {
        if i > 0 {
            out.push_str("---\n");
        }
        out.push_str(&yaml_of(&doc.value));
    }
    out
}

/// Every document as a pretty-printed JSON object; several documents are
/// written one after the other (a JSON stream, the form `kubectl apply -f`
/// reads), not wrapped in a `List`.
pub fn to_json(loaded: &Loaded) -> String {
    let mut out = String::new();
    for doc in &loaded.documents {
        out.push_str(&serde_json::to_string_pretty(&untagged(&doc.value)).unwrap_or_default());
        out.push('\n');
    }
    out
}

/// `value` without YAML tags (`!custom v1` is `v1`): JSON has no tags, and
/// serializing one as `{"!custom": "v1"}` would change the manifest's
/// meaning. kubectl reads a tagged scalar as its plain value the same way.
fn untagged(value: &Value) -> Value {
    match value {
        Value::Tagged(t) => untagged(&t.value),
        Value::Sequence(items) => Value::Sequence(items.iter().map(untagged).collect()),
        Value::Mapping(map) => Value::Mapping(
            map.iter()
                .map(|(k, v)| (untagged(k), untagged(v)))
                .collect(),
        ),
        other => other.clone(),
    }
}

/// One value as a YAML document (block style, as `kubectl get -o yaml`
/// writes: list items at the indentation of their key).
pub fn yaml_of(v: &Value) -> String {
    let mut out = String::new();
    match untag(v) {
        Value::Mapping(m) if !m.is_empty() => mapping(&mut out, m, 0),
        Value::Sequence(s) if !s.is_empty() => sequence(&mut out, s, 0),
        other => {
            out.push_str(&inline(other, 0));
            out.push('\n');
        }
    }
    out
}

fn untag(v: &Value) -> &Value {
    match v {
        Value::Tagged(t) => untag(&t.value),
        other => other,
    }
}

fn pad(out: &mut String, n: usize) {
    out.extend(std::iter::repeat_n(' ', n));
}

/// The entries of a mapping at `indent`; the first one is written where
/// the cursor is (after `- ` for a list item), the others after padding.
fn mapping(out: &mut String, m: &serde_yaml::Mapping, indent: usize) {
    for (i, (k, v)) in m.iter().enumerate() {
        if i > 0 {
            pad(out, indent);
        }
        out.push_str(&key(k));
        out.push(':');
        match untag(v) {
            Value::Mapping(inner) if !inner.is_empty() => {
                out.push('\n');
                pad(out, indent + 2);
                mapping(out, inner, indent + 2);
            }
            Value::Sequence(items) if !items.is_empty() => {
                out.push('\n');
                pad(out, indent);
                sequence(out, items, indent);
            }
            other => {
                out.push(' ');
                out.push_str(&inline(other, indent + 2));
                out.push('\n');
            }
        }
    }
}

fn sequence(out: &mut String, items: &[Value], indent: usize) {
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            pad(out, indent);
        }
        out.push('-');
        match untag(item) {
            Value::Mapping(m) if !m.is_empty() => {
                out.push(' ');
                mapping(out, m, indent + 2);
            }
            Value::Sequence(s) if !s.is_empty() => {
                out.push(' ');
                sequence(out, s, indent + 2);
            }
            other => {
                out.push(' ');
                out.push_str(&inline(other, indent + 2));
                out.push('\n');
            }
        }
    }
}

fn key(k: &Value) -> String {
    match untag(k) {
        Value::String(s) if !s.contains('\n') => scalar(s),
        Value::String(s) => quoted(s),
        Value::Bool(b) => quoted(&b.to_string()),
        Value::Number(n) => quoted(&n.to_string()),
        Value::Null => quoted("null"),
        other => quoted(&serde_json::to_string(other).unwrap_or_default()),
    }
}

/// A scalar or an empty collection, on the rest of the current line (a
/// multi-line string continues on the next lines at `indent`).
fn inline(v: &Value, indent: usize) -> String {
    match untag(v) {
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => number(n),
        Value::String(s) => literal(s, indent).unwrap_or_else(|| scalar(s)),
        Value::Mapping(_) => "{}".into(),
        Value::Sequence(_) => "[]".into(),
        Value::Tagged(t) => inline(&t.value, indent),
    }
}

fn number(n: &serde_yaml::Number) -> String {
    let f = n.as_f64().unwrap_or_default();
    if n.is_f64() && !f.is_finite() {
        // JSON has no such number; kubectl could not send it either.
        return quoted(&n.to_string());
    }
    n.to_string()
}

/// A string plain when no YAML reader could take it for anything else,
/// double-quoted otherwise.
fn scalar(s: &str) -> String {
    if plain_is_safe(s) {
        s.to_string()
    } else {
        quoted(s)
    }
}

/// Whether `s` reads back as the same string when written plain, in YAML
/// 1.1 (go-yaml v2, kubectl) and YAML 1.2 alike.
pub fn plain_is_safe(s: &str) -> bool {
    let Some(first) = s.chars().next() else {
        return false;
    };
    let last = s.chars().last().unwrap_or(first);
    if first.is_whitespace() || last.is_whitespace() || last == ':' {
        return false;
    }
    // Indicators, and the starts of numbers, timestamps, `.inf`, `~`,
    // `=` (YAML 1.1's value key) and `<<` (merge key).
    if "-?:,[]{}#&*!|>'\"%@`.+~=<".contains(first) || first.is_ascii_digit() {
        return false;
    }
    let lower = s.to_ascii_lowercase();
    if ["y", "n", "yes", "no", "on", "off", "true", "false", "null"].contains(&lower.as_str())
        || yaml11::plain_scalar(s).is_some()
    {
        return false;
    }
    if s.contains(": ") || s.contains(" #") || s.contains(['\t', ',', '[', ']', '{', '}']) {
        return false;
    }
    s.chars().all(|c| !needs_escape(c))
}

fn needs_escape(c: char) -> bool {
    matches!(c, '\0'..='\x1f' | '\x7f'..='\u{9f}' | '\u{2028}' | '\u{2029}' | '\u{feff}' | '\u{fffe}' | '\u{ffff}')
}

/// A double-quoted YAML string (the escapes are JSON's, which YAML shares).
fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if needs_escape(c) => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A multi-line string as a literal block (`|`), when that reads back
/// exactly: printable text, no line ending in blanks, a first line that
/// does not start with a blank.
fn literal(s: &str, indent: usize) -> Option<String> {
    if indent == 0 || !s.contains('\n') || s.starts_with(['\n', ' ']) {
        return None;
    }
    let body = s.trim_end_matches('\n');
    let trailing = s.len() - body.len();
    if body.is_empty()
        || body
            .chars()
            .any(|c| c == '\t' || c == '\r' || needs_escape(c) && c != '\n')
        || body.lines().any(|l| l.ends_with(' '))
    {
        return None;
    }
    let chomp = match trailing {
        0 => "-",
        1 => "",
        _ => "+",
    };
    let mut out = format!("|{chomp}");
    for line in s[..body.len() + trailing.saturating_sub(1)].split('\n') {
        out.push('\n');
        if !line.is_empty() {
            out.push_str(&" ".repeat(indent));
            out.push_str(line);
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn yaml(text: &str) -> String {
        let v: Value = serde_json::from_str(text).unwrap();
        yaml_of(&v)
    }

    #[test]
    fn strings_yaml_1_1_would_retype_are_quoted() {
        assert_eq!(
            yaml(
                r#"{"a":"yes","b":"On","c":"n","d":"0644","e":"1:20","f":"2001-12-14","g":"~","h":"yEs","i":"web"}"#
            ),
            "a: \"yes\"\nb: \"On\"\nc: \"n\"\nd: \"0644\"\ne: \"1:20\"\nf: \"2001-12-14\"\ng: \"~\"\nh: \"yEs\"\ni: web\n"
        );
        assert_eq!(yaml(r#"{"n":"N","y":1}"#), "\"n\": \"N\"\n\"y\": 1\n");
    }

    #[test]
    fn block_layout_like_kubectl() {
        assert_eq!(
            yaml(r#"{"spec":{"containers":[{"name":"a","args":["-c","echo hi"]}],"x":{},"y":[]}}"#),
            "spec:\n  containers:\n  - name: a\n    args:\n    - \"-c\"\n    - echo hi\n  x: {}\n  \"y\": []\n"
        );
        assert_eq!(yaml(r#"[[1,2],[]]"#), "- - 1\n  - 2\n- []\n");
    }

    #[test]
    fn multi_line_strings_as_literal_blocks() {
        assert_eq!(
            yaml(r#"{"a":"one\ntwo\n","b":"x\n\ny","c":"p\n\n"}"#),
            "a: |\n  one\n  two\nb: |-\n  x\n\n  y\nc: |+\n  p\n\n"
        );
        assert_eq!(yaml(r#"{"a":"tab\there\n"}"#), "a: \"tab\\there\\n\"\n");
    }

    /// Issue #15 item 12: a custom tag accepted by `validate` used to
    /// become `{"!custom": "v1"}` in JSON, which then failed validation.
    #[test]
    fn json_drops_yaml_tags_and_validates_again() {
        let text = "apiVersion: !custom v1\nkind: Pod\nmetadata:\n  name: !x web\nspec:\n  containers:\n    - name: web\n      image: nginx\n";
        let loaded = super::super::load(text);
        assert!(!loaded.has_errors());
        let json = super::to_json(&loaded);
        assert!(json.contains("\"apiVersion\": \"v1\""), "{json}");
        assert!(!json.contains('!'), "{json}");
        assert!(!super::super::load(&json).has_errors(), "{json}");
    }
}
