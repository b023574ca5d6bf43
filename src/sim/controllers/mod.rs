//! kube-controller-manager: the control loops that turn desired state into
//! actual state. Each watches the store, and writes only through the API
//! server.

pub mod deployment;
pub mod endpoints;
pub mod garbage_collector;
pub mod job;
pub mod node_lifecycle;
pub mod replicaset;

use super::apiserver::ApiServer;
use super::events::{Component, Event, EventType, ObjRef};
use super::store::WatchEvent;

/// Every controller of the controller manager.
#[derive(Debug, Clone, Default)]
pub struct Controllers {
    pub node_lifecycle: node_lifecycle::NodeLifecycle,
    pub deployment: deployment::DeploymentController,
    pub replicaset: replicaset::ReplicaSetController,
    pub job: job::JobController,
    pub endpoints: endpoints::EndpointsController,
    pub gc: garbage_collector::GarbageCollector,
}

impl Controllers {
    pub fn new() -> Self {
        Controllers {
            node_lifecycle: node_lifecycle::NodeLifecycle::default(),
            deployment: deployment::DeploymentController::default(),
            replicaset: replicaset::ReplicaSetController::default(),
            job: job::JobController::default(),
            endpoints: endpoints::EndpointsController::default(),
            gc: garbage_collector::GarbageCollector,
        }
    }

    pub fn step(&mut self, window: &[WatchEvent], api: &mut ApiServer) {
        self.node_lifecycle.step(window, api);
        self.deployment.step(window, api);
        self.replicaset.step(window, api);
        self.job.step(window, api);
        self.endpoints.step(window, api);
        self.gc.step(window, api);
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
