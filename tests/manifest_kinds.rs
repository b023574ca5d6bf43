//! The kinds part two of the course needs, checked in full: for each, broken
//! manifests with every problem the validator reports, rendered exactly (line,
//! column, path, message) in English and in Korean, with their hints. The rules
//! and wording follow the API server's validation of Kubernetes 1.33
//! (pkg/apis/core/validation, pkg/apis/apps/validation,
//! pkg/apis/batch/validation, pkg/apis/storage/validation,
//! pkg/apis/discovery/validation of kubernetes/kubernetes).

use kubetutor::lang::Lang;
use kubetutor::manifest::check::{kinds, served};
use kubetutor::manifest::{self, Status};

struct Case {
    name: &'static str,
    text: &'static str,
    /// Every diagnostic rendered (`line:col: path: message`), and its hint.
    en: &'static [(&'static str, Option<&'static str>)],
    ko: &'static [(&'static str, Option<&'static str>)],
}

fn rendered(text: &str, lang: Lang) -> Vec<(String, Option<String>)> {
    manifest::load(text)
        .diagnostics
        .iter()
        .map(|d| (d.render(lang), d.hint_in(lang).map(str::to_string)))
        .collect()
}

fn owned(want: &[(&str, Option<&str>)]) -> Vec<(String, Option<String>)> {
    want.iter()
        .map(|(l, h)| (l.to_string(), h.map(str::to_string)))
        .collect()
}

#[test]
fn broken_manifests_of_the_part_two_kinds_are_reported_exactly() {
    let mut failures = Vec::new();
    for c in CASES {
        for (lang, want) in [(Lang::En, c.en), (Lang::Ko, c.ko)] {
            let got = rendered(c.text, lang);
            if got != owned(want) {
                failures.push(format!(
                    "{} ({lang:?}):\n got {got:#?}\nwant {:#?}",
                    c.name,
                    owned(want)
                ));
            }
        }
        assert!(
            manifest::load(c.text)
                .documents
                .iter()
                .all(|d| d.status == Status::Invalid),
            "{}",
            c.name
        );
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

const VALID: &[(&str, &str)] = &[
    (
        "Namespace",
        "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team-a\nspec:\n  finalizers:\n  - kubernetes\n",
    ),
    (
        "ConfigMap",
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app-config\ndata:\n  LOG_LEVEL: debug\n  app.properties: |\n    color=blue\nbinaryData:\n  logo.png: iVBORw0KGgo=\nimmutable: true\n",
    ),
    (
        "Secret",
        "apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ntype: kubernetes.io/basic-auth\nstringData:\n  username: admin\ndata:\n  password: czNjcjN0\n",
    ),
    (
        "DaemonSet",
        "apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: agent\nspec:\n  selector:\n    matchLabels: {app: agent}\n  updateStrategy:\n    type: RollingUpdate\n    rollingUpdate: {maxUnavailable: 1}\n  template:\n    metadata:\n      labels: {app: agent}\n    spec:\n      tolerations:\n      - key: node-role.kubernetes.io/control-plane\n        operator: Exists\n        effect: NoSchedule\n      containers:\n      - name: agent\n        image: busybox\n",
    ),
    (
        "StatefulSet",
        "apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nspec:\n  serviceName: db\n  replicas: 2\n  podManagementPolicy: OrderedReady\n  selector:\n    matchLabels: {app: db}\n  template:\n    metadata:\n      labels: {app: db}\n    spec:\n      containers:\n      - name: db\n        image: redis\n        volumeMounts:\n        - {name: data, mountPath: /data}\n  volumeClaimTemplates:\n  - metadata: {name: data}\n    spec:\n      accessModes: [ReadWriteOnce]\n      resources: {requests: {storage: 1Gi}}\n",
    ),
    (
        "CronJob",
        "apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: report\nspec:\n  schedule: \"30 2 * * mon-fri\"\n  timeZone: Asia/Seoul\n  concurrencyPolicy: Forbid\n  successfulJobsHistoryLimit: 3\n  jobTemplate:\n    spec:\n      backoffLimit: 2\n      template:\n        spec:\n          restartPolicy: OnFailure\n          containers:\n          - name: report\n            image: busybox\n            command: [sh, -c, \"date\"]\n",
    ),
    (
        "PersistentVolume",
        "apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: local-pv\nspec:\n  capacity: {storage: 5Gi}\n  accessModes: [ReadWriteOncePod]\n  persistentVolumeReclaimPolicy: Retain\n  storageClassName: local-storage\n  local: {path: /mnt/disks/ssd1}\n  nodeAffinity:\n    required:\n      nodeSelectorTerms:\n      - matchExpressions:\n        - {key: kubernetes.io/hostname, operator: In, values: [node-1]}\n",
    ),
    (
        "PersistentVolumeClaim",
        "apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\nspec:\n  accessModes: [ReadWriteOnce]\n  volumeMode: Filesystem\n  resources:\n    requests:\n      storage: 8Gi\n  storageClassName: standard\n",
    ),
    (
        "StorageClass",
        "apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: standard\n  annotations:\n    storageclass.kubernetes.io/is-default-class: \"true\"\nprovisioner: kubernetes.io/no-provisioner\nvolumeBindingMode: WaitForFirstConsumer\nreclaimPolicy: Delete\n",
    ),
    (
        "ResourceQuota",
        "apiVersion: v1\nkind: ResourceQuota\nmetadata:\n  name: team-quota\nspec:\n  hard:\n    pods: \"10\"\n    requests.cpu: \"4\"\n    limits.memory: 8Gi\n    count/deployments.apps: \"5\"\n  scopes: [NotBestEffort]\n",
    ),
    (
        "LimitRange",
        "apiVersion: v1\nkind: LimitRange\nmetadata:\n  name: defaults\nspec:\n  limits:\n  - type: Container\n    default: {cpu: 500m, memory: 256Mi}\n    defaultRequest: {cpu: 250m, memory: 128Mi}\n    max: {cpu: \"1\"}\n    maxLimitRequestRatio: {cpu: \"4\"}\n  - type: PersistentVolumeClaim\n    max: {storage: 10Gi}\n",
    ),
    (
        "EndpointSlice",
        "apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata:\n  name: example-abc\n  labels:\n    kubernetes.io/service-name: example\naddressType: IPv4\nports:\n  - name: http\n    protocol: TCP\n    port: 80\nendpoints:\n  - addresses:\n      - \"10.1.2.3\"\n    conditions:\n      ready: true\n    hostname: pod-1\n    nodeName: node-1\n    zone: us-west2-a\n",
    ),
];

#[test]
fn a_valid_manifest_of_each_part_two_kind_is_checked_without_a_word() {
    assert_eq!(VALID.len(), 12);
    for (kind, text) in VALID {
        let loaded = manifest::load(text);
        assert!(
            loaded.diagnostics.is_empty(),
            "{kind}: {:#?}",
            loaded.diagnostics
        );
        let doc = &loaded.documents[0];
        assert_eq!((doc.kind.as_str(), doc.status), (*kind, Status::Checked));
        assert!(kinds::checked(kind, &doc.api_version).is_some(), "{kind}");
    }
}

#[test]
fn every_other_served_kind_gets_its_metadata_checked_and_a_warning() {
    // One document of each kind a v1.33 server serves that is not checked in
    // full (ValidatingAdmissionPolicy, RuntimeClass, FlowSchema, ...).
    let mut n = 0;
    for kind in served::all_kinds() {
        for version in served::versions_of(kind) {
            if kinds::checked(kind, version).is_some() {
                continue;
            }
            n += 1;
            let text = format!("apiVersion: {version}\nkind: {kind}\nmetadata:\n  name: demo\n");
            let loaded = manifest::load(&text);
            let msgs: Vec<String> = loaded
                .diagnostics
                .iter()
                .map(|d| d.render(Lang::En))
                .collect();
            assert_eq!(
                msgs,
                [format!(
                    "2:7: warning: kind: {kind} is not checked by kubetutor (served by a cluster at {version})"
                )],
                "{kind} {version}"
            );
            assert_eq!(loaded.documents[0].status, Status::Skipped);
            // ... and a bad name is an error for them too (the review kinds,
            // never stored, need no name and have none checked).
            if kinds::name_format(kind) == kinds::NameFormat::Unnamed {
                let unnamed = format!("apiVersion: {version}\nkind: {kind}\nspec: {{}}\n");
                assert!(!manifest::load(&unnamed).has_errors(), "{kind}");
                continue;
            }
            let bad = text.replace("demo", "de/mo");
            let loaded = manifest::load(&bad);
            assert_eq!(
                loaded.errors().count(),
                1,
                "{kind}: {:#?}",
                loaded.diagnostics
            );
            assert_eq!(loaded.documents[0].status, Status::Invalid);
        }
    }
    assert!(n >= 45, "{n}");
}

const CASES: &[Case] = &[
    Case {
        name: "cm-dup",
        text: "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  a: x\nbinaryData:\n  a: eA==\n",
        en: &[(
            "8:6: binaryData[a]: Invalid value: \"a\": duplicate of key present in data",
            None,
        )],
        ko: &[(
            "8:6: binaryData[a]: 잘못된 값 \"a\": data에 같은 키가 있습니다 (Invalid value: \"a\": duplicate of key present in data)",
            None,
        )],
    },
    Case {
        name: "cm-key",
        text: "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  my key: x\n  enabled: true\n",
        en: &[
            (
                "6:3: data[my key]: Invalid value: \"my key\": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
                None,
            ),
            (
                "7:12: data[enabled]: json: cannot unmarshal bool into Go struct field ConfigMap.data of type string",
                Some("quote it: enabled: \"true\""),
            ),
        ],
        ko: &[
            (
                "6:3: data[my key]: 잘못된 값 \"my key\": 설정 키에는 영숫자, '-', '_', '.'만 쓸 수 있습니다 (예: 'key.name', 'KEY_NAME', 'key-name') (Invalid value: \"my key\": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+'))",
                None,
            ),
            (
                "7:12: data[enabled]: 값의 형식이 맞지 않습니다 (필요: 문자열, 실제: true/false 값) (json: cannot unmarshal bool into Go struct field ConfigMap.data of type string)",
                Some("따옴표로 감싸세요: enabled: \"true\""),
            ),
        ],
    },
    Case {
        name: "cron-fields",
        text: "apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: hello\nspec:\n  schedule: \"* * *\"\n  timeZone: Seoul\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: Always\n          containers:\n          - name: hello\n            image: busybox\n",
        en: &[
            (
                "6:13: spec.schedule: Invalid value: \"* * *\": expected exactly 5 fields, found 3: [* * *]",
                None,
            ),
            (
                "7:13: spec.timeZone: Invalid value: \"Seoul\": unknown time zone Seoul",
                None,
            ),
            (
                "12:26: spec.jobTemplate.spec.template.spec.restartPolicy: Unsupported value: \"Always\": supported values: \"OnFailure\", \"Never\"",
                Some("a Job's pods must finish: use restartPolicy: Never or OnFailure"),
            ),
        ],
        ko: &[
            (
                "6:13: spec.schedule: 잘못된 값 \"* * *\": cron 일정으로 읽을 수 없습니다 (분 시 일 월 요일, 예: \"*/5 * * * *\") (Invalid value: \"* * *\": expected exactly 5 fields, found 3: [* * *])",
                None,
            ),
            (
                "7:13: spec.timeZone: 잘못된 값 \"Seoul\": 알 수 없는 시간대 Seoul입니다 (예: Asia/Seoul, Etc/UTC) (Invalid value: \"Seoul\": unknown time zone Seoul)",
                None,
            ),
            (
                "12:26: spec.jobTemplate.spec.template.spec.restartPolicy: 지원하지 않는 값 \"Always\": 쓸 수 있는 값은 \"OnFailure\", \"Never\"입니다 (Unsupported value: \"Always\": supported values: \"OnFailure\", \"Never\")",
                Some("Job의 파드는 끝나야 하므로 restartPolicy: Never 또는 OnFailure를 쓰세요"),
            ),
        ],
    },
    Case {
        name: "cron-range",
        text: "apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: hello\nspec:\n  schedule: 60 * * * *\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n          containers:\n          - name: hello\n            image: busybox\n",
        en: &[(
            "6:13: spec.schedule: Invalid value: \"60 * * * *\": end of range (60) above maximum (59): 60",
            None,
        )],
        ko: &[(
            "6:13: spec.schedule: 잘못된 값 \"60 * * * *\": cron 일정으로 읽을 수 없습니다 (분 시 일 월 요일, 예: \"*/5 * * * *\") (Invalid value: \"60 * * * *\": end of range (60) above maximum (59): 60)",
            None,
        )],
    },
    Case {
        name: "ds-restart",
        text: "apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: agent\nspec:\n  selector:\n    matchLabels:\n      app: agent\n  template:\n    metadata:\n      labels:\n        app: agent\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: agent\n        image: busybox\n",
        en: &[(
            "14:22: spec.template.spec.restartPolicy: Unsupported value: \"Never\": supported values: \"Always\"",
            Some("a controller keeps its pods running: remove restartPolicy or use Always"),
        )],
        ko: &[(
            "14:22: spec.template.spec.restartPolicy: 지원하지 않는 값 \"Never\": 쓸 수 있는 값은 \"Always\"입니다 (Unsupported value: \"Never\": supported values: \"Always\")",
            Some("컨트롤러는 파드를 계속 실행하므로 restartPolicy를 지우거나 Always를 쓰세요"),
        )],
    },
    Case {
        name: "ds-unavail",
        text: "apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: agent\nspec:\n  selector:\n    matchLabels:\n      app: agent\n  updateStrategy:\n    rollingUpdate:\n      maxUnavailable: 0\n  template:\n    metadata:\n      labels:\n        app: agent\n    spec:\n      containers:\n      - name: agent\n        image: busybox\n",
        en: &[(
            "11:23: spec.updateStrategy.rollingUpdate.maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0",
            None,
        )],
        ko: &[(
            "11:23: spec.updateStrategy.rollingUpdate.maxUnavailable: 잘못된 값 0: maxSurge가 0이면(DaemonSet의 기본값) maxUnavailable도 0일 수 없습니다 (Invalid value: 0: may not be 0 when `maxSurge` is 0)",
            None,
        )],
    },
    Case {
        name: "limits",
        text: "apiVersion: v1\nkind: LimitRange\nmetadata:\n  name: l\nspec:\n  limits:\n  - type: Pod\n    default:\n      cpu: 500m\n  - type: Container\n    min:\n      memory: 1Gi\n    max:\n      memory: 512Mi\n",
        en: &[
            (
                "8:5: spec.limits[0].default: Forbidden: may not be specified when `type` is 'Pod'",
                None,
            ),
            (
                "12:15: spec.limits[1].min[memory]: Invalid value: \"1Gi\": min value 1Gi is greater than max value 512Mi",
                None,
            ),
        ],
        ko: &[
            (
                "8:5: spec.limits[0].default: 허용되지 않음: type이 'Pod'일 때는 default와 defaultRequest를 쓸 수 없습니다 (Forbidden: may not be specified when `type` is 'Pod')",
                None,
            ),
            (
                "12:15: spec.limits[1].min[memory]: 잘못된 값 \"1Gi\": min 값 1Gi이(가) max 값 512Mi보다 큽니다 (Invalid value: \"1Gi\": min value 1Gi is greater than max value 512Mi)",
                None,
            ),
        ],
    },
    Case {
        name: "ns-final",
        text: "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: dev\nspec:\n  finalizers:\n  - custom\n",
        en: &[(
            "7:5: spec.finalizers[0]: Invalid value: \"custom\": name is neither a standard finalizer name nor is it fully qualified",
            None,
        )],
        ko: &[(
            "7:5: spec.finalizers[0]: 잘못된 값 \"custom\": 표준 파이널라이저 이름(kubernetes)도, 접두어가 붙은 이름(example.com/x)도 아닙니다 (Invalid value: \"custom\": name is neither a standard finalizer name nor is it fully qualified)",
            None,
        )],
    },
    Case {
        name: "ns-name",
        text: "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: Dev\n",
        en: &[(
            "4:9: metadata.name: Invalid value: \"Dev\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
            None,
        )],
        ko: &[(
            "4:9: metadata.name: 잘못된 값 \"Dev\": RFC 1123 레이블은 영어 소문자, 숫자, '-'만 쓸 수 있고 영숫자로 시작하고 끝나야 합니다 (예: 'my-name', '123-abc') (Invalid value: \"Dev\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?'))",
            None,
        )],
    },
    Case {
        name: "pv-modes",
        text: "apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: pv\nspec:\n  capacity:\n    storage: 1Gi\n  hostPath:\n    path: /data\n  nfs:\n    server: nfs.example\n    path: /x\n",
        en: &[
            ("5:1: spec.accessModes: Required value", None),
            (
                "10:3: spec.nfs: Forbidden: may not specify more than 1 volume type",
                None,
            ),
        ],
        ko: &[
            (
                "5:1: spec.accessModes: 필수 값이 없습니다 (Required value)",
                None,
            ),
            (
                "10:3: spec.nfs: 허용되지 않음: 볼륨 종류는 하나만 정할 수 있습니다 (Forbidden: may not specify more than 1 volume type)",
                None,
            ),
        ],
    },
    Case {
        name: "pvc-storage",
        text: "apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: claim\nspec:\n  accessModes:\n  - ReadWriteAll\n  resources:\n    limits:\n      storage: 1Gi\n",
        en: &[
            (
                "7:5: spec.accessModes[0]: Unsupported value: \"ReadWriteAll\": supported values: \"ReadOnlyMany\", \"ReadWriteMany\", \"ReadWriteOnce\", \"ReadWriteOncePod\"",
                None,
            ),
            ("8:3: spec.resources[storage]: Required value", None),
        ],
        ko: &[
            (
                "7:5: spec.accessModes[0]: 지원하지 않는 값 \"ReadWriteAll\": 쓸 수 있는 값은 \"ReadOnlyMany\", \"ReadWriteMany\", \"ReadWriteOnce\", \"ReadWriteOncePod\"입니다 (Unsupported value: \"ReadWriteAll\": supported values: \"ReadOnlyMany\", \"ReadWriteMany\", \"ReadWriteOnce\", \"ReadWriteOncePod\")",
                None,
            ),
            (
                "8:3: spec.resources[storage]: 필수 값이 없습니다: resources.requests.storage에 크기를 정해야 합니다 (예: 1Gi) (Required value)",
                None,
            ),
        ],
    },
    Case {
        name: "quota",
        text: "apiVersion: v1\nkind: ResourceQuota\nmetadata:\n  name: q\nspec:\n  hard:\n    cpus: \"2\"\n    pods: \"1.5\"\n  scopes:\n  - Sometimes\n",
        en: &[
            (
                "7:5: spec.hard[cpus]: Invalid value: \"cpus\": must be a standard resource for quota",
                None,
            ),
            (
                "8:11: spec.hard[pods]: Invalid value: \"1.5\": must be an integer",
                None,
            ),
            (
                "10:5: spec.scopes: Invalid value: []core.ResourceQuotaScope{\"Sometimes\"}: unsupported scope",
                None,
            ),
        ],
        ko: &[
            (
                "7:5: spec.hard[cpus]: 잘못된 값 \"cpus\": 쿼터가 제한할 수 있는 리소스가 아닙니다 (예: pods, requests.cpu, limits.memory, count/deployments.apps) (Invalid value: \"cpus\": must be a standard resource for quota)",
                None,
            ),
            (
                "8:11: spec.hard[pods]: 잘못된 값 \"1.5\": 정수여야 합니다 (Invalid value: \"1.5\": must be an integer)",
                None,
            ),
            (
                "10:5: spec.scopes: 잘못된 값 []core.ResourceQuotaScope{\"Sometimes\"}: 지원하지 않는 범위 \"Sometimes\"입니다 (쓸 수 있는 값: Terminating, NotTerminating, BestEffort, NotBestEffort, PriorityClass, CrossNamespacePodAffinity, VolumeAttributesClass) (Invalid value: []core.ResourceQuotaScope{\"Sometimes\"}: unsupported scope)",
                None,
            ),
        ],
    },
    Case {
        name: "sc",
        text: "apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: fast\nreclaimPolicy: Recycle\n",
        en: &[
            ("1:1: provisioner: Required value", None),
            (
                "5:16: reclaimPolicy: Unsupported value: \"Recycle\": supported values: \"Delete\", \"Retain\"",
                None,
            ),
        ],
        ko: &[
            (
                "1:1: provisioner: 필수 값이 없습니다 (Required value)",
                None,
            ),
            (
                "5:16: reclaimPolicy: 지원하지 않는 값 \"Recycle\": 쓸 수 있는 값은 \"Delete\", \"Retain\"입니다 (Unsupported value: \"Recycle\": supported values: \"Delete\", \"Retain\")",
                None,
            ),
        ],
    },
    Case {
        name: "secret-b64",
        text: "apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ndata:\n  password: hunter2\n",
        en: &[(
            "6:13: data[password]: illegal base64 data at input byte 4",
            Some(
                "data values are base64-encoded (echo -n 'text' | base64); plain text belongs under stringData",
            ),
        )],
        ko: &[(
            "6:13: data[password]: base64로 읽을 수 없는 값입니다 (입력의 4번 바이트에서) (illegal base64 data at input byte 4)",
            Some(
                "data의 값은 base64로 인코딩해야 합니다 (echo -n 'text' | base64). 평문은 stringData 아래에 쓰세요",
            ),
        )],
    },
    Case {
        name: "secret-tls",
        text: "apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ntype: kubernetes.io/tls\ndata:\n  tls.crt: eA==\n",
        en: &[("6:1: data[tls.key]: Required value", None)],
        ko: &[(
            "6:1: data[tls.key]: 필수 값이 없습니다: type kubernetes.io/tls의 Secret에는 tls.key 키가 있어야 합니다 (Required value)",
            None,
        )],
    },
    Case {
        name: "slice",
        text: "apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata:\n  name: web-1\naddressType: IPv4\nendpoints:\n- addresses:\n  - 10.0.0.256\nports:\n- port: 80\n",
        en: &[(
            "8:5: endpoints[0].addresses[0]: Invalid value: \"10.0.0.256\": must be a valid IPv4 address",
            None,
        )],
        ko: &[(
            "8:5: endpoints[0].addresses[0]: 잘못된 값 \"10.0.0.256\": 올바른 IPv4 주소가 아닙니다 (예: 10.1.2.3) (Invalid value: \"10.0.0.256\": must be a valid IPv4 address)",
            None,
        )],
    },
    Case {
        name: "sts-ondelete",
        text: "apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nspec:\n  replicas: -1\n  selector:\n    matchLabels:\n      app: db\n  updateStrategy:\n    type: OnDelete\n    rollingUpdate:\n      partition: 1\n  template:\n    metadata:\n      labels:\n        app: db\n    spec:\n      containers:\n      - name: db\n        image: redis\n        volumeMounts:\n        - name: data\n          mountPath: /data\n  volumeClaimTemplates:\n  - metadata:\n      name: data\n    spec:\n      accessModes: [ReadWriteOnce]\n      resources:\n        requests:\n          storage: 1Gi\n",
        en: &[
            (
                "6:13: spec.replicas: Invalid value: -1: must be greater than or equal to 0",
                None,
            ),
            (
                "13:7: spec.updateStrategy.rollingUpdate: Invalid value: apps.RollingUpdateStatefulSetStrategy{Partition:1, MaxUnavailable:(*intstr.IntOrString)(nil)}: only allowed for updateStrategy 'RollingUpdate'",
                None,
            ),
        ],
        ko: &[
            (
                "6:13: spec.replicas: 잘못된 값 -1: 0 이상이어야 합니다 (Invalid value: -1: must be greater than or equal to 0)",
                None,
            ),
            (
                "13:7: spec.updateStrategy.rollingUpdate: 잘못된 값 apps.RollingUpdateStatefulSetStrategy{Partition:1, MaxUnavailable:(*intstr.IntOrString)(nil)}: rollingUpdate는 updateStrategy가 'RollingUpdate'일 때만 쓸 수 있습니다 (Invalid value: apps.RollingUpdateStatefulSetStrategy{Partition:1, MaxUnavailable:(*intstr.IntOrString)(nil)}: only allowed for updateStrategy 'RollingUpdate')",
                None,
            ),
        ],
    },
];
