//! The short status words kubectl prints, computed by kubectl's own rules
//! from the objects (the STATUS column is not the phase).

use super::stored::*;

/// The kubectl STATUS column of a pod (kubectl's `printPod`): the waiting or
/// terminated reason of a container, `Init:...` while init containers run,
/// `Completed`, `Terminating` for a pod being deleted (`Unknown` instead when
/// its `status.reason` is `NodeLost`, which no current controller sets), or
/// the phase. `kubectl get pod -o yaml` shows the phase itself.
/// <https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#container-states>
pub fn pod_status(pod: &Pod) -> String {
    let st = &pod.status;
    let mut reason = st
        .reason
        .clone()
        .unwrap_or_else(|| st.phase.name().to_string());
    let mut initializing = false;
    let n_init = pod.spec.init_containers.len();
    for (i, c) in st.init_statuses.iter().enumerate() {
        let sidecar = pod
            .spec
            .init_containers
            .get(i)
            .is_some_and(|s| s.restart_always);
        if sidecar && c.started {
            continue;
        }
        match &c.state {
            ContainerState::Terminated(t) if t.exit_code == 0 => continue,
            ContainerState::Terminated(t) => {
                reason = if t.reason.is_empty() {
                    format!("Init:ExitCode:{}", t.exit_code)
                } else {
                    format!("Init:{}", t.reason)
                };
            }
            ContainerState::Waiting { reason: r, .. }
                if !r.is_empty() && r != "PodInitializing" =>
            {
                reason = format!("Init:{r}");
            }
            _ => reason = format!("Init:{i}/{n_init}"),
        }
        initializing = true;
        break;
    }
    let initialized = st
        .conditions
        .initialized
        .as_ref()
        .is_some_and(Condition::is_true);
    if !initializing || initialized {
        let mut has_running = false;
        for c in st.container_statuses.iter().rev() {
            match &c.state {
                ContainerState::Waiting { reason: r, .. } if !r.is_empty() => reason = r.clone(),
                ContainerState::Terminated(t) if !t.reason.is_empty() => reason = t.reason.clone(),
                ContainerState::Terminated(t) => reason = format!("ExitCode:{}", t.exit_code),
                ContainerState::Running { .. } if c.ready => has_running = true,
                _ => {}
            }
        }
        if reason == "Completed" && has_running {
            reason = if pod.is_ready() {
                "Running"
            } else {
                "NotReady"
            }
            .to_string();
        }
    }
    if pod.meta.deletion_ms.is_some() {
        reason = if st.reason.as_deref() == Some("NodeLost") {
            "Unknown"
        } else {
            "Terminating"
        }
        .to_string();
    }
    reason
}

/// The kubectl READY column of a pod: (ready containers, containers).
pub fn pod_ready(pod: &Pod) -> (usize, usize) {
    let sidecars = pod
        .spec
        .init_containers
        .iter()
        .filter(|c| c.restart_always)
        .count();
    let total = pod.spec.containers.len() + sidecars;
    let ready = pod
        .status
        .container_statuses
        .iter()
        .chain(pod.status.init_statuses.iter().filter(|c| {
            pod.spec
                .init_containers
                .iter()
                .any(|s| s.name == c.name && s.restart_always)
        }))
        .filter(|c| c.ready && matches!(c.state, ContainerState::Running { .. }))
        .count();
    (ready, total)
}

/// When a container of the pod last terminated before a restart.
pub fn pod_last_restart(pod: &Pod) -> Option<u64> {
    pod.status
        .container_statuses
        .iter()
        .chain(&pod.status.init_statuses)
        .filter_map(|c| c.last_state.as_ref().map(|t| t.finished_ms))
        .max()
}

/// The kubectl STATUS column of a node: `Ready`, `NotReady`,
/// `Ready,SchedulingDisabled`.
pub fn node_status(node: &Node) -> String {
    let mut s = if node.ready.is_true() {
        "Ready"
    } else {
        "NotReady"
    }
    .to_string();
    if node.unschedulable {
        s.push_str(",SchedulingDisabled");
    }
    s
}

/// A Job's state: `Complete`, `Failed` or `Running`.
pub fn job_status(job: &Job) -> &'static str {
    if job.status.has("Complete") {
        "Complete"
    } else if job.status.has("Failed") {
        "Failed"
    } else {
        "Running"
    }
}

/// The QoS class of a pod: Guaranteed when every container sets cpu and
/// memory limits equal to its requests, BestEffort when none sets any,
/// Burstable otherwise.
/// <https://kubernetes.io/docs/concepts/workloads/pods/pod-qos/>
pub fn qos_class(spec: &crate::sim::objects::PodSpec) -> &'static str {
    let all: Vec<_> = spec
        .containers
        .iter()
        .chain(&spec.init_containers)
        .collect();
    let none = all
        .iter()
        .all(|c| c.requests == Default::default() && c.limits == Default::default());
    if none {
        return "BestEffort";
    }
    let guaranteed = all.iter().all(|c| {
        let r = c.effective_requests();
        c.limits.cpu_millis > 0
            && c.limits.memory_bytes > 0
            && r.cpu_millis == c.limits.cpu_millis
            && r.memory_bytes == c.limits.memory_bytes
    });
    if guaranteed {
        "Guaranteed"
    } else {
        "Burstable"
    }
}
