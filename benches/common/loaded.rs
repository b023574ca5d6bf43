//! The cluster both serve benchmarks load: the default cluster with a
//! Deployment of 100 Pods, run 30 s so that they all run.

use kubetutor::kubectl::execute;
use kubetutor::sim::Cluster;

pub fn cluster_with_100_pods() -> Cluster {
    let mut cluster = Cluster::new(1);
    assert!(
        execute(
            &mut cluster,
            "create deployment load --image=nginx:1.27 --replicas=100"
        )
        .ok
    );
    cluster.advance(30_000);
    cluster
}
