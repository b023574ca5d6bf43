//! Rows of pods, nodes, services, endpoints and events.

use super::*;

pub(super) fn pods(q: &Q) -> Listing {
    let (c, s, now, names, wide, sel, scope) = (q.c, q.s, q.now, q.names, q.wide, q.sel, q.scope);
    let p = pick(
        s.pods()
            .sorted()
            .filter(|p| in_scope(scope, &p.meta.namespace)),
        names,
        sel,
        |p: &Pod| (p.meta.name.as_str(), &p.meta.labels),
    );
    let mut l = Listing::new(&["NAME", "READY", "STATUS", "RESTARTS", "AGE"]);
    if wide {
        l.rows
            .header
            .extend(["IP", "NODE", "NOMINATED NODE", "READINESS GATES"]);
    }
    for pod in p.found {
        let (ready, total) = pod_ready(pod);
        let mut row = vec![
            pod.meta.name.clone(),
            format!("{ready}/{total}"),
            pod_status(pod),
            restarts_text(pod, now),
            age(now, pod.meta.creation_ms),
        ];
        if wide {
            row.push(pod.status.pod_ip.clone().unwrap_or_else(|| "<none>".into()));
            row.push(
                pod.spec
                    .node_name
                    .clone()
                    .unwrap_or_else(|| "<none>".into()),
            );
            row.extend(["<none>".to_string(), "<none>".to_string()]);
        }
        let v = c
            .to_api_value(Kind::Pod, &pod.meta.namespace, &pod.meta.name)
            .unwrap_or(Value::Null);
        l.push(
            q.ns_of(&pod.meta.namespace).as_deref(),
            row,
            format!("pod/{}", pod.meta.name),
            &pod.meta.labels,
            v,
        );
    }
    l.missing = p.missing;
    l
}

pub(super) fn nodes(q: &Q) -> Listing {
    let (c, s, now, names, wide, sel) = (q.c, q.s, q.now, q.names, q.wide, q.sel);
    let p = pick(s.nodes().iter(), names, sel, |n: &Node| {
        (n.meta.name.as_str(), &n.meta.labels)
    });
    let mut l = Listing::new(&["NAME", "STATUS", "ROLES", "AGE", "VERSION"]);
    if wide {
        l.rows.header.extend([
            "INTERNAL-IP",
            "EXTERNAL-IP",
            "OS-IMAGE",
            "KERNEL-VERSION",
            "CONTAINER-RUNTIME",
        ]);
    }
    for n in p.found {
        let role = if n.is_control_plane() {
            "control-plane"
        } else {
            "<none>"
        };
        let mut row = vec![
            n.meta.name.clone(),
            node_status(n),
            role.into(),
            age(now, n.meta.creation_ms),
            n.kubelet_version.clone(),
        ];
        if wide {
            row.extend([
                n.internal_ip.clone(),
                "<none>".into(),
                "Ubuntu 24.04 LTS".into(),
                "6.8.0-sim".into(),
                n.runtime_version.clone(),
            ]);
        }
        let v = c
            .to_api_value(Kind::Node, "", &n.meta.name)
            .unwrap_or(Value::Null);
        l.push(
            None,
            row,
            format!("node/{}", n.meta.name),
            &n.meta.labels,
            v,
        );
    }
    l.missing = p.missing;
    l
}

pub(super) fn services(q: &Q) -> Listing {
    let (c, s, now, names, wide, sel, scope) = (q.c, q.s, q.now, q.names, q.wide, q.sel, q.scope);
    let p = pick(
        s.services()
            .sorted()
            .filter(|d| in_scope(scope, &d.meta.namespace)),
        names,
        sel,
        |d: &Service| (d.meta.name.as_str(), &d.meta.labels),
    );
    let mut l = Listing::new(&[
        "NAME",
        "TYPE",
        "CLUSTER-IP",
        "EXTERNAL-IP",
        "PORT(S)",
        "AGE",
    ]);
    if wide {
        l.rows.header.push("SELECTOR");
    }
    for sv in p.found {
        let mut row = service_row(sv, now);
        if wide {
            row.push(labels_text(&sv.spec.selector));
        }
        let v = c
            .to_api_value(Kind::Service, &sv.meta.namespace, &sv.meta.name)
            .unwrap_or(Value::Null);
        l.push(
            q.ns_of(&sv.meta.namespace).as_deref(),
            row,
            format!("service/{}", sv.meta.name),
            &sv.meta.labels,
            v,
        );
    }
    l.missing = p.missing;
    l
}

pub(super) fn endpoints(q: &Q) -> Listing {
    let (s, now, names, sel, scope) = (q.s, q.now, q.names, q.sel, q.scope);
    let p = pick(
        s.endpoints()
            .sorted()
            .filter(|d| in_scope(scope, &d.meta.namespace)),
        names,
        sel,
        |d: &Endpoints| (d.meta.name.as_str(), &d.meta.labels),
    );
    let mut l = Listing::new(&["NAME", "ENDPOINTS", "AGE"]);
    for e in p.found {
        let row = vec![
            e.meta.name.clone(),
            endpoints_text(e),
            age(now, e.meta.creation_ms),
        ];
        l.push(
            q.ns_of(&e.meta.namespace).as_deref(),
            row,
            format!("endpoints/{}", e.meta.name),
            &e.meta.labels,
            crate::sim::api_value::endpoints(e),
        );
    }
    l.missing = p.missing;
    l
}

pub(super) fn events(q: &Q) -> Listing {
    let (c, now, names, scope) = (q.c, q.now, q.names, q.scope);
    let mut l = Listing::new(&["LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE"]);
    let mut evs: Vec<_> = c
        .events()
        .filter(|e| e.involved.kind == Kind::Node || in_scope(scope, &e.involved.namespace))
        .collect();
    evs.sort_by_key(|e| (e.last_ms, e.last_seq));
    for e in evs {
        if !names.is_empty() && !names.contains(&e.involved.name) {
            continue;
        }
        let row = vec![
            age(now, e.last_ms),
            e.event_type.name().into(),
            e.reason.clone(),
            e.involved.display(),
            e.message.clone(),
        ];
        let v = crate::sim::api_value::event(c, e);
        l.push(
            q.ns_of(&e.involved.namespace).as_deref(),
            row,
            format!("event/{}", crate::sim::api_value::event_name(e)),
            &Labels::new(),
            v,
        );
    }
    l
}
