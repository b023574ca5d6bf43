//! Properties over random command sequences: a pod is bound to at most one
//! node; live pod IPs are unique and inside their node's CIDR; phases only
//! move along legal transitions and never to Unknown (a current node
//! controller leaves the phase of a lost node's pods alone); READY of a pod
//! on a lost node stays what its kubelet last reported; a pod that leaves a
//! settled ReplicaSet (taint eviction, deletion) is replaced exactly once;
//! ReplicaSets converge when capacity allows; nothing panics.
//! <https://kubernetes.io/docs/concepts/architecture/nodes/#node-controller>
//! <https://kubernetes.io/docs/concepts/scheduling-eviction/taint-and-toleration/#taint-based-evictions>

mod common;
use common::*;
use kubetutor::kubectl;
use kubetutor::sim::Cluster;
use kubetutor::sim::cni::cidr_contains;
use kubetutor::sim::objects::*;
use kubetutor::sim::status::pod_ready;
use kubetutor::sim::stored::{Oid, Phase};
use proptest::prelude::*;
use std::collections::{BTreeMap, BTreeSet};

#[derive(Debug, Clone)]
enum Op {
    Pod {
        id: u8,
        script: u8,
        policy: u8,
    },
    Deploy {
        id: u8,
        replicas: u32,
    },
    Scale {
        id: u8,
        replicas: u32,
    },
    SetImage {
        id: u8,
        version: u8,
    },
    DeleteDeploy {
        id: u8,
    },
    DeletePod {
        nth: u8,
        grace: Option<u8>,
    },
    Job {
        id: u8,
    },
    Down(u8),
    /// The node goes down for longer than the eviction (360 s).
    Lose(u8),
    Up(u8),
    Cordon(u8),
    Uncordon(u8),
    Crash(u8),
    Runtime(bool),
    Wait(u32),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (0u8..4, 0u8..6, 0u8..3).prop_map(|(id, script, policy)| Op::Pod { id, script, policy }),
        (0u8..3, 0u32..6).prop_map(|(id, replicas)| Op::Deploy { id, replicas }),
        (0u8..3, 0u32..7).prop_map(|(id, replicas)| Op::Scale { id, replicas }),
        (0u8..3, 0u8..3).prop_map(|(id, version)| Op::SetImage { id, version }),
        (0u8..3).prop_map(|id| Op::DeleteDeploy { id }),
        (any::<u8>(), proptest::option::of(0u8..40))
            .prop_map(|(nth, grace)| Op::DeletePod { nth, grace }),
        (0u8..2).prop_map(|id| Op::Job { id }),
        (1u8..4).prop_map(Op::Down),
        (1u8..4).prop_map(Op::Lose),
        (1u8..4).prop_map(Op::Up),
        (1u8..4).prop_map(Op::Cordon),
        (1u8..4).prop_map(Op::Uncordon),
        any::<u8>().prop_map(Op::Crash),
        any::<bool>().prop_map(Op::Runtime),
        (1u32..400).prop_map(Op::Wait),
    ]
}

const SCRIPTS: [Option<&str>; 6] = [
    None,
    Some("exit 0"),
    Some("exit 1"),
    Some("sleep 7; exit 2"),
    Some("sleep 20"),
    Some("sleep infinity"),
];
const POLICIES: [RestartPolicy; 3] = [
    RestartPolicy::Always,
    RestartPolicy::OnFailure,
    RestartPolicy::Never,
];

fn nth_pod(c: &Cluster, nth: u8) -> Option<String> {
    let names: Vec<String> = c
        .store()
        .pods()
        .iter()
        .map(|p| p.meta.name.clone())
        .collect();
    (!names.is_empty()).then(|| names[nth as usize % names.len()].clone())
}

fn apply(c: &mut Cluster, op: &Op) {
    match *op {
        Op::Pod { id, script, policy } => {
            let image = if script == 0 { "nginx" } else { "busybox" };
            let _ = c.apply(pod(
                &format!("p{id}"),
                image,
                SCRIPTS[script as usize],
                POLICIES[policy as usize],
            ));
        }
        Op::Deploy { id, replicas } => {
            let _ = c.apply(deployment(&format!("d{id}"), "nginx:1.27", replicas));
        }
        Op::Scale { id, replicas } => {
            let _ = c.scale(Kind::Deployment, "default", &format!("d{id}"), replicas);
        }
        Op::SetImage { id, version } => {
            let name = format!("d{id}");
            let _ = c.set_image(
                "default",
                &name,
                &name,
                &format!("nginx:1.{}", 26 + version),
            );
        }
        Op::DeleteDeploy { id } => {
            let _ = c.delete(Kind::Deployment, "default", &format!("d{id}"), None);
        }
        Op::DeletePod { nth, grace } => {
            if let Some(name) = nth_pod(c, nth) {
                let _ = c.delete(Kind::Pod, "default", &name, grace.map(u64::from));
            }
        }
        Op::Job { id } => {
            let _ = c.apply(job(
                &format!("j{id}"),
                "sleep 3; exit 0",
                2,
                1,
                2,
                RestartPolicy::Never,
            ));
        }
        Op::Down(n) | Op::Lose(n) => {
            let _ = c.set_node_down(&format!("node-{n}"), true);
        }
        Op::Up(n) => {
            let _ = c.set_node_down(&format!("node-{n}"), false);
        }
        Op::Cordon(n) => {
            let _ = c.set_schedulable(&format!("node-{n}"), false);
        }
        Op::Uncordon(n) => {
            let _ = c.set_schedulable(&format!("node-{n}"), true);
        }
        Op::Crash(nth) => {
            if let Some(name) = nth_pod(c, nth) {
                let _ = c.crash("default", &name);
            }
        }
        Op::Runtime(docker) => c.set_runtime(if docker {
            kubetutor::sim::runtime::RuntimeKind::Dockershim
        } else {
            kubetutor::sim::runtime::RuntimeKind::Containerd
        }),
        Op::Wait(_) => {}
    }
}

fn legal(from: Phase, to: Phase) -> bool {
    use Phase::*;
    from == to
        || match from {
            Pending => matches!(to, Running | Succeeded | Failed),
            Running => matches!(to, Succeeded | Failed),
            Unknown | Succeeded | Failed => false,
        }
}

/// What the checks remember between two looks at the cluster.
#[derive(Default)]
struct Seen {
    /// Each pod's last phase, by uid.
    phases: BTreeMap<String, Phase>,
    /// READY of each pod when its node was last up, by uid.
    ready: BTreeMap<String, (usize, usize)>,
    /// ReplicaSets that had exactly `replicas` active pods: oid → generation.
    settled: BTreeMap<Oid, u64>,
}

/// Pods a ReplicaSet counts: owned, not finished, not being deleted.
fn active_of(c: &Cluster, rs: Oid) -> usize {
    c.store()
        .pods()
        .iter()
        .filter(|p| p.meta.owner.as_ref().is_some_and(|o| o.oid == rs) && p.is_active())
        .count()
}

/// Whether `rs` has exactly its `replicas` active pods, now or within a few
/// steps (a pod that left in the last step is replaced on the next).
fn replaced(c: &Cluster, rs: Oid) -> bool {
    let want = |c: &Cluster| {
        c.store()
            .replicasets()
            .get(rs)
            .map(|r| r.spec.replicas as usize)
    };
    if want(c) == Some(active_of(c, rs)) {
        return true;
    }
    let mut probe = c.clone();
    (0..5).any(|_| {
        probe.advance(100);
        want(&probe) == Some(active_of(&probe, rs))
    })
}

/// Check the invariants.
fn check(c: &Cluster, seen: &mut Seen) -> Result<(), TestCaseError> {
    let mut seen_on: BTreeMap<u64, String> = BTreeMap::new();
    for node in c.nodes() {
        for p in c.pods_on(&node.meta.name) {
            prop_assert_eq!(p.node_name.as_deref(), Some(node.meta.name.as_str()));
            prop_assert!(
                seen_on.insert(p.meta.oid, node.meta.name.clone()).is_none(),
                "pod {} on two nodes",
                p.meta.name
            );
        }
    }
    let mut ips = BTreeSet::new();
    for p in c.store().pods().iter() {
        if p.node.is_none() {
            prop_assert!(p.node_name.is_none() || p.status.phase == Phase::Pending);
        } else {
            prop_assert!(
                seen_on.contains_key(&p.meta.oid),
                "bound pod {} missing from its node index",
                p.meta.name
            );
        }
        prop_assert_ne!(
            p.status.phase,
            Phase::Unknown,
            "{} is Unknown",
            &p.meta.name
        );
        if let Some(prev) = seen.phases.insert(p.meta.uid.clone(), p.status.phase) {
            prop_assert!(
                legal(prev, p.status.phase),
                "{}: {:?} -> {:?}",
                p.meta.name,
                prev,
                p.status.phase
            );
        }
        let node = p.node_name.as_deref().unwrap_or("");
        let ready = pod_ready(p);
        if c.node_down(node) {
            if let Some(last) = seen.ready.get(&p.meta.uid) {
                prop_assert_eq!(
                    ready,
                    *last,
                    "READY of {} changed while node {} was lost",
                    &p.meta.name,
                    node
                );
            }
        } else {
            seen.ready.insert(p.meta.uid.clone(), ready);
        }
        if !p.status.phase.is_terminal()
            && !p.spec.host_network
            && let Some(ip) = &p.status.pod_ip
        {
            let node = c.node(p.node_name.as_deref().unwrap_or("")).unwrap();
            prop_assert!(
                cidr_contains(&node.pod_cidr, ip),
                "{ip} outside {}",
                node.pod_cidr
            );
            prop_assert!(ips.insert(ip.clone()), "duplicate live IP {ip}");
        }
    }
    // A settled ReplicaSet whose spec did not change stays settled: every
    // pod that left it (evicted by taint, deleted) was replaced, once.
    let mut settled = BTreeMap::new();
    for rs in c.store().replicasets().iter() {
        let oid = rs.meta.oid;
        if seen.settled.get(&oid) == Some(&rs.meta.generation) {
            // Never more (a pod replaced twice), and soon exactly as many.
            prop_assert!(
                active_of(c, oid) <= rs.spec.replicas as usize,
                "replicaset {} has {} active pods for {} replicas",
                &rs.meta.name,
                active_of(c, oid),
                rs.spec.replicas
            );
            prop_assert!(
                replaced(c, oid),
                "replicaset {} has {} active pods for {} replicas",
                &rs.meta.name,
                active_of(c, oid),
                rs.spec.replicas
            );
        }
        if active_of(c, oid) == rs.spec.replicas as usize {
            settled.insert(oid, rs.meta.generation);
        }
    }
    seen.settled = settled;
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn random_command_sequences_keep_the_invariants(seed in 0u64..1000, ops in proptest::collection::vec(op(), 1..30)) {
        let mut c = Cluster::new(seed);
        let mut seen = Seen::default();
        for op in &ops {
            apply(&mut c, op);
            let secs = match op {
                Op::Wait(s) => *s,
                Op::Lose(_) => 360,
                _ => 1,
            };
            for _ in 0..secs {
                c.advance(1000);
                check(&c, &mut seen)?;
            }
        }
        // With every node back and schedulable, every Deployment converges.
        for n in 1..=3 {
            c.set_node_down(&format!("node-{n}"), false).unwrap();
            c.set_schedulable(&format!("node-{n}"), true).unwrap();
        }
        for _ in 0..900 {
            c.advance(1000);
            check(&c, &mut seen)?;
        }
        for d in c.store().deployments().in_namespace("default") {
            let sel = format!("app={}", d.meta.name);
            let ready = c.ready_matching("default", &sel).unwrap();
            prop_assert_eq!(ready as u32, d.spec.replicas, "deployment {}", d.meta.name);
            let rs_total: u32 = c
                .store()
                .replicasets()
                .iter()
                .filter(|r| r.meta.owner.as_ref().is_some_and(|o| o.oid == d.meta.oid))
                .map(|r| r.status.replicas)
                .sum();
            prop_assert_eq!(rs_total, d.spec.replicas);
        }
    }

    #[test]
    fn any_line_gets_an_answer_never_a_panic(line in "[ -~]{0,60}") {
        let mut c = Cluster::new(1);
        let out = kubectl::execute(&mut c, &line);
        prop_assert!(out.ok || !out.output.is_empty(), "a failure says why: {line:?}");
        let _ = kubectl::complete(&c, &line);
    }

    #[test]
    fn command_shaped_lines_never_panic(
        words in proptest::collection::vec(prop_oneof![
            Just("get"), Just("describe"), Just("delete"), Just("scale"), Just("set"), Just("image"),
            Just("rollout"), Just("status"), Just("create"), Just("deployment"), Just("run"), Just("logs"),
            Just("pods"), Just("deploy/web"), Just("web"), Just("node-1"), Just("-o"), Just("yaml"),
            Just("--replicas=2"), Just("--image=nginx"), Just("-l"), Just("app=web"), Just("wait"),
            Just("5s"), Just("fault"), Just("node-down"), Just("crash"), Just("--"), Just("sh"),
            Just("'exit 1'"), Just("cordon"), Just("drain"), Just("--force"), Just("traffic"),
            Just("scenario"), Just("reset"), Just("runtime"), Just("dockershim"), Just("-n"), Just("-A"),
            Just("\"x y"), Just("web=nginx:2"), Just("apply"), Just("-f"), Just("nope.yaml"), Just("all"),
        ], 0..8)
    ) {
        let mut c = Cluster::new(2);
        kubectl::execute(&mut c, "create deployment web --image=nginx --replicas=2");
        let line = words.join(" ");
        let out = kubectl::execute(&mut c, &line);
        prop_assert!(out.ok || !out.output.is_empty());
        kubectl::execute(&mut c, "wait 10s");
        let _ = kubectl::complete(&c, &line);
    }
}
