//! `kubectl describe` laid out as kubectl's pkg/describe/describe.go
//! (kubernetes/kubectl, release-1.33) prints it, under a fixed seed:
//! - describePod / describeContainerState: a Waiting container prints only
//!   its Reason (the Message is left out); printPodConditions writes each row
//!   as `"  %v \t%v \n"`, so the Status cell ends in a space; a Pending pod
//!   without container statuses is listed as `  NAME:` (describeContainers
//!   indents with two spaces, not the `   ` of a template);
//! - the ServiceAccount admission plugin's projected `kube-api-access-xxxxx`
//!   volume and its mount on every pod (plugin/pkg/admission/serviceaccount);
//! - describeNode: Lease (HolderIdentity, AcquireTime, RenewTime), System
//!   Info (Machine ID, System UUID, Boot ID, Kube-Proxy Version, empty since
//!   v1.31, KEP-4004), ephemeral-storage and hugepages rows, the header of
//!   the non-terminated pods; when the kubelet stops posting status the node
//!   lifecycle controller sets all four conditions to Unknown
//!   (pkg/controller/nodelifecycle, tryUpdateNodeHealth);
//! - describeJob: Completed At and Duration only for a completed Job (a
//!   failed one has neither); a Job whose pod restarts under OnFailure past
//!   its backoffLimit deletes it and counts it as Failed
//!   (pkg/controller/job, pastBackoffLimitOnFailure).

use kubetutor::kubectl::execute;
use kubetutor::sim::Cluster;

fn run(c: &mut Cluster, line: &str) -> String {
    let out = execute(c, line);
    assert!(out.ok, "{line}: {}", out.output);
    out.output
}

/// Compares line by line first, so a failure names the line.
fn same(actual: &str, expected: &str) {
    for (i, (a, e)) in actual.lines().zip(expected.lines()).enumerate() {
        assert_eq!(a, e, "line {} of\n{actual}", i + 1);
    }
    assert_eq!(actual, expected);
}

/// A running pod, a crash-looping one and one no node can fit, 30 s in.
fn pods() -> Cluster {
    let mut c = Cluster::new(4);
    run(&mut c, "run web --image=nginx:1.27 --port=80");
    run(
        &mut c,
        "run crash --image=busybox -- sh -c \"sleep 3; exit 1\"",
    );
    run(&mut c, "apply -f tests/fixtures/release/greedy.yaml");
    run(&mut c, "wait 30s");
    c
}

#[test]
fn describe_pod_of_a_running_pod_has_the_service_account_volume_and_mount() {
    let mut c = pods();
    same(
        &run(&mut c, "describe pod web"),
        r#"Name:             web
Namespace:        default
Priority:         0
Service Account:  default
Node:             node-1/192.168.49.3
Start Time:       Wed, 01 Jan 2025 00:00:00 +0000
Labels:           run=web
Annotations:      <none>
Status:           Running
IP:               10.244.1.2
IPs:
  IP:  10.244.1.2
Containers:
  web:
    Container ID:   containerd://d05d7c28a1c3ddf8e70cac99f3f970724f753b0d1d854685c94e8dc192d41e1f
    Image:          nginx:1.27
    Image ID:       docker.io/library/nginx@sha256:e54db43952e3d99119e6a7a223958fc92a146d02263bcb98beac72c2201a33ee
    Port:           80/TCP
    Host Port:      0/TCP
    State:          Running
      Started:      Wed, 01 Jan 2025 00:00:04 +0000
    Ready:          True
    Restart Count:  0
    Environment:    <none>
    Mounts:
      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-mzwgz (ro)
Conditions:
  Type                        Status
  PodReadyToStartContainers   True 
  Initialized                 True 
  Ready                       True 
  ContainersReady             True 
  PodScheduled                True 
Volumes:
  kube-api-access-mzwgz:
    Type:                    Projected (a volume that contains injected data from multiple sources)
    TokenExpirationSeconds:  3607
    ConfigMapName:           kube-root-ca.crt
    Optional:                false
    DownwardAPI:             true
QoS Class:                   BestEffort
Node-Selectors:              <none>
Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s
                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s
Events:
  Type    Reason     Age   From               Message
  ----    ------     ----  ----               -------
  Normal  Scheduled  29s   default-scheduler  Successfully assigned default/web to node-1
  Normal  Pulling    30s   kubelet            Pulling image "nginx:1.27"
  Normal  Pulled     26s   kubelet            Successfully pulled image "nginx:1.27" in 3.815s (3.815s including waiting). Image size: 72099410 bytes.
  Normal  Created    26s   kubelet            Created container: web
  Normal  Started    26s   kubelet            Started container web
"#,
    );
}

#[test]
fn describe_pod_prints_only_the_reason_of_a_waiting_container() {
    let mut c = pods();
    same(
        &run(&mut c, "describe pod crash"),
        r#"Name:             crash
Namespace:        default
Priority:         0
Service Account:  default
Node:             node-3/192.168.49.5
Start Time:       Wed, 01 Jan 2025 00:00:00 +0000
Labels:           run=crash
Annotations:      <none>
Status:           Running
IP:               10.244.3.2
IPs:
  IP:  10.244.3.2
Containers:
  crash:
    Container ID:  containerd://b8def332030276995c44f1db8e3293fabb1a734811197d6672e035df0c47f69f
    Image:         busybox
    Image ID:      docker.io/library/busybox@sha256:4269f44352876e751c63fcfd6fc0b64069e91768f395dd83f20199677672dfd0
    Port:          <none>
    Host Port:     <none>
    Args:
      sh
      -c
      sleep 3; exit 1
    State:          Waiting
      Reason:       CrashLoopBackOff
    Last State:     Terminated
      Reason:       Error
      Exit Code:    1
      Started:      Wed, 01 Jan 2025 00:00:19 +0000
      Finished:     Wed, 01 Jan 2025 00:00:22 +0000
    Ready:          False
    Restart Count:  2
    Environment:    <none>
    Mounts:
      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-jgzsv (ro)
Conditions:
  Type                        Status
  PodReadyToStartContainers   True 
  Initialized                 True 
  Ready                       False 
  ContainersReady             False 
  PodScheduled                True 
Volumes:
  kube-api-access-jgzsv:
    Type:                    Projected (a volume that contains injected data from multiple sources)
    TokenExpirationSeconds:  3607
    ConfigMapName:           kube-root-ca.crt
    Optional:                false
    DownwardAPI:             true
QoS Class:                   BestEffort
Node-Selectors:              <none>
Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s
                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s
Events:
  Type     Reason     Age                From               Message
  ----     ------     ----               ----               -------
  Normal   Scheduled  29s                default-scheduler  Successfully assigned default/crash to node-3
  Normal   Pulled     29s                kubelet            Successfully pulled image "busybox" in 1.446s (1.446s including waiting). Image size: 2155305 bytes.
  Normal   Pulled     24s                kubelet            Successfully pulled image "busybox" in 643ms (643ms including waiting). Image size: 2155305 bytes.
  Normal   Pulling    11s (x3 over 30s)  kubelet            Pulling image "busybox"
  Normal   Created    11s (x3 over 29s)  kubelet            Created container: crash
  Normal   Started    11s (x3 over 29s)  kubelet            Started container crash
  Normal   Pulled     11s                kubelet            Successfully pulled image "busybox" in 370ms (370ms including waiting). Image size: 2155305 bytes.
  Warning  BackOff    7s (x2 over 20s)   kubelet            Back-off restarting failed container crash in pod crash_default(4a2befcd-9400-4f33-8daf-401df405bd8a)
"#,
    );
}

#[test]
fn describe_pod_of_a_pending_pod_lists_its_containers_from_the_spec() {
    let mut c = pods();
    same(
        &run(&mut c, "describe pod greedy"),
        r#"Name:             greedy
Namespace:        default
Priority:         0
Service Account:  default
Node:             <none>
Labels:           <none>
Annotations:      <none>
Status:           Pending
IP:               
IPs:              <none>
Containers:
  app:
    Image:      nginx:1.27
    Port:       <none>
    Host Port:  <none>
    Requests:
      cpu:        3
    Environment:  <none>
    Mounts:
      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-tm87q (ro)
Conditions:
  Type           Status
  PodScheduled   False 
Volumes:
  kube-api-access-tm87q:
    Type:                    Projected (a volume that contains injected data from multiple sources)
    TokenExpirationSeconds:  3607
    ConfigMapName:           kube-root-ca.crt
    Optional:                false
    DownwardAPI:             true
QoS Class:                   Burstable
Node-Selectors:              <none>
Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s
                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s
Events:
  Type     Reason            Age   From               Message
  ----     ------            ----  ----               -------
  Warning  FailedScheduling  29s   default-scheduler  0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 Insufficient cpu. preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod.
"#,
    );
}

#[test]
fn describe_node_shows_its_lease_system_info_and_ephemeral_storage() {
    let mut c = pods();
    same(
        &run(&mut c, "describe node node-1"),
        r#"Name:               node-1
Roles:              <none>
Labels:             beta.kubernetes.io/arch=amd64
                    beta.kubernetes.io/os=linux
                    kubernetes.io/arch=amd64
                    kubernetes.io/hostname=node-1
                    kubernetes.io/os=linux
Annotations:        node.alpha.kubernetes.io/ttl: 0
                    volumes.kubernetes.io/controller-managed-attach-detach: true
CreationTimestamp:  Wed, 01 Jan 2025 00:00:00 +0000
Taints:             <none>
Unschedulable:      false
Lease:
  HolderIdentity:  node-1
  AcquireTime:     <unset>
  RenewTime:       Wed, 01 Jan 2025 00:00:21 +0000
Conditions:
  Type             Status  LastHeartbeatTime                 LastTransitionTime                Reason                       Message
  ----             ------  -----------------                 ------------------                ------                       -------
  MemoryPressure   False   Wed, 01 Jan 2025 00:00:21 +0000   Wed, 01 Jan 2025 00:00:00 +0000   KubeletHasSufficientMemory   kubelet has sufficient memory available
  DiskPressure     False   Wed, 01 Jan 2025 00:00:21 +0000   Wed, 01 Jan 2025 00:00:00 +0000   KubeletHasNoDiskPressure     kubelet has no disk pressure
  PIDPressure      False   Wed, 01 Jan 2025 00:00:21 +0000   Wed, 01 Jan 2025 00:00:00 +0000   KubeletHasSufficientPID      kubelet has sufficient PID available
  Ready            True    Wed, 01 Jan 2025 00:00:21 +0000   Wed, 01 Jan 2025 00:00:00 +0000   KubeletReady                 kubelet is posting ready status
Addresses:
  InternalIP:  192.168.49.3
  Hostname:    node-1
Capacity:
  cpu:                2
  ephemeral-storage:  100Gi
  hugepages-1Gi:      0
  hugepages-2Mi:      0
  memory:             4Gi
  pods:               110
Allocatable:
  cpu:                2
  ephemeral-storage:  100Gi
  hugepages-1Gi:      0
  hugepages-2Mi:      0
  memory:             4Gi
  pods:               110
System Info:
  Machine ID:                 2eadf8bbe0a69a3b554ae6cbd0a9d751
  System UUID:                e1b84c05-7802-b6ff-8901-f39e939c92ef
  Boot ID:                    f8e3957d-b15c-34f7-1cde-4f9e3a829790
  Kernel Version:             6.8.0-60-generic
  OS Image:                   Ubuntu 24.04.2 LTS
  Operating System:           linux
  Architecture:               amd64
  Container Runtime Version:  containerd://2.1.1
  Kubelet Version:            v1.33.1
  Kube-Proxy Version:         
PodCIDR:                      10.244.1.0/24
PodCIDRs:                     10.244.1.0/24
Non-terminated Pods:          (2 in total)
  Namespace                   Name                CPU Requests  CPU Limits  Memory Requests  Memory Limits  Age
  ---------                   ----                ------------  ----------  ---------------  -------------  ---
  default                     web                 0 (0%)        0 (0%)      0 (0%)           0 (0%)         30s
  kube-system                 kube-proxy-j2577    0 (0%)        0 (0%)      0 (0%)           0 (0%)         30s
Allocated resources:
  (Total limits may be over 100 percent, i.e., overcommitted.)
  Resource           Requests  Limits
  --------           --------  ------
  cpu                0 (0%)    0 (0%)
  memory             0 (0%)    0 (0%)
  ephemeral-storage  0 (0%)    0 (0%)
  hugepages-1Gi      0 (0%)    0 (0%)
  hugepages-2Mi      0 (0%)    0 (0%)
Events:              <none>
"#,
    );
}

#[test]
fn all_four_node_conditions_go_unknown_when_the_kubelet_stops_posting() {
    let mut c = Cluster::new(4);
    run(&mut c, "run web --image=nginx:1.27 --port=80");
    run(&mut c, "wait 30s");
    run(&mut c, "fault node-down node-1");
    run(&mut c, "wait 60s");
    let d = run(&mut c, "describe node node-1");
    let block = &d[d.find("Taints:").unwrap()..d.find("Addresses:").unwrap()];
    same(
        block,
        r#"Taints:             node.kubernetes.io/unreachable:NoExecute
                    node.kubernetes.io/unreachable:NoSchedule
Unschedulable:      false
Lease:
  HolderIdentity:  node-1
  AcquireTime:     <unset>
  RenewTime:       Wed, 01 Jan 2025 00:00:21 +0000
Conditions:
  Type             Status    LastHeartbeatTime                 LastTransitionTime                Reason              Message
  ----             ------    -----------------                 ------------------                ------              -------
  MemoryPressure   Unknown   Wed, 01 Jan 2025 00:00:21 +0000   Wed, 01 Jan 2025 00:01:15 +0000   NodeStatusUnknown   Kubelet stopped posting node status.
  DiskPressure     Unknown   Wed, 01 Jan 2025 00:00:21 +0000   Wed, 01 Jan 2025 00:01:15 +0000   NodeStatusUnknown   Kubelet stopped posting node status.
  PIDPressure      Unknown   Wed, 01 Jan 2025 00:00:21 +0000   Wed, 01 Jan 2025 00:01:15 +0000   NodeStatusUnknown   Kubelet stopped posting node status.
  Ready            Unknown   Wed, 01 Jan 2025 00:00:21 +0000   Wed, 01 Jan 2025 00:01:15 +0000   NodeStatusUnknown   Kubelet stopped posting node status.
"#,
    );
    same(
        &d[d.find("Events:").unwrap()..],
        r#"Events:
  Type    Reason        Age   From             Message
  ----    ------        ----  ----             -------
  Normal  NodeNotReady  15s   node-controller  Node node-1 status is now: NodeNotReady
"#,
    );
}

fn jobs() -> Cluster {
    let mut c = Cluster::new(4);
    run(&mut c, "apply -f tests/fixtures/describe/jobs.yaml");
    run(&mut c, "wait 60s");
    c
}

#[test]
fn describe_job_of_a_completed_job_has_completed_at_and_duration() {
    let mut c = jobs();
    same(
        &run(&mut c, "describe job ok"),
        r#"Name:             ok
Namespace:        default
Selector:         batch.kubernetes.io/controller-uid=9bae2811-8cf5-4283-860b-519ce267f133
Labels:           <none>
Annotations:      <none>
Parallelism:      1
Completions:      1
Completion Mode:  NonIndexed
Suspend:          false
Backoff Limit:    6
Start Time:       Wed, 01 Jan 2025 00:00:00 +0000
Completed At:     Wed, 01 Jan 2025 00:00:03 +0000
Duration:         3s
Pods Statuses:    0 Active (0 Ready) / 1 Succeeded / 0 Failed
Pod Template:
  Labels:  batch.kubernetes.io/controller-uid=9bae2811-8cf5-4283-860b-519ce267f133
           batch.kubernetes.io/job-name=ok
           controller-uid=9bae2811-8cf5-4283-860b-519ce267f133
           job-name=ok
  Containers:
   c:
    Image:      busybox
    Port:       <none>
    Host Port:  <none>
    Command:
      sh
      -c
      sleep 2; exit 0
    Environment:   <none>
    Mounts:        <none>
  Volumes:         <none>
  Node-Selectors:  <none>
  Tolerations:     <none>
Events:
  Type    Reason            Age   From            Message
  ----    ------            ----  ----            -------
  Normal  SuccessfulCreate  60s   job-controller  Created pod: ok-krgfm
  Normal  Completed         57s   job-controller  Job completed
"#,
    );
}

#[test]
fn a_failed_job_under_on_failure_counts_the_failure_and_has_no_duration() {
    let mut c = jobs();
    same(
        &run(&mut c, "describe job boom"),
        r#"Name:             boom
Namespace:        default
Selector:         batch.kubernetes.io/controller-uid=4a2befcd-9400-4f33-8daf-401df405bd8a
Labels:           <none>
Annotations:      <none>
Parallelism:      1
Completions:      1
Completion Mode:  NonIndexed
Suspend:          false
Backoff Limit:    1
Start Time:       Wed, 01 Jan 2025 00:00:00 +0000
Pods Statuses:    0 Active (0 Ready) / 0 Succeeded / 1 Failed
Pod Template:
  Labels:  batch.kubernetes.io/controller-uid=4a2befcd-9400-4f33-8daf-401df405bd8a
           batch.kubernetes.io/job-name=boom
           controller-uid=4a2befcd-9400-4f33-8daf-401df405bd8a
           job-name=boom
  Containers:
   c:
    Image:      busybox
    Port:       <none>
    Host Port:  <none>
    Command:
      sh
      -c
      exit 1
    Environment:   <none>
    Mounts:        <none>
  Volumes:         <none>
  Node-Selectors:  <none>
  Tolerations:     <none>
Events:
  Type     Reason                Age   From            Message
  ----     ------                ----  ----            -------
  Normal   SuccessfulCreate      60s   job-controller  Created pod: boom-s8gb6
  Warning  BackoffLimitExceeded  57s   job-controller  Job has reached the specified backoff limit
"#,
    );
    assert_eq!(
        run(&mut c, "get pods -l job-name=boom"),
        "No resources found in default namespace.\n"
    );
}
