//! What metrics-server would report (`kubectl top pod|node`): each pod's
//! CPU and memory, CPU throttled to its limit; a node's total with the
//! system's own share.
//! <https://kubernetes.io/docs/tasks/debug/debug-cluster/resource-metrics-pipeline/>

use super::cluster::Cluster;
use super::objects::Resources;

/// What the node's own processes (kubelet, runtime, system) use.
pub const NODE_BASE: Resources = Resources {
    cpu_millis: 60,
    memory_bytes: 600 << 20,
};

impl Cluster {
    /// A pod's usage, once metrics-server has a sample of it.
    pub fn pod_usage(&self, ns: &str, pod: &str) -> Option<Resources> {
        let p = self.store().pods().find(ns, pod)?;
        self.kubelets[p.node?].pod_usage(p.meta.oid, self.now())
    }

    /// A node's usage (its pods and the system); `None` when it is down.
    pub fn node_usage(&self, node: &str) -> Option<Resources> {
        let id = self.store().node_id(node)?;
        if self.kubelets[id].is_down() {
            return None;
        }
        let mut total = NODE_BASE;
        for p in self.store().pods_on(id) {
            if let Some(u) = self.kubelets[id].pod_usage(p.meta.oid, self.now()) {
                total.cpu_millis += u.cpu_millis;
                total.memory_bytes += u.memory_bytes;
            }
        }
        Some(total)
    }
}
