//! Each check kind against fixtures (tests/fixtures/exercises/): passing and
//! failing, with the exact lines a student reads, in English and Korean.
//! The simulator is deterministic for a seed, so pod names and times are exact.

use kubetutor::exercise::spec::ExerciseSpec;
use kubetutor::exercise::{self, Outcome, Report, runner::Run};
use kubetutor::lang::Lang;

const SEED: u64 = 1;

fn fixture(name: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/exercises/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn spec(name: &str) -> ExerciseSpec {
    serde_yaml::from_str(&fixture(name)).unwrap()
}

/// An exercise with just these checks (a YAML list, one item a line).
fn with_checks(checks: &str) -> ExerciseSpec {
    let mut text = String::from("id: x\ngoal: g\nsolution: s\ncheck:\n");
    for line in checks.lines() {
        text.push_str(&format!("  {line}\n"));
    }
    serde_yaml::from_str(&text).unwrap()
}

fn run(exercise: &str, manifest: &str, lang: Lang) -> Report {
    exercise::run(&spec(exercise), None, &fixture(manifest), lang, SEED)
}

fn lines(exercise: &str, manifest: &str, lang: Lang) -> Vec<String> {
    run(exercise, manifest, lang).lines(lang)
}

#[test]
fn a_deployment_behind_a_service_passes_every_cluster_check() {
    let r = run("web.exercise.yaml", "web-3.yaml", Lang::En);
    assert_eq!(r.outcome, Outcome::Passed);
    assert_eq!(
        r.applied,
        ["deployment.apps/web created", "service/web created"]
    );
    assert_eq!(
        r.lines(Lang::En),
        [
            "✓ Deployment web: spec.replicas = 3, spec.template.spec.containers[0].image = nginx:1.27 — spec.replicas is 3; spec.template.spec.containers[0].image is nginx:1.27",
            "✓ pods app=web: 3 Running — 3 of 3 pods Running",
            "✓ pods app=web: 3 Ready — 3 of 3 pods Ready",
            "✓ Service web: 3 endpoints — endpoints: 3",
            "✓ recovery app=web: 3 Running within 60s after a pod is deleted — deleted pod web-b8f556c94-4jvch; 3 Running again after 1s",
            "PASS: all 5 checks hold (after 6s of simulated time)",
        ]
    );
    assert_eq!(
        r.lines(Lang::Ko),
        [
            "✓ Deployment web: spec.replicas = 3, spec.template.spec.containers[0].image = nginx:1.27 — spec.replicas 값이 3입니다; spec.template.spec.containers[0].image 값이 nginx:1.27입니다",
            "✓ 파드 app=web: Running 3개 — 파드 3개 중 3개 Running",
            "✓ 파드 app=web: Ready 3개 — 파드 3개 중 3개 Ready",
            "✓ Service web: 엔드포인트 3개 — 엔드포인트 3개",
            "✓ 복구 app=web: 파드 하나를 지운 뒤 60s 안에 Running 3개 — 파드 web-b8f556c94-4jvch 삭제; 1s 뒤 다시 3개 Running",
            "통과: 검사 5개 모두 통과 (시뮬레이션 시간 6s)",
        ]
    );
    // The cluster is handed back for the cluster pane: the deleted pod is
    // still terminating beside its replacement and the two others.
    let cluster = r.cluster.expect("the cluster of the run");
    assert_eq!(cluster.pods_matching("default", "app=web", None), Ok(4));
    assert_eq!(
        exercise::recovery::running_pods(&cluster, "app=web")
            .unwrap()
            .len(),
        3
    );
}

#[test]
fn two_replicas_fail_object_pods_ready_and_endpoints_and_skip_recovery() {
    assert_eq!(
        lines("web.exercise.yaml", "web-2.yaml", Lang::En),
        [
            "✗ Deployment web: spec.replicas = 3, spec.template.spec.containers[0].image = nginx:1.27 — spec.replicas is 2, expected 3; spec.template.spec.containers[0].image is nginx:1.27",
            "✗ pods app=web: 3 Running — 2 of 2 pods Running, expected 3",
            "✗ pods app=web: 3 Ready — 2 of 2 pods Ready, expected 3",
            "✗ Service web: 3 endpoints — endpoints: 2, expected 3",
            "✗ recovery app=web: 3 Running within 60s after a pod is deleted — not run: the other checks did not hold, so no pod was deleted",
            "FAIL: 5 of 5 checks do not hold (waited 1m of simulated time)",
        ]
    );
    assert_eq!(
        lines("web.exercise.yaml", "web-2.yaml", Lang::Ko),
        [
            "✗ Deployment web: spec.replicas = 3, spec.template.spec.containers[0].image = nginx:1.27 — spec.replicas 값이 2입니다. 기대값: 3; spec.template.spec.containers[0].image 값이 nginx:1.27입니다",
            "✗ 파드 app=web: Running 3개 — 파드 2개 중 2개 Running, 기대값 3개",
            "✗ 파드 app=web: Ready 3개 — 파드 2개 중 2개 Ready, 기대값 3개",
            "✗ Service web: 엔드포인트 3개 — 엔드포인트 2개, 기대값 3개",
            "✗ 복구 app=web: 파드 하나를 지운 뒤 60s 안에 Running 3개 — 실행하지 않음: 다른 검사가 통과하지 않아 파드를 지우지 않았습니다",
            "실패: 검사 5개 중 5개 통과 못 함 (시뮬레이션 시간 1m 기다림)",
        ]
    );
}

#[test]
fn an_image_typo_shows_the_pods_status() {
    let en = lines("web.exercise.yaml", "web-typo-image.yaml", Lang::En);
    assert_eq!(
        en[..4],
        [
            "✗ Deployment web: spec.replicas = 3, spec.template.spec.containers[0].image = nginx:1.27 — spec.replicas is 3; spec.template.spec.containers[0].image is ngnix:1.27, expected nginx:1.27",
            "✗ pods app=web: 3 Running — 0 of 3 pods Running, expected 3 (web-f8f996b76-4jvch: ImagePullBackOff, web-f8f996b76-pjd45: ImagePullBackOff, web-f8f996b76-xfhpk: ImagePullBackOff)",
            "✗ pods app=web: 3 Ready — 0 of 3 pods Ready, expected 3 (web-f8f996b76-4jvch: ImagePullBackOff, web-f8f996b76-pjd45: ImagePullBackOff, web-f8f996b76-xfhpk: ImagePullBackOff)",
            "✗ Service web: 3 endpoints — endpoints: 0, expected 3",
        ]
    );
    let ko = lines("web.exercise.yaml", "web-typo-image.yaml", Lang::Ko);
    assert_eq!(
        ko[1],
        "✗ 파드 app=web: Running 3개 — 파드 3개 중 0개 Running, 기대값 3개 (web-f8f996b76-4jvch: ImagePullBackOff, web-f8f996b76-pjd45: ImagePullBackOff, web-f8f996b76-xfhpk: ImagePullBackOff)"
    );
}

#[test]
fn a_bare_pod_is_not_replaced_so_recovery_fails() {
    // https://kubernetes.io/docs/concepts/workloads/pods/#pods-and-controllers:
    // a Pod on its own is not recreated when it is deleted.
    assert_eq!(
        lines("bare-pod.exercise.yaml", "bare-pod.yaml", Lang::En),
        [
            "✓ pods app=solo: 1 Running — 1 of 1 pods Running",
            "✗ recovery app=solo: 1 Running within 30s after a pod is deleted — deleted pod solo; after 30s 0 Running, expected 1",
            "FAIL: 1 of 2 checks do not hold (waited 33s of simulated time)",
        ]
    );
    assert_eq!(
        lines("bare-pod.exercise.yaml", "bare-pod.yaml", Lang::Ko)[1],
        "✗ 복구 app=solo: 파드 하나를 지운 뒤 30s 안에 Running 1개 — 파드 solo 삭제; 30s 뒤 Running 0개, 기대값 1개"
    );
}

#[test]
fn a_recovery_with_nothing_to_delete_says_so() {
    let mut s = spec("bare-pod.exercise.yaml");
    s.check.remove(0);
    let text = fixture("bare-pod.yaml").replace("app: solo", "app: other");
    let r = exercise::run(&s, None, &text, Lang::En, SEED);
    assert_eq!(
        r.lines(Lang::En)[0],
        "✗ recovery app=solo: 1 Running within 30s after a pod is deleted — no Running pod matches, so none could be deleted"
    );
    assert_eq!(
        r.lines(Lang::Ko)[0],
        "✗ 복구 app=solo: 파드 하나를 지운 뒤 30s 안에 Running 1개 — 셀렉터에 맞는 Running 파드가 없어 지울 수 없습니다"
    );
}

#[test]
fn quantities_compare_by_value_and_a_missing_path_is_named() {
    assert_eq!(
        lines("resources.exercise.yaml", "resources.yaml", Lang::En),
        [
            "✓ Pod sized: spec.containers[0].ports[0].containerPort = 8080, spec.containers[0].resources.requests.cpu = 0.5, spec.containers[0].resources.requests.memory = 1024Mi — spec.containers[0].ports[0].containerPort is 8080; spec.containers[0].resources.requests.cpu is 500m; spec.containers[0].resources.requests.memory is 1Gi",
            "✗ pod sized: spec.containers[1].image = redis — spec.containers[1] is missing: spec.containers has 1 item",
            "FAIL: 1 of 2 checks do not hold (waited 2m of simulated time)",
        ]
    );
    assert_eq!(
        lines("resources.exercise.yaml", "resources.yaml", Lang::Ko)[1],
        "✗ pod sized: spec.containers[1].image = redis — spec.containers[1] 항목이 없습니다: spec.containers 항목은 1개입니다"
    );
}

#[test]
fn a_missing_field_and_a_missing_object_are_named() {
    let s = with_checks(
        "- object: { kind: Pod, name: sized, fields: { spec.nodeSelector.disk: ssd } }\n\
         - object: { kind: Deployment, name: sized }",
    );
    let r = exercise::run(&s, None, &fixture("resources.yaml"), Lang::En, SEED);
    assert_eq!(
        r.lines(Lang::En)[..2],
        [
            "✗ Pod sized: spec.nodeSelector.disk = ssd — spec.nodeSelector is missing: spec has no field nodeSelector",
            "✗ Deployment sized exists — deployment \"sized\" not found in namespace default",
        ]
    );
    assert_eq!(
        r.lines(Lang::Ko)[..2],
        [
            "✗ Pod sized: spec.nodeSelector.disk = ssd — spec.nodeSelector 필드가 없습니다: spec 안에 nodeSelector 필드가 없습니다",
            "✗ Deployment sized 존재 — default 네임스페이스에 Deployment \"sized\" 오브젝트가 없습니다",
        ]
    );
}

#[test]
fn the_format_check_reads_the_notation() {
    assert_eq!(
        lines("json.exercise.yaml", "bare-pod.yaml", Lang::En)[0],
        "✗ written in JSON — the text is YAML, the exercise asks for JSON"
    );
    assert_eq!(
        lines("json.exercise.yaml", "bare-pod.yaml", Lang::Ko)[0],
        "✗ JSON 형식으로 작성 — YAML로 쓰였습니다. 이 실습은 JSON을 요구합니다"
    );
    assert_eq!(
        lines("json.exercise.yaml", "bare-pod.json", Lang::En),
        [
            "✓ written in JSON — the text is JSON",
            "✓ pods app=solo: 1 Running — 1 of 1 pods Running",
            "PASS: all 2 checks hold (after 3s of simulated time)",
        ]
    );
    assert_eq!(
        lines("json.exercise.yaml", "bare-pod.json", Lang::Ko),
        [
            "✓ JSON 형식으로 작성 — JSON으로 쓰였습니다",
            "✓ 파드 app=solo: Running 1개 — 파드 1개 중 1개 Running",
            "통과: 검사 2개 모두 통과 (시뮬레이션 시간 3s)",
        ]
    );
}

#[test]
fn an_invalid_manifest_lists_its_errors_and_runs_nothing() {
    let r = run("web.exercise.yaml", "web-typo-field.yaml", Lang::En);
    assert_eq!(r.outcome, Outcome::Invalid);
    assert!(r.cluster.is_none() && r.checks.is_empty() && r.applied.is_empty());
    assert_eq!(
        r.lines(Lang::En),
        [
            // The misspelling is the cause: no `containers: Required value`
            // is derived from it.
            "15:7: spec.template.spec.contianers: unknown field \"spec.template.spec.contianers\"",
            "    hint: did you mean \"containers\"?",
            "FAIL: the manifest has 1 error; nothing was applied",
        ]
    );
    assert_eq!(
        r.lines(Lang::Ko),
        [
            "15:7: spec.template.spec.contianers: 알 수 없는 필드 \"spec.template.spec.contianers\" (unknown field \"spec.template.spec.contianers\")",
            "    힌트: \"containers\"를 쓰려던 것인가요?",
            "실패: 매니페스트에 오류 1개; 아무것도 적용하지 않았습니다",
        ]
    );
}

#[test]
fn an_object_the_api_server_refuses_is_reported() {
    let r = run("web.exercise.yaml", "web-too-many.yaml", Lang::En);
    assert_eq!(r.outcome, Outcome::Rejected);
    assert_eq!(
        r.lines(Lang::En),
        [
            "The Deployment \"web\" is invalid: spec.replicas: Invalid value: 20000: the simulator runs at most 10000 per workload",
            "service/web created",
            "FAIL: the API server refused the manifest",
        ]
    );
    assert_eq!(
        r.verdict(Lang::Ko),
        "실패: API 서버가 매니페스트를 거부했습니다"
    );
}

#[test]
fn broken_checks_and_setups_are_lesson_mistakes_not_panics() {
    let s = with_checks(
        "- pods: { selector: 'app in (', count: 1 }\n\
         - pods: { selector: app=solo, phase: Runing, count: 1 }\n\
         - object: { kind: Ingress, name: x }\n\
         - object: { kind: Pod, name: solo, fields: { 'spec..x': 1 } }\n\
         - format: xml",
    );
    let r = exercise::run(&s, None, &fixture("bare-pod.yaml"), Lang::En, SEED);
    assert_eq!(r.outcome, Outcome::Failed);
    let lines = r.lines(Lang::En);
    assert!(
        lines[0].starts_with("✗ pods app in (: 1 — the check cannot run: selector \"app in (\""),
        "{}",
        lines[0]
    );
    assert_eq!(
        lines[1],
        "✗ pods app=solo: 1 Runing — the check cannot run: unknown phase \"Runing\": use Pending, Running, Succeeded, Failed or Unknown"
    );
    assert_eq!(
        lines[2],
        "✗ Ingress x exists — the check cannot run: kind \"Ingress\" is not simulated: use one of Node, Pod, ReplicaSet, Deployment, Job, Service, ConfigMap, Secret, StatefulSet, CronJob, PersistentVolume, PersistentVolumeClaim, StorageClass, ResourceQuota, LimitRange"
    );
    assert_eq!(
        lines[3],
        "✗ Pod solo: spec..x = 1 — bad field path \"spec..x\": empty field name"
    );
    assert_eq!(
        lines[4],
        "✗ written in XML — the check cannot run: format \"xml\" is unknown: use json or yaml"
    );

    let mut s = spec("json.exercise.yaml");
    s.setup = Some(serde_yaml::from_str("scenario: no-such-scenario").unwrap());
    let r = exercise::run(&s, None, &fixture("bare-pod.json"), Lang::En, SEED);
    assert!(
        matches!(r.outcome, Outcome::SetupFailed(_)),
        "{:?}",
        r.outcome
    );
    assert!(
        r.verdict(Lang::En)
            .starts_with("ERROR: the exercise's cluster could not be set up (a lesson problem): ")
    );

    let mut s = spec("json.exercise.yaml");
    s.timeout = Some("soon".into());
    let r = exercise::run(&s, None, &fixture("bare-pod.json"), Lang::En, SEED);
    assert!(
        matches!(&r.outcome, Outcome::SetupFailed(e) if e.starts_with("timeout: invalid duration"))
    );
}

#[test]
fn the_section_setup_is_used_when_the_exercise_has_none() {
    // The self-healing scenario already runs Deployment web (3 pods, app=web).
    let s = with_checks("- pods: { selector: app=web, phase: Running, count: 4 }");
    let section: kubetutor::sim::setup::Setup =
        serde_yaml::from_str("scenario: self-healing").unwrap();
    let extra = fixture("bare-pod.yaml").replace("app: solo", "app: web");
    let with = exercise::run(&s, Some(&section), &extra, Lang::En, SEED);
    assert!(with.passed(), "{}", with.render());
    let without = exercise::run(&s, None, &extra, Lang::En, SEED);
    assert_eq!(
        without.lines(Lang::En)[0],
        "✗ pods app=web: 4 Running — 1 of 1 pods Running, expected 4"
    );
    // The exercise's own setup wins over the section's.
    let mut own = s.clone();
    own.setup = Some(serde_yaml::from_str("scenario: basic").unwrap());
    assert!(!exercise::run(&own, Some(&section), &extra, Lang::En, SEED).passed());
}

#[test]
fn a_pod_that_is_ready_for_a_moment_does_not_pass() {
    // Ready once started, then it exits 1 after 2 s and crash-loops: the
    // checks must keep holding for a while, so this is not a pass.
    let mut s = with_checks("- ready: { selector: app=flaky, count: 1 }");
    s.timeout = Some("30s".into());
    let text = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: flaky\n  labels: {app: flaky}\nspec:\n  containers:\n    - name: main\n      image: busybox:1.36\n      command: [sh, -c, 'sleep 2; exit 1']\n";
    let r = exercise::run(&s, None, text, Lang::En, SEED);
    assert_eq!(r.outcome, Outcome::Failed, "{}", r.render());
    assert!(
        r.lines(Lang::En)[0]
            .starts_with("✗ pods app=flaky: 1 Ready — 0 of 1 pods Ready, expected 1 (flaky: "),
        "{}",
        r.render()
    );
}

#[test]
fn stepping_a_run_gives_the_same_report_and_shows_the_cluster_on_the_way() {
    let s = spec("web.exercise.yaml");
    let text = fixture("web-3.yaml");
    let mut run = Run::start(&s, None, &text, Lang::En, SEED);
    // Before any time passes the pods do not exist yet; a live view says so.
    let live = run.partial().lines(Lang::En);
    assert_eq!(
        live[1],
        "✗ pods app=web: 3 Running — 0 of 0 pods Running, expected 3"
    );
    assert_eq!(
        live[4],
        "✗ recovery app=web: 3 Running within 60s after a pod is deleted — not run: the other checks did not hold, so no pod was deleted"
    );
    let mut steps = 0;
    let mut seen_pending = false;
    while !run.step() {
        steps += 1;
        let c = run.cluster().expect("a cluster while running");
        seen_pending |= c
            .pods_matching(
                "default",
                "app=web",
                Some(kubetutor::sim::stored::Phase::Pending),
            )
            .unwrap()
            > 0;
    }
    assert!(seen_pending, "the pods were Pending at some step");
    assert!(steps >= 6, "{steps} steps");
    let stepped = run.finish();
    let direct = exercise::run(&s, None, &text, Lang::En, SEED);
    assert_eq!(stepped.lines(Lang::En), direct.lines(Lang::En));
    assert_eq!(stepped.elapsed_ms, direct.elapsed_ms);
}

#[test]
fn the_same_seed_gives_the_same_report_and_another_seed_may_not() {
    let a = run("web.exercise.yaml", "web-3.yaml", Lang::En).lines(Lang::En);
    let b = run("web.exercise.yaml", "web-3.yaml", Lang::En).lines(Lang::En);
    assert_eq!(a, b);
    let other = exercise::run(
        &spec("web.exercise.yaml"),
        None,
        &fixture("web-3.yaml"),
        Lang::En,
        7,
    );
    assert!(other.passed());
}
