//! CronJob: a Job created on a schedule.
//! <https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/>

use crate::sim::objects::{JobSpec, Labels};
use crate::sim::stored::Meta;
use serde::{Deserialize, Serialize};

/// `concurrencyPolicy`: what to do when a run is due while the last one
/// still runs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ConcurrencyPolicy {
    /// Start the new Job anyway.
    #[default]
    Allow,
    /// Skip the new run.
    Forbid,
    /// Delete the running Job and start the new one.
    Replace,
}

impl ConcurrencyPolicy {
    pub fn name(self) -> &'static str {
        match self {
            ConcurrencyPolicy::Allow => "Allow",
            ConcurrencyPolicy::Forbid => "Forbid",
            ConcurrencyPolicy::Replace => "Replace",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "Allow" => Some(ConcurrencyPolicy::Allow),
            "Forbid" => Some(ConcurrencyPolicy::Forbid),
            "Replace" => Some(ConcurrencyPolicy::Replace),
            _ => None,
        }
    }
}

/// `jobTemplate`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JobTemplate {
    pub labels: Labels,
    pub annotations: Labels,
    pub spec: JobSpec,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CronJobSpec {
    /// Five cron fields (`*/5 * * * *`) or a macro (`@hourly`).
    pub schedule: String,
    pub time_zone: Option<String>,
    pub concurrency_policy: ConcurrencyPolicy,
    pub suspend: bool,
    pub successful_jobs_history_limit: u32,
    pub failed_jobs_history_limit: u32,
    pub starting_deadline_seconds: Option<u64>,
    pub job_template: JobTemplate,
}

impl CronJobSpec {
    pub fn new(schedule: &str, job_template: JobTemplate) -> Self {
        CronJobSpec {
            schedule: schedule.to_string(),
            time_zone: None,
            concurrency_policy: ConcurrencyPolicy::Allow,
            suspend: false,
            successful_jobs_history_limit: 3,
            failed_jobs_history_limit: 1,
            starting_deadline_seconds: None,
            job_template,
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CronJobStatus {
    /// The Jobs this CronJob runs now (names).
    pub active: Vec<String>,
    pub last_schedule_ms: Option<u64>,
    pub last_successful_ms: Option<u64>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CronJob {
    pub meta: Meta,
    pub spec: CronJobSpec,
    pub status: CronJobStatus,
}
