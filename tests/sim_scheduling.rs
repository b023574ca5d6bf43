//! Scheduling: filters, scoring and the FailedScheduling wording.
//! <https://kubernetes.io/docs/concepts/scheduling-eviction/kube-scheduler/>

mod common;
use common::*;
use kubetutor::sim::Cluster;
use kubetutor::sim::objects::*;
use kubetutor::sim::stored::{CondStatus, Phase};

fn node_of(c: &Cluster, name: &str) -> String {
    c.pod("default", name)
        .and_then(|p| p.node_name.as_deref().map(String::from))
        .unwrap_or_default()
}

#[test]
fn insufficient_cpu_is_reported_like_the_scheduler() {
    // https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/#how-pods-with-resource-requests-are-scheduled
    let mut c = Cluster::new(1);
    c.apply(with_requests(
        pod("big", "nginx", None, RestartPolicy::Always),
        3000,
        0,
    ))
    .unwrap();
    c.advance(2_000);
    let p = c.pod("default", "big").unwrap();
    assert_eq!(p.status.phase, Phase::Pending);
    let cond = p.status.conditions.scheduled.as_ref().unwrap();
    assert_eq!(cond.status, CondStatus::False);
    assert_eq!(cond.reason.as_deref(), Some("Unschedulable"));
    let msg = "0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 Insufficient cpu. preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod.";
    assert_eq!(
        events_of(&c, "big"),
        [("FailedScheduling".to_string(), msg.to_string())]
    );
    assert_eq!(cond.message.as_deref(), Some(msg));
}

#[test]
fn node_selector_and_tolerations_decide_where_a_pod_may_go() {
    // https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/#nodeselector
    // https://kubernetes.io/docs/concepts/scheduling-eviction/taint-and-toleration/
    let mut c = Cluster::new(1);
    let mut p = pod("picky", "nginx", None, RestartPolicy::Always);
    if let Spec::Pod(s) = &mut p.spec {
        s.node_selector = labels(&[("disktype", "ssd")]);
    }
    c.apply(p).unwrap();
    let mut cp = pod("on-cp", "nginx", None, RestartPolicy::Always);
    if let Spec::Pod(s) = &mut cp.spec {
        s.node_selector = labels(&[("kubernetes.io/hostname", "control-plane")]);
        s.tolerations.push(Toleration {
            key: Some("node-role.kubernetes.io/control-plane".into()),
            operator: TolerationOperator::Exists,
            value: None,
            effect: Some(TaintEffect::NoSchedule),
            toleration_seconds: None,
        });
    }
    c.apply(cp).unwrap();
    c.advance(1_000);
    assert_eq!(
        events_of(&c, "picky"),
        [(
            "FailedScheduling".to_string(),
            "0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 node(s) didn't match Pod's node affinity/selector. preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.".to_string()
        )]
    );
    assert_eq!(node_of(&c, "on-cp"), "control-plane");
}

#[test]
fn cordoned_nodes_are_skipped_until_uncordoned() {
    // https://kubernetes.io/docs/reference/kubectl/generated/kubectl_cordon/
    let mut c = Cluster::new(1);
    for n in ["node-1", "node-2", "node-3"] {
        assert!(c.set_schedulable(n, false).unwrap());
    }
    c.apply(pod("wait", "nginx", None, RestartPolicy::Always))
        .unwrap();
    c.advance(1_000);
    assert_eq!(
        events_of(&c, "wait"),
        [(
            "FailedScheduling".to_string(),
            "0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 node(s) were unschedulable. preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.".to_string()
        )]
    );
    c.set_schedulable("node-2", true).unwrap();
    c.advance(300);
    assert_eq!(node_of(&c, "wait"), "node-2");
}

#[test]
fn requests_must_fit_what_is_left_and_freed_capacity_is_reused() {
    let mut c = Cluster::new(1);
    for name in ["a", "b", "c", "d"] {
        c.apply(with_requests(
            pod(name, "nginx", None, RestartPolicy::Always),
            1500,
            128 << 20,
        ))
        .unwrap();
    }
    c.advance(1_000);
    let mut nodes: Vec<String> = ["a", "b", "c"].iter().map(|n| node_of(&c, n)).collect();
    nodes.sort();
    assert_eq!(
        nodes,
        ["node-1", "node-2", "node-3"],
        "one 1500m pod per 2-CPU node"
    );
    assert_eq!(node_of(&c, "d"), "");
    assert!(events_of(&c, "d")[0].1.contains("3 Insufficient cpu"));
    let a_node = node_of(&c, "a");
    c.delete(Kind::Pod, "default", "a", Some(0)).unwrap();
    c.advance(300);
    assert_eq!(
        node_of(&c, "d"),
        a_node,
        "the freed node takes the waiting pod"
    );
}

#[test]
fn least_allocated_scoring_spreads_pods_without_requests() {
    // Pods without requests count as 100m / 200Mi for scoring.
    let mut c = Cluster::new(7);
    for i in 0..6 {
        c.apply(pod(&format!("p{i}"), "nginx", None, RestartPolicy::Always))
            .unwrap();
    }
    c.advance(500);
    let mine = |n: &str| {
        c.pods_on(n)
            .into_iter()
            .filter(|p| p.meta.namespace == "default")
            .count()
    };
    for n in ["node-1", "node-2", "node-3"] {
        assert_eq!(mine(n), 2, "{n}");
    }
    assert_eq!(mine("control-plane"), 0);
}

#[test]
fn memory_and_cpu_shortages_are_both_counted() {
    let mut c = Cluster::new(1);
    c.apply(with_requests(
        pod("huge", "nginx", None, RestartPolicy::Always),
        4000,
        8 << 30,
    ))
    .unwrap();
    c.advance(500);
    assert_eq!(
        events_of(&c, "huge")[0].1,
        "0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 Insufficient cpu, 3 Insufficient memory. preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod."
    );
}
