//! Stopping: graceful termination, the sandbox teardown, crashes and
//! exits, and whether an exited container is restarted.

use super::*;

impl Worker {
    pub(super) fn terminate(&mut self, end: u64, cx: &mut Cx) -> bool {
        if self.terminating.is_none() {
            self.terminating = Some(end);
            for w in self.all() {
                if self.ctr(w).is_running() {
                    let (name, field) = (self.ctr(w).spec.name.clone(), self.ctr(w).field());
                    cx.event(
                        &self.id,
                        Some(field),
                        EventType::Normal,
                        "Killing",
                        format!("Stopping container {name}"),
                    );
                    let mut hops = Vec::new();
                    cx.runtime.stop_container(&name, &mut hops);
                    cx.hops(&self.id, hops);
                }
            }
        }
        // Containers that end on their own during the grace period still do.
        for w in self.all() {
            if let CState::Running {
                exit_at: Some((t, code)),
            } = self.ctr(w).state
                && t <= cx.now
            {
                self.finish(w, t, code, cx);
            }
        }
        if cx.now >= end || !self.any_running() {
            for w in self.all() {
                if self.ctr(w).is_running() {
                    self.kill(w, cx, 137);
                }
            }
            self.teardown(cx);
            cx.api.remove_pod(self.oid);
            return false;
        }
        true
    }

    pub(super) fn all(&self) -> Vec<Which> {
        (0..self.init.len())
            .map(Which::Init)
            .chain((0..self.app.len()).map(Which::App))
            .collect()
    }

    pub(super) fn teardown(&mut self, cx: &mut Cx) {
        if self.sandbox_done {
            let mut hops = Vec::new();
            cx.runtime.remove_pod_sandbox(
                &self.id.name,
                self.sandbox_ip.as_deref(),
                cx.ipam,
                &mut hops,
            );
            cx.hops(&self.id, hops);
            self.sandbox_done = false;
            // The address stays in the status of a finished pod; IPAM has it back.
        }
    }

    /// The pod was removed from the API (force delete): stop everything.
    pub fn abandon(&mut self, cx: &mut Cx) {
        for w in self.all() {
            if self.ctr(w).is_running() {
                self.kill(w, cx, 137);
            }
        }
        self.teardown(cx);
    }

    pub(super) fn kill(&mut self, w: Which, cx: &mut Cx, code: i32) {
        let now = cx.now;
        let c = self.ctr(w);
        c.state = CState::Done(Terminated {
            exit_code: code,
            reason: if code == 0 { "Completed" } else { "Error" }.to_string(),
            message: None,
            started_ms: c.started_ms,
            finished_ms: now,
            container_id: c.container_id().unwrap_or_default(),
        });
    }

    /// `fault crash`: the main process of the first running container dies.
    pub fn crash(&mut self, now: u64) -> bool {
        let Some(i) = self.app.iter().position(Ctr::is_running) else {
            return false;
        };
        self.app[i].state = CState::Running {
            exit_at: Some((now, 1)),
        };
        true
    }

    pub(super) fn finish(&mut self, w: Which, t: u64, code: i32, _cx: &mut Cx) {
        let again = self.restarts(self.app_or_init(w), code);
        let c = self.ctr(w);
        let oom = code == 137 && c.x.as_ref().is_some_and(|x| x.oom);
        let term = Terminated {
            exit_code: code,
            reason: if oom {
                "OOMKilled"
            } else if code == 0 {
                "Completed"
            } else {
                "Error"
            }
            .to_string(),
            message: None,
            started_ms: c.started_ms,
            finished_ms: t,
            container_id: c.container_id().unwrap_or_default(),
        };
        c.state = if again {
            CState::Exited {
                term,
                decide_at: t + 1000,
            }
        } else {
            CState::Done(term)
        };
    }

    pub(super) fn restarts(&self, c: &Ctr, code: i32) -> bool {
        if self.terminating.is_some() {
            return false;
        }
        if c.sidecar() {
            return true;
        }
        if c.init && code == 0 {
            return false;
        }
        match self.policy {
            RestartPolicy::Always => true,
            RestartPolicy::OnFailure => code != 0,
            RestartPolicy::Never => false,
        }
    }
}
