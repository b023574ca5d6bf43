//! The API server's rules for PersistentVolume, PersistentVolumeClaim and
//! StorageClass, after `ValidatePersistentVolumeSpec` and
//! `ValidatePersistentVolumeClaimSpec` (pkg/apis/core/validation) and
//! `ValidateStorageClass` (pkg/apis/storage/validation) of kubernetes/kubernetes.
//! <https://kubernetes.io/docs/concepts/storage/persistent-volumes/>
//! <https://kubernetes.io/docs/concepts/storage/storage-classes/>

use super::super::path::Path;
use super::super::schema::{ACCESS_MODES, PV_SOURCES};
use super::rules::{get, items, str_of};
use super::{Sink, names, repr, untag};
use crate::quantity;
use serde_yaml::Value;

/// The access modes as the API server lists them (sorted).
const SUPPORTED_ACCESS_MODES: &[&str] = &[
    "ReadOnlyMany",
    "ReadWriteMany",
    "ReadWriteOnce",
    "ReadWriteOncePod",
];

fn spec_of(doc: &Value) -> Option<&Value> {
    get(doc, "spec").filter(|v| v.is_mapping())
}

/// `accessModes`: at least one (when `required`), each supported, and
/// ReadWriteOncePod alone.
fn access_modes(s: &mut Sink, spec: &Value, path: &Path, required: Option<&str>) {
    let apath = path.field("accessModes");
    let modes = items(spec, "accessModes");
    if modes.is_empty() {
        if let Some(detail) = required {
            let ko = if detail.is_empty() {
                "accessModes가 하나 이상 있어야 합니다".to_string()
            } else {
                "accessModes가 하나 이상 있어야 합니다 (예: ReadWriteOnce)".to_string()
            };
            let detail = (!detail.is_empty()).then(|| (detail.to_string(), ko));
            s.required(&apath, detail);
        }
        return;
    }
    for (i, m) in modes.iter().enumerate() {
        if let Value::String(mode) = untag(m)
            && !ACCESS_MODES.contains(&mode.as_str())
        {
            s.unsupported(&apath.index(i), mode, SUPPORTED_ACCESS_MODES);
        }
    }
    let rwop = modes
        .iter()
        .any(|m| untag(m).as_str() == Some("ReadWriteOncePod"));
    if rwop && modes.len() > 1 {
        s.forbidden(
            &apath,
            "may not use ReadWriteOncePod with other access modes",
            "ReadWriteOncePod는 다른 접근 모드와 함께 쓸 수 없습니다",
        );
    }
}

/// `storageClassName`: a DNS-1123 subdomain when set.
fn class_name(s: &mut Sink, spec: &Value, path: &Path) {
    if let Some(c) = str_of(spec, "storageClassName")
        && !c.is_empty()
    {
        let problems = names::dns1123_subdomain(c);
        s.invalid(&path.field("storageClassName"), &format!("{c:?}"), problems);
    }
}

fn quantity_of(v: &Value) -> Option<(String, u128)> {
    let text = match untag(v) {
        Value::String(t) => t.clone(),
        Value::Number(n) => n.to_string(),
        _ => return None,
    };
    let milli = quantity::parse_milli(&text).ok()?;
    Some((text, milli))
}

/// `ValidatePersistentVolumeSpec`.
pub fn persistent_volume(s: &mut Sink, doc: &Value) {
    let path = Path::root().field("spec");
    let Some(spec) = spec_of(doc) else {
        s.required(&path.field("accessModes"), None);
        s.required(&path.field("capacity"), None);
        return;
    };
    access_modes(s, spec, &path, Some(""));
    let cpath = path.field("capacity");
    match get(spec, "capacity").and_then(Value::as_mapping) {
        None if get(spec, "capacity").is_none() => s.required(&cpath, None),
        None => {}
        Some(cap) => {
            let only_storage = cap.len() == 1 && cap.get("storage").is_some();
            if !only_storage {
                let keys: Vec<String> = cap.keys().map(repr).collect();
                s.unsupported(&cpath, &format!("map[{}]", keys.join(" ")), &["storage"]);
            }
            if let Some((text, milli)) = cap.get("storage").and_then(quantity_of)
                && milli == 0
            {
                s.invalid(
                    &cpath.key("storage"),
                    &format!("{text:?}"),
                    vec![(
                        "must be greater than zero".into(),
                        "0보다 커야 합니다".into(),
                    )],
                );
            }
        }
    }
    let sources: Vec<&str> = PV_SOURCES
        .iter()
        .copied()
        .filter(|k| get(spec, k).is_some())
        .collect();
    match sources.as_slice() {
        [] => {
            let at = s.key_pos(&path);
            s.at(
                at,
                &path,
                "Required value: must specify a volume type",
                "필수 값이 없습니다: 볼륨 종류(hostPath, nfs, local, csi 등)를 하나 정해야 합니다",
            );
        }
        [_] => {}
        [_, second, ..] => s.forbidden(
            &path.field(second),
            "may not specify more than 1 volume type",
            "볼륨 종류는 하나만 정할 수 있습니다",
        ),
    }
    if get(spec, "local").is_some() && get(spec, "nodeAffinity").is_none() {
        s.required(
            &path.field("nodeAffinity"),
            Some((
                "Local volume requires node affinity".into(),
                "local 볼륨에는 nodeAffinity가 있어야 합니다".into(),
            )),
        );
    }
    if let Some(hp) = get(spec, "hostPath")
        && let Some(p) = str_of(hp, "path")
        && p.split('/').any(|seg| seg == "..")
    {
        s.invalid(
            &path.field("hostPath").field("path"),
            &format!("{p:?}"),
            vec![(
                "must not contain '..'".into(),
                "'..'를 쓸 수 없습니다".into(),
            )],
        );
    }
    class_name(s, spec, &path);
}

/// `ValidatePersistentVolumeClaimSpec`.
pub fn persistent_volume_claim(s: &mut Sink, doc: &Value) {
    let path = Path::root().field("spec");
    match spec_of(doc) {
        Some(spec) => claim_spec(s, spec, &path),
        None => s.required(
            &path.field("accessModes"),
            Some((
                "at least 1 access mode is required".into(),
                "accessModes가 하나 이상 있어야 합니다 (예: ReadWriteOnce)".into(),
            )),
        ),
    }
}

/// An item of a StatefulSet's `volumeClaimTemplates`.
pub fn claim_template(s: &mut Sink, claim: &Value, path: &Path) {
    let name = get(claim, "metadata").and_then(|m| str_of(m, "name"));
    match name {
        Some(n) => {
            let problems = names::dns1123_label(n);
            s.invalid(
                &path.field("metadata").field("name"),
                &format!("{n:?}"),
                problems,
            );
        }
        None => s.required(&path.field("metadata").field("name"), None),
    }
    if let Some(spec) = get(claim, "spec").filter(|v| v.is_mapping()) {
        claim_spec(s, spec, &path.field("spec"));
    }
}

fn claim_spec(s: &mut Sink, spec: &Value, path: &Path) {
    access_modes(s, spec, path, Some("at least 1 access mode is required"));
    let rpath = path.field("resources").key("storage");
    let storage = get(spec, "resources")
        .and_then(|r| get(r, "requests"))
        .and_then(|r| get(r, "storage"));
    match storage.and_then(quantity_of) {
        None if storage.is_none() && !s.shadowed_under(&path.field("resources")) => {
            let at = match get(spec, "resources") {
                Some(_) => s.key_pos(&path.field("resources")),
                None => s.key_pos(path),
            };
            s.at(
                at,
                &rpath,
                "Required value",
                "필수 값이 없습니다: resources.requests.storage에 크기를 정해야 합니다 (예: 1Gi)",
            );
        }
        Some((text, 0)) => {
            let real = path.field("resources").field("requests").key("storage");
            let at = s.value_pos(&real);
            s.at(
                at,
                &rpath,
                format!("Invalid value: \"{text}\": must be greater than zero"),
                format!("잘못된 값 \"{text}\": 0보다 커야 합니다"),
            );
        }
        _ => {}
    }
    class_name(s, spec, path);
}

/// `ValidateStorageClass`: a provisioner that is a qualified name, at most
/// 512 parameters.
pub fn storage_class(s: &mut Sink, doc: &Value) {
    let root = Path::root();
    if let Some(p) = str_of(doc, "provisioner") {
        let problems = names::qualified_name(&p.to_lowercase());
        s.invalid(&root.field("provisioner"), &format!("{p:?}"), problems);
    }
    if let Some(params) = get(doc, "parameters").and_then(Value::as_mapping)
        && params.len() > 512
    {
        s.invalid(
            &root.field("parameters"),
            &params.len().to_string(),
            vec![(
                "may not have more than 512 parameters".into(),
                "parameters는 512개를 넘을 수 없습니다".into(),
            )],
        );
    }
}
