//! Namespace, ConfigMap, Secret, ResourceQuota, LimitRange and EndpointSlice:
//! whole objects (the root tables), from the Kubernetes 1.33 API reference.
//! <https://kubernetes.io/docs/reference/kubernetes-api/config-and-storage-resources/>
//! <https://kubernetes.io/docs/reference/kubernetes-api/policy-resources/>
//! <https://kubernetes.io/docs/reference/kubernetes-api/service-resources/endpoint-slice-v1/>

use super::container::PROTOCOLS;
use super::{F, Fmt, I32, OBJECT_META, Obj, STR, STRS, Ty, f, req};

const fn head() -> [F; 3] {
    [
        f("apiVersion", STR),
        f("kind", STR),
        f("metadata", Ty::Obj(&OBJECT_META)),
    ]
}

const CONFIG_DATA: Ty = Ty::StrMap(Fmt::ConfigKey, Fmt::Any);
const BINARY_DATA: Ty = Ty::StrMap(Fmt::ConfigKey, Fmt::Base64);

pub static CONFIG_MAP: Obj = Obj {
    go: "v1.ConfigMap",
    fields: &[
        head()[0],
        head()[1],
        head()[2],
        f("immutable", Ty::Bool),
        f("data", CONFIG_DATA),
        f("binaryData", BINARY_DATA),
    ],
};

pub static SECRET: Obj = Obj {
    go: "v1.Secret",
    fields: &[
        head()[0],
        head()[1],
        head()[2],
        f("immutable", Ty::Bool),
        f("data", BINARY_DATA),
        f("stringData", CONFIG_DATA),
        f("type", STR),
    ],
};

pub static NAMESPACE: Obj = Obj {
    go: "v1.Namespace",
    fields: &[
        head()[0],
        head()[1],
        head()[2],
        f("spec", Ty::Obj(&NAMESPACE_SPEC)),
        f("status", Ty::Any),
    ],
};

static NAMESPACE_SPEC: Obj = Obj {
    go: "v1.NamespaceSpec",
    fields: &[f("finalizers", STRS)],
};

// --- ResourceQuota -----------------------------------------------------------
// <https://kubernetes.io/docs/concepts/policy/resource-quotas/>

pub static RESOURCE_QUOTA: Obj = Obj {
    go: "v1.ResourceQuota",
    fields: &[
        head()[0],
        head()[1],
        head()[2],
        f("spec", Ty::Obj(&RESOURCE_QUOTA_SPEC)),
        f("status", Ty::Any),
    ],
};

/// The scopes of `ResourceQuotaScope`, as the API server lists them.
pub const QUOTA_SCOPES: &[&str] = &[
    "Terminating",
    "NotTerminating",
    "BestEffort",
    "NotBestEffort",
    "PriorityClass",
    "CrossNamespacePodAffinity",
    "VolumeAttributesClass",
];

static RESOURCE_QUOTA_SPEC: Obj = Obj {
    go: "v1.ResourceQuotaSpec",
    fields: &[
        f("hard", Ty::QtyMap),
        f("scopes", Ty::List(&STR)),
        f("scopeSelector", Ty::Obj(&SCOPE_SELECTOR)),
    ],
};

static SCOPE_SELECTOR: Obj = Obj {
    go: "v1.ScopeSelector",
    fields: &[f(
        "matchExpressions",
        Ty::List(&Ty::Obj(&SCOPED_REQUIREMENT)),
    )],
};

static SCOPED_REQUIREMENT: Obj = Obj {
    go: "v1.ScopedResourceSelectorRequirement",
    fields: &[
        req("scopeName", STR),
        req(
            "operator",
            Ty::Enum(&["In", "NotIn", "Exists", "DoesNotExist"]),
        ),
        f("values", STRS),
    ],
};

// --- LimitRange --------------------------------------------------------------
// <https://kubernetes.io/docs/concepts/policy/limit-range/>

pub static LIMIT_RANGE: Obj = Obj {
    go: "v1.LimitRange",
    fields: &[
        head()[0],
        head()[1],
        head()[2],
        f("spec", Ty::Obj(&LIMIT_RANGE_SPEC)),
    ],
};

static LIMIT_RANGE_SPEC: Obj = Obj {
    go: "v1.LimitRangeSpec",
    fields: &[req("limits", Ty::List(&Ty::Obj(&LIMIT_RANGE_ITEM)))],
};

static LIMIT_RANGE_ITEM: Obj = Obj {
    go: "v1.LimitRangeItem",
    fields: &[
        req(
            "type",
            Ty::Enum(&["Pod", "Container", "PersistentVolumeClaim"]),
        ),
        f("max", Ty::QtyMap),
        f("min", Ty::QtyMap),
        f("default", Ty::QtyMap),
        f("defaultRequest", Ty::QtyMap),
        f("maxLimitRequestRatio", Ty::QtyMap),
    ],
};

// --- EndpointSlice -----------------------------------------------------------
// <https://kubernetes.io/docs/concepts/services-networking/endpoint-slices/>

pub static ENDPOINT_SLICE: Obj = Obj {
    go: "v1.EndpointSlice",
    fields: &[
        head()[0],
        head()[1],
        head()[2],
        req("addressType", Ty::Enum(&["FQDN", "IPv4", "IPv6"])),
        req("endpoints", Ty::List(&Ty::Obj(&ENDPOINT))),
        f("ports", Ty::List(&Ty::Obj(&ENDPOINT_PORT))),
    ],
};

static ENDPOINT: Obj = Obj {
    go: "v1.Endpoint",
    fields: &[
        req("addresses", STRS),
        f("conditions", Ty::Obj(&ENDPOINT_CONDITIONS)),
        f("hostname", STR),
        f("targetRef", Ty::Obj(&OBJECT_REFERENCE)),
        f("deprecatedTopology", Ty::StrMap(Fmt::Any, Fmt::Any)),
        f("nodeName", STR),
        f("zone", STR),
        f("hints", Ty::Obj(&ENDPOINT_HINTS)),
    ],
};

static ENDPOINT_CONDITIONS: Obj = Obj {
    go: "v1.EndpointConditions",
    fields: &[
        f("ready", Ty::Bool),
        f("serving", Ty::Bool),
        f("terminating", Ty::Bool),
    ],
};

static ENDPOINT_HINTS: Obj = Obj {
    go: "v1.EndpointHints",
    fields: &[
        f("forZones", Ty::List(&Ty::Obj(&FOR_NAME))),
        f("forNodes", Ty::List(&Ty::Obj(&FOR_NAME))),
    ],
};

static FOR_NAME: Obj = Obj {
    go: "v1.ForZone",
    fields: &[req("name", STR)],
};

static ENDPOINT_PORT: Obj = Obj {
    go: "v1.EndpointPort",
    fields: &[
        f("name", STR),
        f("protocol", Ty::Enum(PROTOCOLS)),
        f("port", I32),
        f("appProtocol", STR),
    ],
};

/// `ObjectReference` (`targetRef`, a PersistentVolume's `claimRef`).
pub static OBJECT_REFERENCE: Obj = Obj {
    go: "v1.ObjectReference",
    fields: &[
        f("kind", STR),
        f("namespace", STR),
        f("name", STR),
        f("uid", STR),
        f("apiVersion", STR),
        f("resourceVersion", STR),
        f("fieldPath", STR),
    ],
};
