//! The Endpoints controller: for every Service with a selector, the
//! addresses of the matching pods, Ready ones in `addresses` and the others
//! in `notReadyAddresses`. Terminating pods are left out.
//! <https://kubernetes.io/docs/concepts/services-networking/service/#endpoints>

use crate::sim::apiserver::ApiServer;
use crate::sim::objects::*;
use crate::sim::store::{Op, Res, Store, WatchEvent};
use crate::sim::stored::*;
use std::collections::{BTreeMap, BTreeSet};

#[derive(Debug, Clone, Default)]
pub struct EndpointsController {
    tracked: ServicePods,
}

impl EndpointsController {
    pub fn step(&mut self, window: &[WatchEvent], api: &mut ApiServer) {
        for oid in self.tracked.dirty(window, api.store()) {
            self.sync(oid, api);
        }
    }

    fn sync(&mut self, oid: Oid, api: &mut ApiServer) {
        let Some((svc, pods)) = self.tracked.selected(oid, api.store()) else {
            return;
        };
        let (mut ready, mut not_ready) = (Vec::new(), Vec::new());
        let mut ports: Vec<EndpointPort> = Vec::new();
        for p in &pods {
            let Some(ip) = p.status.pod_ip.clone() else {
                continue;
            };
            if p.status.phase.is_terminal() || p.meta.deletion_ms.is_some() {
                continue;
            }
            let addr = EndpointAddress {
                ip,
                node: p.node_name.as_deref().map(String::from),
                pod: p.meta.name.clone(),
                pod_oid: p.meta.oid,
            };
            if p.is_ready() {
                ready.push(addr);
            } else {
                not_ready.push(addr);
            }
        }
        ports.extend(service_ports(&svc, &pods));
        ready.sort();
        not_ready.sort();
        api.set_endpoints(&svc, ready, not_ready, ports);
    }
}

/// The Services (with a selector) in the pod's namespace whose selector the
/// pod's labels match.
pub(crate) fn selected_services(store: &Store, pod: &Pod) -> Vec<Oid> {
    store
        .services()
        .in_namespace(&pod.meta.namespace)
        .filter(|svc| {
            !svc.spec.selector.is_empty()
                && svc
                    .spec
                    .selector
                    .iter()
                    .all(|(k, v)| pod.meta.labels.get(k) == Some(v))
        })
        .map(|svc| svc.meta.oid)
        .collect()
}

/// The endpoint ports of a Service: each port's target, a number or the
/// container port of that name in the selected pods.
pub(crate) fn service_ports(svc: &Service, pods: &[Pod]) -> Vec<EndpointPort> {
    let mut ports = Vec::new();
    for sp in &svc.spec.ports {
        let port = match &sp.target_port {
            PortRef::Number(n) => Some(*n),
            PortRef::Name(name) => pods.iter().find_map(|p| {
                p.spec
                    .containers
                    .iter()
                    .flat_map(|c| &c.ports)
                    .find(|cp| cp.name.as_deref() == Some(name.as_str()))
                    .map(|cp| cp.container_port)
            }),
        };
        if let Some(port) = port {
            ports.push(EndpointPort {
                name: sp.name.clone(),
                port,
                protocol: sp.protocol,
            });
        }
    }
    ports
}

/// What the Endpoints and EndpointSlice controllers both follow: which
/// Services need their endpoints computed again after a window of watch
/// events, and which Services each Pod was last counted in (so a Pod that
/// leaves a selector, or is deleted, marks the Services it was in).
#[derive(Debug, Clone, Default)]
pub(crate) struct ServicePods {
    dirty: BTreeSet<Oid>,
    pod_services: BTreeMap<Oid, BTreeSet<Oid>>,
}

impl ServicePods {
    /// The Services to sync after `window`.
    pub(crate) fn dirty(&mut self, window: &[WatchEvent], store: &Store) -> BTreeSet<Oid> {
        for ev in window {
            match (ev.res, ev.op) {
                (Res::Service, Op::Deleted) => {
                    for set in self.pod_services.values_mut() {
                        set.remove(&ev.oid);
                    }
                }
                (Res::Service, _) => {
                    self.dirty.insert(ev.oid);
                }
                (Res::Pod, Op::Deleted) => {
                    if let Some(svcs) = self.pod_services.remove(&ev.oid) {
                        self.dirty.extend(svcs);
                    }
                }
                (Res::Pod, _) => {
                    if let Some(old) = self.pod_services.get(&ev.oid) {
                        self.dirty.extend(old.iter().copied());
                    }
                    if let Some(pod) = store.pods().get(ev.oid) {
                        self.dirty.extend(selected_services(store, pod));
                    }
                }
                _ => {}
            }
        }
        std::mem::take(&mut self.dirty)
    }

    /// A Service with a selector and the Pods it selects, each remembered as
    /// counted in it; `None` for a missing Service or one without a selector.
    pub(crate) fn selected(&mut self, oid: Oid, store: &Store) -> Option<(Service, Vec<Pod>)> {
        let svc = store.services().get(oid).cloned()?;
        if svc.spec.selector.is_empty() {
            return None;
        }
        let selector = LabelSelector::from_labels(svc.spec.selector.clone());
        let pods: Vec<Pod> = store
            .select_pods(&svc.meta.namespace, &selector)
            .into_iter()
            .cloned()
            .collect();
        for p in &pods {
            self.pod_services.entry(p.meta.oid).or_default().insert(oid);
        }
        Some((svc, pods))
    }
}
