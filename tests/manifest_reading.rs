//! Issue 16, item by item, with every diagnostic rendered exactly (line,
//! column, path, message) in English and in Korean, with its hint: the cause
//! first (c*), every built-in kind known (k*), the API server's checks (a*),
//! and the smaller items (s*). The API server's wording is from
//! pkg/apis/core/validation/validation.go of kubernetes/kubernetes (v1.33);
//! removed versions from
//! <https://kubernetes.io/docs/reference/using-api/deprecation-guide/>.

use kubetutor::lang::Lang;
use kubetutor::manifest::{self, Format, Status};

struct Case {
    name: &'static str,
    text: &'static str,
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
fn each_item_of_issue_16_is_reported_exactly() {
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
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_comment_before_json_keeps_it_json() {
    let text = CASES
        .iter()
        .find(|c| c.name == "s1-json-comment")
        .unwrap()
        .text;
    let loaded = manifest::load(text);
    assert_eq!(loaded.format, Format::Json);
    assert_eq!(loaded.objects().len(), 1);
    assert_eq!(loaded.documents[0].status, Status::Checked);
}

#[test]
fn list_items_are_documents_of_their_own() {
    let text = CASES.iter().find(|c| c.name == "k6-list").unwrap().text;
    let loaded = manifest::load(text);
    assert_eq!(loaded.documents.len(), 1);
    let items: Vec<(&str, Status)> = loaded.documents[0]
        .items
        .iter()
        .map(|d| (d.kind.as_str(), d.status))
        .collect();
    assert_eq!(items, [("Pod", Status::Invalid), ("Role", Status::Skipped)]);
    // A valid List gives the simulator its Pods.
    let ok = "apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Pod\n  metadata: {name: a}\n  spec: {containers: [{name: app, image: nginx}]}\n- apiVersion: v1\n  kind: Pod\n  metadata: {name: b}\n  spec: {containers: [{name: app, image: nginx}]}\n";
    let names: Vec<String> = manifest::load(ok)
        .objects()
        .into_iter()
        .map(|o| o.meta.name)
        .collect();
    assert_eq!(names, ["a", "b"]);
}

const CASES: &[Case] = &[
    Case {
        name: "a1-two-handlers",
        text: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: app\n    image: nginx\n    livenessProbe:\n      exec:\n        command: [cat, /tmp/healthy]\n      httpGet:\n        path: /healthz\n        port: 8080\n",
        en: &[(
            "12:7: spec.containers[0].livenessProbe.httpGet: Forbidden: may not specify more than 1 handler type",
            None,
        )],
        ko: &[(
            "12:7: spec.containers[0].livenessProbe.httpGet: 허용되지 않음: 처리 방식(handler)은 하나만 정할 수 있습니다 (Forbidden: may not specify more than 1 handler type)",
            None,
        )],
    },
    Case {
        name: "a2-no-handler",
        text: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: app\n    image: nginx\n    readinessProbe:\n      periodSeconds: -1\n",
        en: &[
            (
                "7:5: spec.containers[0].readinessProbe: Required value: must specify a handler type",
                None,
            ),
            (
                "10:22: spec.containers[0].readinessProbe.periodSeconds: Invalid value: -1: must be greater than or equal to 0",
                None,
            ),
        ],
        ko: &[
            (
                "7:5: spec.containers[0].readinessProbe: 필수 값이 없습니다: exec, httpGet, tcpSocket, grpc 중 하나를 정해야 합니다 (Required value: must specify a handler type)",
                None,
            ),
            (
                "10:22: spec.containers[0].readinessProbe.periodSeconds: 잘못된 값 -1: 0 이상이어야 합니다 (Invalid value: -1: must be greater than or equal to 0)",
                None,
            ),
        ],
    },
    Case {
        name: "a3-success",
        text: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: app\n    image: nginx\n    startupProbe:\n      tcpSocket:\n        port: 80\n      successThreshold: 2\n",
        en: &[(
            "12:25: spec.containers[0].startupProbe.successThreshold: Invalid value: 2: must be 1",
            None,
        )],
        ko: &[(
            "12:25: spec.containers[0].startupProbe.successThreshold: 잘못된 값 2: startupProbe의 successThreshold는 1이어야 합니다 (한 번 성공하면 성공입니다) (Invalid value: 2: must be 1)",
            None,
        )],
    },
    Case {
        name: "a4-hostport",
        text: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: app\n    image: nginx\n    ports:\n    - containerPort: 80\n      hostPort: 70000\n",
        en: &[(
            "11:17: spec.containers[0].ports[0].hostPort: Invalid value: 70000: must be between 1 and 65535, inclusive",
            None,
        )],
        ko: &[(
            "11:17: spec.containers[0].ports[0].hostPort: 잘못된 값 70000: 1에서 65535 사이여야 합니다 (Invalid value: 70000: must be between 1 and 65535, inclusive)",
            None,
        )],
    },
    Case {
        name: "a5-cpus",
        text: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: app\n    image: nginx\n    resources:\n      limits:\n        cpus: \"1\"\n      requests:\n        cpu: -1\n",
        en: &[
            (
                "11:9: spec.containers[0].resources.limits[cpus]: Invalid value: \"cpus\": must be a standard resource for containers",
                Some("did you mean \"cpu\"?"),
            ),
            (
                "13:14: spec.containers[0].resources.requests[cpu]: Invalid value: \"-1\": must be greater than or equal to 0",
                None,
            ),
        ],
        ko: &[
            (
                "11:9: spec.containers[0].resources.limits[cpus]: 잘못된 값 \"cpus\": 컨테이너의 리소스는 cpu, memory, ephemeral-storage, hugepages-<크기> 또는 도메인이 붙은 이름(example.com/gpu)입니다 (Invalid value: \"cpus\": must be a standard resource for containers)",
                Some("\"cpu\"를 쓰려던 것인가요?"),
            ),
            (
                "13:14: spec.containers[0].resources.requests[cpu]: 잘못된 값 \"-1\": 0 이상이어야 합니다 (Invalid value: \"-1\": must be greater than or equal to 0)",
                None,
            ),
        ],
    },
    Case {
        name: "a6-image-space",
        text: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: app\n    image: \" nginx\"\n",
        en: &[(
            "8:12: spec.containers[0].image: Invalid value: \" nginx\": must not have leading or trailing whitespace",
            None,
        )],
        ko: &[(
            "8:12: spec.containers[0].image: 잘못된 값 \" nginx\": 이미지 이름 앞뒤에 공백이 있으면 안 됩니다 (Invalid value: \" nginx\": must not have leading or trailing whitespace)",
            None,
        )],
    },
    Case {
        name: "a7-externalname",
        text: "apiVersion: v1\nkind: Service\nmetadata:\n  name: db\nspec:\n  type: ExternalName\n",
        en: &[("5:1: spec.externalName: Required value", None)],
        ko: &[(
            "5:1: spec.externalName: 필수 값이 없습니다 (Required value)",
            None,
        )],
    },
    Case {
        name: "a8-clusterip",
        text: "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  clusterIP: web\n  ports:\n  - port: 80\n",
        en: &[(
            "6:14: spec.clusterIPs[0]: Invalid value: \"web\": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)",
            Some(
                "clusterIP is an IP address, None (a headless Service) or left out (one is assigned)",
            ),
        )],
        ko: &[(
            "6:14: spec.clusterIPs[0]: 잘못된 값 \"web\": 올바른 IP 주소여야 합니다 (예: 10.9.8.7, 2001:db8::ffff) (Invalid value: \"web\": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff))",
            Some(
                "clusterIP에는 IP 주소나 None(헤드리스 서비스)을 쓰거나, 비워 두면 자동으로 정해집니다",
            ),
        )],
    },
    Case {
        name: "a9-ephemeral",
        text: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: app\n    image: nginx\n  ephemeralContainers:\n  - name: debug\n    image: busybox\n",
        en: &[(
            "9:3: spec.ephemeralContainers: Forbidden: cannot be set on create",
            None,
        )],
        ko: &[(
            "9:3: spec.ephemeralContainers: 허용되지 않음: ephemeralContainers는 만들 때 쓸 수 없습니다 (kubectl debug가 실행 중인 파드에 추가합니다) (Forbidden: cannot be set on create)",
            None,
        )],
    },
    Case {
        name: "c1-metdata",
        text: "apiVersion: v1\nkind: Pod\nmetdata:\n  name: web\nspec:\n  containers:\n  - name: app\n    image: nginx\n",
        en: &[(
            "3:1: metdata: unknown field \"metdata\"",
            Some("did you mean \"metadata\"?"),
        )],
        ko: &[(
            "3:1: metdata: 알 수 없는 필드 \"metdata\" (unknown field \"metdata\")",
            Some("\"metadata\"를 쓰려던 것인가요?"),
        )],
    },
    Case {
        name: "c2-containers-map",
        text: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    name: app\n    image: nginx\n",
        en: &[(
            "7:5: spec.containers: json: cannot unmarshal object into Go struct field PodSpec.spec.containers of type []v1.Container",
            Some("containers is a list: write each item on its own line starting with '- '"),
        )],
        ko: &[(
            "7:5: spec.containers: 값의 형식이 맞지 않습니다 (필요: 리스트, 실제: 매핑) (json: cannot unmarshal object into Go struct field PodSpec.spec.containers of type []v1.Container)",
            Some("containers는 리스트입니다. 항목마다 '- '로 시작하는 줄을 쓰세요"),
        )],
    },
    Case {
        name: "c3-matchlabels-list",
        text: "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels:\n    - app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n      - name: app\n        image: nginx\n",
        en: &[(
            "8:7: spec.selector.matchLabels: json: cannot unmarshal array into Go struct field LabelSelector.spec.selector.matchLabels of type map[string]string",
            Some("matchLabels holds fields, not a list: remove the '- '"),
        )],
        ko: &[(
            "8:7: spec.selector.matchLabels: 값의 형식이 맞지 않습니다 (필요: 매핑(키: 문자열), 실제: 리스트) (json: cannot unmarshal array into Go struct field LabelSelector.spec.selector.matchLabels of type map[string]string)",
            Some("matchLabels에는 리스트가 아니라 필드가 옵니다. '- '를 지우세요"),
        )],
    },
    Case {
        name: "c4-kin",
        text: "apiVersion: v1\nkin: Pod\nmetadata:\n  name: web\n",
        en: &[(
            "2:1: kin: kind not set",
            Some("did you mean `kind`? (`kin` is not a field)"),
        )],
        ko: &[(
            "2:1: kin: kind가 없습니다 (kind not set)",
            Some("`kind`를 쓰려던 것인가요? (`kin`라는 필드는 없습니다)"),
        )],
    },
    Case {
        name: "c5-order",
        text: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: Web\nspec:\n  restartPolicy: Sometimes\n  containers:\n  - name: app\n    image: nginx\n    imagePullPolicy: always\n",
        en: &[
            (
                "4:9: metadata.name: Invalid value: \"Web\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
                None,
            ),
            (
                "6:18: spec.restartPolicy: Unsupported value: \"Sometimes\": supported values: \"Always\", \"OnFailure\", \"Never\"",
                None,
            ),
            (
                "10:22: spec.containers[0].imagePullPolicy: Unsupported value: \"always\": supported values: \"Always\", \"IfNotPresent\", \"Never\"",
                Some("did you mean \"Always\"? (values are case-sensitive)"),
            ),
        ],
        ko: &[
            (
                "4:9: metadata.name: 잘못된 값 \"Web\": RFC 1123 서브도메인은 영어 소문자, 숫자, '-', '.'만 쓸 수 있고 영숫자로 시작하고 끝나야 합니다 (예: 'example.com') (Invalid value: \"Web\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*'))",
                None,
            ),
            (
                "6:18: spec.restartPolicy: 지원하지 않는 값 \"Sometimes\": 쓸 수 있는 값은 \"Always\", \"OnFailure\", \"Never\"입니다 (Unsupported value: \"Sometimes\": supported values: \"Always\", \"OnFailure\", \"Never\")",
                None,
            ),
            (
                "10:22: spec.containers[0].imagePullPolicy: 지원하지 않는 값 \"always\": 쓸 수 있는 값은 \"Always\", \"IfNotPresent\", \"Never\"입니다 (Unsupported value: \"always\": supported values: \"Always\", \"IfNotPresent\", \"Never\")",
                Some("\"Always\"를 쓰려던 것인가요? (값은 대소문자를 구분합니다)"),
            ),
        ],
    },
    Case {
        name: "k1-removed",
        text: "apiVersion: batch/v1beta1\nkind: CronJob\nmetadata:\n  name: hello\n",
        en: &[(
            "1:13: apiVersion: no matches for kind \"CronJob\" in version \"batch/v1beta1\"",
            Some("batch/v1beta1 CronJob was removed in Kubernetes 1.25; use apiVersion: batch/v1"),
        )],
        ko: &[(
            "1:13: apiVersion: \"batch/v1beta1\" 버전에는 \"CronJob\" kind가 없습니다 (no matches for kind \"CronJob\" in version \"batch/v1beta1\")",
            Some(
                "batch/v1beta1의 CronJob는 쿠버네티스 1.25에서 제거되었습니다. apiVersion: batch/v1를 쓰세요",
            ),
        )],
    },
    Case {
        name: "k2-psp",
        text: "apiVersion: policy/v1beta1\nkind: PodSecurityPolicy\nmetadata:\n  name: restricted\n",
        en: &[(
            "1:13: apiVersion: no matches for kind \"PodSecurityPolicy\" in version \"policy/v1beta1\"",
            Some(
                "policy/v1beta1 PodSecurityPolicy was removed in Kubernetes 1.25; Pod Security Admission replaces it (pod-security.kubernetes.io/enforce labels on the namespace)",
            ),
        )],
        ko: &[(
            "1:13: apiVersion: \"policy/v1beta1\" 버전에는 \"PodSecurityPolicy\" kind가 없습니다 (no matches for kind \"PodSecurityPolicy\" in version \"policy/v1beta1\")",
            Some(
                "policy/v1beta1의 PodSecurityPolicy는 쿠버네티스 1.25에서 제거되었습니다. 파드 시큐리티 어드미션이 대신합니다 (네임스페이스에 pod-security.kubernetes.io/enforce 레이블)",
            ),
        )],
    },
    Case {
        name: "k3-off",
        text: "apiVersion: resource.k8s.io/v1beta1\nkind: ResourceClaim\nmetadata:\n  name: gpu\n",
        en: &[(
            "1:13: apiVersion: no matches for kind \"ResourceClaim\" in version \"resource.k8s.io/v1beta1\"",
            Some(
                "resource.k8s.io/v1beta1 is off by default in Kubernetes 1.33: a cluster serves ResourceClaim only when an administrator turns that API on",
            ),
        )],
        ko: &[(
            "1:13: apiVersion: \"resource.k8s.io/v1beta1\" 버전에는 \"ResourceClaim\" kind가 없습니다 (no matches for kind \"ResourceClaim\" in version \"resource.k8s.io/v1beta1\")",
            Some(
                "resource.k8s.io/v1beta1는 쿠버네티스 1.33에서 기본으로 꺼져 있어서, 관리자가 그 API를 켠 클러스터만 ResourceClaim를 제공합니다",
            ),
        )],
    },
    Case {
        name: "k4-custom",
        text: "apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n",
        en: &[(
            "2:7: kind: no matches for kind \"Widget\" in version \"example.com/v1\"",
            Some(
                "Widget is not a built-in kind of Kubernetes 1.33; a custom resource needs its CustomResourceDefinition installed first",
            ),
        )],
        ko: &[(
            "2:7: kind: \"example.com/v1\" 버전에는 \"Widget\" kind가 없습니다 (no matches for kind \"Widget\" in version \"example.com/v1\")",
            Some(
                "Widget는 쿠버네티스 1.33의 기본 kind가 아닙니다. 사용자 정의 리소스라면 먼저 CustomResourceDefinition을 설치해야 합니다",
            ),
        )],
    },
    Case {
        name: "k5-wrong-version",
        text: "apiVersion: apps/v1\nkind: Pod\nmetadata:\n  name: web\n",
        en: &[(
            "1:13: apiVersion: no matches for kind \"Pod\" in version \"apps/v1\"",
            Some("Pod is served by apiVersion: v1"),
        )],
        ko: &[(
            "1:13: apiVersion: \"apps/v1\" 버전에는 \"Pod\" kind가 없습니다 (no matches for kind \"Pod\" in version \"apps/v1\")",
            Some("Pod의 apiVersion은 v1입니다"),
        )],
    },
    Case {
        name: "k6-list",
        text: "apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Pod\n  metadata:\n    name: a\n  spec:\n    containers: []\n- apiVersion: rbac.authorization.k8s.io/v1\n  kind: Role\n  metadata:\n    name: system:reader\n",
        en: &[
            ("8:3: items[0].spec.containers: Required value", None),
            (
                "11:9: warning: items[1].kind: Role is not checked by kubetutor (served by a cluster at rbac.authorization.k8s.io/v1)",
                None,
            ),
        ],
        ko: &[
            (
                "8:3: items[0].spec.containers: 필수 값이 없습니다 (Required value)",
                None,
            ),
            (
                "11:9: 경고: items[1].kind: Role는 kubetutor가 검사하지 않는 kind입니다 (클러스터는 rbac.authorization.k8s.io/v1에서 제공합니다) (Role is not checked by kubetutor (served by a cluster at rbac.authorization.k8s.io/v1))",
                None,
            ),
        ],
    },
    Case {
        name: "k7-cluster-ns",
        text: "apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: fast\n  namespace: default\nprovisioner: example.com/fast\n",
        en: &[(
            "5:3: warning: metadata.namespace: StorageClass is not in a namespace (cluster-scoped): namespace \"default\" is ignored",
            None,
        )],
        ko: &[(
            "5:3: 경고: metadata.namespace: StorageClass는 네임스페이스에 속하지 않는 kind라서 namespace \"default\"는 무시됩니다 (StorageClass is not in a namespace (cluster-scoped): namespace \"default\" is ignored)",
            None,
        )],
    },
    Case {
        name: "k8-vap",
        text: "apiVersion: admissionregistration.k8s.io/v1\nkind: ValidatingAdmissionPolicy\nmetadata:\n  name: demo\n",
        en: &[(
            "2:7: warning: kind: ValidatingAdmissionPolicy is not checked by kubetutor (served by a cluster at admissionregistration.k8s.io/v1)",
            None,
        )],
        ko: &[(
            "2:7: 경고: kind: ValidatingAdmissionPolicy는 kubetutor가 검사하지 않는 kind입니다 (클러스터는 admissionregistration.k8s.io/v1에서 제공합니다) (ValidatingAdmissionPolicy is not checked by kubetutor (served by a cluster at admissionregistration.k8s.io/v1))",
            None,
        )],
    },
    Case {
        name: "s1-json-comment",
        text: "# a Pod, written as JSON\n{\"apiVersion\": \"v1\", \"kind\": \"Pod\", \"metadata\": {\"name\": \"web\"},\n \"spec\": {\"containers\": [{\"name\": \"app\", \"image\": \"nginx\"}]}}\n",
        en: &[],
        ko: &[],
    },
    Case {
        name: "s2-helm",
        text: "{{- if .Values.enabled }}\napiVersion: v1\nkind: ConfigMap\n{{- end }}\n",
        en: &[(
            "1:1: this is a Helm template, not a manifest",
            Some(
                "`{{ … }}` is Helm template syntax: render the chart first (helm template CHART) and check what it prints",
            ),
        )],
        ko: &[(
            "1:1: Helm 템플릿이지 매니페스트가 아닙니다 (this is a Helm template, not a manifest)",
            Some(
                "`{{ … }}`는 Helm 템플릿 문법입니다. 먼저 차트를 렌더링하고(helm template CHART) 그 출력을 검사하세요",
            ),
        )],
    },
    Case {
        name: "s3-dup-image",
        text: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: app\n    image: nginx\n    image: redis\n",
        en: &[(
            "9:5: spec.containers[0].image: yaml: key \"image\" already set in map; kubectl would silently keep the last value",
            Some("\"image\" is first set on line 8: keep one of the two"),
        )],
        ko: &[(
            "9:5: spec.containers[0].image: 키 \"image\"가 같은 매핑에 두 번 나옵니다 (처음은 8번째 줄). kubectl은 아무 말 없이 마지막 값을 씁니다 (yaml: key \"image\" already set in map; kubectl would silently keep the last value)",
            Some("\"image\"는 8번째 줄에서 이미 정했습니다. 둘 중 하나만 남기세요"),
        )],
    },
    Case {
        name: "s4-newer",
        text: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: app\n    image: nginx\n    restartPolicyRules:\n    - action: Restart\n    securityContext:\n      cgroupOptions: {}\n    lifecycle:\n      stopSignal: SIGUSR1\n  volumes:\n  - name: scratch\n    emptyDir:\n      mode: 0700\n  tolerations:\n  - key: tier\n    operator: Gt\n    value: \"3\"\n",
        en: &[
            (
                "9:5: spec.containers[0].restartPolicyRules: field \"spec.containers[0].restartPolicyRules\" was added in Kubernetes 1.34; a 1.33 API server does not know it",
                Some(
                    "kubetutor and its simulator follow Kubernetes 1.33: leave restartPolicyRules out",
                ),
            ),
            (
                "12:7: spec.containers[0].securityContext.cgroupOptions: field \"spec.containers[0].securityContext.cgroupOptions\" was added after Kubernetes 1.33; a 1.33 API server does not know it",
                Some("kubetutor and its simulator follow Kubernetes 1.33: leave cgroupOptions out"),
            ),
            (
                "14:7: warning: spec.containers[0].lifecycle.stopSignal: stopSignal is alpha in Kubernetes 1.33 (feature gate ContainerStopSignals, off by default): an API server without the gate drops it",
                None,
            ),
            (
                "18:7: spec.volumes[0].emptyDir.mode: field \"spec.volumes[0].emptyDir.mode\" was added after Kubernetes 1.33; a 1.33 API server does not know it",
                Some("kubetutor and its simulator follow Kubernetes 1.33: leave mode out"),
            ),
            (
                "21:15: spec.tolerations[0].operator: Unsupported value: \"Gt\": supported values: \"Equal\", \"Exists\"",
                Some(
                    "\"Gt\" was added in Kubernetes 1.35; kubetutor and its simulator follow Kubernetes 1.33",
                ),
            ),
        ],
        ko: &[
            (
                "9:5: spec.containers[0].restartPolicyRules: 필드 \"spec.containers[0].restartPolicyRules\"는 쿠버네티스 1.34에서 추가되었습니다. 1.33 API 서버는 이 필드를 모릅니다 (field \"spec.containers[0].restartPolicyRules\" was added in Kubernetes 1.34; a 1.33 API server does not know it)",
                Some(
                    "kubetutor와 시뮬레이터는 쿠버네티스 1.33을 따릅니다. restartPolicyRules은(는) 빼세요",
                ),
            ),
            (
                "12:7: spec.containers[0].securityContext.cgroupOptions: 필드 \"spec.containers[0].securityContext.cgroupOptions\"는 쿠버네티스 1.33 이후에 추가되었습니다. 1.33 API 서버는 이 필드를 모릅니다 (field \"spec.containers[0].securityContext.cgroupOptions\" was added after Kubernetes 1.33; a 1.33 API server does not know it)",
                Some(
                    "kubetutor와 시뮬레이터는 쿠버네티스 1.33을 따릅니다. cgroupOptions은(는) 빼세요",
                ),
            ),
            (
                "14:7: 경고: spec.containers[0].lifecycle.stopSignal: stopSignal은 쿠버네티스 1.33의 알파 기능입니다 (기능 게이트 ContainerStopSignals, 기본값 꺼짐). 게이트를 켜지 않은 API 서버는 이 필드를 버립니다 (stopSignal is alpha in Kubernetes 1.33 (feature gate ContainerStopSignals, off by default): an API server without the gate drops it)",
                None,
            ),
            (
                "18:7: spec.volumes[0].emptyDir.mode: 필드 \"spec.volumes[0].emptyDir.mode\"는 쿠버네티스 1.33 이후에 추가되었습니다. 1.33 API 서버는 이 필드를 모릅니다 (field \"spec.volumes[0].emptyDir.mode\" was added after Kubernetes 1.33; a 1.33 API server does not know it)",
                Some("kubetutor와 시뮬레이터는 쿠버네티스 1.33을 따릅니다. mode은(는) 빼세요"),
            ),
            (
                "21:15: spec.tolerations[0].operator: 지원하지 않는 값 \"Gt\": 쓸 수 있는 값은 \"Equal\", \"Exists\"입니다 (Unsupported value: \"Gt\": supported values: \"Equal\", \"Exists\")",
                Some(
                    "\"Gt\"는 쿠버네티스 1.35에서 추가되었습니다. kubetutor와 시뮬레이터는 쿠버네티스 1.33을 따릅니다",
                ),
            ),
        ],
    },
    Case {
        name: "s5-tab",
        text: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels:\n  \tapp: web\n",
        en: &[(
            "6:3: yaml: found character that cannot start any token",
            Some("a tab is used for indentation here; YAML indentation must be spaces"),
        )],
        ko: &[(
            "6:3: YAML 문법 오류: 토큰을 시작할 수 없는 문자가 있습니다 (yaml: found character that cannot start any token)",
            Some("여기서 탭 문자로 들여쓰기를 했습니다. YAML 들여쓰기에는 공백만 쓸 수 있습니다"),
        )],
    },
    Case {
        name: "s6-escape",
        text: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: \"w\\qeb\"\n",
        en: &[(
            "4:11: yaml: found unknown escape character",
            Some(
                "inside double quotes a backslash starts an escape (\\n, \\t, \\\\): write \\\\ for a backslash, or use single quotes",
            ),
        )],
        ko: &[(
            "4:11: YAML 문법 오류: 알 수 없는 이스케이프 문자('\\' 뒤의 글자)가 있습니다 (yaml: found unknown escape character)",
            Some(
                "큰따옴표 안에서 역슬래시는 이스케이프(\\n, \\t, \\\\)를 시작합니다. 역슬래시 자체는 \\\\로 쓰거나 작은따옴표를 쓰세요",
            ),
        )],
    },
    Case {
        name: "s7-json-value",
        text: "{\n  \"apiVersion\": \"v1\",\n  \"kind\": ,\n}\n",
        en: &[(
            "3:11: json: expected value",
            Some("check the quotes, commas and brackets here"),
        )],
        ko: &[(
            "3:11: JSON 문법 오류: 값이 와야 할 곳에 값이 없습니다 (json: expected value)",
            Some("이 근처의 따옴표, 쉼표, 괄호를 확인하세요"),
        )],
    },
    Case {
        name: "s8-labels-list",
        text: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels:\n  - app: web\nspec:\n  containers:\n  - name: app\n    image: nginx\n",
        en: &[(
            "6:5: metadata.labels: json: cannot unmarshal array into Go struct field ObjectMeta.metadata.labels of type map[string]string",
            Some("labels holds fields, not a list: remove the '- '"),
        )],
        ko: &[(
            "6:5: metadata.labels: 값의 형식이 맞지 않습니다 (필요: 매핑(키: 문자열), 실제: 리스트) (json: cannot unmarshal array into Go struct field ObjectMeta.metadata.labels of type map[string]string)",
            Some("labels에는 리스트가 아니라 필드가 옵니다. '- '를 지우세요"),
        )],
    },
    Case {
        name: "s9-port-name",
        text: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: app\n    image: nginx\n    ports:\n    - containerPort: 80\n      name: -8080-\n",
        en: &[(
            "11:13: spec.containers[0].ports[0].name: Invalid value: \"-8080-\": must contain at least one letter (a-z), must not begin or end with a hyphen",
            None,
        )],
        ko: &[(
            "11:13: spec.containers[0].ports[0].name: 잘못된 값 \"-8080-\": 영문자(a-z)가 하나 이상 있어야 하고 하이픈으로 시작하거나 끝날 수 없습니다 (Invalid value: \"-8080-\": must contain at least one letter (a-z), must not begin or end with a hyphen)",
            None,
        )],
    },
    Case {
        name: "s10-nil-labels",
        text: "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      annotations:\n        team: a\n    spec:\n      containers:\n      - name: app\n        image: nginx\n",
        en: &[(
            "11:7: spec.template.metadata.labels: Invalid value: map[string]string(nil): `selector` does not match template `labels`",
            Some(
                "every label in spec.selector.matchLabels must appear, with the same value, in spec.template.metadata.labels",
            ),
        )],
        ko: &[(
            "11:7: spec.template.metadata.labels: 잘못된 값 map[string]string(nil): `selector`가 템플릿의 `labels`와 맞지 않습니다 (Invalid value: map[string]string(nil): `selector` does not match template `labels`)",
            Some(
                "spec.selector.matchLabels의 모든 레이블이 같은 값으로 spec.template.metadata.labels에 있어야 합니다",
            ),
        )],
    },
    Case {
        name: "s11-pod-cert",
        text: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: app\n    image: nginx\n  volumes:\n  - name: cert\n    projected:\n      sources:\n      - podCertificate:\n          signerName: example.com/x\n",
        en: &[(
            "13:9: spec.volumes[0].projected.sources[0].podCertificate: field \"spec.volumes[0].projected.sources[0].podCertificate\" was added in Kubernetes 1.34; a 1.33 API server does not know it",
            Some("kubetutor and its simulator follow Kubernetes 1.33: leave podCertificate out"),
        )],
        ko: &[(
            "13:9: spec.volumes[0].projected.sources[0].podCertificate: 필드 \"spec.volumes[0].projected.sources[0].podCertificate\"는 쿠버네티스 1.34에서 추가되었습니다. 1.33 API 서버는 이 필드를 모릅니다 (field \"spec.volumes[0].projected.sources[0].podCertificate\" was added in Kubernetes 1.34; a 1.33 API server does not know it)",
            Some(
                "kubetutor와 시뮬레이터는 쿠버네티스 1.33을 따릅니다. podCertificate은(는) 빼세요",
            ),
        )],
    },
];
