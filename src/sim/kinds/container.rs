//! What a container is given besides its image and command: environment
//! variables (literal, from a ConfigMap or Secret key, from a field of the
//! pod), whole ConfigMaps or Secrets as variables (`envFrom`), volume
//! mounts, and the probes the kubelet runs against it.
//! <https://kubernetes.io/docs/tasks/inject-data-application/define-environment-variable-container/>
//! <https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/>

use crate::sim::objects::PortRef;
use serde::{Deserialize, Serialize};

/// Where the value of an environment variable comes from (`valueFrom`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Hash)]
pub enum EnvSource {
    /// `configMapKeyRef`
    ConfigMapKey {
        name: String,
        key: String,
        optional: bool,
    },
    /// `secretKeyRef`
    SecretKey {
        name: String,
        key: String,
        optional: bool,
    },
    /// `fieldRef.fieldPath` (`metadata.name`, `status.podIP`, ...).
    Field(String),
    /// `resourceFieldRef.resource` (`limits.memory`, `requests.cpu`).
    Resource(String),
}

/// One entry of `env`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Hash)]
pub struct EnvVar {
    pub name: String,
    /// `value`; `$(OTHER)` references are expanded by the kubelet.
    pub value: Option<String>,
    pub value_from: Option<EnvSource>,
}

impl EnvVar {
    pub fn literal(name: &str, value: &str) -> Self {
        EnvVar {
            name: name.to_string(),
            value: Some(value.to_string()),
            value_from: None,
        }
    }
}

/// Which object `envFrom` takes every key of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Hash)]
pub enum EnvFromKind {
    ConfigMap,
    Secret,
}

/// One entry of `envFrom`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Hash)]
pub struct EnvFromSource {
    pub kind: EnvFromKind,
    pub name: String,
    pub prefix: Option<String>,
    pub optional: bool,
}

/// One entry of `volumeMounts`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Hash)]
pub struct VolumeMount {
    pub name: String,
    pub mount_path: String,
    pub read_only: bool,
    /// Mount one file or folder of the volume; a ConfigMap mounted this way
    /// is never updated.
    pub sub_path: Option<String>,
}

/// What a probe does.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Hash)]
pub enum ProbeHandler {
    /// `httpGet`: success is a status code from 200 to 399.
    HttpGet {
        path: String,
        port: PortRef,
        scheme: String,
    },
    /// `tcpSocket`: success is an accepted connection.
    TcpSocket { port: PortRef },
    /// `exec`: success is exit code 0.
    Exec { command: Vec<String> },
    /// `grpc`: the gRPC health-checking protocol on a port.
    Grpc { port: u16 },
}

impl ProbeHandler {
    /// The handler as `kubectl describe` prints it: `http-get
    /// http://:8080/healthz`, `tcp-socket :6379`, `exec [cat /tmp/healthy]`.
    pub fn describe(&self) -> String {
        let port = |p: &PortRef| match p {
            PortRef::Number(n) => n.to_string(),
            PortRef::Name(n) => n.clone(),
        };
        match self {
            ProbeHandler::HttpGet {
                path,
                port: p,
                scheme,
            } => {
                format!(
                    "http-get {}://:{}{}",
                    scheme.to_ascii_lowercase(),
                    port(p),
                    path
                )
            }
            ProbeHandler::TcpSocket { port: p } => format!("tcp-socket :{}", port(p)),
            ProbeHandler::Exec { command } => format!("exec [{}]", command.join(" ")),
            ProbeHandler::Grpc { port: p } => format!("grpc <pod>:{p} "),
        }
    }
}
