//! The garbage collector: when an owner is deleted, its dependents go too
//! (background cascading deletion: Deployment → ReplicaSets → Pods).
//! <https://kubernetes.io/docs/concepts/architecture/garbage-collection/>

use crate::sim::apiserver::ApiServer;
use crate::sim::events::{Component, ObjRef};
use crate::sim::objects::Kind;
use crate::sim::store::{Op, Res, WatchEvent};
use crate::sim::stored::*;

#[derive(Debug, Clone, Default)]
pub struct GarbageCollector;

impl GarbageCollector {
    pub fn step(&mut self, window: &[WatchEvent], api: &mut ApiServer) {
        for ev in window {
            if ev.op != Op::Deleted
                || !matches!(
                    ev.res,
                    Res::Deployment | Res::ReplicaSet | Res::Job | Res::StatefulSet | Res::CronJob
                )
            {
                continue;
            }
            let rs: Vec<Oid> = api.store().children(Res::ReplicaSet, ev.oid).collect();
            for oid in rs {
                if let Some(r) = api.store().replicasets().get(oid) {
                    let object = ObjRef::new(Kind::ReplicaSet, &r.meta.namespace, &r.meta.name);
                    api.act(
                        Component::ControllerManager,
                        object,
                        "GarbageCollect",
                        "owner deleted: deleting dependent ReplicaSet".into(),
                    );
                }
                api.delete::<ReplicaSet>(oid);
            }
            let jobs: Vec<Oid> = api.store().children(Res::Job, ev.oid).collect();
            for oid in jobs {
                if let Some(j) = api.store().jobs().get(oid) {
                    let object = ObjRef::new(Kind::Job, &j.meta.namespace, &j.meta.name);
                    api.act(
                        Component::ControllerManager,
                        object,
                        "GarbageCollect",
                        "owner deleted: deleting dependent Job".into(),
                    );
                }
                api.delete::<Job>(oid);
            }
            let pods: Vec<Oid> = api.store().children(Res::Pod, ev.oid).collect();
            for oid in pods {
                if let Some(p) = api.store().pods().get(oid) {
                    let object = ObjRef::new(Kind::Pod, &p.meta.namespace, &p.meta.name);
                    api.act(
                        Component::ControllerManager,
                        object,
                        "GarbageCollect",
                        "owner deleted: deleting dependent Pod".into(),
                    );
                }
                let _ = api.delete_pod(oid, None);
            }
        }
    }
}
