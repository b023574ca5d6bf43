//! Containers, volumes, tolerations and pod templates as `describe` prints
//! them (kubectl pkg/describe: describeContainers, describeStatus,
//! describeVolumes, DescribePodTemplate, printTolerationsMultiline).

use super::*;

fn state(w: &mut W, key: &str, s: &ContainerState) {
    match s {
        // Only the reason: describeStatus leaves the message out.
        ContainerState::Waiting { reason, .. } => {
            w.kv(2, key, "Waiting");
            if !reason.is_empty() {
                w.kv(3, "Reason", reason);
            }
        }
        ContainerState::Running { started_ms } => {
            w.kv(2, key, "Running");
            w.kv(3, "Started", rfc1123z(*started_ms));
        }
        ContainerState::Terminated(t) => terminated(w, key, t),
    }
}

fn terminated(w: &mut W, key: &str, t: &Terminated) {
    w.kv(2, key, "Terminated");
    if !t.reason.is_empty() {
        w.kv(3, "Reason", &t.reason);
    }
    if let Some(m) = t.message.as_ref().filter(|m| !m.is_empty()) {
        w.kv(3, "Message", m);
    }
    w.kv(3, "Exit Code", t.exit_code.to_string());
    w.kv(3, "Started", rfc1123z(t.started_ms));
    w.kv(3, "Finished", rfc1123z(t.finished_ms));
}

fn resources(w: &mut W, key: &str, r: Resources) {
    if r == Resources::default() {
        return;
    }
    w.line(2, &format!("{key}:"));
    if r.cpu_millis > 0 {
        w.kv(3, "cpu", format_cpu(r.cpu_millis));
    }
    if r.memory_bytes > 0 {
        w.kv(3, "memory", format_bytes(r.memory_bytes));
    }
}

/// `80/TCP`, or `53/UDP, 53/TCP` (kubectl then says `Ports:`).
fn ports(w: &mut W, c: &ContainerSpec) {
    let list = |f: &dyn Fn(&ContainerPort) -> u16| -> String {
        c.ports
            .iter()
            .map(|p| format!("{}/{}", f(p), p.protocol.name()))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let (port, host) = (list(&|p| p.container_port), list(&|_| 0));
    let none = |s: String| if s.is_empty() { "<none>".into() } else { s };
    w.kv(
        2,
        if c.ports.len() > 1 { "Ports" } else { "Port" },
        none(port),
    );
    w.kv(
        2,
        if c.ports.len() > 1 {
            "Host Ports"
        } else {
            "Host Port"
        },
        none(host),
    );
}

/// One container; `status` and `pod` are `None` in a pod template,
/// `token_volume` the service-account token volume a pod's containers mount.
pub(super) fn container(
    w: &mut W,
    template: bool,
    c: &ContainerSpec,
    status: Option<&ContainerStatus>,
    pod: Option<&Pod>,
    token_volume: Option<&str>,
) {
    // In a template the name is one space deeper.
    w.line(
        1,
        &format!("{}{}:", if template { " " } else { "" }, c.name),
    );
    if let Some(s) = status {
        w.kv(2, "Container ID", ContainerId::text(s.container_id));
    }
    w.kv(2, "Image", &c.image);
    if let Some(s) = status {
        w.kv(2, "Image ID", &s.image_id);
    }
    ports(w, c);
    for (key, list) in [("Command", &c.command), ("Args", &c.args)] {
        if !list.is_empty() {
            w.line(2, &format!("{key}:"));
            for a in list {
                for l in a.split('\n') {
                    w.line(3, l);
                }
            }
        }
    }
    if let Some(s) = status {
        state(w, "State", &s.state);
        if let Some(t) = &s.last_state {
            terminated(w, "Last State", t);
        }
        w.kv(2, "Ready", if s.ready { "True" } else { "False" });
        w.kv(2, "Restart Count", s.restart_count.to_string());
    }
    resources(w, "Limits", c.limits);
    resources(w, "Requests", c.effective_requests());
    config::probes(w, 2, c);
    config::env(w, 2, c, pod);
    config::mounts(w, 2, c, token_volume);
}

/// The service-account token's projected volume, last among a pod's
/// `Volumes:` (describeVolumes' printProjectedVolumeSource).
pub(super) fn token_volume(w: &mut W, lvl: usize, v: &str) {
    w.line(lvl + 1, &format!("{v}:"));
    let l = lvl + 2;
    w.kv(
        l,
        "Type",
        "Projected (a volume that contains injected data from multiple sources)",
    );
    w.kv(l, "TokenExpirationSeconds", "3607");
    w.kv(l, "ConfigMapName", "kube-root-ca.crt");
    w.kv(l, "Optional", "false");
    w.kv(l, "DownwardAPI", "true");
}

/// Tolerations sorted by key, as printTolerationsMultiline prints them.
pub(super) fn tolerations(spec: &PodSpec) -> Vec<String> {
    let mut list: Vec<&Toleration> = spec.tolerations.iter().collect();
    list.sort_by(|a, b| a.key.cmp(&b.key));
    list.into_iter()
        .map(|t| {
            let mut s = t.key.clone().unwrap_or_default();
            if let Some(v) = &t.value {
                s.push_str(&format!("={v}"));
            }
            if let Some(e) = t.effect {
                s.push_str(&format!(":{}", e.name()));
            }
            if t.operator == TolerationOperator::Exists && t.value.is_none() {
                // `- operator: Exists` alone tolerates everything.
                if t.key.is_some() || t.effect.is_some() {
                    s.push_str(" op=Exists");
                } else {
                    s.push_str("op=Exists");
                }
            }
            if let Some(secs) = t.toleration_seconds {
                s.push_str(&format!(" for {secs}s"));
            }
            s
        })
        .collect()
}

/// DescribePodTemplate.
pub(super) fn template(w: &mut W, t: &PodTemplate) {
    w.line(0, "Pod Template:");
    w.labels(1, "Labels", &t.labels);
    if !t.annotations.is_empty() {
        w.annotations(1, &t.annotations);
    }
    if let Some(sa) = &t.spec.service_account_name {
        w.kv(1, "Service Account", sa);
    }
    for (title, list) in [
        ("Init Containers", &t.spec.init_containers),
        ("Containers", &t.spec.containers),
    ] {
        if title == "Init Containers" && list.is_empty() {
            continue;
        }
        w.line(1, &format!("{title}:"));
        for c in list {
            container(w, true, c, None, None, None);
        }
    }
    config::volumes(w, 1, &t.spec.volumes, None);
    if let Some(pc) = &t.spec.priority_class_name {
        w.kv(1, "Priority Class Name", pc);
    }
    w.labels(1, "Node-Selectors", &t.spec.node_selector);
    w.multi(1, "Tolerations", &tolerations(&t.spec));
}

/// `Pod Template:` as `describe` and `rollout history --revision` print it.
pub fn pod_template_text(t: &PodTemplate) -> String {
    let mut w = W::default();
    template(&mut w, t);
    w.done()
}
