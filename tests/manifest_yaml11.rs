//! YAML read as kubectl reads it (YAML 1.1, through go-yaml v2 and
//! sigs.k8s.io/yaml), and YAML written so that kubectl reads it back
//! unchanged. The expected values were produced by kubectl 1.33:
//! `kubectl create --dry-run=client -o json --validate=false -f FILE` on a
//! custom kind, whose fields kubectl prints as it decoded them.

use kubetutor::lang::Lang;
use kubetutor::manifest;
use proptest::prelude::*;
use serde_json::{Value, json};

/// The decoded value of the first document of `text`.
fn decode(text: &str) -> Value {
    let loaded = manifest::load(text);
    serde_json::to_value(&loaded.documents[0].value).unwrap()
}

const SCALARS: &str = "a: 0644\nb: yes\nc: On\nd: yEs\ne: Y\nf: n\ng: 08\nh: 1_000\ni: 2001-12-14\nj: 190:20:30\nk: 0x1F\nl: 0o17\nm: 0b101\nn: 1e3\no: .5\np: ~\nq: NULL\nr: 1.0\ns: -0644\nt: +12\nu: 0.1_0\nv: TRUE\nw: tRUE\nx: 09.5\n0644: k\nyes: k2\n1.5: f\nOFF: k3\nz1: 0.\nz2: 1.e5\nz3: 12e\nz4: -0b11\nz5: 0_644\nz6: 1__0\nz7: 2001-12-14t21:59:43.10-05:00\ny1: \"yes\"\ny2: !!str yes\ny3: 0xg\ny4: +0x10\ny5: 01.5\n";

#[test]
fn plain_scalars_decode_as_kubectl_1_33_does() {
    // `n` and `OFF` both become the key "false"; the last value is kept.
    let kubectl = r#"{"1.5":"f","420":"k","a":420,"b":true,"c":true,"d":"yEs","e":true,"f":false,"false":"k3","g":8,"h":1000,"i":"2001-12-14","j":"190:20:30","k":31,"l":15,"m":5,"o":0.5,"p":null,"q":null,"r":1,"s":-420,"t":12,"true":"k2","u":0.1,"v":true,"w":"tRUE","x":9.5,"y1":"yes","y2":"yes","y3":"0xg","y4":16,"y5":1.5,"z1":0,"z2":100000,"z3":"12e","z4":-3,"z5":420,"z6":10,"z7":"2001-12-14t21:59:43.10-05:00"}"#;
    let want: Value = serde_json::from_str(kubectl).unwrap();
    assert_eq!(decode(SCALARS), want);
}

#[test]
fn anchors_merge_keys_quotes_and_keys_decode_as_kubectl_does() {
    let text = "base: &b\n  mode: 0644\n  flag: on\n  list: [yes, \"no\", 0o10, 1:20, 010]\nref: *b\nmerged:\n  <<: *b\n  extra: Off\nquoted: {a: \"0644\", b: 'yes', c: !!str on}\nblock: |\n  yes\nn: 1e3\nkeys: {0644: a, y: b, 1.0: c, 10: d, true: e}\nfloat: 3.0\nbig: 1_000_000\nneg: -0x10\nstr: 1.2.3\nts: 2001-12-14 21:59:43.10 -5\n";
    let kubectl = r#"{"base":{"flag":true,"list":[true,"no",8,"1:20",8],"mode":420},"big":1000000,"block":"yes\n","false":1000,"float":3,"keys":{"1":"c","10":"d","420":"a","true":"e"},"merged":{"extra":false,"flag":true,"list":[true,"no",8,"1:20",8],"mode":420},"neg":-16,"quoted":{"a":"0644","b":"yes","c":"on"},"ref":{"flag":true,"list":[true,"no",8,"1:20",8],"mode":420},"str":"1.2.3","ts":"2001-12-14 21:59:43.10 -5"}"#;
    let want: Value = serde_json::from_str(kubectl).unwrap();
    assert_eq!(decode(text), want);
}

const SECRET_POD: &str = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: app\n    image: nginx\n    volumeMounts:\n    - name: creds\n      mountPath: /etc/creds\n      readOnly: yes\n  volumes:\n  - name: creds\n    secret:\n      secretName: creds\n      defaultMode: 0644\n";

#[test]
fn octal_modes_and_yes_booleans_are_accepted() {
    // The pattern of <https://kubernetes.io/docs/concepts/configuration/secret/>.
    let loaded = manifest::load(SECRET_POD);
    assert!(!loaded.has_errors(), "{:?}", loaded.diagnostics);
    let v = decode(SECRET_POD);
    assert_eq!(v["spec"]["volumes"][0]["secret"]["defaultMode"], json!(420));
    assert_eq!(
        v["spec"]["containers"][0]["volumeMounts"][0]["readOnly"],
        json!(true)
    );
    let json = manifest::to_json(&loaded);
    assert!(json.contains("\"defaultMode\": 420"), "{json}");
}

fn only_error(text: &str) -> manifest::Diagnostic {
    let loaded = manifest::load(text);
    let errors: Vec<_> = loaded.errors().cloned().collect();
    assert_eq!(errors.len(), 1, "{:#?}", loaded.diagnostics);
    errors[0].clone()
}

#[test]
fn a_boolean_where_a_string_belongs_says_how_kubectl_read_it() {
    let text = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: app\n    image: nginx\n    env:\n    - name: DEBUG\n      value: yes\n";
    let d = only_error(text);
    assert_eq!((d.line, d.column), (11, 14));
    assert_eq!(
        d.render(Lang::En),
        "11:14: spec.containers[0].env[0].value: json: cannot unmarshal bool into Go struct field EnvVar.spec.containers.env.value of type string"
    );
    assert_eq!(
        d.render(Lang::Ko),
        "11:14: spec.containers[0].env[0].value: 값의 형식이 맞지 않습니다 (필요: 문자열, 실제: true/false 값) (json: cannot unmarshal bool into Go struct field EnvVar.spec.containers.env.value of type string)"
    );
    assert_eq!(
        d.hint_in(Lang::En),
        Some("kubectl reads `yes` as true: quote it: value: \"yes\"")
    );
    assert_eq!(
        d.hint_in(Lang::Ko),
        Some("kubectl은 `yes`를 true(으)로 읽습니다. 따옴표로 감싸세요: value: \"yes\"")
    );
}

#[test]
fn on_and_off_in_a_list_of_strings_are_booleans() {
    let text = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: app\n    image: nginx\n    args: [on, \"off\"]\n";
    let d = only_error(text);
    assert_eq!(
        (d.line, d.column, d.path.as_str()),
        (9, 12, "spec.containers[0].args[0]")
    );
    assert_eq!(
        d.message,
        "json: cannot unmarshal bool into Go struct field Container.spec.containers.args of type string"
    );
    assert_eq!(
        d.hint_in(Lang::En),
        Some("kubectl reads `on` as true: quote it: \"on\"")
    );
}

#[test]
fn an_octal_number_in_a_string_field_is_quoted_in_the_hint() {
    let text = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels:\n    build: 0755\nspec:\n  containers:\n  - name: app\n    image: nginx\n";
    let d = only_error(text);
    assert_eq!(
        (d.line, d.column, d.path.as_str()),
        (6, 12, "metadata.labels[build]")
    );
    assert_eq!(
        d.hint_in(Lang::En),
        Some("kubectl reads `0755` as 493: quote it: build: \"0755\"")
    );
}

// --- writing -----------------------------------------------------------

#[test]
fn convert_to_yaml_quotes_every_string_yaml_1_1_would_retype() {
    let json = r#"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"cfg"},"data":{"n":"N","y":"yes","on":"On","mode":"0644","time":"1:20","day":"2001-12-14","tilde":"~","plain":"web","neg":"-1","dot":".5","cmd":"a: b"}}"#;
    let yaml = manifest::to_yaml(&manifest::load(json));
    assert_eq!(
        yaml,
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  \"n\": \"N\"\n  \"y\": \"yes\"\n  \"on\": \"On\"\n  mode: \"0644\"\n  time: \"1:20\"\n  day: \"2001-12-14\"\n  tilde: \"~\"\n  plain: web\n  neg: \"-1\"\n  dot: \".5\"\n  cmd: \"a: b\"\n"
    );
    assert_eq!(decode(&yaml), serde_json::from_str::<Value>(json).unwrap());
}

/// Strings chosen to trip a YAML writer: YAML 1.1 and 1.2 scalars,
/// indicators, blanks, line breaks, escapes and non-ASCII text.
fn tricky_string() -> impl Strategy<Value = String> {
    let words = prop::sample::select(vec![
        "yes",
        "No",
        "ON",
        "off",
        "y",
        "N",
        "true",
        "False",
        "null",
        "~",
        "",
        "0644",
        "08",
        "1_000",
        "0x1F",
        "0o17",
        "0b1",
        "1e3",
        ".5",
        ".inf",
        "-.Inf",
        ".NaN",
        "1:20",
        "190:20:30.15",
        "2001-12-14",
        "2001-12-14t21:59:43.10-05:00",
        "-",
        "- a",
        "? x",
        "a: b",
        "a:",
        "#x",
        "x #y",
        "&a",
        "*a",
        "!t",
        "|",
        ">",
        "'q'",
        "\"dq\"",
        "%x",
        "@x",
        "`x`",
        " lead",
        "trail ",
        "a\tb",
        "line\n",
        "two\nlines",
        "three\n\n",
        "\n",
        "back\\slash",
        "<<",
        "=",
        "web-1",
        "nginx:1.27",
        "파드",
        "é",
        "\u{85}",
        "\u{2028}",
        "\u{7f}",
        "{a}",
        "[1]",
        "a,b",
        "10%",
        "+1",
        "-0",
    ]);
    prop_oneof![words.prop_map(str::to_string), "[ -~\n\t한]{0,12}",]
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        tricky_string().prop_map(Value::String),
        any::<i32>().prop_map(|n| json!(n)),
        any::<bool>().prop_map(Value::Bool),
        Just(Value::Null),
        // Quarters: exact in binary, so no parser rounds them.
        (-4000i32..4000).prop_map(|q| json!(f64::from(q) / 4.0)),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
            prop::collection::vec((tricky_string(), inner), 0..5)
                .prop_map(|kv| Value::Object(kv.into_iter().collect())),
        ]
    })
}

/// Numbers compared by value, as the API server sees them (`3.0` is `3`).
fn by_value(v: Value) -> Value {
    match v {
        Value::Number(n) => match n.as_f64() {
            Some(f) if n.is_f64() && f.fract() == 0.0 && f.abs() < 9.0e15 => json!(f as i64),
            _ => Value::Number(n),
        },
        Value::Array(a) => Value::Array(a.into_iter().map(by_value).collect()),
        Value::Object(o) => Value::Object(o.into_iter().map(|(k, v)| (k, by_value(v))).collect()),
        other => other,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// JSON -> `convert --to yaml` -> YAML 1.1 decoding gives the JSON back.
    #[test]
    fn json_to_yaml_reads_back_identically(body in json_value()) {
        let doc = json!({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "x"}, "data": body});
        let loaded = manifest::load(&doc.to_string());
        prop_assert!(loaded.diagnostics.iter().all(|d| !d.message.starts_with("json:") || d.path.starts_with("data")));
        let yaml = manifest::to_yaml(&loaded);
        let back = manifest::load(&yaml);
        prop_assert_eq!(back.documents.len(), 1, "{}", yaml);
        let got = serde_json::to_value(&back.documents[0].value).unwrap();
        prop_assert_eq!(by_value(got), by_value(doc), "{}", yaml);
    }
}
