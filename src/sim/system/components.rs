//! What kubeadm puts in `kube-system`: the static control-plane pods the
//! control plane's kubelet runs from files (the API holds their mirror
//! pods), kube-proxy as a DaemonSet, and CoreDNS (a Deployment of two with
//! the `kube-dns` Service at 10.96.0.10).
//! <https://kubernetes.io/docs/setup/production-environment/tools/kubeadm/implementation-details/>

use crate::sim::objects::*;
use crate::sim::release::Release;
use crate::sim::stored::MIRROR_ANNOTATION;

pub const SYSTEM_NAMESPACE: &str = "kube-system";
/// The ClusterIP kubeadm gives the DNS Service (the 10th address of the
/// Service range).
pub const DNS_SERVICE_IP: &str = "10.96.0.10";

fn labels(pairs: &[(&str, &str)]) -> Labels {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

fn meta(name: &str, pairs: &[(&str, &str)]) -> ObjectMeta {
    let mut m = ObjectMeta::named(name);
    m.namespace = SYSTEM_NAMESPACE.into();
    m.labels = labels(pairs);
    m
}

fn cpu(millis: u64) -> Resources {
    Resources {
        cpu_millis: millis,
        memory_bytes: 0,
    }
}

fn tolerate_all() -> Toleration {
    Toleration {
        key: None,
        operator: TolerationOperator::Exists,
        value: None,
        effect: None,
        toleration_seconds: None,
    }
}

/// One static control-plane pod, as its mirror pod is created.
fn static_pod(
    node: &str,
    ip: &str,
    component: &str,
    image: String,
    command: Vec<String>,
    requests: Resources,
) -> Object {
    let name = format!("{component}-{node}");
    let mut m = meta(
        &name,
        &[("component", component), ("tier", "control-plane")],
    );
    let hash = crate::sim::names::digest(&format!("{name}{image}"))[..32].to_string();
    m.annotations
        .insert("kubernetes.io/config.hash".into(), hash.clone());
    m.annotations.insert(MIRROR_ANNOTATION.into(), hash);
    m.annotations.insert(
        "kubernetes.io/config.seen".into(),
        "2025-01-01T00:00:00.000000000Z".into(),
    );
    m.annotations
        .insert("kubernetes.io/config.source".into(), "file".into());
    match component {
        "etcd" => {
            m.annotations.insert(
                "kubeadm.kubernetes.io/etcd.advertise-client-urls".into(),
                format!("https://{ip}:2379"),
            );
        }
        "kube-apiserver" => {
            m.annotations.insert(
                "kubeadm.kubernetes.io/kube-apiserver.advertise-address.endpoint".into(),
                format!("{ip}:6443"),
            );
        }
        _ => {}
    }
    let mut c = ContainerSpec::new(component, image);
    c.command = command;
    c.requests = requests;
    if component == "etcd" {
        c.requests.memory_bytes = 100 << 20;
    }
    Object {
        meta: m,
        spec: Spec::Pod(PodSpec {
            containers: vec![c],
            node_name: Some(node.to_string()),
            host_network: true,
            priority_class_name: Some("system-node-critical".into()),
            tolerations: vec![Toleration {
                effect: Some(TaintEffect::NoExecute),
                ..tolerate_all()
            }],
            ..PodSpec::default()
        }),
    }
}

fn mount(name: &str, path: &str, read_only: bool) -> VolumeMount {
    VolumeMount {
        name: name.into(),
        mount_path: path.into(),
        read_only,
        sub_path: None,
    }
}

/// A ConfigMap volume of `name`, with `keys` as files of the same names
/// (all keys when empty).
fn configmap_volume(name: &str, keys: &[&str]) -> VolumeSource {
    VolumeSource::ConfigMap {
        name: name.into(),
        items: keys
            .iter()
            .map(|k| KeyToPath {
                key: k.to_string(),
                path: k.to_string(),
            })
            .collect(),
        optional: false,
        default_mode: None,
    }
}

fn flags(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

/// The four static pods of the control plane (node `node`, address `ip`).
pub fn static_pods(release: Release, node: &str, ip: &str) -> Vec<Object> {
    let reg = release.registry();
    let v = release.version();
    let mut etcd = vec!["etcd".to_string()];
    etcd.extend([
        format!("--advertise-client-urls=https://{ip}:2379"),
        "--cert-file=/etc/kubernetes/pki/etcd/server.crt".into(),
        "--client-cert-auth=true".into(),
        "--data-dir=/var/lib/etcd".into(),
        format!("--initial-advertise-peer-urls=https://{ip}:2380"),
        format!("--initial-cluster={node}=https://{ip}:2380"),
        "--key-file=/etc/kubernetes/pki/etcd/server.key".into(),
        format!("--listen-client-urls=https://127.0.0.1:2379,https://{ip}:2379"),
        "--listen-metrics-urls=http://127.0.0.1:2381".into(),
        format!("--listen-peer-urls=https://{ip}:2380"),
        format!("--name={node}"),
        "--peer-cert-file=/etc/kubernetes/pki/etcd/peer.crt".into(),
        "--peer-client-cert-auth=true".into(),
        "--peer-key-file=/etc/kubernetes/pki/etcd/peer.key".into(),
        "--peer-trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt".into(),
        "--snapshot-count=10000".into(),
        "--trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt".into(),
    ]);
    let mut apiserver = vec!["kube-apiserver".to_string()];
    apiserver.push(format!("--advertise-address={ip}"));
    apiserver.extend(flags(&[
        "--allow-privileged=true",
        "--authorization-mode=Node,RBAC",
        "--client-ca-file=/etc/kubernetes/pki/ca.crt",
        "--enable-admission-plugins=NodeRestriction",
        "--enable-bootstrap-token-auth=true",
        "--etcd-cafile=/etc/kubernetes/pki/etcd/ca.crt",
        "--etcd-certfile=/etc/kubernetes/pki/apiserver-etcd-client.crt",
        "--etcd-keyfile=/etc/kubernetes/pki/apiserver-etcd-client.key",
        "--etcd-servers=https://127.0.0.1:2379",
        "--kubelet-client-certificate=/etc/kubernetes/pki/apiserver-kubelet-client.crt",
        "--kubelet-client-key=/etc/kubernetes/pki/apiserver-kubelet-client.key",
        "--kubelet-preferred-address-types=InternalIP,ExternalIP,Hostname",
        "--proxy-client-cert-file=/etc/kubernetes/pki/front-proxy-client.crt",
        "--proxy-client-key-file=/etc/kubernetes/pki/front-proxy-client.key",
        "--requestheader-allowed-names=front-proxy-client",
        "--requestheader-client-ca-file=/etc/kubernetes/pki/front-proxy-ca.crt",
        "--requestheader-extra-headers-prefix=X-Remote-Extra-",
        "--requestheader-group-headers=X-Remote-Group",
        "--requestheader-username-headers=X-Remote-User",
        "--secure-port=6443",
        "--service-account-issuer=https://kubernetes.default.svc.cluster.local",
        "--service-account-key-file=/etc/kubernetes/pki/sa.pub",
        "--service-account-signing-key-file=/etc/kubernetes/pki/sa.key",
        "--service-cluster-ip-range=10.96.0.0/12",
        "--tls-cert-file=/etc/kubernetes/pki/apiserver.crt",
        "--tls-private-key-file=/etc/kubernetes/pki/apiserver.key",
    ]));
    let controller_manager = flags(&[
        "kube-controller-manager",
        "--allocate-node-cidrs=true",
        "--authentication-kubeconfig=/etc/kubernetes/controller-manager.conf",
        "--authorization-kubeconfig=/etc/kubernetes/controller-manager.conf",
        "--bind-address=127.0.0.1",
        "--client-ca-file=/etc/kubernetes/pki/ca.crt",
        "--cluster-cidr=10.244.0.0/16",
        "--cluster-name=kubernetes",
        "--cluster-signing-cert-file=/etc/kubernetes/pki/ca.crt",
        "--cluster-signing-key-file=/etc/kubernetes/pki/ca.key",
        "--controllers=*,bootstrapsigner,tokencleaner",
        "--kubeconfig=/etc/kubernetes/controller-manager.conf",
        "--leader-elect=true",
        "--requestheader-client-ca-file=/etc/kubernetes/pki/front-proxy-ca.crt",
        "--root-ca-file=/etc/kubernetes/pki/ca.crt",
        "--service-account-private-key-file=/etc/kubernetes/pki/sa.key",
        "--service-cluster-ip-range=10.96.0.0/12",
        "--use-service-account-credentials=true",
    ]);
    let scheduler = flags(&[
        "kube-scheduler",
        "--authentication-kubeconfig=/etc/kubernetes/scheduler.conf",
        "--authorization-kubeconfig=/etc/kubernetes/scheduler.conf",
        "--bind-address=127.0.0.1",
        "--kubeconfig=/etc/kubernetes/scheduler.conf",
        "--leader-elect=true",
    ]);
    vec![
        static_pod(
            node,
            ip,
            "etcd",
            format!("{reg}/etcd:{}", release.etcd_tag()),
            etcd,
            cpu(100),
        ),
        static_pod(
            node,
            ip,
            "kube-apiserver",
            format!("{reg}/kube-apiserver:{v}"),
            apiserver,
            cpu(250),
        ),
        static_pod(
            node,
            ip,
            "kube-controller-manager",
            format!("{reg}/kube-controller-manager:{v}"),
            controller_manager,
            cpu(200),
        ),
        static_pod(
            node,
            ip,
            "kube-scheduler",
            format!("{reg}/kube-scheduler:{v}"),
            scheduler,
            cpu(100),
        ),
    ]
}

/// kube-proxy: a DaemonSet on every node (it tolerates every taint).
pub fn kube_proxy(release: Release) -> Object {
    let sel = labels(&[("k8s-app", "kube-proxy")]);
    let mut c = ContainerSpec::new(
        "kube-proxy",
        format!("{}/kube-proxy:{}", release.registry(), release.version()),
    );
    c.command = flags(&[
        "/usr/local/bin/kube-proxy",
        "--config=/var/lib/kube-proxy/config.conf",
        "--hostname-override=$(NODE_NAME)",
    ]);
    c.env = vec![EnvVar {
        name: "NODE_NAME".into(),
        value: None,
        value_from: Some(EnvSource::Field("spec.nodeName".into())),
    }];
    c.volume_mounts = [
        ("kube-proxy", "/var/lib/kube-proxy", false),
        ("xtables-lock", "/run/xtables.lock", false),
        ("lib-modules", "/lib/modules", true),
    ]
    .into_iter()
    .map(|(name, path, read_only)| mount(name, path, read_only))
    .collect();
    let volumes = vec![
        Volume {
            name: "kube-proxy".into(),
            source: configmap_volume("kube-proxy", &[]),
        },
        Volume {
            name: "xtables-lock".into(),
            source: VolumeSource::HostPath {
                path: "/run/xtables.lock".into(),
                kind: "FileOrCreate".into(),
            },
        },
        Volume {
            name: "lib-modules".into(),
            source: VolumeSource::HostPath {
                path: "/lib/modules".into(),
                kind: String::new(),
            },
        },
    ];
    let template = PodTemplate {
        labels: sel.clone(),
        annotations: Labels::new(),
        spec: PodSpec {
            containers: vec![c],
            host_network: true,
            node_selector: labels(&[("kubernetes.io/os", "linux")]),
            priority_class_name: Some("system-node-critical".into()),
            service_account_name: Some("kube-proxy".into()),
            tolerations: vec![tolerate_all()],
            volumes,
            ..PodSpec::default()
        },
    };
    Object {
        meta: meta("kube-proxy", &[("k8s-app", "kube-proxy")]),
        spec: Spec::DaemonSet(DaemonSetSpec::new(
            LabelSelector::from_labels(sel),
            template,
        )),
    }
}

/// CoreDNS: a Deployment of two replicas, allowed on the control plane.
pub fn coredns(release: Release) -> Object {
    let sel = labels(&[("k8s-app", "kube-dns")]);
    let mut c = ContainerSpec::new(
        "coredns",
        format!(
            "{}/coredns/coredns:{}",
            release.registry(),
            release.coredns_tag()
        ),
    );
    c.args = flags(&["-conf", "/etc/coredns/Corefile"]);
    c.volume_mounts = vec![mount("config-volume", "/etc/coredns", true)];
    c.requests = Resources {
        cpu_millis: 100,
        memory_bytes: 70 << 20,
    };
    c.limits = Resources {
        cpu_millis: 0,
        memory_bytes: 170 << 20,
    };
    c.ports = [
        ("dns", 53, Protocol::UDP),
        ("dns-tcp", 53, Protocol::TCP),
        ("metrics", 9153, Protocol::TCP),
    ]
    .into_iter()
    .map(|(name, port, protocol)| ContainerPort {
        name: Some(name.into()),
        container_port: port,
        protocol,
    })
    .collect();
    let mut tolerations = vec![Toleration {
        key: Some("CriticalAddonsOnly".into()),
        ..tolerate_all()
    }];
    for role in release.control_plane_roles() {
        tolerations.push(Toleration {
            key: Some(role.to_string()),
            operator: TolerationOperator::Equal,
            value: None,
            effect: Some(TaintEffect::NoSchedule),
            toleration_seconds: None,
        });
    }
    let template = PodTemplate {
        labels: sel.clone(),
        annotations: Labels::new(),
        spec: PodSpec {
            containers: vec![c],
            node_selector: labels(&[("kubernetes.io/os", "linux")]),
            priority_class_name: Some("system-cluster-critical".into()),
            service_account_name: Some("coredns".into()),
            tolerations,
            volumes: vec![Volume {
                name: "config-volume".into(),
                source: configmap_volume("coredns", &["Corefile"]),
            }],
            ..PodSpec::default()
        },
    };
    let mut spec = DeploymentSpec::new(LabelSelector::from_labels(sel), template);
    spec.replicas = 2;
    spec.strategy = DeploymentStrategy::RollingUpdate {
        max_surge: IntOrPercent::Percent(25),
        max_unavailable: IntOrPercent::Int(1),
    };
    Object {
        meta: meta("coredns", &[("k8s-app", "kube-dns")]),
        spec: Spec::Deployment(spec),
    }
}

/// The `kube-dns` Service in front of CoreDNS.
pub fn kube_dns() -> Object {
    let mut m = meta(
        "kube-dns",
        &[
            ("k8s-app", "kube-dns"),
            ("kubernetes.io/cluster-service", "true"),
            ("kubernetes.io/name", "CoreDNS"),
        ],
    );
    m.annotations = labels(&[
        ("prometheus.io/port", "9153"),
        ("prometheus.io/scrape", "true"),
    ]);
    let port = |name: &str, port: u16, protocol| ServicePort {
        name: Some(name.into()),
        port,
        target_port: PortRef::Number(port),
        protocol,
        node_port: None,
    };
    Object {
        meta: m,
        spec: Spec::Service(ServiceSpec {
            service_type: ServiceType::ClusterIP,
            selector: labels(&[("k8s-app", "kube-dns")]),
            ports: vec![
                port("dns", 53, Protocol::UDP),
                port("dns-tcp", 53, Protocol::TCP),
                port("metrics", 9153, Protocol::TCP),
            ],
            cluster_ip: Some(DNS_SERVICE_IP.into()),
        }),
    }
}

/// Every image the system pods of `release` use (pre-pulled on the nodes).
pub fn images(release: Release) -> Vec<String> {
    let (reg, v) = (release.registry(), release.version());
    vec![
        format!("{reg}/etcd:{}", release.etcd_tag()),
        format!("{reg}/kube-apiserver:{v}"),
        format!("{reg}/kube-controller-manager:{v}"),
        format!("{reg}/kube-scheduler:{v}"),
        format!("{reg}/kube-proxy:{v}"),
        format!("{reg}/coredns/coredns:{}", release.coredns_tag()),
        format!("{reg}/pause:3.10"),
    ]
}
