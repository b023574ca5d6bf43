//! LimitRanger: defaults a container's requests and limits from the
//! namespace's LimitRanges, then checks min, max and the limit/request
//! ratio per container, per pod and per PersistentVolumeClaim.
//! <https://kubernetes.io/docs/concepts/policy/limit-range/>

use super::super::objects::*;
use super::super::store::Store;

/// The annotation LimitRanger leaves on a pod it changed.
pub const ANNOTATION: &str = "kubernetes.io/limit-ranger";

const CPU: &str = "cpu";
const MEMORY: &str = "memory";

fn get(r: Resources, name: &str) -> u64 {
    match name {
        CPU => r.cpu_millis,
        MEMORY => r.memory_bytes,
        _ => 0,
    }
}

fn set(r: &mut Resources, name: &str, v: u64) {
    match name {
        CPU => r.cpu_millis = v,
        MEMORY => r.memory_bytes = v,
        _ => {}
    }
}

/// API defaulting of a LimitRange item (`SetDefaults_LimitRangeItem`): a
/// container's default limit falls back to `max`, its default request to
/// the default limit, then to `min`.
pub fn set_defaults(spec: &mut LimitRangeSpec) {
    for item in &mut spec.limits {
        if item.limit_type != LimitType::Container {
            continue;
        }
        for (k, v) in &item.max {
            item.default.entry(k.clone()).or_insert(*v);
        }
        for (k, v) in &item.default {
            item.default_request.entry(k.clone()).or_insert(*v);
        }
        for (k, v) in &item.min {
            item.default_request.entry(k.clone()).or_insert(*v);
        }
    }
}

fn items<'a>(
    store: &'a Store,
    ns: &'a str,
    t: LimitType,
) -> impl Iterator<Item = &'a LimitRangeItem> + 'a {
    store
        .limitranges()
        .in_namespace(ns)
        .flat_map(|lr| lr.spec.limits.iter())
        .filter(move |i| i.limit_type == t)
}

fn amount(resource: &str, v: u64) -> String {
    format_amount(resource, v)
}

/// Fill in missing requests and limits of each container from the
/// namespace's Container defaults; the annotation lists what was set.
fn default_container(
    c: &mut ContainerSpec,
    item: &LimitRangeItem,
    prefix: &str,
    notes: &mut Vec<String>,
) {
    // API defaulting first: a limit without a request makes the request.
    for r in [CPU, MEMORY] {
        if get(c.requests, r) == 0 && get(c.limits, r) > 0 {
            set(&mut c.requests, r, get(c.limits, r));
        }
    }
    let mut set_limits = Vec::new();
    for (k, v) in &item.default {
        if (k == CPU || k == MEMORY) && get(c.limits, k) == 0 {
            set(&mut c.limits, k, *v);
            set_limits.push(k.clone());
        }
    }
    let mut set_requests = Vec::new();
    for (k, v) in &item.default_request {
        if (k == CPU || k == MEMORY) && get(c.requests, k) == 0 {
            set(&mut c.requests, k, *v);
            set_requests.push(k.clone());
        }
    }
    if !set_requests.is_empty() {
        notes.push(format!(
            "{} request for {prefix} {}",
            set_requests.join(", "),
            c.name
        ));
    }
    if !set_limits.is_empty() {
        notes.push(format!(
            "{} limit for {prefix} {}",
            set_limits.join(", "),
            c.name
        ));
    }
}

/// Check one set of requests and limits against an item's bounds.
fn check(item: &LimitRangeItem, what: &str, req: Resources, lim: Resources, out: &mut Vec<String>) {
    for (k, min) in &item.min {
        let r = get(req, k);
        if r == 0 {
            out.push(format!(
                "minimum {k} usage per {what} is {}.  No request is specified",
                amount(k, *min)
            ));
        } else if r < *min {
            out.push(format!(
                "minimum {k} usage per {what} is {}, but request is {}",
                amount(k, *min),
                amount(k, r)
            ));
        }
    }
    for (k, max) in &item.max {
        let l = get(lim, k);
        if l == 0 {
            out.push(format!(
                "maximum {k} usage per {what} is {}.  No limit is specified",
                amount(k, *max)
            ));
        } else if l > *max {
            out.push(format!(
                "maximum {k} usage per {what} is {}, but limit is {}",
                amount(k, *max),
                amount(k, l)
            ));
        }
    }
    for (k, ratio) in &item.max_ratio {
        let (r, l) = (get(req, k), get(lim, k));
        if r > 0 && l > 0 && l > r.saturating_mul(*ratio) {
            out.push(format!(
                "{k} max limit to request ratio per {what} is {ratio}, but provided ratio is {:.6}",
                l as f64 / r as f64
            ));
        }
    }
}

fn forbidden(problems: Vec<String>) -> Result<(), String> {
    match problems.len() {
        0 => Ok(()),
        1 => Err(problems.into_iter().next().unwrap_or_default()),
        _ => Err(format!("[{}]", problems.join(", "))),
    }
}

/// Default and check a pod's containers against the namespace's LimitRanges.
pub fn admit_pod(
    store: &Store,
    ns: &str,
    spec: &mut PodSpec,
    annotations: &mut Labels,
) -> Result<(), String> {
    let containers: Vec<&LimitRangeItem> = items(store, ns, LimitType::Container).collect();
    let pods: Vec<&LimitRangeItem> = items(store, ns, LimitType::Pod).collect();
    if containers.is_empty() && pods.is_empty() {
        return Ok(());
    }
    let mut notes = Vec::new();
    for item in &containers {
        for c in &mut spec.init_containers {
            default_container(c, item, "init container", &mut notes);
        }
        for c in &mut spec.containers {
            default_container(c, item, "container", &mut notes);
        }
    }
    if !notes.is_empty() {
        annotations.insert(
            ANNOTATION.into(),
            format!("LimitRanger plugin set: {}", notes.join("; ")),
        );
    }
    let mut problems = Vec::new();
    for item in &containers {
        for c in spec.init_containers.iter().chain(&spec.containers) {
            check(
                item,
                "Container",
                c.effective_requests(),
                c.limits,
                &mut problems,
            );
        }
    }
    for item in &pods {
        let mut lim = Resources::default();
        for c in &spec.containers {
            lim.cpu_millis += c.limits.cpu_millis;
            lim.memory_bytes += c.limits.memory_bytes;
        }
        check(item, "Pod", spec.requests(), lim, &mut problems);
    }
    forbidden(problems)
}

/// Check a claim's storage request against PersistentVolumeClaim items.
pub fn admit_claim(store: &Store, ns: &str, spec: &PvcSpec) -> Result<(), String> {
    let mut problems = Vec::new();
    for item in items(store, ns, LimitType::PersistentVolumeClaim) {
        if let Some(min) = item.min.get("storage")
            && spec.request_bytes < *min
        {
            problems.push(format!(
                "minimum storage usage per PersistentVolumeClaim is {}, but request is {}",
                amount("storage", *min),
                amount("storage", spec.request_bytes)
            ));
        }
        if let Some(max) = item.max.get("storage")
            && spec.request_bytes > *max
        {
            problems.push(format!(
                "maximum storage usage per PersistentVolumeClaim is {}, but request is {}",
                amount("storage", *max),
                amount("storage", spec.request_bytes)
            ));
        }
    }
    forbidden(problems)
}
