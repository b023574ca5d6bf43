//! The data behind volumes that outlive a pod: PersistentVolumes (by the
//! PersistentVolume's oid) and hostPath folders (by node and path). The
//! kubelets read and write them; a PersistentVolume's data goes when the
//! volume is deleted. An emptyDir lives in its pod and dies with it.
//! <https://kubernetes.io/docs/concepts/storage/persistent-volumes/>

use super::fs::Files;
use super::stored::Oid;
use std::collections::BTreeMap;

/// Where a volume's data lives.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum DiskKey {
    Persistent(Oid),
    HostPath { node: String, path: String },
}

#[derive(Debug, Clone, Default)]
pub struct Disks {
    data: BTreeMap<DiskKey, Files>,
}

impl Disks {
    pub fn files(&self, key: &DiskKey) -> Option<&Files> {
        self.data.get(key)
    }

    pub fn files_mut(&mut self, key: DiskKey) -> &mut Files {
        self.data.entry(key).or_default()
    }

    /// A PersistentVolume was deleted: its data goes with it.
    pub fn forget_volume(&mut self, pv: Oid) {
        self.data.remove(&DiskKey::Persistent(pv));
    }

    pub fn len(&self) -> usize {
        self.data.len()
    }

    pub fn is_empty(&self) -> bool {
        self.data.is_empty()
    }
}
