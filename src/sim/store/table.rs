//! One table of the store: objects of one resource by oid and by
//! namespace/name, and the [`Stored`] trait that ties each object type to
//! its table.

use super::{Res, Store};
use crate::sim::stored::*;
use std::collections::BTreeMap;

/// Objects of one resource, by oid and by namespace/name.
#[derive(Debug, Clone)]
pub struct Table<T> {
    pub(super) objs: BTreeMap<Oid, Box<T>>,
    names: BTreeMap<String, BTreeMap<String, Oid>>,
}

impl<T> Default for Table<T> {
    fn default() -> Self {
        Table {
            objs: BTreeMap::new(),
            names: BTreeMap::new(),
        }
    }
}

/// A stored object type.
pub trait Stored: Clone + 'static {
    const RES: Res;
    fn meta(&self) -> &Meta;
    fn meta_mut(&mut self) -> &mut Meta;
    fn table(store: &Store) -> &Table<Self>;
    fn table_mut(store: &mut Store) -> &mut Table<Self>;
}

impl<T: Stored> Table<T> {
    pub fn get(&self, oid: Oid) -> Option<&T> {
        self.objs.get(&oid).map(|b| &**b)
    }

    pub fn oid_of(&self, namespace: &str, name: &str) -> Option<Oid> {
        self.names.get(namespace)?.get(name).copied()
    }

    pub fn find(&self, namespace: &str, name: &str) -> Option<&T> {
        self.get(self.oid_of(namespace, name)?)
    }

    /// In creation order.
    pub fn iter(&self) -> impl Iterator<Item = &T> {
        self.objs.values().map(|b| &**b)
    }

    /// One namespace, by name.
    pub fn in_namespace<'a>(&'a self, namespace: &str) -> impl Iterator<Item = &'a T> + 'a {
        self.names
            .get(namespace)
            .into_iter()
            .flat_map(|m| m.values())
            .filter_map(|oid| self.get(*oid))
    }

    /// Every namespace, by namespace then name.
    pub fn sorted(&self) -> impl Iterator<Item = &T> {
        self.names
            .values()
            .flat_map(|m| m.values())
            .filter_map(|oid| self.get(*oid))
    }

    pub fn len(&self) -> usize {
        self.objs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.objs.is_empty()
    }

    pub(super) fn insert(&mut self, t: T) {
        let m = t.meta();
        self.names
            .entry(m.namespace.clone())
            .or_default()
            .insert(m.name.clone(), m.oid);
        self.objs.insert(m.oid, Box::new(t));
    }

    pub(super) fn remove(&mut self, oid: Oid) -> Option<T> {
        let t = *self.objs.remove(&oid)?;
        let m = t.meta();
        if let Some(names) = self.names.get_mut(&m.namespace) {
            names.remove(&m.name);
            if names.is_empty() {
                self.names.remove(&m.namespace);
            }
        }
        Some(t)
    }
}

macro_rules! stored {
    ($t:ty, $res:expr, $field:ident) => {
        impl Stored for $t {
            const RES: Res = $res;
            fn meta(&self) -> &Meta {
                &self.meta
            }
            fn meta_mut(&mut self) -> &mut Meta {
                &mut self.meta
            }
            fn table(store: &Store) -> &Table<Self> {
                &store.$field
            }
            fn table_mut(store: &mut Store) -> &mut Table<Self> {
                &mut store.$field
            }
        }
    };
}

stored!(Pod, Res::Pod, pods);
stored!(ReplicaSet, Res::ReplicaSet, replicasets);
stored!(Deployment, Res::Deployment, deployments);
stored!(Job, Res::Job, jobs);
stored!(Service, Res::Service, services);
stored!(Endpoints, Res::Endpoints, endpoints);
stored!(Namespace, Res::Namespace, namespaces);
stored!(DaemonSet, Res::DaemonSet, daemonsets);
stored!(EndpointSlice, Res::EndpointSlice, endpointslices);
stored!(Lease, Res::Lease, leases);
