//! A cluster driven the way a student drives it: manifests applied as
//! text, commands typed on the command bar, the simulator read back.
#![allow(dead_code)]

use kubetutor::kubectl;
use kubetutor::sim::Cluster;
use kubetutor::sim::status::{pod_ready, pod_status};

/// A fresh cluster (seed 1) with `yaml` applied.
pub fn cluster(yaml: &str) -> Cluster {
    let mut c = Cluster::new(1);
    apply(&mut c, yaml);
    c
}

/// `kubectl apply -f` of `yaml`; panics when it is refused.
pub fn apply(c: &mut Cluster, yaml: &str) -> String {
    let out = c.apply_manifest(yaml);
    assert!(out.ok, "apply refused: {:?}", out.lines);
    out.lines.join("\n")
}

/// `kubectl apply -f` of `yaml` that must fail: its error lines.
pub fn apply_fails(c: &mut Cluster, yaml: &str) -> String {
    let out = c.apply_manifest(yaml);
    assert!(!out.ok, "apply accepted: {:?}", out.lines);
    out.lines.join("\n")
}

/// A command-bar line that must succeed: what it printed.
pub fn run(c: &mut Cluster, line: &str) -> String {
    let out = kubectl::execute(c, line);
    assert!(out.ok, "`{line}` failed: {}", out.output);
    out.output
}

/// A command-bar line that must fail: what it printed.
pub fn fails(c: &mut Cluster, line: &str) -> String {
    let out = kubectl::execute(c, line);
    assert!(!out.ok, "`{line}` succeeded: {}", out.output);
    out.output
}

/// The pod's STATUS column, READY column and restarts.
pub fn pod_row(c: &Cluster, name: &str) -> (String, String, u32) {
    let p = c
        .pod("default", name)
        .unwrap_or_else(|| panic!("no pod {name}"));
    let (r, t) = pod_ready(p);
    (pod_status(p), format!("{r}/{t}"), p.restarts())
}

/// The names of the pods in `default`, sorted.
pub fn pod_names(c: &Cluster) -> Vec<String> {
    let mut names: Vec<String> = c
        .store()
        .pods()
        .iter()
        .filter(|p| p.meta.namespace == "default")
        .map(|p| p.meta.name.clone())
        .collect();
    names.sort();
    names
}

/// The (reason, message) of the events about `name`, oldest first.
pub fn events(c: &Cluster, name: &str) -> Vec<(String, String)> {
    c.events()
        .filter(|e| e.involved.name == name)
        .map(|e| (e.reason.clone(), e.message.clone()))
        .collect()
}

/// Advance in 100 ms steps until `done` holds (at most `limit_ms`); the
/// cluster time when it did.
pub fn until(c: &mut Cluster, limit_ms: u64, done: impl Fn(&Cluster) -> bool) -> u64 {
    let end = c.now() + limit_ms;
    while !done(c) {
        assert!(c.now() < end, "not within {limit_ms} ms");
        c.advance(100);
    }
    c.now()
}

/// Advance in 100 ms steps until `until_ms` (cluster time), noting every
/// event about `name` as it happens: (time, reason, message). An event
/// that repeats (counted, `x3 over …`) is noted each time.
pub fn event_log(c: &mut Cluster, name: &str, until_ms: u64) -> Vec<(u64, String, String)> {
    use std::collections::BTreeMap;
    let counts = |c: &Cluster| -> BTreeMap<(String, String), (u32, u64)> {
        c.events()
            .filter(|e| e.involved.name == name)
            .map(|e| ((e.reason.clone(), e.message.clone()), (e.count, e.last_seq)))
            .collect()
    };
    let mut seen = counts(c);
    let mut out: Vec<(u64, String, String)> = seen
        .keys()
        .map(|(r, m)| (c.now(), r.clone(), m.clone()))
        .collect();
    while c.now() < until_ms {
        c.advance(100);
        let now = counts(c);
        // What happened in this step, in the order it was recorded.
        let mut step: Vec<(u64, &(String, String), u32)> = now
            .iter()
            .map(|(key, (n, seq))| (*seq, key, n - seen.get(key).map_or(0, |s| s.0)))
            .filter(|(_, _, new)| *new > 0)
            .collect();
        step.sort();
        for (_, key, new) in step {
            for _ in 0..new {
                out.push((c.now(), key.0.clone(), key.1.clone()));
            }
        }
        seen = now;
    }
    out
}
