//! `kubectl get`: tables shaped like kubectl's, `-o wide|name|yaml|json`.

use super::parse::{Output, Resource, Scope};
use super::table::table;
use super::{Outcome, age, labels_text, restarts_text};
use crate::sim::Cluster;
use crate::sim::objects::*;
use crate::sim::selector;
use crate::sim::status::{job_status, node_status, pod_ready, pod_status};
use crate::sim::stored::*;
use crate::sim::timefmt::human_duration;
use serde_json::{Value, json};

fn in_scope(scope: &Scope, ns: &str) -> bool {
    match scope {
        Scope::All => true,
        Scope::One(n) => n == ns,
    }
}

/// Objects of one resource in scope, filtered by names and selector, plus the not-found errors.
struct Pick<'a, T> {
    found: Vec<&'a T>,
    missing: Vec<String>,
}

fn pick<'a, T>(
    all: impl Iterator<Item = &'a T>,
    names: &[String],
    sel: &Option<LabelSelector>,
    meta: impl Fn(&T) -> (&str, &Labels),
) -> Pick<'a, T> {
    let all: Vec<&T> = all.collect();
    let mut found: Vec<&T> = Vec::new();
    let mut missing = Vec::new();
    if names.is_empty() {
        found = all
            .into_iter()
            .filter(|o| sel.as_ref().is_none_or(|s| s.matches(meta(o).1)))
            .collect();
    } else {
        for n in names {
            match all.iter().find(|o| meta(o).0 == n) {
                Some(o) => found.push(o),
                None => missing.push(n.clone()),
            }
        }
    }
    Pick { found, missing }
}

fn wide_containers(t: &PodTemplate) -> (String, String) {
    let names: Vec<&str> = t.spec.containers.iter().map(|c| c.name.as_str()).collect();
    let images: Vec<&str> = t.spec.containers.iter().map(|c| c.image.as_str()).collect();
    (names.join(","), images.join(","))
}

fn selector_text(s: &LabelSelector) -> String {
    let mut parts: Vec<String> = s
        .match_labels
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect();
    for r in &s.match_expressions {
        parts.push(format!("{} {:?} ({})", r.key, r.operator, r.values.join(",")).to_lowercase());
    }
    if parts.is_empty() {
        "<none>".into()
    } else {
        parts.join(",")
    }
}

struct Rows {
    header: Vec<&'static str>,
    rows: Vec<Vec<String>>,
}

impl Rows {
    fn new(header: &[&'static str]) -> Self {
        Rows {
            header: header.to_vec(),
            rows: Vec::new(),
        }
    }
}

fn finish(mut r: Rows, ns_col: bool, labels: Option<Vec<String>>) -> Rows {
    if ns_col {
        r.header.insert(0, "NAMESPACE");
    }
    if let Some(l) = &labels {
        r.header.push("LABELS");
        for (row, l) in r.rows.iter_mut().zip(l) {
            row.push(l.clone());
        }
    }
    r
}

/// One resource listed: the table and what `-o name|yaml|json` print.
struct Listing {
    rows: Rows,
    names: Vec<String>,
    values: Vec<Value>,
    labels: Vec<String>,
    missing: Vec<String>,
}

impl Listing {
    fn new(header: &[&'static str]) -> Self {
        Listing {
            rows: Rows::new(header),
            names: Vec::new(),
            values: Vec::new(),
            labels: Vec::new(),
            missing: Vec::new(),
        }
    }

    fn push(
        &mut self,
        ns: Option<&str>,
        mut row: Vec<String>,
        name: String,
        labels: &Labels,
        value: Value,
    ) {
        if let Some(ns) = ns {
            row.insert(0, ns.to_string());
        }
        self.rows.rows.push(row);
        self.names.push(name);
        self.labels.push(labels_text(labels));
        self.values.push(value);
    }
}

/// Run `get` and produce kubectl's output.
#[allow(clippy::too_many_arguments)]
pub fn get(
    c: &Cluster,
    res: Resource,
    names: &[String],
    output: Output,
    selector: &Option<String>,
    scope: &Scope,
    show_labels: bool,
) -> Outcome {
    let sel = match selector.as_deref().map(selector::parse).transpose() {
        Ok(s) => s,
        Err(e) => return Outcome::fail(format!("error: {e}")),
    };
    if res == Resource::All {
        return get_all(c, &sel, scope);
    }
    let l = list(c, res, names, output == Output::Wide, &sel, scope);
    let ns_col = *scope == Scope::All && res != Resource::Nodes;
    let rows = finish(l.rows, ns_col, show_labels.then_some(l.labels));
    finish_output(rows, output, l.names, l.values, l.missing, res, scope)
}

fn list(
    c: &Cluster,
    res: Resource,
    names: &[String],
    wide: bool,
    sel: &Option<LabelSelector>,
    scope: &Scope,
) -> Listing {
    let now = c.now();
    let s = c.store();
    let ns_of = |ns: &str| {
        if *scope == Scope::All {
            Some(ns.to_string())
        } else {
            None
        }
    };
    match res {
        Resource::Pods => {
            let p = pick(
                s.pods()
                    .sorted()
                    .filter(|p| in_scope(scope, &p.meta.namespace)),
                names,
                sel,
                |p: &Pod| (p.meta.name.as_str(), &p.meta.labels),
            );
            let mut l = Listing::new(&["NAME", "READY", "STATUS", "RESTARTS", "AGE"]);
            if wide {
                l.rows
                    .header
                    .extend(["IP", "NODE", "NOMINATED NODE", "READINESS GATES"]);
            }
            for pod in p.found {
                let (ready, total) = pod_ready(pod);
                let mut row = vec![
                    pod.meta.name.clone(),
                    format!("{ready}/{total}"),
                    pod_status(pod),
                    restarts_text(pod, now),
                    age(now, pod.meta.creation_ms),
                ];
                if wide {
                    row.push(pod.status.pod_ip.clone().unwrap_or_else(|| "<none>".into()));
                    row.push(
                        pod.spec
                            .node_name
                            .clone()
                            .unwrap_or_else(|| "<none>".into()),
                    );
                    row.extend(["<none>".to_string(), "<none>".to_string()]);
                }
                let v = c
                    .to_api_value(Kind::Pod, &pod.meta.namespace, &pod.meta.name)
                    .unwrap_or(Value::Null);
                l.push(
                    ns_of(&pod.meta.namespace).as_deref(),
                    row,
                    format!("pod/{}", pod.meta.name),
                    &pod.meta.labels,
                    v,
                );
            }
            l.missing = p.missing;
            l
        }
        Resource::Nodes => {
            let p = pick(s.nodes().iter(), names, sel, |n: &Node| {
                (n.meta.name.as_str(), &n.meta.labels)
            });
            let mut l = Listing::new(&["NAME", "STATUS", "ROLES", "AGE", "VERSION"]);
            if wide {
                l.rows.header.extend([
                    "INTERNAL-IP",
                    "EXTERNAL-IP",
                    "OS-IMAGE",
                    "KERNEL-VERSION",
                    "CONTAINER-RUNTIME",
                ]);
            }
            for n in p.found {
                let role = if n.is_control_plane() {
                    "control-plane"
                } else {
                    "<none>"
                };
                let mut row = vec![
                    n.meta.name.clone(),
                    node_status(n),
                    role.into(),
                    age(now, n.meta.creation_ms),
                    n.kubelet_version.clone(),
                ];
                if wide {
                    row.extend([
                        n.internal_ip.clone(),
                        "<none>".into(),
                        "Ubuntu 24.04 LTS".into(),
                        "6.8.0-sim".into(),
                        n.runtime_version.clone(),
                    ]);
                }
                let v = c
                    .to_api_value(Kind::Node, "", &n.meta.name)
                    .unwrap_or(Value::Null);
                l.push(
                    None,
                    row,
                    format!("node/{}", n.meta.name),
                    &n.meta.labels,
                    v,
                );
            }
            l.missing = p.missing;
            l
        }
        Resource::Deployments => {
            let p = pick(
                s.deployments()
                    .sorted()
                    .filter(|d| in_scope(scope, &d.meta.namespace)),
                names,
                sel,
                |d: &Deployment| (d.meta.name.as_str(), &d.meta.labels),
            );
            let mut l = Listing::new(&["NAME", "READY", "UP-TO-DATE", "AVAILABLE", "AGE"]);
            if wide {
                l.rows.header.extend(["CONTAINERS", "IMAGES", "SELECTOR"]);
            }
            for d in p.found {
                let mut row = vec![
                    d.meta.name.clone(),
                    format!("{}/{}", d.status.ready, d.spec.replicas),
                    d.status.updated.to_string(),
                    d.status.available.to_string(),
                    age(now, d.meta.creation_ms),
                ];
                if wide {
                    let (cn, im) = wide_containers(&d.spec.template);
                    row.extend([cn, im, selector_text(&d.spec.selector)]);
                }
                let v = c
                    .to_api_value(Kind::Deployment, &d.meta.namespace, &d.meta.name)
                    .unwrap_or(Value::Null);
                l.push(
                    ns_of(&d.meta.namespace).as_deref(),
                    row,
                    format!("deployment.apps/{}", d.meta.name),
                    &d.meta.labels,
                    v,
                );
            }
            l.missing = p.missing;
            l
        }
        Resource::ReplicaSets => {
            let p = pick(
                s.replicasets()
                    .sorted()
                    .filter(|d| in_scope(scope, &d.meta.namespace)),
                names,
                sel,
                |d: &ReplicaSet| (d.meta.name.as_str(), &d.meta.labels),
            );
            let mut l = Listing::new(&["NAME", "DESIRED", "CURRENT", "READY", "AGE"]);
            if wide {
                l.rows.header.extend(["CONTAINERS", "IMAGES", "SELECTOR"]);
            }
            for rs in p.found {
                let mut row = vec![
                    rs.meta.name.clone(),
                    rs.spec.replicas.to_string(),
                    rs.status.replicas.to_string(),
                    rs.status.ready.to_string(),
                    age(now, rs.meta.creation_ms),
                ];
                if wide {
                    let (cn, im) = wide_containers(&rs.spec.template);
                    row.extend([cn, im, selector_text(&rs.spec.selector)]);
                }
                let v = c
                    .to_api_value(Kind::ReplicaSet, &rs.meta.namespace, &rs.meta.name)
                    .unwrap_or(Value::Null);
                l.push(
                    ns_of(&rs.meta.namespace).as_deref(),
                    row,
                    format!("replicaset.apps/{}", rs.meta.name),
                    &rs.meta.labels,
                    v,
                );
            }
            l.missing = p.missing;
            l
        }
        Resource::Jobs => {
            let p = pick(
                s.jobs()
                    .sorted()
                    .filter(|d| in_scope(scope, &d.meta.namespace)),
                names,
                sel,
                |d: &Job| (d.meta.name.as_str(), &d.meta.labels),
            );
            let mut l = Listing::new(&["NAME", "STATUS", "COMPLETIONS", "DURATION", "AGE"]);
            if wide {
                l.rows.header.extend(["CONTAINERS", "IMAGES", "SELECTOR"]);
            }
            for j in p.found {
                let completions = j.spec.completions.map_or_else(
                    || format!("{}/1 of {}", j.status.succeeded, j.spec.parallelism),
                    |n| format!("{}/{n}", j.status.succeeded),
                );
                let duration = j.status.start_ms.map_or_else(String::new, |st| {
                    human_duration(j.status.completion_ms.unwrap_or(now).saturating_sub(st))
                });
                let mut row = vec![
                    j.meta.name.clone(),
                    job_status(j).into(),
                    completions,
                    duration,
                    age(now, j.meta.creation_ms),
                ];
                if wide {
                    let (cn, im) = wide_containers(&j.spec.template);
                    row.extend([
                        cn,
                        im,
                        format!("batch.kubernetes.io/controller-uid={}", j.meta.uid),
                    ]);
                }
                let v = c
                    .to_api_value(Kind::Job, &j.meta.namespace, &j.meta.name)
                    .unwrap_or(Value::Null);
                l.push(
                    ns_of(&j.meta.namespace).as_deref(),
                    row,
                    format!("job.batch/{}", j.meta.name),
                    &j.meta.labels,
                    v,
                );
            }
            l.missing = p.missing;
            l
        }
        Resource::Services => {
            let p = pick(
                s.services()
                    .sorted()
                    .filter(|d| in_scope(scope, &d.meta.namespace)),
                names,
                sel,
                |d: &Service| (d.meta.name.as_str(), &d.meta.labels),
            );
            let mut l = Listing::new(&[
                "NAME",
                "TYPE",
                "CLUSTER-IP",
                "EXTERNAL-IP",
                "PORT(S)",
                "AGE",
            ]);
            if wide {
                l.rows.header.push("SELECTOR");
            }
            for sv in p.found {
                let mut row = service_row(sv, now);
                if wide {
                    row.push(labels_text(&sv.spec.selector));
                }
                let v = c
                    .to_api_value(Kind::Service, &sv.meta.namespace, &sv.meta.name)
                    .unwrap_or(Value::Null);
                l.push(
                    ns_of(&sv.meta.namespace).as_deref(),
                    row,
                    format!("service/{}", sv.meta.name),
                    &sv.meta.labels,
                    v,
                );
            }
            l.missing = p.missing;
            l
        }
        Resource::Endpoints => {
            let p = pick(
                s.endpoints()
                    .sorted()
                    .filter(|d| in_scope(scope, &d.meta.namespace)),
                names,
                sel,
                |d: &Endpoints| (d.meta.name.as_str(), &d.meta.labels),
            );
            let mut l = Listing::new(&["NAME", "ENDPOINTS", "AGE"]);
            for e in p.found {
                let row = vec![
                    e.meta.name.clone(),
                    endpoints_text(e),
                    age(now, e.meta.creation_ms),
                ];
                l.push(
                    ns_of(&e.meta.namespace).as_deref(),
                    row,
                    format!("endpoints/{}", e.meta.name),
                    &e.meta.labels,
                    crate::sim::api_value::endpoints(e),
                );
            }
            l.missing = p.missing;
            l
        }
        Resource::Events | Resource::All => {
            let mut l = Listing::new(&["LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE"]);
            let mut evs: Vec<_> = c
                .events()
                .filter(|e| e.involved.kind == Kind::Node || in_scope(scope, &e.involved.namespace))
                .collect();
            evs.sort_by_key(|e| e.last_ms);
            for e in evs {
                if !names.is_empty() && !names.contains(&e.involved.name) {
                    continue;
                }
                let row = vec![
                    age(now, e.last_ms),
                    e.event_type.name().into(),
                    e.reason.clone(),
                    e.involved.display(),
                    e.message.clone(),
                ];
                let v = json!({"apiVersion": "v1", "kind": "Event", "count": e.count, "reason": e.reason, "message": e.message,
                    "type": e.event_type.name(), "involvedObject": {"kind": e.involved.kind.name(), "name": e.involved.name, "namespace": e.involved.namespace},
                    "source": {"component": e.source}, "firstTimestamp": crate::sim::timefmt::rfc3339(e.first_ms), "lastTimestamp": crate::sim::timefmt::rfc3339(e.last_ms)});
                l.push(
                    ns_of(&e.involved.namespace).as_deref(),
                    row,
                    format!("event/{}", e.involved.name),
                    &Labels::new(),
                    v,
                );
            }
            l
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn finish_output(
    r: Rows,
    output: Output,
    names: Vec<String>,
    values: Vec<Value>,
    missing: Vec<String>,
    res: Resource,
    scope: &Scope,
) -> Outcome {
    let mut out = String::new();
    let mut ok = true;
    match output {
        Output::Table | Output::Wide => {
            if !r.rows.is_empty() {
                out = table(&r.header, &r.rows);
            } else if missing.is_empty() {
                out = match (res, scope) {
                    (Resource::Nodes, _) | (_, Scope::All) => "No resources found\n".into(),
                    (_, Scope::One(ns)) => format!("No resources found in {ns} namespace.\n"),
                };
            }
        }
        Output::Name => {
            for n in &names {
                out.push_str(n);
                out.push('\n');
            }
        }
        Output::Yaml | Output::Json => {
            let single = values.len() == 1
                && missing.is_empty()
                && r.rows.len() == 1
                && res != Resource::Events;
            let v = if single && !names.is_empty() {
                values.into_iter().next().unwrap_or(Value::Null)
            } else {
                json!({"apiVersion": "v1", "items": values, "kind": "List", "metadata": {"resourceVersion": ""}})
            };
            out = if output == Output::Yaml {
                super::to_yaml(&v)
            } else {
                super::to_json(&v)
            };
        }
    }
    for m in missing {
        ok = false;
        let resource = res
            .kind()
            .map_or("endpoints", crate::sim::apiserver::resource_name);
        out.push_str(&format!(
            "Error from server (NotFound): {resource} \"{m}\" not found\n"
        ));
    }
    Outcome { output: out, ok }
}

fn service_row(sv: &Service, now: u64) -> Vec<String> {
    let ports: Vec<String> = sv
        .spec
        .ports
        .iter()
        .map(|p| match p.node_port {
            Some(np) => format!("{}:{np}/{}", p.port, p.protocol.name()),
            None => format!("{}/{}", p.port, p.protocol.name()),
        })
        .collect();
    let external = match sv.spec.service_type {
        ServiceType::ClusterIP => "<none>",
        ServiceType::NodePort => "<none>",
        ServiceType::LoadBalancer => "<pending>",
    };
    vec![
        sv.meta.name.clone(),
        sv.spec.service_type.name().into(),
        sv.cluster_ip().into(),
        external.into(),
        ports.join(","),
        age(now, sv.meta.creation_ms),
    ]
}

/// `10.244.1.2:80,10.244.2.2:80 + 1 more...`
pub fn endpoints_text(e: &Endpoints) -> String {
    let mut list = Vec::new();
    for p in &e.ports {
        for a in &e.ready {
            list.push(format!("{}:{}", a.ip, p.port));
        }
    }
    if e.ports.is_empty() {
        list.extend(e.ready.iter().map(|a| a.ip.clone()));
    }
    match list.len() {
        0 => "<none>".into(),
        n if n > 3 => format!("{} + {} more...", list[..3].join(","), n - 3),
        _ => list.join(","),
    }
}

fn get_all(c: &Cluster, sel: &Option<LabelSelector>, scope: &Scope) -> Outcome {
    let all = [
        Resource::Pods,
        Resource::Services,
        Resource::Deployments,
        Resource::ReplicaSets,
        Resource::Jobs,
    ];
    get_many(c, &all, false, sel, scope)
}

/// Several resource types at once (`get all`, `get deployments,replicasets`):
/// one table per type, names prefixed with the type.
fn get_many(
    c: &Cluster,
    list: &[Resource],
    wide: bool,
    sel: &Option<LabelSelector>,
    scope: &Scope,
) -> Outcome {
    let mut parts = Vec::new();
    for &res in list {
        let prefix = match res {
            Resource::Pods => "pod",
            Resource::Services => "service",
            Resource::Deployments => "deployment.apps",
            Resource::ReplicaSets => "replicaset.apps",
            Resource::Jobs => "job.batch",
            Resource::Nodes => "node",
            Resource::Endpoints => "endpoints",
            Resource::Events | Resource::All => "",
        };
        let mut l = list_of(c, res, wide, sel, scope);
        if l.rows.rows.is_empty() {
            continue;
        }
        let col = usize::from(*scope == Scope::All && res != Resource::Nodes);
        if !prefix.is_empty() {
            for row in &mut l.rows.rows {
                row[col] = format!("{prefix}/{}", row[col]);
            }
        }
        let rows = finish(l.rows, col == 1, None);
        parts.push(table(&rows.header, &rows.rows));
    }
    if parts.is_empty() {
        return Outcome::ok(format!("No resources found in {} namespace.\n", scope.ns()));
    }
    Outcome::ok(parts.join("\n"))
}

fn list_of(
    c: &Cluster,
    res: Resource,
    wide: bool,
    sel: &Option<LabelSelector>,
    scope: &Scope,
) -> Listing {
    list(c, res, &[], wide, sel, scope)
}

/// `get TYPE1,TYPE2 ...`.
pub fn get_types(
    c: &Cluster,
    list: &[Resource],
    wide: bool,
    selector: &Option<String>,
    scope: &Scope,
) -> Outcome {
    match selector.as_deref().map(selector::parse).transpose() {
        Ok(sel) => get_many(c, list, wide, &sel, scope),
        Err(e) => Outcome::fail(format!("error: {e}")),
    }
}
