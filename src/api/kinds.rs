//! The resources the API serves: one row per resource, read by discovery,
//! OpenAPI, routing and the verbs. A kind the simulator gains is served by
//! adding its row here (and its printer in `kubectl::listing`).

use crate::kubectl::command::Resource;
use crate::sim::objects::Kind;

/// How the resource's objects are reached in the simulator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backing {
    /// An object kind of the store, written through the API server's verbs.
    Object(Kind),
    /// Endpoints: written by the endpoints controller only.
    Endpoints,
    /// Events of the event log (core/v1 or events.k8s.io/v1 shape).
    Events { new_api: bool },
    /// Namespaces: the ones in use plus the ones created.
    Namespaces,
    /// EndpointSlices, one per Endpoints object.
    EndpointSlices,
    /// Node Leases, one per node.
    Leases,
}

#[derive(Debug, Clone, Copy)]
pub struct ResourceInfo {
    /// `""` for the core group.
    pub group: &'static str,
    pub version: &'static str,
    pub kind: &'static str,
    pub plural: &'static str,
    pub singular: &'static str,
    pub short_names: &'static [&'static str],
    pub namespaced: bool,
    pub verbs: &'static [&'static str],
    pub categories: &'static [&'static str],
    /// Subresources: (name, kind, verbs), e.g. ("scale", "Scale", ...).
    pub subresources: &'static [Sub],
    pub backing: Backing,
}

#[derive(Debug, Clone, Copy)]
pub struct Sub {
    pub name: &'static str,
    pub group: &'static str,
    pub version: &'static str,
    pub kind: &'static str,
    pub verbs: &'static [&'static str],
}

const ALL_VERBS: &[&str] = &[
    "create",
    "delete",
    "deletecollection",
    "get",
    "list",
    "patch",
    "update",
    "watch",
];
const READ_VERBS: &[&str] = &["get", "list", "watch"];

const fn sub(name: &'static str, kind: &'static str, verbs: &'static [&'static str]) -> Sub {
    Sub {
        name,
        group: "",
        version: "",
        kind,
        verbs,
    }
}

const STATUS: Sub = sub("status", "", &["get"]);
const SCALE: Sub = Sub {
    name: "scale",
    group: "autoscaling",
    version: "v1",
    kind: "Scale",
    verbs: &["get", "patch", "update"],
};

/// Every served resource, in discovery order.
pub const RESOURCES: &[ResourceInfo] = &[
    ResourceInfo {
        group: "",
        version: "v1",
        kind: "Namespace",
        plural: "namespaces",
        singular: "namespace",
        short_names: &["ns"],
        namespaced: false,
        verbs: &["create", "delete", "get", "list", "watch"],
        categories: &[],
        subresources: &[STATUS],
        backing: Backing::Namespaces,
    },
    ResourceInfo {
        group: "",
        version: "v1",
        kind: "Node",
        plural: "nodes",
        singular: "node",
        short_names: &["no"],
        namespaced: false,
        verbs: &["get", "list", "patch", "update", "watch"],
        categories: &[],
        subresources: &[STATUS],
        backing: Backing::Object(Kind::Node),
    },
    ResourceInfo {
        group: "",
        version: "v1",
        kind: "Pod",
        plural: "pods",
        singular: "pod",
        short_names: &["po"],
        namespaced: true,
        verbs: ALL_VERBS,
        categories: &["all"],
        subresources: &[
            sub("attach", "PodAttachOptions", &["create", "get"]),
            sub("binding", "Binding", &["create"]),
            Sub {
                name: "eviction",
                group: "policy",
                version: "v1",
                kind: "Eviction",
                verbs: &["create"],
            },
            sub("exec", "PodExecOptions", &["create", "get"]),
            sub("log", "Pod", &["get"]),
            sub("portforward", "PodPortForwardOptions", &["create", "get"]),
            STATUS,
        ],
        backing: Backing::Object(Kind::Pod),
    },
    ResourceInfo {
        group: "",
        version: "v1",
        kind: "Service",
        plural: "services",
        singular: "service",
        short_names: &["svc"],
        namespaced: true,
        verbs: ALL_VERBS,
        categories: &["all"],
        subresources: &[STATUS],
        backing: Backing::Object(Kind::Service),
    },
    ResourceInfo {
        group: "",
        version: "v1",
        kind: "Endpoints",
        plural: "endpoints",
        singular: "endpoints",
        short_names: &["ep"],
        namespaced: true,
        verbs: READ_VERBS,
        categories: &[],
        subresources: &[],
        backing: Backing::Endpoints,
    },
    ResourceInfo {
        group: "",
        version: "v1",
        kind: "Event",
        plural: "events",
        singular: "event",
        short_names: &["ev"],
        namespaced: true,
        verbs: READ_VERBS,
        categories: &[],
        subresources: &[],
        backing: Backing::Events { new_api: false },
    },
    ResourceInfo {
        group: "",
        version: "v1",
        kind: "ConfigMap",
        plural: "configmaps",
        singular: "configmap",
        short_names: &["cm"],
        namespaced: true,
        verbs: ALL_VERBS,
        categories: &[],
        subresources: &[],
        backing: Backing::Object(Kind::ConfigMap),
    },
    ResourceInfo {
        group: "",
        version: "v1",
        kind: "Secret",
        plural: "secrets",
        singular: "secret",
        short_names: &[],
        namespaced: true,
        verbs: ALL_VERBS,
        categories: &[],
        subresources: &[],
        backing: Backing::Object(Kind::Secret),
    },
    ResourceInfo {
        group: "",
        version: "v1",
        kind: "PersistentVolumeClaim",
        plural: "persistentvolumeclaims",
        singular: "persistentvolumeclaim",
        short_names: &["pvc"],
        namespaced: true,
        verbs: ALL_VERBS,
        categories: &[],
        subresources: &[STATUS],
        backing: Backing::Object(Kind::PersistentVolumeClaim),
    },
    ResourceInfo {
        group: "",
        version: "v1",
        kind: "PersistentVolume",
        plural: "persistentvolumes",
        singular: "persistentvolume",
        short_names: &["pv"],
        namespaced: false,
        verbs: ALL_VERBS,
        categories: &[],
        subresources: &[STATUS],
        backing: Backing::Object(Kind::PersistentVolume),
    },
    ResourceInfo {
        group: "",
        version: "v1",
        kind: "ResourceQuota",
        plural: "resourcequotas",
        singular: "resourcequota",
        short_names: &["quota"],
        namespaced: true,
        verbs: ALL_VERBS,
        categories: &[],
        subresources: &[STATUS],
        backing: Backing::Object(Kind::ResourceQuota),
    },
    ResourceInfo {
        group: "",
        version: "v1",
        kind: "LimitRange",
        plural: "limitranges",
        singular: "limitrange",
        short_names: &["limits"],
        namespaced: true,
        verbs: ALL_VERBS,
        categories: &[],
        subresources: &[],
        backing: Backing::Object(Kind::LimitRange),
    },
    ResourceInfo {
        group: "apps",
        version: "v1",
        kind: "Deployment",
        plural: "deployments",
        singular: "deployment",
        short_names: &["deploy"],
        namespaced: true,
        verbs: ALL_VERBS,
        categories: &["all"],
        subresources: &[SCALE, STATUS],
        backing: Backing::Object(Kind::Deployment),
    },
    ResourceInfo {
        group: "apps",
        version: "v1",
        kind: "ReplicaSet",
        plural: "replicasets",
        singular: "replicaset",
        short_names: &["rs"],
        namespaced: true,
        verbs: ALL_VERBS,
        categories: &["all"],
        subresources: &[SCALE, STATUS],
        backing: Backing::Object(Kind::ReplicaSet),
    },
    ResourceInfo {
        group: "apps",
        version: "v1",
        kind: "StatefulSet",
        plural: "statefulsets",
        singular: "statefulset",
        short_names: &["sts"],
        namespaced: true,
        verbs: ALL_VERBS,
        categories: &["all"],
        subresources: &[SCALE, STATUS],
        backing: Backing::Object(Kind::StatefulSet),
    },
    ResourceInfo {
        group: "batch",
        version: "v1",
        kind: "Job",
        plural: "jobs",
        singular: "job",
        short_names: &[],
        namespaced: true,
        verbs: ALL_VERBS,
        categories: &["all"],
        subresources: &[STATUS],
        backing: Backing::Object(Kind::Job),
    },
    ResourceInfo {
        group: "batch",
        version: "v1",
        kind: "CronJob",
        plural: "cronjobs",
        singular: "cronjob",
        short_names: &["cj"],
        namespaced: true,
        verbs: ALL_VERBS,
        categories: &["all"],
        subresources: &[STATUS],
        backing: Backing::Object(Kind::CronJob),
    },
    ResourceInfo {
        group: "storage.k8s.io",
        version: "v1",
        kind: "StorageClass",
        plural: "storageclasses",
        singular: "storageclass",
        short_names: &["sc"],
        namespaced: false,
        verbs: ALL_VERBS,
        categories: &[],
        subresources: &[],
        backing: Backing::Object(Kind::StorageClass),
    },
    ResourceInfo {
        group: "events.k8s.io",
        version: "v1",
        kind: "Event",
        plural: "events",
        singular: "event",
        short_names: &["ev"],
        namespaced: true,
        verbs: READ_VERBS,
        categories: &[],
        subresources: &[],
        backing: Backing::Events { new_api: true },
    },
    ResourceInfo {
        group: "discovery.k8s.io",
        version: "v1",
        kind: "EndpointSlice",
        plural: "endpointslices",
        singular: "endpointslice",
        short_names: &[],
        namespaced: true,
        verbs: READ_VERBS,
        categories: &[],
        subresources: &[],
        backing: Backing::EndpointSlices,
    },
    ResourceInfo {
        group: "coordination.k8s.io",
        version: "v1",
        kind: "Lease",
        plural: "leases",
        singular: "lease",
        short_names: &[],
        namespaced: true,
        verbs: READ_VERBS,
        categories: &[],
        subresources: &[],
        backing: Backing::Leases,
    },
];

impl ResourceInfo {
    /// `v1` or `apps/v1`.
    pub fn group_version(&self) -> String {
        if self.group.is_empty() {
            self.version.to_string()
        } else {
            format!("{}/{}", self.group, self.version)
        }
    }

    /// `pods` or `deployments.apps`, as the API names a resource in messages.
    pub fn qualified(&self) -> String {
        if self.group.is_empty() {
            self.plural.to_string()
        } else {
            format!("{}.{}", self.plural, self.group)
        }
    }

    /// The command bar's resource word for the same objects, when it prints them.
    pub fn printer(&self) -> Option<Resource> {
        Some(match self.backing {
            Backing::Object(k) => Resource::parse(Kind::plural(k))?,
            Backing::Endpoints => Resource::Endpoints,
            Backing::Events { .. } => Resource::Events,
            Backing::Namespaces | Backing::EndpointSlices | Backing::Leases => return None,
        })
    }

    pub fn verb(&self, v: &str) -> bool {
        self.verbs.contains(&v)
    }
}

/// The resource served at `group`/`version` under `plural`.
pub fn find(group: &str, version: &str, plural: &str) -> Option<&'static ResourceInfo> {
    RESOURCES
        .iter()
        .find(|r| r.group == group && r.version == version && r.plural == plural)
}

/// The resource of an object kind of the store.
pub fn of_kind(kind: Kind) -> Option<&'static ResourceInfo> {
    RESOURCES
        .iter()
        .find(|r| r.backing == Backing::Object(kind))
}

/// The API groups besides the core one, in discovery order, with their versions.
pub fn groups() -> Vec<&'static str> {
    let mut out: Vec<&str> = Vec::new();
    for r in RESOURCES {
        if !r.group.is_empty() && !out.contains(&r.group) {
            out.push(r.group);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_object_kind_of_the_simulator_is_served() {
        for k in Kind::ALL {
            if k == Kind::Event {
                continue;
            }
            assert!(of_kind(k).is_some(), "{k} has no row");
        }
        assert_eq!(
            find("apps", "v1", "deployments").map(ResourceInfo::qualified),
            Some("deployments.apps".to_string())
        );
        assert_eq!(
            groups(),
            [
                "apps",
                "batch",
                "storage.k8s.io",
                "events.k8s.io",
                "discovery.k8s.io",
                "coordination.k8s.io"
            ]
        );
    }
}
