//! Reads: get one object, list (with label and field selectors and
//! `limit`/`continue`), server-side printing as a `meta.k8s.io/v1` Table
//! (the command bar's printers, so `kubectl get` prints what the command bar
//! prints), watches and logs.

use super::host::State;
use super::kinds::{Backing, ResourceInfo};
use super::status::Status;
use super::watch::Filter;
use super::{Reply, Request, fields};
use crate::kubectl::command::Scope;
use crate::kubectl::listing::{Printed, printed};
use crate::sim::Cluster;
use crate::sim::selector;
use serde_json::{Map, Value, json};

/// The namespaces every cluster has.
pub const SYSTEM_NAMESPACES: [&str; 4] =
    ["default", "kube-node-lease", "kube-public", "kube-system"];

/// Every namespace: the system ones, the ones objects live in, the created ones.
pub fn namespaces(c: &Cluster, st: &State) -> Vec<(String, u64)> {
    let mut all: std::collections::BTreeMap<String, u64> = SYSTEM_NAMESPACES
        .iter()
        .map(|n| (n.to_string(), 0))
        .collect();
    let s = c.store();
    let used = s
        .pods()
        .iter()
        .map(|o| &o.meta)
        .chain(s.deployments().iter().map(|o| &o.meta))
        .chain(s.replicasets().iter().map(|o| &o.meta))
        .chain(s.jobs().iter().map(|o| &o.meta))
        .chain(s.services().iter().map(|o| &o.meta));
    for m in used {
        all.entry(m.namespace.clone()).or_insert(m.creation_ms);
    }
    for (n, t) in &st.namespaces {
        all.insert(n.clone(), *t);
    }
    all.into_iter().collect()
}

pub fn namespace_exists(c: &Cluster, st: &State, ns: &str) -> bool {
    namespaces(c, st).iter().any(|(n, _)| n == ns)
}

fn namespace_value(name: &str, created: u64) -> Value {
    json!({"apiVersion": "v1", "kind": "Namespace",
        "metadata": {"name": name, "creationTimestamp": crate::sim::timefmt::rfc3339(created),
            "labels": {"kubernetes.io/metadata.name": name}, "resourceVersion": "1",
            "uid": crate::sim::names::uid(&mut crate::sim::clock::Rng::new(name.len() as u64 * 7919 + name.bytes().map(u64::from).sum::<u64>()))},
        "spec": {"finalizers": ["kubernetes"]}, "status": {"phase": "Active"}})
}

/// The objects of `r` that `filter` selects, with their printed rows.
pub fn select(c: &Cluster, st: &State, filter: &Filter, names: &[String]) -> Printed {
    let mut p = match filter.res.backing {
        Backing::Namespaces => {
            let rows = namespaces(c, st)
                .into_iter()
                .filter(|(n, _)| names.is_empty() || names.contains(n))
                .map(|(n, t)| {
                    let age = crate::kubectl::age(c.now(), t);
                    (
                        vec![n.clone(), "Active".into(), age],
                        namespace_value(&n, t),
                    )
                })
                .collect();
            Printed {
                columns: vec![("NAME", 0), ("STATUS", 0), ("AGE", 0)],
                rows,
            }
        }
        Backing::EndpointSlices | Backing::Leases => {
            derived_rows(c, filter.res, &filter.namespace, names)
        }
        _ => {
            let Some(res) = filter.res.printer() else {
                return Printed {
                    columns: Vec::new(),
                    rows: Vec::new(),
                };
            };
            let scope = match &filter.namespace {
                Some(ns) => Scope::One(ns.clone()),
                None => Scope::All,
            };
            let mut p = printed(c, res, names, &filter.labels, &scope);
            if let Backing::Events { new_api: true } = filter.res.backing {
                for (_, v) in &mut p.rows {
                    *v = event_to_v1(v);
                }
            }
            p
        }
    };
    p.rows.retain(|(_, v)| filter.matches(v));
    p
}

/// EndpointSlices or node Leases, with their rows.
fn derived_rows(c: &Cluster, r: &ResourceInfo, ns: &Option<String>, names: &[String]) -> Printed {
    let (source, kind) = match r.backing {
        Backing::EndpointSlices => (
            crate::kubectl::command::Resource::Endpoints,
            "EndpointSlice",
        ),
        _ => (crate::kubectl::command::Resource::Nodes, "Lease"),
    };
    let scope = match (r.backing, ns) {
        (Backing::Leases, Some(ns)) if ns != "kube-node-lease" => {
            return Printed {
                columns: Vec::new(),
                rows: Vec::new(),
            };
        }
        (Backing::EndpointSlices, Some(ns)) => Scope::One(ns.clone()),
        _ => Scope::All,
    };
    let src = printed(c, source, &[], &None, &scope);
    let mut columns = Vec::new();
    let mut rows = Vec::new();
    for (_, v) in src.rows {
        let obj = match r.backing {
            Backing::EndpointSlices => super::derived::endpoint_slice(&v),
            _ => super::derived::node_lease(&v),
        };
        let name = obj["metadata"]["name"].as_str().unwrap_or("").to_string();
        if !names.is_empty() && !names.contains(&name) {
            continue;
        }
        let created = obj["metadata"]["creationTimestamp"].as_str().unwrap_or("");
        let age = crate::kubectl::age(c.now(), sim_ms(created));
        let (cols, cells) = super::derived::row(kind, &obj, age);
        columns = cols;
        rows.push((cells, obj));
    }
    if columns.is_empty() {
        columns = super::derived::row(kind, &Value::Null, String::new()).0;
    }
    Printed { columns, rows }
}

/// Simulated milliseconds of an RFC 3339 timestamp printed on this thread.
fn sim_ms(ts: &str) -> u64 {
    let ms = crate::timestamp::Timestamp::parse_rfc3339(ts).map_or(0, |t| t.millis().max(0) as u64);
    ms.saturating_sub(crate::sim::timefmt::thread_epoch() * 1000)
}

/// A core/v1 Event in the events.k8s.io/v1 shape.
pub fn event_to_v1(v: &Value) -> Value {
    json!({"apiVersion": "events.k8s.io/v1", "kind": "Event", "metadata": v["metadata"],
        "regarding": v["involvedObject"], "reason": v["reason"], "note": v["message"], "type": v["type"],
        "eventTime": null, "deprecatedSource": v["source"],
        "deprecatedFirstTimestamp": v["firstTimestamp"], "deprecatedLastTimestamp": v["lastTimestamp"],
        "deprecatedCount": v["count"], "reportingController": v["reportingComponent"],
        "reportingInstance": v["reportingInstance"]})
}

/// The list's resourceVersion: the store's revision, or the event log's
/// sequence for events.
pub fn list_version(c: &Cluster, r: &ResourceInfo) -> u64 {
    match r.backing {
        Backing::Events { .. } => c.events().map(|e| e.last_seq).max().unwrap_or(0),
        _ => c.revision(),
    }
}

/// Parse the selectors of a request into a filter.
pub fn filter(r: &'static ResourceInfo, ns: Option<&str>, req: &Request) -> Result<Filter, Status> {
    let labels = match req.param("labelSelector").filter(|s| !s.is_empty()) {
        Some(text) => Some(
            selector::parse(text)
                .map_err(|e| Status::bad_request(format!("unable to parse requirement: {e}")))?,
        ),
        None => None,
    };
    let fields = match req.param("fieldSelector") {
        Some(text) => fields::parse(r, text).map_err(Status::bad_request)?,
        None => Vec::new(),
    };
    Ok(Filter {
        res: r,
        table: req.wants_table(),
        namespace: ns.map(str::to_string),
        labels,
        fields,
    })
}

/// `GET` of one object.
pub fn get(
    c: &Cluster,
    st: &State,
    r: &'static ResourceInfo,
    ns: Option<&str>,
    name: &str,
    req: &Request,
) -> Reply {
    let filter = Filter {
        res: r,
        table: false,
        namespace: ns.map(str::to_string),
        labels: None,
        fields: Vec::new(),
    };
    let p = select(c, st, &filter, &[name.to_string()]);
    if p.rows.is_empty() {
        return Status::not_found(&r.qualified(), name).into();
    }
    if req.wants_table() {
        return Reply::ok(table(&p, list_version(c, r), req));
    }
    Reply::ok(
        p.rows
            .into_iter()
            .next()
            .map(|(_, v)| v)
            .unwrap_or(Value::Null),
    )
}

/// The object itself (for writes that start from it).
pub fn current(
    c: &Cluster,
    st: &State,
    r: &'static ResourceInfo,
    ns: &str,
    name: &str,
) -> Result<Value, Status> {
    let filter = Filter {
        res: r,
        table: false,
        namespace: r.namespaced.then(|| ns.to_string()),
        labels: None,
        fields: Vec::new(),
    };
    select(c, st, &filter, &[name.to_string()])
        .rows
        .into_iter()
        .next()
        .map(|(_, v)| v)
        .ok_or_else(|| Status::not_found(&r.qualified(), name))
}

/// `GET` of a collection: a list, a Table, or (with `watch`) a watch.
pub fn list(
    c: &Cluster,
    st: &mut State,
    r: &'static ResourceInfo,
    ns: Option<&str>,
    req: &Request,
) -> Reply {
    let filter = match filter(r, ns, req) {
        Ok(f) => f,
        Err(s) => return s.into(),
    };
    if req.flag("watch") {
        return watch(c, st, filter, req);
    }
    let mut p = select(c, st, &filter, &[]);
    let rv = list_version(c, r);
    let offset: usize = req
        .param("continue")
        .and_then(|t| t.parse().ok())
        .unwrap_or(0);
    let limit: usize = req
        .param("limit")
        .and_then(|l| l.parse().ok())
        .filter(|l| *l > 0)
        .unwrap_or(usize::MAX);
    let total = p.rows.len();
    p.rows = p.rows.into_iter().skip(offset).take(limit).collect();
    let mut meta = Map::new();
    meta.insert("resourceVersion".into(), rv.to_string().into());
    let next = offset.saturating_add(limit);
    if next < total {
        meta.insert("continue".into(), next.to_string().into());
        meta.insert("remainingItemCount".into(), (total - next).into());
    }
    if req.wants_table() {
        let mut t = table(&p, rv, req);
        t["metadata"] = Value::Object(meta);
        return Reply::ok(t);
    }
    let items: Vec<Value> = p.rows.into_iter().map(|(_, v)| v).collect();
    Reply::ok(
        json!({"kind": format!("{}List", r.kind), "apiVersion": r.group_version(),
        "metadata": meta, "items": items}),
    )
}

fn watch(c: &Cluster, st: &mut State, filter: Filter, req: &Request) -> Reply {
    let since = req
        .param("resourceVersion")
        .filter(|v| !v.is_empty() && *v != "0")
        .and_then(|v| v.parse::<u64>().ok());
    let initial = if since.is_none() {
        // No resourceVersion: every current object first, as ADDED.
        let p = select(c, st, &filter, &[]);
        let columns = p.columns.clone();
        p.rows
            .into_iter()
            .map(|(cells, v)| {
                let obj = if filter.table {
                    let one = Printed {
                        columns: columns.clone(),
                        rows: vec![(cells, v)],
                    };
                    table(&one, list_version(c, filter.res), &Request::default())
                } else {
                    v
                };
                let mut s = serde_json::to_string(&json!({"type": "ADDED", "object": obj}))
                    .unwrap_or_default();
                s.push('\n');
                bytes::Bytes::from(s)
            })
            .collect()
    } else {
        Vec::new()
    };
    let timeout = req
        .param("timeoutSeconds")
        .and_then(|t| t.parse::<u64>().ok())
        .map(std::time::Duration::from_secs);
    match st.hub.watch(filter, since) {
        Ok((replayed, rx)) => Reply::Stream {
            content_type: "application/json",
            first: initial.into_iter().chain(replayed).collect(),
            rest: rx,
            timeout,
        },
        Err(oldest) => Status::gone(format!(
            "too old resource version: {} ({oldest})",
            since.unwrap_or(0)
        ))
        .into(),
    }
}

/// One object as a one-row Table (a watch event of `kubectl get -w`).
pub fn row_table(
    c: &Cluster,
    r: &'static ResourceInfo,
    ns: &str,
    name: &str,
    obj: &Value,
) -> Option<Value> {
    let res = r.printer()?;
    let scope = if r.namespaced {
        Scope::One(ns.to_string())
    } else {
        Scope::All
    };
    let names = match r.backing {
        Backing::Events { .. } => Vec::new(),
        _ => vec![name.to_string()],
    };
    let mut p = printed(c, res, &names, &None, &scope);
    let uid = &obj["metadata"]["uid"];
    p.rows.retain(|(_, v)| {
        v["metadata"]["name"] == name && (&v["metadata"]["uid"] == uid || uid.is_null())
    });
    if p.rows.is_empty() {
        return None;
    }
    let rv = obj["metadata"]["resourceVersion"]
        .as_str()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    Some(table(&p, rv, &Request::default()))
}

/// A printed Table (`meta.k8s.io/v1`), rows carrying the object's metadata
/// (or the whole object with `includeObject=Object`).
pub fn table(p: &Printed, rv: u64, req: &Request) -> Value {
    let columns: Vec<Value> = p
        .columns
        .iter()
        .enumerate()
        .map(|(i, (name, priority))| {
            json!({"name": name, "type": "string", "format": if i == 0 { "name" } else { "" },
                "description": "", "priority": priority})
        })
        .collect();
    let whole = req.param("includeObject") == Some("Object");
    let none = req.param("includeObject") == Some("None");
    let rows: Vec<Value> = p
        .rows
        .iter()
        .map(|(cells, v)| {
            let object = if whole {
                v.clone()
            } else if none {
                Value::Null
            } else {
                json!({"kind": "PartialObjectMetadata", "apiVersion": "meta.k8s.io/v1", "metadata": v["metadata"]})
            };
            json!({"cells": cells, "object": object})
        })
        .collect();
    json!({"kind": "Table", "apiVersion": "meta.k8s.io/v1",
        "metadata": {"resourceVersion": rv.to_string()},
        "columnDefinitions": columns, "rows": rows})
}

/// `GET pods/NAME/log`: the container's lines, or (with `follow`) a stream.
pub fn logs(c: &Cluster, st: &mut State, ns: &str, name: &str, req: &Request) -> Reply {
    let Some(pod) = c.pod(ns, name) else {
        return Status::not_found("pods", name).into();
    };
    let container = req.param("container");
    if container.is_none() && pod.spec.containers.len() > 1 {
        let names: Vec<&str> = pod
            .spec
            .containers
            .iter()
            .map(|c| c.name.as_str())
            .collect();
        return Status::bad_request(format!(
            "a container name must be specified for pod {name}, choose one of: [{}]",
            names.join(" ")
        ))
        .into();
    }
    let lines = match c.logs(ns, name, container, req.flag("previous")) {
        Ok(l) => l,
        Err(e) => {
            let msg = e
                .strip_prefix("Error from server (BadRequest): ")
                .unwrap_or(&e);
            return Status::bad_request(msg).into();
        }
    };
    let tail = req
        .param("tailLines")
        .and_then(|t| t.parse::<usize>().ok())
        .unwrap_or(usize::MAX);
    let shown = &lines[lines.len().saturating_sub(tail)..];
    let text: String = shown.iter().map(|l| format!("{l}\n")).collect();
    if req.flag("follow") && !req.flag("previous") {
        let rx = st.hub.follow(ns, name, container, lines.len());
        return Reply::Stream {
            content_type: "text/plain",
            first: vec![bytes::Bytes::from(text)],
            rest: rx,
            timeout: None,
        };
    }
    Reply::Text {
        code: 200,
        body: text,
    }
}
