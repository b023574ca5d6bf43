//! `kubectl get`: tables shaped like kubectl's, `-o wide|name|yaml|json`.

use super::Outcome;
use super::listing::{Listing, Rows, finish, list};
use super::parse::{Output, Resource, Scope};
use super::sort_by::{self, SortPath};
use super::table::table;
use crate::sim::Cluster;
use crate::sim::objects::*;
use crate::sim::selector;
use serde_json::{Value, json};

/// How a `get` narrows and orders what it lists.
#[derive(Debug, Clone, Default)]
pub struct Filters {
    pub selector: Option<String>,
    pub scope: Scope,
    pub show_labels: bool,
    /// `--no-headers` (tables only, as kubectl's printer).
    pub no_headers: bool,
    pub sort_by: Option<String>,
}

pub fn get(c: &Cluster, res: Resource, names: &[String], output: Output, f: &Filters) -> Outcome {
    let sel = match f.selector.as_deref().map(selector::parse).transpose() {
        Ok(s) => s,
        Err(e) => return Outcome::fail(format!("error: {e}")),
    };
    let scope = &f.scope;
    if res == Resource::All {
        return get_all(c, &sel, scope);
    }
    let mut l = list(c, res, names, output == Output::Wide, &sel, scope);
    if let Some(path) = &f.sort_by {
        match SortPath::parse(path) {
            Ok(p) => l.reorder(&sort_by::order(&l.values, &p)),
            Err(e) => return Outcome::fail(e),
        }
    }
    let ns_col = *scope == Scope::All && !res.cluster_scoped();
    let rows = finish(l.rows, ns_col, f.show_labels.then_some(l.labels));
    // `get KIND NAME -o yaml` prints the object; anything else a List.
    let one = names.len() == 1;
    // kubectl's printer leaves the header out of the tab writer too, so the
    // columns are only as wide as the rows need.
    let headless = (f.no_headers && !rows.rows.is_empty())
        .then(|| {
            let with_header = table(&rows.header, &rows.rows).len();
            (with_header, super::table::rows_only(&rows.rows))
        })
        .filter(|_| matches!(output, Output::Table | Output::Wide));
    let mut out = finish_output(rows, output, l.names, l.values, l.missing, res, scope, one);
    if let Some((with_header, rows)) = headless {
        out.output.replace_range(..with_header, &rows);
    }
    if res == Resource::Endpoints && c.release() == crate::sim::release::Release::V1_33 {
        // The API server's deprecation warning (KEP-4974), which kubectl prints.
        // https://kubernetes.io/docs/reference/using-api/deprecation-guide/
        out.output.insert_str(0, ENDPOINTS_WARNING);
    }
    out
}

/// What a v1.33 API server says to a request for Endpoints.
pub const ENDPOINTS_WARNING: &str =
    "Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\n";

#[allow(clippy::too_many_arguments)]
fn finish_output(
    r: Rows,
    output: Output,
    names: Vec<String>,
    values: Vec<Value>,
    missing: Vec<String>,
    res: Resource,
    scope: &Scope,
    one: bool,
) -> Outcome {
    let mut out = String::new();
    let mut ok = true;
    match output {
        Output::Table | Output::Wide => {
            if !r.rows.is_empty() {
                out = table(&r.header, &r.rows);
            } else if missing.is_empty() {
                out = match (res, scope) {
                    (r, _) if r.cluster_scoped() => "No resources found\n".into(),
                    (_, Scope::All) => "No resources found\n".into(),
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
        Output::Yaml | Output::Json if values.is_empty() && !missing.is_empty() => {}
        Output::Yaml | Output::Json => {
            // One object asked for by name is printed as it is; a listing
            // (even of one object) is a List.
            // https://kubernetes.io/docs/reference/kubectl/#output-options
            let v = if one && values.len() == 1 {
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

fn get_all(c: &Cluster, sel: &Option<LabelSelector>, scope: &Scope) -> Outcome {
    // The "all" category, in its order.
    let all = [
        Resource::Pods,
        Resource::Services,
        Resource::DaemonSets,
        Resource::Deployments,
        Resource::ReplicaSets,
        Resource::StatefulSets,
        Resource::CronJobs,
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
        let prefix = res.prefix();
        let mut l = list_of(c, res, wide, sel, scope);
        if l.rows.rows.is_empty() {
            continue;
        }
        let col = usize::from(*scope == Scope::All && !res.cluster_scoped());
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
