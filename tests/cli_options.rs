//! Each command offers the shared options it uses and no other: `validate
//! --help` has no `--progress`, `sim --help` no `--lang`. The options given
//! before a command still reach it where it takes them (`kubetutor --lang en
//! list`, an alias `kubetutor --progress FILE`).

use kubetutor::lang::Lang;
use kubetutor::progress::Store;
use kubetutor::timestamp::Timestamp;
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn kubetutor(args: &[&str], env: &[(&str, &Path)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_kubetutor"));
    cmd.args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("KUBETUTOR_PROGRESS")
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .stdin(Stdio::null());
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

/// The shared options `kubetutor COMMAND --help` lists.
fn shared_options(command: &[&str]) -> Vec<&'static str> {
    let mut args = command.to_vec();
    args.push("--help");
    let o = kubetutor(&args, &[]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let help = text(&o.stdout);
    ["--lang", "--lessons", "--progress"]
        .into_iter()
        .filter(|opt| help.lines().any(|l| l.trim_start().starts_with(opt)))
        .collect()
}

#[test]
fn every_command_lists_only_the_shared_options_it_uses() {
    let all = vec!["--lang", "--lessons", "--progress"];
    let cases: &[(&[&str], Vec<&str>)] = &[
        (&[], all.clone()),
        (&["quiz"], all.clone()),
        (&["drill"], all.clone()),
        (&["progress"], all.clone()),
        (&["check"], all.clone()),
        (&["list"], vec!["--lang", "--lessons"]),
        (&["render"], vec!["--lang", "--lessons"]),
        (&["validate"], vec!["--lang"]),
        (&["convert"], vec!["--lang"]),
        (&["new"], vec!["--lang"]),
        (&["lint"], vec!["--lessons"]),
        (&["sim"], vec![]),
        (&["serve"], vec![]),
    ];
    for (command, expected) in cases {
        assert_eq!(
            &shared_options(command),
            expected,
            "kubetutor {command:?} --help"
        );
    }
}

/// The options' doc comments once became the summaries of `validate`,
/// `convert` and `check` in `kubetutor --help`.
#[test]
fn every_command_is_summed_up_by_its_own_words() {
    let o = kubetutor(&["--help"], &[]);
    let help = text(&o.stdout);
    let summary = |command: &str| {
        help.lines()
            .find(|l| l.trim_start().starts_with(&format!("{command} ")))
            .map(|l| l.trim_start()[command.len()..].trim().to_string())
            .unwrap_or_else(|| panic!("{command} missing from {help}"))
    };
    assert!(
        summary("validate").starts_with("Check manifests (YAML or JSON)"),
        "{help}"
    );
    assert!(
        summary("convert").starts_with("Write a manifest in JSON or YAML"),
        "{help}"
    );
    assert!(
        summary("check").starts_with("Check a manifest against a course exercise"),
        "{help}"
    );
    for l in help.lines() {
        assert!(!l.contains("`--lang`"), "an option's doc as a summary: {l}");
    }
    for (command, about) in [
        ("validate", "Check manifests (YAML or JSON"),
        ("convert", "Write a manifest in JSON or YAML"),
        (
            "check",
            "Check a manifest against an exercise of the course",
        ),
    ] {
        let o = kubetutor(&[command, "--help"], &[]);
        assert!(
            text(&o.stdout).starts_with(about),
            "{command}: {}",
            text(&o.stdout)
        );
    }
}

#[test]
fn validate_speaks_the_language_given_before_or_after_the_command() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("pod.yaml");
    std::fs::write(
        &file,
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: Bad_Name\n",
    )
    .unwrap();
    let file = file.to_str().unwrap();
    let after = kubetutor(&["validate", file, "--lang", "ko"], &[]);
    // Given before the command, with an option validate does not take: the
    // language reaches it and the progress file is ignored, as an alias
    // `kubetutor --progress FILE` would have it.
    let before = kubetutor(
        &["--progress", "p.json", "--lang", "ko", "validate", file],
        &[],
    );
    assert_eq!(after.status.code(), Some(1));
    assert_eq!(text(&after.stdout), text(&before.stdout));
    assert!(
        text(&after.stdout).contains("오류"),
        "{}",
        text(&after.stdout)
    );
    assert_eq!(before.status.code(), Some(1));
    assert!(!dir.path().join("p.json").exists());
}

#[test]
fn an_option_the_command_does_not_take_is_refused_after_it() {
    let o = kubetutor(&["validate", "x.yaml", "--progress", "p.json"], &[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        text(&o.stderr).contains("unexpected argument '--progress'"),
        "{}",
        text(&o.stderr)
    );
    let o = kubetutor(&["sim", "--lang", "en"], &[]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn a_progress_file_given_before_the_command_beats_the_variable() {
    let dir = tempfile::tempdir().unwrap();
    let flag = dir.path().join("flag.json");
    let var = dir.path().join("var.json");
    let (mut store, _) = Store::open(&flag);
    store.visit_section("pods", 0, Lang::En, Timestamp::from_secs(1_740_821_400));
    store.save().unwrap();
    let export = |args: &[&str]| {
        let o = kubetutor(args, &[("KUBETUTOR_PROGRESS", &var)]);
        assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
        text(&o.stdout)
    };
    let flag = flag.to_str().unwrap();
    let before = export(&["--progress", flag, "progress", "--export"]);
    assert!(before.contains("\"pods\""), "{before}");
    assert_eq!(
        before,
        export(&["progress", "--export", "--progress", flag])
    );
    // Without the option, the variable's (empty) file is read.
    assert!(!export(&["progress", "--export"]).contains("\"pods\""));
}

#[test]
fn lessons_given_before_list_still_choose_the_course() {
    let before = kubetutor(
        &[
            "--lessons",
            "tests/fixtures/lessons/course",
            "--lang",
            "en",
            "list",
        ],
        &[],
    );
    let after = kubetutor(
        &[
            "list",
            "--lessons",
            "tests/fixtures/lessons/course",
            "--lang",
            "en",
        ],
        &[],
    );
    assert_eq!(before.status.code(), Some(0), "{}", text(&before.stderr));
    assert_eq!(text(&before.stdout), text(&after.stdout));
    let builtin = kubetutor(&["list", "--lang", "en"], &[]);
    assert_ne!(text(&before.stdout), text(&builtin.stdout));
}
