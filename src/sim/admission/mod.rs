//! Admission: what the API server does to a new object after validation and
//! before storing it. Two plugins a namespace administrator configures
//! with objects: LimitRanger ([`limit_range`]: default requests and limits,
//! minimum and maximum per container, pod or claim) and ResourceQuota
//! ([`quota`]: totals per namespace). Both refuse with `Forbidden`.
//! <https://kubernetes.io/docs/reference/access-authn-authz/admission-controllers/#limitranger>
//! <https://kubernetes.io/docs/reference/access-authn-authz/admission-controllers/#resourcequota>

pub mod limit_range;
pub mod quota;

use super::objects::*;
use super::store::Store;

/// Mutate and check `obj` as the admission chain does (LimitRanger runs
/// before ResourceQuota). `Err` is the message after `... is forbidden: `.
pub fn admit(store: &Store, obj: &mut Object) -> Result<(), String> {
    let ns = obj.meta.namespace.clone();
    match &mut obj.spec {
        Spec::Pod(spec) => {
            limit_range::admit_pod(store, &ns, spec, &mut obj.meta.annotations)?;
        }
        Spec::PersistentVolumeClaim(spec) => limit_range::admit_claim(store, &ns, spec)?,
        Spec::LimitRange(spec) => limit_range::set_defaults(spec),
        _ => {}
    }
    quota::admit(store, obj)
}
