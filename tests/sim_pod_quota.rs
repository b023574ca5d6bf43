//! A cap on the pods of one simulated cluster (issue #15, item 7): 20
//! Deployments of 10,000 replicas took 33.7 s and 650 MB for `wait 10s`.
//! Past 20,000 pods the API server refuses a create as a `pods` quota
//! does (`exceeded quota: …, requested: pods=1, used: pods=…, limited:
//! pods=…`), and a ReplicaSet that cannot create says so in a FailedCreate
//! event, as the controller does on a real cluster
//! (https://kubernetes.io/docs/concepts/policy/resource-quotas/).

use kubetutor::kubectl::execute;
use kubetutor::sim::Cluster;
use kubetutor::sim::apiserver::MAX_PODS;

#[test]
fn pods_past_the_cap_are_refused_as_by_a_quota() {
    let mut c = Cluster::new(1);
    for i in 0..3 {
        let out = execute(
            &mut c,
            &format!("create deployment big{i} --image=nginx --replicas=10000"),
        );
        assert!(out.ok, "{}", out.output);
    }
    let out = execute(&mut c, "wait 2s");
    assert!(out.ok);
    assert_eq!(c.store().pods().len(), MAX_PODS);
    let events = execute(&mut c, "get events");
    assert!(
        events.output.contains("FailedCreate")
            && events.output.contains(&format!(
                "is forbidden: exceeded quota: kubetutor-cluster-pods, requested: pods=1, used: pods={MAX_PODS}, limited: pods={MAX_PODS}"
            )),
        "{}",
        &events.output[..events.output.len().min(2000)]
    );
    assert!(!events.output.contains("Error creating: Error from server"));
    let out = execute(&mut c, "run one-more --image=nginx");
    assert!(!out.ok);
    assert!(
        out.output.starts_with(&format!(
            "Error from server (Forbidden): pods \"one-more\" is forbidden: exceeded quota: kubetutor-cluster-pods, requested: pods=1, used: pods={MAX_PODS}, limited: pods={MAX_PODS}"
        )),
        "{}",
        out.output
    );
}
