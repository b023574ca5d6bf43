//! Rows of pods, nodes, services, endpoints and events.

use super::*;
use crate::sim::events::Event;

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
            row.push(pod.node_name.as_deref().unwrap_or("<none>").to_string());
            row.extend(["<none>".to_string(), "<none>".to_string()]);
        }
        let v = q.value(|| {
            c.to_api_value(Kind::Pod, &pod.meta.namespace, &pod.meta.name)
                .unwrap_or(Value::Null)
        });
        l.push(
            q.ns_of(&pod.meta.namespace).as_deref(),
            row,
            format!("pod/{}", pod.meta.name),
            Some(&pod.meta),
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
        let mut row = vec![
            n.meta.name.clone(),
            node_status(n),
            n.roles(),
            age(now, n.meta.creation_ms),
            n.kubelet_version.clone(),
        ];
        if wide {
            row.extend([
                n.internal_ip.clone(),
                "<none>".into(),
                n.os_image.clone(),
                n.kernel_version.clone(),
                n.runtime_version.clone(),
            ]);
        }
        let v = q.value(|| {
            c.to_api_value(Kind::Node, "", &n.meta.name)
                .unwrap_or(Value::Null)
        });
        l.push(None, row, format!("node/{}", n.meta.name), Some(&n.meta), v);
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
        let v = q.value(|| {
            c.to_api_value(Kind::Service, &sv.meta.namespace, &sv.meta.name)
                .unwrap_or(Value::Null)
        });
        l.push(
            q.ns_of(&sv.meta.namespace).as_deref(),
            row,
            format!("service/{}", sv.meta.name),
            Some(&sv.meta),
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
            Some(&e.meta),
            q.value(|| crate::sim::api_value::endpoints(e)),
        );
    }
    l.missing = p.missing;
    l
}

/// `get events`: in the order the API lists them, by namespace and name
/// (which groups them by object, oldest first; not by time, kubernetes
/// issue 29838). LAST SEEN is the last occurrence.
/// <https://kubernetes.io/docs/reference/kubectl/generated/kubectl_get/>
pub(super) fn events(q: &Q) -> Listing {
    let (c, now, names, wide, scope) = (q.c, q.now, q.names, q.wide, q.scope);
    let mut l = Listing::new(&["LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE"]);
    if wide {
        l.rows.header = vec![
            "LAST SEEN",
            "TYPE",
            "REASON",
            "OBJECT",
            "SUBOBJECT",
            "SOURCE",
            "MESSAGE",
            "FIRST SEEN",
            "COUNT",
            "NAME",
        ];
    }
    let mut evs: Vec<(&str, String, &Event)> = c
        .events()
        .filter(|e| in_scope(scope, e.api_namespace()))
        .map(|e| (e.api_namespace(), e.api_name(), e))
        .collect();
    evs.sort_by(|a, b| (a.0, &a.1).cmp(&(b.0, &b.1)));
    for (ns, name, e) in evs {
        if !names.is_empty() && !names.contains(&name) {
            continue;
        }
        // The last occurrence: an `events.k8s.io` event's eventTime or
        // series, a `v1` event's lastTimestamp (printEvent).
        let last = crate::kubectl::event_age(now, e.last_ms, e.is_new_api());
        let object = format!(
            "{}/{}",
            e.involved.kind.name().to_ascii_lowercase(),
            e.involved.name
        );
        let row = if wide {
            let source = match (&e.host, e.is_new_api()) {
                (_, true) => format!("{}, {}-control-plane", e.source, e.source),
                (Some(h), false) => format!("{}, {h}", e.source),
                (None, false) => e.source.to_string(),
            };
            vec![
                last,
                e.event_type.name().into(),
                e.reason.clone(),
                object,
                e.field_path.clone().unwrap_or_default(),
                source,
                e.message.trim().to_string(),
                crate::kubectl::event_age(now, e.first_ms, e.is_new_api()),
                e.count.to_string(),
                name.clone(),
            ]
        } else {
            vec![
                last,
                e.event_type.name().into(),
                e.reason.clone(),
                object,
                e.message.trim().to_string(),
            ]
        };
        l.push(
            q.ns_of(ns).as_deref(),
            row,
            format!("event/{name}"),
            None,
            q.value(|| crate::sim::api_value::event(c, e)),
        );
    }
    l
}
