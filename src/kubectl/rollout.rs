//! `kubectl rollout …`: the command's printing. The simulator changes the
//! Deployment (src/sim/rollout.rs); this layer words the answer as kubectl's
//! rollout_history.go and friends do.

use super::Outcome;
use super::command::{Resource, RolloutAction};
use crate::sim::Cluster;
use crate::sim::objects::Kind;
use crate::sim::ops::kubectl_name;
use crate::sim::rollout::CHANGE_CAUSE;

pub(super) fn rollout(
    c: &mut Cluster,
    action: RolloutAction,
    res: Resource,
    name: &str,
    ns: &str,
) -> Outcome {
    let statefulset = res == Resource::StatefulSets;
    let r = match (&action, statefulset) {
        (RolloutAction::Restart, _) => {
            c.rollout_restart(res.kind().unwrap_or(Kind::Deployment), ns, name)
        }
        (RolloutAction::Status, true) => {
            return match c.statefulset_rollout_status(ns, name) {
                Ok((_, m)) => Outcome::ok(m),
                Err(e) => Outcome::fail(e),
            };
        }
        (_, true) => Err(format!(
            "error: rollout history, undo, pause and resume are simulated for deployments; statefulset/{name} keeps its revisions in ControllerRevisions"
        )),
        (RolloutAction::History { revision }, false) => history(c, ns, name, *revision),
        (RolloutAction::Undo { to_revision }, false) => c.rollout_undo(ns, name, *to_revision),
        (RolloutAction::Pause, false) => c.rollout_pause(ns, name, true),
        (RolloutAction::Resume, false) => c.rollout_pause(ns, name, false),
        (RolloutAction::Status, false) => Err("error: rollout status is handled elsewhere".into()),
    };
    match r {
        Ok(text) => Outcome::ok(text),
        Err(e) => Outcome::fail(e),
    }
}

/// `rollout history`: kubectl's table (or, with a revision, its pod template).
fn history(c: &Cluster, ns: &str, name: &str, revision: Option<u64>) -> Result<String, String> {
    let revs = c.revisions(ns, name)?;
    let head = kubectl_name(Kind::Deployment, name);
    if let Some(r) = revision {
        let rs = revs
            .get(&r)
            .ok_or_else(|| "error: unable to find the specified revision".to_string())?;
        let mut t = rs.spec.template.clone();
        if let Some(cause) = rs.meta.annotations.get(CHANGE_CAUSE) {
            t.annotations.insert(CHANGE_CAUSE.into(), cause.clone());
        }
        // rollout_history.go prints the name with the operation
        // "with revision #N\n" + the history text, then a newline.
        return Ok(format!(
            "{head} with revision #{r}\n{}\n",
            super::describe::pod_template_text(&t)
        ));
    }
    if revs.is_empty() {
        return Ok(format!("{head} \nNo rollout history found.\n"));
    }
    let mut text = String::from("REVISION\tCHANGE-CAUSE\n");
    for (r, rs) in &revs {
        let cause = rs
            .meta
            .annotations
            .get(CHANGE_CAUSE)
            .map_or("<none>", String::as_str);
        text.push_str(&format!("{r}\t{cause}\n"));
    }
    let table = super::table::tabwrite(&text, (0, 2));
    Ok(format!("{head} \n{table}\n"))
}
