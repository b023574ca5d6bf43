//! `describe pod` (kubectl pkg/describe: describePod).

use super::*;

/// kubectl's `translateTimestampSince` (apimachinery HumanDuration) of a
/// timestamp (whole seconds): an instant two seconds or more in the future
/// is `<invalid>`, a closer one `0s`.
fn since(now: u64, t: u64) -> String {
    let t = t / 1000 * 1000;
    if t > now + 1999 {
        "<invalid>".into()
    } else if t > now {
        "0s".into()
    } else {
        human_duration(now - t)
    }
}

pub(super) fn pod(c: &Cluster, p: &Pod) -> String {
    let mut w = W::default();
    let m = &p.meta;
    w.kv(0, "Name", &m.name);
    w.kv(0, "Namespace", &m.namespace);
    if let Some(prio) = p.spec.priority {
        w.kv(0, "Priority", prio.to_string());
    }
    if let Some(pc) = &p.spec.priority_class_name {
        w.kv(0, "Priority Class Name", pc);
    }
    if let Some(sa) = &p.spec.service_account_name {
        w.kv(0, "Service Account", sa);
    }
    let node = match &p.node_name {
        Some(n) => format!("{n}/{}", p.status.host_ip.as_deref().unwrap_or("")),
        None => "<none>".into(),
    };
    w.kv(0, "Node", node);
    if let Some(t) = p.status.start_ms {
        w.kv(0, "Start Time", rfc1123z(t));
    }
    w.labels(0, "Labels", &m.labels);
    w.annotations(0, &m.annotations);
    // kubectl describePod: `Terminating (lasts %s)` of
    // translateTimestampSince(deletionTimestamp), which is `<invalid>`
    // while the grace period runs (the timestamp is in the future) and the
    // time since it once it has passed (a pod evicted from a lost node).
    match m.deletion_ms {
        Some(end) if !p.status.phase.is_terminal() => {
            w.kv(
                0,
                "Status",
                format!("Terminating (lasts {})", since(c.now(), end)),
            );
            w.kv(
                0,
                "Termination Grace Period",
                format!("{}s", m.deletion_grace_s.unwrap_or(30)),
            );
        }
        _ => w.kv(0, "Status", p.status.phase.name()),
    }
    if let Some(r) = &p.status.reason {
        w.kv(0, "Reason", r);
    }
    if let Some(msg) = &p.status.message {
        w.kv(0, "Message", msg);
    }
    w.kv(0, "IP", p.status.pod_ip.as_deref().unwrap_or(""));
    match &p.status.pod_ip {
        Some(ip) => {
            w.line(0, "IPs:");
            w.kv(1, "IP", ip);
        }
        None => w.kv(0, "IPs", "<none>"),
    }
    owner(&mut w, m);
    let token = p.token_volume();
    let token = token.as_deref();
    for (title, specs, statuses) in [
        (
            "Init Containers",
            &p.spec.init_containers,
            &p.status.init_statuses,
        ),
        (
            "Containers",
            &p.spec.containers,
            &p.status.container_statuses,
        ),
    ] {
        if title == "Init Containers" && specs.is_empty() {
            continue;
        }
        w.line(0, &format!("{title}:"));
        for cs in specs {
            let st = statuses.iter().find(|s| s.name == cs.name);
            container(&mut w, false, cs, st, Some(p), token);
        }
    }
    let conds = p.status.conditions.list();
    if !conds.is_empty() {
        w.line(0, "Conditions:");
        w.line(1, "Type\tStatus");
        for (k, cond) in conds {
            // `"%v \t%v \n"`: a space before each tab and the line's end.
            w.line(1, &format!("{k} \t{} ", cond.status.name()));
        }
    }
    config::volumes(&mut w, 0, &p.spec.volumes, token);
    w.kv(0, "QoS Class", qos_class(&p.spec));
    w.labels(0, "Node-Selectors", &p.spec.node_selector);
    w.multi(0, "Tolerations", &tolerations(&p.spec));
    w.events(c, &ObjRef::new(Kind::Pod, &m.namespace, &m.name));
    w.done()
}
