//! The cluster as kubeadm leaves it: the four namespaces, the `kube-system`
//! workloads (static control-plane pods, kube-proxy, CoreDNS and its
//! `kube-dns` Service), the kubelets' Leases, the EndpointSlice of the
//! `kubernetes` Service.
//!
//! A new cluster is already set up when time starts: the system objects
//! are created and run to their steady state *before* the clock moves
//! ("settled": the components take their usual steps with time frozen at
//! 0), with their own random source, and what they logged is forgotten. So
//! the system pods are Running at 0 s, and what a student creates gets the
//! same names, addresses and timings as in a cluster without them.
//! CoreDNS is placed while the control plane is the only node (as kubeadm
//! does: workers join afterwards), so the workers start empty.

pub mod components;
pub mod configs;

use super::apiserver::{IMMORTAL_NAMESPACES, NODE_LEASE_NAMESPACE};
use super::cluster::Cluster;
use super::objects::*;
use super::release::Release;
use super::stored::*;
use components::SYSTEM_NAMESPACE;

/// Steps a settle may take before giving up (it takes about ten).
const SETTLE_STEPS: usize = 64;

/// The namespaces every cluster has.
pub const NAMESPACES: [&str; 4] = ["default", "kube-node-lease", "kube-public", "kube-system"];

impl Cluster {
    /// Run `f` with the system's random sources in the API server, the
    /// scheduler and every kubelet, then put the cluster's own back.
    pub(super) fn with_system_rng(&mut self, f: impl FnOnce(&mut Cluster)) {
        let api = self.api.swap_rng(self.system_rng.fork());
        let scheduler = self.scheduler.swap_rng(self.system_rng.fork());
        let mut kubelets = Vec::with_capacity(self.kubelets.len());
        for k in &mut self.kubelets {
            kubelets.push(k.swap_rng(self.system_rng.fork()));
        }
        f(self);
        self.api.swap_rng(api);
        self.scheduler.swap_rng(scheduler);
        for (k, r) in self.kubelets.iter_mut().zip(kubelets) {
            k.swap_rng(r);
        }
    }

    /// Let every component react, time frozen, until nothing changes.
    pub(super) fn settle(&mut self) {
        for _ in 0..SETTLE_STEPS {
            let window = self.api.take_watch();
            let busy = self.kubelets.iter().any(|k| k.has_work());
            if window.is_empty() && !busy {
                return;
            }
            self.scheduler.step(&window, &mut self.api);
            self.controllers.step_workloads(&window, &mut self.api);
            for ev in &window {
                if ev.res == super::store::Res::Pod
                    && let Some(node) = ev.node
                    && let Some(k) = self.kubelets.get_mut(node)
                {
                    k.notify(ev.oid);
                }
            }
            for k in &mut self.kubelets {
                k.sync_pods(&mut self.api, &mut self.disks);
            }
            self.proxy.step(&window, &mut self.api, &[]);
        }
    }

    /// `kubeadm init` on the control plane: namespaces, the static pods,
    /// the add-ons (kube-proxy, CoreDNS), settled.
    pub(super) fn init_control_plane(&mut self) {
        let release = Release::of(self.runtime);
        self.with_system_rng(|c| {
            for ns in NAMESPACES {
                let meta = ObjectMeta {
                    name: ns.to_string(),
                    namespace: String::new(),
                    labels: Labels::new(),
                    annotations: Labels::new(),
                };
                let obj = Object {
                    meta,
                    spec: Spec::Namespace(NamespaceSpec {}),
                };
                let _ = c.api.create(obj, None, false);
            }
            c.add_system_workloads(release);
            c.preload_system_images(release);
            c.renew_leases();
            c.settle();
        });
    }

    /// The workers have joined: their leases, their kube-proxy pods, the
    /// apiserver's slice of the `kubernetes` Service; then time starts.
    pub(super) fn workers_joined(&mut self) {
        let release = Release::of(self.runtime);
        self.with_system_rng(|c| {
            c.kubernetes_endpoint_slice();
            c.preload_system_images(release);
            c.renew_leases();
            c.settle();
        });
        let _ = self.api.take_watch();
        self.api.clear_log();
    }

    fn renew_leases(&mut self) {
        for id in 0..self.api.store().nodes().len() {
            self.api.renew_node_lease(id);
        }
    }

    fn preload_system_images(&mut self, release: Release) {
        for k in &mut self.kubelets {
            for image in components::images(release) {
                k.preload_image(&image);
            }
        }
    }

    fn add_system_workloads(&mut self, release: Release) {
        let (node, ip) = match self.api.store().nodes().first() {
            Some(n) => (n.meta.name.clone(), n.internal_ip.clone()),
            None => return,
        };
        let mut objects = components::static_pods(release, &node, &ip);
        objects.push(configs::coredns());
        objects.push(configs::kube_proxy(&ip));
        objects.push(components::kube_proxy(release));
        objects.push(components::coredns(release));
        objects.push(components::kube_dns());
        for obj in objects {
            let owner = match &obj.spec {
                // A mirror pod names its node as its owner.
                Spec::Pod(_) => self
                    .api
                    .store()
                    .node(0)
                    .map(|n| OwnerRef::new(Kind::Node, &n.meta.name, &n.meta.uid, n.meta.oid)),
                _ => None,
            };
            let _ = self.api.create(obj, owner, false);
        }
    }

    /// The apiserver keeps the `kubernetes` Service's EndpointSlice itself.
    fn kubernetes_endpoint_slice(&mut self) {
        let s = self.api.store();
        let Some(svc) = s.services().find("default", "kubernetes").cloned() else {
            return;
        };
        let Some(ep) = s.endpoints().find("default", "kubernetes") else {
            return;
        };
        let endpoints: Vec<SliceEndpoint> = ep
            .ready
            .iter()
            .map(|a| SliceEndpoint {
                address: a.ip.clone(),
                ready: true,
                serving: true,
                terminating: false,
                node: None,
                pod: String::new(),
                pod_uid: String::new(),
            })
            .collect();
        let ports = ep.ports.clone();
        self.api
            .set_endpoint_slice(&svc, None, endpoints, ports, None);
    }

    /// Change the release the cluster runs (`runtime containerd|dockershim`):
    /// the control-plane node's roles and taint, and the system pods are
    /// replaced by the other release's, quietly (an upgrade, already done).
    pub(super) fn switch_release(&mut self, release: Release) {
        let since = self.api.log().next_seq();
        self.scheduler.set_system_only(true);
        self.with_system_rng(|c| {
            c.mark_nodes(release);
            c.remove_system_workloads();
            c.settle();
            // As at `kubeadm init`, CoreDNS goes to the control plane: the
            // workers take no pods while the add-ons are placed.
            let cordoned = c.hold_workers();
            c.settle();
            c.add_system_workloads(release);
            c.preload_system_images(release);
            c.settle();
            c.release_workers(&cordoned);
            c.settle();
        });
        self.scheduler.set_system_only(false);
        let _ = self.api.take_watch();
        // What the system pods did is forgotten; what the upgrade did to a
        // student's pods (a new scheduling attempt) stays.
        self.api
            .forget_since(since, |o| is_system_namespace(&o.namespace));
    }

    /// Keep new pods off the workers; returns which were cordoned already.
    fn hold_workers(&mut self) -> Vec<bool> {
        let before: Vec<bool> = self
            .api
            .store()
            .nodes()
            .iter()
            .map(|n| n.unschedulable)
            .collect();
        for id in 1..before.len() {
            self.api.update_node(id, false, |n| n.unschedulable = true);
        }
        before
    }

    fn release_workers(&mut self, before: &[bool]) {
        for (id, was) in before.iter().enumerate().skip(1) {
            self.api.update_node(id, false, |n| n.unschedulable = *was);
        }
    }

    /// The control-plane node's role labels and NoSchedule taint, and the
    /// nodes' CRI socket annotation, for `release`.
    fn mark_nodes(&mut self, release: Release) {
        for id in 0..self.api.store().nodes().len() {
            self.api.update_node(id, false, |n| {
                let key = "kubeadm.alpha.kubernetes.io/cri-socket";
                n.meta.annotations.remove(key);
                if release == Release::V1_23 {
                    n.meta
                        .annotations
                        .insert(key.into(), "/var/run/dockershim.sock".into());
                }
            });
        }
        let now = self.now();
        self.api.update_node(0, false, |n| {
            for role in [
                super::release::CONTROL_PLANE_ROLE,
                super::release::MASTER_ROLE,
            ] {
                n.meta.labels.remove(role);
                n.taints.retain(|t| t.taint.key != role);
            }
            for role in release.control_plane_roles() {
                n.meta.labels.insert(role.to_string(), String::new());
            }
            n.taints.push(NodeTaint {
                taint: Taint {
                    key: release.control_plane_taint().into(),
                    value: None,
                    effect: TaintEffect::NoSchedule,
                },
                added_ms: now,
            });
        });
    }

    /// Take the system workloads out at once (force deletion).
    fn remove_system_workloads(&mut self) {
        let s = self.api.store();
        let ds: Vec<Oid> = s
            .daemonsets()
            .in_namespace(SYSTEM_NAMESPACE)
            .map(|d| d.meta.oid)
            .collect();
        let deploys: Vec<Oid> = s
            .deployments()
            .in_namespace(SYSTEM_NAMESPACE)
            .map(|d| d.meta.oid)
            .collect();
        let rs: Vec<Oid> = s
            .replicasets()
            .in_namespace(SYSTEM_NAMESPACE)
            .map(|d| d.meta.oid)
            .collect();
        let svcs: Vec<Oid> = s
            .services()
            .in_namespace(SYSTEM_NAMESPACE)
            .map(|d| d.meta.oid)
            .collect();
        let pods: Vec<Oid> = s
            .pods()
            .in_namespace(SYSTEM_NAMESPACE)
            .map(|p| p.meta.oid)
            .collect();
        for oid in ds {
            self.api.delete::<DaemonSet>(oid);
        }
        for oid in deploys {
            self.api.delete::<Deployment>(oid);
        }
        for oid in rs {
            self.api.delete::<ReplicaSet>(oid);
        }
        for oid in svcs {
            self.api.delete::<Service>(oid);
        }
        for oid in pods {
            self.api.remove_pod(oid);
        }
    }
}

/// Whether a namespace is one of the cluster's own (`kube-system`,
/// `kube-public`, `kube-node-lease`): the cluster view leaves them out.
pub fn is_system_namespace(ns: &str) -> bool {
    ns.starts_with("kube-") && (IMMORTAL_NAMESPACES.contains(&ns) || ns == NODE_LEASE_NAMESPACE)
}
