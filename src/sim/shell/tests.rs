//! What container commands do, read as shell.

use super::*;

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
    assert_eq!(run_argv(&s(&["printenv", "HOSTNAME"])).run, exit(0, 0));
    assert_eq!(
        run_argv(&s(&["/bin/sh", "-c", "sleep 1; exit 2"])).run,
        exit(1000, 2)
    );
    assert_eq!(run_argv(&s(&["sh"])).run, exit(0, 0));
}
