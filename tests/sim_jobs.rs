//! Jobs: completions, parallelism, backoffLimit and their conditions.
//! <https://kubernetes.io/docs/concepts/workloads/controllers/job/>

mod common;
use common::*;
use kubetutor::sim::Cluster;
use kubetutor::sim::objects::*;
use kubetutor::sim::status::{job_status, pod_status};
use kubetutor::sim::stored::Phase;

fn job_pods(c: &Cluster, name: &str) -> Vec<(String, String, u64)> {
    c.store()
        .pods()
        .iter()
        .filter(|p| p.meta.labels.get("job-name").map(String::as_str) == Some(name))
        .map(|p| (p.meta.name.clone(), pod_status(p), p.meta.creation_ms))
        .collect()
}

#[test]
fn completions_run_one_at_a_time_with_parallelism_one() {
    let mut c = Cluster::new(1);
    c.apply(job(
        "batch-demo",
        "sleep 5; exit 0",
        3,
        1,
        6,
        RestartPolicy::Never,
    ))
    .unwrap();
    let mut max_active = 0;
    for _ in 0..400 {
        c.advance(100);
        let active = c
            .pods_matching("default", "job-name=batch-demo", Some(Phase::Running))
            .unwrap()
            + c.pods_matching("default", "job-name=batch-demo", Some(Phase::Pending))
                .unwrap();
        max_active = max_active.max(active);
    }
    assert_eq!(max_active, 1);
    let j = c.store().jobs().find("default", "batch-demo").unwrap();
    assert_eq!(job_status(j), "Complete");
    assert_eq!(
        (j.status.succeeded, j.status.failed, j.status.active),
        (3, 0, 0)
    );
    let pods = job_pods(&c, "batch-demo");
    assert_eq!(pods.len(), 3);
    assert!(pods.iter().all(|p| p.1 == "Completed"), "{pods:?}");
    let created: Vec<u64> = pods.iter().map(|p| p.2).collect();
    assert_eq!(created, [100, 6_600, 13_200]);
    assert_eq!(j.status.completion_ms, Some(19_900));
    let ev: Vec<(String, String)> = events_of(&c, "batch-demo");
    assert_eq!(
        ev.last().unwrap(),
        &("Completed".to_string(), "Job completed".to_string())
    );
    let kinds: Vec<&str> = j.status.conditions.iter().map(|c| c.kind).collect();
    assert_eq!(kinds, ["SuccessCriteriaMet", "Complete"]);
}

#[test]
fn parallelism_bounds_the_running_pods() {
    let mut c = Cluster::new(2);
    c.apply(job("par", "sleep 10", 5, 2, 6, RestartPolicy::Never))
        .unwrap();
    let mut max_active = 0;
    for _ in 0..600 {
        c.advance(100);
        let j = c.store().jobs().find("default", "par").unwrap();
        max_active = max_active.max(j.status.active);
    }
    assert_eq!(max_active, 2);
    let j = c.store().jobs().find("default", "par").unwrap();
    assert_eq!((job_status(j), j.status.succeeded), ("Complete", 5));
}

#[test]
fn backoff_limit_fails_the_job_after_retries_spaced_by_back_off() {
    // Failed pods are replaced after 10s, 20s, 40s ...; more than backoffLimit failures fail the Job.
    let mut c = Cluster::new(1);
    c.apply(job("flaky", "exit 1", 1, 1, 2, RestartPolicy::Never))
        .unwrap();
    c.advance(120_000);
    let j = c.store().jobs().find("default", "flaky").unwrap();
    assert_eq!(job_status(j), "Failed");
    assert_eq!(j.status.failed, 3);
    let failed = j
        .status
        .conditions
        .iter()
        .find(|c| c.kind == "Failed")
        .unwrap();
    assert_eq!(failed.cond.reason(), Some("BackoffLimitExceeded"));
    assert_eq!(
        failed.cond.message(),
        Some("Job has reached the specified backoff limit")
    );
    let created: Vec<u64> = job_pods(&c, "flaky").iter().map(|p| p.2).collect();
    assert_eq!(created, [100, 11_500, 33_000]);
    assert!(job_pods(&c, "flaky").iter().all(|p| p.1 == "Error"));
    assert_eq!(
        events_of(&c, "flaky").last().unwrap(),
        &(
            "BackoffLimitExceeded".to_string(),
            "Job has reached the specified backoff limit".to_string()
        )
    );
}

#[test]
fn on_failure_restarts_count_against_the_backoff_limit() {
    let mut c = Cluster::new(1);
    c.apply(job("retry", "exit 1", 1, 1, 2, RestartPolicy::OnFailure))
        .unwrap();
    c.advance(60_000);
    let j = c.store().jobs().find("default", "retry").unwrap();
    assert_eq!(job_status(j), "Failed");
    let creates = c
        .events()
        .filter(|e| e.involved.name == "retry" && e.reason == "SuccessfulCreate")
        .count();
    assert_eq!(creates, 1, "one pod, restarted in place");
    assert!(
        job_pods(&c, "retry").is_empty(),
        "the failed Job's pods are deleted"
    );
}
