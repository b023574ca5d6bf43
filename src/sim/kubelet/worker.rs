//! One pod on one node: its sandbox, its containers' lives (pull, create,
//! start, exit, restart with back-off), and the status the kubelet reports.

use super::backoff::Backoff;
use crate::sim::apiserver::ApiServer;
use crate::sim::clock::Rng;
use crate::sim::cni::Ipam;
use crate::sim::events::{Component, Event, EventType, ObjRef};
use crate::sim::images::{self, Image};
use crate::sim::names;
use crate::sim::objects::{ContainerSpec, Kind, RestartPolicy};
use crate::sim::runtime::{Hop, Runtime};
use crate::sim::shell::{Program, Run};
use crate::sim::stored::*;

/// What a step of the kubelet works with.
pub(crate) struct Cx<'a> {
    pub api: &'a mut ApiServer,
    pub runtime: &'a mut dyn Runtime,
    pub ipam: &'a mut Ipam,
    pub rng: &'a mut Rng,
    pub now: u64,
    pub node: &'a str,
}

impl Cx<'_> {
    fn event(&mut self, w: &Ident, field: Option<String>, t: EventType, reason: &str, msg: String) {
        let mut e = Event::new(
            Component::Kubelet,
            "kubelet",
            t,
            ObjRef::new(Kind::Pod, &w.ns, &w.name),
            reason,
            msg,
        )
        .host(self.node);
        if let Some(f) = field {
            e = e.container(f);
        }
        self.api.record(e);
    }

    fn hops(&mut self, w: &Ident, hops: Vec<Hop>) {
        for h in hops {
            self.api.act(
                h.component,
                ObjRef::new(Kind::Pod, &w.ns, &w.name),
                h.reason,
                h.message,
            );
        }
    }
}

/// Go's `time.Duration` printing for whole milliseconds: `812ms`, `3.21s`.
fn go_duration(ms: u64) -> String {
    if ms < 1000 {
        return format!("{ms}ms");
    }
    let s = format!("{}.{:03}", ms / 1000, ms % 1000);
    let s = s.trim_end_matches('0').trim_end_matches('.');
    format!("{s}s")
}

#[derive(Debug, Clone)]
pub(crate) struct Ident {
    pub ns: String,
    pub name: String,
    pub uid: String,
}

#[derive(Debug, Clone)]
enum CState {
    Waiting,
    Pulling {
        started: u64,
        done_at: u64,
        result: Result<Image, String>,
    },
    PullFailed {
        failed_at: u64,
        retry_at: u64,
        message: String,
        backoff_shown: bool,
    },
    Running {
        exit_at: Option<(u64, i32)>,
    },
    /// Just exited: the restart decision comes at the next sync.
    Exited {
        term: Terminated,
        decide_at: u64,
    },
    /// Exited for good.
    Done(Terminated),
    BackOff {
        term: Terminated,
        restart_at: u64,
    },
}

#[derive(Debug, Clone)]
struct Ctr {
    spec: ContainerSpec,
    init: bool,
    state: CState,
    restarts: u32,
    backoff: Backoff,
    pull_backoff: Backoff,
    last_term: Option<Terminated>,
    container_id: Option<String>,
    image_id: String,
    program: Option<Program>,
    started_ms: u64,
    previous: Option<(Program, u64, u64)>,
    ready_at: u64,
}

impl Ctr {
    fn new(spec: &ContainerSpec, init: bool) -> Self {
        Ctr {
            spec: spec.clone(),
            init,
            state: CState::Waiting,
            restarts: 0,
            backoff: Backoff::default(),
            pull_backoff: Backoff::default(),
            last_term: None,
            container_id: None,
            image_id: String::new(),
            program: None,
            started_ms: 0,
            previous: None,
            ready_at: 0,
        }
    }

    fn field(&self) -> String {
        let list = if self.init {
            "initContainers"
        } else {
            "containers"
        };
        format!("spec.{list}{{{}}}", self.spec.name)
    }

    fn is_running(&self) -> bool {
        matches!(self.state, CState::Running { .. })
    }

    fn finished_ok(&self) -> bool {
        matches!(&self.state, CState::Done(t) if t.exit_code == 0)
    }

    fn sidecar(&self) -> bool {
        self.init && self.spec.restart_always
    }
}

#[derive(Debug, Clone, Copy)]
enum Which {
    Init(usize),
    App(usize),
}

/// The kubelet's view of one pod.
#[derive(Debug, Clone)]
pub(crate) struct Worker {
    pub oid: Oid,
    pub id: Ident,
    policy: RestartPolicy,
    sandbox_ip: Option<String>,
    sandbox_done: bool,
    init: Vec<Ctr>,
    app: Vec<Ctr>,
    pub start_ms: u64,
    terminating: Option<u64>,
    terminal: Option<Phase>,
    pub wake: Option<u64>,
}

impl Worker {
    pub fn new(pod: &Pod, now: u64) -> Self {
        Worker {
            oid: pod.meta.oid,
            id: Ident {
                ns: pod.meta.namespace.clone(),
                name: pod.meta.name.clone(),
                uid: pod.meta.uid.clone(),
            },
            policy: pod.spec.restart_policy,
            sandbox_ip: None,
            sandbox_done: false,
            init: pod
                .spec
                .init_containers
                .iter()
                .map(|c| Ctr::new(c, true))
                .collect(),
            app: pod
                .spec
                .containers
                .iter()
                .map(|c| Ctr::new(c, false))
                .collect(),
            start_ms: now,
            terminating: None,
            terminal: None,
            wake: None,
        }
    }

    fn ctr(&mut self, w: Which) -> &mut Ctr {
        match w {
            Which::Init(i) => &mut self.init[i],
            Which::App(i) => &mut self.app[i],
        }
    }

    pub fn any_running(&self) -> bool {
        self.init.iter().chain(&self.app).any(Ctr::is_running)
    }

    // ------------------------------------------------------------ lifecycle

    /// Advance every container as far as `cx.now` allows. Returns false when
    /// the pod is gone (terminated and removed).
    pub fn sync(&mut self, pod: &Pod, cx: &mut Cx) -> bool {
        if let Some(end) = pod.meta.deletion_ms {
            return self.terminate(end, cx);
        }
        if self.terminal.is_some() {
            return true;
        }
        if !self.sandbox_done {
            self.sandbox_done = true;
            let mut hops = Vec::new();
            self.sandbox_ip = cx
                .runtime
                .run_pod_sandbox(&self.id.name, cx.ipam, &mut hops);
            cx.hops(&self.id, hops);
            if self.sandbox_ip.is_none() {
                cx.event(&self.id, None, EventType::Warning, "FailedCreatePodSandBox", format!("Failed to create pod sandbox: plugin type=\"host-local\" failed (add): failed to allocate for range 0: no IP addresses available in range set: {}", cx.ipam.cidr()));
            }
        }
        if self.sandbox_ip.is_none() {
            return true;
        }
        let mut init_done = true;
        for i in 0..self.init.len() {
            self.drive(Which::Init(i), cx);
            let c = &self.init[i];
            let done = if c.sidecar() {
                c.is_running()
            } else {
                c.finished_ok()
            };
            if !done {
                init_done = false;
                break;
            }
        }
        if init_done {
            for i in 0..self.app.len() {
                self.drive(Which::App(i), cx);
            }
        }
        let phase = self.phase();
        if phase.is_terminal() {
            self.terminal = Some(phase);
            for i in 0..self.init.len() {
                if self.init[i].is_running() {
                    self.kill(Which::Init(i), cx, 0);
                }
            }
            self.teardown(cx);
        }
        true
    }

    fn terminate(&mut self, end: u64, cx: &mut Cx) -> bool {
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

    fn all(&self) -> Vec<Which> {
        (0..self.init.len())
            .map(Which::Init)
            .chain((0..self.app.len()).map(Which::App))
            .collect()
    }

    fn teardown(&mut self, cx: &mut Cx) {
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

    fn kill(&mut self, w: Which, cx: &mut Cx, code: i32) {
        let now = cx.now;
        let c = self.ctr(w);
        c.state = CState::Done(Terminated {
            exit_code: code,
            reason: if code == 0 { "Completed" } else { "Error" }.to_string(),
            message: None,
            started_ms: c.started_ms,
            finished_ms: now,
            container_id: c.container_id.clone().unwrap_or_default(),
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

    fn finish(&mut self, w: Which, t: u64, code: i32, _cx: &mut Cx) {
        let again = self.restarts(self.app_or_init(w), code);
        let c = self.ctr(w);
        let term = Terminated {
            exit_code: code,
            reason: if code == 0 { "Completed" } else { "Error" }.to_string(),
            message: None,
            started_ms: c.started_ms,
            finished_ms: t,
            container_id: c.container_id.clone().unwrap_or_default(),
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

    fn restarts(&self, c: &Ctr, code: i32) -> bool {
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

    fn drive(&mut self, w: Which, cx: &mut Cx) {
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
                _ => return,
            }
        }
    }

    fn app_or_init(&self, w: Which) -> &Ctr {
        match w {
            Which::Init(i) => &self.init[i],
            Which::App(i) => &self.app[i],
        }
    }

    fn restart(&mut self, w: Which, term: Terminated, cx: &mut Cx) {
        let c = self.ctr(w);
        c.backoff.next(term.finished_ms);
        c.restarts += 1;
        if let Some(p) = c.program.take() {
            c.previous = Some((p, c.started_ms, term.finished_ms));
        }
        c.last_term = Some(term);
        c.state = CState::Waiting;
        // The image is on the node: Waiting goes straight to start.
        self.drive_once_waiting(w, cx);
    }

    fn drive_once_waiting(&mut self, w: Which, cx: &mut Cx) {
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

    fn start(&mut self, w: Which, img: Option<Image>, cx: &mut Cx) {
        let now = cx.now;
        let scheme = cx.runtime.kind().id_scheme();
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
        let id = format!("{scheme}://{}", names::hex64(cx.rng));
        let c = self.ctr(w);
        let program = match &img {
            Some(img) => images::program(img, &c.spec.command, &c.spec.args),
            None => Program::exits(0, 0),
        };
        if c.image_id.is_empty()
            && let Some(img) = &img
        {
            c.image_id = format!(
                "{}@sha256:{}",
                img.reference.repository,
                names::hex64(cx.rng)
            );
        }
        c.container_id = Some(id);
        c.started_ms = now;
        c.ready_at = now
            + c.spec
                .readiness_probe
                .map_or(0, |p| u64::from(p.initial_delay_seconds) * 1000);
        c.state = CState::Running {
            exit_at: match program.run {
                Run::Forever => None,
                Run::Exit { after_ms, code } => Some((now + after_ms, code)),
            },
        };
        c.program = Some(program);
    }

    // ------------------------------------------------------------ status

    /// The next time something will happen without outside input.
    pub fn next_wake(&self, now: u64) -> Option<u64> {
        let mut t: Option<u64> = self.terminating;
        let mut at = |x: u64| {
            if x > now {
                t = Some(t.map_or(x, |y| y.min(x)));
            }
        };
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
                CState::Running { exit_at } => {
                    if let Some((x, _)) = exit_at {
                        at(*x);
                    }
                    at(c.ready_at);
                }
                CState::Exited { decide_at, .. } => at(*decide_at),
                CState::BackOff { restart_at, .. } => at(*restart_at),
                CState::Waiting | CState::Done(_) => {}
            }
        }
        t.filter(|x| *x > now || self.terminating == Some(*x))
    }

    /// How a container ended for good, if it did.
    fn final_exit<'a>(&self, c: &'a Ctr) -> Option<&'a Terminated> {
        match &c.state {
            CState::Done(t) => Some(t),
            CState::Exited { term, .. } if !self.restarts(c, term.exit_code) => Some(term),
            _ => None,
        }
    }

    /// The kubelet's `getPhase`:
    /// <https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-phase>
    fn phase(&self) -> Phase {
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

    fn container_status(&self, c: &Ctr, now: u64, waiting_reason: &str) -> ContainerStatus {
        let state = match &c.state {
            CState::Waiting | CState::Pulling { .. } => ContainerState::waiting(waiting_reason),
            CState::PullFailed {
                message,
                backoff_shown,
                ..
            } => {
                if *backoff_shown {
                    ContainerState::Waiting {
                        reason: "ImagePullBackOff".into(),
                        message: Some(format!("Back-off pulling image \"{}\"", c.spec.image)),
                    }
                } else {
                    ContainerState::Waiting {
                        reason: "ErrImagePull".into(),
                        message: Some(message.clone()),
                    }
                }
            }
            CState::Running { .. } => ContainerState::Running {
                started_ms: c.started_ms,
            },
            CState::Exited { term, .. } | CState::Done(term) => {
                ContainerState::Terminated(term.clone())
            }
            CState::BackOff { .. } => ContainerState::Waiting {
                reason: "CrashLoopBackOff".into(),
                message: Some(format!(
                    "back-off {} restarting failed container={} pod={}_{}({})",
                    crate::duration::format_millis(c.backoff.delay_ms()),
                    c.spec.name,
                    self.id.name,
                    self.id.ns,
                    self.id.uid
                )),
            },
        };
        let running = c.is_running();
        ContainerStatus {
            name: c.spec.name.clone(),
            image: c.spec.image.clone(),
            image_id: c.image_id.clone(),
            container_id: c.container_id.clone(),
            ready: running && now >= c.ready_at && self.terminating.is_none(),
            started: running,
            state,
            last_state: c.last_term.clone(),
            restart_count: c.restarts,
        }
    }

    /// The status to report for `pod`.
    pub fn status(&self, pod: &Pod, host_ip: &str, now: u64) -> PodStatus {
        let phase = self.phase();
        let mut st = PodStatus {
            phase,
            reason: None,
            message: None,
            conditions: pod.status.conditions.clone(),
            host_ip: Some(host_ip.to_string()),
            pod_ip: self.sandbox_ip.clone(),
            start_ms: Some(self.start_ms),
            init_statuses: Vec::new(),
            container_statuses: Vec::new(),
        };
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
                Some((p, started, finished)) => Ok(p.logs_until(finished - started, 200)),
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
            (_, CState::PullFailed { .. }) => Err(format!(
                "container \"{}\" in pod \"{}\" is waiting to start: trying and failing to pull image",
                c.spec.name, self.id.name
            )),
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
