//! What container commands do, read as shell.

use super::*;
use std::collections::BTreeMap;

fn run(s: &str) -> Run {
    run_script(s).run
}

fn exit(after_ms: u64, code: i32) -> Run {
    Run::Exit { after_ms, code }
}

#[test]
fn statements_run_in_order_and_the_last_code_wins() {
    assert_eq!(run("sleep 3; exit 1"), exit(3000, 1));
    assert_eq!(run("sleep 5; exit 0"), exit(5000, 0));
    assert_eq!(run("echo hi && sleep 2"), exit(2000, 0));
    assert_eq!(run("true"), exit(0, 0));
    assert_eq!(run("false"), exit(0, 1));
    assert_eq!(run(""), exit(0, 0));
    assert_eq!(run("sleep 1\nsleep 1.5\n"), exit(2500, 0));
    assert_eq!(run("false && sleep 10"), exit(0, 1));
    assert_eq!(run("false || exit 7"), exit(0, 7));
    assert_eq!(run("exit 300"), exit(0, 44));
}

#[test]
fn things_that_never_end() {
    assert_eq!(run("sleep infinity"), Run::Forever);
    assert_eq!(run("tail -f /dev/null"), Run::Forever);
    assert_eq!(run("while true; do sleep 1; done"), Run::Forever);
    assert_eq!(run("nginx -g 'daemon off;'"), Run::Forever);
    assert_eq!(run("python -m http.server 8080"), Run::Forever);
}

#[test]
fn loops_and_branches() {
    assert_eq!(run("for i in 1 2 3; do sleep 1; done"), exit(3000, 0));
    assert_eq!(run("while true; do sleep 2; exit 3; done"), exit(2000, 3));
    assert_eq!(run("if false; then exit 1; else exit 2; fi"), exit(0, 2));
    assert_eq!(run("if [ 1 -eq 1 ]; then exit 5; fi"), exit(0, 5));
    assert_eq!(run("until false; do break; done; exit 4"), exit(0, 4));
}

#[test]
fn logs_follow_the_script() {
    let p = run_script("echo start; sleep 2; echo \"done $((1))\"; for x in a b; do echo $x; done");
    assert_eq!(p.logs_until(0, 10), ["start"]);
    assert_eq!(p.logs_until(5000, 10), ["start", "done $((1))", "a", "b"]);
    let looping = run_script("while true; do echo tick; sleep 5; done");
    assert_eq!(looping.run, Run::Forever);
    assert_eq!(looping.logs_until(12_000, 10), ["tick", "tick", "tick"]);
    assert_eq!(looping.logs_until(12_000, 2), ["tick", "tick"]);
}

#[test]
fn argv_without_a_shell_is_one_command() {
    let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    assert_eq!(run_argv(&s(&["sleep", "3600"])).run, exit(3_600_000, 0));
    // Nothing sets HOSTNAME outside a container: printenv says so with 1.
    assert_eq!(run_argv(&s(&["printenv", "HOSTNAME"])).run, exit(0, 1));
    assert_eq!(
        run_argv(&s(&["/bin/sh", "-c", "sleep 1; exit 2"])).run,
        exit(1000, 2)
    );
    assert_eq!(run_argv(&s(&["sh"])).run, exit(0, 0));
}

/// Files and variables of a made-up container.
struct TestHost {
    fs: crate::sim::fs::FsView,
    env: BTreeMap<String, String>,
}

impl Host for TestHost {
    fn fs(&mut self) -> &mut crate::sim::fs::FsView {
        &mut self.fs
    }

    fn env(&self) -> &BTreeMap<String, String> {
        &self.env
    }
}

fn host() -> TestHost {
    let mut env = BTreeMap::new();
    env.insert("COLOR".to_string(), "blue".to_string());
    let mut fs = crate::sim::fs::FsView::new();
    fs.mount("/tmp", &Default::default(), false);
    let mut cm = crate::sim::fs::Files::new();
    cm.insert("game.properties".into(), "lives=3\nlevel=1".into());
    fs.mount("/etc/config", &cm, true);
    TestHost { fs, env }
}

#[test]
fn files_variables_and_redirection() {
    let mut h = host();
    let p = run_script_on(
        "echo color is $COLOR; cat /etc/config/game.properties; touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; echo saved > /tmp/out; cat /tmp/out; cat /nope; env",
        &mut h,
    );
    assert_eq!(
        p.logs_until(60_000, 20),
        [
            "color is blue",
            "lives=3",
            "level=1",
            "saved",
            "cat: can't open '/nope': No such file or directory",
            "COLOR=blue"
        ]
    );
    let times: Vec<u64> = p.ops.iter().map(|(t, _)| *t).collect();
    assert_eq!(times, [0, 30_000, 30_000]);
    assert_eq!(p.ops_between(0, 1).len(), 1);
    assert_eq!(p.ops_between(1, 30_001).len(), 2);
    assert_eq!(p.next_op_from(1), Some(30_000));
    let ro = run_script_on("echo x > /etc/config/color", &mut h);
    assert_eq!(ro.run, exit(0, 1));
    assert_eq!(
        ro.logs_until(0, 5),
        ["sh: can't create /etc/config/color: Read-only file system"]
    );
    assert_eq!(
        run_script_on("[ -f /etc/config/game.properties ]", &mut h).run,
        exit(0, 0)
    );
    assert_eq!(
        run_script_on("test -f /etc/config/missing", &mut h).run,
        exit(0, 1)
    );
    assert_eq!(
        run_script_on("cat /nope 2>/dev/null", &mut h).logs,
        Vec::<(u64, String)>::new()
    );
}

#[test]
fn looping_writers_repeat_their_file_changes() {
    let mut h = host();
    let p = run_script_on(
        "while true; do echo tick >> /tmp/log; sleep 5; done",
        &mut h,
    );
    assert_eq!(p.run, Run::Forever);
    assert_eq!(p.ops_between(0, 12_000).len(), 3);
    assert_eq!(p.next_op_from(12_000), Some(15_000));
}
