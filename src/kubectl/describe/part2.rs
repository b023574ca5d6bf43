//! `describe` of configmaps, secrets, statefulsets, cronjobs,
//! persistentvolumes, persistentvolumeclaims, storageclasses,
//! resourcequotas and limitranges, laid out as kubectl's describers
//! (pkg/describe/describe.go in kubernetes/kubectl).

use super::*;
use crate::sim::store::Stored;

/// Describe every object of `res` in `ns` that `wanted` accepts.
pub(super) fn describe(
    c: &Cluster,
    res: Resource,
    ns: &str,
    wanted: &dyn Fn(&str, &Labels) -> bool,
    found: &mut Vec<String>,
    parts: &mut Vec<String>,
) {
    let s = c.store();
    fn each<'a, T: Stored + 'a>(
        it: impl Iterator<Item = &'a T>,
        wanted: &dyn Fn(&str, &Labels) -> bool,
        found: &mut Vec<String>,
        parts: &mut Vec<String>,
        f: impl Fn(&T) -> String,
    ) {
        for o in it.filter(|o| wanted(&o.meta().name, &o.meta().labels)) {
            found.push(o.meta().name.clone());
            parts.push(f(o));
        }
    }
    match res {
        Resource::ConfigMaps => each(s.configmaps().in_namespace(ns), wanted, found, parts, |o| {
            configmap(c, o)
        }),
        Resource::Secrets => each(s.secrets().in_namespace(ns), wanted, found, parts, secret),
        Resource::StatefulSets => each(
            s.statefulsets().in_namespace(ns),
            wanted,
            found,
            parts,
            |o| statefulset(c, o),
        ),
        Resource::CronJobs => each(s.cronjobs().in_namespace(ns), wanted, found, parts, |o| {
            cronjob(c, o)
        }),
        Resource::PersistentVolumes => {
            each(s.persistentvolumes().sorted(), wanted, found, parts, |o| {
                pv(c, o)
            })
        }
        Resource::PersistentVolumeClaims => each(
            s.persistentvolumeclaims().in_namespace(ns),
            wanted,
            found,
            parts,
            |o| pvc(c, o),
        ),
        Resource::StorageClasses => each(s.storageclasses().sorted(), wanted, found, parts, |o| {
            storage_class(c, o)
        }),
        Resource::ResourceQuotas => each(
            s.resourcequotas().in_namespace(ns),
            wanted,
            found,
            parts,
            quota,
        ),
        Resource::LimitRanges => each(
            s.limitranges().in_namespace(ns),
            wanted,
            found,
            parts,
            limit_range,
        ),
        _ => {}
    }
}

fn head(w: &mut W, m: &Meta) {
    w.kv(0, "Name", &m.name);
    w.kv(0, "Namespace", &m.namespace);
    w.labels(0, "Labels", &m.labels);
    w.annotations(0, &m.annotations);
}

fn configmap(c: &Cluster, cm: &ConfigMap) -> String {
    let mut w = W::default();
    head(&mut w, &cm.meta);
    w.line(0, "");
    w.line(0, "Data");
    w.line(0, "====");
    for (k, v) in &cm.data.data {
        w.line(0, &format!("{k}:"));
        w.line(0, "----");
        for l in v.split('\n') {
            w.line(0, l);
        }
        w.line(0, "");
    }
    w.line(0, "");
    w.line(0, "BinaryData");
    w.line(0, "====");
    for (k, v) in &cm.data.binary_data {
        let n = decode_base64(v).map_or(0, |b| b.len());
        w.line(0, &format!("{k}: {n} bytes"));
    }
    w.line(0, "");
    w.events(
        c,
        &ObjRef::new(Kind::ConfigMap, &cm.meta.namespace, &cm.meta.name),
    );
    w.done()
}

fn secret(s: &Secret) -> String {
    let mut w = W::default();
    head(&mut w, &s.meta);
    w.line(0, "");
    w.kv(0, "Type", &s.data.secret_type);
    w.line(0, "");
    w.line(0, "Data");
    w.line(0, "====");
    for (k, v) in &s.data.data {
        w.kv(0, k, format!("{} bytes", v.len()));
    }
    w.done()
}

fn statefulset(c: &Cluster, st: &StatefulSet) -> String {
    let mut w = W::default();
    let m = &st.meta;
    w.kv(0, "Name", &m.name);
    w.kv(0, "Namespace", &m.namespace);
    w.kv(0, "CreationTimestamp", rfc1123z(m.creation_ms));
    w.kv(0, "Selector", selector_text(&st.spec.selector));
    w.labels(0, "Labels", &m.labels);
    w.annotations(0, &m.annotations);
    w.kv(
        0,
        "Replicas",
        format!(
            "{} desired | {} total",
            st.spec.replicas, st.status.replicas
        ),
    );
    match st.spec.update_strategy {
        StatefulSetUpdate::RollingUpdate { partition } => {
            w.kv(0, "Update Strategy", "RollingUpdate");
            w.kv(1, "Partition", partition.to_string());
        }
        StatefulSetUpdate::OnDelete => w.kv(0, "Update Strategy", "OnDelete"),
    }
    w.kv(0, "Pods Status", pods_status(c, m.oid));
    template(&mut w, &st.spec.template);
    if st.spec.volume_claim_templates.is_empty() {
        w.kv(0, "Volume Claims", "<none>");
    } else {
        w.line(0, "Volume Claims:");
        for t in &st.spec.volume_claim_templates {
            w.kv(1, "Name", &t.name);
            w.kv(
                1,
                "StorageClass",
                t.spec.storage_class_name.clone().unwrap_or_default(),
            );
            w.labels(1, "Labels", &t.labels);
            w.kv(1, "Annotations", "<none>");
            w.kv(1, "Capacity", format_bytes(t.spec.request_bytes));
            let modes: Vec<&str> = t.spec.access_modes.iter().map(|m| m.name()).collect();
            w.kv(1, "Access Modes", format!("[{}]", modes.join(" ")));
        }
    }
    w.events(c, &ObjRef::new(Kind::StatefulSet, &m.namespace, &m.name));
    w.done()
}

fn cronjob(c: &Cluster, cj: &CronJob) -> String {
    let mut w = W::default();
    let sp = &cj.spec;
    head(&mut w, &cj.meta);
    w.kv(0, "Schedule", &sp.schedule);
    w.kv(0, "Concurrency Policy", sp.concurrency_policy.name());
    w.kv(0, "Suspend", if sp.suspend { "True" } else { "False" });
    w.kv(
        0,
        "Successful Job History Limit",
        sp.successful_jobs_history_limit.to_string(),
    );
    w.kv(
        0,
        "Failed Job History Limit",
        sp.failed_jobs_history_limit.to_string(),
    );
    w.kv(
        0,
        "Starting Deadline Seconds",
        sp.starting_deadline_seconds
            .map_or("<unset>".into(), |s| format!("{s}s")),
    );
    let j = &sp.job_template.spec;
    w.kv(0, "Selector", "<unset>");
    let unset = j.parallelism == 1 && j.completions == Some(1);
    w.kv(
        0,
        "Parallelism",
        if unset {
            "<unset>".into()
        } else {
            j.parallelism.to_string()
        },
    );
    w.kv(
        0,
        "Completions",
        match j.completions {
            Some(n) if !unset => n.to_string(),
            _ => "<unset>".into(),
        },
    );
    if let Some(d) = j.active_deadline_seconds {
        w.kv(0, "Active Deadline Seconds", format!("{d}s"));
    }
    template(&mut w, &j.template);
    w.kv(
        0,
        "Last Schedule Time",
        cj.status
            .last_schedule_ms
            .map_or("<unset>".into(), rfc1123z),
    );
    w.kv(
        0,
        "Active Jobs",
        if cj.status.active.is_empty() {
            "<none>".into()
        } else {
            cj.status.active.join(", ")
        },
    );
    w.events(
        c,
        &ObjRef::new(Kind::CronJob, &cj.meta.namespace, &cj.meta.name),
    );
    w.done()
}

fn pv(c: &Cluster, v: &PersistentVolume) -> String {
    let mut w = W::default();
    let m = &v.meta;
    w.kv(0, "Name", &m.name);
    w.labels(0, "Labels", &m.labels);
    w.annotations(0, &m.annotations);
    w.kv(0, "Finalizers", "[kubernetes.io/pv-protection]");
    w.kv(0, "StorageClass", &v.spec.storage_class_name);
    w.kv(0, "Status", v.status.phase.name());
    w.kv(
        0,
        "Claim",
        v.spec
            .claim_ref
            .as_ref()
            .map_or(String::new(), |r| format!("{}/{}", r.namespace, r.name)),
    );
    w.kv(0, "Reclaim Policy", v.spec.reclaim_policy.name());
    w.kv(0, "Access Modes", access_modes_text(&v.spec.access_modes));
    w.kv(0, "VolumeMode", &v.spec.volume_mode);
    w.kv(0, "Capacity", format_bytes(v.spec.capacity_bytes));
    w.kv(0, "Node Affinity", "<none>");
    w.kv(0, "Message", "");
    w.line(0, "Source:");
    match &v.spec.source {
        PvSource::HostPath { path } => {
            w.kv(2, "Type", "HostPath (bare host directory volume)");
            w.kv(2, "Path", path);
            w.kv(2, "HostPathType", "");
        }
        PvSource::Local { path } => {
            w.kv(
                2,
                "Type",
                "LocalVolume (a persistent volume backed by local storage on a node)",
            );
            w.kv(2, "Path", path);
        }
        PvSource::Nfs { server, path } => {
            w.kv(
                2,
                "Type",
                "NFS (an NFS mount that lasts the lifetime of a pod)",
            );
            w.kv(2, "Server", server);
            w.kv(2, "Path", path);
            w.kv(2, "ReadOnly", "false");
        }
        PvSource::Csi { driver, handle } => {
            w.kv(
                2,
                "Type",
                "CSI (a Container Storage Interface (CSI) volume source)",
            );
            w.kv(2, "Driver", driver);
            w.kv(2, "FSType", "");
            w.kv(2, "VolumeHandle", handle);
            w.kv(2, "ReadOnly", "false");
            w.kv(2, "VolumeAttributes", "<none>");
        }
        PvSource::Other(_) => w.line(1, "<unknown>"),
    }
    w.events(c, &ObjRef::new(Kind::PersistentVolume, "", &m.name));
    w.done()
}

fn pvc(c: &Cluster, p: &PersistentVolumeClaim) -> String {
    let mut w = W::default();
    let m = &p.meta;
    w.kv(0, "Name", &m.name);
    w.kv(0, "Namespace", &m.namespace);
    w.kv(
        0,
        "StorageClass",
        p.spec.storage_class_name.clone().unwrap_or_default(),
    );
    w.kv(0, "Status", p.status.phase.name());
    w.kv(0, "Volume", p.spec.volume_name.clone().unwrap_or_default());
    w.labels(0, "Labels", &m.labels);
    w.annotations(0, &m.annotations);
    w.kv(0, "Finalizers", "[kubernetes.io/pvc-protection]");
    let bound = p.spec.volume_name.is_some();
    w.kv(
        0,
        "Capacity",
        if bound {
            format_bytes(p.status.capacity_bytes)
        } else {
            String::new()
        },
    );
    w.kv(
        0,
        "Access Modes",
        if bound {
            access_modes_text(&p.status.access_modes)
        } else {
            String::new()
        },
    );
    w.kv(0, "VolumeMode", &p.spec.volume_mode);
    let users: Vec<String> = c
        .store()
        .pods()
        .in_namespace(&m.namespace)
        .filter(|pod| {
            pod.spec.volumes.iter().any(|v| {
                matches!(&v.source, VolumeSource::PersistentVolumeClaim { claim_name, .. } if *claim_name == m.name)
            })
        })
        .map(|pod| pod.meta.name.clone())
        .collect();
    w.multi(0, "Used By", &users);
    w.events(
        c,
        &ObjRef::new(Kind::PersistentVolumeClaim, &m.namespace, &m.name),
    );
    w.done()
}

fn storage_class(c: &Cluster, sc: &StorageClass) -> String {
    let mut w = W::default();
    w.kv(0, "Name", &sc.meta.name);
    w.kv(
        0,
        "IsDefaultClass",
        if sc.is_default() { "Yes" } else { "No" },
    );
    w.kv(0, "Annotations", labels_text(&sc.meta.annotations));
    w.kv(0, "Provisioner", &sc.spec.provisioner);
    let params: Labels = sc.spec.parameters.clone().into_iter().collect();
    w.kv(0, "Parameters", labels_text(&params));
    w.kv(
        0,
        "AllowVolumeExpansion",
        if sc.spec.allow_volume_expansion {
            "True"
        } else {
            "<unset>"
        },
    );
    w.kv(0, "MountOptions", "<none>");
    w.kv(0, "ReclaimPolicy", sc.spec.reclaim_policy.name());
    w.kv(0, "VolumeBindingMode", sc.spec.volume_binding_mode.name());
    w.events(c, &ObjRef::new(Kind::StorageClass, "", &sc.meta.name));
    w.done()
}

fn quota(q: &ResourceQuota) -> String {
    let mut w = W::default();
    w.kv(0, "Name", &q.meta.name);
    w.kv(0, "Namespace", &q.meta.namespace);
    if !q.spec.scopes.is_empty() {
        let mut scopes = q.spec.scopes.clone();
        scopes.sort();
        w.kv(0, "Scopes", scopes.join(", "));
    }
    w.line(0, "Resource\tUsed\tHard");
    w.line(0, "--------\t----\t----");
    for (k, hard) in &q.status.hard {
        let used = q.status.used.get(k).copied().unwrap_or(0);
        w.line(
            0,
            &format!(
                "{k}\t{}\t{}",
                format_amount(k, used),
                format_amount(k, *hard)
            ),
        );
    }
    w.done()
}

fn limit_range(l: &LimitRange) -> String {
    let mut w = W::default();
    w.kv(0, "Name", &l.meta.name);
    w.kv(0, "Namespace", &l.meta.namespace);
    w.line(
        0,
        "Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio",
    );
    w.line(
        0,
        "----\t--------\t---\t---\t---------------\t-------------\t-----------------------",
    );
    for item in &l.spec.limits {
        let mut keys: Vec<&String> = item
            .min
            .keys()
            .chain(item.max.keys())
            .chain(item.default.keys())
            .chain(item.default_request.keys())
            .chain(item.max_ratio.keys())
            .collect();
        keys.sort();
        keys.dedup();
        let cell = |m: &ResourceAmounts, k: &str| {
            m.get(k).map_or("-".to_string(), |v| format_amount(k, *v))
        };
        for k in keys {
            let ratio = item
                .max_ratio
                .get(k)
                .map_or("-".to_string(), |v| v.to_string());
            w.line(
                0,
                &format!(
                    "{}\t{k}\t{}\t{}\t{}\t{}\t{ratio}",
                    item.limit_type.name(),
                    cell(&item.min, k),
                    cell(&item.max, k),
                    cell(&item.default_request, k),
                    cell(&item.default, k)
                ),
            );
        }
    }
    w.done()
}
