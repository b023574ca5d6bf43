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
