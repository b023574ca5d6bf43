//! `kubectl describe`: the human-readable detail of one object, laid out
//! with kubectl's tab alignment, ending with its events.

pub mod config;
mod node;
mod part2;
mod pod;
mod workloads;

use super::listing::endpoints_text;
use super::parse::{Resource, Scope};
use super::table::{DESCRIBE, tabwrite};
use super::{Outcome, age, labels_text};
use crate::quantity::{format_bytes, format_cpu};
use crate::sim::Cluster;
use crate::sim::events::ObjRef;
use crate::sim::objects::*;
use crate::sim::status::{job_status, qos_class};
use crate::sim::stored::*;
use crate::sim::timefmt::{human_duration, rfc1123z};
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

    fn annotations(&mut self, lvl: usize, l: &Labels) {
        let v: Vec<String> = l.iter().map(|(k, v)| format!("{k}: {v}")).collect();
        self.multi(lvl, "Annotations", &v);
    }

    fn events(&mut self, c: &Cluster, obj: &ObjRef) {
        let now = c.now();
        let evs = c.api().log().events_for(obj);
        if evs.is_empty() {
            self.kv(0, "Events", "<none>");
            return;
        }
        self.line(0, "Events:");
        self.line(1, "Type\tReason\tAge\tFrom\tMessage");
        self.line(1, "----\t------\t----\t----\t-------");
        for e in evs {
            let a = if e.count > 1 {
                format!(
                    "{} (x{} over {})",
                    age(now, e.last_ms),
                    e.count,
                    age(now, e.first_ms)
                )
            } else {
                age(now, e.last_ms)
            };
            self.line(
                1,
                &format!(
                    "{}\t{}\t{a}\t{}\t{}",
                    e.event_type.name(),
                    e.reason,
                    e.source,
                    e.message
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
        w.kv(0, "Controlled By", format!("{}/{}", o.kind.name(), o.name));
    }
}

fn state(w: &mut W, lvl: usize, key: &str, s: &ContainerState) {
    match s {
        // kubectl's describeStatus prints a waiting state's reason only (its
        // message is in `-o yaml` and the events), as the real kubectl 1.33
        // does against the served cluster (tests/serve_describe.rs).
        ContainerState::Waiting { reason, .. } => {
            w.kv(lvl, key, "Waiting");
            w.kv(lvl + 1, "Reason", reason);
        }
        ContainerState::Running { started_ms } => {
            w.kv(lvl, key, "Running");
            w.kv(lvl + 1, "Started", rfc1123z(*started_ms));
        }
        ContainerState::Terminated(t) => terminated(w, lvl, key, t),
    }
}

fn terminated(w: &mut W, lvl: usize, key: &str, t: &Terminated) {
    w.kv(lvl, key, "Terminated");
    w.kv(lvl + 1, "Reason", &t.reason);
    w.kv(lvl + 1, "Exit Code", t.exit_code.to_string());
    w.kv(lvl + 1, "Started", rfc1123z(t.started_ms));
    w.kv(lvl + 1, "Finished", rfc1123z(t.finished_ms));
}

fn resources(w: &mut W, lvl: usize, key: &str, r: Resources) {
    if r == Resources::default() {
        return;
    }
    w.line(lvl, &format!("{key}:"));
    if r.cpu_millis > 0 {
        w.kv(lvl + 1, "cpu", format_cpu(r.cpu_millis));
    }
    if r.memory_bytes > 0 {
        w.kv(lvl + 1, "memory", format_bytes(r.memory_bytes));
    }
}

fn container(
    w: &mut W,
    lvl: usize,
    c: &ContainerSpec,
    status: Option<&ContainerStatus>,
    pod: Option<&Pod>,
) {
    if pod.is_none() && lvl == 1 {
        // Pod templates print the container name one space deeper, as kubectl does.
        w.line(lvl, &format!(" {}:", c.name));
    } else {
        w.line(lvl, &format!("{}:", c.name));
    }
    let l = lvl + 1;
    // kubectl's describeContainerBasicInfo (staging/src/k8s.io/kubectl/pkg/
    // describe/describe.go) prints both IDs whenever the container has a
    // status, empty while its image is still being pulled.
    if let Some(s) = status {
        w.kv(l, "Container ID", s.container_id.as_deref().unwrap_or(""));
    }
    w.kv(l, "Image", &c.image);
    if let Some(s) = status {
        w.kv(l, "Image ID", &s.image_id);
    }
    match c.ports.first() {
        Some(p) => {
            w.kv(
                l,
                "Port",
                format!("{}/{}", p.container_port, p.protocol.name()),
            );
            w.kv(l, "Host Port", format!("0/{}", p.protocol.name()));
        }
        None => {
            w.kv(l, "Port", "<none>");
            w.kv(l, "Host Port", "<none>");
        }
    }
    for (key, list) in [("Command", &c.command), ("Args", &c.args)] {
        if !list.is_empty() {
            w.line(l, &format!("{key}:"));
            for a in list {
                w.line(l + 1, a);
            }
        }
    }
    if let Some(s) = status {
        state(w, l, "State", &s.state);
        if let Some(t) = &s.last_state {
            terminated(w, l, "Last State", t);
        }
        w.kv(l, "Ready", if s.ready { "True" } else { "False" });
        w.kv(l, "Restart Count", s.restart_count.to_string());
    }
    resources(w, l, "Limits", c.limits);
    resources(w, l, "Requests", c.effective_requests());
    config::probes(w, l, c);
    config::env(w, l, c, pod);
    config::mounts(w, l, c);
}

fn tolerations(spec: &PodSpec) -> Vec<String> {
    spec.tolerations
        .iter()
        .map(|t| {
            let mut s = t.key.clone().unwrap_or_default();
            if let Some(v) = &t.value {
                s.push_str(&format!("={v}"));
            }
            if let Some(e) = t.effect {
                s.push_str(&format!(":{}", e.name()));
            }
            if t.operator == TolerationOperator::Exists {
                s.push_str(" op=Exists");
            }
            if let Some(secs) = t.toleration_seconds {
                s.push_str(&format!(" for {secs}s"));
            }
            s
        })
        .collect()
}

fn template(w: &mut W, t: &PodTemplate) {
    w.line(0, "Pod Template:");
    w.labels(1, "Labels", &t.labels);
    if !t.annotations.is_empty() {
        let v: Vec<String> = t
            .annotations
            .iter()
            .map(|(k, v)| format!("{k}: {v}"))
            .collect();
        w.multi(1, "Annotations", &v);
    }
    if !t.spec.init_containers.is_empty() {
        w.line(1, "Init Containers:");
        for c in &t.spec.init_containers {
            container(w, 1, c, None, None);
        }
    }
    w.line(1, "Containers:");
    for c in &t.spec.containers {
        container(w, 1, c, None, None);
    }
    config::volumes(w, 1, &t.spec.volumes);
    w.kv(1, "Node-Selectors", labels_text(&t.spec.node_selector));
    w.multi(1, "Tolerations", &tolerations(&t.spec));
}

/// `Pod Template:` as `describe` and `rollout history --revision` print it.
pub fn pod_template_text(t: &PodTemplate) -> String {
    let mut w = W::default();
    template(&mut w, t);
    w.done()
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
        Resource::ConfigMaps
        | Resource::Secrets
        | Resource::StatefulSets
        | Resource::CronJobs
        | Resource::PersistentVolumes
        | Resource::PersistentVolumeClaims
        | Resource::StorageClasses
        | Resource::ResourceQuotas
        | Resource::LimitRanges => part2::describe(c, res, ns, &wanted, &mut found, &mut parts),
        Resource::Events | Resource::Endpoints | Resource::All => {
            return Outcome::fail(format!(
                "error: describe is simulated for pods, nodes, deployments, replicasets, jobs and services, not {}",
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
