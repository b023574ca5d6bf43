//! `PodSpec`: containers, volumes and the scheduling fields (tolerations,
//! affinity, topology spread).
//! <https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#PodSpec>

use super::container::{
    CONTAINER, FIELD_REF, PROFILE, RESOURCE_FIELD_REF, RESOURCES, SE_LINUX, WINDOWS,
};
use super::{F, Fmt, I32, I64, LABELS, NAME_REF, Obj, STR, STRS, Ty, f, req};

pub const RESTART_POLICIES: &[&str] = &["Always", "OnFailure", "Never"];

pub static POD_SPEC: Obj = Obj {
    go: "v1.PodSpec",
    fields: POD_SPEC_FIELDS,
};

static CONTAINER_TY: Ty = Ty::Obj(&CONTAINER);
const CONTAINERS: Ty = Ty::List(&CONTAINER_TY);

static POD_SPEC_FIELDS: &[F] = &[
    f("volumes", Ty::List(&Ty::Obj(&VOLUME))),
    f("initContainers", CONTAINERS),
    req("containers", CONTAINERS),
    f("ephemeralContainers", Ty::List(&Ty::Any)),
    f("restartPolicy", Ty::Enum(RESTART_POLICIES)),
    f("terminationGracePeriodSeconds", I64),
    f("activeDeadlineSeconds", I64),
    f(
        "dnsPolicy",
        Ty::Enum(&["ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"]),
    ),
    f(
        "nodeSelector",
        Ty::StrMap(Fmt::QualifiedName, Fmt::LabelValue),
    ),
    f("serviceAccountName", STR),
    f("serviceAccount", STR),
    f("automountServiceAccountToken", Ty::Bool),
    f("nodeName", STR),
    f("hostNetwork", Ty::Bool),
    f("hostPID", Ty::Bool),
    f("hostIPC", Ty::Bool),
    f("shareProcessNamespace", Ty::Bool),
    f("securityContext", Ty::Obj(&POD_SECURITY_CONTEXT)),
    f("imagePullSecrets", Ty::List(&Ty::Obj(&NAME_REF))),
    f("hostname", STR),
    f("subdomain", STR),
    f("affinity", Ty::Obj(&AFFINITY)),
    f("schedulerName", STR),
    f("tolerations", Ty::List(&Ty::Obj(&TOLERATION))),
    f("hostAliases", Ty::List(&Ty::Obj(&HOST_ALIAS))),
    f("priorityClassName", STR),
    f("priority", I32),
    f("dnsConfig", Ty::Obj(&DNS_CONFIG)),
    f("readinessGates", Ty::List(&Ty::Obj(&READINESS_GATE))),
    f("runtimeClassName", STR),
    f("enableServiceLinks", Ty::Bool),
    f(
        "preemptionPolicy",
        Ty::Enum(&["PreemptLowerPriority", "Never"]),
    ),
    f("overhead", Ty::QtyMap),
    f(
        "topologySpreadConstraints",
        Ty::List(&Ty::Obj(&TOPOLOGY_SPREAD)),
    ),
    f("setHostnameAsFQDN", Ty::Bool),
    f("os", Ty::Obj(&POD_OS)),
    f("hostUsers", Ty::Bool),
    f("schedulingGates", Ty::List(&Ty::Obj(&NAME_ONLY))),
    f("resourceClaims", Ty::List(&Ty::Obj(&POD_RESOURCE_CLAIM))),
    f("resources", Ty::Obj(&RESOURCES)),
];

static NAME_ONLY: Obj = Obj {
    go: "v1.PodSchedulingGate",
    fields: &[req("name", STR)],
};

static POD_OS: Obj = Obj {
    go: "v1.PodOS",
    fields: &[req("name", Ty::Enum(&["linux", "windows"]))],
};

static POD_RESOURCE_CLAIM: Obj = Obj {
    go: "v1.PodResourceClaim",
    fields: &[
        req("name", STR),
        f("resourceClaimName", STR),
        f("resourceClaimTemplateName", STR),
    ],
};

static READINESS_GATE: Obj = Obj {
    go: "v1.PodReadinessGate",
    fields: &[req("conditionType", STR)],
};

static HOST_ALIAS: Obj = Obj {
    go: "v1.HostAlias",
    fields: &[req("ip", STR), f("hostnames", STRS)],
};

static DNS_CONFIG: Obj = Obj {
    go: "v1.PodDNSConfig",
    fields: &[
        f("nameservers", STRS),
        f("searches", STRS),
        f("options", Ty::List(&Ty::Obj(&DNS_OPTION))),
    ],
};

static DNS_OPTION: Obj = Obj {
    go: "v1.PodDNSConfigOption",
    fields: &[f("name", STR), f("value", STR)],
};

static POD_SECURITY_CONTEXT: Obj = Obj {
    go: "v1.PodSecurityContext",
    fields: &[
        f("seLinuxOptions", Ty::Obj(&SE_LINUX)),
        f("windowsOptions", Ty::Obj(&WINDOWS)),
        f("runAsUser", I64),
        f("runAsGroup", I64),
        f("runAsNonRoot", Ty::Bool),
        f("supplementalGroups", Ty::List(&I64)),
        f("supplementalGroupsPolicy", Ty::Enum(&["Merge", "Strict"])),
        f("fsGroup", I64),
        f("sysctls", Ty::List(&Ty::Obj(&SYSCTL))),
        f(
            "fsGroupChangePolicy",
            Ty::Enum(&["OnRootMismatch", "Always"]),
        ),
        f("seccompProfile", Ty::Obj(&PROFILE)),
        f("appArmorProfile", Ty::Obj(&PROFILE)),
        f(
            "seLinuxChangePolicy",
            Ty::Enum(&["MountOption", "Recursive"]),
        ),
    ],
};

static SYSCTL: Obj = Obj {
    go: "v1.Sysctl",
    fields: &[req("name", STR), req("value", STR)],
};

// --- volumes ---------------------------------------------------------------
// <https://kubernetes.io/docs/concepts/storage/volumes/>

static VOLUME: Obj = Obj {
    go: "v1.Volume",
    fields: &[
        req("name", Ty::Str(Fmt::Label)),
        f("emptyDir", Ty::Obj(&EMPTY_DIR)),
        f("hostPath", Ty::Obj(&HOST_PATH)),
        f("configMap", Ty::Obj(&CONFIG_MAP_VOLUME)),
        f("secret", Ty::Obj(&SECRET_VOLUME)),
        f("persistentVolumeClaim", Ty::Obj(&PVC_VOLUME)),
        f("projected", Ty::Obj(&PROJECTED)),
        f("downwardAPI", Ty::Obj(&DOWNWARD_API)),
        f("nfs", Ty::Obj(&NFS)),
        f("csi", Ty::Obj(&CSI)),
        f("ephemeral", Ty::Any),
        f("image", Ty::Obj(&IMAGE_VOLUME)),
        f("awsElasticBlockStore", Ty::Any),
        f("azureDisk", Ty::Any),
        f("azureFile", Ty::Any),
        f("cephfs", Ty::Any),
        f("cinder", Ty::Any),
        f("fc", Ty::Any),
        f("flexVolume", Ty::Any),
        f("flocker", Ty::Any),
        f("gcePersistentDisk", Ty::Any),
        f("gitRepo", Ty::Any),
        f("glusterfs", Ty::Any),
        f("iscsi", Ty::Any),
        f("photonPersistentDisk", Ty::Any),
        f("portworxVolume", Ty::Any),
        f("quobyte", Ty::Any),
        f("rbd", Ty::Any),
        f("scaleIO", Ty::Any),
        f("storageos", Ty::Any),
        f("vsphereVolume", Ty::Any),
    ],
};

static EMPTY_DIR: Obj = Obj {
    go: "v1.EmptyDirVolumeSource",
    fields: &[
        f("medium", Ty::Enum(&["", "Memory", "HugePages"])),
        f("sizeLimit", Ty::Quantity),
    ],
};

pub static HOST_PATH: Obj = Obj {
    go: "v1.HostPathVolumeSource",
    fields: &[
        req("path", STR),
        f(
            "type",
            Ty::Enum(&[
                "",
                "BlockDevice",
                "CharDevice",
                "Directory",
                "DirectoryOrCreate",
                "File",
                "FileOrCreate",
                "Socket",
            ]),
        ),
    ],
};

static KEY_TO_PATH_TY: Ty = Ty::Obj(&KEY_TO_PATH);
const ITEMS: Ty = Ty::List(&KEY_TO_PATH_TY);

static KEY_TO_PATH: Obj = Obj {
    go: "v1.KeyToPath",
    fields: &[req("key", STR), req("path", STR), f("mode", I32)],
};

static CONFIG_MAP_VOLUME: Obj = Obj {
    go: "v1.ConfigMapVolumeSource",
    fields: &[
        f("name", STR),
        f("items", ITEMS),
        f("defaultMode", I32),
        f("optional", Ty::Bool),
    ],
};

static SECRET_VOLUME: Obj = Obj {
    go: "v1.SecretVolumeSource",
    fields: &[
        f("secretName", STR),
        f("items", ITEMS),
        f("defaultMode", I32),
        f("optional", Ty::Bool),
    ],
};

static PVC_VOLUME: Obj = Obj {
    go: "v1.PersistentVolumeClaimVolumeSource",
    fields: &[req("claimName", STR), f("readOnly", Ty::Bool)],
};

static PROJECTED: Obj = Obj {
    go: "v1.ProjectedVolumeSource",
    fields: &[
        f("sources", Ty::List(&Ty::Obj(&PROJECTION))),
        f("defaultMode", I32),
    ],
};

static PROJECTION: Obj = Obj {
    go: "v1.VolumeProjection",
    fields: &[
        f("configMap", Ty::Obj(&CONFIG_MAP_PROJECTION)),
        f("secret", Ty::Obj(&CONFIG_MAP_PROJECTION)),
        f("downwardAPI", Ty::Obj(&DOWNWARD_API)),
        f("serviceAccountToken", Ty::Obj(&SA_TOKEN)),
        f("clusterTrustBundle", Ty::Any),
    ],
};

static CONFIG_MAP_PROJECTION: Obj = Obj {
    go: "v1.ConfigMapProjection",
    fields: &[f("name", STR), f("items", ITEMS), f("optional", Ty::Bool)],
};

static SA_TOKEN: Obj = Obj {
    go: "v1.ServiceAccountTokenProjection",
    fields: &[
        f("audience", STR),
        f("expirationSeconds", I64),
        req("path", STR),
    ],
};

static DOWNWARD_API: Obj = Obj {
    go: "v1.DownwardAPIVolumeSource",
    fields: &[
        f("items", Ty::List(&Ty::Obj(&DOWNWARD_FILE))),
        f("defaultMode", I32),
    ],
};

static DOWNWARD_FILE: Obj = Obj {
    go: "v1.DownwardAPIVolumeFile",
    fields: &[
        req("path", STR),
        f("fieldRef", Ty::Obj(&FIELD_REF)),
        f("resourceFieldRef", Ty::Obj(&RESOURCE_FIELD_REF)),
        f("mode", I32),
    ],
};

pub static NFS: Obj = Obj {
    go: "v1.NFSVolumeSource",
    fields: &[
        req("server", STR),
        req("path", STR),
        f("readOnly", Ty::Bool),
    ],
};

static CSI: Obj = Obj {
    go: "v1.CSIVolumeSource",
    fields: &[
        req("driver", STR),
        f("readOnly", Ty::Bool),
        f("fsType", STR),
        f("volumeAttributes", Ty::StrMap(Fmt::Any, Fmt::Any)),
        f("nodePublishSecretRef", Ty::Obj(&NAME_REF)),
    ],
};

static IMAGE_VOLUME: Obj = Obj {
    go: "v1.ImageVolumeSource",
    fields: &[
        f("reference", STR),
        f("pullPolicy", Ty::Enum(super::container::PULL_POLICIES)),
    ],
};

// --- scheduling ------------------------------------------------------------
// <https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/>

static TOLERATION: Obj = Obj {
    go: "v1.Toleration",
    fields: &[
        f("key", STR),
        f("operator", Ty::Enum(&["Equal", "Exists"])),
        f("value", STR),
        f(
            "effect",
            Ty::Enum(&["NoExecute", "NoSchedule", "PreferNoSchedule"]),
        ),
        f("tolerationSeconds", I64),
    ],
};

static AFFINITY: Obj = Obj {
    go: "v1.Affinity",
    fields: &[
        f("nodeAffinity", Ty::Obj(&NODE_AFFINITY)),
        f("podAffinity", Ty::Obj(&POD_AFFINITY)),
        f("podAntiAffinity", Ty::Obj(&POD_AFFINITY)),
    ],
};

static NODE_AFFINITY: Obj = Obj {
    go: "v1.NodeAffinity",
    fields: &[
        f(
            "requiredDuringSchedulingIgnoredDuringExecution",
            Ty::Obj(&NODE_SELECTOR),
        ),
        f(
            "preferredDuringSchedulingIgnoredDuringExecution",
            Ty::List(&Ty::Obj(&PREFERRED_NODE_TERM)),
        ),
    ],
};

pub static NODE_SELECTOR: Obj = Obj {
    go: "v1.NodeSelector",
    fields: &[req(
        "nodeSelectorTerms",
        Ty::List(&Ty::Obj(&NODE_SELECTOR_TERM)),
    )],
};

static NODE_SELECTOR_TERM: Obj = Obj {
    go: "v1.NodeSelectorTerm",
    fields: &[
        f(
            "matchExpressions",
            Ty::List(&Ty::Obj(&NODE_SELECTOR_REQUIREMENT)),
        ),
        f(
            "matchFields",
            Ty::List(&Ty::Obj(&NODE_SELECTOR_REQUIREMENT)),
        ),
    ],
};

static NODE_SELECTOR_REQUIREMENT: Obj = Obj {
    go: "v1.NodeSelectorRequirement",
    fields: &[
        req("key", STR),
        req(
            "operator",
            Ty::Enum(&["In", "NotIn", "Exists", "DoesNotExist", "Gt", "Lt"]),
        ),
        f("values", STRS),
    ],
};

static PREFERRED_NODE_TERM: Obj = Obj {
    go: "v1.PreferredSchedulingTerm",
    fields: &[
        req("weight", I32),
        req("preference", Ty::Obj(&NODE_SELECTOR_TERM)),
    ],
};

static POD_AFFINITY: Obj = Obj {
    go: "v1.PodAffinity",
    fields: &[
        f(
            "requiredDuringSchedulingIgnoredDuringExecution",
            Ty::List(&Ty::Obj(&POD_AFFINITY_TERM)),
        ),
        f(
            "preferredDuringSchedulingIgnoredDuringExecution",
            Ty::List(&Ty::Obj(&WEIGHTED_POD_AFFINITY_TERM)),
        ),
    ],
};

static POD_AFFINITY_TERM: Obj = Obj {
    go: "v1.PodAffinityTerm",
    fields: &[
        f("labelSelector", Ty::Obj(&LABEL_SELECTOR)),
        f("namespaces", STRS),
        req("topologyKey", STR),
        f("namespaceSelector", Ty::Obj(&LABEL_SELECTOR)),
        f("matchLabelKeys", STRS),
        f("mismatchLabelKeys", STRS),
    ],
};

static WEIGHTED_POD_AFFINITY_TERM: Obj = Obj {
    go: "v1.WeightedPodAffinityTerm",
    fields: &[
        req("weight", I32),
        req("podAffinityTerm", Ty::Obj(&POD_AFFINITY_TERM)),
    ],
};

pub static LABEL_SELECTOR: Obj = Obj {
    go: "v1.LabelSelector",
    fields: &[
        f("matchLabels", LABELS),
        f(
            "matchExpressions",
            Ty::List(&Ty::Obj(&LABEL_SELECTOR_REQUIREMENT)),
        ),
    ],
};

static LABEL_SELECTOR_REQUIREMENT: Obj = Obj {
    go: "v1.LabelSelectorRequirement",
    fields: &[
        req("key", Ty::Str(Fmt::QualifiedName)),
        req(
            "operator",
            Ty::Enum(&["In", "NotIn", "Exists", "DoesNotExist"]),
        ),
        f("values", STRS),
    ],
};

static TOPOLOGY_SPREAD: Obj = Obj {
    go: "v1.TopologySpreadConstraint",
    fields: &[
        req("maxSkew", I32),
        req("topologyKey", STR),
        req(
            "whenUnsatisfiable",
            Ty::Enum(&["DoNotSchedule", "ScheduleAnyway"]),
        ),
        f("labelSelector", Ty::Obj(&LABEL_SELECTOR)),
        f("minDomains", I32),
        f("nodeAffinityPolicy", Ty::Enum(&["Honor", "Ignore"])),
        f("nodeTaintsPolicy", Ty::Enum(&["Honor", "Ignore"])),
        f("matchLabelKeys", STRS),
    ],
};
