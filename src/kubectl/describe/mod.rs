//! `kubectl describe`: the human-readable detail of one object, laid out
//! with kubectl's tab alignment, ending with its events.

mod cluster;
pub mod config;
mod containers;
mod generic;
mod node;
mod part2;
mod pod;
mod workloads;

pub use containers::pod_template_text;

use super::parse::{Resource, Scope};
use super::table::{DESCRIBE, tabwrite};
use super::{Outcome, age, labels_text};
use crate::quantity::{format_bytes, format_cpu};
use crate::sim::Cluster;
use crate::sim::events::ObjRef;
use crate::sim::objects::*;
use crate::sim::status::qos_class;
use crate::sim::stored::*;
use crate::sim::timefmt::{human_duration, rfc1123z};
use containers::{container, template, tolerations};
use node::node;
use pod::pod;
use workloads::{deployment, job, replicaset, service};

/// Lines with tab-separated cells, indented by level (two spaces each).
#[derive(Default)]
struct W(String);

impl W {
    fn kv(&mut self, lvl: usize, key: &str, val: impl AsRef<str>) {
        self.0
            .push_str(&format!("{}{key}:\t{}\n", "  ".repeat(lvl), val.as_ref()));
    }

    fn line(&mut self, lvl: usize, text: &str) {
        self.0.push_str(&format!("{}{text}\n", "  ".repeat(lvl)));
    }

    /// A key whose values go one per line (labels, tolerations).
    fn multi(&mut self, lvl: usize, key: &str, values: &[String]) {
        match values.split_first() {
            None => self.kv(lvl, key, "<none>"),
            Some((first, rest)) => {
                self.kv(lvl, key, first);
                for v in rest {
                    self.0.push_str(&format!("{}\t{v}\n", "  ".repeat(lvl)));
                }
            }
        }
    }

    fn labels(&mut self, lvl: usize, key: &str, l: &Labels) {
        let v: Vec<String> = l.iter().map(|(k, v)| format!("{k}={v}")).collect();
        self.multi(lvl, key, &v);
    }

    /// printAnnotationsMultiline: `kubectl apply`'s last-applied
    /// configuration is left out; a long or multi-line value goes under its
    /// key, cut at 140 characters a line.
    fn annotations(&mut self, lvl: usize, l: &Labels) {
        const MAX: usize = 140;
        let indent = "  ".repeat(lvl);
        let keys: Vec<(&String, &String)> = l
            .iter()
            .filter(|(k, _)| *k != "kubectl.kubernetes.io/last-applied-configuration")
            .collect();
        if keys.is_empty() {
            self.kv(lvl, "Annotations", "<none>");
            return;
        }
        for (i, (k, v)) in keys.into_iter().enumerate() {
            let lead = if i == 0 {
                format!("{indent}Annotations:\t")
            } else {
                "\t".to_string()
            };
            let value = v.strip_suffix('\n').unwrap_or(v);
            if value.len() + k.len() + 2 > MAX || value.contains('\n') {
                self.0.push_str(&format!("{lead}{k}:\n"));
                for part in value.split('\n') {
                    let cut = if part.len() > MAX - 2 {
                        let end = (0..=MAX - 2)
                            .rev()
                            .find(|i| part.is_char_boundary(*i))
                            .unwrap_or(0);
                        format!("{}...", &part[..end])
                    } else {
                        part.to_string()
                    };
                    self.0.push_str(&format!("\t  {cut}\n"));
                }
            } else {
                self.0.push_str(&format!("{lead}{k}: {value}\n"));
            }
        }
    }

    fn events(&mut self, c: &Cluster, obj: &ObjRef) {
        let evs = c.api().log().events_for(obj);
        self.event_rows(c.now(), &evs);
    }

    /// kubectl's DescribeEvents: Type, Reason, Age (the first occurrence, or
    /// `last (xN over first)`), From, Message.
    fn event_rows(&mut self, now: u64, evs: &[&crate::sim::events::Event]) {
        if evs.is_empty() {
            self.kv(0, "Events", "<none>");
            return;
        }
        self.line(0, "Events:");
        self.line(1, "Type\tReason\tAge\tFrom\tMessage");
        self.line(1, "----\t------\t----\t----\t-------");
        for e in evs {
            let a = super::event_interval(e, now);
            self.line(
                1,
                &format!(
                    "{}\t{}\t{a}\t{}\t{}",
                    e.event_type.name(),
                    e.reason,
                    e.source,
                    e.message.trim()
                ),
            );
        }
    }

    fn done(self) -> String {
        tabwrite(&self.0, DESCRIBE)
    }
}

fn owner(w: &mut W, m: &Meta) {
    if let Some(o) = &m.owner {
        w.kv(
            0,
            "Controlled By",
            format!("{}/{}", o.kind.name(), o.name()),
        );
    }
}

fn percent(part: u64, whole: u64) -> u64 {
    (part * 100).checked_div(whole).unwrap_or(0)
}

fn selector_text(s: &LabelSelector) -> String {
    labels_text(&s.match_labels)
}

fn pods_status(c: &Cluster, owner: Oid) -> String {
    let pods: Vec<&Pod> = c.store().pods_owned_by(owner).collect();
    let n = |ph: Phase| pods.iter().filter(|p| p.status.phase == ph).count();
    format!(
        "{} Running / {} Waiting / {} Succeeded / {} Failed",
        n(Phase::Running),
        n(Phase::Pending),
        n(Phase::Succeeded),
        n(Phase::Failed)
    )
}

/// Run `describe`.
pub fn describe(
    c: &Cluster,
    res: Resource,
    names: &[String],
    selector: &Option<String>,
    scope: &Scope,
) -> Outcome {
    let s = c.store();
    let sel = match selector
        .as_deref()
        .map(crate::sim::selector::parse)
        .transpose()
    {
        Ok(s) => s,
        Err(e) => return Outcome::fail(format!("error: {e}")),
    };
    let ns = scope.ns();
    let wanted = |name: &str, labels: &Labels| {
        if names.is_empty() {
            sel.as_ref().is_none_or(|s| s.matches(labels))
        } else {
            names.iter().any(|n| n == name)
        }
    };
    let mut parts: Vec<String> = Vec::new();
    let mut found: Vec<String> = Vec::new();
    match res {
        Resource::Pods => s
            .pods()
            .in_namespace(ns)
            .filter(|p| wanted(&p.meta.name, &p.meta.labels))
            .for_each(|p| {
                found.push(p.meta.name.clone());
                parts.push(pod(c, p));
            }),
        Resource::Nodes => s
            .nodes()
            .iter()
            .filter(|n| wanted(&n.meta.name, &n.meta.labels))
            .for_each(|n| {
                found.push(n.meta.name.clone());
                parts.push(node(c, n));
            }),
        Resource::Deployments => s
            .deployments()
            .in_namespace(ns)
            .filter(|d| wanted(&d.meta.name, &d.meta.labels))
            .for_each(|d| {
                found.push(d.meta.name.clone());
                parts.push(deployment(c, d));
            }),
        Resource::ReplicaSets => s
            .replicasets()
            .in_namespace(ns)
            .filter(|d| wanted(&d.meta.name, &d.meta.labels))
            .for_each(|d| {
                found.push(d.meta.name.clone());
                parts.push(replicaset(c, d));
            }),
        Resource::Jobs => s
            .jobs()
            .in_namespace(ns)
            .filter(|d| wanted(&d.meta.name, &d.meta.labels))
            .for_each(|d| {
                found.push(d.meta.name.clone());
                parts.push(job(c, d));
            }),
        Resource::Services => s
            .services()
            .in_namespace(ns)
            .filter(|d| wanted(&d.meta.name, &d.meta.labels))
            .for_each(|d| {
                found.push(d.meta.name.clone());
                parts.push(service(c, d));
            }),
        Resource::Namespaces => s
            .namespaces()
            .sorted()
            .filter(|d| wanted(&d.meta.name, &d.meta.labels))
            .for_each(|d| {
                found.push(d.meta.name.clone());
                parts.push(cluster::namespace(c, d));
            }),
        Resource::DaemonSets => s
            .daemonsets()
            .in_namespace(ns)
            .filter(|d| wanted(&d.meta.name, &d.meta.labels))
            .for_each(|d| {
                found.push(d.meta.name.clone());
                parts.push(cluster::daemonset(c, d));
            }),
        Resource::EndpointSlices => s
            .endpointslices()
            .in_namespace(ns)
            .filter(|d| wanted(&d.meta.name, &d.meta.labels))
            .for_each(|d| {
                found.push(d.meta.name.clone());
                parts.push(cluster::endpointslice(c, d));
            }),
        Resource::ConfigMaps
        | Resource::Secrets
        | Resource::StatefulSets
        | Resource::CronJobs
        | Resource::PersistentVolumes
        | Resource::PersistentVolumeClaims
        | Resource::StorageClasses
        | Resource::ResourceQuotas
        | Resource::LimitRanges => part2::describe(c, res, ns, &wanted, &mut found, &mut parts),
        // kubectl has no describer of its own for a Lease: the generic one.
        Resource::Leases => s
            .leases()
            .in_namespace(ns)
            .filter(|l| wanted(&l.meta.name, &l.meta.labels))
            .for_each(|l| {
                let m = &l.meta;
                found.push(m.name.clone());
                let value = c
                    .to_api_value(Kind::Lease, &m.namespace, &m.name)
                    .unwrap_or_default();
                let obj = ObjRef::new(Kind::Lease, &m.namespace, &m.name);
                parts.push(generic::describe(c, &value, m, &obj));
            }),
        Resource::Events | Resource::Endpoints | Resource::All => {
            return Outcome::fail(format!(
                "error: describe is simulated for every kind but events and endpoints, not {}",
                res.plural()
            ));
        }
    }
    let mut out = parts.join("\n\n");
    let mut ok = true;
    for n in names.iter().filter(|n| !found.contains(n)) {
        ok = false;
        let resource = res
            .kind()
            .map_or("resources", crate::sim::apiserver::resource_name);
        out.push_str(&format!(
            "{}Error from server (NotFound): {resource} \"{n}\" not found",
            if out.is_empty() { "" } else { "\n" }
        ));
    }
    if out.is_empty() {
        out = format!("No resources found in {ns} namespace.");
    }
    Outcome {
        output: super::with_newline(out),
        ok,
    }
}
