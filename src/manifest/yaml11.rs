//! Plain scalars read the way kubectl reads them.
//!
//! kubectl turns YAML into JSON with sigs.k8s.io/yaml, which parses with
//! go-yaml v2: YAML 1.1 rules. `0644` is the octal number 420, `yes`, `on`,
//! `y` (in lower, Capitalised or UPPER case) are `true`, `1_000` is 1000, and
//! map keys are turned into strings afterwards (`yes:` becomes `"true"`).
//! `yaml_serde` follows YAML 1.2, where all of these are strings; so after it
//! has built a document, the plain (unquoted, untagged) scalars are resolved
//! again here, using the position scanner's record of how each scalar was
//! written. Timestamps stay strings, as go-yaml v2 leaves them when decoding
//! into an `interface{}`; sexagesimal numbers (`1:20`) are strings to go-yaml
//! v2 too. Checked against kubectl 1.33 (`kubectl create --dry-run=client -o
//! json`), see `tests/manifest_yaml11.rs`.
//! <https://github.com/go-yaml/yaml/blob/v2/resolve.go>
//! <https://github.com/kubernetes-sigs/yaml/blob/master/yaml.go>

use super::positions::{NodeId, PosMap, ROOT, Step, Style};
use serde_yaml::{Mapping, Number, Value};

/// Re-read the plain scalars of `value` (a document parsed from YAML) with
/// YAML 1.1 rules; record what was re-typed in `pos.retyped`.
pub fn resolve(value: &mut Value, pos: &mut PosMap) {
    walk(value, ROOT, ROOT, pos, 0);
}

/// Aliases may repeat anchors that contain aliases: the depth bounds that.
const MAX_DEPTH: usize = 512;

/// `doc` is the node in the document, `syn` the node whose text it is (they
/// differ inside an alias). Each value costs a constant number of
/// position-map steps, whatever its depth: the walk is linear in the size of
/// the value.
fn walk(value: &mut Value, doc: NodeId, syn: NodeId, pos: &mut PosMap, depth: usize) {
    if depth > MAX_DEPTH {
        return;
    }
    let entry = pos.entry_at(syn).copied();
    let syn = match entry.and_then(|e| e.alias) {
        Some(id) => match pos.anchors.get(&id) {
            Some(anchor) => *anchor,
            None => return,
        },
        None => syn,
    };
    let entry = pos.entry_at(syn).copied();
    let plain = entry.is_some_and(|e| e.style == Style::Plain && !e.tagged);
    if plain
        && doc != syn
        && let Some(raw) = pos.retyped_at(syn).map(str::to_string)
    {
        pos.set_retyped(doc, &raw);
    }
    match value {
        Value::String(text) => {
            if plain && let Some(v) = plain_scalar(text) {
                *value = v;
            }
        }
        Value::Number(n) if plain => {
            // `3.0` is the float 3, which sigs.k8s.io/yaml writes to JSON as
            // `3`: an integer to the API server.
            if let Some(i) = integral(n) {
                *value = Value::Number(i.into());
            }
        }
        Value::Sequence(items) => {
            for (i, item) in items.iter_mut().enumerate() {
                let d = pos.child(doc, Step::Index(i));
                // Outside an alias the document's node is the text's node:
                // one lookup, not two.
                let s = if doc == syn {
                    d
                } else {
                    pos.child(syn, Step::Index(i))
                };
                walk(item, d, s, pos, depth + 1);
            }
        }
        Value::Mapping(map) => {
            let old = std::mem::take(map);
            let mut out = Mapping::with_capacity(old.len());
            for (key, mut v) in old {
                let written = key_text(&key);
                let s = pos.child(syn, Step::Name(written.as_str().into()));
                let plain = pos.entry_at(s).is_some_and(|e| e.key_plain);
                if plain && written == "<<" {
                    walk(&mut v, doc, s, pos, depth + 1);
                    merge(&mut out, v);
                    continue;
                }
                let key = json_key(key, plain);
                let name = key_text(&key);
                let d = if doc == syn && name == written {
                    s
                } else {
                    pos.child(doc, Step::Name(name.as_str().into()))
                };
                if name != written {
                    let from = if doc == syn {
                        s
                    } else {
                        pos.child(doc, Step::Name(written.as_str().into()))
                    };
                    pos.alias_entry(from, d);
                }
                walk(&mut v, d, s, pos, depth + 1);
                // A later equal key replaces the value, as go-yaml v2 does.
                out.insert(key, v);
            }
            *map = out;
        }
        Value::Tagged(t) => walk(&mut t.value, doc, syn, pos, depth + 1),
        _ => {}
    }
}

/// A plain `<<` key (a quoted one is an ordinary key): the entries of the
/// mapping, or of each mapping of the list, are set where it stands, the
/// first mapping of a list winning, as go-yaml v2 merges them.
fn merge(out: &mut Mapping, v: Value) {
    match v {
        Value::Mapping(m) => {
            for (k, v) in m {
                out.insert(k, v);
            }
        }
        Value::Sequence(items) => {
            for item in items.into_iter().rev() {
                if let Value::Mapping(m) = item {
                    for (k, v) in m {
                        out.insert(k, v);
                    }
                }
            }
        }
        Value::Tagged(t) => merge(out, t.value),
        _ => {}
    }
}

/// The text the scanner recorded for a key.
fn key_text(key: &Value) -> String {
    match key {
        Value::String(s) => s.clone(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::Tagged(t) => key_text(&t.value),
        _ => "?".to_string(),
    }
}

/// A map key as sigs.k8s.io/yaml makes it: the YAML 1.1 value of a plain
/// key, written as a string (`yes` -> "true", `0644` -> "420").
fn json_key(key: Value, plain: bool) -> Value {
    let resolved = match &key {
        Value::String(s) if plain => plain_scalar(s).unwrap_or(key),
        _ => key,
    };
    match resolved {
        Value::Bool(b) => Value::String(b.to_string()),
        Value::Number(n) => Value::String(number_key(&n)),
        other => other,
    }
}

fn number_key(n: &Number) -> String {
    if let Some(i) = n.as_i64() {
        return i.to_string();
    }
    if let Some(u) = n.as_u64() {
        return u.to_string();
    }
    // go-yaml formats a float key with strconv.FormatFloat(f, 'g', -1, 32).
    let f = n.as_f64().unwrap_or_default() as f32;
    if f.is_nan() {
        ".nan".into()
    } else if f.is_infinite() {
        if f > 0.0 { ".inf" } else { "-.inf" }.into()
    } else {
        f.to_string()
    }
}

/// The YAML 1.1 (go-yaml v2) value of a plain scalar, when it is not a
/// string; `None` leaves the string as it is.
pub fn plain_scalar(text: &str) -> Option<Value> {
    if let Some(b) = bool_word(text) {
        return Some(Value::Bool(b));
    }
    match text {
        "~" | "null" | "Null" | "NULL" => return Some(Value::Null),
        _ => {}
    }
    let first = text.chars().next()?;
    if first == '.' {
        // `.5`: a float; `.inf`/`.nan` are left alone (JSON has no such number).
        return go_float(text).map(Value::Number);
    }
    if !(first.is_ascii_digit() || first == '+' || first == '-') {
        return None;
    }
    let plain: String = text.chars().filter(|&c| c != '_').collect();
    if let Some(i) = go_parse_int(&plain) {
        return Some(Value::Number(i.into()));
    }
    if let Some(u) = go_parse_uint(&plain) {
        return Some(Value::Number(u.into()));
    }
    if is_yaml_style_float(&plain) {
        return go_float(&plain).map(Value::Number);
    }
    None
}

/// go-yaml v2's booleans: each word in lower, Capitalised or UPPER case.
pub fn bool_word(text: &str) -> Option<bool> {
    const TRUE: &[&str] = &["y", "yes", "true", "on"];
    const FALSE: &[&str] = &["n", "no", "false", "off"];
    let lower = text.to_ascii_lowercase();
    let cased = text == lower || text == lower.to_ascii_uppercase() || text == capitalised(&lower);
    if !cased {
        return None;
    }
    if TRUE.contains(&lower.as_str()) {
        Some(true)
    } else if FALSE.contains(&lower.as_str()) {
        Some(false)
    } else {
        None
    }
}

fn capitalised(lower: &str) -> String {
    let mut c = lower.chars();
    c.next()
        .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
        .unwrap_or_default()
}

/// A float, or an integer when it has no fraction (as Go's JSON encoder
/// writes a float64 `8` as `8`).
fn go_float(text: &str) -> Option<Number> {
    let f: f64 = text.parse().ok()?;
    if !f.is_finite() {
        return None;
    }
    let n = Number::from(f);
    Some(integral(&n).map_or(n, Number::from))
}

fn integral(n: &Number) -> Option<i64> {
    let f = n.as_f64().filter(|_| n.is_f64())?;
    let fits = f.fract() == 0.0 && f.abs() < 9.0e15;
    fits.then_some(f as i64)
}

/// `^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`
fn is_yaml_style_float(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = usize::from(matches!(b.first(), Some(b'+' | b'-')));
    let digits = |i: &mut usize| {
        let from = *i;
        while b.get(*i).is_some_and(u8::is_ascii_digit) {
            *i += 1;
        }
        *i - from
    };
    if b.get(i) == Some(&b'.') {
        i += 1;
        if digits(&mut i) == 0 {
            return false;
        }
    } else {
        if digits(&mut i) == 0 {
            return false;
        }
        if b.get(i) == Some(&b'.') {
            i += 1;
            digits(&mut i);
        }
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        if digits(&mut i) == 0 {
            return false;
        }
    }
    i == b.len()
}

/// Go's `strconv.ParseInt(s, 0, 64)`: a sign, then `0x`, `0o`, `0b` or a
/// leading `0` (octal) choose the base.
fn go_parse_int(s: &str) -> Option<i64> {
    let (neg, body) = match s.as_bytes().first()? {
        b'-' => (true, &s[1..]),
        b'+' => (false, &s[1..]),
        _ => (false, s),
    };
    let magnitude = go_parse_uint(body)?;
    if neg {
        0i64.checked_sub_unsigned(magnitude)
    } else {
        i64::try_from(magnitude).ok()
    }
}

/// Go's `strconv.ParseUint(s, 0, 64)`.
fn go_parse_uint(s: &str) -> Option<u64> {
    let lower = s.get(..2).map(str::to_ascii_lowercase);
    let (radix, digits) = match lower.as_deref() {
        Some("0x") => (16, &s[2..]),
        Some("0o") => (8, &s[2..]),
        Some("0b") => (2, &s[2..]),
        _ if s.len() > 1 && s.starts_with('0') => (8, &s[1..]),
        _ => (10, s),
    };
    if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
        return None;
    }
    u64::from_str_radix(digits, radix).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(v: Option<Value>) -> Option<String> {
        v.map(|v| match v {
            Value::Number(n) => n.to_string(),
            other => format!("{other:?}"),
        })
    }

    #[test]
    fn numbers_as_go_yaml_v2_reads_them() {
        for (text, want) in [
            ("0644", Some("420")),
            ("-0644", Some("-420")),
            ("0_644", Some("420")),
            ("08", Some("8")),
            ("09.5", Some("9.5")),
            ("1_000", Some("1000")),
            ("0x1F", Some("31")),
            ("+0x10", Some("16")),
            ("0o17", Some("15")),
            ("0b101", Some("5")),
            ("-0b11", Some("-3")),
            ("+12", Some("12")),
            ("1e3", Some("1000")),
            ("0.", Some("0")),
            ("1.5e1", Some("15")),
            ("2.5", Some("2.5")),
            (".5", Some("0.5")),
            ("12e", None),
            ("0xg", None),
            ("2001-12-14", None),
            ("190:20:30", None),
            ("1.2.3", None),
            ("-", None),
        ] {
            assert_eq!(num(plain_scalar(text)).as_deref(), want, "{text}");
        }
    }

    #[test]
    fn booleans_in_three_cases_only() {
        for t in [
            "y", "Y", "yes", "Yes", "YES", "on", "On", "ON", "true", "TRUE",
        ] {
            assert_eq!(bool_word(t), Some(true), "{t}");
        }
        for t in ["n", "N", "no", "No", "NO", "off", "Off", "OFF", "False"] {
            assert_eq!(bool_word(t), Some(false), "{t}");
        }
        for t in ["yEs", "oN", "tRUE", "nO", "yess", ""] {
            assert_eq!(bool_word(t), None, "{t}");
        }
    }
}
