//! The simulator at scale: 1,000 nodes and 10,000 pods.
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

/// A cluster ready for scheduling: nodes registered and seen by the scheduler.
fn ready_to_schedule() -> Cluster {
    let mut c = big_cluster();
    c.advance(STEP_MS);
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
    let mut c = ready_to_schedule();
    c.advance(60_000);
    let running = c
        .store()
        .pods()
        .iter()
        .filter(|p| p.status.phase == kubetutor::sim::stored::Phase::Running)
        .count();
    let peak = kib("VmHWM:");
    match (before, peak) {
        (Some(b), Some(p)) => println!(
            "memory: {NODES} nodes, {running}/{PODS} pods running: peak {:.1} MB (VmHWM {:.1} MB, baseline RSS {:.1} MB)",
            p.saturating_sub(b) as f64 / 1024.0,
            p as f64 / 1024.0,
            b as f64 / 1024.0
        ),
        _ => println!("memory: /proc/self/status not available"),
    }
    drop(black_box(c));
}

fn schedule(cr: &mut Criterion) {
    let mut g = cr.benchmark_group("schedule");
    g.sample_size(10);
    g.throughput(Throughput::Elements(PODS as u64));
    g.bench_function("10k-pods-1000-nodes", |b| {
        b.iter_batched(
            ready_to_schedule,
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

fn tick(cr: &mut Criterion) {
    let mut c = ready_to_schedule();
    c.advance(60_000);
    let mut g = cr.benchmark_group("tick");
    g.bench_function("steady-1000-nodes-10k-pods", |b| {
        b.iter(|| c.advance(STEP_MS))
    });
    g.finish();
}

fn main() {
    memory();
    let mut c = Criterion::default().configure_from_args();
    schedule(&mut c);
    tick(&mut c);
    c.final_summary();
}
