//! Creating the kinds of part two (ConfigMap, Secret, StatefulSet, CronJob,
//! PersistentVolume, PersistentVolumeClaim, StorageClass, ResourceQuota,
//! LimitRange), and the NodePort allocation of Services.

use super::*;

/// `--service-node-port-range`.
pub const NODE_PORT_MIN: u16 = 30000;
pub const NODE_PORT_MAX: u16 = 32767;

impl ApiServer {
    /// The admission chain (LimitRanger, ResourceQuota) for a new object.
    pub(super) fn admit(&mut self, obj: &mut Object) -> Result<(), ApiError> {
        crate::sim::admission::admit(&self.store, obj).map_err(|message| ApiError::Forbidden {
            resource: resource_name(obj.kind()).to_string(),
            name: obj.meta.name.clone(),
            message,
        })
    }

    /// The quota admission plugin records what it admitted in each quota's
    /// `status.used` at once (the quota controller later recounts).
    pub(super) fn charge_quotas(&mut self, ns: &str) {
        let quotas: Vec<Oid> = self
            .store
            .resourcequotas()
            .in_namespace(ns)
            .map(|q| q.meta.oid)
            .collect();
        for oid in quotas {
            let Some(q) = self.store.resourcequotas().get(oid) else {
                continue;
            };
            let used = crate::sim::admission::quota::quota_usage_scoped(
                &self.store,
                ns,
                &q.spec.hard,
                &q.spec.scopes,
            );
            let hard = q.spec.hard.clone();
            self.update::<ResourceQuota>(oid, |q| {
                q.status.used = used;
                q.status.hard = hard;
            });
        }
    }

    /// Store a new object of a part-two kind (`meta` is already assigned).
    pub(super) fn create_part2(&mut self, meta: Meta, spec: Spec) -> Result<(Res, Oid), ApiError> {
        let s = &mut self.store;
        Ok(match spec {
            Spec::ConfigMap(data) => (Res::ConfigMap, s.insert(ConfigMap { meta, data })),
            Spec::Secret(data) => (Res::Secret, s.insert(Secret { meta, data })),
            Spec::StatefulSet(spec) => (
                Res::StatefulSet,
                s.insert(StatefulSet {
                    meta,
                    spec,
                    status: StatefulSetStatus::default(),
                }),
            ),
            Spec::CronJob(spec) => (
                Res::CronJob,
                s.insert(CronJob {
                    meta,
                    spec,
                    status: CronJobStatus::default(),
                }),
            ),
            Spec::PersistentVolume(spec) => {
                let status = PvStatus {
                    phase: PvPhase::Available,
                    phase_ms: self.now,
                };
                (
                    Res::PersistentVolume,
                    s.insert(PersistentVolume { meta, spec, status }),
                )
            }
            Spec::PersistentVolumeClaim(mut spec) => {
                if spec.storage_class_name.is_none() {
                    // The DefaultStorageClass admission plugin names the default class.
                    spec.storage_class_name = s
                        .storageclasses()
                        .iter()
                        .find(|c| c.is_default())
                        .map(|c| c.meta.name.clone());
                }
                (
                    Res::PersistentVolumeClaim,
                    s.insert(PersistentVolumeClaim {
                        meta,
                        spec,
                        status: PvcStatus::default(),
                    }),
                )
            }
            Spec::StorageClass(spec) => (Res::StorageClass, s.insert(StorageClass { meta, spec })),
            Spec::ResourceQuota(spec) => {
                let used =
                    crate::sim::admission::quota::quota_usage(s, &meta.namespace, &spec.hard);
                let status = ResourceQuotaStatus {
                    hard: spec.hard.clone(),
                    used,
                };
                (
                    Res::ResourceQuota,
                    s.insert(ResourceQuota { meta, spec, status }),
                )
            }
            Spec::LimitRange(spec) => (Res::LimitRange, s.insert(LimitRange { meta, spec })),
            Spec::Pod(_)
            | Spec::ReplicaSet(_)
            | Spec::Deployment(_)
            | Spec::Job(_)
            | Spec::Service(_) => {
                return Err(ApiError::BadRequest(
                    "create_part2 called for a part-one kind".into(),
                ));
            }
        })
    }

    /// Set or clear a pod's controller (`ownerReferences`), as a ReplicaSet
    /// does when it adopts or releases a pod.
    pub fn set_pod_owner(&mut self, oid: Oid, owner: Option<OwnerRef>) -> bool {
        let changed = self.store.set_pod_owner(oid, owner);
        if changed && let Some(p) = self.store.pods().get(oid) {
            let (ns, name) = (p.meta.namespace.clone(), p.meta.name.clone());
            self.trace(Res::Pod, &ns, &name, "PATCH", "200 OK", "put");
        }
        changed
    }

    /// Give every port of a NodePort or LoadBalancer Service a node port
    /// from 30000-32767 (or check the one asked for).
    /// <https://kubernetes.io/docs/concepts/services-networking/service/#type-nodeport>
    pub(super) fn allocate_node_ports(
        &mut self,
        spec: &mut ServiceSpec,
        name: &str,
        updating: Option<Oid>,
    ) -> Result<(), ApiError> {
        if spec.service_type == ServiceType::ClusterIP {
            for p in &mut spec.ports {
                p.node_port = None;
            }
            return Ok(());
        }
        let mut used: BTreeSet<u16> = self
            .store
            .services()
            .iter()
            .filter(|s| Some(s.meta.oid) != updating)
            .flat_map(|s| s.spec.ports.iter().filter_map(|p| p.node_port))
            .collect();
        let invalid = |i: usize, port: u16, why: &str| ApiError::Invalid {
            kind: Kind::Service,
            name: name.to_string(),
            causes: vec![format!(
                "spec.ports[{i}].nodePort: Invalid value: {port}: {why}"
            )],
        };
        for (i, p) in spec.ports.iter().enumerate() {
            if let Some(port) = p.node_port {
                if !(NODE_PORT_MIN..=NODE_PORT_MAX).contains(&port) {
                    return Err(invalid(
                        i,
                        port,
                        &format!(
                            "provided port is not in the valid range. The range of valid ports is {NODE_PORT_MIN}-{NODE_PORT_MAX}"
                        ),
                    ));
                }
                if !used.insert(port) {
                    return Err(invalid(i, port, "provided port is already allocated"));
                }
            }
        }
        for p in &mut spec.ports {
            if p.node_port.is_none() {
                let span = u64::from(NODE_PORT_MAX - NODE_PORT_MIN) + 1;
                loop {
                    let port = NODE_PORT_MIN + self.rng.below(span) as u16;
                    if used.insert(port) {
                        p.node_port = Some(port);
                        break;
                    }
                }
            }
        }
        Ok(())
    }
}
