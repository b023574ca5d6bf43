//! The release the cluster models: Kubernetes v1.33 everywhere it shows,
//! and a v1.23 cluster for the `dockershim` path (removed in v1.24).
//! <https://kubernetes.io/releases/>
//! <https://kubernetes.io/blog/2022/02/17/dockershim-faq/>

use kubetutor::kubectl::execute;
use kubetutor::sim::Cluster;
use kubetutor::sim::objects::Kind;

fn run(c: &mut Cluster, line: &str) -> String {
    let out = execute(c, line);
    assert!(out.ok, "{line}: {}", out.output);
    out.output
}

fn line_of<'a>(text: &'a str, key: &str) -> &'a str {
    text.lines()
        .find(|l| l.trim_start().starts_with(key))
        .unwrap_or_else(|| panic!("no {key} in\n{text}"))
}

#[test]
fn the_default_cluster_is_kubernetes_v1_33_in_version_nodes_and_describe() {
    // kubectl version without a client (Client Version is kubectl's own).
    let mut c = Cluster::new(7);
    assert_eq!(run(&mut c, "version"), "Server Version: v1.33.1\n");
    assert!(
        run(&mut c, "version -o yaml")
            .contains("  gitVersion: v1.33.1\n  major: \"1\"\n  minor: \"33\"\n")
    );
    assert_eq!(
        run(&mut c, "get nodes"),
        "NAME            STATUS   ROLES           AGE   VERSION\n\
         control-plane   Ready    control-plane   0s    v1.33.1\n\
         node-1          Ready    <none>          0s    v1.33.1\n\
         node-2          Ready    <none>          0s    v1.33.1\n\
         node-3          Ready    <none>          0s    v1.33.1\n"
    );
    let d = run(&mut c, "describe node node-1");
    assert_eq!(
        line_of(&d, "Container Runtime Version:"),
        "  Container Runtime Version:  containerd://2.1.1"
    );
    assert_eq!(
        line_of(&d, "Kubelet Version:"),
        "  Kubelet Version:            v1.33.1"
    );
    // The kubelet no longer sets kubeProxyVersion in v1.33 (KEP-4004,
    // DisableNodeKubeProxyVersion on by default).
    assert_eq!(
        line_of(&d, "Kube-Proxy Version:"),
        "  Kube-Proxy Version:         "
    );
    let node = c.to_api_value(Kind::Node, "", "node-1").unwrap();
    assert_eq!(node["status"]["nodeInfo"]["kubeletVersion"], "v1.33.1");
    assert_eq!(node["status"]["nodeInfo"]["kubeProxyVersion"], "");
    // The control plane: `control-plane` role and taint only (v1.25+).
    let cp = run(&mut c, "describe node control-plane");
    assert_eq!(
        line_of(&cp, "Taints:"),
        "Taints:             node-role.kubernetes.io/control-plane:NoSchedule"
    );
    assert!(!cp.contains("node-role.kubernetes.io/master"));
    // kube-proxy and the control plane run the same release.
    let pods = run(&mut c, "get pods -n kube-system -o yaml");
    assert!(pods.contains("image: registry.k8s.io/kube-proxy:v1.33.1"));
    assert!(pods.contains("image: registry.k8s.io/kube-apiserver:v1.33.1"));
    assert!(pods.contains("image: registry.k8s.io/coredns/coredns:v1.12.0"));
}

#[test]
fn the_dockershim_scenario_is_a_v1_23_cluster_in_every_detail() {
    let mut c = Cluster::new(3);
    run(&mut c, "scenario dockershim");
    run(&mut c, "wait 30s");
    assert_eq!(run(&mut c, "version"), "Server Version: v1.23.17\n");
    // kubeadm before v1.24 labelled and tainted the control plane `master`.
    assert_eq!(
        run(&mut c, "get nodes"),
        "NAME            STATUS   ROLES                  AGE   VERSION\n\
         control-plane   Ready    control-plane,master   30s   v1.23.17\n\
         node-1          Ready    <none>                 30s   v1.23.17\n\
         node-2          Ready    <none>                 30s   v1.23.17\n\
         node-3          Ready    <none>                 30s   v1.23.17\n"
    );
    let cp = run(&mut c, "describe node control-plane");
    assert_eq!(
        line_of(&cp, "Taints:"),
        "Taints:             node-role.kubernetes.io/master:NoSchedule"
    );
    assert_eq!(
        line_of(&cp, "Container Runtime Version:"),
        "  Container Runtime Version:  docker://20.10.24"
    );
    assert_eq!(
        line_of(&cp, "Kube-Proxy Version:"),
        "  Kube-Proxy Version:         v1.23.17"
    );
    run(&mut c, "run big --image=nginx:1.27");
    run(&mut c, "wait 5s");
    let d = run(&mut c, "describe pod big");
    // Docker reports `docker-pullable://` image ids with the familiar name.
    assert!(
        line_of(&d, "Image ID:").starts_with("    Image ID:       docker-pullable://nginx@sha256:"),
        "{d}"
    );
    assert!(line_of(&d, "Container ID:").starts_with("    Container ID:   docker://"));
    // The Pulled event before v1.26: no "including waiting", no image size.
    assert_eq!(
        line_of(&d, "Normal  Pulled"),
        "  Normal  Pulled     2s    kubelet            Successfully pulled image \"nginx:1.27\" in 3.624s"
    );
    // PodReadyToStartContainers came with v1.29.
    assert!(!d.contains("PodReadyToStartContainers"), "{d}");
    assert_eq!(
        c.to_api_value(Kind::Pod, "default", "big").unwrap()["status"]["containerStatuses"][0]["image"],
        "nginx:1.27"
    );
    // FailedScheduling names the master taint, in the v1.23 wording and
    // without the preemption summary added in v1.24.
    run(&mut c, "apply -f tests/fixtures/release/greedy.yaml");
    run(&mut c, "wait 2s");
    let g = run(&mut c, "describe pod greedy");
    assert_eq!(
        line_of(&g, "Warning  FailedScheduling"),
        "  Warning  FailedScheduling  1s    default-scheduler  0/4 nodes are available: 1 node(s) had taint {node-role.kubernetes.io/master: }, that the pod didn't tolerate, 3 Insufficient cpu."
    );
    let sys = run(&mut c, "get pods -n kube-system -o yaml");
    assert!(sys.contains("image: k8s.gcr.io/kube-proxy:v1.23.17"));
    assert!(sys.contains("image: k8s.gcr.io/coredns/coredns:v1.8.6"));
    assert!(sys.contains("imageID: docker-pullable://k8s.gcr.io/kube-proxy@sha256:"));

    // Back to containerd: the v1.33 cluster again.
    run(&mut c, "runtime containerd");
    assert_eq!(run(&mut c, "version"), "Server Version: v1.33.1\n");
    let nodes = run(&mut c, "get nodes");
    assert!(
        nodes.contains("control-plane   Ready    control-plane   37s   v1.33.1"),
        "{nodes}"
    );
    let cp = run(&mut c, "describe node control-plane");
    assert_eq!(
        line_of(&cp, "Taints:"),
        "Taints:             node-role.kubernetes.io/control-plane:NoSchedule"
    );
    run(&mut c, "run after --image=nginx:1.27");
    run(&mut c, "wait 10s");
    let a = run(&mut c, "describe pod after");
    assert!(a.contains("PodReadyToStartContainers"), "{a}");
    assert!(line_of(&a, "Image ID:").contains(" docker.io/library/nginx@sha256:"));
    let g = run(&mut c, "describe pod greedy");
    assert!(
        g.contains("0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 Insufficient cpu. preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod."),
        "{g}"
    );
}
