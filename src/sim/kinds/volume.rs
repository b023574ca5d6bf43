//! A pod's `volumes`: where each named volume's files come from.
//! <https://kubernetes.io/docs/concepts/storage/volumes/>

use serde::{Deserialize, Serialize};

/// One `items` entry of a ConfigMap or Secret volume: which key becomes
/// which file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Hash)]
pub struct KeyToPath {
    pub key: String,
    pub path: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Hash)]
pub enum VolumeSource {
    /// Scratch space created with the pod and deleted with it.
    EmptyDir {
        medium: Option<String>,
        size_limit: Option<u64>,
    },
    /// Each key of a ConfigMap as a file (or only `items`).
    ConfigMap {
        name: String,
        items: Vec<KeyToPath>,
        optional: bool,
        default_mode: Option<u32>,
    },
    /// Each key of a Secret as a file (kept in memory, tmpfs).
    Secret {
        secret_name: String,
        items: Vec<KeyToPath>,
        optional: bool,
        default_mode: Option<u32>,
    },
    /// The volume bound to a claim in the pod's namespace.
    PersistentVolumeClaim { claim_name: String, read_only: bool },
    /// A folder or file of the node (`hostPath`), with its `type` (`""`,
    /// `Directory`, `FileOrCreate`, ...).
    HostPath { path: String, kind: String },
    /// Any other volume plugin (its field name), mounted empty.
    Other(String),
}

impl VolumeSource {
    /// The `Type:` line `kubectl describe pod` prints for the volume.
    pub fn describe_type(&self) -> &'static str {
        match self {
            VolumeSource::EmptyDir { .. } => {
                "EmptyDir (a temporary directory that shares a pod's lifetime)"
            }
            VolumeSource::ConfigMap { .. } => "ConfigMap (a volume populated by a ConfigMap)",
            VolumeSource::Secret { .. } => "Secret (a volume populated by a Secret)",
            VolumeSource::PersistentVolumeClaim { .. } => {
                "PersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)"
            }
            VolumeSource::HostPath { .. } => "HostPath (bare host directory volume)",
            VolumeSource::Other(_) => "Other (a volume the simulator mounts empty)",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Hash)]
pub struct Volume {
    pub name: String,
    pub source: VolumeSource,
}
