//! ConfigMaps and Secrets reach containers as the kubelet gives them:
//! environment variables (`valueFrom`, `envFrom`), files in volumes, the
//! errors when one is missing, and which of them follow an update.
//! - <https://kubernetes.io/docs/concepts/configuration/configmap/>
//! - <https://kubernetes.io/docs/concepts/configuration/secret/>
//! - <https://kubernetes.io/docs/tasks/configure-pod-container/configure-pod-configmap/>

#[path = "support/kube.rs"]
mod kube;
use kube::*;

const CONFIG: &str = r#"
apiVersion: v1
kind: ConfigMap
metadata:
  name: game-config
data:
  player_initial_lives: "3"
  game.properties: |
    enemy.types=aliens,monsters
    player.maximum-lives=5
---
apiVersion: v1
kind: Secret
metadata:
  name: db
type: Opaque
data:
  password: czNjcmV0
"#;

const POD: &str = r#"
apiVersion: v1
kind: Pod
metadata:
  name: env-demo
spec:
  containers:
    - name: demo
      image: busybox:1.36
      command: ["sh", "-c", "echo lives=$PLAYER_INITIAL_LIVES pw=$DB_PASSWORD; sleep 3600"]
      env:
        - name: PLAYER_INITIAL_LIVES
          valueFrom:
            configMapKeyRef:
              name: game-config
              key: player_initial_lives
        - name: DB_PASSWORD
          valueFrom:
            secretKeyRef:
              name: db
              key: password
      envFrom:
        - configMapRef:
            name: game-config
          prefix: CFG_
      volumeMounts:
        - name: config
          mountPath: /config
        - name: secret
          mountPath: /etc/db
          readOnly: true
  volumes:
    - name: config
      configMap:
        name: game-config
    - name: secret
      secret:
        secretName: db
"#;

#[test]
fn env_from_config_maps_and_secrets_is_what_the_container_sees() {
    // https://kubernetes.io/docs/tasks/configure-pod-container/configure-pod-configmap/#define-container-environment-variables-using-configmap-data
    let mut c = cluster(CONFIG);
    apply(&mut c, POD);
    c.advance(10_000);
    assert_eq!(pod_row(&c, "env-demo").0, "Running");
    assert_eq!(run(&mut c, "logs env-demo"), "lives=3 pw=s3cret\n");
    assert_eq!(
        run(&mut c, "exec env-demo -- printenv CFG_player_initial_lives"),
        "3\n"
    );
    assert_eq!(
        run(
            &mut c,
            "exec env-demo -- env | grep -E '^(PLAYER|DB|CFG_p)'"
        ),
        "CFG_player_initial_lives=3\nDB_PASSWORD=s3cret\nPLAYER_INITIAL_LIVES=3\n"
    );
}

#[test]
fn a_volume_holds_one_file_per_key_and_secrets_are_decoded() {
    // https://kubernetes.io/docs/tasks/configure-pod-container/configure-pod-configmap/#populate-a-volume-with-data-stored-in-a-configmap
    // https://kubernetes.io/docs/concepts/configuration/secret/#using-secrets-as-files-from-a-pod
    let mut c = cluster(CONFIG);
    apply(&mut c, POD);
    c.advance(10_000);
    assert_eq!(
        run(&mut c, "exec env-demo -- ls /config"),
        "game.properties\nplayer_initial_lives\n"
    );
    assert_eq!(
        run(&mut c, "exec env-demo -- cat /config/game.properties"),
        "enemy.types=aliens,monsters\nplayer.maximum-lives=5\n"
    );
    assert_eq!(
        run(&mut c, "exec env-demo -- cat /etc/db/password"),
        "s3cret\n"
    );
    assert_eq!(
        fails(&mut c, "exec env-demo -- touch /config/new"),
        "touch: /config/new: Read-only file system\ncommand terminated with exit code 1\n"
    );
}

const NEEDS_CONFIG: &str = r#"
apiVersion: v1
kind: Pod
metadata:
  name: needs-config
spec:
  containers:
    - name: app
      image: busybox:1.36
      command: ["sh", "-c", "echo mode=$MODE; sleep 3600"]
      env:
        - name: MODE
          valueFrom:
            configMapKeyRef:
              name: app-config
              key: mode
"#;

#[test]
fn a_missing_config_map_is_create_container_config_error_until_it_exists() {
    // https://kubernetes.io/docs/tasks/configure-pod-container/configure-pod-configmap/#restrictions
    let mut c = cluster(NEEDS_CONFIG);
    c.advance(20_000);
    assert_eq!(
        pod_row(&c, "needs-config"),
        ("CreateContainerConfigError".into(), "0/1".into(), 0)
    );
    let describe = run(&mut c, "describe pod needs-config");
    assert!(describe.contains(
        // kubectl 1.33's describeStatus prints a waiting state's Reason
        // only (staging/src/k8s.io/kubectl/pkg/describe/describe.go); the
        // message reaches the events (`Error: configmap ... not found`).
        "    State:          Waiting\n      Reason:       CreateContainerConfigError\n    Ready:"
    ), "{describe}");
    assert!(describe.contains(
        "      MODE:  <set to the key 'mode' of config map 'app-config'>  Optional: false\n"
    ));
    assert!(events(&c, "needs-config").contains(&(
        "Failed".into(),
        "Error: configmap \"app-config\" not found".into()
    )));
    // The ConfigMap without the key: the kubelet now misses the key.
    run(
        &mut c,
        "create configmap app-config --from-literal=color=blue",
    );
    c.advance(15_000);
    assert!(events(&c, "needs-config").contains(&(
        "Failed".into(),
        "Error: couldn't find key mode in ConfigMap default/app-config".into()
    )));
    // With the key, the next retry (every 10 s) creates the container.
    run(&mut c, "delete configmap app-config");
    run(
        &mut c,
        "create configmap app-config --from-literal=mode=fast",
    );
    until(&mut c, 11_000, |c| {
        c.pod("default", "needs-config")
            .is_some_and(|p| kubetutor::sim::status::pod_status(p) == "Running")
    });
    assert_eq!(run(&mut c, "logs needs-config"), "mode=fast\n");
}

#[test]
fn an_optional_reference_to_a_missing_key_is_left_unset() {
    // https://kubernetes.io/docs/tasks/configure-pod-container/configure-pod-configmap/#optional-configmaps
    let mut c =
        cluster(&NEEDS_CONFIG.replace("key: mode", "key: mode\n              optional: true"));
    c.advance(10_000);
    assert_eq!(pod_row(&c, "needs-config").0, "Running");
    assert_eq!(run(&mut c, "logs needs-config"), "mode=\n");
}

#[test]
fn a_missing_config_map_volume_keeps_the_pod_container_creating() {
    // https://kubernetes.io/docs/concepts/storage/volumes/#configmap
    let pod = r#"
apiVersion: v1
kind: Pod
metadata:
  name: mounts-config
spec:
  containers:
    - name: app
      image: nginx:1.27
      volumeMounts:
        - name: config
          mountPath: /etc/app
  volumes:
    - name: config
      configMap:
        name: app-config
"#;
    let mut c = cluster(pod);
    c.advance(30_000);
    assert_eq!(
        pod_row(&c, "mounts-config"),
        ("ContainerCreating".into(), "0/1".into(), 0)
    );
    let failed: Vec<String> = events(&c, "mounts-config")
        .into_iter()
        .filter(|(r, _)| r == "FailedMount")
        .map(|(_, m)| m)
        .collect();
    assert!(!failed.is_empty());
    assert!(failed.iter().all(|m| m
        == "MountVolume.SetUp failed for volume \"config\" : configmap \"app-config\" not found"));
    run(
        &mut c,
        "create configmap app-config --from-literal=mode=fast",
    );
    // The mount is retried with a back-off doubling from 500 ms; after
    // 30 s of failures the next try comes within about 33 s.
    until(&mut c, 40_000, |c| {
        c.pod("default", "mounts-config")
            .is_some_and(|p| kubetutor::sim::status::pod_status(p) == "Running")
    });
    assert_eq!(
        run(&mut c, "exec mounts-config -- cat /etc/app/mode"),
        "fast\n"
    );
}

#[test]
fn mounted_files_follow_an_update_but_env_and_sub_path_do_not() {
    // https://kubernetes.io/docs/concepts/configuration/configmap/#mounted-configmaps-are-updated-automatically
    // https://kubernetes.io/docs/concepts/configuration/configmap/#configmaps-consumed-as-environment-variables-are-not-updated-automatically
    let cm = |mode: &str| {
        format!(
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app-config\ndata:\n  mode: {mode}\n"
        )
    };
    let pod = r#"
apiVersion: v1
kind: Pod
metadata:
  name: watcher
spec:
  containers:
    - name: app
      image: busybox:1.36
      command: ["sh", "-c", "sleep 3600"]
      env:
        - name: MODE
          valueFrom:
            configMapKeyRef:
              name: app-config
              key: mode
      volumeMounts:
        - name: config
          mountPath: /config
        - name: config
          mountPath: /etc/mode
          subPath: mode
  volumes:
    - name: config
      configMap:
        name: app-config
"#;
    let mut c = cluster(&cm("fast"));
    apply(&mut c, pod);
    c.advance(10_000);
    assert_eq!(run(&mut c, "exec watcher -- cat /config/mode"), "fast\n");
    apply(&mut c, &cm("slow"));
    c.advance(1_000);
    assert_eq!(
        run(&mut c, "exec watcher -- cat /config/mode"),
        "fast\n",
        "not at once: the kubelet syncs the volume periodically"
    );
    let at = until(&mut c, 70_000, |c| {
        let mut copy = c.clone();
        kubetutor::kubectl::execute(&mut copy, "exec watcher -- cat /config/mode").output
            == "slow\n"
    });
    assert!(at > 11_000, "{at}");
    assert_eq!(run(&mut c, "exec watcher -- printenv MODE"), "fast\n");
    assert_eq!(run(&mut c, "exec watcher -- cat /etc/mode"), "fast\n");
    // A restart reads the ConfigMap again: env and subPath then see it.
    run(&mut c, "delete pod watcher");
    until(&mut c, 60_000, |c| c.pod("default", "watcher").is_none());
    apply(&mut c, pod);
    c.advance(10_000);
    assert_eq!(run(&mut c, "exec watcher -- printenv MODE"), "slow\n");
    assert_eq!(run(&mut c, "exec watcher -- cat /etc/mode"), "slow\n");
}

#[test]
fn config_maps_and_secrets_print_as_kubectl_prints_them() {
    let mut c = cluster(CONFIG);
    c.advance(10_000);
    assert_eq!(
        run(&mut c, "get configmaps"),
        // kube-root-ca.crt: the API server's CA, which kube-controller-manager
        // publishes in every namespace.
        "NAME               DATA   AGE\ngame-config        2      10s\nkube-root-ca.crt   1      10s\n"
    );
    assert_eq!(
        run(&mut c, "get secrets"),
        "NAME   TYPE     DATA   AGE\ndb     Opaque   1      10s\n"
    );
    assert_eq!(
        run(&mut c, "describe secret db"),
        "Name:         db\nNamespace:    default\nLabels:       <none>\nAnnotations:  <none>\n\nType:  Opaque\n\nData\n====\npassword:  6 bytes\n"
    );
    assert!(run(&mut c, "get secret db -o yaml").contains("data:\n  password: czNjcmV0\n"));
}

#[test]
fn create_configmap_and_secret_dry_run_print_what_kubectl_prints() {
    // Recorded with kubectl 1.33 (`--dry-run=client -o yaml`).
    let mut c = kubetutor::sim::Cluster::new(1);
    assert_eq!(
        run(
            &mut c,
            "create configmap game --from-literal=lives=3 --from-literal=color=blue --dry-run=client -o yaml"
        ),
        "apiVersion: v1\ndata:\n  color: blue\n  lives: \"3\"\nkind: ConfigMap\nmetadata:\n  creationTimestamp: null\n  name: game\n"
    );
    assert_eq!(
        run(
            &mut c,
            "create secret generic db --from-literal=password=s3cret --dry-run=client -o yaml"
        ),
        "apiVersion: v1\ndata:\n  password: czNjcmV0\nkind: Secret\nmetadata:\n  creationTimestamp: null\n  name: db\n"
    );
    assert!(c.store().configmaps().find("default", "game").is_none());
    assert_eq!(
        run(&mut c, "create configmap game --from-literal=lives=3"),
        "configmap/game created\n"
    );
    assert_eq!(
        fails(&mut c, "create configmap game --from-literal=lives=4"),
        "error: failed to create configmap: configmaps \"game\" already exists\n"
    );
}

/// kube-controller-manager's root-ca-cert-publisher keeps `kube-root-ca.crt`
/// (key `ca.crt`, the API server's CA) in every Active namespace: in the
/// four kubeadm leaves (beside kubeadm's own `coredns` and `kube-proxy`), in a new one at once, back again when deleted, and
/// never in a namespace being deleted
/// (pkg/controller/certificates/rootcacertpublisher/publisher.go;
/// <https://kubernetes.io/docs/tasks/run-application/access-api-from-pod/>).
#[test]
fn every_active_namespace_holds_the_root_ca_configmap() {
    let mut c = kubetutor::sim::Cluster::new(1);
    assert_eq!(
        run(&mut c, "get configmaps -A"),
        "NAMESPACE         NAME               DATA   AGE\ndefault           kube-root-ca.crt   1      0s\nkube-node-lease   kube-root-ca.crt   1      0s\nkube-public       kube-root-ca.crt   1      0s\nkube-system       coredns            1      0s\nkube-system       kube-proxy         2      0s\nkube-system       kube-root-ca.crt   1      0s\n"
    );
    run(&mut c, "create namespace team");
    run(&mut c, "wait 5s");
    assert_eq!(
        run(&mut c, "get cm -n team"),
        "NAME               DATA   AGE\nkube-root-ca.crt   1      5s\n"
    );
    let yaml = run(&mut c, "get cm kube-root-ca.crt -n team -o yaml");
    assert!(
        yaml.contains("  ca.crt: |\n    -----BEGIN CERTIFICATE-----\n"),
        "{yaml}"
    );
    assert!(yaml.contains("    kubernetes.io/description: Contains a CA bundle that can be used to verify the kube-apiserver"), "{yaml}");
    run(&mut c, "delete configmap kube-root-ca.crt -n team");
    run(&mut c, "wait 2s");
    assert_eq!(
        run(&mut c, "get cm -n team"),
        "NAME               DATA   AGE\nkube-root-ca.crt   1      2s\n"
    );
    // An edit is put back.
    apply(
        &mut c,
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: kube-root-ca.crt\n  namespace: team\ndata:\n  ca.crt: x\n",
    );
    assert!(run(&mut c, "get cm kube-root-ca.crt -n team -o yaml").contains("  ca.crt: x\n"));
    run(&mut c, "wait 1s");
    let yaml = run(&mut c, "get cm kube-root-ca.crt -n team -o yaml");
    assert!(yaml.contains("-----BEGIN CERTIFICATE-----"), "{yaml}");
    // Deleting the namespace takes the ConfigMap with it for good.
    run(&mut c, "delete namespace team");
    run(&mut c, "wait 30s");
    assert_eq!(
        fails(&mut c, "get namespace team"),
        "Error from server (NotFound): namespaces \"team\" not found\n"
    );
    assert_eq!(
        run(&mut c, "get cm -A").lines().count(),
        7,
        "only kubeadm's four namespaces remain"
    );
}
