//! The namespace controller: empties a namespace being deleted and removes
//! it once nothing is left in it. Pods go gracefully, so a namespace with
//! running pods stays Terminating until they are gone; its status says
//! what remains.
//! <https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/#deleting-a-namespace>

use crate::sim::apiserver::ApiServer;
use crate::sim::store::{Res, Stored, WatchEvent};
use crate::sim::stored::*;
use std::collections::BTreeSet;

#[derive(Debug, Clone, Default)]
pub struct NamespaceController {
    terminating: BTreeSet<Oid>,
}

fn cond(
    kind: &'static str,
    status: CondStatus,
    reason: &str,
    msg: &str,
    now: u64,
) -> NamespaceCondition {
    NamespaceCondition {
        kind,
        cond: Condition::new(status, now).with(reason, msg),
    }
}

/// Delete every `T` in `ns` (pods gracefully); returns how many are left.
fn sweep<T: Stored>(api: &mut ApiServer, ns: &str) -> usize {
    let oids: Vec<(Oid, bool)> = api
        .store()
        .table::<T>()
        .in_namespace(ns)
        .map(|o| (o.meta().oid, o.meta().deletion_ms.is_some()))
        .collect();
    for (oid, deleting) in &oids {
        if T::RES == Res::Pod {
            if !deleting {
                let _ = api.delete_pod(*oid, None);
            }
        } else {
            api.delete::<T>(*oid);
        }
    }
    api.store().table::<T>().in_namespace(ns).count()
}

impl NamespaceController {
    pub fn step(&mut self, window: &[WatchEvent], api: &mut ApiServer) {
        for ev in window.iter().filter(|e| e.res == Res::Namespace) {
            if api
                .store()
                .namespaces()
                .get(ev.oid)
                .is_some_and(|n| n.phase == NamespacePhase::Terminating)
            {
                self.terminating.insert(ev.oid);
            }
        }
        for oid in self.terminating.clone() {
            if !self.sync(oid, api) {
                self.terminating.remove(&oid);
            }
        }
    }

    /// Returns whether the namespace is still there.
    fn sync(&mut self, oid: Oid, api: &mut ApiServer) -> bool {
        let Some(ns) = api
            .store()
            .namespaces()
            .get(oid)
            .map(|n| n.meta.name.clone())
        else {
            return false;
        };
        // Owners first, so their controllers do not replace what goes.
        let mut left: Vec<(&str, usize)> = vec![
            ("deployments.apps", sweep::<Deployment>(api, &ns)),
            ("daemonsets.apps", sweep::<DaemonSet>(api, &ns)),
            ("statefulsets.apps", sweep::<StatefulSet>(api, &ns)),
            ("cronjobs.batch", sweep::<CronJob>(api, &ns)),
            ("replicasets.apps", sweep::<ReplicaSet>(api, &ns)),
            ("jobs.batch", sweep::<Job>(api, &ns)),
            ("services.", sweep::<Service>(api, &ns)),
            ("endpoints.", sweep::<Endpoints>(api, &ns)),
            (
                "endpointslices.discovery.k8s.io",
                sweep::<EndpointSlice>(api, &ns),
            ),
            ("leases.coordination.k8s.io", sweep::<Lease>(api, &ns)),
            ("pods.", sweep::<Pod>(api, &ns)),
            ("configmaps.", sweep::<ConfigMap>(api, &ns)),
            ("secrets.", sweep::<Secret>(api, &ns)),
            (
                "persistentvolumeclaims.",
                sweep::<PersistentVolumeClaim>(api, &ns),
            ),
            ("resourcequotas.", sweep::<ResourceQuota>(api, &ns)),
            ("limitranges.", sweep::<LimitRange>(api, &ns)),
        ];
        left.retain(|(_, n)| *n > 0);
        left.sort();
        let now = api.now();
        let remaining = if left.is_empty() {
            cond(
                "NamespaceContentRemaining",
                CondStatus::False,
                "ContentRemoved",
                "All content successfully removed",
                now,
            )
        } else {
            let what: Vec<String> = left
                .iter()
                .map(|(r, n)| format!("{r} has {n} resource instances"))
                .collect();
            cond(
                "NamespaceContentRemaining",
                CondStatus::True,
                "SomeResourcesRemain",
                &format!("Some resources are remaining: {}", what.join(", ")),
                now,
            )
        };
        // The conditions of pkg/controller/namespace/deletion.
        let conditions = vec![
            cond(
                "NamespaceDeletionDiscoveryFailure",
                CondStatus::False,
                "ResourcesDiscovered",
                "All resources successfully discovered",
                now,
            ),
            cond(
                "NamespaceDeletionGroupVersionParsingFailure",
                CondStatus::False,
                "ParsedGroupVersions",
                "All legacy kube types successfully parsed",
                now,
            ),
            cond(
                "NamespaceDeletionContentFailure",
                CondStatus::False,
                "ContentDeleted",
                "All content successfully deleted, may be waiting on finalization",
                now,
            ),
            remaining,
            cond(
                "NamespaceFinalizersRemaining",
                CondStatus::False,
                "ContentHasNoFinalizers",
                "All content-preserving finalizers finished",
                now,
            ),
        ];
        api.set_namespace_conditions(oid, conditions);
        if left.is_empty() {
            api.remove_namespace(oid);
            return false;
        }
        true
    }
}
