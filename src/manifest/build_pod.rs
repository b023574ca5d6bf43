//! The parts of a pod spec that connect it to configuration and storage:
//! `env` / `envFrom`, `volumeMounts`, `volumes`, and probes.

use super::build::{get, items, str_of, strings, text, u32_of, u64_of};
use crate::quantity;
use crate::sim::objects::*;
use serde_yaml::Value;

fn flag(v: &Value, key: &str) -> bool {
    get(v, key).and_then(Value::as_bool).unwrap_or(false)
}

/// A port given as a number or a container port's name.
fn port_ref(v: Option<&Value>) -> PortRef {
    match v {
        Some(Value::String(s)) => match s.parse::<u16>() {
            Ok(n) => PortRef::Number(n),
            Err(_) => PortRef::Name(s.clone()),
        },
        Some(other) => PortRef::Number(
            other
                .as_u64()
                .and_then(|n| u16::try_from(n).ok())
                .unwrap_or(0),
        ),
        None => PortRef::Number(0),
    }
}

/// One `env` entry.
pub fn env_var(v: &Value) -> EnvVar {
    let value_from = get(v, "valueFrom").and_then(|vf| {
        if let Some(r) = get(vf, "configMapKeyRef") {
            return Some(EnvSource::ConfigMapKey {
                name: str_of(r, "name").unwrap_or_default(),
                key: str_of(r, "key").unwrap_or_default(),
                optional: flag(r, "optional"),
            });
        }
        if let Some(r) = get(vf, "secretKeyRef") {
            return Some(EnvSource::SecretKey {
                name: str_of(r, "name").unwrap_or_default(),
                key: str_of(r, "key").unwrap_or_default(),
                optional: flag(r, "optional"),
            });
        }
        if let Some(r) = get(vf, "fieldRef") {
            return Some(EnvSource::Field(str_of(r, "fieldPath").unwrap_or_default()));
        }
        get(vf, "resourceFieldRef")
            .map(|r| EnvSource::Resource(str_of(r, "resource").unwrap_or_default()))
    });
    EnvVar {
        name: str_of(v, "name").unwrap_or_default(),
        value: get(v, "value").and_then(text),
        value_from,
    }
}

/// One `envFrom` entry.
pub fn env_from(v: &Value) -> Option<EnvFromSource> {
    let prefix = str_of(v, "prefix");
    let (kind, r) = if let Some(r) = get(v, "configMapRef") {
        (EnvFromKind::ConfigMap, r)
    } else {
        (EnvFromKind::Secret, get(v, "secretRef")?)
    };
    Some(EnvFromSource {
        kind,
        name: str_of(r, "name").unwrap_or_default(),
        prefix,
        optional: flag(r, "optional"),
    })
}

pub fn volume_mount(v: &Value) -> VolumeMount {
    VolumeMount {
        name: str_of(v, "name").unwrap_or_default(),
        mount_path: str_of(v, "mountPath").unwrap_or_default(),
        read_only: flag(v, "readOnly"),
        sub_path: str_of(v, "subPath").filter(|p| !p.is_empty()),
    }
}

fn key_paths(v: &Value) -> Vec<KeyToPath> {
    items(v, "items")
        .iter()
        .map(|i| KeyToPath {
            key: str_of(i, "key").unwrap_or_default(),
            path: str_of(i, "path").unwrap_or_default(),
        })
        .collect()
}

fn mode(v: &Value) -> Option<u32> {
    u64_of(v, "defaultMode").and_then(|m| u32::try_from(m).ok())
}

/// One `volumes` entry.
pub fn volume(v: &Value) -> Volume {
    let name = str_of(v, "name").unwrap_or_default();
    let source = if let Some(e) = get(v, "emptyDir") {
        VolumeSource::EmptyDir {
            medium: str_of(e, "medium").filter(|m| !m.is_empty()),
            size_limit: str_of(e, "sizeLimit").and_then(|q| quantity::parse_bytes(&q).ok()),
        }
    } else if let Some(c) = get(v, "configMap") {
        VolumeSource::ConfigMap {
            name: str_of(c, "name").unwrap_or_default(),
            items: key_paths(c),
            optional: flag(c, "optional"),
            default_mode: mode(c),
        }
    } else if let Some(c) = get(v, "secret") {
        VolumeSource::Secret {
            secret_name: str_of(c, "secretName").unwrap_or_default(),
            items: key_paths(c),
            optional: flag(c, "optional"),
            default_mode: mode(c),
        }
    } else if let Some(c) = get(v, "persistentVolumeClaim") {
        VolumeSource::PersistentVolumeClaim {
            claim_name: str_of(c, "claimName").unwrap_or_default(),
            read_only: flag(c, "readOnly"),
        }
    } else if let Some(h) = get(v, "hostPath") {
        VolumeSource::HostPath {
            path: str_of(h, "path").unwrap_or_default(),
            kind: str_of(h, "type").unwrap_or_default(),
        }
    } else {
        let other = v
            .as_mapping()
            .and_then(|m| m.keys().filter_map(Value::as_str).find(|k| *k != "name"))
            .unwrap_or("unknown");
        VolumeSource::Other(other.to_string())
    };
    Volume { name, source }
}

/// A liveness, readiness or startup probe, with the API defaults.
pub fn probe(v: &Value) -> Probe {
    let d = Probe::default();
    let handler = if let Some(h) = get(v, "httpGet") {
        ProbeHandler::HttpGet {
            path: str_of(h, "path").unwrap_or_else(|| "/".into()),
            port: port_ref(get(h, "port")),
            scheme: str_of(h, "scheme").unwrap_or_else(|| "HTTP".into()),
        }
    } else if let Some(t) = get(v, "tcpSocket") {
        ProbeHandler::TcpSocket {
            port: port_ref(get(t, "port")),
        }
    } else if let Some(g) = get(v, "grpc") {
        ProbeHandler::Grpc {
            port: u64_of(g, "port")
                .and_then(|p| u16::try_from(p).ok())
                .unwrap_or(0),
        }
    } else {
        ProbeHandler::Exec {
            command: get(v, "exec")
                .map(|e| strings(e, "command"))
                .unwrap_or_default(),
        }
    };
    Probe {
        handler,
        initial_delay_seconds: u32_of(v, "initialDelaySeconds").unwrap_or(d.initial_delay_seconds),
        period_seconds: u32_of(v, "periodSeconds").unwrap_or(d.period_seconds),
        timeout_seconds: u32_of(v, "timeoutSeconds").unwrap_or(d.timeout_seconds),
        failure_threshold: u32_of(v, "failureThreshold").unwrap_or(d.failure_threshold),
        success_threshold: u32_of(v, "successThreshold").unwrap_or(d.success_threshold),
    }
}
