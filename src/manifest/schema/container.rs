//! `Container` and what hangs off it: ports, env, resources, probes, lifecycle
//! hooks, volume mounts, security context.
//! <https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#Container>

use super::{F, Fmt, I32, I64, Obj, STR, STRS, Ty, f, req};

// Supported values in the order the API server lists them in `Unsupported
// value` errors (most come from a sorted set).
pub const PULL_POLICIES: &[&str] = &["Always", "IfNotPresent", "Never"];
pub const PROTOCOLS: &[&str] = &["SCTP", "TCP", "UDP"];

pub static CONTAINER: Obj = Obj {
    go: "v1.Container",
    fields: CONTAINER_FIELDS,
};

static CONTAINER_FIELDS: &[F] = &[
    req("name", Ty::Str(Fmt::Label)),
    req("image", STR),
    f("command", STRS),
    f("args", STRS),
    f("workingDir", STR),
    f("ports", Ty::List(&Ty::Obj(&CONTAINER_PORT))),
    f("envFrom", Ty::List(&Ty::Obj(&ENV_FROM))),
    f("env", Ty::List(&Ty::Obj(&ENV_VAR))),
    f("resources", Ty::Obj(&RESOURCES)),
    f("resizePolicy", Ty::List(&Ty::Obj(&RESIZE_POLICY))),
    f("restartPolicy", Ty::Enum(&["Always"])),
    f("volumeMounts", Ty::List(&Ty::Obj(&VOLUME_MOUNT))),
    f("volumeDevices", Ty::List(&Ty::Obj(&VOLUME_DEVICE))),
    f("livenessProbe", Ty::Obj(&PROBE)),
    f("readinessProbe", Ty::Obj(&PROBE)),
    f("startupProbe", Ty::Obj(&PROBE)),
    f("lifecycle", Ty::Obj(&LIFECYCLE)),
    f("terminationMessagePath", STR),
    f(
        "terminationMessagePolicy",
        Ty::Enum(&["File", "FallbackToLogsOnError"]),
    ),
    f("imagePullPolicy", Ty::Enum(PULL_POLICIES)),
    f("securityContext", Ty::Obj(&SECURITY_CONTEXT)),
    f("stdin", Ty::Bool),
    f("stdinOnce", Ty::Bool),
    f("tty", Ty::Bool),
];

static CONTAINER_PORT: Obj = Obj {
    go: "v1.ContainerPort",
    fields: &[
        f("name", Ty::Str(Fmt::PortName)),
        f("hostPort", I32),
        req("containerPort", I32),
        f("protocol", Ty::Enum(PROTOCOLS)),
        f("hostIP", STR),
    ],
};

static ENV_VAR: Obj = Obj {
    go: "v1.EnvVar",
    fields: &[
        req("name", Ty::Str(Fmt::EnvName)),
        f("value", STR),
        f("valueFrom", Ty::Obj(&ENV_SOURCE)),
    ],
};

static ENV_SOURCE: Obj = Obj {
    go: "v1.EnvVarSource",
    fields: &[
        f("fieldRef", Ty::Obj(&FIELD_REF)),
        f("resourceFieldRef", Ty::Obj(&RESOURCE_FIELD_REF)),
        f("configMapKeyRef", Ty::Obj(&KEY_REF)),
        f("secretKeyRef", Ty::Obj(&KEY_REF)),
    ],
};

pub static FIELD_REF: Obj = Obj {
    go: "v1.ObjectFieldSelector",
    fields: &[f("apiVersion", STR), req("fieldPath", STR)],
};

pub static RESOURCE_FIELD_REF: Obj = Obj {
    go: "v1.ResourceFieldSelector",
    fields: &[
        f("containerName", STR),
        req("resource", STR),
        f("divisor", Ty::Quantity),
    ],
};

static KEY_REF: Obj = Obj {
    go: "v1.KeySelector",
    fields: &[f("name", STR), req("key", STR), f("optional", Ty::Bool)],
};

static ENV_FROM: Obj = Obj {
    go: "v1.EnvFromSource",
    fields: &[
        f("prefix", STR),
        f("configMapRef", Ty::Obj(&OPTIONAL_REF)),
        f("secretRef", Ty::Obj(&OPTIONAL_REF)),
    ],
};

static OPTIONAL_REF: Obj = Obj {
    go: "v1.EnvSource",
    fields: &[f("name", STR), f("optional", Ty::Bool)],
};

pub static RESOURCES: Obj = Obj {
    go: "v1.ResourceRequirements",
    fields: &[
        f("limits", Ty::QtyMap),
        f("requests", Ty::QtyMap),
        f("claims", Ty::List(&Ty::Obj(&RESOURCE_CLAIM))),
    ],
};

static RESOURCE_CLAIM: Obj = Obj {
    go: "v1.ResourceClaim",
    fields: &[req("name", STR), f("request", STR)],
};

static RESIZE_POLICY: Obj = Obj {
    go: "v1.ContainerResizePolicy",
    fields: &[
        req("resourceName", STR),
        req(
            "restartPolicy",
            Ty::Enum(&["NotRequired", "RestartContainer"]),
        ),
    ],
};

static VOLUME_MOUNT: Obj = Obj {
    go: "v1.VolumeMount",
    fields: &[
        req("name", STR),
        f("readOnly", Ty::Bool),
        f(
            "recursiveReadOnly",
            Ty::Enum(&["Disabled", "IfPossible", "Enabled"]),
        ),
        req("mountPath", STR),
        f("subPath", STR),
        f(
            "mountPropagation",
            Ty::Enum(&["Bidirectional", "HostToContainer", "None"]),
        ),
        f("subPathExpr", STR),
    ],
};

static VOLUME_DEVICE: Obj = Obj {
    go: "v1.VolumeDevice",
    fields: &[req("name", STR), req("devicePath", STR)],
};

static PROBE: Obj = Obj {
    go: "v1.Probe",
    fields: &[
        f("exec", Ty::Obj(&EXEC)),
        f("httpGet", Ty::Obj(&HTTP_GET)),
        f("tcpSocket", Ty::Obj(&TCP_SOCKET)),
        f("grpc", Ty::Obj(&GRPC)),
        f("initialDelaySeconds", I32),
        f("timeoutSeconds", I32),
        f("periodSeconds", I32),
        f("successThreshold", I32),
        f("failureThreshold", I32),
        f("terminationGracePeriodSeconds", I64),
    ],
};

static EXEC: Obj = Obj {
    go: "v1.ExecAction",
    fields: &[f("command", STRS)],
};

static HTTP_GET: Obj = Obj {
    go: "v1.HTTPGetAction",
    fields: &[
        f("path", STR),
        req("port", Ty::IntOrStr),
        f("host", STR),
        f("scheme", Ty::Enum(&["HTTP", "HTTPS"])),
        f("httpHeaders", Ty::List(&Ty::Obj(&HTTP_HEADER))),
    ],
};

static HTTP_HEADER: Obj = Obj {
    go: "v1.HTTPHeader",
    fields: &[req("name", STR), req("value", STR)],
};

static TCP_SOCKET: Obj = Obj {
    go: "v1.TCPSocketAction",
    fields: &[req("port", Ty::IntOrStr), f("host", STR)],
};

static GRPC: Obj = Obj {
    go: "v1.GRPCAction",
    fields: &[req("port", I32), f("service", STR)],
};

static LIFECYCLE: Obj = Obj {
    go: "v1.Lifecycle",
    fields: &[
        f("postStart", Ty::Obj(&HANDLER)),
        f("preStop", Ty::Obj(&HANDLER)),
        f("stopSignal", STR),
    ],
};

static HANDLER: Obj = Obj {
    go: "v1.LifecycleHandler",
    fields: &[
        f("exec", Ty::Obj(&EXEC)),
        f("httpGet", Ty::Obj(&HTTP_GET)),
        f("tcpSocket", Ty::Obj(&TCP_SOCKET)),
        f("sleep", Ty::Obj(&SLEEP)),
    ],
};

static SLEEP: Obj = Obj {
    go: "v1.SleepAction",
    fields: &[req("seconds", I64)],
};

pub static SE_LINUX: Obj = Obj {
    go: "v1.SELinuxOptions",
    fields: &[
        f("user", STR),
        f("role", STR),
        f("type", STR),
        f("level", STR),
    ],
};

pub static WINDOWS: Obj = Obj {
    go: "v1.WindowsSecurityContextOptions",
    fields: &[
        f("gmsaCredentialSpecName", STR),
        f("gmsaCredentialSpec", STR),
        f("runAsUserName", STR),
        f("hostProcess", Ty::Bool),
    ],
};

pub static PROFILE: Obj = Obj {
    go: "v1.SeccompProfile",
    fields: &[
        req(
            "type",
            Ty::Enum(&["Localhost", "RuntimeDefault", "Unconfined"]),
        ),
        f("localhostProfile", STR),
    ],
};

static SECURITY_CONTEXT: Obj = Obj {
    go: "v1.SecurityContext",
    fields: &[
        f("capabilities", Ty::Obj(&CAPABILITIES)),
        f("privileged", Ty::Bool),
        f("seLinuxOptions", Ty::Obj(&SE_LINUX)),
        f("windowsOptions", Ty::Obj(&WINDOWS)),
        f("runAsUser", I64),
        f("runAsGroup", I64),
        f("runAsNonRoot", Ty::Bool),
        f("readOnlyRootFilesystem", Ty::Bool),
        f("allowPrivilegeEscalation", Ty::Bool),
        f("procMount", Ty::Enum(&["Default", "Unmasked"])),
        f("seccompProfile", Ty::Obj(&PROFILE)),
        f("appArmorProfile", Ty::Obj(&PROFILE)),
    ],
};

static CAPABILITIES: Obj = Obj {
    go: "v1.Capabilities",
    fields: &[f("add", STRS), f("drop", STRS)],
};
