//! Object metadata, the pod template, and the specs of Deployment, ReplicaSet,
//! Job and Service.
//! <https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/>

use super::pod::{LABEL_SELECTOR, POD_SPEC};
use super::{Fmt, I32, I64, LABELS, Obj, STR, STRS, Ty, f, req};

pub static OBJECT_META: Obj = Obj {
    go: "v1.ObjectMeta",
    fields: &[
        f("name", STR),
        f("generateName", STR),
        f("namespace", Ty::Str(Fmt::Label)),
        f("labels", LABELS),
        f("annotations", Ty::StrMap(Fmt::QualifiedName, Fmt::Any)),
        f("uid", STR),
        f("resourceVersion", STR),
        f("generation", I64),
        f("creationTimestamp", Ty::Any),
        f("deletionTimestamp", Ty::Any),
        f("deletionGracePeriodSeconds", I64),
        f("ownerReferences", Ty::List(&Ty::Any)),
        f("finalizers", STRS),
        f("managedFields", Ty::List(&Ty::Any)),
        f("selfLink", STR),
    ],
};

pub static POD_TEMPLATE: Obj = Obj {
    go: "v1.PodTemplateSpec",
    fields: &[
        f("metadata", Ty::Obj(&OBJECT_META)),
        f("spec", Ty::Obj(&POD_SPEC)),
    ],
};

static SELECTOR_TY: Ty = Ty::Obj(&LABEL_SELECTOR);
static TEMPLATE_TY: Ty = Ty::Obj(&POD_TEMPLATE);
const SELECTOR: Ty = SELECTOR_TY;
const TEMPLATE: Ty = TEMPLATE_TY;

pub static DEPLOYMENT_SPEC: Obj = Obj {
    go: "v1.DeploymentSpec",
    fields: &[
        f("replicas", I32),
        req("selector", SELECTOR),
        req("template", TEMPLATE),
        f("strategy", Ty::Obj(&STRATEGY)),
        f("minReadySeconds", I32),
        f("revisionHistoryLimit", I32),
        f("paused", Ty::Bool),
        f("progressDeadlineSeconds", I32),
    ],
};

static STRATEGY: Obj = Obj {
    go: "v1.DeploymentStrategy",
    fields: &[
        f("type", Ty::Enum(&["Recreate", "RollingUpdate"])),
        f("rollingUpdate", Ty::Obj(&ROLLING_UPDATE)),
    ],
};

static ROLLING_UPDATE: Obj = Obj {
    go: "v1.RollingUpdateDeployment",
    fields: &[
        f("maxUnavailable", Ty::IntOrStr),
        f("maxSurge", Ty::IntOrStr),
    ],
};

pub static REPLICA_SET_SPEC: Obj = Obj {
    go: "v1.ReplicaSetSpec",
    fields: &[
        f("replicas", I32),
        f("minReadySeconds", I32),
        req("selector", SELECTOR),
        req("template", TEMPLATE),
    ],
};

// <https://kubernetes.io/docs/concepts/workloads/controllers/job/>
pub static JOB_SPEC: Obj = Obj {
    go: "v1.JobSpec",
    fields: &[
        f("parallelism", I32),
        f("completions", I32),
        f("activeDeadlineSeconds", I64),
        f("podFailurePolicy", Ty::Obj(&POD_FAILURE_POLICY)),
        f("successPolicy", Ty::Obj(&SUCCESS_POLICY)),
        f("backoffLimit", I32),
        f("backoffLimitPerIndex", I32),
        f("maxFailedIndexes", I32),
        f("selector", SELECTOR),
        f("manualSelector", Ty::Bool),
        req("template", TEMPLATE),
        f("ttlSecondsAfterFinished", I32),
        f("completionMode", Ty::Enum(&["NonIndexed", "Indexed"])),
        f("suspend", Ty::Bool),
        f(
            "podReplacementPolicy",
            Ty::Enum(&["TerminatingOrFailed", "Failed"]),
        ),
        f("managedBy", STR),
    ],
};

static POD_FAILURE_POLICY: Obj = Obj {
    go: "v1.PodFailurePolicy",
    fields: &[req("rules", Ty::List(&Ty::Obj(&POD_FAILURE_RULE)))],
};

static POD_FAILURE_RULE: Obj = Obj {
    go: "v1.PodFailurePolicyRule",
    fields: &[
        req(
            "action",
            Ty::Enum(&["FailJob", "FailIndex", "Ignore", "Count"]),
        ),
        f("onExitCodes", Ty::Obj(&ON_EXIT_CODES)),
        f("onPodConditions", Ty::List(&Ty::Obj(&ON_POD_CONDITIONS))),
    ],
};

static ON_EXIT_CODES: Obj = Obj {
    go: "v1.PodFailurePolicyOnExitCodesRequirement",
    fields: &[
        f("containerName", STR),
        req("operator", Ty::Enum(&["In", "NotIn"])),
        req("values", Ty::List(&I32)),
    ],
};

static ON_POD_CONDITIONS: Obj = Obj {
    go: "v1.PodFailurePolicyOnPodConditionsPattern",
    fields: &[
        req("type", STR),
        f("status", Ty::Enum(&["True", "False", "Unknown"])),
    ],
};

static SUCCESS_POLICY: Obj = Obj {
    go: "v1.SuccessPolicy",
    fields: &[req("rules", Ty::List(&Ty::Obj(&SUCCESS_RULE)))],
};

static SUCCESS_RULE: Obj = Obj {
    go: "v1.SuccessPolicyRule",
    fields: &[f("succeededIndexes", STR), f("succeededCount", I32)],
};

// <https://kubernetes.io/docs/concepts/services-networking/service/>
pub static SERVICE_SPEC: Obj = Obj {
    go: "v1.ServiceSpec",
    fields: &[
        f("ports", Ty::List(&Ty::Obj(&SERVICE_PORT))),
        f("selector", Ty::StrMap(Fmt::QualifiedName, Fmt::LabelValue)),
        f("clusterIP", STR),
        f("clusterIPs", STRS),
        f(
            "type",
            Ty::Enum(&["ClusterIP", "ExternalName", "LoadBalancer", "NodePort"]),
        ),
        f("externalIPs", STRS),
        f("sessionAffinity", Ty::Enum(&["ClientIP", "None"])),
        f("loadBalancerIP", STR),
        f("loadBalancerSourceRanges", STRS),
        f("externalName", STR),
        f("externalTrafficPolicy", Ty::Enum(&["Cluster", "Local"])),
        f("healthCheckNodePort", I32),
        f("publishNotReadyAddresses", Ty::Bool),
        f("sessionAffinityConfig", Ty::Obj(&SESSION_AFFINITY_CONFIG)),
        f("ipFamilies", Ty::List(&Ty::Enum(&["IPv4", "IPv6"]))),
        f(
            "ipFamilyPolicy",
            Ty::Enum(&["PreferDualStack", "RequireDualStack", "SingleStack"]),
        ),
        f("allocateLoadBalancerNodePorts", Ty::Bool),
        f("loadBalancerClass", STR),
        f("internalTrafficPolicy", Ty::Enum(&["Cluster", "Local"])),
        f("trafficDistribution", STR),
    ],
};

static SERVICE_PORT: Obj = Obj {
    go: "v1.ServicePort",
    fields: &[
        f("name", Ty::Str(Fmt::Label)),
        f("protocol", Ty::Enum(super::container::PROTOCOLS)),
        f("appProtocol", STR),
        req("port", I32),
        f("targetPort", Ty::IntOrStr),
        f("nodePort", I32),
    ],
};

static SESSION_AFFINITY_CONFIG: Obj = Obj {
    go: "v1.SessionAffinityConfig",
    fields: &[f("clientIP", Ty::Obj(&CLIENT_IP_CONFIG))],
};

static CLIENT_IP_CONFIG: Obj = Obj {
    go: "v1.ClientIPConfig",
    fields: &[f("timeoutSeconds", I32)],
};
