//! `describe node`: conditions, capacity, the pods on it and what they request.

use super::*;

pub(super) fn node(c: &Cluster, n: &Node) -> String {
    let mut w = W::default();
    let now = c.now();
    w.kv(0, "Name", &n.meta.name);
    w.kv(
        0,
        "Roles",
        if n.is_control_plane() {
            "control-plane"
        } else {
            "<none>"
        },
    );
    w.labels(0, "Labels", &n.meta.labels);
    w.annotations(0, &n.meta.annotations);
    w.kv(0, "CreationTimestamp", rfc1123z(n.meta.creation_ms));
    let taints: Vec<String> = n
        .taints
        .iter()
        .map(|t| match &t.taint.value {
            Some(v) => format!("{}={v}:{}", t.taint.key, t.taint.effect.name()),
            None => format!("{}:{}", t.taint.key, t.taint.effect.name()),
        })
        .collect();
    w.multi(0, "Taints", &taints);
    w.kv(0, "Unschedulable", n.unschedulable.to_string());
    w.line(0, "Conditions:");
    w.line(
        1,
        "Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage",
    );
    w.line(
        1,
        "----\t------\t-----------------\t------------------\t------\t-------",
    );
    let lost = n.ready.status == CondStatus::Unknown;
    for (kind, reason, msg) in [
        (
            "MemoryPressure",
            "KubeletHasSufficientMemory",
            "kubelet has sufficient memory available",
        ),
        (
            "DiskPressure",
            "KubeletHasNoDiskPressure",
            "kubelet has no disk pressure",
        ),
        (
            "PIDPressure",
            "KubeletHasSufficientPID",
            "kubelet has sufficient PID available",
        ),
    ] {
        let mut since = n.meta.creation_ms;
        let (st, r, m) = if lost {
            (
                "Unknown",
                "NodeStatusUnknown",
                "Kubelet stopped posting node status.",
            )
        } else if let (Some(t), "MemoryPressure") = (n.memory_pressure, kind) {
            since = t;
            (
                "True",
                "KubeletHasInsufficientMemory",
                "kubelet has insufficient memory available",
            )
        } else {
            ("False", reason, msg)
        };
        w.line(
            1,
            &format!(
                "{kind}\t{st}\t{}\t{}\t{r}\t{m}",
                rfc1123z(n.ready.probe_ms),
                rfc1123z(since)
            ),
        );
    }
    w.line(
        1,
        &format!(
            "Ready\t{}\t{}\t{}\t{}\t{}",
            n.ready.status.name(),
            rfc1123z(n.ready.probe_ms),
            rfc1123z(n.ready.transition_ms),
            n.ready.reason.as_deref().unwrap_or(""),
            n.ready.message.as_deref().unwrap_or("")
        ),
    );
    w.line(0, "Addresses:");
    w.kv(1, "InternalIP", &n.internal_ip);
    w.kv(1, "Hostname", &n.meta.name);
    for (key, r) in [("Capacity", n.capacity), ("Allocatable", n.allocatable)] {
        w.line(0, &format!("{key}:"));
        w.kv(1, "cpu", format_cpu(r.cpu_millis));
        w.kv(1, "memory", format_bytes(r.memory_bytes));
        w.kv(1, "pods", n.max_pods.to_string());
    }
    w.line(0, "System Info:");
    w.kv(1, "Kernel Version", "6.8.0-sim");
    w.kv(1, "OS Image", "Ubuntu 24.04 LTS");
    w.kv(1, "Operating System", "linux");
    w.kv(1, "Architecture", "amd64");
    w.kv(1, "Container Runtime Version", &n.runtime_version);
    w.kv(1, "Kubelet Version", &n.kubelet_version);
    w.kv(0, "PodCIDR", &n.pod_cidr);
    w.kv(0, "PodCIDRs", &n.pod_cidr);
    let pods: Vec<&Pod> = c
        .pods_on(&n.meta.name)
        .into_iter()
        .filter(|p| !p.status.phase.is_terminal())
        .collect();
    w.kv(
        0,
        "Non-terminated Pods",
        format!("({} in total)", pods.len()),
    );
    let (mut cpu, mut mem, mut lcpu, mut lmem) = (0, 0, 0, 0);
    if !pods.is_empty() {
        w.line(
            1,
            "Namespace\tName\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge",
        );
        w.line(
            1,
            "---------\t----\t------------\t----------\t---------------\t-------------\t---",
        );
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
            let a = n.allocatable;
            w.line(
                1,
                &format!(
                    "{}\t{}\t{} ({}%)\t{} ({}%)\t{} ({}%)\t{} ({}%)\t{}",
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
    }
    w.line(0, "Allocated resources:");
    w.line(
        1,
        "(Total limits may be over 100 percent, i.e., overcommitted.)",
    );
    w.line(1, "Resource\tRequests\tLimits");
    w.line(1, "--------\t--------\t------");
    let a = n.allocatable;
    w.line(
        1,
        &format!(
            "cpu\t{} ({}%)\t{} ({}%)",
            format_cpu(cpu),
            percent(cpu, a.cpu_millis),
            format_cpu(lcpu),
            percent(lcpu, a.cpu_millis)
        ),
    );
    w.line(
        1,
        &format!(
            "memory\t{} ({}%)\t{} ({}%)",
            format_bytes(mem),
            percent(mem, a.memory_bytes),
            format_bytes(lmem),
            percent(lmem, a.memory_bytes)
        ),
    );
    w.events(c, &ObjRef::new(Kind::Node, "", &n.meta.name));
    w.done()
}
