//! CronJobs on simulated time: Jobs named after their scheduled minute,
//! the concurrency policies, the history limits, suspend, time zones, a
//! Job started by hand, and (property) Forbid never running two Jobs.
//! <https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/>

#[path = "support/kube.rs"]
mod kube;
use kube::*;
use kubetutor::sim::Cluster;
use proptest::prelude::*;

/// A CronJob whose Job runs `script` (busybox, restartPolicy Never,
/// backoffLimit 0) with the extra spec lines given.
fn cronjob(schedule: &str, script: &str, extra: &str) -> String {
    format!(
        r#"
apiVersion: batch/v1
kind: CronJob
metadata:
  name: hello
spec:
  schedule: "{schedule}"
{extra}  jobTemplate:
    spec:
      backoffLimit: 0
      template:
        spec:
          containers:
          - name: hello
            image: busybox:1.36
            command: ["sh", "-c", "{script}"]
          restartPolicy: Never
"#
    )
}

fn job_names(c: &Cluster) -> Vec<String> {
    let mut names: Vec<String> = c
        .store()
        .jobs()
        .iter()
        .map(|j| j.meta.name.clone())
        .collect();
    names.sort();
    names
}

/// The Jobs of `hello` that have not finished.
fn active(c: &Cluster) -> usize {
    c.store()
        .jobs()
        .iter()
        .filter(|j| j.meta.name.starts_with("hello-") && !j.status.is_finished())
        .count()
}

#[test]
fn every_minute_a_job_named_after_its_scheduled_minute() {
    // The cluster's clock starts at 2025-01-01T00:00:00Z: minute
    // 28928160 since the epoch.
    let mut c = cluster(&cronjob("* * * * *", "date; echo Hello", ""));
    c.advance(59_000);
    assert!(job_names(&c).is_empty());
    c.advance(2_000);
    assert_eq!(job_names(&c), ["hello-28928161"]);
    assert_eq!(
        run(&mut c, "get cronjob hello"),
        "NAME    SCHEDULE    TIMEZONE   SUSPEND   ACTIVE   LAST SCHEDULE   AGE\nhello   * * * * *   <none>     false     1        1s              61s\n"
    );
    c.advance(4 * 60_000);
    // successfulJobsHistoryLimit: 3 by default.
    assert_eq!(
        job_names(&c),
        ["hello-28928163", "hello-28928164", "hello-28928165"]
    );
    let ev = events(&c, "hello");
    assert!(ev.contains(&(
        "SuccessfulCreate".into(),
        "Created job hello-28928161".into()
    )));
    assert!(ev.contains(&(
        "SawCompletedJob".into(),
        "Saw completed job: hello-28928161, condition: Complete".into()
    )));
    assert!(ev.contains(&(
        "SuccessfulDelete".into(),
        "Deleted job hello-28928161".into()
    )));
    let pod = c
        .store()
        .pods()
        .iter()
        .find(|p| p.meta.name.starts_with("hello-28928165-"))
        .map(|p| p.meta.name.clone())
        .unwrap();
    assert_eq!(
        run(&mut c, &format!("logs {pod}")),
        "Wed Jan  1 00:05:00 UTC 2025\nHello\n"
    );
}

#[test]
fn failed_jobs_keep_one_by_default() {
    let mut c = cluster(&cronjob("* * * * *", "exit 1", ""));
    c.advance(4 * 60_000 + 30_000);
    assert_eq!(job_names(&c), ["hello-28928164"]);
    assert!(run(&mut c, "get jobs").contains("hello-28928164   Failed "));
}

#[test]
fn forbid_holds_a_run_while_one_is_active() {
    // The controller (pkg/controller/cronjob/cronjob_controllerv2.go,
    // syncCronJob) does not start the 00:02 run while the 00:01 one is
    // active; with no startingDeadlineSeconds that run is still the most
    // recent unmet schedule when the first Job finishes, so it starts
    // then, late, and never beside it.
    let mut c = cluster(&cronjob(
        "* * * * *",
        "sleep 90",
        "  concurrencyPolicy: Forbid\n",
    ));
    c.advance(2 * 60_000 + 10_000);
    assert_eq!(job_names(&c), ["hello-28928161"]);
    assert!(
        events(&c, "hello").contains(&(
            "JobAlreadyActive".into(),
            "Not starting job because prior execution is running and concurrency policy is Forbid"
                .into()
        ))
    );
    let started = until(&mut c, 60_000, |c| job_names(c).len() == 2);
    assert_eq!(job_names(&c), ["hello-28928161", "hello-28928162"]);
    let first = c.store().jobs().find("default", "hello-28928161").unwrap();
    assert!(first.status.is_finished());
    assert!(started >= first.status.completion_ms.unwrap());
    assert!(started < 3 * 60_000);
}

#[test]
fn forbid_with_a_starting_deadline_skips_the_late_run() {
    // startingDeadlineSeconds: a run more than 10 s late is missed.
    let mut c = cluster(&cronjob(
        "* * * * *",
        "sleep 90",
        "  concurrencyPolicy: Forbid\n  startingDeadlineSeconds: 10\n",
    ));
    c.advance(3 * 60_000 + 10_000);
    assert_eq!(job_names(&c), ["hello-28928161", "hello-28928163"]);
}

#[test]
fn replace_deletes_the_running_job_for_the_new_one() {
    let mut c = cluster(&cronjob(
        "* * * * *",
        "sleep 90",
        "  concurrencyPolicy: Replace\n",
    ));
    c.advance(2 * 60_000 + 5_000);
    assert_eq!(job_names(&c), ["hello-28928162"]);
    assert!(events(&c, "hello").contains(&(
        "SuccessfulDelete".into(),
        "Deleted job hello-28928161".into()
    )));
    assert_eq!(active(&c), 1);
}

#[test]
fn allow_runs_them_side_by_side() {
    let mut c = cluster(&cronjob("* * * * *", "sleep 90", ""));
    c.advance(2 * 60_000 + 5_000);
    assert_eq!(job_names(&c), ["hello-28928161", "hello-28928162"]);
    assert_eq!(active(&c), 2);
    assert_eq!(
        run(
            &mut c,
            "get cronjob hello -o jsonpath={.status.active[*].name}"
        ),
        "hello-28928161 hello-28928162"
    );
}

#[test]
fn a_suspended_cronjob_starts_nothing_until_resumed() {
    // cron-jobs#schedule-suspension: runs due while suspended count as
    // missed; on resuming (no startingDeadlineSeconds) the missed run
    // starts at once.
    let mut c = cluster(&cronjob("* * * * *", "true", "  suspend: true\n"));
    c.advance(3 * 60_000);
    assert!(job_names(&c).is_empty());
    assert!(run(&mut c, "get cj").contains("   true      0        <none>"));
    c.advance(10_000);
    apply(&mut c, &cronjob("* * * * *", "true", "  suspend: false\n"));
    c.advance(1_000);
    assert_eq!(job_names(&c), ["hello-28928163"]);
    c.advance(60_000);
    assert_eq!(job_names(&c), ["hello-28928163", "hello-28928164"]);
}

#[test]
fn the_schedule_reads_in_its_time_zone() {
    // 09:30 in Seoul (UTC+9) is 00:30 UTC.
    let mut c = cluster(&cronjob("30 9 * * *", "true", "  timeZone: Asia/Seoul\n"));
    c.advance(29 * 60_000 + 59_000);
    assert!(job_names(&c).is_empty());
    c.advance(2_000);
    assert_eq!(job_names(&c), ["hello-28928190"]);
    assert!(run(&mut c, "get cj hello").contains("30 9 * * *   Asia/Seoul   false"));
}

#[test]
fn a_job_can_be_created_from_a_cronjob_by_hand() {
    let mut c = cluster(&cronjob("0 0 1 1 *", "echo by hand", ""));
    assert_eq!(
        run(&mut c, "create job manual-run --from=cronjob/hello"),
        "job.batch/manual-run created\n"
    );
    assert_eq!(
        run(
            &mut c,
            "get job manual-run -o jsonpath='{.metadata.annotations.cronjob\\.kubernetes\\.io/instantiate}'"
        ),
        "manual"
    );
    c.advance(10_000);
    assert!(run(&mut c, "get jobs").contains("manual-run   Complete   1/1"));
}

/// Something that happens to a CronJob's runs while it is scheduled.
#[derive(Debug, Clone, Copy)]
enum Disruption {
    /// `kubectl delete pod` of a running Job's Pod.
    DeletePod,
    /// The container of a running Job's Pod dies.
    Crash,
    /// The node of a running Job's Pod is lost...
    NodeDown,
    /// ...and every lost node comes back.
    NodesUp,
    /// `suspend` set to true or false.
    Suspend(bool),
}

fn disruption() -> impl Strategy<Value = Disruption> {
    prop_oneof![
        Just(Disruption::DeletePod),
        Just(Disruption::Crash),
        Just(Disruption::NodeDown),
        Just(Disruption::NodesUp),
        any::<bool>().prop_map(Disruption::Suspend),
    ]
}

/// A live Pod of one of hello's Jobs: (name, node).
fn job_pod(c: &Cluster) -> Option<(String, String)> {
    c.store()
        .pods()
        .iter()
        .find(|p| p.meta.name.starts_with("hello-") && p.meta.deletion_ms.is_none())
        .map(|p| {
            (
                p.meta.name.clone(),
                p.node_name.as_deref().unwrap_or_default().to_string(),
            )
        })
}

fn disrupt(c: &mut Cluster, d: Disruption, manifest: &dyn Fn(bool) -> String) {
    match d {
        Disruption::DeletePod => {
            if let Some((pod, _)) = job_pod(c) {
                run(c, &format!("delete pod {pod} --wait=false"));
            }
        }
        Disruption::Crash => {
            if let Some((pod, _)) = job_pod(c) {
                // A Pod still pulling its image has no process to kill.
                let _ = c.crash("default", &pod);
            }
        }
        Disruption::NodeDown => {
            if let Some((_, node)) = job_pod(c)
                && !node.is_empty()
            {
                c.set_node_down(&node, true).unwrap();
            }
        }
        Disruption::NodesUp => {
            let nodes: Vec<String> = c.nodes().iter().map(|n| n.meta.name.clone()).collect();
            for n in nodes {
                c.set_node_down(&n, false).unwrap();
            }
        }
        Disruption::Suspend(on) => {
            apply(c, &manifest(on));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 16, ..ProptestConfig::default() })]

    /// Under Forbid, however long the runs take and however they end, and
    /// whatever happens to them meanwhile (Pods deleted or crashing, their
    /// node lost and back, the CronJob suspended and resumed), there is
    /// never more than one unfinished Job.
    /// <https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/#concurrency-policy>
    #[test]
    fn forbid_never_runs_two_jobs(
        every in 1u32..4,
        secs in 5u32..250,
        fails in any::<bool>(),
        disruptions in proptest::collection::vec((0u64..720, disruption()), 0..6),
    ) {
        let script = format!("sleep {secs}; exit {}", u8::from(fails));
        let manifest = |suspend: bool| {
            cronjob(
                &format!("*/{every} * * * *"),
                &script,
                &format!("  concurrencyPolicy: Forbid\n  suspend: {suspend}\n"),
            )
        };
        let mut c = cluster(&manifest(false));
        let suspends = disruptions
            .iter()
            .any(|(_, d)| matches!(d, Disruption::Suspend(true)));
        let mut plan = disruptions;
        plan.sort_by_key(|(at, _)| *at);
        let mut plan = plan.into_iter().peekable();
        let mut started = 0;
        while c.now() < 12 * 60_000 {
            c.advance(1_000);
            while let Some((_, d)) = plan.next_if(|(at, _)| *at * 1000 <= c.now()) {
                disrupt(&mut c, d, &manifest);
            }
            prop_assert!(active(&c) <= 1, "at {} ms: {:?}", c.now(), job_names(&c));
            started = started.max(job_names(&c).len());
        }
        // Something ran, unless the CronJob may have been suspended first.
        prop_assert!(started >= 1 || suspends);
    }
}
