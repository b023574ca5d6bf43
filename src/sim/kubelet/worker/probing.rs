//! The kubelet's prober: each liveness, readiness and startup probe of a
//! container runs every `periodSeconds` (ticks counted from when the pod
//! came to the node), after `initialDelaySeconds`, and its result changes
//! only after `failureThreshold` failures or `successThreshold` successes
//! in a row. Every failed run is an `Unhealthy` event. A liveness or
//! startup failure kills the container (`Killing ... failed liveness probe,
//! will be restarted`); a readiness failure only marks it not ready, which
//! takes the pod out of its Services' endpoints. Until a startup probe
//! succeeds the other probes wait.
//! <https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/>
//! (pkg/kubelet/prober/worker.go, prober.go)

use super::config::CtrHost;
use super::*;
use crate::sim::objects::{ContainerSpec, PortRef, Probe, ProbeHandler};
use crate::sim::serving::Serving;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ProbeKind {
    Liveness,
    Readiness,
    Startup,
}

impl ProbeKind {
    fn name(self) -> &'static str {
        match self {
            ProbeKind::Liveness => "Liveness",
            ProbeKind::Readiness => "Readiness",
            ProbeKind::Startup => "Startup",
        }
    }
}

#[derive(Debug, Clone)]
pub(crate) struct ProbeState {
    pub probe: Probe,
    kind: ProbeKind,
    last: Option<bool>,
    run: u32,
    on_hold: bool,
    /// The result the kubelet acts on, for the current container.
    pub result: Option<bool>,
    /// Which container (restart count) `result` belongs to.
    container: Option<u32>,
    /// The next tick (ms since the worker started).
    next_tick: u64,
}

impl ProbeState {
    fn new(probe: &Probe, kind: ProbeKind) -> Self {
        ProbeState {
            probe: probe.clone(),
            kind,
            last: None,
            run: 0,
            on_hold: false,
            result: None,
            container: None,
            next_tick: 0,
        }
    }

    fn period_ms(&self) -> u64 {
        u64::from(self.probe.period_seconds.max(1)) * 1000
    }

    fn initial(&self) -> Option<bool> {
        match self.kind {
            ProbeKind::Liveness => Some(true),
            ProbeKind::Readiness => Some(false),
            ProbeKind::Startup => None,
        }
    }
}

/// The probes of one container.
#[derive(Debug, Clone)]
pub(crate) struct ProbeSet {
    pub liveness: Option<ProbeState>,
    pub readiness: Option<ProbeState>,
    pub startup: Option<ProbeState>,
}

impl ProbeSet {
    pub fn new(spec: &ContainerSpec) -> Option<Box<Self>> {
        let make = |p: &Option<Probe>, k| p.as_ref().map(|p| ProbeState::new(p, k));
        let set = ProbeSet {
            liveness: make(&spec.liveness_probe, ProbeKind::Liveness),
            readiness: make(&spec.readiness_probe, ProbeKind::Readiness),
            startup: make(&spec.startup_probe, ProbeKind::Startup),
        };
        (set.liveness.is_some() || set.readiness.is_some() || set.startup.is_some())
            .then(|| Box::new(set))
    }

    /// Whether the container counts as started (`started` in its status).
    pub fn started(&self, restarts: u32) -> bool {
        match &self.startup {
            None => true,
            Some(s) => s.container == Some(restarts) && s.result == Some(true),
        }
    }

    /// Whether the readiness probe says ready (true without one).
    pub fn ready(&self, restarts: u32) -> bool {
        self.started(restarts)
            && match &self.readiness {
                None => true,
                Some(r) => r.container == Some(restarts) && r.result == Some(true),
            }
    }

    /// The earliest tick after `now` (ms since the worker started).
    pub fn next_tick(&self) -> Option<u64> {
        [&self.liveness, &self.readiness, &self.startup]
            .into_iter()
            .flatten()
            .map(|p| p.next_tick)
            .min()
    }
}

/// What a probe saw: success, or the failure output.
fn outcome(
    probe: &Probe,
    serving: &Serving,
    host: &mut CtrHost,
    spec_ports: &[(Option<String>, u16)],
    ip: &str,
    elapsed: u64,
) -> Result<(), String> {
    let resolve = |p: &PortRef| -> u16 {
        match p {
            PortRef::Number(n) => *n,
            PortRef::Name(n) => spec_ports
                .iter()
                .find(|(name, _)| name.as_deref() == Some(n.as_str()))
                .map_or(0, |(_, port)| *port),
        }
    };
    match &probe.handler {
        ProbeHandler::HttpGet { path, port, scheme } => {
            let port = resolve(port);
            let url = format!("{}://{ip}:{port}{path}", scheme.to_ascii_lowercase());
            match serving.http(port, path, elapsed, &host.fs, &host.hostname, "") {
                Ok(r) if (200..400).contains(&r.status) => Ok(()),
                Ok(r) => Err(format!("HTTP probe failed with statuscode: {}", r.status)),
                Err(true) => Err(format!(
                    "Get \"{url}\": dial tcp {ip}:{port}: connect: connection refused"
                )),
                Err(false) => Err(format!(
                    "Get \"{url}\": net/http: HTTP/1.x transport connection broken: malformed HTTP response"
                )),
            }
        }
        ProbeHandler::TcpSocket { port } => {
            let port = resolve(port);
            if serving.listens(port, elapsed) {
                Ok(())
            } else {
                Err(format!("dial tcp {ip}:{port}: connect: connection refused"))
            }
        }
        ProbeHandler::Grpc { port } => {
            if serving.listens(*port, elapsed) {
                Ok(())
            } else {
                Err(format!(
                    "timeout: failed to connect service \"{ip}:{port}\" within 1s: context deadline exceeded"
                ))
            }
        }
        ProbeHandler::Exec { command } => {
            let p = crate::sim::shell::run_argv_on(command, host);
            let output = p.logs_until(u64::MAX / 2, 50).join("\n");
            match p.run {
                Run::Exit { after_ms, code }
                    if after_ms <= u64::from(probe.timeout_seconds) * 1000 =>
                {
                    if code == 0 {
                        Ok(())
                    } else {
                        Err(output)
                    }
                }
                _ => Err(format!("command \"{}\" timed out", command.join(" "))),
            }
        }
    }
}

/// How a container takes the kubelet's stop: (time to exit, exit code), or
/// `None` when its first process ignores SIGTERM (a shell script, `sleep`)
/// and is killed at the end of the grace period.
pub(crate) fn on_sigterm(image: &str, command: &[String], args: &[String]) -> Option<(u64, i32)> {
    let first = command
        .first()
        .or(args.first())
        .map(|a| a.rsplit('/').next().unwrap_or(a));
    if let Some(f) = first
        && (matches!(f, "sh" | "bash" | "ash" | "sleep" | "tail") || !command.is_empty())
        && !matches!(f, "nginx" | "httpd-foreground" | "redis-server")
    {
        return None;
    }
    match crate::sim::images::lookup(image)
        .map(|i| i.reference.short().to_string())
        .as_deref()
    {
        Some(
            "nginx" | "httpd" | "redis" | "memcached" | "mysql" | "postgres" | "mongo" | "rabbitmq",
        ) => Some((500, 0)),
        Some("agnhost" | "hello-app" | "hello-go-gke" | "echoserver" | "traefik" | "etcd") => {
            Some((100, 143))
        }
        Some(_) if first.is_some() => None,
        _ => Some((500, 0)),
    }
}

impl Worker {
    /// Run the probes of every running container whose ticks have come.
    pub(super) fn probe_all(&mut self, cx: &mut Cx) {
        for w in self.all() {
            if self.ctr(w).is_running()
                && self.ctr(w).x.as_ref().is_some_and(|x| x.probes.is_some())
            {
                self.probe_container(w, cx);
            }
        }
    }

    fn probe_container(&mut self, w: Which, cx: &mut Cx) {
        let base = self.start_ms;
        loop {
            let c = self.ctr(w);
            let Some(next) =
                c.x.as_ref()
                    .and_then(|x| x.probes.as_ref())
                    .and_then(|p| p.next_tick())
            else {
                return;
            };
            let at = base + next;
            if at > cx.now || !self.ctr(w).is_running() {
                return;
            }
            for kind in [
                ProbeKind::Startup,
                ProbeKind::Liveness,
                ProbeKind::Readiness,
            ] {
                self.tick(w, kind, next, at, cx);
            }
        }
    }

    /// One tick of one probe worker (`doProbe`).
    fn tick(&mut self, w: Which, kind: ProbeKind, tick: u64, at: u64, cx: &mut Cx) {
        let restarts = self.ctr(w).restarts;
        let started_ms = self.ctr(w).started_ms;
        let running = self.ctr(w).is_running();
        let Some(state) = self.probe_state(w, kind) else {
            return;
        };
        if state.next_tick != tick {
            return;
        }
        state.next_tick += state.period_ms();
        if state.container != Some(restarts) {
            state.container = Some(restarts);
            state.result = state.initial();
            state.on_hold = false;
        }
        if state.on_hold || !running {
            return;
        }
        if at < started_ms + u64::from(state.probe.initial_delay_seconds) * 1000 {
            return;
        }
        let probe = state.probe.clone();
        let started = self
            .ctr(w)
            .x
            .as_ref()
            .and_then(|x| x.probes.as_ref())
            .is_none_or(|p| p.started(restarts));
        match kind {
            ProbeKind::Startup if started => return,
            ProbeKind::Liveness | ProbeKind::Readiness if !started => return,
            _ => {}
        }
        let result = self.run_probe(w, &probe, at, cx);
        let (name, field) = (self.ctr(w).spec.name.clone(), self.ctr(w).field());
        if let Err(output) = &result {
            cx.event(
                &self.id,
                Some(field.clone()),
                EventType::Warning,
                "Unhealthy",
                format!("{} probe failed: {output}", kind.name()),
            );
        }
        let ok = result.is_ok();
        let Some(state) = self.probe_state(w, kind) else {
            return;
        };
        if state.last == Some(ok) {
            state.run += 1;
        } else {
            state.last = Some(ok);
            state.run = 1;
        }
        let threshold = if ok {
            state.probe.success_threshold
        } else {
            state.probe.failure_threshold
        };
        if state.run < threshold.max(1) {
            return;
        }
        state.result = Some(ok);
        if ok || kind == ProbeKind::Readiness {
            return;
        }
        state.on_hold = true;
        state.run = 0;
        let what = if kind == ProbeKind::Liveness {
            "liveness"
        } else {
            "startup"
        };
        cx.event(
            &self.id,
            Some(field),
            EventType::Normal,
            "Killing",
            format!("Container {name} failed {what} probe, will be restarted"),
        );
        self.stop_for_restart(w, at);
    }

    fn probe_state(&mut self, w: Which, kind: ProbeKind) -> Option<&mut ProbeState> {
        let set = self.ctr(w).x.as_mut()?.probes.as_mut()?;
        match kind {
            ProbeKind::Liveness => set.liveness.as_mut(),
            ProbeKind::Readiness => set.readiness.as_mut(),
            ProbeKind::Startup => set.startup.as_mut(),
        }
    }

    fn run_probe(&mut self, w: Which, probe: &Probe, at: u64, cx: &mut Cx) -> Result<(), String> {
        let ip = self.sandbox_ip.clone().unwrap_or_default();
        let mut host = self.host_for(w, cx.disks, at);
        let c = self.ctr(w);
        let elapsed = at.saturating_sub(c.started_ms);
        let Some(serving) = c.x.as_ref().and_then(|x| x.serving.clone()) else {
            return Err("no process".into());
        };
        let ports = c.spec.ports.clone();
        outcome(probe, &serving, &mut host, &ports, &ip, elapsed)
    }

    /// The kubelet stops a container that failed its liveness or startup
    /// probe: it exits as the image takes a SIGTERM, or is killed (137)
    /// when the grace period ends.
    fn stop_for_restart(&mut self, w: Which, at: u64) {
        let grace = self.grace_ms;
        let c = self.ctr(w);
        let (delay, code) =
            on_sigterm(&c.spec.image, &c.spec.command, &c.spec.args).unwrap_or((grace, 137));
        if let CState::Running { exit_at } = &mut c.state {
            let t = at + delay;
            if exit_at.is_none_or(|(e, _)| e > t) {
                *exit_at = Some((t, code));
            }
        }
    }
}
