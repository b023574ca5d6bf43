//! OpenAPI v3 (`/openapi/v3`, one document per group version), generated
//! from the field tables the manifest validator checks with, so that
//! `kubectl explain pod.spec.containers` walks the same fields the
//! validator knows, and kubectl sees from the PATCH operations' parameters
//! that the server validates fields itself (`fieldValidation`, `dryRun`).
//! Lists carry the strategic merge patch keys the server merges by.
//! <https://kubernetes.io/docs/concepts/overview/kubernetes-api/#openapi-v3>

use super::GIT_VERSION;
use super::kinds::{Backing, RESOURCES, ResourceInfo};
use super::patch::{ListStrategy, list_strategy};
use crate::manifest::check::kinds::checked;
use crate::manifest::schema::{Obj, Ty};
use serde_json::{Map, Value, json};

/// `api/v1`, `apis/apps/v1`: the documents served.
fn group_versions() -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for r in RESOURCES {
        let p = if r.group.is_empty() {
            format!("api/{}", r.version)
        } else {
            format!("apis/{}/{}", r.group, r.version)
        };
        if !out.contains(&p) {
            out.push(p);
        }
    }
    out
}

/// `/openapi/v3`: where each group version's document is.
pub fn index() -> Value {
    let paths: Map<String, Value> = group_versions()
        .into_iter()
        .map(|gv| {
            let url = format!("/openapi/v3/{gv}?hash={}", hash(&gv));
            (gv, json!({"serverRelativeURL": url}))
        })
        .collect();
    json!({"paths": paths})
}

fn hash(gv: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in GIT_VERSION.bytes().chain(gv.bytes()) {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016X}")
}

/// The schema name of a Go type (`v1.Container` → `io.k8s.api.core.v1.Container`).
fn schema_name(go: &str) -> String {
    let name = go.rsplit('.').next().unwrap_or(go);
    let pkg = if [
        "ObjectMeta",
        "LabelSelector",
        "LabelSelectorRequirement",
        "OwnerReference",
        "ManagedFieldsEntry",
    ]
    .contains(&name)
    {
        return format!("io.k8s.apimachinery.pkg.apis.meta.v1.{name}");
    } else if name.starts_with("Deployment")
        || name.starts_with("ReplicaSet")
        || name.starts_with("RollingUpdateDeployment")
    {
        "apps"
    } else if name.starts_with("Job")
        || name.starts_with("PodFailurePolicy")
        || name.starts_with("SuccessPolicy")
    {
        "batch"
    } else {
        "core"
    };
    format!("io.k8s.api.{pkg}.v1.{name}")
}

const QUANTITY: &str = "io.k8s.apimachinery.pkg.api.resource.Quantity";
const INT_OR_STRING: &str = "io.k8s.apimachinery.pkg.util.intstr.IntOrString";

fn reference(name: &str) -> Value {
    json!({"allOf": [{"$ref": format!("#/components/schemas/{name}")}]})
}

struct Gen {
    schemas: Map<String, Value>,
}

impl Gen {
    fn ty(&mut self, ty: &Ty, path: &mut Vec<&'static str>) -> Value {
        match ty {
            Ty::Str(_) => json!({"type": "string", "default": ""}),
            Ty::Enum(values) => json!({"type": "string", "enum": values}),
            Ty::Int(go) => {
                json!({"type": "integer", "format": if *go == "int64" { "int64" } else { "int32" }})
            }
            Ty::Bool => json!({"type": "boolean"}),
            Ty::Quantity => reference(QUANTITY),
            Ty::IntOrStr => reference(INT_OR_STRING),
            Ty::Obj(o) => {
                self.obj(o, path);
                reference(&schema_name(o.go))
            }
            Ty::List(inner) => {
                let items = self.ty(inner, path);
                let mut v = json!({"type": "array", "items": items});
                match list_strategy(path) {
                    ListStrategy::MergeKey(key) => {
                        v["x-kubernetes-patch-merge-key"] = key.into();
                        v["x-kubernetes-patch-strategy"] = "merge".into();
                        v["x-kubernetes-list-type"] = "map".into();
                        v["x-kubernetes-list-map-keys"] = json!([key]);
                    }
                    ListStrategy::MergePrimitives => {
                        v["x-kubernetes-patch-strategy"] = "merge".into();
                        v["x-kubernetes-list-type"] = "set".into();
                    }
                    ListStrategy::Replace => v["x-kubernetes-list-type"] = "atomic".into(),
                }
                v
            }
            Ty::StrMap(..) => {
                json!({"type": "object", "additionalProperties": {"type": "string", "default": ""}})
            }
            Ty::QtyMap => json!({"type": "object", "additionalProperties": reference(QUANTITY)}),
            Ty::Any => json!({"type": "object", "x-kubernetes-preserve-unknown-fields": true}),
        }
    }

    fn obj(&mut self, o: &Obj, path: &mut Vec<&'static str>) {
        let name = schema_name(o.go);
        if self.schemas.contains_key(&name) {
            return;
        }
        self.schemas.insert(name.clone(), json!({}));
        let mut props = Map::new();
        let mut required = Vec::new();
        let short = o.struct_name();
        for f in o.fields {
            path.push(f.name);
            let mut v = self.ty(&f.ty, path);
            if let Some(d) = super::descriptions::describe(&format!("{short}.{}", f.name)) {
                v["description"] = d.into();
            }
            props.insert(f.name.to_string(), v);
            path.pop();
            if f.required {
                required.push(f.name);
            }
        }
        let mut v = json!({"type": "object", "properties": props});
        if let Some(d) = super::descriptions::describe(short) {
            v["description"] = d.into();
        }
        if !required.is_empty() {
            v["required"] = json!(required);
        }
        self.schemas.insert(name, v);
    }
}

/// The validator's table for a served resource's kind, when the validator
/// checks that kind in full.
fn checked_root(r: &ResourceInfo) -> Option<&'static crate::manifest::schema::Obj> {
    let api_version = if r.group.is_empty() {
        r.version.to_string()
    } else {
        format!("{}/{}", r.group, r.version)
    };
    checked(r.kind, &api_version).map(|c| c.root)
}

/// The root schema of a served resource: the validator's table for the
/// kinds it checks in full, an open object for the others.
fn root(g: &mut Gen, r: &ResourceInfo) -> String {
    let name = match r.backing {
        Backing::Object(_) if checked_root(r).is_some() => {
            let o = checked_root(r).expect("checked");
            let mut path = Vec::new();
            g.obj(o, &mut path);
            schema_name(o.go)
        }
        _ => {
            let pkg = if r.group.is_empty() {
                "core"
            } else {
                r.group.split('.').next().unwrap_or(r.group)
            };
            let name = format!("io.k8s.api.{pkg}.v1.{}", r.kind);
            let mut meta_path = vec!["metadata"];
            let meta = g.ty(
                &Ty::Obj(&crate::manifest::schema::OBJECT_META),
                &mut meta_path,
            );
            g.schemas.insert(
                name.clone(),
                json!({"type": "object", "properties": {
                    "apiVersion": {"type": "string"}, "kind": {"type": "string"}, "metadata": meta,
                    "spec": {"type": "object", "x-kubernetes-preserve-unknown-fields": true},
                    "status": {"type": "object", "x-kubernetes-preserve-unknown-fields": true}},
                    "x-kubernetes-preserve-unknown-fields": true}),
            );
            name
        }
    };
    let gvk = json!([{"group": r.group, "kind": r.kind, "version": r.version}]);
    if let Some(s) = g.schemas.get_mut(&name) {
        s["x-kubernetes-group-version-kind"] = gvk;
    }
    name
}

fn param(name: &str) -> Value {
    json!({"name": name, "in": "query", "schema": {"type": "string", "uniqueItems": true}})
}

fn operation(r: &ResourceInfo, action: &str, schema: &str, write: bool) -> Value {
    let mut params = vec![param("pretty")];
    if write {
        params.extend([
            param("dryRun"),
            param("fieldManager"),
            param("fieldValidation"),
        ]);
    }
    if action == "patch" {
        params.push(param("force"));
    }
    json!({"operationId": format!("{action}{}", r.kind), "parameters": params,
        "responses": {"200": {"description": "OK", "content": {"application/json": {"schema": reference(schema)}}}},
        "x-kubernetes-action": action,
        "x-kubernetes-group-version-kind": {"group": r.group, "version": r.version, "kind": r.kind}})
}

/// The document of one group version (`api/v1`, `apis/apps/v1`).
pub fn document(gv: &str) -> Option<Value> {
    let gv = gv.split('?').next().unwrap_or(gv);
    let served: Vec<&ResourceInfo> = RESOURCES
        .iter()
        .filter(|r| {
            let p = if r.group.is_empty() {
                format!("api/{}", r.version)
            } else {
                format!("apis/{}/{}", r.group, r.version)
            };
            p == gv
        })
        .collect();
    if served.is_empty() {
        return None;
    }
    let mut g = Gen {
        schemas: Map::new(),
    };
    let mut paths = Map::new();
    for r in served {
        let schema = root(&mut g, r);
        let base = if r.group.is_empty() {
            format!("/api/{}", r.version)
        } else {
            format!("/apis/{}/{}", r.group, r.version)
        };
        let coll = if r.namespaced {
            format!("{base}/namespaces/{{namespace}}/{}", r.plural)
        } else {
            format!("{base}/{}", r.plural)
        };
        let mut one = Map::new();
        one.insert("get".into(), operation(r, "get", &schema, false));
        if r.verb("update") {
            one.insert("put".into(), operation(r, "put", &schema, true));
        }
        if r.verb("patch") {
            one.insert("patch".into(), operation(r, "patch", &schema, true));
        }
        if r.verb("delete") {
            one.insert("delete".into(), operation(r, "delete", &schema, true));
        }
        let mut many = Map::new();
        many.insert("get".into(), operation(r, "list", &schema, false));
        if r.verb("create") {
            many.insert("post".into(), operation(r, "post", &schema, true));
        }
        paths.insert(format!("{coll}/{{name}}"), Value::Object(one));
        paths.insert(coll, Value::Object(many));
    }
    g.schemas.insert(
        QUANTITY.into(),
        json!({"oneOf": [{"type": "string"}, {"type": "number"}]}),
    );
    g.schemas.insert(
        INT_OR_STRING.into(),
        json!({"type": "string", "format": "int-or-string"}),
    );
    Some(
        json!({"openapi": "3.0.0", "info": {"title": "Kubernetes", "version": GIT_VERSION},
        "paths": paths, "components": {"schemas": g.schemas}}),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn containers_are_explained_from_the_validator_tables() {
        let doc = document("api/v1").expect("core");
        let schemas = &doc["components"]["schemas"];
        let pod = &schemas["io.k8s.api.core.v1.Pod"];
        assert_eq!(pod["x-kubernetes-group-version-kind"][0]["kind"], "Pod");
        let containers = &schemas["io.k8s.api.core.v1.PodSpec"]["properties"]["containers"];
        assert_eq!(containers["x-kubernetes-patch-merge-key"], "name");
        assert_eq!(
            containers["items"]["allOf"][0]["$ref"],
            "#/components/schemas/io.k8s.api.core.v1.Container"
        );
        assert_eq!(
            schemas["io.k8s.api.core.v1.Container"]["required"],
            json!(["name", "image"])
        );
    }

    #[test]
    fn patch_operations_announce_server_side_field_validation() {
        let doc = document("apis/apps/v1").expect("apps");
        let op = &doc["paths"]["/apis/apps/v1/namespaces/{namespace}/deployments/{name}"]["patch"];
        assert_eq!(op["x-kubernetes-group-version-kind"]["kind"], "Deployment");
        let names: Vec<&str> = op["parameters"]
            .as_array()
            .expect("params")
            .iter()
            .filter_map(|p| p["name"].as_str())
            .collect();
        assert!(
            names.contains(&"fieldValidation") && names.contains(&"dryRun"),
            "{names:?}"
        );
        assert!(
            index()["paths"]["apis/apps/v1"]["serverRelativeURL"]
                .as_str()
                .is_some()
        );
    }
}
