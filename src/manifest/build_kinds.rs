//! Validated documents of the kinds part two adds -> their desired state:
//! ConfigMap, Secret, StatefulSet, CronJob, PersistentVolume,
//! PersistentVolumeClaim, StorageClass, ResourceQuota, LimitRange. Read
//! leniently (the validator has already spoken), with API defaults.

use super::build::{get, items, labels_at, selector, str_of, template, text, u32_of, u64_of};
use crate::quantity;
use crate::sim::objects::*;
use serde_yaml::Value;
use std::collections::BTreeMap;

fn flag(v: &Value, key: &str) -> bool {
    get(v, key).and_then(Value::as_bool).unwrap_or(false)
}

fn string_map(v: &Value, key: &str) -> BTreeMap<String, String> {
    labels_at(v, key).into_iter().collect()
}

/// `spec` of a document of `kind` (`doc` for the kinds without a `spec`).
pub fn spec(kind: Kind, doc: &Value, spec: &Value) -> Option<Spec> {
    Some(match kind {
        Kind::ConfigMap => Spec::ConfigMap(ConfigMapData {
            data: string_map(doc, "data"),
            binary_data: string_map(doc, "binaryData"),
            immutable: flag(doc, "immutable"),
        }),
        Kind::Secret => Spec::Secret(secret(doc)),
        Kind::StatefulSet => Spec::StatefulSet(statefulset(spec)),
        Kind::CronJob => Spec::CronJob(cronjob(spec)),
        Kind::PersistentVolume => Spec::PersistentVolume(pv(spec)),
        Kind::PersistentVolumeClaim => Spec::PersistentVolumeClaim(pvc(spec)),
        Kind::StorageClass => Spec::StorageClass(storage_class(doc)),
        Kind::ResourceQuota => Spec::ResourceQuota(ResourceQuotaSpec {
            hard: amounts(get(spec, "hard")),
            scopes: items(spec, "scopes").iter().filter_map(text).collect(),
        }),
        Kind::LimitRange => Spec::LimitRange(LimitRangeSpec {
            limits: items(spec, "limits")
                .iter()
                .map(|i| LimitRangeItem {
                    limit_type: str_of(i, "type")
                        .and_then(|t| LimitType::parse(&t))
                        .unwrap_or(LimitType::Container),
                    max: amounts(get(i, "max")),
                    min: amounts(get(i, "min")),
                    default: amounts(get(i, "default")),
                    default_request: amounts(get(i, "defaultRequest")),
                    max_ratio: amounts(get(i, "maxLimitRequestRatio")),
                })
                .collect(),
        }),
        _ => return None,
    })
}

/// `data` (base64) and `stringData` (plain, wins on the same key).
/// <https://kubernetes.io/docs/concepts/configuration/secret/#restriction-names-data>
fn secret(doc: &Value) -> SecretData {
    let mut data = BTreeMap::new();
    for (k, v) in string_map(doc, "data") {
        let bytes = decode_base64(&v).unwrap_or_else(|| v.into_bytes());
        data.insert(k, bytes);
    }
    for (k, v) in string_map(doc, "stringData") {
        data.insert(k, v.into_bytes());
    }
    SecretData {
        secret_type: str_of(doc, "type").unwrap_or_else(|| "Opaque".into()),
        data,
        immutable: flag(doc, "immutable"),
    }
}

/// A resource list (`cpu: 500m`, `pods: "10"`, `requests.storage: 5Gi`).
fn amounts(v: Option<&Value>) -> ResourceAmounts {
    let mut out = ResourceAmounts::new();
    if let Some(m) = v.and_then(Value::as_mapping) {
        for (k, val) in m {
            if let (Some(k), Some(t)) = (text(k), text(val))
                && let Some(a) = parse_amount(&k, &t)
            {
                out.insert(k, a);
            }
        }
    }
    out
}

fn access_modes(v: &Value) -> Vec<AccessMode> {
    items(v, "accessModes")
        .iter()
        .filter_map(|m| m.as_str().and_then(AccessMode::parse))
        .collect()
}

fn storage(v: Option<&Value>) -> u64 {
    v.and_then(|r| str_of(r, "storage"))
        .and_then(|q| quantity::parse_bytes(&q).ok())
        .unwrap_or(0)
}

pub(super) fn pvc(spec: &Value) -> PvcSpec {
    PvcSpec {
        access_modes: access_modes(spec),
        request_bytes: storage(get(spec, "resources").and_then(|r| get(r, "requests"))),
        storage_class_name: get(spec, "storageClassName").and_then(text),
        volume_name: str_of(spec, "volumeName").filter(|n| !n.is_empty()),
        volume_mode: str_of(spec, "volumeMode").unwrap_or_else(|| "Filesystem".into()),
    }
}

fn pv(spec: &Value) -> PvSpec {
    let source = if let Some(h) = get(spec, "hostPath") {
        PvSource::HostPath {
            path: str_of(h, "path").unwrap_or_default(),
        }
    } else if let Some(l) = get(spec, "local") {
        PvSource::Local {
            path: str_of(l, "path").unwrap_or_default(),
        }
    } else if let Some(n) = get(spec, "nfs") {
        PvSource::Nfs {
            server: str_of(n, "server").unwrap_or_default(),
            path: str_of(n, "path").unwrap_or_default(),
        }
    } else if let Some(c) = get(spec, "csi") {
        PvSource::Csi {
            driver: str_of(c, "driver").unwrap_or_default(),
            handle: str_of(c, "volumeHandle").unwrap_or_default(),
        }
    } else {
        PvSource::Other("unknown".into())
    };
    PvSpec {
        capacity_bytes: storage(get(spec, "capacity")),
        access_modes: access_modes(spec),
        reclaim_policy: str_of(spec, "persistentVolumeReclaimPolicy")
            .and_then(|p| ReclaimPolicy::parse(&p))
            .unwrap_or(ReclaimPolicy::Retain),
        storage_class_name: str_of(spec, "storageClassName").unwrap_or_default(),
        volume_mode: str_of(spec, "volumeMode").unwrap_or_else(|| "Filesystem".into()),
        source,
        claim_ref: get(spec, "claimRef").map(|c| ClaimRef {
            namespace: str_of(c, "namespace").unwrap_or_else(|| "default".into()),
            name: str_of(c, "name").unwrap_or_default(),
            uid: str_of(c, "uid").unwrap_or_default(),
        }),
    }
}

fn storage_class(doc: &Value) -> StorageClassSpec {
    StorageClassSpec {
        provisioner: str_of(doc, "provisioner").unwrap_or_default(),
        parameters: string_map(doc, "parameters"),
        reclaim_policy: str_of(doc, "reclaimPolicy")
            .and_then(|p| ReclaimPolicy::parse(&p))
            .unwrap_or(ReclaimPolicy::Delete),
        volume_binding_mode: match str_of(doc, "volumeBindingMode").as_deref() {
            Some("WaitForFirstConsumer") => BindingMode::WaitForFirstConsumer,
            _ => BindingMode::Immediate,
        },
        allow_volume_expansion: flag(doc, "allowVolumeExpansion"),
    }
}

fn statefulset(spec: &Value) -> StatefulSetSpec {
    let mut s = StatefulSetSpec::new(
        get(spec, "selector").map(selector).unwrap_or_default(),
        &str_of(spec, "serviceName").unwrap_or_default(),
        template(spec),
    );
    s.replicas = u32_of(spec, "replicas").unwrap_or(1);
    s.revision_history_limit = u32_of(spec, "revisionHistoryLimit").unwrap_or(10);
    s.min_ready_seconds = u32_of(spec, "minReadySeconds").unwrap_or(0);
    if str_of(spec, "podManagementPolicy").as_deref() == Some("Parallel") {
        s.pod_management_policy = PodManagement::Parallel;
    }
    if let Some(u) = get(spec, "updateStrategy") {
        s.update_strategy = if str_of(u, "type").as_deref() == Some("OnDelete") {
            StatefulSetUpdate::OnDelete
        } else {
            StatefulSetUpdate::RollingUpdate {
                partition: get(u, "rollingUpdate")
                    .and_then(|r| u32_of(r, "partition"))
                    .unwrap_or(0),
            }
        };
    }
    s.volume_claim_templates = items(spec, "volumeClaimTemplates")
        .iter()
        .map(|t| {
            let meta = get(t, "metadata");
            ClaimTemplate {
                name: meta.and_then(|m| str_of(m, "name")).unwrap_or_default(),
                labels: meta.map(|m| labels_at(m, "labels")).unwrap_or_default(),
                spec: get(t, "spec").map(pvc).unwrap_or_default(),
            }
        })
        .collect();
    s
}

fn cronjob(spec: &Value) -> CronJobSpec {
    let empty = Value::Null;
    let jt = get(spec, "jobTemplate").unwrap_or(&empty);
    let jspec = get(jt, "spec").unwrap_or(&empty);
    let meta = get(jt, "metadata");
    let mut job = JobSpec::new(template(jspec));
    job.parallelism = u32_of(jspec, "parallelism").unwrap_or(1);
    job.completions = match u32_of(jspec, "completions") {
        Some(n) => Some(n),
        None if get(jspec, "parallelism").is_some() => None,
        None => Some(1),
    };
    job.backoff_limit = u32_of(jspec, "backoffLimit").unwrap_or(6);
    job.active_deadline_seconds = u64_of(jspec, "activeDeadlineSeconds");
    let mut c = CronJobSpec::new(
        &str_of(spec, "schedule").unwrap_or_default(),
        JobTemplate {
            labels: meta.map(|m| labels_at(m, "labels")).unwrap_or_default(),
            annotations: meta
                .map(|m| labels_at(m, "annotations"))
                .unwrap_or_default(),
            spec: job,
        },
    );
    c.time_zone = str_of(spec, "timeZone");
    c.concurrency_policy = str_of(spec, "concurrencyPolicy")
        .and_then(|p| ConcurrencyPolicy::parse(&p))
        .unwrap_or_default();
    c.suspend = flag(spec, "suspend");
    c.successful_jobs_history_limit = u32_of(spec, "successfulJobsHistoryLimit").unwrap_or(3);
    c.failed_jobs_history_limit = u32_of(spec, "failedJobsHistoryLimit").unwrap_or(1);
    c.starting_deadline_seconds = u64_of(spec, "startingDeadlineSeconds");
    c
}
