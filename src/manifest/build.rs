//! A validated document -> `sim::objects::Object`. Runs only on documents
//! without errors, so it reads fields leniently and takes API defaults for
//! what is absent.

use super::check::untag;
use crate::quantity;
use crate::sim::objects::*;
use serde_yaml::Value;

pub(super) fn get<'v>(v: &'v Value, key: &str) -> Option<&'v Value> {
    untag(v).get(key).map(untag).filter(|v| !v.is_null())
}

pub(super) fn text(v: &Value) -> Option<String> {
    match untag(v) {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

pub(super) fn str_of(v: &Value, key: &str) -> Option<String> {
    get(v, key).and_then(text)
}

pub(super) fn u64_of(v: &Value, key: &str) -> Option<u64> {
    get(v, key).and_then(Value::as_u64)
}

pub(super) fn u32_of(v: &Value, key: &str) -> Option<u32> {
    u64_of(v, key).and_then(|n| u32::try_from(n).ok())
}

pub(super) fn items<'v>(v: &'v Value, key: &str) -> &'v [Value] {
    get(v, key)
        .and_then(Value::as_sequence)
        .map_or(&[], Vec::as_slice)
}

/// A string map (labels, annotations, selectors); non-string values are
/// written out as text.
pub fn labels(v: &Value) -> Labels {
    let mut out = Labels::new();
    if let Some(m) = untag(v).as_mapping() {
        for (k, val) in m {
            if let Some(k) = text(k) {
                out.insert(k, text(val).unwrap_or_default());
            }
        }
    }
    out
}

pub(super) fn labels_at(v: &Value, key: &str) -> Labels {
    get(v, key).map(labels).unwrap_or_default()
}

pub fn selector(v: &Value) -> LabelSelector {
    let mut sel = LabelSelector::from_labels(labels_at(v, "matchLabels"));
    for req in items(v, "matchExpressions") {
        let operator = match str_of(req, "operator").as_deref() {
            Some("In") => SelectorOperator::In,
            Some("NotIn") => SelectorOperator::NotIn,
            Some("Exists") => SelectorOperator::Exists,
            Some("DoesNotExist") => SelectorOperator::DoesNotExist,
            _ => continue,
        };
        sel.match_expressions.push(SelectorRequirement {
            key: str_of(req, "key").unwrap_or_default(),
            operator,
            values: items(req, "values").iter().filter_map(text).collect(),
        });
    }
    sel
}

/// `3` or `"25%"`; `None` for anything else.
pub fn int_or_percent(v: &Value) -> Option<IntOrPercent> {
    match untag(v) {
        Value::Number(n) => n
            .as_u64()
            .and_then(|n| u32::try_from(n).ok())
            .map(IntOrPercent::Int),
        Value::String(s) => {
            let digits = s.strip_suffix('%')?;
            if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
                return None;
            }
            digits.parse().ok().map(IntOrPercent::Percent)
        }
        _ => None,
    }
}

pub(super) fn protocol(v: &Value) -> Protocol {
    match str_of(v, "protocol").as_deref() {
        Some("UDP") => Protocol::UDP,
        Some("SCTP") => Protocol::SCTP,
        _ => Protocol::TCP,
    }
}

/// The object of a valid document of a simulated kind.
pub fn object(kind: Kind, doc: &Value) -> Option<Object> {
    let meta_v = get(doc, "metadata")?;
    let meta = ObjectMeta {
        name: str_of(meta_v, "name").or_else(|| str_of(meta_v, "generateName"))?,
        namespace: str_of(meta_v, "namespace").unwrap_or_else(|| "default".into()),
        labels: labels_at(meta_v, "labels"),
        annotations: labels_at(meta_v, "annotations"),
    };
    let empty = Value::Null;
    let spec = get(doc, "spec").unwrap_or(&empty);
    let spec = match kind {
        Kind::Pod => Spec::Pod(pod_spec(spec)),
        Kind::ReplicaSet => Spec::ReplicaSet(ReplicaSetSpec {
            replicas: u32_of(spec, "replicas").unwrap_or(1),
            selector: get(spec, "selector").map(selector).unwrap_or_default(),
            template: template(spec),
        }),
        Kind::Deployment => {
            let mut d = DeploymentSpec::new(
                get(spec, "selector").map(selector).unwrap_or_default(),
                template(spec),
            );
            d.replicas = u32_of(spec, "replicas").unwrap_or(1);
            d.min_ready_seconds = u32_of(spec, "minReadySeconds").unwrap_or(0);
            d.revision_history_limit = u32_of(spec, "revisionHistoryLimit").unwrap_or(10);
            if let Some(st) = get(spec, "strategy") {
                d.strategy = strategy(st);
            }
            d.paused = get(spec, "paused")
                .and_then(Value::as_bool)
                .unwrap_or(false);
            d.progress_deadline_seconds = u32_of(spec, "progressDeadlineSeconds").unwrap_or(600);
            Spec::Deployment(d)
        }
        Kind::Job => {
            let mut j = JobSpec::new(template(spec));
            j.parallelism = u32_of(spec, "parallelism").unwrap_or(1);
            // Without completions a Job with parallelism runs until one pod succeeds.
            // https://kubernetes.io/docs/concepts/workloads/controllers/job/#parallel-jobs
            j.completions = match u32_of(spec, "completions") {
                Some(n) => Some(n),
                None if get(spec, "parallelism").is_some() => None,
                None => Some(1),
            };
            j.backoff_limit = u32_of(spec, "backoffLimit").unwrap_or(6);
            j.active_deadline_seconds = u64_of(spec, "activeDeadlineSeconds");
            Spec::Job(j)
        }
        Kind::Service => Spec::Service(service(spec)),
        Kind::Node | Kind::Event => return None,
        other => super::build_kinds::spec(other, doc, spec)?,
    };
    Some(Object { meta, spec })
}

fn strategy(st: &Value) -> DeploymentStrategy {
    if str_of(st, "type").as_deref() == Some("Recreate") {
        return DeploymentStrategy::Recreate;
    }
    let ru = get(st, "rollingUpdate");
    let pick = |key: &str| {
        ru.and_then(|r| get(r, key))
            .and_then(int_or_percent)
            .unwrap_or(IntOrPercent::Percent(25))
    };
    DeploymentStrategy::RollingUpdate {
        max_surge: pick("maxSurge"),
        max_unavailable: pick("maxUnavailable"),
    }
}

pub(super) fn template(spec: &Value) -> PodTemplate {
    let Some(t) = get(spec, "template") else {
        return PodTemplate::default();
    };
    let meta = get(t, "metadata");
    PodTemplate {
        labels: meta.map(|m| labels_at(m, "labels")).unwrap_or_default(),
        annotations: meta
            .map(|m| labels_at(m, "annotations"))
            .unwrap_or_default(),
        spec: get(t, "spec").map(pod_spec).unwrap_or_default(),
    }
}

pub(super) fn pod_spec(v: &Value) -> PodSpec {
    let mut spec = PodSpec {
        containers: items(v, "containers").iter().map(container).collect(),
        init_containers: items(v, "initContainers").iter().map(container).collect(),
        node_selector: labels_at(v, "nodeSelector"),
        node_name: str_of(v, "nodeName"),
        ..PodSpec::default()
    };
    if let Some(rp) = str_of(v, "restartPolicy").and_then(|p| RestartPolicy::parse(&p)) {
        spec.restart_policy = rp;
    }
    if let Some(n) = u64_of(v, "terminationGracePeriodSeconds") {
        spec.termination_grace_period_seconds = n;
    }
    spec.volumes = items(v, "volumes")
        .iter()
        .map(super::build_pod::volume)
        .collect();
    spec.hostname = str_of(v, "hostname");
    spec.subdomain = str_of(v, "subdomain");
    spec.tolerations = items(v, "tolerations")
        .iter()
        .map(|t| Toleration {
            key: str_of(t, "key"),
            operator: if str_of(t, "operator").as_deref() == Some("Exists") {
                TolerationOperator::Exists
            } else {
                TolerationOperator::Equal
            },
            value: str_of(t, "value"),
            effect: str_of(t, "effect").and_then(|e| TaintEffect::parse(&e)),
            toleration_seconds: u64_of(t, "tolerationSeconds"),
        })
        .collect();
    spec
}

pub(super) fn strings(v: &Value, key: &str) -> Vec<String> {
    items(v, key).iter().filter_map(text).collect()
}

fn container(v: &Value) -> ContainerSpec {
    let mut c = ContainerSpec::new(
        str_of(v, "name").unwrap_or_default(),
        str_of(v, "image").unwrap_or_default(),
    );
    c.command = strings(v, "command");
    c.args = strings(v, "args");
    if let Some(res) = get(v, "resources") {
        c.requests = resources(get(res, "requests"));
        c.limits = resources(get(res, "limits"));
    }
    c.ports = items(v, "ports")
        .iter()
        .filter_map(|p| {
            Some(ContainerPort {
                name: str_of(p, "name"),
                container_port: u16::try_from(u64_of(p, "containerPort")?).ok()?,
                protocol: protocol(p),
            })
        })
        .collect();
    c.readiness_probe = get(v, "readinessProbe").map(super::build_pod::probe);
    c.liveness_probe = get(v, "livenessProbe").map(super::build_pod::probe);
    c.startup_probe = get(v, "startupProbe").map(super::build_pod::probe);
    c.env = items(v, "env")
        .iter()
        .map(super::build_pod::env_var)
        .collect();
    c.env_from = items(v, "envFrom")
        .iter()
        .filter_map(super::build_pod::env_from)
        .collect();
    c.volume_mounts = items(v, "volumeMounts")
        .iter()
        .map(super::build_pod::volume_mount)
        .collect();
    c.restart_always = str_of(v, "restartPolicy").as_deref() == Some("Always");
    // Kept only when it differs from the API default for the image, so an
    // object read back with its defaulted policy is the object it was.
    let given = str_of(v, "imagePullPolicy")
        .as_deref()
        .and_then(PullPolicy::parse);
    c.image_pull_policy = given.filter(|p| *p != c.pull_policy());
    c
}

pub(super) fn resources(v: Option<&Value>) -> Resources {
    let mut r = Resources::default();
    let Some(v) = v else { return r };
    if let Some(cpu) = str_of(v, "cpu") {
        r.cpu_millis = quantity::parse_cpu_millis(&cpu).unwrap_or(0);
    }
    if let Some(mem) = str_of(v, "memory") {
        r.memory_bytes = quantity::parse_bytes(&mem).unwrap_or(0);
    }
    r
}

fn service(v: &Value) -> ServiceSpec {
    ServiceSpec {
        service_type: match str_of(v, "type").as_deref() {
            Some("NodePort") => ServiceType::NodePort,
            Some("LoadBalancer") => ServiceType::LoadBalancer,
            _ => ServiceType::ClusterIP,
        },
        selector: labels_at(v, "selector"),
        cluster_ip: str_of(v, "clusterIP"),
        ports: items(v, "ports")
            .iter()
            .filter_map(|p| {
                let port = u16::try_from(u64_of(p, "port")?).ok()?;
                let target_port = match get(p, "targetPort") {
                    Some(Value::String(name)) => PortRef::Name(name.clone()),
                    Some(n) => PortRef::Number(
                        n.as_u64()
                            .and_then(|n| u16::try_from(n).ok())
                            .unwrap_or(port),
                    ),
                    None => PortRef::Number(port),
                };
                Some(ServicePort {
                    name: str_of(p, "name"),
                    port,
                    target_port,
                    protocol: protocol(p),
                    node_port: u64_of(p, "nodePort").and_then(|n| u16::try_from(n).ok()),
                })
            })
            .collect(),
    }
}
