//! The default cluster and each scenario are built once per thread and
//! copied after that (`src/sim/built.rs`). A copy must be the whole state:
//! a cluster built fresh and a copy, driven by the same commands, print the
//! same objects, events and names, byte for byte.

use kubetutor::kubectl::execute;
use kubetutor::sim::{Cluster, ClusterConfig};

/// Commands that draw names and IPs from the random generators, advance
/// the clock, fail a node and read everything back.
const SCRIPT: &[&str] = &[
    "create deployment web --image=nginx:1.27 --replicas=3",
    "run one --image=busybox:1.36 --restart=Never -- sh -c 'exit 1'",
    "wait 20s",
    "fault node-down node-2",
    "wait 70s",
];

const READS: &[&str] = &[
    "get pods -A -o wide",
    "get events -A",
    "get pods -A -o yaml",
    "describe nodes",
];

fn transcript(mut c: Cluster) -> String {
    let mut out = String::new();
    for line in SCRIPT.iter().chain(READS) {
        let o = execute(&mut c, line);
        out.push_str(&format!("$ {line}\n{}\n", o.output));
    }
    out
}

#[test]
fn a_copied_default_cluster_runs_exactly_as_a_fresh_build() {
    let fresh = Cluster::with_config(11, ClusterConfig::default());
    let expected = transcript(fresh);
    assert!(expected.contains("web-"), "{expected}");
    // The first `new` builds and keeps; the second is a copy.
    assert_eq!(transcript(Cluster::new(11)), expected);
    assert_eq!(transcript(Cluster::new(11)), expected);
}

#[test]
fn another_seed_is_not_served_the_kept_cluster() {
    let eleven = transcript(Cluster::new(11));
    let twelve = transcript(Cluster::new(12));
    assert_eq!(
        twelve,
        transcript(Cluster::with_config(12, ClusterConfig::default()))
    );
    assert_ne!(eleven, twelve, "names and IPs follow the seed");
}

#[test]
fn a_copied_scenario_runs_exactly_as_the_first_build() {
    for name in ["crashloop", "node-failure", "dockershim"] {
        let first = transcript(Cluster::scenario(name, 5).expect("a scenario"));
        let again = transcript(Cluster::scenario(name, 5).expect("a scenario"));
        assert_eq!(again, first, "scenario {name}");
        let mut c = Cluster::new(5);
        let loaded = execute(&mut c, &format!("scenario {name}"));
        assert!(loaded.ok, "{}", loaded.output);
        assert_eq!(transcript(c), first, "`scenario {name}` on a cluster");
    }
}

#[test]
fn an_unknown_scenario_is_an_error_every_time() {
    for _ in 0..2 {
        let e = Cluster::scenario("no-such", 5).expect_err("an error");
        assert!(e.contains("no-such"), "{e}");
    }
}
