//! Running the commands part two adds (see [`super::parse_more`]).

use super::command::*;
use super::listing::list;
use super::{Outcome, jsonpath, table::table, to_json, to_yaml};
use crate::sim::Cluster;
use crate::sim::expose::ExposeRequest;
use crate::sim::objects::*;
use crate::sim::ops::kubectl_name;
use serde_json::{Value, json};

pub(super) fn run(c: &mut Cluster, cmd: Command) -> Outcome {
    match cmd {
        Command::GetJsonPath {
            res,
            names,
            template,
            selector,
            scope,
        } => get_jsonpath(c, res, &names, &template, selector.as_deref(), &scope),
        Command::DryRun { inner, output } => dry_run(c, *inner, output),
        Command::Exec {
            pod,
            container,
            argv,
            ns,
        } => exec(c, &ns, &pod, container.as_deref(), &argv),
        Command::Label {
            res,
            names,
            changes,
            overwrite,
            selector,
            annotate,
            ns,
        } => label(c, res, names, &changes, overwrite, selector, annotate, &ns),
        Command::Rollout {
            action,
            res,
            name,
            ns,
        } => super::rollout::rollout(c, action, res, &name, &ns),
        Command::Expose { .. } => {
            let Some(req) = expose_request(&cmd) else {
                return Outcome::fail("error: not an expose command");
            };
            match c.expose_object(&req).and_then(|o| {
                let n = o.meta.name.clone();
                c.create(o).map(|_| n).map_err(|e| e.to_string())
            }) {
                Ok(n) => Outcome::ok(format!("service/{n} exposed")),
                Err(e) => Outcome::fail(e),
            }
        }
        Command::Top { nodes, name, scope } => top(c, nodes, name.as_deref(), &scope),
        Command::SetImageStatefulSet { name, pairs, ns } => {
            for (container, image) in &pairs {
                if let Err(e) = c.set_statefulset_image(&ns, &name, container, image) {
                    return Outcome::fail(e);
                }
            }
            Outcome::ok(format!(
                "{} image updated",
                kubectl_name(Kind::StatefulSet, &name)
            ))
        }
        other => match build(c, &other) {
            Ok(obj) => {
                let (kind, name) = (obj.kind(), obj.meta.name.clone());
                match c.create(obj) {
                    Ok(()) => Outcome::ok(format!("{} created", kubectl_name(kind, &name))),
                    Err(e) => Outcome::fail(create_failed(&kind.name().to_ascii_lowercase(), &e)),
                }
            }
            Err(e) => Outcome::fail(e),
        },
    }
}

/// `kubectl create KIND` wraps the API server's refusal, whatever it is:
/// `error: failed to create configmap: configmaps "x" already exists`
/// (create_configmap.go, create_secret.go, create_deployment.go ...).
pub(super) fn create_failed(what: &str, e: &crate::sim::apiserver::ApiError) -> String {
    let text = e.to_string();
    let message = match text.strip_prefix("Error from server (") {
        Some(rest) => rest.split_once("): ").map_or(text.as_str(), |(_, m)| m),
        None => text.as_str(),
    };
    format!("error: failed to create {what}: {message}")
}

fn get_jsonpath(
    c: &Cluster,
    res: Resource,
    names: &[String],
    template: &str,
    selector: Option<&str>,
    scope: &Scope,
) -> Outcome {
    let sel = match selector.map(crate::sim::selector::parse).transpose() {
        Ok(s) => s,
        Err(e) => return Outcome::fail(format!("error: {e}")),
    };
    let l = list(c, res, names, false, &sel, scope);
    let mut errors = String::new();
    for m in &l.missing {
        let resource = res
            .kind()
            .map_or("resources", crate::sim::apiserver::resource_name);
        errors.push_str(&format!(
            "Error from server (NotFound): {resource} \"{m}\" not found\n"
        ));
    }
    let value = if names.len() == 1 && l.values.len() == 1 {
        l.values.into_iter().next().unwrap_or(Value::Null)
    } else if !l.missing.is_empty() && l.values.is_empty() {
        return Outcome::fail(errors);
    } else {
        json!({"apiVersion": "v1", "items": l.values, "kind": "List", "metadata": {"resourceVersion": ""}})
    };
    match jsonpath::apply(template, &value) {
        Ok(text) => Outcome {
            output: format!(
                "{text}{}{errors}",
                if errors.is_empty() { "" } else { "\n" }
            ),
            ok: errors.is_empty(),
        },
        Err(e) => Outcome::fail(e),
    }
}

fn meta_value(name: &str, ns: &str, labels: &Labels) -> Value {
    let mut m = json!({"creationTimestamp": null, "name": name});
    if !labels.is_empty() {
        m["labels"] = json!(labels);
    }
    if ns != "default" {
        m["namespace"] = ns.into();
    }
    m
}

fn container_value(
    name: &str,
    image: &str,
    command: &[String],
    args: &[String],
    port: Option<u16>,
) -> Value {
    let mut c = json!({"image": image, "name": name, "resources": {}});
    if !command.is_empty() {
        c["command"] = json!(command);
    }
    if !args.is_empty() {
        c["args"] = json!(args);
    }
    if let Some(p) = port {
        c["ports"] = json!([{"containerPort": p}]);
    }
    c
}

/// What `kubectl ... --dry-run=client -o yaml` prints: the object as the
/// client built it (no defaults, `creationTimestamp: null`).
fn client_value(c: &Cluster, cmd: &Command) -> Result<Value, String> {
    Ok(match cmd {
        Command::CreateConfigMap { name, data, ns } => {
            let mut v = json!({"apiVersion": "v1", "kind": "ConfigMap", "metadata": meta_value(name, ns, &Labels::new())});
            if !data.is_empty() {
                v["data"] = json!(data.iter().cloned().collect::<Labels>());
            }
            v
        }
        Command::CreateSecret {
            name,
            data,
            secret_type,
            ns,
        } => {
            let mut v = json!({"apiVersion": "v1", "kind": "Secret", "metadata": meta_value(name, ns, &Labels::new())});
            if !data.is_empty() {
                let enc: Labels = data
                    .iter()
                    .map(|(k, v)| (k.clone(), encode_base64(v.as_bytes())))
                    .collect();
                v["data"] = json!(enc);
            }
            if secret_type != "Opaque" {
                v["type"] = secret_type.clone().into();
            }
            v
        }
        Command::CreateDeployment {
            name,
            image,
            replicas,
            port,
            ns,
        } => {
            let labels: Labels = [("app".to_string(), name.clone())].into();
            let cname = super::exec::container_name(image);
            json!({"apiVersion": "apps/v1", "kind": "Deployment", "metadata": meta_value(name, ns, &labels),
                "spec": {"replicas": replicas, "selector": {"matchLabels": labels}, "strategy": {},
                    "template": {"metadata": {"creationTimestamp": null, "labels": labels},
                        "spec": {"containers": [container_value(&cname, image, &[], &[], *port)]}}},
                "status": {}})
        }
        Command::Run {
            name,
            image,
            restart,
            args,
            as_command,
            port,
            labels,
            ns,
        } => {
            let labels = match labels {
                Some(l) => super::exec::parse_labels(l)?,
                None => [("run".to_string(), name.clone())].into(),
            };
            let (cmd, a) = if *as_command {
                (args.clone(), Vec::new())
            } else {
                (Vec::new(), args.clone())
            };
            json!({"apiVersion": "v1", "kind": "Pod", "metadata": meta_value(name, ns, &labels),
                "spec": {"containers": [container_value(name, image, &cmd, &a, *port)], "dnsPolicy": "ClusterFirst",
                    "restartPolicy": restart.name()},
                "status": {}})
        }
        Command::CreateCronJob {
            name,
            image,
            schedule,
            command,
            ns,
        } => {
            json!({"apiVersion": "batch/v1", "kind": "CronJob", "metadata": meta_value(name, ns, &Labels::new()),
            "spec": {"jobTemplate": {"metadata": {"creationTimestamp": null, "name": name},
                "spec": {"template": {"metadata": {"creationTimestamp": null},
                    "spec": {"containers": [container_value(name, image, command, &[], None)], "restartPolicy": "OnFailure"}}}},
                "schedule": schedule},
            "status": {}})
        }
        Command::CreateJob { name, ns, .. } => {
            let obj = build(c, cmd)?;
            let Spec::Job(j) = obj.spec else {
                return Err("error: not a job".into());
            };
            let cont = &j.template.spec.containers[0];
            json!({"apiVersion": "batch/v1", "kind": "Job", "metadata": meta_value(name, ns, &Labels::new()),
                "spec": {"template": {"metadata": {"creationTimestamp": null},
                    "spec": {"containers": [container_value(&cont.name, &cont.image, &cont.command, &[], None)],
                        "restartPolicy": j.template.spec.restart_policy.name()}}},
                "status": {}})
        }
        Command::Expose { .. } => {
            let req = expose_request(cmd).ok_or("error: not an expose command")?;
            let obj = c.expose_object(&req)?;
            let Spec::Service(sv) = &obj.spec else {
                return Err("error: not a service".into());
            };
            let ports: Vec<Value> = sv
                .ports
                .iter()
                .map(|p| {
                    let mut v = json!({"port": p.port, "protocol": p.protocol.name(), "targetPort": match &p.target_port {
                        PortRef::Number(n) => Value::from(*n),
                        PortRef::Name(n) => Value::from(n.clone()),
                    }});
                    if let Some(n) = &p.name {
                        v["name"] = n.clone().into();
                    }
                    v
                })
                .collect();
            let mut spec = json!({"ports": ports, "selector": sv.selector});
            if sv.service_type != ServiceType::ClusterIP {
                spec["type"] = sv.service_type.name().into();
            }
            json!({"apiVersion": "v1", "kind": "Service", "metadata": meta_value(&obj.meta.name, req.ns, &obj.meta.labels),
                "spec": spec, "status": {"loadBalancer": {}}})
        }
        _ => return Err("error: --dry-run is simulated for run, create, and expose".into()),
    })
}

/// What `kubectl expose` asks for (a Deployment when no kind is named),
/// for the command run for real and for its `--dry-run=client` output.
fn expose_request(cmd: &Command) -> Option<ExposeRequest<'_>> {
    let Command::Expose {
        res,
        name,
        port,
        target_port,
        service_type,
        service_name,
        ns,
    } = cmd
    else {
        return None;
    };
    Some(ExposeRequest {
        kind: res.kind().unwrap_or(Kind::Deployment),
        name,
        ns,
        port: *port,
        target_port: target_port.as_deref(),
        service_type: service_type.as_deref(),
        service_name: service_name.as_deref(),
    })
}

fn dry_run(c: &Cluster, cmd: Command, output: Output) -> Outcome {
    let v = match client_value(c, &cmd) {
        Ok(v) => v,
        Err(e) => return Outcome::fail(e),
    };
    match output {
        Output::Yaml => Outcome::ok(to_yaml(&v)),
        Output::Json => Outcome::ok(to_json(&v)),
        _ => {
            let kind = v["kind"]
                .as_str()
                .and_then(Kind::from_resource)
                .unwrap_or(Kind::Pod);
            let name = v["metadata"]["name"].as_str().unwrap_or_default();
            let word = if matches!(cmd, Command::Expose { .. }) {
                "exposed"
            } else {
                "created"
            };
            Outcome::ok(format!("{} {word} (dry run)", kubectl_name(kind, name)))
        }
    }
}

/// The object a `create configmap|secret|cronjob|job` makes.
fn build(c: &Cluster, cmd: &Command) -> Result<Object, String> {
    let named = |name: &str, ns: &str| {
        let mut m = ObjectMeta::named(name);
        m.namespace = ns.to_string();
        m
    };
    Ok(match cmd {
        Command::CreateConfigMap { name, data, ns } => Object {
            meta: named(name, ns),
            spec: Spec::ConfigMap(ConfigMapData {
                data: data.iter().cloned().collect(),
                ..ConfigMapData::default()
            }),
        },
        Command::CreateSecret {
            name,
            data,
            secret_type,
            ns,
        } => Object {
            meta: named(name, ns),
            spec: Spec::Secret(SecretData {
                secret_type: secret_type.clone(),
                data: data
                    .iter()
                    .map(|(k, v)| (k.clone(), v.clone().into_bytes()))
                    .collect(),
                immutable: false,
            }),
        },
        Command::CreateCronJob {
            name,
            image,
            schedule,
            command,
            ns,
        } => {
            let mut cont = ContainerSpec::new(name.clone(), image.clone());
            cont.command = command.clone();
            let template = PodTemplate {
                spec: PodSpec {
                    containers: vec![cont],
                    restart_policy: RestartPolicy::OnFailure,
                    ..PodSpec::default()
                },
                ..PodTemplate::default()
            };
            Object {
                meta: named(name, ns),
                spec: Spec::CronJob(CronJobSpec::new(
                    schedule,
                    JobTemplate {
                        labels: Labels::new(),
                        annotations: Labels::new(),
                        spec: JobSpec::new(template),
                    },
                )),
            }
        }
        Command::CreateJob {
            name,
            image,
            from_cronjob,
            command,
            ns,
        } => match from_cronjob {
            Some(cj) => c.job_from_cronjob(ns, cj, name)?,
            None => {
                let image = image.clone().unwrap_or_default();
                let mut cont = ContainerSpec::new(name.clone(), image);
                cont.command = command.clone();
                let template = PodTemplate {
                    spec: PodSpec {
                        containers: vec![cont],
                        restart_policy: RestartPolicy::Never,
                        ..PodSpec::default()
                    },
                    ..PodTemplate::default()
                };
                Object {
                    meta: named(name, ns),
                    spec: Spec::Job(JobSpec::new(template)),
                }
            }
        },
        Command::CreateDeployment { .. } | Command::Run { .. } => {
            return Err("error: not built here".into());
        }
        _ => return Err("error: this command does not create an object".into()),
    })
}

fn exec(c: &mut Cluster, ns: &str, pod: &str, container: Option<&str>, argv: &[String]) -> Outcome {
    match c.exec(ns, pod, container, argv) {
        Ok(out) => {
            let mut lines = Vec::new();
            if let Some(d) = out.defaulted {
                lines.push(d);
            }
            lines.extend(out.lines);
            for a in &out.answered {
                let via = a
                    .via
                    .as_ref()
                    .map_or(String::new(), |v| format!(" through service {v}"));
                lines.push(format!("# {} answered by {}{via}", a.url, a.pod));
            }
            if out.code != 0 {
                lines.push(format!("command terminated with exit code {}", out.code));
                return Outcome::fail(lines.join("\n"));
            }
            Outcome::ok(lines.join("\n"))
        }
        Err(e) => Outcome::fail(e),
    }
}

#[allow(clippy::too_many_arguments)]
fn label(
    c: &mut Cluster,
    res: Resource,
    mut names: Vec<String>,
    changes: &[(String, Option<String>)],
    overwrite: bool,
    selector: Option<String>,
    annotate: bool,
    ns: &str,
) -> Outcome {
    let Some(kind) = res.kind().filter(|k| *k != Kind::Event) else {
        return Outcome::fail(format!("error: {} cannot be labeled", res.plural()));
    };
    if let Some(sel) = selector {
        let sel = match crate::sim::selector::parse(&sel) {
            Ok(s) => Some(s),
            Err(e) => return Outcome::fail(format!("error: {e}")),
        };
        let l = list(c, res, &[], false, &sel, &Scope::One(ns.to_string()));
        names.extend(
            l.names
                .iter()
                .map(|n| n.rsplit('/').next().unwrap_or(n).to_string()),
        );
    }
    let mut lines = Vec::new();
    let mut ok = true;
    for n in names {
        match c.label(kind, ns, &n, changes, overwrite, annotate) {
            Ok(l) => lines.extend(l),
            Err(e) => {
                ok = false;
                lines.push(e);
            }
        }
    }
    Outcome {
        output: super::with_newline(lines.join("\n")),
        ok,
    }
}

fn top(c: &Cluster, nodes: bool, name: Option<&str>, scope: &Scope) -> Outcome {
    if nodes {
        let mut rows = Vec::new();
        for n in c.nodes() {
            if name.is_some_and(|x| x != n.meta.name) {
                continue;
            }
            let Some(u) = c.node_usage(&n.meta.name) else {
                continue;
            };
            let pct = |a: u64, b: u64| (a * 100).checked_div(b).unwrap_or(0);
            rows.push(vec![
                n.meta.name.clone(),
                format!("{}m", u.cpu_millis),
                format!("{}%", pct(u.cpu_millis, n.allocatable.cpu_millis)),
                format!("{}Mi", u.memory_bytes >> 20),
                format!("{}%", pct(u.memory_bytes, n.allocatable.memory_bytes)),
            ]);
        }
        if rows.is_empty() {
            return Outcome::fail("error: metrics not available yet");
        }
        return Outcome::ok(table(
            &["NAME", "CPU(cores)", "CPU(%)", "MEMORY(bytes)", "MEMORY(%)"],
            &rows,
        ));
    }
    let mut rows = Vec::new();
    let all = *scope == Scope::All;
    for p in c.store().pods().sorted() {
        if (!all && p.meta.namespace != scope.ns()) || name.is_some_and(|x| x != p.meta.name) {
            continue;
        }
        match c.pod_usage(&p.meta.namespace, &p.meta.name) {
            Some(u) => {
                let mut row = vec![
                    p.meta.name.clone(),
                    format!("{}m", u.cpu_millis),
                    format!("{}Mi", u.memory_bytes >> 20),
                ];
                if all {
                    row.insert(0, p.meta.namespace.clone());
                }
                rows.push(row);
            }
            None if name.is_some() => {
                let age =
                    crate::sim::timefmt::human_duration(c.now().saturating_sub(p.meta.creation_ms));
                return Outcome::fail(format!(
                    "error: Metrics not available for pod {}/{}, age: {age}",
                    p.meta.namespace, p.meta.name
                ));
            }
            None => {}
        }
    }
    if let Some(n) = name
        && rows.is_empty()
    {
        return Outcome::fail(format!(
            "Error from server (NotFound): pods \"{n}\" not found"
        ));
    }
    if rows.is_empty() {
        return Outcome::fail(format!(
            "error: Metrics not available for pods in {} namespace",
            scope.ns()
        ));
    }
    let mut header = vec!["NAME", "CPU(cores)", "MEMORY(bytes)"];
    if all {
        header.insert(0, "NAMESPACE");
    }
    Outcome::ok(table(&header, &rows))
}
