//! The PersistentVolume controller and the cluster's volume provisioner:
//! a claim binds to an Available PersistentVolume of its class that is big
//! enough and offers its access modes (the smallest such); a claim whose
//! StorageClass has a provisioner gets a new volume `pvc-<claim uid>`
//! (`Immediate` binding at once, `WaitForFirstConsumer` once a pod uses
//! it). When a bound claim is deleted its volume is deleted (`Delete`) or
//! kept as `Released` (`Retain`).
//! The default cluster has a default StorageClass `standard` (provisioner
//! `k8s.io/minikube-hostpath`, Immediate), as minikube does.
//! <https://kubernetes.io/docs/concepts/storage/persistent-volumes/#lifecycle-of-a-volume-and-claim>
//! <https://kubernetes.io/docs/concepts/storage/dynamic-provisioning/>

use super::emit;
use crate::sim::apiserver::ApiServer;
use crate::sim::events::{EventType, ObjRef};
use crate::sim::objects::*;
use crate::sim::store::{Op, Res, WatchEvent};
use crate::sim::stored::*;
use std::collections::{BTreeMap, BTreeSet};

const SOURCE: &str = "persistentvolume-controller";
pub const DEFAULT_CLASS: &str = "standard";
pub const PROVISIONER: &str = "k8s.io/minikube-hostpath";
/// How long the provisioner takes to create a volume.
const PROVISION_MS: u64 = 1_000;

/// The default StorageClass of the default cluster.
pub fn default_storage_class() -> Object {
    let mut meta = ObjectMeta::named(DEFAULT_CLASS);
    meta.namespace = String::new();
    meta.annotations
        .insert(DEFAULT_CLASS_ANNOTATION.into(), "true".into());
    meta.labels.insert(
        "addonmanager.kubernetes.io/mode".into(),
        "EnsureExists".into(),
    );
    Object {
        meta,
        spec: Spec::StorageClass(StorageClassSpec {
            provisioner: PROVISIONER.into(),
            parameters: BTreeMap::new(),
            reclaim_policy: ReclaimPolicy::Delete,
            volume_binding_mode: BindingMode::Immediate,
            allow_volume_expansion: false,
        }),
    }
}

#[derive(Debug, Clone, Default)]
pub struct VolumeBinder {
    dirty: BTreeSet<Oid>,
    /// Claims whose volume is being provisioned: when it will be ready.
    provisioning: BTreeMap<Oid, u64>,
    /// Bound claims: claim oid -> volume oid (to reclaim on delete).
    bound: BTreeMap<Oid, Oid>,
}

impl VolumeBinder {
    pub fn step(&mut self, window: &[WatchEvent], api: &mut ApiServer) {
        let mut recheck_waiting = false;
        for ev in window {
            match (ev.res, ev.op) {
                (Res::PersistentVolumeClaim, Op::Deleted) => {
                    self.provisioning.remove(&ev.oid);
                    if let Some(pv) = self.bound.remove(&ev.oid) {
                        reclaim(api, pv);
                    }
                }
                (Res::PersistentVolumeClaim, _) => {
                    self.dirty.insert(ev.oid);
                }
                (Res::PersistentVolume | Res::StorageClass, _) | (Res::Pod, Op::Added) => {
                    // A new volume, class or consumer may let a waiting claim bind.
                    recheck_waiting = true;
                }
                _ => {}
            }
        }
        if recheck_waiting {
            // Once per step, not once per event: a window of 10,000 new
            // pods would otherwise list every claim 10,000 times. Nothing
            // above changes a claim's phase, so the set is the same.
            let waiting = api
                .store()
                .persistentvolumeclaims()
                .iter()
                .filter(|c| c.status.phase == PvcPhase::Pending)
                .map(|c| c.meta.oid);
            self.dirty.extend(waiting);
        }
        let now = api.now();
        let ready: Vec<Oid> = self
            .provisioning
            .iter()
            .filter(|(_, t)| **t <= now)
            .map(|(o, _)| *o)
            .collect();
        for oid in ready {
            self.provisioning.remove(&oid);
            provision(api, oid);
            self.dirty.insert(oid);
        }
        for oid in std::mem::take(&mut self.dirty) {
            self.sync(api, oid, now);
        }
    }

    fn sync(&mut self, api: &mut ApiServer, oid: Oid, now: u64) {
        let Some(claim) = api.store().persistentvolumeclaims().get(oid).cloned() else {
            return;
        };
        let object = ObjRef::new(
            Kind::PersistentVolumeClaim,
            &claim.meta.namespace,
            &claim.meta.name,
        );
        if claim.status.phase == PvcPhase::Bound {
            if let Some(pv) = claim
                .spec
                .volume_name
                .as_deref()
                .and_then(|v| api.store().persistentvolumes().oid_of("", v))
            {
                self.bound.insert(oid, pv);
            }
            return;
        }
        if let Some(pv) = find_volume(api, &claim) {
            bind(api, &claim, pv);
            self.bound.insert(oid, pv);
            return;
        }
        let class = claim.spec.storage_class_name.clone().unwrap_or_default();
        if class.is_empty() {
            emit(
                api,
                SOURCE,
                EventType::Normal,
                object,
                "FailedBinding",
                "no persistent volumes available for this claim and no storage class is set".into(),
            );
            return;
        }
        let Some(sc) = api.store().storageclasses().find("", &class).cloned() else {
            emit(
                api,
                SOURCE,
                EventType::Warning,
                object,
                "ProvisioningFailed",
                format!("storageclass.storage.k8s.io \"{class}\" not found"),
            );
            return;
        };
        if sc.spec.volume_binding_mode == BindingMode::WaitForFirstConsumer
            && !has_consumer(api, &claim)
        {
            emit(
                api,
                SOURCE,
                EventType::Normal,
                object,
                "WaitForFirstConsumer",
                "waiting for first consumer to be created before binding".into(),
            );
            return;
        }
        if self.provisioning.contains_key(&oid) {
            return;
        }
        emit(
            api,
            SOURCE,
            EventType::Normal,
            object.clone(),
            "ExternalProvisioning",
            format!(
                "Waiting for a volume to be created either by the external provisioner '{}' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.",
                sc.spec.provisioner
            ),
        );
        api.record(crate::sim::events::Event::new(
            crate::sim::events::Component::ControllerManager,
            "k8s.io/minikube-hostpath",
            EventType::Normal,
            object,
            "Provisioning",
            format!(
                "External provisioner is provisioning volume for claim \"{}/{}\"",
                claim.meta.namespace, claim.meta.name
            ),
        ));
        self.provisioning.insert(oid, now + PROVISION_MS);
    }
}

fn has_consumer(api: &ApiServer, claim: &PersistentVolumeClaim) -> bool {
    api.store().pods().in_namespace(&claim.meta.namespace).any(|p| {
        p.spec.volumes.iter().any(|v| {
            matches!(&v.source, VolumeSource::PersistentVolumeClaim { claim_name, .. } if *claim_name == claim.meta.name)
        })
    })
}

/// The Available volume the claim can have: named by it, or the smallest
/// of its class that fits.
fn find_volume(api: &ApiServer, claim: &PersistentVolumeClaim) -> Option<Oid> {
    let class = claim.spec.storage_class_name.clone().unwrap_or_default();
    let fits = |v: &PersistentVolume| {
        v.status.phase == PvPhase::Available
            && v.spec.capacity_bytes >= claim.spec.request_bytes
            && claim
                .spec
                .access_modes
                .iter()
                .all(|m| v.spec.access_modes.contains(m))
            && v.spec
                .claim_ref
                .as_ref()
                .is_none_or(|r| r.namespace == claim.meta.namespace && r.name == claim.meta.name)
    };
    if let Some(name) = &claim.spec.volume_name {
        return api
            .store()
            .persistentvolumes()
            .find("", name)
            .filter(|v| fits(v))
            .map(|v| v.meta.oid);
    }
    api.store()
        .persistentvolumes()
        .iter()
        .filter(|v| v.spec.storage_class_name == class && fits(v))
        .min_by_key(|v| {
            (
                v.spec.claim_ref.is_none(),
                v.spec.capacity_bytes,
                v.meta.oid,
            )
        })
        .map(|v| v.meta.oid)
}

fn bind(api: &mut ApiServer, claim: &PersistentVolumeClaim, pv: Oid) {
    let Some(vol) = api.store().persistentvolumes().get(pv).cloned() else {
        return;
    };
    let now = api.now();
    let claim_ref = ClaimRef {
        namespace: claim.meta.namespace.clone(),
        name: claim.meta.name.clone(),
        uid: claim.meta.uid.clone(),
    };
    api.update::<PersistentVolume>(pv, |v| {
        if v.spec.claim_ref.is_none() {
            v.meta
                .annotations
                .insert("pv.kubernetes.io/bound-by-controller".into(), "yes".into());
        }
        v.spec.claim_ref = Some(claim_ref);
        v.status = PvStatus {
            phase: PvPhase::Bound,
            phase_ms: now,
        };
    });
    let provisioner = vol
        .meta
        .annotations
        .get("pv.kubernetes.io/provisioned-by")
        .cloned();
    api.update::<PersistentVolumeClaim>(claim.meta.oid, |c| {
        c.spec.volume_name = Some(vol.meta.name.clone());
        c.status = PvcStatus {
            phase: PvcPhase::Bound,
            capacity_bytes: vol.spec.capacity_bytes,
            access_modes: vol.spec.access_modes.clone(),
        };
        c.meta
            .annotations
            .insert("pv.kubernetes.io/bind-completed".into(), "yes".into());
        c.meta
            .annotations
            .insert("pv.kubernetes.io/bound-by-controller".into(), "yes".into());
        if let Some(p) = provisioner {
            c.meta.annotations.insert(
                "volume.beta.kubernetes.io/storage-provisioner".into(),
                p.clone(),
            );
            c.meta
                .annotations
                .insert("volume.kubernetes.io/storage-provisioner".into(), p);
        }
    });
}

/// Create the volume for a claim of a provisioned class.
fn provision(api: &mut ApiServer, oid: Oid) {
    let Some(claim) = api.store().persistentvolumeclaims().get(oid).cloned() else {
        return;
    };
    let class = claim.spec.storage_class_name.clone().unwrap_or_default();
    let Some(sc) = api.store().storageclasses().find("", &class).cloned() else {
        return;
    };
    let name = format!("pvc-{}", claim.meta.uid);
    let mut meta = ObjectMeta::named(name.clone());
    meta.namespace = String::new();
    meta.annotations.insert(
        "pv.kubernetes.io/provisioned-by".into(),
        sc.spec.provisioner.clone(),
    );
    meta.annotations
        .insert("hostPathProvisionerIdentity".into(), "minikube".into());
    let spec = PvSpec {
        capacity_bytes: claim.spec.request_bytes,
        access_modes: claim.spec.access_modes.clone(),
        reclaim_policy: sc.spec.reclaim_policy,
        storage_class_name: class,
        volume_mode: claim.spec.volume_mode.clone(),
        source: PvSource::HostPath {
            path: format!(
                "/tmp/hostpath-provisioner/{}/{}",
                claim.meta.namespace, claim.meta.name
            ),
        },
        claim_ref: Some(ClaimRef {
            namespace: claim.meta.namespace.clone(),
            name: claim.meta.name.clone(),
            uid: claim.meta.uid.clone(),
        }),
    };
    if api
        .create(
            Object {
                meta,
                spec: Spec::PersistentVolume(spec),
            },
            None,
            false,
        )
        .is_ok()
    {
        api.record(crate::sim::events::Event::new(
            crate::sim::events::Component::ControllerManager,
            "k8s.io/minikube-hostpath",
            EventType::Normal,
            ObjRef::new(
                Kind::PersistentVolumeClaim,
                &claim.meta.namespace,
                &claim.meta.name,
            ),
            "ProvisioningSucceeded",
            format!("Successfully provisioned volume {name}"),
        ));
    }
}

/// The claim of a bound volume was deleted.
fn reclaim(api: &mut ApiServer, pv: Oid) {
    let Some(vol) = api.store().persistentvolumes().get(pv).cloned() else {
        return;
    };
    match vol.spec.reclaim_policy {
        ReclaimPolicy::Delete => {
            api.delete::<PersistentVolume>(pv);
        }
        ReclaimPolicy::Retain => {
            let now = api.now();
            api.update::<PersistentVolume>(pv, |v| {
                v.status = PvStatus {
                    phase: PvPhase::Released,
                    phase_ms: now,
                };
            });
        }
    }
}
