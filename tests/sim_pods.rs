//! Pod start-up, container exits, restart policies and back-off, image pull
//! errors, graceful deletion and the runtime paths, as exact sequences under
//! fixed seeds.

mod common;
use common::*;
use kubetutor::sim::Cluster;
use kubetutor::sim::cni::cidr_contains;
use kubetutor::sim::events::Component;
use kubetutor::sim::objects::*;
use kubetutor::sim::runtime::RuntimeKind;
use kubetutor::sim::status::{pod_ready, pod_status};
use std::collections::BTreeSet;

#[test]
fn a_pod_starts_container_creating_then_running_and_ready() {
    // https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-phase
    let mut c = Cluster::new(1);
    c.apply(pod("web", "nginx", None, RestartPolicy::Always))
        .unwrap();
    assert_eq!(
        timeline(&mut c, "web", 10_000),
        [
            row(100, "Pending", "Pending", 0),
            row(200, "ContainerCreating", "Pending", 0),
            row(3700, "Running", "Running", 0),
        ]
    );
    let p = c.pod("default", "web").unwrap();
    assert!(p.is_ready());
    assert_eq!(pod_ready(p), (1, 1));
    assert_eq!(p.status.pod_ip.as_deref(), Some("10.244.1.2"));
    assert_eq!(p.status.host_ip.as_deref(), Some("192.168.49.3"));
    assert_eq!(
        events_of(&c, "web")
            .iter()
            .map(|e| e.0.as_str())
            .collect::<Vec<_>>(),
        ["Scheduled", "Pulling", "Pulled", "Created", "Started"]
    );
    assert_eq!(
        events_of(&c, "web")[2].1,
        "Successfully pulled image \"nginx\" in 3.482s (3.482s including waiting). Image size: 72099410 bytes."
    );
}

#[test]
fn pod_ips_come_from_the_node_cidr_are_unique_and_are_released() {
    let mut c = Cluster::new(3);
    for i in 0..12 {
        c.apply(pod(&format!("p{i}"), "nginx", None, RestartPolicy::Always))
            .unwrap();
    }
    c.advance(10_000);
    let mut seen = BTreeSet::new();
    // Pods with hostNetwork (kube-proxy, the control plane's) use their
    // node's address instead.
    for p in c.store().pods().iter().filter(|p| !p.spec.host_network) {
        let ip = p.status.pod_ip.clone().unwrap();
        let node = c.node(p.node_name.as_deref().unwrap()).unwrap();
        assert!(
            cidr_contains(&node.pod_cidr, &ip),
            "{ip} in {}",
            node.pod_cidr
        );
        assert!(seen.insert(ip));
    }
    let p0 = c.pod("default", "p0").unwrap().clone();
    c.delete(Kind::Pod, "default", "p0", Some(0)).unwrap();
    c.advance(1_000);
    c.apply(pod("again", "nginx", None, RestartPolicy::Always))
        .unwrap();
    c.advance(1_000);
    let again = c.pod("default", "again").unwrap();
    assert_ne!(
        again.status.pod_ip, p0.status.pod_ip,
        "host-local does not reuse at once"
    );
}

#[test]
fn exit_codes_and_restart_policy_give_the_documented_phase() {
    // https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#restart-policy
    let cases = [
        (
            "exit 0",
            RestartPolicy::Always,
            "CrashLoopBackOff",
            "Running",
        ),
        ("exit 0", RestartPolicy::OnFailure, "Completed", "Succeeded"),
        ("exit 0", RestartPolicy::Never, "Completed", "Succeeded"),
        (
            "exit 1",
            RestartPolicy::Always,
            "CrashLoopBackOff",
            "Running",
        ),
        (
            "exit 1",
            RestartPolicy::OnFailure,
            "CrashLoopBackOff",
            "Running",
        ),
        ("exit 1", RestartPolicy::Never, "Error", "Failed"),
    ];
    for (script, policy, status, phase) in cases {
        let mut c = Cluster::new(1);
        c.apply(pod("p", "busybox", Some(script), policy)).unwrap();
        c.advance(5_000);
        let p = c.pod("default", "p").unwrap();
        assert_eq!(
            (pod_status(p).as_str(), p.status.phase.name()),
            (status, phase),
            "{script} with {policy:?}"
        );
    }
}

#[test]
fn crash_loop_back_off_doubles_from_10s_to_a_300s_cap() {
    // https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#container-restarts
    // The first restart is immediate; then 10s, 20s, 40s, ... capped at 300s.
    // busybox:1.36 (IfNotPresent): restarts use the image on the node.
    let mut c = Cluster::new(1);
    c.apply(pod(
        "crash-demo",
        "busybox:1.36",
        Some("sleep 3; exit 1"),
        RestartPolicy::Always,
    ))
    .unwrap();
    let tl = timeline(&mut c, "crash-demo", 1_000_000);
    let restarts: Vec<(u64, u32)> = tl
        .iter()
        .filter(|r| r.1 == "Running" && r.3 > 0)
        .map(|r| (r.0, r.3))
        .collect();
    let crashes: Vec<u64> = tl.iter().filter(|r| r.1 == "Error").map(|r| r.0).collect();
    // Each restart comes back-off after the previous crash (+1 s for the next sync on the first).
    let waits: Vec<u64> = restarts
        .iter()
        .zip(&crashes)
        .map(|((t, _), crash)| (t - crash) / 1000)
        .collect();
    assert_eq!(waits, [1, 10, 20, 40, 80, 160, 300, 300]);
    assert_eq!(
        &tl[..6],
        &[
            row(100, "Pending", "Pending", 0),
            row(200, "ContainerCreating", "Pending", 0),
            row(1400, "Running", "Running", 0),
            row(4400, "Error", "Running", 0),
            row(5400, "Running", "Running", 1),
            row(8400, "Error", "Running", 1),
        ]
    );
    assert_eq!(tl[6], row(9400, "CrashLoopBackOff", "Running", 1));
    let p = c.pod("default", "crash-demo").unwrap();
    let waiting = &p.status.container_statuses[0].state;
    assert!(
        matches!(waiting, kubetutor::sim::stored::ContainerState::Waiting { message: Some(m), .. }
            if m.starts_with("back-off 5m0s restarting failed container=crash-demo pod=crash-demo_default(")),
        "{waiting:?}"
    );
}

#[test]
fn back_off_is_forgotten_after_ten_minutes_of_running() {
    // Runs 11 minutes, then fails: every restart is immediate.
    let mut c = Cluster::new(1);
    c.apply(pod(
        "slow",
        "busybox:1.36",
        Some("sleep 660; exit 1"),
        RestartPolicy::Always,
    ))
    .unwrap();
    let tl = timeline(&mut c, "slow", 2_100_000);
    assert!(tl.iter().all(|r| r.1 != "CrashLoopBackOff"), "{tl:?}");
    assert_eq!(tl.last().unwrap().3, 3);
}

#[test]
fn an_unknown_image_fails_to_pull_and_backs_off_while_pending() {
    // https://kubernetes.io/docs/concepts/containers/images/#imagepullbackoff
    let mut c = Cluster::new(1);
    c.apply(pod("typo-demo", "ngnix:1.27", None, RestartPolicy::Always))
        .unwrap();
    // Retries alternate ErrImagePull and ImagePullBackOff: no
    // ContainerCreating in between.
    assert_eq!(
        timeline(&mut c, "typo-demo", 80_000),
        [
            row(100, "Pending", "Pending", 0),
            row(200, "ContainerCreating", "Pending", 0),
            row(1000, "ErrImagePull", "Pending", 0),
            row(2000, "ImagePullBackOff", "Pending", 0),
            row(12200, "ErrImagePull", "Pending", 0),
            row(13200, "ImagePullBackOff", "Pending", 0),
            row(33500, "ErrImagePull", "Pending", 0),
            row(34500, "ImagePullBackOff", "Pending", 0),
            row(74000, "ErrImagePull", "Pending", 0),
            row(75000, "ImagePullBackOff", "Pending", 0),
        ]
    );
    let ev = events_of(&c, "typo-demo");
    assert_eq!(ev[2], ("Failed".to_string(), "Failed to pull image \"ngnix:1.27\": failed to pull and unpack image \"docker.io/library/ngnix:1.27\": failed to resolve reference \"docker.io/library/ngnix:1.27\": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed".to_string()));
    assert_eq!(
        ev[3],
        ("Failed".to_string(), "Error: ErrImagePull".to_string())
    );
    assert_eq!(
        ev[4],
        (
            "BackOff".to_string(),
            "Back-off pulling image \"ngnix:1.27\"".to_string()
        )
    );
    assert_eq!(
        ev[5],
        ("Failed".to_string(), "Error: ImagePullBackOff".to_string())
    );
    assert_eq!(
        c.events()
            .filter(|e| e.reason == "Pulling")
            .map(|e| e.count)
            .sum::<u32>(),
        4
    );
}

#[test]
fn graceful_deletion_ends_when_nginx_exits_on_its_stop_signal() {
    // https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-termination
    let mut c = Cluster::new(1);
    c.apply(pod("web", "nginx", None, RestartPolicy::Always))
        .unwrap();
    c.advance(10_000);
    assert_eq!(
        c.delete(Kind::Pod, "default", "web", None).unwrap(),
        "pod \"web\" deleted"
    );
    // nginx handles its stop signal (SIGQUIT) and exits at once; the pod
    // is gone about a second after the delete.
    assert_eq!(
        timeline(&mut c, "web", 60_000),
        [
            row(10_100, "Terminating", "Running", 0),
            row(10_400, "Terminating", "Succeeded", 0),
            row(11_100, "<gone>", "", 0)
        ]
    );
    assert_eq!(
        events_of(&c, "web").last().unwrap(),
        &("Killing".to_string(), "Stopping container web".to_string())
    );
    assert_eq!(c.kubelet_ipam_in_use("node-1"), Some(0));
    // A pod that was never scheduled goes at once.
    c.apply(with_requests(
        pod("nowhere", "nginx", None, RestartPolicy::Always),
        9000,
        0,
    ))
    .unwrap();
    c.advance(200);
    c.delete(Kind::Pod, "default", "nowhere", None).unwrap();
    assert!(c.pod("default", "nowhere").is_none());
}

#[test]
fn a_shorter_grace_period_ends_sooner() {
    // `sleep` as PID 1 ignores SIGTERM: SIGKILL when the 5 s run out.
    let mut c = Cluster::new(1);
    c.apply(pod(
        "nap",
        "busybox:1.36",
        Some("sleep 3600"),
        RestartPolicy::Always,
    ))
    .unwrap();
    c.advance(10_000);
    c.delete(Kind::Pod, "default", "nap", Some(5)).unwrap();
    assert_eq!(
        timeline(&mut c, "nap", 20_000),
        [
            row(10_100, "Terminating", "Running", 0),
            row(15_100, "Terminating", "Failed", 0),
            row(15_800, "<gone>", "", 0)
        ]
    );
}

fn runtime_hops(kind: RuntimeKind) -> Vec<&'static str> {
    let mut c = Cluster::new(1);
    c.set_runtime(kind);
    c.advance(100);
    let since = c.activity_since(0).last().map_or(0, |a| a.seq + 1);
    c.apply(pod("web", "nginx", None, RestartPolicy::Always))
        .unwrap();
    c.advance(10_000);
    let mut hops: Vec<&'static str> = c
        .activity_since(since)
        .filter(|a| {
            a.reason == "CreateContainer"
                || a.reason == "ContainerCreate" && a.message.contains("k8s_web")
        })
        .map(|a| a.component.name())
        .collect();
    hops.dedup();
    hops
}

#[test]
fn the_runtime_path_names_every_hop() {
    // https://kubernetes.io/docs/setup/production-environment/container-runtimes/
    assert_eq!(runtime_hops(RuntimeKind::Containerd), ["containerd"]);
    assert_eq!(
        runtime_hops(RuntimeKind::Dockershim),
        ["dockershim", "docker", "containerd"]
    );
    let mut c = Cluster::new(1);
    assert_eq!(
        c.runtime_chain(),
        [Component::Kubelet, Component::Containerd]
    );
    c.set_runtime(RuntimeKind::Dockershim);
    assert_eq!(
        c.node("node-1").unwrap().runtime_version,
        "docker://20.10.24"
    );
    assert_eq!(c.node("node-1").unwrap().kubelet_version, "v1.23.17");
    assert_eq!(
        c.runtime_chain(),
        [
            Component::Kubelet,
            Component::Dockershim,
            Component::Docker,
            Component::Containerd
        ]
    );
}

#[test]
fn status_column_is_not_the_phase() {
    // https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#container-states
    let mut c = Cluster::new(1);
    c.apply(pod(
        "crash",
        "busybox",
        Some("exit 2"),
        RestartPolicy::Always,
    ))
    .unwrap();
    c.apply(pod(
        "done",
        "busybox",
        Some("echo hi"),
        RestartPolicy::Never,
    ))
    .unwrap();
    c.advance(20_000);
    let crash = c.pod("default", "crash").unwrap();
    assert_eq!(
        (pod_status(crash).as_str(), crash.status.phase.name()),
        ("CrashLoopBackOff", "Running")
    );
    let yaml = c.to_api_value(Kind::Pod, "default", "crash").unwrap();
    assert_eq!(yaml["status"]["phase"], "Running");
    assert_eq!(
        yaml["status"]["containerStatuses"][0]["state"]["waiting"]["reason"],
        "CrashLoopBackOff"
    );
    assert_eq!(
        yaml["status"]["containerStatuses"][0]["lastState"]["terminated"]["exitCode"],
        2
    );
    let done = c.pod("default", "done").unwrap();
    assert_eq!(
        (pod_status(done).as_str(), done.status.phase.name()),
        ("Completed", "Succeeded")
    );
    assert_eq!(c.logs("default", "done", None, false).unwrap(), ["hi"]);
}

#[test]
fn init_containers_run_first() {
    // https://kubernetes.io/docs/concepts/workloads/pods/init-containers/
    let mut c = Cluster::new(1);
    let spec = PodSpec {
        init_containers: vec![container("wait", "busybox", Some("sleep 5"))],
        containers: vec![container("app", "nginx", None)],
        ..PodSpec::default()
    };
    c.apply(Object {
        meta: ObjectMeta::named("init-demo"),
        spec: Spec::Pod(spec),
    })
    .unwrap();
    assert_eq!(
        timeline(&mut c, "init-demo", 15_000),
        [
            row(100, "Pending", "Pending", 0),
            row(200, "Init:0/1", "Pending", 0),
            row(6400, "PodInitializing", "Pending", 0),
            row(10_400, "Running", "Running", 0),
        ]
    );
}

#[test]
fn same_seed_same_run_other_seed_other_names() {
    let run = |seed| {
        let mut c = Cluster::new(seed);
        c.apply(deployment("web", "nginx", 3)).unwrap();
        c.advance(20_000);
        c.events()
            .map(|e| format!("{} {} {}", e.last_ms, e.reason, e.message))
            .collect::<Vec<_>>()
    };
    assert_eq!(run(5), run(5));
    assert_ne!(run(5), run(6));
}

#[test]
fn how_time_is_sliced_does_not_change_the_run() {
    let mut a = Cluster::new(9);
    let mut b = Cluster::new(9);
    a.apply(pod(
        "crash",
        "busybox",
        Some("sleep 2; exit 1"),
        RestartPolicy::Always,
    ))
    .unwrap();
    b.apply(pod(
        "crash",
        "busybox",
        Some("sleep 2; exit 1"),
        RestartPolicy::Always,
    ))
    .unwrap();
    a.advance(60_000);
    for _ in 0..1200 {
        b.advance(50);
    }
    let ev = |c: &Cluster| {
        c.events()
            .map(|e| (e.last_ms, e.count, e.message.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(ev(&a), ev(&b));
    assert_eq!(a.now(), b.now());
}

#[test]
fn a_clone_continues_exactly_like_the_original() {
    let mut a = Cluster::new(4);
    a.apply(deployment("web", "nginx", 2)).unwrap();
    a.advance(5_000);
    let mut b = a.clone();
    a.advance(30_000);
    b.advance(30_000);
    let ev = |c: &Cluster| {
        c.events()
            .map(|e| (e.last_ms, e.count, e.message.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(ev(&a), ev(&b));
    assert_eq!(a.revision(), b.revision());
}
