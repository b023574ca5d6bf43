//! Two parts of the Deployment controller that `kubectl rollout` leans on:
//! a paused Deployment (`rollout pause`) starts no rollout for template
//! changes and only follows a change of `replicas`, with Progressing
//! `Unknown`/`DeploymentPaused`; and the Deployment's annotations (like
//! `kubernetes.io/change-cause`) are copied to its new ReplicaSet, where
//! `rollout history` reads them.
//! <https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#pausing-and-resuming-a-deployment>

use crate::sim::apiserver::ApiServer;
use crate::sim::controllers::deployment::REVISION;
use crate::sim::objects::*;
use crate::sim::store::Res;
use crate::sim::stored::*;

/// Deployment annotations the controller does not copy to ReplicaSets.
const NOT_COPIED: [&str; 4] = [
    "kubectl.kubernetes.io/last-applied-configuration",
    REVISION,
    "deployment.kubernetes.io/revision-history",
    "deployment.kubernetes.io/desired-replicas",
];

/// The annotations a new ReplicaSet takes from its Deployment.
pub(super) fn copied_annotations(d: &Deployment) -> Labels {
    d.meta
        .annotations
        .iter()
        .filter(|(k, _)| !NOT_COPIED.contains(&k.as_str()))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect()
}

/// Keep the new ReplicaSet's copies of the Deployment's annotations current.
pub(super) fn copy_annotations(api: &mut ApiServer, d: &Deployment, rs: Oid) {
    let want = copied_annotations(d);
    api.update::<ReplicaSet>(rs, |r| {
        for (k, v) in &want {
            r.meta.annotations.insert(k.clone(), v.clone());
        }
    });
}

/// A paused Deployment: scale only, and say it is paused.
pub(super) fn sync_paused(api: &mut ApiServer, d: &Deployment) -> Option<u64> {
    let oid = d.meta.oid;
    let active: Vec<(Oid, u32)> = api
        .store()
        .children(Res::ReplicaSet, oid)
        .filter_map(|o| api.store().replicasets().get(o))
        .filter(|r| r.spec.replicas > 0)
        .map(|r| (r.meta.oid, r.spec.replicas))
        .collect();
    if let [(rs, n)] = active.as_slice()
        && *n != d.spec.replicas
    {
        let to = d.spec.replicas;
        api.update::<ReplicaSet>(*rs, |r| {
            r.spec.replicas = to;
            r.meta.generation += 1;
        });
    }
    super::deployment::update_status(oid, api, false);
    let now = api.now();
    api.update::<Deployment>(oid, |dep| {
        let timed_out = dep
            .status
            .progressing_cond
            .as_ref()
            .is_some_and(|c| c.reason() == Some("ProgressDeadlineExceeded"));
        if !timed_out {
            set_condition(
                &mut dep.status.progressing_cond,
                Condition::new(CondStatus::Unknown, now)
                    .with("DeploymentPaused", "Deployment is paused"),
            );
        }
    });
    None
}
