//! Requests, limits and what the node does with them: OOM kills at the
//! memory limit, CPU held to its limit, QoS classes, and node-pressure
//! eviction choosing its victims by them.
//! - <https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/>
//! - <https://kubernetes.io/docs/tasks/configure-pod-container/assign-memory-resource/>
//! - <https://kubernetes.io/docs/tasks/configure-pod-container/assign-cpu-resource/>
//! - <https://kubernetes.io/docs/concepts/workloads/pods/pod-qos/>
//! - <https://kubernetes.io/docs/concepts/scheduling-eviction/node-pressure-eviction/>

#[path = "support/kube.rs"]
mod kube;
use kube::*;

const DOCS_PODS: &str = r#"
apiVersion: v1
kind: Pod
metadata:
  name: memory-demo
spec:
  containers:
  - name: memory-demo-ctr
    image: polinux/stress
    resources:
      requests: {memory: "100Mi"}
      limits: {memory: "200Mi"}
    command: ["stress"]
    args: ["--vm", "1", "--vm-bytes", "150M", "--vm-hang", "1"]
---
apiVersion: v1
kind: Pod
metadata:
  name: memory-demo-2
spec:
  containers:
  - name: memory-demo-2-ctr
    image: polinux/stress
    resources:
      requests: {memory: "50Mi"}
      limits: {memory: "100Mi"}
    command: ["stress"]
    args: ["--vm", "1", "--vm-bytes", "250M", "--vm-hang", "1"]
---
apiVersion: v1
kind: Pod
metadata:
  name: cpu-demo
spec:
  containers:
  - name: cpu-demo-ctr
    image: vish/stress
    resources:
      limits: {cpu: "1"}
      requests: {cpu: "0.5"}
    args: ["-cpus", "2"]
"#;

#[test]
fn a_container_over_its_memory_limit_is_oom_killed_with_137() {
    // assign-memory-resource: "Exceed a Container's memory limit".
    let mut c = cluster(DOCS_PODS);
    let mut seen = Vec::new();
    while c.now() < 60_000 {
        c.advance(100);
        let s = pod_row(&c, "memory-demo-2").0;
        if seen.last() != Some(&s) {
            seen.push(s);
        }
    }
    assert!(seen.contains(&"OOMKilled".to_string()), "{seen:?}");
    assert!(seen.contains(&"CrashLoopBackOff".to_string()), "{seen:?}");
    assert!(pod_row(&c, "memory-demo-2").2 >= 2);
    let describe = run(&mut c, "describe pod memory-demo-2");
    assert!(
        describe.contains("    Last State:     Terminated\n      Reason:       OOMKilled\n      Exit Code:    137\n"),
        "{describe}"
    );
    // Within its limit, the other one runs and uses what it allocated.
    assert_eq!(
        pod_row(&c, "memory-demo"),
        ("Running".into(), "1/1".into(), 0)
    );
}

#[test]
fn with_restart_policy_never_an_oom_kill_fails_the_pod() {
    let mut c = cluster(&DOCS_PODS.replacen(
        "  containers:\n  - name: memory-demo-2-ctr",
        "  restartPolicy: Never\n  containers:\n  - name: memory-demo-2-ctr",
        1,
    ));
    c.advance(20_000);
    assert_eq!(
        pod_row(&c, "memory-demo-2"),
        ("OOMKilled".into(), "0/1".into(), 0)
    );
    assert_eq!(
        run(&mut c, "get pod memory-demo-2 -o jsonpath={.status.phase}"),
        "Failed"
    );
}

#[test]
fn top_shows_memory_used_and_cpu_held_at_the_limit() {
    // assign-cpu-resource: vish/stress asks for 2 CPUs, its limit is 1:
    // "the container's CPU use is being throttled".
    let mut c = cluster(DOCS_PODS);
    c.advance(60_000);
    let top = run(&mut c, "top pods");
    let row = |name: &str| -> Vec<String> {
        top.lines()
            .find(|l| l.starts_with(&format!("{name} ")))
            .unwrap_or_else(|| panic!("{top}"))
            .split_whitespace()
            .map(str::to_string)
            .collect()
    };
    assert_eq!(row("cpu-demo")[1], "1000m");
    assert_eq!(row("memory-demo")[2], "150Mi");
    assert!(
        top.starts_with("NAME          CPU(cores)   MEMORY(bytes)\n"),
        "{top}"
    );
}

#[test]
fn qos_classes_come_from_requests_and_limits() {
    // https://kubernetes.io/docs/concepts/workloads/pods/pod-qos/
    let pods = r#"
apiVersion: v1
kind: Pod
metadata: {name: guaranteed}
spec:
  containers:
  - name: app
    image: nginx:1.27
    resources:
      limits: {cpu: 200m, memory: 64Mi}
---
apiVersion: v1
kind: Pod
metadata: {name: burstable}
spec:
  containers:
  - name: app
    image: nginx:1.27
    resources:
      requests: {memory: 64Mi}
---
apiVersion: v1
kind: Pod
metadata: {name: besteffort}
spec:
  containers:
  - name: app
    image: nginx:1.27
"#;
    let mut c = cluster(pods);
    c.advance(5_000);
    assert_eq!(
        run(&mut c, "get pods -o jsonpath={.items[*].status.qosClass}"),
        "BestEffort Burstable Guaranteed"
    );
    // Limits alone: the requests default to them.
    let describe = run(&mut c, "describe pod guaranteed");
    assert!(describe.contains(
        "    Limits:\n      cpu:     200m\n      memory:  64Mi\n    Requests:\n      cpu:        200m\n      memory:     64Mi\n"
    ), "{describe}");
    assert!(describe.contains("\nQoS Class:                   Guaranteed\n"));
    assert!(
        run(&mut c, "describe pod besteffort")
            .contains("\nQoS Class:                   BestEffort\n")
    );
}

#[test]
fn memory_pressure_evicts_best_effort_first_and_taints_the_node() {
    // node-pressure-eviction: pods whose usage exceeds their requests go
    // first (BestEffort before Burstable), Guaranteed ones within their
    // requests last; the node reports MemoryPressure and is tainted.
    let pods = r#"
apiVersion: v1
kind: Pod
metadata: {name: besteffort}
spec:
  nodeSelector: {kubernetes.io/hostname: node-1}
  containers:
  - name: hog
    image: polinux/stress
    command: ["stress", "--vm", "1", "--vm-bytes", "1500M", "--vm-hang", "1"]
---
apiVersion: v1
kind: Pod
metadata: {name: burstable}
spec:
  nodeSelector: {kubernetes.io/hostname: node-1}
  containers:
  - name: hog
    image: polinux/stress
    command: ["stress", "--vm", "1", "--vm-bytes", "1200M", "--vm-hang", "1"]
    resources:
      requests: {memory: 500Mi}
---
apiVersion: v1
kind: Pod
metadata: {name: guaranteed}
spec:
  nodeSelector: {kubernetes.io/hostname: node-1}
  containers:
  - name: app
    image: polinux/stress
    command: ["stress", "--vm", "1", "--vm-bytes", "900M", "--vm-hang", "1"]
    resources:
      requests: {memory: 1Gi, cpu: 500m}
      limits: {memory: 1Gi, cpu: 500m}
"#;
    let mut c = cluster(pods);
    c.advance(30_000);
    assert!(
        events(&c, "besteffort").contains(&(
            "Evicted".into(),
            "The node was low on resource: memory. Threshold quantity: 100Mi, available: 0Ki. Container hog was using 1536000Ki, request is 0, has larger consumption of memory. ".into()
        )),
        "{:?}",
        events(&c, "besteffort")
    );
    assert_eq!(
        run(
            &mut c,
            "get pod besteffort -o jsonpath={.status.phase}/{.status.reason}"
        ),
        "Failed/Evicted"
    );
    assert_eq!(pod_row(&c, "burstable").0, "Running");
    assert_eq!(pod_row(&c, "guaranteed").0, "Running");
    let node = run(&mut c, "describe node node-1");
    assert!(node.contains("Taints:             node.kubernetes.io/memory-pressure:NoSchedule\n"));
    assert!(node.contains("  MemoryPressure  True "), "{node}");
    assert!(events(&c, "node-1").contains(&(
        "EvictionThresholdMet".into(),
        "Attempting to reclaim memory".into()
    )));
}
