//! The Deployment controller: one ReplicaSet per template version, rolled
//! out with maxSurge / maxUnavailable (25 % each by default) or Recreate.
//! <https://kubernetes.io/docs/concepts/workloads/controllers/deployment/>

use super::emit;
use crate::sim::apiserver::ApiServer;
use crate::sim::events::{EventType, ObjRef};
use crate::sim::names;
use crate::sim::objects::*;
use crate::sim::store::{Op, Res, WatchEvent};
use crate::sim::stored::*;
use std::collections::{BTreeMap, BTreeSet};

const SOURCE: &str = "deployment-controller";
pub const REVISION: &str = "deployment.kubernetes.io/revision";
pub const TEMPLATE_HASH: &str = "pod-template-hash";
/// `progressDeadlineSeconds` default.
pub const PROGRESS_DEADLINE_MS: u64 = 600_000;

fn deadline_ms(d: &Deployment) -> u64 {
    u64::from(d.spec.progress_deadline_seconds) * 1000
}

#[derive(Debug, Clone, Default)]
pub struct DeploymentController {
    dirty: BTreeSet<Oid>,
    deadlines: BTreeMap<Oid, u64>,
}

impl DeploymentController {
    pub fn step(&mut self, window: &[WatchEvent], api: &mut ApiServer) {
        for ev in window {
            match ev.res {
                Res::Deployment => {
                    self.dirty.insert(ev.oid);
                }
                Res::ReplicaSet => {
                    if let Some(owner) = ev.owner
                        && api.store().deployments().get(owner).is_some()
                    {
                        self.dirty.insert(owner);
                    }
                }
                // Recreate waits for the old pods to be gone.
                Res::Pod if ev.op == Op::Deleted => {
                    if let Some(d) = ev
                        .owner
                        .and_then(|rs| api.store().replicasets().get(rs))
                        .and_then(|rs| rs.meta.owner.as_ref())
                    {
                        self.dirty.insert(d.oid);
                    }
                }
                _ => {}
            }
        }
        let now = api.now();
        let due: Vec<Oid> = self
            .deadlines
            .iter()
            .filter(|(_, t)| **t <= now)
            .map(|(o, _)| *o)
            .collect();
        for oid in due {
            self.deadlines.remove(&oid);
            self.dirty.insert(oid);
        }
        for oid in std::mem::take(&mut self.dirty) {
            if let Some(deadline) = sync(oid, api) {
                self.deadlines.insert(oid, deadline);
            }
        }
    }
}

fn revision(rs: &ReplicaSet) -> u64 {
    rs.meta
        .annotations
        .get(REVISION)
        .and_then(|r| r.parse().ok())
        .unwrap_or(0)
}

fn scale(api: &mut ApiServer, d: &Deployment, rs: &ReplicaSet, to: u32) {
    let from = rs.spec.replicas;
    if from == to {
        return;
    }
    api.update::<ReplicaSet>(rs.meta.oid, |r| {
        r.spec.replicas = to;
        r.meta.generation += 1;
        r.meta.annotations.insert(
            "deployment.kubernetes.io/desired-replicas".into(),
            d.spec.replicas.to_string(),
        );
    });
    let word = if to > from { "up" } else { "down" };
    emit(
        api,
        SOURCE,
        EventType::Normal,
        ObjRef::new(Kind::Deployment, &d.meta.namespace, &d.meta.name),
        "ScalingReplicaSet",
        format!(
            "Scaled {word} replica set {} from {from} to {to}",
            rs.meta.name
        ),
    );
}

fn owned(api: &ApiServer, oid: Oid) -> Vec<ReplicaSet> {
    let s = api.store();
    s.children(Res::ReplicaSet, oid)
        .filter_map(|o| s.replicasets().get(o).cloned())
        .collect()
}

fn limits(d: &Deployment) -> (u32, u32) {
    match d.spec.strategy {
        DeploymentStrategy::RollingUpdate {
            max_surge,
            max_unavailable,
        } => {
            let surge = max_surge.resolve(d.spec.replicas, true);
            let mut unavailable = max_unavailable.resolve(d.spec.replicas, false);
            if surge == 0 && unavailable == 0 {
                unavailable = 1;
            }
            (surge, unavailable.min(d.spec.replicas))
        }
        DeploymentStrategy::Recreate => (0, d.spec.replicas),
    }
}

/// Reconcile one Deployment; returns when to look again for the progress deadline.
fn sync(oid: Oid, api: &mut ApiServer) -> Option<u64> {
    let d = api.store().deployments().get(oid)?.clone();
    if d.spec.paused {
        return super::deployment_pause::sync_paused(api, &d);
    }
    let hash = names::template_hash(&d.spec.template);
    let mut all = owned(api, oid);
    let mut progressed = false;
    let new_idx = all
        .iter()
        .position(|rs| rs.meta.labels.get(TEMPLATE_HASH) == Some(&hash));
    let new_rs = match new_idx {
        Some(i) => {
            let rs = all.remove(i);
            let max_old = all.iter().map(revision).max().unwrap_or(0);
            if revision(&rs) <= max_old {
                // A rollback to an older template: it becomes the newest revision.
                let rev = (max_old + 1).to_string();
                api.update::<ReplicaSet>(rs.meta.oid, |r| {
                    r.meta.annotations.insert(REVISION.into(), rev);
                });
            }
            super::deployment_pause::copy_annotations(api, &d, rs.meta.oid);
            api.store().replicasets().get(rs.meta.oid).cloned()?
        }
        None => {
            progressed = true;
            create_new_rs(api, &d, &hash, &all)?
        }
    };
    let old: Vec<ReplicaSet> = all;
    match d.spec.strategy {
        DeploymentStrategy::Recreate => {
            let mut old_live = false;
            for rs in &old {
                if rs.spec.replicas > 0 {
                    scale(api, &d, rs, 0);
                    progressed = true;
                }
                if api.store().pods_owned_by(rs.meta.oid).next().is_some() {
                    old_live = true;
                }
            }
            if !old_live && new_rs.spec.replicas != d.spec.replicas {
                scale(api, &d, &new_rs, d.spec.replicas);
                progressed = true;
            }
        }
        DeploymentStrategy::RollingUpdate { .. } => {
            let (surge, unavailable) = limits(&d);
            // reconcileNewReplicaSet
            let total: u32 =
                old.iter().map(|r| r.spec.replicas).sum::<u32>() + new_rs.spec.replicas;
            let mut scaled_up = false;
            if new_rs.spec.replicas > d.spec.replicas {
                scale(api, &d, &new_rs, d.spec.replicas);
                progressed = true;
            } else if new_rs.spec.replicas < d.spec.replicas {
                let max_total = d.spec.replicas + surge;
                if total < max_total {
                    let up = (max_total - total).min(d.spec.replicas - new_rs.spec.replicas);
                    scale(api, &d, &new_rs, new_rs.spec.replicas + up);
                    progressed = true;
                    scaled_up = true;
                }
            }
            // reconcileOldReplicaSets (not in the same pass as a scale-up)
            let new_rs = api.store().replicasets().get(new_rs.meta.oid)?.clone();
            let old_count: u32 = old.iter().map(|r| r.spec.replicas).sum();
            if old_count > 0 && !scaled_up {
                let all_count = old_count + new_rs.spec.replicas;
                let min_available = d.spec.replicas.saturating_sub(unavailable);
                let new_unavailable = new_rs.spec.replicas.saturating_sub(new_rs.status.available);
                let mut budget = all_count as i64 - min_available as i64 - new_unavailable as i64;
                let mut olds: Vec<ReplicaSet> = old.clone();
                olds.sort_by_key(|r| (r.meta.creation_ms, r.meta.oid));
                // Clean up unhealthy replicas first.
                for rs in olds.iter_mut() {
                    if budget <= 0 {
                        break;
                    }
                    let unhealthy = rs.spec.replicas.saturating_sub(rs.status.available);
                    let cut = (unhealthy as i64).min(budget) as u32;
                    if cut > 0 {
                        scale(api, &d, rs, rs.spec.replicas - cut);
                        rs.spec.replicas -= cut;
                        budget -= i64::from(cut);
                        progressed = true;
                    }
                }
                // Then scale down available replicas while staying above minAvailable.
                let available: u32 = olds
                    .iter()
                    .map(|r| r.status.available.min(r.spec.replicas))
                    .sum::<u32>()
                    + new_rs.status.available;
                if available > min_available {
                    let mut left = available - min_available;
                    for rs in &olds {
                        if left == 0 {
                            break;
                        }
                        let cut = rs.spec.replicas.min(left);
                        if cut > 0 {
                            scale(api, &d, rs, rs.spec.replicas - cut);
                            left -= cut;
                            progressed = true;
                        }
                    }
                }
            }
        }
    }
    cleanup_history(api, &d);
    update_status(oid, api, progressed)
}

fn create_new_rs(
    api: &mut ApiServer,
    d: &Deployment,
    hash: &str,
    old: &[ReplicaSet],
) -> Option<ReplicaSet> {
    let mut template = d.spec.template.clone();
    template
        .labels
        .insert(TEMPLATE_HASH.into(), hash.to_string());
    let mut selector = d.spec.selector.clone();
    selector
        .match_labels
        .insert(TEMPLATE_HASH.into(), hash.to_string());
    let rev = old.iter().map(revision).max().unwrap_or(0) + 1;
    let (surge, _) = limits(d);
    let replicas = match d.spec.strategy {
        DeploymentStrategy::Recreate => {
            if old.iter().any(|r| r.spec.replicas > 0) {
                0
            } else {
                d.spec.replicas
            }
        }
        DeploymentStrategy::RollingUpdate { .. } => {
            let current: u32 = old.iter().map(|r| r.spec.replicas).sum();
            (d.spec.replicas + surge)
                .saturating_sub(current)
                .min(d.spec.replicas)
        }
    };
    let mut meta = ObjectMeta::named(format!("{}-{hash}", d.meta.name));
    meta.namespace = d.meta.namespace.clone();
    meta.labels = template.labels.clone();
    meta.annotations = super::deployment_pause::copied_annotations(d);
    meta.annotations.insert(REVISION.into(), rev.to_string());
    meta.annotations.insert(
        "deployment.kubernetes.io/desired-replicas".into(),
        d.spec.replicas.to_string(),
    );
    meta.annotations.insert(
        "deployment.kubernetes.io/max-replicas".into(),
        (d.spec.replicas + surge).to_string(),
    );
    let obj = Object {
        meta,
        spec: Spec::ReplicaSet(ReplicaSetSpec {
            replicas,
            selector,
            template,
        }),
    };
    let owner = OwnerRef::new(Kind::Deployment, &d.meta.name, &d.meta.uid, d.meta.oid);
    let (_, oid) = api.create(obj, Some(owner), false).ok()?;
    let rs = api.store().replicasets().get(oid)?.clone();
    if replicas > 0 {
        emit(
            api,
            SOURCE,
            EventType::Normal,
            ObjRef::new(Kind::Deployment, &d.meta.namespace, &d.meta.name),
            "ScalingReplicaSet",
            format!(
                "Scaled up replica set {} from 0 to {replicas}",
                rs.meta.name
            ),
        );
    }
    api.update::<Deployment>(d.meta.oid, |dep| {
        dep.meta
            .annotations
            .insert(REVISION.into(), rev.to_string());
    });
    Some(rs)
}

/// Keep at most `revisionHistoryLimit` old ReplicaSets scaled to zero.
fn cleanup_history(api: &mut ApiServer, d: &Deployment) {
    let hash = names::template_hash(&d.spec.template);
    let mut idle: Vec<ReplicaSet> = owned(api, d.meta.oid)
        .into_iter()
        .filter(|r| {
            r.meta.labels.get(TEMPLATE_HASH) != Some(&hash)
                && r.spec.replicas == 0
                && r.status.replicas == 0
                && api.store().pods_owned_by(r.meta.oid).next().is_none()
        })
        .collect();
    let limit = d.spec.revision_history_limit as usize;
    if idle.len() > limit {
        idle.sort_by_key(revision);
        for rs in &idle[..idle.len() - limit] {
            api.delete::<ReplicaSet>(rs.meta.oid);
        }
    }
}

pub(super) fn update_status(oid: Oid, api: &mut ApiServer, progressed: bool) -> Option<u64> {
    let d = api.store().deployments().get(oid)?.clone();
    let hash = names::template_hash(&d.spec.template);
    let all = owned(api, oid);
    let now = api.now();
    let mut st = DeploymentStatus {
        observed_generation: d.meta.generation,
        available_cond: d.status.available_cond.clone(),
        progressing_cond: d.status.progressing_cond.clone(),
        ..Default::default()
    };
    let mut spec_total = 0;
    let mut new_name = String::new();
    for rs in &all {
        st.replicas += rs.status.replicas;
        st.ready += rs.status.ready;
        st.available += rs.status.available;
        spec_total += rs.spec.replicas;
        if rs.meta.labels.get(TEMPLATE_HASH) == Some(&hash) {
            st.updated = rs.status.replicas;
            new_name = rs.meta.name.clone();
        }
    }
    st.unavailable = spec_total.saturating_sub(st.available);
    let (_, max_unavailable) = limits(&d);
    let available = st.available >= d.spec.replicas.saturating_sub(max_unavailable);
    set_condition(
        &mut st.available_cond,
        if available {
            Condition::new(CondStatus::True, now).with(
                "MinimumReplicasAvailable",
                "Deployment has minimum availability.",
            )
        } else {
            Condition::new(CondStatus::False, now).with(
                "MinimumReplicasUnavailable",
                "Deployment does not have minimum availability.",
            )
        },
    );
    let complete =
        st.updated == d.spec.replicas && st.replicas == st.updated && st.available >= st.updated;
    let counts_moved = (st.replicas, st.updated, st.ready, st.available)
        != (
            d.status.replicas,
            d.status.updated,
            d.status.ready,
            d.status.available,
        );
    let mut deadline = None;
    let prev = st.progressing_cond.clone();
    let timed_out = prev
        .as_ref()
        .is_some_and(|c| c.reason() == Some("ProgressDeadlineExceeded"));
    let resumed = prev
        .as_ref()
        .is_some_and(|c| c.reason() == Some("DeploymentPaused"));
    if d.spec.paused {
        // A paused Deployment's Progressing condition is the pause's
        // (Unknown, DeploymentPaused, set by `sync_paused`); the controller
        // does not sync the rollout's progress or its deadline while paused
        // (pkg/controller/deployment/sync.go `checkPausedConditions`,
        // deployment_controller.go `syncDeployment`).
    } else if complete {
        let mut c = Condition::new(CondStatus::True, now).with(
            "NewReplicaSetAvailable",
            format!("ReplicaSet \"{new_name}\" has successfully progressed."),
        );
        if let Some(p) = &prev
            && p.reason() == c.reason()
        {
            c.probe_ms = p.probe_ms;
        }
        set_condition(&mut st.progressing_cond, c);
    } else if progressed
        || counts_moved
        || resumed
        || prev.is_none()
        || prev
            .as_ref()
            .is_some_and(|c| c.reason() == Some("NewReplicaSetAvailable"))
    {
        set_condition(
            &mut st.progressing_cond,
            Condition::new(CondStatus::True, now).with(
                "ReplicaSetUpdated",
                format!("ReplicaSet \"{new_name}\" is progressing."),
            ),
        );
        if let Some(c) = &mut st.progressing_cond {
            c.probe_ms = now;
        }
        deadline = Some(now + deadline_ms(&d));
    } else if !timed_out {
        let since = prev.as_ref().map_or(now, |c| c.probe_ms);
        if now >= since + deadline_ms(&d) {
            set_condition(
                &mut st.progressing_cond,
                Condition::new(CondStatus::False, now).with(
                    "ProgressDeadlineExceeded",
                    format!("ReplicaSet \"{new_name}\" has timed out progressing."),
                ),
            );
        } else {
            deadline = Some(since + deadline_ms(&d));
        }
    }
    api.update::<Deployment>(oid, |dep| dep.status = st);
    deadline
}
