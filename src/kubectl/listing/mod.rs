//! The rows `kubectl get` prints for each resource type, and what `-o
//! name|yaml|json` print for the same objects.

mod cluster;
mod core;
mod part2;
mod workloads;

pub use part2::quota_columns;

use super::parse::{Resource, Scope};
use super::{age, labels_text, restarts_text};
use crate::sim::Cluster;
use crate::sim::objects::*;
use crate::sim::status::{job_status, node_status, pod_ready, pod_status};
use crate::sim::store::Store;
use crate::sim::stored::*;
use crate::sim::timefmt::human_duration;
use serde_json::Value;

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

pub(super) struct Rows {
    pub(super) header: Vec<&'static str>,
    pub(super) rows: Vec<Vec<String>>,
}

impl Rows {
    fn new(header: &[&'static str]) -> Self {
        Rows {
            header: header.to_vec(),
            rows: Vec::new(),
        }
    }
}

pub(super) fn finish(mut r: Rows, ns_col: bool, labels: Option<Vec<String>>) -> Rows {
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
pub(super) struct Listing {
    pub(super) rows: Rows,
    pub(super) names: Vec<String>,
    pub(super) values: Vec<Value>,
    /// Per row, the stored object's oid and resourceVersion (`None` for
    /// Events, which the event log keeps).
    pub(super) keys: Vec<Option<(Oid, u64)>>,
    pub(super) labels: Vec<String>,
    pub(super) missing: Vec<String>,
}

impl Listing {
    fn new(header: &[&'static str]) -> Self {
        Listing {
            rows: Rows::new(header),
            names: Vec::new(),
            values: Vec::new(),
            keys: Vec::new(),
            labels: Vec::new(),
            missing: Vec::new(),
        }
    }

    /// Put the rows in the given order (indices into the current one).
    pub(super) fn reorder(&mut self, order: &[usize]) {
        fn pick<T: Clone>(v: &[T], order: &[usize]) -> Vec<T> {
            order.iter().map(|&i| v[i].clone()).collect()
        }
        self.rows.rows = pick(&self.rows.rows, order);
        self.names = pick(&self.names, order);
        self.values = pick(&self.values, order);
        self.keys = pick(&self.keys, order);
        self.labels = pick(&self.labels, order);
    }

    fn push(
        &mut self,
        ns: Option<&str>,
        mut row: Vec<String>,
        name: String,
        meta: Option<&Meta>,
        value: Value,
    ) {
        if let Some(ns) = ns {
            row.insert(0, ns.to_string());
        }
        self.rows.rows.push(row);
        self.names.push(name);
        let labels = meta.map_or_else(|| labels_text(&Labels::new()), |m| labels_text(&m.labels));
        self.labels.push(labels);
        self.keys.push(meta.map(|m| (m.oid, m.resource_version)));
        self.values.push(value);
    }
}

/// Run `get` and produce kubectl's output.
#[allow(clippy::too_many_arguments)]
/// What a listing is asked for.
pub(super) struct Q<'a> {
    pub(super) c: &'a Cluster,
    pub(super) s: &'a Store,
    pub(super) now: u64,
    pub(super) names: &'a [String],
    pub(super) wide: bool,
    pub(super) sel: &'a Option<LabelSelector>,
    pub(super) scope: &'a Scope,
    /// Whether to build each object's API value (`false`: `Value::Null`,
    /// for a caller that keeps the values itself, by the rows' keys).
    pub(super) values: bool,
}

impl Q<'_> {
    /// The object's API value, when the listing is asked for values.
    pub(super) fn value(&self, make: impl FnOnce() -> Value) -> Value {
        if self.values { make() } else { Value::Null }
    }

    /// The NAMESPACE cell, when listing every namespace.
    pub(super) fn ns_of(&self, ns: &str) -> Option<String> {
        (*self.scope == Scope::All).then(|| ns.to_string())
    }
}

/// The listing of one resource type.
pub(super) fn list(
    c: &Cluster,
    res: Resource,
    names: &[String],
    wide: bool,
    sel: &Option<LabelSelector>,
    scope: &Scope,
) -> Listing {
    listing(c, res, names, wide, sel, scope, true)
}

/// [`list`], with or without the objects' API values.
fn listing(
    c: &Cluster,
    res: Resource,
    names: &[String],
    wide: bool,
    sel: &Option<LabelSelector>,
    scope: &Scope,
    values: bool,
) -> Listing {
    let q = Q {
        c,
        s: c.store(),
        now: c.now(),
        names,
        wide,
        sel,
        scope,
        values,
    };
    match res {
        Resource::Pods => core::pods(&q),
        Resource::Nodes => core::nodes(&q),
        Resource::Deployments => workloads::deployments(&q),
        Resource::ReplicaSets => workloads::replicasets(&q),
        Resource::Jobs => workloads::jobs(&q),
        Resource::Services => core::services(&q),
        Resource::Endpoints => core::endpoints(&q),
        Resource::Namespaces => cluster::namespaces(&q),
        Resource::DaemonSets => cluster::daemonsets(&q),
        Resource::EndpointSlices => cluster::endpointslices(&q),
        Resource::Leases => cluster::leases(&q),
        Resource::Events | Resource::All => core::events(&q),
        Resource::ConfigMaps => part2::configmaps(&q),
        Resource::Secrets => part2::secrets(&q),
        Resource::StatefulSets => part2::statefulsets(&q),
        Resource::CronJobs => part2::cronjobs(&q),
        Resource::PersistentVolumes => part2::persistentvolumes(&q),
        Resource::PersistentVolumeClaims => part2::persistentvolumeclaims(&q),
        Resource::StorageClasses => part2::storageclasses(&q),
        Resource::ResourceQuotas => part2::resourcequotas(&q),
        Resource::LimitRanges => part2::limitranges(&q),
    }
}
#[allow(clippy::too_many_arguments)]
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

/// The printed table of one resource, as the API server's Table response
/// carries it: the columns (with kubectl's `-o wide` ones marked by priority
/// 1), and per object its cells and the object itself.
#[derive(Debug, Clone)]
pub struct Printed {
    pub columns: Vec<(&'static str, u8)>,
    pub rows: Vec<PrintedRow>,
}

/// One object of a [`Printed`] table.
#[derive(Debug, Clone)]
pub struct PrintedRow {
    pub cells: Vec<String>,
    /// The object as the API returns it (`Value::Null` when not asked for).
    pub value: Value,
    /// The stored object's oid and resourceVersion (`None` for an Event).
    pub key: Option<(Oid, u64)>,
}

/// The rows `kubectl get` prints for `res` in `scope` (names empty: every
/// object; `sel`: a label selector), shared by the command bar and the
/// server-side printing of `kubetutor serve`. No NAMESPACE column: a client
/// adds it. Without `values` the rows carry no API value, only the key to
/// find it by (the API keeps the values it has built).
pub fn printed(
    c: &Cluster,
    res: Resource,
    names: &[String],
    sel: &Option<LabelSelector>,
    scope: &Scope,
    values: bool,
) -> Printed {
    // The header alone: a name no object has keeps the rows out of it.
    // A column `-o wide` adds has priority 1, wherever it stands (the
    // events' SUBOBJECT and SOURCE stand before MESSAGE).
    let narrow = listing(
        c,
        res,
        &["\0".to_string()],
        false,
        &None,
        &Scope::One(String::new()),
        false,
    )
    .rows
    .header;
    let l = match scope {
        Scope::All => {
            let mut l = listing(c, res, names, true, sel, &Scope::All, values);
            for r in &mut l.rows.rows {
                if !res.cluster_scoped() {
                    r.remove(0);
                }
            }
            l
        }
        Scope::One(_) => listing(c, res, names, true, sel, scope, values),
    };
    let columns = l
        .rows
        .header
        .iter()
        .map(|h| (*h, u8::from(!narrow.contains(h))))
        .collect();
    let rows = l
        .rows
        .rows
        .into_iter()
        .zip(l.values)
        .zip(l.keys)
        .map(|((cells, value), key)| PrintedRow { cells, value, key })
        .collect();
    Printed { columns, rows }
}
