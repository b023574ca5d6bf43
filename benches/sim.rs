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
//! - peak memory of building that cluster and running it to steady state,
//!   read from the kernel's high-water mark (VmHWM) and printed first
//!   (target ≤ 50 MB).

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

fn memory() {
    let before = kib("VmRSS:");
    // Built in place: a clone of a base cluster would count both.
    let mut c = with_statefulsets();
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
            "memory: {NODES} nodes, {running}/{total} pods running (kube-system included): peak {:.1} MB (VmHWM {:.1} MB, baseline RSS {:.1} MB)",
            p.saturating_sub(b) as f64 / 1024.0,
            p as f64 / 1024.0,
            b as f64 / 1024.0
        ),
        _ => println!("memory: /proc/self/status not available"),
    }
    drop(black_box(c));
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
    memory();
    let base = with_statefulsets();
    let mut c = Criterion::default().configure_from_args();
    schedule(&mut c, &base);
    tick(&mut c, &base);
    c.final_summary();
}
