//! Tab completion for the command bar: commands, resource kinds, object
//! names, flag values, scenarios.

use super::parse::{COMMANDS, Resource};
use crate::sim::Cluster;
use crate::sim::scenarios;
use crate::sim::store::Stored;

fn names_of(c: &Cluster, res: Resource) -> Vec<String> {
    let s = c.store();
    match res {
        Resource::Pods => s
            .pods()
            .in_namespace("default")
            .map(|p| p.meta.name.clone())
            .collect(),
        Resource::Nodes => s.nodes().iter().map(|n| n.meta.name.clone()).collect(),
        Resource::Deployments => s
            .deployments()
            .in_namespace("default")
            .map(|d| d.meta.name.clone())
            .collect(),
        Resource::ReplicaSets => s
            .replicasets()
            .in_namespace("default")
            .map(|d| d.meta.name.clone())
            .collect(),
        Resource::Jobs => s
            .jobs()
            .in_namespace("default")
            .map(|d| d.meta.name.clone())
            .collect(),
        Resource::Services => s
            .services()
            .in_namespace("default")
            .map(|d| d.meta.name.clone())
            .collect(),
        Resource::Endpoints => s
            .endpoints()
            .in_namespace("default")
            .map(|d| d.meta.name.clone())
            .collect(),
        Resource::Namespaces => s.namespaces().iter().map(|d| d.meta.name.clone()).collect(),
        Resource::DaemonSets => s
            .daemonsets()
            .in_namespace("default")
            .map(|d| d.meta.name.clone())
            .collect(),
        Resource::EndpointSlices => s
            .endpointslices()
            .in_namespace("default")
            .map(|d| d.meta.name.clone())
            .collect(),
        Resource::Leases | Resource::Events | Resource::All => Vec::new(),
        Resource::ConfigMaps => names(s.configmaps().in_namespace("default")),
        Resource::Secrets => names(s.secrets().in_namespace("default")),
        Resource::StatefulSets => names(s.statefulsets().in_namespace("default")),
        Resource::CronJobs => names(s.cronjobs().in_namespace("default")),
        Resource::PersistentVolumes => names(s.persistentvolumes().iter()),
        Resource::PersistentVolumeClaims => {
            names(s.persistentvolumeclaims().in_namespace("default"))
        }
        Resource::StorageClasses => names(s.storageclasses().iter()),
        Resource::ResourceQuotas => names(s.resourcequotas().in_namespace("default")),
        Resource::LimitRanges => names(s.limitranges().in_namespace("default")),
    }
}

fn names<'a, T: Stored + 'a>(it: impl Iterator<Item = &'a T>) -> Vec<String> {
    it.map(|o| o.meta().name.clone()).collect()
}

fn strs(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

/// Candidates for the word being typed at the end of `partial`, returned as
/// whole lines (`partial` with that word completed), sorted.
pub fn complete(c: &Cluster, partial: &str) -> Vec<String> {
    let at_word_start = partial.is_empty() || partial.ends_with(char::is_whitespace);
    let mut words: Vec<&str> = partial.split_whitespace().collect();
    let current = if at_word_start {
        ""
    } else {
        words.pop().unwrap_or("")
    };
    let head = &partial[..partial.len() - current.len()];
    let offset = usize::from(words.first() == Some(&"kubectl"));
    let args = &words[offset.min(words.len())..];
    let prev = args.last().copied().unwrap_or("");
    let candidates: Vec<String> = match args {
        [] => {
            let mut v = strs(&COMMANDS);
            if words.is_empty() {
                v.push("kubectl".into());
            }
            v
        }
        _ if prev == "-o" || prev == "--output" => {
            strs(&["json", "jsonpath=", "name", "wide", "yaml"])
        }
        _ if current.starts_with('-') => match args[0] {
            "get" => strs(&[
                "--output",
                "--selector",
                "--namespace",
                "--all-namespaces",
                "--show-labels",
                "--no-headers",
            ]),
            "create" => strs(&[
                "--image=",
                "--replicas=",
                "--port=",
                "--from-literal=",
                "--schedule=",
                "--from=",
                "--dry-run=client",
            ]),
            "rollout" => strs(&["--revision=", "--to-revision="]),
            "label" | "annotate" => strs(&["--overwrite", "--all", "--selector"]),
            "expose" => strs(&["--port=", "--target-port=", "--type=", "--name="]),
            "exec" => strs(&["--container"]),
            "run" => strs(&[
                "--image=",
                "--restart=",
                "--port=",
                "--labels=",
                "--command",
            ]),
            "delete" => strs(&[
                "--grace-period=",
                "--now",
                "--force",
                "--selector",
                "--wait=false",
                "--timeout=",
            ]),
            "scale" => strs(&["--replicas="]),
            "logs" => strs(&["--container", "--previous"]),
            "drain" => strs(&["--force", "--ignore-daemonsets", "--timeout="]),
            _ => Vec::new(),
        },
        [cmd, rest @ ..] => match (*cmd, rest) {
            ("get" | "describe" | "delete", []) => strs(&Resource::WORDS),
            ("get" | "describe" | "delete", [kind, ..]) => {
                Resource::parse(kind).map_or_else(Vec::new, |r| names_of(c, r))
            }
            ("scale", []) => strs(&["deployment", "replicaset", "statefulset"]),
            ("scale", [kind]) => Resource::parse(kind).map_or_else(Vec::new, |r| names_of(c, r)),
            ("rollout", []) => strs(&["history", "pause", "restart", "resume", "status", "undo"]),
            ("rollout", [_]) => strs(&["deployment", "statefulset"]),
            ("rollout", [_, kind]) => {
                Resource::parse(kind).map_or_else(Vec::new, |r| names_of(c, r))
            }
            ("label" | "annotate", []) => strs(&Resource::WORDS),
            ("label" | "annotate", [kind]) => {
                Resource::parse(kind).map_or_else(Vec::new, |r| names_of(c, r))
            }
            ("expose", []) => strs(&["deployment", "pod", "service"]),
            ("expose", [kind]) => Resource::parse(kind).map_or_else(Vec::new, |r| names_of(c, r)),
            ("exec", []) => names_of(c, Resource::Pods),
            ("top", []) => strs(&["node", "pod"]),
            ("create", ["secret"]) => strs(&["generic"]),
            ("set", []) => strs(&["image"]),
            ("set", [_]) => names_of(c, Resource::Deployments)
                .into_iter()
                .map(|n| format!("deployment/{n}"))
                .chain(
                    names_of(c, Resource::StatefulSets)
                        .into_iter()
                        .map(|n| format!("statefulset/{n}")),
                )
                .collect(),
            ("set", [_, target]) => {
                let name = target
                    .trim_start_matches("deployment/")
                    .trim_start_matches("deploy/");
                c.store()
                    .deployments()
                    .find("default", name)
                    .map(|d| {
                        d.spec
                            .template
                            .spec
                            .containers
                            .iter()
                            .map(|k| format!("{}=", k.name))
                            .collect()
                    })
                    .unwrap_or_default()
            }
            ("create", []) => strs(&["configmap", "cronjob", "deployment", "job", "secret"]),
            ("apply", []) => strs(&["-f"]),
            ("cordon" | "uncordon" | "drain", []) => names_of(c, Resource::Nodes),
            ("logs", []) => names_of(c, Resource::Pods),
            ("fault", []) => strs(&["crash", "node-down", "node-up"]),
            ("fault", ["crash"]) => names_of(c, Resource::Pods),
            ("fault", ["node-down" | "node-up"]) => names_of(c, Resource::Nodes),
            ("runtime", []) => strs(&["containerd", "dockershim"]),
            ("scenario", []) => scenarios::names().into_iter().map(str::to_string).collect(),
            ("traffic", []) => names_of(c, Resource::Services),
            _ => Vec::new(),
        },
    };
    let mut out: Vec<String> = candidates
        .into_iter()
        .filter(|cand| cand.starts_with(current))
        .map(|cand| {
            let sep = if cand.ends_with('=') { "" } else { " " };
            format!("{head}{cand}{sep}")
        })
        .collect();
    out.sort();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn completes_commands_kinds_and_names() {
        let mut c = Cluster::new(1);
        assert_eq!(complete(&c, "ge"), ["get "]);
        assert_eq!(complete(&c, "kubectl get po"), ["kubectl get pods "]);
        assert_eq!(
            complete(&c, "cordon node-"),
            ["cordon node-1 ", "cordon node-2 ", "cordon node-3 "]
        );
        assert_eq!(complete(&c, "get pods -o y"), ["get pods -o yaml "]);
        assert_eq!(complete(&c, "runtime d"), ["runtime dockershim "]);
        assert!(complete(&c, "scenario ").contains(&"scenario crashloop ".to_string()));
        super::super::execute(&mut c, "create deployment web --image=nginx");
        assert_eq!(
            complete(&c, "set image deployment/web "),
            ["set image deployment/web nginx="]
        );
        assert_eq!(
            complete(&c, "describe deployment w"),
            ["describe deployment web "]
        );
        assert!(complete(&c, "xyz ").is_empty());
    }
}
