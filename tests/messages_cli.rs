//! Messages that said too little or too much (issue #15, item 13).

use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_kubetutor");

fn run(args: &[&str]) -> (String, String, i32) {
    let out = Command::new(BIN).args(args).output().unwrap();
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code().unwrap_or(-1),
    )
}

/// A script with CR-only line ends was read as one line.
#[test]
fn a_sim_script_with_cr_line_ends_runs_each_line() {
    let dir = tempfile::tempdir().unwrap();
    let script = dir.path().join("s.txt");
    std::fs::write(
        &script,
        "create deployment web --image=nginx\rwait 30s\rget deployments\r",
    )
    .unwrap();
    let (out, err, code) = run(&["sim", "--script", script.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}{err}");
    assert_eq!(
        out.matches("\n$ ").count() + usize::from(out.starts_with("$ ")),
        3,
        "{out}"
    );
    assert!(out.contains("deployment.apps/web created"), "{out}");
}

/// An I/O error was said twice: `…Permission denied (os error 13):
/// Permission denied (os error 13)`.
#[test]
fn a_progress_error_says_its_cause_once() {
    let e = kubetutor::progress::ProgressError::Io {
        action: "write",
        path: "/x/progress.json".into(),
        source: std::io::Error::from_raw_os_error(13),
    };
    let shown = format!(
        "{:#}",
        anyhow::Error::from(e).context("progress was not reset (/x/progress.json is unchanged)")
    );
    assert_eq!(shown.matches("os error 13").count(), 1, "{shown}");
}

/// A lesson that cannot be shown: its errors, then the one sentence, each
/// on its own line.
#[test]
fn render_says_once_that_a_file_is_not_a_lesson() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("x.md");
    std::fs::write(&file, "---\nid: x\ntitle: [\n---\n# X\n").unwrap();
    let (_, err, code) = run(&["render", file.to_str().unwrap()]);
    assert_eq!(code, 1);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 2, "{err:?}");
    assert!(lines[0].contains("x.md:4: front matter:"), "{err}");
    assert!(
        lines[1].starts_with("kubetutor: ")
            && lines[1].ends_with("is not a lesson that can be shown"),
        "{err}"
    );
}

/// Invalid UTF-8 named no line or byte offset.
#[test]
fn invalid_utf8_names_its_line_and_offset() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("x.md");
    std::fs::write(&file, b"# X\n\nGood.\nBad \xc3\x28 here.\n").unwrap();
    let (_, err, code) = run(&["render", file.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(
        err.contains("invalid byte at line 4 (byte offset 15)"),
        "{err}"
    );
}
