//! ConfigMaps, Secrets, StatefulSets, CronJobs, PersistentVolumes,
//! PersistentVolumeClaims, StorageClasses, ResourceQuotas and LimitRanges
//! as the API returns them.

use super::*;
use crate::sim::store::Store;

fn amounts(m: &ResourceAmounts) -> Value {
    Value::Object(
        m.iter()
            .map(|(k, v)| (k.clone(), Value::String(format_amount(k, *v))))
            .collect(),
    )
}

fn strings(m: &std::collections::BTreeMap<String, String>) -> Value {
    Value::Object(
        m.iter()
            .map(|(k, v)| (k.clone(), Value::String(v.clone())))
            .collect(),
    )
}

fn modes(m: &[AccessMode]) -> Value {
    m.iter().map(|m| Value::from(m.name())).collect()
}

/// A part-two object as the API returns it.
pub(super) fn value(s: &Store, kind: Kind, ns: &str, name: &str) -> Option<Value> {
    let mut v = object(s, kind, ns, name)?;
    // Only objects with a spec the controllers act on carry a generation.
    if !matches!(kind, Kind::StatefulSet | Kind::CronJob)
        && let Some(m) = v.get_mut("metadata").and_then(Value::as_object_mut)
    {
        m.remove("generation");
    }
    Some(v)
}

fn object(s: &Store, kind: Kind, ns: &str, name: &str) -> Option<Value> {
    Some(match kind {
        Kind::ConfigMap => configmap(s.configmaps().find(ns, name)?),
        Kind::Secret => secret(s.secrets().find(ns, name)?),
        Kind::StatefulSet => statefulset(s.statefulsets().find(ns, name)?),
        Kind::CronJob => cronjob(s, s.cronjobs().find(ns, name)?),
        Kind::PersistentVolume => pv(s, s.persistentvolumes().find("", name)?),
        Kind::PersistentVolumeClaim => pvc(s.persistentvolumeclaims().find(ns, name)?),
        Kind::StorageClass => storage_class(s.storageclasses().find("", name)?),
        Kind::ResourceQuota => quota(s.resourcequotas().find(ns, name)?),
        Kind::LimitRange => limit_range(s.limitranges().find(ns, name)?),
        _ => return None,
    })
}

pub fn configmap(c: &ConfigMap) -> Value {
    let mut v = json!({"apiVersion": "v1", "kind": "ConfigMap", "metadata": metadata(&c.meta)});
    if !c.data.data.is_empty() {
        v["data"] = strings(&c.data.data);
    }
    if !c.data.binary_data.is_empty() {
        v["binaryData"] = strings(&c.data.binary_data);
    }
    if c.data.immutable {
        v["immutable"] = true.into();
    }
    v
}

pub fn secret(c: &Secret) -> Value {
    let mut v = json!({"apiVersion": "v1", "kind": "Secret", "metadata": metadata(&c.meta), "type": c.data.secret_type});
    if !c.data.data.is_empty() {
        v["data"] = Value::Object(
            c.data
                .data
                .iter()
                .map(|(k, b)| (k.clone(), Value::String(encode_base64(b))))
                .collect(),
        );
    }
    if c.data.immutable {
        v["immutable"] = true.into();
    }
    v
}

fn claim_spec(c: &PvcSpec) -> Value {
    let mut v = json!({"accessModes": modes(&c.access_modes),
        "resources": {"requests": {"storage": format_bytes(c.request_bytes)}}, "volumeMode": c.volume_mode});
    if let Some(sc) = &c.storage_class_name {
        v["storageClassName"] = sc.clone().into();
    }
    if let Some(vn) = &c.volume_name {
        v["volumeName"] = vn.clone().into();
    }
    v
}

fn statefulset(st: &StatefulSet) -> Value {
    let sp = &st.spec;
    let update = match sp.update_strategy {
        StatefulSetUpdate::RollingUpdate { partition } => {
            json!({"rollingUpdate": {"partition": partition}, "type": "RollingUpdate"})
        }
        StatefulSetUpdate::OnDelete => json!({"type": "OnDelete"}),
    };
    let mut spec = json!({
        "persistentVolumeClaimRetentionPolicy": {"whenDeleted": "Retain", "whenScaled": "Retain"},
        "podManagementPolicy": sp.pod_management_policy.name(), "replicas": sp.replicas,
        "revisionHistoryLimit": sp.revision_history_limit, "selector": selector(&sp.selector),
        "serviceName": sp.service_name, "template": template(&sp.template), "updateStrategy": update});
    if sp.min_ready_seconds > 0 {
        spec["minReadySeconds"] = sp.min_ready_seconds.into();
    }
    if !sp.volume_claim_templates.is_empty() {
        let t: Vec<Value> = sp
            .volume_claim_templates
            .iter()
            .map(|t| {
                let mut meta = json!({"creationTimestamp": null, "name": t.name});
                if !t.labels.is_empty() {
                    meta["labels"] = labels(&t.labels);
                }
                json!({"apiVersion": "v1", "kind": "PersistentVolumeClaim", "metadata": meta,
                    "spec": claim_spec(&t.spec), "status": {"phase": "Pending"}})
            })
            .collect();
        spec["volumeClaimTemplates"] = Value::Array(t);
    }
    let s = &st.status;
    let mut status = Map::new();
    if s.available > 0 {
        status.insert("availableReplicas".into(), s.available.into());
    }
    status.insert("collisionCount".into(), s.collision_count.into());
    if s.current > 0 {
        status.insert("currentReplicas".into(), s.current.into());
    }
    if !s.current_revision.is_empty() {
        status.insert("currentRevision".into(), s.current_revision.clone().into());
    }
    status.insert("observedGeneration".into(), s.observed_generation.into());
    if s.ready > 0 {
        status.insert("readyReplicas".into(), s.ready.into());
    }
    status.insert("replicas".into(), s.replicas.into());
    if !s.update_revision.is_empty() {
        status.insert("updateRevision".into(), s.update_revision.clone().into());
    }
    if s.updated > 0 {
        status.insert("updatedReplicas".into(), s.updated.into());
    }
    json!({"apiVersion": "apps/v1", "kind": "StatefulSet", "metadata": metadata(&st.meta), "spec": spec, "status": status})
}

fn cronjob(s: &Store, c: &CronJob) -> Value {
    let sp = &c.spec;
    let j = &sp.job_template.spec;
    let mut jspec = json!({"backoffLimit": j.backoff_limit, "template": template(&j.template)});
    if let Some(n) = j.completions.filter(|n| *n != 1) {
        jspec["completions"] = n.into();
    }
    if j.parallelism != 1 {
        jspec["parallelism"] = j.parallelism.into();
    }
    if let Some(d) = j.active_deadline_seconds {
        jspec["activeDeadlineSeconds"] = d.into();
    }
    let mut jmeta = json!({"creationTimestamp": null});
    if !sp.job_template.labels.is_empty() {
        jmeta["labels"] = labels(&sp.job_template.labels);
    }
    let mut spec = json!({"concurrencyPolicy": sp.concurrency_policy.name(),
        "failedJobsHistoryLimit": sp.failed_jobs_history_limit,
        "jobTemplate": {"metadata": jmeta, "spec": jspec}, "schedule": sp.schedule,
        "successfulJobsHistoryLimit": sp.successful_jobs_history_limit, "suspend": sp.suspend});
    if let Some(z) = &sp.time_zone {
        spec["timeZone"] = z.clone().into();
    }
    if let Some(d) = sp.starting_deadline_seconds {
        spec["startingDeadlineSeconds"] = d.into();
    }
    let mut status = Map::new();
    if !c.status.active.is_empty() {
        let active: Vec<Value> = c
            .status
            .active
            .iter()
            .filter_map(|n| s.jobs().find(&c.meta.namespace, n))
            .map(|j| json!({"apiVersion": "batch/v1", "kind": "Job", "name": j.meta.name,
                "namespace": j.meta.namespace, "resourceVersion": j.meta.resource_version.to_string(), "uid": j.meta.uid}))
            .collect();
        status.insert("active".into(), Value::Array(active));
    }
    if let Some(t) = c.status.last_schedule_ms {
        status.insert("lastScheduleTime".into(), rfc3339(t).into());
    }
    if let Some(t) = c.status.last_successful_ms {
        status.insert("lastSuccessfulTime".into(), rfc3339(t).into());
    }
    json!({"apiVersion": "batch/v1", "kind": "CronJob", "metadata": metadata(&c.meta), "spec": spec, "status": status})
}

fn pv(s: &Store, v: &PersistentVolume) -> Value {
    let sp = &v.spec;
    let mut spec = json!({"accessModes": modes(&sp.access_modes), "capacity": {"storage": format_bytes(sp.capacity_bytes)},
        "persistentVolumeReclaimPolicy": sp.reclaim_policy.name(), "volumeMode": sp.volume_mode});
    if !sp.storage_class_name.is_empty() {
        spec["storageClassName"] = sp.storage_class_name.clone().into();
    }
    match &sp.source {
        PvSource::HostPath { path } => spec["hostPath"] = json!({"path": path, "type": ""}),
        PvSource::Local { path } => spec["local"] = json!({"path": path}),
        PvSource::Nfs { server, path } => spec["nfs"] = json!({"path": path, "server": server}),
        PvSource::Csi { driver, handle } => {
            spec["csi"] = json!({"driver": driver, "volumeHandle": handle});
        }
        PvSource::Other(_) => {}
    }
    if let Some(c) = &sp.claim_ref {
        let mut r = json!({"apiVersion": "v1", "kind": "PersistentVolumeClaim", "name": c.name, "namespace": c.namespace});
        if let Some(claim) = s.persistentvolumeclaims().find(&c.namespace, &c.name) {
            r["resourceVersion"] = claim.meta.resource_version.to_string().into();
        }
        if !c.uid.is_empty() {
            r["uid"] = c.uid.clone().into();
        }
        spec["claimRef"] = r;
    }
    json!({"apiVersion": "v1", "kind": "PersistentVolume", "metadata": metadata(&v.meta), "spec": spec,
        "status": {"lastPhaseTransitionTime": rfc3339(v.status.phase_ms), "phase": v.status.phase.name()}})
}

fn pvc(c: &PersistentVolumeClaim) -> Value {
    let mut status = json!({"phase": c.status.phase.name()});
    if c.status.phase == PvcPhase::Bound {
        status["accessModes"] = modes(&c.status.access_modes);
        status["capacity"] = json!({"storage": format_bytes(c.status.capacity_bytes)});
    }
    json!({"apiVersion": "v1", "kind": "PersistentVolumeClaim", "metadata": metadata(&c.meta),
        "spec": claim_spec(&c.spec), "status": status})
}

fn storage_class(c: &StorageClass) -> Value {
    let mut v = json!({"apiVersion": "storage.k8s.io/v1", "kind": "StorageClass", "metadata": metadata(&c.meta),
        "provisioner": c.spec.provisioner, "reclaimPolicy": c.spec.reclaim_policy.name(),
        "volumeBindingMode": c.spec.volume_binding_mode.name()});
    if c.spec.allow_volume_expansion {
        v["allowVolumeExpansion"] = true.into();
    }
    if !c.spec.parameters.is_empty() {
        v["parameters"] = strings(&c.spec.parameters);
    }
    v
}

fn quota(q: &ResourceQuota) -> Value {
    let mut spec = json!({"hard": amounts(&q.spec.hard)});
    if !q.spec.scopes.is_empty() {
        spec["scopes"] = json!(q.spec.scopes);
    }
    json!({"apiVersion": "v1", "kind": "ResourceQuota", "metadata": metadata(&q.meta), "spec": spec,
        "status": {"hard": amounts(&q.status.hard), "used": amounts(&q.status.used)}})
}

fn limit_range(l: &LimitRange) -> Value {
    let limits: Vec<Value> = l
        .spec
        .limits
        .iter()
        .map(|i| {
            let mut o = Map::new();
            for (k, m) in [
                ("default", &i.default),
                ("defaultRequest", &i.default_request),
                ("max", &i.max),
                ("maxLimitRequestRatio", &i.max_ratio),
                ("min", &i.min),
            ] {
                if !m.is_empty() {
                    o.insert(k.into(), amounts(m));
                }
            }
            o.insert("type".into(), i.limit_type.name().into());
            Value::Object(o)
        })
        .collect();
    json!({"apiVersion": "v1", "kind": "LimitRange", "metadata": metadata(&l.meta), "spec": {"limits": limits}})
}
