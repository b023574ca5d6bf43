//! The resource quota controller: keeps each ResourceQuota's `status.used`
//! up to date as objects come and go in its namespace (admission checks
//! new objects against the same totals).
//! <https://kubernetes.io/docs/concepts/policy/resource-quotas/>

use crate::sim::admission::quota::quota_usage_scoped;
use crate::sim::apiserver::ApiServer;
use crate::sim::store::{Res, WatchEvent};
use crate::sim::stored::*;

#[derive(Debug, Clone, Default)]
pub struct QuotaController;

impl QuotaController {
    pub fn step(&mut self, window: &[WatchEvent], api: &mut ApiServer) {
        if api.store().resourcequotas().is_empty() {
            return;
        }
        let relevant = window.iter().any(|ev| {
            matches!(
                ev.res,
                Res::Pod
                    | Res::Service
                    | Res::ConfigMap
                    | Res::Secret
                    | Res::PersistentVolumeClaim
                    | Res::ReplicaSet
                    | Res::Deployment
                    | Res::Job
                    | Res::StatefulSet
                    | Res::CronJob
                    | Res::ResourceQuota
                    | Res::LimitRange
            )
        });
        if !relevant {
            return;
        }
        let quotas: Vec<(Oid, String)> = api
            .store()
            .resourcequotas()
            .iter()
            .map(|q| (q.meta.oid, q.meta.namespace.clone()))
            .collect();
        for (oid, ns) in quotas {
            let Some(q) = api.store().resourcequotas().get(oid) else {
                continue;
            };
            let used = quota_usage_scoped(api.store(), &ns, &q.spec.hard, &q.spec.scopes);
            let hard = q.spec.hard.clone();
            api.update::<ResourceQuota>(oid, |q| {
                q.status.used = used;
                q.status.hard = hard;
            });
        }
    }
}
