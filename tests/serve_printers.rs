//! `kubectl get X` through `kubetutor serve` prints what the command bar's
//! `get X` prints, for every kind the API serves (server-side printing uses
//! the command bar's printers), with `-o wide` and across namespaces.

#[path = "support/inproc.rs"]
mod inproc;
#[path = "support/serve.rs"]
mod serve;

use kubetutor::kubectl::execute;
use kubetutor::sim::Cluster;

fn busy_cluster() -> Cluster {
    let mut c = Cluster::new(3);
    for line in [
        "create deployment web --image=nginx:1.27 --replicas=3",
        "run crash --image=busybox --command -- sh -c \"sleep 3; exit 1\"",
        "run missing --image=nginx:no-such-tag",
        "run big --image=nginx --restart=Never",
    ] {
        assert!(execute(&mut c, line).ok, "{line}");
    }
    let job = "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: once\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: c\n        image: busybox\n        command: [\"sh\", \"-c\", \"sleep 2; exit 0\"]\n";
    assert!(c.apply_manifest(job).ok);
    let svc = "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n  - port: 80\n";
    assert!(c.apply_manifest(svc).ok);
    c.advance(95_000);
    c
}

#[test]
fn kubectl_get_prints_what_the_command_bar_prints_for_every_kind() {
    let kubectl = serve::kubectl("1.33");
    let mut cluster = busy_cluster();
    let mut api = inproc::InProc::start(&mut cluster);
    let mut compared = 0;
    for kind in [
        "nodes",
        "pods",
        "deployments",
        "replicasets",
        "jobs",
        "services",
        "endpoints",
        "events",
    ] {
        for extra in [&[][..], &["-o", "wide"][..], &["-A"][..]] {
            let mut args = vec!["get", kind];
            args.extend_from_slice(extra);
            let bar = execute(&mut cluster, &args.join(" "));
            let (out, err, ok) = api.kubectl(&mut cluster, &kubectl, &args);
            assert!(ok, "kubectl {args:?}: {err}");
            assert_eq!(out, bar.output, "kubectl {}", args.join(" "));
            assert!(
                out.lines().count() > 1,
                "kubectl {args:?} printed no rows: {out}"
            );
            compared += 1;
        }
    }
    assert_eq!(compared, 24);
}
