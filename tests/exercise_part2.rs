//! Exercise checks on the part-two objects: `object` on every new kind
//! (a ConfigMap's data, a probe's path, a StatefulSet's ready replicas, a
//! claim's phase), `exec` and `logs` reading what a container sees, in
//! English and Korean.

use kubetutor::exercise::spec::ExerciseSpec;
use kubetutor::exercise::{self, Outcome};
use kubetutor::lang::Lang;

fn with_checks(checks: &str) -> ExerciseSpec {
    let mut text = String::from("id: x\ngoal: g\nsolution: s\ntimeout: 1m\ncheck:\n");
    for line in checks.lines() {
        text.push_str(&format!("  {line}\n"));
    }
    serde_yaml::from_str(&text).unwrap()
}

const CONFIGURED: &str = r#"
apiVersion: v1
kind: ConfigMap
metadata:
  name: app-config
data:
  mode: fast
---
apiVersion: v1
kind: Pod
metadata:
  name: app
spec:
  containers:
  - name: app
    image: busybox:1.36
    command: ["sh", "-c", "echo mode=$MODE; sleep 3600"]
    env:
    - name: MODE
      valueFrom:
        configMapKeyRef: {name: app-config, key: mode}
    volumeMounts:
    - {name: config, mountPath: /etc/app}
    livenessProbe:
      exec:
        command: [cat, /etc/app/mode]
  volumes:
  - name: config
    configMap: {name: app-config}
"#;

const CONFIG_CHECKS: &str = "- object: { kind: ConfigMap, name: app-config, fields: { data.mode: fast } }\n\
- object: { kind: Pod, name: app, fields: { \"spec.containers[0].env[0].valueFrom.configMapKeyRef.name\": app-config, \"spec.containers[0].livenessProbe.exec.command[1]\": /etc/app/mode, \"spec.volumes[0].configMap.name\": app-config } }\n\
- logs: { pod: app, contains: mode=fast }\n\
- exec: { pod: app, command: cat /etc/app/mode, contains: fast }";

#[test]
fn a_config_map_its_env_its_mount_and_a_probe_are_checked() {
    let r = exercise::run(&with_checks(CONFIG_CHECKS), None, CONFIGURED, Lang::En, 1);
    assert_eq!(r.outcome, Outcome::Passed, "{:?}", r.lines(Lang::En));
    assert_eq!(
        r.lines(Lang::En),
        [
            "✓ ConfigMap app-config: data.mode = fast — data.mode is fast",
            "✓ Pod app: spec.containers[0].env[0].valueFrom.configMapKeyRef.name = app-config, spec.containers[0].livenessProbe.exec.command[1] = /etc/app/mode, spec.volumes[0].configMap.name = app-config — spec.containers[0].env[0].valueFrom.configMapKeyRef.name is app-config; spec.containers[0].livenessProbe.exec.command[1] is /etc/app/mode; spec.volumes[0].configMap.name is app-config",
            "✓ log of pod app has a line with \"mode=fast\" — found in the log of pod app",
            "✓ exec app -- cat /etc/app/mode: output contains \"fast\" — the output contains \"fast\"",
            "PASS: all 4 checks hold (after 2s of simulated time)",
        ]
    );
    assert_eq!(
        r.lines(Lang::Ko)[2..4],
        [
            "✓ 파드 app 로그에 \"mode=fast\" 줄 있음 — 파드 app 로그에 있습니다",
            "✓ exec app -- cat /etc/app/mode: 출력에 \"fast\" 포함 — 출력에 \"fast\" 문구가 있습니다",
        ]
    );
}

#[test]
fn without_the_config_map_the_logs_and_exec_checks_say_why() {
    let broken = CONFIGURED.replacen(
        "  name: app-config\ndata:\n  mode: fast\n",
        "  name: other\ndata:\n  mode: fast\n",
        1,
    );
    let r = exercise::run(&with_checks(CONFIG_CHECKS), None, &broken, Lang::En, 1);
    assert_eq!(r.outcome, Outcome::Failed);
    let lines = r.lines(Lang::En);
    assert_eq!(
        lines[0],
        "✗ ConfigMap app-config: data.mode = fast — configmap \"app-config\" not found in namespace default"
    );
    // kubectl's own refusals: the container was never created.
    assert_eq!(
        lines[2],
        "✗ log of pod app has a line with \"mode=fast\" — the log of pod app cannot be read: Error from server (BadRequest): container \"app\" in pod \"app\" is waiting to start: ContainerCreating"
    );
    assert_eq!(
        lines[3],
        "✗ exec app -- cat /etc/app/mode: output contains \"fast\" — it failed: error: unable to upgrade connection: container not found (\"app\")"
    );
    assert_eq!(
        r.lines(Lang::Ko)[0],
        "✗ ConfigMap app-config: data.mode = fast — default 네임스페이스에 ConfigMap \"app-config\" 오브젝트가 없습니다"
    );
}

#[test]
fn statefulset_and_claims_are_checked_by_their_status() {
    let sts = r#"
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
  replicas: 2
  selector:
    matchLabels: {app: nginx}
  template:
    metadata:
      labels: {app: nginx}
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
        volumeMounts: [{name: www, mountPath: /usr/share/nginx/html}]
  volumeClaimTemplates:
  - metadata: {name: www}
    spec:
      accessModes: [ReadWriteOnce]
      resources: {requests: {storage: 1Gi}}
"#;
    let checks = "- object: { kind: StatefulSet, name: web, fields: { spec.serviceName: nginx, status.readyReplicas: 2 } }\n\
- object: { kind: PersistentVolumeClaim, name: www-web-1, fields: { status.phase: Bound, spec.storageClassName: standard } }\n\
- pods: { selector: app=nginx, phase: Running, count: 2 }\n\
- exec: { pod: web-1, command: hostname, contains: web-1 }";
    let r = exercise::run(&with_checks(checks), None, sts, Lang::En, 1);
    assert_eq!(r.outcome, Outcome::Passed, "{:?}", r.lines(Lang::En));
}
