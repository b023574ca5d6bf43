//! A recovery check: delete one Running pod the selector matches, then watch
//! simulated time for the number of Running pods to come back.
//!
//! A deleted pod keeps its phase while it terminates (kubectl shows it as
//! `Terminating`, which is not a phase, and its containers get the grace
//! period to stop), so pods being deleted are not counted: only a
//! replacement brings the count back
//! (<https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-phase>,
//! <https://kubernetes.io/docs/concepts/workloads/pods/pod-termination/>).

use super::checks::NAMESPACE;
use super::seen::Recovery;
use crate::sim::Cluster;
use crate::sim::objects::Kind;
use crate::sim::selector;
use crate::sim::stored::Phase;

/// Running pods matching the selector that are not being deleted, by name.
pub fn running_pods(cluster: &Cluster, sel: &str) -> Result<Vec<String>, String> {
    let sel = selector::parse(sel).map_err(|e| format!("selector {sel:?}: {e}"))?;
    let mut names: Vec<String> = cluster
        .store()
        .select_pods(NAMESPACE, &sel)
        .into_iter()
        .filter(|p| p.status.phase == Phase::Running && p.meta.deletion_ms.is_none())
        .map(|p| p.meta.name.clone())
        .collect();
    names.sort();
    Ok(names)
}

/// Delete the first matching Running pod (by name, so the run stays
/// deterministic). `Ok(Err(..))` is a recovery that cannot start (no pod,
/// or the deletion was refused); `Err` a broken selector.
pub fn begin(cluster: &mut Cluster, sel: &str) -> Result<Result<String, Recovery>, String> {
    let pods = running_pods(cluster, sel)?;
    let Some(pod) = pods.into_iter().next() else {
        return Ok(Err(Recovery::NoPod));
    };
    Ok(match cluster.delete(Kind::Pod, NAMESPACE, &pod, None) {
        Ok(_) => Ok(pod),
        Err(e) => Err(Recovery::DeleteFailed(e.to_string())),
    })
}
