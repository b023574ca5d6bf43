//! Each check kind: what it asks (a label in each language) and what the
//! cluster shows for it now. Recovery and disruption checks act on the
//! cluster and live in [`super::recovery`] and [`super::disruption`].

use super::fields::{self, Found};
use super::seen::{FieldSeen, FieldState, Seen};
use super::spec::Check;
use crate::lang::Lang;
use crate::manifest::Format;
use crate::sim::Cluster;
use crate::sim::objects::Kind;
use crate::sim::selector;
use crate::sim::status::pod_status;
use crate::sim::stored::Phase;

/// The namespace checks look in when they name none.
pub const NAMESPACE: &str = "default";

/// What a check asks for, in one line: `Deployment web: spec.replicas = 3`.
pub fn label(check: &Check, lang: Lang) -> String {
    match check {
        Check::Object {
            kind, name, fields, ..
        } => {
            if fields.is_empty() {
                return match lang {
                    Lang::En => format!("{kind} {name} exists"),
                    Lang::Ko => format!("{kind} {name} 존재"),
                };
            }
            let parts: Vec<String> = fields
                .iter()
                .map(|(p, v)| format!("{p} = {}", fields::show_yaml(v)))
                .collect();
            format!("{kind} {name}: {}", parts.join(", "))
        }
        Check::Pods {
            selector,
            namespace,
            phase,
            count,
        } => {
            let sel = selector_in(selector.as_deref(), namespace.as_deref(), lang);
            match (phase, lang) {
                (Some(p), Lang::En) => format!("pods {sel}: {count} {p}"),
                (Some(p), Lang::Ko) => format!("파드 {sel}: {p} {count}개"),
                (None, Lang::En) => format!("pods {sel}: {count}"),
                (None, Lang::Ko) => format!("파드 {sel}: {count}개"),
            }
        }
        Check::Ready {
            selector,
            namespace,
            count,
        } => {
            let sel = selector_in(selector.as_deref(), namespace.as_deref(), lang);
            match lang {
                Lang::En => format!("pods {sel}: {count} Ready"),
                Lang::Ko => format!("파드 {sel}: Ready {count}개"),
            }
        }
        Check::Endpoints { service, count } => match lang {
            Lang::En => format!("Service {service}: {count} endpoints"),
            Lang::Ko => format!("Service {service}: 엔드포인트 {count}개"),
        },
        Check::Recovery {
            delete,
            within,
            running,
        } => match lang {
            Lang::En => {
                format!(
                    "recovery {delete}: {running} Running within {within} after a pod is deleted"
                )
            }
            Lang::Ko => {
                format!("복구 {delete}: 파드 하나를 지운 뒤 {within} 안에 Running {running}개")
            }
        },
        Check::Logs { pod, contains, .. } => match lang {
            Lang::En => format!("log of pod {pod} has a line with \"{contains}\""),
            Lang::Ko => format!("파드 {pod} 로그에 \"{contains}\" 줄 있음"),
        },
        Check::Disruption {
            traffic,
            run,
            refused,
            ready,
        } => {
            let steps = run.join("; ");
            let then = ready.as_ref().map_or(String::new(), |r| {
                let sel = selector_text(r.selector.as_deref(), lang);
                match lang {
                    Lang::En => format!(", then pods {sel}: {} Ready", r.count),
                    Lang::Ko => format!(", 이어서 파드 {sel}: Ready {}개", r.count),
                }
            });
            match lang {
                Lang::En => format!(
                    "Service {} under {} req/s through `{steps}`: at most {refused} refused{then}",
                    traffic.service, traffic.rps
                ),
                Lang::Ko => format!(
                    "Service {}에 초당 {}개 요청 중 `{steps}` 진행: 거부 {refused}개 이하{then}",
                    traffic.service, traffic.rps
                ),
            }
        }
        Check::Format(f) => {
            let f = f.trim().to_ascii_uppercase();
            match lang {
                Lang::En => format!("written in {f}"),
                Lang::Ko => format!("{f} 형식으로 작성"),
            }
        }
        Check::Exec {
            pod,
            command,
            contains,
            ..
        } => match lang {
            Lang::En => format!("exec {pod} -- {command}: output contains {contains:?}"),
            Lang::Ko => format!("exec {pod} -- {command}: 출력에 {contains:?} 포함"),
        },
    }
}

/// The selector, and the namespace when it is not the default one.
fn selector_in(selector: Option<&str>, namespace: Option<&str>, lang: Lang) -> String {
    let sel = selector_text(selector, lang);
    match namespace
        .map(str::trim)
        .filter(|n| !n.is_empty() && *n != NAMESPACE)
    {
        Some(ns) => format!("{sel} (namespace {ns})"),
        None => sel,
    }
}

fn selector_text(selector: Option<&str>, lang: Lang) -> String {
    match selector.map(str::trim).filter(|s| !s.is_empty()) {
        Some(s) => s.to_string(),
        None => lang.pick("(전체)", "(all)").to_string(),
    }
}

/// The format a `format` check asks for.
pub fn parse_format(text: &str) -> Option<Format> {
    match text.trim().to_ascii_lowercase().as_str() {
        "json" => Some(Format::Json),
        "yaml" | "yml" => Some(Format::Yaml),
        _ => None,
    }
}

/// The kind an `object` check names: `Deployment`, `deployment`, `deploy`.
pub fn parse_kind(text: &str) -> Option<Kind> {
    Kind::from_resource(text.trim()).filter(|k| *k != Kind::Event)
}

/// What the cluster (and the submitted text's `format`) shows for a
/// check that is not a recovery. With `detail`, pods and ready checks also
/// list the pods that do not count (name and STATUS), which costs more on
/// big clusters: the runner asks for it only for the final report.
pub fn observe(check: &Check, cluster: &Cluster, format: Format, detail: bool) -> Seen {
    match check {
        Check::Object {
            kind,
            name,
            namespace,
            fields,
        } => object(cluster, kind, name, namespace.as_deref(), fields),
        Check::Pods {
            selector,
            namespace,
            phase,
            count,
        } => {
            let ns = namespace_of(namespace.as_deref());
            let wanted = match phase.as_deref().map(str::trim) {
                None | Some("") => None,
                Some(p) => match Phase::parse(p) {
                    Some(ph) => Some(ph),
                    None => {
                        return Seen::Broken(format!(
                            "unknown phase {p:?}: use Pending, Running, Succeeded, Failed or Unknown"
                        ));
                    }
                },
            };
            match select(cluster, ns, selector.as_deref().unwrap_or(""), detail) {
                Ok(pods) => {
                    let (hit, others): (Vec<&PodView>, Vec<&PodView>) = pods
                        .iter()
                        .partition(|p| wanted.is_none_or(|w| p.phase == w));
                    Seen::Pods {
                        matching: pods.len(),
                        in_phase: hit.len(),
                        phase: wanted.map(|p| p.name().to_string()),
                        expected: *count,
                        others: named_statuses(&others),
                    }
                }
                Err(e) => Seen::Broken(e),
            }
        }
        Check::Ready {
            selector,
            namespace,
            count,
        } => ready(
            cluster,
            namespace_of(namespace.as_deref()),
            selector.as_deref(),
            *count,
            detail,
        ),
        Check::Endpoints { service, count } => Seen::Endpoints {
            service: service.clone(),
            endpoints: cluster.endpoint_count(NAMESPACE, service).ok(),
            expected: *count,
        },
        Check::Format(f) => match parse_format(f) {
            Some(expected) => Seen::Format {
                written: format,
                expected,
            },
            None => Seen::Broken(format!("format {f:?} is unknown: use json or yaml")),
        },
        Check::Logs {
            pod,
            container,
            contains,
        } => logs(cluster, pod, container.as_deref(), contains),
        Check::Recovery { .. } => Seen::Broken("a recovery is not observed".into()),
        Check::Exec {
            pod,
            container,
            command,
            contains,
        } => {
            let argv = match crate::kubectl::parse::tokenize(command) {
                Ok(a) if !a.is_empty() => a,
                _ => return Seen::Broken(format!("command {command:?} cannot be read")),
            };
            // exec may change files: run it on a copy, so the check only looks.
            let mut copy = cluster.clone();
            let found = copy
                .exec(NAMESPACE, pod, container.as_deref(), &argv)
                .and_then(|o| {
                    if o.code == 0 {
                        Ok(o.lines.join("\n"))
                    } else {
                        Err(format!("exit code {}: {}", o.code, o.lines.join("\n")))
                    }
                });
            Seen::Output {
                found,
                contains: contains.clone(),
            }
        }
        Check::Disruption { .. } => Seen::Broken("a disruption is not observed".into()),
    }
}

/// The namespace a pods or ready check looks in.
fn namespace_of(namespace: Option<&str>) -> &str {
    namespace
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .unwrap_or(NAMESPACE)
}

/// How many pods matching `selector` in `ns` are Ready, against `count`.
pub(super) fn ready(
    cluster: &Cluster,
    ns: &str,
    selector: Option<&str>,
    count: u32,
    detail: bool,
) -> Seen {
    match select(cluster, ns, selector.unwrap_or(""), detail) {
        Ok(pods) => {
            let (ready, others): (Vec<&PodView>, Vec<&PodView>) =
                pods.iter().partition(|p| p.ready);
            Seen::Ready {
                matching: pods.len(),
                ready: ready.len(),
                expected: count,
                others: named_statuses(&others),
            }
        }
        Err(e) => Seen::Broken(e),
    }
}

/// The log of a pod, searched for a line containing `contains`: what
/// `kubectl logs POD` prints (the kubelet reads the file the runtime wrote,
/// <https://kubernetes.io/docs/concepts/cluster-administration/logging/>).
fn logs(cluster: &Cluster, pod: &str, container: Option<&str>, contains: &str) -> Seen {
    match cluster.logs(NAMESPACE, pod, container, false) {
        Ok(lines) => Seen::Logs {
            pod: pod.to_string(),
            found: lines.iter().any(|l| l.contains(contains)),
            lines: lines.len(),
            error: None,
        },
        Err(e) => Seen::Logs {
            pod: pod.to_string(),
            found: false,
            lines: 0,
            error: Some(e),
        },
    }
}

/// What a pods or ready check needs of one pod.
struct PodView {
    name: String,
    phase: Phase,
    ready: bool,
    /// kubectl's STATUS column.
    status: String,
}

/// Pods in `ns` matching a selector, by name (names and statuses only with
/// `detail`).
fn select(cluster: &Cluster, ns: &str, sel: &str, detail: bool) -> Result<Vec<PodView>, String> {
    let parsed = selector::parse(sel).map_err(|e| format!("selector {sel:?}: {e}"))?;
    let mut pods: Vec<PodView> = cluster
        .store()
        .select_pods(ns, &parsed)
        .into_iter()
        .map(|p| PodView {
            name: if detail {
                p.meta.name.clone()
            } else {
                String::new()
            },
            phase: p.status.phase,
            ready: p.is_ready(),
            status: if detail { pod_status(p) } else { String::new() },
        })
        .collect();
    if detail {
        pods.sort_by(|a, b| a.name.cmp(&b.name));
    }
    Ok(pods)
}

fn named_statuses(pods: &[&PodView]) -> Vec<(String, String)> {
    pods.iter()
        .filter(|p| !p.name.is_empty())
        .map(|p| (p.name.clone(), p.status.clone()))
        .collect()
}

fn object(
    cluster: &Cluster,
    kind: &str,
    name: &str,
    namespace: Option<&str>,
    fields: &std::collections::BTreeMap<String, serde_yaml::Value>,
) -> Seen {
    let Some(k) = parse_kind(kind) else {
        let kinds: Vec<&str> = Kind::ALL
            .iter()
            .filter(|k| **k != Kind::Event)
            .map(|k| k.name())
            .collect();
        return Seen::Broken(format!(
            "kind {kind:?} is not simulated: use one of {}",
            kinds.join(", ")
        ));
    };
    let ns = namespace.unwrap_or(NAMESPACE);
    let Ok(value) = cluster.to_api_value(k, ns, name) else {
        return Seen::ObjectMissing {
            kind: k.name().to_string(),
            name: name.to_string(),
            namespace: k.namespaced().then(|| ns.to_string()),
        };
    };
    let fields = fields
        .iter()
        .map(|(path, expected)| {
            let state = match fields::parse_path(path) {
                Err(e) => FieldState::BadPath(e),
                Ok(tokens) => match fields::lookup(&value, &tokens) {
                    Found::Value(v) => {
                        if fields::matches(expected, v, fields::is_quantity_path(&tokens)) {
                            FieldState::Matches(v.clone())
                        } else {
                            FieldState::Differs(v.clone())
                        }
                    }
                    Found::Missing {
                        missing,
                        parent,
                        why,
                    } => FieldState::Missing {
                        missing,
                        parent,
                        why,
                    },
                },
            };
            FieldSeen {
                path: path.clone(),
                expected: expected.clone(),
                state,
            }
        })
        .collect();
    Seen::Object { fields }
}
