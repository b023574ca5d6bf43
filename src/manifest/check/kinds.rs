//! Which `kind` is served at which `apiVersion`: the simulated kinds with their
//! root object types, and the common kinds the simulator does not model (so a
//! ConfigMap is "not simulated", while `Pood` is a typo).
//! <https://kubernetes.io/docs/reference/using-api/deprecation-guide/>

use super::super::schema::{
    DAEMON_SET_SPEC, DEPLOYMENT_SPEC, F, JOB_SPEC, NAMESPACE_SPEC, OBJECT_META, Obj, POD_SPEC,
    REPLICA_SET_SPEC, SERVICE_SPEC, Ty, f,
};
use crate::sim::objects::Kind;

const STR: Ty = Ty::Str(super::super::schema::Fmt::Any);

const fn root(spec: &'static Obj) -> [F; 5] {
    [
        f("apiVersion", STR),
        f("kind", STR),
        f("metadata", Ty::Obj(&OBJECT_META)),
        f("spec", Ty::Obj(spec)),
        f("status", Ty::Any),
    ]
}

static POD: Obj = Obj {
    go: "v1.Pod",
    fields: &root(&POD_SPEC),
};
static DEPLOYMENT: Obj = Obj {
    go: "v1.Deployment",
    fields: &root(&DEPLOYMENT_SPEC),
};
static REPLICA_SET: Obj = Obj {
    go: "v1.ReplicaSet",
    fields: &root(&REPLICA_SET_SPEC),
};
static JOB: Obj = Obj {
    go: "v1.Job",
    fields: &root(&JOB_SPEC),
};
static SERVICE: Obj = Obj {
    go: "v1.Service",
    fields: &root(&SERVICE_SPEC),
};
static DAEMON_SET: Obj = Obj {
    go: "v1.DaemonSet",
    fields: &root(&DAEMON_SET_SPEC),
};
static NAMESPACE: Obj = Obj {
    go: "v1.Namespace",
    fields: &root(&NAMESPACE_SPEC),
};

/// The simulated kinds: kind, its apiVersion, the root object type.
pub fn simulated(kind: &str) -> Option<(Kind, &'static Obj)> {
    Some(match kind {
        "Pod" => (Kind::Pod, &POD),
        "Deployment" => (Kind::Deployment, &DEPLOYMENT),
        "ReplicaSet" => (Kind::ReplicaSet, &REPLICA_SET),
        "Job" => (Kind::Job, &JOB),
        "Service" => (Kind::Service, &SERVICE),
        "DaemonSet" => (Kind::DaemonSet, &DAEMON_SET),
        "Namespace" => (Kind::Namespace, &NAMESPACE),
        _ => return None,
    })
}

/// Kinds a cluster serves that the simulator does not model, with the
/// apiVersions that serve them.
pub const OTHER_KINDS: &[(&str, &[&str])] = &[
    ("ConfigMap", &["v1"]),
    ("Secret", &["v1"]),
    ("PersistentVolumeClaim", &["v1"]),
    ("PersistentVolume", &["v1"]),
    ("ServiceAccount", &["v1"]),
    ("Node", &["v1"]),
    ("Endpoints", &["v1"]),
    ("LimitRange", &["v1"]),
    ("ResourceQuota", &["v1"]),
    ("ReplicationController", &["v1"]),
    ("PodTemplate", &["v1"]),
    ("Event", &["v1", "events.k8s.io/v1"]),
    ("List", &["v1"]),
    ("StatefulSet", &["apps/v1"]),
    ("ControllerRevision", &["apps/v1"]),
    ("CronJob", &["batch/v1"]),
    ("Ingress", &["networking.k8s.io/v1"]),
    ("IngressClass", &["networking.k8s.io/v1"]),
    ("NetworkPolicy", &["networking.k8s.io/v1"]),
    (
        "HorizontalPodAutoscaler",
        &["autoscaling/v2", "autoscaling/v1"],
    ),
    ("Role", &["rbac.authorization.k8s.io/v1"]),
    ("RoleBinding", &["rbac.authorization.k8s.io/v1"]),
    ("ClusterRole", &["rbac.authorization.k8s.io/v1"]),
    ("ClusterRoleBinding", &["rbac.authorization.k8s.io/v1"]),
    ("StorageClass", &["storage.k8s.io/v1"]),
    ("PodDisruptionBudget", &["policy/v1"]),
    ("PriorityClass", &["scheduling.k8s.io/v1"]),
    ("CustomResourceDefinition", &["apiextensions.k8s.io/v1"]),
    ("EndpointSlice", &["discovery.k8s.io/v1"]),
    ("Lease", &["coordination.k8s.io/v1"]),
];

/// The apiVersion(s) that serve `kind`, if it is a kind we know.
pub fn versions_of(kind: &str) -> Option<Vec<&'static str>> {
    if let Some((k, _)) = simulated(kind) {
        return Some(vec![k.api_version()]);
    }
    OTHER_KINDS
        .iter()
        .find(|(k, _)| *k == kind)
        .map(|(_, v)| v.to_vec())
}

/// Every kind name we know, for "did you mean".
pub fn all_kinds() -> impl Iterator<Item = &'static str> {
    [
        "Pod",
        "Deployment",
        "ReplicaSet",
        "Job",
        "Service",
        "DaemonSet",
        "Namespace",
    ]
    .into_iter()
    .chain(OTHER_KINDS.iter().map(|(k, _)| *k))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_follow_the_deprecation_guide() {
        assert_eq!(versions_of("Deployment"), Some(vec!["apps/v1"]));
        assert_eq!(versions_of("Job"), Some(vec!["batch/v1"]));
        assert_eq!(versions_of("CronJob"), Some(vec!["batch/v1"]));
        assert_eq!(versions_of("Pood"), None);
        assert!(all_kinds().any(|k| k == "ConfigMap"));
        assert_eq!(simulated("Service").map(|(_, o)| o.go), Some("v1.Service"));
    }
}
