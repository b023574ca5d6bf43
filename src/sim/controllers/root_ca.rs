//! root-ca-cert-publisher: keeps a `kube-root-ca.crt` ConfigMap in every
//! Active namespace (pkg/controller/certificates/rootcacertpublisher). It
//! syncs a namespace when the namespace is added or changed and when the
//! ConfigMap is deleted or changed, so a deleted one comes back.

use crate::sim::apiserver::ApiServer;
use crate::sim::store::{Res, WatchEvent};

#[derive(Debug, Clone, Default)]
pub struct RootCaPublisher;

impl RootCaPublisher {
    pub fn step(&mut self, window: &[WatchEvent], api: &mut ApiServer) {
        // A deleted ConfigMap's event no longer names its namespace; there
        // are few namespaces, so any change to either kind syncs them all.
        if !window
            .iter()
            .any(|e| matches!(e.res, Res::Namespace | Res::ConfigMap))
        {
            return;
        }
        let names: Vec<String> = api
            .store()
            .namespaces()
            .sorted()
            .map(|n| n.meta.name.clone())
            .collect();
        for ns in names {
            api.publish_root_ca(&ns);
        }
    }
}
