//! Creating objects: validation, defaulting and admission, generated names,
//! ClusterIP allocation.

use super::*;

/// The most pods one simulated cluster holds (its quota on `pods`).
pub const MAX_PODS: usize = 20_000;

/// The name the quota error gives the cluster's pod quota.
pub const QUOTA_NAME: &str = "kubetutor-cluster-pods";

impl ApiServer {
    /// Create an object. `generate_name` treats `meta.name` as a prefix and
    /// appends a random suffix, as `metadata.generateName` does.
    pub fn create(
        &mut self,
        mut obj: Object,
        owner: Option<OwnerRef>,
        generate_name: bool,
    ) -> Result<(Res, Oid), ApiError> {
        if !obj.kind().namespaced() {
            obj.meta.namespace = String::new();
        }
        if generate_name {
            let prefix = obj.meta.name.clone();
            loop {
                obj.meta.name = format!("{prefix}{}", names::suffix(&mut self.rng));
                if !self.exists(obj.kind(), &obj.meta.namespace, &obj.meta.name) {
                    break;
                }
            }
        }
        if !obj.kind().namespaced() {
            obj.meta.namespace.clear();
        }
        let causes = validation::object(&obj);
        if !causes.is_empty() {
            return Err(ApiError::Invalid {
                kind: obj.kind(),
                name: obj.meta.name.clone(),
                causes,
            });
        }
        self.admit_namespace(obj.kind(), &obj.meta.namespace, &obj.meta.name)?;
        if matches!(obj.spec, Spec::Pod(_)) && self.store.pods().len() >= MAX_PODS {
            // As a ResourceQuota on `pods` refuses a create (admission,
            // after validation): the cluster's memory and the tick's time
            // stay bounded however many replicas are asked for.
            let used = self.store.pods().len();
            return Err(ApiError::Forbidden {
                resource: "pods".to_string(),
                name: obj.meta.name.clone(),
                message: format!(
                    "exceeded quota: {QUOTA_NAME}, requested: pods=1, used: pods={used}, limited: pods={MAX_PODS}"
                ),
            });
        }
        if self.exists(obj.kind(), &obj.meta.namespace, &obj.meta.name) {
            return Err(ApiError::AlreadyExists {
                resource: resource_name(obj.kind()).to_string(),
                name: obj.meta.name.clone(),
            });
        }
        self.admit(&mut obj)?;
        let meta = self.new_meta(&obj.meta, owner);
        let (ns, name) = (meta.namespace.clone(), meta.name.clone());
        let (res, oid) = match obj.spec {
            Spec::Pod(spec) => (Res::Pod, self.store.insert(self.new_pod(meta, spec))),
            Spec::ReplicaSet(spec) => (
                Res::ReplicaSet,
                self.store.insert(ReplicaSet {
                    meta,
                    spec,
                    status: ReplicaSetStatus::default(),
                }),
            ),
            Spec::Deployment(spec) => (
                Res::Deployment,
                self.store.insert(Deployment {
                    meta,
                    spec,
                    status: DeploymentStatus::default(),
                }),
            ),
            Spec::Job(mut spec) => {
                for (k, v) in [
                    ("batch.kubernetes.io/controller-uid", meta.uid.clone()),
                    ("batch.kubernetes.io/job-name", meta.name.clone()),
                    ("controller-uid", meta.uid.clone()),
                    ("job-name", meta.name.clone()),
                ] {
                    spec.template.labels.insert(k.to_string(), v);
                }
                (
                    Res::Job,
                    self.store.insert(Job {
                        meta,
                        spec,
                        status: JobStatus::default(),
                    }),
                )
            }
            Spec::Service(mut spec) => {
                let ip = self.allocate_cluster_ip(spec.cluster_ip.as_deref(), &name)?;
                self.allocate_node_ports(&mut spec, &name, None)?;
                spec.cluster_ip = Some(ip);
                (Res::Service, self.store.insert(Service { meta, spec }))
            }
            Spec::Namespace(_) => {
                let mut meta = meta;
                // The apiserver labels every namespace with its name.
                // https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/#automatic-labelling
                meta.labels
                    .insert(NAMESPACE_NAME_LABEL.into(), meta.name.clone());
                let ns = Namespace {
                    meta,
                    phase: NamespacePhase::Active,
                    conditions: Vec::new(),
                };
                (Res::Namespace, self.store.insert(ns))
            }
            Spec::DaemonSet(spec) => (
                Res::DaemonSet,
                self.store.insert(DaemonSet {
                    meta,
                    spec,
                    status: DaemonSetStatus::default(),
                }),
            ),
            other => self.create_part2(meta, other)?,
        };
        self.charge_quotas(&ns);
        self.trace(res, &ns, &name, "POST", "201 Created", "put");
        Ok((res, oid))
    }

    pub(super) fn exists(&self, kind: Kind, ns: &str, name: &str) -> bool {
        self.store.oid_of(kind, ns, name).is_some()
            || (kind == Kind::Node && self.store.node_id(name).is_some())
    }

    /// The NamespaceLifecycle admission plugin: namespaced objects go only
    /// into a namespace that exists and is not being deleted.
    /// <https://kubernetes.io/docs/reference/access-authn-authz/admission-controllers/#namespacelifecycle>
    pub(super) fn admit_namespace(&self, kind: Kind, ns: &str, name: &str) -> Result<(), ApiError> {
        if !kind.namespaced() {
            return Ok(());
        }
        match self.store.namespace(ns) {
            None => Err(ApiError::NotFound {
                resource: "namespaces".into(),
                name: ns.to_string(),
            }),
            Some(n) if n.phase == NamespacePhase::Terminating => Err(ApiError::Forbidden {
                resource: resource_name(kind).into(),
                name: name.to_string(),
                message: format!(
                    "unable to create new content in namespace {ns} because it is being terminated"
                ),
            }),
            Some(_) => Ok(()),
        }
    }

    /// Defaulting and admission for a new pod.
    fn new_pod(&self, meta: Meta, mut spec: PodSpec) -> Pod {
        // DefaultTolerationSeconds admission:
        // https://kubernetes.io/docs/concepts/scheduling-eviction/taint-and-toleration/#taint-based-evictions
        let missing: Vec<&str> = [TAINT_NOT_READY, TAINT_UNREACHABLE]
            .into_iter()
            .filter(|key| {
                !spec.tolerations.iter().any(|t| {
                    t.key.as_deref() == Some(*key)
                        && t.effect.is_none_or(|e| e == TaintEffect::NoExecute)
                })
            })
            .collect();
        // Exactly the room needed: every pod keeps this list, and pushing
        // one by one would leave room for four.
        spec.tolerations.reserve_exact(missing.len());
        for key in missing {
            spec.tolerations.push(Toleration {
                key: Some(key.to_string()),
                operator: TolerationOperator::Exists,
                value: None,
                effect: Some(TaintEffect::NoExecute),
                toleration_seconds: Some(DEFAULT_TOLERATION_SECONDS),
            });
        }
        let mirror = meta.annotations.contains_key(MIRROR_ANNOTATION);
        // Priority admission: the value of the pod's PriorityClass (0 without one).
        // https://kubernetes.io/docs/concepts/scheduling-eviction/pod-priority-preemption/
        spec.priority = Some(priority_value(spec.priority_class_name.as_deref()));
        // ServiceAccount admission: the `default` account and its token volume.
        // https://kubernetes.io/docs/reference/access-authn-authz/admission-controllers/#serviceaccount
        if !mirror {
            spec.service_account_name
                .get_or_insert_with(|| "default".to_string());
        }
        // The node's name and the node affinity move out of the spec, which
        // the store shares.
        let node_name_affinity = std::mem::take(&mut spec.node_name_affinity);
        let node_name = (spec.node_name.take()).map(|n| self.store.shared_node_name(&n));
        let node = node_name.as_deref().and_then(|n| self.store.node_id(n));
        let mut status = PodStatus::default();
        if node.is_some() {
            status.conditions.scheduled = Some(Condition::new(CondStatus::True, self.now));
        }
        Pod {
            meta,
            spec: std::sync::Arc::new(spec),
            status,
            node_name,
            node,
            node_name_affinity,
            has_token_volume: !mirror,
        }
    }

    fn allocate_cluster_ip(&mut self, asked: Option<&str>, name: &str) -> Result<String, ApiError> {
        match asked {
            Some("None") => return Ok("None".to_string()),
            Some(ip) if !ip.is_empty() => {
                let parsed = crate::sim::cni::parse_ip(ip)
                    .filter(|v| *v > SERVICE_BASE && *v < SERVICE_BASE + SERVICE_SIZE - 1);
                let Some(v) = parsed else {
                    return Err(ApiError::Invalid {
                        kind: Kind::Service,
                        name: name.to_string(),
                        causes: vec![format!(
                            "spec.clusterIPs: Invalid value: []string{{\"{ip}\"}}: failed to allocate IP {ip}: provided IP is not in the valid range. The range of valid IPs is {SERVICE_CIDR}"
                        )],
                    });
                };
                if !self.service_ips.insert(v) {
                    return Err(ApiError::Invalid {
                        kind: Kind::Service,
                        name: name.to_string(),
                        causes: vec![format!(
                            "spec.clusterIPs: Invalid value: []string{{\"{ip}\"}}: failed to allocate IP {ip}: provided IP is already allocated"
                        )],
                    });
                }
                return Ok(ip.to_string());
            }
            _ => {}
        }
        loop {
            // Leave the first 16 addresses (10.96.0.1 kubernetes, .10 DNS) alone.
            let v = SERVICE_BASE + 16 + self.rng.below(u64::from(SERVICE_SIZE - 18)) as u32;
            if self.service_ips.insert(v) {
                return Ok(crate::sim::cni::format_ip(v));
            }
        }
    }
}

/// The label the apiserver puts on every namespace.
pub const NAMESPACE_NAME_LABEL: &str = "kubernetes.io/metadata.name";

/// The value of a built-in PriorityClass (`system-node-critical`,
/// `system-cluster-critical`); 0 for none or any other class.
pub fn priority_value(class: Option<&str>) -> i32 {
    match class {
        Some("system-node-critical") => 2_000_001_000,
        Some("system-cluster-critical") => 2_000_000_000,
        _ => 0,
    }
}
