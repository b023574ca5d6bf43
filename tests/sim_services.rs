//! Services: ClusterIP allocation, endpoints from Ready pods, and how
//! kube-proxy spreads requests.
//! <https://kubernetes.io/docs/concepts/services-networking/service/>
//! <https://kubernetes.io/docs/reference/networking/virtual-ips/>

mod common;
use common::*;
use kubetutor::sim::Cluster;
use kubetutor::sim::cni::cidr_contains;
use kubetutor::sim::objects::*;
use kubetutor::sim::proxy::ProxyMode;

fn setup(seed: u64) -> Cluster {
    let mut c = Cluster::new(seed);
    c.apply(deployment("web", "nginx", 3)).unwrap();
    c.apply(service("web", "web", 80)).unwrap();
    c
}

#[test]
fn cluster_ip_comes_from_the_service_range() {
    let c = setup(1);
    let ip = c
        .store()
        .services()
        .find("default", "web")
        .unwrap()
        .cluster_ip()
        .to_string();
    assert!(cidr_contains("10.96.0.0/12", &ip), "{ip}");
    assert_ne!(ip, "10.96.0.1");
    assert_eq!(
        c.store()
            .services()
            .find("default", "kubernetes")
            .unwrap()
            .cluster_ip(),
        "10.96.0.1"
    );
}

#[test]
fn endpoints_are_the_ready_pods_and_follow_them() {
    let mut c = setup(1);
    c.advance(1_000);
    let ep = c.store().endpoints().find("default", "web").unwrap();
    assert_eq!(
        (ep.ready.len(), ep.not_ready.len()),
        (0, 3),
        "created but not ready yet"
    );
    c.advance(10_000);
    assert_eq!(c.endpoint_count("default", "web").unwrap(), 3);
    let victim = c.store().endpoints().find("default", "web").unwrap().ready[0]
        .pod
        .clone();
    c.delete(Kind::Pod, "default", &victim, None).unwrap();
    c.advance(200);
    let ep = c.store().endpoints().find("default", "web").unwrap();
    assert!(
        ep.ready
            .iter()
            .chain(&ep.not_ready)
            .all(|a| a.pod != victim),
        "terminating pods leave at once"
    );
    c.advance(10_000);
    assert_eq!(c.endpoint_count("default", "web").unwrap(), 3);
    c.scale(Kind::Deployment, "default", "web", 5).unwrap();
    c.advance(10_000);
    assert_eq!(c.endpoint_count("default", "web").unwrap(), 5);
    let added = c
        .activity_since(0)
        .filter(|a| a.reason == "EndpointAdded" && a.object.name == "web")
        .count();
    assert_eq!(added, 6, "3, one replacement, 2 from scaling");
}

#[test]
fn iptables_mode_spreads_requests_at_random() {
    let mut c = setup(3);
    c.advance(15_000);
    c.set_traffic("default", "web", 30).unwrap();
    c.advance(60_000);
    let t = c.traffic("default", "web").unwrap();
    assert_eq!(t.total, 1800);
    assert_eq!(t.dropped, 0);
    let counts: Vec<u64> = t.per_pod.values().copied().collect();
    assert_eq!(counts.len(), 3);
    assert_eq!(counts.iter().sum::<u64>(), 1800);
    assert!(counts.iter().all(|n| (450..750).contains(n)), "{counts:?}");
    assert_eq!(counts, [598, 621, 581]);
    assert_eq!(
        t.history.iter().rev().take(5).copied().collect::<Vec<_>>(),
        [30, 30, 30, 30, 30]
    );
}

#[test]
fn round_robin_is_even_and_requests_without_endpoints_are_dropped() {
    let mut c = setup(3);
    c.set_proxy_mode(ProxyMode::RoundRobin);
    c.advance(15_000);
    c.set_traffic("default", "web", 30).unwrap();
    c.advance(10_000);
    let counts: Vec<u64> = c
        .traffic("default", "web")
        .unwrap()
        .per_pod
        .values()
        .copied()
        .collect();
    assert_eq!(counts, [100, 100, 100]);
    c.scale(Kind::Deployment, "default", "web", 0).unwrap();
    c.advance(5_000);
    let t = c.traffic("default", "web").unwrap();
    assert!(t.dropped > 0 && t.endpoints.is_empty());
}

#[test]
fn a_named_target_port_resolves_to_the_container_port() {
    let mut c = Cluster::new(1);
    let mut d = deployment("web", "nginx", 1);
    if let Spec::Deployment(s) = &mut d.spec {
        s.template.spec.containers[0].ports.push(ContainerPort {
            name: Some("http".into()),
            container_port: 8080,
            protocol: Protocol::TCP,
        });
    }
    c.apply(d).unwrap();
    let mut svc = service("web", "web", 80);
    if let Spec::Service(s) = &mut svc.spec {
        s.ports[0].target_port = PortRef::Name("http".into());
    }
    c.apply(svc).unwrap();
    c.advance(10_000);
    assert_eq!(
        c.store().endpoints().find("default", "web").unwrap().ports[0].port,
        8080
    );
}
