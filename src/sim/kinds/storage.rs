//! Persistent storage: PersistentVolumes (pieces of storage), the claims
//! pods make on them, and the StorageClasses that provision volumes for
//! claims on demand.
//! <https://kubernetes.io/docs/concepts/storage/persistent-volumes/>
//! <https://kubernetes.io/docs/concepts/storage/storage-classes/>

use crate::sim::stored::Meta;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The annotation that makes a StorageClass the default.
pub const DEFAULT_CLASS_ANNOTATION: &str = "storageclass.kubernetes.io/is-default-class";

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum AccessMode {
    ReadWriteOnce,
    ReadOnlyMany,
    ReadWriteMany,
    ReadWriteOncePod,
}

impl AccessMode {
    pub const ALL: [AccessMode; 4] = [
        AccessMode::ReadWriteOnce,
        AccessMode::ReadOnlyMany,
        AccessMode::ReadWriteMany,
        AccessMode::ReadWriteOncePod,
    ];

    pub fn name(self) -> &'static str {
        match self {
            AccessMode::ReadWriteOnce => "ReadWriteOnce",
            AccessMode::ReadOnlyMany => "ReadOnlyMany",
            AccessMode::ReadWriteMany => "ReadWriteMany",
            AccessMode::ReadWriteOncePod => "ReadWriteOncePod",
        }
    }

    /// The short form `kubectl get pv|pvc` prints (`RWO`).
    pub fn short(self) -> &'static str {
        match self {
            AccessMode::ReadWriteOnce => "RWO",
            AccessMode::ReadOnlyMany => "ROX",
            AccessMode::ReadWriteMany => "RWX",
            AccessMode::ReadWriteOncePod => "RWOP",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        AccessMode::ALL.into_iter().find(|m| m.name() == s)
    }
}

/// `RWO,ROX` as kubectl prints a list of modes.
pub fn access_modes_text(modes: &[AccessMode]) -> String {
    modes
        .iter()
        .map(|m| m.short())
        .collect::<Vec<_>>()
        .join(",")
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ReclaimPolicy {
    /// The volume is deleted with its claim (the default for provisioned volumes).
    #[default]
    Delete,
    /// The volume and its data stay, Released, for an administrator.
    Retain,
}

impl ReclaimPolicy {
    pub fn name(self) -> &'static str {
        match self {
            ReclaimPolicy::Delete => "Delete",
            ReclaimPolicy::Retain => "Retain",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "Delete" => Some(ReclaimPolicy::Delete),
            "Retain" | "Recycle" => Some(ReclaimPolicy::Retain),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum BindingMode {
    #[default]
    Immediate,
    WaitForFirstConsumer,
}

impl BindingMode {
    pub fn name(self) -> &'static str {
        match self {
            BindingMode::Immediate => "Immediate",
            BindingMode::WaitForFirstConsumer => "WaitForFirstConsumer",
        }
    }
}

/// Who a PersistentVolume is bound (or reserved) to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClaimRef {
    pub namespace: String,
    pub name: String,
    pub uid: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PvSpec {
    pub capacity_bytes: u64,
    pub access_modes: Vec<AccessMode>,
    pub reclaim_policy: ReclaimPolicy,
    /// Empty: no class (only claims asking for no class bind to it).
    pub storage_class_name: String,
    pub volume_mode: String,
    /// Where the data lives: `hostPath` path, `csi` driver, ... (for describe).
    pub source: PvSource,
    pub claim_ref: Option<ClaimRef>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum PvSource {
    HostPath { path: String },
    Local { path: String },
    Nfs { server: String, path: String },
    Csi { driver: String, handle: String },
    Other(String),
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum PvPhase {
    #[default]
    Available,
    Bound,
    Released,
    Failed,
}

impl PvPhase {
    pub fn name(self) -> &'static str {
        match self {
            PvPhase::Available => "Available",
            PvPhase::Bound => "Bound",
            PvPhase::Released => "Released",
            PvPhase::Failed => "Failed",
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PvStatus {
    pub phase: PvPhase,
    pub phase_ms: u64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersistentVolume {
    pub meta: Meta,
    pub spec: PvSpec,
    pub status: PvStatus,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PvcSpec {
    pub access_modes: Vec<AccessMode>,
    pub request_bytes: u64,
    /// `None`: the default StorageClass; `Some("")`: no class at all.
    pub storage_class_name: Option<String>,
    /// Ask for one PersistentVolume by name.
    pub volume_name: Option<String>,
    pub volume_mode: String,
}

impl Default for PvcSpec {
    fn default() -> Self {
        PvcSpec {
            access_modes: vec![AccessMode::ReadWriteOnce],
            request_bytes: 0,
            storage_class_name: None,
            volume_name: None,
            volume_mode: "Filesystem".into(),
        }
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum PvcPhase {
    #[default]
    Pending,
    Bound,
    Lost,
}

impl PvcPhase {
    pub fn name(self) -> &'static str {
        match self {
            PvcPhase::Pending => "Pending",
            PvcPhase::Bound => "Bound",
            PvcPhase::Lost => "Lost",
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PvcStatus {
    pub phase: PvcPhase,
    pub capacity_bytes: u64,
    pub access_modes: Vec<AccessMode>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersistentVolumeClaim {
    pub meta: Meta,
    pub spec: PvcSpec,
    pub status: PvcStatus,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StorageClassSpec {
    pub provisioner: String,
    pub parameters: BTreeMap<String, String>,
    pub reclaim_policy: ReclaimPolicy,
    pub volume_binding_mode: BindingMode,
    pub allow_volume_expansion: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StorageClass {
    pub meta: Meta,
    pub spec: StorageClassSpec,
}

impl StorageClass {
    pub fn is_default(&self) -> bool {
        self.meta
            .annotations
            .get(DEFAULT_CLASS_ANNOTATION)
            .is_some_and(|v| v == "true")
    }
}
