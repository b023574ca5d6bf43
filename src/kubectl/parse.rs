//! A command line → [`Command`]. The leading `kubectl` is optional. Errors
//! say what is wrong and, when a word is close to a known one, what was
//! probably meant.

use super::suggest::hint;
use crate::sim::objects::{Kind, RestartPolicy};
use crate::sim::runtime::RuntimeKind;
use std::collections::BTreeMap;

/// The resource types the command language knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resource {
    Pods,
    Nodes,
    Deployments,
    ReplicaSets,
    Jobs,
    Services,
    Events,
    Endpoints,
    All,
}

impl Resource {
    /// Words offered for completion and suggestions.
    pub const WORDS: [&'static str; 9] = [
        "pods",
        "nodes",
        "deployments",
        "replicasets",
        "jobs",
        "services",
        "events",
        "endpoints",
        "all",
    ];

    pub fn parse(word: &str) -> Option<Resource> {
        let w = word.to_ascii_lowercase();
        match w.as_str() {
            "endpoints" | "ep" => return Some(Resource::Endpoints),
            "all" => return Some(Resource::All),
            _ => {}
        }
        Some(match Kind::from_resource(&w)? {
            Kind::Pod => Resource::Pods,
            Kind::Node => Resource::Nodes,
            Kind::Deployment => Resource::Deployments,
            Kind::ReplicaSet => Resource::ReplicaSets,
            Kind::Job => Resource::Jobs,
            Kind::Service => Resource::Services,
            Kind::Event => Resource::Events,
        })
    }

    pub fn kind(self) -> Option<Kind> {
        Some(match self {
            Resource::Pods => Kind::Pod,
            Resource::Nodes => Kind::Node,
            Resource::Deployments => Kind::Deployment,
            Resource::ReplicaSets => Kind::ReplicaSet,
            Resource::Jobs => Kind::Job,
            Resource::Services => Kind::Service,
            Resource::Events => Kind::Event,
            Resource::Endpoints | Resource::All => return None,
        })
    }

    pub fn plural(self) -> &'static str {
        Resource::WORDS[self as usize]
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Output {
    Table,
    Wide,
    Yaml,
    Json,
    Name,
}

/// Which namespaces a command looks at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    One(String),
    All,
}

impl Scope {
    pub fn ns(&self) -> &str {
        match self {
            Scope::One(ns) => ns,
            Scope::All => "default",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    Empty,
    Help,
    Get {
        res: Resource,
        names: Vec<String>,
        output: Output,
        selector: Option<String>,
        scope: Scope,
        show_labels: bool,
    },
    /// `get deployments,replicasets`: several types, one table each.
    GetTypes {
        list: Vec<Resource>,
        wide: bool,
        selector: Option<String>,
        scope: Scope,
    },
    Describe {
        res: Resource,
        names: Vec<String>,
        selector: Option<String>,
        scope: Scope,
    },
    Apply {
        file: String,
        ns: String,
    },
    CreateDeployment {
        name: String,
        image: String,
        replicas: u32,
        port: Option<u16>,
        ns: String,
    },
    Run {
        name: String,
        image: String,
        restart: RestartPolicy,
        args: Vec<String>,
        as_command: bool,
        port: Option<u16>,
        labels: Option<String>,
        ns: String,
    },
    Delete {
        res: Resource,
        names: Vec<String>,
        selector: Option<String>,
        grace: Option<u64>,
        ns: String,
    },
    Scale {
        res: Resource,
        name: String,
        replicas: u32,
        ns: String,
    },
    SetImage {
        name: String,
        pairs: Vec<(String, String)>,
        ns: String,
    },
    RolloutStatus {
        name: String,
        ns: String,
    },
    Cordon(String),
    Uncordon(String),
    Drain {
        node: String,
        force: bool,
    },
    Logs {
        pod: String,
        container: Option<String>,
        previous: bool,
        ns: String,
    },
    Wait(u64),
    NodeDown(String),
    NodeUp(String),
    Crash {
        pod: String,
        ns: String,
    },
    Runtime(RuntimeKind),
    Scenario(Option<String>),
    Reset,
    Traffic {
        service: String,
        rps: u32,
        ns: String,
    },
}

/// Every command word, for suggestions, completion and help.
pub const COMMANDS: [&str; 20] = [
    "get", "describe", "apply", "create", "run", "delete", "scale", "set", "rollout", "cordon",
    "uncordon", "drain", "logs", "wait", "fault", "runtime", "scenario", "reset", "traffic",
    "help",
];

/// Split a line like a shell: whitespace, '...' and "..." quoting, backslash escapes.
pub fn tokenize(line: &str) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut in_word = false;
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            c if c.is_whitespace() => {
                if in_word {
                    out.push(std::mem::take(&mut cur));
                    in_word = false;
                }
            }
            '\'' | '"' => {
                in_word = true;
                let mut closed = false;
                while let Some(d) = chars.next() {
                    if d == c {
                        closed = true;
                        break;
                    }
                    if d == '\\' && c == '"' {
                        if let Some(e) = chars.next() {
                            cur.push(e);
                        }
                        continue;
                    }
                    cur.push(d);
                }
                if !closed {
                    return Err(format!("error: unterminated {c} quote"));
                }
            }
            '\\' => {
                in_word = true;
                if let Some(d) = chars.next() {
                    cur.push(d);
                }
            }
            _ => {
                in_word = true;
                cur.push(c);
            }
        }
    }
    if in_word {
        out.push(cur);
    }
    Ok(out)
}

struct Spec {
    long: &'static str,
    short: Option<char>,
    value: bool,
}

const fn flag(long: &'static str, short: Option<char>, value: bool) -> Spec {
    Spec { long, short, value }
}

const NS: Spec = flag("namespace", Some('n'), true);

/// Positional words and flag values (by long name).
struct Args {
    pos: Vec<String>,
    flags: BTreeMap<&'static str, String>,
}

impl Args {
    fn has(&self, f: &str) -> bool {
        self.flags.get(f).is_some_and(|v| v != "false")
    }

    fn get(&self, f: &str) -> Option<String> {
        self.flags.get(f).cloned()
    }

    fn ns(&self) -> String {
        self.get("namespace").unwrap_or_else(|| "default".into())
    }
}

fn parse_flags(tokens: &[String], specs: &[Spec]) -> Result<Args, String> {
    let mut args = Args {
        pos: Vec::new(),
        flags: BTreeMap::new(),
    };
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        i += 1;
        if let Some(body) = t.strip_prefix("--") {
            let (name, inline) = match body.split_once('=') {
                Some((n, v)) => (n, Some(v.to_string())),
                None => (body, None),
            };
            let Some(spec) = specs.iter().find(|s| s.long == name) else {
                let near = super::suggest::closest(name, specs.iter().map(|s| s.long));
                return Err(format!(
                    "error: unknown flag: --{name}{}",
                    near.map_or_else(String::new, |c| format!(" (did you mean \"--{c}\"?)"))
                ));
            };
            let value = match (spec.value, inline) {
                (_, Some(v)) => v,
                (true, None) => {
                    let v = tokens
                        .get(i)
                        .cloned()
                        .ok_or(format!("error: flag needs an argument: --{name}"))?;
                    i += 1;
                    v
                }
                (false, None) => "true".into(),
            };
            args.flags.insert(spec.long, value);
        } else if t.len() > 1
            && t.starts_with('-')
            && !t[1..].starts_with(|c: char| c.is_ascii_digit())
        {
            let mut rest = t[1..].chars();
            while let Some(ch) = rest.next() {
                let Some(spec) = specs.iter().find(|s| s.short == Some(ch)) else {
                    return Err(format!("error: unknown shorthand flag: '{ch}' in {t}"));
                };
                if spec.value {
                    let attached: String = rest.by_ref().collect();
                    let attached = attached.strip_prefix('=').unwrap_or(&attached).to_string();
                    let v = if attached.is_empty() {
                        let v = tokens
                            .get(i)
                            .cloned()
                            .ok_or(format!("error: flag needs an argument: '{ch}' in -{ch}"))?;
                        i += 1;
                        v
                    } else {
                        attached
                    };
                    args.flags.insert(spec.long, v);
                    break;
                }
                args.flags.insert(spec.long, "true".into());
            }
        } else {
            args.pos.push(t.clone());
        }
    }
    Ok(args)
}

fn resource(word: &str) -> Result<Resource, String> {
    Resource::parse(word).ok_or_else(|| {
        format!(
            "error: the server doesn't have a resource type \"{word}\"{}",
            hint(word, Resource::WORDS)
        )
    })
}

/// `RESOURCE NAME...` or `RESOURCE/NAME...`.
fn target(pos: &[String], verb: &str) -> Result<(Resource, Vec<String>), String> {
    let Some(first) = pos.first() else {
        return Err(format!(
            "error: you must specify the type of resource to {verb}: one of {}",
            Resource::WORDS[..8].join(", ")
        ));
    };
    if let Some((r, n)) = first.split_once('/') {
        let res = resource(r)?;
        let mut names = vec![n.to_string()];
        for p in &pos[1..] {
            match p.split_once('/') {
                Some((r2, n2)) if resource(r2)? == res => names.push(n2.to_string()),
                _ => {
                    return Err(format!(
                        "error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (got {p:?})"
                    ));
                }
            }
        }
        return Ok((res, names));
    }
    Ok((resource(first)?, pos[1..].to_vec()))
}

fn one(names: &[String], what: &str) -> Result<String, String> {
    match names {
        [n] => Ok(n.clone()),
        [] => Err(format!("error: {what} is required")),
        _ => Err(format!(
            "error: exactly one {what} is required, got {}",
            names.len()
        )),
    }
}

fn number<T: std::str::FromStr>(v: &str, flag: &str) -> Result<T, String> {
    v.parse().map_err(|_| {
        format!("error: invalid argument \"{v}\" for \"--{flag}\" flag: expected a whole number")
    })
}

/// Parse one line of the command language.
pub fn parse(line: &str) -> Result<Command, String> {
    let mut toks = tokenize(line)?;
    if toks.first().is_some_and(|t| t == "kubectl") {
        toks.remove(0);
    }
    let Some(cmd) = toks.first().cloned() else {
        return Ok(Command::Empty);
    };
    let dashdash = toks.iter().position(|t| t == "--");
    let after: Vec<String> = dashdash.map_or_else(Vec::new, |i| toks[i + 1..].to_vec());
    let rest: Vec<String> = toks[1..dashdash.unwrap_or(toks.len())].to_vec();
    match cmd.as_str() {
        "help" => Ok(Command::Help),
        "get" => {
            let a = parse_flags(
                &rest,
                &[
                    flag("output", Some('o'), true),
                    flag("selector", Some('l'), true),
                    NS,
                    flag("all-namespaces", Some('A'), false),
                    flag("show-labels", None, false),
                    flag("watch", Some('w'), false),
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
                        "error: unable to match a printer suitable for the output format \"{o}\", allowed formats are: json,name,wide,yaml{}",
                        hint(o, ["json", "name", "wide", "yaml"])
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
            })
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
                Some(other) => return Err(format!("error: creating a {other} is not simulated: use `create deployment NAME --image=IMAGE` or `apply -f FILE`{}", hint(other, ["deployment"]))),
                None => return Err("error: specify what to create: create deployment NAME --image=IMAGE [--replicas=N]".into()),
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
            if res != Resource::Deployments {
                return Err("error: set image is simulated for deployments only: set image deployment/NAME CONTAINER=IMAGE".into());
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
            Ok(Command::SetImage {
                name,
                pairs,
                ns: a.ns(),
            })
        }
        "rollout" => {
            let a = parse_flags(
                &rest,
                &[
                    NS,
                    flag("watch", Some('w'), true),
                    flag("timeout", None, true),
                ],
            )?;
            match a.pos.first().map(String::as_str) {
                Some("status") => {}
                Some(o) => {
                    return Err(format!(
                        "error: unknown command \"{o}\" for \"rollout\"{}",
                        hint(o, ["status"])
                    ));
                }
                None => return Err("error: use: rollout status deployment NAME".into()),
            }
            let (res, names) = target(&a.pos[1..], "check the rollout of")?;
            if res != Resource::Deployments {
                return Err("error: rollout status is simulated for deployments only".into());
            }
            Ok(Command::RolloutStatus {
                name: one(&names, "NAME")?,
                ns: a.ns(),
            })
        }
        "cordon" | "uncordon" | "drain" => {
            let a = parse_flags(
                &rest,
                &[
                    flag("force", None, false),
                    flag("ignore-daemonsets", None, false),
                    flag("delete-emptydir-data", None, false),
                    flag("grace-period", None, true),
                ],
            )?;
            let node = one(&a.pos, "NODE")?;
            Ok(match cmd.as_str() {
                "cordon" => Command::Cordon(node),
                "uncordon" => Command::Uncordon(node),
                _ => Command::Drain {
                    node,
                    force: a.has("force"),
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
        "wait" | "sleep" => {
            let d = one(&rest, "DURATION (like 30s or 5m)")?;
            crate::duration::parse_millis(&d)
                .map(Command::Wait)
                .map_err(|e| format!("error: {e}"))
        }
        "fault" => {
            let a = parse_flags(&rest, &[NS])?;
            let kind = a.pos.first().map(String::as_str).unwrap_or("");
            let target = one(a.pos.get(1..).unwrap_or(&[]), "target (a node or a pod)");
            match kind {
                "node-down" => Ok(Command::NodeDown(target?)),
                "node-up" => Ok(Command::NodeUp(target?)),
                "crash" => Ok(Command::Crash {
                    pod: target?,
                    ns: a.ns(),
                }),
                "" => Err(
                    "error: use: fault node-down NODE | fault node-up NODE | fault crash POD"
                        .into(),
                ),
                k => Err(format!(
                    "error: unknown fault \"{k}\"{}",
                    hint(k, ["node-down", "node-up", "crash"])
                )),
            }
        }
        "runtime" => {
            let word = one(&rest, "runtime (containerd or dockershim)")?;
            RuntimeKind::parse(&word)
                .map(Command::Runtime)
                .ok_or_else(|| {
                    format!(
                        "error: unknown runtime \"{word}\": containerd or dockershim{}",
                        hint(&word, ["containerd", "dockershim"])
                    )
                })
        }
        "scenario" => Ok(Command::Scenario(rest.first().cloned())),
        "reset" => Ok(Command::Reset),
        "traffic" => {
            let a = parse_flags(&rest, &[NS])?;
            let service = a
                .pos
                .first()
                .cloned()
                .ok_or("error: use: traffic SERVICE [RPS]")?;
            let service = service
                .strip_prefix("service/")
                .or(service.strip_prefix("svc/"))
                .unwrap_or(&service)
                .to_string();
            let rps = a.pos.get(1).map_or(Ok(10), |v| number(v, "rps"))?;
            Ok(Command::Traffic {
                service,
                rps,
                ns: a.ns(),
            })
        }
        other => Err(format!(
            "error: unknown command \"{other}\"{}",
            hint(other, COMMANDS)
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kubectl_prefix_flags_and_forms() {
        assert_eq!(
            parse("kubectl get pods -o wide -l app=web").unwrap(),
            Command::Get {
                res: Resource::Pods,
                names: vec![],
                output: Output::Wide,
                selector: Some("app=web".into()),
                scope: Scope::One("default".into()),
                show_labels: false
            }
        );
        assert_eq!(
            parse("get deploy/web -ojson").unwrap(),
            Command::Get {
                res: Resource::Deployments,
                names: vec!["web".into()],
                output: Output::Json,
                selector: None,
                scope: Scope::One("default".into()),
                show_labels: false
            }
        );
        assert_eq!(
            parse("create deployment web --image=nginx --replicas=3").unwrap(),
            Command::CreateDeployment {
                name: "web".into(),
                image: "nginx".into(),
                replicas: 3,
                port: None,
                ns: "default".into()
            }
        );
        assert_eq!(
            parse("run once --image=busybox --restart=Never -- sh -c 'sleep 5; exit 1'").unwrap(),
            Command::Run {
                name: "once".into(),
                image: "busybox".into(),
                restart: RestartPolicy::Never,
                args: vec!["sh".into(), "-c".into(), "sleep 5; exit 1".into()],
                as_command: false,
                port: None,
                labels: None,
                ns: "default".into()
            }
        );
        assert_eq!(
            parse("set image deployment/web web=nginx:1.28").unwrap(),
            Command::SetImage {
                name: "web".into(),
                pairs: vec![("web".into(), "nginx:1.28".into())],
                ns: "default".into()
            }
        );
        assert_eq!(parse("wait 5m").unwrap(), Command::Wait(300_000));
        assert_eq!(parse("  ").unwrap(), Command::Empty);
    }

    #[test]
    fn mistakes_say_what_was_meant() {
        assert_eq!(
            parse("gte pods").unwrap_err(),
            "error: unknown command \"gte\" (did you mean \"get\"?)"
        );
        assert_eq!(
            parse("get pood").unwrap_err(),
            "error: the server doesn't have a resource type \"pood\" (did you mean \"pods\"?)"
        );
        assert_eq!(
            parse("scale deployment web --replica=3").unwrap_err(),
            "error: unknown flag: --replica (did you mean \"--replicas\"?)"
        );
        assert_eq!(
            parse("get pods -o wdie").unwrap_err(),
            "error: unable to match a printer suitable for the output format \"wdie\", allowed formats are: json,name,wide,yaml (did you mean \"wide\"?)"
        );
        assert_eq!(
            parse("fault node-dwn node-1").unwrap_err(),
            "error: unknown fault \"node-dwn\" (did you mean \"node-down\"?)"
        );
        assert!(
            parse("get pods -x")
                .unwrap_err()
                .contains("unknown shorthand flag: 'x'")
        );
        assert!(
            parse("run x")
                .unwrap_err()
                .contains("required flag(s) \"image\" not set")
        );
        assert!(parse("get 'pods").unwrap_err().contains("unterminated"));
        assert!(parse("wait soon").unwrap_err().contains("invalid duration"));
    }
}
