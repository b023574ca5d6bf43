//! One parsed document -> its kind, its problems and (when valid) its object.

use super::check::{self, Sink, kinds, untag};
use super::path::Path;
use super::source::RawDoc;
use super::{Diagnostic, Document, build};
use crate::suggest;
use serde_yaml::Value;

pub fn check(raw: &RawDoc) -> (Document, Vec<Diagnostic>) {
    let mut s = Sink::new(&raw.pos);
    let v = untag(&raw.value);
    let field = |k: &str| v.get(k).map(untag);
    let text = |k: &str| field(k).and_then(Value::as_str).map(str::to_string);
    let mut doc = Document {
        line: raw.pos.start.line,
        api_version: text("apiVersion").unwrap_or_default(),
        kind: text("kind").unwrap_or_default(),
        name: field("metadata")
            .and_then(|m| untag(m).get("name"))
            .and_then(Value::as_str)
            .map(str::to_string),
        object: None,
        value: raw.value.clone(),
    };
    if !v.is_mapping() {
        let at = raw.pos.start;
        s.at(
            at,
            &Path::root(),
            "json: cannot unmarshal into Go value of type map[string]interface {}: a manifest is a mapping of fields",
            "매니페스트는 `키: 값` 필드들의 매핑이어야 합니다",
        );
        return (doc, s.out);
    }
    let root = Path::root();
    let mut missing = false;
    for (key, en, ko) in [
        ("apiVersion", "apiVersion not set", "apiVersion이 없습니다"),
        ("kind", "kind not set", "kind가 없습니다"),
    ] {
        match field(key) {
            Some(Value::String(t)) if !t.is_empty() => {}
            Some(other) if !other.is_null() => {
                s.value(
                    &root.field(key),
                    format!("{key} must be a string"),
                    format!("{key}는 문자열이어야 합니다"),
                );
                missing = true;
            }
            _ => {
                s.at(raw.pos.start, &root.field(key), en, ko);
                missing = true;
            }
        }
    }
    if missing {
        return (doc, s.out);
    }
    let (kind, version) = (doc.kind.clone(), doc.api_version.clone());
    let Some(served) = kinds::versions_of(&kind) else {
        s.value(
            &root.field("kind"),
            format!("no matches for kind {kind:?} in version {version:?}"),
            format!("{version:?} 버전에는 {kind:?} kind가 없습니다"),
        );
        if let Some(close) = suggest::closest(&kind, kinds::all_kinds()) {
            s.hint(
                format!("did you mean kind: {close}? (kinds are case-sensitive)"),
                format!("kind: {close}를 쓰려던 것인가요? (kind는 대소문자를 구분합니다)"),
            );
        }
        return (doc, s.out);
    };
    if !served.contains(&version.as_str()) {
        s.value(
            &root.field("apiVersion"),
            format!("no matches for kind {kind:?} in version {version:?}"),
            format!("{version:?} 버전에는 {kind:?} kind가 없습니다"),
        );
        s.hint(
            format!("{kind} is served by apiVersion: {}", served[0]),
            format!("{kind}의 apiVersion은 {}입니다", served[0]),
        );
        return (doc, s.out);
    }
    let Some((k, root_obj)) = kinds::simulated(&kind) else {
        let at = raw.pos.value(&root.field("kind"));
        s.out.push(
            Diagnostic::warning(
                at.line,
                at.column,
                "kind",
                format!("kind {kind} is not simulated; skipped"),
            )
            .with_ko(format!(
                "{kind}는 시뮬레이터가 다루지 않는 kind라서 건너뜁니다"
            )),
        );
        return (doc, s.out);
    };
    check::check_object(&mut s, &raw.value, k, root_obj);
    if !s.out.iter().any(Diagnostic::is_error) {
        doc.object = build::object(k, &raw.value);
    }
    (doc, s.out)
}
