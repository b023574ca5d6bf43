//! ReplicaSets, Deployments and garbage collection, as exact sequences.

mod common;
use common::*;
use kubetutor::sim::Cluster;
use kubetutor::sim::objects::*;
use kubetutor::sim::queries::Rollout;
use kubetutor::sim::status::pod_status;
use kubetutor::sim::stored::Phase;

fn active(c: &Cluster, prefix: &str) -> Vec<String> {
    c.store()
        .pods()
        .sorted()
        .filter(|p| p.meta.name.starts_with(prefix) && p.is_active())
        .map(|p| p.meta.name.clone())
        .collect()
}

fn running(c: &Cluster) -> usize {
    c.pods_matching("default", "app=web", Some(Phase::Running))
        .unwrap()
}

#[test]
fn deleting_a_replicaset_pod_brings_a_replacement() {
    // https://kubernetes.io/docs/concepts/workloads/controllers/replicaset/#how-a-replicaset-works
    let mut c = Cluster::new(1);
    c.apply(deployment("web", "nginx", 3)).unwrap();
    c.advance(30_000);
    let before = active(&c, "web-");
    assert_eq!(before.len(), 3);
    let victim = before[0].clone();
    c.delete(Kind::Pod, "default", &victim, None).unwrap();
    c.advance(200);
    let after = active(&c, "web-");
    assert_eq!(after.len(), 3);
    assert!(!after.contains(&victim));
    assert_eq!(
        pod_status(c.pod("default", &victim).unwrap()),
        "Terminating"
    );
    let rs = c
        .store()
        .replicasets()
        .iter()
        .next()
        .unwrap()
        .meta
        .name
        .clone();
    let created: Vec<String> = events_of(&c, &rs).into_iter().map(|e| e.1).collect();
    let new_pod = after.iter().find(|p| !before.contains(p)).unwrap();
    assert_eq!(created.last().unwrap(), &format!("Created pod: {new_pod}"));
    // The old pod's nginx exits on its stop signal (SIGQUIT): the pod is
    // gone about a second after the delete.
    c.advance(1_000);
    assert_eq!(running(&c), 3);
    assert!(c.pod("default", &victim).is_none());
}

#[test]
fn scaling_up_and_down() {
    // https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#scaling-a-deployment
    let mut c = Cluster::new(1);
    c.apply(deployment("web", "nginx", 2)).unwrap();
    c.advance(20_000);
    c.scale(Kind::Deployment, "default", "web", 5).unwrap();
    c.advance(10_000);
    assert_eq!(running(&c), 5);
    let d = c.store().deployments().find("default", "web").unwrap();
    assert_eq!(
        (d.status.replicas, d.status.ready, d.status.available),
        (5, 5, 5)
    );
    c.scale(Kind::Deployment, "default", "web", 1).unwrap();
    c.advance(1_000);
    assert_eq!(active(&c, "web-").len(), 1);
    let scaling: Vec<String> = events_of(&c, "web").into_iter().map(|e| e.1).collect();
    let rs = &c.store().replicasets().iter().next().unwrap().meta.name;
    assert_eq!(
        scaling,
        [
            format!("Scaled up replica set {rs} from 0 to 2"),
            format!("Scaled up replica set {rs} from 2 to 5"),
            format!("Scaled down replica set {rs} from 5 to 1"),
        ]
    );
    assert_eq!(
        c.events()
            .filter(|e| e.reason == "SuccessfulDelete")
            .count(),
        4
    );
}

#[test]
fn rolling_update_respects_max_surge_and_max_unavailable() {
    // https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#rolling-update-deployment
    // 4 replicas: maxSurge 25% = 1 (rounded up), maxUnavailable 25% = 1 (rounded down).
    let mut c = Cluster::new(2);
    c.apply(deployment("web", "nginx:1.27", 4)).unwrap();
    c.advance(30_000);
    let old_rs = c
        .store()
        .replicasets()
        .iter()
        .next()
        .unwrap()
        .meta
        .name
        .clone();
    let since = c.events().count();
    c.set_image("default", "web", "web", "nginx:1.28").unwrap();
    let mut seen_waiting = Vec::new();
    for _ in 0..600 {
        c.advance(100);
        let rs_total: u32 = c
            .store()
            .replicasets()
            .iter()
            .map(|r| r.spec.replicas)
            .sum();
        assert!(rs_total <= 5, "never more than replicas + maxSurge");
        let available: u32 = c
            .store()
            .replicasets()
            .iter()
            .map(|r| r.status.available)
            .sum();
        assert!(
            available >= 3,
            "never fewer than replicas - maxUnavailable available"
        );
        if let Rollout::Waiting(m) = c.rollout_status("default", "web").unwrap()
            && seen_waiting.last() != Some(&m)
        {
            seen_waiting.push(m);
        }
    }
    let new_rs = c
        .store()
        .replicasets()
        .iter()
        .find(|r| r.meta.name != old_rs)
        .unwrap()
        .meta
        .name
        .clone();
    let steps: Vec<String> = c
        .events()
        .skip(since)
        .filter(|e| e.reason == "ScalingReplicaSet")
        .map(|e| e.message.replace(&new_rs, "NEW").replace(&old_rs, "OLD"))
        .collect();
    assert_eq!(
        steps,
        [
            "Scaled up replica set NEW from 0 to 1",
            "Scaled down replica set OLD from 4 to 3",
            "Scaled up replica set NEW from 1 to 2",
            "Scaled down replica set OLD from 3 to 2",
            "Scaled up replica set NEW from 2 to 3",
            "Scaled down replica set OLD from 2 to 1",
            "Scaled up replica set NEW from 3 to 4",
            "Scaled down replica set OLD from 1 to 0",
        ]
    );
    assert_eq!(
        seen_waiting,
        [
            "Waiting for deployment \"web\" rollout to finish: 0 out of 4 new replicas have been updated...",
            "Waiting for deployment \"web\" rollout to finish: 2 out of 4 new replicas have been updated...",
            "Waiting for deployment \"web\" rollout to finish: 3 out of 4 new replicas have been updated...",
            "Waiting for deployment \"web\" rollout to finish: 1 old replicas are pending termination...",
            "Waiting for deployment \"web\" rollout to finish: 3 of 4 updated replicas are available...",
        ]
    );
    assert_eq!(
        c.rollout_status("default", "web").unwrap(),
        Rollout::Done("deployment \"web\" successfully rolled out".into())
    );
    let d = c.to_api_value(Kind::Deployment, "default", "web").unwrap();
    assert_eq!(
        d["metadata"]["annotations"]["deployment.kubernetes.io/revision"],
        "2"
    );
    assert!(
        c.store()
            .pods()
            .iter()
            .all(|p| p.spec.containers[0].image == "nginx:1.28")
    );
}

#[test]
fn recreate_stops_old_pods_before_starting_new_ones() {
    // https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#recreate-deployment
    let mut c = Cluster::new(4);
    let mut d = deployment("web", "nginx:1.27", 2);
    if let Spec::Deployment(spec) = &mut d.spec {
        spec.strategy = DeploymentStrategy::Recreate;
    }
    c.apply(d).unwrap();
    c.advance(30_000);
    c.set_image("default", "web", "web", "nginx:1.28").unwrap();
    let mut overlap = false;
    for _ in 0..700 {
        c.advance(100);
        let images: Vec<&str> = c
            .store()
            .pods()
            .iter()
            .map(|p| p.spec.containers[0].image.as_str())
            .collect();
        overlap |= images.contains(&"nginx:1.27") && images.contains(&"nginx:1.28");
    }
    assert!(!overlap, "no new pod while an old one exists");
    assert_eq!(running(&c), 2);
}

#[test]
fn a_bad_image_stalls_the_rollout_until_the_progress_deadline() {
    // https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#failed-deployment
    let mut c = Cluster::new(1);
    c.apply(deployment("web", "nginx:1.27", 3)).unwrap();
    c.advance(30_000);
    c.set_image("default", "web", "web", "ngnix:1.28").unwrap();
    c.advance(60_000);
    // maxUnavailable 25% of 3 rounds down to 0: the old pods stay, one surge pod waits.
    assert_eq!(running(&c), 3);
    assert_eq!(
        c.pods_matching("default", "app=web", Some(Phase::Pending))
            .unwrap(),
        1
    );
    assert_eq!(
        c.rollout_status("default", "web").unwrap(),
        Rollout::Waiting("Waiting for deployment \"web\" rollout to finish: 1 out of 3 new replicas have been updated...".into())
    );
    c.advance(600_000);
    assert_eq!(
        c.rollout_status("default", "web").unwrap(),
        Rollout::Failed("error: deployment \"web\" exceeded its progress deadline".into())
    );
}

#[test]
fn deleting_a_deployment_removes_its_replicasets_and_pods() {
    // https://kubernetes.io/docs/concepts/architecture/garbage-collection/#cascading-deletion
    let mut c = Cluster::new(1);
    c.apply(deployment("web", "nginx", 2)).unwrap();
    c.advance(20_000);
    assert_eq!(
        c.delete(Kind::Deployment, "default", "web", None).unwrap(),
        "deployment.apps \"web\" deleted"
    );
    c.advance(300);
    assert!(c.store().replicasets().is_empty());
    assert!(
        c.store()
            .pods()
            .iter()
            .all(|p| p.meta.deletion_ms.is_some())
    );
    c.advance(31_000);
    assert!(c.store().pods().is_empty());
}

#[test]
fn absurd_replica_counts_are_refused_not_simulated() {
    let mut c = Cluster::new(1);
    let err = c
        .apply(deployment("web", "nginx", 50_000))
        .unwrap_err()
        .to_string();
    assert_eq!(
        err,
        "The Deployment \"web\" is invalid: spec.replicas: Invalid value: 50000: the simulator runs at most 10000 per workload"
    );
}

#[test]
fn scaling_past_the_limit_is_refused() {
    let mut c = Cluster::new(1);
    c.apply(deployment("web", "nginx", 1)).unwrap();
    let err = c
        .scale(Kind::Deployment, "default", "web", 10_001)
        .unwrap_err()
        .to_string();
    assert!(
        err.ends_with(
            "spec.replicas: Invalid value: 10001: the simulator runs at most 10000 per workload"
        ),
        "{err}"
    );
    assert_eq!(
        c.store()
            .deployments()
            .find("default", "web")
            .unwrap()
            .spec
            .replicas,
        1
    );
}
