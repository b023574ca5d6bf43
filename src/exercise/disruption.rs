//! A disruption check: once the other checks hold, simulated clients send
//! requests to a Service while command lines play on the cluster (a node
//! failure, a rolling update, a drain), and kube-proxy's counters tell how
//! many requests found the Service without a ready endpoint.
//!
//! A request is *refused* when the Service has no ready endpoint to send it
//! to: a Service forwards only to ready endpoints, so a rollout that takes
//! every old Pod away before a new one is Ready, or a single replica on a
//! lost node, leaves clients with nowhere to go
//! (<https://kubernetes.io/docs/concepts/services-networking/service/>,
//! <https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#rolling-update-deployment>).

use super::checks::NAMESPACE;
use super::seen::Disrupted;
use super::spec::Traffic;
use crate::duration::parse_millis;
use crate::sim::Cluster;

/// Requests sent so far and requests refused so far, for a Service.
pub fn counters(cluster: &Cluster, service: &str) -> (u64, u64) {
    cluster
        .traffic(NAMESPACE, service)
        .map_or((0, 0), |t| (t.total, t.dropped))
}

/// Start the simulated clients. `Err` when the Service does not exist.
pub fn begin(cluster: &mut Cluster, traffic: &Traffic) -> Result<(u64, u64), Disrupted> {
    cluster
        .set_traffic(NAMESPACE, &traffic.service, traffic.rps)
        .map_err(|_| Disrupted::NoService(traffic.service.clone()))?;
    Ok(counters(cluster, &traffic.service))
}

/// The simulated time a `wait 6m` (or `sleep 6m`) line asks for; `None` for
/// any other line. A wait with a bad duration is `Some(Err)`.
pub fn wait_of(line: &str) -> Option<Result<u64, String>> {
    let mut words = line.split_whitespace();
    match words.next() {
        Some("wait" | "sleep") => {
            let rest: Vec<&str> = words.collect();
            Some(parse_millis(&rest.join(" ")))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_wait_lines() {
        assert_eq!(wait_of("wait 6m"), Some(Ok(360_000)));
        assert_eq!(wait_of("  sleep 1m30s"), Some(Ok(90_000)));
        assert!(matches!(wait_of("wait soon"), Some(Err(_))));
        assert_eq!(wait_of("fault node-down node-1"), None);
        assert_eq!(wait_of("waiter 5s"), None);
    }
}
