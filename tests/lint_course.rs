//! `kubetutor lint` on the built-in course and on the source notes.
//!
//! The built-in course must lint clean: every predict expectation and every
//! exercise solution proven by the engine (issue 6), and the Korean and
//! English versions of every lesson carry the same lesson, quiz and
//! exercise ids. A lint error here is a lesson bug for the course authors:
//! the message says which file, which line and what the simulator saw.

use kubetutor::lang::Lang;
use kubetutor::lesson::Catalog;
use kubetutor::lesson::lint::{self, Severity};
use std::process::Command;

#[test]
fn the_built_in_course_has_no_lint_errors() {
    let o = Command::new(env!("CARGO_BIN_EXE_kubetutor"))
        .arg("lint")
        .env_remove("KUBETUTOR_PROGRESS")
        .output()
        .expect("the binary runs");
    let out = String::from_utf8(o.stdout).unwrap();
    assert_eq!(o.status.code(), Some(0), "{out}");
    let summary = out.lines().last().unwrap_or_default();
    assert!(
        summary.starts_with("0 errors, "),
        "lint found errors in the built-in course:\n{out}"
    );
    assert!(summary.ends_with(" in 54 files"), "{summary}");
}

/// The same course read from its folder on disk, as an instructor lints it
/// while writing (`kubetutor lint --lessons lessons`): as clean as the
/// built-in copy. The Korean and English files sit in different folders, so
/// their setups read files from different places; that is not a difference
/// between the two versions of a question.
#[test]
fn the_course_folder_on_disk_lints_as_clean_as_the_built_in_copy() {
    let o = Command::new(env!("CARGO_BIN_EXE_kubetutor"))
        .args(["lint", "--lessons"])
        .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/lessons"))
        .env_remove("KUBETUTOR_PROGRESS")
        .output()
        .expect("the binary runs");
    let out = String::from_utf8(o.stdout).unwrap();
    assert_eq!(
        out.lines().last(),
        Some("0 errors, 0 warnings in 54 files"),
        "{out}"
    );
    assert_eq!(o.status.code(), Some(0), "{out}");
}

/// Issue 6 asks for an explanation on every choice and for every answer
/// to be proven: a missing `why`, `explain` or `expect` is a lint warning,
/// and the built-in course has none.
#[test]
fn the_built_in_course_has_no_lint_warnings_either() {
    let report = lint::lint_embedded();
    let warnings: Vec<String> = report
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Warning)
        .map(ToString::to_string)
        .collect();
    assert!(warnings.is_empty(), "{}", warnings.join("\n"));
    assert_eq!(report.files, 54);
}

/// Issue 6: both languages have the same lesson, quiz and exercise ids.
/// Lint's parity check says so (no finding at all above); this states it
/// directly on the catalog, in course order.
#[test]
fn both_languages_have_the_same_lesson_quiz_and_exercise_ids() {
    let catalog = Catalog::embedded();
    let ids = |lang: Lang| -> Vec<(String, Vec<String>, Vec<String>)> {
        catalog
            .lessons(lang)
            .map(|f| {
                assert!(!f.fallback, "{} has no {lang} version", f.lesson.id);
                let l = f.lesson;
                (
                    l.id.clone(),
                    l.quizzes().map(|q| q.value.id.clone()).collect(),
                    l.exercises().map(|e| e.value.id.clone()).collect(),
                )
            })
            .collect()
    };
    let (ko, en) = (ids(Lang::Ko), ids(Lang::En));
    assert_eq!(ko.len(), 27);
    assert_eq!(ko, en);
}

/// Issue 7: the source notes (a just-the-docs page; the fixture is a
/// byte-for-byte copy of `shared/seed/000_a5e3306fd353d2c0.txt`) copied
/// into a folder load as a course and lint with warnings only: a page of
/// notes has no quiz, and that is all lint has to say about it.
#[test]
fn the_seed_notes_lint_with_warnings_only() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/lessons/jekyll/02-kubernetes-notes.md"
        ),
        dir.path().join("notes.md"),
    )
    .unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_kubetutor"))
        .args(["lint", dir.path().to_str().unwrap()])
        .output()
        .expect("the binary runs");
    assert_eq!(
        String::from_utf8(o.stdout).unwrap(),
        "notes.md:10: warning: lesson `notes` has no quiz and no exercise: the student can only read it\n\
         0 errors, 1 warning in 1 file\n"
    );
    assert_eq!(o.status.code(), Some(0));
}

fn kubetutor(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_kubetutor"))
        .args(args)
        .env_remove("KUBETUTOR_PROGRESS")
        .output()
        .expect("the binary runs")
}

/// The seed notes through `--format json`: the documented shape
/// (`findings` of `{path, line, severity, message}`, `summary` of
/// `{errors, warnings, files}`), warnings only, and exit status 0.
#[test]
fn the_seed_notes_lint_as_json_with_the_documented_shape() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/lessons/jekyll/02-kubernetes-notes.md"
        ),
        dir.path().join("notes.md"),
    )
    .unwrap();
    let o = kubetutor(&["lint", "--format", "json", dir.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0));
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).expect("valid JSON");
    assert_eq!(
        doc,
        serde_json::json!({
            "findings": [{
                "path": "notes.md",
                "line": 10,
                "severity": "warning",
                "message": "lesson `notes` has no quiz and no exercise: the student can only read it"
            }],
            "positions": [],
            "summary": {"errors": 0, "warnings": 1, "files": 1}
        })
    );
}

/// Issue 7: what `kubetutor new` writes passes lint, in Korean and in
/// English, alone in a folder or side by side as the two versions of one
/// lesson (so the skeleton also keeps ko/en parity).
#[test]
fn kubetutor_new_skeletons_lint_clean_in_both_languages() {
    let split = tempfile::tempdir().unwrap();
    std::fs::create_dir(split.path().join("ko")).unwrap();
    std::fs::create_dir(split.path().join("en")).unwrap();
    let split_dir = split.path().to_str().unwrap();
    for (lang, title) in [("ko", "파드의 단계"), ("en", "Pod phases")] {
        let alone = tempfile::tempdir().unwrap();
        let alone_dir = alone.path().to_str().unwrap();
        for dir in [alone_dir, split_dir] {
            let made = kubetutor(&[
                "--lang",
                lang,
                "new",
                title,
                "--id",
                "pod-phases",
                "--dir",
                dir,
            ]);
            assert_eq!(made.status.code(), Some(0), "{made:?}");
        }
        let o = kubetutor(&["lint", alone_dir]);
        assert_eq!(
            String::from_utf8(o.stdout).unwrap(),
            format!(
                "Right choices by position as written (the tutor shows them shuffled):\n  \
                 pod-phases.md  1: 1  (1 question)\n  \
                 course ({lang})    1: 1  (1 question)\n\
                 0 errors, 0 warnings in 1 file\n"
            ),
            "{lang}"
        );
        assert_eq!(o.status.code(), Some(0), "{lang}");
    }
    let both = kubetutor(&["lint", split_dir]);
    assert_eq!(
        String::from_utf8(both.stdout).unwrap(),
        "Right choices by position as written (the tutor shows them shuffled):\n  \
         ko/01-pod-phases.md  1: 1  (1 question)\n  \
         en/01-pod-phases.md  1: 1  (1 question)\n  \
         course (ko)          1: 1  (1 question)\n  \
         course (en)          1: 1  (1 question)\n\
         0 errors, 0 warnings in 2 files\n"
    );
    assert_eq!(both.status.code(), Some(0));
}
