//! Running `kubetutor serve` and the real kubectl against it, for the tests
//! of the HTTP API. kubectl is found as the project's machines have it: the
//! `kubectl` on PATH links into a folder where `kubectl.1.27` ...
//! `kubectl.1.33` stand beside it. A missing kubectl fails the test with a
//! clear message (never a skip).

#![allow(dead_code)]

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

/// `kubectl.1.33` or `kubectl.1.27` beside the real kubectl.
pub fn kubectl(version: &str) -> PathBuf {
    let on_path = std::env::var_os("PATH")
        .and_then(|p| std::env::split_paths(&p).map(|d| d.join("kubectl")).find(|p| p.is_file()))
        .unwrap_or_else(|| panic!("kubectl is not on PATH: the serve tests need the real kubectl {version} (see .ci/run)"));
    let real = std::fs::canonicalize(&on_path).expect("resolve kubectl");
    let dir = real.parent().expect("kubectl's folder");
    let fixed = dir.join(format!("kubectl.{version}"));
    assert!(
        fixed.is_file(),
        "{} is missing: the serve tests need kubectl {version} beside {} (see .ci/run)",
        fixed.display(),
        real.display()
    );
    fixed
}

/// A running `kubetutor serve`, stopped (SIGTERM) when dropped.
pub struct Served {
    pub child: Child,
    /// Kept open: the server's later lines go here.
    _stdout: BufReader<std::process::ChildStdout>,
    pub dir: tempfile::TempDir,
    pub url: String,
}

impl Served {
    pub fn start(args: &[&str]) -> Served {
        let dir = tempfile::tempdir().expect("tempdir");
        let kubeconfig = dir.path().join("kubeconfig");
        let mut child = Command::new(env!("CARGO_BIN_EXE_kubetutor"))
            .arg("serve")
            .args(["--port", "0", "--kubeconfig"])
            .arg(&kubeconfig)
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start kubetutor serve");
        let mut first = String::new();
        let mut stdout = BufReader::new(child.stdout.take().expect("stdout"));
        stdout.read_line(&mut first).expect("read the first line");
        let url = first
            .split_whitespace()
            .find(|w| w.starts_with("https://"))
            .unwrap_or_else(|| panic!("no address in {first:?}"))
            .to_string();
        Served {
            child,
            _stdout: stdout,
            dir,
            url,
        }
    }

    /// The server's standard output after its first line.
    pub fn stdout(&mut self) -> &mut BufReader<std::process::ChildStdout> {
        &mut self._stdout
    }

    pub fn kubeconfig(&self) -> PathBuf {
        self.dir.path().join("kubeconfig")
    }

    /// Run kubectl with the served kubeconfig; (stdout, stderr, success).
    pub fn run(&self, kubectl: &Path, args: &[&str], cwd: &Path) -> (String, String, bool) {
        let home = self.dir.path().join("home");
        let out = Command::new(kubectl)
            .args(args)
            .current_dir(cwd)
            .env("KUBECONFIG", self.kubeconfig())
            .env("HOME", &home)
            .env("TZ", "UTC")
            .env_remove("KUBECTL_EXTERNAL_DIFF")
            .output()
            .expect("run kubectl");
        (
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
            out.status.success(),
        )
    }

    /// The bearer token written into the kubeconfig.
    pub fn token(&self) -> String {
        let text = std::fs::read_to_string(self.kubeconfig()).expect("kubeconfig");
        text.lines()
            .find_map(|l| l.trim().strip_prefix("token: "))
            .expect("token line")
            .to_string()
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        let _ = self.child.wait();
    }
}

/// Whether a word is a kubectl duration (`5s`, `3m20s`, `2d3h`).
pub fn is_duration(w: &str) -> bool {
    let w = w.trim_end_matches([',', ')']);
    let w = w.strip_prefix('(').unwrap_or(w);
    if w.is_empty() || !w.as_bytes()[0].is_ascii_digit() {
        return false;
    }
    let mut digits = false;
    let mut chars = w.chars().peekable();
    let mut units = 0;
    while let Some(c) = chars.next() {
        if c.is_ascii_digit() || c == '.' {
            digits = true;
        } else if "smhdy".contains(c) && digits {
            if c == 'm' && chars.peek() == Some(&'s') {
                chars.next();
            }
            units += 1;
            digits = false;
        } else {
            return false;
        }
    }
    units > 0 && !digits
}

/// Output made comparable across runs: ages and wall-clock dates replaced,
/// runs of spaces (which follow the widths of those) collapsed, and the
/// progress lines of `rollout status` (how many depend on timing) dropped.
pub fn normalise(text: &str) -> String {
    let mut out = String::new();
    for line in text.lines() {
        if line.starts_with("Waiting for deployment") || line.starts_with("Waiting for rollout") {
            continue;
        }
        let mut line = line.to_string();
        while let Some(i) = line.find(" +0000") {
            // `Mon, 07 Dec 2026 11:45:37 +0000`
            let start = i.saturating_sub(25);
            line.replace_range(start..i + 6, "<date>");
        }
        let words: Vec<String> = line
            .split(' ')
            .map(|w| {
                if is_duration(w) {
                    "<age>".to_string()
                } else {
                    w.to_string()
                }
            })
            .collect();
        let joined = words.join(" ");
        // The indent is kept as it is (it is fixed by the describer's
        // levels); runs of spaces after it follow column widths.
        let body = joined.trim_start_matches(' ');
        let mut body = body.to_string();
        while body.contains("  ") {
            body = body.replace("  ", " ");
        }
        out.push_str(&joined[..joined.len() - joined.trim_start_matches(' ').len()]);
        out.push_str(body.trim_end());
        out.push('\n');
    }
    out
}
