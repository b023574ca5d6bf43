//! A ReplicaSet's claim on pods (ClaimPods in the controller manager): it
//! releases the pods it owns whose labels no longer match its selector,
//! and adopts orphan pods that match. Relabelling a pod out of a
//! Deployment takes it out of service and makes the ReplicaSet start a
//! replacement; putting the label back makes it scale one down.
//! <https://kubernetes.io/docs/concepts/workloads/controllers/replicaset/#non-template-pod-acquisitions>

use crate::sim::apiserver::ApiServer;
use crate::sim::events::{Component, ObjRef};
use crate::sim::objects::Kind;
use crate::sim::stored::*;

pub(crate) fn claim_pods(api: &mut ApiServer, rs: &ReplicaSet) {
    let store = api.store();
    let release: Vec<Oid> = store
        .pods_owned_by(rs.meta.oid)
        .filter(|p| !rs.spec.selector.matches(&p.meta.labels))
        .map(|p| p.meta.oid)
        .collect();
    let adopt: Vec<Oid> = if rs.meta.deletion_ms.is_none() && !rs.spec.selector.is_empty() {
        store
            .select_pods(&rs.meta.namespace, &rs.spec.selector)
            .into_iter()
            .filter(|p| p.meta.owner.is_none() && p.is_active())
            .map(|p| p.meta.oid)
            .collect()
    } else {
        Vec::new()
    };
    for oid in release {
        note(
            api,
            oid,
            "released: its labels no longer match the ReplicaSet's selector",
        );
        api.set_pod_owner(oid, None);
    }
    let owner = OwnerRef::new(Kind::ReplicaSet, &rs.meta.name, &rs.meta.uid, rs.meta.oid);
    for oid in adopt {
        note(
            api,
            oid,
            "adopted by a ReplicaSet whose selector it matches",
        );
        api.set_pod_owner(oid, Some(owner.clone()));
    }
}

fn note(api: &mut ApiServer, oid: Oid, what: &str) {
    if let Some(p) = api.store().pods().get(oid) {
        let object = ObjRef::new(Kind::Pod, &p.meta.namespace, &p.meta.name);
        api.act(
            Component::ControllerManager,
            object,
            "ClaimPods",
            what.to_string(),
        );
    }
}
