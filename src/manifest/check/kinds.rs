//! The kinds checked in full: each with its apiVersion, its root object type
//! (the field tables of [`crate::manifest::schema`]), how its name is checked,
//! and the API server's rules beyond the tables. Every other kind a v1.33
//! server serves ([`super::served`]) gets its metadata checked and a warning.

use super::super::schema::{self, F, Fmt, OBJECT_META, Obj, Ty, f};
use super::Sink;
use super::{apps, config, rules, storage};
use crate::sim::objects::Kind;
use serde_yaml::Value;

/// How `metadata.name` is checked (the API server's name validators).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameFormat {
    /// `NameIsDNSSubdomain`: most kinds.
    Subdomain,
    /// `ValidateNamespaceName`: a DNS-1123 label.
    Label,
    /// `ValidateServiceName`: a DNS-1035 label.
    Dns1035,
    /// `ValidateRBACName` (`system:aggregate-to-view` is a valid Role name):
    /// not `.` or `..`, no `/` or `%`.
    PathSegment,
    /// The review kinds (TokenReview, SubjectAccessReview, ...): objects a
    /// request carries and the server answers, never stored, so they need
    /// no name.
    Unnamed,
}

/// A kind validated as the API server would.
pub struct Checked {
    pub kind: &'static str,
    pub api_version: &'static str,
    /// The whole object: `apiVersion`, `kind`, `metadata` and the rest.
    pub root: &'static Obj,
    pub name: NameFormat,
    /// The value rules beyond the field tables, given the whole document.
    pub rules: fn(&mut Sink, &Value),
}

impl Checked {
    /// The simulator's kind, when the simulator runs objects of this kind.
    pub fn simulated(&self) -> Option<Kind> {
        Kind::ALL
            .into_iter()
            .find(|k| k.name() == self.kind && k.api_version() == self.api_version)
    }
}

const STR: Ty = Ty::Str(Fmt::Any);

/// The fields of an object with a `spec`.
pub(crate) const fn spec_root(spec: &'static Obj) -> [F; 5] {
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
    fields: &spec_root(&schema::POD_SPEC),
};
static DEPLOYMENT: Obj = Obj {
    go: "v1.Deployment",
    fields: &spec_root(&schema::DEPLOYMENT_SPEC),
};
static REPLICA_SET: Obj = Obj {
    go: "v1.ReplicaSet",
    fields: &spec_root(&schema::REPLICA_SET_SPEC),
};
static JOB: Obj = Obj {
    go: "v1.Job",
    fields: &spec_root(&schema::JOB_SPEC),
};
static SERVICE: Obj = Obj {
    go: "v1.Service",
    fields: &spec_root(&schema::SERVICE_SPEC),
};
static DAEMON_SET: Obj = Obj {
    go: "v1.DaemonSet",
    fields: &spec_root(&schema::DAEMON_SET_SPEC),
};
static STATEFUL_SET: Obj = Obj {
    go: "v1.StatefulSet",
    fields: &spec_root(&schema::STATEFUL_SET_SPEC),
};
static CRON_JOB: Obj = Obj {
    go: "v1.CronJob",
    fields: &spec_root(&schema::CRON_JOB_SPEC),
};

const fn full(
    kind: &'static str,
    api_version: &'static str,
    root: &'static Obj,
    name: NameFormat,
    rules: fn(&mut Sink, &Value),
) -> Checked {
    Checked {
        kind,
        api_version,
        root,
        name,
        rules,
    }
}

/// Every kind checked in full.
pub static CHECKED: &[Checked] = &[
    Checked {
        kind: "Pod",
        api_version: "v1",
        root: &POD,
        name: NameFormat::Subdomain,
        rules: rules::pod,
    },
    Checked {
        kind: "Deployment",
        api_version: "apps/v1",
        root: &DEPLOYMENT,
        name: NameFormat::Subdomain,
        rules: rules::deployment,
    },
    Checked {
        kind: "ReplicaSet",
        api_version: "apps/v1",
        root: &REPLICA_SET,
        name: NameFormat::Subdomain,
        rules: rules::replica_set,
    },
    Checked {
        kind: "Job",
        api_version: "batch/v1",
        root: &JOB,
        name: NameFormat::Subdomain,
        rules: rules::job,
    },
    Checked {
        kind: "Service",
        api_version: "v1",
        root: &SERVICE,
        name: NameFormat::Dns1035,
        rules: super::service::service,
    },
    full(
        "Namespace",
        "v1",
        &schema::NAMESPACE,
        NameFormat::Label,
        config::namespace,
    ),
    full(
        "ConfigMap",
        "v1",
        &schema::CONFIG_MAP,
        NameFormat::Subdomain,
        config::config_map,
    ),
    full(
        "Secret",
        "v1",
        &schema::SECRET,
        NameFormat::Subdomain,
        config::secret,
    ),
    full(
        "DaemonSet",
        "apps/v1",
        &DAEMON_SET,
        NameFormat::Subdomain,
        apps::daemon_set,
    ),
    full(
        "StatefulSet",
        "apps/v1",
        &STATEFUL_SET,
        NameFormat::Subdomain,
        apps::stateful_set,
    ),
    full(
        "CronJob",
        "batch/v1",
        &CRON_JOB,
        NameFormat::Subdomain,
        apps::cron_job,
    ),
    full(
        "PersistentVolume",
        "v1",
        &schema::PV,
        NameFormat::Subdomain,
        storage::persistent_volume,
    ),
    full(
        "PersistentVolumeClaim",
        "v1",
        &schema::PVC,
        NameFormat::Subdomain,
        storage::persistent_volume_claim,
    ),
    full(
        "StorageClass",
        "storage.k8s.io/v1",
        &schema::STORAGE_CLASS,
        NameFormat::Subdomain,
        storage::storage_class,
    ),
    full(
        "ResourceQuota",
        "v1",
        &schema::RESOURCE_QUOTA,
        NameFormat::Subdomain,
        config::resource_quota,
    ),
    full(
        "LimitRange",
        "v1",
        &schema::LIMIT_RANGE,
        NameFormat::Subdomain,
        config::limit_range,
    ),
    full(
        "EndpointSlice",
        "discovery.k8s.io/v1",
        &schema::ENDPOINT_SLICE,
        NameFormat::Subdomain,
        config::endpoint_slice,
    ),
];

/// The full check of `kind` at `api_version`, if there is one.
pub fn checked(kind: &str, api_version: &str) -> Option<&'static Checked> {
    CHECKED
        .iter()
        .find(|c| c.kind == kind && c.api_version == api_version)
}

/// How the API server checks the name of a kind that is not checked in full.
pub fn name_format(kind: &str) -> NameFormat {
    match kind {
        "Namespace" => NameFormat::Label,
        "Service" => NameFormat::Dns1035,
        "Role" | "ClusterRole" | "RoleBinding" | "ClusterRoleBinding" => NameFormat::PathSegment,
        "TokenReview"
        | "SelfSubjectReview"
        | "SubjectAccessReview"
        | "SelfSubjectAccessReview"
        | "LocalSubjectAccessReview"
        | "SelfSubjectRulesReview" => NameFormat::Unnamed,
        _ => NameFormat::Subdomain,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_checked_kind_is_served_at_its_version() {
        for c in CHECKED {
            assert!(
                super::super::served::served(c.kind, c.api_version).is_some(),
                "{} {}",
                c.kind,
                c.api_version
            );
            assert_eq!(c.root.field("metadata").map(|f| f.name), Some("metadata"));
        }
        assert_eq!(
            checked("Service", "v1").map(|c| c.root.go),
            Some("v1.Service")
        );
        assert_eq!(
            checked("Pod", "v1").and_then(Checked::simulated),
            Some(Kind::Pod)
        );
        assert_eq!(name_format("ClusterRole"), NameFormat::PathSegment);
    }
}
