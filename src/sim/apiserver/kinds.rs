//! Writes for the kinds components keep for each other: namespaces being
//! deleted, the EndpointSlices of a Service, the node Leases.

use super::*;

/// Namespaces that may not be deleted (the NamespaceLifecycle plugin's
/// immortal namespaces).
pub const IMMORTAL_NAMESPACES: [&str; 3] = ["default", "kube-system", "kube-public"];

/// Where the kubelets keep their Leases.
pub const NODE_LEASE_NAMESPACE: &str = "kube-node-lease";

/// How long a node Lease is valid without renewal (the kubelet's
/// `nodeLeaseDurationSeconds`).
pub const NODE_LEASE_SECONDS: u32 = 40;

impl ApiServer {
    /// Swap the generator of uids and generated names (the cluster sets up
    /// its system objects with one of their own, so the names of what a
    /// student creates do not depend on them).
    pub(in crate::sim) fn swap_rng(&mut self, rng: Rng) -> Rng {
        std::mem::replace(&mut self.rng, rng)
    }

    /// Forget every Event and activity entry (the cluster's own set-up is
    /// not part of what a student sees happen).
    pub(in crate::sim) fn clear_log(&mut self) {
        self.log = EventLog::default();
    }

    /// Forget the Events and activity recorded from activity number
    /// `since` on about objects `about` says yes to.
    pub(in crate::sim) fn forget_since(&mut self, since: u64, about: impl Fn(&ObjRef) -> bool) {
        self.log.forget_since(since, about);
    }

    // ------------------------------------------------------------ namespaces

    /// `kubectl delete namespace`: the namespace turns Terminating and the
    /// namespace controller empties it.
    /// <https://kubernetes.io/docs/tasks/administer-cluster/namespaces/#deleting-a-namespace>
    pub fn delete_namespace(&mut self, name: &str) -> Result<(), ApiError> {
        let Some(oid) = self.store.namespaces().oid_of("", name) else {
            return Err(ApiError::NotFound {
                resource: "namespaces".into(),
                name: name.to_string(),
            });
        };
        if IMMORTAL_NAMESPACES.contains(&name) {
            return Err(ApiError::Forbidden {
                resource: "namespaces".into(),
                name: name.to_string(),
                message: "this namespace may not be deleted".into(),
            });
        }
        let now = self.now;
        let changed = self.store.update::<Namespace>(oid, |n| {
            if n.meta.deletion_ms.is_none() {
                n.meta.deletion_ms = Some(now);
                n.phase = NamespacePhase::Terminating;
            }
        });
        if changed {
            self.trace(Res::Namespace, "", name, "DELETE", "200 OK", "put");
        }
        Ok(())
    }

    /// The namespace controller's status report while it empties a namespace.
    pub fn set_namespace_conditions(&mut self, oid: Oid, conditions: Vec<NamespaceCondition>) {
        self.update::<Namespace>(oid, |n| {
            for new in conditions {
                match n.conditions.iter_mut().find(|c| c.kind == new.kind) {
                    Some(old) => {
                        let mut slot = Some(old.cond.clone());
                        set_condition(&mut slot, new.cond);
                        old.cond = slot.expect("set above");
                    }
                    None => n.conditions.push(new),
                }
            }
        });
    }

    /// Remove an emptied namespace (its `kubernetes` finalizer is done).
    pub fn remove_namespace(&mut self, oid: Oid) -> bool {
        let Some(ns) = self.store.remove::<Namespace>(oid) else {
            return false;
        };
        self.log.forget_namespace(&ns.meta.name);
        self.trace(
            Res::Namespace,
            "",
            &ns.meta.name,
            "DELETE",
            "200 OK",
            "delete",
        );
        true
    }

    // ------------------------------------------------------------ discovery

    /// Create or update an EndpointSlice of `service`. `managed_by` is the
    /// EndpointSlice controller's `endpointslice-controller.k8s.io` for its
    /// slices (named `<service>-xxxxx`, labelled like the Service, owned by
    /// it); `None` is the apiserver's own slice of the `kubernetes` Service
    /// (named after it, labelled with the service name only).
    /// `oid` is the slice to update, if there is one.
    pub fn set_endpoint_slice(
        &mut self,
        service: &Service,
        oid: Option<Oid>,
        endpoints: Vec<SliceEndpoint>,
        ports: Vec<EndpointPort>,
        managed_by: Option<&str>,
    ) -> Option<Oid> {
        let (ns, svc_name) = (service.meta.namespace.clone(), service.meta.name.clone());
        let mut labels = match managed_by {
            Some(m) => {
                let mut l = service.meta.labels.clone();
                l.insert("endpointslice.kubernetes.io/managed-by".into(), m.into());
                l
            }
            None => Labels::new(),
        };
        labels.insert(SERVICE_NAME_LABEL.into(), svc_name.clone());
        if let Some(old) = oid.and_then(|o| self.store.endpointslices().get(o)) {
            let oid = old.meta.oid;
            let changed = old.endpoints != endpoints || old.ports != ports;
            if changed || old.meta.labels != labels {
                // The EndpointSlice strategy bumps the generation when the
                // endpoints, ports or address type change.
                self.update::<EndpointSlice>(oid, |e| {
                    e.endpoints = endpoints;
                    e.ports = ports;
                    e.meta.labels = labels;
                    e.meta.generation += u64::from(changed);
                });
            }
            return Some(oid);
        }
        // The suffix comes from the Service's uid (and a counter), not the
        // RNG: a slice does not change the names drawn for what users create.
        let name = match managed_by {
            None => svc_name.clone(),
            Some(_) => (0u32..)
                .map(|i| {
                    let seed = format!("{}/{i}", service.meta.uid);
                    format!("{svc_name}-{}", names::suffix_from(&seed))
                })
                .find(|n| self.store.endpointslices().oid_of(&ns, n).is_none())
                .expect("an unused name"),
        };
        if self.store.endpointslices().oid_of(&ns, &name).is_some() {
            return None;
        }
        let mut m = ObjectMeta::named(name.clone());
        m.namespace = ns.clone();
        m.labels = labels;
        let owner = managed_by.map(|_| {
            OwnerRef::new(
                Kind::Service,
                &svc_name,
                &service.meta.uid,
                service.meta.oid,
            )
        });
        let from = format!("{ns}/{name}/{}", service.meta.uid);
        let meta = self.derived_meta(&m, owner, &from);
        let oid = self.store.insert(EndpointSlice {
            meta,
            endpoints,
            ports,
        });
        self.trace(Res::EndpointSlice, &ns, &name, "POST", "201 Created", "put");
        Some(oid)
    }

    // ------------------------------------------------------------ leases

    /// The kubelet's node Lease in `kube-node-lease`, created on first use.
    /// Renewals are not traced: they happen every 10 s on every node.
    pub fn renew_node_lease(&mut self, node: NodeId) {
        let Some(n) = self.store.node(node) else {
            return;
        };
        let (name, uid, node_oid) = (n.meta.name.clone(), n.meta.uid.clone(), n.meta.oid);
        let now = self.now;
        match self.store.leases().oid_of(NODE_LEASE_NAMESPACE, &name) {
            Some(oid) => {
                self.store.update::<Lease>(oid, |l| l.renew_ms = Some(now));
            }
            None => {
                if self.store.namespace(NODE_LEASE_NAMESPACE).is_none() {
                    return;
                }
                let mut m = ObjectMeta::named(name.clone());
                m.namespace = NODE_LEASE_NAMESPACE.into();
                let owner = OwnerRef::new(Kind::Node, &name, &uid, node_oid);
                let from = format!("lease/{name}/{}", owner.uid());
                let mut meta = self.derived_meta(&m, Some(owner), &from);
                // Leases have no generation (the coordination strategy sets none).
                meta.generation = 0;
                self.store.insert(Lease {
                    meta,
                    holder: Some(name),
                    duration_s: Some(NODE_LEASE_SECONDS),
                    acquire_ms: None,
                    renew_ms: Some(now),
                });
            }
        }
    }
}
