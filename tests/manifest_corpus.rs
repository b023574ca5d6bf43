//! Every manifest of the Kubernetes examples corpus is accepted: zero errors
//! and no warning on the kinds checked in full, a "not checked" warning for
//! the others, and exactly the kinds SOURCES.md lists for each file.

use kubetutor::manifest::check::kinds;
use kubetutor::manifest::{self, Format, Status};
use std::path::PathBuf;

/// The Kubernetes examples corpus (see its SOURCES.md), kept with the tests.
fn corpus() -> PathBuf {
    PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/k8s-examples"
    ))
}

/// `(file, kinds)` rows of the table in SOURCES.md.
fn table() -> Vec<(String, Vec<String>)> {
    let text = std::fs::read_to_string(corpus().join("SOURCES.md")).unwrap();
    text.lines()
        .filter(|l| l.starts_with("| `"))
        .map(|l| {
            let cells: Vec<&str> = l.split('|').map(str::trim).collect();
            let file = cells[1].trim_matches('`').to_string();
            let kinds = cells[2].split(',').map(|k| k.trim().to_string()).collect();
            (file, kinds)
        })
        .collect()
}

const SIMULATED: [&str; 14] = [
    "Pod",
    "Deployment",
    "ReplicaSet",
    "Job",
    "Service",
    "ConfigMap",
    "Secret",
    "StatefulSet",
    "CronJob",
    "PersistentVolume",
    "PersistentVolumeClaim",
    "StorageClass",
    "ResourceQuota",
    "LimitRange",
];

#[test]
fn sources_table_lists_all_62_files() {
    let rows = table();
    assert_eq!(rows.len(), 62);
    for (file, _) in &rows {
        assert!(
            corpus().join(file).is_file(),
            "{file} is listed but missing"
        );
    }
}

#[test]
fn every_corpus_document_is_accepted_with_its_listed_kinds() {
    for (file, kinds) in table() {
        let text = std::fs::read_to_string(corpus().join(&file)).unwrap();
        let loaded = manifest::load(&text);
        let errors: Vec<String> = loaded.errors().map(|d| d.to_string()).collect();
        assert!(errors.is_empty(), "{file}: {errors:#?}");
        let found: Vec<&str> = loaded.documents.iter().map(|d| d.kind.as_str()).collect();
        assert_eq!(found, kinds, "{file}");
        for doc in &loaded.documents {
            let simulated = SIMULATED.contains(&doc.kind.as_str());
            assert_eq!(doc.object.is_some(), simulated, "{file}: {}", doc.kind);
            if let Some(obj) = &doc.object {
                assert_eq!(obj.kind().name(), doc.kind);
                assert_eq!(Some(&obj.meta.name), doc.name.as_ref());
            }
        }
        let skipped = loaded
            .documents
            .iter()
            .filter(|d| kinds::checked(&d.kind, &d.api_version).is_none())
            .count();
        assert_eq!(
            loaded.diagnostics.len(),
            skipped,
            "{file}: {:#?}",
            loaded.diagnostics
        );
        for d in &loaded.diagnostics {
            assert!(
                d.message
                    .contains("is not checked by kubetutor (served by a cluster at"),
                "{file}: {d}"
            );
        }
        for d in &loaded.documents {
            let checked = kinds::checked(&d.kind, &d.api_version).is_some();
            let want = if checked {
                Status::Checked
            } else {
                Status::Skipped
            };
            assert_eq!(d.status, want, "{file}: {}", d.kind);
        }
        assert_eq!(loaded.format, Format::Yaml, "{file}");
    }
}

#[test]
fn corpus_objects_carry_the_simulated_fields() {
    use kubetutor::sim::objects::{DeploymentStrategy, PortRef, Spec};
    let load = |f: &str| manifest::load(&std::fs::read_to_string(corpus().join(f)).unwrap());

    let objs = load("application/mysql/mysql-deployment.yaml").objects();
    let Spec::Service(svc) = &objs[0].spec else {
        panic!("{objs:?}")
    };
    assert_eq!(svc.cluster_ip.as_deref(), Some("None"));
    let Spec::Deployment(d) = &objs[1].spec else {
        panic!()
    };
    assert_eq!(d.strategy, DeploymentStrategy::Recreate);

    let objs = load("application/job/job-sidecar.yaml").objects();
    let Spec::Job(job) = &objs[0].spec else {
        panic!()
    };
    assert!(job.template.spec.init_containers[0].restart_always);

    let objs = load("service/access/backend-service.yaml").objects();
    let Spec::Service(svc) = &objs[0].spec else {
        panic!()
    };
    assert_eq!(svc.ports[0].target_port, PortRef::Name("http".into()));

    let objs = load("pods/qos/qos-pod.yaml").objects();
    let Spec::Pod(pod) = &objs[0].spec else {
        panic!()
    };
    assert_eq!(pod.containers[0].limits.cpu_millis, 700);
    assert_eq!(pod.containers[0].requests.memory_bytes, 200 << 20);
    assert_eq!(objs[0].meta.namespace, "qos-example");

    let objs = load("controllers/job-pod-failure-policy-example.yaml").objects();
    let Spec::Job(job) = &objs[0].spec else {
        panic!()
    };
    assert_eq!(
        (job.completions, job.parallelism, job.backoff_limit),
        (Some(12), 3, 6)
    );
}
