//! A table of broken manifests: each must be reported at the right line and
//! column, with the right field path and kubectl's wording.
//! Messages: <https://kubernetes.io/docs/reference/using-api/api-concepts/#field-validation>
//! and the API server's field errors (`Required value`, `Invalid value`, ...).

use kubetutor::lang::Lang;
use kubetutor::manifest::{self, Severity};

struct Case {
    name: &'static str,
    text: &'static str,
    line: usize,
    column: usize,
    path: &'static str,
    message: &'static str,
    hint: Option<&'static str>,
}

const fn case(
    name: &'static str,
    text: &'static str,
    (line, column): (usize, usize),
    path: &'static str,
    message: &'static str,
    hint: Option<&'static str>,
) -> Case {
    Case {
        name,
        text,
        line,
        column,
        path,
        message,
        hint,
    }
}

fn cases() -> Vec<Case> {
    vec![
        // --- YAML and JSON syntax ---
        case(
            "tab used for indentation",
            "apiVersion: v1\nkind: Pod\nmetadata:\n\tname: web\n",
            (4, 1),
            "",
            "found character that cannot start any token",
            Some("tab"),
        ),
        case(
            "missing space after a colon",
            "apiVersion: v1\nkind:Pod\nmetadata:\n  name: web\n",
            (2, 6),
            "",
            "could not find expected ':'",
            Some("space is missing after ':'"),
        ),
        case(
            "unclosed quote",
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: \"web\n  labels:\n    a: b\n",
            (4, 9),
            "",
            "found unexpected end of stream",
            Some("never closed"),
        ),
        case(
            "key indented deeper than its sibling",
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n   labels:\n    a: b\n",
            (5, 10),
            "",
            "mapping values are not allowed in this context",
            Some("indented deeper"),
        ),
        case(
            "list item indented less than its siblings",
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers:\n  - name: a\n    image: nginx\n   - name: b\n",
            (9, 4),
            "",
            "did not find expected key",
            Some("indentation"),
        ),
        case(
            "value with ': ' not quoted",
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  annotations:\n    note: see: here\n",
            (6, 14),
            "",
            "mapping values are not allowed",
            Some("must be quoted"),
        ),
        case(
            "duplicate key",
            "apiVersion: v1\nkind: Pod\nkind: Pod\nmetadata:\n  name: web\n",
            (3, 1),
            "kind",
            "key \"kind\" already set in map",
            Some("line 2"),
        ),
        case(
            "JSON trailing comma",
            "{\n  \"apiVersion\": \"v1\",\n  \"kind\": \"Pod\",\n}\n",
            (4, 1),
            "",
            "json: trailing comma",
            Some("no comma after the last item"),
        ),
        case(
            "JSON missing comma",
            "{\n  \"apiVersion\": \"v1\"\n  \"kind\": \"Pod\"\n}\n",
            (2, 21),
            "",
            "expected `,` or `}`",
            Some("comma is missing"),
        ),
        case(
            "JSON key without quotes",
            "{\n  apiVersion: \"v1\"\n}\n",
            (2, 3),
            "",
            "key must be a string",
            Some("double quotes"),
        ),
        // --- unknown fields ---
        case(
            "typo in containers",
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  contianers:\n  - name: app\n    image: nginx\n",
            (6, 3),
            "spec.contianers",
            "unknown field \"spec.contianers\"",
            Some("did you mean \"containers\"?"),
        ),
        case(
            "spec indented under metadata",
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  spec:\n    containers:\n    - name: app\n      image: nginx\n",
            (5, 3),
            "metadata.spec",
            "unknown field \"metadata.spec\"",
            Some("spec is indented under metadata; it belongs at the top level"),
        ),
        case(
            "typo deep in a container",
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: app\n    image: nginx\n    imagePullPolice: Always\n",
            (9, 5),
            "spec.containers[0].imagePullPolice",
            "unknown field \"spec.containers[0].imagePullPolice\"",
            Some("did you mean \"imagePullPolicy\"?"),
        ),
        case(
            "containers at the top level",
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\ncontainers:\n- name: app\n  image: nginx\n",
            (5, 1),
            "containers",
            "unknown field \"containers\"",
            Some("containers belongs under spec"),
        ),
        // --- required fields ---
        case(
            "apiVersion missing",
            "kind: Pod\nmetadata:\n  name: web\n",
            (1, 1),
            "apiVersion",
            "apiVersion not set",
            None,
        ),
        case(
            "kind missing",
            "apiVersion: v1\nmetadata:\n  name: web\n",
            (1, 1),
            "kind",
            "kind not set",
            None,
        ),
        case(
            "metadata.name missing",
            "apiVersion: v1\nkind: Pod\nmetadata:\n  labels:\n    app: web\nspec:\n  containers:\n  - name: app\n    image: nginx\n",
            (3, 1),
            "metadata.name",
            "Required value: name or generateName is required",
            None,
        ),
        case(
            "spec.containers missing",
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  restartPolicy: Always\n",
            (5, 1),
            "spec.containers",
            "Required value",
            None,
        ),
        case(
            "container image missing",
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: app\n",
            (7, 5),
            "spec.containers[0].image",
            "Required value",
            None,
        ),
        case(
            "container name missing",
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - image: nginx\n",
            (7, 5),
            "spec.containers[0].name",
            "Required value",
            None,
        ),
        case(
            "Service ports missing",
            "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n",
            (5, 1),
            "spec.ports",
            "Required value",
            None,
        ),
        case(
            "Deployment selector missing",
            "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n      - name: app\n        image: nginx\n",
            (5, 1),
            "spec.selector",
            "Required value",
            None,
        ),
        case(
            "Job template missing",
            "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: pi\nspec:\n  backoffLimit: 4\n",
            (5, 1),
            "spec.template",
            "Required value",
            None,
        ),
        // --- values ---
        case(
            "object name not a DNS-1123 subdomain",
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: My_App\nspec:\n  containers:\n  - name: app\n    image: nginx\n",
            (4, 9),
            "metadata.name",
            "Invalid value: \"My_App\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
            None,
        ),
        case(
            "container name not a DNS-1123 label",
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web.app\n    image: nginx\n",
            (7, 11),
            "spec.containers[0].name",
            "Invalid value: \"web.app\": a lowercase RFC 1123 label must consist of",
            None,
        ),
        case(
            "Service name not a DNS-1035 label",
            "apiVersion: v1\nkind: Service\nmetadata:\n  name: 1web\nspec:\n  ports:\n  - port: 80\n",
            (4, 9),
            "metadata.name",
            "Invalid value: \"1web\": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character",
            None,
        ),
        case(
            "container port name not an IANA service name",
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: app\n    image: nginx\n    ports:\n    - name: HTTP\n      containerPort: 80\n",
            (10, 13),
            "spec.containers[0].ports[0].name",
            "must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)",
            None,
        ),
        case(
            "label key with a space",
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels:\n    my app: web\nspec:\n  containers:\n  - name: app\n    image: nginx\n",
            (6, 5),
            "metadata.labels",
            "Invalid value: \"my app\": name part must consist of alphanumeric characters",
            None,
        ),
        case(
            "label value with a space",
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels:\n    app: my web\nspec:\n  containers:\n  - name: app\n    image: nginx\n",
            (6, 10),
            "metadata.labels",
            "Invalid value: \"my web\": a valid label must be an empty string or consist of",
            None,
        ),
        case(
            "label value that is a number",
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels:\n    version: 1.0\nspec:\n  containers:\n  - name: app\n    image: nginx\n",
            (6, 14),
            "metadata.labels[version]",
            "json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string",
            Some("kubectl reads `1.0` as 1: quote it: version: \"1.0\""),
        ),
        case(
            "containerPort out of range",
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: app\n    image: nginx\n    ports:\n    - containerPort: 70000\n",
            (10, 22),
            "spec.containers[0].ports[0].containerPort",
            "Invalid value: 70000: must be between 1 and 65535, inclusive",
            None,
        ),
        case(
            "containerPort quoted",
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: app\n    image: nginx\n    ports:\n    - containerPort: \"80\"\n",
            (10, 22),
            "spec.containers[0].ports[0].containerPort",
            "json: cannot unmarshal string into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32",
            Some("remove the quotes: containerPort: 80"),
        ),
        case(
            "Service port zero",
            "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - port: 0\n",
            (7, 11),
            "spec.ports[0].port",
            "Invalid value: 0: must be between 1 and 65535, inclusive",
            None,
        ),
        case(
            "negative replicas",
            "apiVersion: apps/v1\nkind: ReplicaSet\nmetadata:\n  name: web\nspec:\n  replicas: -1\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n      - name: app\n        image: nginx\n",
            (6, 13),
            "spec.replicas",
            "Invalid value: -1: must be greater than or equal to 0",
            None,
        ),
        case(
            "memory quantity with a B",
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: app\n    image: nginx\n    resources:\n      limits:\n        memory: 128MB\n",
            (11, 17),
            "spec.containers[0].resources.limits[memory]",
            "quantities must match the regular expression",
            Some("without 'B'"),
        ),
        case(
            "cpu quantity that is a word",
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: app\n    image: nginx\n    resources:\n      requests:\n        cpu: half\n",
            (11, 14),
            "spec.containers[0].resources.requests[cpu]",
            "quantities must match the regular expression",
            None,
        ),
        case(
            "requests above limits",
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: app\n    image: nginx\n    resources:\n      requests:\n        cpu: 500m\n      limits:\n        cpu: 250m\n",
            (11, 14),
            "spec.containers[0].resources.requests",
            "Invalid value: \"500m\": must be less than or equal to cpu limit of 250m",
            None,
        ),
        case(
            "replicas quoted",
            "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: \"3\"\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n      - name: app\n        image: nginx\n",
            (6, 13),
            "spec.replicas",
            "cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32",
            Some("remove the quotes: replicas: 3"),
        ),
        case(
            "containers written as a mapping",
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    name: app\n    image: nginx\n",
            (7, 5),
            "spec.containers",
            "cannot unmarshal object into Go struct field PodSpec.spec.containers of type []v1.Container",
            Some("is a list"),
        ),
        case(
            "restartPolicy not a policy",
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  restartPolicy: Sometimes\n  containers:\n  - name: app\n    image: nginx\n",
            (6, 18),
            "spec.restartPolicy",
            "Unsupported value: \"Sometimes\": supported values: \"Always\", \"OnFailure\", \"Never\"",
            None,
        ),
        case(
            "imagePullPolicy in the wrong case",
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: app\n    image: nginx\n    imagePullPolicy: always\n",
            (9, 22),
            "spec.containers[0].imagePullPolicy",
            "Unsupported value: \"always\"",
            Some("did you mean \"Always\"?"),
        ),
        case(
            "Job with restartPolicy Always",
            "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: pi\nspec:\n  template:\n    spec:\n      restartPolicy: Always\n      containers:\n      - name: pi\n        image: perl\n",
            (8, 22),
            "spec.template.spec.restartPolicy",
            "Unsupported value: \"Always\": supported values: \"OnFailure\", \"Never\"",
            Some("Never or OnFailure"),
        ),
        case(
            "Job without restartPolicy",
            "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: pi\nspec:\n  template:\n    spec:\n      containers:\n      - name: pi\n        image: perl\n",
            (7, 5),
            "spec.template.spec.restartPolicy",
            "Required value: valid values: \"OnFailure\", \"Never\"",
            None,
        ),
        case(
            "Deployment with restartPolicy Never",
            "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: app\n        image: nginx\n",
            (14, 22),
            "spec.template.spec.restartPolicy",
            "Unsupported value: \"Never\": supported values: \"Always\"",
            None,
        ),
        case(
            "selector does not match the template labels",
            "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: api\n    spec:\n      containers:\n      - name: app\n        image: nginx\n",
            (12, 9),
            "spec.template.metadata.labels",
            "Invalid value: map[string]string{\"app\":\"api\"}: `selector` does not match template `labels`",
            None,
        ),
        case(
            "duplicate container names",
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: app\n    image: nginx\n  - name: app\n    image: redis\n",
            (9, 11),
            "spec.containers[1].name",
            "Duplicate value: \"app\"",
            None,
        ),
        case(
            "duplicate Service port names",
            "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - name: http\n    port: 80\n  - name: http\n    port: 8080\n",
            (9, 11),
            "spec.ports[1].name",
            "Duplicate value: \"http\"",
            None,
        ),
        case(
            "duplicate Service port and protocol",
            "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - name: a\n    port: 80\n  - name: b\n    port: 80\n",
            (9, 5),
            "spec.ports[1]",
            "Duplicate value: \"80/TCP\"",
            None,
        ),
        case(
            "nodePort outside the range",
            "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: NodePort\n  ports:\n  - port: 80\n    nodePort: 80\n",
            (9, 15),
            "spec.ports[0].nodePort",
            "provided port is not in the valid range",
            None,
        ),
        case(
            "volumeMount without its volume",
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: app\n    image: nginx\n    volumeMounts:\n    - name: data\n      mountPath: /data\n",
            (10, 13),
            "spec.containers[0].volumeMounts[0].name",
            "Not found: \"data\"",
            None,
        ),
        // --- apiVersion and kind ---
        case(
            "Deployment at extensions/v1beta1",
            "apiVersion: extensions/v1beta1\nkind: Deployment\nmetadata:\n  name: web\n",
            (1, 13),
            "apiVersion",
            "no matches for kind \"Deployment\" in version \"extensions/v1beta1\"",
            Some("apiVersion: apps/v1"),
        ),
        case(
            "unknown kind",
            "apiVersion: v1\nkind: Pood\nmetadata:\n  name: web\n",
            (2, 7),
            "kind",
            "no matches for kind \"Pood\" in version \"v1\"",
            Some("did you mean kind: Pod?"),
        ),
        case(
            "kind in the wrong case",
            "apiVersion: v1\nkind: pod\nmetadata:\n  name: web\n",
            (2, 7),
            "kind",
            "no matches for kind \"pod\" in version \"v1\"",
            Some("kind: Pod"),
        ),
    ]
}

#[test]
fn broken_manifests_are_reported_where_and_as_kubectl_does() {
    let cases = cases();
    assert!(cases.len() >= 30);
    let mut failures = Vec::new();
    for c in &cases {
        let loaded = manifest::load(c.text);
        let found = loaded.diagnostics.iter().find(|d| {
            d.severity == Severity::Error && d.path == c.path && d.message.contains(c.message)
        });
        let Some(d) = found else {
            failures.push(format!(
                "{}: no error {:?} at {:?}; got {:#?}",
                c.name, c.message, c.path, loaded.diagnostics
            ));
            continue;
        };
        if (d.line, d.column) != (c.line, c.column) {
            failures.push(format!(
                "{}: at {}:{}, expected {}:{}",
                c.name, d.line, d.column, c.line, c.column
            ));
        }
        if let Some(h) = c.hint
            && !d.hint.as_deref().is_some_and(|x| x.contains(h))
        {
            failures.push(format!("{}: hint {:?} lacks {h:?}", c.name, d.hint));
        }
        if d.message_ko.is_none() || (c.hint.is_some() && d.hint_ko.is_none()) {
            failures.push(format!("{}: no Korean text", c.name));
        }
        assert!(
            loaded.objects().is_empty(),
            "{}: an invalid document gave an object",
            c.name
        );
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_problem_of_a_document_is_reported_at_once() {
    let text = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: My_App\nspec:\n  restartPolicy: Sometimes\n  containers:\n  - name: app\n    imagePullPolice: Always\n  - name: app\n    image: nginx\n";
    let loaded = manifest::load(text);
    let got: Vec<(usize, &str)> = loaded
        .diagnostics
        .iter()
        .map(|d| (d.line, d.path.as_str()))
        .collect();
    assert_eq!(
        got,
        vec![
            (4, "metadata.name"),
            (6, "spec.restartPolicy"),
            (8, "spec.containers[0].image"),
            (9, "spec.containers[0].imagePullPolice"),
            (10, "spec.containers[1].name"),
        ]
    );
}

#[test]
fn a_broken_document_does_not_hide_the_valid_ones() {
    let text = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n  - name: app\n    image: nginx\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: b\nspec:\n  containers: [\n---\napiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: c\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: d\nspec:\n  containers:\n  - name: app\n    image: nginx\n";
    let loaded = manifest::load(text);
    let names: Vec<String> = loaded.objects().into_iter().map(|o| o.meta.name).collect();
    assert_eq!(names, ["a", "d"]);
    let summary: Vec<(Severity, usize)> = loaded
        .diagnostics
        .iter()
        .map(|d| (d.severity, d.line))
        .collect();
    assert_eq!(summary, [(Severity::Error, 16), (Severity::Warning, 18)]);
    assert!(
        loaded.diagnostics[1]
            .message
            .contains("ServiceAccount is not checked by kubetutor (served by a cluster at v1)")
    );
}

#[test]
fn korean_rendering_shows_the_original_beside_it() {
    let loaded = manifest::load("apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec: {}\n");
    let d = &loaded.diagnostics[0];
    assert_eq!(
        d.render(Lang::Ko),
        "5:1: spec.containers: 필수 값이 없습니다 (Required value)"
    );
    assert_eq!(d.render(Lang::En), "5:1: spec.containers: Required value");
}

#[test]
fn empty_text_has_no_objects_to_apply() {
    for text in ["", "# only a comment\n", "---\n"] {
        let loaded = manifest::load(text);
        assert!(loaded.has_errors(), "{text:?}");
        assert!(
            loaded.diagnostics[0]
                .message
                .contains("no objects passed to apply")
        );
    }
}
