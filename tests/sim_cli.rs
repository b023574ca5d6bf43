//! `kubetutor sim`: the real binary runs the scripts in tests/scripts/ and
//! must print exactly the recorded output (`NAME.out`, reviewed by hand
//! against kubectl's formats) with the right exit status.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

fn scripts() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/scripts"))
}

fn run_script(name: &str) -> (String, i32) {
    let out = Command::new(env!("CARGO_BIN_EXE_kubetutor"))
        .args(["sim", "--script", &format!("{name}.txt")])
        .current_dir(scripts())
        .output()
        .expect("run kubetutor");
    (
        String::from_utf8(out.stdout).expect("utf-8"),
        out.status.code().unwrap_or(-1),
    )
}

fn check(name: &str, code: i32) {
    let (stdout, status) = run_script(name);
    let expected =
        std::fs::read_to_string(scripts().join(format!("{name}.out"))).expect("expected output");
    if stdout != expected {
        for (i, (a, b)) in stdout.lines().zip(expected.lines()).enumerate() {
            assert_eq!(a, b, "{name}.out line {}", i + 1);
        }
        assert_eq!(
            stdout.lines().count(),
            expected.lines().count(),
            "{name}: line count"
        );
    }
    assert_eq!(status, code, "{name}: exit status");
}

#[test]
fn the_node_failure_walkthrough_heals_on_other_nodes() {
    check("node-failure", 0);
}

#[test]
fn crashloop_describe_events_and_yaml() {
    check("crashloop", 0);
}

#[test]
fn mistakes_get_one_line_each_and_exit_1() {
    check("mistakes", 1);
}

#[test]
fn apply_rollout_endpoints_and_traffic() {
    check("rollout", 0);
}

#[test]
fn jobs_run_and_logs() {
    check("job", 0);
}

#[test]
fn runtimes_cordon_drain_scenarios_and_help() {
    check("runtime", 1);
}

#[test]
fn stdin_pipeline_of_the_issue() {
    // The "Done when" pipeline of issue 3, fed through standard input.
    let mut child = Command::new(env!("CARGO_BIN_EXE_kubetutor"))
        .arg("sim")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("spawn");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"create deployment web --image=nginx --replicas=3\nwait 30s\nget pods -o wide\nfault node-down node-1\nwait 6m\nget pods -o wide\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let tables: Vec<&str> = text.split("$ get pods -o wide\n").skip(1).collect();
    let first: Vec<&str> = tables[0]
        .lines()
        .skip(1)
        .take_while(|l| !l.starts_with('$'))
        .collect();
    assert_eq!(first.len(), 3);
    assert!(first.iter().all(|l| l.contains(" Running ")));
    assert!(first.iter().any(|l| l.contains(" node-1 ")));
    let second: Vec<&str> = tables[1].lines().skip(1).collect();
    let running_elsewhere = second
        .iter()
        .filter(|l| l.contains(" Running ") && !l.contains(" node-1 "))
        .count();
    assert_eq!(running_elsewhere, 3, "{text}");
    assert!(
        second
            .iter()
            .any(|l| l.contains(" node-1 ") && l.contains("Terminating"))
    );
}

#[test]
fn a_missing_script_is_an_error() {
    let out = Command::new(env!("CARGO_BIN_EXE_kubetutor"))
        .args(["sim", "--script", "no-such-file.txt"])
        .current_dir(scripts())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read script no-such-file.txt"));
}

#[test]
fn namespaces_json_manifests_logs_and_crashes() {
    check("namespaces", 1);
}

/// `sim --help` shows an example script and what the exit status means.
#[test]
fn help_shows_an_example_script_and_the_exit_status() {
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_kubetutor"))
        .args(["sim", "--help"])
        .output()
        .unwrap();
    let help = String::from_utf8(o.stdout).unwrap();
    for needle in [
        "wait 2m",
        "kubetutor sim --script crashloop.txt",
        "Exit status: 0 when every command succeeded, 1 when",
    ] {
        assert!(help.contains(needle), "{needle}:\n{help}");
    }
}

/// `apply -f` with an invalid manifest gives the same hints as
/// `kubetutor validate` (`:apply -f FILE` in the tutor runs the same).
#[test]
fn apply_of_an_invalid_manifest_gives_validates_hints() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("bad.yaml");
    std::fs::write(
        &file,
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      imagee: nginx\n",
    )
    .unwrap();
    let mut cluster = kubetutor::sim::Cluster::new(1);
    let out = kubetutor::kubectl::execute(&mut cluster, &format!("apply -f {}", file.display()));
    assert!(!out.ok);
    assert!(
        out.output.contains(
            "unknown field \"spec.containers[0].imagee\"\n    hint: did you mean \"image\"?"
        ),
        "{}",
        out.output
    );
}
