//! The cluster: every component, and the loop that advances simulated time.

use super::apiserver::ApiServer;
use super::clock::{Clock, Rng};
use super::cni::{self, Ipam};
use super::controllers::Controllers;
use super::kubelet::Kubelet;
use super::objects::*;
use super::proxy::Proxy;
use super::release::Release;
use super::runtime::RuntimeKind;
use super::scheduler::Scheduler;
use super::store::Res;
use super::stored::*;
use super::volumes::Disks;

/// The shape of a cluster: how many workers and how big they are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClusterConfig {
    /// Worker nodes `node-1` ... `node-N` (besides `control-plane`).
    pub workers: usize,
    pub cpu_millis: u64,
    pub memory_bytes: u64,
    pub max_pods: u32,
    pub runtime: RuntimeKind,
}

impl Default for ClusterConfig {
    /// The default cluster of CONTRACT-sim.md: three workers of 2 CPU / 4Gi.
    fn default() -> Self {
        ClusterConfig {
            workers: 3,
            cpu_millis: 2000,
            memory_bytes: 4 << 30,
            max_pods: 110,
            runtime: RuntimeKind::Containerd,
        }
    }
}

/// The simulated cluster. See the module documentation of [`crate::sim`].
/// Cloning gives an independent copy that continues identically.
#[derive(Debug, Clone)]
pub struct Cluster {
    pub(super) seed: u64,
    pub(super) config: ClusterConfig,
    pub(super) clock: Clock,
    pub(super) api: ApiServer,
    pub(super) scheduler: Scheduler,
    pub(super) controllers: Controllers,
    pub(super) kubelets: Vec<Kubelet>,
    pub(super) proxy: Proxy,
    pub(super) runtime: RuntimeKind,
    /// The random source of the cluster's own objects (see [`super::system`]).
    pub(super) system_rng: Rng,
    /// The data on PersistentVolumes and hostPath folders.
    pub(super) disks: Disks,
}

/// The nodes' root filesystem (`ephemeral-storage` capacity): 100 GiB.
const EPHEMERAL_STORAGE: u64 = 100 << 30;

/// `8-4-4-4-12` from 32 hex digits.
fn uuid_from(hex: &str) -> String {
    format!(
        "{}-{}-{}-{}-{}",
        &hex[..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

/// `10.244.<i>.0/24` for node `i` (0 is the control plane), continuing past
/// 10.244.255.0 for very large clusters.
fn pod_cidr(i: usize) -> String {
    format!("{}/24", cni::format_ip(0x0AF4_0000 + (i as u32) * 256))
}

/// `192.168.49.<2+i>`, continuing into the next /24s for large clusters.
fn node_ip(i: usize) -> String {
    cni::format_ip(0xC0A8_3100 + 2 + i as u32)
}

impl Cluster {
    /// The default cluster: `control-plane` (tainted NoSchedule) and
    /// `node-1`..`node-3` (2 CPU, 4Gi), containerd, Kubernetes v1.33, the
    /// `kubernetes` Service, and the system pods in `kube-system` (see
    /// [`super::system`]).
    /// The default cluster (see [`ClusterConfig::default`]) of `seed`.
    pub fn new(seed: u64) -> Cluster {
        super::built::default_cluster(seed, || {
            Cluster::with_config(seed, ClusterConfig::default())
        })
    }

    pub fn with_config(seed: u64, config: ClusterConfig) -> Cluster {
        let mut rng = Rng::new(seed);
        let api = ApiServer::new(rng.fork());
        let runtime = config.runtime;
        let mut kubelet_rngs: Vec<Rng> = (0..=config.workers).map(|_| rng.fork()).collect();
        let mut scheduler = Scheduler::new(rng.fork());
        scheduler.set_release(Release::of(runtime));
        let proxy = Proxy::new(rng.fork());
        let system_rng = rng.fork();
        let mut cluster = Cluster {
            seed,
            config,
            clock: Clock::default(),
            scheduler,
            controllers: Controllers::new(),
            proxy,
            kubelets: Vec::with_capacity(kubelet_rngs.len()),
            api,
            runtime,
            system_rng,
            disks: Disks::default(),
        };
        kubelet_rngs.reverse();
        let first = kubelet_rngs.pop().expect("one per node");
        cluster.join_node(0, "control-plane".into(), first);
        cluster.init_control_plane();
        for i in 1..=cluster.config.workers {
            let rng = kubelet_rngs.pop().expect("one per node");
            cluster.join_node(i, format!("node-{i}"), rng);
        }
        cluster.create_kubernetes_service();
        cluster.workers_joined();
        let _ = cluster.api.create(
            super::controllers::volume_binder::default_storage_class(),
            None,
            false,
        );
        cluster
    }

    /// Register node `i` (0 is the control plane) and start its kubelet.
    fn join_node(&mut self, i: usize, name: String, rng: Rng) {
        let release = Release::of(self.runtime);
        let mut labels = Labels::new();
        for (k, v) in [
            ("beta.kubernetes.io/arch", "amd64"),
            ("beta.kubernetes.io/os", "linux"),
            ("kubernetes.io/arch", "amd64"),
            ("kubernetes.io/os", "linux"),
        ] {
            labels.insert(k.into(), v.into());
        }
        labels.insert("kubernetes.io/hostname".into(), name.clone());
        let mut taints = Vec::new();
        if i == 0 {
            for role in release.control_plane_roles() {
                labels.insert(role.to_string(), String::new());
            }
            labels.insert(
                "node.kubernetes.io/exclude-from-external-load-balancers".into(),
                String::new(),
            );
            taints.push(NodeTaint {
                taint: Taint {
                    key: release.control_plane_taint().into(),
                    value: None,
                    effect: TaintEffect::NoSchedule,
                },
                added_ms: 0,
            });
        }
        let res = Resources {
            cpu_millis: self.config.cpu_millis,
            memory_bytes: self.config.memory_bytes,
        };
        let cidr = pod_cidr(i);
        let ip = node_ip(i);
        let digest = crate::sim::names::digest(&name);
        let mut annotations = Labels::new();
        // Written by the TTL controller and the kubelet (kubeadm's CRI socket
        // annotation belongs to the dockershim era).
        annotations.insert("node.alpha.kubernetes.io/ttl".into(), "0".into());
        annotations.insert(
            "volumes.kubernetes.io/controller-managed-attach-detach".into(),
            "true".into(),
        );
        if release == Release::V1_23 {
            annotations.insert(
                "kubeadm.alpha.kubernetes.io/cri-socket".into(),
                "/var/run/dockershim.sock".into(),
            );
        }
        let mut node = Node {
            meta: Meta {
                oid: 0,
                uid: String::new(),
                name: name.clone(),
                namespace: String::new(),
                labels,
                annotations,
                creation_ms: 0,
                resource_version: 0,
                generation: 1,
                deletion_ms: None,
                deletion_grace_s: None,
                owner: None,
            },
            pod_cidr: cidr.clone(),
            taints,
            unschedulable: false,
            capacity: res,
            allocatable: res,
            max_pods: self.config.max_pods,
            ready: Condition::new(CondStatus::True, 0)
                .with("KubeletReady", "kubelet is posting ready status"),
            heartbeat_ms: 0,
            internal_ip: ip.clone(),
            kubelet_version: String::new(),
            runtime_version: String::new(),
            kube_proxy_version: String::new(),
            os_image: String::new(),
            kernel_version: String::new(),
            machine_id: digest[..32].to_string(),
            system_uuid: uuid_from(&digest[32..]),
            boot_id: uuid_from(&crate::sim::names::digest(&format!("{name}/boot"))),
            ephemeral_storage_bytes: EPHEMERAL_STORAGE,
            memory_pressure: None,
        };
        release.node_info(&mut node);
        let id = self.api.register_node(node);
        let ipam = Ipam::new(&cidr).expect("valid pod CIDR");
        self.kubelets
            .push(Kubelet::new(id, &name, ipam, &ip, self.runtime, rng));
    }

    /// A new worker joins (`kubeadm join`): its Node registers with the next
    /// pod CIDR and address, its kubelet starts, and the DaemonSets put
    /// their pods there. `name` defaults to the next `node-N`.
    /// <https://kubernetes.io/docs/concepts/architecture/nodes/#self-registration-of-nodes>
    pub fn add_worker(&mut self, name: Option<&str>) -> Result<String, String> {
        let i = self.api.store().nodes().len();
        let name = match name {
            Some(n) => n.to_string(),
            None => (i..)
                .map(|k| format!("node-{k}"))
                .find(|n| self.api.store().node_id(n).is_none())
                .expect("a free name"),
        };
        let causes = super::validation::name(Kind::Node, &name);
        if let Some(c) = causes.first() {
            return Err(format!("The Node \"{name}\" is invalid: {c}"));
        }
        if self.api.store().node_id(&name).is_some() {
            return Err(format!(
                "Error from server (AlreadyExists): nodes \"{name}\" already exists"
            ));
        }
        let rng = self.system_rng.fork();
        self.join_node(i, name.clone(), rng);
        let object = super::events::ObjRef::new(Kind::Node, "", &name);
        self.api.record(
            super::events::Event::new(
                super::events::Component::Kubelet,
                "kubelet",
                super::events::EventType::Normal,
                object.clone(),
                "Starting",
                "Starting kubelet.",
            )
            .host(&name),
        );
        self.api.record(super::events::Event::new(
            super::events::Component::ControllerManager,
            "node-controller",
            super::events::EventType::Normal,
            object,
            "RegisteredNode",
            format!("Node {name} event: Registered Node {name} in Controller"),
        ));
        Ok(name)
    }

    /// The `default/kubernetes` Service every cluster has (10.96.0.1:443 →
    /// the API server on the control plane).
    fn create_kubernetes_service(&mut self) {
        let mut meta = ObjectMeta::named("kubernetes");
        meta.labels.insert("component".into(), "apiserver".into());
        meta.labels.insert("provider".into(), "kubernetes".into());
        let spec = ServiceSpec {
            service_type: ServiceType::ClusterIP,
            selector: Labels::new(),
            ports: vec![ServicePort {
                name: Some("https".into()),
                port: 443,
                target_port: PortRef::Number(6443),
                protocol: Protocol::TCP,
                node_port: None,
            }],
            cluster_ip: Some("10.96.0.1".into()),
        };
        let obj = Object {
            meta,
            spec: Spec::Service(spec),
        };
        if let Ok((_, oid)) = self.api.create(obj, None, false)
            && let Some(svc) = self.api.store().services().get(oid).cloned()
        {
            let ready = vec![EndpointAddress {
                ip: node_ip(0),
                node: None,
                pod: String::new(),
                pod_oid: 0,
            }];
            let ports = vec![EndpointPort {
                name: Some("https".into()),
                port: 6443,
                protocol: Protocol::TCP,
            }];
            self.api.set_endpoints(&svc, ready, Vec::new(), ports);
        }
    }

    /// The seed this cluster was made with.
    pub fn seed(&self) -> u64 {
        self.seed
    }

    pub fn config(&self) -> &ClusterConfig {
        &self.config
    }

    /// Simulated time in milliseconds since the cluster started.
    pub fn now(&self) -> u64 {
        self.clock.now()
    }

    /// Run the simulation for `ms` milliseconds, in fixed steps of
    /// [`super::clock::STEP_MS`]; time less than a step is carried over to
    /// the next call, so `advance(50)` twice equals `advance(100)` once.
    pub fn advance(&mut self, ms: u64) {
        let steps = self.clock.owe(ms);
        for _ in 0..steps {
            self.step();
        }
    }

    /// One internal step. Each component sees what was written before the
    /// step began, so a change travels one hop per step (api-server → etcd →
    /// scheduler → kubelet → runtime), as a watch delivers it.
    fn step(&mut self) {
        let now = self.clock.tick();
        self.api.set_now(now);
        let window = self.api.take_watch();
        self.scheduler.step(&window, &mut self.api);
        self.controllers.step(&window, &mut self.api);
        for ev in &window {
            if ev.res == Res::Pod
                && let Some(node) = ev.node
                && let Some(k) = self.kubelets.get_mut(node)
            {
                k.notify(ev.oid);
            }
        }
        for ev in &window {
            if ev.res == Res::PersistentVolume && ev.op == super::store::Op::Deleted {
                self.disks.forget_volume(ev.oid);
            }
        }
        for k in &mut self.kubelets {
            k.step(&mut self.api, &mut self.disks);
        }
        let down: Vec<String> = (self.kubelets.iter().enumerate())
            .filter(|(_, k)| k.is_down())
            .filter_map(|(i, _)| self.api.store().node(i).map(|n| n.meta.name.clone()))
            .collect();
        let down: Vec<&str> = down.iter().map(String::as_str).collect();
        self.proxy.step(&window, &mut self.api, &down);
    }

    /// The API server (read-only: the store, the event and activity logs).
    pub fn api(&self) -> &ApiServer {
        &self.api
    }

    /// The runtime path the nodes use.
    pub fn runtime(&self) -> RuntimeKind {
        self.runtime
    }
}

impl Cluster {
    /// Keep (or stop keeping) a copy of the store's watch log for an outside
    /// reader: the HTTP API serves its watches from it.
    pub fn set_watch_tap(&mut self, on: bool) {
        self.api.store_mut().set_tap(on);
    }

    /// Whether a watch tap is attached.
    pub fn watch_tap_on(&self) -> bool {
        self.api.store().tap_on()
    }

    /// The watch entries written since the last call (oldest first).
    pub fn take_watch_tap(&mut self) -> Vec<super::store::WatchEvent> {
        self.api.store_mut().take_tap()
    }
}
