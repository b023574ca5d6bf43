//! `--lessons` pointing at something that is not a course: a missing path, a
//! file, an empty folder. The tutor, `list` and `render` all stop before
//! doing anything else, with one clear line on stderr and exit status 1.

use std::path::Path;
use std::process::{Command, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_kubetutor");

fn run(args: &[&str], lessons: &Path) -> (String, String, Option<i32>) {
    let o = Command::new(BIN)
        .args(args)
        .arg("--lessons")
        .arg(lessons)
        .env(
            "KUBETUTOR_PROGRESS",
            lessons.with_extension("progress.json"),
        )
        .stdin(Stdio::null())
        .output()
        .unwrap();
    (
        String::from_utf8(o.stdout).unwrap(),
        String::from_utf8(o.stderr).unwrap(),
        o.status.code(),
    )
}

fn check_every_entry(lessons: &Path, message: &str) {
    for args in [&[][..], &["list"], &["render", "pods", "--width", "60"]] {
        let (stdout, stderr, code) = run(args, lessons);
        assert_eq!(stderr, format!("kubetutor: {message}\n"), "{args:?}");
        assert_eq!(stdout, "", "{args:?}");
        assert_eq!(code, Some(1), "{args:?}");
    }
}

#[test]
fn a_missing_path() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("no-such-course");
    check_every_entry(
        &missing,
        &format!("lessons folder {} does not exist", missing.display()),
    );
}

#[test]
fn a_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("01-pods.md");
    std::fs::write(&file, "# Pods\n\nA lesson file, not a folder.\n").unwrap();
    check_every_entry(
        &file,
        &format!(
            "{} is a file: --lessons takes a folder of lesson files (.md or .markdown)",
            file.display()
        ),
    );
}

#[test]
fn an_empty_folder() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("course");
    std::fs::create_dir_all(empty.join("en")).unwrap();
    std::fs::write(empty.join("README.md"), "# Not a lesson\n").unwrap();
    check_every_entry(
        &empty,
        &format!(
            "no lesson files (.md or .markdown) in {}: put them in ko/ and en/ sub-folders or directly in the folder",
            empty.display()
        ),
    );
}
