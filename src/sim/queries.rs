//! What a view, a quiz or an exercise can ask the cluster.

use super::cluster::Cluster;
use super::events::{Activity, Component, Event};
use super::proxy::Traffic;
use super::selector;
use super::store::Store;
use super::stored::*;

impl Cluster {
    /// Every object, read-only.
    pub fn store(&self) -> &Store {
        self.api.store()
    }

    pub fn nodes(&self) -> &[Node] {
        self.api.store().nodes()
    }

    pub fn node(&self, name: &str) -> Option<&Node> {
        let s = self.api.store();
        s.node_id(name).and_then(|id| s.node(id))
    }

    pub fn pod(&self, ns: &str, name: &str) -> Option<&Pod> {
        self.api.store().pods().find(ns, name)
    }

    /// Pods bound to a node, in creation order.
    pub fn pods_on(&self, node: &str) -> Vec<&Pod> {
        let s = self.api.store();
        s.node_id(node)
            .map_or_else(Vec::new, |id| s.pods_on(id).collect())
    }

    /// Pods not bound to a node yet (the pending lane).
    pub fn unscheduled_pods(&self) -> Vec<&Pod> {
        self.api.store().unbound_pods().collect()
    }

    /// Kubernetes Events in the order they first happened (see
    /// [`super::events::EventLog::events`]).
    pub fn events(&self) -> impl DoubleEndedIterator<Item = &Event> {
        self.api.log().events()
    }

    /// Every step any component took with `seq >= since` (see
    /// [`super::events::Activity`]); pass the last seen `seq + 1`.
    pub fn activity_since(&self, since: u64) -> impl Iterator<Item = &Activity> {
        self.api.log().activity_since(since)
    }

    /// When `component` last acted (for lighting it in a view).
    pub fn last_active(&self, component: Component) -> Option<u64> {
        self.api.log().last_active(component)
    }

    /// The components a container operation passes through on the nodes:
    /// kubelet, then the runtime chain.
    pub fn runtime_chain(&self) -> Vec<Component> {
        std::iter::once(Component::Kubelet)
            .chain(self.runtime.chain().iter().copied())
            .collect()
    }

    /// The etcd revision.
    pub fn revision(&self) -> u64 {
        self.api.store().revision()
    }

    pub fn object_count(&self) -> usize {
        self.api.store().object_count()
    }

    /// Simulated traffic to a Service: per-pod counters and per-second history.
    pub fn traffic(&self, ns: &str, service: &str) -> Option<&Traffic> {
        let svc = self.api.store().services().find(ns, service)?;
        self.proxy.traffic(svc.meta.oid)
    }

    /// Pods waiting for the scheduler.
    pub fn scheduling_queue_len(&self) -> usize {
        self.scheduler.pending()
    }

    /// Pods in `ns` matching a label selector (`app=web`, `tier in (a,b)`),
    /// optionally only those in `phase`.
    pub fn pods_matching(
        &self,
        ns: &str,
        selector: &str,
        phase: Option<Phase>,
    ) -> Result<usize, String> {
        let sel = selector::parse(selector)?;
        Ok(self
            .api
            .store()
            .select_pods(ns, &sel)
            .into_iter()
            .filter(|p| phase.is_none_or(|ph| p.status.phase == ph))
            .count())
    }

    /// Pods in `ns` matching a selector whose Ready condition is True.
    pub fn ready_matching(&self, ns: &str, selector: &str) -> Result<usize, String> {
        let sel = selector::parse(selector)?;
        Ok(self
            .api
            .store()
            .select_pods(ns, &sel)
            .into_iter()
            .filter(|p| p.is_ready())
            .count())
    }

    /// Ready endpoints of a Service.
    pub fn endpoint_count(&self, ns: &str, service: &str) -> Result<usize, String> {
        let s = self.api.store();
        if s.services().find(ns, service).is_none() {
            return Err(format!("services \"{service}\" not found"));
        }
        Ok(s.endpoints().find(ns, service).map_or(0, |e| e.ready.len()))
    }
}

impl Cluster {
    /// How many pod IPs a node's IPAM has handed out and not yet released.
    pub fn kubelet_ipam_in_use(&self, node: &str) -> Option<usize> {
        let id = self.api.store().node_id(node)?;
        Some(self.kubelets[id].ipam().in_use())
    }
}

/// Where a Deployment's rollout stands (`kubectl rollout status`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rollout {
    /// Still going: kubectl's "Waiting for ..." line.
    Waiting(String),
    Done(String),
    /// The progress deadline passed.
    Failed(String),
}

impl Cluster {
    /// The state of a Deployment's rollout, worded like `kubectl rollout
    /// status` (which watches until done; this reads it once).
    /// <https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#deployment-status>
    pub fn rollout_status(&self, ns: &str, name: &str) -> Result<Rollout, String> {
        let d = self.store().deployments().find(ns, name).ok_or_else(|| {
            format!("Error from server (NotFound): deployments.apps \"{name}\" not found")
        })?;
        let st = &d.status;
        if d.meta.generation > st.observed_generation {
            return Ok(Rollout::Waiting(
                "Waiting for deployment spec update to be observed...".into(),
            ));
        }
        if st
            .progressing_cond
            .as_ref()
            .is_some_and(|c| c.reason() == Some("ProgressDeadlineExceeded"))
        {
            return Ok(Rollout::Failed(format!(
                "error: deployment \"{name}\" exceeded its progress deadline"
            )));
        }
        let want = d.spec.replicas;
        Ok(if st.updated < want {
            Rollout::Waiting(format!(
                "Waiting for deployment \"{name}\" rollout to finish: {} out of {want} new replicas have been updated...",
                st.updated
            ))
        } else if st.replicas > st.updated {
            Rollout::Waiting(format!(
                "Waiting for deployment \"{name}\" rollout to finish: {} old replicas are pending termination...",
                st.replicas - st.updated
            ))
        } else if st.available < st.updated {
            Rollout::Waiting(format!(
                "Waiting for deployment \"{name}\" rollout to finish: {} of {} updated replicas are available...",
                st.available, st.updated
            ))
        } else {
            Rollout::Done(format!("deployment \"{name}\" successfully rolled out"))
        })
    }
}
