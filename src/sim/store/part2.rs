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

impl Store {
    /// The metadata of a part-two object by its table and oid.
    pub fn part2_meta(&self, res: Res, oid: Oid) -> Option<&Meta> {
        let p = &self.part2;
        match res {
            Res::ConfigMap => p.configmaps.get(oid).map(|o| &o.meta),
            Res::Secret => p.secrets.get(oid).map(|o| &o.meta),
            Res::StatefulSet => p.statefulsets.get(oid).map(|o| &o.meta),
            Res::CronJob => p.cronjobs.get(oid).map(|o| &o.meta),
            Res::PersistentVolume => p.persistentvolumes.get(oid).map(|o| &o.meta),
            Res::PersistentVolumeClaim => p.persistentvolumeclaims.get(oid).map(|o| &o.meta),
            Res::StorageClass => p.storageclasses.get(oid).map(|o| &o.meta),
            Res::ResourceQuota => p.resourcequotas.get(oid).map(|o| &o.meta),
            Res::LimitRange => p.limitranges.get(oid).map(|o| &o.meta),
            _ => None,
        }
    }

    /// The metadata of any object but a Node or Event, by kind and name.
    pub fn meta_of(&self, kind: crate::sim::objects::Kind, ns: &str, name: &str) -> Option<&Meta> {
        use crate::sim::objects::Kind;
        let oid = self.oid_of(kind, ns, name)?;
        match kind {
            Kind::Pod => self.pods().get(oid).map(|o| &o.meta),
            Kind::ReplicaSet => self.replicasets().get(oid).map(|o| &o.meta),
            Kind::Deployment => self.deployments().get(oid).map(|o| &o.meta),
            Kind::Job => self.jobs().get(oid).map(|o| &o.meta),
            Kind::Service => self.services().get(oid).map(|o| &o.meta),
            Kind::Node | Kind::Event => None,
            other => self.part2_meta(Res::of(other)?, oid),
        }
    }
}
