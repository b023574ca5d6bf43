//! The ReplicaSet controller: keeps `replicas` pods matching the template
//! alive, creating and deleting pods as needed.
//! <https://kubernetes.io/docs/concepts/workloads/controllers/replicaset/>

use super::emit;
use crate::sim::apiserver::ApiServer;
use crate::sim::events::{EventType, ObjRef};
use crate::sim::objects::*;
use crate::sim::store::{Res, WatchEvent};
use crate::sim::stored::*;
use std::cmp::Reverse;
use std::collections::{BTreeMap, BTreeSet};

/// At most this many pods are created or deleted per sync (the controller's burst).
const BURST: usize = 500;
const SOURCE: &str = "replicaset-controller";

#[derive(Debug, Clone, Default)]
pub struct ReplicaSetController {
    dirty: BTreeSet<Oid>,
}

impl ReplicaSetController {
    pub fn step(&mut self, window: &[WatchEvent], api: &mut ApiServer) {
        for ev in window {
            match ev.res {
                Res::ReplicaSet => {
                    self.dirty.insert(ev.oid);
                }
                Res::Pod => {
                    if let Some(owner) = ev.owner
                        && api.store().replicasets().get(owner).is_some()
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

/// The order pods are deleted in when scaling down (ActivePodsWithRanks):
/// unscheduled, then pending, unknown, not ready, doubled up on a node,
/// more restarts, and newest first.
fn deletion_rank(pod: &Pod, colocated: usize) -> impl Ord {
    let phase = match pod.status.phase {
        Phase::Pending => 0,
        Phase::Unknown => 1,
        _ => 2,
    };
    let ready_since = pod
        .status
        .conditions
        .ready
        .as_ref()
        .filter(|c| c.is_true())
        .map_or(0, |c| c.transition_ms);
    (
        pod.node.is_some(),
        phase,
        pod.is_ready(),
        Reverse(colocated),
        Reverse(ready_since),
        Reverse(pod.restarts()),
        Reverse(pod.meta.creation_ms),
        Reverse(pod.meta.oid),
    )
}

fn sync(oid: Oid, api: &mut ApiServer) {
    let Some(rs) = api.store().replicasets().get(oid).cloned() else {
        return;
    };
    super::adoption::claim_pods(api, &rs);
    let owned: Vec<Pod> = api
        .store()
        .pods_owned_by(oid)
        .filter(|p| p.is_active())
        .cloned()
        .collect();
    let want = rs.spec.replicas as usize;
    let object = ObjRef::new(Kind::ReplicaSet, &rs.meta.namespace, &rs.meta.name);
    if owned.len() < want {
        let owner = OwnerRef::new(Kind::ReplicaSet, &rs.meta.name, &rs.meta.uid, oid);
        let n = (want - owned.len()).min(BURST);
        let namespace = &rs.meta.namespace;
        super::create_pods(api, SOURCE, &rs.spec.template, namespace, owner, &object, n);
    } else if owned.len() > want {
        let mut per_node: BTreeMap<Option<NodeId>, usize> = BTreeMap::new();
        for p in &owned {
            *per_node.entry(p.node).or_default() += 1;
        }
        let mut ranked: Vec<&Pod> = owned.iter().collect();
        ranked.sort_by_key(|p| deletion_rank(p, per_node[&p.node]));
        for p in ranked.into_iter().take((owned.len() - want).min(BURST)) {
            if api.delete_pod(p.meta.oid, None).is_ok() {
                emit(
                    api,
                    SOURCE,
                    EventType::Normal,
                    object.clone(),
                    "SuccessfulDelete",
                    format!("Deleted pod: {}", p.meta.name),
                );
            }
        }
    }
    update_status(oid, api);
}

fn update_status(oid: Oid, api: &mut ApiServer) {
    let Some(rs) = api.store().replicasets().get(oid) else {
        return;
    };
    let mut st = ReplicaSetStatus {
        observed_generation: rs.meta.generation,
        ..Default::default()
    };
    for p in api.store().pods_owned_by(oid).filter(|p| p.is_active()) {
        st.replicas += 1;
        if rs
            .spec
            .template
            .labels
            .iter()
            .all(|(k, v)| p.meta.labels.get(k) == Some(v))
        {
            st.fully_labeled += 1;
        }
        if p.is_ready() {
            st.ready += 1;
            st.available += 1;
        }
    }
    api.update::<ReplicaSet>(oid, |r| r.status = st);
}
