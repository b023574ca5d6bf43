//! The parts of `describe pod` (and of pod templates) that show how a
//! container is configured: probes, `Environment Variables from`,
//! `Environment`, `Mounts`, and the pod's `Volumes`, laid out as kubectl's
//! describeContainerProbe / describeContainerEnvVars / describeVolumes do.

use super::*;

/// `Liveness:`, `Readiness:` and `Startup:` lines.
pub(super) fn probes(w: &mut W, l: usize, c: &ContainerSpec) {
    for (key, p) in [
        ("Liveness", &c.liveness_probe),
        ("Readiness", &c.readiness_probe),
        ("Startup", &c.startup_probe),
    ] {
        if let Some(p) = p {
            w.kv(l, key, p.describe());
        }
    }
}

/// The value of a `fieldRef` env var for a pod (empty in templates).
pub fn field_value(pod: Option<&Pod>, path: &str) -> String {
    let Some(p) = pod else {
        return String::new();
    };
    match path {
        "metadata.name" => p.meta.name.clone(),
        "metadata.namespace" => p.meta.namespace.clone(),
        "metadata.uid" => p.meta.uid.clone(),
        "spec.nodeName" => p.node_name.as_deref().unwrap_or_default().to_string(),
        "spec.serviceAccountName" => "default".into(),
        "status.podIP" => p.status.pod_ip.clone().unwrap_or_default(),
        "status.hostIP" => p.status.host_ip.clone().unwrap_or_default(),
        _ => path
            .strip_prefix("metadata.labels['")
            .or_else(|| path.strip_prefix("metadata.annotations['"))
            .and_then(|k| k.strip_suffix("']"))
            .and_then(|k| {
                if path.starts_with("metadata.labels") {
                    p.meta.labels.get(k).cloned()
                } else {
                    p.meta.annotations.get(k).cloned()
                }
            })
            .unwrap_or_default(),
    }
}

/// The value of a `resourceFieldRef` (`limits.memory` in bytes, `requests.cpu`
/// in whole cores rounded up, as the divisor `1` gives).
pub fn resource_value(c: &ContainerSpec, resource: &str) -> String {
    let req = c.effective_requests();
    let v = match resource {
        "limits.cpu" => c.limits.cpu_millis.div_ceil(1000),
        "requests.cpu" => req.cpu_millis.div_ceil(1000),
        "limits.memory" => c.limits.memory_bytes,
        "requests.memory" => req.memory_bytes,
        _ => 0,
    };
    v.to_string()
}

/// `Environment Variables from:` and `Environment:`.
pub(super) fn env(w: &mut W, l: usize, c: &ContainerSpec, pod: Option<&Pod>) {
    if !c.env_from.is_empty() {
        w.line(l, "Environment Variables from:");
        for e in &c.env_from {
            let from = match e.kind {
                EnvFromKind::ConfigMap => "ConfigMap",
                EnvFromKind::Secret => "Secret",
            };
            let what = match &e.prefix {
                Some(p) if !p.is_empty() => format!("{from} with prefix '{p}'"),
                _ => from.to_string(),
            };
            w.line(
                l + 1,
                &format!("{}\t{what}\tOptional: {}", e.name, e.optional),
            );
        }
    }
    if c.env.is_empty() {
        w.kv(l, "Environment", "<none>");
        return;
    }
    w.line(l, "Environment:");
    for e in &c.env {
        match &e.value_from {
            None => {
                let value = e.value.clone().unwrap_or_default();
                let mut lines = value.split('\n');
                w.kv(l + 1, &e.name, lines.next().unwrap_or(""));
                for more in lines {
                    w.line(l + 1, &format!("\t{more}"));
                }
            }
            Some(EnvSource::Field(path)) => w.kv(
                l + 1,
                &e.name,
                format!("{} (v1:{path})", field_value(pod, path)),
            ),
            Some(EnvSource::Resource(r)) => {
                let mut v = resource_value(c, r);
                if v == "0" && (r == "limits.cpu" || r == "limits.memory") {
                    v = "node allocatable".into();
                }
                w.kv(l + 1, &e.name, format!("{v} ({r})"));
            }
            Some(EnvSource::SecretKey {
                name,
                key,
                optional,
            }) => w.kv(
                l + 1,
                &e.name,
                format!("<set to the key '{key}' in secret '{name}'>\tOptional: {optional}"),
            ),
            Some(EnvSource::ConfigMapKey {
                name,
                key,
                optional,
            }) => w.kv(
                l + 1,
                &e.name,
                format!("<set to the key '{key}' of config map '{name}'>\tOptional: {optional}"),
            ),
        }
    }
}

/// `Mounts:`, sorted by mount path, with the service-account token's mount
/// (`token`) among them.
pub(super) fn mounts(w: &mut W, l: usize, c: &ContainerSpec, token: Option<&str>) {
    let mut ms: Vec<(String, String)> = c
        .volume_mounts
        .iter()
        .map(|m| {
            let mut flags = vec![if m.read_only { "ro" } else { "rw" }.to_string()];
            if let Some(p) = &m.sub_path {
                flags.push(format!("path={p:?}"));
            }
            (
                m.mount_path.clone(),
                format!("{} ({})", m.name, flags.join(",")),
            )
        })
        .collect();
    if let Some(v) = token {
        ms.push((SERVICE_ACCOUNT_MOUNT.to_string(), format!("{v} (ro)")));
    }
    if ms.is_empty() {
        w.kv(l, "Mounts", "<none>");
        return;
    }
    w.line(l, "Mounts:");
    ms.sort();
    for (path, from) in ms {
        w.line(l + 1, &format!("{path} from {from}"));
    }
}

/// `Volumes:` of a pod (`lvl` 0) or a pod template (`lvl` 1). As in
/// describeVolumes, only the heading moves with the template's indent: the
/// names stay at the second level (one space further in a template) and
/// their fields at the third. `token` is a pod's service-account token
/// volume.
pub(super) fn volumes(w: &mut W, lvl: usize, vols: &[Volume], token: Option<&str>) {
    if vols.is_empty() && token.is_none() {
        w.kv(lvl, "Volumes", "<none>");
        return;
    }
    w.line(lvl, "Volumes:");
    let indent = if lvl > 0 { " " } else { "" };
    for v in vols {
        w.line(1, &format!("{indent}{}:", v.name));
        let l = 2;
        w.kv(l, "Type", v.source.describe_type());
        match &v.source {
            VolumeSource::EmptyDir { medium, size_limit } => {
                w.kv(l, "Medium", medium.clone().unwrap_or_default());
                w.kv(
                    l,
                    "SizeLimit",
                    size_limit.map_or("<unset>".into(), format_bytes),
                );
            }
            VolumeSource::ConfigMap { name, optional, .. } => {
                w.kv(l, "Name", name);
                w.kv(l, "Optional", optional.to_string());
            }
            VolumeSource::Secret {
                secret_name,
                optional,
                ..
            } => {
                w.kv(l, "SecretName", secret_name);
                w.kv(l, "Optional", optional.to_string());
            }
            VolumeSource::PersistentVolumeClaim {
                claim_name,
                read_only,
            } => {
                w.kv(l, "ClaimName", claim_name);
                w.kv(l, "ReadOnly", read_only.to_string());
            }
            VolumeSource::HostPath { path, kind } => {
                w.kv(l, "Path", path);
                w.kv(l, "HostPathType", kind);
            }
            VolumeSource::Other(_) => {}
        }
    }
    if let Some(v) = token {
        super::containers::token_volume(w, lvl, v);
    }
}
