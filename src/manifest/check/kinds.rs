//! Which `kind` is served at which `apiVersion`: the simulated kinds with their
//! root object types, and the common kinds the simulator does not model (so a
//! ConfigMap is "not simulated", while `Pood` is a typo).
//! <https://kubernetes.io/docs/reference/using-api/deprecation-guide/>

use super::super::schema::{
    DEPLOYMENT_SPEC, F, JOB_SPEC, OBJECT_META, Obj, POD_SPEC, REPLICA_SET_SPEC, SERVICE_SPEC, Ty, f,
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

// The kinds of part two: their top-level fields, with bodies accepted as
// written until their field tables land (the simulator's API server still
// validates them when they are applied).
const ANY_SPEC: [F; 5] = [
    f("apiVersion", STR),
    f("kind", STR),
    f("metadata", Ty::Obj(&OBJECT_META)),
    f("spec", Ty::Any),
    f("status", Ty::Any),
];
static SPEC_ONLY: Obj = Obj {
    go: "v1.Object",
    fields: &ANY_SPEC,
};
static CONFIG_MAP: Obj = Obj {
    go: "v1.ConfigMap",
    fields: &[
        f("apiVersion", STR),
        f("kind", STR),
        f("metadata", Ty::Obj(&OBJECT_META)),
        f("data", Ty::Any),
        f("binaryData", Ty::Any),
        f("immutable", Ty::Bool),
    ],
};
static SECRET: Obj = Obj {
    go: "v1.Secret",
    fields: &[
        f("apiVersion", STR),
        f("kind", STR),
        f("metadata", Ty::Obj(&OBJECT_META)),
        f("data", Ty::Any),
        f("stringData", Ty::Any),
        f("type", STR),
        f("immutable", Ty::Bool),
    ],
};
static STORAGE_CLASS: Obj = Obj {
    go: "v1.StorageClass",
    fields: &[
        f("apiVersion", STR),
        f("kind", STR),
        f("metadata", Ty::Obj(&OBJECT_META)),
        f("provisioner", STR),
        f("parameters", Ty::Any),
        f("reclaimPolicy", STR),
        f("volumeBindingMode", STR),
        f("allowVolumeExpansion", Ty::Bool),
        f("mountOptions", Ty::Any),
        f("allowedTopologies", Ty::Any),
    ],
};

/// The simulated kinds: kind, its apiVersion, the root object type.
pub fn simulated(kind: &str) -> Option<(Kind, &'static Obj)> {
    Some(match kind {
        "Pod" => (Kind::Pod, &POD),
        "Deployment" => (Kind::Deployment, &DEPLOYMENT),
        "ReplicaSet" => (Kind::ReplicaSet, &REPLICA_SET),
        "Job" => (Kind::Job, &JOB),
        "Service" => (Kind::Service, &SERVICE),
        "ConfigMap" => (Kind::ConfigMap, &CONFIG_MAP),
        "Secret" => (Kind::Secret, &SECRET),
        "StorageClass" => (Kind::StorageClass, &STORAGE_CLASS),
        "StatefulSet" => (Kind::StatefulSet, &SPEC_ONLY),
        "CronJob" => (Kind::CronJob, &SPEC_ONLY),
        "PersistentVolume" => (Kind::PersistentVolume, &SPEC_ONLY),
        "PersistentVolumeClaim" => (Kind::PersistentVolumeClaim, &SPEC_ONLY),
        "ResourceQuota" => (Kind::ResourceQuota, &SPEC_ONLY),
        "LimitRange" => (Kind::LimitRange, &SPEC_ONLY),
        _ => return None,
    })
}

/// Kinds a cluster serves that the simulator does not model, with the
/// apiVersions that serve them.
pub const OTHER_KINDS: &[(&str, &[&str])] = &[
    ("Namespace", &["v1"]),
    ("ServiceAccount", &["v1"]),
    ("Node", &["v1"]),
    ("Endpoints", &["v1"]),
    ("ReplicationController", &["v1"]),
    ("PodTemplate", &["v1"]),
    ("Event", &["v1", "events.k8s.io/v1"]),
    ("List", &["v1"]),
    ("DaemonSet", &["apps/v1"]),
    ("ControllerRevision", &["apps/v1"]),
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
        "ConfigMap",
        "Secret",
        "StatefulSet",
        "CronJob",
        "PersistentVolume",
        "PersistentVolumeClaim",
        "StorageClass",
        "ResourceQuota",
        "LimitRange",
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
