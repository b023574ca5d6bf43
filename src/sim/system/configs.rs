//! The ConfigMaps kubeadm writes in `kube-system` for its add-ons, which
//! their Pods mount: CoreDNS's Corefile (`coredns`) and kube-proxy's
//! configuration and kubeconfig (`kube-proxy`).
//! - cmd/kubeadm/app/phases/addons/dns/manifests.go (CoreDNSConfigMap)
//! - cmd/kubeadm/app/phases/addons/proxy/manifests.go (KubeProxyConfigMap19)
//! - <https://kubernetes.io/docs/tasks/administer-cluster/dns-custom-nameservers/#coredns-configmap-options>

use super::components::SYSTEM_NAMESPACE;
use crate::sim::objects::*;
use std::collections::BTreeMap;

/// The Corefile kubeadm gives CoreDNS for the `cluster.local` domain.
const COREFILE: &str = ".:53 {
    errors
    health {
       lameduck 5s
    }
    ready
    kubernetes cluster.local in-addr.arpa ip6.arpa {
       pods insecure
       fallthrough in-addr.arpa ip6.arpa
       ttl 30
    }
    prometheus :9153
    forward . /etc/resolv.conf {
       max_concurrent 1000
    }
    cache 30
    loop
    reload
    loadbalance
}
";

/// kube-proxy's KubeProxyConfiguration as kubeadm writes it: the pod
/// network's CIDR and the kubeconfig; everything else left to kube-proxy's
/// defaults (mode "" is iptables on Linux).
const PROXY_CONFIG: &str = "apiVersion: kubeproxy.config.k8s.io/v1alpha1
bindAddress: 0.0.0.0
bindAddressHardFail: false
clientConnection:
  acceptContentTypes: \"\"
  burst: 0
  contentType: \"\"
  kubeconfig: /var/lib/kube-proxy/kubeconfig.conf
  qps: 0
clusterCIDR: 10.244.0.0/16
configSyncPeriod: 0s
conntrack:
  maxPerCore: null
  min: null
  tcpBeLiberal: false
  tcpCloseWaitTimeout: null
  tcpEstablishedTimeout: null
  udpStreamTimeout: 0s
  udpTimeout: 0s
detectLocal:
  bridgeInterface: \"\"
  interfaceNamePrefix: \"\"
detectLocalMode: \"\"
enableProfiling: false
healthzBindAddress: \"\"
hostnameOverride: \"\"
iptables:
  localhostNodePorts: null
  masqueradeAll: false
  masqueradeBit: null
  minSyncPeriod: 0s
  syncPeriod: 0s
ipvs:
  excludeCIDRs: null
  minSyncPeriod: 0s
  scheduler: \"\"
  strictARP: false
  syncPeriod: 0s
  tcpFinTimeout: 0s
  tcpTimeout: 0s
  udpTimeout: 0s
kind: KubeProxyConfiguration
metricsBindAddress: \"\"
mode: \"\"
nftables:
  masqueradeAll: false
  masqueradeBit: null
  minSyncPeriod: 0s
  syncPeriod: 0s
nodePortAddresses: null
oomScoreAdj: null
portRange: \"\"
showHiddenMetricsForVersion: \"\"
winkernel:
  enableDSR: false
  forwardHealthCheckVip: false
  networkName: \"\"
  rootHnsEndpointName: \"\"
  sourceVip: \"\"";

fn configmap(name: &str, app: &str, data: &[(&str, String)]) -> Object {
    let mut meta = ObjectMeta::named(name);
    meta.namespace = SYSTEM_NAMESPACE.into();
    if !app.is_empty() {
        meta.labels.insert("app".into(), app.into());
    }
    let data: BTreeMap<String, String> = data
        .iter()
        .map(|(k, v)| (k.to_string(), v.clone()))
        .collect();
    Object {
        meta,
        spec: Spec::ConfigMap(ConfigMapData {
            data,
            ..ConfigMapData::default()
        }),
    }
}

/// `coredns`: the Corefile CoreDNS reads at `/etc/coredns/Corefile`.
pub fn coredns() -> Object {
    configmap("coredns", "", &[("Corefile", COREFILE.to_string())])
}

/// `kube-proxy`: `config.conf` and the `kubeconfig.conf` it names, which
/// reaches the API server at the control plane's address `ip` with the
/// Pod's service account token.
pub fn kube_proxy(ip: &str) -> Object {
    let kubeconfig = format!(
        "apiVersion: v1
kind: Config
clusters:
- cluster:
    certificate-authority: /var/run/secrets/kubernetes.io/serviceaccount/ca.crt
    server: https://{ip}:6443
  name: default
contexts:
- context:
    cluster: default
    namespace: default
    user: default
  name: default
current-context: default
users:
- name: default
  user:
    tokenFile: /var/run/secrets/kubernetes.io/serviceaccount/token"
    );
    configmap(
        "kube-proxy",
        "kube-proxy",
        &[
            ("config.conf", PROXY_CONFIG.to_string()),
            ("kubeconfig.conf", kubeconfig),
        ],
    )
}
