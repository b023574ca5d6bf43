//! The named scenarios of CONTRACT-sim.md, lesson setups and `observe`.

use kubetutor::quiz::spec::Observe;
use kubetutor::sim::Cluster;
use kubetutor::sim::runtime::RuntimeKind;
use kubetutor::sim::scenarios;
use kubetutor::sim::setup::Setup;

fn scenario(name: &str) -> Cluster {
    Cluster::from_setup(
        &Setup {
            scenario: Some(name.into()),
            ..Setup::default()
        },
        1,
    )
    .unwrap()
}

fn observe(c: &Cluster, yaml: &str) -> Result<String, String> {
    let o: Observe = serde_yaml::from_str(yaml).unwrap();
    c.observe(&o)
}

#[test]
fn exactly_the_contract_scenarios_exist_and_load() {
    assert_eq!(
        scenarios::names(),
        [
            "basic",
            "crashloop",
            "dockershim",
            "image-pull-error",
            "job",
            "load-balancing",
            "node-failure",
            "self-healing"
        ]
    );
    for name in scenarios::names() {
        let s = scenarios::get(name).unwrap();
        assert!(
            !s.description.en.is_empty() && !s.description.ko.is_empty(),
            "{name}"
        );
        scenario(name);
    }
    let err = Cluster::from_setup(
        &Setup {
            scenario: Some("crashlop".into()),
            ..Setup::default()
        },
        1,
    )
    .unwrap_err();
    assert!(
        err.starts_with("unknown scenario \"crashlop\" (did you mean \"crashloop\"?)"),
        "{err}"
    );
}

#[test]
fn scenario_objects_match_the_contract() {
    let c = scenario("basic");
    assert_eq!(
        c.nodes()
            .iter()
            .map(|n| n.meta.name.as_str())
            .collect::<Vec<_>>(),
        ["control-plane", "node-1", "node-2", "node-3"]
    );
    assert_eq!(
        c.nodes()
            .iter()
            .map(|n| n.pod_cidr.as_str())
            .collect::<Vec<_>>(),
        [
            "10.244.0.0/24",
            "10.244.1.0/24",
            "10.244.2.0/24",
            "10.244.3.0/24"
        ]
    );
    assert!(c.store().pods().is_empty());

    let c = scenario("crashloop");
    let p = c.pod("default", "crash-demo").unwrap();
    assert_eq!(p.spec.containers[0].image, "busybox:1.36");
    assert_eq!(
        p.spec.containers[0].command,
        ["sh", "-c", "sleep 3; exit 1"]
    );

    assert_eq!(
        scenario("image-pull-error")
            .pod("default", "typo-demo")
            .unwrap()
            .spec
            .containers[0]
            .image,
        "ngnix:1.27"
    );

    for name in ["self-healing", "node-failure"] {
        let c = scenario(name);
        assert_eq!(
            observe(&c, "{deployment: web, field: ready}").unwrap(),
            "3",
            "{name}"
        );
        assert_eq!(
            observe(&c, "{pods: app=web, field: running}").unwrap(),
            "3",
            "{name}"
        );
    }

    let c = scenario("load-balancing");
    assert_eq!(
        observe(&c, "{service: web, field: endpoints}").unwrap(),
        "3"
    );
    let t = c.traffic("default", "web").unwrap();
    assert_eq!((t.rps, t.total), (10, 100));

    let c = scenario("job");
    let j = c.store().jobs().find("default", "batch-demo").unwrap();
    assert_eq!((j.spec.completions, j.spec.parallelism), (Some(3), 1));

    let c = scenario("dockershim");
    assert_eq!(c.runtime(), RuntimeKind::Dockershim);
    assert_eq!(
        c.store()
            .deployments()
            .find("default", "web")
            .unwrap()
            .spec
            .replicas,
        2
    );
}

#[test]
fn observe_reads_every_contract_field() {
    let mut c = scenario("crashloop");
    c.advance(60_000);
    assert_eq!(
        observe(&c, "{pod: crash-demo, field: phase}").unwrap(),
        "Running"
    );
    assert_eq!(
        observe(&c, "{pod: crash-demo, field: status}").unwrap(),
        "CrashLoopBackOff"
    );
    assert_eq!(
        observe(&c, "{pod: crash-demo, field: restarts}").unwrap(),
        "3"
    );
    assert_eq!(
        observe(&c, "{pod: crash-demo, field: ready}").unwrap(),
        "0/1"
    );
    assert_eq!(
        observe(&c, "{pod: crash-demo, field: node}").unwrap(),
        "node-1"
    );
    assert_eq!(
        observe(&c, "{pod: crash-demo, field: ip}").unwrap(),
        "10.244.1.2"
    );
    assert_eq!(
        observe(&c, "{pods: app=crash-demo, field: count}").unwrap(),
        "1"
    );
    assert_eq!(
        observe(&c, "{pods: app=crash-demo, field: pending}").unwrap(),
        "0"
    );
    assert_eq!(
        observe(&c, "{node: node-1, field: status}").unwrap(),
        "Ready"
    );
    assert!(
        observe(&c, "{pod: crash-demo, field: colour}")
            .unwrap_err()
            .contains("unknown field \"colour\"")
    );
    assert!(
        observe(&c, "{pod: nope, field: phase}")
            .unwrap_err()
            .contains("not found")
    );
    assert!(
        observe(&c, "{field: phase}")
            .unwrap_err()
            .contains("exactly one")
    );

    let mut c = scenario("job");
    c.advance(60_000);
    assert_eq!(
        observe(&c, "{job: batch-demo, field: status}").unwrap(),
        "Complete"
    );
    assert_eq!(
        observe(&c, "{job: batch-demo, field: succeeded}").unwrap(),
        "3"
    );
    assert_eq!(
        observe(&c, "{job: batch-demo, field: failed}").unwrap(),
        "0"
    );
    assert_eq!(
        observe(&c, "{pods: job-name=batch-demo, field: succeeded}").unwrap(),
        "3"
    );

    let mut c = scenario("node-failure");
    kubetutor::kubectl::execute(&mut c, "fault node-down node-1");
    kubetutor::kubectl::execute(&mut c, "cordon node-2");
    c.advance(60_000);
    assert_eq!(
        observe(&c, "{node: node-1, field: status}").unwrap(),
        "NotReady"
    );
    assert_eq!(
        observe(&c, "{node: node-2, field: status}").unwrap(),
        "Ready,SchedulingDisabled"
    );
    assert_eq!(
        observe(&c, "{deployment: web, field: replicas}").unwrap(),
        "3"
    );
    assert_eq!(
        observe(&c, "{deployment: web, field: available}").unwrap(),
        "2"
    );
}

#[test]
fn a_lesson_block_applies_manifests_runtime_and_commands() {
    let setup: Setup = serde_yaml::from_str(
        r#"
scenario: basic
runtime: dockershim
apply: |
  apiVersion: v1
  kind: Pod
  metadata:
    name: once
  spec:
    restartPolicy: Never
    containers:
    - name: c
      image: busybox
      command: ["sh", "-c", "exit 1"]
commands:
  - wait 10s
"#,
    )
    .unwrap();
    let c = Cluster::from_setup(&setup, 3).unwrap();
    assert_eq!(c.now(), 10_000);
    assert_eq!(c.runtime(), RuntimeKind::Dockershim);
    assert_eq!(observe(&c, "{pod: once, field: phase}").unwrap(), "Failed");
    assert_eq!(observe(&c, "{pod: once, field: status}").unwrap(), "Error");

    let bad = Setup {
        commands: vec!["get pood".into()],
        ..Setup::default()
    };
    assert!(
        Cluster::from_setup(&bad, 1)
            .unwrap_err()
            .contains("`get pood`")
    );
    let bad = Setup {
        apply: Some("kind: Pod\n".into()),
        ..Setup::default()
    };
    assert!(Cluster::from_setup(&bad, 1).is_err());
}

#[test]
fn the_kubernetes_example_manifests_run_without_errors() {
    // Every document the manifest loader accepts must simulate without a
    // panic and leave the cluster consistent.
    let root = std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/k8s-examples"
    ));
    assert!(root.join("SOURCES.md").is_file(), "{}", root.display());
    let mut files = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "yaml") {
                files.push(p);
            }
        }
    }
    files.sort();
    assert!(files.len() >= 50);
    let mut applied = 0;
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        let mut c = Cluster::new(1);
        let out = c.apply_manifest(&text);
        applied += out.lines.iter().filter(|l| l.ends_with(" created")).count();
        c.advance(60_000);
        for p in c.store().pods().iter() {
            let _ = kubetutor::sim::status::pod_status(p);
        }
    }
    assert!(applied >= 40, "{applied}");
}
