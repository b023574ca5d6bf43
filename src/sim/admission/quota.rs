//! ResourceQuota: what a namespace may use in total. Each object created
//! is counted against every quota of its namespace; one that would go over
//! is refused (`exceeded quota`), and a pod that leaves out a request or
//! limit a quota tracks is refused too (`must specify`).
//! <https://kubernetes.io/docs/concepts/policy/resource-quotas/>

use super::super::objects::*;
use super::super::store::Store;
use crate::sim::status::qos_class;

/// The resource names a pod counts for, with its amounts.
fn pod_usage(spec: &PodSpec) -> ResourceAmounts {
    let req = spec.requests();
    let mut lim = Resources::default();
    for c in &spec.containers {
        lim.cpu_millis += c.limits.cpu_millis;
        lim.memory_bytes += c.limits.memory_bytes;
    }
    for c in spec.init_containers.iter().filter(|c| !c.restart_always) {
        lim.cpu_millis = lim.cpu_millis.max(c.limits.cpu_millis);
        lim.memory_bytes = lim.memory_bytes.max(c.limits.memory_bytes);
    }
    [
        ("pods", 1),
        ("count/pods", 1),
        ("cpu", req.cpu_millis),
        ("requests.cpu", req.cpu_millis),
        ("memory", req.memory_bytes),
        ("requests.memory", req.memory_bytes),
        ("limits.cpu", lim.cpu_millis),
        ("limits.memory", lim.memory_bytes),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect()
}

fn count(names: &[&str]) -> ResourceAmounts {
    names.iter().map(|n| (n.to_string(), 1)).collect()
}

fn service_usage(spec: &ServiceSpec) -> ResourceAmounts {
    let mut u = count(&["services", "count/services"]);
    match spec.service_type {
        ServiceType::NodePort => {
            u.insert("services.nodeports".into(), spec.ports.len() as u64);
        }
        ServiceType::LoadBalancer => {
            u.insert("services.loadbalancers".into(), 1);
            u.insert("services.nodeports".into(), spec.ports.len() as u64);
        }
        ServiceType::ClusterIP => {}
    }
    u
}

fn claim_usage(spec: &PvcSpec) -> ResourceAmounts {
    let mut u = count(&["persistentvolumeclaims", "count/persistentvolumeclaims"]);
    u.insert("requests.storage".into(), spec.request_bytes);
    u
}

/// What creating an object of this spec adds to its namespace's usage.
pub fn usage_of(spec: &Spec) -> ResourceAmounts {
    match spec {
        Spec::Pod(p) => pod_usage(p),
        Spec::Service(s) => service_usage(s),
        Spec::PersistentVolumeClaim(c) => claim_usage(c),
        Spec::ConfigMap(_) => count(&["configmaps", "count/configmaps"]),
        Spec::Secret(_) => count(&["secrets", "count/secrets"]),
        Spec::ReplicaSet(_) => count(&["count/replicasets.apps"]),
        Spec::Deployment(_) => count(&["count/deployments.apps"]),
        Spec::Job(_) => count(&["count/jobs.batch"]),
        Spec::StatefulSet(_) => count(&["count/statefulsets.apps"]),
        Spec::CronJob(_) => count(&["count/cronjobs.batch"]),
        Spec::ResourceQuota(_) => count(&["resourcequotas", "count/resourcequotas"]),
        Spec::LimitRange(_) => count(&["count/limitranges"]),
        Spec::PersistentVolume(_) | Spec::StorageClass(_) => ResourceAmounts::new(),
    }
}

fn add(total: &mut ResourceAmounts, u: &ResourceAmounts, tracked: &ResourceAmounts) {
    for (k, v) in u {
        if tracked.contains_key(k) {
            *total.entry(k.clone()).or_default() += v;
        }
    }
}

/// Whether a quota with `scopes` counts this pod (scoped quotas count pods only).
fn in_scope(scopes: &[String], spec: Option<&PodSpec>) -> bool {
    if scopes.is_empty() {
        return true;
    }
    let Some(pod) = spec else { return false };
    scopes.iter().all(|s| match s.as_str() {
        "BestEffort" => qos_class(pod) == "BestEffort",
        "NotBestEffort" => qos_class(pod) != "BestEffort",
        "NotTerminating" => true,
        _ => false,
    })
}

/// The usage of the resources in `hard` by the objects of namespace `ns`
/// (pods that finished no longer count).
pub fn quota_usage(store: &Store, ns: &str, hard: &ResourceAmounts) -> ResourceAmounts {
    quota_usage_scoped(store, ns, hard, &[])
}

pub fn quota_usage_scoped(
    store: &Store,
    ns: &str,
    hard: &ResourceAmounts,
    scopes: &[String],
) -> ResourceAmounts {
    let mut total: ResourceAmounts = hard.keys().map(|k| (k.clone(), 0)).collect();
    for p in store.pods().in_namespace(ns) {
        if !p.status.phase.is_terminal() && in_scope(scopes, Some(&p.spec)) {
            add(&mut total, &pod_usage(&p.spec), hard);
        }
    }
    if !scopes.is_empty() {
        return total;
    }
    for s in store.services().in_namespace(ns) {
        add(&mut total, &service_usage(&s.spec), hard);
    }
    for c in store.persistentvolumeclaims().in_namespace(ns) {
        add(&mut total, &claim_usage(&c.spec), hard);
    }
    let counts: [(&str, usize); 9] = [
        ("configmaps", store.configmaps().in_namespace(ns).count()),
        ("secrets", store.secrets().in_namespace(ns).count()),
        (
            "resourcequotas",
            store.resourcequotas().in_namespace(ns).count(),
        ),
        (
            "count/replicasets.apps",
            store.replicasets().in_namespace(ns).count(),
        ),
        (
            "count/deployments.apps",
            store.deployments().in_namespace(ns).count(),
        ),
        ("count/jobs.batch", store.jobs().in_namespace(ns).count()),
        (
            "count/statefulsets.apps",
            store.statefulsets().in_namespace(ns).count(),
        ),
        (
            "count/cronjobs.batch",
            store.cronjobs().in_namespace(ns).count(),
        ),
        (
            "count/limitranges",
            store.limitranges().in_namespace(ns).count(),
        ),
    ];
    for (k, n) in counts {
        for key in [k.to_string(), format!("count/{k}")] {
            if let Some(v) = total.get_mut(&key) {
                *v += n as u64;
            }
        }
    }
    total
}

fn pretty(m: &ResourceAmounts, keys: &[String]) -> String {
    keys.iter()
        .map(|k| format!("{k}={}", format_amount(k, m.get(k).copied().unwrap_or(0))))
        .collect::<Vec<_>>()
        .join(",")
}

/// A pod that leaves out a request or limit the quota tracks:
/// `must specify limits.cpu for: nginx; limits.memory for: nginx`.
fn missing(spec: &PodSpec, hard: &ResourceAmounts) -> Option<String> {
    let mut parts = Vec::new();
    for key in [
        "limits.cpu",
        "limits.memory",
        "requests.cpu",
        "requests.memory",
        "cpu",
        "memory",
    ] {
        if !hard.contains_key(key) {
            continue;
        }
        let names: Vec<&str> = spec
            .containers
            .iter()
            .filter(|c| {
                let (req, lim) = (c.effective_requests(), c.limits);
                match key {
                    "limits.cpu" => lim.cpu_millis == 0,
                    "limits.memory" => lim.memory_bytes == 0,
                    "requests.cpu" | "cpu" => req.cpu_millis == 0,
                    _ => req.memory_bytes == 0,
                }
            })
            .map(|c| c.name.as_str())
            .collect();
        if !names.is_empty() {
            parts.push(format!("{key} for: {}", names.join(",")));
        }
    }
    (!parts.is_empty()).then(|| format!("must specify {}", parts.join("; ")))
}

/// Check a new object against every quota of its namespace.
pub fn admit(store: &Store, obj: &Object) -> Result<(), String> {
    let ns = &obj.meta.namespace;
    let delta = usage_of(&obj.spec);
    let pod = match &obj.spec {
        Spec::Pod(p) => Some(p),
        _ => None,
    };
    for q in store.resourcequotas().in_namespace(ns) {
        if !in_scope(&q.spec.scopes, pod) {
            continue;
        }
        if let Some(p) = pod
            && let Some(m) = missing(p, &q.spec.hard)
        {
            return Err(format!("failed quota: {}: {m}", q.meta.name));
        }
        let used = quota_usage_scoped(store, ns, &q.spec.hard, &q.spec.scopes);
        let exceeded: Vec<String> = q
            .spec
            .hard
            .iter()
            .filter(|(k, hard)| {
                delta
                    .get(*k)
                    .is_some_and(|d| used.get(*k).copied().unwrap_or(0) + d > **hard)
            })
            .map(|(k, _)| k.clone())
            .collect();
        if !exceeded.is_empty() {
            return Err(format!(
                "exceeded quota: {}, requested: {}, used: {}, limited: {}",
                q.meta.name,
                pretty(&delta, &exceeded),
                pretty(&used, &exceeded),
                pretty(&q.spec.hard, &exceeded)
            ));
        }
    }
    Ok(())
}
