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
        "1 file(s) checked: 1 valid, 0 invalid; 0 error(s), 0 warning(s)\n"
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
            "{broken}:5:1: spec.containers: Required value\n{broken}:6:3: spec.contianers: unknown field \"spec.contianers\"\n    hint: did you mean \"containers\"?\n2 file(s) checked: 1 valid, 1 invalid; 2 error(s), 0 warning(s)\n"
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
            "\n{broken}:6:3: spec.contianers: 알 수 없는 필드 \"spec.contianers\" (unknown field \"spec.contianers\")\n    힌트: \"containers\"를 쓰려던 것인가요?\n"
        )),
        "{out}"
    );
    assert!(
        out.ends_with("파일 1개 검사: 올바름 0개, 잘못됨 1개; 오류 2개, 경고 0개\n"),
        "{out}"
    );
}

#[test]
fn validate_marks_warnings_and_still_exits_zero() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cm.yaml");
    std::fs::write(
        &path,
        "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: cfg\n",
    )
    .unwrap();
    let p = path.display().to_string();
    let o = run(&["validate", &p]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        stdout(&o),
        format!(
            "{p}:2:7: warning: kind: kind ServiceAccount is not simulated; skipped\n1 file(s) checked: 1 valid, 0 invalid; 0 error(s), 1 warning(s)\n"
        )
    );
}

#[test]
fn validate_says_when_a_file_is_missing() {
    let o = run(&["validate", "no/such/file.yaml"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stdout(&o),
        "no/such/file.yaml: error: no such file\n1 file(s) checked: 0 valid, 1 invalid; 1 error(s), 0 warning(s)\n"
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
fn convert_refuses_an_invalid_file() {
    let broken = fixture("broken.yaml");
    let o = run(&["convert", &broken, "--to", "json"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(o.stdout.is_empty());
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(err.starts_with(&format!("{broken}:5:1: spec.containers: Required value\n{broken}:6:3: spec.contianers: unknown field")), "{err}");
}

#[test]
fn convert_help_documents_several_documents() {
    let o = run(&["convert", "--help"]);
    assert!(stdout(&o).contains("not a `List`"));
}
