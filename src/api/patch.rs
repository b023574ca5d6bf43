//! The four patch types of the API: JSON patch (RFC 6902), JSON merge patch
//! (RFC 7396), strategic merge patch (lists merged by the Kubernetes merge
//! keys, with its `$patch`, `$setElementOrder`, `$retainKeys` and
//! `$deleteFromPrimitiveList` directives) and server-side apply.
//! <https://kubernetes.io/docs/tasks/manage-kubernetes-objects/update-api-object-kubectl-patch/>
//! <https://github.com/kubernetes/community/blob/master/contributors/devel/sig-api-machinery/strategic-merge-patch.md>

use serde_json::{Map, Value};

/// A patch type, from the request's Content-Type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PatchType {
    Json,
    Merge,
    Strategic,
    Apply,
}

impl PatchType {
    pub fn from_content_type(ct: &str) -> Option<PatchType> {
        let ct = ct.split(';').next().unwrap_or("").trim();
        Some(match ct {
            "application/json-patch+json" => PatchType::Json,
            "application/merge-patch+json" => PatchType::Merge,
            "application/strategic-merge-patch+json" => PatchType::Strategic,
            "application/apply-patch+yaml" | "application/apply-patch+cbor" => PatchType::Apply,
            _ => return None,
        })
    }
}

/// How a list field is patched: merged by a key, merged as a set of
/// primitives, or replaced whole. `path` is the field names from the
/// object's root (`spec.template.spec.containers`), without indexes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListStrategy {
    MergeKey(&'static str),
    MergePrimitives,
    Replace,
}

/// The Kubernetes patch strategies (the `patchStrategy` / `patchMergeKey`
/// tags of k8s.io/api) for the fields of the simulated kinds.
pub fn list_strategy(path: &[&str]) -> ListStrategy {
    let last = path.last().copied().unwrap_or("");
    let parent = if path.len() >= 2 {
        path[path.len() - 2]
    } else {
        ""
    };
    match (parent, last) {
        ("containers" | "initContainers" | "ephemeralContainers", "ports") => {
            ListStrategy::MergeKey("containerPort")
        }
        ("containers" | "initContainers" | "ephemeralContainers", "volumeMounts") => {
            ListStrategy::MergeKey("mountPath")
        }
        ("containers" | "initContainers" | "ephemeralContainers", "volumeDevices") => {
            ListStrategy::MergeKey("devicePath")
        }
        (_, "containers" | "initContainers" | "ephemeralContainers") => {
            ListStrategy::MergeKey("name")
        }
        (_, "env" | "volumes" | "imagePullSecrets" | "resourceClaims") => {
            ListStrategy::MergeKey("name")
        }
        ("metadata", "ownerReferences") => ListStrategy::MergeKey("uid"),
        ("metadata", "finalizers") => ListStrategy::MergePrimitives,
        ("status", "conditions") => ListStrategy::MergeKey("type"),
        ("spec", "ports") if path.len() == 2 => ListStrategy::MergeKey("port"),
        (_, "hostAliases") => ListStrategy::MergeKey("ip"),
        (_, "topologySpreadConstraints") => ListStrategy::MergeKey("topologyKey"),
        _ => ListStrategy::Replace,
    }
}

/// Apply a patch of `kind` to `target`.
pub fn apply(kind: PatchType, target: &Value, patch: &Value) -> Result<Value, String> {
    match kind {
        PatchType::Json => {
            let p: json_patch::Patch = serde_json::from_value(patch.clone())
                .map_err(|e| format!("the provided JSON patch is invalid: {e}"))?;
            let mut doc = target.clone();
            json_patch::patch(&mut doc, &p).map_err(|e| e.to_string())?;
            Ok(doc)
        }
        PatchType::Merge => {
            let mut doc = target.clone();
            json_patch::merge(&mut doc, patch);
            Ok(doc)
        }
        PatchType::Strategic | PatchType::Apply => {
            if !patch.is_object() {
                return Err("the patch is not a JSON object".into());
            }
            let mut path = Vec::new();
            Ok(merge(target, patch, &mut path))
        }
    }
}

fn merge(target: &Value, patch: &Value, path: &mut Vec<String>) -> Value {
    let (Some(t), Some(p)) = (target.as_object(), patch.as_object()) else {
        return strip(patch);
    };
    if p.get("$patch").and_then(Value::as_str) == Some("replace") {
        let mut out = p.clone();
        out.remove("$patch");
        return strip(&Value::Object(out));
    }
    if p.get("$patch").and_then(Value::as_str) == Some("delete") {
        return Value::Null;
    }
    let mut out: Map<String, Value> = t.clone();
    if let Some(Value::Array(keep)) = p.get("$retainKeys") {
        let keep: Vec<&str> = keep.iter().filter_map(Value::as_str).collect();
        out.retain(|k, _| keep.contains(&k.as_str()));
    }
    for (k, v) in p {
        if k.starts_with("$setElementOrder/") || k == "$retainKeys" || k == "$patch" {
            continue;
        }
        if let Some(field) = k.strip_prefix("$deleteFromPrimitiveList/") {
            if let (Some(Value::Array(cur)), Value::Array(del)) = (out.get_mut(field), v) {
                cur.retain(|x| !del.contains(x));
            }
            continue;
        }
        if v.is_null() {
            out.remove(k);
            continue;
        }
        path.push(k.clone());
        let merged = match (out.get(k), v) {
            (Some(cur @ Value::Object(_)), Value::Object(_)) => merge(cur, v, path),
            (Some(Value::Array(cur)), Value::Array(items)) => {
                let names: Vec<&str> = path.iter().map(String::as_str).collect();
                merge_list(
                    cur,
                    items,
                    list_strategy(&names),
                    p.get(&format!("$setElementOrder/{k}")),
                    path,
                )
            }
            _ => strip(v),
        };
        path.pop();
        out.insert(k.clone(), merged);
    }
    Value::Object(out)
}

fn merge_list(
    cur: &[Value],
    items: &[Value],
    strategy: ListStrategy,
    order: Option<&Value>,
    path: &mut Vec<String>,
) -> Value {
    match strategy {
        ListStrategy::Replace => Value::Array(items.iter().map(strip).collect()),
        ListStrategy::MergePrimitives => {
            let mut out = cur.to_vec();
            for i in items {
                if !out.contains(i) {
                    out.push(i.clone());
                }
            }
            Value::Array(out)
        }
        ListStrategy::MergeKey(key) => {
            if items
                .iter()
                .any(|i| i.get("$patch").and_then(Value::as_str) == Some("replace"))
            {
                return Value::Array(
                    items
                        .iter()
                        .filter(|i| i.get("$patch").is_none())
                        .map(strip)
                        .collect(),
                );
            }
            let mut out: Vec<Value> = cur.to_vec();
            for item in items {
                let id = item.get(key);
                let at = out.iter().position(|o| id.is_some() && o.get(key) == id);
                let delete = item.get("$patch").and_then(Value::as_str) == Some("delete");
                match (at, delete) {
                    (Some(i), true) => {
                        out.remove(i);
                    }
                    (None, true) => {}
                    (Some(i), false) => out[i] = merge(&out[i], item, path),
                    (None, false) => out.push(strip(item)),
                }
            }
            if let Some(Value::Array(order)) = order {
                let rank = |v: &Value| {
                    order
                        .iter()
                        .position(|o| o.get(key) == v.get(key))
                        .unwrap_or(usize::MAX)
                };
                out.sort_by_key(rank);
            }
            Value::Array(out)
        }
    }
}

/// A patch value with its directives removed (what is stored).
fn strip(v: &Value) -> Value {
    match v {
        Value::Object(m) => Value::Object(
            m.iter()
                .filter(|(k, _)| !k.starts_with('$'))
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| (k.clone(), strip(v)))
                .collect(),
        ),
        Value::Array(a) => Value::Array(a.iter().map(strip).collect()),
        other => other.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn deployment() -> Value {
        json!({"metadata": {"name": "web", "labels": {"app": "web"}},
            "spec": {"replicas": 3, "template": {"spec": {"containers": [
                {"name": "nginx", "image": "nginx:1.27", "ports": [{"containerPort": 80}]},
                {"name": "sidecar", "image": "busybox"}]}}}})
    }

    #[test]
    fn set_image_merges_containers_by_name() {
        // kubectl set image sends a strategic merge patch naming one container.
        let p = json!({"spec": {"template": {"spec": {"containers": [{"name": "nginx", "image": "nginx:1.28"}]}}}});
        let out = apply(PatchType::Strategic, &deployment(), &p).expect("patch");
        let cs = &out["spec"]["template"]["spec"]["containers"];
        assert_eq!(cs[0]["image"], "nginx:1.28");
        assert_eq!(cs[0]["ports"][0]["containerPort"], 80);
        assert_eq!(cs[1]["name"], "sidecar");
    }

    #[test]
    fn directives_delete_and_order_elements() {
        let p = json!({"spec": {"template": {"spec": {
            "$setElementOrder/containers": [{"name": "sidecar"}, {"name": "nginx"}],
            "containers": [{"name": "nginx", "$patch": "delete"}]}}},
            "metadata": {"labels": {"app": null, "tier": "web"}}});
        let out = apply(PatchType::Strategic, &deployment(), &p).expect("patch");
        let cs = out["spec"]["template"]["spec"]["containers"]
            .as_array()
            .expect("list");
        assert_eq!(cs.len(), 1);
        assert_eq!(cs[0]["name"], "sidecar");
        assert_eq!(out["metadata"]["labels"], json!({"tier": "web"}));
    }

    #[test]
    fn merge_patch_replaces_lists_and_json_patch_follows_pointers() {
        let p = json!({"spec": {"template": {"spec": {"containers": [{"name": "only", "image": "redis"}]}}}});
        let out = apply(PatchType::Merge, &deployment(), &p).expect("patch");
        assert_eq!(
            out["spec"]["template"]["spec"]["containers"]
                .as_array()
                .map(Vec::len),
            Some(1)
        );
        let jp = json!([{"op": "replace", "path": "/spec/replicas", "value": 5}]);
        let out = apply(PatchType::Json, &deployment(), &jp).expect("patch");
        assert_eq!(out["spec"]["replicas"], 5);
        let bad = json!([{"op": "remove", "path": "/spec/nothing"}]);
        assert!(apply(PatchType::Json, &deployment(), &bad).is_err());
    }

    #[test]
    fn service_ports_merge_by_port_and_container_ports_by_container_port() {
        assert_eq!(
            list_strategy(&["spec", "ports"]),
            ListStrategy::MergeKey("port")
        );
        assert_eq!(
            list_strategy(&["spec", "template", "spec", "containers", "ports"]),
            ListStrategy::MergeKey("containerPort")
        );
        assert_eq!(
            list_strategy(&["spec", "template", "spec", "tolerations"]),
            ListStrategy::Replace
        );
    }
}
