//! Parsing the commands part two adds: `exec`, `label`, `annotate`,
//! `rollout history|undo|pause|resume|restart`, `create configmap|secret
//! generic|cronjob|job`, `expose`, `top`, `get -o jsonpath=...` and
//! `--dry-run=client -o yaml|json`.

use super::command::*;
use super::flags::*;
use super::suggest::hint;

/// Take every `--NAME=value` / `--NAME value` out of `tokens` (flags that
/// may repeat, like `--from-literal`).
pub(super) fn take_repeated(tokens: &mut Vec<String>, name: &str) -> Vec<String> {
    let mut out = Vec::new();
    let long = format!("--{name}");
    let mut i = 0;
    while i < tokens.len() {
        if let Some(v) = tokens[i].strip_prefix(&format!("{long}=")) {
            out.push(v.to_string());
            tokens.remove(i);
        } else if tokens[i] == long && i + 1 < tokens.len() {
            out.push(tokens.remove(i + 1));
            tokens.remove(i);
        } else {
            i += 1;
        }
    }
    out
}

/// `--dry-run[=client]` and `-o yaml|json` taken out of `tokens`: the
/// output of a dry run, if one was asked for.
/// A flag [`take_dry_run`] takes out: `--dry-run[=…]`.
pub(super) fn is_dry_run_flag(t: &str) -> bool {
    t == "--dry-run" || t.starts_with("--dry-run=")
}

/// An output flag [`take_dry_run`] takes out (or refuses): `-o…`,
/// `--output[=…]`.
pub(super) fn is_output_flag(t: &str) -> bool {
    t.starts_with("-o") || t == "--output" || t.starts_with("--output=")
}

pub(super) fn take_dry_run(tokens: &mut Vec<String>) -> Result<Option<Output>, String> {
    let mut dry = None;
    let mut output = None;
    let mut i = 0;
    while i < tokens.len() {
        let t = tokens[i].clone();
        if is_dry_run_flag(&t) {
            let v = t.strip_prefix("--dry-run=").unwrap_or("client");
            match v {
                "client" | "true" => dry = Some(()),
                "server" => {
                    return Err(
                        "error: --dry-run=server is not simulated: use --dry-run=client".into(),
                    );
                }
                "none" | "false" => {}
                other => {
                    return Err(format!(
                        "error: Invalid dry-run value ({other}). Must be \"none\", \"server\", or \"client\"."
                    ));
                }
            }
            tokens.remove(i);
            continue;
        }
        let (is_o, value) = if t == "-o" || t == "--output" {
            (true, tokens.get(i + 1).cloned())
        } else if let Some(v) = t.strip_prefix("--output=").or_else(|| t.strip_prefix("-o")) {
            (true, Some(v.trim_start_matches('=').to_string()))
        } else {
            (false, None)
        };
        if is_o {
            let n = if t == "-o" || t == "--output" { 2 } else { 1 };
            output = match value.as_deref() {
                Some("yaml") => Some(Output::Yaml),
                Some("json") => Some(Output::Json),
                Some("name") => Some(Output::Name),
                other => {
                    return Err(format!(
                        "error: unable to match a printer suitable for the output format \"{}\", allowed formats are: json,name,yaml",
                        other.unwrap_or("")
                    ));
                }
            };
            for _ in 0..n.min(tokens.len() - i) {
                tokens.remove(i);
            }
            continue;
        }
        i += 1;
    }
    Ok(dry.map(|_| output.unwrap_or(Output::Name)))
}

fn wrap(cmd: Command, dry: Option<Output>) -> Command {
    match dry {
        Some(output) => Command::DryRun {
            inner: Box::new(cmd),
            output,
        },
        None => cmd,
    }
}

fn key_value(text: &str, what: &str) -> Result<(String, String), String> {
    let (k, v) = text
        .split_once('=')
        .ok_or_else(|| format!("error: invalid {what} {text:?}: expected KEY=VALUE"))?;
    if k.is_empty() {
        return Err(format!("error: invalid {what} {text:?}: the key is empty"));
    }
    Ok((k.to_string(), v.to_string()))
}

/// `--from-file=[KEY=]PATH`: the file's content under its name (or KEY).
fn from_file(spec: &str) -> Result<(String, String), String> {
    let (key, path) = match spec.split_once('=') {
        Some((k, p)) => (k.to_string(), p.to_string()),
        None => (
            std::path::Path::new(spec)
                .file_name()
                .map(|f| f.to_string_lossy().into_owned())
                .unwrap_or_default(),
            spec.to_string(),
        ),
    };
    let p = std::path::Path::new(&path);
    let meta = std::fs::metadata(p)
        .map_err(|_| format!("error: error reading {path}: no such file or directory"))?;
    if !meta.is_file() {
        return Err(format!("error: error reading {path}: not a regular file"));
    }
    // A ConfigMap or Secret holds at most 1 MiB.
    if meta.len() > crate::sim::kind_validation::MAX_DATA_BYTES as u64 {
        return Err(format!(
            "error: {path} is larger than the 1 MiB a ConfigMap or Secret can hold"
        ));
    }
    let text =
        std::fs::read_to_string(p).map_err(|e| format!("error: error reading {path}: {e}"))?;
    Ok((key, text))
}

/// `create configmap|cm|secret|cronjob|cj|job ...`.
pub(super) fn create(what: &str, rest: &[String], after: &[String]) -> Result<Command, String> {
    let mut toks = rest.to_vec();
    let dry = take_dry_run(&mut toks)?;
    let literals = take_repeated(&mut toks, "from-literal");
    let files = take_repeated(&mut toks, "from-file");
    let mut data = Vec::new();
    for l in &literals {
        data.push(key_value(l, "literal")?);
    }
    for f in &files {
        data.push(from_file(f)?);
    }
    let a = parse_flags(
        &toks,
        &[
            NS,
            flag("image", None, true),
            flag("schedule", None, true),
            flag("from", None, true),
            flag("type", None, true),
            flag("restart", None, true),
        ],
    )?;
    let ns = a.ns();
    let cmd = match what {
        "configmap" | "cm" => Command::CreateConfigMap {
            name: one(&a.pos, "NAME")?,
            data,
            ns,
        },
        "secret" => {
            match a.pos.first().map(String::as_str) {
                Some("generic") => {}
                Some(o @ ("tls" | "docker-registry")) => {
                    return Err(format!(
                        "error: create secret {o} is not simulated: use create secret generic NAME --from-literal=KEY=VALUE"
                    ));
                }
                other => {
                    return Err(format!(
                        "error: use: create secret generic NAME --from-literal=KEY=VALUE{}",
                        other.map_or(String::new(), |o| hint(o, ["generic"]))
                    ));
                }
            }
            Command::CreateSecret {
                name: one(&a.pos[1..], "NAME")?,
                data,
                secret_type: a.get("type").unwrap_or_else(|| "Opaque".into()),
                ns,
            }
        }
        "cronjob" | "cj" => Command::CreateCronJob {
            name: one(&a.pos, "NAME")?,
            image: a
                .get("image")
                .ok_or("error: required flag(s) \"image\" not set")?,
            schedule: a
                .get("schedule")
                .ok_or("error: required flag(s) \"schedule\" not set")?,
            command: after.to_vec(),
            ns,
        },
        "job" => {
            let from = a.get("from");
            let from_cronjob = match from.as_deref() {
                None => None,
                Some(f) => Some(
                    f.strip_prefix("cronjob/")
                        .or_else(|| f.strip_prefix("cronjob.batch/"))
                        .or_else(|| f.strip_prefix("cj/"))
                        .ok_or_else(|| {
                            format!("error: from must be an existing cronjob: --from=cronjob/NAME (got {f:?})")
                        })?
                        .to_string(),
                ),
            };
            let image = a.get("image");
            if image.is_none() && from_cronjob.is_none() {
                return Err("error: either --image or --from must be specified".into());
            }
            Command::CreateJob {
                name: one(&a.pos, "NAME")?,
                image,
                from_cronjob,
                command: after.to_vec(),
                ns,
            }
        }
        other => return Err(format!("error: creating a {other} is not simulated")),
    };
    Ok(wrap(cmd, dry))
}

/// `run` and `create deployment` with `--dry-run=client -o yaml|json`:
/// the flags taken out, the rest parsed as usual. The callers come here
/// only for a token [`take_dry_run`] takes out, so the second parse never
/// comes back: `--dry-runs` once did, until the stack overflowed.
pub(super) fn dry_run_of(
    tokens: &[String],
    parse: impl Fn(&[String]) -> Result<Command, String>,
) -> Result<Command, String> {
    let mut toks = tokens.to_vec();
    let dry = take_dry_run(&mut toks)?;
    Ok(wrap(parse(&toks)?, dry))
}

pub(super) fn exec(rest: &[String], after: &[String]) -> Result<Command, String> {
    let a = parse_flags(
        rest,
        &[
            flag("container", Some('c'), true),
            flag("stdin", Some('i'), false),
            flag("tty", Some('t'), false),
            NS,
        ],
    )?;
    let pod = one(&a.pos, "POD")?;
    let pod = pod
        .strip_prefix("pod/")
        .or_else(|| pod.strip_prefix("pods/"))
        .unwrap_or(&pod)
        .to_string();
    if after.is_empty() {
        return Err("error: you must specify at least one command for the container".into());
    }
    let shell = matches!(after[0].rsplit('/').next(), Some("sh" | "bash" | "ash"));
    if shell && after.len() == 1 {
        return Err(format!(
            "error: an interactive shell is not simulated here: run one command at a time, like `exec {pod} -- cat /etc/hostname` or `exec {pod} -- sh -c \"echo $HOSTNAME\"`"
        ));
    }
    Ok(Command::Exec {
        pod,
        container: a.get("container"),
        argv: after.to_vec(),
        ns: a.ns(),
    })
}

/// `label|annotate TYPE NAME... KEY=VALUE... KEY-... [--overwrite]`.
pub(super) fn label(rest: &[String], annotate: bool) -> Result<Command, String> {
    let a = parse_flags(
        rest,
        &[
            flag("overwrite", None, false),
            flag("all", None, false),
            flag("selector", Some('l'), true),
            NS,
        ],
    )?;
    let verb = if annotate { "annotate" } else { "label" };
    let split = a
        .pos
        .iter()
        .position(|p| p.contains('=') || (p.ends_with('-') && !p.contains('/')))
        .unwrap_or(a.pos.len());
    let (targets, pairs) = a.pos.split_at(split);
    let (res, names) = target(targets, verb)?;
    if pairs.is_empty() {
        return Err(format!(
            "error: at least one {} update is required",
            if annotate { "annotation" } else { "label" }
        ));
    }
    let mut changes = Vec::new();
    for p in pairs {
        if let Some(k) = p.strip_suffix('-').filter(|_| !p.contains('=')) {
            changes.push((k.to_string(), None));
        } else {
            let (k, v) = key_value(p, if annotate { "annotation" } else { "label" })?;
            changes.push((k, Some(v)));
        }
    }
    let selector = if a.has("all") {
        Some(String::new())
    } else {
        a.get("selector")
    };
    if names.is_empty() && selector.is_none() {
        return Err("error: resource(s) were provided, but no name was specified".into());
    }
    Ok(Command::Label {
        res,
        names,
        changes,
        overwrite: a.has("overwrite"),
        selector,
        annotate,
        ns: a.ns(),
    })
}

/// `rollout history|undo|pause|resume|restart|status TYPE/NAME`.
pub(super) fn rollout(rest: &[String]) -> Result<Command, String> {
    let a = parse_flags(
        rest,
        &[
            NS,
            flag("watch", Some('w'), false),
            flag("timeout", None, true),
            flag("revision", None, true),
            flag("to-revision", None, true),
        ],
    )?;
    const VERBS: [&str; 6] = ["history", "pause", "restart", "resume", "status", "undo"];
    let verb = match a.pos.first().map(String::as_str) {
        Some(v) if VERBS.contains(&v) => v.to_string(),
        Some(o) => {
            return Err(format!(
                "error: unknown command \"{o}\" for \"rollout\"{}",
                hint(o, VERBS)
            ));
        }
        None => {
            return Err(
                "error: use: rollout history|undo|pause|resume|restart|status deployment/NAME"
                    .into(),
            );
        }
    };
    let (res, names) = target(&a.pos[1..], &format!("rollout {verb}"))?;
    if !matches!(res, Resource::Deployments | Resource::StatefulSets) {
        return Err(format!(
            "error: no {verb} has been implemented for {}: rollout works on deployments and statefulsets",
            res.plural()
        ));
    }
    if verb == "status" && res == Resource::Deployments {
        return Ok(Command::RolloutStatus {
            name: one(&names, "NAME")?,
            ns: a.ns(),
            watch: a.get("watch").is_none_or(|v| v != "false"),
            timeout_ms: super::parse::timeout(&a)?,
        });
    }
    let revision = |f: &str| a.get(f).map(|v| number::<u64>(&v, f)).transpose();
    let action = match verb.as_str() {
        "history" => RolloutAction::History {
            revision: revision("revision")?.filter(|r| *r > 0),
        },
        "undo" => RolloutAction::Undo {
            to_revision: revision("to-revision")?.filter(|r| *r > 0),
        },
        "pause" => RolloutAction::Pause,
        "resume" => RolloutAction::Resume,
        "restart" => RolloutAction::Restart,
        _ => RolloutAction::Status,
    };
    Ok(Command::Rollout {
        action,
        res,
        name: one(&names, "NAME")?,
        ns: a.ns(),
    })
}

pub(super) fn expose(rest: &[String]) -> Result<Command, String> {
    let mut toks = rest.to_vec();
    let dry = take_dry_run(&mut toks)?;
    let a = parse_flags(
        &toks,
        &[
            NS,
            flag("port", None, true),
            flag("target-port", None, true),
            flag("type", None, true),
            flag("name", None, true),
            flag("protocol", None, true),
        ],
    )?;
    let (res, names) = target(&a.pos, "expose")?;
    if !matches!(
        res,
        Resource::Deployments
            | Resource::ReplicaSets
            | Resource::Pods
            | Resource::Services
            | Resource::StatefulSets
    ) {
        return Err(format!(
            "error: cannot expose a {}: expose works on pods, services, deployments, replicasets and statefulsets",
            res.plural()
        ));
    }
    let cmd = Command::Expose {
        res,
        name: one(&names, "NAME")?,
        port: a.get("port").map(|v| number(&v, "port")).transpose()?,
        target_port: a.get("target-port"),
        service_type: a.get("type"),
        service_name: a.get("name"),
        ns: a.ns(),
    };
    Ok(wrap(cmd, dry))
}

pub(super) fn top(rest: &[String]) -> Result<Command, String> {
    let a = parse_flags(rest, &[NS, flag("all-namespaces", Some('A'), false)])?;
    let nodes = match a.pos.first().map(String::as_str) {
        Some("pod" | "pods" | "po") => false,
        Some("node" | "nodes" | "no") => true,
        Some(o) => {
            return Err(format!(
                "error: unknown command \"{o}\" for \"top\"{}",
                hint(o, ["pod", "node"])
            ));
        }
        None => return Err("error: use: top pod [NAME] | top node [NAME]".into()),
    };
    let scope = if a.has("all-namespaces") {
        Scope::All
    } else {
        Scope::One(a.ns())
    };
    Ok(Command::Top {
        nodes,
        name: a.pos.get(1).cloned(),
        scope,
    })
}
