//! The container and pod fields that reach configuration and storage, as
//! the API returns them: env, envFrom, volumeMounts, volumes and probes
//! (with their defaults: `timeoutSeconds: 1`, `scheme: HTTP`,
//! `defaultMode: 420`).

use super::*;

fn port(p: &PortRef) -> Value {
    match p {
        PortRef::Number(n) => Value::from(*n),
        PortRef::Name(n) => Value::from(n.clone()),
    }
}

pub(super) fn probe(p: &Probe) -> Value {
    let mut o = Map::new();
    match &p.handler {
        ProbeHandler::HttpGet {
            path,
            port: pt,
            scheme,
        } => {
            o.insert(
                "httpGet".into(),
                json!({"path": path, "port": port(pt), "scheme": scheme}),
            );
        }
        ProbeHandler::TcpSocket { port: pt } => {
            o.insert("tcpSocket".into(), json!({"port": port(pt)}));
        }
        ProbeHandler::Exec { command } => {
            o.insert("exec".into(), json!({"command": command}));
        }
        ProbeHandler::Grpc { port: pt } => {
            o.insert("grpc".into(), json!({"port": pt, "service": ""}));
        }
    }
    o.insert("failureThreshold".into(), p.failure_threshold.into());
    if p.initial_delay_seconds > 0 {
        o.insert("initialDelaySeconds".into(), p.initial_delay_seconds.into());
    }
    o.insert("periodSeconds".into(), p.period_seconds.into());
    o.insert("successThreshold".into(), p.success_threshold.into());
    o.insert("timeoutSeconds".into(), p.timeout_seconds.into());
    Value::Object(o)
}

fn env_var(e: &EnvVar) -> Value {
    let mut o = Map::new();
    o.insert("name".into(), e.name.clone().into());
    if let Some(v) = &e.value {
        o.insert("value".into(), v.clone().into());
    }
    if let Some(src) = &e.value_from {
        let with_optional = |mut v: Value, optional: bool| {
            if optional {
                v["optional"] = true.into();
            }
            v
        };
        let vf = match src {
            EnvSource::ConfigMapKey {
                name,
                key,
                optional,
            } => {
                json!({"configMapKeyRef": with_optional(json!({"key": key, "name": name}), *optional)})
            }
            EnvSource::SecretKey {
                name,
                key,
                optional,
            } => {
                json!({"secretKeyRef": with_optional(json!({"key": key, "name": name}), *optional)})
            }
            EnvSource::Field(path) => {
                json!({"fieldRef": {"apiVersion": "v1", "fieldPath": path}})
            }
            EnvSource::Resource(r) => json!({"resourceFieldRef": {"divisor": "0", "resource": r}}),
        };
        o.insert("valueFrom".into(), vf);
    }
    Value::Object(o)
}

fn env_from(e: &EnvFromSource) -> Value {
    let key = match e.kind {
        EnvFromKind::ConfigMap => "configMapRef",
        EnvFromKind::Secret => "secretRef",
    };
    let mut r = json!({"name": e.name});
    if e.optional {
        r["optional"] = true.into();
    }
    let mut v = json!({ key: r });
    if let Some(p) = &e.prefix {
        v["prefix"] = p.clone().into();
    }
    v
}

/// env, envFrom, probes and volumeMounts of a container.
pub(super) fn container_fields(c: &ContainerSpec, o: &mut Map<String, Value>) {
    if !c.env.is_empty() {
        o.insert("env".into(), c.env.iter().map(env_var).collect());
    }
    if !c.env_from.is_empty() {
        o.insert("envFrom".into(), c.env_from.iter().map(env_from).collect());
    }
    for (key, p) in [
        ("livenessProbe", &c.liveness_probe),
        ("readinessProbe", &c.readiness_probe),
        ("startupProbe", &c.startup_probe),
    ] {
        if let Some(p) = p {
            o.insert(key.into(), probe(p));
        }
    }
    if !c.volume_mounts.is_empty() {
        let mounts: Vec<Value> = c
            .volume_mounts
            .iter()
            .map(|m| {
                let mut v = json!({"mountPath": m.mount_path, "name": m.name});
                if m.read_only {
                    v["readOnly"] = true.into();
                }
                if let Some(sp) = &m.sub_path {
                    v["subPath"] = sp.clone().into();
                }
                v
            })
            .collect();
        o.insert("volumeMounts".into(), Value::Array(mounts));
    }
}

fn items(items: &[KeyToPath]) -> Value {
    items
        .iter()
        .map(|i| json!({"key": i.key, "path": i.path}))
        .collect()
}

fn volume(v: &Volume) -> Value {
    let mut o = Map::new();
    o.insert("name".into(), v.name.clone().into());
    let (key, body) = match &v.source {
        VolumeSource::EmptyDir { medium, size_limit } => {
            let mut e = Map::new();
            if let Some(m) = medium {
                e.insert("medium".into(), m.clone().into());
            }
            if let Some(l) = size_limit {
                e.insert("sizeLimit".into(), format_bytes(*l).into());
            }
            ("emptyDir", Value::Object(e))
        }
        VolumeSource::ConfigMap {
            name,
            items: its,
            optional,
            default_mode,
        } => {
            let mut c = json!({"defaultMode": default_mode.unwrap_or(420), "name": name});
            if !its.is_empty() {
                c["items"] = items(its);
            }
            if *optional {
                c["optional"] = true.into();
            }
            ("configMap", c)
        }
        VolumeSource::Secret {
            secret_name,
            items: its,
            optional,
            default_mode,
        } => {
            let mut c =
                json!({"defaultMode": default_mode.unwrap_or(420), "secretName": secret_name});
            if !its.is_empty() {
                c["items"] = items(its);
            }
            if *optional {
                c["optional"] = true.into();
            }
            ("secret", c)
        }
        VolumeSource::PersistentVolumeClaim {
            claim_name,
            read_only,
        } => {
            let mut c = json!({"claimName": claim_name});
            if *read_only {
                c["readOnly"] = true.into();
            }
            ("persistentVolumeClaim", c)
        }
        VolumeSource::HostPath { path, kind } => ("hostPath", json!({"path": path, "type": kind})),
        VolumeSource::Other(k) => (k.as_str(), json!({})),
    };
    o.insert(key.into(), body);
    Value::Object(o)
}

/// volumes, hostname and subdomain of a pod spec.
pub(super) fn pod_fields(s: &PodSpec, o: &mut Map<String, Value>) {
    if let Some(h) = &s.hostname {
        o.insert("hostname".into(), h.clone().into());
    }
    if let Some(d) = &s.subdomain {
        o.insert("subdomain".into(), d.clone().into());
    }
    if !s.volumes.is_empty() {
        o.insert("volumes".into(), s.volumes.iter().map(volume).collect());
    }
}
