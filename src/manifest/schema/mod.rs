//! The known fields of every object type the simulated kinds use, as tables.
//!
//! Walking a document against these tables finds unknown fields at any depth
//! (deserialising into structs would drop them silently), wrong types and
//! missing required fields. The tables follow the Kubernetes API reference
//! (<https://kubernetes.io/docs/reference/kubernetes-api/>); fields of rarely
//! used sources (cloud volume plugins) are accepted as free-form.

mod apps;
mod config;
mod container;
mod pod;
mod storage;
mod workloads;

pub use apps::{CRON_JOB_SPEC, DAEMON_SET_SPEC, STATEFUL_SET_SPEC};
pub use config::{
    CONFIG_MAP, ENDPOINT_SLICE, LIMIT_RANGE, NAMESPACE, QUOTA_SCOPES, RESOURCE_QUOTA, SECRET,
};
pub use pod::POD_SPEC;
pub use storage::{ACCESS_MODES, PV, PV_SOURCES, PVC, PVC_SPEC, STORAGE_CLASS};
pub use workloads::{DEPLOYMENT_SPEC, JOB_SPEC, OBJECT_META, REPLICA_SET_SPEC, SERVICE_SPEC};

/// How a string field's value is checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fmt {
    Any,
    /// DNS-1123 label (container, volume and port names).
    Label,
    /// IANA service name (container port names).
    PortName,
    /// Label and annotation keys.
    QualifiedName,
    LabelValue,
    EnvName,
    /// ConfigMap and Secret keys (`IsConfigMapKey`).
    ConfigKey,
    /// Base64 text (the values of `map[string][]byte`).
    Base64,
}

/// The type of a field.
#[derive(Debug, Clone, Copy)]
pub enum Ty {
    Str(Fmt),
    /// An integer, with the Go type kubectl names in its errors.
    Int(&'static str),
    Bool,
    /// `100m`, `128Mi`, or a plain number.
    Quantity,
    /// A number or a string (`targetPort`, `maxSurge`).
    IntOrStr,
    Enum(&'static [&'static str]),
    Obj(&'static Obj),
    List(&'static Ty),
    /// `map[string]string` with checks on the keys and on the values.
    StrMap(Fmt, Fmt),
    /// `map[string]Quantity` (resource lists).
    QtyMap,
    /// Anything at all (status, rarely used volume plugins).
    Any,
}

impl Ty {
    /// The Go type name kubectl's decoder uses in type errors.
    pub fn go_name(&self) -> String {
        match self {
            Ty::Str(_) | Ty::Enum(_) => "string".into(),
            Ty::Int(go) => (*go).into(),
            Ty::Bool => "bool".into(),
            Ty::Quantity => "resource.Quantity".into(),
            Ty::IntOrStr => "intstr.IntOrString".into(),
            Ty::Obj(o) => o.go.into(),
            Ty::List(t) => format!("[]{}", t.go_name()),
            Ty::StrMap(_, Fmt::Base64) => "map[string][]uint8".into(),
            Ty::StrMap(..) => "map[string]string".into(),
            Ty::QtyMap => "v1.ResourceList".into(),
            Ty::Any => "interface {}".into(),
        }
    }
}

/// A structured object type.
#[derive(Debug)]
pub struct Obj {
    /// Go type name with its package (`v1.Container`).
    pub go: &'static str,
    pub fields: &'static [F],
}

impl Obj {
    pub fn field(&self, name: &str) -> Option<&F> {
        self.fields.iter().find(|f| f.name == name)
    }

    /// The Go struct name without its package (`Container`).
    pub fn struct_name(&self) -> &'static str {
        self.go.rsplit('.').next().unwrap_or(self.go)
    }
}

/// One field of an object type.
#[derive(Debug, Clone, Copy)]
pub struct F {
    pub name: &'static str,
    pub ty: Ty,
    pub required: bool,
}

pub(crate) const fn f(name: &'static str, ty: Ty) -> F {
    F {
        name,
        ty,
        required: false,
    }
}

pub(crate) const fn req(name: &'static str, ty: Ty) -> F {
    F {
        name,
        ty,
        required: true,
    }
}

pub(crate) const STR: Ty = Ty::Str(Fmt::Any);
pub(crate) const I32: Ty = Ty::Int("int32");
pub(crate) const I64: Ty = Ty::Int("int64");
pub(crate) const STRS: Ty = Ty::List(&STR);
pub(crate) const LABELS: Ty = Ty::StrMap(Fmt::QualifiedName, Fmt::LabelValue);

/// A field that Kubernetes added after the release the validator follows:
/// a 1.33 API server does not know it.
#[derive(Debug)]
pub struct Newer {
    /// The Go type that has the field (`v1.Container`).
    pub owner: &'static str,
    pub field: &'static str,
    /// The release that added it, when known.
    pub release: Option<&'static str>,
}

/// Fields newer than Kubernetes 1.33 (from the API reference of later
/// releases): reported as such rather than as unknown fields.
pub static NEWER_FIELDS: &[Newer] = &[
    Newer {
        owner: "v1.Container",
        field: "restartPolicyRules",
        release: Some("1.34"),
    },
    Newer {
        owner: "v1.VolumeProjection",
        field: "podCertificate",
        release: Some("1.34"),
    },
    Newer {
        owner: "v1.PodSpec",
        field: "hostnameOverride",
        release: Some("1.34"),
    },
    Newer {
        owner: "v1.EmptyDirVolumeSource",
        field: "mode",
        release: None,
    },
    Newer {
        owner: "v1.SecurityContext",
        field: "cgroupOptions",
        release: None,
    },
];

/// Enumeration values newer than Kubernetes 1.33: `(owner, field, value,
/// release)`.
pub static NEWER_VALUES: &[(&str, &str, &str, &str)] = &[
    ("v1.Toleration", "operator", "Gt", "1.35"),
    ("v1.Toleration", "operator", "Lt", "1.35"),
];

/// A reference by name only (`imagePullSecrets`, `configMapRef`).
pub(crate) static NAME_REF: Obj = Obj {
    go: "v1.LocalObjectReference",
    fields: &[f("name", STR)],
};

#[cfg(test)]
mod tests {
    use super::*;

    fn walk(o: &Obj, seen: &mut Vec<&'static str>) {
        if seen.contains(&o.go) {
            return;
        }
        seen.push(o.go);
        let mut names: Vec<&str> = o.fields.iter().map(|f| f.name).collect();
        names.sort_unstable();
        let before = names.len();
        names.dedup();
        assert_eq!(before, names.len(), "duplicate field in {}", o.go);
        for field in o.fields {
            let mut ty = &field.ty;
            while let Ty::List(inner) = ty {
                ty = inner;
            }
            if let Ty::Obj(inner) = ty {
                walk(inner, seen);
            }
        }
    }

    #[test]
    fn tables_have_no_duplicate_fields() {
        let mut seen = Vec::new();
        for o in [
            &POD_SPEC,
            &DEPLOYMENT_SPEC,
            &REPLICA_SET_SPEC,
            &JOB_SPEC,
            &SERVICE_SPEC,
            &OBJECT_META,
        ] {
            walk(o, &mut seen);
        }
        assert!(seen.len() > 40, "{}", seen.len());
    }

    #[test]
    fn go_names_match_the_decoder() {
        static REF: Ty = Ty::Obj(&NAME_REF);
        assert_eq!(Ty::List(&REF).go_name(), "[]v1.LocalObjectReference");
        assert_eq!(I32.go_name(), "int32");
        assert_eq!(NAME_REF.struct_name(), "LocalObjectReference");
    }
}
