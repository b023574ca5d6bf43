//! `describe pod`.

use super::*;

pub(super) fn pod(c: &Cluster, p: &Pod) -> String {
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
    // kubectl: `Terminating (lasts <time until the deletion timestamp>)`
    // (translateTimestampUntil: HumanDuration, `<invalid>` once more than a
    // second past, as for a pod evicted from a lost node).
    let status = match m.deletion_ms {
        Some(end) if !p.status.phase.is_terminal() => {
            let lasts = if end >= c.now() {
                human_duration(end - c.now())
            } else if c.now() - end < 2000 {
                "0s".to_string()
            } else {
                "<invalid>".to_string()
            };
            format!("Terminating (lasts {lasts})")
        }
        _ => p.status.phase.name().to_string(),
    };
    w.kv(0, "Status", status);
    if m.deletion_ms.is_some() && !p.status.phase.is_terminal() {
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
            let st = statuses.iter().find(|s| s.name == cs.name);
            container(&mut w, 1, cs, st, Some(p));
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
    config::volumes(&mut w, 0, &p.spec.volumes);
    w.kv(0, "QoS Class", qos_class(&p.spec));
    w.kv(0, "Node-Selectors", labels_text(&p.spec.node_selector));
    w.multi(0, "Tolerations", &tolerations(&p.spec));
    w.events(c, &ObjRef::new(Kind::Pod, &m.namespace, &m.name));
    w.done()
}
