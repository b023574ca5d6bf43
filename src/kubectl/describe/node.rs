//! `describe node` (kubectl pkg/describe: describeNode, describeNodeLease,
//! describeNodeResource): the Lease, conditions, capacity, system info,
//! the pods on it and what they request.

use super::*;
use crate::sim::api_value::node_resources;
use crate::sim::apiserver::NODE_LEASE_NAMESPACE;
use crate::sim::events::Component;

pub(super) fn node(c: &Cluster, n: &Node) -> String {
    let mut w = W::default();
    let now = c.now();
    w.kv(0, "Name", &n.meta.name);
    w.kv(0, "Roles", n.roles());
    w.labels(0, "Labels", &n.meta.labels);
    w.annotations(0, &n.meta.annotations);
    w.kv(0, "CreationTimestamp", rfc1123z(n.meta.creation_ms));
    let mut taints: Vec<&Taint> = n.taints.iter().map(|t| &t.taint).collect();
    taints.sort_by(|a, b| (a.effect.name(), &a.key).cmp(&(b.effect.name(), &b.key)));
    let taints: Vec<String> = taints.into_iter().map(Node::taint_text).collect();
    w.multi(0, "Taints", &taints);
    w.kv(0, "Unschedulable", n.unschedulable.to_string());
    lease(&mut w, c, n);
    conditions(&mut w, n);
    w.line(0, "Addresses:");
    w.kv(1, "InternalIP", &n.internal_ip);
    w.kv(1, "Hostname", &n.meta.name);
    for key in ["Capacity", "Allocatable"] {
        w.line(0, &format!("{key}:"));
        let list = node_resources(n, key == "Capacity");
        for (name, value) in &list {
            w.kv(1, name, value);
        }
    }
    w.line(0, "System Info:");
    w.kv(1, "Machine ID", &n.machine_id);
    w.kv(1, "System UUID", &n.system_uuid);
    w.kv(1, "Boot ID", &n.boot_id);
    w.kv(1, "Kernel Version", &n.kernel_version);
    w.kv(1, "OS Image", &n.os_image);
    w.kv(1, "Operating System", "linux");
    w.kv(1, "Architecture", "amd64");
    w.kv(1, "Container Runtime Version", &n.runtime_version);
    w.kv(1, "Kubelet Version", &n.kubelet_version);
    w.kv(1, "Kube-Proxy Version", &n.kube_proxy_version);
    w.kv(0, "PodCIDR", &n.pod_cidr);
    w.kv(0, "PodCIDRs", &n.pod_cidr);
    pods(&mut w, c, n, now);
    node_events(&mut w, c, n);
    w.done()
}

fn lease(w: &mut W, c: &Cluster, n: &Node) {
    match c.store().leases().find(NODE_LEASE_NAMESPACE, &n.meta.name) {
        Some(l) => {
            w.line(0, "Lease:");
            w.kv(
                1,
                "HolderIdentity",
                l.holder.as_deref().unwrap_or("<unset>"),
            );
            w.kv(
                1,
                "AcquireTime",
                l.acquire_ms.map_or("<unset>".into(), rfc1123z),
            );
            w.kv(
                1,
                "RenewTime",
                l.renew_ms.map_or("<unset>".into(), rfc1123z),
            );
        }
        None => w.kv(
            0,
            "Lease",
            format!(
                "Failed to get lease: leases.coordination.k8s.io \"{}\" not found",
                n.meta.name
            ),
        ),
    }
}

/// The four conditions. The pressure ones change with Ready: the node
/// lifecycle controller sets them all Unknown when the kubelet goes silent,
/// and the kubelet reports them all again when it is back.
fn conditions(w: &mut W, n: &Node) {
    w.line(0, "Conditions:");
    w.line(
        1,
        "Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage",
    );
    w.line(
        1,
        "----\t------\t-----------------\t------------------\t------\t-------",
    );
    for (kind, c) in crate::sim::api_value::node_conditions(n) {
        w.line(
            1,
            &format!(
                "{kind} \t{} \t{} \t{} \t{} \t{}",
                c.status.name(),
                rfc1123z(c.probe_ms),
                rfc1123z(c.transition_ms),
                c.reason().unwrap_or(""),
                c.message().unwrap_or("")
            ),
        );
    }
}

/// `Non-terminated Pods` (the pods on the node that have not finished, in
/// the order the API lists them) and `Allocated resources`.
fn pods(w: &mut W, c: &Cluster, n: &Node, now: u64) {
    let mut pods: Vec<&Pod> = c
        .pods_on(&n.meta.name)
        .into_iter()
        .filter(|p| !p.status.phase.is_terminal())
        .collect();
    pods.sort_by(|a, b| (&a.meta.namespace, &a.meta.name).cmp(&(&b.meta.namespace, &b.meta.name)));
    w.kv(
        0,
        "Non-terminated Pods",
        format!("({} in total)", pods.len()),
    );
    w.line(
        1,
        "Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge",
    );
    w.line(
        1,
        "---------\t----\t\t------------\t----------\t---------------\t-------------\t---",
    );
    let a = n.allocatable;
    let (mut cpu, mut mem, mut lcpu, mut lmem) = (0, 0, 0, 0);
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
        w.line(
            1,
            &format!(
                "{}\t{}\t\t{} ({}%)\t{} ({}%)\t{} ({}%)\t{} ({}%)\t{}",
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
    w.line(0, "Allocated resources:");
    w.line(
        1,
        "(Total limits may be over 100 percent, i.e., overcommitted.)",
    );
    w.line(1, "Resource\tRequests\tLimits");
    w.line(1, "--------\t--------\t------");
    for (name, req, lim, whole) in [
        (
            "cpu",
            format_cpu(cpu),
            format_cpu(lcpu),
            (cpu, lcpu, a.cpu_millis),
        ),
        (
            "memory",
            format_bytes(mem),
            format_bytes(lmem),
            (mem, lmem, a.memory_bytes),
        ),
        (
            "ephemeral-storage",
            "0".to_string(),
            "0".to_string(),
            (0, 0, n.ephemeral_storage_bytes),
        ),
        ("hugepages-1Gi", "0".to_string(), "0".to_string(), (0, 0, 0)),
        ("hugepages-2Mi", "0".to_string(), "0".to_string(), (0, 0, 0)),
    ] {
        let (r, l, total) = whole;
        w.line(
            1,
            &format!(
                "{name}\t{req} ({}%)\t{lim} ({}%)",
                percent(r, total),
                percent(l, total)
            ),
        );
    }
}

/// kubectl looks up a node's events twice (by the node's uid, which the
/// controllers use, then by its name, which the kubelet uses) and sorts
/// the two lists put together.
fn node_events(w: &mut W, c: &Cluster, n: &Node) {
    let object = ObjRef::new(Kind::Node, "", &n.meta.name);
    let mut evs = c.api().log().events_for(&object);
    evs.sort_by_key(|e| (e.describe_key(), e.component == Component::Kubelet));
    w.event_rows(c.now(), &evs);
}
