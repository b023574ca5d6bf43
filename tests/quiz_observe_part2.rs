//! `predict` questions can observe the part-two objects and fields: a
//! StatefulSet's ready Pods, a CronJob's Jobs, a claim's phase, a quota's
//! usage, a Pod's QoS class, last state, environment and files, a
//! Deployment's revision and progress, a Service's type and not-ready
//! endpoints, a node's memory pressure. Each is played on the simulator
//! (`predict::play`), as a lesson's question is.

use kubetutor::quiz::predict;
use kubetutor::quiz::spec::Observe;
use kubetutor::sim::setup::Setup;

fn setup(yaml: &str) -> Setup {
    Setup {
        apply: Some(yaml.to_string()),
        ..Setup::default()
    }
}

fn observe(yaml: &str, after_ms: u64, o: Observe) -> String {
    let run = predict::play(&setup(yaml), after_ms, &o, 1).unwrap();
    run.value.unwrap_or_else(|e| panic!("{e}"))
}

fn field(f: &str) -> Observe {
    Observe {
        field: f.to_string(),
        ..Observe::default()
    }
}

const STS: &str = r#"
apiVersion: v1
kind: Service
metadata: {name: nginx}
spec:
  clusterIP: None
  selector: {app: nginx}
  ports: [{port: 80}]
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: web}
spec:
  serviceName: nginx
  replicas: 3
  selector:
    matchLabels: {app: nginx}
  template:
    metadata:
      labels: {app: nginx}
    spec:
      containers:
      - {name: nginx, image: "nginx:1.27"}
  volumeClaimTemplates:
  - metadata: {name: www}
    spec:
      accessModes: [ReadWriteOnce]
      resources: {requests: {storage: 1Gi}}
"#;

#[test]
fn statefulset_and_pvc_fields() {
    let sts = |f: &str| Observe {
        statefulset: Some("web".into()),
        ..field(f)
    };
    assert_eq!(observe(STS, 60_000, sts("ready")), "3");
    assert_eq!(observe(STS, 60_000, sts("replicas")), "3");
    assert_eq!(observe(STS, 60_000, sts("pods")), "web-0,web-1,web-2");
    assert_eq!(observe(STS, 6_000, sts("pods")), "web-0,web-1");
    let pvc = |f: &str| Observe {
        pvc: Some("www-web-0".into()),
        ..field(f)
    };
    assert_eq!(observe(STS, 10_000, pvc("status")), "Bound");
    assert_eq!(observe(STS, 10_000, pvc("capacity")), "1Gi");
    assert_eq!(observe(STS, 10_000, pvc("storageclass")), "standard");
}

#[test]
fn cronjob_fields() {
    let cj = r#"
apiVersion: batch/v1
kind: CronJob
metadata: {name: hello}
spec:
  schedule: "* * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: Never
          containers:
          - {name: hello, image: "busybox:1.36", command: [sh, -c, "sleep 90"]}
"#;
    let o = |f: &str| Observe {
        cronjob: Some("hello".into()),
        ..field(f)
    };
    assert_eq!(observe(cj, 125_000, o("active")), "2");
    assert_eq!(observe(cj, 125_000, o("jobs")), "2");
    assert_eq!(observe(cj, 4 * 60_000 + 5_000, o("succeeded")), "2");
    assert_eq!(observe(cj, 4 * 60_000 + 5_000, o("failed")), "0");
}

#[test]
fn quota_fields() {
    let q = r#"
apiVersion: v1
kind: ResourceQuota
metadata: {name: compute}
spec:
  hard: {pods: "3", requests.cpu: "1"}
---
apiVersion: v1
kind: Pod
metadata: {name: a}
spec:
  containers:
  - name: app
    image: nginx:1.27
    resources: {requests: {cpu: 300m}}
"#;
    let o = |f: &str| Observe {
        quota: Some("compute".into()),
        ..field(f)
    };
    assert_eq!(observe(q, 1_000, o("used:pods")), "1");
    assert_eq!(observe(q, 1_000, o("used:requests.cpu")), "300m");
    assert_eq!(observe(q, 1_000, o("hard:requests.cpu")), "1");
}

#[test]
fn pod_fields_for_resources_config_and_probes() {
    let pod = r#"
apiVersion: v1
kind: ConfigMap
metadata: {name: cfg}
data: {mode: fast}
---
apiVersion: v1
kind: Pod
metadata: {name: hog}
spec:
  containers:
  - name: hog
    image: polinux/stress
    command: [stress, --vm, "1", --vm-bytes, 250M, --vm-hang, "1"]
    resources:
      requests: {memory: 50Mi}
      limits: {memory: 100Mi}
---
apiVersion: v1
kind: Pod
metadata: {name: app}
spec:
  containers:
  - name: app
    image: nginx:1.27
    env:
    - name: MODE
      valueFrom: {configMapKeyRef: {name: cfg, key: mode}}
    volumeMounts: [{name: cfg, mountPath: /etc/cfg}]
    startupProbe:
      httpGet: {path: /, port: 80}
  volumes:
  - {name: cfg, configMap: {name: cfg}}
"#;
    let p = |name: &str, f: &str| Observe {
        pod: Some(name.into()),
        ..field(f)
    };
    assert_eq!(observe(pod, 30_000, p("hog", "last-state")), "OOMKilled");
    assert_eq!(observe(pod, 30_000, p("hog", "exit-code")), "137");
    assert_eq!(observe(pod, 30_000, p("hog", "qos")), "Burstable");
    assert_eq!(observe(pod, 30_000, p("app", "qos")), "BestEffort");
    assert_eq!(observe(pod, 30_000, p("app", "env:MODE")), "fast");
    assert_eq!(observe(pod, 30_000, p("app", "file:/etc/cfg/mode")), "fast");
    assert_eq!(observe(pod, 30_000, p("app", "started")), "true");
    assert_eq!(observe(pod, 30_000, p("app", "ready")), "1/1");
}

#[test]
fn deployment_service_and_node_fields() {
    let app = r#"
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 2
  progressDeadlineSeconds: 20
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: web
        image: nginx:1.27
        readinessProbe:
          httpGet: {path: /, port: 8080}
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  type: NodePort
  selector: {app: web}
  ports: [{port: 80}]
"#;
    let d = |f: &str| Observe {
        deployment: Some("web".into()),
        ..field(f)
    };
    assert_eq!(observe(app, 40_000, d("revision")), "1");
    assert_eq!(observe(app, 40_000, d("image")), "nginx:1.27");
    assert_eq!(
        observe(app, 40_000, d("progressing")),
        "ProgressDeadlineExceeded"
    );
    let s = |f: &str| Observe {
        service: Some("web".into()),
        ..field(f)
    };
    assert_eq!(observe(app, 40_000, s("type")), "NodePort");
    assert_eq!(observe(app, 40_000, s("endpoints")), "0");
    assert_eq!(observe(app, 40_000, s("not-ready")), "2");
    let n = Observe {
        node: Some("node-1".into()),
        ..field("memory-pressure")
    };
    assert_eq!(observe(app, 1_000, n), "False");
}
