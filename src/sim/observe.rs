//! `observe` of predict questions and the pod-phase drill: one value read
//! from the cluster, as a string (the fields are listed in
//! lessons/README.md).

use super::cluster::Cluster;
use super::status;
use super::stored::*;
use crate::quiz::spec::{OBSERVE_TARGETS, Observe};

const NS: &str = "default";

fn unknown_field(target: &str, field: &str, allowed: &str) -> String {
    format!("unknown field {field:?} for {target}: expected one of {allowed}")
}

/// The last time a container of the pod ended (its `Last State`, or the
/// state it is in when that is Terminated).
fn last_terminated(pod: &Pod) -> Option<&Terminated> {
    pod.status
        .container_statuses
        .iter()
        .find_map(|c| match &c.state {
            ContainerState::Terminated(t) => Some(t),
            _ => c.last_state.as_ref(),
        })
}

impl Cluster {
    /// Read the value a predict question asks about.
    pub fn observe(&self, o: &Observe) -> Result<String, String> {
        let targets = o.target_count();
        if targets != 1 {
            return Err(format!(
                "observe needs exactly one of {OBSERVE_TARGETS} (got {targets})"
            ));
        }
        let f = o.field.as_str();
        let s = self.store();
        if let Some(name) = &o.pod {
            let pod = s
                .pods()
                .find(NS, name)
                .ok_or_else(|| format!("pods \"{name}\" not found"))?;
            return self.observe_pod(pod, f);
        }
        if let Some(sel) = &o.pods {
            let phase = match f {
                "running" => Some(Phase::Running),
                "pending" => Some(Phase::Pending),
                "succeeded" => Some(Phase::Succeeded),
                "failed" => Some(Phase::Failed),
                "count" => None,
                "ready" => return self.ready_matching(NS, sel).map(|n| n.to_string()),
                _ => {
                    return Err(unknown_field(
                        "pods",
                        f,
                        "running, pending, succeeded, failed, count, ready",
                    ));
                }
            };
            return self.pods_matching(NS, sel, phase).map(|n| n.to_string());
        }
        if let Some(name) = &o.deployment {
            let d = s
                .deployments()
                .find(NS, name)
                .ok_or_else(|| format!("deployments.apps \"{name}\" not found"))?;
            return match f {
                "ready" => Ok(d.status.ready.to_string()),
                "available" => Ok(d.status.available.to_string()),
                "replicas" => Ok(d.spec.replicas.to_string()),
                "updated" => Ok(d.status.updated.to_string()),
                "revision" => Ok(d
                    .meta
                    .annotations
                    .get(super::controllers::deployment::REVISION)
                    .cloned()
                    .unwrap_or_default()),
                "image" => Ok(d
                    .spec
                    .template
                    .spec
                    .containers
                    .first()
                    .map(|c| c.image.clone())
                    .unwrap_or_default()),
                "progressing" => Ok(d
                    .status
                    .progressing_cond
                    .as_ref()
                    .and_then(|c| c.reason.clone())
                    .unwrap_or_default()),
                _ => Err(unknown_field(
                    "deployment",
                    f,
                    "ready, available, replicas, updated, revision, image, progressing",
                )),
            };
        }
        if let Some(name) = &o.service {
            let sv = s
                .services()
                .find(NS, name)
                .ok_or_else(|| format!("services \"{name}\" not found"))?;
            let ep = s.endpoints().find(NS, name);
            return match f {
                "endpoints" => self.endpoint_count(NS, name).map(|n| n.to_string()),
                "not-ready" => Ok(ep.map_or(0, |e| e.not_ready.len()).to_string()),
                "type" => Ok(sv.spec.service_type.name().to_string()),
                "cluster-ip" => Ok(sv.cluster_ip().to_string()),
                _ => Err(unknown_field(
                    "service",
                    f,
                    "endpoints, not-ready, type, cluster-ip",
                )),
            };
        }
        if let Some(name) = &o.node {
            let node = self
                .node(name)
                .ok_or_else(|| format!("nodes \"{name}\" not found"))?;
            return match f {
                "status" => Ok(status::node_status(node)),
                // The condition's status, as the API and describe word it.
                "memory-pressure" => Ok(if node.memory_pressure.is_some() {
                    "True"
                } else {
                    "False"
                }
                .to_string()),
                _ => Err(unknown_field("node", f, "status, memory-pressure")),
            };
        }
        if let Some(name) = &o.job {
            let job = s
                .jobs()
                .find(NS, name)
                .ok_or_else(|| format!("jobs.batch \"{name}\" not found"))?;
            return match f {
                "status" => Ok(status::job_status(job).to_string()),
                "succeeded" => Ok(job.status.succeeded.to_string()),
                "failed" => Ok(job.status.failed.to_string()),
                _ => Err(unknown_field("job", f, "status, succeeded, failed")),
            };
        }
        self.observe_part2(o, f)
    }

    fn observe_pod(&self, pod: &Pod, f: &str) -> Result<String, String> {
        let first = pod.status.container_statuses.first();
        if let Some(var) = f.strip_prefix("env:") {
            return self
                .exec_readonly(
                    &pod.meta.namespace,
                    &pod.meta.name,
                    &["printenv".to_string(), var.to_string()],
                )
                .map(|out| out.trim_end().to_string());
        }
        if let Some(path) = f.strip_prefix("file:") {
            return self
                .exec_readonly(
                    &pod.meta.namespace,
                    &pod.meta.name,
                    &["cat".to_string(), path.to_string()],
                )
                .map(|out| out.trim_end().to_string());
        }
        match f {
            "phase" => Ok(pod.status.phase.name().to_string()),
            "status" => Ok(status::pod_status(pod)),
            "restarts" => Ok(pod.restarts().to_string()),
            "ready" => {
                let (r, t) = status::pod_ready(pod);
                Ok(format!("{r}/{t}"))
            }
            "node" => Ok(pod.node_name.as_deref().unwrap_or_default().to_string()),
            "ip" => Ok(pod.status.pod_ip.clone().unwrap_or_default()),
            "reason" => Ok(first
                .map(|c| match &c.state {
                    ContainerState::Waiting { reason, .. } => reason.clone(),
                    ContainerState::Terminated(t) => t.reason.clone(),
                    ContainerState::Running { .. } => String::new(),
                })
                .unwrap_or_default()),
            "last-state" => Ok(last_terminated(pod)
                .map(|t| t.reason.clone())
                .unwrap_or_default()),
            "exit-code" => Ok(last_terminated(pod)
                .map(|t| t.exit_code.to_string())
                .unwrap_or_default()),
            "qos" => Ok(status::qos_class(&pod.spec).to_string()),
            "started" => Ok(first.is_some_and(|c| c.started).to_string()),
            _ => Err(unknown_field(
                "pod",
                f,
                "phase, status, restarts, ready, node, ip, reason, last-state, exit-code, qos, started, env:NAME, file:PATH",
            )),
        }
    }

    /// What a command prints in the pod's first container now, without
    /// changing anything (it runs on a copy).
    fn exec_readonly(&self, ns: &str, pod: &str, argv: &[String]) -> Result<String, String> {
        let mut copy = self.clone();
        let out = copy.exec(ns, pod, None, argv)?;
        if out.code != 0 {
            return Ok(String::new());
        }
        Ok(out.lines.join("\n"))
    }

    fn observe_part2(&self, o: &Observe, f: &str) -> Result<String, String> {
        let s = self.store();
        if let Some(name) = &o.statefulset {
            let st = s
                .statefulsets()
                .find(NS, name)
                .ok_or_else(|| format!("statefulsets.apps \"{name}\" not found"))?;
            return match f {
                "ready" => Ok(st.status.ready.to_string()),
                "replicas" => Ok(st.spec.replicas.to_string()),
                "pods" => {
                    let mut pods: Vec<(u32, String)> = s
                        .pods_owned_by(st.meta.oid)
                        .filter_map(|p| {
                            super::controllers::statefulset::ordinal(name, &p.meta.name)
                                .map(|n| (n, p.meta.name.clone()))
                        })
                        .collect();
                    pods.sort();
                    Ok(pods
                        .into_iter()
                        .map(|(_, n)| n)
                        .collect::<Vec<_>>()
                        .join(","))
                }
                _ => Err(unknown_field("statefulset", f, "ready, replicas, pods")),
            };
        }
        if let Some(name) = &o.cronjob {
            let cj = s
                .cronjobs()
                .find(NS, name)
                .ok_or_else(|| format!("cronjobs.batch \"{name}\" not found"))?;
            let jobs: Vec<&Job> = s
                .children(super::store::Res::Job, cj.meta.oid)
                .filter_map(|j| s.jobs().get(j))
                .collect();
            return match f {
                "active" => Ok(cj.status.active.len().to_string()),
                "jobs" => Ok(jobs.len().to_string()),
                "succeeded" => Ok(jobs
                    .iter()
                    .filter(|j| j.status.has("Complete"))
                    .count()
                    .to_string()),
                "failed" => Ok(jobs
                    .iter()
                    .filter(|j| j.status.has("Failed"))
                    .count()
                    .to_string()),
                _ => Err(unknown_field(
                    "cronjob",
                    f,
                    "active, jobs, succeeded, failed",
                )),
            };
        }
        if let Some(name) = &o.pvc {
            let c = s
                .persistentvolumeclaims()
                .find(NS, name)
                .ok_or_else(|| format!("persistentvolumeclaims \"{name}\" not found"))?;
            return match f {
                "status" => Ok(c.status.phase.name().to_string()),
                "capacity" => Ok(if c.status.phase == PvcPhase::Bound {
                    crate::quantity::format_bytes(c.status.capacity_bytes)
                } else {
                    String::new()
                }),
                "storageclass" => Ok(c.spec.storage_class_name.clone().unwrap_or_default()),
                _ => Err(unknown_field("pvc", f, "status, capacity, storageclass")),
            };
        }
        if let Some(name) = &o.quota {
            let q = s
                .resourcequotas()
                .find(NS, name)
                .ok_or_else(|| format!("resourcequotas \"{name}\" not found"))?;
            let (which, res) = f
                .split_once(':')
                .ok_or_else(|| unknown_field("quota", f, "used:RESOURCE, hard:RESOURCE"))?;
            let map = match which {
                "used" => &q.status.used,
                "hard" => &q.status.hard,
                _ => return Err(unknown_field("quota", f, "used:RESOURCE, hard:RESOURCE")),
            };
            return Ok(map
                .get(res)
                .map(|v| super::objects::format_amount(res, *v))
                .unwrap_or_default());
        }
        Err("nothing to observe".into())
    }
}
