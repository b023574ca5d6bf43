//! The cluster: every component, and the loop that advances simulated time.

use super::apiserver::ApiServer;
use super::clock::{Clock, Rng};
use super::cni::{self, Ipam};
use super::controllers::Controllers;
use super::kubelet::Kubelet;
use super::objects::*;
use super::proxy::Proxy;
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
    /// The data on PersistentVolumes and hostPath folders.
    pub(super) disks: Disks,
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
    /// `node-1`..`node-3` (2 CPU, 4Gi), containerd, the `kubernetes` Service.
    pub fn new(seed: u64) -> Cluster {
        Cluster::with_config(seed, ClusterConfig::default())
    }

    pub fn with_config(seed: u64, config: ClusterConfig) -> Cluster {
        let mut rng = Rng::new(seed);
        let mut api = ApiServer::new(rng.fork());
        let runtime = config.runtime;
        let mut kubelets = Vec::with_capacity(config.workers + 1);
        for i in 0..=config.workers {
            let name = if i == 0 {
                "control-plane".to_string()
            } else {
                format!("node-{i}")
            };
            let mut labels = Labels::new();
            labels.insert("kubernetes.io/arch".into(), "amd64".into());
            labels.insert("kubernetes.io/hostname".into(), name.clone());
            labels.insert("kubernetes.io/os".into(), "linux".into());
            let mut taints = Vec::new();
            if i == 0 {
                labels.insert(
                    "node-role.kubernetes.io/control-plane".into(),
                    String::new(),
                );
                taints.push(NodeTaint {
                    taint: Taint {
                        key: "node-role.kubernetes.io/control-plane".into(),
                        value: None,
                        effect: TaintEffect::NoSchedule,
                    },
                    added_ms: 0,
                });
            }
            let res = Resources {
                cpu_millis: config.cpu_millis,
                memory_bytes: config.memory_bytes,
            };
            let cidr = pod_cidr(i);
            let ip = node_ip(i);
            let mut meta_src = ObjectMeta::named(name.clone());
            meta_src.labels = labels;
            let node = Node {
                meta: Meta {
                    oid: 0,
                    uid: String::new(),
                    name: name.clone(),
                    namespace: String::new(),
                    labels: meta_src.labels,
                    annotations: Labels::new(),
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
                max_pods: config.max_pods,
                ready: Condition::new(CondStatus::True, 0)
                    .with("KubeletReady", "kubelet is posting ready status"),
                heartbeat_ms: 0,
                internal_ip: ip.clone(),
                kubelet_version: runtime.kubelet_version().to_string(),
                runtime_version: runtime.version().to_string(),
                memory_pressure: None,
            };
            let id = api.register_node(node);
            let ipam = Ipam::new(&cidr).expect("valid pod CIDR");
            kubelets.push(Kubelet::new(id, &name, ipam, &ip, runtime, rng.fork()));
        }
        let mut cluster = Cluster {
            seed,
            config,
            clock: Clock::default(),
            scheduler: Scheduler::new(rng.fork()),
            controllers: Controllers::new(),
            proxy: Proxy::new(rng.fork()),
            kubelets,
            api,
            runtime,
            disks: Disks::default(),
        };
        cluster.create_kubernetes_service();
        let _ = cluster.api.create(
            super::controllers::volume_binder::default_storage_class(),
            None,
            false,
        );
        cluster
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
        self.proxy.step(&window, &mut self.api);
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
