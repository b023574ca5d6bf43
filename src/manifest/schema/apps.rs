//! DaemonSet, StatefulSet and CronJob, from the Kubernetes 1.33 API reference.
//! <https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/>

use super::pod::LABEL_SELECTOR;
use super::storage::PVC;
use super::workloads::{JOB_SPEC, POD_TEMPLATE};
use super::{I32, I64, OBJECT_META, Obj, STR, Ty, f, req};

static SELECTOR: Ty = Ty::Obj(&LABEL_SELECTOR);
static TEMPLATE: Ty = Ty::Obj(&POD_TEMPLATE);

pub static DAEMON_SET_SPEC: Obj = Obj {
    go: "v1.DaemonSetSpec",
    fields: &[
        req("selector", SELECTOR),
        req("template", TEMPLATE),
        f("updateStrategy", Ty::Obj(&DAEMON_SET_STRATEGY)),
        f("minReadySeconds", I32),
        f("revisionHistoryLimit", I32),
    ],
};

static DAEMON_SET_STRATEGY: Obj = Obj {
    go: "v1.DaemonSetUpdateStrategy",
    fields: &[
        f("type", Ty::Enum(&["RollingUpdate", "OnDelete"])),
        f("rollingUpdate", Ty::Obj(&ROLLING_UPDATE_DAEMON_SET)),
    ],
};

static ROLLING_UPDATE_DAEMON_SET: Obj = Obj {
    go: "v1.RollingUpdateDaemonSet",
    fields: &[
        f("maxUnavailable", Ty::IntOrStr),
        f("maxSurge", Ty::IntOrStr),
    ],
};

pub static STATEFUL_SET_SPEC: Obj = Obj {
    go: "v1.StatefulSetSpec",
    fields: &[
        f("replicas", I32),
        req("selector", SELECTOR),
        req("template", TEMPLATE),
        f("volumeClaimTemplates", Ty::List(&Ty::Obj(&PVC))),
        f("serviceName", STR),
        f(
            "podManagementPolicy",
            Ty::Enum(&["OrderedReady", "Parallel"]),
        ),
        f("updateStrategy", Ty::Obj(&STATEFUL_SET_STRATEGY)),
        f("revisionHistoryLimit", I32),
        f("minReadySeconds", I32),
        f(
            "persistentVolumeClaimRetentionPolicy",
            Ty::Obj(&PVC_RETENTION),
        ),
        f("ordinals", Ty::Obj(&ORDINALS)),
    ],
};

static STATEFUL_SET_STRATEGY: Obj = Obj {
    go: "v1.StatefulSetUpdateStrategy",
    fields: &[
        f("type", Ty::Enum(&["RollingUpdate", "OnDelete"])),
        f("rollingUpdate", Ty::Obj(&ROLLING_UPDATE_STATEFUL_SET)),
    ],
};

static ROLLING_UPDATE_STATEFUL_SET: Obj = Obj {
    go: "v1.RollingUpdateStatefulSetStrategy",
    fields: &[f("partition", I32), f("maxUnavailable", Ty::IntOrStr)],
};

static PVC_RETENTION: Obj = Obj {
    go: "v1.StatefulSetPersistentVolumeClaimRetentionPolicy",
    fields: &[
        f("whenDeleted", Ty::Enum(&["Retain", "Delete"])),
        f("whenScaled", Ty::Enum(&["Retain", "Delete"])),
    ],
};

static ORDINALS: Obj = Obj {
    go: "v1.StatefulSetOrdinals",
    fields: &[f("start", I32)],
};

// <https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/>
pub static CRON_JOB_SPEC: Obj = Obj {
    go: "v1.CronJobSpec",
    fields: &[
        req("schedule", STR),
        f("timeZone", STR),
        f("startingDeadlineSeconds", I64),
        f(
            "concurrencyPolicy",
            Ty::Enum(&["Allow", "Forbid", "Replace"]),
        ),
        f("suspend", Ty::Bool),
        req("jobTemplate", Ty::Obj(&JOB_TEMPLATE)),
        f("successfulJobsHistoryLimit", I32),
        f("failedJobsHistoryLimit", I32),
    ],
};

static JOB_TEMPLATE: Obj = Obj {
    go: "v1.JobTemplateSpec",
    fields: &[
        f("metadata", Ty::Obj(&OBJECT_META)),
        f("spec", Ty::Obj(&JOB_SPEC)),
    ],
};
