//! `kubetutor list` on the built binary: exact output and exit codes.

use std::process::{Command, Output};

fn list(args: &[&str], lang_env: Option<&str>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_kubetutor"));
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"))
        .arg("list")
        .args(args)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG");
    if let Some(lang) = lang_env {
        cmd.env("LANG", lang);
    }
    cmd.output().expect("the binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

#[test]
fn lists_a_course_in_english_with_fallback_markers() {
    let o = list(
        &["--lang", "en", "--lessons", "tests/fixtures/lessons/course"],
        None,
    );
    assert_eq!(
        stdout(&o),
        "\
ID          ORDER  TITLE                                     SECTIONS  QUIZZES  EXERCISES  LANG
pods            1  Pods                                             2        1          0  en
pod-phases      2  파드의 상태                                      3        1          1  ko (fallback)
services        3  Services: a stable address in front of …         1        0          0  en
zz-extra        -  Extra reading                                    1        0          0  en
"
    );
    assert_eq!(stderr(&o), "");
    assert_eq!(o.status.code(), Some(0));
}

#[test]
fn the_locale_chooses_the_language_when_lang_is_not_given() {
    let o = list(
        &["--lessons", "tests/fixtures/lessons/course"],
        Some("ko_KR.UTF-8"),
    );
    assert_eq!(
        stdout(&o),
        "\
ID          순서  제목                                      섹션  퀴즈  실습  언어
pods           1  파드                                         2     1     0  ko
pod-phases     2  파드의 상태                                  3     1     1  ko
services       3  Services: a stable address in front of …     1     0     0  en (대체)
zz-extra       -  Extra reading                                1     0     0  en (대체)
"
    );
    assert_eq!(o.status.code(), Some(0));
    // `--lang` placed before the subcommand works too (it is a global option).
    let en = Command::new(env!("CARGO_BIN_EXE_kubetutor"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args([
            "--lang",
            "en",
            "list",
            "--lessons",
            "tests/fixtures/lessons/course",
        ])
        .output()
        .unwrap();
    assert!(stdout(&en).contains("\npods            1  Pods "));
}

#[test]
fn a_jekyll_notes_folder_lists() {
    let o = list(
        &["--lang", "ko", "--lessons", "tests/fixtures/lessons/jekyll"],
        None,
    );
    assert_eq!(
        stdout(&o),
        "\
ID                순서  제목                       섹션  퀴즈  실습  언어
kubernetes-notes     2  2025년 8월 11일 교육 내용    16     0     0  ko
"
    );
    assert_eq!(o.status.code(), Some(0));
}

#[test]
fn load_errors_go_to_stderr_and_exit_1() {
    let o = list(
        &["--lang", "en", "--lessons", "tests/fixtures/lessons/broken"],
        None,
    );
    assert_eq!(
        stdout(&o),
        "\
ID            ORDER  TITLE             SECTIONS  QUIZZES  EXERCISES  LANG
good              1  Good lesson              1        0          0  en
bad-quiz          2  Broken quiz              2        0          0  en
bad-exercise      3  Broken exercise          1        0          0  en
bad-yaml          -  Bad YAML                 1        0          0  en
twin              -  Twin A                   1        0          0  en
unclosed          -  닫히지 않은 블록         1        0          0  ko (fallback)
wrong-lang        -  잘못된 언어              1        0          0  ko (fallback)
"
    );
    assert_eq!(
        stderr(&o),
        "\
en/bad-exercise.md:9: exercise: `solution` is empty: give a manifest that passes the checks
en/bad-exercise.md:10: exercise: timeout: invalid duration \"soon\": expected a number with a unit, like 30s, 5m or 1m30s
en/bad-exercise.md:12: exercise: within: invalid duration \"fast\": expected a number with a unit, like 30s, 5m or 1m30s
en/bad-exercise.md:16: cluster: unknown field `scenaro`, expected one of `scenario`, `runtime`, `apply`, `commands`, `caption`
en/bad-front.md:1: front matter starts here but has no closing `---` line
en/bad-quiz.md:11: quiz: missing field `question`
en/bad-quiz.md:27: quiz: a choice question needs exactly one correct choice (found 2): mark it with `correct: true` or name it in `answer`
en/bad-yaml.md:10: quiz: found unexpected end of stream, while scanning a quoted scalar at line 8
en/dup-b.md:1: duplicate lesson id `twin` in en: en/dup-a.md has it too
ko/unclosed.md:5: quiz: the block has no closing fence: it runs to the end of the lesson
ko/wrong-lang.md:3: front matter says lang: en but the file is in the ko/ folder
"
    );
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn a_folder_that_is_not_a_course_is_a_clear_error() {
    let o = list(&["--lessons", "tests/fixtures/lessons/missing"], None);
    assert_eq!(stdout(&o), "");
    assert_eq!(
        stderr(&o),
        "kubetutor: lessons folder tests/fixtures/lessons/missing does not exist\n"
    );
    assert_eq!(o.status.code(), Some(1));

    let o = list(&["--lessons", "Cargo.toml"], None);
    assert_eq!(
        stderr(&o),
        "kubetutor: Cargo.toml is a file: --lessons takes a folder of lesson files (.md or .markdown)\n"
    );
    assert_eq!(o.status.code(), Some(1));

    let empty = tempfile::tempdir().unwrap();
    let path = empty.path().to_str().unwrap();
    let o = list(&["--lessons", path], None);
    assert_eq!(
        stderr(&o),
        format!(
            "kubetutor: no lesson files (.md or .markdown) in {path}: put them in ko/ and en/ sub-folders or directly in the folder\n"
        )
    );
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn help_explains_the_columns_and_the_exit_status() {
    let o = list(&["--help"], None);
    let help = stdout(&o);
    for needle in [
        "Usage: kubetutor list [OPTIONS]",
        "--lessons <DIR>",
        "--lang <ko|en>",
        "SECTIONS",
        "(fallback)",
        "`path:line: message`",
        "exit status is 1",
        "lessons/README.md",
    ] {
        assert!(help.contains(needle), "help lacks {needle:?}:\n{help}");
    }
    assert_eq!(o.status.code(), Some(0));
}
