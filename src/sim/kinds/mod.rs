//! The kinds and fields part two of the course adds to the object model:
//! what a container reads from ConfigMaps and Secrets (env, envFrom,
//! mounted volumes), its probes, and the objects ConfigMap, Secret,
//! StatefulSet, CronJob, PersistentVolume, PersistentVolumeClaim,
//! StorageClass, ResourceQuota and LimitRange, each with the status the
//! cluster keeps for it. [`super::objects`] and [`super::stored`] re-export
//! everything here.

mod config;
mod container;
mod cronjob;
mod policy;
mod statefulset;
mod storage;
mod volume;

pub use config::*;
pub use container::*;
pub use cronjob::*;
pub use policy::*;
pub use statefulset::*;
pub use storage::*;
pub use volume::*;
