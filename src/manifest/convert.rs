//! Documents -> `sim::objects`. A first, minimal converter: it accepts the
//! common fields of the simulated kinds and reports missing required ones.

use super::{Diagnostic, Document, Format, Loaded};
use crate::quantity;
use crate::sim::objects::*;
use serde::Deserialize;
use serde_yaml::Value;

pub(super) fn load(text: &str) -> Loaded {
    let format = Format::detect(text);
    let mut documents = Vec::new();
    let mut diagnostics = Vec::new();
    let starts = document_start_lines(text);
    for (index, de) in serde_yaml::Deserializer::from_str(text).enumerate() {
        let line = starts.get(index).copied().unwrap_or(1);
        let value = match Value::deserialize(de) {
            Ok(v) => v,
            Err(e) => {
                let (l, c) = e.location().map_or((line, 1), |l| (l.line(), l.column()));
                diagnostics.push(Diagnostic::error(l, c, "", e.to_string()));
                break;
            }
        };
        if value.is_null() {
            continue;
        }
        let mut cx = Cx {
            line,
            diags: &mut diagnostics,
        };
        documents.push(cx.document(&value));
    }
    Loaded {
        format,
        documents,
        diagnostics,
    }
}

/// 1-based first line of each `---`-separated document.
fn document_start_lines(text: &str) -> Vec<usize> {
    let mut starts = vec![1];
    for (i, l) in text.lines().enumerate() {
        if l.starts_with("---") && i > 0 {
            starts.push(i + 2);
        } else if l.starts_with("---") {
            starts[0] = 2;
        }
    }
    starts
}

struct Cx<'a> {
    line: usize,
    diags: &'a mut Vec<Diagnostic>,
}

impl Cx<'_> {
    fn err(&mut self, path: &str, message: impl Into<String>) {
        self.diags
            .push(Diagnostic::error(self.line, 1, path, message));
    }

    fn str_at(&mut self, v: &Value, key: &str, path: &str, required: bool) -> Option<String> {
        match v.get(key) {
            Some(Value::String(s)) => Some(s.clone()),
            Some(Value::Number(n)) => Some(n.to_string()),
            Some(Value::Bool(b)) => Some(b.to_string()),
            Some(Value::Null) | None if required => {
                self.err(&join(path, key), "Required value");
                None
            }
            Some(Value::Null) | None => None,
            Some(_) => {
                self.err(&join(path, key), "must be a string");
                None
            }
        }
    }

    fn document(&mut self, v: &Value) -> Document {
        let api_version = self.str_at(v, "apiVersion", "", true).unwrap_or_default();
        let kind = self.str_at(v, "kind", "", true).unwrap_or_default();
        let meta = v.get("metadata").cloned().unwrap_or(Value::Null);
        let name = self.str_at(&meta, "name", "metadata", true);
        let mut doc = Document {
            line: self.line,
            api_version: api_version.clone(),
            kind: kind.clone(),
            name: name.clone(),
            object: None,
        };
        let Some(k) = Kind::from_resource(&kind).filter(|k| k.name() == kind) else {
            if !kind.is_empty() {
                self.diags.push(Diagnostic::warning(
                    self.line,
                    1,
                    "kind",
                    format!("kind {kind:?} is not simulated; skipped"),
                ));
            }
            return doc;
        };
        if k.api_version() != api_version {
            self.err("apiVersion", format!("no matches for kind \"{kind}\" in version \"{api_version}\" (use apiVersion: {})", k.api_version()));
            return doc;
        }
        let before = self.diags.len();
        let meta = ObjectMeta {
            name: name.unwrap_or_default(),
            namespace: self
                .str_at(&meta, "namespace", "metadata", false)
                .unwrap_or_else(|| "default".into()),
            labels: self.labels(meta.get("labels"), "metadata.labels"),
            annotations: self.labels(meta.get("annotations"), "metadata.annotations"),
        };
        let spec_v = v.get("spec").cloned().unwrap_or(Value::Null);
        let spec = match k {
            Kind::Pod => Some(Spec::Pod(self.pod_spec(&spec_v, "spec"))),
            Kind::ReplicaSet => {
                let (replicas, selector, template) = self.workload(&spec_v);
                Some(Spec::ReplicaSet(ReplicaSetSpec {
                    replicas,
                    selector,
                    template,
                }))
            }
            Kind::Deployment => {
                let (replicas, selector, template) = self.workload(&spec_v);
                let mut d = DeploymentSpec::new(selector, template);
                d.replicas = replicas;
                Some(Spec::Deployment(d))
            }
            Kind::Job => {
                let template = self.template(spec_v.get("template"), "spec.template");
                let mut j = JobSpec::new(template);
                if let Some(n) = spec_v.get("completions").and_then(Value::as_u64) {
                    j.completions = Some(n as u32);
                }
                if let Some(n) = spec_v.get("parallelism").and_then(Value::as_u64) {
                    j.parallelism = n as u32;
                }
                if let Some(n) = spec_v.get("backoffLimit").and_then(Value::as_u64) {
                    j.backoff_limit = n as u32;
                }
                Some(Spec::Job(j))
            }
            Kind::Service => Some(Spec::Service(self.service(&spec_v))),
            Kind::Node | Kind::Event => None,
        };
        if self.diags.len() == before {
            doc.object = spec.map(|spec| Object { meta, spec });
        }
        doc
    }

    fn labels(&mut self, v: Option<&Value>, path: &str) -> Labels {
        let mut out = Labels::new();
        if let Some(Value::Mapping(m)) = v {
            for (k, val) in m {
                let key = k
                    .as_str()
                    .map(str::to_string)
                    .unwrap_or_else(|| format!("{k:?}"));
                let value = match val {
                    Value::String(s) => s.clone(),
                    Value::Number(n) => n.to_string(),
                    Value::Bool(b) => b.to_string(),
                    _ => {
                        self.err(&format!("{path}.{key}"), "must be a string");
                        continue;
                    }
                };
                out.insert(key, value);
            }
        }
        out
    }

    fn workload(&mut self, spec: &Value) -> (u32, LabelSelector, PodTemplate) {
        let replicas = spec.get("replicas").and_then(Value::as_u64).unwrap_or(1) as u32;
        let sel = spec.get("selector");
        if sel.is_none() {
            self.err("spec.selector", "Required value");
        }
        let selector = LabelSelector::from_labels(self.labels(
            sel.and_then(|s| s.get("matchLabels")),
            "spec.selector.matchLabels",
        ));
        let template = self.template(spec.get("template"), "spec.template");
        if !selector.matches(&template.labels) {
            self.err(
                "spec.template.metadata.labels",
                "Invalid value: `selector` does not match template `labels`",
            );
        }
        (replicas, selector, template)
    }

    fn template(&mut self, v: Option<&Value>, path: &str) -> PodTemplate {
        let Some(v) = v else {
            self.err(path, "Required value");
            return PodTemplate::default();
        };
        let meta = v.get("metadata");
        PodTemplate {
            labels: self.labels(
                meta.and_then(|m| m.get("labels")),
                &format!("{path}.metadata.labels"),
            ),
            annotations: Labels::new(),
            spec: self.pod_spec(
                v.get("spec").unwrap_or(&Value::Null),
                &format!("{path}.spec"),
            ),
        }
    }

    fn pod_spec(&mut self, v: &Value, path: &str) -> PodSpec {
        let mut spec = PodSpec::default();
        match v.get("containers") {
            Some(Value::Sequence(items)) if !items.is_empty() => {
                for (i, c) in items.iter().enumerate() {
                    spec.containers
                        .push(self.container(c, &format!("{path}.containers[{i}]")));
                }
            }
            _ => self.err(&join(path, "containers"), "Required value"),
        }
        if let Some(Value::Sequence(items)) = v.get("initContainers") {
            for (i, c) in items.iter().enumerate() {
                spec.init_containers
                    .push(self.container(c, &format!("{path}.initContainers[{i}]")));
            }
        }
        if let Some(p) = self.str_at(v, "restartPolicy", path, false) {
            match RestartPolicy::parse(&p) {
                Some(rp) => spec.restart_policy = rp,
                None => self.err(&join(path, "restartPolicy"), format!("Unsupported value: \"{p}\": supported values: \"Always\", \"OnFailure\", \"Never\"")),
            }
        }
        spec.node_selector = self.labels(v.get("nodeSelector"), &join(path, "nodeSelector"));
        spec.node_name = self.str_at(v, "nodeName", path, false);
        if let Some(n) = v
            .get("terminationGracePeriodSeconds")
            .and_then(Value::as_u64)
        {
            spec.termination_grace_period_seconds = n;
        }
        if let Some(Value::Sequence(items)) = v.get("tolerations") {
            for t in items {
                spec.tolerations.push(Toleration {
                    key: t.get("key").and_then(Value::as_str).map(str::to_string),
                    operator: if t.get("operator").and_then(Value::as_str) == Some("Exists") {
                        TolerationOperator::Exists
                    } else {
                        TolerationOperator::Equal
                    },
                    value: t.get("value").and_then(Value::as_str).map(str::to_string),
                    effect: t
                        .get("effect")
                        .and_then(Value::as_str)
                        .and_then(TaintEffect::parse),
                    toleration_seconds: t.get("tolerationSeconds").and_then(Value::as_u64),
                });
            }
        }
        spec
    }

    fn container(&mut self, v: &Value, path: &str) -> ContainerSpec {
        let name = self.str_at(v, "name", path, true).unwrap_or_default();
        let image = self.str_at(v, "image", path, true).unwrap_or_default();
        let mut c = ContainerSpec::new(name, image);
        c.command = strings(v.get("command"));
        c.args = strings(v.get("args"));
        if let Some(res) = v.get("resources") {
            c.requests = self.resources(res.get("requests"), &format!("{path}.resources.requests"));
            c.limits = self.resources(res.get("limits"), &format!("{path}.resources.limits"));
        }
        if let Some(Value::Sequence(ports)) = v.get("ports") {
            for p in ports {
                if let Some(n) = p.get("containerPort").and_then(Value::as_u64) {
                    c.ports.push(ContainerPort {
                        name: p.get("name").and_then(Value::as_str).map(str::to_string),
                        container_port: n as u16,
                        protocol: Protocol::TCP,
                    });
                }
            }
        }
        c.readiness_probe = v.get("readinessProbe").map(probe);
        c.liveness_probe = v.get("livenessProbe").map(probe);
        c.restart_always = v.get("restartPolicy").and_then(Value::as_str) == Some("Always");
        c
    }

    fn resources(&mut self, v: Option<&Value>, path: &str) -> Resources {
        let mut r = Resources::default();
        let Some(v) = v else { return r };
        if let Some(cpu) = self.str_at(v, "cpu", path, false) {
            match quantity::parse_cpu_millis(&cpu) {
                Ok(m) => r.cpu_millis = m,
                Err(e) => self.err(&join(path, "cpu"), e.to_string()),
            }
        }
        if let Some(mem) = self.str_at(v, "memory", path, false) {
            match quantity::parse_bytes(&mem) {
                Ok(b) => r.memory_bytes = b,
                Err(e) => self.err(&join(path, "memory"), e.to_string()),
            }
        }
        r
    }

    fn service(&mut self, v: &Value) -> ServiceSpec {
        let mut s = ServiceSpec {
            service_type: match v.get("type").and_then(Value::as_str) {
                Some("NodePort") => ServiceType::NodePort,
                Some("LoadBalancer") => ServiceType::LoadBalancer,
                _ => ServiceType::ClusterIP,
            },
            selector: self.labels(v.get("selector"), "spec.selector"),
            ports: Vec::new(),
            cluster_ip: v
                .get("clusterIP")
                .and_then(Value::as_str)
                .map(str::to_string),
        };
        match v.get("ports") {
            Some(Value::Sequence(ports)) if !ports.is_empty() => {
                for (i, p) in ports.iter().enumerate() {
                    let Some(port) = p
                        .get("port")
                        .and_then(Value::as_u64)
                        .filter(|n| (1..=65535).contains(n))
                    else {
                        self.err(
                            &format!("spec.ports[{i}].port"),
                            "Invalid value: must be between 1 and 65535, inclusive",
                        );
                        continue;
                    };
                    let target_port = match p.get("targetPort") {
                        Some(Value::Number(n)) => {
                            PortRef::Number(n.as_u64().unwrap_or(port) as u16)
                        }
                        Some(Value::String(name)) => PortRef::Name(name.clone()),
                        _ => PortRef::Number(port as u16),
                    };
                    s.ports.push(ServicePort {
                        name: p.get("name").and_then(Value::as_str).map(str::to_string),
                        port: port as u16,
                        target_port,
                        protocol: Protocol::TCP,
                        node_port: p.get("nodePort").and_then(Value::as_u64).map(|n| n as u16),
                    });
                }
            }
            _ => self.err("spec.ports", "Required value"),
        }
        s
    }
}

fn probe(v: &Value) -> Probe {
    let get = |k: &str, d: u32| v.get(k).and_then(Value::as_u64).map_or(d, |n| n as u32);
    let d = Probe::default();
    Probe {
        initial_delay_seconds: get("initialDelaySeconds", d.initial_delay_seconds),
        period_seconds: get("periodSeconds", d.period_seconds),
        failure_threshold: get("failureThreshold", d.failure_threshold),
        success_threshold: get("successThreshold", d.success_threshold),
    }
}

fn strings(v: Option<&Value>) -> Vec<String> {
    match v {
        Some(Value::Sequence(items)) => items
            .iter()
            .map(|i| match i {
                Value::String(s) => s.clone(),
                other => serde_yaml::to_string(other)
                    .unwrap_or_default()
                    .trim()
                    .to_string(),
            })
            .collect(),
        _ => Vec::new(),
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}
