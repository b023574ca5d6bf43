//! The StatefulSet controller: pods with stable names `<set>-0`, `<set>-1`,
//! ... and stable DNS names through the headless Service
//! (`web-0.nginx.default.svc.cluster.local`), each with its own
//! PersistentVolumeClaims (`<claim>-<set>-<ordinal>`), which outlive the
//! pods. With `OrderedReady` (the default) pod N is created only when pods
//! 0..N-1 are Running and Ready, and scale-down removes the highest
//! ordinal first, one pod at a time. A rolling update replaces pods from
//! the highest ordinal down (those at or above `partition`).
//! <https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/>

use super::emit;
use crate::sim::apiserver::ApiServer;
use crate::sim::events::{EventType, ObjRef};
use crate::sim::names;
use crate::sim::objects::*;
use crate::sim::store::{Res, WatchEvent};
use crate::sim::stored::*;
use std::collections::BTreeSet;

const SOURCE: &str = "statefulset-controller";
pub const REVISION_LABEL: &str = "controller-revision-hash";
pub const POD_NAME_LABEL: &str = "statefulset.kubernetes.io/pod-name";
pub const POD_INDEX_LABEL: &str = "apps.kubernetes.io/pod-index";

#[derive(Debug, Clone, Default)]
pub struct StatefulSetController {
    dirty: BTreeSet<Oid>,
}

impl StatefulSetController {
    pub fn step(&mut self, window: &[WatchEvent], api: &mut ApiServer) {
        for ev in window {
            match ev.res {
                Res::StatefulSet => {
                    self.dirty.insert(ev.oid);
                }
                Res::Pod => {
                    if let Some(owner) = ev.owner
                        && api.store().statefulsets().get(owner).is_some()
                    {
                        self.dirty.insert(owner);
                    }
                }
                _ => {}
            }
        }
        for oid in std::mem::take(&mut self.dirty) {
            sync(oid, api);
        }
    }
}

/// `<set>-<hash>`: the revision of a template.
pub fn revision(st: &StatefulSet) -> String {
    format!(
        "{}-{}",
        st.meta.name,
        names::template_hash(&st.spec.template)
    )
}

/// The ordinal of a pod named `<set>-<n>`.
pub fn ordinal(set: &str, pod: &str) -> Option<u32> {
    pod.strip_prefix(set)?.strip_prefix('-')?.parse().ok()
}

fn healthy(p: &Pod) -> bool {
    p.status.phase == Phase::Running && p.is_ready() && p.meta.deletion_ms.is_none()
}

fn object(st: &StatefulSet) -> ObjRef {
    ObjRef::new(Kind::StatefulSet, &st.meta.namespace, &st.meta.name)
}

/// The pod for ordinal `n`, from the template, with its claims.
fn new_pod(st: &StatefulSet, n: u32, rev: &str) -> Object {
    let name = format!("{}-{n}", st.meta.name);
    let mut meta = ObjectMeta::named(name.clone());
    meta.namespace = st.meta.namespace.clone();
    meta.labels = st.spec.template.labels.clone();
    meta.labels.insert(REVISION_LABEL.into(), rev.to_string());
    meta.labels.insert(POD_NAME_LABEL.into(), name.clone());
    meta.labels.insert(POD_INDEX_LABEL.into(), n.to_string());
    meta.annotations = st.spec.template.annotations.clone();
    let mut spec = st.spec.template.spec.clone();
    spec.hostname = Some(name.clone());
    if !st.spec.service_name.is_empty() {
        spec.subdomain = Some(st.spec.service_name.clone());
    }
    for t in &st.spec.volume_claim_templates {
        spec.volumes.retain(|v| v.name != t.name);
        spec.volumes.push(Volume {
            name: t.name.clone(),
            source: VolumeSource::PersistentVolumeClaim {
                claim_name: format!("{}-{name}", t.name),
                read_only: false,
            },
        });
    }
    Object {
        meta,
        spec: Spec::Pod(spec),
    }
}

/// Create the claims of pod `pod` that do not exist yet.
fn ensure_claims(api: &mut ApiServer, st: &StatefulSet, pod: &str) {
    for t in &st.spec.volume_claim_templates {
        let claim = format!("{}-{pod}", t.name);
        if api
            .store()
            .persistentvolumeclaims()
            .find(&st.meta.namespace, &claim)
            .is_some()
        {
            continue;
        }
        let mut meta = ObjectMeta::named(claim.clone());
        meta.namespace = st.meta.namespace.clone();
        meta.labels = t.labels.clone();
        meta.labels.extend(st.spec.selector.match_labels.clone());
        let obj = Object {
            meta,
            spec: Spec::PersistentVolumeClaim(t.spec.clone()),
        };
        let (reason, msg) = match api.create(obj, None, false) {
            Ok(_) => (
                "SuccessfulCreate",
                format!(
                    "create Claim {claim} Pod {pod} in StatefulSet {} success",
                    st.meta.name
                ),
            ),
            Err(e) => (
                "FailedCreate",
                format!(
                    "create Claim {claim} for Pod {pod} in StatefulSet {} failed error: {}",
                    st.meta.name,
                    e.to_string()
                        .trim_start_matches("Error from server (Forbidden): ")
                ),
            ),
        };
        let t = if reason == "FailedCreate" {
            EventType::Warning
        } else {
            EventType::Normal
        };
        emit(api, SOURCE, t, object(st), reason, msg);
    }
}

fn create(api: &mut ApiServer, st: &StatefulSet, n: u32, rev: &str) -> bool {
    let name = format!("{}-{n}", st.meta.name);
    ensure_claims(api, st, &name);
    let owner = OwnerRef::new(Kind::StatefulSet, &st.meta.name, &st.meta.uid, st.meta.oid);
    match api.create(new_pod(st, n, rev), Some(owner), false) {
        Ok(_) => {
            emit(
                api,
                SOURCE,
                EventType::Normal,
                object(st),
                "SuccessfulCreate",
                format!(
                    "create Pod {name} in StatefulSet {} successful",
                    st.meta.name
                ),
            );
            true
        }
        Err(e) => {
            emit(
                api,
                SOURCE,
                EventType::Warning,
                object(st),
                "FailedCreate",
                format!(
                    "create Pod {name} in StatefulSet {} failed error: {}",
                    st.meta.name,
                    e.to_string()
                        .trim_start_matches("Error from server (Forbidden): ")
                ),
            );
            false
        }
    }
}

fn delete(api: &mut ApiServer, st: &StatefulSet, p: &Pod) {
    if api.delete_pod(p.meta.oid, None).is_ok() {
        emit(
            api,
            SOURCE,
            EventType::Normal,
            object(st),
            "SuccessfulDelete",
            format!(
                "delete Pod {} in StatefulSet {} successful",
                p.meta.name, st.meta.name
            ),
        );
    }
}

fn sync(oid: Oid, api: &mut ApiServer) {
    let Some(st) = api.store().statefulsets().get(oid).cloned() else {
        return;
    };
    let rev = revision(&st);
    let ordered = st.spec.pod_management_policy == PodManagement::OrderedReady;
    let pods: Vec<Pod> = api.store().pods_owned_by(oid).cloned().collect();
    let by_ordinal = |n: u32| {
        pods.iter()
            .find(|p| ordinal(&st.meta.name, &p.meta.name) == Some(n))
    };
    let want = st.spec.replicas;
    // Scale up (and replace pods that failed or were deleted), in order.
    for n in 0..want {
        match by_ordinal(n) {
            None => {
                if create(api, &st, n, &rev) && ordered {
                    break;
                }
                if ordered {
                    break;
                }
            }
            Some(p) if p.status.phase.is_terminal() && p.meta.deletion_ms.is_none() => {
                delete(api, &st, p);
                if ordered {
                    break;
                }
            }
            Some(p) if ordered && !healthy(p) => break,
            Some(_) => {}
        }
    }
    let all_up = (0..want).all(|n| by_ordinal(n).is_some_and(healthy));
    // Scale down from the highest ordinal.
    let mut extra: Vec<&Pod> = pods
        .iter()
        .filter(|p| ordinal(&st.meta.name, &p.meta.name).is_none_or(|n| n >= want))
        .collect();
    extra.sort_by_key(|p| std::cmp::Reverse(ordinal(&st.meta.name, &p.meta.name)));
    if !extra.is_empty() {
        if ordered {
            let terminating = extra.iter().any(|p| p.meta.deletion_ms.is_some());
            if !terminating && all_up {
                delete(api, &st, extra[0]);
            }
        } else {
            for p in extra.iter().filter(|p| p.meta.deletion_ms.is_none()) {
                delete(api, &st, p);
            }
        }
    } else if all_up && let StatefulSetUpdate::RollingUpdate { partition } = st.spec.update_strategy
    {
        // Rolling update: the highest ordinal not yet at the update revision.
        let stale = (partition..want)
            .rev()
            .filter_map(by_ordinal)
            .find(|p| p.meta.labels.get(REVISION_LABEL) != Some(&rev));
        if let Some(p) = stale {
            delete(api, &st, p);
        }
    }
    update_status(api, oid, &rev);
}

fn update_status(api: &mut ApiServer, oid: Oid, rev: &str) {
    let Some(st) = api.store().statefulsets().get(oid) else {
        return;
    };
    let mut s = StatefulSetStatus {
        observed_generation: st.meta.generation,
        update_revision: rev.to_string(),
        current_revision: st.status.current_revision.clone(),
        conditions: st.status.conditions.clone(),
        ..Default::default()
    };
    let mut revisions = BTreeSet::new();
    for p in api
        .store()
        .pods_owned_by(oid)
        .filter(|p| p.meta.deletion_ms.is_none())
    {
        s.replicas += 1;
        if p.is_ready() {
            s.ready += 1;
            s.available += 1;
        }
        let r = p
            .meta
            .labels
            .get(REVISION_LABEL)
            .cloned()
            .unwrap_or_default();
        if r == rev {
            s.updated += 1;
        }
        revisions.insert(r);
    }
    if s.current_revision.is_empty() || (s.updated == st.spec.replicas && s.updated == s.replicas) {
        s.current_revision = rev.to_string();
    }
    s.current = api
        .store()
        .pods_owned_by(oid)
        .filter(|p| p.meta.labels.get(REVISION_LABEL) == Some(&s.current_revision))
        .count() as u32;
    api.update::<StatefulSet>(oid, |x| x.status = s);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinals_are_read_from_pod_names() {
        assert_eq!(ordinal("web", "web-0"), Some(0));
        assert_eq!(ordinal("web", "web-12"), Some(12));
        assert_eq!(ordinal("web", "webx-1"), None);
        assert_eq!(ordinal("web", "web-a"), None);
    }
}
