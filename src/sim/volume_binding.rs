//! The scheduler's VolumeBinding plugin, as far as its PreFilter goes: a
//! pod whose PersistentVolumeClaim does not exist, or is still unbound
//! under an `Immediate` StorageClass, is not scheduled
//! (`pod has unbound immediate PersistentVolumeClaims`).
//! <https://kubernetes.io/docs/concepts/storage/persistent-volumes/#binding>

use super::apiserver::ApiServer;
use super::events::{Component, Event, EventType, ObjRef};
use super::objects::*;
use super::store::Store;
use super::stored::*;

/// Why the pod cannot be scheduled yet because of its claims.
pub fn prefilter(store: &Store, pod: &Pod) -> Result<(), String> {
    for v in &pod.spec.volumes {
        let VolumeSource::PersistentVolumeClaim { claim_name, .. } = &v.source else {
            continue;
        };
        let Some(claim) = store
            .persistentvolumeclaims()
            .find(&pod.meta.namespace, claim_name)
        else {
            return Err(format!("persistentvolumeclaim \"{claim_name}\" not found"));
        };
        if claim.status.phase == PvcPhase::Bound {
            continue;
        }
        let waits_for_consumer = claim
            .spec
            .storage_class_name
            .as_deref()
            .and_then(|c| store.storageclasses().find("", c))
            .is_some_and(|c| c.spec.volume_binding_mode == BindingMode::WaitForFirstConsumer);
        if !waits_for_consumer {
            return Err("pod has unbound immediate PersistentVolumeClaims".into());
        }
    }
    Ok(())
}

/// Report a pod the PreFilter rejected, as the scheduler does.
pub fn reject(api: &mut ApiServer, oid: Oid, nodes: usize, reason: &str) {
    let Some(pod) = api.store().pods().get(oid) else {
        return;
    };
    let object = ObjRef::new(Kind::Pod, &pod.meta.namespace, &pod.meta.name);
    let message = format!(
        "0/{nodes} nodes are available: {reason}. preemption: 0/{nodes} nodes are available: {nodes} Preemption is not helpful for scheduling."
    );
    let now = api.now();
    let msg = message.clone();
    api.update_pod_status(oid, |s| {
        set_condition(
            &mut s.conditions.scheduled,
            Condition::new(CondStatus::False, now).with("Unschedulable", msg),
        );
    });
    api.record(Event::new(
        Component::Scheduler,
        "default-scheduler",
        EventType::Warning,
        object,
        "FailedScheduling",
        message,
    ));
}
