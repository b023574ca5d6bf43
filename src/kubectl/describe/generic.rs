//! kubectl's generic describer, for a kind it has no describer of its own
//! for (a Lease): the name, namespace, labels and annotations, then every
//! field of the object as the API returns it, key by key in sorted order
//! and labelled as kubectl labels them, then the events.
//! (staging/src/k8s.io/kubectl/pkg/describe/describe.go: genericDescriber,
//! printUnstructuredContent, smartLabelFor.)

use super::W;
use crate::sim::Cluster;
use crate::sim::events::ObjRef;
use crate::sim::stored::Meta;
use serde_json::{Map, Value};

/// Fields the generic describer leaves out (printed above, or noise).
const SKIP: &[&str] = &[
    ".metadata.managedFields",
    ".metadata.name",
    ".metadata.namespace",
    ".metadata.labels",
    ".metadata.annotations",
];

/// Words kubectl writes in capitals in a field's label.
const ACRONYMS: &[&str] = &["API", "URL", "UID", "OSB", "GUID"];

/// The object `value` (with its stored metadata `m`), described as
/// kubectl's generic describer prints it.
pub(super) fn describe(c: &Cluster, value: &Value, m: &Meta, obj: &ObjRef) -> String {
    let mut w = W::default();
    w.kv(0, "Name", &m.name);
    w.kv(0, "Namespace", &m.namespace);
    w.labels(0, "Labels", &m.labels);
    w.annotations(0, &m.annotations);
    if let Some(fields) = value.as_object() {
        content(&mut w, 0, fields, "");
    }
    w.events(c, obj);
    w.done()
}

/// printUnstructuredContent: maps open a level under their label, lists
/// print their items one level down (maps field by field), and anything
/// else goes beside its label.
fn content(w: &mut W, lvl: usize, fields: &Map<String, Value>, prefix: &str) {
    // serde_json's map keeps its keys sorted by bytes, as Go's sort.Strings.
    for (field, value) in fields {
        let path = format!("{prefix}.{field}");
        if SKIP.contains(&path.as_str()) {
            continue;
        }
        match value {
            Value::Object(inner) => {
                w.line(lvl, &format!("{}:", label(field)));
                content(w, lvl + 1, inner, &path);
            }
            Value::Array(items) => {
                w.line(lvl, &format!("{}:", label(field)));
                for item in items {
                    match item {
                        Value::Object(inner) => content(w, lvl + 1, inner, &path),
                        other => w.line(lvl + 1, &go_value(other)),
                    }
                }
            }
            other => w.kv(lvl, &label(field), go_value(other)),
        }
    }
}

/// A value as Go's `%v` prints what JSON decodes to.
fn go_value(v: &Value) -> String {
    match v {
        Value::Null => "<nil>".into(),
        Value::String(s) => s.clone(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::Array(items) => {
            let items: Vec<String> = items.iter().map(go_value).collect();
            format!("[{}]", items.join(" "))
        }
        Value::Object(m) => {
            let items: Vec<String> = m
                .iter()
                .map(|(k, v)| format!("{k}:{}", go_value(v)))
                .collect();
            format!("map[{}]", items.join(" "))
        }
    }
}

/// smartLabelFor: `leaseDurationSeconds` → `Lease Duration Seconds`,
/// `apiVersion` → `API Version`; a field with characters other than letters
/// and `-` stays as it is.
pub(super) fn label(field: &str) -> String {
    if field.chars().any(|c| !c.is_alphabetic() && c != '-') {
        return field.to_string();
    }
    camel_words(field)
        .into_iter()
        .filter(|p| p != "_")
        .map(|p| {
            let upper = p.to_uppercase();
            if ACRONYMS.contains(&upper.as_str()) {
                upper
            } else {
                title(&p)
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The words of a camel-case name as github.com/fatih/camelcase splits
/// them: runs of lower-case, upper-case, digits or other characters, an
/// upper-case run giving its last letter to a lower-case run after it
/// (`PDFLoader` → `PDF`, `Loader`).
fn camel_words(s: &str) -> Vec<String> {
    let class = |c: char| {
        if c.is_lowercase() {
            1
        } else if c.is_uppercase() {
            2
        } else if c.is_numeric() {
            3
        } else {
            4
        }
    };
    let mut runs: Vec<(u8, Vec<char>)> = Vec::new();
    for c in s.chars() {
        match runs.last_mut() {
            Some((k, run)) if *k == class(c) => run.push(c),
            _ => runs.push((class(c), vec![c])),
        }
    }
    for i in 1..runs.len() {
        if runs[i - 1].0 == 2
            && runs[i].0 == 1
            && let Some(last) = runs[i - 1].1.pop()
        {
            runs[i].1.insert(0, last);
        }
    }
    runs.into_iter()
        .filter(|(_, run)| !run.is_empty())
        .map(|(_, run)| run.into_iter().collect())
        .collect()
}

/// strings.Title of one word: its first letter in capitals.
fn title(word: &str) -> String {
    let mut cs = word.chars();
    cs.next()
        .map(|first| first.to_uppercase().chain(cs).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_follow_smart_label_for() {
        for (field, want) in [
            ("apiVersion", "API Version"),
            ("uid", "UID"),
            ("leaseDurationSeconds", "Lease Duration Seconds"),
            ("holderIdentity", "Holder Identity"),
            ("ownerReferences", "Owner References"),
            ("podCIDRs", "Pod CID Rs"),
            ("PDFLoader", "PDF Loader"),
            ("node-role", "Node - Role"),
            ("kubernetes.io/hostname", "kubernetes.io/hostname"),
            ("k8s", "k8s"),
        ] {
            assert_eq!(label(field), want, "{field}");
        }
    }

    #[test]
    fn values_print_as_go_prints_them() {
        let v: Value = serde_json::json!([null, true, 40, "x", [1, "a"], {"b": 1, "a": [2]}]);
        let got: Vec<String> = v.as_array().unwrap().iter().map(go_value).collect();
        assert_eq!(got, ["<nil>", "true", "40", "x", "[1 a]", "map[a:[2] b:1]"]);
    }
}
