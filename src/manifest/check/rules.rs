//! A document checked in full: its fields ([`walk_obj`]), its name
//! (`ValidateObjectMeta`), then its kind's rules; the helpers the rules share.
//! <https://kubernetes.io/docs/concepts/overview/working-with-objects/names/>

use super::super::path::Path;
use super::super::schema::{OBJECT_META, Obj, Ty};
use super::kinds::{Checked, NameFormat};
use super::pod::pod_spec;
use super::types::{walk, walk_obj};
use super::workloads::{job_spec, workload};
use super::{Sink, names, untag};
use serde_yaml::{Mapping, Value};

pub(super) fn get<'v>(v: &'v Value, key: &str) -> Option<&'v Value> {
    untag(v).get(key).map(untag).filter(|v| !v.is_null())
}

pub(super) fn str_of<'v>(v: &'v Value, key: &str) -> Option<&'v str> {
    get(v, key).and_then(Value::as_str)
}

pub(super) fn items<'v>(v: &'v Value, key: &str) -> &'v [Value] {
    get(v, key)
        .and_then(Value::as_sequence)
        .map_or(&[], Vec::as_slice)
}

/// Who runs a pod template: it decides the restartPolicy the API server
/// allows and names the kind in selector errors.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Owner {
    Pod,
    /// A controller that keeps its pods running (Deployment, ReplicaSet,
    /// DaemonSet, StatefulSet), by its lower-case kind.
    Controller(&'static str),
    Job,
}

/// Check a whole document of a kind checked in full.
pub fn check_object(s: &mut Sink, doc: &Value, c: &Checked) {
    let Some(map) = untag(doc).as_mapping() else {
        return;
    };
    let top = Path::root();
    walk_obj(s, map, c.root, &top, None);
    if get(doc, "status").is_some() {
        s.warn(
            &top.field("status"),
            "status is written by the cluster; it is ignored",
            "status는 클러스터가 채우는 필드라서 무시됩니다",
        );
    }
    if get(doc, "spec").is_none()
        && let Some(spec_field) = c.root.field("spec")
        && let Ty::Obj(spec_obj) = spec_field.ty
    {
        walk_obj(
            s,
            &Mapping::new(),
            spec_obj,
            &top.field("spec"),
            Some(c.root),
        );
    }
    name(s, doc, c.name);
    (c.rules)(s, doc);
}

/// The metadata of a kind that is not checked in full: its fields, its
/// name, labels and annotations, as the API server checks them for every
/// object (`ValidateObjectMeta`).
pub fn check_metadata(s: &mut Sink, doc: &Value, format: NameFormat) {
    let meta = Path::root().field("metadata");
    match untag(doc).get("metadata").map(untag) {
        Some(Value::Mapping(m)) => walk_obj(s, m, &OBJECT_META, &meta, None),
        Some(v) if !v.is_null() => walk(s, v, &Ty::Obj(&OBJECT_META), &meta, &ANY_OBJECT),
        _ => {
            // `metdata:`: the misspelling is the cause, not a missing name.
            let keys = untag(doc).as_mapping().into_iter().flatten();
            let typo = keys
                .filter_map(|(k, _)| k.as_str())
                .find(|k| *k != "metadata" && crate::suggest::closest(k, ["metadata"]).is_some());
            if let Some(t) = typo {
                let here = Path::root().field(t);
                s.key(
                    &here,
                    format!("unknown field {t:?}"),
                    format!("알 수 없는 필드 {t:?}"),
                );
                s.hint(
                    "did you mean \"metadata\"?",
                    "\"metadata\"를 쓰려던 것인가요?",
                );
                s.shadow(&meta);
            }
        }
    }
    name(s, doc, format);
}

/// The owner named in type errors of a kind without field tables.
static ANY_OBJECT: Obj = Obj {
    go: "unstructured.Unstructured",
    fields: &[],
};

/// The `spec` of a document, when it is a mapping.
fn spec_of(doc: &Value) -> Option<&Value> {
    get(doc, "spec").filter(|v| v.is_mapping())
}

fn spec_path() -> Path {
    Path::root().field("spec")
}

pub fn pod(s: &mut Sink, doc: &Value) {
    if let Some(spec) = spec_of(doc) {
        pod_spec(s, spec, &spec_path(), Owner::Pod, &[]);
    }
}

pub fn deployment(s: &mut Sink, doc: &Value) {
    if let Some(spec) = spec_of(doc) {
        workload(s, spec, &spec_path(), Owner::Controller("deployment"));
    }
}

pub fn replica_set(s: &mut Sink, doc: &Value) {
    if let Some(spec) = spec_of(doc) {
        workload(s, spec, &spec_path(), Owner::Controller("replicaset"));
    }
}

pub fn job(s: &mut Sink, doc: &Value) {
    if let Some(spec) = spec_of(doc) {
        job_spec(s, spec, &spec_path());
    }
}

fn name(s: &mut Sink, doc: &Value, format: NameFormat) {
    let meta = Path::root().field("metadata");
    let m = get(doc, "metadata");
    let name = m.and_then(|m| str_of(m, "name"));
    let generate = m.and_then(|m| str_of(m, "generateName"));
    match name {
        Some(n) => {
            let problems = match format {
                NameFormat::Subdomain => names::dns1123_subdomain(n),
                NameFormat::Label => names::dns1123_label(n),
                NameFormat::Dns1035 => names::dns1035_label(n),
                NameFormat::PathSegment => names::path_segment(n),
                NameFormat::Unnamed => Vec::new(),
            };
            s.invalid(&meta.field("name"), &format!("{n:?}"), problems);
        }
        None if generate.is_none() && format != NameFormat::Unnamed => s.required(
            &meta.field("name"),
            Some((
                "name or generateName is required".into(),
                "name 또는 generateName이 있어야 합니다".into(),
            )),
        ),
        None => {}
    }
}

pub(super) fn non_negative(s: &mut Sink, spec: &Value, path: &Path, key: &str) {
    if let Some(n) = get(spec, key).and_then(Value::as_i64)
        && n < 0
    {
        s.invalid(
            &path.field(key),
            &n.to_string(),
            vec![(
                "must be greater than or equal to 0".into(),
                "0 이상이어야 합니다".into(),
            )],
        );
    }
}
