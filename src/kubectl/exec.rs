//! Running a parsed command against the cluster.

use super::parse::{Command, Resource};
use super::{Outcome, describe, get, help};
use crate::lang::Lang;
use crate::sim::apiserver::DEFAULT_TOLERATION_SECONDS;
use crate::sim::controllers::node_lifecycle::GRACE_PERIOD_MS;
use crate::sim::objects::*;
use crate::sim::ops::kubectl_name;
use crate::sim::setup::Setup;
use crate::sim::{Cluster, scenarios, selector};

/// The longest single `wait`.
const MAX_WAIT_MS: u64 = 3_600_000;

pub(super) fn container_name(image: &str) -> String {
    let base = image.rsplit('/').next().unwrap_or(image);
    let base = base.split(['@', ':']).next().unwrap_or(base);
    let name: String = base
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let name = name.trim_matches('-').to_string();
    if name.is_empty() { "app".into() } else { name }
}

pub(super) fn parse_labels(text: &str) -> Result<Labels, String> {
    let mut out = Labels::new();
    for part in text.split(',').filter(|p| !p.is_empty()) {
        let (k, v) = part
            .split_once('=')
            .ok_or_else(|| format!("error: invalid label spec: {part}"))?;
        out.insert(k.trim().to_string(), v.trim().to_string());
    }
    Ok(out)
}

fn port(p: Option<u16>) -> Vec<ContainerPort> {
    p.map(|n| ContainerPort {
        name: None,
        container_port: n,
        protocol: Protocol::TCP,
    })
    .into_iter()
    .collect()
}

pub(super) fn run(c: &mut Cluster, cmd: Command, files: super::Files<'_>) -> Outcome {
    match cmd {
        Command::Empty => Outcome::ok(""),
        Command::Help => Outcome::ok(help::text()),
        Command::Get {
            res,
            names,
            output,
            selector,
            scope,
            show_labels,
            no_headers,
            sort_by,
        } => get::get(
            c,
            res,
            &names,
            output,
            &get::Filters {
                selector,
                scope,
                show_labels,
                no_headers,
                sort_by,
            },
        ),
        Command::GetTypes {
            list,
            wide,
            selector,
            scope,
        } => get::get_types(c, &list, wide, &selector, &scope),
        Command::Events(q) => super::events::events(c, &q),
        Command::Version(output) => version(c, output),
        Command::Describe {
            res,
            names,
            selector,
            scope,
        } => describe::describe(c, res, &names, &selector, &scope),
        Command::Apply { file, ns } => {
            let text = match super::files::read_manifest(&file, files) {
                Ok(t) => t,
                Err(e) => return Outcome::fail(e),
            };
            let r = c.apply_manifest_in(&text, (ns != "default").then_some(ns.as_str()));
            Outcome {
                output: super::with_newline(r.lines.join("\n")),
                ok: r.ok,
            }
        }
        Command::CreateDeployment {
            name,
            image,
            replicas,
            port: p,
            ns,
        } => {
            let labels: Labels = [("app".to_string(), name.clone())].into();
            let mut container = ContainerSpec::new(container_name(&image), image);
            container.ports = port(p);
            let template = PodTemplate {
                labels: labels.clone(),
                annotations: Labels::new(),
                spec: PodSpec {
                    containers: vec![container],
                    ..PodSpec::default()
                },
            };
            let mut spec =
                DeploymentSpec::new(LabelSelector::from_labels(labels.clone()), template);
            spec.replicas = replicas;
            let mut meta = ObjectMeta::named(name.clone());
            meta.namespace = ns;
            meta.labels = labels;
            match c.create(Object {
                meta,
                spec: Spec::Deployment(spec),
            }) {
                Ok(()) => Outcome::ok(format!("{} created", kubectl_name(Kind::Deployment, &name))),
                Err(e) => Outcome::fail(super::run_more::create_failed("deployment", &e)),
            }
        }
        Command::CreateNamespace { name } => {
            let meta = ObjectMeta {
                name: name.clone(),
                namespace: String::new(),
                labels: Labels::new(),
                annotations: Labels::new(),
            };
            match c.create(Object {
                meta,
                spec: Spec::Namespace(NamespaceSpec {}),
            }) {
                Ok(()) => Outcome::ok(format!("namespace/{name} created")),
                Err(e) => Outcome::fail(e.to_string()),
            }
        }
        Command::Run {
            name,
            image,
            restart,
            args,
            as_command,
            port: p,
            labels,
            ns,
        } => {
            let labels = match labels.as_deref().map(parse_labels).transpose() {
                Ok(Some(l)) => l,
                Ok(None) => [("run".to_string(), name.clone())].into(),
                Err(e) => return Outcome::fail(e),
            };
            let mut container = ContainerSpec::new(name.clone(), image);
            container.ports = port(p);
            if as_command {
                container.command = args;
            } else {
                container.args = args;
            }
            let spec = PodSpec {
                containers: vec![container],
                restart_policy: restart,
                ..PodSpec::default()
            };
            let mut meta = ObjectMeta::named(name.clone());
            meta.namespace = ns;
            meta.labels = labels;
            match c.create(Object {
                meta,
                spec: Spec::Pod(spec),
            }) {
                Ok(()) => Outcome::ok(format!("pod/{name} created")),
                Err(e) => Outcome::fail(e.to_string()),
            }
        }
        Command::Delete {
            res,
            names,
            selector,
            grace,
            ns,
            wait,
            timeout_ms,
        } => {
            let (out, pods) = delete(c, res, names, selector, grace, &ns);
            if wait {
                super::waits::wait_deleted(c, out, &pods, timeout_ms)
            } else {
                out
            }
        }
        Command::Scale {
            res,
            name,
            replicas,
            ns,
        } => {
            let Some(kind) = res.kind() else {
                return Outcome::fail(format!("error: {} cannot be scaled", res.plural()));
            };
            match c.scale(kind, &ns, &name, replicas) {
                Ok(()) => Outcome::ok(format!("{} scaled", kubectl_name(kind, &name))),
                Err(e) => Outcome::fail(e.to_string()),
            }
        }
        Command::SetImage { name, pairs, ns } => {
            for (container, image) in &pairs {
                if let Err(e) = c.set_image(&ns, &name, container, image) {
                    return Outcome::fail(format!(
                        "error: {}",
                        e.to_string()
                            .trim_start_matches("Error from server (BadRequest): ")
                    ));
                }
            }
            Outcome::ok(format!(
                "{} image updated",
                kubectl_name(Kind::Deployment, &name)
            ))
        }
        Command::RolloutStatus {
            name,
            ns,
            watch,
            timeout_ms,
        } => super::waits::rollout_status(c, &ns, &name, watch, timeout_ms),
        Command::Cordon(node) | Command::Uncordon(node) if c.node(&node).is_none() => {
            Outcome::fail(format!(
                "Error from server (NotFound): nodes \"{node}\" not found"
            ))
        }
        Command::Cordon(node) => match c.set_schedulable(&node, false) {
            Ok(true) => Outcome::ok(format!("node/{node} cordoned")),
            Ok(false) => Outcome::ok(format!("node/{node} already cordoned")),
            Err(e) => Outcome::fail(e.to_string()),
        },
        Command::Uncordon(node) => match c.set_schedulable(&node, true) {
            Ok(true) => Outcome::ok(format!("node/{node} uncordoned")),
            Ok(false) => Outcome::ok(format!("node/{node} already uncordoned")),
            Err(e) => Outcome::fail(e.to_string()),
        },
        Command::Drain {
            node,
            force,
            ignore_daemonsets,
            timeout_ms,
        } => super::waits::drain(c, &node, force, ignore_daemonsets, timeout_ms),
        Command::Logs {
            pod,
            container,
            previous,
            ns,
        } => match c.logs(&ns, &pod, container.as_deref(), previous) {
            Ok(lines) => Outcome::ok(lines.join("\n")),
            Err(e) => Outcome::fail(e),
        },
        Command::Wait(ms) => {
            if ms > MAX_WAIT_MS {
                return Outcome::fail("error: wait at most 1h at a time");
            }
            c.advance(ms);
            Outcome::ok(format!(
                "waited {}; cluster time is {}",
                crate::duration::format_millis(ms),
                crate::duration::format_millis(c.now())
            ))
        }
        Command::NodeDown(node) => match c.set_node_down(&node, true) {
            Ok(true) => Outcome::ok(format!(
                "node/{node} is down: its kubelet stopped posting status (NotReady after the {} node-monitor grace period, its pods marked for deletion {} later)",
                crate::duration::go_duration(GRACE_PERIOD_MS),
                crate::duration::go_duration(DEFAULT_TOLERATION_SECONDS * 1000)
            )),
            Ok(false) => Outcome::ok(format!("node/{node} is already down")),
            Err(e) => Outcome::fail(e),
        },
        Command::NodeUp(node) => match c.set_node_down(&node, false) {
            Ok(true) => Outcome::ok(format!("node/{node} is up: its kubelet posts status again")),
            Ok(false) => Outcome::ok(format!("node/{node} is already up")),
            Err(e) => Outcome::fail(e),
        },
        Command::Crash { pod, ns } => match c.crash(&ns, &pod) {
            Ok(()) => Outcome::ok(format!(
                "pod/{pod}: the main process of its container exited with code 1"
            )),
            Err(e) if e.starts_with("Error from server") => Outcome::fail(e),
            Err(e) => Outcome::fail(format!("error: {e}")),
        },
        Command::Runtime(kind) => {
            c.set_runtime(kind);
            let chain: Vec<&str> = c.runtime_chain().iter().map(|x| x.name()).collect();
            Outcome::ok(format!(
                "runtime: {} ({}); nodes run kubelet {}",
                kind.name(),
                chain.join(" → "),
                kind.kubelet_version()
            ))
        }
        Command::Scenario(None) => Outcome::ok(scenario_list(Lang::En)),
        Command::Scenario(Some(name)) => {
            let setup = Setup {
                scenario: Some(name.clone()),
                ..Setup::default()
            };
            match Cluster::from_setup(&setup, c.seed()) {
                Ok(fresh) => {
                    *c = fresh;
                    Outcome::ok(scenario_loaded(&name, Lang::En))
                }
                Err(e) => Outcome::fail(format!("error: {e}")),
            }
        }
        Command::Join(name) => match c.add_worker(name.as_deref()) {
            Ok(n) => Outcome::ok(format!(
                "node/{n} joined: its kubelet registered the node and posts status; DaemonSets start their pods there"
            )),
            Err(e) => Outcome::fail(e),
        },
        Command::Reset => {
            *c = Cluster::with_config(c.seed(), c.config().clone());
            Outcome::ok(format!("cluster reset (seed {})", c.seed()))
        }
        Command::Traffic { service, rps, ns } => match c.set_traffic(&ns, &service, rps) {
            Ok(()) if rps == 0 => Outcome::ok(format!("service/{service}: traffic stopped")),
            Ok(()) => {
                let n = c.endpoint_count(&ns, &service).unwrap_or(0);
                Outcome::ok(format!(
                    "service/{service}: {} requests per second, spread by kube-proxy over {n} endpoint(s)",
                    rps.min(crate::sim::proxy::MAX_RPS)
                ))
            }
            Err(e) => Outcome::fail(e.to_string()),
        },
        other => super::run_more::run(c, other),
    }
}

/// `delete`: kubectl's lines, and the pods deleted (name, oid) that a
/// waiting `delete` waits for.
fn delete(
    c: &mut Cluster,
    res: Resource,
    names: Vec<String>,
    selector: Option<String>,
    grace: Option<u64>,
    ns: &str,
) -> (Outcome, Vec<(String, crate::sim::stored::Oid)>) {
    let Some(kind) = res
        .kind()
        .filter(|k| !matches!(k, Kind::Node | Kind::Event))
    else {
        return (
            Outcome::fail(format!(
                "error: deleting {} is not simulated{}",
                res.plural(),
                if res == Resource::Nodes {
                    "; use `fault node-down NODE` to lose a node"
                } else {
                    ""
                }
            )),
            Vec::new(),
        );
    };
    let mut targets = names;
    if let Some(sel) = selector {
        let sel = match selector::parse(&sel) {
            Ok(s) => s,
            Err(e) => return (Outcome::fail(format!("error: {e}")), Vec::new()),
        };
        let s = c.store();
        let matching: Vec<String> = match kind {
            Kind::Pod => s
                .pods()
                .in_namespace(ns)
                .filter(|o| sel.matches(&o.meta.labels))
                .map(|o| o.meta.name.clone())
                .collect(),
            Kind::Deployment => s
                .deployments()
                .in_namespace(ns)
                .filter(|o| sel.matches(&o.meta.labels))
                .map(|o| o.meta.name.clone())
                .collect(),
            Kind::ReplicaSet => s
                .replicasets()
                .in_namespace(ns)
                .filter(|o| sel.matches(&o.meta.labels))
                .map(|o| o.meta.name.clone())
                .collect(),
            Kind::Job => s
                .jobs()
                .in_namespace(ns)
                .filter(|o| sel.matches(&o.meta.labels))
                .map(|o| o.meta.name.clone())
                .collect(),
            _ => s
                .services()
                .in_namespace(ns)
                .filter(|o| sel.matches(&o.meta.labels))
                .map(|o| o.meta.name.clone())
                .collect(),
        };
        if matching.is_empty() {
            return (Outcome::ok("No resources found"), Vec::new());
        }
        targets.extend(matching);
    }
    let mut lines = Vec::new();
    let mut ok = true;
    if grace == Some(0) {
        lines.push("Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.".to_string());
    }
    let mut pods = Vec::new();
    for name in targets {
        let oid = (kind == Kind::Pod)
            .then(|| c.store().pods().oid_of(ns, &name))
            .flatten();
        match c.delete(kind, ns, &name, grace) {
            Ok(line) => {
                lines.push(line);
                pods.extend(oid.map(|o| (name.clone(), o)));
            }
            Err(e) => {
                ok = false;
                lines.push(e.to_string());
            }
        }
    }
    let out = Outcome {
        output: super::with_newline(lines.join("\n")),
        ok,
    };
    (out, pods)
}

/// `kubectl version` without a client: `Server Version: v1.33.1`.
/// <https://kubernetes.io/docs/reference/kubectl/generated/kubectl_version/>
fn version(c: &Cluster, output: super::parse::Output) -> Outcome {
    use super::parse::Output;
    let v = c.release().version();
    let minor = v.split('.').nth(1).unwrap_or_default();
    let info = serde_json::json!({"serverVersion": {"gitTreeState": "clean", "gitVersion": v,
        "major": "1", "minor": minor, "platform": "linux/amd64"}});
    match output {
        Output::Yaml => Outcome::ok(super::to_yaml(&info)),
        Output::Json => Outcome::ok(super::to_json(&info)),
        _ => Outcome::ok(format!("Server Version: {v}")),
    }
}

/// A scenario's description in `lang`, as plain text.
fn scenario_description(name: &str, lang: Lang) -> String {
    scenarios::get(name)
        .map(|s| {
            let d = match lang {
                Lang::Ko => &s.description.ko,
                Lang::En => &s.description.en,
            };
            crate::markdown::inline_plain(d)
        })
        .unwrap_or_default()
}

/// What `scenario` (no name) prints: each scenario and its description.
pub fn scenario_list(lang: Lang) -> String {
    let lines: Vec<String> = scenarios::names()
        .into_iter()
        .map(|n| format!("{n}\t{}", scenario_description(n, lang)))
        .collect();
    super::table::tabwrite(&format!("{}\n", lines.join("\n")), super::table::DESCRIBE)
}

/// What `scenario NAME` prints once the scenario is loaded.
pub fn scenario_loaded(name: &str, lang: Lang) -> String {
    let d = scenario_description(name, lang);
    match lang {
        Lang::Ko => format!("\"{name}\" 시나리오를 불러왔습니다: {d}"),
        Lang::En => format!("scenario \"{name}\" loaded: {d}"),
    }
}
