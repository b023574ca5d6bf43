//! Writes: create, update, patch (all four types), delete, and the
//! subresources `scale` and `eviction`. A body is read by the same manifest
//! validator `kubectl apply -f` uses in the command bar, and the object goes
//! through the same API server verbs; only the error wording is the
//! API server's (strict decoding errors, Invalid with causes).

use super::host::State;
use super::kinds::{Backing, ResourceInfo};
use super::patch::{self, PatchType};
use super::read;
use super::status::Status;
use super::{Reply, Request};
use crate::manifest;
use crate::sim::Cluster;
use crate::sim::objects::{Kind, Object, Taint, TaintEffect};
use serde_json::{Value, json};

/// What `fieldValidation` asks for (kubectl ≥ 1.27 sends `Strict`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FieldValidation {
    Strict,
    Warn,
    Ignore,
}

fn field_validation(req: &Request) -> Result<FieldValidation, Status> {
    match req.param("fieldValidation").unwrap_or("Warn") {
        "Strict" => Ok(FieldValidation::Strict),
        "Warn" | "" => Ok(FieldValidation::Warn),
        "Ignore" => Ok(FieldValidation::Ignore),
        other => Err(Status::bad_request(format!(
            "fieldValidation parameter unsupported: {other}; supported values: Ignore, Warn, Strict"
        ))),
    }
}

pub fn dry_run(req: &Request) -> bool {
    req.param("dryRun") == Some("All")
}

/// The request body as JSON (YAML is accepted too, as the API server does).
pub fn body(req: &Request) -> Result<Value, Status> {
    if super::proto::is_protobuf(&req.body) {
        return super::proto::decode(&req.body).map_err(Status::bad_request);
    }
    let text = std::str::from_utf8(&req.body)
        .map_err(|_| Status::bad_request("the request body is not UTF-8"))?;
    if let Ok(v) = serde_json::from_str::<Value>(text) {
        return Ok(v);
    }
    serde_yaml::from_str::<Value>(text)
        .map_err(|e| Status::bad_request(format!("error decoding the request body: {e}")))
}

/// Read an object body as the API server decodes and validates it.
/// Returns the object and the warnings to send back.
fn decode(
    r: &ResourceInfo,
    v: &Value,
    fv: FieldValidation,
) -> Result<(Object, Vec<String>), Status> {
    let kind = v["kind"].as_str().unwrap_or("");
    let api_version = v["apiVersion"].as_str().unwrap_or("");
    if kind != r.kind || api_version != r.group_version() {
        return Err(Status::bad_request(format!(
            "the API version in the data ({api_version}) does not match the expected API version ({})",
            r.group_version()
        ))
        .pipe_kind(kind, r));
    }
    let name = v["metadata"]["name"].as_str().unwrap_or("").to_string();
    let text = serde_json::to_string(v).unwrap_or_default();
    let loaded = manifest::load(&text);
    let mut unknown = Vec::new();
    let mut unknown_paths = Vec::new();
    let mut causes = Vec::new();
    for d in loaded.errors() {
        if d.message.starts_with("unknown field") || d.message.starts_with("duplicate field") {
            unknown.push(d.message.clone());
            unknown_paths.push(d.path.clone());
        } else if d.path.is_empty() || d.message.starts_with(&format!("{}:", d.path)) {
            causes.push(d.message.clone());
        } else {
            causes.push(format!("{}: {}", d.path, d.message));
        }
    }
    let mut warnings = Vec::new();
    if !unknown.is_empty() {
        match fv {
            FieldValidation::Strict => {
                return Err(Status::bad_request(format!(
                    "{kind} in version \"{}\" cannot be handled as a {kind}: strict decoding error: {}",
                    r.version,
                    unknown.join(", ")
                )));
            }
            FieldValidation::Warn => warnings = unknown,
            FieldValidation::Ignore => {}
        }
        // As the decoder does outside strict mode: unknown fields are dropped.
        let mut known = v.clone();
        for path in &unknown_paths {
            remove_path(&mut known, path);
        }
        let (object, _) = decode(r, &known, FieldValidation::Strict)?;
        return Ok((object, warnings));
    }
    if !causes.is_empty() {
        return Err(Status::invalid(r.kind, r.group, &name, &causes));
    }
    let object = loaded
        .documents
        .into_iter()
        .find_map(|d| d.object)
        .ok_or_else(|| Status::bad_request(format!("{kind} \"{name}\" could not be read")))?;
    Ok((object, warnings))
}

/// Remove the field at a path like `spec.containers[0].colour`.
fn remove_path(v: &mut Value, path: &str) {
    let mut steps: Vec<Result<usize, String>> = Vec::new();
    for part in path.split('.') {
        let (name, rest) = part.split_once('[').unwrap_or((part, ""));
        if !name.is_empty() {
            steps.push(Err(name.to_string()));
        }
        for idx in rest
            .split('[')
            .map(|i| i.trim_end_matches(']'))
            .filter(|i| !i.is_empty())
        {
            if let Ok(i) = idx.parse() {
                steps.push(Ok(i));
            }
        }
    }
    let Some((last, walk)) = steps.split_last() else {
        return;
    };
    let mut cur = v;
    for s in walk {
        let next = match s {
            Ok(i) => cur.get_mut(*i),
            Err(k) => cur.get_mut(k.as_str()),
        };
        match next {
            Some(n) => cur = n,
            None => return,
        }
    }
    if let (Err(k), Some(m)) = (last, cur.as_object_mut()) {
        m.remove(k);
    }
}

trait PipeKind {
    fn pipe_kind(self, kind: &str, r: &ResourceInfo) -> Self;
}

impl PipeKind for Status {
    /// A body of another kind: the API server's wording for that case.
    fn pipe_kind(self, kind: &str, r: &ResourceInfo) -> Self {
        if kind != r.kind && !kind.is_empty() {
            return Status::bad_request(format!(
                "the object provided is unrecognized (must be of type {}): {kind}",
                r.kind
            ));
        }
        self
    }
}

fn check_namespace(
    c: &Cluster,
    st: &State,
    r: &ResourceInfo,
    ns: &str,
    v: &mut Value,
) -> Result<(), Status> {
    if !r.namespaced {
        return Ok(());
    }
    match v["metadata"]["namespace"].as_str() {
        Some(given) if !given.is_empty() && given != ns => {
            return Err(Status::bad_request(
                "the namespace of the provided object does not match the namespace sent on the request",
            ));
        }
        _ => v["metadata"]["namespace"] = ns.into(),
    }
    if !read::namespace_exists(c, st, ns) {
        return Err(Status::not_found("namespaces", ns));
    }
    Ok(())
}

/// `POST` to a collection.
pub fn create(
    c: &mut Cluster,
    st: &mut State,
    r: &'static ResourceInfo,
    ns: &str,
    req: &Request,
) -> Reply {
    let result = (|| -> Result<Reply, Status> {
        let fv = field_validation(req)?;
        let mut v = body(req)?;
        if r.backing == Backing::Namespaces {
            return create_namespace(c, st, &v, req);
        }
        let Backing::Object(kind) = r.backing else {
            return Err(Status::method_not_allowed("create", &r.qualified()));
        };
        if kind == Kind::Node {
            return Err(Status::method_not_allowed("create", "nodes"));
        }
        check_namespace(c, st, r, ns, &mut v)?;
        let generate = v["metadata"]["name"].as_str().is_none_or(str::is_empty);
        if generate {
            match v["metadata"]["generateName"].as_str() {
                Some(p) if !p.is_empty() => v["metadata"]["name"] = p.into(),
                _ => {
                    return Err(Status::invalid(
                        r.kind,
                        r.group,
                        "",
                        &[
                            "metadata.name: Required value: name or generateName is required"
                                .into(),
                        ],
                    ));
                }
            }
        }
        let (obj, warnings) = decode(r, &v, fv)?;
        let name = if dry_run(req) {
            let mut trial = c.clone();
            let name = trial.create_object(obj, generate)?;
            let out = read::current(&trial, st, r, ns, &name)?;
            return Ok(Reply::created(out).with_warnings(warnings));
        } else {
            c.create_object(obj, generate)?
        };
        let out = read::current(c, st, r, ns, &name)?;
        Ok(Reply::created(out).with_warnings(warnings))
    })();
    result.unwrap_or_else(Reply::from)
}

fn create_namespace(
    c: &Cluster,
    st: &mut State,
    v: &Value,
    req: &Request,
) -> Result<Reply, Status> {
    let name = v["metadata"]["name"].as_str().unwrap_or("").to_string();
    if name.is_empty() {
        return Err(Status::invalid(
            "Namespace",
            "",
            "",
            &["metadata.name: Required value: name or generateName is required".into()],
        ));
    }
    let valid = name.len() <= 63
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !name.starts_with('-')
        && !name.ends_with('-');
    if !valid {
        return Err(Status::invalid(
            "Namespace",
            "",
            &name,
            &[format!(
                "metadata.name: Invalid value: \"{name}\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"
            )],
        ));
    }
    if read::namespace_exists(c, st, &name) {
        return Err(Status::already_exists("namespaces", &name));
    }
    if !dry_run(req) {
        st.namespaces.insert(name.clone(), c.now());
    }
    let filter = super::watch::Filter {
        res: super::kinds::find("", "v1", "namespaces").expect("served"),
        table: false,
        namespace: None,
        labels: None,
        fields: Vec::new(),
    };
    let v = read::select(c, st, &filter, std::slice::from_ref(&name))
        .rows
        .into_iter()
        .next()
        .map(|(_, v)| v)
        .unwrap_or(Value::Null);
    Ok(Reply::created(v))
}

/// Write a whole new state of an existing object (PUT, or a patch's result).
#[allow(clippy::too_many_arguments)]
fn update_to(
    c: &mut Cluster,
    st: &State,
    r: &'static ResourceInfo,
    ns: &str,
    name: &str,
    mut v: Value,
    fv: FieldValidation,
    dry: bool,
) -> Result<Reply, Status> {
    let cur = read::current(c, st, r, ns, name)?;
    if v["metadata"]["name"].as_str().is_some_and(|n| n != name) {
        return Err(Status::bad_request(format!(
            "the name of the object ({}) does not match the name on the URL ({name})",
            v["metadata"]["name"].as_str().unwrap_or("")
        )));
    }
    if let Some(rv) = v["metadata"]["resourceVersion"].as_str()
        && !rv.is_empty()
        && Some(rv) != cur["metadata"]["resourceVersion"].as_str()
    {
        return Err(Status::conflict(&r.qualified(), name));
    }
    v["metadata"]["name"] = name.into();
    if r.backing == Backing::Object(Kind::Node) {
        return update_node(c, st, r, name, &cur, &v, dry);
    }
    check_namespace(c, st, r, ns, &mut v)?;
    let (obj, warnings) = decode(r, &v, fv)?;
    let mut trial;
    let target: &mut Cluster = if dry {
        trial = c.clone();
        &mut trial
    } else {
        c
    };
    target.apply(obj)?;
    let out = read::current(target, st, r, ns, name)?;
    Ok(Reply::ok(out).with_warnings(warnings))
}

fn update_node(
    c: &mut Cluster,
    st: &State,
    r: &'static ResourceInfo,
    name: &str,
    cur: &Value,
    v: &Value,
    dry: bool,
) -> Result<Reply, Status> {
    let text_map = |m: &Value| -> crate::sim::objects::Labels {
        m.as_object()
            .map(|o| {
                o.iter()
                    .map(|(k, v)| (k.clone(), v.as_str().unwrap_or("").to_string()))
                    .collect()
            })
            .unwrap_or_default()
    };
    let mut taints = Vec::new();
    for t in v["spec"]["taints"].as_array().into_iter().flatten() {
        let effect = t["effect"].as_str().and_then(TaintEffect::parse).ok_or_else(|| {
            Status::invalid("Node", "", name, &[format!(
                "spec.taints[0].effect: Unsupported value: \"{}\": supported values: \"NoSchedule\", \"PreferNoSchedule\", \"NoExecute\"",
                t["effect"].as_str().unwrap_or("")
            )])
        })?;
        taints.push(Taint {
            key: t["key"].as_str().unwrap_or("").to_string(),
            value: t["value"]
                .as_str()
                .filter(|s| !s.is_empty())
                .map(str::to_string),
            effect,
        });
    }
    let unschedulable = v["spec"]["unschedulable"].as_bool().unwrap_or(false);
    let was = cur["spec"]["unschedulable"].as_bool().unwrap_or(false);
    let mut trial;
    let target: &mut Cluster = if dry {
        trial = c.clone();
        &mut trial
    } else {
        c
    };
    taints.retain(|t| t.key != crate::sim::apiserver::TAINT_UNSCHEDULABLE);
    if was {
        taints.push(Taint {
            key: crate::sim::apiserver::TAINT_UNSCHEDULABLE.into(),
            value: None,
            effect: TaintEffect::NoSchedule,
        });
    }
    target.set_node_meta(
        name,
        text_map(&v["metadata"]["labels"]),
        text_map(&v["metadata"]["annotations"]),
        taints,
    )?;
    if unschedulable != was {
        target.set_schedulable(name, !unschedulable)?;
    }
    Ok(Reply::ok(read::current(target, st, r, "", name)?))
}

/// `PUT` of one object.
pub fn update(
    c: &mut Cluster,
    st: &mut State,
    r: &'static ResourceInfo,
    ns: &str,
    name: &str,
    req: &Request,
) -> Reply {
    let result = (|| -> Result<Reply, Status> {
        if !r.verb("update") {
            return Err(Status::method_not_allowed("update", &r.qualified()));
        }
        let fv = field_validation(req)?;
        let v = body(req)?;
        update_to(c, st, r, ns, name, v, fv, dry_run(req))
    })();
    result.unwrap_or_else(Reply::from)
}

/// `PATCH` of one object (server-side apply creates it when missing).
pub fn patch(
    c: &mut Cluster,
    st: &mut State,
    r: &'static ResourceInfo,
    ns: &str,
    name: &str,
    req: &Request,
) -> Reply {
    let result = (|| -> Result<Reply, Status> {
        if !r.verb("patch") {
            return Err(Status::method_not_allowed("patch", &r.qualified()));
        }
        let kind = PatchType::from_content_type(&req.content_type)
            .ok_or_else(|| Status::unsupported_media(&req.content_type))?;
        let fv = field_validation(req)?;
        let p = body(req)?;
        let cur = match read::current(c, st, r, ns, name) {
            Ok(v) => v,
            Err(_) if kind == PatchType::Apply => return apply_create(c, st, r, ns, name, p, req),
            Err(e) => return Err(e),
        };
        if kind == PatchType::Apply && req.param("fieldManager").is_none_or(str::is_empty) {
            return Err(Status::bad_request(
                "PATCH /apply requires a non-empty fieldManager parameter",
            ));
        }
        let patched = patch::apply(kind, &cur, &p).map_err(Status::bad_request)?;
        update_to(c, st, r, ns, name, patched, fv, dry_run(req))
    })();
    result.unwrap_or_else(Reply::from)
}

/// Server-side apply of an object that does not exist yet: a create.
fn apply_create(
    c: &mut Cluster,
    st: &mut State,
    r: &'static ResourceInfo,
    ns: &str,
    name: &str,
    mut p: Value,
    req: &Request,
) -> Result<Reply, Status> {
    p["metadata"]["name"] = name.into();
    let mut inner = req.clone();
    inner.body = serde_json::to_vec(&p).unwrap_or_default();
    match create(c, st, r, ns, &inner) {
        Reply::Json {
            code: 201,
            body,
            warnings,
        } => Ok(Reply::Json {
            code: 201,
            body,
            warnings,
        }),
        other => Ok(other),
    }
}

/// `DELETE` of one object.
pub fn delete(
    c: &mut Cluster,
    st: &mut State,
    r: &'static ResourceInfo,
    ns: &str,
    name: &str,
    req: &Request,
) -> Reply {
    let result = (|| -> Result<Reply, Status> {
        if !r.verb("delete") {
            return Err(Status::method_not_allowed("delete", &r.qualified()));
        }
        let opts = if req.body.is_empty() {
            json!({})
        } else {
            body(req)?
        };
        let grace = req
            .param("gracePeriodSeconds")
            .and_then(|g| g.parse::<u64>().ok())
            .or_else(|| opts["gracePeriodSeconds"].as_u64());
        if let Some(p) = req
            .param("propagationPolicy")
            .or(opts["propagationPolicy"].as_str())
            && !["Background", "Foreground", "Orphan"].contains(&p)
        {
            return Err(Status::bad_request(format!(
                "propagationPolicy: Unsupported value: \"{p}\": supported values: \"Foreground\", \"Background\", \"Orphan\""
            )));
        }
        if r.backing == Backing::Namespaces {
            return delete_namespace(c, st, name, dry_run(req));
        }
        let Backing::Object(kind) = r.backing else {
            return Err(Status::method_not_allowed("delete", &r.qualified()));
        };
        let before = read::current(c, st, r, ns, name)?;
        if dry_run(req) {
            return Ok(Reply::ok(before));
        }
        c.delete(kind, ns, name, grace)?;
        if kind == Kind::Pod {
            // Graceful deletion: the pod with its deletionTimestamp, or as it was.
            return Ok(Reply::ok(
                read::current(c, st, r, ns, name).unwrap_or(before),
            ));
        }
        Ok(Reply::ok(
            json!({"kind": "Status", "apiVersion": "v1", "metadata": {}, "status": "Success",
            "details": {"name": name, "group": r.group, "kind": r.plural, "uid": before["metadata"]["uid"]}}),
        ))
    })();
    result.unwrap_or_else(Reply::from)
}

fn delete_namespace(
    c: &mut Cluster,
    st: &mut State,
    name: &str,
    dry: bool,
) -> Result<Reply, Status> {
    if read::SYSTEM_NAMESPACES.contains(&name) {
        return Err(Status {
            code: 403,
            reason: "Forbidden",
            message: format!(
                "namespaces \"{name}\" is forbidden: this namespace may not be deleted"
            ),
            details: Some(json!({"name": name, "kind": "namespaces"})),
        });
    }
    if !read::namespace_exists(c, st, name) {
        return Err(Status::not_found("namespaces", name));
    }
    if dry {
        return Ok(Reply::ok(
            json!({"kind": "Namespace", "apiVersion": "v1", "metadata": {"name": name}}),
        ));
    }
    // The namespace controller deletes everything in it.
    let s = c.store();
    let mut doomed: Vec<(Kind, String)> = Vec::new();
    doomed.extend(
        s.deployments()
            .in_namespace(name)
            .map(|o| (Kind::Deployment, o.meta.name.clone())),
    );
    doomed.extend(
        s.jobs()
            .in_namespace(name)
            .map(|o| (Kind::Job, o.meta.name.clone())),
    );
    doomed.extend(
        s.replicasets()
            .in_namespace(name)
            .map(|o| (Kind::ReplicaSet, o.meta.name.clone())),
    );
    doomed.extend(
        s.services()
            .in_namespace(name)
            .map(|o| (Kind::Service, o.meta.name.clone())),
    );
    doomed.extend(
        s.pods()
            .in_namespace(name)
            .map(|o| (Kind::Pod, o.meta.name.clone())),
    );
    for (kind, n) in doomed {
        let _ = c.delete(kind, name, &n, None);
    }
    st.namespaces.remove(name);
    Ok(Reply::ok(json!({"kind": "Namespace", "apiVersion": "v1",
        "metadata": {"name": name}, "status": {"phase": "Terminating"}})))
}

/// The `scale` subresource of a Deployment or ReplicaSet.
pub fn scale(
    c: &mut Cluster,
    st: &mut State,
    r: &'static ResourceInfo,
    ns: &str,
    name: &str,
    req: &Request,
) -> Reply {
    let result = (|| -> Result<Reply, Status> {
        let Backing::Object(kind @ (Kind::Deployment | Kind::ReplicaSet)) = r.backing else {
            return Err(Status::no_route());
        };
        let cur = read::current(c, st, r, ns, name)?;
        let sel = crate::kubectl::labels_text(
            &cur["spec"]["selector"]["matchLabels"]
                .as_object()
                .map(|m| {
                    m.iter()
                        .map(|(k, v)| (k.clone(), v.as_str().unwrap_or("").to_string()))
                        .collect()
                })
                .unwrap_or_default(),
        );
        let scale = json!({"kind": "Scale", "apiVersion": "autoscaling/v1",
            "metadata": {"name": name, "namespace": ns, "uid": cur["metadata"]["uid"],
                "resourceVersion": cur["metadata"]["resourceVersion"], "creationTimestamp": cur["metadata"]["creationTimestamp"]},
            "spec": {"replicas": cur["spec"]["replicas"]},
            "status": {"replicas": cur["status"]["replicas"].as_u64().unwrap_or(0), "selector": sel}});
        let wanted = match req.method.as_str() {
            "GET" => return Ok(Reply::ok(scale)),
            "PUT" => body(req)?,
            "PATCH" => {
                let kind = PatchType::from_content_type(&req.content_type)
                    .ok_or_else(|| Status::unsupported_media(&req.content_type))?;
                patch::apply(kind, &scale, &body(req)?).map_err(Status::bad_request)?
            }
            m => {
                return Err(Status::method_not_allowed(
                    m,
                    &format!("{}/scale", r.qualified()),
                ));
            }
        };
        let replicas = wanted["spec"]["replicas"].as_i64().unwrap_or(0);
        if replicas < 0 {
            return Err(Status::invalid(
                "Scale",
                "autoscaling",
                name,
                &[format!(
                    "spec.replicas: Invalid value: {replicas}: must be greater than or equal to 0"
                )],
            ));
        }
        if !dry_run(req) {
            c.scale(kind, ns, name, u32::try_from(replicas).unwrap_or(u32::MAX))?;
        }
        let now = read::current(c, st, r, ns, name)?;
        let mut out = scale;
        out["spec"]["replicas"] = replicas.into();
        out["metadata"]["resourceVersion"] = now["metadata"]["resourceVersion"].clone();
        Ok(Reply::ok(out))
    })();
    result.unwrap_or_else(Reply::from)
}

/// `POST pods/NAME/eviction` (what `kubectl drain` sends).
pub fn evict(c: &mut Cluster, st: &mut State, ns: &str, name: &str, req: &Request) -> Reply {
    let result = (|| -> Result<Reply, Status> {
        let r = super::kinds::find("", "v1", "pods").expect("pods are served");
        read::current(c, st, r, ns, name)?;
        let v = if req.body.is_empty() {
            json!({})
        } else {
            body(req)?
        };
        let grace = v["deleteOptions"]["gracePeriodSeconds"].as_u64();
        if !dry_run(req) {
            c.delete(Kind::Pod, ns, name, grace)?;
        }
        Ok(Reply::created(
            json!({"kind": "Status", "apiVersion": "v1", "metadata": {},
            "status": "Success", "code": 201}),
        ))
    })();
    result.unwrap_or_else(Reply::from)
}
