//! Running containers: pull (by the image pull policy), create, start, and
//! restart with back-off.
//! <https://kubernetes.io/docs/concepts/containers/images/#image-pull-policy>
//! (pkg/kubelet/images/image_manager.go `EnsureImageExists`)

use super::*;

/// The kubelet's event texts that changed between the releases the two
/// runtime paths stand for (v1.33 with containerd, v1.23 with dockershim):
/// v1.33 writes `Created container: NAME`
/// (pkg/kubelet/kuberuntime/kuberuntime_container.go `startContainer`).
fn created_message(kind: RuntimeKind, name: &str) -> String {
    match kind {
        RuntimeKind::Containerd => format!("Created container: {name}"),
        RuntimeKind::Dockershim => format!("Created container {name}"),
    }
}

/// How soon the kubelet looks again at a container whose image it may not
/// pull (its pod worker's back-off after a sync error, 10 s).
const NEVER_PULL_RETRY_MS: u64 = 10_000;

impl Worker {
    pub(super) fn drive(&mut self, w: Which, cx: &mut Cx) {
        for _ in 0..16 {
            let now = cx.now;
            let state = self.ctr(w).state.clone();
            match state {
                CState::Waiting => {
                    self.ensure_image(w, None, cx);
                    if matches!(self.ctr(w).state, CState::Waiting) {
                        return;
                    }
                }
                CState::Pulling {
                    started,
                    done_at,
                    result,
                    ..
                } if done_at <= now => self.pulled(w, started, done_at, *result, cx),
                CState::PullFailed {
                    failed_at,
                    retry_at,
                    message,
                    backoff_shown,
                } => {
                    if retry_at <= now {
                        // Retry: ImagePullBackOff stays shown while pulling.
                        let shown = self.shown(w, now);
                        self.ctr(w).state = CState::Waiting;
                        self.ensure_image(w, Some(shown), cx);
                        continue;
                    }
                    if !backoff_shown && failed_at + 1000 <= now {
                        let image = self.ctr(w).spec.image.clone();
                        let field = self.ctr(w).field();
                        cx.event(
                            &self.id,
                            Some(field.clone()),
                            EventType::Normal,
                            "BackOff",
                            format!("Back-off pulling image \"{image}\""),
                        );
                        cx.event(
                            &self.id,
                            Some(field),
                            EventType::Warning,
                            "Failed",
                            "Error: ImagePullBackOff".to_string(),
                        );
                        self.ctr(w).state = CState::PullFailed {
                            failed_at,
                            retry_at,
                            message,
                            backoff_shown: true,
                        };
                    }
                    return;
                }
                CState::NeverPull { retry_at, .. } if retry_at <= now => {
                    self.ctr(w).state = CState::Waiting;
                }
                CState::Running {
                    exit_at: Some((t, code)),
                } if t <= now => {
                    self.finish(w, t, code, cx);
                }
                CState::Exited { term, decide_at } if decide_at <= now => {
                    if !self.restarts(self.app_or_init(w), term.exit_code) {
                        self.ctr(w).state = CState::Done(term);
                        return;
                    }
                    let c = self.ctr(w);
                    match c.backoff.wait_until(term.finished_ms) {
                        Some(until) if now < until => {
                            let (name, field) = (c.spec.name.clone(), c.field());
                            c.state = CState::BackOff {
                                term,
                                restart_at: until,
                            };
                            cx.event(
                                &self.id,
                                Some(field),
                                EventType::Warning,
                                "BackOff",
                                format!(
                                    "Back-off restarting failed container {name} in pod {}_{}({})",
                                    self.id.name, self.id.ns, self.id.uid
                                ),
                            );
                            return;
                        }
                        _ => self.restart(w, term, cx),
                    }
                }
                CState::BackOff { term, restart_at } if restart_at <= now => {
                    self.restart(w, term, cx);
                }
                CState::ConfigError { retry_at, .. } if retry_at <= now => {
                    self.ctr(w).state = CState::Waiting;
                }
                _ => return,
            }
        }
    }

    pub(super) fn app_or_init(&self, w: Which) -> &Ctr {
        match w {
            Which::Init(i) => &self.init[i],
            Which::App(i) => &self.app[i],
        }
    }

    /// What the API shows for the container now (kept while it is pulled
    /// for again).
    fn shown(&self, w: Which, now: u64) -> Box<Shown> {
        let c = self.app_or_init(w);
        let s = self.container_status(c, now, "ContainerCreating");
        Box::new(Shown {
            state: s.state,
            last: s.last_state,
        })
    }

    /// `EnsureImageExists`: use the image on the node, or pull it, as the
    /// pull policy says. `Always` pulls on every start, restarts included;
    /// `IfNotPresent` only when the node lacks the image; `Never` never.
    fn ensure_image(&mut self, w: Which, shown: Option<Box<Shown>>, cx: &mut Cx) {
        let now = cx.now;
        let (image, field, policy) = {
            let c = self.ctr(w);
            (c.spec.image.clone(), c.field(), c.spec.pull_policy)
        };
        let present = cx.runtime.image_present(&image);
        let pull = match policy {
            PullPolicy::Always => true,
            PullPolicy::IfNotPresent => !present,
            PullPolicy::Never => false,
        };
        if !pull && present {
            cx.event(
                &self.id,
                Some(field),
                EventType::Normal,
                "Pulled",
                format!("Container image \"{image}\" already present on machine"),
            );
            self.start(w, images::lookup(&image), cx);
            return;
        }
        if !pull {
            let message =
                format!("Container image \"{image}\" is not present with pull policy of Never");
            cx.event(
                &self.id,
                Some(field.clone()),
                EventType::Warning,
                "ErrImageNeverPull",
                message.clone(),
            );
            cx.event(
                &self.id,
                Some(field),
                EventType::Warning,
                "Failed",
                "Error: ErrImageNeverPull".to_string(),
            );
            self.ctr(w).state = CState::NeverPull {
                message,
                retry_at: now + NEVER_PULL_RETRY_MS,
            };
            return;
        }
        cx.event(
            &self.id,
            Some(field),
            EventType::Normal,
            "Pulling",
            format!("Pulling image \"{image}\""),
        );
        let mut hops = Vec::new();
        let jitter = cx.rng.below(1000);
        let pull = cx.runtime.pull_image(&image, jitter, &mut hops);
        cx.hops(&self.id, hops);
        self.ctr(w).state = CState::Pulling {
            started: now,
            done_at: now + pull.duration_ms,
            result: Box::new(pull.result),
            shown,
        };
    }

    /// A pull finished: start the container, or record the failure and
    /// back off (10 s doubling to 300 s, the kubelet's image back-off).
    fn pulled(
        &mut self,
        w: Which,
        started: u64,
        done_at: u64,
        result: Result<Image, String>,
        cx: &mut Cx,
    ) {
        let image = self.ctr(w).spec.image.clone();
        let field = self.ctr(w).field();
        match result {
            Ok(img) => {
                cx.runtime.image_pulled(&image);
                let took = go_duration(done_at - started);
                let msg =
                    Release::of(cx.runtime.kind()).pulled_message(&image, &took, img.size_bytes);
                cx.event(&self.id, Some(field), EventType::Normal, "Pulled", msg);
                self.ctr(w).pull_backoff.reset();
                self.start(w, Some(img), cx);
            }
            Err(err) => {
                cx.event(
                    &self.id,
                    Some(field.clone()),
                    EventType::Warning,
                    "Failed",
                    format!("Failed to pull image \"{image}\": {err}"),
                );
                cx.event(
                    &self.id,
                    Some(field),
                    EventType::Warning,
                    "Failed",
                    "Error: ErrImagePull".to_string(),
                );
                let c = self.ctr(w);
                c.pull_backoff.next(done_at, done_at);
                let retry_at = done_at + c.pull_backoff.delay_ms();
                c.state = CState::PullFailed {
                    failed_at: done_at,
                    retry_at,
                    message: err,
                    backoff_shown: false,
                };
            }
        }
    }

    /// Restart an exited container: the back-off grows (client-go
    /// `flowcontrol.Backoff.Next`, remembering when the restart happened),
    /// then the image is ensured again (a pull under `Always`).
    pub(super) fn restart(&mut self, w: Which, term: Box<Terminated>, cx: &mut Cx) {
        let now = cx.now;
        let shown = self.shown(w, now);
        let c = self.ctr(w);
        c.backoff.next(term.finished_ms, now);
        if let Some(p) = c.program.take() {
            c.previous = Some(Box::new((p, c.started_ms, term.finished_ms)));
        }
        c.last_term = Some(term);
        c.state = CState::Waiting;
        self.ensure_image(w, Some(shown), cx);
    }

    pub(super) fn start(&mut self, w: Which, img: Option<Image>, cx: &mut Cx) {
        let Some(env) = self.prepare(w, cx) else {
            return;
        };
        let now = cx.now;
        let kind = cx.runtime.kind();
        let c = self.ctr(w);
        if c.container_id.is_some() {
            // A new container of the same name: one more restart.
            c.restarts += 1;
        }
        let attempt = c.restarts;
        let (name, field) = (c.spec.name.clone(), c.field());
        let mut hops = Vec::new();
        cx.runtime
            .create_container(&self.id.name, &name, attempt, &mut hops);
        cx.hops(&self.id, std::mem::take(&mut hops));
        cx.event(
            &self.id,
            Some(field.clone()),
            EventType::Normal,
            "Created",
            created_message(kind, &name),
        );
        cx.runtime.start_container(&name, &mut hops);
        cx.hops(&self.id, hops);
        cx.event(
            &self.id,
            Some(field),
            EventType::Normal,
            "Started",
            format!("Started container {name}"),
        );
        let seed = cx.rng.next_u64();
        let program = self.launch(w, img.as_ref(), env, now, cx.disks);
        let c = self.ctr(w);
        c.container_id = Some((kind, seed));
        c.started_ms = now;
        c.ready_at = now + c.spec.ready_delay_ms;
        c.state = CState::Running {
            exit_at: match program.run {
                Run::Forever => None,
                Run::Exit { after_ms, code } => Some((now + after_ms, code)),
            },
        };
        c.program = Some(program);
    }
}
