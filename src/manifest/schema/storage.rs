//! PersistentVolume, PersistentVolumeClaim and StorageClass, from the
//! Kubernetes 1.33 API reference.
//! <https://kubernetes.io/docs/reference/kubernetes-api/config-and-storage-resources/>
//! <https://kubernetes.io/docs/concepts/storage/persistent-volumes/>

use super::config::OBJECT_REFERENCE;
use super::pod::{HOST_PATH, LABEL_SELECTOR, NFS, NODE_SELECTOR};
use super::{Fmt, OBJECT_META, Obj, STR, STRS, Ty, f, req};

pub const ACCESS_MODES: &[&str] = &[
    "ReadWriteOnce",
    "ReadOnlyMany",
    "ReadWriteMany",
    "ReadWriteOncePod",
];
pub const VOLUME_MODES: &[&str] = &["Block", "Filesystem"];

/// A PersistentVolumeClaim, whole: the kind's root table and the items of a
/// StatefulSet's `volumeClaimTemplates`.
pub static PVC: Obj = Obj {
    go: "v1.PersistentVolumeClaim",
    fields: &[
        f("apiVersion", STR),
        f("kind", STR),
        f("metadata", Ty::Obj(&OBJECT_META)),
        f("spec", Ty::Obj(&PVC_SPEC)),
        f("status", Ty::Any),
    ],
};

pub static PVC_SPEC: Obj = Obj {
    go: "v1.PersistentVolumeClaimSpec",
    fields: &[
        f("accessModes", Ty::List(&Ty::Str(Fmt::Any))),
        f("selector", Ty::Obj(&LABEL_SELECTOR)),
        f("resources", Ty::Obj(&VOLUME_RESOURCES)),
        f("volumeName", STR),
        f("storageClassName", STR),
        f("volumeMode", Ty::Enum(VOLUME_MODES)),
        f("dataSource", Ty::Obj(&TYPED_REFERENCE)),
        f("dataSourceRef", Ty::Obj(&TYPED_OBJECT_REFERENCE)),
        f("volumeAttributesClassName", STR),
    ],
};

static VOLUME_RESOURCES: Obj = Obj {
    go: "v1.VolumeResourceRequirements",
    fields: &[f("limits", Ty::QtyMap), f("requests", Ty::QtyMap)],
};

static TYPED_REFERENCE: Obj = Obj {
    go: "v1.TypedLocalObjectReference",
    fields: &[f("apiGroup", STR), req("kind", STR), req("name", STR)],
};

static TYPED_OBJECT_REFERENCE: Obj = Obj {
    go: "v1.TypedObjectReference",
    fields: &[
        f("apiGroup", STR),
        req("kind", STR),
        req("name", STR),
        f("namespace", STR),
    ],
};

pub static PV: Obj = Obj {
    go: "v1.PersistentVolume",
    fields: &[
        f("apiVersion", STR),
        f("kind", STR),
        f("metadata", Ty::Obj(&OBJECT_META)),
        f("spec", Ty::Obj(&PV_SPEC)),
        f("status", Ty::Any),
    ],
};

/// The volume sources a PersistentVolume may use; one and only one is set.
pub const PV_SOURCES: &[&str] = &[
    "hostPath",
    "local",
    "nfs",
    "csi",
    "iscsi",
    "fc",
    "rbd",
    "cephfs",
    "cinder",
    "flexVolume",
    "azureFile",
    "azureDisk",
    "awsElasticBlockStore",
    "gcePersistentDisk",
    "glusterfs",
    "flocker",
    "vsphereVolume",
    "quobyte",
    "photonPersistentDisk",
    "portworxVolume",
    "scaleIO",
    "storageos",
];

static PV_SPEC: Obj = Obj {
    go: "v1.PersistentVolumeSpec",
    fields: &[
        f("capacity", Ty::QtyMap),
        f("accessModes", Ty::List(&Ty::Str(Fmt::Any))),
        f("claimRef", Ty::Obj(&OBJECT_REFERENCE)),
        f(
            "persistentVolumeReclaimPolicy",
            Ty::Enum(&["Delete", "Recycle", "Retain"]),
        ),
        f("storageClassName", STR),
        f("mountOptions", STRS),
        f("volumeMode", Ty::Enum(VOLUME_MODES)),
        f("nodeAffinity", Ty::Obj(&VOLUME_NODE_AFFINITY)),
        f("volumeAttributesClassName", STR),
        f("hostPath", Ty::Obj(&HOST_PATH)),
        f("local", Ty::Obj(&LOCAL)),
        f("nfs", Ty::Obj(&NFS)),
        f("csi", Ty::Obj(&CSI_PV)),
        f("iscsi", Ty::Any),
        f("fc", Ty::Any),
        f("rbd", Ty::Any),
        f("cephfs", Ty::Any),
        f("cinder", Ty::Any),
        f("flexVolume", Ty::Any),
        f("azureFile", Ty::Any),
        f("azureDisk", Ty::Any),
        f("awsElasticBlockStore", Ty::Any),
        f("gcePersistentDisk", Ty::Any),
        f("glusterfs", Ty::Any),
        f("flocker", Ty::Any),
        f("vsphereVolume", Ty::Any),
        f("quobyte", Ty::Any),
        f("photonPersistentDisk", Ty::Any),
        f("portworxVolume", Ty::Any),
        f("scaleIO", Ty::Any),
        f("storageos", Ty::Any),
    ],
};

static LOCAL: Obj = Obj {
    go: "v1.LocalVolumeSource",
    fields: &[req("path", STR), f("fsType", STR)],
};

static CSI_PV: Obj = Obj {
    go: "v1.CSIPersistentVolumeSource",
    fields: &[
        req("driver", STR),
        req("volumeHandle", STR),
        f("readOnly", Ty::Bool),
        f("fsType", STR),
        f("volumeAttributes", Ty::StrMap(Fmt::Any, Fmt::Any)),
        f("controllerPublishSecretRef", Ty::Obj(&SECRET_REFERENCE)),
        f("nodeStageSecretRef", Ty::Obj(&SECRET_REFERENCE)),
        f("nodePublishSecretRef", Ty::Obj(&SECRET_REFERENCE)),
        f("controllerExpandSecretRef", Ty::Obj(&SECRET_REFERENCE)),
        f("nodeExpandSecretRef", Ty::Obj(&SECRET_REFERENCE)),
    ],
};

static SECRET_REFERENCE: Obj = Obj {
    go: "v1.SecretReference",
    fields: &[f("name", STR), f("namespace", STR)],
};

static VOLUME_NODE_AFFINITY: Obj = Obj {
    go: "v1.VolumeNodeAffinity",
    fields: &[f("required", Ty::Obj(&NODE_SELECTOR))],
};

// <https://kubernetes.io/docs/concepts/storage/storage-classes/>
pub static STORAGE_CLASS: Obj = Obj {
    go: "v1.StorageClass",
    fields: &[
        f("apiVersion", STR),
        f("kind", STR),
        f("metadata", Ty::Obj(&OBJECT_META)),
        req("provisioner", STR),
        f("parameters", Ty::StrMap(Fmt::Any, Fmt::Any)),
        f("reclaimPolicy", Ty::Enum(&["Delete", "Retain"])),
        f("mountOptions", STRS),
        f("allowVolumeExpansion", Ty::Bool),
        f(
            "volumeBindingMode",
            Ty::Enum(&["Immediate", "WaitForFirstConsumer"]),
        ),
        f(
            "allowedTopologies",
            Ty::List(&Ty::Obj(&TOPOLOGY_SELECTOR_TERM)),
        ),
    ],
};

static TOPOLOGY_SELECTOR_TERM: Obj = Obj {
    go: "v1.TopologySelectorTerm",
    fields: &[f(
        "matchLabelExpressions",
        Ty::List(&Ty::Obj(&TOPOLOGY_REQUIREMENT)),
    )],
};

static TOPOLOGY_REQUIREMENT: Obj = Obj {
    go: "v1.TopologySelectorLabelRequirement",
    fields: &[req("key", STR), req("values", STRS)],
};
