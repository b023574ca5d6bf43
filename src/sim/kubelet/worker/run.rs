//! Running containers: pull, create, start, and restart with back-off.

use super::*;

impl Worker {
    pub(super) fn drive(&mut self, w: Which, cx: &mut Cx) {
        for _ in 0..16 {
            let now = cx.now;
            let state = self.ctr(w).state.clone();
            match state {
                CState::Waiting => {
                    let image = self.ctr(w).spec.image.clone();
                    let field = self.ctr(w).field();
                    if cx.runtime.image_present(&image) {
                        cx.event(
                            &self.id,
                            Some(field),
                            EventType::Normal,
                            "Pulled",
                            format!("Container image \"{image}\" already present on machine"),
                        );
                        let img = images::lookup(&image);
                        self.start(w, img, cx);
                    } else {
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
                            result: pull.result,
                        };
                    }
                }
                CState::Pulling {
                    started,
                    done_at,
                    result,
                } if done_at <= now => {
                    let image = self.ctr(w).spec.image.clone();
                    let field = self.ctr(w).field();
                    match result {
                        Ok(img) => {
                            cx.runtime.image_pulled(&image);
                            let took = go_duration(done_at - started);
                            cx.event(&self.id, Some(field), EventType::Normal, "Pulled", format!("Successfully pulled image \"{image}\" in {took} ({took} including waiting). Image size: {} bytes.", img.size_bytes));
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
                            c.pull_backoff.next(done_at);
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
                CState::PullFailed {
                    failed_at,
                    retry_at,
                    message,
                    backoff_shown,
                } => {
                    if retry_at <= now {
                        self.ctr(w).state = CState::Waiting;
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

    pub(super) fn restart(&mut self, w: Which, term: Terminated, cx: &mut Cx) {
        let c = self.ctr(w);
        c.backoff.next(term.finished_ms);
        c.restarts += 1;
        if let Some(p) = c.program.take() {
            c.previous = Some(Box::new((p, c.started_ms, term.finished_ms)));
        }
        c.last_term = Some(Box::new(term));
        c.state = CState::Waiting;
        // The image is on the node: Waiting goes straight to start.
        self.drive_once_waiting(w, cx);
    }

    pub(super) fn drive_once_waiting(&mut self, w: Which, cx: &mut Cx) {
        let image = self.ctr(w).spec.image.clone();
        if cx.runtime.image_present(&image) {
            let field = self.ctr(w).field();
            cx.event(
                &self.id,
                Some(field),
                EventType::Normal,
                "Pulled",
                format!("Container image \"{image}\" already present on machine"),
            );
            self.start(w, images::lookup(&image), cx);
        }
    }

    pub(super) fn start(&mut self, w: Which, img: Option<Image>, cx: &mut Cx) {
        let Some(env) = self.prepare(w, cx) else {
            return;
        };
        let now = cx.now;
        let kind = cx.runtime.kind();
        let attempt = self.ctr(w).restarts;
        let (name, field) = (self.ctr(w).spec.name.clone(), self.ctr(w).field());
        let mut hops = Vec::new();
        cx.runtime
            .create_container(&self.id.name, &name, attempt, &mut hops);
        cx.hops(&self.id, std::mem::take(&mut hops));
        cx.event(
            &self.id,
            Some(field.clone()),
            EventType::Normal,
            "Created",
            format!("Created container {name}"),
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
