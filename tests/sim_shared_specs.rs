//! A stored Pod's spec is shared with every Pod whose spec is equal
//! (`src/sim/store/specs.rs`), and the node a Pod is bound to is kept
//! beside the spec, not in it. Sharing must never show: each Pod still
//! reads and prints its own node.

use kubetutor::kubectl::execute;
use kubetutor::sim::Cluster;
use std::sync::Arc;

fn web_pods(c: &Cluster) -> Vec<&kubetutor::sim::stored::Pod> {
    let pods: Vec<_> = (c.store().pods().iter())
        .filter(|p| p.meta.name.starts_with("web-"))
        .collect();
    assert_eq!(pods.len(), 6, "six replicas");
    pods
}

#[test]
fn the_replicas_of_one_template_share_one_spec_on_every_node() {
    let mut c = Cluster::new(5);
    let out = execute(
        &mut c,
        "create deployment web --image=nginx:1.27 --replicas=6",
    );
    assert!(out.ok, "{}", out.output);
    c.advance(20_000);
    let pods = web_pods(&c);
    let nodes: std::collections::BTreeSet<_> =
        pods.iter().filter_map(|p| p.node_name.as_deref()).collect();
    assert!(nodes.len() >= 2, "spread over the workers: {nodes:?}");
    for p in &pods {
        assert!(
            Arc::ptr_eq(&p.spec, &pods[0].spec),
            "{} has its own spec",
            p.meta.name
        );
        assert_eq!(p.spec.node_name, None, "the shared spec names no node");
    }
    // Each Pod still shows its own node, in a listing and in its object.
    let wide = execute(&mut c, "get pods -o wide").output;
    let yaml = execute(&mut c, "get pods -o yaml").output;
    for p in web_pods(&c) {
        let node = p.node_name.as_deref().expect("bound");
        let row = (wide.lines().find(|l| l.starts_with(&p.meta.name))).expect("listed");
        assert!(row.contains(&format!(" {node} ")), "{row}");
        assert!(yaml.contains(&format!("nodeName: {node}")), "{yaml}");
    }
}

#[test]
fn a_pod_submitted_for_a_node_keeps_that_node_outside_its_spec() {
    let mut c = Cluster::new(5);
    let manifest = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: pinned\nspec:\n  nodeName: node-2\n  containers:\n  - name: app\n    image: nginx:1.27\n";
    let out = c.apply_manifest(manifest);
    assert!(out.ok, "{:?}", out.lines);
    c.advance(5_000);
    let p = c.pod("default", "pinned").expect("created");
    assert_eq!(p.node_name.as_deref(), Some("node-2"));
    assert_eq!(p.spec.node_name, None);
    let json = execute(&mut c, "get pod pinned -o jsonpath={.spec.nodeName}").output;
    assert_eq!(json.trim(), "node-2");
}

#[test]
fn the_pods_of_one_daemonset_share_one_spec_and_keep_their_own_node_affinity() {
    let mut c = Cluster::new(5);
    let proxies: Vec<_> = (c.store().pods().iter())
        .filter(|p| p.meta.name.starts_with("kube-proxy-"))
        .map(|p| {
            (
                p.meta.name.clone(),
                p.spec.clone(),
                p.node_name_affinity.clone(),
            )
        })
        .collect();
    assert!(proxies.len() >= 3, "one per node: {}", proxies.len());
    for (name, spec, affinity) in &proxies {
        assert!(Arc::ptr_eq(spec, &proxies[0].1), "{name} has its own spec");
        assert!(spec.node_name_affinity.is_empty());
        assert_eq!(affinity.len(), 1, "{name}: {affinity:?}");
        let path = "{.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchFields[0].values[0]}";
        let out = execute(
            &mut c,
            &format!("get pod {name} -n kube-system -o jsonpath={path}"),
        );
        assert_eq!(out.output.trim(), affinity[0], "{name}");
    }
}
