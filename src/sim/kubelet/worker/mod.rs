//! One pod on one node: its sandbox, its containers' lives (pull, create,
//! start, exit, restart with back-off), and the status the kubelet reports.

mod config;
mod probing;
mod run;
mod spec;
mod status;
mod stop;
mod volumes;

pub(crate) use config::CtrExtra;
pub use config::CtrHost;

use super::backoff::Backoff;
use crate::sim::apiserver::ApiServer;
use crate::sim::clock::Rng;
use crate::sim::cni::Ipam;
use crate::sim::events::{Component, Event, EventType, ObjRef};
use crate::sim::images::{self, Image, OnStop, Stop};
use crate::sim::names;
use crate::sim::objects::{ContainerSpec, Kind, PullPolicy, RestartPolicy};
use crate::sim::release::Release;
use crate::sim::runtime::{Hop, Runtime, RuntimeKind};
use crate::sim::shell::{Program, Run};
use crate::sim::stored::*;
use crate::sim::volumes::Disks;
use spec::CtrSpec;
use std::sync::Arc;

/// What a step of the kubelet works with.
pub(crate) struct Cx<'a> {
    pub api: &'a mut ApiServer,
    pub runtime: &'a mut dyn Runtime,
    pub ipam: &'a mut Ipam,
    pub rng: &'a mut Rng,
    pub now: u64,
    pub node: &'a str,
    pub disks: &'a mut Disks,
    /// The node's address (the pod IP of `hostNetwork` pods).
    pub host_ip: &'a str,
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

use crate::duration::go_duration;

#[derive(Debug, Clone)]
pub(crate) struct Ident {
    pub ns: String,
    pub name: String,
    pub uid: String,
}

/// A container's life as the kubelet drives it. The rare, large parts
/// (a pull's result, how a container ended) are boxed: a running
/// container, what nearly every container is, needs no more than its
/// exit time (issue #11: `Ctr` was 408 B per container).
#[derive(Debug, Clone)]
enum CState {
    /// About to start: pull first, or not, by the pull policy.
    Waiting,
    Pulling {
        started: u64,
        done_at: u64,
        result: Box<Result<Image, String>>,
        /// What the API showed before this pull began (a retry after a
        /// failed pull, a restart): the kubelet reports the status it
        /// computed when its sync began, so that stays while it pulls.
        /// `None`: a first start, shown as ContainerCreating.
        shown: Option<Box<Shown>>,
    },
    PullFailed {
        failed_at: u64,
        retry_at: u64,
        message: String,
        backoff_shown: bool,
    },
    /// `imagePullPolicy: Never` and the image is not on the node: looked
    /// at again at `retry_at` (the pod worker's back-off after an error).
    NeverPull {
        message: String,
        retry_at: u64,
    },
    Running {
        exit_at: Option<(u64, i32)>,
    },
    /// Just exited: the restart decision comes at the next sync.
    Exited {
        term: Box<Terminated>,
        decide_at: u64,
    },
    /// Exited for good.
    Done(Box<Terminated>),
    /// The kubelet could not build its configuration (a missing ConfigMap,
    /// Secret or key): `CreateContainerConfigError`, tried again later.
    ConfigError {
        message: String,
        retry_at: u64,
    },
    BackOff {
        term: Box<Terminated>,
        restart_at: u64,
    },
}

/// A container's state and last state as the API last showed them.
#[derive(Debug, Clone)]
struct Shown {
    state: ContainerState,
    last: Option<Box<Terminated>>,
}

#[derive(Debug, Clone)]
struct Ctr {
    /// Shared with the containers of equal specs (see [`spec`]).
    spec: Arc<CtrSpec>,
    init: bool,
    state: CState,
    restarts: u32,
    backoff: Backoff,
    pull_backoff: Backoff,
    /// How the previous container of this name ended (`lastState`).
    last_term: Option<Box<Terminated>>,
    /// The runtime and id of the current container (its id is derived from this).
    container_id: Option<(RuntimeKind, u64)>,
    program: Option<Program>,
    started_ms: u64,
    previous: Option<Box<(Program, u64, u64)>>,
    ready_at: u64,
    /// Configuration, probes and files of the container (see [`config`]).
    x: Option<Box<CtrExtra>>,
}

impl Ctr {
    fn new(spec: &ContainerSpec, init: bool) -> Self {
        Ctr {
            spec: CtrSpec::shared(spec),
            init,
            state: CState::Waiting,
            restarts: 0,
            backoff: Backoff::default(),
            pull_backoff: Backoff::default(),
            last_term: None,
            container_id: None,
            program: None,
            started_ms: 0,
            previous: None,
            ready_at: 0,
            x: Some(Box::new(CtrExtra::new(spec))),
        }
    }

    fn container_id(&self) -> Option<ContainerId> {
        self.container_id.map(|(kind, seed)| ContainerId {
            scheme: kind.id_scheme(),
            seed,
        })
    }

    /// `docker.io/library/nginx@sha256:...` (containerd) or
    /// `docker-pullable://nginx@sha256:...` (Docker) once the image is on the
    /// node: the digest is derived from the reference, so one image has one
    /// digest.
    fn image_id(&self) -> Arc<str> {
        match (self.container_id, images::parse_ref(&self.spec.image)) {
            (Some((kind, _)), Some(r)) => {
                crate::sim::shared::text(&Release::of(kind).image_id(&r, &names::digest(&r.full())))
            }
            _ => crate::sim::shared::text(""),
        }
    }

    /// `image` of the status: as the runtime names it once it runs one.
    fn status_image(&self) -> Arc<str> {
        crate::sim::shared::text(
            &match (self.container_id, images::parse_ref(&self.spec.image)) {
                (Some((kind, _)), Some(r)) => Release::of(kind).status_image(&r),
                _ => self.spec.image.clone(),
            },
        )
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

/// A pod being deleted, as its kubelet stops it.
#[derive(Debug, Clone, Copy)]
struct Terminating {
    /// When the grace period ends: SIGKILL for what still runs.
    kill_at: u64,
    /// When the last container stopped; the pod object goes
    /// [`TEARDOWN_MS`] later.
    stopped_at: Option<u64>,
}

/// From the last container stopping to the pod object's removal: the
/// sandbox is stopped, volumes are cleaned up and the kubelet's status
/// manager sends the final status and deletes the pod (grace 0).
pub const TEARDOWN_MS: u64 = 700;

/// The kubelet's view of one pod.
#[derive(Debug, Clone)]
pub(crate) struct Worker {
    pub oid: Oid,
    pub id: Ident,
    policy: RestartPolicy,
    host_network: bool,
    sandbox_ip: Option<String>,
    sandbox_done: bool,
    init: Vec<Ctr>,
    app: Vec<Ctr>,
    pub start_ms: u64,
    terminating: Option<Terminating>,
    terminal: Option<Phase>,
    pub wake: Option<u64>,
    /// The pod's volumes on this node.
    vols: Option<Box<volumes::PodVolumes>>,
    /// terminationGracePeriodSeconds, in ms.
    grace_ms: u64,
    /// Why the kubelet evicted the pod, if it did.
    evicted: Option<String>,
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
            host_network: pod.spec.host_network,
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
            vols: volumes::PodVolumes::new(&pod.spec, now),
            grace_ms: pod.spec.termination_grace_period_seconds * 1000,
            evicted: None,
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
        if pod.meta.deletion_ms.is_some() {
            return self.terminate(pod.meta.deletion_grace_s.unwrap_or(30), cx);
        }
        if self.terminal.is_some() {
            return true;
        }
        if let Some(v) = &mut self.vols {
            if !v.try_mount(cx, &self.id) {
                return true;
            }
            v.resync(cx.api.store(), &self.id.ns, cx.node, cx.now);
        }
        if !self.sandbox_done {
            self.sandbox_done = true;
            let mut hops = Vec::new();
            let ipam = (!self.host_network).then_some(&mut *cx.ipam);
            self.sandbox_ip = cx.runtime.run_pod_sandbox(&self.id.name, ipam, &mut hops);
            if self.host_network {
                self.sandbox_ip = Some(cx.host_ip.to_string());
            }
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
        self.apply_file_changes(cx);
        self.probe_all(cx);
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
}
