//! Pod specs kept once per store. The replicas of one template on one
//! node have equal specs (the node's name is part of the spec), so the
//! store hands them one `Arc<PodSpec>`: at 1,000 nodes and 10,000 Pods the
//! specs, their containers and tolerations took about 10 MB held once per
//! Pod (heaptrack on the `sim` benchmark's memory case).
//!
//! The pool only shares: what a Pod sees is its own spec's value, and a
//! change to one Pod's spec copies it first (`Arc::make_mut`).

use crate::sim::objects::PodSpec;
use std::collections::HashSet;
use std::sync::Arc;

/// Fewest entries kept before the pool is swept of unused specs.
const MIN_SWEEP: usize = 64;

#[derive(Debug, Clone, Default)]
pub struct SpecPool {
    specs: HashSet<Arc<PodSpec>>,
    /// Entries left by the last sweep: the next one comes at twice that.
    kept: usize,
}

impl SpecPool {
    /// Point `spec` at the pool's equal spec, or add it to the pool.
    pub fn share(&mut self, spec: &mut Arc<PodSpec>) {
        if let Some(shared) = self.specs.get(spec) {
            if !Arc::ptr_eq(shared, spec) {
                *spec = shared.clone();
            }
            return;
        }
        if self.specs.len() >= 2 * self.kept.max(MIN_SWEEP) {
            self.sweep();
        }
        self.specs.insert(spec.clone());
    }

    /// Drop the specs no Pod holds any more.
    fn sweep(&mut self) {
        self.specs.retain(|s| Arc::strong_count(s) > 1);
        self.kept = self.specs.len();
    }

    #[cfg(test)]
    fn len(&self) -> usize {
        self.specs.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::objects::ContainerSpec;

    fn spec(image: &str) -> Arc<PodSpec> {
        Arc::new(PodSpec {
            containers: vec![ContainerSpec::new("app", image)],
            ..PodSpec::default()
        })
    }

    #[test]
    fn equal_specs_share_one_value_and_different_ones_do_not() {
        let mut pool = SpecPool::default();
        let (mut a, mut b, mut c) = (spec("nginx"), spec("nginx"), spec("redis"));
        pool.share(&mut a);
        pool.share(&mut b);
        pool.share(&mut c);
        assert!(Arc::ptr_eq(&a, &b));
        assert!(!Arc::ptr_eq(&a, &c));
        assert_eq!(pool.len(), 2);
        // A change copies the shared spec: the other holder keeps its value.
        Arc::make_mut(&mut b).node_name = Some("node-1".into());
        assert_eq!(a.node_name, None);
        assert_eq!(b.node_name.as_deref(), Some("node-1"));
    }

    #[test]
    fn specs_no_pod_holds_are_swept_when_the_pool_doubles() {
        let mut pool = SpecPool::default();
        let held: Vec<_> = (0..10)
            .map(|i| {
                let mut s = spec(&format!("held-{i}"));
                pool.share(&mut s);
                s
            })
            .collect();
        for i in 0..(2 * MIN_SWEEP) {
            let mut s = spec(&format!("dropped-{i}"));
            pool.share(&mut s);
        }
        // The sweep at 128 entries kept the 10 held specs, then one was added.
        assert!(pool.len() < 2 * MIN_SWEEP, "pool has {} specs", pool.len());
        let mut again = spec("held-3");
        pool.share(&mut again);
        assert!(Arc::ptr_eq(&again, &held[3]));
    }
}
