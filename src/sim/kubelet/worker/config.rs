//! What the kubelet gives a container besides its image: environment
//! variables (literal, from ConfigMap and Secret keys, from pod fields,
//! whole ConfigMaps and Secrets with `envFrom`, and the variables of the
//! namespace's Services), `$(VAR)` expansion in command and args, and the
//! files it sees (the image, its own writable layer, mounted volumes).
//! A missing ConfigMap, Secret or key stops the container from being
//! created: `CreateContainerConfigError`.
//! <https://kubernetes.io/docs/tasks/configure-pod-container/configure-pod-configmap/>
//! <https://kubernetes.io/docs/concepts/services-networking/connect-applications-service/#environment-variables>

use super::spec::CtrSpec;
use super::volumes::PodVolumes;
use super::*;
use crate::sim::fs::{Files, FsView};
use crate::sim::objects::{ContainerSpec, EnvFromKind, EnvSource, Resources};
use crate::sim::serving::Serving;
use crate::sim::shell::Host;
use crate::sim::shell::{Program, Run};
use crate::sim::store::Store;
use crate::sim::volumes::Disks;
use std::collections::BTreeMap;
use std::sync::{Arc, LazyLock};

/// The state of a container's configuration that changes: its probes'
/// results and what the current container runs with (its files, the
/// variables it saw). What the spec says is in [`CtrSpec`], shared.
#[derive(Debug, Clone)]
pub(crate) struct CtrExtra {
    pub probes: Option<Box<super::probing::ProbeSet>>,
    /// The current container's writable layer (absolute paths): the
    /// image's files, shared until the container writes.
    pub layer: Arc<Files>,
    /// The variables the current container started with, shared with
    /// equal ones; `HOSTNAME` (the Pod's name) is added when read.
    pub env_seen: Arc<BTreeMap<String, String>>,
    pub serving: Option<Serving>,
    /// File changes of the program applied up to this much time since the start.
    pub applied_ms: u64,
    /// The current container is killed for using more memory than its limit.
    pub oom: bool,
    /// What the current container asks of the machine.
    pub demand: crate::sim::usage::Demand,
    /// The ConfigMap and Secret volumes mounted with `subPath`, as they
    /// were when the container started: such a mount never sees updates.
    /// <https://kubernetes.io/docs/concepts/configuration/configmap/#mounted-configmaps-are-updated-automatically>
    pub frozen: BTreeMap<String, Files>,
}

/// The empty layer and environment every container starts with, made once:
/// an `Arc::default()` per container was two allocations each (issue #11:
/// 22,000 of them in its cluster).
static EMPTY_LAYER: LazyLock<Arc<Files>> = LazyLock::new(Arc::default);
static EMPTY_ENV: LazyLock<Arc<BTreeMap<String, String>>> = LazyLock::new(Arc::default);

impl Default for CtrExtra {
    fn default() -> Self {
        CtrExtra {
            probes: None,
            layer: EMPTY_LAYER.clone(),
            env_seen: EMPTY_ENV.clone(),
            serving: None,
            applied_ms: 0,
            oom: false,
            demand: Default::default(),
            frozen: BTreeMap::new(),
        }
    }
}

impl CtrExtra {
    pub fn new(spec: &ContainerSpec) -> Self {
        CtrExtra {
            probes: super::probing::ProbeSet::new(spec),
            ..CtrExtra::default()
        }
    }

    /// Take the layer out to change it, leaving the shared empty one.
    fn take_layer(&mut self) -> Files {
        Arc::unwrap_or_clone(std::mem::replace(&mut self.layer, EMPTY_LAYER.clone()))
    }
}

/// The pod fields `fieldRef` can read.
pub(crate) struct PodFields<'a> {
    pub name: &'a str,
    pub namespace: &'a str,
    pub uid: &'a str,
    pub node: &'a str,
    pub pod_ip: &'a str,
    pub host_ip: &'a str,
}

fn field(f: &PodFields, path: &str) -> String {
    match path {
        "metadata.name" => f.name.into(),
        "metadata.namespace" => f.namespace.into(),
        "metadata.uid" => f.uid.into(),
        "spec.nodeName" => f.node.into(),
        "spec.serviceAccountName" => "default".into(),
        "status.podIP" | "status.podIPs" => f.pod_ip.into(),
        "status.hostIP" | "status.hostIPs" => f.host_ip.into(),
        _ => String::new(),
    }
}

/// `$(VAR)` in `text`, replaced from `vars` (unknown references stay;
/// `$$` escapes), as the kubelet expands env values, command and args.
/// <https://kubernetes.io/docs/tasks/inject-data-application/define-interdependent-environment-variables/>
pub fn expand(text: &str, vars: &BTreeMap<String, String>) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(i) = rest.find('$') {
        out.push_str(&rest[..i]);
        rest = &rest[i + 1..];
        if let Some(r) = rest.strip_prefix('$') {
            out.push('$');
            rest = r;
        } else if let Some(r) = rest.strip_prefix('(')
            && let Some(j) = r.find(')')
        {
            let name = &r[..j];
            match vars.get(name) {
                Some(v) => out.push_str(v),
                None => out.push_str(&format!("$({name})")),
            }
            rest = &r[j + 1..];
        } else {
            out.push('$');
        }
    }
    out.push_str(rest);
    out
}

/// The Docker-link-style variables of the Services in `ns` (and of the
/// `kubernetes` Service), as the kubelet sets them with enableServiceLinks.
fn service_vars(store: &Store, ns: &str, vars: &mut BTreeMap<String, String>) {
    let services = store.services().in_namespace(ns).chain(
        store
            .services()
            .find("default", "kubernetes")
            .filter(|_| ns != "default"),
    );
    for svc in services {
        let ip = svc.cluster_ip();
        if ip == "None" || ip.is_empty() {
            continue;
        }
        let name = svc.meta.name.to_ascii_uppercase().replace('-', "_");
        let Some(first) = svc.spec.ports.first() else {
            continue;
        };
        vars.insert(format!("{name}_SERVICE_HOST"), ip.to_string());
        vars.insert(format!("{name}_SERVICE_PORT"), first.port.to_string());
        let proto = first.protocol.name().to_ascii_lowercase();
        vars.insert(
            format!("{name}_PORT"),
            format!("{proto}://{ip}:{}", first.port),
        );
        for p in &svc.spec.ports {
            let proto = p.protocol.name().to_ascii_lowercase();
            if let Some(pn) = &p.name {
                vars.insert(
                    format!(
                        "{name}_SERVICE_PORT_{}",
                        pn.to_ascii_uppercase().replace('-', "_")
                    ),
                    p.port.to_string(),
                );
            }
            let base = format!("{name}_PORT_{}_{}", p.port, proto.to_ascii_uppercase());
            vars.insert(base.clone(), format!("{proto}://{ip}:{}", p.port));
            vars.insert(format!("{base}_PROTO"), proto.clone());
            vars.insert(format!("{base}_PORT"), p.port.to_string());
            vars.insert(format!("{base}_ADDR"), ip.to_string());
        }
    }
}

fn not_found(kind: &str, name: &str) -> String {
    format!("{kind} \"{name}\" not found")
}

/// The environment of a new container of `extra`'s spec, or the
/// CreateContainerConfigError message.
/// <https://kubernetes.io/docs/concepts/configuration/configmap/#configmaps-and-pods>
pub(crate) fn environment(
    store: &Store,
    extra: &CtrSpec,
    f: &PodFields,
) -> Result<BTreeMap<String, String>, String> {
    let ns = f.namespace;
    let mut vars = BTreeMap::new();
    vars.insert(
        "PATH".to_string(),
        "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin".to_string(),
    );
    vars.insert("HOSTNAME".to_string(), f.name.to_string());
    vars.insert("HOME".to_string(), "/root".to_string());
    service_vars(store, ns, &mut vars);
    for e in &extra.env_from {
        let prefix = e.prefix.clone().unwrap_or_default();
        let pairs: Vec<(String, String)> = match e.kind {
            EnvFromKind::ConfigMap => match store.configmaps().find(ns, &e.name) {
                Some(cm) => cm
                    .keys()
                    .filter_map(|k| cm.value(k).map(|v| (k.clone(), v)))
                    .collect(),
                None if e.optional => continue,
                None => return Err(not_found("configmap", &e.name)),
            },
            EnvFromKind::Secret => match store.secrets().find(ns, &e.name) {
                Some(s) => s
                    .data
                    .data
                    .keys()
                    .filter_map(|k| s.value(k).map(|v| (k.clone(), v)))
                    .collect(),
                None if e.optional => continue,
                None => return Err(not_found("secret", &e.name)),
            },
        };
        for (k, v) in pairs {
            vars.insert(format!("{prefix}{k}"), v);
        }
    }
    for e in &extra.env {
        let value = match &e.value_from {
            None => expand(e.value.as_deref().unwrap_or(""), &vars),
            Some(EnvSource::ConfigMapKey {
                name,
                key,
                optional,
            }) => match store.configmaps().find(ns, name) {
                None if *optional => continue,
                None => return Err(not_found("configmap", name)),
                Some(cm) => match cm.value(key) {
                    Some(v) => v,
                    None if *optional => continue,
                    None => {
                        return Err(format!("couldn't find key {key} in ConfigMap {ns}/{name}"));
                    }
                },
            },
            Some(EnvSource::SecretKey {
                name,
                key,
                optional,
            }) => match store.secrets().find(ns, name) {
                None if *optional => continue,
                None => return Err(not_found("secret", name)),
                Some(s) => match s.value(key) {
                    Some(v) => v,
                    None if *optional => continue,
                    None => return Err(format!("couldn't find key {key} in Secret {ns}/{name}")),
                },
            },
            Some(EnvSource::Field(path)) => field(f, path),
            Some(EnvSource::Resource(r)) => {
                let v = match r.as_str() {
                    "limits.cpu" => extra.limits.cpu_millis.div_ceil(1000),
                    "requests.cpu" => extra.requests.cpu_millis.div_ceil(1000),
                    "limits.memory" => extra.limits.memory_bytes,
                    "requests.memory" => extra.requests.memory_bytes,
                    _ => 0,
                };
                v.to_string()
            }
        };
        vars.insert(e.name.clone(), value);
    }
    Ok(vars)
}

/// The files of the container: its layer, then each mount on top.
pub(crate) fn fs_view(
    spec: &CtrSpec,
    extra: &CtrExtra,
    vols: Option<&PodVolumes>,
    disks: &Disks,
) -> FsView {
    let mut v = FsView::new();
    for (path, content) in extra.layer.iter() {
        v.put(path, content);
    }
    let Some(vols) = vols else {
        return v;
    };
    for m in &spec.mounts {
        let Some((mut files, read_only)) = vols.files_of(&m.name, disks) else {
            continue;
        };
        if m.sub_path.is_some()
            && let Some(f) = extra.frozen.get(&m.name)
        {
            files = f.clone();
        }
        match &m.sub_path {
            None => v.mount(&m.mount_path, &files, read_only || m.read_only),
            Some(sub) => {
                let sub = sub.trim_matches('/');
                if let Some(content) = files.get(sub) {
                    v.put(&m.mount_path, content);
                } else {
                    let prefix = format!("{sub}/");
                    let inner: Files = files
                        .iter()
                        .filter_map(|(k, c)| {
                            k.strip_prefix(&prefix).map(|r| (r.to_string(), c.clone()))
                        })
                        .collect();
                    v.mount(&m.mount_path, &inner, read_only || m.read_only);
                }
            }
        }
    }
    v
}

/// A host for the shell: a container's files and variables, no network.
pub struct CtrHost {
    pub fs: FsView,
    pub env: BTreeMap<String, String>,
    pub hostname: String,
    /// Simulated time when the command starts.
    pub clock_ms: u64,
}

impl Host for CtrHost {
    fn fs(&mut self) -> &mut FsView {
        &mut self.fs
    }

    fn env(&self) -> &BTreeMap<String, String> {
        &self.env
    }

    fn hostname(&self) -> String {
        self.hostname.clone()
    }

    fn clock_ms(&self) -> Option<u64> {
        Some(self.clock_ms)
    }
}

impl Worker {
    /// Build the environment of a container about to be created; on a
    /// missing ConfigMap, Secret or key, leave it in
    /// `CreateContainerConfigError` (retried every 10 s, the pod worker's
    /// back-off) and return `None`.
    pub(super) fn prepare(&mut self, w: Which, cx: &mut Cx) -> Option<BTreeMap<String, String>> {
        let ip = self.sandbox_ip.clone().unwrap_or_default();
        let spec = self.ctr(w).spec.clone();
        let fields = PodFields {
            name: &self.id.name,
            namespace: &self.id.ns,
            uid: &self.id.uid,
            node: cx.node,
            pod_ip: &ip,
            host_ip: cx.host_ip,
        };
        match environment(cx.api.store(), &spec, &fields) {
            Ok(env) => Some(env),
            Err(message) => {
                let field = self.ctr(w).field();
                cx.event(
                    &self.id,
                    Some(field),
                    EventType::Warning,
                    "Failed",
                    format!("Error: {message}"),
                );
                self.ctr(w).state = CState::ConfigError {
                    message,
                    retry_at: cx.now + CONFIG_RETRY_MS,
                };
                None
            }
        }
    }

    /// What the new container runs: its command (with `$(VAR)` expanded)
    /// read against its files and variables; an OOM kill if it uses more
    /// memory than its limit.
    pub(super) fn launch(
        &mut self,
        w: Which,
        img: Option<&crate::sim::images::Image>,
        env: BTreeMap<String, String>,
        now: u64,
        disks: &Disks,
    ) -> Program {
        let hostname = self.id.name.clone();
        let c = self.ctr(w);
        let command: Vec<String> = c.spec.command.iter().map(|a| expand(a, &env)).collect();
        let args: Vec<String> = c.spec.args.iter().map(|a| expand(a, &env)).collect();
        let image = c.spec.image.clone();
        let x = c.x.get_or_insert_with(Box::default);
        x.layer = crate::sim::shared::image_files(&image);
        x.applied_ms = 0;
        x.oom = false;
        let mut seen = env.clone();
        if seen.get("HOSTNAME") == Some(&hostname) {
            seen.remove("HOSTNAME");
        }
        x.env_seen = crate::sim::shared::env(seen);
        let argv: Vec<String> = command.iter().chain(&args).cloned().collect();
        x.serving = Some(Serving::new(&image, &argv, &env));
        x.frozen.clear();
        let spec = c.spec.clone();
        let mounts = &spec.mounts;
        let frozen: BTreeMap<String, Files> = match self.vols.as_deref() {
            Some(vols) => mounts
                .iter()
                .filter(|m| m.sub_path.is_some())
                .filter_map(|m| Some((m.name.clone(), vols.projected_files(&m.name)?.clone())))
                .collect(),
            None => BTreeMap::new(),
        };
        let x = self.ctr(w).x.get_or_insert_with(Box::default);
        x.frozen = frozen;
        let extra = (**x).clone();
        let fs = fs_view(&spec, &extra, self.vols.as_deref(), disks);
        let mut host = CtrHost {
            fs,
            env,
            hostname,
            clock_ms: now,
        };
        let Some(img) = img else {
            return Program::exits(0, 0);
        };
        let mut program = crate::sim::images::program_on(img, &command, &args, &mut host);
        let argv_for_usage = if argv.is_empty() {
            vec![img.reference.short().to_string()]
        } else {
            argv
        };
        let demand = crate::sim::usage::demand(&image, &argv_for_usage);
        if let Some(x) = self.ctr(w).x.as_mut() {
            x.demand = demand;
        }
        if let Some(after) = crate::sim::usage::oom_after(demand, spec.limits) {
            let earlier = match program.run {
                Run::Exit { after_ms, .. } => after < after_ms,
                Run::Forever => true,
            };
            if earlier {
                program.run = Run::Exit {
                    after_ms: after,
                    code: 137,
                };
                if let Some(x) = self.ctr(w).x.as_mut() {
                    x.oom = true;
                }
            }
        }
        program
    }

    /// A shell host on the files and variables of a container now.
    pub(super) fn host_for(&mut self, w: Which, disks: &Disks, now: u64) -> CtrHost {
        let hostname = self.id.name.clone();
        let c = self.ctr(w);
        let extra = c.x.as_deref().cloned().unwrap_or_default();
        let spec = c.spec.clone();
        let fs = fs_view(&spec, &extra, self.vols.as_deref(), disks);
        let mut env = (*extra.env_seen).clone();
        env.entry("HOSTNAME".to_string())
            .or_insert_with(|| hostname.clone());
        CtrHost {
            fs,
            env,
            hostname,
            clock_ms: now,
        }
    }

    /// Apply the file changes the containers' programs made up to now.
    pub(super) fn apply_file_changes(&mut self, cx: &mut Cx) {
        for w in self.all() {
            let c = self.ctr(w);
            let end = match &c.state {
                CState::Running { .. } => cx.now,
                CState::Exited { term, .. } | CState::Done(term) | CState::BackOff { term, .. } => {
                    term.finished_ms
                }
                _ => continue,
            };
            let to = end.saturating_sub(c.started_ms) + 1;
            let (Some(program), Some(x)) = (c.program.as_ref(), c.x.as_mut()) else {
                continue;
            };
            if x.applied_ms >= to {
                continue;
            }
            let ops = program.ops_between(x.applied_ms, to);
            x.applied_ms = to;
            if ops.is_empty() {
                continue;
            }
            let mounts = c.spec.clone();
            let mounts = &mounts.mounts;
            let mut layer = x.take_layer();
            for (_, op) in ops {
                match self.vols.as_mut() {
                    Some(v) => v.apply(&op, mounts, &mut layer, cx.disks),
                    None => op.apply(&mut layer, op.path()),
                }
            }
            if let Some(x) = self.ctr(w).x.as_mut() {
                x.layer = Arc::new(layer);
            }
        }
    }

    /// The running container `container` (or the first one) for `exec`.
    pub fn exec_target(
        &mut self,
        container: Option<&str>,
        disks: &Disks,
        now: u64,
    ) -> Result<crate::sim::kubelet::ExecTarget, String> {
        if let Some(phase) = self.terminal {
            return Err(format!(
                "error: cannot exec into a container in a completed pod; current phase is {}",
                phase.name()
            ));
        }
        let (w, defaulted) = match container {
            Some(name) => {
                let w = self
                    .all()
                    .into_iter()
                    .find(|w| self.app_or_init(*w).spec.name == name)
                    .ok_or_else(|| {
                        format!(
                            "error: unable to upgrade connection: container not found (\"{name}\")"
                        )
                    })?;
                (w, None)
            }
            None => {
                let names: Vec<String> = self.app.iter().map(|c| c.spec.name.clone()).collect();
                let note = (names.len() > 1).then(|| {
                    format!(
                        "Defaulted container \"{}\" out of: {}",
                        names[0],
                        names.join(", ")
                    )
                });
                (Which::App(0), note)
            }
        };
        let name = self.app_or_init(w).spec.name.clone();
        if !self.app_or_init(w).is_running() {
            return Err(format!(
                "error: unable to upgrade connection: container not found (\"{name}\")"
            ));
        }
        let image = self.app_or_init(w).spec.image.clone();
        let host = self.host_for(w, disks, now);
        Ok(crate::sim::kubelet::ExecTarget {
            container: name,
            image,
            host,
            defaulted,
        })
    }

    /// Answer an HTTP GET on `port` from the container that listens there.
    pub fn http(
        &mut self,
        port: u16,
        path: &str,
        now: u64,
        disks: &Disks,
    ) -> Result<crate::sim::shell::HttpReply, bool> {
        let stamp = crate::sim::timefmt::rfc3339(now);
        for w in self.all() {
            let c = self.app_or_init(w);
            let Some(serving) = c.x.as_ref().and_then(|x| x.serving.clone()) else {
                continue;
            };
            if !c.is_running() || !serving.listens(port, now.saturating_sub(c.started_ms)) {
                continue;
            }
            let elapsed = now.saturating_sub(c.started_ms);
            let host = self.host_for(w, disks, now);
            return serving.http(port, path, elapsed, &host.fs, &host.hostname, &stamp);
        }
        Err(true)
    }

    /// What the running containers use now, as metrics-server reports it
    /// (CPU throttled to the limit); `None` before the first scrape (15 s).
    pub fn usage(&self, now: u64) -> Option<Resources> {
        let mut total = Resources::default();
        let mut any = false;
        for c in self.init.iter().chain(&self.app).filter(|c| c.is_running()) {
            if now < c.started_ms + crate::sim::usage::SCRAPE_MS {
                continue;
            }
            any = true;
            let (d, limits) =
                c.x.as_ref()
                    .map(|x| (x.demand, c.spec.limits))
                    .unwrap_or_default();
            let u = crate::sim::usage::observed(d, limits);
            total.cpu_millis += u.cpu_millis;
            total.memory_bytes += u.memory_bytes;
        }
        any.then_some(total)
    }

    /// (container, memory used, memory requested) of the running containers.
    pub fn container_usage(&self, now: u64) -> Vec<(String, u64, u64)> {
        self.init
            .iter()
            .chain(&self.app)
            .filter(|c| c.is_running() && now >= c.started_ms + crate::sim::usage::SCRAPE_MS)
            .filter_map(|c| {
                let x = c.x.as_ref()?;
                Some((
                    c.spec.name.clone(),
                    x.demand.memory_bytes,
                    c.spec.requests.memory_bytes,
                ))
            })
            .collect()
    }

    /// Evicted for node pressure: every container is killed at once and the
    /// pod ends Failed with reason Evicted.
    pub fn evict(&mut self, message: &str, cx: &mut Cx) {
        cx.event(
            &self.id,
            None,
            EventType::Warning,
            "Evicted",
            message.to_string(),
        );
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
                self.kill(w, cx, 137);
            }
        }
        self.evicted = Some(message.to_string());
        self.terminal = Some(Phase::Failed);
        self.teardown(cx);
    }

    /// Whether a running container listens on `port`.
    pub fn listens(&self, port: u16, now: u64) -> bool {
        self.init.iter().chain(&self.app).any(|c| {
            c.is_running()
                && c.x
                    .as_ref()
                    .and_then(|x| x.serving.as_ref())
                    .is_some_and(|s| s.listens(port, now.saturating_sub(c.started_ms)))
        })
    }

    /// Apply file changes made by a command run in a container (`exec`).
    pub fn apply_exec_changes(
        &mut self,
        container: &str,
        ops: &[(u64, crate::sim::fs::FsOp)],
        disks: &mut Disks,
    ) {
        let Some(w) = self
            .all()
            .into_iter()
            .find(|w| self.app_or_init(*w).spec.name == container)
        else {
            return;
        };
        if ops.is_empty() {
            return;
        }
        let spec = self.app_or_init(w).spec.clone();
        let Some(x) = self.ctr(w).x.as_mut() else {
            return;
        };
        let mounts = &spec.mounts;
        let mut layer = x.take_layer();
        for (_, op) in ops {
            match self.vols.as_mut() {
                Some(v) => v.apply(op, mounts, &mut layer, disks),
                None => op.apply(&mut layer, op.path()),
            }
        }
        if let Some(x) = self.ctr(w).x.as_mut() {
            x.layer = Arc::new(layer);
        }
    }

    /// When the next file change of a running program is due.
    pub(super) fn next_file_change(&self, c: &Ctr) -> Option<u64> {
        if !c.is_running() {
            return None;
        }
        let x = c.x.as_ref()?;
        let t = c.program.as_ref()?.next_op_from(x.applied_ms)?;
        Some(c.started_ms + t)
    }
}

/// How long the pod worker waits before trying a container whose
/// configuration failed again.
pub const CONFIG_RETRY_MS: u64 = 10_000;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dependent_variables_expand_like_the_kubelet() {
        // https://kubernetes.io/docs/tasks/inject-data-application/define-interdependent-environment-variables/
        let mut vars = BTreeMap::new();
        vars.insert("SERVICE_PORT".to_string(), "8080".to_string());
        assert_eq!(
            expand("http://web:$(SERVICE_PORT)/", &vars),
            "http://web:8080/"
        );
        assert_eq!(
            expand("$(MISSING)-$$(SERVICE_PORT)", &vars),
            "$(MISSING)-$(SERVICE_PORT)"
        );
    }
}
