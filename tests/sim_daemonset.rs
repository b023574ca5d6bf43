//! DaemonSets under random changes to the nodes (property): whatever nodes
//! join, are lost and come back, are tainted, labelled or cordoned, and
//! whatever DaemonSets are created and deleted, each DaemonSet has exactly
//! one Pod on every node that should run it and none elsewhere.
//!
//! The expected placement is worked out here from the documented rules, not
//! from the controller's code:
//! - a node is for the DaemonSet when its `nodeSelector` matches the node's
//!   labels and every `NoSchedule`/`NoExecute` taint is tolerated;
//! - a Pod already on the node stays while only `NoSchedule` taints are
//!   untolerated, and goes when a `NoExecute` one is;
//! - every daemon Pod tolerates `not-ready`/`unreachable` (`NoExecute`) and
//!   `unschedulable` (`NoSchedule`), so cordoning or losing a node keeps its
//!   Pod, but a lost node's `unreachable:NoSchedule` taint keeps a *new*
//!   DaemonSet's Pod off it until it is back.
//!
//! <https://kubernetes.io/docs/concepts/workloads/controllers/daemonset/#how-daemon-pods-are-scheduled>
//! <https://kubernetes.io/docs/concepts/workloads/controllers/daemonset/#taints-and-tolerations>
//! <https://kubernetes.io/docs/reference/labels-annotations-taints/#node-kubernetes-io-unreachable>
//! (Deleting a Node object is not simulated: a node leaves a DaemonSet here
//! by losing the label its `nodeSelector` asks for or by an untolerated
//! `NoExecute` taint.)

#[path = "support/kube.rs"]
mod kube;
use kube::*;
use kubetutor::sim::Cluster;
use kubetutor::sim::objects::{Kind, Taint, TaintEffect};
use kubetutor::sim::stored::{Phase, Pod};
use proptest::prelude::*;
use std::collections::{BTreeMap, BTreeSet};

/// The three DaemonSets a case may create: `all` tolerates the control
/// plane's taint, `workers` tolerates nothing of its own, `labelled` runs
/// only on nodes labelled `agent=yes`.
const SETS: [&str; 3] = ["all", "workers", "labelled"];
const CONTROL_PLANE_TAINT: &str = "node-role.kubernetes.io/control-plane";
const USER_TAINT: &str = "dedicated";
const UNREACHABLE: &str = "node.kubernetes.io/unreachable";

fn manifest(set: &str) -> String {
    let extra = match set {
        "all" => format!(
            "      tolerations:\n      - key: {CONTROL_PLANE_TAINT}\n        operator: Exists\n        effect: NoSchedule\n"
        ),
        "labelled" => "      nodeSelector:\n        agent: \"yes\"\n".to_string(),
        _ => String::new(),
    };
    format!(
        "apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: {set}\nspec:\n  selector:\n    matchLabels:\n      ds: {set}\n  template:\n    metadata:\n      labels:\n        ds: {set}\n    spec:\n{extra}      containers:\n      - name: agent\n        image: busybox:1.36\n        command: [\"sleep\", \"3600\"]\n"
    )
}

#[derive(Debug, Clone)]
enum Op {
    Join,
    Down(u8),
    Up(u8),
    Taint(u8, bool),
    Untaint(u8),
    Label(u8),
    Unlabel(u8),
    Cordon(u8),
    Uncordon(u8),
    Create(u8),
    Delete(u8),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        1 => Just(Op::Join),
        1 => any::<u8>().prop_map(Op::Down),
        1 => any::<u8>().prop_map(Op::Up),
        1 => (any::<u8>(), any::<bool>()).prop_map(|(n, x)| Op::Taint(n, x)),
        1 => any::<u8>().prop_map(Op::Untaint),
        1 => any::<u8>().prop_map(Op::Label),
        1 => any::<u8>().prop_map(Op::Unlabel),
        1 => any::<u8>().prop_map(Op::Cordon),
        1 => any::<u8>().prop_map(Op::Uncordon),
        // DaemonSets come and go more often than nodes change, so that
        // they meet the nodes in every state.
        3 => (0u8..3).prop_map(Op::Create),
        2 => (0u8..3).prop_map(Op::Delete),
    ]
}

/// The `nth` node, any of them (the control plane is node 0).
fn node_name(c: &Cluster, nth: u8) -> String {
    let nodes = c.nodes();
    nodes[nth as usize % nodes.len()].meta.name.clone()
}

/// A worker: losing the control plane's kubelet is not what this is about.
fn worker_name(c: &Cluster, nth: u8) -> String {
    let nodes = c.nodes();
    nodes[1 + nth as usize % (nodes.len() - 1)]
        .meta
        .name
        .clone()
}

/// `kubectl taint` / `kubectl label` on a node: its taints and labels
/// changed by `f`, everything else kept.
fn edit_node(
    c: &mut Cluster,
    node: &str,
    f: impl FnOnce(&mut kubetutor::sim::objects::Labels, &mut Vec<Taint>),
) {
    let n = c.node(node).unwrap();
    let mut labels = n.meta.labels.clone();
    let annotations = n.meta.annotations.clone();
    let mut taints: Vec<Taint> = n.taints.iter().map(|t| t.taint.clone()).collect();
    f(&mut labels, &mut taints);
    c.set_node_meta(node, labels, annotations, taints).unwrap();
}

fn apply_op(c: &mut Cluster, op: &Op) {
    match *op {
        Op::Join => {
            if c.nodes().len() < 8 {
                c.add_worker(None).unwrap();
            }
        }
        Op::Down(n) => {
            let n = worker_name(c, n);
            c.set_node_down(&n, true).unwrap();
        }
        Op::Up(n) => {
            let n = worker_name(c, n);
            c.set_node_down(&n, false).unwrap();
        }
        Op::Taint(n, no_execute) => {
            let n = node_name(c, n);
            let effect = if no_execute {
                TaintEffect::NoExecute
            } else {
                TaintEffect::NoSchedule
            };
            edit_node(c, &n, |_, taints| {
                taints.retain(|t| t.key != USER_TAINT);
                taints.push(Taint {
                    key: USER_TAINT.into(),
                    value: Some("logging".into()),
                    effect,
                });
            });
        }
        Op::Untaint(n) => {
            let n = node_name(c, n);
            edit_node(c, &n, |_, taints| taints.retain(|t| t.key != USER_TAINT));
        }
        Op::Label(n) => {
            let n = node_name(c, n);
            edit_node(c, &n, |labels, _| {
                labels.insert("agent".into(), "yes".into());
            });
        }
        Op::Unlabel(n) => {
            let n = node_name(c, n);
            edit_node(c, &n, |labels, _| {
                labels.remove("agent");
            });
        }
        Op::Cordon(n) => {
            let n = node_name(c, n);
            c.set_schedulable(&n, false).unwrap();
        }
        Op::Uncordon(n) => {
            let n = node_name(c, n);
            c.set_schedulable(&n, true).unwrap();
        }
        Op::Create(k) => {
            let set = SETS[k as usize];
            if c.store().daemonsets().oid_of("default", set).is_none() {
                apply(c, &manifest(set));
            }
        }
        Op::Delete(k) => {
            let set = SETS[k as usize];
            if c.store().daemonsets().oid_of("default", set).is_some() {
                c.delete(Kind::DaemonSet, "default", set, None).unwrap();
            }
        }
    }
}

/// What the rules say about one DaemonSet on one node: (a new Pod goes
/// there, a Pod already there may stay).
fn rules(c: &Cluster, set: &str, node: &str) -> (bool, bool) {
    let n = c.node(node).unwrap();
    if set == "labelled" && n.meta.labels.get("agent").map(String::as_str) != Some("yes") {
        return (false, false);
    }
    let tolerated = |t: &Taint| match (t.key.as_str(), t.effect) {
        (CONTROL_PLANE_TAINT, TaintEffect::NoSchedule) => set == "all",
        // Added to every daemon Pod by the controller.
        ("node.kubernetes.io/not-ready" | UNREACHABLE, TaintEffect::NoExecute) => true,
        ("node.kubernetes.io/unschedulable", TaintEffect::NoSchedule) => true,
        _ => false,
    };
    let untolerated = |effect: TaintEffect| {
        n.taints
            .iter()
            .any(|t| t.taint.effect == effect && !tolerated(&t.taint))
    };
    let no_execute = untolerated(TaintEffect::NoExecute);
    let no_schedule = untolerated(TaintEffect::NoSchedule);
    (!no_execute && !no_schedule, !no_execute)
}

/// The node a daemon Pod is for: where it is bound, else where it is pinned.
fn pod_node(p: &Pod) -> String {
    p.node_name
        .as_deref()
        .map(String::from)
        .or_else(|| p.node_name_affinity.first().cloned())
        .unwrap_or_default()
}

/// The Pods of `set` not being deleted, by node.
fn placed(c: &Cluster, set: &str) -> BTreeMap<String, Vec<String>> {
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for p in c.store().pods().iter() {
        if p.meta.namespace == "default"
            && p.meta.labels.get("ds").map(String::as_str) == Some(set)
            && p.meta.deletion_ms.is_none()
        {
            out.entry(pod_node(p))
                .or_default()
                .push(p.meta.name.clone());
        }
    }
    out
}

fn exists(c: &Cluster, set: &str) -> bool {
    c.store().daemonsets().oid_of("default", set).is_some()
}

/// After the cluster has settled: the expected nodes of each DaemonSet,
/// from the nodes it had before (`had`) and the rules.
fn expected(c: &Cluster, set: &str, had: &BTreeSet<String>) -> BTreeSet<String> {
    if !exists(c, set) {
        return BTreeSet::new();
    }
    c.nodes()
        .iter()
        .map(|n| n.meta.name.clone())
        .filter(|n| {
            let (run, keep) = rules(c, set, n);
            run || (keep && had.contains(n))
        })
        .collect()
}

/// Never two live Pods of one DaemonSet on one node, at any moment.
fn at_most_one(c: &Cluster) -> Result<(), TestCaseError> {
    for set in SETS {
        for (node, pods) in placed(c, set) {
            prop_assert!(
                pods.len() <= 1,
                "{} has {:?} on {} at {} ms",
                set,
                pods,
                node,
                c.now()
            );
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn a_daemonset_has_exactly_one_pod_on_every_node_that_should_run_it(
        seed in 0u64..1000,
        first in 0u8..3,
        ops in proptest::collection::vec(op(), 1..16),
    ) {
        let mut c = Cluster::new(seed);
        apply(&mut c, &manifest(SETS[first as usize]));
        // Per DaemonSet, the nodes it had after the last settled step.
        let mut had: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
        for op in std::iter::once(None).chain(ops.iter().map(Some)) {
            if let Some(op) = op {
                // A DaemonSet created anew starts from no Pods at all.
                if let Op::Create(k) = op
                    && !exists(&c, SETS[*k as usize])
                {
                    had.remove(SETS[*k as usize]);
                }
                apply_op(&mut c, op);
            }
            // Long enough for a lost node's taints (grace period 50 s plus
            // a monitor pass) and for the Pods to start.
            let end = c.now() + 75_000;
            while c.now() < end {
                c.advance(500);
                at_most_one(&c)?;
            }
            for set in SETS {
                let before = had.remove(set).unwrap_or_default();
                let want = expected(&c, set, &before);
                let got: BTreeMap<String, Vec<String>> = placed(&c, set);
                let on: BTreeSet<String> = got.keys().cloned().collect();
                prop_assert_eq!(&on, &want, "{} after {:?} at {} ms", set, op, c.now());
                for (node, pods) in &got {
                    prop_assert_eq!(pods.len(), 1, "{} on {}: {:?}", set, node, pods);
                    // On a node that answers, the Pod runs.
                    if !c.node_down(node) {
                        let p = c.pod("default", &pods[0]).unwrap();
                        prop_assert_eq!(p.status.phase, Phase::Running, "{} on {}", pods[0], node);
                    }
                }
                had.insert(set, on);
            }
        }
    }
}
