//! A pod's volumes on its node: mounted before the sandbox starts (a
//! ConfigMap or Secret that does not exist keeps the pod in
//! ContainerCreating with `FailedMount` events, retried with back-off),
//! ConfigMap and Secret files refreshed on the kubelet's periodic sync,
//! emptyDir data kept with the pod, PersistentVolume data on the disk.
//! <https://kubernetes.io/docs/concepts/configuration/configmap/#mounted-configmaps-are-updated-automatically>
//! <https://kubernetes.io/docs/concepts/storage/volumes/#emptydir>

use super::*;
use crate::sim::fs::{Files, FsOp};
use crate::sim::objects::{KeyToPath, PodSpec, VolumeMount, VolumeSource};
use crate::sim::shared;
use crate::sim::store::Store;
use crate::sim::volumes::{DiskKey, Disks};

/// The kubelet's periodic sync (`syncFrequency`): mounted ConfigMaps and
/// Secrets are brought up to date this often.
pub const RESYNC_MS: u64 = 60_000;
/// Mount retries back off from 500 ms, doubling, to 2m2s
/// (nestedpendingoperations).
const RETRY_FIRST_MS: u64 = 500;
const RETRY_MAX_MS: u64 = 122_000;
/// After this long, the kubelet reports that it gave up waiting (and keeps trying).
const MOUNT_TIMEOUT_MS: u64 = 120_000;

#[derive(Debug, Clone)]
enum Backing {
    /// ConfigMap or Secret files (read-only), shared with the Pods that
    /// mount the same (see [`crate::sim::shared::volume_files`]).
    Projected(Arc<Files>),
    EmptyDir(Files),
    Disk(DiskKey),
    Nothing,
}

#[derive(Debug, Clone)]
struct Vol {
    name: String,
    source: VolumeSource,
    backing: Backing,
}

#[derive(Debug, Clone)]
pub(crate) struct PodVolumes {
    vols: Vec<Vol>,
    pub mounted: bool,
    retry_at: u64,
    delay_ms: u64,
    first_try: Option<u64>,
    next_timeout_report: u64,
    pub resync_at: u64,
}

/// Files of a ConfigMap or Secret volume: each key (or only `items`).
fn project(values: Vec<(String, String)>, items: &[KeyToPath]) -> Result<Files, String> {
    if items.is_empty() {
        return Ok(values.into_iter().collect());
    }
    let mut out = Files::new();
    for i in items {
        match values.iter().find(|(k, _)| *k == i.key) {
            Some((_, v)) => {
                out.insert(i.path.clone(), v.clone());
            }
            None => return Err(i.key.clone()),
        }
    }
    Ok(out)
}

/// The backing of one volume now, or the FailedMount reason.
fn resolve(store: &Store, ns: &str, node: &str, source: &VolumeSource) -> Result<Backing, String> {
    Ok(match source {
        VolumeSource::EmptyDir { .. } => Backing::EmptyDir(Files::new()),
        VolumeSource::ConfigMap {
            name,
            items,
            optional,
            ..
        } => match store.configmaps().find(ns, name) {
            Some(cm) => {
                let values = cm
                    .keys()
                    .filter_map(|k| cm.value(k).map(|v| (k.clone(), v)))
                    .collect();
                Backing::Projected(shared::volume_files(project(values, items).map_err(
                    |k| format!("configmap references non-existent config key: {k}"),
                )?))
            }
            None if *optional => Backing::Projected(shared::volume_files(Files::new())),
            None => return Err(format!("configmap \"{name}\" not found")),
        },
        VolumeSource::Secret {
            secret_name,
            items,
            optional,
            ..
        } => match store.secrets().find(ns, secret_name) {
            Some(s) => {
                let values = s
                    .data
                    .data
                    .keys()
                    .filter_map(|k| s.value(k).map(|v| (k.clone(), v)))
                    .collect();
                Backing::Projected(shared::volume_files(
                    project(values, items)
                        .map_err(|k| format!("secret references non-existent secret key: {k}"))?,
                ))
            }
            None if *optional => Backing::Projected(shared::volume_files(Files::new())),
            None => return Err(format!("secret \"{secret_name}\" not found")),
        },
        VolumeSource::PersistentVolumeClaim { claim_name, .. } => {
            let claim = store
                .persistentvolumeclaims()
                .find(ns, claim_name)
                .ok_or_else(|| format!("persistentvolumeclaim \"{claim_name}\" not found"))?;
            let pv = claim
                .spec
                .volume_name
                .as_deref()
                .and_then(|v| store.persistentvolumes().find("", v))
                .ok_or_else(|| format!("persistentvolumeclaim \"{claim_name}\" is not bound"))?;
            Backing::Disk(DiskKey::Persistent(pv.meta.oid))
        }
        VolumeSource::HostPath { path, .. } => Backing::Disk(DiskKey::HostPath {
            node: node.to_string(),
            path: path.clone(),
        }),
        VolumeSource::Other(_) => Backing::Nothing,
    })
}

impl PodVolumes {
    pub fn new(spec: &PodSpec, now: u64) -> Option<Box<Self>> {
        if spec.volumes.is_empty() {
            return None;
        }
        Some(Box::new(PodVolumes {
            vols: spec
                .volumes
                .iter()
                .map(|v| Vol {
                    name: v.name.clone(),
                    source: v.source.clone(),
                    backing: Backing::Nothing,
                })
                .collect(),
            mounted: false,
            retry_at: now,
            delay_ms: 0,
            first_try: None,
            next_timeout_report: 0,
            resync_at: 0,
        }))
    }

    /// Mount every volume if the time has come; true once all are mounted.
    pub fn try_mount(&mut self, cx: &mut Cx, id: &Ident) -> bool {
        if self.mounted {
            return true;
        }
        let now = cx.now;
        if now < self.retry_at {
            return false;
        }
        let first = *self.first_try.get_or_insert(now);
        let mut failed = Vec::new();
        for v in &mut self.vols {
            match resolve(cx.api.store(), &id.ns, cx.node, &v.source) {
                Ok(b) => v.backing = b,
                Err(e) => failed.push((v.name.clone(), e)),
            }
        }
        if failed.is_empty() {
            self.mounted = true;
            self.resync_at = now + RESYNC_MS;
            return true;
        }
        for (name, why) in &failed {
            cx.event(
                id,
                None,
                EventType::Warning,
                "FailedMount",
                format!("MountVolume.SetUp failed for volume \"{name}\" : {why}"),
            );
        }
        if now >= first + MOUNT_TIMEOUT_MS && now >= self.next_timeout_report {
            let names: Vec<&str> = failed.iter().map(|(n, _)| n.as_str()).collect();
            cx.event(
                id,
                None,
                EventType::Warning,
                "FailedMount",
                format!(
                    "Unable to attach or mount volumes: unmounted volumes=[{}], unattached volumes=[], failed to process volumes=[]: timed out waiting for the condition",
                    names.join(" ")
                ),
            );
            self.next_timeout_report = now + MOUNT_TIMEOUT_MS;
        }
        self.delay_ms = if self.delay_ms == 0 {
            RETRY_FIRST_MS
        } else {
            (self.delay_ms * 2).min(RETRY_MAX_MS)
        };
        self.retry_at = now + self.delay_ms;
        false
    }

    /// The periodic sync: ConfigMap and Secret files catch up with their objects.
    pub fn resync(&mut self, store: &Store, ns: &str, node: &str, now: u64) {
        if !self.mounted || now < self.resync_at {
            return;
        }
        self.resync_at = now + RESYNC_MS;
        for v in &mut self.vols {
            if matches!(v.backing, Backing::Projected(_))
                && let Ok(b) = resolve(store, ns, node, &v.source)
            {
                v.backing = b;
            }
        }
    }

    /// Whether a ConfigMap or Secret is mounted (so the periodic sync matters).
    pub fn has_projected(&self) -> bool {
        self.vols
            .iter()
            .any(|v| matches!(v.backing, Backing::Projected(_)))
    }

    pub fn next_wake(&self, now: u64) -> Option<u64> {
        let t = if self.mounted {
            self.resync_at
        } else {
            self.retry_at
        };
        (t > now).then_some(t)
    }

    /// The files of volume `name` when it is a ConfigMap, Secret,
    /// downward API or projected volume.
    pub fn projected_files(&self, name: &str) -> Option<&Files> {
        match &self.vols.iter().find(|v| v.name == name)?.backing {
            Backing::Projected(f) => Some(f),
            _ => None,
        }
    }

    /// The files of volume `name` and whether they are read-only.
    pub fn files_of(&self, name: &str, disks: &Disks) -> Option<(Files, bool)> {
        let v = self.vols.iter().find(|v| v.name == name)?;
        Some(match &v.backing {
            Backing::Projected(f) => ((**f).clone(), true),
            Backing::EmptyDir(f) => (f.clone(), false),
            Backing::Disk(k) => (
                disks.files(k).cloned().unwrap_or_default(),
                read_only(&v.source),
            ),
            Backing::Nothing => (Files::new(), false),
        })
    }

    /// Apply a container's file change where the file lives: the volume
    /// mounted at its path, or else the container's layer.
    pub fn apply(
        &mut self,
        op: &FsOp,
        mounts: &[VolumeMount],
        layer: &mut Files,
        disks: &mut Disks,
    ) {
        let path = op.path();
        let mount = mounts
            .iter()
            .filter(|m| m.sub_path.is_none())
            .filter(|m| {
                let mp = crate::sim::fs::clean(&m.mount_path);
                path == mp || path.starts_with(&format!("{mp}/"))
            })
            .max_by_key(|m| m.mount_path.len());
        let Some(m) = mount else {
            op.apply(layer, path);
            return;
        };
        let mp = crate::sim::fs::clean(&m.mount_path);
        let rel = path[mp.len()..].trim_start_matches('/').to_string();
        let Some(v) = self.vols.iter_mut().find(|v| v.name == m.name) else {
            return;
        };
        match &mut v.backing {
            Backing::EmptyDir(f) => op.apply(f, &rel),
            Backing::Disk(k) => op.apply(disks.files_mut(k.clone()), &rel),
            Backing::Projected(_) | Backing::Nothing => {}
        }
    }
}

fn read_only(source: &VolumeSource) -> bool {
    matches!(
        source,
        VolumeSource::PersistentVolumeClaim {
            read_only: true,
            ..
        }
    )
}
