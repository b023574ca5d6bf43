//! Reads: get one object, list (with label and field selectors and
//! `limit`/`continue`), server-side printing as a `meta.k8s.io/v1` Table
//! (the command bar's printers, so `kubectl get` prints what the command bar
//! prints), watches and logs.

use super::host::State;
use super::kinds::{Backing, ResourceInfo};
use super::status::Status;
use super::watch::{Filter, store_res};
use super::written::{Json, Objects, Piece, Written};
use super::{Reply, Request, fields};
use crate::kubectl::command::Scope;
use crate::kubectl::listing::printed;
use crate::sim::Cluster;
use crate::sim::selector;
use crate::sim::store::Res;
use crate::sim::stored::Oid;
use serde_json::{Map, Value, json};
use std::sync::Arc;

/// Whether the namespace `ns` exists (the NamespaceLifecycle admission
/// refuses objects in one that does not).
pub fn namespace_exists(c: &Cluster, ns: &str) -> bool {
    c.store().namespace(ns).is_some()
}

/// An object a request selects: its printed cells and the object.
pub struct Row {
    pub cells: Vec<String>,
    pub object: Arc<Written>,
}

/// The objects a request selects, with the printed columns.
pub struct Selected {
    pub columns: Vec<(&'static str, u8)>,
    pub rows: Vec<Row>,
}

/// The objects of `r` that `filter` selects, with their printed rows:
/// stored objects from the values the API keeps (built again only when
/// they changed), Events built every time.
pub fn select(c: &Cluster, st: &mut State, filter: &Filter, names: &[String]) -> Selected {
    st.objects.sync(c.revision(), c.store().object_count());
    select_in(c, Some(&mut st.objects), filter, names)
}

/// [`select`] with the values kept in `objects`, or built afresh (`None`:
/// for a cluster other than the one served, such as a dry run's copy).
fn select_in(
    c: &Cluster,
    mut objects: Option<&mut Objects>,
    filter: &Filter,
    names: &[String],
) -> Selected {
    let Some(res) = filter.res.printer() else {
        return Selected {
            columns: Vec::new(),
            rows: Vec::new(),
        };
    };
    let scope = match &filter.namespace {
        Some(ns) => Scope::One(ns.clone()),
        None => Scope::All,
    };
    // Kept objects are not read again: the printers already chose them by
    // namespace and labels, and a field selector needs every value, so a
    // request with one builds them afresh.
    let stored = store_res(filter.res).filter(|_| objects.is_some() && filter.fields.is_empty());
    let p = printed(c, res, names, &filter.labels, &scope, stored.is_none());
    let rows = p
        .rows
        .into_iter()
        .filter_map(|row| {
            let object = match (stored, row.key, objects.as_deref_mut()) {
                (Some(sr), Some(key), Some(objects)) => {
                    objects.get(sr, key, || value_of(c, sr, key.0))?
                }
                _ => Written::new(match filter.res.backing {
                    Backing::Events { new_api: true } => event_to_v1(&row.value),
                    _ => row.value,
                }),
            };
            let chosen = object.value().is_none_or(|v| filter.matches(v));
            chosen.then_some(Row {
                cells: row.cells,
                object,
            })
        })
        .collect();
    Selected {
        columns: p.columns,
        rows,
    }
}

/// A stored object's API value, by its oid.
fn value_of(c: &Cluster, res: Res, oid: Oid) -> Option<Value> {
    let node = match res {
        Res::Node => c.store().nodes().iter().position(|n| n.meta.oid == oid),
        _ => None,
    };
    c.api_value_of(res, oid, node)
}

/// A core/v1 Event in the events.k8s.io/v1 shape.
pub fn event_to_v1(v: &Value) -> Value {
    crate::sim::api_value::event_v1_of(v)
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
    st: &mut State,
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
    if req.wants_table() {
        if p.rows.is_empty() {
            return Status::not_found(&r.qualified(), name).into();
        }
        return Reply::pieces(table(
            &p,
            r.plural,
            json!({"resourceVersion": list_version(c, r).to_string()}),
            req,
        ));
    }
    match p.rows.into_iter().next() {
        Some(row) => {
            let mut body = Json::default();
            body.piece(Piece::Object(row.object));
            Reply::pieces(body)
        }
        None => Status::not_found(&r.qualified(), name).into(),
    }
}

/// The object itself (for writes that start from it), built afresh: `c`
/// may be a dry run's copy of the cluster.
pub fn current(
    c: &Cluster,
    _st: &State,
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
    select_in(c, None, &filter, &[name.to_string()])
        .rows
        .into_iter()
        .next()
        .map(|row| row.object.into_value())
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
        return Reply::pieces(table(&p, r.plural, Value::Object(meta), req));
    }
    // The keys in the order serde_json writes a map's (sorted).
    let mut body = Json::default();
    body.raw(r#"{"apiVersion":"#)
        .value(r.group_version().into())
        .raw(r#","items":["#);
    for (i, row) in p.rows.into_iter().enumerate() {
        if i > 0 {
            body.raw(",");
        }
        body.piece(Piece::Object(row.object));
    }
    body.raw(r#"],"kind":"#)
        .value(format!("{}List", r.kind).into())
        .raw(r#","metadata":"#)
        .value(Value::Object(meta))
        .raw("}");
    Reply::pieces(body)
}

fn watch(c: &Cluster, st: &mut State, filter: Filter, req: &Request) -> Reply {
    let since = req
        .param("resourceVersion")
        .filter(|v| !v.is_empty() && *v != "0")
        .and_then(|v| v.parse::<u64>().ok());
    let initial = if since.is_none() {
        // No resourceVersion: every current object first, as ADDED.
        let p = select(c, st, &filter, &[]);
        let rv = json!({"resourceVersion": list_version(c, filter.res).to_string()});
        let columns = p.columns;
        p.rows
            .into_iter()
            .map(|row| {
                let mut line = Json::default();
                line.raw(r#"{"object":"#);
                if filter.table {
                    let one = Selected {
                        columns: columns.clone(),
                        rows: vec![row],
                    };
                    line.extend(table(
                        &one,
                        filter.res.plural,
                        rv.clone(),
                        &Request::default(),
                    ));
                } else {
                    line.piece(Piece::Object(row.object));
                }
                line.raw(",\"type\":\"ADDED\"}\n");
                bytes::Bytes::from(line.write())
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
    let mut p = printed(c, res, &names, &None, &scope, true);
    let uid = &obj["metadata"]["uid"];
    p.rows.retain(|row| {
        let meta = &row.value["metadata"];
        meta["name"] == name && (&meta["uid"] == uid || uid.is_null())
    });
    if p.rows.is_empty() {
        return None;
    }
    let rv = obj["metadata"]["resourceVersion"]
        .as_str()
        .and_then(|v| v.parse::<u64>().ok())
        .unwrap_or(0);
    let one = Selected {
        columns: p.columns,
        rows: p
            .rows
            .into_iter()
            .map(|row| Row {
                cells: row.cells,
                object: Written::new(row.value),
            })
            .collect(),
    };
    let meta = json!({"resourceVersion": rv.to_string()});
    Some(table(&one, r.plural, meta, &Request::default()).to_value())
}

/// A printed Table (`meta.k8s.io/v1`) of `plural`, rows carrying the
/// object's metadata (or the whole object with `includeObject=Object`,
/// nothing with `None`). The keys in the order serde_json writes a map's.
pub fn table(p: &Selected, plural: &str, metadata: Value, req: &Request) -> Json {
    let columns = super::columns::definitions(plural, &p.columns);
    let include = req.param("includeObject");
    let mut body = Json::default();
    body.raw(r#"{"apiVersion":"meta.k8s.io/v1","columnDefinitions":"#)
        .value(Value::Array(columns))
        .raw(r#","kind":"Table","metadata":"#)
        .value(metadata)
        .raw(r#","rows":["#);
    for (i, row) in p.rows.iter().enumerate() {
        if i > 0 {
            body.raw(",");
        }
        let cells = super::columns::cells(plural, &p.columns, &row.cells);
        body.raw(r#"{"cells":"#)
            .value(Value::Array(cells))
            .raw(r#","object":"#);
        match include {
            Some("Object") => body.piece(Piece::Object(row.object.clone())),
            Some("None") => body.raw("null"),
            _ => body.piece(Piece::Partial(row.object.clone())),
        };
        body.raw("}");
    }
    body.raw("]}");
    body
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
