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
        out.push_str(&serde_json::to_string_pretty(&doc.value).unwrap_or_default());
        out.push('\n');
    }
    out
}
