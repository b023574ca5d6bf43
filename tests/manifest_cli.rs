//! `kubetutor validate` and `kubetutor convert`, run as the built binary.

use std::path::PathBuf;
use std::process::{Command, Output};

fn fixture(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/manifests")
        .join(name)
        .display()
        .to_string()
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kubetutor"))
        .args(args)
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

#[test]
fn validate_a_valid_file_exits_zero() {
    let o = run(&["validate", &fixture("web.yaml")]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        stdout(&o),
        "1 file(s), 2 document(s): 2 checked, 0 not checked, 0 invalid; 0 error(s), 0 warning(s)\n"
    );
}

#[test]
fn validate_prints_file_line_column_path_message_and_exits_one() {
    let broken = fixture("broken.yaml");
    let o = run(&["validate", &fixture("web.yaml"), &broken]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stdout(&o),
        format!(
            "{broken}:6:3: spec.contianers: unknown field \"spec.contianers\"\n    hint: did you mean \"containers\"?\n2 file(s), 3 document(s): 2 checked, 0 not checked, 1 invalid; 1 error(s), 0 warning(s)\n"
        )
    );
}

#[test]
fn validate_in_korean_keeps_the_english_original() {
    let broken = fixture("broken.yaml");
    let o = run(&["validate", "--lang", "ko", &broken]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(
        out.contains(&format!(
            "{broken}:6:3: spec.contianers: 알 수 없는 필드 \"spec.contianers\" (unknown field \"spec.contianers\")\n    힌트: \"containers\"를 쓰려던 것인가요?\n"
        )),
        "{out}"
    );
    assert!(
        out.ends_with(
            "파일 1개, 문서 1개: 검사함 0개, 검사하지 않음 0개, 잘못됨 1개; 오류 1개, 경고 0개\n"
        ),
        "{out}"
    );
}

#[test]
fn validate_marks_warnings_and_still_exits_zero() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sa.yaml");
    std::fs::write(
        &path,
        "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: build-robot\n",
    )
    .unwrap();
    let p = path.display().to_string();
    let o = run(&["validate", &p]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        stdout(&o),
        format!(
            "{p}:2:7: warning: kind: ServiceAccount is not checked by kubetutor (served by a cluster at v1)\n1 file(s), 1 document(s): 0 checked, 1 not checked, 0 invalid; 0 error(s), 1 warning(s)\n"
        )
    );
}

#[test]
fn validate_says_when_a_file_is_missing() {
    let o = run(&["validate", "no/such/file.yaml"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stdout(&o),
        "no/such/file.yaml: error: no such file\n1 file(s), 1 document(s): 0 checked, 0 not checked, 1 invalid; 1 error(s), 0 warning(s)\n"
    );
}

#[test]
fn convert_to_json_and_back_to_yaml() {
    let o = run(&["convert", &fixture("web.yaml"), "--to", "json"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let json = stdout(&o);
    assert!(
        json.starts_with("{\n  \"apiVersion\": \"apps/v1\",\n  \"kind\": \"Deployment\",\n"),
        "{json}"
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("web.json");
    std::fs::write(&path, &json).unwrap();
    let o = run(&["convert", &path.display().to_string(), "--to", "yaml"]);
    assert_eq!(o.status.code(), Some(0));
    let yaml = stdout(&o);
    assert!(
        yaml.starts_with("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n"),
        "{yaml}"
    );
    assert!(
        yaml.contains("\n---\napiVersion: v1\nkind: Service\n"),
        "{yaml}"
    );
}

#[test]
fn convert_refuses_a_file_that_is_not_well_formed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.yaml");
    std::fs::write(&path, "apiVersion: v1\nkind: Pod\nmetadata:\n\tname: web\n").unwrap();
    let p = path.display().to_string();
    let o = run(&["convert", &p, "--to", "json"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(o.stdout.is_empty());
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(
        err.starts_with(&format!(
            "{p}:4:1: yaml: found character that cannot start any token\n"
        )),
        "{err}"
    );
}

#[test]
fn convert_works_on_any_well_formed_document_whatever_its_kind() {
    // An invalid Pod and a custom kind still convert; the validator's
    // findings go to stderr.
    let broken = fixture("broken.yaml");
    let o = run(&["convert", &broken, "--to", "json"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("\"contianers\": ["), "{}", stdout(&o));
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(
        err.starts_with(&format!("{broken}:6:3: spec.contianers: unknown field")),
        "{err}"
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("widget.yaml");
    std::fs::write(
        &path,
        "apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\nspec:\n  size: 0644\n  enabled: on\n",
    )
    .unwrap();
    let o = run(&["convert", &path.display().to_string(), "--to", "json"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        stdout(&o),
        "{\n  \"apiVersion\": \"example.com/v1\",\n  \"kind\": \"Widget\",\n  \"metadata\": {\n    \"name\": \"w\"\n  },\n  \"spec\": {\n    \"size\": 420,\n    \"enabled\": true\n  }\n}\n"
    );
}

#[test]
fn validate_counts_checked_skipped_and_invalid_documents() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mixed.yaml");
    std::fs::write(
        &path,
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: app\n    image: nginx\n---\napiVersion: admissionregistration.k8s.io/v1\nkind: ValidatingAdmissionPolicy\nmetadata:\n  name: demo\n---\napiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: Bad_Name\n",
    )
    .unwrap();
    let p = path.display().to_string();
    let o = run(&["validate", &p]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(
        out.starts_with(&format!(
            "{p}:11:7: warning: kind: ValidatingAdmissionPolicy is not checked by kubetutor (served by a cluster at admissionregistration.k8s.io/v1)\n{p}:16:7: warning: kind: ServiceAccount is not checked by kubetutor (served by a cluster at v1)\n{p}:18:9: metadata.name: Invalid value: \"Bad_Name\": a lowercase RFC 1123 subdomain"
        )),
        "{out}"
    );
    assert!(
        out.ends_with("1 file(s), 3 document(s): 1 checked, 1 not checked, 1 invalid; 1 error(s), 2 warning(s)\n"),
        "{out}"
    );
    let o = run(&["validate", "--lang", "ko", &p]);
    assert!(
        stdout(&o).ends_with(
            "파일 1개, 문서 3개: 검사함 1개, 검사하지 않음 1개, 잘못됨 1개; 오류 1개, 경고 2개\n"
        ),
        "{}",
        stdout(&o)
    );
}

#[test]
fn validate_help_states_the_kubernetes_version() {
    let o = run(&["validate", "--help"]);
    assert!(
        stdout(&o).contains("Kubernetes v1.33 API server"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn convert_help_documents_several_documents() {
    let o = run(&["convert", "--help"]);
    assert!(stdout(&o).contains("not a `List`"));
}

/// `kubetutor validate big.yaml | head -1`: the reader goes away, and the
/// validator ends quietly (no "Broken pipe" message) with 128 + SIGPIPE.
#[test]
fn validate_into_a_closed_pipe_ends_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("many.yaml");
    let doc = "apiVersion: v1\nkind: Pod\nmetdata: {}\n---\n";
    std::fs::write(&file, doc.repeat(3000)).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_kubetutor"))
        .args(["validate", file.to_str().unwrap()])
        .env("LANG", "C")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
    assert_eq!(out.status.code(), Some(141));
}
