//! What the kubelet reports for a pod: phase, conditions, container
//! states; when it must look again; and the containers' logs.

use super::*;

impl Worker {
    /// The next time something will happen without outside input.
    pub fn next_wake(&self, now: u64) -> Option<u64> {
        let mut t: Option<u64> = None;
        let mut at = |x: u64| {
            if x > now {
                t = Some(t.map_or(x, |y| y.min(x)));
            }
        };
        if let Some(term) = self.terminating {
            at(term.kill_at);
            if let Some(s) = term.stopped_at {
                at(s + TEARDOWN_MS);
            }
        }
        for c in self.init.iter().chain(&self.app) {
            match &c.state {
                CState::Pulling { done_at, .. } => at(*done_at),
                CState::PullFailed {
                    failed_at,
                    retry_at,
                    backoff_shown,
                    ..
                } => {
                    if !backoff_shown {
                        at(failed_at + 1000);
                    }
                    at(*retry_at);
                }
                CState::NeverPull { retry_at, .. } => at(*retry_at),
                CState::Running { exit_at } => {
                    if let Some((x, _)) = exit_at {
                        at(*x);
                    }
                    at(c.ready_at);
                    if let Some(t) =
                        c.x.as_ref()
                            .and_then(|x| x.probes.as_ref())
                            .and_then(|p| p.next_tick())
                    {
                        at(self.start_ms + t);
                    }
                    if let Some(t) = self.next_file_change(c) {
                        at(t);
                    }
                }
                CState::ConfigError { retry_at, .. } => at(*retry_at),
                CState::Exited { decide_at, .. } => at(*decide_at),
                CState::BackOff { restart_at, .. } => at(*restart_at),
                CState::Waiting | CState::Done(_) => {}
            }
        }
        if let Some(t2) = self
            .vols
            .as_ref()
            .filter(|v| !v.mounted || v.has_projected())
            .and_then(|v| v.next_wake(now))
            .filter(|x| *x > now)
        {
            t = Some(t.map_or(t2, |y| y.min(t2)));
        }
        t
    }

    /// How a container ended for good, if it did.
    pub(super) fn final_exit<'a>(&self, c: &'a Ctr) -> Option<&'a Terminated> {
        match &c.state {
            CState::Done(t) => Some(t),
            CState::Exited { term, .. } if !self.restarts(c, term.exit_code) => Some(term),
            _ => None,
        }
    }

    /// The kubelet's `getPhase`:
    /// <https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-phase>
    pub(super) fn phase(&self) -> Phase {
        if let Some(p) = self.terminal {
            return p;
        }
        for c in &self.init {
            if c.sidecar() {
                if !c.is_running() && c.restarts == 0 {
                    return Phase::Pending;
                }
                continue;
            }
            match self.final_exit(c) {
                Some(t) if t.exit_code == 0 => {}
                Some(_) => return Phase::Failed,
                None => return Phase::Pending,
            }
        }
        let (mut waiting, mut running, mut stopped, mut succeeded) = (0, 0, 0, 0);
        let mut all_final = true;
        for c in &self.app {
            if let Some(t) = self.final_exit(c) {
                stopped += 1;
                if t.exit_code == 0 {
                    succeeded += 1;
                }
                continue;
            }
            all_final = false;
            match &c.state {
                CState::Running { .. } => running += 1,
                CState::Exited { .. } | CState::BackOff { .. } => stopped += 1,
                _ if c.last_term.is_some() => stopped += 1,
                _ => waiting += 1,
            }
        }
        if waiting > 0 {
            Phase::Pending
        } else if running > 0 {
            Phase::Running
        } else if stopped > 0 && all_final {
            if stopped == succeeded {
                Phase::Succeeded
            } else {
                Phase::Failed
            }
        } else if stopped > 0 {
            Phase::Running
        } else {
            Phase::Pending
        }
    }

    pub(super) fn container_status(
        &self,
        c: &Ctr,
        now: u64,
        waiting_reason: &str,
    ) -> ContainerStatus {
        let mut last = c.last_term.clone();
        let state = match &c.state {
            CState::Waiting | CState::Pulling { shown: None, .. } => {
                ContainerState::waiting(waiting_reason)
            }
            CState::Pulling {
                shown: Some(shown), ..
            } => {
                last = shown.last.clone();
                shown.state.clone()
            }
            CState::PullFailed {
                message,
                backoff_shown,
                ..
            } => {
                if *backoff_shown {
                    // Since v1.32 the message carries the error of the
                    // last pull (kubernetes PR 127918).
                    ContainerState::Waiting {
                        reason: "ImagePullBackOff".into(),
                        message: Some(format!(
                            "Back-off pulling image \"{}\": ErrImagePull: {message}",
                            c.spec.image
                        )),
                    }
                } else {
                    ContainerState::Waiting {
                        reason: "ErrImagePull".into(),
                        message: Some(message.clone()),
                    }
                }
            }
            CState::NeverPull { message, .. } => ContainerState::Waiting {
                reason: "ErrImageNeverPull".into(),
                message: Some(message.clone()),
            },
            CState::Running { .. } => ContainerState::Running {
                started_ms: c.started_ms,
            },
            CState::Exited { term, .. } | CState::Done(term) => {
                ContainerState::Terminated(term.clone())
            }
            CState::ConfigError { message, .. } => ContainerState::Waiting {
                reason: "CreateContainerConfigError".into(),
                message: Some(message.clone()),
            },
            // Back-off: the container that just exited is the last state
            // (pkg/kubelet/kubelet_pods.go `convertToAPIContainerStatuses`).
            CState::BackOff { term, .. } => {
                last = Some(term.clone());
                ContainerState::Waiting {
                    reason: "CrashLoopBackOff".into(),
                    message: Some(format!(
                        "back-off {} restarting failed container={} pod={}_{}({})",
                        go_duration(c.backoff.delay_ms()),
                        c.spec.name,
                        self.id.name,
                        self.id.ns,
                        self.id.uid
                    )),
                }
            }
        };
        let running = c.is_running();
        let probes = c.x.as_ref().and_then(|x| x.probes.as_ref());
        let started = running && probes.is_none_or(|p| p.started(c.restarts));
        let probe_ready = probes.is_none_or(|p| p.ready(c.restarts));
        ContainerStatus {
            name: c.spec.name.clone(),
            image: c.status_image(),
            image_id: c.image_id(),
            container_id: c.container_id(),
            // A terminating container stays ready while it runs: the kubelet
            // keeps probing readiness during termination (only liveness and
            // startup stop), so `kubectl get pods` shows 1/1 Terminating
            // (pkg/kubelet/prober/worker.go, prober_manager.go UpdatePodStatus).
            ready: started && probe_ready && now >= c.ready_at,
            started,
            state,
            last_state: last,
            restart_count: c.restarts,
        }
    }

    /// The status to report for `pod`.
    pub fn status(&self, pod: &Pod, host_ip: &Arc<str>, now: u64) -> PodStatus {
        let phase = self.phase();
        let mut st = PodStatus {
            phase,
            reason: None,
            message: None,
            conditions: pod.status.conditions.clone(),
            host_ip: Some(host_ip.clone()),
            pod_ip: self.sandbox_ip.clone(),
            start_ms: Some(self.start_ms),
            init_statuses: Vec::new(),
            container_statuses: Vec::new(),
        };
        if let Some(m) = &self.evicted {
            st.reason = Some("Evicted".into());
            st.message = Some(m.clone());
        }
        st.init_statuses = self
            .init
            .iter()
            .map(|c| self.container_status(c, now, "PodInitializing"))
            .collect();
        // With init containers the default waiting reason is PodInitializing.
        let app_waiting = if self.init.is_empty() {
            "ContainerCreating"
        } else {
            "PodInitializing"
        };
        st.container_statuses = self
            .app
            .iter()
            .map(|c| self.container_status(c, now, app_waiting))
            .collect();
        let conds = &mut st.conditions;
        set_condition(
            &mut conds.ready_to_start,
            Condition::new(
                CondStatus::from_bool(self.sandbox_done || phase.is_terminal()),
                now,
            ),
        );
        let pending_init: Vec<&str> = self
            .init
            .iter()
            .filter(|c| !(c.finished_ok() || (c.sidecar() && c.is_running())))
            .map(|c| c.spec.name.as_str())
            .collect();
        let init_cond = if pending_init.is_empty() {
            Condition::new(CondStatus::True, now)
        } else {
            Condition::new(CondStatus::False, now).with(
                "ContainersNotInitialized",
                format!(
                    "containers with incomplete status: [{}]",
                    pending_init.join(" ")
                ),
            )
        };
        set_condition(&mut conds.initialized, init_cond);
        let unready: Vec<&str> = st
            .container_statuses
            .iter()
            .filter(|c| !c.ready)
            .map(|c| c.name.as_str())
            .collect();
        let (ready, cready) = if phase.is_terminal() {
            let c = Condition::new(CondStatus::False, now).with("PodCompleted", "");
            (c.clone(), c)
        } else if unready.is_empty() {
            (
                Condition::new(CondStatus::True, now),
                Condition::new(CondStatus::True, now),
            )
        } else {
            let msg = format!("containers with unready status: [{}]", unready.join(" "));
            (
                Condition::new(CondStatus::False, now).with("ContainersNotReady", msg.clone()),
                Condition::new(CondStatus::False, now).with("ContainersNotReady", msg),
            )
        };
        set_condition(&mut conds.ready, ready);
        set_condition(&mut conds.containers_ready, cready);
        st
    }

    /// Lines a container printed (`kubectl logs`).
    pub fn logs(
        &self,
        container: Option<&str>,
        previous: bool,
        now: u64,
    ) -> Result<Vec<String>, String> {
        let c = match container {
            Some(name) => self
                .app
                .iter()
                .chain(&self.init)
                .find(|c| c.spec.name == name)
                .ok_or_else(|| format!("container {name} is not valid for pod {}", self.id.name))?,
            None => {
                if self.app.len() > 1 {
                    let names: Vec<&str> = self.app.iter().map(|c| c.spec.name.as_str()).collect();
                    return Err(format!(
                        "a container name must be specified for pod {}, choose one of: [{}]",
                        self.id.name,
                        names.join(" ")
                    ));
                }
                self.app.first().ok_or("no containers")?
            }
        };
        if previous {
            return match &c.previous {
                Some(prev) => Ok(prev.0.logs_until(prev.2 - prev.1, 200)),
                None => Err(format!(
                    "previous terminated container \"{}\" in pod \"{}\" not found",
                    c.spec.name, self.id.name
                )),
            };
        }
        match (&c.program, &c.state) {
            (Some(p), CState::Running { .. }) => Ok(p.logs_until(now - c.started_ms, 200)),
            (
                Some(p),
                CState::Exited { term, .. } | CState::Done(term) | CState::BackOff { term, .. },
            ) => Ok(p.logs_until(term.finished_ms - c.started_ms, 200)),
            (_, CState::ConfigError { .. }) => Err(format!(
                "container \"{}\" in pod \"{}\" is waiting to start: CreateContainerConfigError",
                c.spec.name, self.id.name
            )),
            (_, CState::PullFailed { .. }) => Err(format!(
                "container \"{}\" in pod \"{}\" is waiting to start: trying and failing to pull image",
                c.spec.name, self.id.name
            )),
            (_, CState::NeverPull { .. }) => Err(format!(
                "container \"{}\" in pod \"{}\" is waiting to start: image can't be pulled",
                c.spec.name, self.id.name
            )),
            // Pulled for again before a restart: the last container's logs.
            (None, CState::Pulling { shown: Some(_), .. }) if c.previous.is_some() => {
                let prev = c.previous.as_ref().expect("checked");
                Ok(prev.0.logs_until(prev.2 - prev.1, 200))
            }
            (_, CState::Waiting | CState::Pulling { .. }) | (None, _) => {
                let reason = if c.init {
                    "PodInitializing"
                } else {
                    "ContainerCreating"
                };
                Err(format!(
                    "container \"{}\" in pod \"{}\" is waiting to start: {reason}",
                    c.spec.name, self.id.name
                ))
            }
        }
    }
}
