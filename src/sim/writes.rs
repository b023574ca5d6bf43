//! Writes a full API client can make beyond the command bar's verbs:
//! creating with `metadata.generateName`, and changing a Node's labels,
//! annotations and taints (`kubectl label node`, `kubectl taint`).

use super::apiserver::{ApiError, resource_name};
use super::cluster::Cluster;
use super::objects::*;
use super::stored::NodeTaint;

impl Cluster {
    /// Create one object; with `generate`, `meta.name` is a prefix and a
    /// random suffix is added. Returns the object's name.
    pub fn create_object(&mut self, obj: Object, generate: bool) -> Result<String, ApiError> {
        let kind = obj.kind();
        if !generate {
            let name = obj.meta.name.clone();
            self.api.create(obj, None, false)?;
            return Ok(name);
        }
        let prefix = obj.meta.name.clone();
        let (_, oid) = self.api.create(obj, None, true)?;
        let s = self.api.store();
        let name = match kind {
            Kind::Pod => s.pods().get(oid).map(|o| o.meta.name.clone()),
            Kind::ReplicaSet => s.replicasets().get(oid).map(|o| o.meta.name.clone()),
            Kind::Deployment => s.deployments().get(oid).map(|o| o.meta.name.clone()),
            Kind::Job => s.jobs().get(oid).map(|o| o.meta.name.clone()),
            Kind::Service => s.services().get(oid).map(|o| o.meta.name.clone()),
            Kind::Node | Kind::Event => None,
            other => s
                .part2_meta(
                    crate::sim::store::Res::of(other).unwrap_or(crate::sim::store::Res::Node),
                    oid,
                )
                .map(|m| m.name.clone()),
        };
        Ok(name.unwrap_or(prefix))
    }

    /// Set a node's labels, annotations and the taints users manage (the
    /// ones the node controller and cordon manage are kept as they are).
    pub fn set_node_meta(
        &mut self,
        node: &str,
        labels: Labels,
        annotations: Labels,
        taints: Vec<Taint>,
    ) -> Result<bool, ApiError> {
        let id = self
            .api
            .store()
            .node_id(node)
            .ok_or_else(|| ApiError::NotFound {
                resource: resource_name(Kind::Node).to_string(),
                name: node.to_string(),
            })?;
        let now = self.now();
        Ok(self.api.update_node(id, true, |n| {
            n.meta.labels = labels;
            n.meta.annotations = annotations;
            let mut kept: Vec<NodeTaint> = Vec::new();
            for t in taints {
                let added_ms = n
                    .taints
                    .iter()
                    .find(|o| o.taint == t)
                    .map_or(now, |o| o.added_ms);
                kept.push(NodeTaint { taint: t, added_ms });
            }
            n.taints = kept;
        }))
    }
}
