//! The API server's validation of the part-two kinds and of the pod fields
//! that reach ConfigMaps, Secrets and volumes: the checks and the wording
//! of `The ConfigMap "x" is invalid: ...` messages (pkg/apis/core/validation,
//! pkg/apis/apps/validation, pkg/apis/batch/validation).

use super::objects::*;
use std::collections::BTreeSet;

const CONFIG_KEY_MSG: &str = "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')";
const ENV_NAME_MSG: &str = "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')";
/// The most a ConfigMap or Secret may hold.
pub const MAX_DATA_BYTES: usize = 1 << 20;

fn config_key(k: &str) -> bool {
    !k.is_empty()
        && k.len() <= 253
        && k.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-._".contains(&b))
        && k != "."
        && k != ".."
        && !k.starts_with("..")
}

fn env_name(n: &str) -> bool {
    !n.is_empty()
        && !n.starts_with(|c: char| c.is_ascii_digit())
        && n.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-._".contains(&b))
}

fn keys<'a>(path: &str, ks: impl Iterator<Item = &'a String>, size: usize, out: &mut Vec<String>) {
    for k in ks {
        if !config_key(k) {
            out.push(format!(
                "{path}[{k}]: Invalid value: \"{k}\": {CONFIG_KEY_MSG}"
            ));
        }
    }
    if size > MAX_DATA_BYTES {
        out.push(format!(
            "{path}: Too long: must have at most {MAX_DATA_BYTES} bytes"
        ));
    }
}

/// The fields of a pod spec that name volumes, ConfigMaps and Secrets,
/// and the probes.
pub fn pod_extras(path: &str, spec: &PodSpec, out: &mut Vec<String>) {
    let mut names = BTreeSet::new();
    for (i, v) in spec.volumes.iter().enumerate() {
        if v.name.is_empty() {
            out.push(format!("{path}.volumes[{i}].name: Required value"));
        } else if !names.insert(v.name.as_str()) {
            out.push(format!(
                "{path}.volumes[{i}].name: Duplicate value: \"{}\"",
                v.name
            ));
        }
        if let VolumeSource::PersistentVolumeClaim { claim_name, .. } = &v.source
            && claim_name.is_empty()
        {
            out.push(format!(
                "{path}.volumes[{i}].persistentVolumeClaim.claimName: Required value"
            ));
        }
    }
    for (list, cs) in [
        ("initContainers", &spec.init_containers),
        ("containers", &spec.containers),
    ] {
        for (i, c) in cs.iter().enumerate() {
            container(&format!("{path}.{list}[{i}]"), c, &names, out);
        }
    }
}

fn container(p: &str, c: &ContainerSpec, volumes: &BTreeSet<&str>, out: &mut Vec<String>) {
    for (j, e) in c.env.iter().enumerate() {
        if e.name.is_empty() {
            out.push(format!("{p}.env[{j}].name: Required value"));
        } else if !env_name(&e.name) {
            out.push(format!(
                "{p}.env[{j}].name: Invalid value: \"{}\": {ENV_NAME_MSG}",
                e.name
            ));
        }
        if e.value.is_some() && e.value_from.is_some() {
            out.push(format!("{p}.env[{j}].valueFrom: Invalid value: \"\": may not be specified when `value` is not empty"));
        }
        match &e.value_from {
            Some(EnvSource::ConfigMapKey { key, .. }) if key.is_empty() => {
                out.push(format!(
                    "{p}.env[{j}].valueFrom.configMapKeyRef.key: Required value"
                ));
            }
            Some(EnvSource::SecretKey { key, .. }) if key.is_empty() => {
                out.push(format!(
                    "{p}.env[{j}].valueFrom.secretKeyRef.key: Required value"
                ));
            }
            _ => {}
        }
    }
    let mut paths = BTreeSet::new();
    for (j, m) in c.volume_mounts.iter().enumerate() {
        if m.name.is_empty() {
            out.push(format!("{p}.volumeMounts[{j}].name: Required value"));
        } else if !volumes.contains(m.name.as_str()) {
            out.push(format!(
                "{p}.volumeMounts[{j}].name: Not found: \"{}\"",
                m.name
            ));
        }
        if m.mount_path.is_empty() {
            out.push(format!("{p}.volumeMounts[{j}].mountPath: Required value"));
        } else if !paths.insert(m.mount_path.as_str()) {
            out.push(format!(
                "{p}.volumeMounts[{j}].mountPath: Invalid value: \"{}\": must be unique",
                m.mount_path
            ));
        }
    }
    for (key, probe) in [
        ("livenessProbe", &c.liveness_probe),
        ("startupProbe", &c.startup_probe),
    ] {
        if let Some(pr) = probe
            && pr.success_threshold != 1
        {
            out.push(format!(
                "{p}.{key}.successThreshold: Invalid value: {}: must be 1",
                pr.success_threshold
            ));
        }
    }
    for (key, probe) in [
        ("livenessProbe", &c.liveness_probe),
        ("readinessProbe", &c.readiness_probe),
        ("startupProbe", &c.startup_probe),
    ] {
        if let Some(ProbeHandler::Exec { command }) = probe.as_ref().map(|p| &p.handler)
            && command.is_empty()
        {
            out.push(format!(
                "{p}.{key}: Required value: must specify a handler type"
            ));
        }
    }
}

/// Validation of a part-two kind's spec.
pub fn spec(spec: &Spec, out: &mut Vec<String>) {
    match spec {
        Spec::ConfigMap(d) => {
            let size: usize = d
                .data
                .iter()
                .chain(&d.binary_data)
                .map(|(k, v)| k.len() + v.len())
                .sum();
            keys("data", d.data.keys(), size, out);
            keys("binaryData", d.binary_data.keys(), 0, out);
            for k in d.data.keys().filter(|k| d.binary_data.contains_key(*k)) {
                out.push(format!(
                    "data[{k}]: Invalid value: \"{k}\": duplicate of key present in binaryData"
                ));
            }
        }
        Spec::Secret(d) => {
            let size: usize = d.data.iter().map(|(k, v)| k.len() + v.len()).sum();
            keys("data", d.data.keys(), size, out);
        }
        Spec::StatefulSet(s) => statefulset(s, out),
        Spec::CronJob(c) => cronjob(c, out),
        Spec::PersistentVolumeClaim(c) => claim("spec", c, out),
        Spec::PersistentVolume(v) => {
            if v.capacity_bytes == 0 {
                out.push("spec.capacity: Required value".into());
            }
            if v.access_modes.is_empty() {
                out.push("spec.accessModes: Required value".into());
            }
            if matches!(v.source, PvSource::Other(_)) {
                out.push("spec: Required value: must specify a volume type".into());
            }
        }
        Spec::StorageClass(c) => {
            if c.provisioner.is_empty() {
                out.push("provisioner: Required value".into());
            }
        }
        Spec::LimitRange(l) => limit_range(l, out),
        Spec::ResourceQuota(_) => {}
        Spec::Pod(_)
        | Spec::ReplicaSet(_)
        | Spec::Deployment(_)
        | Spec::Job(_)
        | Spec::Service(_) => {}
    }
}

fn claim(path: &str, c: &PvcSpec, out: &mut Vec<String>) {
    if c.access_modes.is_empty() {
        out.push(format!(
            "{path}.accessModes: Required value: at least 1 access mode is required"
        ));
    }
    if c.request_bytes == 0 {
        out.push(format!("{path}.resources[storage]: Required value"));
    }
}

fn statefulset(s: &StatefulSetSpec, out: &mut Vec<String>) {
    // Claim templates are volumes the pods will have.
    let mut template = s.template.clone();
    for t in &s.volume_claim_templates {
        template.spec.volumes.push(Volume {
            name: t.name.clone(),
            source: VolumeSource::PersistentVolumeClaim {
                claim_name: t.name.clone(),
                read_only: false,
            },
        });
    }
    super::validation::workload_template("spec", s.replicas, &s.selector, &template, out);
    for (i, t) in s.volume_claim_templates.iter().enumerate() {
        if t.name.is_empty() {
            out.push(format!(
                "spec.volumeClaimTemplates[{i}].metadata.name: Required value"
            ));
        }
        claim(
            &format!("spec.volumeClaimTemplates[{i}].spec"),
            &t.spec,
            out,
        );
    }
}

fn cronjob(c: &CronJobSpec, out: &mut Vec<String>) {
    if c.schedule.trim().is_empty() {
        out.push("spec.schedule: Required value".into());
    } else if let Err(e) = super::cron::Schedule::parse(&c.schedule, None) {
        out.push(format!(
            "spec.schedule: Invalid value: \"{}\": {e}",
            c.schedule
        ));
    }
    if let Some(z) = &c.time_zone
        && super::cron::zone_offset(z).is_none()
    {
        out.push(format!(
            "spec.timeZone: Invalid value: \"{z}\": unknown time zone {z} (the simulator knows UTC, Etc/UTC, GMT, Asia/Seoul, Asia/Tokyo, Asia/Shanghai, Asia/Singapore and Asia/Kolkata)"
        ));
    }
    let t = &c.job_template.spec.template;
    super::validation::pod_spec("spec.jobTemplate.spec.template.spec", &t.spec, out);
    if t.spec.restart_policy == RestartPolicy::Always {
        out.push("spec.jobTemplate.spec.template.spec.restartPolicy: Required value: valid values: \"OnFailure\", \"Never\"".into());
    }
}

fn limit_range(l: &LimitRangeSpec, out: &mut Vec<String>) {
    for (i, item) in l.limits.iter().enumerate() {
        for (k, min) in &item.min {
            if let Some(max) = item.max.get(k)
                && min > max
            {
                out.push(format!(
                    "spec.limits[{i}].min[{k}]: Invalid value: \"{}\": min value {} is greater than max value {}",
                    format_amount(k, *min), format_amount(k, *min), format_amount(k, *max)
                ));
            }
        }
        for (k, d) in &item.default {
            if let Some(max) = item.max.get(k)
                && d > max
            {
                out.push(format!(
                    "spec.limits[{i}].default[{k}]: Invalid value: \"{}\": default value {} is greater than max value {}",
                    format_amount(k, *d), format_amount(k, *d), format_amount(k, *max)
                ));
            }
        }
        for (k, r) in &item.default_request {
            if let Some(d) = item.default.get(k)
                && r > d
            {
                out.push(format!(
                    "spec.limits[{i}].defaultRequest[{k}]: Invalid value: \"{}\": default request value {} is greater than default limit value {}",
                    format_amount(k, *r), format_amount(k, *r), format_amount(k, *d)
                ));
            }
        }
    }
}
