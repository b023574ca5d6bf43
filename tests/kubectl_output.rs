//! `-o yaml|json` as kubectl prints it: a listing is a `List` (even of one
//! item), an object asked for by name is printed bare; a pod template has
//! only the defaults of `SetDefaults_PodSpec`, while a Pod also carries what
//! `SetDefaults_Pod` and admission add.
//! <https://kubernetes.io/docs/reference/kubectl/#output-options>
//! kubernetes pkg/apis/core/v1/defaults.go (SetDefaults_PodSpec, SetDefaults_Pod)

use kubetutor::kubectl::execute;
use kubetutor::sim::Cluster;
use serde_json::Value;

fn run(c: &mut Cluster, line: &str) -> String {
    let out = execute(c, line);
    assert!(out.ok, "{line}: {}", out.output);
    out.output
}

#[test]
fn a_listing_is_a_list_even_of_one_item_and_a_named_object_is_bare() {
    let mut c = Cluster::new(2);
    run(&mut c, "run web --image=nginx:1.27");
    run(&mut c, "wait 5s");
    let list = run(&mut c, "get pods -o yaml");
    assert!(
        list.starts_with("apiVersion: v1\nitems:\n- apiVersion: v1\n  kind: Pod\n"),
        "{list}"
    );
    assert!(
        list.ends_with("kind: List\nmetadata:\n  resourceVersion: \"\"\n"),
        "{list}"
    );
    let json: Value = serde_json::from_str(&run(&mut c, "get pods -l run=web -o json")).unwrap();
    assert_eq!(json["kind"], "List");
    assert_eq!(json["items"].as_array().unwrap().len(), 1);
    let one = run(&mut c, "get pod web -o yaml");
    assert!(
        one.starts_with("apiVersion: v1\nkind: Pod\nmetadata:\n"),
        "{one}"
    );
    let one: Value = serde_json::from_str(&run(&mut c, "get pod/web -o json")).unwrap();
    assert_eq!(one["kind"], "Pod");
    run(&mut c, "run api --image=nginx:1.27");
    let two: Value = serde_json::from_str(&run(&mut c, "get pods web api -o json")).unwrap();
    assert_eq!(two["kind"], "List");
    assert_eq!(two["items"].as_array().unwrap().len(), 2);
    let nodes: Value = serde_json::from_str(&run(&mut c, "get nodes -o json")).unwrap();
    assert_eq!(nodes["kind"], "List");
}

#[test]
fn templates_get_only_the_pod_spec_defaults() {
    let mut c = Cluster::new(2);
    run(&mut c, "create deployment web --image=nginx:1.27");
    run(&mut c, "wait 5s");
    let d = run(&mut c, "get deploy web -o yaml");
    let template = &d[d.find("  template:").unwrap()..d.find("\nstatus:").unwrap()];
    assert_eq!(
        template,
        "  template:
    metadata:
      creationTimestamp: null
      labels:
        app: web
    spec:
      containers:
      - image: nginx:1.27
        imagePullPolicy: IfNotPresent
        name: nginx
        resources: {}
        terminationMessagePath: /dev/termination-log
        terminationMessagePolicy: File
      dnsPolicy: ClusterFirst
      restartPolicy: Always
      schedulerName: default-scheduler
      securityContext: {}
      terminationGracePeriodSeconds: 30"
    );
    // The same for a ReplicaSet's and a Job's template.
    let rs: Value = serde_json::from_str(&run(&mut c, "get rs -o json")).unwrap();
    let spec = &rs["items"][0]["spec"]["template"]["spec"];
    for absent in [
        "enableServiceLinks",
        "priority",
        "preemptionPolicy",
        "serviceAccount",
        "serviceAccountName",
        "volumes",
    ] {
        assert!(spec.get(absent).is_none(), "{absent} in a template");
    }
    // Its Pods have them (SetDefaults_Pod, Priority and ServiceAccount admission).
    let pods: Value = serde_json::from_str(&run(&mut c, "get pods -o json")).unwrap();
    let spec = &pods["items"][0]["spec"];
    assert_eq!(spec["enableServiceLinks"], true);
    assert_eq!(spec["priority"], 0);
    assert_eq!(spec["preemptionPolicy"], "PreemptLowerPriority");
    assert_eq!(spec["serviceAccountName"], "default");
    assert_eq!(spec["serviceAccount"], "default");
    let volume = spec["volumes"][0]["name"].as_str().unwrap();
    assert!(volume.starts_with("kube-api-access-"), "{volume}");
    assert_eq!(volume.len(), "kube-api-access-".len() + 5);
    assert_eq!(
        spec["containers"][0]["volumeMounts"][0],
        serde_json::json!({"mountPath": "/var/run/secrets/kubernetes.io/serviceaccount", "name": volume, "readOnly": true})
    );
    assert_eq!(
        spec["volumes"][0]["projected"]["sources"][0]["serviceAccountToken"]["expirationSeconds"],
        3607
    );
}
