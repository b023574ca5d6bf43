//! Helpers shared by the simulator tests.
#![allow(dead_code)]

use kubetutor::sim::Cluster;
use kubetutor::sim::objects::*;
use kubetutor::sim::status::pod_status;

pub fn container(name: &str, image: &str, script: Option<&str>) -> ContainerSpec {
    let mut c = ContainerSpec::new(name, image);
    if let Some(s) = script {
        c.command = vec!["sh".into(), "-c".into(), s.into()];
    }
    c
}

pub fn pod(name: &str, image: &str, script: Option<&str>, policy: RestartPolicy) -> Object {
    let spec = PodSpec {
        containers: vec![container(name, image, script)],
        restart_policy: policy,
        ..PodSpec::default()
    };
    Object {
        meta: ObjectMeta::named(name),
        spec: Spec::Pod(spec),
    }
}

pub fn with_requests(mut obj: Object, cpu_millis: u64, memory_bytes: u64) -> Object {
    if let Spec::Pod(spec) = &mut obj.spec {
        for c in &mut spec.containers {
            c.requests = Resources {
                cpu_millis,
                memory_bytes,
            };
        }
    }
    obj
}

pub fn labels(pairs: &[(&str, &str)]) -> Labels {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

pub fn deployment(name: &str, image: &str, replicas: u32) -> Object {
    let l = labels(&[("app", name)]);
    let template = PodTemplate {
        labels: l.clone(),
        annotations: Labels::new(),
        spec: PodSpec {
            containers: vec![ContainerSpec::new(name, image)],
            ..PodSpec::default()
        },
    };
    let mut spec = DeploymentSpec::new(LabelSelector::from_labels(l.clone()), template);
    spec.replicas = replicas;
    let mut meta = ObjectMeta::named(name);
    meta.labels = l;
    Object {
        meta,
        spec: Spec::Deployment(spec),
    }
}

/// (time ms, STATUS, phase, restarts) each time one of them changes, sampling
/// every 100 ms until `until_ms`.
pub fn timeline(c: &mut Cluster, name: &str, until_ms: u64) -> Vec<(u64, String, String, u32)> {
    let mut out: Vec<(u64, String, String, u32)> = Vec::new();
    while c.now() < until_ms {
        c.advance(100);
        let Some(p) = c.pod("default", name) else {
            out.push((c.now(), "<gone>".into(), String::new(), 0));
            break;
        };
        let row = (
            c.now(),
            pod_status(p),
            p.status.phase.name().to_string(),
            p.restarts(),
        );
        if out
            .last()
            .is_none_or(|l| (&l.1, &l.2, l.3) != (&row.1, &row.2, row.3))
        {
            out.push(row);
        }
    }
    out
}

pub fn row(t: u64, status: &str, phase: &str, restarts: u32) -> (u64, String, String, u32) {
    (t, status.to_string(), phase.to_string(), restarts)
}

/// The reasons and messages of the events about one object, oldest first.
pub fn events_of(c: &Cluster, name: &str) -> Vec<(String, String)> {
    c.events()
        .filter(|e| e.involved.name == name)
        .map(|e| (e.reason.clone(), e.message.clone()))
        .collect()
}

pub fn job(
    name: &str,
    script: &str,
    completions: u32,
    parallelism: u32,
    backoff_limit: u32,
    policy: RestartPolicy,
) -> Object {
    let template = PodTemplate {
        labels: Labels::new(),
        annotations: Labels::new(),
        spec: PodSpec {
            containers: vec![container(name, "busybox", Some(script))],
            restart_policy: policy,
            ..PodSpec::default()
        },
    };
    let mut spec = JobSpec::new(template);
    spec.completions = Some(completions);
    spec.parallelism = parallelism;
    spec.backoff_limit = backoff_limit;
    Object {
        meta: ObjectMeta::named(name),
        spec: Spec::Job(spec),
    }
}

pub fn service(name: &str, app: &str, port: u16) -> Object {
    Object {
        meta: ObjectMeta::named(name),
        spec: Spec::Service(ServiceSpec {
            service_type: ServiceType::ClusterIP,
            selector: labels(&[("app", app)]),
            ports: vec![ServicePort {
                name: None,
                port,
                target_port: PortRef::Number(port),
                protocol: Protocol::TCP,
                node_port: None,
            }],
            cluster_ip: None,
        }),
    }
}
