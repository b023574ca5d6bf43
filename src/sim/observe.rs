//! `observe` of predict questions and the pod-phase drill: one value read
//! from the cluster, as a string (CONTRACT-sim.md).

use super::cluster::Cluster;
use super::status;
use super::stored::Phase;
use crate::quiz::spec::Observe;

const NS: &str = "default";

fn unknown_field(target: &str, field: &str, allowed: &str) -> String {
    format!("unknown field {field:?} for {target}: expected one of {allowed}")
}

impl Cluster {
    /// Read the value a predict question asks about.
    pub fn observe(&self, o: &Observe) -> Result<String, String> {
        let targets = [&o.pod, &o.pods, &o.deployment, &o.service, &o.node, &o.job]
            .iter()
            .filter(|t| t.is_some())
            .count();
        if targets != 1 {
            return Err(format!(
                "observe needs exactly one of pod, pods, deployment, service, node, job (got {targets})"
            ));
        }
        let f = o.field.as_str();
        let s = self.store();
        if let Some(name) = &o.pod {
            let pod = s
                .pods()
                .find(NS, name)
                .ok_or_else(|| format!("pods \"{name}\" not found"))?;
            return match f {
                "phase" => Ok(pod.status.phase.name().to_string()),
                "status" => Ok(status::pod_status(pod)),
                "restarts" => Ok(pod.restarts().to_string()),
                "ready" => {
                    let (r, t) = status::pod_ready(pod);
                    Ok(format!("{r}/{t}"))
                }
                "node" => Ok(pod.spec.node_name.clone().unwrap_or_default()),
                "ip" => Ok(pod.status.pod_ip.clone().unwrap_or_default()),
                _ => Err(unknown_field(
                    "pod",
                    f,
                    "phase, status, restarts, ready, node, ip",
                )),
            };
        }
        if let Some(sel) = &o.pods {
            let phase = match f {
                "running" => Some(Phase::Running),
                "pending" => Some(Phase::Pending),
                "succeeded" => Some(Phase::Succeeded),
                "failed" => Some(Phase::Failed),
                "count" => None,
                _ => {
                    return Err(unknown_field(
                        "pods",
                        f,
                        "running, pending, succeeded, failed, count",
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
                _ => Err(unknown_field("deployment", f, "ready, available, replicas")),
            };
        }
        if let Some(name) = &o.service {
            return match f {
                "endpoints" => self.endpoint_count(NS, name).map(|n| n.to_string()),
                _ => Err(unknown_field("service", f, "endpoints")),
            };
        }
        if let Some(name) = &o.node {
            let node = self
                .node(name)
                .ok_or_else(|| format!("nodes \"{name}\" not found"))?;
            return match f {
                "status" => Ok(status::node_status(node)),
                _ => Err(unknown_field("node", f, "status")),
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
        Err("nothing to observe".into())
    }
}
