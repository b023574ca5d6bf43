//! The real kubectl (1.33 and 1.27) against `kubetutor serve --speed 20`:
//! every command of tests/scripts/serve/kubectl.txt, its output compared
//! with the recorded `kubectl-VERSION.out` (reviewed by hand). Ages and
//! wall-clock dates are masked, since they follow the wall clock.
//! `KUBETUTOR_BLESS=1` rewrites the recorded outputs.

#[path = "support/serve.rs"]
mod serve;

use serve::{Served, kubectl, normalise};
use std::path::Path;

fn script_dir() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/scripts/serve"))
}

fn run_script(version: &str) {
    let k = kubectl(version);
    let served = Served::start(&["--speed", "20", "--seed", "1"]);
    let script = std::fs::read_to_string(script_dir().join("kubectl.txt")).expect("script");
    let mut transcript = String::new();
    for line in script
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
    {
        let args: Vec<&str> = line.split_whitespace().collect();
        let (stdout, stderr, ok) = served.run(&k, &args, script_dir());
        transcript.push_str(&format!("$ kubectl {line}\n"));
        transcript.push_str(&normalise(&stdout));
        if !stderr.is_empty() {
            transcript.push_str("stderr:\n");
            transcript.push_str(&normalise(&stderr));
        }
        if !ok {
            transcript.push_str("(exit status: failure)\n");
        }
    }
    let expected_path = script_dir().join(format!("kubectl-{version}.out"));
    if std::env::var_os("KUBETUTOR_BLESS").is_some() {
        std::fs::write(&expected_path, &transcript).expect("write expected");
        return;
    }
    let expected = std::fs::read_to_string(&expected_path).expect("recorded output");
    for (i, (got, want)) in transcript.lines().zip(expected.lines()).enumerate() {
        assert_eq!(
            got,
            want,
            "kubectl {version}, line {} of {}",
            i + 1,
            expected_path.display()
        );
    }
    assert_eq!(
        transcript.lines().count(),
        expected.lines().count(),
        "kubectl {version}: line count"
    );
}

#[test]
fn kubectl_1_33_runs_the_script() {
    run_script("1.33");
}

#[test]
fn kubectl_1_27_runs_the_script() {
    run_script("1.27");
}
