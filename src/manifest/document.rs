//! One parsed document -> its kind, its problems and (when valid) its object.
//!
//! A kind a v1.33 API server serves is checked in full when kubetutor has
//! its field tables ([`kinds::CHECKED`]); any other served kind gets its
//! metadata checked and a warning; a kind no v1.33 server serves is an error
//! that says what to write instead. The items of a `kind: List` are checked
//! like documents of their own.

use super::check::{self, Sink, kinds, served, untag};
use super::path::Path;
use super::source::RawDoc;
use super::{Diagnostic, Document, Status, build};
use crate::suggest;
use serde_yaml::Value;

/// Check one document; the value as written moves into the [`Document`]
/// (a copy of an 8 MiB manifest's value tree cost time and as much memory
/// again).
pub fn check(raw: RawDoc) -> (Document, Vec<Diagnostic>) {
    let mut s = Sink::new(&raw.pos);
    let mut doc = check_in(&mut s, &raw.value, true);
    let out = s.out;
    doc.value = raw.value;
    (doc, out)
}

/// Check the object at `s.base`.
fn check_in(s: &mut Sink, value: &Value, top: bool) -> Document {
    let before = s.out.len();
    let v = untag(value);
    let text = |k: &str| {
        v.get(k)
            .map(untag)
            .and_then(Value::as_str)
            .map(str::to_string)
    };
    let mut doc = Document {
        line: s.start().line,
        api_version: text("apiVersion").unwrap_or_default(),
        kind: text("kind").unwrap_or_default(),
        name: v
            .get("metadata")
            .and_then(|m| untag(m).get("name"))
            .and_then(Value::as_str)
            .map(str::to_string),
        object: None,
        // The top document takes its value when the check is done.
        value: if top { Value::Null } else { value.clone() },
        status: Status::Checked,
        items: Vec::new(),
    };
    let status = check_kind(s, value, &mut doc, top);
    let invalid = s.out[before..].iter().any(Diagnostic::is_error);
    doc.status = if invalid { Status::Invalid } else { status };
    doc
}

fn check_kind(s: &mut Sink, value: &Value, doc: &mut Document, top: bool) -> Status {
    let v = untag(value);
    let root = Path::root();
    if !v.is_mapping() {
        let at = s.start();
        s.at(
            at,
            &root,
            "json: cannot unmarshal into Go value of type map[string]interface {}: a manifest is a mapping of fields",
            "매니페스트는 `키: 값` 필드들의 매핑이어야 합니다",
        );
        return Status::Invalid;
    }
    if !type_fields(s, v) {
        return Status::Invalid;
    }
    let (kind, version) = (doc.kind.clone(), doc.api_version.clone());
    if kind == "List" && version == "v1" && top {
        return list(s, v, doc);
    }
    let Some(entry) = served::served(&kind, &version) else {
        not_served(s, &kind, &version);
        return Status::Invalid;
    };
    let meta = v.get("metadata").map(untag);
    if !entry.namespaced
        && let Some(ns) = meta
            .and_then(|m| m.get("namespace"))
            .and_then(Value::as_str)
    {
        s.warn(
            &root.field("metadata").field("namespace"),
            format!("{kind} is not in a namespace (cluster-scoped): namespace {ns:?} is ignored"),
            format!("{kind}는 네임스페이스에 속하지 않는 kind라서 namespace {ns:?}는 무시됩니다"),
        );
    }
    let Some(c) = kinds::checked(&kind, &version) else {
        check::check_metadata(s, value, kinds::name_format(&kind));
        let at = s.value_pos(&root.field("kind"));
        s.out.push(
            Diagnostic::warning(
                at.line,
                at.column,
                s.full(&root.field("kind")).to_string(),
                format!("{kind} is not checked by kubetutor (served by a cluster at {version})"),
            )
            .with_ko(format!(
                "{kind}는 kubetutor가 검사하지 않는 kind입니다 (클러스터는 {version}에서 제공합니다)"
            )),
        );
        return Status::Skipped;
    };
    let before = s.out.len();
    check::check_object(s, value, c);
    if !s.out[before..].iter().any(Diagnostic::is_error)
        && let Some(k) = c.simulated()
    {
        doc.object = build::object(k, value);
    }
    Status::Checked
}

/// `apiVersion` and `kind` set and strings; a key that looks like one of
/// them (`kin: Pod`) is named as the cause.
fn type_fields(s: &mut Sink, v: &Value) -> bool {
    let root = Path::root();
    let mut ok = true;
    for key in ["apiVersion", "kind"] {
        match v.get(key).map(untag) {
            Some(Value::String(t)) if !t.is_empty() => {}
            Some(other) if !other.is_null() => {
                s.value(
                    &root.field(key),
                    format!("{key} must be a string"),
                    format!("{key}는 문자열이어야 합니다"),
                );
                ok = false;
            }
            _ => {
                ok = false;
                let typo = v.as_mapping().into_iter().flatten().find_map(|(k, _)| {
                    let k = k.as_str()?;
                    (k != key && suggest::closest(k, [key]).is_some()).then(|| k.to_string())
                });
                let (en, ko) = (format!("{key} not set"), format!("{key}가 없습니다"));
                match typo {
                    Some(t) => {
                        s.key(&root.field(&t), en, ko);
                        s.hint(
                            format!("did you mean `{key}`? (`{t}` is not a field)"),
                            format!("`{key}`를 쓰려던 것인가요? (`{t}`라는 필드는 없습니다)"),
                        );
                    }
                    None => {
                        let at = s.start();
                        s.at(at, &root.field(key), en, ko);
                    }
                }
            }
        }
    }
    ok
}

/// The kind is not served at this version: removed, off by default, served
/// at another version, or not a kind at all.
fn not_served(s: &mut Sink, kind: &str, version: &str) {
    let root = Path::root();
    let versions = served::versions_of(kind);
    let known = !versions.is_empty()
        || served::all_kinds().any(|k| k == kind)
        || served::removed(kind, version).is_some();
    let at = if known { "apiVersion" } else { "kind" };
    s.value(
        &root.field(at),
        format!("no matches for kind {kind:?} in version {version:?}"),
        format!("{version:?} 버전에는 {kind:?} kind가 없습니다"),
    );
    if let Some(r) = served::removed(kind, version) {
        let (en, ko) = match r.instead {
            Some(to) => (
                format!(
                    "{version} {kind} was removed in Kubernetes {}; use apiVersion: {to}",
                    r.release
                ),
                format!(
                    "{version}의 {kind}는 쿠버네티스 {}에서 제거되었습니다. apiVersion: {to}를 쓰세요",
                    r.release
                ),
            ),
            // The one removal without a kind to move to.
            None if kind == "PodSecurityPolicy" => (
                format!(
                    "{version} {kind} was removed in Kubernetes {}; Pod Security Admission replaces it (pod-security.kubernetes.io/enforce labels on the namespace)",
                    r.release
                ),
                format!(
                    "{version}의 {kind}는 쿠버네티스 {}에서 제거되었습니다. 파드 시큐리티 어드미션이 대신합니다 (네임스페이스에 pod-security.kubernetes.io/enforce 레이블)",
                    r.release
                ),
            ),
            None => (
                format!(
                    "{version} {kind} was removed in Kubernetes {}, with no replacement",
                    r.release
                ),
                format!(
                    "{version}의 {kind}는 쿠버네티스 {}에서 제거되었고 대체하는 API가 없습니다",
                    r.release
                ),
            ),
        };
        s.hint(en, ko);
    } else if served::off_by_default(kind, version) {
        let (en, ko) = match versions.first() {
            Some(v) => (
                format!(
                    "{version} is off by default in Kubernetes {}; {kind} is served by apiVersion: {v}",
                    served::KUBERNETES_VERSION
                ),
                format!(
                    "{version}는 쿠버네티스 {}에서 기본으로 꺼져 있습니다. {kind}의 apiVersion은 {v}입니다",
                    served::KUBERNETES_VERSION
                ),
            ),
            None => (
                format!(
                    "{version} is off by default in Kubernetes {}: a cluster serves {kind} only when an administrator turns that API on",
                    served::KUBERNETES_VERSION
                ),
                format!(
                    "{version}는 쿠버네티스 {}에서 기본으로 꺼져 있어서, 관리자가 그 API를 켠 클러스터만 {kind}를 제공합니다",
                    served::KUBERNETES_VERSION
                ),
            ),
        };
        s.hint(en, ko);
    } else if let Some(v) = versions.first() {
        s.hint(
            format!("{kind} is served by apiVersion: {v}"),
            format!("{kind}의 apiVersion은 {v}입니다"),
        );
    } else if let Some(close) = suggest::closest(kind, served::all_kinds()) {
        s.hint(
            format!("did you mean kind: {close}? (kinds are case-sensitive)"),
            format!("kind: {close}를 쓰려던 것인가요? (kind는 대소문자를 구분합니다)"),
        );
    } else {
        s.hint(
            format!("{kind} is not a built-in kind of Kubernetes {}; a custom resource needs its CustomResourceDefinition installed first", served::KUBERNETES_VERSION),
            format!("{kind}는 쿠버네티스 {}의 기본 kind가 아닙니다. 사용자 정의 리소스라면 먼저 CustomResourceDefinition을 설치해야 합니다", served::KUBERNETES_VERSION),
        );
    }
}

/// A `kind: List`: each item checked as a document of its own.
fn list(s: &mut Sink, v: &Value, doc: &mut Document) -> Status {
    let items_path = Path::root().field("items");
    let items = match v.get("items").map(untag) {
        Some(Value::Sequence(items)) => items,
        None | Some(Value::Null) => return Status::Checked,
        Some(other) => {
            static LIST: super::schema::Obj = super::schema::Obj {
                go: "v1.List",
                fields: &[],
            };
            static ITEMS: super::schema::Ty = super::schema::Ty::List(&super::schema::Ty::Any);
            check::walk(s, other, &ITEMS, &items_path, &LIST);
            return Status::Invalid;
        }
    };
    let base = s.base.clone();
    let mut all_skipped = !items.is_empty();
    for (i, item) in items.iter().enumerate() {
        s.base = base.join(&items_path.index(i));
        let d = check_in(s, item, false);
        all_skipped &= d.status == Status::Skipped;
        doc.items.push(d);
    }
    s.base = base;
    if all_skipped {
        Status::Skipped
    } else {
        Status::Checked
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue #15 item 3: the document keeps the value the parser built, not
    /// a copy of it (the same list buffer before and after the check).
    #[test]
    fn the_value_moves_into_the_document() {
        let text = "apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: a}\n";
        let mut parsed = super::super::source::parse(text);
        let raw = parsed.docs.remove(0);
        let items = raw.value["items"].as_sequence().unwrap().as_ptr();
        let (doc, diagnostics) = check(raw);
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        assert_eq!(doc.kind, "List");
        assert_eq!(doc.items.len(), 1);
        assert_eq!(doc.items[0].value["metadata"]["name"], "a");
        assert_eq!(doc.value["items"].as_sequence().unwrap().as_ptr(), items);
    }
}
