//! `object` checks: a field path (`spec.template.spec.containers[0].image`)
//! looked up in an object as the API returns it, and the value found
//! compared with the one the exercise expects.
//!
//! Paths are dotted field names with `[N]` list indices. A map key that
//! holds dots (`kubernetes.io/hostname`) may be written plainly — the
//! longest run of names that is a key of the map wins — or quoted in
//! brackets: `spec.nodeSelector["kubernetes.io/hostname"]`.
//!
//! Values are compared the way a person reads them: `3` equals `"3"`,
//! `true` equals `"true"`; in `resources` (and any `cpu` or `memory`
//! field) quantities are compared by value, so `0.5` equals `500m` and
//! `1Gi` equals `1024Mi`
//! (<https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/quantity/>);
//! an expected map needs only its own keys to be present (the API adds
//! defaults), an expected list must match item by item.

use crate::quantity::parse_milli;
use serde_json::Value as Json;
use serde_yaml::Value as Yaml;

/// One step of a path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Token {
    /// A field name, possibly joined with the next ones by dots when the
    /// map has such a key.
    Name(String),
    /// A key written in brackets and quotes: taken as it is.
    Quoted(String),
    Index(usize),
}

/// Split a path into tokens. Errors say what is wrong with the path.
pub fn parse_path(path: &str) -> Result<Vec<Token>, String> {
    let mut out = Vec::new();
    let mut chars = path.trim().chars().peekable();
    let mut name = String::new();
    let bad = |why: &str| format!("bad field path {path:?}: {why}");
    while let Some(c) = chars.next() {
        match c {
            '.' => {
                if name.is_empty()
                    && !matches!(out.last(), Some(Token::Index(_) | Token::Quoted(_)))
                {
                    return Err(bad("empty field name"));
                }
                if !name.is_empty() {
                    out.push(Token::Name(std::mem::take(&mut name)));
                }
                if chars.peek().is_none() {
                    return Err(bad("ends with a dot"));
                }
            }
            '[' => {
                if !name.is_empty() {
                    out.push(Token::Name(std::mem::take(&mut name)));
                }
                let mut inner = String::new();
                let mut closed = false;
                for c in chars.by_ref() {
                    if c == ']' {
                        closed = true;
                        break;
                    }
                    inner.push(c);
                }
                if !closed {
                    return Err(bad("unclosed ["));
                }
                let inner = inner.trim();
                let quoted = ['"', '\'']
                    .iter()
                    .find_map(|q| inner.strip_prefix(*q).and_then(|s| s.strip_suffix(*q)));
                if let Some(key) = quoted {
                    out.push(Token::Quoted(key.to_string()));
                } else {
                    let n = inner
                        .parse::<usize>()
                        .map_err(|_| bad(&format!("[{inner}] is not a list index")))?;
                    out.push(Token::Index(n));
                }
            }
            ']' => return Err(bad("unmatched ]")),
            _ => name.push(c),
        }
    }
    if !name.is_empty() {
        out.push(Token::Name(name));
    }
    if out.is_empty() {
        return Err(bad("empty"));
    }
    Ok(out)
}

/// What a lookup found.
#[derive(Debug, Clone, PartialEq)]
pub enum Found<'a> {
    Value(&'a Json),
    /// The path stops existing at `missing` (the path up to and including
    /// the first step not found); `parent` is the part that exists, `why`
    /// describes it.
    Missing {
        missing: String,
        parent: String,
        why: Absence,
    },
}

/// Why a step was not found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Absence {
    /// The map has no such key.
    NoKey(String),
    /// The list is shorter.
    NoIndex { index: usize, len: usize },
    /// The value is not a map (or list) at all: its JSON type.
    NotContainer(&'static str),
}

fn type_name(v: &Json) -> &'static str {
    match v {
        Json::Null => "null",
        Json::Bool(_) => "boolean",
        Json::Number(_) => "number",
        Json::String(_) => "string",
        Json::Array(_) => "list",
        Json::Object(_) => "map",
    }
}

fn shown(path: &str, step: &str) -> String {
    if path.is_empty() {
        step.to_string()
    } else if step.starts_with('[') {
        format!("{path}{step}")
    } else {
        format!("{path}.{step}")
    }
}

/// Follow `tokens` from `root`.
pub fn lookup<'a>(root: &'a Json, tokens: &[Token]) -> Found<'a> {
    let mut here = root;
    let mut path = String::new();
    let mut i = 0;
    while i < tokens.len() {
        let (next, step, used) = match (&tokens[i], here) {
            (Token::Index(n), Json::Array(items)) => {
                let step = format!("[{n}]");
                match items.get(*n) {
                    Some(v) => (v, step, 1),
                    None => {
                        return Found::Missing {
                            missing: shown(&path, &step),
                            parent: path,
                            why: Absence::NoIndex {
                                index: *n,
                                len: items.len(),
                            },
                        };
                    }
                }
            }
            (Token::Quoted(k), Json::Object(map)) => match map.get(k) {
                Some(v) => (v, format!("[{k:?}]"), 1),
                None => {
                    return Found::Missing {
                        missing: shown(&path, &format!("[{k:?}]")),
                        parent: path,
                        why: Absence::NoKey(k.clone()),
                    };
                }
            },
            (Token::Name(first), Json::Object(map)) => {
                // The longest run of names joined by dots that is a key.
                let run = tokens[i..]
                    .iter()
                    .take_while(|t| matches!(t, Token::Name(_)))
                    .count();
                let hit = (1..=run).rev().find_map(|len| {
                    let key = join_names(&tokens[i..i + len]);
                    map.get(&key).map(|v| (v, key, len))
                });
                match hit {
                    Some(found) => found,
                    None => {
                        return Found::Missing {
                            missing: shown(&path, first),
                            parent: path,
                            why: Absence::NoKey(first.clone()),
                        };
                    }
                }
            }
            (t, other) => {
                let step = match t {
                    Token::Index(n) => format!("[{n}]"),
                    Token::Quoted(k) => format!("[{k:?}]"),
                    Token::Name(n) => n.clone(),
                };
                return Found::Missing {
                    missing: shown(&path, &step),
                    parent: path,
                    why: Absence::NotContainer(type_name(other)),
                };
            }
        };
        path = shown(&path, &step);
        here = next;
        i += used;
    }
    Found::Value(here)
}

fn join_names(tokens: &[Token]) -> String {
    tokens
        .iter()
        .filter_map(|t| match t {
            Token::Name(n) => Some(n.as_str()),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join(".")
}

/// Whether values at this path are compared as quantities.
pub fn is_quantity_path(tokens: &[Token]) -> bool {
    tokens.iter().any(|t| match t {
        Token::Name(n) | Token::Quoted(n) => n
            .split('.')
            .any(|part| matches!(part, "resources" | "cpu" | "memory")),
        Token::Index(_) => false,
    })
}

/// Does `actual` (from the API) match `expected` (from the exercise)?
pub fn matches(expected: &Yaml, actual: &Json, quantities: bool) -> bool {
    match expected {
        Yaml::Tagged(t) => matches(&t.value, actual, quantities),
        Yaml::Null => actual.is_null(),
        Yaml::Bool(b) => match actual {
            Json::Bool(a) => a == b,
            Json::String(s) => s.trim() == b.to_string(),
            _ => false,
        },
        Yaml::Number(n) => scalar_eq(&n.to_string(), actual, quantities),
        Yaml::String(s) => scalar_eq(s, actual, quantities),
        Yaml::Sequence(items) => match actual {
            Json::Array(got) => {
                got.len() == items.len()
                    && items
                        .iter()
                        .zip(got)
                        .all(|(e, a)| matches(e, a, quantities))
            }
            _ => false,
        },
        Yaml::Mapping(map) => match actual {
            Json::Object(got) => map.iter().all(|(k, v)| {
                let key = scalar_text(k);
                let quantities =
                    quantities || matches!(key.as_str(), "resources" | "cpu" | "memory");
                got.get(&key).is_some_and(|a| matches(v, a, quantities))
            }),
            _ => false,
        },
    }
}

/// A scalar written in the exercise, compared with a scalar from the API.
fn scalar_eq(expected: &str, actual: &Json, quantities: bool) -> bool {
    let expected = expected.trim();
    let text = match actual {
        Json::String(s) => s.trim().to_string(),
        Json::Number(n) => n.to_string(),
        Json::Bool(b) => b.to_string(),
        _ => return false,
    };
    if text == expected {
        return true;
    }
    if quantities && let (Ok(a), Ok(b)) = (parse_milli(&text), parse_milli(expected)) {
        return a == b;
    }
    // 3 and 3.0, "3" and 3: the same number.
    match (text.parse::<f64>(), expected.parse::<f64>()) {
        (Ok(a), Ok(b)) => a == b && !matches!(actual, Json::Bool(_)),
        _ => false,
    }
}

fn scalar_text(v: &Yaml) -> String {
    match v {
        Yaml::String(s) => s.clone(),
        Yaml::Number(n) => n.to_string(),
        Yaml::Bool(b) => b.to_string(),
        Yaml::Null => "null".to_string(),
        Yaml::Tagged(t) => scalar_text(&t.value),
        other => serde_json::to_string(other).unwrap_or_default(),
    }
}

/// A value as a message shows it: strings bare (`""` when empty), the rest
/// as compact JSON, cut to a readable length.
pub fn show_json(v: &Json) -> String {
    let text = match v {
        Json::String(s) if s.is_empty() => "\"\"".to_string(),
        Json::String(s) => s.clone(),
        other => other.to_string(),
    };
    clip(&text)
}

/// An expected value as a message shows it.
pub fn show_yaml(v: &Yaml) -> String {
    match serde_json::to_value(v) {
        Ok(j) => show_json(&j),
        Err(_) => clip(&scalar_text(v)),
    }
}

fn clip(text: &str) -> String {
    const MAX: usize = 80;
    if text.chars().count() <= MAX {
        return text.to_string();
    }
    let mut out: String = text.chars().take(MAX - 1).collect();
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn y(text: &str) -> Yaml {
        serde_yaml::from_str(text).unwrap()
    }

    #[test]
    fn paths_parse_names_indices_and_quoted_keys() {
        assert_eq!(
            parse_path("spec.containers[0].image").unwrap(),
            vec![
                Token::Name("spec".into()),
                Token::Name("containers".into()),
                Token::Index(0),
                Token::Name("image".into())
            ]
        );
        assert_eq!(
            parse_path("spec.nodeSelector[\"kubernetes.io/hostname\"]").unwrap(),
            vec![
                Token::Name("spec".into()),
                Token::Name("nodeSelector".into()),
                Token::Quoted("kubernetes.io/hostname".into())
            ]
        );
        for bad in ["", "a..b", "a.", ".a", "a[x]", "a[1", "a]"] {
            assert!(parse_path(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn lookup_follows_the_path_and_names_what_is_missing() {
        let v = json!({"spec": {"containers": [{"image": "nginx"}],
                       "nodeSelector": {"kubernetes.io/hostname": "node-2"}, "replicas": 3}});
        let at = |p: &str| lookup(&v, &parse_path(p).unwrap());
        assert_eq!(
            at("spec.containers[0].image"),
            Found::Value(&json!("nginx"))
        );
        assert_eq!(
            at("spec.nodeSelector.kubernetes.io/hostname"),
            Found::Value(&json!("node-2"))
        );
        assert_eq!(
            at("spec.containers[1].image"),
            Found::Missing {
                missing: "spec.containers[1]".into(),
                parent: "spec.containers".into(),
                why: Absence::NoIndex { index: 1, len: 1 }
            }
        );
        assert_eq!(
            at("spec.template.spec"),
            Found::Missing {
                missing: "spec.template".into(),
                parent: "spec".into(),
                why: Absence::NoKey("template".into())
            }
        );
        assert_eq!(
            at("spec.replicas.x"),
            Found::Missing {
                missing: "spec.replicas.x".into(),
                parent: "spec.replicas".into(),
                why: Absence::NotContainer("number")
            }
        );
    }

    #[test]
    fn numbers_and_strings_compare_as_people_read_them() {
        assert!(matches(&y("3"), &json!(3), false));
        assert!(matches(&y("'3'"), &json!(3), false));
        assert!(matches(&y("3"), &json!("3"), false));
        assert!(matches(&y("3.0"), &json!(3), false));
        assert!(!matches(&y("2"), &json!(3), false));
        assert!(matches(&y("true"), &json!(true), false));
        assert!(matches(&y("'true'"), &json!(true), false));
        assert!(!matches(&y("1"), &json!(true), false));
        assert!(matches(&y("nginx:1.27"), &json!("nginx:1.27"), false));
        assert!(!matches(&y("nginx"), &json!("nginx:1.27"), false));
        assert!(matches(&y("null"), &json!(null), false));
    }

    #[test]
    fn quantities_compare_by_value_where_they_live() {
        assert!(matches(&y("0.5"), &json!("500m"), true));
        assert!(matches(&y("'1Gi'"), &json!("1024Mi"), true));
        assert!(!matches(&y("'1G'"), &json!("1Gi"), true));
        assert!(!matches(&y("0.5"), &json!("500m"), false));
        let tokens = parse_path("spec.containers[0].resources.requests.cpu").unwrap();
        assert!(is_quantity_path(&tokens));
        assert!(!is_quantity_path(&parse_path("spec.replicas").unwrap()));
        // Inside an expected map, the keys say it.
        assert!(matches(
            &y("{requests: {cpu: 0.5, memory: 1Gi}}"),
            &json!({"requests": {"cpu": "500m", "memory": "1024Mi"}}),
            false
        ));
    }

    #[test]
    fn maps_need_their_keys_lists_every_item() {
        assert!(matches(
            &y("{app: web}"),
            &json!({"app": "web", "tier": "front"}),
            false
        ));
        assert!(!matches(
            &y("{app: web, x: y}"),
            &json!({"app": "web"}),
            false
        ));
        assert!(matches(&y("[a, b]"), &json!(["a", "b"]), false));
        assert!(!matches(&y("[a]"), &json!(["a", "b"]), false));
    }

    #[test]
    fn values_are_shown_plainly() {
        assert_eq!(show_json(&json!("nginx")), "nginx");
        assert_eq!(show_json(&json!("")), "\"\"");
        assert_eq!(show_json(&json!(3)), "3");
        assert_eq!(show_json(&json!({"a": 1})), "{\"a\":1}");
        assert_eq!(show_yaml(&y("3")), "3");
        assert_eq!(show_json(&json!("x".repeat(200))).chars().count(), 80);
    }
}
