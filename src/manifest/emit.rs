//! The documents of a manifest written out as YAML or JSON, keys in the order
//! they were written.

use super::Loaded;

/// Every document as YAML, separated by `---` lines.
pub fn to_yaml(loaded: &Loaded) -> String {
    let mut out = String::new();
    for (i, doc) in loaded.documents.iter().enumerate() {
        if i > 0 {
            out.push_str("---\n");
        }
        out.push_str(&serde_yaml::to_string(&doc.value).unwrap_or_default());
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
fn untagged(value: &serde_yaml::Value) -> serde_yaml::Value {
    use serde_yaml::Value;
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

#[cfg(test)]
mod tests {
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
