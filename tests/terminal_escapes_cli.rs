//! Terminal escapes written into a lesson or typed as an argument never
//! reach the terminal (issue #15, items 2 and 11): `check --list`, the
//! `check ID FILE` report, the "did you mean" suggestion, the "unknown
//! lesson" message of `quiz` and `render`; and lint warns about them.

use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_kubetutor");

/// OSC 52 (write "hi" to the clipboard), then a right-to-left override.
const GOAL: &str = r#"goal: "Run web.\e]52;c;aGk=\a Then \u202Eevil""#;

fn course() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let en = dir.path().join("en");
    std::fs::create_dir(&en).unwrap();
    let lesson = format!(
        "---\nid: esc\ntitle: Escapes\n---\n\nIntro.\n\n## Do it\n\n```exercise\nid: \"web\\e[2Jpod\"\n{GOAL}\nsolution: |\n  apiVersion: v1\n  kind: Pod\n  metadata:\n    name: web\n  spec:\n    containers:\n      - name: web\n        image: nginx\ncheck:\n  - pods: {{ selector: \"\", phase: Running, count: 1 }}\n```\n"
    );
    std::fs::write(en.join("01-esc.md"), lesson).unwrap();
    std::fs::write(
        dir.path().join("pod.yaml"),
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx\n",
    )
    .unwrap();
    dir
}

fn run(dir: &tempfile::TempDir, args: &[&str]) -> (String, String, i32) {
    let out = Command::new(BIN)
        // Before the command: every command takes them there, even one
        // (lint) that has no use for --lang.
        .args(["--lessons", dir.path().to_str().unwrap(), "--lang", "en"])
        .args(args)
        .env("KUBETUTOR_PROGRESS", dir.path().join("progress.json"))
        .output()
        .unwrap();
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code().unwrap_or(-1),
    )
}

fn assert_clean(what: &str, s: &str) {
    assert!(
        !s.contains(
            |c: char| (c.is_control() && c != '\n') || ('\u{202a}'..='\u{202e}').contains(&c)
        ),
        "{what}: {s:?}"
    );
}

#[test]
fn check_list_report_and_suggestion_are_sanitized() {
    let dir = course();
    let (out, err, code) = run(&dir, &["check", "--list"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("web[2Jpod") && out.contains("Run web.]52;c;aGk="),
        "{out}"
    );
    assert_clean("check --list", &out);

    let pod = dir.path().join("pod.yaml");
    let (out, err, _) = run(&dir, &["check", "web\x1b[2Jpod", pod.to_str().unwrap()]);
    assert!(out.contains("exercise web[2Jpod: Run web."), "{out}{err}");
    assert_clean("check report", &out);
    assert_clean("check stderr", &err);

    let (out, err, code) = run(&dir, &["check", "web\x1b[2Jpo", pod.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("did you mean"), "{err}");
    assert_clean("suggestion", &format!("{out}{err}"));
}

#[test]
fn unknown_lesson_messages_do_not_echo_escapes() {
    let dir = course();
    for cmd in ["quiz", "render"] {
        let (_, err, code) = run(&dir, &[cmd, "\x1b]52;c;aGk=\x07es\u{202e}c"]);
        assert_eq!(code, 1, "{cmd}: {err}");
        assert!(err.contains("unknown lesson"), "{cmd}: {err}");
        assert_clean(cmd, &err);
    }
}

#[test]
fn lint_warns_about_control_characters_in_ids_and_text() {
    let dir = course();
    let (out, err, _) = run(&dir, &["lint"]);
    assert!(
        out.contains(
            "01-esc.md:10: warning: a control character (U+001B) in the exercise block's `goal`"
        ) || out.contains(
            "01-esc.md:10: warning: a control character (U+001B) in the exercise block's `id`"
        ),
        "{out}{err}"
    );
    assert_clean("lint", &out);
}
