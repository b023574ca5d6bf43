//! The checks that watch a workload through trouble and the ones that read
//! what a container printed: `disruption` (traffic to a Service while a node
//! fails and a rollout runs; kube-proxy's counters decide), `logs`, and
//! `pods`/`ready` in another namespace. Exact lines, both languages; the
//! simulator is deterministic for a seed.

use kubetutor::exercise::seen::{Disrupted, Seen};
use kubetutor::exercise::spec::ExerciseSpec;
use kubetutor::exercise::{self, Outcome, Report, runner::Run};
use kubetutor::lang::Lang;

const SEED: u64 = 1;

fn exercise(checks: &str) -> ExerciseSpec {
    let mut text = String::from("id: x\ngoal: g\nsolution: s\ntimeout: 2m\ncheck:\n");
    for line in checks.lines() {
        text.push_str(&format!("  {line}\n"));
    }
    serde_yaml::from_str(&text).unwrap()
}

/// A Deployment `web` behind a Service `web`, with a strategy and replicas.
fn web(replicas: u32, strategy: &str) -> String {
    format!(
        "apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: {replicas}
  strategy:
{strategy}
  selector:
    matchLabels: {{ app: web }}
  template:
    metadata:
      labels: {{ app: web }}
    spec:
      containers:
        - name: web
          image: nginx:1.27
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector: {{ app: web }}
  ports:
    - port: 80
"
    )
}

const SURGE: &str =
    "    type: RollingUpdate\n    rollingUpdate: { maxSurge: 1, maxUnavailable: 0 }";
const RECREATE: &str = "    type: Recreate";

const CAPSTONE: &str = "- ready: { selector: app=web, count: 3 }
- disruption:
    traffic: { service: web, rps: 20 }
    run:
      - fault node-down node-1
      - wait 6m
      - set image deployment/web web=nginx:1.28
      - wait 2m
    refused: 0
    ready: { selector: app=web, count: 3 }";

fn run(checks: &str, manifest: &str) -> Report {
    exercise::run(&exercise(checks), None, manifest, Lang::En, SEED)
}

#[test]
fn three_replicas_that_surge_survive_a_node_failure_and_a_rollout() {
    let r = run(CAPSTONE, &web(3, SURGE));
    assert_eq!(r.outcome, Outcome::Passed, "{}", r.render());
    let Seen::Disruption {
        outcome:
            Disrupted::Played {
                total,
                refused,
                ready,
            },
        max_refused: 0,
    } = &r.checks[1].seen
    else {
        panic!("{:?}", r.checks[1].seen);
    };
    // 8 minutes at 20 requests a second, none refused, 3 Ready at the end.
    assert_eq!((*total, *refused, *ready), (9600, 0, Some((3, 3))));
    assert_eq!(
        r.checks[1].line(Lang::En),
        "✓ Service web under 20 req/s through `fault node-down node-1; wait 6m; set image deployment/web web=nginx:1.28; wait 2m`: at most 0 refused, then pods app=web: 3 Ready — 9600 requests, 0 refused; then 3 Ready"
    );
    assert_eq!(
        r.checks[1].line(Lang::Ko),
        "✓ Service web에 초당 20개 요청 중 `fault node-down node-1; wait 6m; set image deployment/web web=nginx:1.28; wait 2m` 진행: 거부 0개 이하, 이어서 파드 app=web: Ready 3개 — 요청 9600개 중 거부 0개; 이어서 Ready 3개"
    );
    // The cluster at the end shows the new image running and node-1 down.
    let cluster = r.cluster.unwrap();
    assert!(cluster.node_down("node-1"));
}

#[test]
fn a_recreate_rollout_leaves_the_service_with_nowhere_to_send() {
    let r = run(CAPSTONE, &web(3, RECREATE));
    assert_eq!(r.outcome, Outcome::Failed);
    let Seen::Disruption {
        outcome: Disrupted::Played { refused, ready, .. },
        ..
    } = &r.checks[1].seen
    else {
        panic!("{:?}", r.checks[1].seen);
    };
    assert!(*refused > 0, "Recreate stops every old Pod first");
    // And it waits for every old Pod to be gone, including the one stuck
    // Terminating on the lost node: no new Pod starts at all.
    // <https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#recreate-deployment>
    assert_eq!(*ready, Some((0, 3)));
    let line = r.checks[1].line(Lang::En);
    assert!(line.starts_with("✗ "), "{line}");
    assert!(
        line.ends_with(&format!(
            "{refused} refused, expected at most 0; then 0 Ready, expected 3"
        )),
        "{line}"
    );
}

#[test]
fn a_single_replica_on_the_lost_node_leaves_the_service_empty() {
    // One replica, on node-1 (the only node the scheduler can use after the
    // two others are cordoned), and node-1 fails: between the node
    // controller's grace period and the replacement, nothing answers.
    let checks = "- ready: { selector: app=web, count: 1 }
- disruption:
    traffic: { service: web, rps: 10 }
    run: [fault node-down node-1, wait 7m]
    refused: 0";
    let mut spec = exercise(checks);
    spec.setup = Some(serde_yaml::from_str("commands: [cordon node-2, cordon node-3]").unwrap());
    let mut with_uncordon = spec.clone();
    let Some(kubetutor::exercise::spec::Check::Disruption { run, .. }) =
        with_uncordon.check.get_mut(1)
    else {
        unreachable!()
    };
    run.insert(1, "uncordon node-2".into());
    let r = exercise::run(&with_uncordon, None, &web(1, SURGE), Lang::En, SEED);
    assert_eq!(r.outcome, Outcome::Failed, "{}", r.render());
    let Seen::Disruption {
        outcome: Disrupted::Played { total, refused, .. },
        ..
    } = &r.checks[1].seen
    else {
        panic!("{:?}", r.checks[1].seen);
    };
    assert_eq!(*total, 4200);
    assert!(*refused > 0 && *refused < *total, "{refused} of {total}");
}

#[test]
fn a_failing_line_and_a_missing_service_are_named() {
    let checks = "- ready: { selector: app=web, count: 3 }
- disruption:
    traffic: { service: web, rps: 5 }
    run: [wait 10s, set image deployment/web nginx=nginx:1.28]";
    let r = run(checks, &web(3, SURGE));
    assert_eq!(r.outcome, Outcome::Failed);
    assert_eq!(
        r.checks[1].seen,
        Seen::Disruption {
            outcome: Disrupted::CommandFailed {
                line: "set image deployment/web nginx=nginx:1.28".into(),
                error: "error: unable to find container named \"nginx\"".into(),
                refused: 0,
            },
            max_refused: 0,
        }
    );
    let r = run(
        &checks.replace("service: web", "service: shop"),
        &web(3, SURGE),
    );
    assert_eq!(
        r.checks[1].line(Lang::Ko),
        "✗ Service shop에 초당 5개 요청 중 `wait 10s; set image deployment/web nginx=nginx:1.28` 진행: 거부 0개 이하 — Service \"shop\" 오브젝트가 없습니다"
    );
}

#[test]
fn nothing_is_played_when_the_other_checks_never_hold() {
    let r = run(CAPSTONE, &web(2, SURGE));
    assert_eq!(r.outcome, Outcome::Failed);
    assert_eq!(
        r.checks[1].seen.text(Lang::En),
        "not run: the other checks did not hold, so no traffic was sent"
    );
    assert_eq!(r.elapsed_ms, 120_000, "only the 2m timeout passed");
}

#[test]
fn stepping_a_disruption_shows_each_wait_sample_by_sample() {
    let spec = exercise(CAPSTONE);
    let mut run = Run::start(&spec, None, &web(3, SURGE), Lang::En, SEED);
    let mut steps = 0;
    let mut last = 0;
    while !run.step() {
        steps += 1;
        let now = run.elapsed_ms();
        assert!(now - last <= 1_000, "one sample at most per step");
        last = now;
    }
    assert!(steps > 480, "8 minutes of waits, a second a step: {steps}");
    let stepped = run.finish();
    let at_once = exercise::run(&spec, None, &web(3, SURGE), Lang::En, SEED);
    assert_eq!(stepped.lines(Lang::En), at_once.lines(Lang::En));
}

const ONCE: &str = "apiVersion: v1
kind: Pod
metadata:
  name: hello-once
  labels: { app: hello-once }
spec:
  restartPolicy: Never
  containers:
    - name: hello
      image: busybox:1.36
      command: [\"sh\", \"-c\", \"echo hello from a one-off Pod; exit 0\"]
";

#[test]
fn the_logs_check_reads_what_the_container_printed() {
    let checks = "- pods: { selector: app=hello-once, phase: Succeeded, count: 1 }
- logs: { pod: hello-once, contains: hello from }";
    let r = run(checks, ONCE);
    assert_eq!(r.outcome, Outcome::Passed, "{}", r.render());
    assert_eq!(
        r.checks[1].line(Lang::En),
        "✓ log of pod hello-once has a line with \"hello from\" — found in the log of pod hello-once"
    );
    let silent = ONCE.replace("echo hello from a one-off Pod; exit 0", "exit 0");
    let r = run(checks, &silent);
    assert_eq!(r.outcome, Outcome::Failed);
    assert_eq!(
        r.checks[1].line(Lang::Ko),
        "✗ 파드 hello-once 로그에 \"hello from\" 줄 있음 — 파드 hello-once 로그(0줄)에 없습니다"
    );
    let r = run("- logs: { pod: nobody, contains: x }", ONCE);
    assert_eq!(
        r.checks[0].seen.text(Lang::En),
        "the log of pod nobody cannot be read: Error from server (NotFound): pods \"nobody\" not found"
    );
}

#[test]
fn pods_and_ready_checks_look_in_the_namespace_they_name() {
    let manifest = web(2, SURGE).replace(
        "  name: web\nspec:\n  replicas",
        "  name: web\n  namespace: staging\nspec:\n  replicas",
    );
    let checks = "- ready: { selector: app=web, namespace: staging, count: 2 }
- pods: { selector: app=web, namespace: staging, phase: Running, count: 2 }
- pods: { selector: app=web, count: 0 }";
    let r = run(checks, &manifest);
    assert_eq!(r.outcome, Outcome::Passed, "{}", r.render());
    assert_eq!(
        r.lines(Lang::En)[..3],
        [
            "✓ pods app=web (namespace staging): 2 Ready — 2 of 2 pods Ready",
            "✓ pods app=web (namespace staging): 2 Running — 2 of 2 pods Running",
            "✓ pods app=web: 0 — 0 pods",
        ]
    );
}
