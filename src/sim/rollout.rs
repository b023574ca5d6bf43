//! `kubectl rollout history|undo|pause|resume|restart` on a Deployment (and
//! `restart`/`status` on a StatefulSet). The revisions are the
//! Deployment's ReplicaSets (`deployment.kubernetes.io/revision`), their
//! CHANGE-CAUSE the `kubernetes.io/change-cause` annotation; undo puts an
//! older ReplicaSet's template back into the Deployment, which becomes the
//! newest revision.
//! <https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#rolling-back-a-deployment>

use super::apiserver::ApiError;
use super::cluster::Cluster;
use super::controllers::deployment::{REVISION, TEMPLATE_HASH};
use super::objects::*;
use super::ops::kubectl_name;
use super::store::Res;
use super::stored::*;
use std::collections::BTreeMap;

pub const CHANGE_CAUSE: &str = "kubernetes.io/change-cause";
pub const RESTARTED_AT: &str = "kubectl.kubernetes.io/restartedAt";

/// Annotations a rollback does not copy from the ReplicaSet.
const SKIPPED: [&str; 5] = [
    "kubectl.kubernetes.io/last-applied-configuration",
    REVISION,
    "deployment.kubernetes.io/revision-history",
    "deployment.kubernetes.io/desired-replicas",
    "deployment.kubernetes.io/max-replicas",
];

fn not_found(name: &str) -> String {
    ApiError::NotFound {
        resource: "deployments.apps".into(),
        name: name.into(),
    }
    .to_string()
}

impl Cluster {
    fn deployment_oid(&self, ns: &str, name: &str) -> Result<Oid, String> {
        self.store()
            .deployments()
            .oid_of(ns, name)
            .ok_or_else(|| not_found(name))
    }

    /// The Deployment's revisions: revision -> its ReplicaSet.
    pub fn revisions(&self, ns: &str, name: &str) -> Result<BTreeMap<u64, &ReplicaSet>, String> {
        let oid = self.deployment_oid(ns, name)?;
        let s = self.store();
        Ok(s.children(Res::ReplicaSet, oid)
            .filter_map(|o| s.replicasets().get(o))
            .filter_map(|rs| {
                let r = rs.meta.annotations.get(REVISION)?.parse().ok()?;
                Some((r, rs))
            })
            .collect())
    }

    /// `rollout undo [--to-revision=N]`.
    pub fn rollout_undo(
        &mut self,
        ns: &str,
        name: &str,
        to: Option<u64>,
    ) -> Result<String, String> {
        let oid = self.deployment_oid(ns, name)?;
        let d = self
            .store()
            .deployments()
            .get(oid)
            .cloned()
            .ok_or_else(|| not_found(name))?;
        if d.spec.paused {
            return Err(format!(
                "error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume deployment/{name}' and try again"
            ));
        }
        let revs = self.revisions(ns, name)?;
        let target = match to {
            Some(r) => revs.get(&r).copied().ok_or_else(|| {
                format!("error: unable to find specified revision {r} in history")
            })?,
            None => {
                let mut keys: Vec<u64> = revs.keys().copied().collect();
                keys.pop();
                let prev = keys.pop().ok_or_else(|| {
                    format!("error: no rollout history found for deployment \"{name}\"")
                })?;
                revs[&prev]
            }
        };
        let rev = to.unwrap_or_else(|| {
            target
                .meta
                .annotations
                .get(REVISION)
                .and_then(|r| r.parse().ok())
                .unwrap_or(0)
        });
        let mut template = target.spec.template.clone();
        template.labels.remove(TEMPLATE_HASH);
        let head = kubectl_name(Kind::Deployment, name);
        if template == d.spec.template {
            return Ok(format!(
                "{head} skipped rollback (current template already matches revision {rev})"
            ));
        }
        let mut annotations: Labels = d
            .meta
            .annotations
            .iter()
            .filter(|(k, _)| SKIPPED.contains(&k.as_str()))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        for (k, v) in &target.meta.annotations {
            if !SKIPPED.contains(&k.as_str()) {
                annotations.insert(k.clone(), v.clone());
            }
        }
        self.api.update::<Deployment>(oid, |dep| {
            dep.spec.template = template;
            dep.meta.annotations = annotations;
            dep.meta.generation += 1;
        });
        Ok(format!("{head} rolled back"))
    }

    /// `rollout pause` / `rollout resume`.
    pub fn rollout_pause(&mut self, ns: &str, name: &str, pause: bool) -> Result<String, String> {
        let oid = self.deployment_oid(ns, name)?;
        let paused = self
            .store()
            .deployments()
            .get(oid)
            .is_some_and(|d| d.spec.paused);
        if paused == pause {
            return Err(format!(
                "error: deployments.apps \"{name}\" is {}",
                if pause {
                    "already paused"
                } else {
                    "not paused"
                }
            ));
        }
        self.api.update::<Deployment>(oid, |d| {
            d.spec.paused = pause;
            d.meta.generation += 1;
        });
        Ok(format!(
            "{} {}",
            kubectl_name(Kind::Deployment, name),
            if pause { "paused" } else { "resumed" }
        ))
    }

    /// `rollout restart`: a new template annotation starts a rollout.
    pub fn rollout_restart(&mut self, kind: Kind, ns: &str, name: &str) -> Result<String, String> {
        let stamp = super::timefmt::rfc3339(self.now());
        match kind {
            Kind::Deployment => {
                let oid = self.deployment_oid(ns, name)?;
                if self
                    .store()
                    .deployments()
                    .get(oid)
                    .is_some_and(|d| d.spec.paused)
                {
                    return Err(format!(
                        "error: deployments.apps \"{name}\" can't restart paused deployment (run rollout resume first)"
                    ));
                }
                self.api.update::<Deployment>(oid, |d| {
                    d.spec
                        .template
                        .annotations
                        .insert(RESTARTED_AT.into(), stamp);
                    d.meta.generation += 1;
                });
            }
            _ => {
                let oid = self
                    .store()
                    .statefulsets()
                    .oid_of(ns, name)
                    .ok_or_else(|| {
                        format!(
                            "Error from server (NotFound): statefulsets.apps \"{name}\" not found"
                        )
                    })?;
                self.api.update::<StatefulSet>(oid, |s| {
                    s.spec
                        .template
                        .annotations
                        .insert(RESTARTED_AT.into(), stamp);
                    s.meta.generation += 1;
                });
            }
        }
        Ok(format!("{} restarted", kubectl_name(kind, name)))
    }

    /// `rollout status statefulset/NAME`, read once.
    pub fn statefulset_rollout_status(
        &self,
        ns: &str,
        name: &str,
    ) -> Result<(bool, String), String> {
        let st = self.store().statefulsets().find(ns, name).ok_or_else(|| {
            format!("Error from server (NotFound): statefulsets.apps \"{name}\" not found")
        })?;
        if st.status.observed_generation < st.meta.generation {
            return Ok((
                false,
                "Waiting for statefulset spec update to be observed...".into(),
            ));
        }
        let want = st.spec.replicas;
        if st.status.ready < want {
            return Ok((
                false,
                format!("Waiting for {} pods to be ready...", want - st.status.ready),
            ));
        }
        if st.status.updated < want && st.status.update_revision != st.status.current_revision {
            return Ok((
                false,
                format!(
                    "waiting for statefulset rolling update to complete {} pods at revision {}...",
                    st.status.updated, st.status.update_revision
                ),
            ));
        }
        Ok((
            true,
            format!(
                "statefulset rolling update complete {want} pods at revision {}...",
                st.status.update_revision
            ),
        ))
    }
}

impl Cluster {
    /// `kubectl create job NAME --from=cronjob/CRONJOB`: a Job from the
    /// CronJob's template, marked as started by hand.
    /// <https://kubernetes.io/docs/reference/kubectl/generated/kubectl_create/kubectl_create_job/>
    pub fn job_from_cronjob(&self, ns: &str, cronjob: &str, name: &str) -> Result<Object, String> {
        let cj = self.store().cronjobs().find(ns, cronjob).ok_or_else(|| {
            format!("error: failed to retrieve cronjob: cronjobs.batch \"{cronjob}\" not found")
        })?;
        let mut meta = ObjectMeta::named(name);
        meta.namespace = ns.to_string();
        meta.labels = cj.spec.job_template.labels.clone();
        meta.annotations = cj.spec.job_template.annotations.clone();
        meta.annotations
            .insert("cronjob.kubernetes.io/instantiate".into(), "manual".into());
        Ok(Object {
            meta,
            spec: Spec::Job(cj.spec.job_template.spec.clone()),
        })
    }
}

impl Cluster {
    /// `set image statefulset/NAME CONTAINER=IMAGE`: a template change the
    /// StatefulSet controller rolls out from the highest ordinal down.
    pub fn set_statefulset_image(
        &mut self,
        ns: &str,
        name: &str,
        container: &str,
        image: &str,
    ) -> Result<(), String> {
        let oid = self
            .store()
            .statefulsets()
            .oid_of(ns, name)
            .ok_or_else(|| {
                format!("Error from server (NotFound): statefulsets.apps \"{name}\" not found")
            })?;
        let known = self.store().statefulsets().get(oid).is_some_and(|s| {
            s.spec
                .template
                .spec
                .containers
                .iter()
                .any(|c| c.name == container)
        });
        if !known {
            return Err(format!(
                "error: unable to find container named \"{container}\""
            ));
        }
        self.api.update::<StatefulSet>(oid, |s| {
            for c in &mut s.spec.template.spec.containers {
                if c.name == container && c.image != image {
                    c.image = image.to_string();
                    s.meta.generation += 1;
                }
            }
        });
        Ok(())
    }
}
