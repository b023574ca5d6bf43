//! The command-bar verbs of part two, printed as kubectl 1.33 prints them:
//! rollout history/undo/pause/resume/restart, a progress deadline,
//! label/annotate, -o jsonpath, expose, and requests from inside a Pod
//! through cluster DNS.
//! - <https://kubernetes.io/docs/concepts/workloads/controllers/deployment/>
//! - <https://kubernetes.io/docs/reference/kubectl/jsonpath/>
//! - <https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/>
//! - <https://kubernetes.io/docs/concepts/services-networking/service/>

#[path = "support/kube.rs"]
mod kube;
use kube::*;
use kubetutor::sim::Cluster;

fn rs_names(c: &Cluster) -> Vec<String> {
    let mut n: Vec<String> = c
        .store()
        .replicasets()
        .iter()
        .map(|r| r.meta.name.clone())
        .collect();
    n.sort();
    n
}

fn image(c: &mut Cluster) -> String {
    run(
        c,
        "get deploy web -o jsonpath={.spec.template.spec.containers[0].image}",
    )
}

#[test]
fn rollout_history_lists_revisions_with_their_change_cause() {
    // deployment#checking-rollout-history-of-a-deployment
    let mut c = Cluster::new(1);
    run(
        &mut c,
        "create deployment web --image=nginx:1.27 --replicas=2",
    );
    c.advance(10_000);
    run(&mut c, "set image deployment/web nginx=nginx:1.28");
    run(
        &mut c,
        "annotate deployment web kubernetes.io/change-cause=\"image updated to 1.28\"",
    );
    c.advance(40_000);
    assert_eq!(
        run(&mut c, "rollout history deployment/web"),
        "deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         image updated to 1.28\n\n"
    );
    let two = run(&mut c, "rollout history deployment/web --revision=2");
    assert!(
        two.starts_with("deployment.apps/web with revision #2\nPod Template:\n"),
        "{two}"
    );
    assert!(two.contains("  Annotations:  kubernetes.io/change-cause: image updated to 1.28\n"));
    assert!(two.contains("    Image:         nginx:1.28\n"));
    assert!(two.ends_with("\n\n"));
    assert_eq!(
        fails(&mut c, "rollout undo deployment/web --to-revision=9"),
        "error: unable to find specified revision 9 in history\n"
    );
    // Undo: the revision it returns to becomes the newest.
    assert_eq!(
        run(&mut c, "rollout undo deployment/web"),
        "deployment.apps/web rolled back\n"
    );
    c.advance(40_000);
    assert_eq!(image(&mut c), "nginx:1.27");
    assert_eq!(
        run(&mut c, "rollout history deployment web"),
        "deployment.apps/web \nREVISION  CHANGE-CAUSE\n2         image updated to 1.28\n3         <none>\n\n"
    );
    run(&mut c, "rollout undo deployment/web --to-revision=2");
    c.advance(40_000);
    assert_eq!(image(&mut c), "nginx:1.28");
}

#[test]
fn a_paused_deployment_waits_for_resume_and_restart_makes_a_new_revision() {
    // deployment#pausing-and-resuming-a-deployment
    let mut c = Cluster::new(1);
    run(
        &mut c,
        "create deployment web --image=nginx:1.27 --replicas=2",
    );
    c.advance(10_000);
    assert_eq!(
        run(&mut c, "rollout pause deployment/web"),
        "deployment.apps/web paused\n"
    );
    run(&mut c, "set image deployment/web nginx=nginx:1.28");
    c.advance(20_000);
    assert_eq!(rs_names(&c).len(), 1, "no rollout while paused");
    // Paused, the rollout never finishes: `--watch=false` reads the status
    // once (kubectl's RolloutStatusOptions.Run prints it and returns).
    assert_eq!(
        run(&mut c, "rollout status deployment/web --watch=false"),
        "Waiting for deployment \"web\" rollout to finish: 0 out of 2 new replicas have been updated...\n"
    );
    // Watching, it prints the status once and waits: nothing rewrites a
    // paused Deployment (its Progressing condition stays DeploymentPaused).
    let rv = run(
        &mut c,
        "get deploy web -o jsonpath='{.metadata.resourceVersion}'",
    );
    c.advance(30_000);
    assert_eq!(
        run(
            &mut c,
            "get deploy web -o jsonpath='{.metadata.resourceVersion}'"
        ),
        rv
    );
    assert_eq!(
        fails(&mut c, "rollout status deployment/web --timeout=10s"),
        "Waiting for deployment \"web\" rollout to finish: 0 out of 2 new replicas have been updated...\nerror: timed out waiting for the condition\n"
    );
    assert_eq!(
        fails(&mut c, "rollout undo deployment/web"),
        "error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume deployment/web' and try again\n"
    );
    assert_eq!(
        run(&mut c, "rollout resume deployment/web"),
        "deployment.apps/web resumed\n"
    );
    c.advance(40_000);
    assert_eq!(rs_names(&c).len(), 2);
    assert_eq!(
        run(&mut c, "rollout status deployment/web"),
        "deployment \"web\" successfully rolled out\n"
    );
    assert_eq!(
        run(&mut c, "rollout restart deployment/web"),
        "deployment.apps/web restarted\n"
    );
    c.advance(40_000);
    assert_eq!(rs_names(&c).len(), 3, "a restart is a new template");
    assert!(
        run(
            &mut c,
            "get deploy web -o jsonpath='{.spec.template.metadata.annotations}'"
        )
        .contains("kubectl.kubernetes.io/restartedAt")
    );
}

#[test]
fn a_rollout_that_cannot_progress_exceeds_its_deadline() {
    // deployment#failed-deployment
    let mut c = cluster(
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n  progressDeadlineSeconds: 30\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n      - name: web\n        image: nginx:1.27\n",
    );
    c.advance(20_000);
    run(&mut c, "set image deployment/web web=ngnix:1.27");
    c.advance(25_000);
    assert_eq!(
        run(
            &mut c,
            "get deploy web -o jsonpath={.status.conditions[?(@.type==\"Progressing\")].reason}"
        ),
        "ReplicaSetUpdated"
    );
    c.advance(20_000);
    assert_eq!(
        fails(&mut c, "rollout status deployment/web"),
        "error: deployment \"web\" exceeded its progress deadline\n"
    );
    let d = run(&mut c, "describe deployment web");
    assert!(d.contains("  Available      True    MinimumReplicasAvailable\n  Progressing    False   ProgressDeadlineExceeded\n"), "{d}");
}

#[test]
fn label_and_annotate_add_overwrite_and_remove() {
    let mut c = Cluster::new(1);
    run(&mut c, "create deployment web --image=nginx:1.27");
    assert_eq!(
        run(&mut c, "label deployment web tier=front"),
        "deployment.apps/web labeled\n"
    );
    assert_eq!(
        fails(&mut c, "label deployment web tier=back"),
        "error: 'tier' already has a value (front), and --overwrite is false\n"
    );
    run(&mut c, "label deployment web tier=back --overwrite");
    assert_eq!(
        run(&mut c, "get deploy web -o jsonpath={.metadata.labels.tier}"),
        "back"
    );
    assert_eq!(
        run(&mut c, "label deployment web tier-"),
        "deployment.apps/web unlabeled\n"
    );
    assert_eq!(
        run(&mut c, "get deploy web -o jsonpath={.metadata.labels}"),
        "{\"app\":\"web\"}"
    );
    assert_eq!(
        run(&mut c, "annotate deployment web note=hi"),
        "deployment.apps/web annotated\n"
    );
    assert_eq!(
        fails(&mut c, "annotate deployment web note=bye"),
        "error: --overwrite is false but found the following declared annotation(s): 'note' already has a value (hi)\n"
    );
    run(&mut c, "annotate deployment web note-");
    assert_eq!(
        run(
            &mut c,
            "get deploy web -o jsonpath={.metadata.annotations.note}"
        ),
        ""
    );
    // A label moves a Pod out of its ReplicaSet's selector: it is
    // released and replaced.
    run(&mut c, "scale deployment web --replicas=1");
    c.advance(10_000);
    let pod = pod_names(&c)[0].clone();
    run(&mut c, &format!("label pod {pod} app=debug --overwrite"));
    c.advance(5_000);
    assert_eq!(pod_names(&c).len(), 2);
    assert!(c.pod("default", &pod).unwrap().meta.owner.is_none());
}

#[test]
fn jsonpath_follows_the_kubectl_reference() {
    let mut c = Cluster::new(1);
    run(
        &mut c,
        "create deployment web --image=nginx:1.27 --replicas=2",
    );
    c.advance(10_000);
    assert_eq!(
        run(&mut c, "get nodes -o jsonpath={.items[*].metadata.name}"),
        "control-plane node-1 node-2 node-3"
    );
    assert_eq!(
        run(
            &mut c,
            "get pods -o jsonpath='{range .items[*]}{.metadata.name}{\"\\t\"}{.status.phase}{\"\\n\"}{end}'"
        )
        .lines()
        .map(|l| l.split('\t').nth(1).unwrap().to_string())
        .collect::<Vec<_>>(),
        ["Running", "Running"]
    );
    assert_eq!(
        run(&mut c, "get deploy web -o jsonpath={.spec.replicas}"),
        "2"
    );
    // --allow-missing-template-keys is true by default: a missing field
    // prints nothing.
    assert_eq!(
        run(&mut c, "get deploy web -o jsonpath={.spec.nothing}"),
        ""
    );
}

#[test]
fn requests_from_inside_a_pod_resolve_service_names() {
    // dns-pod-service#namespaces-of-services: `web`, `web.default` and the
    // full name all reach the Service; the command bar notes which Pod
    // answered.
    let mut c = Cluster::new(1);
    run(
        &mut c,
        "create deployment web --image=nginx:1.27 --replicas=2",
    );
    assert_eq!(
        run(&mut c, "expose deployment web --port=80"),
        "service/web exposed\n"
    );
    run(&mut c, "run client --image=busybox:1.36 -- sleep 3600");
    c.advance(15_000);
    let ip = c
        .store()
        .services()
        .find("default", "web")
        .unwrap()
        .cluster_ip()
        .to_string();
    for name in ["web", "web.default", "web.default.svc.cluster.local"] {
        let out = run(&mut c, &format!("exec client -- wget -qO- {name}"));
        assert!(out.contains("<h1>Welcome to nginx!</h1>"), "{out}");
        let note = out.lines().last().unwrap();
        assert!(
            note.starts_with(&format!("# {name} answered by web-"))
                && note.ends_with(&format!(":80) through service web ({ip}:80)")),
            "{note}"
        );
    }
    assert_eq!(
        run(&mut c, "exec client -- nslookup web"),
        format!(
            "Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\nName:\tweb.default.svc.cluster.local\nAddress: {ip}\n"
        )
    );
    assert_eq!(
        fails(&mut c, "exec client -- wget -qO- nothing"),
        "wget: bad address 'nothing'\ncommand terminated with exit code 1\n"
    );
}

#[test]
fn expose_makes_node_port_and_load_balancer_services() {
    // service#type-nodeport, #loadbalancer: without a cloud provider the
    // external IP stays <pending>.
    let mut c = Cluster::new(1);
    run(&mut c, "create deployment web --image=nginx:1.27");
    run(
        &mut c,
        "expose deployment web --name=web-np --type=NodePort --port=80",
    );
    run(
        &mut c,
        "expose deployment web --name=web-lb --type=LoadBalancer --port=80",
    );
    let svc = run(&mut c, "get svc web-np web-lb");
    let rows: Vec<Vec<&str>> = svc
        .lines()
        .skip(1)
        .map(|l| l.split_whitespace().collect())
        .collect();
    assert_eq!((rows[0][1], rows[0][3]), ("NodePort", "<none>"));
    assert_eq!((rows[1][1], rows[1][3]), ("LoadBalancer", "<pending>"));
    for r in &rows {
        let (port, node_port) = r[4].trim_end_matches("/TCP").split_once(':').unwrap();
        assert_eq!(port, "80");
        let n: u16 = node_port.parse().unwrap();
        assert!((30000..=32767).contains(&n), "{n}");
    }
}
