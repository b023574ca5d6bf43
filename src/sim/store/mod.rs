//! "etcd": every object, a revision counter that moves on each write, and a
//! watch log components read to learn what changed. Only the API server
//! writes (the mutating methods are visible to `sim` only and called from
//! `apiserver.rs`); everyone else reads.
//!
//! Indexes keep the hot queries cheap at scale: pods by node, unbound pods,
//! children by owner, pods by label.

use super::objects::{Kind, LabelSelector, Labels};
use super::stored::*;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

mod part2;
mod specs;
mod table;

use part2::Part2Tables;
pub use table::{Stored, Table};

/// The resources the store holds (Events live in the event log).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Res {
    Node,
    Pod,
    ReplicaSet,
    Deployment,
    Job,
    Service,
    Endpoints,
    Namespace,
    DaemonSet,
    EndpointSlice,
    Lease,
    ConfigMap,
    Secret,
    StatefulSet,
    CronJob,
    PersistentVolume,
    PersistentVolumeClaim,
    StorageClass,
    ResourceQuota,
    LimitRange,
}

impl Res {
    /// The object kind, where there is one (`Endpoints` has none in `Kind`).
    pub fn kind(self) -> Option<Kind> {
        Some(match self {
            Res::Node => Kind::Node,
            Res::Pod => Kind::Pod,
            Res::ReplicaSet => Kind::ReplicaSet,
            Res::Deployment => Kind::Deployment,
            Res::Job => Kind::Job,
            Res::Service => Kind::Service,
            Res::Namespace => Kind::Namespace,
            Res::DaemonSet => Kind::DaemonSet,
            Res::EndpointSlice => Kind::EndpointSlice,
            Res::Lease => Kind::Lease,
            Res::Endpoints => return None,
            Res::ConfigMap => Kind::ConfigMap,
            Res::Secret => Kind::Secret,
            Res::StatefulSet => Kind::StatefulSet,
            Res::CronJob => Kind::CronJob,
            Res::PersistentVolume => Kind::PersistentVolume,
            Res::PersistentVolumeClaim => Kind::PersistentVolumeClaim,
            Res::StorageClass => Kind::StorageClass,
            Res::ResourceQuota => Kind::ResourceQuota,
            Res::LimitRange => Kind::LimitRange,
        })
    }

    /// The resource that stores objects of `kind` (none for events).
    pub fn of(kind: Kind) -> Option<Res> {
        Some(match kind {
            Kind::Node => Res::Node,
            Kind::Pod => Res::Pod,
            Kind::ReplicaSet => Res::ReplicaSet,
            Kind::Deployment => Res::Deployment,
            Kind::Job => Res::Job,
            Kind::Service => Res::Service,
            Kind::Event => return None,
            Kind::Namespace => Res::Namespace,
            Kind::DaemonSet => Res::DaemonSet,
            Kind::EndpointSlice => Res::EndpointSlice,
            Kind::Lease => Res::Lease,
            Kind::ConfigMap => Res::ConfigMap,
            Kind::Secret => Res::Secret,
            Kind::StatefulSet => Res::StatefulSet,
            Kind::CronJob => Res::CronJob,
            Kind::PersistentVolume => Res::PersistentVolume,
            Kind::PersistentVolumeClaim => Res::PersistentVolumeClaim,
            Kind::StorageClass => Res::StorageClass,
            Kind::ResourceQuota => Res::ResourceQuota,
            Kind::LimitRange => Res::LimitRange,
        })
    }

    /// The etcd key prefix (`/registry/pods`).
    pub fn registry(self) -> &'static str {
        match self {
            Res::Node => "minions",
            Res::Pod => "pods",
            Res::ReplicaSet => "replicasets",
            Res::Deployment => "deployments",
            Res::Job => "jobs",
            Res::Service => "services/specs",
            Res::Endpoints => "services/endpoints",
            Res::Namespace => "namespaces",
            Res::DaemonSet => "daemonsets",
            Res::EndpointSlice => "endpointslices",
            Res::Lease => "leases",
            Res::ConfigMap => "configmaps",
            Res::Secret => "secrets",
            Res::StatefulSet => "statefulsets",
            Res::CronJob => "cronjobs",
            Res::PersistentVolume => "persistentvolumes",
            Res::PersistentVolumeClaim => "persistentvolumeclaims",
            Res::StorageClass => "storageclasses",
            Res::ResourceQuota => "resourcequotas",
            Res::LimitRange => "limitranges",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    Added,
    Modified,
    Deleted,
}

/// One entry of the watch log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WatchEvent {
    pub rev: u64,
    pub res: Res,
    pub op: Op,
    pub oid: Oid,
    /// For pods: the node the pod is (or was) bound to. For nodes: the node.
    pub node: Option<NodeId>,
    /// The owner's oid, if the object has a controller.
    pub owner: Option<Oid>,
}

#[derive(Debug, Clone, Default)]
pub struct Store {
    revision: u64,
    nodes: Vec<Node>,
    node_ids: BTreeMap<String, NodeId>,
    /// Each node's name, shared with the Pods bound to it.
    node_names: Vec<Arc<str>>,
    pods: Table<Pod>,
    /// Pod specs kept once (see `specs.rs`).
    specs: specs::SpecPool,
    replicasets: Table<ReplicaSet>,
    deployments: Table<Deployment>,
    jobs: Table<Job>,
    services: Table<Service>,
    endpoints: Table<Endpoints>,
    namespaces: Table<Namespace>,
    daemonsets: Table<DaemonSet>,
    endpointslices: Table<EndpointSlice>,
    leases: Table<Lease>,
    part2: Part2Tables,
    pods_by_node: Vec<BTreeSet<Oid>>,
    unbound: BTreeSet<Oid>,
    children: BTreeMap<(Res, Oid), BTreeSet<Oid>>,
    pod_labels: BTreeMap<String, BTreeMap<String, BTreeSet<Oid>>>,
    watch: Vec<WatchEvent>,
    /// A second copy of the watch log for an outside reader (the HTTP API's
    /// watches), kept only while one is attached.
    tap: Option<Vec<WatchEvent>>,
}

impl Store {
    // ------------------------------------------------------------ reads

    /// The etcd revision: bumped by every write.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// How many objects are stored.
    pub fn object_count(&self) -> usize {
        self.nodes.len()
            + self.pods.len()
            + self.replicasets.len()
            + self.deployments.len()
            + self.jobs.len()
            + self.services.len()
            + self.endpoints.len()
            + self.namespaces.len()
            + self.daemonsets.len()
            + self.endpointslices.len()
            + self.leases.len()
            + self.part2.len()
    }

    pub fn nodes(&self) -> &[Node] {
        &self.nodes
    }

    pub fn node(&self, id: NodeId) -> Option<&Node> {
        self.nodes.get(id)
    }

    pub fn node_id(&self, name: &str) -> Option<NodeId> {
        self.node_ids.get(name).copied()
    }

    /// A node's name, shared (a bound Pod's `node_name`).
    pub(crate) fn shared_node_name(&self, name: &str) -> Arc<str> {
        match self.node_ids.get(name) {
            Some(&id) => self.node_names[id].clone(),
            None => Arc::from(name),
        }
    }

    pub fn pods(&self) -> &Table<Pod> {
        &self.pods
    }

    pub fn replicasets(&self) -> &Table<ReplicaSet> {
        &self.replicasets
    }

    pub fn deployments(&self) -> &Table<Deployment> {
        &self.deployments
    }

    pub fn jobs(&self) -> &Table<Job> {
        &self.jobs
    }

    pub fn services(&self) -> &Table<Service> {
        &self.services
    }

    pub fn endpoints(&self) -> &Table<Endpoints> {
        &self.endpoints
    }

    /// Namespaces (cluster-scoped: stored under the namespace "").
    pub fn namespaces(&self) -> &Table<Namespace> {
        &self.namespaces
    }

    pub fn namespace(&self, name: &str) -> Option<&Namespace> {
        self.namespaces.find("", name)
    }

    pub fn daemonsets(&self) -> &Table<DaemonSet> {
        &self.daemonsets
    }

    pub fn endpointslices(&self) -> &Table<EndpointSlice> {
        &self.endpointslices
    }

    pub fn leases(&self) -> &Table<Lease> {
        &self.leases
    }

    pub fn configmaps(&self) -> &Table<ConfigMap> {
        &self.part2.configmaps
    }

    pub fn secrets(&self) -> &Table<Secret> {
        &self.part2.secrets
    }

    pub fn statefulsets(&self) -> &Table<StatefulSet> {
        &self.part2.statefulsets
    }

    pub fn cronjobs(&self) -> &Table<CronJob> {
        &self.part2.cronjobs
    }

    /// Cluster-scoped: namespace "".
    pub fn persistentvolumes(&self) -> &Table<PersistentVolume> {
        &self.part2.persistentvolumes
    }

    pub fn persistentvolumeclaims(&self) -> &Table<PersistentVolumeClaim> {
        &self.part2.persistentvolumeclaims
    }

    /// Cluster-scoped: namespace "".
    pub fn storageclasses(&self) -> &Table<StorageClass> {
        &self.part2.storageclasses
    }

    pub fn resourcequotas(&self) -> &Table<ResourceQuota> {
        &self.part2.resourcequotas
    }

    pub fn limitranges(&self) -> &Table<LimitRange> {
        &self.part2.limitranges
    }

    /// The oid of the object of `kind` called `name` in `ns` (`ns` is
    /// ignored for cluster-scoped kinds; nodes have no oid index here).
    pub fn oid_of(&self, kind: Kind, ns: &str, name: &str) -> Option<Oid> {
        let ns = if kind.namespaced() { ns } else { "" };
        match kind {
            Kind::Node | Kind::Event => None,
            Kind::Pod => self.pods.oid_of(ns, name),
            Kind::ReplicaSet => self.replicasets.oid_of(ns, name),
            Kind::Deployment => self.deployments.oid_of(ns, name),
            Kind::Job => self.jobs.oid_of(ns, name),
            Kind::Service => self.services.oid_of(ns, name),
            Kind::ConfigMap => self.part2.configmaps.oid_of(ns, name),
            Kind::Secret => self.part2.secrets.oid_of(ns, name),
            Kind::StatefulSet => self.part2.statefulsets.oid_of(ns, name),
            Kind::CronJob => self.part2.cronjobs.oid_of(ns, name),
            Kind::PersistentVolume => self.part2.persistentvolumes.oid_of(ns, name),
            Kind::PersistentVolumeClaim => self.part2.persistentvolumeclaims.oid_of(ns, name),
            Kind::StorageClass => self.part2.storageclasses.oid_of(ns, name),
            Kind::ResourceQuota => self.part2.resourcequotas.oid_of(ns, name),
            Kind::LimitRange => self.part2.limitranges.oid_of(ns, name),
            Kind::Namespace => self.namespaces.oid_of(ns, name),
            Kind::DaemonSet => self.daemonsets.oid_of(ns, name),
            Kind::EndpointSlice => self.endpointslices.oid_of(ns, name),
            Kind::Lease => self.leases.oid_of(ns, name),
        }
    }

    pub fn table<T: Stored>(&self) -> &Table<T> {
        T::table(self)
    }

    /// Pods bound to a node, in creation order.
    pub fn pods_on(&self, node: NodeId) -> impl Iterator<Item = &Pod> {
        self.pods_by_node
            .get(node)
            .into_iter()
            .flatten()
            .filter_map(|oid| self.pods.get(*oid))
    }

    /// How many pods are bound to a node.
    pub fn pod_count_on(&self, node: NodeId) -> usize {
        self.pods_by_node.get(node).map_or(0, BTreeSet::len)
    }

    /// Pods not bound to any node yet, in creation order.
    pub fn unbound_pods(&self) -> impl Iterator<Item = &Pod> {
        self.unbound.iter().filter_map(|oid| self.pods.get(*oid))
    }

    /// Objects of resource `res` controlled by `owner`.
    pub fn children(&self, res: Res, owner: Oid) -> impl Iterator<Item = Oid> + '_ {
        self.children
            .get(&(res, owner))
            .into_iter()
            .flatten()
            .copied()
    }

    /// Pods owned by `owner`, in creation order.
    pub fn pods_owned_by(&self, owner: Oid) -> impl Iterator<Item = &Pod> {
        self.children(Res::Pod, owner)
            .filter_map(|oid| self.pods.get(oid))
    }

    /// Pods in `namespace` matching `selector`, in creation order. Uses the
    /// label index when the selector has `matchLabels`.
    pub fn select_pods<'a>(
        &'a self,
        namespace: &'a str,
        selector: &'a LabelSelector,
    ) -> Vec<&'a Pod> {
        let smallest = selector
            .match_labels
            .iter()
            .map(|(k, v)| {
                self.pod_labels
                    .get(k)
                    .and_then(|vals| vals.get(v))
                    .map_or(0, BTreeSet::len)
            })
            .enumerate()
            .min_by_key(|(_, n)| *n);
        let candidates: Box<dyn Iterator<Item = &Pod>> = match smallest {
            Some((i, _)) => {
                let (k, v) = selector.match_labels.iter().nth(i).expect("index");
                Box::new(
                    self.pod_labels
                        .get(k)
                        .and_then(|vals| vals.get(v))
                        .into_iter()
                        .flatten()
                        .filter_map(|oid| self.pods.get(*oid)),
                )
            }
            None => Box::new(self.pods.iter()),
        };
        candidates
            .filter(|p| p.meta.namespace == namespace && selector.matches(&p.meta.labels))
            .collect()
    }

    // ------------------------------------------------------------ watch

    /// Start (or stop) keeping watch entries for [`Store::take_tap`].
    pub(crate) fn set_tap(&mut self, on: bool) {
        self.tap = on.then(Vec::new);
    }

    pub(crate) fn tap_on(&self) -> bool {
        self.tap.is_some()
    }

    /// The watch entries written since the last call (empty when no tap is attached).
    pub(crate) fn take_tap(&mut self) -> Vec<WatchEvent> {
        self.tap.as_mut().map(std::mem::take).unwrap_or_default()
    }

    /// Take the watch entries written since the last call.
    pub(super) fn take_watch(&mut self) -> Vec<WatchEvent> {
        std::mem::take(&mut self.watch)
    }

    fn bump(
        &mut self,
        res: Res,
        op: Op,
        oid: Oid,
        node: Option<NodeId>,
        owner: Option<Oid>,
    ) -> u64 {
        self.revision += 1;
        let ev = WatchEvent {
            rev: self.revision,
            res,
            op,
            oid,
            node,
            owner,
        };
        if let Some(tap) = &mut self.tap {
            tap.push(ev.clone());
        }
        self.watch.push(ev);
        self.revision
    }

    // ------------------------------------------------------------ writes

    pub(super) fn add_node(&mut self, mut node: Node) -> NodeId {
        let id = self.nodes.len();
        let rev = self.bump(Res::Node, Op::Added, node.meta.oid, Some(id), None);
        node.meta.resource_version = rev;
        self.node_ids.insert(node.meta.name.clone(), id);
        self.node_names.push(Arc::from(node.meta.name.as_str()));
        self.nodes.push(node);
        self.pods_by_node.push(BTreeSet::new());
        id
    }

    pub(super) fn update_node(&mut self, id: NodeId, f: impl FnOnce(&mut Node)) -> bool {
        let Some(node) = self.nodes.get_mut(id) else {
            return false;
        };
        let before = node.clone();
        f(node);
        node.meta.name = before.meta.name.clone();
        if *node == before {
            return false;
        }
        let oid = node.meta.oid;
        let rev = self.bump(Res::Node, Op::Modified, oid, Some(id), None);
        self.nodes[id].meta.resource_version = rev;
        true
    }

    /// Insert a new object (its name is free: the API server checked).
    pub(super) fn insert<T: Stored>(&mut self, mut t: T) -> Oid {
        let oid = t.meta().oid;
        let owner = t.meta().owner.as_ref().map(|o| o.oid);
        let (node, labels) = if T::RES == Res::Pod {
            let pod = as_pod_mut(&mut t);
            self.specs.share(&mut pod.spec);
            (pod.node, Some(pod.meta.labels.clone()))
        } else {
            (None, None)
        };
        let rev = self.bump(T::RES, Op::Added, oid, node, owner);
        t.meta_mut().resource_version = rev;
        if let Some(o) = owner {
            self.children.entry((T::RES, o)).or_default().insert(oid);
        }
        if let Some(labels) = labels {
            self.index_pod(oid, node, &labels, true);
        }
        T::table_mut(self).insert(t);
        oid
    }

    /// Change an object in place. Returns false (and writes nothing) when
    /// nothing changed. Name, namespace and owner never change.
    pub(super) fn update<T: Stored + PartialEq>(
        &mut self,
        oid: Oid,
        f: impl FnOnce(&mut T),
    ) -> bool {
        let Some(obj) = T::table_mut(self).objs.get_mut(&oid) else {
            return false;
        };
        let obj: &mut T = obj;
        let before: T = obj.clone();
        f(obj);
        {
            let m = obj.meta_mut();
            m.name = before.meta().name.clone();
            m.namespace = before.meta().namespace.clone();
            m.owner = before.meta().owner.clone();
            m.oid = oid;
        }
        if *obj == before {
            return false;
        }
        let owner = before.meta().owner.as_ref().map(|o| o.oid);
        let reindex = if T::RES == Res::Pod {
            let (old, new) = (as_pod(&before), as_pod(&*obj));
            let changed = old.node != new.node || old.meta.labels != new.meta.labels;
            Some((
                old.node,
                old.meta.labels.clone(),
                new.node,
                new.meta.labels.clone(),
            ))
            .filter(|_| changed)
        } else {
            None
        };
        let node = if T::RES == Res::Pod {
            as_pod(&*obj).node
        } else {
            None
        };
        let rev = self.bump(T::RES, Op::Modified, oid, node, owner);
        if let Some(obj) = T::table_mut(self).objs.get_mut(&oid) {
            obj.meta_mut().resource_version = rev;
        }
        if let Some((old_node, old_labels, new_node, new_labels)) = reindex {
            self.index_pod(oid, old_node, &old_labels, false);
            self.index_pod(oid, new_node, &new_labels, true);
        }
        true
    }

    pub(super) fn remove<T: Stored>(&mut self, oid: Oid) -> Option<T> {
        let t = T::table_mut(self).remove(oid)?;
        let owner = t.meta().owner.as_ref().map(|o| o.oid);
        let node = if T::RES == Res::Pod {
            as_pod(&t).node
        } else {
            None
        };
        self.bump(T::RES, Op::Deleted, oid, node, owner);
        if let Some(o) = owner
            && let Some(set) = self.children.get_mut(&(T::RES, o))
        {
            set.remove(&oid);
            if set.is_empty() {
                self.children.remove(&(T::RES, o));
            }
        }
        if T::RES == Res::Pod {
            let labels = as_pod(&t).meta.labels.clone();
            self.index_pod(oid, node, &labels, false);
        }
        Some(t)
    }

    /// Give a pod a new controller, or none (adoption and release by a
    /// ReplicaSet whose selector it now matches or no longer matches).
    pub(super) fn set_pod_owner(&mut self, oid: Oid, owner: Option<OwnerRef>) -> bool {
        let Some(pod) = self.pods.objs.get_mut(&oid) else {
            return false;
        };
        let old = pod.meta.owner.as_ref().map(|o| o.oid);
        if old == owner.as_ref().map(|o| o.oid) {
            return false;
        }
        let new = owner.as_ref().map(|o| o.oid);
        pod.meta.owner = owner;
        let node = pod.node;
        if let Some(o) = old
            && let Some(set) = self.children.get_mut(&(Res::Pod, o))
        {
            set.remove(&oid);
            if set.is_empty() {
                self.children.remove(&(Res::Pod, o));
            }
        }
        if let Some(o) = new {
            self.children.entry((Res::Pod, o)).or_default().insert(oid);
        }
        let rev = self.bump(Res::Pod, Op::Modified, oid, node, new.or(old));
        if let Some(pod) = self.pods.objs.get_mut(&oid) {
            pod.meta.resource_version = rev;
        }
        true
    }

    /// Change only the status of a pod (the `pods/status` subresource):
    /// nothing to re-index, and only the status is compared.
    pub(super) fn update_pod_status(&mut self, oid: Oid, f: impl FnOnce(&mut PodStatus)) -> bool {
        let Some(pod) = self.pods.objs.get_mut(&oid) else {
            return false;
        };
        let before = pod.status.clone();
        f(&mut pod.status);
        if pod.status == before {
            return false;
        }
        let (node, owner) = (pod.node, pod.meta.owner.as_ref().map(|o| o.oid));
        let rev = self.bump(Res::Pod, Op::Modified, oid, node, owner);
        if let Some(pod) = self.pods.objs.get_mut(&oid) {
            pod.meta.resource_version = rev;
        }
        true
    }

    /// Bind an unbound pod to a node (the `pods/binding` subresource).
    pub(super) fn bind_pod(&mut self, oid: Oid, node: NodeId, scheduled: Condition) -> bool {
        let Some(name) = self.node_names.get(node).cloned() else {
            return false;
        };
        let Some(pod) = self.pods.objs.get_mut(&oid) else {
            return false;
        };
        if pod.node.is_some() {
            return false;
        }
        pod.node_name = Some(name);
        pod.node = Some(node);
        set_condition(&mut pod.status.conditions.scheduled, scheduled);
        let owner = pod.meta.owner.as_ref().map(|o| o.oid);
        let rev = self.bump(Res::Pod, Op::Modified, oid, Some(node), owner);
        if let Some(pod) = self.pods.objs.get_mut(&oid) {
            pod.meta.resource_version = rev;
        }
        self.unbound.remove(&oid);
        if let Some(set) = self.pods_by_node.get_mut(node) {
            set.insert(oid);
        }
        true
    }

    fn index_pod(&mut self, oid: Oid, node: Option<NodeId>, labels: &Labels, add: bool) {
        match node {
            Some(n) => {
                if let Some(set) = self.pods_by_node.get_mut(n) {
                    if add {
                        set.insert(oid);
                    } else {
                        set.remove(&oid);
                    }
                }
            }
            None => {
                if add {
                    self.unbound.insert(oid);
                } else {
                    self.unbound.remove(&oid);
                }
            }
        }
        for (k, v) in labels {
            if add {
                self.pod_labels
                    .entry(k.clone())
                    .or_default()
                    .entry(v.clone())
                    .or_default()
                    .insert(oid);
            } else if let Some(vals) = self.pod_labels.get_mut(k) {
                if let Some(set) = vals.get_mut(v) {
                    set.remove(&oid);
                    if set.is_empty() {
                        vals.remove(v);
                    }
                }
                if vals.is_empty() {
                    self.pod_labels.remove(k);
                }
            }
        }
    }
}

/// The pod behind a generic `T` whose `RES` is `Pod`.
fn as_pod_mut<T: Stored>(t: &mut T) -> &mut Pod {
    (t as &mut dyn std::any::Any)
        .downcast_mut::<Pod>()
        .expect("RES == Pod implies T == Pod")
}

fn as_pod<T: Stored>(t: &T) -> &Pod {
    (t as &dyn std::any::Any)
        .downcast_ref::<Pod>()
        .expect("RES == Pod implies T == Pod")
}
