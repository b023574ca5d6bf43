//! The tables of the kinds part two of the course adds (ConfigMap, Secret,
//! StatefulSet, CronJob, PersistentVolume, PersistentVolumeClaim,
//! StorageClass, ResourceQuota, LimitRange). Cluster-scoped objects
//! (PersistentVolume, StorageClass) live in namespace "".

use super::table::{Stored, Table};
use super::{Res, Store};
use crate::sim::stored::*;

#[derive(Debug, Clone, Default)]
pub(crate) struct Part2Tables {
    pub(super) configmaps: Table<ConfigMap>,
    pub(super) secrets: Table<Secret>,
    pub(super) statefulsets: Table<StatefulSet>,
    pub(super) cronjobs: Table<CronJob>,
    pub(super) persistentvolumes: Table<PersistentVolume>,
    pub(super) persistentvolumeclaims: Table<PersistentVolumeClaim>,
    pub(super) storageclasses: Table<StorageClass>,
    pub(super) resourcequotas: Table<ResourceQuota>,
    pub(super) limitranges: Table<LimitRange>,
}

impl Part2Tables {
    pub(super) fn len(&self) -> usize {
        self.configmaps.len()
            + self.secrets.len()
            + self.statefulsets.len()
            + self.cronjobs.len()
            + self.persistentvolumes.len()
            + self.persistentvolumeclaims.len()
            + self.storageclasses.len()
            + self.resourcequotas.len()
            + self.limitranges.len()
    }
}

macro_rules! stored {
    ($t:ty, $res:expr, $field:ident) => {
        impl Stored for $t {
            const RES: Res = $res;
            fn meta(&self) -> &Meta {
                &self.meta
            }
            fn meta_mut(&mut self) -> &mut Meta {
                &mut self.meta
            }
            fn table(store: &Store) -> &Table<Self> {
                &store.part2.$field
            }
            fn table_mut(store: &mut Store) -> &mut Table<Self> {
                &mut store.part2.$field
            }
        }
    };
}

stored!(ConfigMap, Res::ConfigMap, configmaps);
stored!(Secret, Res::Secret, secrets);
stored!(StatefulSet, Res::StatefulSet, statefulsets);
stored!(CronJob, Res::CronJob, cronjobs);
stored!(PersistentVolume, Res::PersistentVolume, persistentvolumes);
stored!(
    PersistentVolumeClaim,
    Res::PersistentVolumeClaim,
    persistentvolumeclaims
);
stored!(StorageClass, Res::StorageClass, storageclasses);
stored!(ResourceQuota, Res::ResourceQuota, resourcequotas);
stored!(LimitRange, Res::LimitRange, limitranges);
