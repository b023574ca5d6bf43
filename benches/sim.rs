//! The simulator at scale: 1,000 nodes and 10,000 pods, beside what
//! already runs there: the kube-system pods (the control plane's static
//! pods, CoreDNS, kube-proxy on every node), one DaemonSet (a pod on each
//! of the 1,000 workers) and 100 StatefulSets of 10 replicas (1,000 more
//! pods, each with its claim and provisioned volume).
//!
//! - `schedule/10k-pods-1000-nodes`: one step in which the scheduler binds
//!   10,000 pending pods (throughput in pods per second; target ≥ 100,000/s);
//! - `tick/steady-1000-nodes-10k-pods`: one 100 ms step once every pod is
//!   running (target ≤ 2 ms);
//! - peak memory (target ≤ 50 MB), printed first, for two clusters run to
//!   steady state: issue #11's (1,000 nodes, 10,000 pods, kube-system) and
//!   issue #14's (the same plus the DaemonSet and the StatefulSets).
//!
//! Peak memory is the kernel's high-water mark (VmHWM) less the resident
//! set before the cluster was built. VmHWM belongs to the whole process, so
//! each cluster is measured in a process of its own: the benchmark runs
//! itself again with `SIM_MEMORY_CASE=11` or `SIM_MEMORY_CASE=14` set,
//! which builds that one cluster, prints its line and exits. Run one case
//! by hand (under `heaptrack`, say) the same way:
//! `SIM_MEMORY_CASE=11 target/release/deps/sim-<hash>`.

use criterion::{BatchSize, Criterion, Throughput};
use kubetutor::sim::clock::STEP_MS;
use kubetutor::sim::objects::*;
use kubetutor::sim::{Cluster, ClusterConfig};
use std::hint::black_box;

const NODES: usize = 1000;
const PODS: usize = 10_000;
const STATEFULSETS: usize = 100;
const STATEFUL_REPLICAS: u32 = 10;

fn big_cluster() -> Cluster {
    Cluster::with_config(
        7,
        ClusterConfig {
            workers: NODES,
            cpu_millis: 8000,
            memory_bytes: 32 << 30,
            ..ClusterConfig::default()
        },
    )
}

fn pending_pods(c: &mut Cluster) {
    for i in 0..PODS {
        let mut container = ContainerSpec::new("app", "nginx:1.27");
        container.requests = Resources {
            cpu_millis: 100,
            memory_bytes: 128 << 20,
        };
        let mut meta = ObjectMeta::named(format!("pod-{i:05}"));
        meta.labels.insert("app".into(), format!("app-{}", i % 50));
        let spec = PodSpec {
            containers: vec![container],
            ..PodSpec::default()
        };
        c.create(Object {
            meta,
            spec: Spec::Pod(spec),
        })
        .expect("valid pod");
    }
}

/// 100 StatefulSets × 10 replicas (Parallel), each Pod with a 1Gi claim
/// of the default StorageClass.
fn statefulsets(c: &mut Cluster) {
    let mut yaml = String::new();
    for i in 0..STATEFULSETS {
        yaml.push_str(&format!(
            "---\napiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db-{i:03}\nspec:\n  serviceName: db-{i:03}\n  replicas: {STATEFUL_REPLICAS}\n  podManagementPolicy: Parallel\n  selector:\n    matchLabels: {{app: db-{i:03}}}\n  template:\n    metadata:\n      labels: {{app: db-{i:03}}}\n    spec:\n      containers:\n      - name: db\n        image: redis:7\n        resources:\n          requests: {{cpu: 100m, memory: 128Mi}}\n        volumeMounts: [{{name: data, mountPath: /data}}]\n  volumeClaimTemplates:\n  - metadata: {{name: data}}\n    spec:\n      accessModes: [ReadWriteOnce]\n      resources: {{requests: {{storage: 1Gi}}}}\n"
        ));
    }
    let out = c.apply_manifest(&yaml);
    assert!(out.ok, "{:?}", out.lines.first());
}

/// A node agent: one pod on every worker (it does not tolerate the
/// control plane's taint).
fn daemonset(c: &mut Cluster) {
    let out = c.apply_manifest(
        "apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: node-agent\nspec:\n  selector:\n    matchLabels: {app: node-agent}\n  template:\n    metadata:\n      labels: {app: node-agent}\n    spec:\n      containers:\n      - name: agent\n        image: busybox:1.36\n        command: [sleep, \"3600\"]\n        resources:\n          requests: {cpu: 50m, memory: 64Mi}\n",
    );
    assert!(out.ok, "{:?}", out.lines.first());
}

/// The big cluster with its DaemonSet and StatefulSets running.
fn with_statefulsets() -> Cluster {
    let mut c = big_cluster();
    c.advance(STEP_MS);
    daemonset(&mut c);
    statefulsets(&mut c);
    c.advance(60_000);
    let running = Some(kubetutor::sim::stored::Phase::Running);
    let stateful = STATEFULSETS * STATEFUL_REPLICAS as usize;
    assert_eq!(
        c.pods_matching("default", "app=node-agent", running),
        Ok(NODES)
    );
    assert_eq!(
        c.pods_matching("default", "", running),
        Ok(stateful + NODES)
    );
    // kube-proxy on every node, the control plane's too.
    assert_eq!(
        c.pods_matching("kube-system", "k8s-app=kube-proxy", running),
        Ok(NODES + 1)
    );
    c
}

/// A cluster ready for scheduling: nodes registered and seen by the
/// scheduler, the StatefulSets running, 10,000 pods pending.
fn ready_to_schedule(base: &Cluster) -> Cluster {
    let mut c = base.clone();
    pending_pods(&mut c);
    c
}

fn kib(field: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(field))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Which cluster a memory case builds.
#[derive(Clone, Copy)]
enum Case {
    /// Issue #11: 1,000 nodes, 10,000 pods, kube-system.
    Pods,
    /// Issue #14: the same with the DaemonSet and the StatefulSets.
    Workloads,
}

const CASE_VAR: &str = "SIM_MEMORY_CASE";

/// Build one case's cluster, run it to steady state and print its peak.
fn memory_case(case: Case) {
    let before = kib("VmRSS:");
    // Built in place: a clone of a base cluster would count both.
    let (mut c, label) = match case {
        Case::Pods => {
            let mut c = big_cluster();
            c.advance(STEP_MS);
            (c, "#11 kube-system + 10,000 pods")
        }
        Case::Workloads => (
            with_statefulsets(),
            "#14 kube-system + DaemonSet + StatefulSets + 10,000 pods",
        ),
    };
    pending_pods(&mut c);
    c.advance(60_000);
    let pods = c.store().pods();
    let total = pods.iter().count();
    let running = pods
        .iter()
        .filter(|p| p.status.phase == kubetutor::sim::stored::Phase::Running)
        .count();
    let peak = kib("VmHWM:");
    match (before, peak) {
        (Some(b), Some(p)) => println!(
            "memory {label}: {NODES} nodes, {running}/{total} pods running: peak {:.1} MB (VmHWM {:.1} MB, baseline RSS {:.1} MB)",
            p.saturating_sub(b) as f64 / 1024.0,
            p as f64 / 1024.0,
            b as f64 / 1024.0
        ),
        _ => println!("memory {label}: /proc/self/status not available"),
    }
    drop(black_box(c));
}

/// Measure each case in a fresh process (this executable run again).
fn memory() {
    let exe = std::env::current_exe().expect("the benchmark's own path");
    for case in ["11", "14"] {
        let out = std::process::Command::new(&exe)
            .env(CASE_VAR, case)
            .output()
            .expect("run the memory case");
        print!("{}", String::from_utf8_lossy(&out.stdout));
        assert!(
            out.status.success(),
            "memory case {case} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

fn schedule(cr: &mut Criterion, base: &Cluster) {
    let mut g = cr.benchmark_group("schedule");
    g.sample_size(10);
    g.throughput(Throughput::Elements(PODS as u64));
    g.bench_function("10k-pods-1000-nodes", |b| {
        b.iter_batched(
            || ready_to_schedule(base),
            |mut c| {
                c.advance(STEP_MS);
                assert_eq!(c.scheduling_queue_len(), 0);
                c
            },
            BatchSize::LargeInput,
        )
    });
    g.finish();
}

fn tick(cr: &mut Criterion, base: &Cluster) {
    let mut c = ready_to_schedule(base);
    c.advance(60_000);
    let mut g = cr.benchmark_group("tick");
    g.bench_function("steady-1000-nodes-10k-pods", |b| {
        b.iter(|| c.advance(STEP_MS))
    });
    g.finish();
}

fn main() {
    match std::env::var(CASE_VAR).as_deref() {
        Ok("11") => return memory_case(Case::Pods),
        Ok("14") => return memory_case(Case::Workloads),
        Ok(other) => panic!("{CASE_VAR} is 11 or 14, not {other:?}"),
        Err(_) => memory(),
    }
    let base = with_statefulsets();
    let mut c = Criterion::default().configure_from_args();
    schedule(&mut c, &base);
    tick(&mut c, &base);
    c.final_summary();
}
