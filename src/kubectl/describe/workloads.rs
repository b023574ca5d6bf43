//! `describe deployment|replicaset|job|service`.

use super::*;

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

pub(super) fn deployment(c: &Cluster, d: &Deployment) -> String {
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
    let conds: Vec<(&str, &Condition)> = [
        ("Available", &st.available_cond),
        ("Progressing", &st.progressing_cond),
    ]
    .into_iter()
    .filter_map(|(k, c)| c.as_ref().map(|c| (k, c)))
    .collect();
    if !conds.is_empty() {
        w.line(0, "Conditions:");
        w.line(1, "Type\tStatus\tReason");
        w.line(1, "----\t------\t------");
        for (k, cond) in conds {
            w.line(
                1,
                &format!(
                    "{k} \t{}\t{}",
                    cond.status.name(),
                    cond.reason().unwrap_or("")
                ),
            );
        }
    }
    // The new ReplicaSet (its template's hash) and every old one, even
    // those scaled to 0 (deploymentutil.GetAllReplicaSets).
    let hash = crate::sim::names::template_hash(&d.spec.template);
    let mut owned: Vec<&ReplicaSet> = c
        .store()
        .replicasets()
        .in_namespace(&m.namespace)
        .filter(|r| r.meta.owner.as_ref().is_some_and(|o| o.oid == m.oid))
        .collect();
    owned.sort_by(|a, b| a.meta.name.cmp(&b.meta.name));
    let show = |r: &&ReplicaSet| {
        format!(
            "{} ({}/{} replicas created)",
            r.meta.name, r.status.replicas, r.spec.replicas
        )
    };
    let is_new = |r: &&&ReplicaSet| r.meta.labels.get("pod-template-hash") == Some(&hash);
    let old: Vec<String> = owned.iter().filter(|r| !is_new(r)).map(show).collect();
    let new: Vec<String> = owned.iter().filter(is_new).map(show).collect();
    if !old.is_empty() || !new.is_empty() {
        let or_none = |v: Vec<String>| {
            if v.is_empty() {
                "<none>".to_string()
            } else {
                v.join(", ")
            }
        };
        w.kv(0, "OldReplicaSets", or_none(old));
        w.kv(0, "NewReplicaSet", or_none(new));
    }
    w.events(c, &ObjRef::new(Kind::Deployment, &m.namespace, &m.name));
    w.done()
}

pub(super) fn replicaset(c: &Cluster, r: &ReplicaSet) -> String {
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

pub(super) fn job(c: &Cluster, j: &Job) -> String {
    let mut w = W::default();
    let m = &j.meta;
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
    }
    // Only a completed Job has a completion time: a failed one has no
    // `Completed At` and no `Duration`.
    if let Some(end) = j.status.completion_ms {
        w.kv(0, "Completed At", rfc1123z(end));
        if let Some(t) = j.status.start_ms {
            w.kv(
                0,
                "Duration",
                human_duration((end / 1000 - t / 1000) * 1000),
            );
        }
    }
    if let Some(d) = j.spec.active_deadline_seconds {
        w.kv(0, "Active Deadline Seconds", format!("{d}s"));
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
    w.events(c, &ObjRef::new(Kind::Job, &m.namespace, &m.name));
    w.done()
}

pub(super) fn service(c: &Cluster, s: &Service) -> String {
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
    // The endpoints come from the Service's EndpointSlices (kubectl reads
    // them since Endpoints was deprecated).
    let slices: Vec<&EndpointSlice> = c
        .store()
        .endpointslices()
        .in_namespace(&m.namespace)
        .filter(|e| e.service_name() == Some(m.name.as_str()))
        .collect();
    for p in &s.spec.ports {
        let name = p.name.as_deref().unwrap_or("<unset>");
        let proto = p.protocol.name();
        w.line(0, &format!("Port:\t{name}\t{}/{proto}", p.port));
        let target = match &p.target_port {
            PortRef::Number(n) => n.to_string(),
            PortRef::Name(n) => n.clone(),
        };
        w.kv(0, "TargetPort", format!("{target}/{proto}"));
        if let Some(np) = p.node_port {
            w.line(0, &format!("NodePort:\t{name}\t{np}/{proto}"));
        }
        w.kv(
            0,
            "Endpoints",
            slice_endpoints(&slices, p.name.as_deref().unwrap_or("")),
        );
    }
    w.kv(0, "Session Affinity", "None");
    if s.spec.service_type != ServiceType::ClusterIP {
        w.kv(0, "External Traffic Policy", "Cluster");
    }
    w.kv(0, "Internal Traffic Policy", "Cluster");
    w.events(c, &ObjRef::new(Kind::Service, &m.namespace, &m.name));
    w.done()
}

/// kubectl's formatEndpointSlices for one Service port, step for step:
/// the ready addresses with that port, three at most, then `+ N more...`
/// (counted from the first endpoint past the third, ready or not); empty
/// when none is ready, `<none>` without slices.
fn slice_endpoints(slices: &[&EndpointSlice], port_name: &str) -> String {
    if slices.is_empty() {
        return "<none>".into();
    }
    const MAX: usize = 3;
    let (mut list, mut more, mut count) = (Vec::new(), false, 0usize);
    let mut visit = |ep: &SliceEndpoint, port: Option<u16>| {
        if list.len() == MAX {
            more = true;
        }
        if !ep.ready {
            return;
        }
        if !more {
            list.push(match port {
                Some(p) => format!("{}:{p}", ep.address),
                None => ep.address.clone(),
            });
        }
        count += 1;
    };
    for e in slices {
        if e.ports.is_empty() {
            e.endpoints.iter().for_each(|ep| visit(ep, None));
        }
        for p in e
            .ports
            .iter()
            .filter(|p| p.name.as_deref().unwrap_or("") == port_name)
        {
            e.endpoints.iter().for_each(|ep| visit(ep, Some(p.port)));
        }
    }
    let ret = list.join(",");
    if more {
        format!("{ret} + {} more...", count.saturating_sub(MAX))
    } else {
        ret
    }
}
