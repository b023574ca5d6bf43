//! kube-controller-manager: the control loops that turn desired state into
//! actual state. Each watches the store, and writes only through the API
//! server.

pub mod adoption;
pub mod cronjob;
pub mod daemonset;
pub mod deployment;
pub mod deployment_pause;
pub mod endpoints;
pub mod endpointslice;
pub mod garbage_collector;
pub mod job;
pub mod namespace;
pub mod node_lifecycle;
pub mod replicaset;
pub mod resource_quota;
pub mod root_ca;
pub mod statefulset;
pub mod volume_binder;

use super::apiserver::ApiServer;
use super::events::{Component, Event, EventType, ObjRef};
use super::objects::{Object, ObjectMeta, PodTemplate, Spec};
use super::store::WatchEvent;
use super::stored::OwnerRef;

/// Every controller of the controller manager.
#[derive(Debug, Clone, Default)]
pub struct Controllers {
    pub node_lifecycle: node_lifecycle::NodeLifecycle,
    pub deployment: deployment::DeploymentController,
    pub replicaset: replicaset::ReplicaSetController,
    pub job: job::JobController,
    pub endpoints: endpoints::EndpointsController,
    pub endpointslice: endpointslice::EndpointSliceController,
    pub daemonset: daemonset::DaemonSetController,
    pub namespace: namespace::NamespaceController,
    pub gc: garbage_collector::GarbageCollector,
    pub part2: Part2Controllers,
}

/// The controllers of the kinds part two adds.
#[derive(Debug, Clone, Default)]
pub struct Part2Controllers {
    pub statefulset: statefulset::StatefulSetController,
    pub cronjob: cronjob::CronJobController,
    pub volumes: volume_binder::VolumeBinder,
    pub quota: resource_quota::QuotaController,
    pub root_ca: root_ca::RootCaPublisher,
}

impl Part2Controllers {
    pub fn step(&mut self, window: &[WatchEvent], api: &mut ApiServer) {
        self.statefulset.step(window, api);
        self.cronjob.step(window, api);
        self.volumes.step(window, api);
        self.quota.step(window, api);
        self.root_ca.step(window, api);
    }
}

impl Controllers {
    pub fn new() -> Self {
        Controllers {
            node_lifecycle: node_lifecycle::NodeLifecycle::default(),
            deployment: deployment::DeploymentController::default(),
            replicaset: replicaset::ReplicaSetController::default(),
            job: job::JobController::default(),
            endpoints: endpoints::EndpointsController::default(),
            endpointslice: endpointslice::EndpointSliceController::default(),
            daemonset: daemonset::DaemonSetController::default(),
            namespace: namespace::NamespaceController::default(),
            gc: garbage_collector::GarbageCollector,
            part2: Part2Controllers::default(),
        }
    }

    pub fn step(&mut self, window: &[WatchEvent], api: &mut ApiServer) {
        self.node_lifecycle.step(window, api);
        self.step_workloads(window, api);
    }

    /// Every controller but node lifecycle (whose clock the cluster's own
    /// set-up must not move).
    pub(crate) fn step_workloads(&mut self, window: &[WatchEvent], api: &mut ApiServer) {
        self.deployment.step(window, api);
        self.replicaset.step(window, api);
        self.daemonset.step(window, api);
        self.job.step(window, api);
        self.endpoints.step(window, api);
        self.endpointslice.step(window, api);
        self.namespace.step(window, api);
        self.part2.step(window, api);
        self.gc.step(window, api);
    }
}

/// Create up to `n` pods from `template` for the workload `owner` (in
/// `namespace`), as the ReplicaSet and Job controllers do: generated names
/// `{owner}-xxxxx`, the template's labels and annotations, and a
/// SuccessfulCreate event on `object` for each pod, or a FailedCreate event
/// and no more tries this round when the API server refuses one.
pub(crate) fn create_pods(
    api: &mut ApiServer,
    source: &'static str,
    template: &PodTemplate,
    namespace: &str,
    owner: OwnerRef,
    object: &ObjRef,
    n: usize,
) {
    for _ in 0..n {
        let mut meta = ObjectMeta::named(format!("{}-", owner.name()));
        meta.namespace = namespace.to_string();
        meta.labels = template.labels.clone();
        meta.annotations = template.annotations.clone();
        let obj = Object {
            meta,
            spec: Spec::Pod(template.spec.clone()),
        };
        match api.create(obj, Some(owner.clone()), true) {
            Ok((_, pod)) => {
                let name = api
                    .store()
                    .pods()
                    .get(pod)
                    .map(|p| p.meta.name.clone())
                    .unwrap_or_default();
                emit(
                    api,
                    source,
                    EventType::Normal,
                    object.clone(),
                    "SuccessfulCreate",
                    format!("Created pod: {name}"),
                );
            }
            Err(e) => {
                emit(
                    api,
                    source,
                    EventType::Warning,
                    object.clone(),
                    "FailedCreate",
                    // The controller's event quotes the status message,
                    // without kubectl's `Error from server (…): `.
                    format!("Error creating: {}", e.message()),
                );
                break;
            }
        }
    }
}

/// Record an event from a controller of the controller manager.
pub(crate) fn emit(
    api: &mut ApiServer,
    source: &'static str,
    event_type: EventType,
    object: ObjRef,
    reason: &str,
    message: String,
) {
    api.record(Event::new(
        Component::ControllerManager,
        source,
        event_type,
        object,
        reason,
        message,
    ));
}
