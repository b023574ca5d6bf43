//! Rows of configmaps, secrets, statefulsets, cronjobs, persistentvolumes,
//! persistentvolumeclaims, storageclasses, resourcequotas and limitranges,
//! with the columns of kubectl's printers (pkg/printers/internalversion).

use super::*;
use crate::sim::store::Stored;

/// List `objects` of `kind` in scope, one row each from `row`.
fn rows<'a, T: Stored + 'a>(
    q: &Q,
    kind: Kind,
    objects: impl Iterator<Item = &'a T>,
    header: &[&'static str],
    wide_header: &[&'static str],
    row: impl Fn(&T) -> Vec<String>,
) -> Listing {
    let cluster_scoped = !kind.namespaced();
    let p = pick(
        objects.filter(|o| cluster_scoped || in_scope(q.scope, &o.meta().namespace)),
        q.names,
        q.sel,
        |o: &T| (o.meta().name.as_str(), &o.meta().labels),
    );
    let mut l = Listing::new(header);
    if q.wide {
        l.rows.header.extend(wide_header);
    }
    let prefix = crate::sim::ops::kubectl_name(kind, "");
    for o in p.found {
        let m = o.meta();
        let v = q.value(|| {
            q.c.to_api_value(kind, &m.namespace, &m.name)
                .unwrap_or(Value::Null)
        });
        let ns = if cluster_scoped {
            None
        } else {
            q.ns_of(&m.namespace)
        };
        l.push(
            ns.as_deref(),
            row(o),
            format!("{prefix}{}", m.name),
            Some(m),
            v,
        );
    }
    l.missing = p.missing;
    l
}

pub(super) fn configmaps(q: &Q) -> Listing {
    rows(
        q,
        Kind::ConfigMap,
        q.s.configmaps().sorted(),
        &["NAME", "DATA", "AGE"],
        &[],
        |c| {
            vec![
                c.meta.name.clone(),
                (c.data.data.len() + c.data.binary_data.len()).to_string(),
                age(q.now, c.meta.creation_ms),
            ]
        },
    )
}

pub(super) fn secrets(q: &Q) -> Listing {
    rows(
        q,
        Kind::Secret,
        q.s.secrets().sorted(),
        &["NAME", "TYPE", "DATA", "AGE"],
        &[],
        |c| {
            vec![
                c.meta.name.clone(),
                c.data.secret_type.clone(),
                c.data.data.len().to_string(),
                age(q.now, c.meta.creation_ms),
            ]
        },
    )
}

pub(super) fn statefulsets(q: &Q) -> Listing {
    rows(
        q,
        Kind::StatefulSet,
        q.s.statefulsets().sorted(),
        &["NAME", "READY", "AGE"],
        &["CONTAINERS", "IMAGES"],
        |s| {
            let mut row = vec![
                s.meta.name.clone(),
                format!("{}/{}", s.status.ready, s.spec.replicas),
                age(q.now, s.meta.creation_ms),
            ];
            if q.wide {
                let (cn, im) = wide_containers(&s.spec.template);
                row.extend([cn, im]);
            }
            row
        },
    )
}

pub(super) fn cronjobs(q: &Q) -> Listing {
    rows(
        q,
        Kind::CronJob,
        q.s.cronjobs().sorted(),
        &[
            "NAME",
            "SCHEDULE",
            "TIMEZONE",
            "SUSPEND",
            "ACTIVE",
            "LAST SCHEDULE",
            "AGE",
        ],
        &["CONTAINERS", "IMAGES", "SELECTOR"],
        |c| {
            let mut row = vec![
                c.meta.name.clone(),
                c.spec.schedule.clone(),
                c.spec.time_zone.clone().unwrap_or_else(|| "<none>".into()),
                c.spec.suspend.to_string(),
                c.status.active.len().to_string(),
                c.status
                    .last_schedule_ms
                    .map_or_else(|| "<none>".into(), |t| age(q.now, t)),
                age(q.now, c.meta.creation_ms),
            ];
            if q.wide {
                let (cn, im) = wide_containers(&c.spec.job_template.spec.template);
                row.extend([cn, im, "<none>".into()]);
            }
            row
        },
    )
}

pub(super) fn persistentvolumes(q: &Q) -> Listing {
    rows(
        q,
        Kind::PersistentVolume,
        q.s.persistentvolumes().sorted(),
        &[
            "NAME",
            "CAPACITY",
            "ACCESS MODES",
            "RECLAIM POLICY",
            "STATUS",
            "CLAIM",
            "STORAGECLASS",
            "VOLUMEATTRIBUTESCLASS",
            "REASON",
            "AGE",
        ],
        &["VOLUMEMODE"],
        |v| {
            let claim = v
                .spec
                .claim_ref
                .as_ref()
                .map_or_else(String::new, |c| format!("{}/{}", c.namespace, c.name));
            let mut row = vec![
                v.meta.name.clone(),
                crate::quantity::format_bytes(v.spec.capacity_bytes),
                access_modes_text(&v.spec.access_modes),
                v.spec.reclaim_policy.name().into(),
                v.status.phase.name().into(),
                claim,
                v.spec.storage_class_name.clone(),
                "<unset>".into(),
                String::new(),
                age(q.now, v.meta.creation_ms),
            ];
            if q.wide {
                row.push(v.spec.volume_mode.clone());
            }
            row
        },
    )
}

pub(super) fn persistentvolumeclaims(q: &Q) -> Listing {
    rows(
        q,
        Kind::PersistentVolumeClaim,
        q.s.persistentvolumeclaims().sorted(),
        &[
            "NAME",
            "STATUS",
            "VOLUME",
            "CAPACITY",
            "ACCESS MODES",
            "STORAGECLASS",
            "VOLUMEATTRIBUTESCLASS",
            "AGE",
        ],
        &["VOLUMEMODE"],
        |c| {
            let bound = c.status.phase == PvcPhase::Bound;
            let mut row = vec![
                c.meta.name.clone(),
                c.status.phase.name().into(),
                c.spec.volume_name.clone().unwrap_or_default(),
                if bound {
                    crate::quantity::format_bytes(c.status.capacity_bytes)
                } else {
                    String::new()
                },
                if bound {
                    access_modes_text(&c.status.access_modes)
                } else {
                    String::new()
                },
                c.spec.storage_class_name.clone().unwrap_or_default(),
                "<unset>".into(),
                age(q.now, c.meta.creation_ms),
            ];
            if q.wide {
                row.push(c.spec.volume_mode.clone());
            }
            row
        },
    )
}

pub(super) fn storageclasses(q: &Q) -> Listing {
    rows(
        q,
        Kind::StorageClass,
        q.s.storageclasses().sorted(),
        &[
            "NAME",
            "PROVISIONER",
            "RECLAIMPOLICY",
            "VOLUMEBINDINGMODE",
            "ALLOWVOLUMEEXPANSION",
            "AGE",
        ],
        &[],
        |c| {
            let name = if c.is_default() {
                format!("{} (default)", c.meta.name)
            } else {
                c.meta.name.clone()
            };
            vec![
                name,
                c.spec.provisioner.clone(),
                c.spec.reclaim_policy.name().into(),
                c.spec.volume_binding_mode.name().into(),
                c.spec.allow_volume_expansion.to_string(),
                age(q.now, c.meta.creation_ms),
            ]
        },
    )
}

/// `pods: 1/10, requests.cpu: 500m/2` and `limits.cpu: 1/4`: kubectl
/// splits a quota's resources into the REQUEST and LIMIT columns.
pub fn quota_columns(qt: &ResourceQuota) -> (String, String) {
    let (mut req, mut lim) = (Vec::new(), Vec::new());
    for (k, hard) in &qt.status.hard {
        let used = qt.status.used.get(k).copied().unwrap_or(0);
        let cell = format!(
            "{k}: {}/{}",
            format_amount(k, used),
            format_amount(k, *hard)
        );
        if k.starts_with("limits.") {
            lim.push(cell);
        } else {
            req.push(cell);
        }
    }
    (req.join(", "), lim.join(", "))
}

pub(super) fn resourcequotas(q: &Q) -> Listing {
    rows(
        q,
        Kind::ResourceQuota,
        q.s.resourcequotas().sorted(),
        &["NAME", "AGE", "REQUEST", "LIMIT"],
        &[],
        |qt| {
            let (req, lim) = quota_columns(qt);
            vec![
                qt.meta.name.clone(),
                age(q.now, qt.meta.creation_ms),
                req,
                lim,
            ]
        },
    )
}

pub(super) fn limitranges(q: &Q) -> Listing {
    rows(
        q,
        Kind::LimitRange,
        q.s.limitranges().sorted(),
        &["NAME", "CREATED AT"],
        &[],
        |l| {
            vec![
                l.meta.name.clone(),
                crate::sim::timefmt::rfc3339(l.meta.creation_ms),
            ]
        },
    )
}
