//! What a current cluster (Kubernetes v1.33) shows when a node is lost, a
//! pod is deleted, a container crash-loops, an image is pulled or cannot
//! be, and kubectl waits: one test per behaviour, with the exact `get` and
//! `describe` lines under seed 1, each citing the source it follows.

mod common;
use common::*;
use kubetutor::kubectl::execute;
use kubetutor::sim::Cluster;
use kubetutor::sim::setup::Setup;
use kubetutor::sim::stored::{ContainerState, Phase};

/// Run a command line; its output.
fn run(c: &mut Cluster, line: &str) -> String {
    execute(c, line).output
}

fn scenario(name: &str) -> Cluster {
    let setup = Setup {
        scenario: Some(name.into()),
        ..Setup::default()
    };
    Cluster::from_setup(&setup, 1).unwrap()
}

/// The lines of `text` from the one starting with `from`, `n` of them.
fn block(text: &str, from: &str, n: usize) -> Vec<String> {
    let lines: Vec<&str> = text.lines().collect();
    let i = lines
        .iter()
        .position(|l| l.starts_with(from))
        .unwrap_or_else(|| panic!("no line starting with {from:?} in\n{text}"));
    lines[i..(i + n).min(lines.len())]
        .iter()
        .map(|l| l.to_string())
        .collect()
}

/// Whether `describe` lists an event of this type and reason from `from`
/// whose message is `message` (the AGE and the padding aside).
fn has_event(text: &str, kind: &str, reason: &str, from: &str, message: &str) -> bool {
    text.lines().any(|l| {
        let mut w = l.split_whitespace();
        w.next() == Some(kind)
            && w.next() == Some(reason)
            && l.ends_with(message)
            && l[..l.len() - message.len()].trim_end().ends_with(from)
    })
}

fn has_line(text: &str, line: &str) -> bool {
    text.lines().any(|l| l == line)
}

fn no_pod_is_unknown(c: &Cluster) {
    for p in c.store().pods().iter() {
        assert_ne!(p.status.phase, Phase::Unknown, "{}", p.meta.name);
    }
}

const DONE_POD: &str = "apiVersion: v1
kind: Pod
metadata:
  name: done
spec:
  restartPolicy: Never
  nodeSelector:
    kubernetes.io/hostname: node-1
  containers:
  - name: done
    image: busybox:1.36
    command: [\"sh\", \"-c\", \"echo done\"]
";

#[test]
fn a_pod_on_a_lost_node_keeps_running_then_turns_terminating_after_taint_eviction() {
    // The node lifecycle controller (pkg/controller/nodelifecycle
    // `monitorNodeHealth`, every 5 s, grace 50 s since v1.32: kubernetes PR
    // 126287, https://kubernetes.io/docs/reference/node/node-status/) sets
    // only the pods' Ready condition to False (pkg/controller/util/node
    // `MarkPodsNotReady`); the NoExecute taint follows on the next pass
    // (`processTaintBaseEviction` reads the condition observed before the
    // pass); the taint-eviction controller (pkg/controller/tainteviction)
    // deletes the pods 300 s later.
    // https://kubernetes.io/docs/concepts/scheduling-eviction/taint-and-toleration/#taint-based-evictions
    let mut c = scenario("node-failure");
    assert_eq!(c.apply_manifest(DONE_POD).lines, ["pod/done created"]);
    c.advance(10_000);
    assert_eq!(
        run(&mut c, "fault node-down node-1"),
        "node/node-1 is down: its kubelet stopped posting status (NotReady after the 50s node-monitor grace period, its pods marked for deletion 5m0s later)\n"
    );
    let version = c.node("node-1").unwrap().kubelet_version.clone();
    // Last heartbeat at 31 s: silent for more than 50 s at the 85 s pass.
    c.advance(45_000);
    assert!(run(&mut c, "get nodes").contains(&format!(
        "node-1          Ready    <none>          85s   {version}\n"
    )));
    c.advance(100);
    assert!(run(&mut c, "get nodes").contains(&format!(
        "node-1          NotReady   <none>          85s   {version}\n"
    )));
    // The pod still prints what its kubelet last reported.
    assert_eq!(
        run(&mut c, "get pods"),
        "NAME                   READY   STATUS      RESTARTS   AGE
done                   0/1     Completed   0          55s
web-655c7c665b-9xgcc   1/1     Running     0          84s
web-655c7c665b-d45d6   1/1     Running     0          84s
web-655c7c665b-vch9c   1/1     Running     0          84s
"
    );
    let lost = "web-655c7c665b-9xgcc";
    let d = run(&mut c, &format!("describe pod {lost}"));
    assert!(has_line(&d, "Status:           Running"), "{d}");
    assert_eq!(
        block(&d, "  Type                       Status", 6),
        [
            "  Type                       Status",
            "  PodReadyToStartContainers  True ",
            "  Initialized                True ",
            "  Ready                      False ",
            "  ContainersReady            True ",
            "  PodScheduled               True ",
        ]
    );
    assert!(
        has_event(
            &d,
            "Warning",
            "NodeNotReady",
            "node-controller",
            "Node is not ready"
        ),
        "{d}"
    );
    let p = c.pod("default", lost).unwrap();
    assert_eq!(p.status.phase, Phase::Running);
    assert!(p.status.container_statuses[0].ready);
    assert_eq!(c.endpoint_count("default", "kubernetes").unwrap(), 1);
    // The NoExecute taint one pass (5 s) later.
    c.advance(4_900);
    let taints = |c: &mut Cluster| {
        let d = run(c, "describe node node-1");
        block(&d, "Taints:", 2)
    };
    assert_eq!(
        taints(&mut c),
        [
            "Taints:             node.kubernetes.io/unreachable:NoSchedule",
            "Unschedulable:      false"
        ]
    );
    c.advance(100);
    assert_eq!(
        taints(&mut c),
        [
            "Taints:             node.kubernetes.io/unreachable:NoSchedule",
            "                    node.kubernetes.io/unreachable:NoExecute"
        ]
    );
    // 300 s after the taint: marked for deletion, replaced at once; the
    // Completed pod is deleted at once.
    c.advance(300_000);
    no_pod_is_unknown(&c);
    assert_eq!(
        run(&mut c, "get pods -o wide"),
        "NAME                   READY   STATUS        RESTARTS   AGE     IP           NODE     NOMINATED NODE   READINESS GATES
web-655c7c665b-9xgcc   1/1     Terminating   0          6m29s   10.244.1.2   node-1   <none>           <none>
web-655c7c665b-d45d6   1/1     Running       0          6m29s   10.244.2.2   node-2   <none>           <none>
web-655c7c665b-vch9c   1/1     Running       0          6m29s   10.244.3.2   node-3   <none>           <none>
"
    );
    // The ReplicaSet sees the deletion on the next step and replaces it;
    // node-3 has the image already.
    c.advance(400);
    assert_eq!(
        run(&mut c, "get pods -o wide"),
        "NAME                   READY   STATUS        RESTARTS   AGE     IP           NODE     NOMINATED NODE   READINESS GATES
web-655c7c665b-9xgcc   1/1     Terminating   0          6m30s   10.244.1.2   node-1   <none>           <none>
web-655c7c665b-d45d6   1/1     Running       0          6m30s   10.244.2.2   node-2   <none>           <none>
web-655c7c665b-kk5kl   1/1     Running       0          0s      10.244.3.3   node-3   <none>           <none>
web-655c7c665b-vch9c   1/1     Running       0          6m30s   10.244.3.2   node-3   <none>           <none>
"
    );
    let d = run(&mut c, &format!("describe pod {lost}"));
    assert!(
        has_line(&d, "Status:                    Terminating (lasts 29s)"),
        "{d}"
    );
    assert!(has_line(&d, "  DisruptionTarget           True "), "{d}");
    assert!(
        has_event(
            &d,
            "Normal",
            "TaintManagerEviction",
            "taint-eviction-controller",
            &format!("Marking for deletion Pod default/{lost}")
        ),
        "{d}"
    );
    // It stays Terminating while the node is lost.
    c.advance(599_600);
    no_pod_is_unknown(&c);
    let pods = run(&mut c, "get pods");
    assert!(pods.contains(&format!("{lost}   1/1     Terminating   0          16m\n")));
    let d = run(&mut c, &format!("describe pod {lost}"));
    assert!(
        has_line(
            &d,
            "Status:                    Terminating (lasts <invalid>)"
        ),
        "{d}"
    );
    assert_eq!(c.store().pods().len(), 4, "replaced exactly once");
    // The node comes back: Ready at once, the pod stopped (nginx exits on
    // its SIGQUIT) and deleted, the taints removed on the next pass.
    run(&mut c, "fault node-up node-1");
    c.advance(100);
    assert!(run(&mut c, "get nodes").contains(&format!(
        "node-1          Ready    <none>          16m   {version}\n"
    )));
    c.advance(1_000);
    assert_eq!(
        run(&mut c, "get pods"),
        "NAME                   READY   STATUS    RESTARTS   AGE
web-655c7c665b-d45d6   1/1     Running   0          16m
web-655c7c665b-kk5kl   1/1     Running   0          10m
web-655c7c665b-vch9c   1/1     Running   0          16m
"
    );
    c.advance(4_000);
    assert_eq!(
        taints(&mut c),
        ["Taints:             <none>", "Unschedulable:      false"]
    );
}

#[test]
fn graceful_deletion_follows_the_image_stop_signal() {
    // The runtime sends the image's STOPSIGNAL (nginx: SIGQUIT), nginx exits
    // 0 at once and the pod is gone within 1-2 s; READY stays 1/1 while the
    // container runs. A PID 1 that ignores the signal (a shell loop, sleep)
    // is killed when terminationGracePeriodSeconds ends: exit code 137.
    // https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-termination
    // (kubectl describe: `Terminating (lasts <until deletionTimestamp>)`)
    let mut c = Cluster::new(1);
    run(&mut c, "run web --image=nginx:1.27");
    run(
        &mut c,
        "run loop --image=busybox:1.36 --command -- sh -c \"while true; do sleep 1; done\"",
    );
    c.advance(10_000);
    assert_eq!(
        run(&mut c, "delete pod web --wait=false"),
        "pod \"web\" deleted\n"
    );
    c.advance(200);
    assert_eq!(
        run(&mut c, "get pods"),
        "NAME   READY   STATUS        RESTARTS   AGE
loop   1/1     Running       0          10s
web    1/1     Terminating   0          10s
"
    );
    let d = run(&mut c, "describe pod web");
    assert_eq!(
        block(&d, "Status:", 2),
        [
            "Status:                    Terminating (lasts 29s)",
            "Termination Grace Period:  30s"
        ]
    );
    assert!(
        has_event(&d, "Normal", "Killing", "kubelet", "Stopping container web"),
        "{d}"
    );
    c.advance(300);
    let web = c.pod("default", "web").unwrap();
    match &web.status.container_statuses[0].state {
        ContainerState::Terminated(t) => {
            assert_eq!((t.exit_code, t.reason.as_str()), (0, "Completed"))
        }
        s => panic!("{s:?}"),
    }
    c.advance(600);
    assert!(c.pod("default", "web").is_none(), "gone 1.1 s after delete");

    // The shell loop ignores SIGTERM: killed after 30 s.
    let t0 = c.now();
    run(&mut c, "delete pod loop --wait=false");
    c.advance(30_000);
    assert_eq!(
        run(&mut c, "get pods"),
        "NAME   READY   STATUS        RESTARTS   AGE
loop   1/1     Terminating   0          41s
"
    );
    c.advance(100);
    let lp = c.pod("default", "loop").unwrap();
    match &lp.status.container_statuses[0].state {
        ContainerState::Terminated(t) => {
            assert_eq!((t.exit_code, t.reason.as_str()), (137, "Error"));
            assert_eq!(t.finished_ms - t0, 30_100);
        }
        s => panic!("{s:?}"),
    }
    c.advance(700);
    assert!(c.pod("default", "loop").is_none());

    // `sleep` as PID 1 ignores SIGTERM too; a waiting delete follows it.
    run(
        &mut c,
        "run nap --image=busybox:1.36 --command -- sleep 3600",
    );
    c.advance(5_000);
    let t0 = c.now();
    assert_eq!(run(&mut c, "delete pod nap"), "pod \"nap\" deleted\n");
    assert_eq!(c.now() - t0, 30_800, "the delete waited for the SIGKILL");
    assert!(c.pod("default", "nap").is_none());
}

#[test]
fn crash_loop_back_off_shows_the_container_that_just_exited_as_last_state() {
    // When the back-off starts the kubelet moves the container that just
    // exited into lastState (pkg/kubelet/kubelet_pods.go
    // `convertToAPIContainerStatuses`); kubectl's RESTARTS column counts
    // from its finishedAt. The first restart is immediate, then 10 s, 20 s,
    // 40 s, 80 s, 160 s, 300 s.
    // https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#container-restarts
    let mut c = scenario("crashloop");
    c.advance(12_000);
    assert_eq!(
        run(&mut c, "get pods"),
        "NAME         READY   STATUS             RESTARTS     AGE
crash-demo   0/1     CrashLoopBackOff   1 (3s ago)   12s
"
    );
    let uid = c.pod("default", "crash-demo").unwrap().meta.uid.clone();
    // describe prints a waiting state's reason only (kubectl's
    // describeStatus); the back-off is in the state's message (-o yaml).
    let d = run(&mut c, "describe pod crash-demo");
    let y = run(&mut c, "get pod crash-demo -o yaml");
    assert!(
        y.contains(&format!(
            "message: back-off 10s restarting failed container=crash-demo pod=crash-demo_default({uid})"
        )),
        "{y}"
    );
    assert_eq!(
        block(&d, "    State:", 9),
        [
            "    State:          Waiting".to_string(),
            "      Reason:       CrashLoopBackOff".to_string(),
            "    Last State:     Terminated".to_string(),
            "      Reason:       Error".to_string(),
            "      Exit Code:    1".to_string(),
            "      Started:      Wed, 01 Jan 2025 00:00:05 +0000".to_string(),
            "      Finished:     Wed, 01 Jan 2025 00:00:08 +0000".to_string(),
            "    Ready:          False".to_string(),
            "    Restart Count:  1".to_string(),
        ]
    );
    c.advance(588_000);
    assert_eq!(
        run(&mut c, "get pods"),
        "NAME         READY   STATUS             RESTARTS        AGE
crash-demo   0/1     CrashLoopBackOff   6 (4m26s ago)   10m
"
    );
    let y = run(&mut c, "get pod crash-demo -o yaml");
    assert!(
        y.contains(&format!(
            "message: back-off 5m0s restarting failed container=crash-demo pod=crash-demo_default({uid})"
        )),
        "{y}"
    );
}

#[test]
fn image_pull_policy_always_pulls_on_every_start_restarts_included() {
    // `Always` (the default for `:latest` or no tag) pulls at every
    // container start; `IfNotPresent` uses the image on the node.
    // https://kubernetes.io/docs/concepts/containers/images/#image-pull-policy
    // (pkg/kubelet/images/image_manager.go `EnsureImageExists`)
    let mut c = Cluster::new(1);
    c.apply(pod(
        "latest",
        "busybox",
        Some("sleep 3; exit 1"),
        kubetutor::sim::objects::RestartPolicy::Always,
    ))
    .unwrap();
    c.apply(pod(
        "pinned",
        "busybox:1.36",
        Some("sleep 3; exit 1"),
        kubetutor::sim::objects::RestartPolicy::Always,
    ))
    .unwrap();
    c.advance(60_000);
    let reasons = |c: &Cluster, pod: &str| -> Vec<(String, u32)> {
        c.events()
            .filter(|e| e.involved.name == pod && e.reason.starts_with("Pull"))
            .map(|e| (e.message.clone(), e.count))
            .collect()
    };
    let latest = reasons(&c, "latest");
    assert_eq!(c.pod("default", "latest").unwrap().restarts(), 3);
    assert!(
        latest.iter().all(|(m, _)| !m.contains("already present")),
        "{latest:?}"
    );
    assert_eq!(
        latest
            .iter()
            .filter(|(m, _)| m == "Pulling image \"busybox\"")
            .map(|(_, n)| n)
            .sum::<u32>(),
        4,
        "one pull per start"
    );
    let pinned = reasons(&c, "pinned");
    assert_eq!(c.pod("default", "pinned").unwrap().restarts(), 3);
    assert!(pinned.contains(&(
        "Container image \"busybox:1.36\" already present on machine".to_string(),
        3
    )));
    assert_eq!(
        run(&mut c, "get pod latest -o yaml")
            .lines()
            .find(|l| l.contains("imagePullPolicy")),
        Some("    imagePullPolicy: Always")
    );
}

#[test]
fn back_off_resets_only_after_ten_minutes_of_running_since_the_last_restart() {
    // client-go flowcontrol.Backoff: `Next` records the restart time
    // (lastUpdate) and the entry expires when the failure is more than
    // 2 × 300 s after it. A container that runs 400 s keeps the 300 s cap.
    let mut c = Cluster::new(1);
    c.apply(pod(
        "slow",
        "busybox:1.36",
        Some("sleep 400; exit 1"),
        kubetutor::sim::objects::RestartPolicy::Always,
    ))
    .unwrap();
    let tl = timeline(&mut c, "slow", 6_000_000);
    let runs: Vec<u64> = tl
        .iter()
        .filter(|r| r.1 == "Running")
        .map(|r| r.0)
        .collect();
    let exits: Vec<u64> = tl.iter().filter(|r| r.1 == "Error").map(|r| r.0).collect();
    let waits: Vec<u64> = runs[1..]
        .iter()
        .zip(&exits)
        .map(|(start, exit)| (start - exit) / 1000)
        .collect();
    // The first restart comes at the next sync (1 s), then the back-off.
    assert_eq!(waits, [1, 10, 20, 40, 80, 160, 300, 300, 300, 300]);
    // Running 11 minutes each time: the back-off is forgotten every time.
    let mut c = Cluster::new(1);
    c.apply(pod(
        "long",
        "busybox:1.36",
        Some("sleep 660; exit 1"),
        kubetutor::sim::objects::RestartPolicy::Always,
    ))
    .unwrap();
    let tl = timeline(&mut c, "long", 3_000_000);
    assert!(tl.iter().all(|r| r.1 != "CrashLoopBackOff"), "{tl:?}");
    assert_eq!(tl.last().unwrap().3, 4);
}

#[test]
fn image_pull_retries_alternate_err_image_pull_and_image_pull_back_off() {
    // No ContainerCreating between retries: the kubelet reports the reason
    // of the last sync while it pulls again. containerd words a missing
    // Docker Hub repository `pull access denied ... insufficient_scope`, a
    // missing tag `... not found`; since v1.32 the ImagePullBackOff message
    // carries the last pull error (kubernetes PR 127918).
    // https://kubernetes.io/docs/concepts/containers/images/#imagepullbackoff
    let mut c = Cluster::new(1);
    c.apply(pod(
        "typo",
        "ngnix:1.27",
        None,
        kubetutor::sim::objects::RestartPolicy::Always,
    ))
    .unwrap();
    c.apply(pod(
        "tag",
        "nginx:1.99",
        None,
        kubetutor::sim::objects::RestartPolicy::Always,
    ))
    .unwrap();
    let statuses: Vec<String> = timeline(&mut c, "typo", 80_000)
        .into_iter()
        .map(|r| format!("{} {}", r.0, r.1))
        .collect();
    assert_eq!(
        statuses,
        [
            "100 Pending",
            "200 ContainerCreating",
            "1000 ErrImagePull",
            "2000 ImagePullBackOff",
            "12200 ErrImagePull",
            "13200 ImagePullBackOff",
            "33500 ErrImagePull",
            "34500 ImagePullBackOff",
            "74000 ErrImagePull",
            "75000 ImagePullBackOff",
        ]
    );
    let missing_repo = "failed to pull and unpack image \"docker.io/library/ngnix:1.27\": failed to resolve reference \"docker.io/library/ngnix:1.27\": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed";
    let missing_tag = "rpc error: code = NotFound desc = failed to pull and unpack image \"docker.io/library/nginx:1.99\": failed to resolve reference \"docker.io/library/nginx:1.99\": docker.io/library/nginx:1.99: not found";
    let waiting =
        |c: &Cluster, name: &str| match &c.pod("default", name).unwrap().status.container_statuses
            [0]
        .state
        {
            ContainerState::Waiting { reason, message } => {
                (reason.clone(), message.clone().unwrap_or_default())
            }
            s => panic!("{s:?}"),
        };
    assert_eq!(
        waiting(&c, "typo"),
        (
            "ImagePullBackOff".to_string(),
            format!("Back-off pulling image \"ngnix:1.27\": ErrImagePull: {missing_repo}")
        )
    );
    assert!(c.events().any(|e| e.involved.name == "typo"
        && e.message == format!("Failed to pull image \"ngnix:1.27\": {missing_repo}")));
    assert!(c.events().any(|e| e.involved.name == "tag"
        && e.message == format!("Failed to pull image \"nginx:1.99\": {missing_tag}")));
    assert_eq!(
        run(&mut c, "get pods"),
        "NAME   READY   STATUS             RESTARTS   AGE
tag    0/1     ImagePullBackOff   0          80s
typo   0/1     ImagePullBackOff   0          80s
"
    );
    // Four pulls in 80 s, each announced.
    assert_eq!(
        c.events()
            .filter(|e| e.involved.name == "typo" && e.reason == "Pulling")
            .map(|e| e.count)
            .sum::<u32>(),
        4
    );
}

#[test]
fn rollout_status_delete_and_drain_wait_like_kubectl() {
    // kubectl rollout status follows the Deployment until it is done
    // (printing its status on each change); delete waits until the object
    // is gone unless --wait=false; drain waits for every evicted pod.
    // (kubectl pkg/cmd/rollout/rollout_status.go, pkg/cmd/delete,
    // pkg/drain/drain.go `waitForDelete`)
    let mut c = Cluster::new(1);
    run(
        &mut c,
        "create deployment web --image=nginx:1.27 --replicas=3",
    );
    assert_eq!(
        run(&mut c, "rollout status deployment/web"),
        "Waiting for deployment spec update to be observed...
Waiting for deployment \"web\" rollout to finish: 0 out of 3 new replicas have been updated...
Waiting for deployment \"web\" rollout to finish: 0 of 3 updated replicas are available...
Waiting for deployment \"web\" rollout to finish: 1 of 3 updated replicas are available...
Waiting for deployment \"web\" rollout to finish: 2 of 3 updated replicas are available...
deployment \"web\" successfully rolled out
"
    );
    assert_eq!(c.now(), 4_400);
    // --watch=false: one look.
    run(&mut c, "set image deployment/web nginx=nginx:1.29");
    assert_eq!(
        run(&mut c, "rollout status deployment/web --watch=false"),
        "Waiting for deployment spec update to be observed...\n"
    );
    // A rollout that cannot finish, with a timeout.
    run(&mut c, "set image deployment/web nginx=nginx:1.99");
    let out = execute(&mut c, "rollout status deployment/web --timeout=20s");
    assert!(!out.ok);
    assert!(
        out.output
            .ends_with("error: timed out waiting for the condition\n"),
        "{}",
        out.output
    );
    run(&mut c, "set image deployment/web nginx=nginx:1.27");
    run(&mut c, "rollout status deployment web");

    // drain: cordon, evict, wait for each pod to go.
    let on1: Vec<String> = c
        .pods_on("node-1")
        .into_iter()
        .map(|p| p.meta.name.clone())
        .collect();
    assert_eq!(on1.len(), 1);
    let t0 = c.now();
    assert_eq!(
        run(&mut c, "drain node-1"),
        format!(
            "node/node-1 cordoned\nevicting pod default/{0}\npod/{0} evicted\nnode/node-1 drained\n",
            on1[0]
        )
    );
    assert_eq!(
        c.now() - t0,
        2_000,
        "polled every second until the pod was gone"
    );
    assert!(c.pods_on("node-1").is_empty());
    // A bare pod stops the drain unless --force.
    run(&mut c, "uncordon node-1");
    c.apply_manifest(
        DONE_POD
            .replace("restartPolicy: Never", "restartPolicy: Always")
            .replace("echo done", "sleep 3600")
            .as_str(),
    );
    c.advance(5_000);
    let out = execute(&mut c, "drain node-1");
    assert!(!out.ok);
    assert_eq!(
        out.output,
        "node/node-1 cordoned
There are pending nodes to be drained:
 node-1
error: cannot delete Pods that declare no controller (use --force to override): default/done
"
    );
    // --force with a timeout shorter than the pod's shutdown (sleep ignores SIGTERM).
    let out = execute(&mut c, "drain node-1 --force --timeout=5s");
    assert!(!out.ok);
    assert_eq!(
        out.output,
        "node/node-1 already cordoned
Warning: deleting Pods that declare no controller: default/done
evicting pod default/done
There are pending pods in node \"node-1\" when an error occurred: error when waiting for pod \"done\" in namespace \"default\" to terminate: global timeout reached: 5s
pod/done
There are pending nodes to be drained:
 node-1
error: error when waiting for pod \"done\" in namespace \"default\" to terminate: global timeout reached: 5s
"
    );
    // delete waits, --timeout bounds it.
    let out = execute(&mut c, "delete pod done --timeout=10s");
    assert!(!out.ok);
    assert_eq!(
        out.output,
        "pod \"done\" deleted\nerror: timed out waiting for the condition on pods/done\n"
    );
    let t0 = c.now();
    assert_eq!(run(&mut c, "delete pod done"), "pod \"done\" deleted\n");
    assert!(c.pod("default", "done").is_none());
    assert!(c.now() - t0 <= 16_000, "{}", c.now() - t0);
}

#[test]
fn kubelet_events_and_durations_read_like_v1_33() {
    // v1.33 kubelet: `Created container: NAME`
    // (pkg/kubelet/kuberuntime/kuberuntime_container.go `startContainer`);
    // Go's time.Duration in the back-off message (`5m0s`).
    let mut c = scenario("crashloop");
    c.advance(600_000);
    let created: Vec<&str> = c
        .events()
        .filter(|e| e.reason == "Created")
        .map(|e| e.message.as_str())
        .collect();
    assert_eq!(created, ["Created container: crash-demo"]);
    let p = c.pod("default", "crash-demo").unwrap();
    match &p.status.container_statuses[0].state {
        ContainerState::Waiting {
            message: Some(m), ..
        } => assert!(
            m.starts_with(
                "back-off 5m0s restarting failed container=crash-demo pod=crash-demo_default("
            ),
            "{m}"
        ),
        s => panic!("{s:?}"),
    }
    // The dockershim path is a v1.23 kubelet: no colon there.
    let mut c = scenario("dockershim");
    c.advance(30_000);
    assert!(c.events().any(|e| e.reason == "Created"
        && e.message.starts_with("Created container ")
        && !e.message.contains(':')));
}

#[test]
fn the_node_loss_texts_use_the_grace_period_the_controller_uses() {
    use kubetutor::sim::controllers::node_lifecycle::GRACE_PERIOD_MS;
    assert_eq!(
        GRACE_PERIOD_MS, 50_000,
        "v1.33 default (kubernetes PR 126287)"
    );
    let s = kubetutor::sim::scenarios::get("node-failure").unwrap();
    let secs = GRACE_PERIOD_MS / 1000;
    assert!(
        s.description.en.contains(&format!("{secs} s")),
        "{}",
        s.description.en
    );
    assert!(
        s.description.ko.contains(&format!("{secs}초")),
        "{}",
        s.description.ko
    );
    for text in [&s.description.en, &s.description.ko] {
        assert!(!text.contains("40"), "{text}");
    }
}

#[test]
fn a_wait_kubectl_would_never_end_stops_at_the_simulators_limit_and_says_so() {
    // An evicted pod on a lost node is never confirmed deleted: kubectl
    // delete (and drain) would wait on; the simulator follows 15 minutes of
    // cluster time, then stops and says how not to wait.
    let mut c = scenario("node-failure");
    run(&mut c, "fault node-down node-1");
    c.advance(8 * 60_000);
    let lost = "web-655c7c665b-9xgcc";
    let t0 = c.now();
    let out = execute(&mut c, &format!("delete pod {lost}"));
    assert!(!out.ok);
    assert_eq!(
        out.output,
        format!(
            "pod \"{lost}\" deleted\n(kubectl would still be waiting for pod {lost} to be deleted; the simulator stops following after 15m0s of cluster time: add --timeout, or --wait=false not to wait)\n"
        )
    );
    assert_eq!(c.now() - t0, 15 * 60_000);
    assert_eq!(
        run(&mut c, &format!("delete pod {lost} --wait=false")),
        format!("pod \"{lost}\" deleted\n")
    );
    assert_eq!(c.now() - t0, 15 * 60_000, "--wait=false does not wait");
}

#[test]
fn a_second_delete_with_a_shorter_grace_period_kills_sooner() {
    // The kubelet's grace period for a pod can only shrink
    // (pkg/kubelet/pod_workers.go `calculateEffectiveGracePeriod`).
    let mut c = Cluster::new(1);
    run(
        &mut c,
        "run nap --image=busybox:1.36 --command -- sleep 3600",
    );
    c.advance(5_000);
    run(&mut c, "delete pod nap --wait=false");
    c.advance(2_000);
    let t0 = c.now();
    assert_eq!(
        run(&mut c, "delete pod nap --grace-period=3"),
        "pod \"nap\" deleted\n"
    );
    // The kubelet sees the update one step later, sends SIGKILL 3 s after
    // that, and the pod goes once the sandbox is torn down.
    assert_eq!(c.now() - t0, 100 + 3_000 + 700);
}

#[test]
fn an_explicit_image_pull_policy_is_kept_and_the_default_reads_back_unchanged() {
    // https://kubernetes.io/docs/concepts/containers/images/#imagepullpolicy-defaulting
    let mut c = Cluster::new(1);
    let pinned_always = "apiVersion: v1
kind: Pod
metadata:
  name: fresh
spec:
  containers:
  - name: app
    image: busybox:1.36
    imagePullPolicy: Always
    command: [\"sh\", \"-c\", \"sleep 3; exit 1\"]
";
    assert_eq!(c.apply_manifest(pinned_always).lines, ["pod/fresh created"]);
    c.advance(30_000);
    let pulls: u32 = c
        .events()
        .filter(|e| e.involved.name == "fresh" && e.reason == "Pulling")
        .map(|e| e.count)
        .sum();
    assert_eq!(pulls, 1 + c.pod("default", "fresh").unwrap().restarts());
    // A Deployment read back with its defaulted policy and applied again is
    // unchanged: no new rollout.
    run(&mut c, "create deployment web --image=nginx:1.27");
    c.advance(5_000);
    let yaml = run(&mut c, "get deployment web -o yaml");
    assert!(yaml.contains("imagePullPolicy: IfNotPresent"), "{yaml}");
    let lines = c.apply_manifest(&yaml).lines;
    assert_eq!(
        lines.last().unwrap(),
        "deployment.apps/web unchanged",
        "{lines:?}"
    );
    assert_eq!(c.store().replicasets().iter().count(), 1);
}
