//! A command line → [`Command`]. The leading `kubectl` is optional. Errors
//! say what is wrong and, when a word is close to a known one, what was
//! probably meant.

pub use super::command::*;
pub use super::flags::tokenize;

use super::flags::*;
use super::suggest::hint;
use crate::sim::objects::RestartPolicy;

/// `-o jsonpath=TEMPLATE` (or `-ojsonpath=`, `--output=jsonpath=`) in
/// `rest`: the template and the other words.
fn jsonpath_of(rest: &[String]) -> Option<(String, Vec<String>)> {
    let mut out = Vec::new();
    let mut template = None;
    let mut i = 0;
    while i < rest.len() {
        let t = &rest[i];
        let value = if t == "-o" || t == "--output" {
            rest.get(i + 1)
                .filter(|v| v.starts_with("jsonpath="))
                .cloned()
                .inspect(|_| i += 1)
        } else {
            t.strip_prefix("--output=")
                .or_else(|| t.strip_prefix("-o"))
                .map(|v| v.trim_start_matches('='))
                .filter(|v| v.starts_with("jsonpath="))
                .map(str::to_string)
        };
        match value {
            Some(v) => template = Some(v["jsonpath=".len()..].to_string()),
            None => out.push(t.clone()),
        }
        i += 1;
    }
    template.map(|t| (t, out))
}

/// Parse one line of the command language.
pub fn parse(line: &str) -> Result<Command, String> {
    parse_tokens(tokenize(line)?)
}

/// Parse a line already split into words.
fn parse_tokens(mut toks: Vec<String>) -> Result<Command, String> {
    if toks.first().is_some_and(|t| t == "kubectl") {
        toks.remove(0);
    }
    let Some(cmd) = toks.first().cloned() else {
        return Ok(Command::Empty);
    };
    let dashdash = toks.iter().position(|t| t == "--");
    let after: Vec<String> = dashdash.map_or_else(Vec::new, |i| toks[i + 1..].to_vec());
    let rest: Vec<String> = toks[1..dashdash.unwrap_or(toks.len()).max(1)].to_vec();
    match cmd.as_str() {
        "help" => Ok(Command::Help),
        "get" => {
            if let Some((template, without)) = jsonpath_of(&rest) {
                let a = parse_flags(
                    &without,
                    &[
                        flag("selector", Some('l'), true),
                        NS,
                        flag("all-namespaces", Some('A'), false),
                    ],
                )?;
                let (res, names) = target(&a.pos, "get")?;
                return Ok(Command::GetJsonPath {
                    res,
                    names,
                    template,
                    selector: a.get("selector"),
                    scope: if a.has("all-namespaces") {
                        Scope::All
                    } else {
                        Scope::One(a.ns())
                    },
                });
            }
            let a = parse_flags(
                &rest,
                &[
                    flag("output", Some('o'), true),
                    flag("selector", Some('l'), true),
                    NS,
                    flag("all-namespaces", Some('A'), false),
                    flag("show-labels", None, false),
                    flag("no-headers", None, false),
                    flag("watch", Some('w'), false),
                    flag("sort-by", None, true),
                ],
            )?;
            if a.has("watch") {
                return Err(
                    "error: watching is not simulated: use `wait 30s`, then `get` again".into(),
                );
            }
            let output = match a.get("output").as_deref() {
                None => Output::Table,
                Some("wide") => Output::Wide,
                Some("yaml") => Output::Yaml,
                Some("json") => Output::Json,
                Some("name") => Output::Name,
                Some(o) => {
                    return Err(format!(
                        "error: unable to match a printer suitable for the output format \"{o}\", allowed formats are: json,jsonpath,name,wide,yaml{}",
                        hint(o, ["json", "jsonpath", "name", "wide", "yaml"])
                    ));
                }
            };
            let scope = if a.has("all-namespaces") {
                Scope::All
            } else {
                Scope::One(a.ns())
            };
            if let Some(first) = a
                .pos
                .first()
                .filter(|w| w.contains(',') && !w.contains('/'))
            {
                let list = first
                    .split(',')
                    .filter(|w| !w.is_empty())
                    .map(resource)
                    .collect::<Result<Vec<_>, _>>()?;
                if a.pos.len() > 1 || !matches!(output, Output::Table | Output::Wide) {
                    return Err("error: with several resource types, give no names and use the table output (or -o wide)".into());
                }
                return Ok(Command::GetTypes {
                    list,
                    wide: output == Output::Wide,
                    selector: a.get("selector"),
                    scope,
                });
            }
            let (res, names) = target(&a.pos, "get")?;
            Ok(Command::Get {
                res,
                names,
                output,
                selector: a.get("selector"),
                scope,
                show_labels: a.has("show-labels"),
                no_headers: a.has("no-headers"),
                sort_by: a.get("sort-by"),
            })
        }
        "version" => {
            let a = parse_flags(
                &rest,
                &[flag("output", Some('o'), true), flag("client", None, false)],
            )?;
            if a.has("client") {
                return Err("error: only the cluster is simulated here, not a kubectl client: `version` prints the server's version".into());
            }
            let output = match a.get("output").as_deref() {
                None => Output::Table,
                Some("yaml") => Output::Yaml,
                Some("json") => Output::Json,
                Some(o) => {
                    return Err(format!(
                        "error: --output {o:?} is not available, choose from: json, yaml"
                    ));
                }
            };
            Ok(Command::Version(output))
        }
        "events" | "event" => {
            let a = parse_flags(
                &rest,
                &[
                    NS,
                    flag("all-namespaces", Some('A'), false),
                    flag("for", None, true),
                    flag("types", None, true),
                    flag("output", Some('o'), true),
                    flag("watch", Some('w'), false),
                ],
            )?;
            if a.has("watch") {
                return Err(
                    "error: watching is not simulated: use `wait 30s`, then `events` again".into(),
                );
            }
            if let Some(extra) = a.pos.first() {
                return Err(format!(
                    "error: unknown argument {extra:?}: use `events [--for KIND/NAME] [--types Warning] [-n NS | -A]`"
                ));
            }
            let for_object = match a.get("for") {
                None => None,
                Some(f) => {
                    let (r, n) = f.split_once('/').ok_or_else(|| {
                        format!("error: --for must be in resource/name form, got {f:?}")
                    })?;
                    let kind = resource(r)?
                        .kind()
                        .ok_or_else(|| format!("error: --for must name one object, got {f:?}"))?;
                    Some((kind, n.to_string()))
                }
            };
            let types = match a.get("types") {
                Some(t) => super::events::parse_types(&t)?,
                None => Vec::new(),
            };
            let output = match a.get("output").as_deref() {
                None => Output::Table,
                Some("yaml") => Output::Yaml,
                Some("json") => Output::Json,
                Some(o) => {
                    return Err(format!(
                        "error: unable to match a printer suitable for the output format \"{o}\", allowed formats are: json,yaml"
                    ));
                }
            };
            let scope = if a.has("all-namespaces") {
                Scope::All
            } else {
                Scope::One(a.ns())
            };
            Ok(Command::Events(super::events::EventsQuery {
                scope,
                for_object,
                types,
                output,
            }))
        }
        "describe" => {
            let a = parse_flags(
                &rest,
                &[
                    flag("selector", Some('l'), true),
                    NS,
                    flag("all-namespaces", Some('A'), false),
                ],
            )?;
            let (res, names) = target(&a.pos, "describe")?;
            let scope = if a.has("all-namespaces") {
                Scope::All
            } else {
                Scope::One(a.ns())
            };
            Ok(Command::Describe {
                res,
                names,
                selector: a.get("selector"),
                scope,
            })
        }
        "apply" => {
            let a = parse_flags(&rest, &[flag("filename", Some('f'), true), NS])?;
            let file = a
                .get("filename")
                .ok_or("error: must specify one of -f and -k")?;
            if file == "-" {
                return Err("error: reading a manifest from stdin (-f -) is not supported here: save it to a file and use apply -f FILE".into());
            }
            Ok(Command::Apply { file, ns: a.ns() })
        }
        "create" => {
            if let Some(what @ ("configmap" | "cm" | "secret" | "cronjob" | "cj" | "job")) =
                rest.first().map(String::as_str)
            {
                return super::parse_more::create(what, &rest[1..], &after);
            }
            if rest.iter().any(|t| {
                super::parse_more::is_dry_run_flag(t) || super::parse_more::is_output_flag(t)
            }) {
                let cmd_words: Vec<String> = std::iter::once("create".to_string())
                    .chain(rest.iter().cloned())
                    .collect();
                return super::parse_more::dry_run_of(&cmd_words, |toks| {
                    parse_tokens(toks.to_vec())
                });
            }
            let a = parse_flags(
                &rest,
                &[
                    flag("image", None, true),
                    flag("replicas", Some('r'), true),
                    flag("port", None, true),
                    NS,
                ],
            )?;
            match a.pos.first().map(String::as_str) {
                Some("deployment" | "deploy") => {}
                Some("namespace" | "ns") => {
                    return Ok(Command::CreateNamespace {
                        name: one(&a.pos[1..], "NAME")?,
                    });
                }
                Some(other) => return Err(format!("error: creating a {other} is not simulated: use `create deployment NAME --image=IMAGE`, `create namespace NAME` or `apply -f FILE`{}", hint(other, ["deployment", "namespace"]))),
                None => return Err("error: specify what to create: create deployment NAME --image=IMAGE [--replicas=N], or create namespace NAME".into()),
            }
            let name = one(&a.pos[1..], "NAME")?;
            let image = a
                .get("image")
                .ok_or("error: required flag(s) \"image\" not set")?;
            let replicas = a
                .get("replicas")
                .map_or(Ok(1), |v| number(&v, "replicas"))?;
            let port = a.get("port").map(|v| number(&v, "port")).transpose()?;
            Ok(Command::CreateDeployment {
                name,
                image,
                replicas,
                port,
                ns: a.ns(),
            })
        }
        "run" if rest.iter().any(|t| super::parse_more::is_dry_run_flag(t)) => {
            let cmd_words: Vec<String> = std::iter::once("run".to_string())
                .chain(rest.iter().cloned())
                .collect();
            let mut tail: Vec<String> = Vec::new();
            if !after.is_empty() {
                tail.push("--".into());
                tail.extend(after.iter().cloned());
            }
            super::parse_more::dry_run_of(&cmd_words, |toks| {
                let all: Vec<String> = toks.iter().cloned().chain(tail.iter().cloned()).collect();
                parse_tokens(all)
            })
        }
        "run" => {
            let a = parse_flags(
                &rest,
                &[
                    flag("image", None, true),
                    flag("restart", None, true),
                    flag("command", None, false),
                    flag("port", None, true),
                    flag("labels", Some('l'), true),
                    NS,
                ],
            )?;
            let name = one(&a.pos, "NAME")?;
            let image = a
                .get("image")
                .ok_or("error: required flag(s) \"image\" not set")?;
            let restart = match a.get("restart").as_deref() {
                None => RestartPolicy::Always,
                Some(r) => RestartPolicy::parse(r).ok_or_else(|| {
                    format!(
                        "error: invalid restart policy: {r}{}",
                        hint(r, ["Always", "OnFailure", "Never"])
                    )
                })?,
            };
            let port = a.get("port").map(|v| number(&v, "port")).transpose()?;
            Ok(Command::Run {
                name,
                image,
                restart,
                args: after,
                as_command: a.has("command"),
                port,
                labels: a.get("labels"),
                ns: a.ns(),
            })
        }
        "delete" => {
            let a = parse_flags(
                &rest,
                &[
                    NS,
                    flag("selector", Some('l'), true),
                    flag("grace-period", None, true),
                    flag("now", None, false),
                    flag("force", None, false),
                    flag("all", None, false),
                    flag("wait", None, false),
                    flag("timeout", None, true),
                ],
            )?;
            let (res, names) = target(&a.pos, "delete")?;
            if names.is_empty() && a.get("selector").is_none() && !a.has("all") {
                return Err("error: resource(s) were provided, but no name was specified".into());
            }
            let mut grace = a
                .get("grace-period")
                .map(|v| number::<u64>(&v, "grace-period"))
                .transpose()?;
            if a.has("now") {
                grace = Some(1);
            }
            if a.has("force") && grace.is_none() {
                grace = Some(0);
            }
            let selector = if a.has("all") {
                Some(String::new())
            } else {
                a.get("selector")
            };
            Ok(Command::Delete {
                res,
                names,
                selector,
                grace,
                ns: a.ns(),
                wait: a.get("wait").is_none_or(|v| v != "false"),
                timeout_ms: timeout(&a)?,
            })
        }
        "scale" => {
            let a = parse_flags(&rest, &[flag("replicas", None, true), NS])?;
            let (res, names) = target(&a.pos, "scale")?;
            let name = one(&names, "NAME")?;
            let replicas = number(
                &a.get("replicas")
                    .ok_or("error: required flag(s) \"replicas\" not set")?,
                "replicas",
            )?;
            Ok(Command::Scale {
                res,
                name,
                replicas,
                ns: a.ns(),
            })
        }
        "set" => {
            let a = parse_flags(&rest, &[NS])?;
            match a.pos.first().map(String::as_str) {
                Some("image") => {}
                Some(o) => {
                    return Err(format!(
                        "error: unknown command \"{o}\" for \"set\"{}",
                        hint(o, ["image"])
                    ));
                }
                None => return Err("error: use: set image deployment/NAME CONTAINER=IMAGE".into()),
            }
            let (res, names) = target(&a.pos[1..2.min(a.pos.len())], "set image on")?;
            if res != Resource::Deployments && res != Resource::StatefulSets {
                return Err("error: set image is simulated for deployments and statefulsets: set image deployment/NAME CONTAINER=IMAGE".into());
            }
            let name = one(&names, "deployment/NAME")?;
            let mut pairs = Vec::new();
            for p in a.pos.iter().skip(2) {
                let (c, i) = p
                    .split_once('=')
                    .ok_or_else(|| format!("error: expected CONTAINER=IMAGE, got {p:?}"))?;
                pairs.push((c.to_string(), i.to_string()));
            }
            if pairs.is_empty() {
                return Err("error: at least one image update is required: CONTAINER=IMAGE".into());
            }
            Ok(if res == Resource::StatefulSets {
                Command::SetImageStatefulSet {
                    name,
                    pairs,
                    ns: a.ns(),
                }
            } else {
                Command::SetImage {
                    name,
                    pairs,
                    ns: a.ns(),
                }
            })
        }
        "rollout" => super::parse_more::rollout(&rest),
        "cordon" | "uncordon" | "drain" => {
            let a = parse_flags(
                &rest,
                &[
                    flag("force", None, false),
                    flag("ignore-daemonsets", None, false),
                    flag("delete-emptydir-data", None, false),
                    flag("grace-period", None, true),
                    flag("timeout", None, true),
                ],
            )?;
            let node = one(&a.pos, "NODE")?;
            Ok(match cmd.as_str() {
                "cordon" => Command::Cordon(node),
                "uncordon" => Command::Uncordon(node),
                _ => Command::Drain {
                    node,
                    force: a.has("force"),
                    ignore_daemonsets: a.has("ignore-daemonsets"),
                    timeout_ms: timeout(&a)?,
                },
            })
        }
        "logs" | "log" => {
            let a = parse_flags(
                &rest,
                &[
                    flag("container", Some('c'), true),
                    flag("previous", Some('p'), false),
                    NS,
                    flag("follow", Some('f'), false),
                ],
            )?;
            let pod = one(&a.pos, "POD")?;
            let pod = pod.strip_prefix("pod/").unwrap_or(&pod).to_string();
            Ok(Command::Logs {
                pod,
                container: a.get("container"),
                previous: a.has("previous"),
                ns: a.ns(),
            })
        }
        "exec" => super::parse_more::exec(&rest, &after),
        "label" => super::parse_more::label(&rest, false),
        "annotate" => super::parse_more::label(&rest, true),
        "expose" => super::parse_more::expose(&rest),
        "top" => super::parse_more::top(&rest),
        "wait" | "sleep" | "fault" | "runtime" | "scenario" | "join" | "reset" | "traffic" => {
            super::controls::parse(&cmd, &rest)
        }
        other => Err(match hint(other, COMMANDS) {
            // No command close to it: say where the list is, as kubectl
            // says "Run 'kubectl --help' for usage."
            near if near.is_empty() => format!(
                "error: unknown command \"{other}\"\nRun 'help' for the commands this cluster understands."
            ),
            near => format!("error: unknown command \"{other}\"{near}"),
        }),
    }
}

/// `--timeout=DURATION` (`30s`, `2m`; `0` means kubectl's default).
pub(super) fn timeout(a: &Args) -> Result<Option<u64>, String> {
    match a.get("timeout") {
        None => Ok(None),
        Some(v) => match crate::duration::parse_millis(&v) {
            Ok(0) => Ok(None),
            Ok(ms) => Ok(Some(ms)),
            Err(_) => Err(format!(
                "error: invalid argument \"{v}\" for \"--timeout\" flag: time: invalid duration \"{v}\""
            )),
        },
    }
}
