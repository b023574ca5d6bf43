//! Rows of namespaces, daemonsets, endpointslices and leases (kubernetes
//! pkg/printers/internalversion: printNamespace, printDaemonSet,
//! printEndpointSlice, printLease).

use super::*;

pub(super) fn namespaces(q: &Q) -> Listing {
    let (c, s, now, names, sel) = (q.c, q.s, q.now, q.names, q.sel);
    let p = pick(s.namespaces().sorted(), names, sel, |n: &Namespace| {
        (n.meta.name.as_str(), &n.meta.labels)
    });
    let mut l = Listing::new(&["NAME", "STATUS", "AGE"]);
    for n in p.found {
        let row = vec![
            n.meta.name.clone(),
            n.phase.name().to_string(),
            age(now, n.meta.creation_ms),
        ];
        let v = q.value(|| {
            c.to_api_value(Kind::Namespace, "", &n.meta.name)
                .unwrap_or(Value::Null)
        });
        l.push(
            None,
            row,
            format!("namespace/{}", n.meta.name),
            Some(&n.meta),
            v,
        );
    }
    l.missing = p.missing;
    l
}

pub(super) fn daemonsets(q: &Q) -> Listing {
    let (c, s, now, names, wide, sel, scope) = (q.c, q.s, q.now, q.names, q.wide, q.sel, q.scope);
    let p = pick(
        s.daemonsets()
            .sorted()
            .filter(|d| in_scope(scope, &d.meta.namespace)),
        names,
        sel,
        |d: &DaemonSet| (d.meta.name.as_str(), &d.meta.labels),
    );
    let mut l = Listing::new(&[
        "NAME",
        "DESIRED",
        "CURRENT",
        "READY",
        "UP-TO-DATE",
        "AVAILABLE",
        "NODE SELECTOR",
        "AGE",
    ]);
    if wide {
        l.rows.header.extend(["CONTAINERS", "IMAGES", "SELECTOR"]);
    }
    for d in p.found {
        let st = &d.status;
        let mut row = vec![
            d.meta.name.clone(),
            st.desired_number_scheduled.to_string(),
            st.current_number_scheduled.to_string(),
            st.number_ready.to_string(),
            st.updated_number_scheduled.to_string(),
            st.number_available.to_string(),
            labels_text(&d.spec.template.spec.node_selector),
            age(now, d.meta.creation_ms),
        ];
        if wide {
            let (cn, im) = wide_containers(&d.spec.template);
            row.extend([cn, im, selector_text(&d.spec.selector)]);
        }
        let v = q.value(|| {
            c.to_api_value(Kind::DaemonSet, &d.meta.namespace, &d.meta.name)
                .unwrap_or(Value::Null)
        });
        l.push(
            q.ns_of(&d.meta.namespace).as_deref(),
            row,
            format!("daemonset.apps/{}", d.meta.name),
            Some(&d.meta),
            v,
        );
    }
    l.missing = p.missing;
    l
}

/// Up to three values, then `+ N more...`; `<unset>` for none
/// (`listWithMoreString`).
fn three_and_more(list: &[String]) -> String {
    match list.len() {
        0 => "<unset>".into(),
        n if n > 3 => format!("{} + {} more...", list[..3].join(","), n - 3),
        _ => list.join(","),
    }
}

pub(super) fn endpointslices(q: &Q) -> Listing {
    let (s, now, names, sel, scope) = (q.s, q.now, q.names, q.sel, q.scope);
    let p = pick(
        s.endpointslices()
            .sorted()
            .filter(|d| in_scope(scope, &d.meta.namespace)),
        names,
        sel,
        |d: &EndpointSlice| (d.meta.name.as_str(), &d.meta.labels),
    );
    let mut l = Listing::new(&["NAME", "ADDRESSTYPE", "PORTS", "ENDPOINTS", "AGE"]);
    for e in p.found {
        let ports: Vec<String> = e.ports.iter().map(|p| p.port.to_string()).collect();
        let addrs: Vec<String> = e.endpoints.iter().map(|x| x.address.clone()).collect();
        let row = vec![
            e.meta.name.clone(),
            "IPv4".into(),
            three_and_more(&ports),
            three_and_more(&addrs),
            age(now, e.meta.creation_ms),
        ];
        l.push(
            q.ns_of(&e.meta.namespace).as_deref(),
            row,
            format!("endpointslice.discovery.k8s.io/{}", e.meta.name),
            Some(&e.meta),
            q.value(|| crate::sim::api_value::endpointslice(e)),
        );
    }
    l.missing = p.missing;
    l
}

pub(super) fn leases(q: &Q) -> Listing {
    let (c, s, now, names, sel, scope) = (q.c, q.s, q.now, q.names, q.sel, q.scope);
    let p = pick(
        s.leases()
            .sorted()
            .filter(|d| in_scope(scope, &d.meta.namespace)),
        names,
        sel,
        |d: &Lease| (d.meta.name.as_str(), &d.meta.labels),
    );
    let mut l = Listing::new(&["NAME", "HOLDER", "AGE"]);
    for e in p.found {
        let row = vec![
            e.meta.name.clone(),
            e.holder.clone().unwrap_or_default(),
            age(now, e.meta.creation_ms),
        ];
        let v = q.value(|| {
            c.to_api_value(Kind::Lease, &e.meta.namespace, &e.meta.name)
                .unwrap_or(Value::Null)
        });
        l.push(
            q.ns_of(&e.meta.namespace).as_deref(),
            row,
            format!("lease.coordination.k8s.io/{}", e.meta.name),
            Some(&e.meta),
            v,
        );
    }
    l.missing = p.missing;
    l
}
