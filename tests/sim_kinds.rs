//! The kinds kubeadm's cluster is made of and part two of the course
//! builds on, under a fixed seed: Namespace objects, the DaemonSet
//! controller, EndpointSlices, node Leases, and the system pods in
//! `kube-system` (issue #11, item 11).

use kubetutor::kubectl::execute;
use kubetutor::sim::Cluster;

fn run(c: &mut Cluster, line: &str) -> String {
    let out = execute(c, line);
    assert!(out.ok, "{line}: {}", out.output);
    out.output
}

fn fail(c: &mut Cluster, line: &str) -> String {
    let out = execute(c, line);
    assert!(!out.ok, "{line} should fail: {}", out.output);
    out.output
}

/// Compares line by line first, so a failure names the line.
fn same(actual: &str, expected: &str) {
    for (i, (a, e)) in actual.lines().zip(expected.lines()).enumerate() {
        assert_eq!(a, e, "line {} of\n{actual}", i + 1);
    }
    assert_eq!(actual, expected);
}

fn lease_of(describe: &str) -> &str {
    &describe[describe.find("Lease:").unwrap()..describe.find("Conditions:").unwrap()]
}

/// The kubelet renews its node's Lease in `kube-node-lease` every 10 s
/// (a quarter of its 40 s duration); a node whose kubelet stopped keeps
/// the last RenewTime, which `describe node` shows.
/// <https://kubernetes.io/docs/concepts/architecture/leases/#node-heart-beats>
#[test]
fn node_leases_are_renewed_every_ten_seconds_until_the_kubelet_stops() {
    let mut c = Cluster::new(3);
    same(
        &run(&mut c, "get lease node-2 -n kube-node-lease -o yaml"),
        r#"apiVersion: coordination.k8s.io/v1
kind: Lease
metadata:
  creationTimestamp: "2025-01-01T00:00:00Z"
  name: node-2
  namespace: kube-node-lease
  ownerReferences:
  - apiVersion: v1
    kind: Node
    name: node-2
    uid: de95efa0-7cb9-40cb-b28e-3aada8bf7444
  resourceVersion: "53"
  uid: 6dd9c573-2ec7-4fd5-9683-332c75c1590d
spec:
  holderIdentity: node-2
  leaseDurationSeconds: 40
  renewTime: "2025-01-01T00:00:00.000000Z"
"#,
    );
    run(&mut c, "wait 25s");
    let renewed = r#"Lease:
  HolderIdentity:  node-2
  AcquireTime:     <unset>
  RenewTime:       Wed, 01 Jan 2025 00:00:22 +0000
"#;
    same(lease_of(&run(&mut c, "describe node node-2")), renewed);
    run(&mut c, "fault node-down node-2");
    run(&mut c, "wait 30s");
    same(lease_of(&run(&mut c, "describe node node-2")), renewed);
}

/// kubeadm's cluster: the control plane as static pods (mirror pods named
/// after the node), kube-proxy from a DaemonSet on every node, CoreDNS from
/// a Deployment of two behind the `kube-dns` Service at 10.96.0.10 (the
/// tenth address of the default service CIDR); views of `default` show none
/// of it. <https://kubernetes.io/docs/reference/setup-tools/kubeadm/implementation-details/>
#[test]
fn the_system_pods_run_in_kube_system_and_default_views_leave_them_out() {
    let mut c = Cluster::new(3);
    same(
        &run(&mut c, "get pods -A -o wide"),
        r#"NAMESPACE     NAME                                    READY   STATUS    RESTARTS   AGE   IP             NODE            NOMINATED NODE   READINESS GATES
kube-system   coredns-6c9d44587f-nk947                1/1     Running   0          0s    10.244.0.3     control-plane   <none>           <none>
kube-system   coredns-6c9d44587f-nw5js                1/1     Running   0          0s    10.244.0.2     control-plane   <none>           <none>
kube-system   etcd-control-plane                      1/1     Running   0          0s    192.168.49.2   control-plane   <none>           <none>
kube-system   kube-apiserver-control-plane            1/1     Running   0          0s    192.168.49.2   control-plane   <none>           <none>
kube-system   kube-controller-manager-control-plane   1/1     Running   0          0s    192.168.49.2   control-plane   <none>           <none>
kube-system   kube-proxy-5tfch                        1/1     Running   0          0s    192.168.49.4   node-2          <none>           <none>
kube-system   kube-proxy-f5qwh                        1/1     Running   0          0s    192.168.49.2   control-plane   <none>           <none>
kube-system   kube-proxy-gqbxk                        1/1     Running   0          0s    192.168.49.5   node-3          <none>           <none>
kube-system   kube-proxy-x6fwx                        1/1     Running   0          0s    192.168.49.3   node-1          <none>           <none>
kube-system   kube-scheduler-control-plane            1/1     Running   0          0s    192.168.49.2   control-plane   <none>           <none>
"#,
    );
    same(
        &run(&mut c, "get pods"),
        r#"No resources found in default namespace.
"#,
    );
    same(
        &run(&mut c, "get svc -A"),
        r#"NAMESPACE     NAME         TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)                  AGE
default       kubernetes   ClusterIP   10.96.0.1    <none>        443/TCP                  0s
kube-system   kube-dns     ClusterIP   10.96.0.10   <none>        53/UDP,53/TCP,9153/TCP   0s
"#,
    );
    same(
        &run(&mut c, "get endpointslices -A"),
        r#"NAMESPACE     NAME             ADDRESSTYPE   PORTS        ENDPOINTS               AGE
default       kubernetes       IPv4          6443         192.168.49.2            0s
kube-system   kube-dns-dq5wp   IPv4          53,53,9153   10.244.0.3,10.244.0.2   0s
"#,
    );
    same(
        &run(&mut c, "get ds -A"),
        r#"NAMESPACE     NAME         DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR            AGE
kube-system   kube-proxy   4         4         4       4            4           kubernetes.io/os=linux   0s
"#,
    );
    same(
        &run(&mut c, "get deploy -n kube-system"),
        r#"NAME      READY   UP-TO-DATE   AVAILABLE   AGE
coredns   2/2     2            2           0s
"#,
    );
    same(
        &run(&mut c, "get namespaces"),
        r#"NAME              STATUS   AGE
default           Active   0s
kube-node-lease   Active   0s
kube-public       Active   0s
kube-system       Active   0s
"#,
    );
    same(
        &run(&mut c, "get leases -n kube-node-lease"),
        r#"NAME            HOLDER          AGE
control-plane   control-plane   0s
node-1          node-1          0s
node-2          node-2          0s
node-3          node-3          0s
"#,
    );
    same(
        &run(&mut c, "get events"),
        r#"No resources found in default namespace.
"#,
    );
    same(
        &run(&mut c, "describe svc kube-dns -n kube-system"),
        r#"Name:                     kube-dns
Namespace:                kube-system
Labels:                   k8s-app=kube-dns
                          kubernetes.io/cluster-service=true
                          kubernetes.io/name=CoreDNS
Annotations:              prometheus.io/port: 9153
                          prometheus.io/scrape: true
Selector:                 k8s-app=kube-dns
Type:                     ClusterIP
IP Family Policy:         SingleStack
IP Families:              IPv4
IP:                       10.96.0.10
IPs:                      10.96.0.10
Port:                     dns  53/UDP
TargetPort:               53/UDP
Endpoints:                10.244.0.3:53,10.244.0.2:53
Port:                     dns-tcp  53/TCP
TargetPort:               53/TCP
Endpoints:                10.244.0.3:53,10.244.0.2:53
Port:                     metrics  9153/TCP
TargetPort:               9153/TCP
Endpoints:                10.244.0.3:9153,10.244.0.2:9153
Session Affinity:         None
Internal Traffic Policy:  Cluster
Events:                   <none>
"#,
    );
}

/// Namespaces as objects: the four kubeadm creates, `create namespace`,
/// NamespaceLifecycle admission (no namespace: NotFound; terminating:
/// Forbidden; the system ones cannot be deleted) and the namespace
/// controller emptying a deleted one before it goes.
/// <https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/>
/// <https://kubernetes.io/docs/reference/access-authn-authz/admission-controllers/#namespacelifecycle>
#[test]
fn namespaces_are_objects_created_deleted_and_refused_while_terminating() {
    let mut c = Cluster::new(3);
    same(
        &run(&mut c, "create namespace team"),
        r#"namespace/team created
"#,
    );
    same(
        &run(&mut c, "get ns"),
        r#"NAME              STATUS   AGE
default           Active   0s
kube-node-lease   Active   0s
kube-public       Active   0s
kube-system       Active   0s
team              Active   0s
"#,
    );
    run(&mut c, "run api --image=nginx:1.27 -n team");
    run(
        &mut c,
        "create deployment web --image=nginx:1.27 --replicas=2 -n team",
    );
    run(&mut c, "wait 5s");
    same(
        &run(&mut c, "get pods -n team"),
        r#"NAME                   READY   STATUS    RESTARTS   AGE
api                    1/1     Running   0          5s
web-655c7c665b-lp9bn   1/1     Running   0          5s
web-655c7c665b-ss4pv   1/1     Running   0          5s
"#,
    );
    same(
        &fail(&mut c, "run x --image=nginx:1.27 -n nowhere"),
        r#"Error from server (NotFound): namespaces "nowhere" not found
"#,
    );
    same(
        &fail(&mut c, "delete namespace default"),
        r#"Error from server (Forbidden): namespaces "default" is forbidden: this namespace may not be deleted
"#,
    );
    same(
        &fail(&mut c, "delete namespace kube-system"),
        r#"Error from server (Forbidden): namespaces "kube-system" is forbidden: this namespace may not be deleted
"#,
    );
    same(
        &run(&mut c, "delete namespace team"),
        r#"namespace "team" deleted
"#,
    );
    same(
        &run(&mut c, "get ns"),
        r#"NAME              STATUS        AGE
default           Active        5s
kube-node-lease   Active        5s
kube-public       Active        5s
kube-system       Active        5s
team              Terminating   5s
"#,
    );
    same(
        &fail(&mut c, "run y --image=nginx:1.27 -n team"),
        r#"Error from server (Forbidden): pods "y" is forbidden: unable to create new content in namespace team because it is being terminated
"#,
    );
    run(&mut c, "wait 40s");
    same(
        &run(&mut c, "get ns"),
        r#"NAME              STATUS   AGE
default           Active   45s
kube-node-lease   Active   45s
kube-public       Active   45s
kube-system       Active   45s
"#,
    );
    same(
        &run(&mut c, "get pods -n team"),
        r#"No resources found in team namespace.
"#,
    );
    same(
        &fail(&mut c, "delete namespace team"),
        r#"Error from server (NotFound): namespaces "team" not found
"#,
    );
    same(
        &fail(&mut c, "create namespace Team"),
        r#"The Namespace "Team" is invalid: metadata.name: Invalid value: "Team": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')
"#,
    );
}

/// One pod per eligible node: the control plane's NoSchedule taint keeps
/// `agent` off it, `cp-agent` selects it by label and tolerates the taint; a
/// cordoned node keeps its daemon pod (the controller adds the
/// unschedulable toleration) and a node that joins gets one.
/// <https://kubernetes.io/docs/concepts/workloads/controllers/daemonset/#how-daemon-pods-are-scheduled>
#[test]
fn a_daemonset_runs_one_pod_on_every_node_it_fits_and_follows_new_nodes() {
    let mut c = Cluster::new(3);
    same(
        &run(&mut c, "apply -f tests/fixtures/kinds/agents.yaml"),
        r#"daemonset.apps/agent created
daemonset.apps/cp-agent created
"#,
    );
    run(&mut c, "wait 10s");
    same(
        &run(&mut c, "get ds"),
        r#"NAME       DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR                            AGE
agent      3         3         3       3            3           <none>                                   10s
cp-agent   1         1         1       1            1           node-role.kubernetes.io/control-plane=   10s
"#,
    );
    same(
        &run(&mut c, "get pods -o wide"),
        r#"NAME             READY   STATUS    RESTARTS   AGE   IP           NODE            NOMINATED NODE   READINESS GATES
agent-8jbss      1/1     Running   0          10s   10.244.1.2   node-1          <none>           <none>
agent-bn5f4      1/1     Running   0          10s   10.244.3.2   node-3          <none>           <none>
agent-pvjgl      1/1     Running   0          10s   10.244.2.2   node-2          <none>           <none>
cp-agent-h9hsg   1/1     Running   0          10s   10.244.0.4   control-plane   <none>           <none>
"#,
    );
    run(&mut c, "cordon node-3");
    same(
        &run(&mut c, "join"),
        r#"node/node-4 joined: its kubelet registered the node and posts status; DaemonSets start their pods there
"#,
    );
    run(&mut c, "wait 10s");
    // The pods being replaced still run and are Ready, so they count
    // (daemon controller updateDaemonSetStatus: only terminal deleted pods
    // are left out).
    same(
        &run(&mut c, "get ds agent"),
        r#"NAME    DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE
agent   4         4         4       4            4           <none>          20s
"#,
    );
    same(
        &run(&mut c, "get pods -l app=agent -o wide"),
        r#"NAME          READY   STATUS    RESTARTS   AGE   IP           NODE     NOMINATED NODE   READINESS GATES
agent-8jbss   1/1     Running   0          20s   10.244.1.2   node-1   <none>           <none>
agent-bn5f4   1/1     Running   0          20s   10.244.3.2   node-3   <none>           <none>
agent-pvjgl   1/1     Running   0          20s   10.244.2.2   node-2   <none>           <none>
agent-xm5f8   1/1     Running   0          10s   10.244.4.2   node-4   <none>           <none>
"#,
    );
}

/// RollingUpdate with maxUnavailable 2: two old pods go at once, and each
/// node's new pod waits until the old one there is gone (a terminating pod
/// still counts as the node's, `podsShouldBeOnNode`); the next two follow
/// when the first new ones are available.
/// <https://kubernetes.io/docs/tasks/manage-daemon/update-daemon-set/>
#[test]
fn a_daemonset_rolls_out_max_unavailable_nodes_at_a_time() {
    let mut c = Cluster::new(3);
    run(&mut c, "apply -f tests/fixtures/kinds/agents.yaml");
    run(&mut c, "wait 10s");
    same(
        &run(&mut c, "apply -f tests/fixtures/kinds/agent-v2.yaml"),
        r#"daemonset.apps/agent configured
"#,
    );
    run(&mut c, "wait 1s");
    same(
        &run(&mut c, "get pods -l app=agent"),
        r#"NAME          READY   STATUS        RESTARTS   AGE
agent-8jbss   1/1     Terminating   0          11s
agent-bn5f4   1/1     Running       0          11s
agent-pvjgl   1/1     Terminating   0          11s
"#,
    );
    same(
        &run(&mut c, "get ds agent"),
        r#"NAME    DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE
agent   3         3         3       0            3           <none>          11s
"#,
    );
    run(&mut c, "wait 5s");
    same(
        &run(&mut c, "get pods -l app=agent"),
        r#"NAME          READY   STATUS              RESTARTS   AGE
agent-bn5f4   1/1     Running             0          16s
agent-htxm5   0/1     ContainerCreating   0          1s
agent-vzd9h   0/1     ContainerCreating   0          1s
"#,
    );
    run(&mut c, "wait 20s");
    same(
        &run(&mut c, "get pods -l app=agent -o wide"),
        r#"NAME          READY   STATUS    RESTARTS   AGE   IP           NODE     NOMINATED NODE   READINESS GATES
agent-htxm5   1/1     Running   0          21s   10.244.2.3   node-2   <none>           <none>
agent-jtn2b   1/1     Running   0          14s   10.244.3.3   node-3   <none>           <none>
agent-vzd9h   1/1     Running   0          21s   10.244.1.3   node-1   <none>           <none>
"#,
    );
    same(
        &run(&mut c, "describe ds agent"),
        r#"Name:           agent
Namespace:      default
Selector:       app=agent
Node-Selector:  <none>
Labels:         app=agent
Annotations:    <none>
Desired Number of Nodes Scheduled: 3
Current Number of Nodes Scheduled: 3
Number of Nodes Scheduled with Up-to-date Pods: 3
Number of Nodes Scheduled with Available Pods: 3
Number of Nodes Misscheduled: 0
Pods Status:  3 Running / 0 Waiting / 0 Succeeded / 0 Failed
Pod Template:
  Labels:  app=agent
  Containers:
   agent:
    Image:      busybox:1.37
    Port:       <none>
    Host Port:  <none>
    Command:
      sh
      -c
      sleep 3600
    Environment:   <none>
    Mounts:        <none>
  Volumes:         <none>
  Node-Selectors:  <none>
  Tolerations:     <none>
Events:
  Type    Reason            Age   From                  Message
  ----    ------            ----  ----                  -------
  Normal  SuccessfulCreate  36s   daemonset-controller  Created pod: agent-8jbss
  Normal  SuccessfulCreate  36s   daemonset-controller  Created pod: agent-pvjgl
  Normal  SuccessfulCreate  36s   daemonset-controller  Created pod: agent-bn5f4
  Normal  SuccessfulDelete  26s   daemonset-controller  Deleted pod: agent-8jbss
  Normal  SuccessfulDelete  26s   daemonset-controller  Deleted pod: agent-pvjgl
  Normal  SuccessfulCreate  21s   daemonset-controller  Created pod: agent-vzd9h
  Normal  SuccessfulCreate  21s   daemonset-controller  Created pod: agent-htxm5
  Normal  SuccessfulDelete  20s   daemonset-controller  Deleted pod: agent-bn5f4
  Normal  SuccessfulCreate  14s   daemonset-controller  Created pod: agent-jtn2b
"#,
    );
}

/// `kubectl drain`: DaemonSet pods would come straight back, so drain
/// refuses them (pkg/drain/filters.go daemonSetFilter) unless
/// `--ignore-daemonsets`; the refusal ends with the aggregated error as
/// `RunDrain` returns it.
/// <https://kubernetes.io/docs/reference/kubectl/generated/kubectl_drain/>
#[test]
fn drain_refuses_daemonset_pods_unless_told_to_ignore_them() {
    let mut c = Cluster::new(3);
    run(&mut c, "apply -f tests/fixtures/kinds/agents.yaml");
    run(&mut c, "run solo --image=nginx:1.27");
    run(&mut c, "wait 10s");
    same(
        &run(&mut c, "get pods -o wide"),
        r#"NAME             READY   STATUS    RESTARTS   AGE   IP           NODE            NOMINATED NODE   READINESS GATES
agent-5f4dw      1/1     Running   0          10s   10.244.3.3   node-3          <none>           <none>
agent-bsss4      1/1     Running   0          10s   10.244.1.2   node-1          <none>           <none>
agent-jglp9      1/1     Running   0          10s   10.244.2.2   node-2          <none>           <none>
cp-agent-hsg7g   1/1     Running   0          10s   10.244.0.4   control-plane   <none>           <none>
solo             1/1     Running   0          10s   10.244.3.2   node-3          <none>           <none>
"#,
    );
    same(
        &fail(&mut c, "drain node-3"),
        r#"node/node-3 cordoned
error: unable to drain node "node-3" due to error: [cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): kube-system/kube-proxy-gqbxk, default/agent-5f4dw, cannot delete cannot delete Pods that declare no controller (use --force to override): default/solo], continuing command...
There are pending nodes to be drained:
 node-3
cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): kube-system/kube-proxy-gqbxk, default/agent-5f4dw
cannot delete cannot delete Pods that declare no controller (use --force to override): default/solo
"#,
    );
    same(
        &fail(&mut c, "drain node-3 --ignore-daemonsets"),
        r#"node/node-3 already cordoned
error: unable to drain node "node-3" due to error: cannot delete cannot delete Pods that declare no controller (use --force to override): default/solo, continuing command...
There are pending nodes to be drained:
 node-3
cannot delete cannot delete Pods that declare no controller (use --force to override): default/solo
"#,
    );
    same(
        &run(&mut c, "drain node-3 --ignore-daemonsets --force"),
        r#"node/node-3 already cordoned
Warning: ignoring DaemonSet-managed Pods: kube-system/kube-proxy-gqbxk, default/agent-5f4dw; deleting Pods that declare no controller: default/solo
evicting pod default/solo
pod/solo evicted
node/node-3 drained
"#,
    );
    // drain waited for solo to be gone (nginx stops within about 2 s).
    run(&mut c, "wait 40s");
    same(
        &run(&mut c, "get pods -o wide"),
        r#"NAME             READY   STATUS    RESTARTS   AGE   IP           NODE            NOMINATED NODE   READINESS GATES
agent-5f4dw      1/1     Running   0          52s   10.244.3.3   node-3          <none>           <none>
agent-bsss4      1/1     Running   0          52s   10.244.1.2   node-1          <none>           <none>
agent-jglp9      1/1     Running   0          52s   10.244.2.2   node-2          <none>           <none>
cp-agent-hsg7g   1/1     Running   0          52s   10.244.0.4   control-plane   <none>           <none>
"#,
    );
}

/// The EndpointSlice controller: one slice per Service (named from it),
/// an endpoint per selected pod with its conditions; a pod being deleted
/// stays as `terminating`, not ready, and `serving` while its container
/// still runs (nginx stops within a second of its SIGQUIT). The apiserver keeps the
/// `kubernetes` slice itself. v1 Endpoints is deprecated in v1.33.
/// <https://kubernetes.io/docs/concepts/services-networking/endpoint-slices/#conditions>
#[test]
fn endpointslices_list_ready_serving_and_terminating_endpoints() {
    let mut c = Cluster::new(3);
    run(&mut c, "apply -f tests/scripts/web.yaml");
    run(&mut c, "wait 10s");
    same(
        &run(&mut c, "get endpointslices"),
        r#"NAME         ADDRESSTYPE   PORTS   ENDPOINTS                          AGE
kubernetes   IPv4          6443    192.168.49.2                       10s
web-84x9z    IPv4          80      10.244.1.2,10.244.2.2,10.244.3.2   10s
"#,
    );
    same(
        &run(
            &mut c,
            "get endpointslices -l kubernetes.io/service-name=web -o yaml",
        ),
        r#"apiVersion: v1
items:
- addressType: IPv4
  apiVersion: discovery.k8s.io/v1
  endpoints:
  - addresses:
    - 10.244.1.2
    conditions:
      ready: true
      serving: true
      terminating: false
    nodeName: node-1
    targetRef:
      kind: Pod
      name: web-678f45ff64-dwh9h
      namespace: default
      uid: 8d9d0a58-fd11-4bff-a6f1-c092dbc08a15
  - addresses:
    - 10.244.2.2
    conditions:
      ready: true
      serving: true
      terminating: false
    nodeName: node-2
    targetRef:
      kind: Pod
      name: web-678f45ff64-p9bn5
      namespace: default
      uid: 2568907b-db0c-45be-8911-b4c3f5105188
  - addresses:
    - 10.244.3.2
    conditions:
      ready: true
      serving: true
      terminating: false
    nodeName: node-3
    targetRef:
      kind: Pod
      name: web-678f45ff64-s4pvj
      namespace: default
      uid: 2e56ce2c-fb9b-4702-936d-dfa7a7fdc464
  kind: EndpointSlice
  metadata:
    creationTimestamp: "2025-01-01T00:00:00Z"
    generateName: web-
    generation: 4
    labels:
      endpointslice.kubernetes.io/managed-by: endpointslice-controller.k8s.io
      kubernetes.io/service-name: web
    name: web-84x9z
    namespace: default
    ownerReferences:
    - apiVersion: v1
      blockOwnerDeletion: true
      controller: true
      kind: Service
      name: web
      uid: 97186f70-b726-476b-858a-1717c1ccbd91
    resourceVersion: "104"
    uid: e9996d90-f580-4726-ad43-56224670fbf9
  ports:
  - name: ""
    port: 80
    protocol: TCP
kind: List
metadata:
  resourceVersion: ""
"#,
    );
    same(
        &run(&mut c, "get endpoints web"),
        r#"Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice
NAME   ENDPOINTS                                   AGE
web    10.244.1.2:80,10.244.2.2:80,10.244.3.2:80   10s
"#,
    );
    run(&mut c, "scale deployment web --replicas=2");
    run(&mut c, "wait 500ms");
    same(
        &run(
            &mut c,
            "get endpointslice -l kubernetes.io/service-name=web -o yaml",
        ),
        r#"apiVersion: v1
items:
- addressType: IPv4
  apiVersion: discovery.k8s.io/v1
  endpoints:
  - addresses:
    - 10.244.1.2
    conditions:
      ready: false
      serving: true
      terminating: true
    nodeName: node-1
    targetRef:
      kind: Pod
      name: web-678f45ff64-dwh9h
      namespace: default
      uid: 8d9d0a58-fd11-4bff-a6f1-c092dbc08a15
  - addresses:
    - 10.244.2.2
    conditions:
      ready: true
      serving: true
      terminating: false
    nodeName: node-2
    targetRef:
      kind: Pod
      name: web-678f45ff64-p9bn5
      namespace: default
      uid: 2568907b-db0c-45be-8911-b4c3f5105188
  - addresses:
    - 10.244.3.2
    conditions:
      ready: true
      serving: true
      terminating: false
    nodeName: node-3
    targetRef:
      kind: Pod
      name: web-678f45ff64-s4pvj
      namespace: default
      uid: 2e56ce2c-fb9b-4702-936d-dfa7a7fdc464
  kind: EndpointSlice
  metadata:
    creationTimestamp: "2025-01-01T00:00:00Z"
    generateName: web-
    generation: 5
    labels:
      endpointslice.kubernetes.io/managed-by: endpointslice-controller.k8s.io
      kubernetes.io/service-name: web
    name: web-84x9z
    namespace: default
    ownerReferences:
    - apiVersion: v1
      blockOwnerDeletion: true
      controller: true
      kind: Service
      name: web
      uid: 97186f70-b726-476b-858a-1717c1ccbd91
    resourceVersion: "115"
    uid: e9996d90-f580-4726-ad43-56224670fbf9
  ports:
  - name: ""
    port: 80
    protocol: TCP
kind: List
metadata:
  resourceVersion: ""
"#,
    );
}
