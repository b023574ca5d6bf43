//! `describe namespace|daemonset|endpointslice` (kubectl pkg/describe:
//! describeNamespace, describeDaemonSet, describeEndpointSliceV1).

use super::*;

pub(super) fn namespace(c: &Cluster, n: &Namespace) -> String {
    let mut w = W::default();
    w.kv(0, "Name", &n.meta.name);
    w.labels(0, "Labels", &n.meta.labels);
    w.annotations(0, &n.meta.annotations);
    w.kv(0, "Status", n.phase.name());
    if !n.conditions.is_empty() {
        w.line(0, "Conditions:");
        w.line(1, "Type\tStatus\tLastTransitionTime\tReason\tMessage");
        w.line(1, "----\t------\t------------------\t------\t-------");
        for c in &n.conditions {
            w.line(
                1,
                &format!(
                    "{}\t{}\t{}\t{}\t{}",
                    c.kind,
                    c.cond.status.name(),
                    rfc1123z(c.cond.transition_ms),
                    c.cond.reason().unwrap_or(""),
                    c.cond.message().unwrap_or("")
                ),
            );
        }
    }
    w.line(0, "");
    quotas(&mut w, c, &n.meta.name);
    w.line(0, "");
    limit_ranges(&mut w, c, &n.meta.name);
    w.done()
}

/// DescribeResourceQuotas: each quota's hard limits and use, by name.
fn quotas(w: &mut W, c: &Cluster, ns: &str) {
    let list: Vec<&ResourceQuota> = c.store().resourcequotas().in_namespace(ns).collect();
    if list.is_empty() {
        w.line(0, "No resource quota.");
        return;
    }
    w.line(0, "Resource Quotas");
    for q in list {
        w.kv(1, "Name", &q.meta.name);
        if !q.spec.scopes.is_empty() {
            let mut scopes = q.spec.scopes.clone();
            scopes.sort();
            w.kv(1, "Scopes", scopes.join(", "));
        }
        w.line(1, "Resource\tUsed\tHard");
        w.line(1, "--------\t---\t---");
        for (k, hard) in &q.status.hard {
            let used = q.status.used.get(k).copied().unwrap_or(0);
            w.line(
                1,
                &format!(
                    "{k}\t{}\t{}",
                    crate::sim::kinds::format_amount(k, used),
                    crate::sim::kinds::format_amount(k, *hard)
                ),
            );
        }
    }
}

/// DescribeLimitRanges: one table for every LimitRange, rows indented by
/// one space.
fn limit_ranges(w: &mut W, c: &Cluster, ns: &str) {
    let list: Vec<&LimitRange> = c.store().limitranges().in_namespace(ns).collect();
    if list.is_empty() {
        w.line(0, "No LimitRange resource.");
        return;
    }
    w.line(0, "Resource Limits");
    w.line(
        0,
        " Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio",
    );
    w.line(
        0,
        " ----\t--------\t---\t---\t---------------\t-------------\t-----------------------",
    );
    for l in list {
        super::part2::limit_rows(w, " ", l);
    }
}

pub(super) fn daemonset(c: &Cluster, d: &DaemonSet) -> String {
    let mut w = W::default();
    let m = &d.meta;
    w.kv(0, "Name", &m.name);
    w.kv(0, "Namespace", &m.namespace);
    w.kv(0, "Selector", selector_text(&d.spec.selector));
    w.kv(
        0,
        "Node-Selector",
        labels_text(&d.spec.template.spec.node_selector),
    );
    w.labels(0, "Labels", &m.labels);
    w.annotations(0, &m.annotations);
    let st = &d.status;
    for (key, n) in [
        (
            "Desired Number of Nodes Scheduled",
            st.desired_number_scheduled,
        ),
        (
            "Current Number of Nodes Scheduled",
            st.current_number_scheduled,
        ),
        (
            "Number of Nodes Scheduled with Up-to-date Pods",
            st.updated_number_scheduled,
        ),
        (
            "Number of Nodes Scheduled with Available Pods",
            st.number_available,
        ),
        ("Number of Nodes Misscheduled", st.number_misscheduled),
    ] {
        // Written without a tab in kubectl: these keys are not aligned.
        w.line(0, &format!("{key}: {n}"));
    }
    w.kv(0, "Pods Status", pods_status(c, m.oid));
    template(&mut w, &d.spec.template);
    w.events(c, &ObjRef::new(Kind::DaemonSet, &m.namespace, &m.name));
    w.done()
}

pub(super) fn endpointslice(c: &Cluster, e: &EndpointSlice) -> String {
    let mut w = W::default();
    let m = &e.meta;
    w.kv(0, "Name", &m.name);
    w.kv(0, "Namespace", &m.namespace);
    w.labels(0, "Labels", &m.labels);
    w.annotations(0, &m.annotations);
    w.kv(0, "AddressType", "IPv4");
    if e.ports.is_empty() {
        w.line(0, "Ports: <unset>");
    } else {
        w.line(0, "Ports:");
        w.line(1, "Name\tPort\tProtocol");
        w.line(1, "----\t----\t--------");
        for p in &e.ports {
            w.line(
                1,
                &format!(
                    "{}\t{}\t{}",
                    p.name
                        .as_deref()
                        .filter(|n| !n.is_empty())
                        .unwrap_or("<unset>"),
                    p.port,
                    p.protocol.name()
                ),
            );
        }
    }
    if e.endpoints.is_empty() {
        w.line(0, "Endpoints: <none>");
    } else {
        w.line(0, "Endpoints:");
        for ep in &e.endpoints {
            w.kv(1, "- Addresses", &ep.address);
            w.line(2, "Conditions:");
            w.kv(3, "Ready", ep.ready.to_string());
            w.kv(2, "Hostname", "<unset>");
            if !ep.pod.is_empty() {
                w.kv(2, "TargetRef", format!("Pod/{}", ep.pod));
            }
            w.kv(2, "NodeName", ep.node.as_deref().unwrap_or("<unset>"));
            w.kv(2, "Zone", "<unset>");
        }
    }
    w.events(c, &ObjRef::new(Kind::EndpointSlice, &m.namespace, &m.name));
    w.done()
}
