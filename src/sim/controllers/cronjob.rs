//! The CronJob controller: at each scheduled time (in simulated time, in
//! the CronJob's time zone) it creates a Job named `<cronjob>-<minutes
//! since 1970>`, unless the CronJob is suspended or the last Job still runs
//! under `concurrencyPolicy: Forbid` (`Replace` deletes it first). Finished
//! Jobs beyond `successfulJobsHistoryLimit` / `failedJobsHistoryLimit` are
//! deleted, oldest first.
//! <https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/>
//! (pkg/controller/cronjob/cronjob_controllerv2.go)

use super::emit;
use crate::sim::apiserver::ApiServer;
use crate::sim::clock::EPOCH_UNIX_SECS;
use crate::sim::cron::Schedule;
use crate::sim::events::{EventType, ObjRef};
use crate::sim::objects::*;
use crate::sim::store::{Res, WatchEvent};
use crate::sim::stored::*;
use std::collections::{BTreeMap, BTreeSet};

const SOURCE: &str = "cronjob-controller";
pub const SCHEDULED_ANNOTATION: &str = "batch.kubernetes.io/cronjob-scheduled-timestamp";

#[derive(Debug, Clone, Default)]
pub struct CronJobController {
    dirty: BTreeSet<Oid>,
    /// When each CronJob is next due.
    due: BTreeMap<Oid, u64>,
}

impl CronJobController {
    pub fn step(&mut self, window: &[WatchEvent], api: &mut ApiServer) {
        for ev in window {
            match ev.res {
                Res::CronJob => {
                    self.dirty.insert(ev.oid);
                }
                Res::Job => {
                    if let Some(owner) = ev.owner
                        && api.store().cronjobs().get(owner).is_some()
                    {
                        self.dirty.insert(owner);
                    }
                }
                _ => {}
            }
        }
        let now = api.now();
        let due: Vec<Oid> = self
            .due
            .iter()
            .filter(|(_, t)| **t <= now)
            .map(|(o, _)| *o)
            .collect();
        for oid in due {
            self.due.remove(&oid);
            self.dirty.insert(oid);
        }
        for oid in std::mem::take(&mut self.dirty) {
            match sync(oid, api) {
                Some(t) => {
                    self.due.insert(oid, t);
                }
                None => {
                    self.due.remove(&oid);
                }
            }
        }
    }
}

/// The Job name for a run scheduled at `ms`: `<cronjob>-<unix minutes>`.
pub fn job_name(cronjob: &str, ms: u64) -> String {
    format!("{cronjob}-{}", EPOCH_UNIX_SECS / 60 + ms / 60_000)
}

fn finished(j: &Job) -> Option<&'static str> {
    if j.status.has("Complete") {
        Some("Complete")
    } else if j.status.has("Failed") {
        Some("Failed")
    } else {
        None
    }
}

/// Reconcile one CronJob; returns when its next run is due.
fn sync(oid: Oid, api: &mut ApiServer) -> Option<u64> {
    let cj = api.store().cronjobs().get(oid)?.clone();
    let now = api.now();
    let object = ObjRef::new(Kind::CronJob, &cj.meta.namespace, &cj.meta.name);
    let jobs: Vec<Job> = api
        .store()
        .children(Res::Job, oid)
        .filter_map(|o| api.store().jobs().get(o).cloned())
        .collect();
    let mut status = cj.status.clone();
    // Jobs that finished since the last look.
    for j in &jobs {
        if let Some(cond) = finished(j)
            && status.active.contains(&j.meta.name)
        {
            status.active.retain(|n| *n != j.meta.name);
            emit(
                api,
                SOURCE,
                EventType::Normal,
                object.clone(),
                "SawCompletedJob",
                format!("Saw completed job: {}, condition: {cond}", j.meta.name),
            );
            if cond == "Complete" {
                status.last_successful_ms = j.status.completion_ms.or(Some(now));
            }
        }
    }
    status.active.retain(|n| {
        jobs.iter()
            .any(|j| j.meta.name == *n && finished(j).is_none())
    });
    let schedule = Schedule::parse(&cj.spec.schedule, cj.spec.time_zone.as_deref()).ok()?;
    let since = status.last_schedule_ms.unwrap_or(cj.meta.creation_ms);
    // The most recent time the schedule passed, if any since `since`.
    let mut scheduled = None;
    let mut t = since;
    for _ in 0..100 {
        match schedule.next_after(t) {
            Some(next) if next <= now => {
                scheduled = Some(next);
                t = next;
            }
            _ => break,
        }
    }
    if let Some(at) = scheduled
        && !cj.spec.suspend
    {
        let too_late = cj
            .spec
            .starting_deadline_seconds
            .is_some_and(|d| now > at + d * 1000);
        if too_late {
            emit(
                api,
                SOURCE,
                EventType::Warning,
                object.clone(),
                "MissSchedule",
                format!(
                    "Missed scheduled time to start a job: {}",
                    crate::sim::timefmt::rfc3339(at)
                ),
            );
            status.last_schedule_ms = Some(at);
        } else {
            run(api, &cj, at, &mut status, &object);
        }
    }
    cleanup(api, &cj, oid);
    api.update::<CronJob>(oid, |c| c.status = status.clone());
    if cj.spec.suspend {
        return None;
    }
    schedule.next_after(status.last_schedule_ms.unwrap_or(since).max(now))
}

/// Start the run scheduled at `at`, as the concurrency policy allows.
fn run(api: &mut ApiServer, cj: &CronJob, at: u64, status: &mut CronJobStatus, object: &ObjRef) {
    if !status.active.is_empty() {
        match cj.spec.concurrency_policy {
            ConcurrencyPolicy::Forbid => {
                emit(
                    api,
                    SOURCE,
                    EventType::Normal,
                    object.clone(),
                    "JobAlreadyActive",
                    "Not starting job because prior execution is running and concurrency policy is Forbid".into(),
                );
                return;
            }
            ConcurrencyPolicy::Replace => {
                for name in std::mem::take(&mut status.active) {
                    if let Some(oid) = api.store().jobs().oid_of(&cj.meta.namespace, &name) {
                        api.delete::<Job>(oid);
                        emit(
                            api,
                            SOURCE,
                            EventType::Normal,
                            object.clone(),
                            "SuccessfulDelete",
                            format!("Deleted job {name}"),
                        );
                    }
                }
            }
            ConcurrencyPolicy::Allow => {}
        }
    }
    let name = job_name(&cj.meta.name, at);
    let mut meta = ObjectMeta::named(name.clone());
    meta.namespace = cj.meta.namespace.clone();
    meta.labels = cj.spec.job_template.labels.clone();
    meta.annotations = cj.spec.job_template.annotations.clone();
    meta.annotations.insert(
        SCHEDULED_ANNOTATION.into(),
        crate::sim::timefmt::rfc3339(at),
    );
    let owner = OwnerRef::new(Kind::CronJob, &cj.meta.name, &cj.meta.uid, cj.meta.oid);
    let obj = Object {
        meta,
        spec: Spec::Job(cj.spec.job_template.spec.clone()),
    };
    status.last_schedule_ms = Some(at);
    match api.create(obj, Some(owner), false) {
        Ok(_) => {
            status.active.push(name.clone());
            emit(
                api,
                SOURCE,
                EventType::Normal,
                object.clone(),
                "SuccessfulCreate",
                format!("Created job {name}"),
            );
        }
        Err(e) => emit(
            api,
            SOURCE,
            EventType::Warning,
            object.clone(),
            "FailedCreate",
            format!(
                "Error creating job: {}",
                e.to_string()
                    .trim_start_matches("Error from server (Forbidden): ")
            ),
        ),
    }
}

/// Delete the oldest finished Jobs beyond the history limits.
fn cleanup(api: &mut ApiServer, cj: &CronJob, oid: Oid) {
    let mut done: Vec<(u64, Oid, String, &'static str)> = api
        .store()
        .children(Res::Job, oid)
        .filter_map(|o| api.store().jobs().get(o))
        .filter_map(|j| {
            finished(j).map(|c| {
                (
                    j.status
                        .completion_ms
                        .or(j.status.start_ms)
                        .unwrap_or(j.meta.creation_ms),
                    j.meta.oid,
                    j.meta.name.clone(),
                    c,
                )
            })
        })
        .collect();
    done.sort();
    let object = ObjRef::new(Kind::CronJob, &cj.meta.namespace, &cj.meta.name);
    for (cond, limit) in [
        ("Complete", cj.spec.successful_jobs_history_limit),
        ("Failed", cj.spec.failed_jobs_history_limit),
    ] {
        let of: Vec<&(u64, Oid, String, &str)> = done.iter().filter(|d| d.3 == cond).collect();
        let extra = of.len().saturating_sub(limit as usize);
        for (_, joid, name, _) in of.into_iter().take(extra) {
            api.delete::<Job>(*joid);
            emit(
                api,
                SOURCE,
                EventType::Normal,
                object.clone(),
                "SuccessfulDelete",
                format!("Deleted job {name}"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn job_names_carry_the_scheduled_minute() {
        // 2025-01-01T00:01:00Z is 28928161 minutes after 1970.
        assert_eq!(job_name("hello", 60_000), "hello-28928161");
    }
}
