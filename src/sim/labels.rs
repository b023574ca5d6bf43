//! `kubectl label` and `kubectl annotate`: change an object's labels or
//! annotations (`key=value` sets, `key-` removes; an existing key is only
//! replaced with `--overwrite`). A pod relabelled out of its ReplicaSet's
//! selector is released by the ReplicaSet, which makes a replacement.
//! <https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/>

use super::apiserver::{ApiError, resource_name};
use super::cluster::Cluster;
use super::objects::{Kind, Labels};
use super::ops::kubectl_name;
use super::store::Stored;
use super::stored::*;

/// What `label`/`annotate` did to one object.
fn apply_changes(
    current: &Labels,
    changes: &[(String, Option<String>)],
    overwrite: bool,
    annotate: bool,
) -> Result<(Labels, Vec<String>), String> {
    let mut next = current.clone();
    let mut notes = Vec::new();
    let mut conflicts = Vec::new();
    for (k, v) in changes {
        match v {
            Some(v) => {
                if let Some(old) = current.get(k)
                    && old != v
                    && !overwrite
                {
                    conflicts.push(format!("'{k}' already has a value ({old})"));
                    continue;
                }
                next.insert(k.clone(), v.clone());
            }
            None => {
                if next.remove(k).is_none() {
                    notes.push(format!(
                        "{} \"{k}\" not found.",
                        if annotate { "annotation" } else { "label" }
                    ));
                }
            }
        }
    }
    if !conflicts.is_empty() {
        return Err(if annotate {
            format!(
                "error: --overwrite is false but found the following declared annotation(s): {}",
                conflicts.join(", ")
            )
        } else {
            format!("error: {}, and --overwrite is false", conflicts.join(", "))
        });
    }
    Ok((next, notes))
}

impl Cluster {
    fn relabel<T: Stored + PartialEq>(
        &mut self,
        oid: Oid,
        annotate: bool,
        f: impl FnOnce(&Labels) -> Result<(Labels, Vec<String>), String>,
    ) -> Result<(bool, Vec<String>), String> {
        let obj = self
            .api
            .store()
            .table::<T>()
            .get(oid)
            .ok_or("object is gone")?;
        let current = if annotate {
            obj.meta().annotations.clone()
        } else {
            obj.meta().labels.clone()
        };
        let (next, notes) = f(&current)?;
        if next == current {
            return Ok((false, notes));
        }
        self.api.update::<T>(oid, |o| {
            if annotate {
                o.meta_mut().annotations = next;
            } else {
                o.meta_mut().labels = next;
            }
        });
        Ok((true, notes))
    }

    /// `kubectl label|annotate KIND NAME ...`: kubectl's lines
    /// (`pod/web labeled`, `pod/web not labeled`, `pod/web annotated`).
    pub fn label(
        &mut self,
        kind: Kind,
        ns: &str,
        name: &str,
        changes: &[(String, Option<String>)],
        overwrite: bool,
        annotate: bool,
    ) -> Result<Vec<String>, String> {
        let missing = || {
            ApiError::NotFound {
                resource: resource_name(kind).to_string(),
                name: name.to_string(),
            }
            .to_string()
        };
        let f = |cur: &Labels| apply_changes(cur, changes, overwrite, annotate);
        let (changed, notes) = if kind == Kind::Node {
            let id = self.api.store().node_id(name).ok_or_else(missing)?;
            let node = &self.api.store().nodes()[id];
            let cur = if annotate {
                node.meta.annotations.clone()
            } else {
                node.meta.labels.clone()
            };
            let (next, notes) = f(&cur)?;
            let changed = next != cur;
            if changed {
                self.api.update_node(id, true, |n| {
                    if annotate {
                        n.meta.annotations = next;
                    } else {
                        n.meta.labels = next;
                    }
                });
            }
            (changed, notes)
        } else {
            let oid = self
                .api
                .store()
                .oid_of(kind, ns, name)
                .ok_or_else(missing)?;
            match kind {
                Kind::Pod => self.relabel::<Pod>(oid, annotate, f)?,
                Kind::ReplicaSet => self.relabel::<ReplicaSet>(oid, annotate, f)?,
                Kind::Deployment => self.relabel::<Deployment>(oid, annotate, f)?,
                Kind::Job => self.relabel::<Job>(oid, annotate, f)?,
                Kind::Service => self.relabel::<Service>(oid, annotate, f)?,
                Kind::ConfigMap => self.relabel::<ConfigMap>(oid, annotate, f)?,
                Kind::Secret => self.relabel::<Secret>(oid, annotate, f)?,
                Kind::StatefulSet => self.relabel::<StatefulSet>(oid, annotate, f)?,
                Kind::CronJob => self.relabel::<CronJob>(oid, annotate, f)?,
                Kind::PersistentVolume => self.relabel::<PersistentVolume>(oid, annotate, f)?,
                Kind::PersistentVolumeClaim => {
                    self.relabel::<PersistentVolumeClaim>(oid, annotate, f)?
                }
                Kind::StorageClass => self.relabel::<StorageClass>(oid, annotate, f)?,
                Kind::ResourceQuota => self.relabel::<ResourceQuota>(oid, annotate, f)?,
                Kind::LimitRange => self.relabel::<LimitRange>(oid, annotate, f)?,
                Kind::Node | Kind::Event => return Err(missing()),
            }
        };
        let word = match (annotate, changed) {
            (true, _) => "annotated",
            (false, false) => "not labeled",
            (false, true) if changes.iter().all(|(_, v)| v.is_none()) => "unlabeled",
            (false, true) => "labeled",
        };
        let mut lines = notes;
        lines.push(format!("{} {word}", kubectl_name(kind, name)));
        Ok(lines)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overwrite_and_removal_follow_kubectl() {
        // https://kubernetes.io/docs/reference/kubectl/generated/kubectl_label/
        let mut cur = Labels::new();
        cur.insert("app".into(), "web".into());
        let set = vec![("app".to_string(), Some("api".to_string()))];
        assert_eq!(
            apply_changes(&cur, &set, false, false).unwrap_err(),
            "error: 'app' already has a value (web), and --overwrite is false"
        );
        assert_eq!(
            apply_changes(&cur, &set, true, false).unwrap().0["app"],
            "api"
        );
        let drop = vec![("tier".to_string(), None)];
        assert_eq!(
            apply_changes(&cur, &drop, false, false).unwrap().1,
            ["label \"tier\" not found."]
        );
        assert!(apply_changes(&cur, &set, false, true).unwrap_err().starts_with(
            "error: --overwrite is false but found the following declared annotation(s): 'app' already has a value (web)"
        ));
    }
}
