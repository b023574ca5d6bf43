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
    // The kinds whose objects are all system objects are listed in their
    // own namespace (the default one prints kubectl's "No resources found").
    for (kind, ns) in [
        ("nodes", None),
        ("pods", None),
        ("deployments", None),
        ("replicasets", None),
        ("jobs", None),
        ("services", None),
        ("endpoints", None),
        ("events", None),
        ("namespaces", None),
        ("daemonsets", Some("kube-system")),
        ("endpointslices", None),
        ("leases", Some("kube-node-lease")),
        ("configmaps", None),
    ] {
        let variants = [
            &[][..],
            &["-o", "wide"][..],
            &["-A"][..],
            // Without the header the columns are only as wide as the rows.
            &["-A", "--no-headers"][..],
        ];
        for extra in variants {
            let mut args = vec!["get", kind];
            if let Some(ns) = ns.filter(|_| extra.first() != Some(&"-A")) {
                args.extend(["-n", ns]);
            }
            args.extend_from_slice(extra);
            let bar = execute(&mut cluster, &args.join(" "));
            let (out, err, ok) = api.kubectl(&mut cluster, &kubectl, &args);
            assert!(ok, "kubectl {args:?}: {err}");
            // kubectl prints the API server's warnings (v1 Endpoints is
            // deprecated) on stderr; the command bar prints them first.
            let warned: String = err
                .lines()
                .filter(|l| l.starts_with("Warning: "))
                .map(|l| format!("{l}\n"))
                .collect();
            assert_eq!(warned + &out, bar.output, "kubectl {}", args.join(" "));
            let header = usize::from(!extra.contains(&"--no-headers"));
            assert!(
                out.lines().count() > header,
                "kubectl {args:?} printed no rows: {out}"
            );
            compared += 1;
        }
    }
    assert_eq!(compared, 52);
}

#[test]
fn an_empty_namespace_prints_what_kubectl_prints() {
    let kubectl = serve::kubectl("1.33");
    let mut cluster = busy_cluster();
    let mut api = inproc::InProc::start(&mut cluster);
    for kind in ["daemonsets", "leases"] {
        let bar = execute(&mut cluster, &format!("get {kind}"));
        let (out, err, ok) = api.kubectl(&mut cluster, &kubectl, &["get", kind]);
        assert!(ok, "kubectl get {kind}: {err}");
        assert_eq!((out.as_str(), err.as_str()), ("", bar.output.as_str()));
        assert_eq!(bar.output, "No resources found in default namespace.\n");
    }
}
