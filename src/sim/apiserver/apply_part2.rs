//! `kubectl apply` of an existing object of a part-two kind: what may change
//! and what the API server refuses.

use super::*;

/// What a part-two apply changes, once the checks passed.
pub(super) struct Change {
    pub labels: Labels,
    pub annotations: Labels,
}

fn forbidden(kind: Kind, name: &str, cause: &str) -> ApiError {
    ApiError::Invalid {
        kind,
        name: name.to_string(),
        causes: vec![cause.to_string()],
    }
}

const IMMUTABLE_DATA: &str = "data: Forbidden: field is immutable when `immutable` is set";
const STS_FORBIDDEN: &str = "spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden";
const PVC_FORBIDDEN: &str = "spec: Forbidden: spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims";

impl ApiServer {
    /// Apply `spec` to the existing object `ns/name`; returns whether
    /// anything changed.
    pub(super) fn apply_part2(
        &mut self,
        ns: &str,
        name: &str,
        ch: Change,
        spec: Spec,
    ) -> Result<bool, ApiError> {
        let kind = spec.kind();
        let oid = self
            .store
            .oid_of(kind, ns, name)
            .ok_or_else(|| ApiError::NotFound {
                resource: resource_name(kind).to_string(),
                name: name.to_string(),
            })?;
        let Change {
            labels,
            annotations,
        } = ch;
        let s = &self.store;
        Ok(match spec {
            Spec::ConfigMap(data) => {
                let cur = s.configmaps().get(oid).expect("exists");
                if cur.data.immutable && cur.data != data {
                    return Err(forbidden(kind, name, IMMUTABLE_DATA));
                }
                self.store.update::<ConfigMap>(oid, |c| {
                    c.data = data;
                    c.meta.labels = labels;
                    c.meta.annotations = annotations;
                })
            }
            Spec::Secret(data) => {
                let cur = s.secrets().get(oid).expect("exists");
                if cur.data.immutable && cur.data != data {
                    return Err(forbidden(kind, name, IMMUTABLE_DATA));
                }
                if cur.data.secret_type != data.secret_type {
                    return Err(forbidden(
                        kind,
                        name,
                        "type: Invalid value: field is immutable",
                    ));
                }
                self.store.update::<Secret>(oid, |c| {
                    c.data = data;
                    c.meta.labels = labels;
                    c.meta.annotations = annotations;
                })
            }
            Spec::StatefulSet(spec) => {
                let cur = &s.statefulsets().get(oid).expect("exists").spec;
                if cur.selector != spec.selector
                    || cur.service_name != spec.service_name
                    || cur.volume_claim_templates != spec.volume_claim_templates
                    || cur.pod_management_policy != spec.pod_management_policy
                {
                    return Err(forbidden(kind, name, STS_FORBIDDEN));
                }
                self.store.update::<StatefulSet>(oid, |st| {
                    if st.spec != spec {
                        st.meta.generation += 1;
                        st.spec = spec;
                    }
                    st.meta.labels = labels;
                    st.meta.annotations = annotations;
                })
            }
            Spec::CronJob(spec) => self.store.update::<CronJob>(oid, |cj| {
                if cj.spec != spec {
                    cj.meta.generation += 1;
                    cj.spec = spec;
                }
                cj.meta.labels = labels;
                cj.meta.annotations = annotations;
            }),
            Spec::PersistentVolume(mut spec) => {
                let cur = s.persistentvolumes().get(oid).expect("exists");
                if spec.claim_ref.is_none() {
                    spec.claim_ref = cur.spec.claim_ref.clone();
                }
                if cur.spec.source != spec.source {
                    return Err(forbidden(
                        kind,
                        name,
                        "spec.persistentvolumesource: Forbidden: spec.persistentvolumesource is immutable after creation",
                    ));
                }
                self.store.update::<PersistentVolume>(oid, |pv| {
                    pv.spec = spec;
                    pv.meta.labels = labels;
                    pv.meta.annotations = annotations;
                })
            }
            Spec::PersistentVolumeClaim(mut spec) => {
                let cur = s.persistentvolumeclaims().get(oid).expect("exists");
                if spec.storage_class_name.is_none() {
                    spec.storage_class_name = cur.spec.storage_class_name.clone();
                }
                if spec.volume_name.is_none() {
                    spec.volume_name = cur.spec.volume_name.clone();
                }
                let same_but_size = PvcSpec {
                    request_bytes: cur.spec.request_bytes,
                    ..spec.clone()
                };
                if same_but_size != cur.spec {
                    return Err(forbidden(kind, name, PVC_FORBIDDEN));
                }
                if spec.request_bytes != cur.spec.request_bytes {
                    self.check_resize(cur, &spec, name)?;
                }
                self.store.update::<PersistentVolumeClaim>(oid, |c| {
                    c.spec = spec;
                    c.meta.labels = labels;
                    c.meta.annotations = annotations;
                })
            }
            Spec::StorageClass(spec) => {
                let cur = &s.storageclasses().get(oid).expect("exists").spec;
                for (field, differs) in [
                    ("parameters", cur.parameters != spec.parameters),
                    ("provisioner", cur.provisioner != spec.provisioner),
                    ("reclaimPolicy", cur.reclaim_policy != spec.reclaim_policy),
                    (
                        "volumeBindingMode",
                        cur.volume_binding_mode != spec.volume_binding_mode,
                    ),
                ] {
                    if differs {
                        return Err(forbidden(
                            kind,
                            name,
                            &format!("{field}: Forbidden: updates to {field} are forbidden."),
                        ));
                    }
                }
                self.store.update::<StorageClass>(oid, |c| {
                    c.spec = spec;
                    c.meta.labels = labels;
                    c.meta.annotations = annotations;
                })
            }
            Spec::ResourceQuota(spec) => {
                let used = crate::sim::admission::quota::quota_usage_scoped(
                    s,
                    ns,
                    &spec.hard,
                    &spec.scopes,
                );
                self.store.update::<ResourceQuota>(oid, |q| {
                    q.status.hard = spec.hard.clone();
                    q.status.used = used;
                    q.spec = spec;
                    q.meta.labels = labels;
                    q.meta.annotations = annotations;
                })
            }
            Spec::LimitRange(mut spec) => {
                crate::sim::admission::limit_range::set_defaults(&mut spec);
                self.store.update::<LimitRange>(oid, |l| {
                    l.spec = spec;
                    l.meta.labels = labels;
                    l.meta.annotations = annotations;
                })
            }
            Spec::Pod(_)
            | Spec::ReplicaSet(_)
            | Spec::Deployment(_)
            | Spec::Job(_)
            | Spec::Service(_) => {
                return Err(ApiError::BadRequest(
                    "apply_part2 called for a part-one kind".into(),
                ));
            }
        })
    }

    /// A claim may grow when its class allows expansion, never shrink.
    /// <https://kubernetes.io/docs/concepts/storage/persistent-volumes/#expanding-persistent-volumes-claims>
    fn check_resize(
        &self,
        cur: &PersistentVolumeClaim,
        spec: &PvcSpec,
        name: &str,
    ) -> Result<(), ApiError> {
        if spec.request_bytes < cur.status.capacity_bytes {
            return Err(forbidden(
                Kind::PersistentVolumeClaim,
                name,
                "spec.resources.requests.storage: Forbidden: field can not be less than status.capacity",
            ));
        }
        let expandable = cur
            .spec
            .storage_class_name
            .as_deref()
            .and_then(|c| self.store.storageclasses().find("", c))
            .is_some_and(|c| c.spec.allow_volume_expansion);
        if cur.status.phase != PvcPhase::Bound || !expandable {
            return Err(ApiError::Forbidden {
                resource: "persistentvolumeclaims".into(),
                name: name.to_string(),
                message: "only dynamically provisioned pvc can be resized and the storageclass that provisions the pvc must support resize".into(),
            });
        }
        Ok(())
    }
}
