//! Run a submitted manifest against an exercise: validate, apply to a fresh
//! cluster, advance simulated time until the checks hold or time runs out.
//!
//! [`run`] does it all at once. [`Run`] does the same one sample at a time,
//! for a view that shows the cluster while it gets there.

use super::checks;
use super::disruption;
use super::recovery;
use super::report::{CheckResult, Outcome, Report};
use super::seen::{Disrupted, Recovery, Seen};
use super::spec::{Check, ExerciseSpec};
use crate::duration::parse_millis;
use crate::lang::Lang;
use crate::manifest::{self, Format};
use crate::sim::Cluster;
use crate::sim::ops::kubectl_name;
use crate::sim::setup::Setup;

/// Simulated time allowed when the exercise gives no `timeout`.
pub const DEFAULT_TIMEOUT_MS: u64 = 120_000;

/// How often (in simulated time) the checks are looked at.
pub const SAMPLE_MS: u64 = 1_000;

/// How long every check must keep holding before the run passes, so that a
/// pod that is Running or Ready for a moment and then crashes does not pass.
pub const SETTLE_MS: u64 = 5_000;

/// Run `submitted` against `spec`.
///
/// The text is validated first ([`manifest::load`]); with errors the report
/// lists them and nothing runs. Otherwise a fresh cluster is built from the
/// exercise's `setup` (else `section_setup`, the section's `cluster` block,
/// else the default cluster) with `seed`, the objects are applied, and
/// simulated time advances in steps of [`SAMPLE_MS`] until every check other
/// than `recovery` and `disruption` holds (and keeps holding for
/// [`SETTLE_MS`]) or the exercise's `timeout` (default 2m) has passed. Then,
/// in the exercise's order, each `recovery` check deletes one matching pod
/// and watches for its `within`, and each `disruption` check sends traffic
/// while its lines play.
///
/// Deterministic for a given seed; never panics.
pub fn run(
    spec: &ExerciseSpec,
    section_setup: Option<&Setup>,
    submitted: &str,
    lang: Lang,
    seed: u64,
) -> Report {
    Run::start(spec, section_setup, submitted, lang, seed).finish()
}

/// Where a run is.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Stage {
    /// Waiting for the checks other than recovery to hold together.
    Steady,
    /// Watching recovery check `index` (into the exercise's checks) after
    /// deleting `pod` at `since` (cluster time).
    Recovering {
        index: usize,
        pod: String,
        since: u64,
        within_ms: u64,
    },
    /// Playing disruption check `index`: `next` is its next `run` line,
    /// `wait_ms` what is left of a `wait` line; `before` the Service's
    /// (total, refused) counters when the traffic started.
    Disrupting {
        index: usize,
        next: usize,
        wait_ms: u64,
        before: (u64, u64),
    },
    Done,
}

/// Checks that act on the cluster once the others hold.
fn acts(check: &Check) -> bool {
    matches!(check, Check::Recovery { .. } | Check::Disruption { .. })
}

/// A run in progress: [`Run::step`] advances it by one sample, so a view
/// can draw [`Run::cluster`] in between; [`Run::finish`] runs it to the end.
#[derive(Debug, Clone)]
pub struct Run {
    spec: ExerciseSpec,
    format: Format,
    report: Report,
    cluster: Option<Cluster>,
    /// Cluster time when the objects were applied.
    start: u64,
    timeout_ms: u64,
    held_since: Option<u64>,
    stage: Stage,
    /// One slot per check of the exercise, filled as each is decided.
    results: Vec<Option<CheckResult>>,
    /// Simulated time spent watching recoveries and playing disruptions.
    recovery_ms: u64,
}

impl Run {
    /// Validate, set up the cluster and apply. The run is already done
    /// when the text is invalid, the API server refuses it, or the
    /// exercise's setup is broken.
    pub fn start(
        spec: &ExerciseSpec,
        section_setup: Option<&Setup>,
        submitted: &str,
        lang: Lang,
        seed: u64,
    ) -> Run {
        let loaded = manifest::load(submitted);
        let mut run = Run {
            spec: spec.clone(),
            format: loaded.format,
            report: Report {
                exercise: spec.id.clone(),
                lang,
                outcome: Outcome::Invalid,
                format: loaded.format,
                diagnostics: loaded.diagnostics.clone(),
                applied: Vec::new(),
                checks: Vec::new(),
                elapsed_ms: 0,
                cluster: None,
            },
            cluster: None,
            start: 0,
            timeout_ms: DEFAULT_TIMEOUT_MS,
            held_since: None,
            stage: Stage::Done,
            results: vec![None; spec.check.len()],
            recovery_ms: 0,
        };
        if loaded.has_errors() {
            return run;
        }
        match spec.timeout.as_deref().map(parse_millis) {
            None => {}
            Some(Ok(ms)) => run.timeout_ms = ms,
            Some(Err(e)) => {
                run.report.outcome = Outcome::SetupFailed(format!("timeout: {e}"));
                return run;
            }
        }
        let built = match spec.setup.as_ref().or(section_setup) {
            Some(s) => Cluster::from_setup(s, seed),
            None => Ok(Cluster::new(seed)),
        };
        let mut cluster = match built {
            Ok(c) => c,
            Err(e) => {
                run.report.outcome = Outcome::SetupFailed(e);
                return run;
            }
        };
        let mut refused = false;
        for obj in loaded.objects() {
            let (kind, name) = (obj.kind(), obj.meta.name.clone());
            match cluster.apply(obj) {
                Ok(a) => {
                    run.report
                        .applied
                        .push(format!("{} {}", kubectl_name(kind, &name), a.word()))
                }
                Err(e) => {
                    refused = true;
                    run.report.applied.push(e.to_string());
                }
            }
        }
        run.start = cluster.now();
        run.cluster = Some(cluster);
        if refused {
            run.report.outcome = Outcome::Rejected;
        } else {
            run.report.outcome = Outcome::Failed;
            run.stage = Stage::Steady;
        }
        run
    }

    /// The cluster as it is now (`None` when nothing was applied).
    pub fn cluster(&self) -> Option<&Cluster> {
        self.cluster.as_ref()
    }

    pub fn is_done(&self) -> bool {
        self.stage == Stage::Done
    }

    /// Simulated time since the objects were applied.
    pub fn elapsed_ms(&self) -> u64 {
        self.cluster
            .as_ref()
            .map_or(0, |c| c.now().saturating_sub(self.start))
    }

    /// Every check as it stands now, for a live view: those already decided
    /// as decided, the others as the cluster shows them at this moment (a
    /// recovery being watched, or not started yet, shows as not run).
    pub fn current(&self) -> Vec<CheckResult> {
        let now = self.elapsed_ms();
        self.spec
            .check
            .iter()
            .enumerate()
            .map(|(i, check)| {
                if let Some(Some(done)) = self.results.get(i) {
                    return done.clone();
                }
                let seen = match (check, &self.cluster) {
                    (Check::Recovery { running, .. }, _) => Seen::Recovery {
                        outcome: Recovery::NotRun,
                        within_ms: 0,
                        expected: *running,
                    },
                    (Check::Disruption { refused, .. }, _) => Seen::Disruption {
                        outcome: Disrupted::NotRun,
                        max_refused: *refused,
                    },
                    (_, Some(cluster)) => checks::observe(check, cluster, self.format, true),
                    (_, None) => Seen::Broken("nothing was applied".into()),
                };
                CheckResult {
                    check: check.clone(),
                    seen,
                    at_ms: now,
                }
            })
            .collect()
    }

    /// The report so far: the diagnostics and what was applied are final
    /// from the start; the checks are [`Run::current`].
    pub fn partial(&self) -> Report {
        Report {
            checks: self.current(),
            elapsed_ms: self.elapsed_ms(),
            cluster: None,
            ..self.report.clone()
        }
    }

    /// Look at the checks, then advance one sample ([`SAMPLE_MS`]) unless
    /// the run is decided. Returns whether it is done.
    pub fn step(&mut self) -> bool {
        let Some(cluster) = self.cluster.as_mut() else {
            self.stage = Stage::Done;
            return true;
        };
        let now = cluster.now() - self.start;
        match self.stage.clone() {
            Stage::Done => return true,
            Stage::Steady => {
                let all = self
                    .spec
                    .check
                    .iter()
                    .filter(|c| !acts(c))
                    .all(|c| checks::observe(c, cluster, self.format, false).holds());
                if all {
                    let since = *self.held_since.get_or_insert(now);
                    if now - since >= SETTLE_MS {
                        self.settle_steady(now);
                        self.next_active(0);
                        return self.is_done();
                    }
                } else {
                    self.held_since = None;
                    if now >= self.timeout_ms {
                        self.settle_steady(now);
                        self.skip_active();
                        return true;
                    }
                }
                cluster.advance(SAMPLE_MS);
            }
            Stage::Recovering {
                index,
                pod,
                since,
                within_ms,
            } => {
                let Check::Recovery {
                    delete, running, ..
                } = &self.spec.check[index]
                else {
                    self.stage = Stage::Done;
                    return true;
                };
                let after_ms = cluster.now() - since;
                let seen = match recovery::running_pods(cluster, delete) {
                    Err(e) => Some(Seen::Broken(e)),
                    Ok(pods) => {
                        let recovered = pods.len() == *running as usize;
                        (recovered || after_ms >= within_ms).then(|| Seen::Recovery {
                            outcome: Recovery::Watched {
                                pod,
                                after_ms,
                                running: pods.len(),
                                recovered,
                            },
                            within_ms,
                            expected: *running,
                        })
                    }
                };
                match seen {
                    Some(seen) => {
                        self.recovery_ms += after_ms;
                        self.decide(index, seen, now);
                        self.next_active(index + 1);
                        return self.is_done();
                    }
                    None => cluster.advance(SAMPLE_MS.min(within_ms - after_ms)),
                }
            }
            Stage::Disrupting {
                index,
                next,
                wait_ms,
                before,
            } => return self.disrupt(index, next, wait_ms, before),
        }
        false
    }

    /// One sample of disruption check `index`: advance through a `wait`, or
    /// play the lines up to the next `wait`, deciding the check after the
    /// last line or at a failing one.
    fn disrupt(&mut self, index: usize, mut next: usize, wait_ms: u64, before: (u64, u64)) -> bool {
        let Some(Check::Disruption {
            traffic,
            run,
            refused,
            ready,
        }) = self.spec.check.get(index).cloned()
        else {
            self.stage = Stage::Done;
            return true;
        };
        let now = self.elapsed_ms();
        let Some(cluster) = self.cluster.as_mut() else {
            self.stage = Stage::Done;
            return true;
        };
        if wait_ms > 0 {
            let step = SAMPLE_MS.min(wait_ms);
            cluster.advance(step);
            self.recovery_ms += step;
            self.stage = Stage::Disrupting {
                index,
                next,
                wait_ms: wait_ms - step,
                before,
            };
            return false;
        }
        let refused_since = |c: &Cluster| disruption::counters(c, &traffic.service).1 - before.1;
        while let Some(line) = run.get(next) {
            next += 1;
            let failed = match disruption::wait_of(line) {
                Some(Ok(ms)) => {
                    self.stage = Stage::Disrupting {
                        index,
                        next,
                        wait_ms: ms,
                        before,
                    };
                    return false;
                }
                Some(Err(e)) => Some(e),
                None => {
                    let out = crate::kubectl::execute(cluster, line);
                    (!out.ok).then(|| out.output.trim_end().to_string())
                }
            };
            if let Some(error) = failed {
                let seen = Seen::Disruption {
                    outcome: Disrupted::CommandFailed {
                        line: line.clone(),
                        error,
                        refused: refused_since(cluster),
                    },
                    max_refused: refused,
                };
                self.decide(index, seen, now);
                self.next_active(index + 1);
                return self.is_done();
            }
        }
        let (total, dropped) = disruption::counters(cluster, &traffic.service);
        let ready = ready.map(|r| {
            let seen = checks::ready(
                cluster,
                checks::NAMESPACE,
                r.selector.as_deref(),
                r.count,
                false,
            );
            match seen {
                Seen::Ready { ready, .. } => (ready, r.count),
                _ => (0, r.count),
            }
        });
        let seen = Seen::Disruption {
            outcome: Disrupted::Played {
                total: total - before.0,
                refused: dropped - before.1,
                ready,
            },
            max_refused: refused,
        };
        self.decide(index, seen, now);
        self.next_active(index + 1);
        self.is_done()
    }

    /// Step until done and give the report.
    pub fn finish(mut self) -> Report {
        while !self.step() {}
        self.report.checks = std::mem::take(&mut self.results)
            .into_iter()
            .flatten()
            .collect();
        if matches!(self.report.outcome, Outcome::Failed | Outcome::Passed) {
            self.report.outcome = if !self.report.checks.is_empty()
                && self.report.checks.iter().all(CheckResult::passed)
            {
                Outcome::Passed
            } else {
                Outcome::Failed
            };
        }
        self.report.elapsed_ms = match self.held_since {
            Some(t) => t + self.recovery_ms,
            None => self.elapsed_ms(),
        };
        self.report.cluster = self.cluster;
        self.report
    }

    fn decide(&mut self, index: usize, seen: Seen, at_ms: u64) {
        if let Some(slot) = self.results.get_mut(index) {
            *slot = Some(CheckResult {
                check: self.spec.check[index].clone(),
                seen,
                at_ms,
            });
        }
    }

    /// Record the steady checks as they are now, in detail.
    fn settle_steady(&mut self, now: u64) {
        let Some(cluster) = self.cluster.as_ref() else {
            return;
        };
        let seen: Vec<(usize, Seen)> = self
            .spec
            .check
            .iter()
            .enumerate()
            .filter(|(_, c)| !acts(c))
            .map(|(i, c)| (i, checks::observe(c, cluster, self.format, true)))
            .collect();
        for (i, s) in seen {
            self.decide(i, s, now);
        }
    }

    /// The other checks never held: the recoveries and disruptions are
    /// reported as not run.
    fn skip_active(&mut self) {
        let now = self.elapsed_ms();
        for i in 0..self.spec.check.len() {
            let seen = match &self.spec.check[i] {
                Check::Recovery {
                    within, running, ..
                } => match parse_millis(within) {
                    Ok(within_ms) => Seen::Recovery {
                        outcome: Recovery::NotRun,
                        within_ms,
                        expected: *running,
                    },
                    Err(e) => Seen::Broken(format!("within: {e}")),
                },
                Check::Disruption { refused, .. } => Seen::Disruption {
                    outcome: Disrupted::NotRun,
                    max_refused: *refused,
                },
                _ => continue,
            };
            self.decide(i, seen, now);
        }
        self.stage = Stage::Done;
    }

    /// Start the first recovery or disruption check at or after `from`,
    /// deciding at once those that cannot start; done when none is left.
    fn next_active(&mut self, from: usize) {
        for index in from..self.spec.check.len() {
            let now = self.elapsed_ms();
            let Some(cluster) = self.cluster.as_mut() else {
                break;
            };
            let (delete, within, running) = match self.spec.check[index].clone() {
                Check::Recovery {
                    delete,
                    within,
                    running,
                } => (delete, within, running),
                Check::Disruption {
                    traffic, refused, ..
                } => match disruption::begin(cluster, &traffic) {
                    Ok(before) => {
                        self.stage = Stage::Disrupting {
                            index,
                            next: 0,
                            wait_ms: 0,
                            before,
                        };
                        return;
                    }
                    Err(outcome) => {
                        let seen = Seen::Disruption {
                            outcome,
                            max_refused: refused,
                        };
                        self.decide(index, seen, now);
                        continue;
                    }
                },
                _ => continue,
            };
            let within_ms = match parse_millis(&within) {
                Ok(ms) => ms,
                Err(e) => {
                    self.decide(index, Seen::Broken(format!("within: {e}")), now);
                    continue;
                }
            };
            match recovery::begin(cluster, &delete) {
                Err(e) => self.decide(index, Seen::Broken(e), now),
                Ok(Err(outcome)) => self.decide(
                    index,
                    Seen::Recovery {
                        outcome,
                        within_ms,
                        expected: running,
                    },
                    now,
                ),
                Ok(Ok(pod)) => {
                    self.stage = Stage::Recovering {
                        index,
                        pod,
                        since: cluster.now(),
                        within_ms,
                    };
                    return;
                }
            }
        }
        self.stage = Stage::Done;
    }
}
