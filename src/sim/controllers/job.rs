//! The Job controller: runs pods until `completions` of them succeed,
//! `parallelism` at a time, giving up after `backoffLimit` failures.
//! <https://kubernetes.io/docs/concepts/workloads/controllers/job/>

use super::emit;
use crate::sim::apiserver::ApiServer;
use crate::sim::events::{EventType, ObjRef};
use crate::sim::objects::*;
use crate::sim::store::{Res, WatchEvent};
use crate::sim::stored::*;
use std::collections::{BTreeMap, BTreeSet};

const SOURCE: &str = "job-controller";
/// Failed pods are replaced after 10 s, 20 s, 40 s ... capped at 6 minutes.
const BACKOFF_BASE_MS: u64 = 10_000;
const BACKOFF_MAX_MS: u64 = 360_000;

#[derive(Debug, Clone, Default)]
pub struct JobController {
    dirty: BTreeSet<Oid>,
    timers: BTreeMap<Oid, u64>,
}

impl JobController {
    pub fn step(&mut self, window: &[WatchEvent], api: &mut ApiServer) {
        for ev in window {
            match ev.res {
                Res::Job => {
                    self.dirty.insert(ev.oid);
                }
                Res::Pod => {
                    if let Some(owner) = ev.owner
                        && api.store().jobs().get(owner).is_some()
                    {
                        self.dirty.insert(owner);
                    }
                }
                _ => {}
            }
        }
        let now = api.now();
        let due: Vec<Oid> = self
            .timers
            .iter()
            .filter(|(_, t)| **t <= now)
            .map(|(o, _)| *o)
            .collect();
        for oid in due {
            self.timers.remove(&oid);
            self.dirty.insert(oid);
        }
        for oid in std::mem::take(&mut self.dirty) {
            if let Some(t) = sync(oid, api) {
                self.timers.insert(oid, t);
            }
        }
    }
}

fn condition(kind: &'static str, reason: &str, message: &str, now: u64) -> JobCondition {
    JobCondition {
        kind,
        cond: Condition::new(CondStatus::True, now).with(reason, message),
    }
}

/// Returns when the job wants to be looked at again (back-off, deadline).
fn sync(oid: Oid, api: &mut ApiServer) -> Option<u64> {
    let job = api.store().jobs().get(oid)?.clone();
    let now = api.now();
    let object = ObjRef::new(Kind::Job, &job.meta.namespace, &job.meta.name);
    let pods: Vec<Pod> = api.store().pods_owned_by(oid).cloned().collect();
    let active: Vec<&Pod> = pods.iter().filter(|p| p.is_active()).collect();
    let mut st = job.status.clone();
    for p in &pods {
        let finished = match p.status.phase {
            Phase::Succeeded => &mut st.succeeded,
            Phase::Failed => &mut st.failed,
            _ => continue,
        };
        if st.counted.insert(p.meta.oid) {
            *finished += 1;
        }
    }
    let (succeeded, failed) = (st.succeeded, st.failed);
    st.start_ms.get_or_insert(now);
    st.ready = active.iter().filter(|p| p.is_ready()).count() as u32;
    let mut wake = None;
    if !st.is_finished() {
        let completions = job.spec.completions;
        let done = match completions {
            Some(c) => succeeded >= c,
            None => succeeded >= 1 && active.is_empty(),
        };
        let on_failure_restarts: u32 =
            if job.spec.template.spec.restart_policy == RestartPolicy::OnFailure {
                active.iter().map(|p| p.restarts()).sum()
            } else {
                0
            };
        let limit = job.spec.backoff_limit;
        let over_limit = failed > limit
            || (job.spec.template.spec.restart_policy == RestartPolicy::OnFailure
                && if limit == 0 {
                    on_failure_restarts > 0
                } else {
                    on_failure_restarts >= limit
                });
        let deadline = job
            .spec
            .active_deadline_seconds
            .map(|s| st.start_ms.unwrap_or(now) + s * 1000);
        if done {
            let msg = "Reached expected number of succeeded pods";
            st.conditions.push(condition(
                "SuccessCriteriaMet",
                "CompletionsReached",
                msg,
                now,
            ));
            st.conditions
                .push(condition("Complete", "CompletionsReached", msg, now));
            st.completion_ms = Some(now);
            emit(
                api,
                SOURCE,
                EventType::Normal,
                object,
                "Completed",
                "Job completed".into(),
            );
        } else if over_limit || deadline.is_some_and(|d| now >= d) {
            let (reason, msg) = if over_limit {
                (
                    "BackoffLimitExceeded",
                    "Job has reached the specified backoff limit",
                )
            } else {
                (
                    "DeadlineExceeded",
                    "Job was active longer than specified deadline",
                )
            };
            st.conditions
                .push(condition("FailureTarget", reason, msg, now));
            st.conditions.push(condition("Failed", reason, msg, now));
            // The running pods are killed; a pod that ends without
            // succeeding counts as failed (a pod restarted under OnFailure
            // included).
            // https://kubernetes.io/docs/concepts/workloads/controllers/job/#pod-backoff-failure-policy
            for p in &active {
                let _ = api.delete_pod(p.meta.oid, None);
                if st.counted.insert(p.meta.oid) {
                    st.failed += 1;
                }
            }
            emit(api, SOURCE, EventType::Warning, object, reason, msg.into());
        } else {
            let remaining = match completions {
                Some(c) => c.saturating_sub(succeeded),
                None if succeeded > 0 => 0,
                None => job.spec.parallelism,
            };
            let want = job.spec.parallelism.min(remaining) as usize;
            // Back-off after failures: from the most recent one.
            let last_failure = pods
                .iter()
                .filter(|p| p.status.phase == Phase::Failed)
                .filter_map(|p| {
                    p.status
                        .container_statuses
                        .iter()
                        .filter_map(|c| match &c.state {
                            ContainerState::Terminated(t) => Some(t.finished_ms),
                            _ => None,
                        })
                        .max()
                })
                .max();
            let not_before = match (failed, last_failure) {
                (0, _) | (_, None) => 0,
                (n, Some(t)) => t + (BACKOFF_BASE_MS << (n - 1).min(10)).min(BACKOFF_MAX_MS),
            };
            if active.len() < want {
                if now < not_before {
                    wake = Some(not_before);
                } else {
                    create_pods(api, &job, want - active.len(), &object);
                }
            }
            wake = match (wake, deadline) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            };
        }
    }
    st.active = api
        .store()
        .pods_owned_by(oid)
        .filter(|p| p.is_active())
        .count() as u32;
    api.update::<Job>(oid, |j| j.status = st);
    wake
}

fn create_pods(api: &mut ApiServer, job: &Job, n: usize, object: &ObjRef) {
    let owner = OwnerRef::new(Kind::Job, &job.meta.name, &job.meta.uid, job.meta.oid);
    let namespace = &job.meta.namespace;
    super::create_pods(api, SOURCE, &job.spec.template, namespace, owner, object, n);
}
