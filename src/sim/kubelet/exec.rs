//! What reaches a node from outside its pods' own lives: `kubectl exec`
//! into a container (its files and variables, and the file changes the
//! command makes), and network requests to a pod's IP (answered by the
//! container that listens on the port).
//! <https://kubernetes.io/docs/tasks/debug/debug-application/get-shell-running-container/>

use super::Kubelet;
use super::worker::CtrHost;
use crate::sim::fs::FsOp;
use crate::sim::shell::HttpReply;
use crate::sim::stored::Oid;
use crate::sim::volumes::Disks;

/// A container ready for `exec`: its name, image and shell host.
pub struct ExecTarget {
    pub container: String,
    pub image: String,
    pub host: CtrHost,
    /// kubectl's note when no container was named and the pod has several.
    pub defaulted: Option<String>,
}

impl Kubelet {
    /// The running container of `pod` to run a command in.
    pub fn exec_target(
        &mut self,
        pod: Oid,
        container: Option<&str>,
        disks: &Disks,
        now: u64,
    ) -> Result<ExecTarget, String> {
        let w = self
            .workers
            .get_mut(&pod)
            .ok_or_else(|| "error: unable to upgrade connection: pod does not exist".to_string())?;
        w.exec_target(container, disks, now)
    }

    /// Apply the file changes an `exec` made.
    pub fn apply_exec(
        &mut self,
        pod: Oid,
        container: &str,
        ops: &[(u64, FsOp)],
        disks: &mut Disks,
    ) {
        if let Some(w) = self.workers.get_mut(&pod) {
            w.apply_exec_changes(container, ops, disks);
        }
    }

    /// An HTTP GET to the pod's IP: `Err(true)` when nothing listens on the
    /// port (connection refused), `Err(false)` when it answers in another
    /// protocol, or the node is down.
    pub fn http(
        &mut self,
        pod: Oid,
        port: u16,
        path: &str,
        now: u64,
        disks: &Disks,
    ) -> Result<HttpReply, bool> {
        if self.down {
            return Err(false);
        }
        match self.workers.get_mut(&pod) {
            Some(w) => w.http(port, path, now, disks),
            None => Err(true),
        }
    }

    /// What a pod uses now (`kubectl top pod`).
    pub fn pod_usage(&self, pod: Oid, now: u64) -> Option<crate::sim::objects::Resources> {
        self.workers.get(&pod).and_then(|w| w.usage(now))
    }

    /// Whether something in the pod listens on `port` now.
    pub fn listens(&self, pod: Oid, port: u16, now: u64) -> bool {
        !self.down && self.workers.get(&pod).is_some_and(|w| w.listens(port, now))
    }
}
