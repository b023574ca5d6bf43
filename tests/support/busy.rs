//! A busy cluster for views, the size sweep and the frame benchmark: every
//! kind of thing the cluster pane draws at once (traffic, requests on the
//! bars, a crash loop, a bad image, unschedulable pods, a Job, a cordoned
//! node and a lost one).
#![allow(dead_code)]

use kubetutor::kubectl;
use kubetutor::sim::Cluster;

const MANIFESTS: &str = r#"
apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  replicas: 4
  selector:
    matchLabels: {app: api}
  template:
    metadata:
      labels: {app: api}
    spec:
      containers:
      - name: redis
        image: redis:7
        resources:
          requests: {cpu: 250m, memory: 256Mi}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: hungry
spec:
  replicas: 2
  selector:
    matchLabels: {app: hungry}
  template:
    metadata:
      labels: {app: hungry}
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
        resources:
          requests: {cpu: "3", memory: 1Gi}
---
apiVersion: batch/v1
kind: Job
metadata:
  name: batch-demo
spec:
  completions: 3
  parallelism: 1
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: work
        image: busybox
        command: ["sh", "-c", "sleep 5; exit 0"]
"#;

/// The commands that make the cluster busy, after the manifests.
pub const COMMANDS: &[&str] = &[
    "run crash-demo --image=busybox -- sh -c 'sleep 3; exit 1'",
    "run typo-demo --image=ngnix:1.27",
    "wait 40s",
    "cordon node-3",
    "fault node-down node-2",
    "wait 2m",
];

/// Make `cluster` busy (it should be a fresh cluster).
pub fn make_busy(cluster: &mut Cluster) {
    let out = kubectl::execute(cluster, "scenario load-balancing");
    assert!(out.ok, "{}", out.output);
    let out = cluster.apply_manifest(MANIFESTS);
    assert!(out.ok, "{:?}", out.lines);
    for line in COMMANDS {
        let out = kubectl::execute(cluster, line);
        assert!(out.ok, "{line}: {}", out.output);
    }
}

pub fn busy(seed: u64) -> Cluster {
    let mut c = Cluster::new(seed);
    make_busy(&mut c);
    c
}
