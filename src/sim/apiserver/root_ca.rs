//! The `kube-root-ca.crt` ConfigMap the root-ca-cert-publisher controller
//! of kube-controller-manager keeps in every namespace
//! (pkg/controller/certificates/rootcacertpublisher/publisher.go): the CA
//! bundle Pods use, through their `kube-api-access-xxxxx` projected volume,
//! to verify the API server at `kubernetes.default.svc`.
//! <https://kubernetes.io/docs/tasks/run-application/access-api-from-pod/#without-using-a-proxy>

use super::*;
use std::collections::BTreeMap;

/// `RootCACertConfigMapName`.
pub const ROOT_CA_CONFIGMAP: &str = "kube-root-ca.crt";
/// The key that holds the bundle.
pub const ROOT_CA_KEY: &str = "ca.crt";
/// `DescriptionAnnotation` and `Description` of publisher.go.
const DESCRIPTION_ANNOTATION: &str = "kubernetes.io/description";
const DESCRIPTION: &str = "Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.";

/// The simulated cluster's CA certificate as PEM. The cluster serves no TLS
/// (`kubetutor serve` is plain HTTP on loopback), so the bundle is not a
/// certificate anything verifies with: a PEM block of 800 bytes, drawn from
/// a digest, the same in every cluster.
pub fn ca_bundle() -> String {
    use base64::Engine;
    let mut der = Vec::with_capacity(800);
    let mut i = 0u32;
    while der.len() < 800 {
        let d = names::digest(&format!("kubernetes-ca/{i}"));
        der.extend(d.as_bytes().chunks(2).filter_map(|h| {
            std::str::from_utf8(h)
                .ok()
                .and_then(|h| u8::from_str_radix(h, 16).ok())
        }));
        i += 1;
    }
    der.truncate(800);
    let body = base64::engine::general_purpose::STANDARD.encode(&der);
    let mut pem = String::from("-----BEGIN CERTIFICATE-----\n");
    for line in body.as_bytes().chunks(64) {
        pem.push_str(std::str::from_utf8(line).unwrap_or_default());
        pem.push('\n');
    }
    pem.push_str("-----END CERTIFICATE-----\n");
    pem
}

impl ApiServer {
    /// Create the namespace's `kube-root-ca.crt`, or put its data back if
    /// someone changed it, as the publisher's syncNamespace does. A
    /// namespace that is not Active is left alone.
    pub fn publish_root_ca(&mut self, ns: &str) {
        let Some(n) = self.store.namespace(ns) else {
            return;
        };
        if n.phase != NamespacePhase::Active {
            return;
        }
        let ns_uid = n.meta.uid.clone();
        let bundle = ca_bundle();
        if let Some(oid) = self.store.configmaps().oid_of(ns, ROOT_CA_CONFIGMAP) {
            let data = self.store.configmaps().get(oid).map(|c| c.data.clone());
            if data.is_some_and(|d| d.data.get(ROOT_CA_KEY) != Some(&bundle) || d.data.len() != 1) {
                self.update::<ConfigMap>(oid, |c| {
                    c.data.data = BTreeMap::from([(ROOT_CA_KEY.to_string(), bundle)]);
                });
                self.trace(
                    Res::ConfigMap,
                    ns,
                    ROOT_CA_CONFIGMAP,
                    "PUT",
                    "200 OK",
                    "put",
                );
            }
            return;
        }
        let mut m = ObjectMeta::named(ROOT_CA_CONFIGMAP.to_string());
        m.namespace = ns.to_string();
        m.annotations
            .insert(DESCRIPTION_ANNOTATION.into(), DESCRIPTION.into());
        // The uid follows from the namespace's, so publishing does not
        // change the names and uids drawn for what users create.
        let meta = self.derived_meta(&m, None, &format!("root-ca/{ns}/{ns_uid}"));
        let data = ConfigMapData {
            data: BTreeMap::from([(ROOT_CA_KEY.to_string(), bundle)]),
            ..ConfigMapData::default()
        };
        self.store.insert(ConfigMap { meta, data });
        self.trace(
            Res::ConfigMap,
            ns,
            ROOT_CA_CONFIGMAP,
            "POST",
            "201 Created",
            "put",
        );
        self.charge_quotas(ns);
    }
}
