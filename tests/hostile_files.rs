//! Files that are not what they seem (issue #15, item 1): a terminal, a
//! FIFO, `/dev/zero`, a huge file, a link out of the lesson folder. Every
//! command that reads a named file refuses them with a message saying what
//! the path is, and never hangs or grows: each run here is watched, and a
//! run still going after a minute is killed and fails the test as a hang
//! (a guard, not a speed measurement).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_kubetutor");

struct Run {
    stdout: String,
    stderr: String,
    code: i32,
}

/// Run the binary with `args`; stdin is a pipe nobody writes to (as a
/// terminal nobody types at), so a read of it would block for ever.
fn run(args: &[&str]) -> Run {
    let dir = tempfile::tempdir().unwrap();
    let mut child = Command::new(BIN)
        .args(args)
        .env("XDG_DATA_HOME", dir.path())
        .env("KUBETUTOR_PROGRESS", dir.path().join("p.json"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let _keep_stdin_open = child.stdin.take();
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(60) {
            child.kill().unwrap();
            panic!("kubetutor {args:?} hung");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let out = child.wait_with_output().unwrap();
    Run {
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        code: out.status.code().unwrap_or(-1),
    }
}

fn fifo(dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    assert!(
        Command::new("mkfifo")
            .arg(&path)
            .status()
            .unwrap()
            .success()
    );
    path
}

#[test]
fn validate_convert_and_check_refuse_devices_and_fifos() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = fifo(dir.path(), "pod.yaml");
    let fifo = fifo.to_str().unwrap();
    for path in ["/dev/zero", "/dev/stdin", fifo] {
        let r = run(&["validate", path]);
        assert_eq!(r.code, 1, "{path}: {}", r.stdout);
        assert!(
            r.stdout.contains("not a regular file"),
            "{path}: {}",
            r.stdout
        );

        let r = run(&["convert", path, "--to", "json"]);
        assert_eq!(r.code, 1, "{path}");
        assert!(
            r.stderr.contains("not a regular file"),
            "{path}: {}",
            r.stderr
        );

        let r = run(&["check", "pods-first-pod", path]);
        assert_ne!(r.code, 0, "{path}");
        assert!(
            r.stderr.contains("not a regular file"),
            "{path}: {}",
            r.stderr
        );
    }
}

#[test]
fn a_manifest_over_8_mib_is_refused_saying_the_limit() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.yaml");
    let mut text = String::from("# padding\n");
    while text.len() <= 8 * 1024 * 1024 {
        text.push_str("# ................................................................\n");
    }
    std::fs::write(&big, text).unwrap();
    let r = run(&["validate", big.to_str().unwrap()]);
    assert_eq!(r.code, 1);
    assert!(
        r.stdout.contains("more than the 8 MiB limit"),
        "{}",
        r.stdout
    );
}

#[test]
fn sim_apply_of_a_device_or_fifo_says_what_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = fifo(dir.path(), "f.yaml");
    let script = dir.path().join("script.txt");
    std::fs::write(
        &script,
        format!(
            "apply -f /dev/zero\napply -f /dev/stdin\napply -f {}\n",
            fifo.display()
        ),
    )
    .unwrap();
    let r = run(&["sim", "--script", script.to_str().unwrap()]);
    assert_eq!(r.code, 1);
    assert_eq!(
        r.stdout.matches("not a regular file").count(),
        3,
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("(a pipe or FIFO)"), "{}", r.stdout);
    let r = run(&["sim", "--script", fifo.to_str().unwrap()]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("not a regular file"), "{}", r.stderr);
}

#[test]
fn render_refuses_a_fifo_and_a_device() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = fifo(dir.path(), "x.md");
    for path in [fifo.to_str().unwrap(), "/dev/zero"] {
        let r = run(&["render", path]);
        assert_eq!(r.code, 1, "{path}");
        assert!(
            r.stderr.contains("not a regular file"),
            "{path}: {}",
            r.stderr
        );
    }
}

/// A lesson folder with `x.md -> /dev/zero`, a FIFO and a link out of the
/// folder: each is reported, and the good lesson still loads.
#[test]
fn a_lesson_folder_with_devices_fifos_and_links_out_loads_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let en = dir.path().join("en");
    std::fs::create_dir(&en).unwrap();
    std::fs::write(en.join("01-good.md"), "# Good\n\nText.\n").unwrap();
    std::os::unix::fs::symlink("/dev/zero", en.join("02-zero.md")).unwrap();
    std::os::unix::fs::symlink("/etc/hostname", en.join("03-out.md")).unwrap();
    fifo(&en, "04-fifo.md");
    let r = run(&[
        "list",
        "--lessons",
        dir.path().to_str().unwrap(),
        "--lang",
        "en",
    ]);
    let all = format!("{}{}", r.stdout, r.stderr);
    assert!(r.stdout.contains("good"), "{all}");
    assert!(all.contains("02-zero.md"), "{all}");
    assert!(all.contains("03-out.md"), "{all}");
    assert!(all.contains("04-fifo.md"), "{all}");
}

/// A lesson whose setup runs `apply -f /dev/stdin` or names a file outside
/// its folder: lint reports each as an error at its line, and running it
/// reads nothing.
#[test]
fn lint_reports_lesson_commands_reading_outside_the_folder() {
    let dir = tempfile::tempdir().unwrap();
    let en = dir.path().join("en");
    std::fs::create_dir(&en).unwrap();
    std::fs::write(dir.path().join("secret.yaml"), "kind: Pod\n").unwrap();
    std::fs::write(
        en.join("01-x.md"),
        "# X\n\nIntro.\n\n## Step\n\n```cluster\ncommands:\n  - apply -f /dev/stdin\n```\n\n## Two\n\n```cluster\ncommands:\n  - apply -f ../secret.yaml\n```\n",
    )
    .unwrap();
    let r = run(&["lint", "--lessons", dir.path().to_str().unwrap()]);
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    assert!(
        r.stdout.contains("01-x.md:9:") && r.stdout.contains("an absolute path"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains("01-x.md:16:") && r.stdout.contains("leaving the lesson folder"),
        "{}",
        r.stdout
    );
}
