//! Liveness, readiness and startup probes as the kubelet runs them: when
//! they start, how failures count, what the events say (worded as the
//! v1.33 kubelet), a liveness failure restarting the container and a
//! readiness failure only taking the Pod out of its Service.
//! - <https://kubernetes.io/docs/concepts/configuration/liveness-readiness-startup-probes/>
//! - <https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/>

#[path = "support/kube.rs"]
mod kube;
use kube::*;
use kubetutor::sim::Cluster;

fn started_at(c: &Cluster, pod: &str) -> u64 {
    c.events()
        .find(|e| e.involved.name == pod && e.reason == "Started")
        .map(|e| e.first_ms)
        .expect("the container started")
}

#[test]
fn the_docs_http_liveness_example_restarts_agnhost_after_three_500s() {
    // agnhost liveness: /healthz is 200 for 10 s, then 500.
    let pod = r#"
apiVersion: v1
kind: Pod
metadata:
  name: liveness-http
spec:
  containers:
  - name: liveness
    image: registry.k8s.io/e2e-test-images/agnhost:2.40
    args: [liveness]
    livenessProbe:
      httpGet:
        path: /healthz
        port: 8080
      initialDelaySeconds: 3
      periodSeconds: 3
"#;
    let mut c = cluster(pod);
    let log = event_log(&mut c, "liveness-http", 40_000);
    let start = started_at(&c, "liveness-http");
    let probes: Vec<&(u64, String, String)> = log
        .iter()
        .filter(|(_, r, _)| r == "Unhealthy" || r == "Killing")
        .collect();
    let failed = "Liveness probe failed: HTTP probe failed with statuscode: 500";
    let killing = "Container liveness failed liveness probe, will be restarted";
    let words: Vec<&str> = probes.iter().take(4).map(|(_, _, m)| m.as_str()).collect();
    assert_eq!(words, [failed, failed, failed, killing]);
    // Probes every 3 s from 3 s after the start: the first 500 comes with
    // the probe after 10 s (at 12 s), the third two periods later.
    let after = |i: usize| probes[i].0 - start;
    assert!((10_000..=13_000).contains(&after(0)), "{}", after(0));
    assert_eq!(after(1) - after(0), 3_000);
    assert_eq!(after(2) - after(1), 3_000);
    assert_eq!(after(3), after(2), "killed on the third failure in a row");
    assert_eq!(pod_row(&c, "liveness-http").2, 1);
}

#[test]
fn the_docs_exec_liveness_example_fails_once_the_file_is_gone() {
    let pod = r#"
apiVersion: v1
kind: Pod
metadata:
  name: liveness-exec
spec:
  containers:
  - name: liveness
    image: registry.k8s.io/busybox:1.27.2
    args: ["/bin/sh", "-c", "touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600"]
    livenessProbe:
      exec:
        command: [cat, /tmp/healthy]
      initialDelaySeconds: 5
      periodSeconds: 5
"#;
    let mut c = cluster(pod);
    c.advance(30_000);
    assert!(
        !events(&c, "liveness-exec")
            .iter()
            .any(|(r, _)| r == "Unhealthy"),
        "healthy for the first 30 s"
    );
    c.advance(20_000);
    let describe = run(&mut c, "describe pod liveness-exec");
    assert!(describe.contains(
        "    Liveness:       exec [cat /tmp/healthy] delay=5s timeout=1s period=5s #success=1 #failure=3\n"
    ));
    let ev = events(&c, "liveness-exec");
    assert!(ev.contains(&(
        "Unhealthy".into(),
        "Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory".into()
    )));
    assert!(ev.contains(&(
        "Killing".into(),
        "Container liveness failed liveness probe, will be restarted".into()
    )));
}

const PROBED: &str = r#"
apiVersion: v1
kind: Pod
metadata:
  name: redis-tcp
spec:
  containers:
  - name: redis
    image: redis:7
    readinessProbe:
      tcpSocket:
        port: 6380
      periodSeconds: 5
    livenessProbe:
      tcpSocket:
        port: 6379
      periodSeconds: 5
---
apiVersion: v1
kind: Pod
metadata:
  name: slow-exec
spec:
  containers:
  - name: app
    image: busybox:1.36
    command: ["sh", "-c", "sleep 3600"]
    readinessProbe:
      exec:
        command: ["sh", "-c", "sleep 5"]
      timeoutSeconds: 2
      periodSeconds: 5
"#;

#[test]
fn a_failing_readiness_probe_never_restarts_and_says_why() {
    // tcpSocket: a closed port refuses; exec: a command longer than
    // timeoutSeconds times out.
    let mut c = cluster(PROBED);
    c.advance(60_000);
    assert_eq!(
        pod_row(&c, "redis-tcp"),
        ("Running".into(), "0/1".into(), 0)
    );
    assert_eq!(
        pod_row(&c, "slow-exec"),
        ("Running".into(), "0/1".into(), 0)
    );
    let ip = c
        .pod("default", "redis-tcp")
        .and_then(|p| p.status.pod_ip.clone())
        .unwrap();
    assert!(events(&c, "redis-tcp").contains(&(
        "Unhealthy".into(),
        format!("Readiness probe failed: dial tcp {ip}:6380: connect: connection refused")
    )));
    assert!(
        !events(&c, "redis-tcp")
            .iter()
            .any(|(_, m)| m.starts_with("Liveness")),
        "redis listens on 6379"
    );
    assert!(events(&c, "slow-exec").contains(&(
        "Unhealthy".into(),
        "Readiness probe failed: command \"sh -c sleep 5\" timed out".into()
    )));
}

#[test]
fn readiness_takes_a_pod_out_of_its_service_without_a_restart() {
    // https://kubernetes.io/docs/concepts/configuration/liveness-readiness-startup-probes/#readiness-probe
    let app = r#"
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: web
        image: nginx:1.27
        command: ["sh", "-c", "touch /tmp/ready; nginx -g 'daemon off;'"]
        readinessProbe:
          exec:
            command: [cat, /tmp/ready]
          periodSeconds: 5
          failureThreshold: 2
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector: {app: web}
  ports:
  - port: 80
"#;
    let mut c = cluster(app);
    until(&mut c, 30_000, |c| {
        c.endpoint_count("default", "web") == Ok(2)
    });
    let victim = pod_names(&c)[0].clone();
    run(&mut c, &format!("exec {victim} -- rm /tmp/ready"));
    let gone = until(&mut c, 15_000, |c| {
        c.endpoint_count("default", "web") == Ok(1)
    });
    let ep = run(&mut c, "get endpoints web");
    let ip = c
        .pod("default", &victim)
        .and_then(|p| p.status.pod_ip.clone())
        .unwrap();
    assert!(!ep.contains(&ip), "{ep}");
    assert_eq!(pod_row(&c, &victim), ("Running".into(), "0/1".into(), 0));
    run(&mut c, &format!("exec {victim} -- touch /tmp/ready"));
    let back = until(&mut c, 10_000, |c| {
        c.endpoint_count("default", "web") == Ok(2)
    });
    assert!(back - gone <= 10_000, "one success is enough");
    assert_eq!(pod_row(&c, &victim).2, 0);
}

#[test]
fn success_threshold_needs_that_many_successes_in_a_row() {
    let pod = r#"
apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: web
    image: nginx:1.27
    readinessProbe:
      httpGet:
        path: /
        port: 80
      initialDelaySeconds: 2
      periodSeconds: 5
      successThreshold: 3
"#;
    let mut c = cluster(pod);
    let ready = until(&mut c, 30_000, |c| {
        c.pod("default", "web")
            .is_some_and(|p| kubetutor::sim::status::pod_ready(p).0 == 1)
    });
    let start = started_at(&c, "web");
    // The probe worker ticks every 5 s from when the Pod was added; the
    // first tick at least 2 s after the start counts, ready with the
    // third success: between 2 + 10 s and 2 + 5 + 10 s after the start.
    assert!(
        (12_000..17_000).contains(&(ready - start)),
        "{}",
        ready - start
    );
}

#[test]
fn a_startup_probe_holds_the_liveness_probe_back() {
    let pod = |startup: bool| {
        let mut text = String::from(
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: slow\nspec:\n  containers:\n  - name: app\n    image: nginx:1.27\n    env:\n    - name: STARTUP_DELAY\n      value: \"60\"\n    livenessProbe:\n      httpGet: {path: /, port: 80}\n      periodSeconds: 10\n",
        );
        if startup {
            text.push_str("    startupProbe:\n      httpGet: {path: /, port: 80}\n      periodSeconds: 10\n      failureThreshold: 30\n");
        }
        text
    };
    let mut killed = cluster(&pod(false));
    killed.advance(5 * 60_000);
    assert!(
        pod_row(&killed, "slow").2 >= 3,
        "{:?}",
        pod_row(&killed, "slow")
    );
    let mut guarded = cluster(&pod(true));
    guarded.advance(50_000);
    assert_eq!(
        pod_row(&guarded, "slow"),
        ("Running".into(), "0/1".into(), 0)
    );
    let unhealthy: Vec<String> = events(&guarded, "slow")
        .into_iter()
        .filter(|(r, _)| r == "Unhealthy")
        .map(|(_, m)| m)
        .collect();
    assert!(!unhealthy.is_empty());
    assert!(
        unhealthy
            .iter()
            .all(|m| m.starts_with("Startup probe failed: Get \"http://")
                && m.ends_with(":80: connect: connection refused")),
        "{unhealthy:?}"
    );
    guarded.advance(5 * 60_000);
    assert_eq!(
        pod_row(&guarded, "slow"),
        ("Running".into(), "1/1".into(), 0)
    );
    let describe = run(&mut guarded, "describe pod slow");
    assert!(describe.contains(
        "    Startup:        http-get http://:80/ delay=0s timeout=1s period=10s #success=1 #failure=30\n"
    ));
}

#[test]
fn healthz_fail_after_makes_any_server_unhealthy_on_purpose() {
    // The simulator's knob (lessons/README.md): /healthz answers 500 from
    // 20 s after each start; the restart starts the count again.
    let pod = r#"
apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: web
    image: nginx:1.27
    env:
    - name: HEALTHZ_FAIL_AFTER
      value: "20"
    livenessProbe:
      httpGet: {path: /healthz, port: 80}
      periodSeconds: 5
      failureThreshold: 2
"#;
    let mut c = cluster(pod);
    let log = event_log(&mut c, "web", 70_000);
    let kills: Vec<u64> = log
        .iter()
        .filter(|(_, r, _)| r == "Killing")
        .map(|(t, _, _)| *t)
        .collect();
    let start = started_at(&c, "web");
    assert!(!kills.is_empty());
    assert!(
        (20_000..=31_000).contains(&(kills[0] - start)),
        "{}",
        kills[0] - start
    );
    assert!(log.iter().any(|(_, r, m)| r == "Unhealthy"
        && m == "Liveness probe failed: HTTP probe failed with statuscode: 500"));
    // nginx stops cleanly on SIGTERM: Completed, exit code 0.
    let describe = run(&mut c, "describe pod web");
    assert!(
        describe.contains(
            "    Last State:     Terminated\n      Reason:       Completed\n      Exit Code:    0\n"
        ),
        "{describe}"
    );
}
