//! What a user (kubectl, a lesson, the simulator controls) can do to the cluster.

use super::apiserver::{ApiError, Applied, TAINT_UNSCHEDULABLE, resource_name};
use super::cluster::Cluster;
use super::events::{Component, Event, EventType, ObjRef};
use super::objects::*;
use super::runtime::RuntimeKind;
use super::store::Stored;
use super::stored::*;
use crate::lang::Lang;

fn not_found(kind: Kind, name: &str) -> ApiError {
    ApiError::NotFound {
        resource: resource_name(kind).to_string(),
        name: name.to_string(),
    }
}

/// What `apply_manifest` did: kubectl-like lines, and whether all went well.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ManifestOutcome {
    pub lines: Vec<String>,
    pub ok: bool,
}

/// `deployment.apps/web`: how kubectl names an object in its output.
pub fn kubectl_name(kind: Kind, name: &str) -> String {
    let group = match kind {
        Kind::Deployment | Kind::ReplicaSet | Kind::StatefulSet => ".apps",
        Kind::Job | Kind::CronJob => ".batch",
        Kind::StorageClass => ".storage.k8s.io",
        _ => "",
    };
    format!("{}{group}/{name}", kind.name().to_ascii_lowercase())
}

impl Cluster {
    /// `kubectl apply` of one object.
    pub fn apply(&mut self, obj: Object) -> Result<Applied, ApiError> {
        self.api.apply(obj)
    }

    /// `kubectl create` of one object: an error if it exists.
    pub fn create(&mut self, obj: Object) -> Result<(), ApiError> {
        self.api.create(obj, None, false).map(|_| ())
    }

    /// `kubectl apply -f` of a manifest text (YAML or JSON, one or more
    /// documents). Lines like `deployment.apps/web created`, or the
    /// diagnostics when the manifest is invalid (then nothing is applied).
    pub fn apply_manifest(&mut self, text: &str) -> ManifestOutcome {
        self.apply_manifest_in(text, None)
    }

    /// [`Cluster::apply_manifest`], putting objects of the `default`
    /// namespace into `namespace` when one is given (`apply -f FILE -n NS`).
    pub fn apply_manifest_in(&mut self, text: &str, namespace: Option<&str>) -> ManifestOutcome {
        let loaded = crate::manifest::load(text);
        let mut lines = Vec::new();
        if loaded.has_errors() {
            // With the same hints as `kubetutor validate` (`did you mean`).
            for d in loaded.errors() {
                lines.push(format!("error: {}", d.render(Lang::En)));
                if let Some(hint) = &d.hint {
                    lines.push(format!("    hint: {hint}"));
                }
            }
            return ManifestOutcome { lines, ok: false };
        }
        for d in loaded.diagnostics.iter().filter(|d| !d.is_error()) {
            lines.push(d.render(Lang::En));
        }
        for d in loaded.not_simulated() {
            lines.push(format!(
                "{}:1: warning: kind {} is not simulated; skipped",
                d.line, d.kind
            ));
        }
        let mut objects = loaded.objects();
        if let Some(ns) = namespace {
            for o in &mut objects {
                if o.meta.namespace == "default" {
                    o.meta.namespace = ns.to_string();
                }
            }
        }
        if objects.is_empty() {
            lines.push("error: no objects passed to apply".to_string());
            return ManifestOutcome { lines, ok: false };
        }
        let mut ok = true;
        for obj in objects {
            let (kind, name) = (obj.kind(), obj.meta.name.clone());
            match self.api.apply(obj) {
                Ok(a) => lines.push(format!("{} {}", kubectl_name(kind, &name), a.word())),
                Err(e) => {
                    ok = false;
                    lines.push(e.to_string());
                }
            }
        }
        ManifestOutcome { lines, ok }
    }

    /// Delete an object; returns kubectl's line (`pod "web" deleted`).
    /// Pods are deleted gracefully (`grace` in seconds overrides the pod's).
    pub fn delete(
        &mut self,
        kind: Kind,
        ns: &str,
        name: &str,
        grace: Option<u64>,
    ) -> Result<String, ApiError> {
        let s = self.api.store();
        let res = resource_name(kind);
        match kind {
            Kind::Pod => {
                let oid = s
                    .pods()
                    .oid_of(ns, name)
                    .ok_or_else(|| not_found(kind, name))?;
                self.api.delete_pod(oid, grace)?;
            }
            Kind::ReplicaSet => self.delete_named::<ReplicaSet>(kind, ns, name)?,
            Kind::Deployment => self.delete_named::<Deployment>(kind, ns, name)?,
            Kind::Job => self.delete_named::<Job>(kind, ns, name)?,
            Kind::Service => self.delete_named::<Service>(kind, ns, name)?,
            Kind::ConfigMap => self.delete_named::<ConfigMap>(kind, ns, name)?,
            Kind::Secret => self.delete_named::<Secret>(kind, ns, name)?,
            Kind::StatefulSet => self.delete_named::<StatefulSet>(kind, ns, name)?,
            Kind::CronJob => self.delete_named::<CronJob>(kind, ns, name)?,
            Kind::PersistentVolume => self.delete_named::<PersistentVolume>(kind, "", name)?,
            Kind::PersistentVolumeClaim => {
                self.delete_named::<PersistentVolumeClaim>(kind, ns, name)?
            }
            Kind::StorageClass => self.delete_named::<StorageClass>(kind, "", name)?,
            Kind::ResourceQuota => self.delete_named::<ResourceQuota>(kind, ns, name)?,
            Kind::LimitRange => self.delete_named::<LimitRange>(kind, ns, name)?,
            Kind::Node | Kind::Event => {
                return Err(ApiError::BadRequest(format!(
                    "deleting {res} is not simulated{}",
                    if kind == Kind::Node {
                        "; use `fault node-down` to lose a node"
                    } else {
                        ""
                    }
                )));
            }
        }
        let full = kubectl_name(kind, name);
        let word = full.split('/').next().unwrap_or_default();
        Ok(format!("{word} \"{name}\" deleted"))
    }

    /// Delete the `T` called `name` in `ns` at once (no grace period: only
    /// pods have one).
    fn delete_named<T: Stored>(
        &mut self,
        kind: Kind,
        ns: &str,
        name: &str,
    ) -> Result<(), ApiError> {
        let oid = self
            .api
            .store()
            .table::<T>()
            .oid_of(ns, name)
            .ok_or_else(|| not_found(kind, name))?;
        self.api.delete::<T>(oid);
        Ok(())
    }

    /// `kubectl scale`: set `replicas` of a Deployment or ReplicaSet.
    pub fn scale(
        &mut self,
        kind: Kind,
        ns: &str,
        name: &str,
        replicas: u32,
    ) -> Result<(), ApiError> {
        if replicas > super::validation::MAX_REPLICAS {
            return Err(ApiError::Invalid {
                kind,
                name: name.to_string(),
                causes: vec![format!(
                    "spec.replicas: Invalid value: {replicas}: the simulator runs at most {} per workload",
                    super::validation::MAX_REPLICAS
                )],
            });
        }
        let s = self.api.store();
        match kind {
            Kind::Deployment => {
                let oid = s
                    .deployments()
                    .oid_of(ns, name)
                    .ok_or_else(|| not_found(kind, name))?;
                self.api.update::<Deployment>(oid, |d| {
                    if d.spec.replicas != replicas {
                        d.spec.replicas = replicas;
                        d.meta.generation += 1;
                    }
                });
            }
            Kind::ReplicaSet => {
                let oid = s
                    .replicasets()
                    .oid_of(ns, name)
                    .ok_or_else(|| not_found(kind, name))?;
                self.api.update::<ReplicaSet>(oid, |r| {
                    if r.spec.replicas != replicas {
                        r.spec.replicas = replicas;
                        r.meta.generation += 1;
                    }
                });
            }
            Kind::StatefulSet => {
                let oid = s
                    .statefulsets()
                    .oid_of(ns, name)
                    .ok_or_else(|| not_found(kind, name))?;
                self.api.update::<StatefulSet>(oid, |r| {
                    if r.spec.replicas != replicas {
                        r.spec.replicas = replicas;
                        r.meta.generation += 1;
                    }
                });
            }
            _ => {
                return Err(ApiError::BadRequest(format!(
                    "cannot scale {}: only deployments, replicasets and statefulsets can be scaled",
                    resource_name(kind)
                )));
            }
        }
        Ok(())
    }

    /// `kubectl set image deployment/NAME CONTAINER=IMAGE`.
    pub fn set_image(
        &mut self,
        ns: &str,
        deployment: &str,
        container: &str,
        image: &str,
    ) -> Result<(), ApiError> {
        let s = self.api.store();
        let oid = s
            .deployments()
            .oid_of(ns, deployment)
            .ok_or_else(|| not_found(Kind::Deployment, deployment))?;
        let d = s.deployments().get(oid).expect("oid from the table");
        if !d
            .spec
            .template
            .spec
            .containers
            .iter()
            .any(|c| c.name == container)
        {
            return Err(ApiError::BadRequest(format!(
                "unable to find container named \"{container}\""
            )));
        }
        self.api.update::<Deployment>(oid, |d| {
            for c in &mut d.spec.template.spec.containers {
                if c.name == container && c.image != image {
                    c.image = image.to_string();
                    d.meta.generation += 1;
                }
            }
        });
        Ok(())
    }

    fn node_id(&self, name: &str) -> Result<NodeId, ApiError> {
        self.api
            .store()
            .node_id(name)
            .ok_or_else(|| not_found(Kind::Node, name))
    }

    /// `kubectl cordon` / `uncordon`; returns whether anything changed.
    pub fn set_schedulable(&mut self, node: &str, schedulable: bool) -> Result<bool, ApiError> {
        let id = self.node_id(node)?;
        let now = self.now();
        let changed = self.api.update_node(id, true, |n| {
            n.unschedulable = !schedulable;
            n.taints.retain(|t| t.taint.key != TAINT_UNSCHEDULABLE);
            if !schedulable {
                n.taints.push(NodeTaint {
                    taint: Taint {
                        key: TAINT_UNSCHEDULABLE.into(),
                        value: None,
                        effect: TaintEffect::NoSchedule,
                    },
                    added_ms: now,
                });
            }
        });
        if changed {
            let reason = if schedulable {
                "NodeSchedulable"
            } else {
                "NodeNotSchedulable"
            };
            self.api.record(
                Event::new(
                    Component::Kubelet,
                    "kubelet",
                    EventType::Normal,
                    ObjRef::new(Kind::Node, "", node),
                    reason,
                    format!("Node {node} status is now: {reason}"),
                )
                .host(node),
            );
        }
        Ok(changed)
    }

    /// `kubectl drain NODE [--force]` up to its waiting: cordon the node,
    /// then evict each of its pods through the Eviction API (which marks
    /// the pod with the `DisruptionTarget` condition and deletes it with its
    /// grace period). Returns kubectl's lines so far and the evicted pods
    /// (name, oid), which drain then waits for (`crate::kubectl`). Pods
    /// that no controller owns stop the drain unless `force`.
    /// <https://kubernetes.io/docs/tasks/administer-cluster/safely-drain-node/>
    #[allow(clippy::type_complexity)]
    pub fn evict_node(
        &mut self,
        node: &str,
        force: bool,
    ) -> Result<(Vec<String>, Vec<(String, Oid)>), String> {
        let id = self.node_id(node).map_err(|e| e.to_string())?;
        let pods: Vec<(Oid, String, String, bool)> = self
            .api
            .store()
            .pods_on(id)
            .filter(|p| !p.status.phase.is_terminal())
            .map(|p| {
                (
                    p.meta.oid,
                    p.meta.namespace.clone(),
                    p.meta.name.clone(),
                    p.meta.owner.is_some(),
                )
            })
            .collect();
        let mut lines = Vec::new();
        let changed = self
            .set_schedulable(node, false)
            .map_err(|e| e.to_string())?;
        lines.push(format!(
            "node/{node} {}",
            if changed {
                "cordoned"
            } else {
                "already cordoned"
            }
        ));
        let bare: Vec<String> = pods
            .iter()
            .filter(|p| !p.3)
            .map(|p| format!("{}/{}", p.1, p.2))
            .collect();
        if !bare.is_empty() && !force {
            lines.push("There are pending nodes to be drained:".into());
            lines.push(format!(" {node}"));
            lines.push(format!(
                "error: cannot delete Pods that declare no controller (use --force to override): {}",
                bare.join(", ")
            ));
            return Err(lines.join("\n"));
        }
        if !bare.is_empty() {
            lines.push(format!(
                "Warning: deleting Pods that declare no controller: {}",
                bare.join(", ")
            ));
        }
        let now = self.now();
        let mut evicted = Vec::new();
        for (oid, ns, name, _) in pods {
            lines.push(format!("evicting pod {ns}/{name}"));
            // pkg/registry/core/pod/storage/eviction.go `addConditionAndDeletePod`.
            self.api.update_pod_status(oid, |s| {
                s.conditions.disruption_target = Some(Box::new(
                    Condition::new(CondStatus::True, now)
                        .with("EvictionByEvictionAPI", "Eviction API: evicting"),
                ));
            });
            if self.api.delete_pod(oid, None).is_ok() {
                evicted.push((name, oid));
            }
        }
        Ok((lines, evicted))
    }

    /// `fault node-down NODE` / `fault node-up NODE`.
    pub fn set_node_down(&mut self, node: &str, down: bool) -> Result<bool, String> {
        let id = self.node_id(node).map_err(|e| e.to_string())?;
        let k = &mut self.kubelets[id];
        if k.is_down() == down {
            return Ok(false);
        }
        k.set_down(down, &self.api);
        let (reason, msg) = if down {
            (
                "NodeDown",
                format!("{node} lost: its kubelet stopped posting status"),
            )
        } else {
            ("NodeUp", format!("{node} is back: its kubelet resumes"))
        };
        self.api.act(
            Component::Kubelet,
            ObjRef::new(Kind::Node, "", node),
            reason,
            msg,
        );
        Ok(true)
    }

    pub fn node_down(&self, node: &str) -> bool {
        self.api
            .store()
            .node_id(node)
            .is_some_and(|id| self.kubelets[id].is_down())
    }

    /// `fault crash POD`: the main process of its first running container dies (exit 1).
    pub fn crash(&mut self, ns: &str, pod: &str) -> Result<(), String> {
        let p = self
            .api
            .store()
            .pods()
            .find(ns, pod)
            .ok_or_else(|| not_found(Kind::Pod, pod).to_string())?;
        let (oid, node) = (p.meta.oid, p.node);
        let Some(node) = node else {
            return Err(format!("pod {pod} is not running on a node yet"));
        };
        if self.kubelets[node].is_down() {
            return Err(format!("the node of pod {pod} is down"));
        }
        let now = self.now();
        if self.kubelets[node].crash(oid, now) {
            Ok(())
        } else {
            Err(format!("pod {pod} has no running container to crash"))
        }
    }

    /// `runtime containerd|dockershim`: every kubelet switches its CRI path.
    pub fn set_runtime(&mut self, kind: RuntimeKind) {
        self.runtime = kind;
        for k in &mut self.kubelets {
            k.set_runtime(kind, &mut self.api);
        }
    }

    /// `traffic SERVICE RPS`: simulated clients send RPS requests per second (0 stops).
    pub fn set_traffic(&mut self, ns: &str, service: &str, rps: u32) -> Result<(), ApiError> {
        let svc = self
            .api
            .store()
            .services()
            .find(ns, service)
            .cloned()
            .ok_or_else(|| not_found(Kind::Service, service))?;
        let now = self.now();
        self.proxy.set_rps(&svc, rps, now);
        Ok(())
    }

    /// `kubectl logs POD [-c CONTAINER] [--previous]`.
    pub fn logs(
        &self,
        ns: &str,
        pod: &str,
        container: Option<&str>,
        previous: bool,
    ) -> Result<Vec<String>, String> {
        let p = self
            .api
            .store()
            .pods()
            .find(ns, pod)
            .ok_or_else(|| not_found(Kind::Pod, pod).to_string())?;
        let Some(node) = p.node else {
            let c = container
                .or(p.spec.containers.first().map(|c| c.name.as_str()))
                .unwrap_or("");
            return Err(format!(
                "Error from server (BadRequest): container \"{c}\" in pod \"{pod}\" is waiting to start: ContainerCreating"
            ));
        };
        self.kubelets[node]
            .logs(p.meta.oid, container, previous, self.now())
            .map_err(|e| format!("Error from server (BadRequest): {e}"))
    }
}

impl Cluster {
    /// How kube-proxy spreads connections (iptables random, the default, or IPVS round-robin).
    pub fn set_proxy_mode(&mut self, mode: super::proxy::ProxyMode) {
        self.proxy.set_mode(mode);
    }
}
