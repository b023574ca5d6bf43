//! The simulated cluster: a control plane and nodes that follow the
//! Kubernetes rules, deterministic for a given seed.
//!
//! # Shape
//!
//! The code mirrors the architecture it teaches. [`apiserver::ApiServer`] is
//! the only writer of [`store::Store`] ("etcd": versioned objects, a revision
//! counter, a watch log, indexes by node, owner and label). Every component
//! reads the store and reacts to the watch; none calls another directly:
//! [`scheduler`], [`controllers`] (ReplicaSet, Deployment, Job, node
//! lifecycle with taint eviction, Endpoints, garbage collector), one
//! [`kubelet::Kubelet`] per node (which drives its [`runtime::Runtime`], the
//! CRI, and through it [`cni`] IPAM: node-local calls, as on a real node),
//! and [`proxy`] (kube-proxy). What images exist is [`images`]; what a
//! container's command does is read by [`shell`].
//!
//! Time moves only in [`Cluster::advance`], in fixed steps of
//! [`clock::STEP_MS`] (100 ms). In each step every component sees the
//! writes made before the step began, so a change travels one hop per step:
//! an apply visibly goes api-server → etcd → scheduler → kubelet → runtime.
//! The same seed and the same calls give the same run, however time is
//! sliced; a clone continues exactly like the original.
//!
//! # Public API (for the TUI, quizzes, exercises, kubectl)
//!
//! Build: [`Cluster::new`] (the default cluster: `control-plane` tainted
//! NoSchedule, `node-1`..`node-3` with 2 CPU / 4Gi and pod CIDRs
//! 10.244.N.0/24, containerd, the `kubernetes` Service),
//! [`Cluster::with_config`] (any size), [`Cluster::from_setup`] /
//! [`Cluster::apply_setup`] (a lesson's `cluster` block or a named
//! [`scenarios`] entry).
//!
//! Time: [`Cluster::advance`], [`Cluster::now`].
//!
//! Change (`ops.rs`): [`Cluster::apply`], [`Cluster::create`],
//! [`Cluster::apply_manifest`] (kubectl-like lines or the diagnostics),
//! [`Cluster::delete`], [`Cluster::scale`], [`Cluster::set_image`],
//! [`Cluster::set_schedulable`] (cordon/uncordon), [`Cluster::evict_node`] (drain),
//! [`Cluster::set_node_down`] (`fault node-down|node-up`), [`Cluster::crash`],
//! [`Cluster::set_runtime`], [`Cluster::set_traffic`],
//! [`Cluster::set_proxy_mode`].
//!
//! Read (`queries.rs`, `status.rs`, `observe.rs`, `api_value/`):
//! [`Cluster::store`] (nodes, pods, workloads, services, endpoints; pods by
//! node via [`Cluster::pods_on`], the pending lane via
//! [`Cluster::unscheduled_pods`]), [`Cluster::events`] (Kubernetes Events,
//! aggregated), [`Cluster::activity_since`] and [`Cluster::last_active`]
//! (which component acted when, for lighting the flow),
//! [`Cluster::runtime_chain`], [`Cluster::revision`] and
//! [`Cluster::object_count`] (etcd), [`Cluster::traffic`] (per-pod request
//! counters and per-second history of a Service), [`Cluster::rollout_status`],
//! [`Cluster::logs`], [`status::pod_status`] (kubectl's STATUS column, not the
//! phase), [`status::pod_ready`], [`status::node_status`],
//! [`status::job_status`], [`Cluster::to_api_value`] (`-o yaml|json`),
//! [`Cluster::observe`] (predict questions and the drill),
//! [`Cluster::pods_matching`], [`Cluster::ready_matching`] and
//! [`Cluster::endpoint_count`] (exercise checks).
//!
//! The command language on top of this is [`crate::kubectl`].

pub mod admission;
pub mod api_value;
pub mod apiserver;
mod built;
pub mod clock;
pub mod cluster;
pub mod cni;
pub mod controllers;
pub mod cron;
pub mod events;
pub mod expose;
pub mod fs;
pub mod images;
pub mod kind_validation;
pub mod kinds;
pub mod kubelet;
pub mod labelmap;
pub mod labels;
pub mod metrics;
pub mod names;
pub mod network;
pub mod objects;
pub mod observe;
pub mod ops;
pub mod owner_ref;
pub mod proxy;
pub mod queries;
pub mod release;
pub mod rollout;
pub mod runtime;
pub mod scenarios;
pub mod scheduler;
pub mod selector;
pub mod serving;
pub mod setup;
pub mod shared;
pub mod shell;
pub mod status;
pub mod store;
pub mod stored;
pub mod system;
pub mod timefmt;
pub mod usage;
pub mod validation;
pub mod volume_binding;
pub mod volumes;
pub mod writes;

pub use cluster::{Cluster, ClusterConfig};
