//! `kubectl describe` through `kubetutor serve` (kubectl's own describers,
//! fed the simulator's objects and events) prints what the simulator's
//! `describe` prints, for the states of the fidelity issue: pods Running,
//! CrashLoopBackOff, Pending unschedulable, ImagePullBackOff, Terminating
//! and Completed; a node Ready and NotReady; a Deployment, a ReplicaSet, a
//! Job complete and failed, a Service. Ages and wall-clock dates follow
//! the wall clock kubectl reads, so they are masked (and the spaces that
//! pad them collapsed); every other word must match.

#[path = "support/inproc.rs"]
mod inproc;
#[path = "support/serve.rs"]
mod serve;

use kubetutor::kubectl::execute;
use kubetutor::sim::Cluster;

const MANIFESTS: &str = r#"
apiVersion: v1
kind: Pod
metadata: {name: crash, labels: {app: crash}}
spec:
  containers:
  - {name: crash, image: busybox, command: ["sh", "-c", "sleep 3; exit 1"]}
---
apiVersion: v1
kind: Pod
metadata: {name: huge}
spec:
  containers:
  - name: huge
    image: nginx:1.27
    resources: {requests: {cpu: "64"}}
---
apiVersion: v1
kind: Pod
metadata: {name: missing}
spec:
  containers:
  - {name: missing, image: "nginx:no-such-tag"}
---
apiVersion: v1
kind: Pod
metadata: {name: done}
spec:
  restartPolicy: Never
  containers:
  - {name: done, image: busybox, command: ["sh", "-c", "sleep 2; exit 0"]}
---
apiVersion: v1
kind: Pod
metadata: {name: stubborn}
spec:
  containers:
  - {name: stubborn, image: busybox, command: ["sleep", "3600"]}
---
apiVersion: batch/v1
kind: Job
metadata: {name: once}
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
      - {name: once, image: busybox, command: ["sh", "-c", "sleep 2; exit 0"]}
---
apiVersion: batch/v1
kind: Job
metadata: {name: broken}
spec:
  backoffLimit: 0
  template:
    spec:
      restartPolicy: Never
      containers:
      - {name: broken, image: busybox, command: ["sh", "-c", "exit 1"]}
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
  ports:
  - {port: 80, targetPort: 80}
"#;

/// Differences kubectl shows today that the simulator's describe (or the
/// objects it serves) has yet to follow: the sim-release work of issue #11.
/// Each is asserted to still differ, so the entry must go when it is fixed.
const PENDING: &[(&str, &str, &str)] = &[
    (
        "pod",
        "stubborn",
        "#11 item 2: Status: Terminating (lasts ...)",
    ),
    (
        "node",
        "node-1",
        "#11 item 9 and the Lease kind: describe node's Lease: section",
    ),
    (
        "node",
        "node-3",
        "#11 items 1/9: taint order and the Lease: section of a lost node",
    ),
    (
        "deployment",
        "web",
        "#11 item 8: templates carry no serviceAccountName",
    ),
    (
        "replicaset",
        "*",
        "#11 item 8: templates carry no serviceAccountName",
    ),
    (
        "job",
        "once",
        "#11 item 8: templates carry no serviceAccountName",
    ),
    ("job", "broken", "#11 item 9: a failed Job has no Duration:"),
];

fn pending(kind: &str, name: &str) -> Option<&'static str> {
    PENDING
        .iter()
        .find(|(k, n, _)| *k == kind && (*n == name || *n == "*"))
        .map(|(_, _, why)| *why)
}

fn cluster() -> Cluster {
    let mut c = Cluster::new(1);
    assert!(
        execute(
            &mut c,
            "create deployment web --image=nginx:1.27 --replicas=2"
        )
        .ok
    );
    let out = c.apply_manifest(MANIFESTS);
    assert!(out.ok, "{:?}", out.lines);
    c.advance(60_000);
    assert!(execute(&mut c, "fault node-down node-3").ok);
    c.advance(60_000);
    assert!(
        execute(&mut c, "delete pod stubborn --wait=false").ok
            || execute(&mut c, "delete pod stubborn").ok
    );
    c.advance(2_000);
    c
}

fn first_pod(c: &Cluster, prefix: &str) -> String {
    c.store()
        .pods()
        .sorted()
        .map(|p| p.meta.name.clone())
        .find(|n| n.starts_with(prefix))
        .unwrap_or_else(|| panic!("no pod {prefix}*"))
}

#[test]
fn kubectl_describe_prints_what_the_simulator_describes() {
    let kubectl = serve::kubectl("1.33");
    let mut c = cluster();
    let web_pod = first_pod(&c, "web-");
    let rs = c
        .store()
        .replicasets()
        .sorted()
        .next()
        .expect("a ReplicaSet")
        .meta
        .name
        .clone();
    let targets: Vec<(String, String)> = [
        ("pod", web_pod.as_str()),
        ("pod", "crash"),
        ("pod", "huge"),
        ("pod", "missing"),
        ("pod", "stubborn"),
        ("pod", "done"),
        ("node", "node-1"),
        ("node", "node-3"),
        ("deployment", "web"),
        ("replicaset", rs.as_str()),
        ("job", "once"),
        ("job", "broken"),
        ("service", "web"),
    ]
    .iter()
    .map(|(k, n)| (k.to_string(), n.to_string()))
    .collect();
    let mut api = inproc::InProc::start(&mut c);
    let mut failures = Vec::new();
    for (kind, name) in &targets {
        let sim = execute(&mut c, &format!("describe {kind} {name}"));
        let (out, err, ok) = api.kubectl(&mut c, &kubectl, &["describe", kind, name]);
        assert!(ok, "kubectl describe {kind} {name}: {err}");
        let (want, got) = (serve::normalise(&sim.output), serve::normalise(&out));
        if let Some(why) = pending(kind, name) {
            if want == got {
                failures.push(format!(
                    "describe {kind} {name} now matches ({why}): remove it from PENDING"
                ));
            }
            continue;
        }
        if want != got {
            let line = want
                .lines()
                .zip(got.lines())
                .position(|(a, b)| a != b)
                .unwrap_or(want.lines().count().min(got.lines().count()));
            failures.push(format!(
                "describe {kind} {name}, line {}:\n  simulator: {:?}\n  kubectl:   {:?}",
                line + 1,
                want.lines().nth(line).unwrap_or("<end>"),
                got.lines().nth(line).unwrap_or("<end>")
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
