//! The API server's validation of submitted objects: the checks and the
//! wording of `kubectl`'s `The Pod "x" is invalid: ...` messages.

use super::objects::*;
use std::collections::BTreeSet;

const SUBDOMAIN_MSG: &str = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const LABEL_MSG: &str = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const DNS1035_MSG: &str = "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";

fn is_label(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 63
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !s.starts_with('-')
        && !s.ends_with('-')
}

fn is_subdomain(s: &str) -> bool {
    !s.is_empty() && s.len() <= 253 && s.split('.').all(is_label)
}

fn is_dns1035(s: &str) -> bool {
    is_label(s) && s.starts_with(|c: char| c.is_ascii_lowercase())
}

/// Check a name of `kind`; the causes found, as `field: message`.
pub fn name(kind: Kind, name: &str) -> Vec<String> {
    if name.is_empty() {
        return vec!["metadata.name: Required value: name or generateName is required".into()];
    }
    let (ok, msg) = match kind {
        Kind::Service => (is_dns1035(name), DNS1035_MSG),
        _ => (is_subdomain(name), SUBDOMAIN_MSG),
    };
    if ok {
        Vec::new()
    } else {
        vec![format!("metadata.name: Invalid value: \"{name}\": {msg}")]
    }
}

pub fn namespace(ns: &str) -> Vec<String> {
    if is_label(ns) {
        Vec::new()
    } else {
        vec![format!(
            "metadata.namespace: Invalid value: \"{ns}\": {LABEL_MSG}"
        )]
    }
}

fn labels(path: &str, labels: &Labels, out: &mut Vec<String>) {
    for (k, v) in labels {
        let key_name = k.rsplit('/').next().unwrap_or(k);
        let key_ok = !key_name.is_empty()
            && key_name.len() <= 63
            && key_name
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b))
            && key_name.starts_with(|c: char| c.is_ascii_alphanumeric())
            && key_name.ends_with(|c: char| c.is_ascii_alphanumeric());
        if !key_ok {
            out.push(format!("{path}: Invalid value: \"{k}\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character"));
        }
        let value_ok = v.is_empty()
            || (v.len() <= 63
                && v.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b))
                && v.starts_with(|c: char| c.is_ascii_alphanumeric())
                && v.ends_with(|c: char| c.is_ascii_alphanumeric()));
        if !value_ok {
            out.push(format!("{path}: Invalid value: \"{v}\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character"));
        }
    }
}

fn containers(path: &str, list: &[ContainerSpec], required: bool, out: &mut Vec<String>) {
    if list.is_empty() && required {
        out.push(format!("{path}: Required value"));
    }
    let mut seen = BTreeSet::new();
    for (i, c) in list.iter().enumerate() {
        let p = format!("{path}[{i}]");
        if c.name.is_empty() {
            out.push(format!("{p}.name: Required value"));
        } else if !is_label(&c.name) {
            out.push(format!(
                "{p}.name: Invalid value: \"{}\": {LABEL_MSG}",
                c.name
            ));
        } else if !seen.insert(c.name.clone()) {
            out.push(format!("{p}.name: Duplicate value: \"{}\"", c.name));
        }
        if c.image.trim().is_empty() {
            out.push(format!("{p}.image: Required value"));
        }
        let (req, lim) = (c.effective_requests(), c.limits);
        if lim.cpu_millis > 0 && req.cpu_millis > lim.cpu_millis {
            out.push(format!(
                "{p}.resources.requests: Invalid value: \"{}\": must be less than or equal to cpu limit of {}",
                crate::quantity::format_cpu(req.cpu_millis),
                crate::quantity::format_cpu(lim.cpu_millis)
            ));
        }
        if lim.memory_bytes > 0 && req.memory_bytes > lim.memory_bytes {
            out.push(format!(
                "{p}.resources.requests: Invalid value: \"{}\": must be less than or equal to memory limit of {}",
                crate::quantity::format_bytes(req.memory_bytes),
                crate::quantity::format_bytes(lim.memory_bytes)
            ));
        }
    }
}

pub fn pod_spec(path: &str, spec: &PodSpec, out: &mut Vec<String>) {
    containers(&format!("{path}.containers"), &spec.containers, true, out);
    containers(
        &format!("{path}.initContainers"),
        &spec.init_containers,
        false,
        out,
    );
    labels(&format!("{path}.nodeSelector"), &spec.node_selector, out);
    super::kind_validation::pod_extras(path, spec, out);
}

fn template(spec_path: &str, selector: &LabelSelector, t: &PodTemplate, out: &mut Vec<String>) {
    if selector.is_empty() {
        out.push(format!("{spec_path}.selector: Required value"));
    } else if !selector.matches(&t.labels) {
        let shown: Vec<String> = t
            .labels
            .iter()
            .map(|(k, v)| format!("\"{k}\":\"{v}\""))
            .collect();
        out.push(format!(
            "{spec_path}.template.metadata.labels: Invalid value: map[string]string{{{}}}: `selector` does not match template `labels`",
            shown.join(", ")
        ));
    }
    labels(
        &format!("{spec_path}.template.metadata.labels"),
        &t.labels,
        out,
    );
    pod_spec(&format!("{spec_path}.template.spec"), &t.spec, out);
}

/// The most replicas, completions or parallelism a workload may ask for in
/// the simulator (the API allows more; a laptop does not).
pub const MAX_REPLICAS: u32 = 10_000;

fn count(path: &str, n: u32, out: &mut Vec<String>) {
    if n > MAX_REPLICAS {
        out.push(format!(
            "{path}: Invalid value: {n}: the simulator runs at most {MAX_REPLICAS} per workload"
        ));
    }
}

/// Every problem with `obj`, as `field: message` causes.
pub fn object(obj: &Object) -> Vec<String> {
    let mut out = name(obj.kind(), &obj.meta.name);
    if obj.kind().namespaced() {
        out.extend(namespace(&obj.meta.namespace));
    }
    labels("metadata.labels", &obj.meta.labels, &mut out);
    match &obj.spec {
        Spec::Pod(p) => pod_spec("spec", p, &mut out),
        Spec::ReplicaSet(rs) => {
            count("spec.replicas", rs.replicas, &mut out);
            template("spec", &rs.selector, &rs.template, &mut out);
            always_only(&rs.template, &mut out);
        }
        Spec::Deployment(d) => {
            count("spec.replicas", d.replicas, &mut out);
            template("spec", &d.selector, &d.template, &mut out);
            always_only(&d.template, &mut out);
        }
        Spec::Job(j) => {
            count("spec.completions", j.completions.unwrap_or(0), &mut out);
            count("spec.parallelism", j.parallelism, &mut out);
            labels(
                "spec.template.metadata.labels",
                &j.template.labels,
                &mut out,
            );
            pod_spec("spec.template.spec", &j.template.spec, &mut out);
            if j.template.spec.restart_policy == RestartPolicy::Always {
                out.push("spec.template.spec.restartPolicy: Required value: valid values: \"OnFailure\", \"Never\"".into());
            }
        }
        Spec::Service(s) => {
            if s.ports.is_empty() {
                out.push("spec.ports: Required value".into());
            }
            let mut seen = BTreeSet::new();
            for (i, p) in s.ports.iter().enumerate() {
                if p.port == 0 {
                    out.push(format!(
                        "spec.ports[{i}].port: Invalid value: 0: must be between 1 and 65535, inclusive"
                    ));
                }
                if s.ports.len() > 1 && p.name.is_none() {
                    out.push(format!("spec.ports[{i}].name: Required value"));
                }
                if !seen.insert((p.port, p.protocol.name())) {
                    out.push(format!(
                        "spec.ports[{i}]: Duplicate value: core.ServicePort{{Port:{}, Protocol:\"{}\"}}",
                        p.port,
                        p.protocol.name()
                    ));
                }
            }
            labels("spec.selector", &s.selector, &mut out);
        }
        other => super::kind_validation::spec(other, &mut out),
    }
    out
}

/// The template rules of a workload whose pods restart `Always`
/// (ReplicaSet, Deployment, StatefulSet).
pub fn workload_template(
    spec_path: &str,
    replicas: u32,
    selector: &LabelSelector,
    t: &PodTemplate,
    out: &mut Vec<String>,
) {
    count(&format!("{spec_path}.replicas"), replicas, out);
    template(spec_path, selector, t, out);
    always_only(t, out);
}

fn always_only(t: &PodTemplate, out: &mut Vec<String>) {
    if t.spec.restart_policy != RestartPolicy::Always {
        out.push(format!(
            "spec.template.spec.restartPolicy: Unsupported value: \"{}\": supported values: \"Always\"",
            t.spec.restart_policy.name()
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_follow_the_object_names_docs() {
        // https://kubernetes.io/docs/concepts/overview/working-with-objects/names/
        assert!(name(Kind::Pod, "web-1.example").is_empty());
        assert!(
            name(Kind::Pod, "Web")[0].starts_with(
                "metadata.name: Invalid value: \"Web\": a lowercase RFC 1123 subdomain"
            )
        );
        assert!(name(Kind::Service, "1web")[0].contains("DNS-1035"));
        assert!(name(Kind::Service, "web-1").is_empty());
        assert!(name(Kind::Pod, "")[0].contains("Required value"));
    }

    #[test]
    fn job_templates_must_not_restart_always() {
        let mut t = PodTemplate::default();
        t.spec.containers.push(ContainerSpec::new("c", "busybox"));
        let obj = Object {
            meta: ObjectMeta::named("j"),
            spec: Spec::Job(JobSpec::new(t)),
        };
        assert_eq!(
            object(&obj),
            [
                "spec.template.spec.restartPolicy: Required value: valid values: \"OnFailure\", \"Never\""
            ]
        );
    }

    #[test]
    fn duplicate_container_names_and_missing_images() {
        let mut spec = PodSpec::default();
        spec.containers.push(ContainerSpec::new("a", "nginx"));
        spec.containers.push(ContainerSpec::new("a", ""));
        let mut out = Vec::new();
        pod_spec("spec", &spec, &mut out);
        assert_eq!(
            out,
            [
                "spec.containers[1].name: Duplicate value: \"a\"",
                "spec.containers[1].image: Required value"
            ]
        );
    }
}
