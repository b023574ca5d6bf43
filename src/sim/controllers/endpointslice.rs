//! The EndpointSlice controller: for every Service with a selector, slices
//! of at most 100 endpoints listing the matching pods that have an address
//! and have not finished, each with its conditions: `ready` (Ready and not
//! terminating), `serving` (Ready), `terminating` (being deleted).
//! <https://kubernetes.io/docs/concepts/services-networking/endpoint-slices/>

use super::endpoints::{ServicePods, service_ports};
use crate::sim::apiserver::ApiServer;
use crate::sim::store::WatchEvent;
use crate::sim::stored::*;

/// The controller's `--max-endpoints-per-slice` default.
pub const MAX_ENDPOINTS_PER_SLICE: usize = 100;
/// `endpointslice.kubernetes.io/managed-by` of the slices this controller owns.
pub const MANAGED_BY: &str = "endpointslice-controller.k8s.io";

#[derive(Debug, Clone, Default)]
pub struct EndpointSliceController {
    tracked: ServicePods,
}

impl EndpointSliceController {
    pub fn step(&mut self, window: &[WatchEvent], api: &mut ApiServer) {
        for oid in self.tracked.dirty(window, api.store()) {
            self.sync(oid, api);
        }
    }

    fn sync(&mut self, oid: Oid, api: &mut ApiServer) {
        let Some((svc, pods)) = self.tracked.selected(oid, api.store()) else {
            return;
        };
        let mut endpoints = Vec::new();
        for p in &pods {
            let Some(ip) = p.status.pod_ip.clone() else {
                continue;
            };
            if p.status.phase.is_terminal() {
                continue;
            }
            let terminating = p.meta.deletion_ms.is_some();
            endpoints.push(SliceEndpoint {
                address: ip,
                ready: p.is_ready() && !terminating,
                serving: p.is_ready(),
                terminating,
                node: p.node_name.as_deref().map(String::from),
                pod: p.meta.name.clone(),
                pod_uid: p.meta.uid.clone(),
            });
        }
        endpoints.sort_by(|a, b| a.pod.cmp(&b.pod));
        let ports = service_ports(&svc, &pods);
        let existing: Vec<Oid> = api
            .store()
            .endpointslices()
            .in_namespace(&svc.meta.namespace)
            .filter(|e| {
                e.service_name() == Some(svc.meta.name.as_str())
                    && e.meta.owner.as_ref().is_some_and(|o| o.oid == oid)
            })
            .map(|e| e.meta.oid)
            .collect();
        let mut chunks: Vec<Vec<SliceEndpoint>> = endpoints
            .chunks(MAX_ENDPOINTS_PER_SLICE)
            .map(<[SliceEndpoint]>::to_vec)
            .collect();
        if chunks.is_empty() {
            // A Service with no endpoints still has one (empty) slice.
            chunks.push(Vec::new());
        }
        for (i, chunk) in chunks.into_iter().enumerate() {
            api.set_endpoint_slice(
                &svc,
                existing.get(i).copied(),
                chunk,
                ports.clone(),
                Some(MANAGED_BY),
            );
        }
        let used = existing
            .len()
            .min(endpoints.len().div_ceil(MAX_ENDPOINTS_PER_SLICE).max(1));
        for extra in existing.into_iter().skip(used) {
            api.delete::<EndpointSlice>(extra);
        }
    }
}
