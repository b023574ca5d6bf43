//! Stopping: graceful termination, the sandbox teardown, crashes and
//! exits, and whether an exited container is restarted.
//!
//! A deleted pod's containers get the stop signal of their image; those
//! whose PID 1 handles it exit by themselves (nginx in well under a
//! second), the others are killed with SIGKILL (exit code 137) when the
//! grace period ends. The grace period counts from when the kubelet starts
//! stopping the pod (`pod.DeletionGracePeriodSeconds`, pkg/kubelet
//! pod_workers.go `calculateEffectiveGracePeriod`), so a pod evicted while
//! its node was lost still gets its full grace period when the node is back.
//! Containers keep reporting ready while they run: READY stays `1/1`.
//! <https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-termination>

use super::*;

impl Worker {
    /// Stop the pod (its `deletionTimestamp` is set); false once it is gone.
    pub(super) fn terminate(&mut self, grace_s: u64, cx: &mut Cx) -> bool {
        let now = cx.now;
        if self.terminating.is_none() {
            self.terminating = Some(Terminating {
                kill_at: now + grace_s * 1000,
                stopped_at: None,
            });
            for w in self.all() {
                if self.ctr(w).is_running() {
                    self.send_stop(w, grace_s, cx);
                }
            }
        }
        // Containers end by themselves (their stop signal, or their own
        // command) during the grace period.
        for w in self.all() {
            if let CState::Running {
                exit_at: Some((t, code)),
            } = self.ctr(w).state
                && t <= now
            {
                self.finish(w, t, code, cx);
            }
        }
        let mut term = self.terminating.expect("set above");
        // A later delete with a shorter grace period brings the SIGKILL
        // forward; the grace period never grows (pod_workers.go).
        term.kill_at = term.kill_at.min(now + grace_s * 1000);
        if now >= term.kill_at {
            for w in self.all() {
                if self.ctr(w).is_running() {
                    self.kill(w, cx, 137);
                }
            }
        }
        if self.any_running() {
            self.terminating = Some(term);
            return true;
        }
        let stopped = *term.stopped_at.get_or_insert(now);
        self.terminating = Some(term);
        if now < stopped + TEARDOWN_MS {
            return true;
        }
        self.teardown(cx);
        cx.api.remove_pod(self.oid);
        false
    }

    /// `Killing` ("Stopping container ..."), then the runtime's StopContainer:
    /// the image's stop signal, which PID 1 handles or ignores.
    fn send_stop(&mut self, w: Which, grace_s: u64, cx: &mut Cx) {
        let now = cx.now;
        let (name, field) = (self.ctr(w).spec.name.clone(), self.ctr(w).field());
        cx.event(
            &self.id,
            Some(field),
            EventType::Normal,
            "Killing",
            format!("Stopping container {name}"),
        );
        let spec = &self.ctr(w).spec;
        let stop = images::lookup(&spec.image).map_or(
            Stop {
                signal: "SIGTERM",
                on_stop: OnStop::Ignores,
            },
            |img| images::stop::stop(&img, &spec.command, &spec.args),
        );
        let mut hops = Vec::new();
        cx.runtime
            .stop_container(&name, stop.signal, grace_s, &mut hops);
        cx.hops(&self.id, hops);
        if let OnStop::Exits { after_ms, code } = stop.on_stop
            && let CState::Running { exit_at } = &mut self.ctr(w).state
        {
            let t = now + after_ms;
            if exit_at.is_none_or(|(x, _)| t < x) {
                *exit_at = Some((t, code));
            }
        }
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
        c.state = CState::Done(Box::new(Terminated {
            exit_code: code,
            reason: if code == 0 { "Completed" } else { "Error" }.to_string(),
            message: None,
            started_ms: c.started_ms,
            finished_ms: now,
            container_id: c.container_id(),
        }));
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
        let term = Box::new(Terminated {
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
            container_id: c.container_id(),
        });
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
