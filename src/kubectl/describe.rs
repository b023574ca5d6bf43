//! `kubectl describe`: the human-readable detail of one object, laid out
//! with kubectl's tab alignment, ending with its events.

use super::get::endpoints_text;
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
        let evs: Vec<_> = c.api().log().events_for(obj).collect();
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
        ContainerState::Waiting { reason, message } => {
            w.kv(lvl, key, "Waiting");
            w.kv(lvl + 1, "Reason", reason);
            if let Some(m) = message
                .as_ref()
                .filter(|_| key == "State" && reason != "ContainerCreating")
            {
                w.kv(lvl + 1, "Message", m);
            }
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

fn container(w: &mut W, lvl: usize, c: &ContainerSpec, status: Option<&ContainerStatus>) {
    if status.is_none() && lvl == 1 {
        // Pod templates print the container name one space deeper, as kubectl does.
        w.line(lvl, &format!(" {}:", c.name));
    } else {
        w.line(lvl, &format!("{}:", c.name));
    }
    let l = lvl + 1;
    if let Some(id) = status.and_then(|s| s.container_id.as_ref()) {
        w.kv(l, "Container ID", id);
    }
    w.kv(l, "Image", &c.image);
    if let Some(s) = status.filter(|s| !s.image_id.is_empty()) {
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
    w.kv(l, "Environment", "<none>");
    w.kv(l, "Mounts", "<none>");
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
    if !t.spec.init_containers.is_empty() {
        w.line(1, "Init Containers:");
        for c in &t.spec.init_containers {
            container(w, 1, c, None);
        }
    }
    w.line(1, "Containers:");
    for c in &t.spec.containers {
        container(w, 1, c, None);
    }
    w.kv(1, "Volumes", "<none>");
    w.kv(1, "Node-Selectors", labels_text(&t.spec.node_selector));
    w.multi(1, "Tolerations", &tolerations(&t.spec));
}

fn pod(c: &Cluster, p: &Pod) -> String {
    let mut w = W::default();
    let m = &p.meta;
    w.kv(0, "Name", &m.name);
    w.kv(0, "Namespace", &m.namespace);
    w.kv(0, "Priority", "0");
    w.kv(0, "Service Account", "default");
    let node = match (&p.spec.node_name, &p.status.host_ip) {
        (Some(n), Some(ip)) => format!("{n}/{ip}"),
        (Some(n), None) => n.clone(),
        _ => "<none>".into(),
    };
    w.kv(0, "Node", node);
    if let Some(t) = p.status.start_ms {
        w.kv(0, "Start Time", rfc1123z(t));
    }
    w.labels(0, "Labels", &m.labels);
    w.annotations(0, &m.annotations);
    let status = match m.deletion_ms {
        Some(end) if c.now() > end => {
            format!("Terminating (lasts {})", human_duration(c.now() - end))
        }
        Some(_) => "Terminating".to_string(),
        None => p.status.phase.name().to_string(),
    };
    w.kv(0, "Status", status);
    if m.deletion_ms.is_some() {
        w.kv(
            0,
            "Termination Grace Period",
            format!("{}s", m.deletion_grace_s.unwrap_or(30)),
        );
    }
    if let Some(r) = &p.status.reason {
        w.kv(0, "Reason", r);
    }
    if let Some(msg) = &p.status.message {
        w.kv(0, "Message", msg);
    }
    match &p.status.pod_ip {
        Some(ip) => {
            w.kv(0, "IP", ip);
            w.line(0, "IPs:");
            w.kv(1, "IP", ip);
        }
        None => {
            w.kv(0, "IP", "");
            w.kv(0, "IPs", "<none>");
        }
    }
    owner(&mut w, m);
    for (title, specs, statuses) in [
        (
            "Init Containers:",
            &p.spec.init_containers,
            &p.status.init_statuses,
        ),
        (
            "Containers:",
            &p.spec.containers,
            &p.status.container_statuses,
        ),
    ] {
        if specs.is_empty() {
            continue;
        }
        w.line(0, title);
        for cs in specs {
            container(&mut w, 1, cs, statuses.iter().find(|s| s.name == cs.name));
        }
    }
    let conds = p.status.conditions.list();
    if !conds.is_empty() {
        w.line(0, "Conditions:");
        w.line(1, "Type\tStatus");
        for (k, cond) in conds {
            w.line(1, &format!("{k}\t{} ", cond.status.name()));
        }
    }
    w.kv(0, "Volumes", "<none>");
    w.kv(0, "QoS Class", qos_class(&p.spec));
    w.kv(0, "Node-Selectors", labels_text(&p.spec.node_selector));
    w.multi(0, "Tolerations", &tolerations(&p.spec));
    w.events(c, &ObjRef::new(Kind::Pod, &m.namespace, &m.name));
    w.done()
}

fn percent(part: u64, whole: u64) -> u64 {
    (part * 100).checked_div(whole).unwrap_or(0)
}

fn node(c: &Cluster, n: &Node) -> String {
    let mut w = W::default();
    let now = c.now();
    w.kv(0, "Name", &n.meta.name);
    w.kv(
        0,
        "Roles",
        if n.is_control_plane() {
            "control-plane"
        } else {
            "<none>"
        },
    );
    w.labels(0, "Labels", &n.meta.labels);
    w.annotations(0, &n.meta.annotations);
    w.kv(0, "CreationTimestamp", rfc1123z(n.meta.creation_ms));
    let taints: Vec<String> = n
        .taints
        .iter()
        .map(|t| match &t.taint.value {
            Some(v) => format!("{}={v}:{}", t.taint.key, t.taint.effect.name()),
            None => format!("{}:{}", t.taint.key, t.taint.effect.name()),
        })
        .collect();
    w.multi(0, "Taints", &taints);
    w.kv(0, "Unschedulable", n.unschedulable.to_string());
    w.line(0, "Conditions:");
    w.line(
        1,
        "Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage",
    );
    w.line(
        1,
        "----\t------\t-----------------\t------------------\t------\t-------",
    );
    let lost = n.ready.status == CondStatus::Unknown;
    for (kind, reason, msg) in [
        (
            "MemoryPressure",
            "KubeletHasSufficientMemory",
            "kubelet has sufficient memory available",
        ),
        (
            "DiskPressure",
            "KubeletHasNoDiskPressure",
            "kubelet has no disk pressure",
        ),
        (
            "PIDPressure",
            "KubeletHasSufficientPID",
            "kubelet has sufficient PID available",
        ),
    ] {
        let (st, r, m) = if lost {
            (
                "Unknown",
                "NodeStatusUnknown",
                "Kubelet stopped posting node status.",
            )
        } else {
            ("False", reason, msg)
        };
        w.line(
            1,
            &format!(
                "{kind}\t{st}\t{}\t{}\t{r}\t{m}",
                rfc1123z(n.ready.probe_ms),
                rfc1123z(n.meta.creation_ms)
            ),
        );
    }
    w.line(
        1,
        &format!(
            "Ready\t{}\t{}\t{}\t{}\t{}",
            n.ready.status.name(),
            rfc1123z(n.ready.probe_ms),
            rfc1123z(n.ready.transition_ms),
            n.ready.reason.as_deref().unwrap_or(""),
            n.ready.message.as_deref().unwrap_or("")
        ),
    );
    w.line(0, "Addresses:");
    w.kv(1, "InternalIP", &n.internal_ip);
    w.kv(1, "Hostname", &n.meta.name);
    for (key, r) in [("Capacity", n.capacity), ("Allocatable", n.allocatable)] {
        w.line(0, &format!("{key}:"));
        w.kv(1, "cpu", format_cpu(r.cpu_millis));
        w.kv(1, "memory", format_bytes(r.memory_bytes));
        w.kv(1, "pods", n.max_pods.to_string());
    }
    w.line(0, "System Info:");
    w.kv(1, "Kernel Version", "6.8.0-sim");
    w.kv(1, "OS Image", "Ubuntu 24.04 LTS");
    w.kv(1, "Operating System", "linux");
    w.kv(1, "Architecture", "amd64");
    w.kv(1, "Container Runtime Version", &n.runtime_version);
    w.kv(1, "Kubelet Version", &n.kubelet_version);
    w.kv(0, "PodCIDR", &n.pod_cidr);
    w.kv(0, "PodCIDRs", &n.pod_cidr);
    let pods: Vec<&Pod> = c
        .pods_on(&n.meta.name)
        .into_iter()
        .filter(|p| !p.status.phase.is_terminal())
        .collect();
    w.kv(
        0,
        "Non-terminated Pods",
        format!("({} in total)", pods.len()),
    );
    let (mut cpu, mut mem, mut lcpu, mut lmem) = (0, 0, 0, 0);
    if !pods.is_empty() {
        w.line(
            1,
            "Namespace\tName\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge",
        );
        w.line(
            1,
            "---------\t----\t------------\t----------\t---------------\t-------------\t---",
        );
        for p in &pods {
            let r = p.spec.requests();
            let l = p
                .spec
                .containers
                .iter()
                .fold(Resources::default(), |a, c| Resources {
                    cpu_millis: a.cpu_millis + c.limits.cpu_millis,
                    memory_bytes: a.memory_bytes + c.limits.memory_bytes,
                });
            cpu += r.cpu_millis;
            mem += r.memory_bytes;
            lcpu += l.cpu_millis;
            lmem += l.memory_bytes;
            let a = n.allocatable;
            w.line(
                1,
                &format!(
                    "{}\t{}\t{} ({}%)\t{} ({}%)\t{} ({}%)\t{} ({}%)\t{}",
                    p.meta.namespace,
                    p.meta.name,
                    format_cpu(r.cpu_millis),
                    percent(r.cpu_millis, a.cpu_millis),
                    format_cpu(l.cpu_millis),
                    percent(l.cpu_millis, a.cpu_millis),
                    format_bytes(r.memory_bytes),
                    percent(r.memory_bytes, a.memory_bytes),
                    format_bytes(l.memory_bytes),
                    percent(l.memory_bytes, a.memory_bytes),
                    age(now, p.meta.creation_ms)
                ),
            );
        }
    }
    w.line(0, "Allocated resources:");
    w.line(
        1,
        "(Total limits may be over 100 percent, i.e., overcommitted.)",
    );
    w.line(1, "Resource\tRequests\tLimits");
    w.line(1, "--------\t--------\t------");
    let a = n.allocatable;
    w.line(
        1,
        &format!(
            "cpu\t{} ({}%)\t{} ({}%)",
            format_cpu(cpu),
            percent(cpu, a.cpu_millis),
            format_cpu(lcpu),
            percent(lcpu, a.cpu_millis)
        ),
    );
    w.line(
        1,
        &format!(
            "memory\t{} ({}%)\t{} ({}%)",
            format_bytes(mem),
            percent(mem, a.memory_bytes),
            format_bytes(lmem),
            percent(lmem, a.memory_bytes)
        ),
    );
    w.events(c, &ObjRef::new(Kind::Node, "", &n.meta.name));
    w.done()
}

fn strategy_text(s: &DeploymentStrategy) -> (&'static str, Option<String>) {
    match s {
        DeploymentStrategy::Recreate => ("Recreate", None),
        DeploymentStrategy::RollingUpdate {
            max_surge,
            max_unavailable,
        } => {
            let f = |v: &IntOrPercent| match v {
                IntOrPercent::Int(n) => n.to_string(),
                IntOrPercent::Percent(p) => format!("{p}%"),
            };
            (
                "RollingUpdate",
                Some(format!(
                    "{} max unavailable, {} max surge",
                    f(max_unavailable),
                    f(max_surge)
                )),
            )
        }
    }
}

fn selector_text(s: &LabelSelector) -> String {
    labels_text(&s.match_labels)
}

fn deployment(c: &Cluster, d: &Deployment) -> String {
    let mut w = W::default();
    let m = &d.meta;
    w.kv(0, "Name", &m.name);
    w.kv(0, "Namespace", &m.namespace);
    w.kv(0, "CreationTimestamp", rfc1123z(m.creation_ms));
    w.labels(0, "Labels", &m.labels);
    w.annotations(0, &m.annotations);
    w.kv(0, "Selector", selector_text(&d.spec.selector));
    let st = &d.status;
    w.kv(
        0,
        "Replicas",
        format!(
            "{} desired | {} updated | {} total | {} available | {} unavailable",
            d.spec.replicas, st.updated, st.replicas, st.available, st.unavailable
        ),
    );
    let (kind, rolling) = strategy_text(&d.spec.strategy);
    w.kv(0, "StrategyType", kind);
    w.kv(0, "MinReadySeconds", d.spec.min_ready_seconds.to_string());
    if let Some(r) = rolling {
        w.kv(0, "RollingUpdateStrategy", r);
    }
    template(&mut w, &d.spec.template);
    w.line(0, "Conditions:");
    w.line(1, "Type\tStatus\tReason");
    w.line(1, "----\t------\t------");
    for (k, cond) in [
        ("Available", &st.available_cond),
        ("Progressing", &st.progressing_cond),
    ] {
        if let Some(cond) = cond {
            w.line(
                1,
                &format!(
                    "{k}\t{}\t{}",
                    cond.status.name(),
                    cond.reason.as_deref().unwrap_or("")
                ),
            );
        }
    }
    let hash = crate::sim::names::template_hash(&d.spec.template);
    let owned: Vec<&ReplicaSet> = c
        .store()
        .replicasets()
        .iter()
        .filter(|r| r.meta.owner.as_ref().is_some_and(|o| o.oid == m.oid))
        .collect();
    let show = |r: &&ReplicaSet| {
        format!(
            "{} ({}/{} replicas created)",
            r.meta.name, r.status.replicas, r.spec.replicas
        )
    };
    let old: Vec<String> = owned
        .iter()
        .filter(|r| r.meta.labels.get("pod-template-hash") != Some(&hash) && r.spec.replicas > 0)
        .map(show)
        .collect();
    w.kv(
        0,
        "OldReplicaSets",
        if old.is_empty() {
            "<none>".into()
        } else {
            old.join(", ")
        },
    );
    let new = owned
        .iter()
        .find(|r| r.meta.labels.get("pod-template-hash") == Some(&hash))
        .map_or("<none>".into(), show);
    w.kv(0, "NewReplicaSet", new);
    w.events(c, &ObjRef::new(Kind::Deployment, &m.namespace, &m.name));
    w.done()
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

fn replicaset(c: &Cluster, r: &ReplicaSet) -> String {
    let mut w = W::default();
    let m = &r.meta;
    w.kv(0, "Name", &m.name);
    w.kv(0, "Namespace", &m.namespace);
    w.kv(0, "Selector", selector_text(&r.spec.selector));
    w.labels(0, "Labels", &m.labels);
    w.annotations(0, &m.annotations);
    owner(&mut w, m);
    w.kv(
        0,
        "Replicas",
        format!(
            "{} current / {} desired",
            r.status.replicas, r.spec.replicas
        ),
    );
    w.kv(0, "Pods Status", pods_status(c, m.oid));
    template(&mut w, &r.spec.template);
    w.events(c, &ObjRef::new(Kind::ReplicaSet, &m.namespace, &m.name));
    w.done()
}

fn job(c: &Cluster, j: &Job) -> String {
    let mut w = W::default();
    let m = &j.meta;
    let now = c.now();
    w.kv(0, "Name", &m.name);
    w.kv(0, "Namespace", &m.namespace);
    w.kv(
        0,
        "Selector",
        format!("batch.kubernetes.io/controller-uid={}", m.uid),
    );
    w.labels(0, "Labels", &m.labels);
    w.annotations(0, &m.annotations);
    w.kv(0, "Parallelism", j.spec.parallelism.to_string());
    w.kv(
        0,
        "Completions",
        j.spec
            .completions
            .map_or("<unset>".into(), |n| n.to_string()),
    );
    w.kv(0, "Completion Mode", "NonIndexed");
    w.kv(0, "Suspend", "false");
    w.kv(0, "Backoff Limit", j.spec.backoff_limit.to_string());
    if let Some(t) = j.status.start_ms {
        w.kv(0, "Start Time", rfc1123z(t));
        if let Some(end) = j.status.completion_ms {
            w.kv(0, "Completed At", rfc1123z(end));
        }
        w.kv(
            0,
            "Duration",
            human_duration(j.status.completion_ms.unwrap_or(now) - t),
        );
    }
    w.kv(
        0,
        "Pods Statuses",
        format!(
            "{} Active ({} Ready) / {} Succeeded / {} Failed",
            j.status.active, j.status.ready, j.status.succeeded, j.status.failed
        ),
    );
    template(&mut w, &j.spec.template);
    w.kv(0, "Status", job_status(j));
    w.events(c, &ObjRef::new(Kind::Job, &m.namespace, &m.name));
    w.done()
}

fn service(c: &Cluster, s: &Service) -> String {
    let mut w = W::default();
    let m = &s.meta;
    w.kv(0, "Name", &m.name);
    w.kv(0, "Namespace", &m.namespace);
    w.labels(0, "Labels", &m.labels);
    w.annotations(0, &m.annotations);
    w.kv(0, "Selector", labels_text(&s.spec.selector));
    w.kv(0, "Type", s.spec.service_type.name());
    w.kv(0, "IP Family Policy", "SingleStack");
    w.kv(0, "IP Families", "IPv4");
    w.kv(0, "IP", s.cluster_ip());
    w.kv(0, "IPs", s.cluster_ip());
    let ep = c.store().endpoints().find(&m.namespace, &m.name);
    for p in &s.spec.ports {
        w.kv(
            0,
            "Port",
            format!(
                "{}  {}/{}",
                p.name.as_deref().unwrap_or("<unset>"),
                p.port,
                p.protocol.name()
            ),
        );
        let target = match &p.target_port {
            PortRef::Number(n) => n.to_string(),
            PortRef::Name(n) => n.clone(),
        };
        w.kv(0, "TargetPort", format!("{target}/{}", p.protocol.name()));
        if let Some(np) = p.node_port {
            w.kv(
                0,
                "NodePort",
                format!(
                    "{}  {np}/{}",
                    p.name.as_deref().unwrap_or("<unset>"),
                    p.protocol.name()
                ),
            );
        }
        w.kv(0, "Endpoints", ep.map_or("<none>".into(), endpoints_text));
    }
    w.kv(0, "Session Affinity", "None");
    w.kv(0, "Internal Traffic Policy", "Cluster");
    w.events(c, &ObjRef::new(Kind::Service, &m.namespace, &m.name));
    w.done()
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
