//! Losing a node: heartbeats stop, the node goes NotReady after the 50 s
//! node-monitor grace period (v1.32 and later), its pods are marked not
//! ready, evicted after the default 300 s toleration and replaced on healthy
//! nodes.
//! <https://kubernetes.io/docs/concepts/architecture/nodes/#node-status>
//! <https://kubernetes.io/docs/concepts/scheduling-eviction/taint-and-toleration/#taint-based-evictions>

mod common;
use common::*;
use kubetutor::sim::Cluster;
use kubetutor::sim::status::{node_status, pod_status};
use kubetutor::sim::stored::CondStatus;

/// The student's pods on a node (the kube-system ones left out).
fn on(c: &Cluster, node: &str) -> Vec<(String, String, String)> {
    c.pods_on(node)
        .into_iter()
        .filter(|p| p.meta.namespace == "default")
        .map(|p| {
            (
                p.meta.name.clone(),
                pod_status(p),
                p.status.phase.name().to_string(),
            )
        })
        .collect()
}

#[test]
fn a_lost_node_goes_not_ready_then_its_pods_are_evicted_and_replaced() {
    let mut c = Cluster::new(1);
    c.apply(deployment("web", "nginx", 3)).unwrap();
    c.advance(30_000);
    let lost = on(&c, "node-1");
    assert_eq!(lost.len(), 1);
    let name = lost[0].0.clone();
    c.set_node_down("node-1", true).unwrap();

    // Last heartbeat at 21.0 s; silent for more than 50 s at the 75 s check.
    c.advance(45_000);
    assert_eq!(node_status(c.node("node-1").unwrap()), "Ready");
    c.advance(100);
    let node = c.node("node-1").unwrap();
    assert_eq!(node_status(node), "NotReady");
    assert_eq!(node.ready.status, CondStatus::Unknown);
    assert_eq!(
        node.ready.message.as_deref(),
        Some("Kubelet stopped posting node status.")
    );
    let taints = |c: &Cluster| -> Vec<String> {
        c.node("node-1")
            .unwrap()
            .taints
            .iter()
            .map(|t| format!("{}:{}", t.taint.key, t.taint.effect.name()))
            .collect()
    };
    assert_eq!(taints(&c), ["node.kubernetes.io/unreachable:NoSchedule"]);
    // The phase and STATUS stay what the kubelet last reported; only the
    // Ready condition changes.
    assert_eq!(
        on(&c, "node-1"),
        [(name.clone(), "Running".to_string(), "Running".to_string())]
    );
    assert!(!c.pod("default", &name).unwrap().is_ready());
    assert_eq!(c.endpoint_count("default", "kubernetes").unwrap(), 1);
    // The NoExecute taint on the next pass.
    c.advance(5_000);
    assert_eq!(
        taints(&c),
        [
            "node.kubernetes.io/unreachable:NoSchedule",
            "node.kubernetes.io/unreachable:NoExecute"
        ]
    );

    // Evicted 300 s after the taint (80 s), replaced elsewhere.
    c.advance(299_900);
    assert_eq!(on(&c, "node-1")[0].1, "Running");
    c.advance(100);
    assert_eq!(on(&c, "node-1")[0].1, "Terminating");
    c.advance(5_000);
    let running: Vec<String> = ["node-2", "node-3"]
        .iter()
        .flat_map(|n| on(&c, n))
        .filter(|p| p.1 == "Running")
        .map(|p| p.0)
        .collect();
    assert_eq!(running.len(), 3);
    assert!(!running.contains(&name));
    let ev = events_of(&c, &name);
    assert_eq!(
        ev.iter().rev().take(2).rev().cloned().collect::<Vec<_>>(),
        [
            ("NodeNotReady".to_string(), "Node is not ready".to_string()),
            (
                "TaintManagerEviction".to_string(),
                format!("Marking for deletion Pod default/{name}")
            ),
        ]
    );
    assert_eq!(
        events_of(&c, "node-1"),
        [(
            "NodeNotReady".to_string(),
            "Node node-1 status is now: NodeNotReady".to_string()
        )]
    );

    // The node comes back: its kubelet stops the evicted pod (nginx exits
    // on its SIGQUIT) and confirms the deletion; the taints go on the next
    // pass.
    c.set_node_down("node-1", false).unwrap();
    c.advance(100);
    assert_eq!(node_status(c.node("node-1").unwrap()), "Ready");
    assert_eq!(events_of(&c, &name).last().unwrap().0, "Killing");
    assert_eq!(on(&c, "node-1")[0].1, "Terminating");
    c.advance(1_000);
    assert!(
        c.pod("default", &name).is_none(),
        "evicted pod removed once its kubelet confirms"
    );
    c.advance(5_000);
    assert!(c.node("node-1").unwrap().taints.is_empty());
    assert_eq!(events_of(&c, "node-1").last().unwrap().0, "NodeReady");
}

#[test]
fn a_node_back_within_the_toleration_keeps_its_pods() {
    let mut c = Cluster::new(1);
    c.apply(deployment("web", "nginx", 3)).unwrap();
    c.advance(30_000);
    let name = on(&c, "node-1")[0].0.clone();
    c.set_node_down("node-1", true).unwrap();
    c.advance(120_000);
    assert_eq!(on(&c, "node-1")[0].1, "Running");
    assert!(!c.pod("default", &name).unwrap().is_ready());
    c.set_node_down("node-1", false).unwrap();
    c.advance(10_000);
    assert_eq!(
        on(&c, "node-1"),
        [(name.clone(), "Running".to_string(), "Running".to_string())]
    );
    assert!(c.pod("default", &name).unwrap().is_ready(), "Ready again");
    assert!(c.node("node-1").unwrap().taints.is_empty());
    assert_eq!(c.store().pods().in_namespace("default").count(), 3);
}

#[test]
fn drain_evicts_and_cordons() {
    // https://kubernetes.io/docs/tasks/administer-cluster/safely-drain-node/
    let mut c = Cluster::new(1);
    c.apply(deployment("web", "nginx", 3)).unwrap();
    c.advance(30_000);
    let name = on(&c, "node-2")[0].0.clone();
    let proxy = c
        .pods_on("node-2")
        .into_iter()
        .find(|p| p.meta.namespace == "kube-system")
        .unwrap()
        .meta
        .name
        .clone();
    // Without --ignore-daemonsets kubectl stops at the DaemonSet's pod
    // (kubectl pkg/drain/filters.go daemonSetFilter).
    let err = c.evict_node("node-2", false, false).unwrap_err();
    assert!(
        err.contains(&format!(
            "cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): kube-system/{proxy}"
        )),
        "{err}"
    );
    let (lines, evicted) = c.evict_node("node-2", false, true).unwrap();
    assert_eq!(
        lines,
        [
            "node/node-2 already cordoned".to_string(),
            format!("Warning: ignoring DaemonSet-managed Pods: kube-system/{proxy}"),
            format!("evicting pod default/{name}"),
        ]
    );
    assert_eq!(evicted.len(), 1);
    assert_eq!(evicted[0].0, name);
    assert_eq!(
        node_status(c.node("node-2").unwrap()),
        "Ready,SchedulingDisabled"
    );
    // The Eviction API marks the pod before deleting it.
    let p = c.pod("default", &name).unwrap();
    let cond = p.status.conditions.disruption_target.as_ref().unwrap();
    assert_eq!(cond.reason.as_deref(), Some("EvictionByEvictionAPI"));
    c.advance(40_000);
    assert!(on(&c, "node-2").is_empty());
    c.apply(pod(
        "bare",
        "nginx",
        None,
        kubetutor::sim::objects::RestartPolicy::Always,
    ))
    .unwrap();
    c.advance(500);
    let bare_node = c
        .pod("default", "bare")
        .unwrap()
        .node_name
        .as_deref()
        .unwrap()
        .to_string();
    let err = c.evict_node(&bare_node, false, true).unwrap_err();
    assert!(
        err.ends_with(
            "\ncannot delete cannot delete Pods that declare no controller (use --force to override): default/bare"
        ),
        "{err}"
    );
}

/// Until the node lifecycle controller marks a lost node's Pods not ready
/// (node-monitor-grace-period, 50 s in v1.32+), the Service's
/// EndpointSlice still lists them and kube-proxy still sends them traffic:
/// those requests go nowhere and time out. None is refused (the Service
/// always has an endpoint), none is counted as served by the lost Pod, and
/// once the endpoint is gone no more time out.
/// <https://kubernetes.io/docs/concepts/architecture/nodes/#condition>
#[test]
fn requests_to_a_pod_on_a_lost_node_time_out_until_its_endpoint_goes() {
    let mut c = Cluster::new(1);
    c.apply(deployment("web", "nginx", 3)).unwrap();
    c.apply(service("web", "web", 80)).unwrap();
    c.advance(30_000);
    c.set_traffic("default", "web", 30).unwrap();
    c.advance(10_000);
    let lost = on(&c, "node-1")[0].0.clone();
    let served_before = c.traffic("default", "web").unwrap().per_pod[&lost];
    assert_eq!(c.traffic("default", "web").unwrap().timed_out, 0);
    c.set_node_down("node-1", true).unwrap();
    c.advance(70_000);
    let t = c.traffic("default", "web").unwrap();
    assert_eq!(
        t.per_pod[&lost], served_before,
        "the lost Pod served nothing"
    );
    assert_eq!(t.dropped, 0);
    // About one request in three (kube-proxy picks at random) for the
    // ~45 s until the endpoint is removed: 30/s × 45 s / 3 ≈ 450.
    assert_eq!(t.timed_out, 445);
    assert_eq!(t.endpoints.len(), 2);
    let timed_out = t.timed_out;
    c.advance(60_000);
    assert_eq!(c.traffic("default", "web").unwrap().timed_out, timed_out);
}
