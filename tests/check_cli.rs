//! `kubetutor check`, run as the built binary: pass, fail, invalid YAML with
//! line numbers, unknown ids, the list, the progress it records, and
//! `--watch` picking up a save.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/exercises")
        .join(name)
}

fn command(args: &[&str], progress: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_kubetutor"));
    c.args(args)
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("KUBETUTOR_PROGRESS", progress);
    c
}

/// `kubetutor check --lessons <fixture course> ARGS`, in `dir`.
fn check(args: &[&str], dir: &Path) -> Output {
    let course = fixture("course");
    let mut all = vec!["check", "--lessons", course.to_str().unwrap()];
    all.extend_from_slice(args);
    command(&all, &dir.join("progress.json"))
        .current_dir(dir)
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

/// A scratch folder holding a copy of a fixture manifest as `name`.
fn scratch(fixture_name: &str, name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(fixture(fixture_name), dir.path().join(name)).unwrap();
    dir
}

const GOAL: &str = "exercise scale-web: Add a Pod named extra with the label app=web, so that four Pods labelled app=web run.\n";

#[test]
fn a_passing_manifest_prints_each_check_and_exits_zero() {
    let dir = scratch("extra.yaml", "extra.yaml");
    let o = check(&["scale-web", "extra.yaml"], dir.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        format!(
            "{GOAL}pod/extra created\n\
             ✓ Pod extra: metadata.labels.app = web — metadata.labels.app is web\n\
             ✓ pods app=web: 4 Running — 4 of 4 pods Running\n\
             PASS: all 2 checks hold (after 1s of simulated time)\n"
        )
    );
    assert_eq!(stderr(&o), "");
}

#[test]
fn a_failing_manifest_names_the_checks_that_fail_and_exits_one() {
    let dir = scratch("extra-unlabelled.yaml", "extra.yaml");
    let o = check(&["scale-web", "extra.yaml"], dir.path());
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stdout(&o),
        format!(
            "{GOAL}pod/extra created\n\
             ✗ Pod extra: metadata.labels.app = web — metadata.labels is missing: metadata has no field labels\n\
             ✗ pods app=web: 4 Running — 3 of 3 pods Running, expected 4\n\
             FAIL: 2 of 2 checks do not hold (waited 2m of simulated time)\n"
        )
    );
}

#[test]
fn invalid_yaml_is_reported_by_file_line_and_column_like_validate() {
    let dir = scratch("extra-typo.yaml", "extra.yaml");
    let o = check(&["scale-web", "extra.yaml"], dir.path());
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stdout(&o),
        format!(
            "{GOAL}extra.yaml:8:3: spec.contianers: unknown field \"spec.contianers\"\n    \
             hint: did you mean \"containers\"?\n\
             FAIL: the manifest has 1 error; nothing was applied\n"
        )
    );
    // Syntax errors too: an unclosed quote, at its line.
    std::fs::write(
        dir.path().join("extra.yaml"),
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: \"extra\n",
    )
    .unwrap();
    let o = check(&["scale-web", "extra.yaml"], dir.path());
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(
        out.lines().nth(1).unwrap().starts_with("extra.yaml:4:"),
        "{out}"
    );
}

#[test]
fn korean_output_keeps_the_english_original_of_validation_errors() {
    let dir = scratch("extra-typo.yaml", "extra.yaml");
    let o = check(&["--lang", "ko", "scale-web", "extra.yaml"], dir.path());
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stdout(&o),
        "실습 scale-web: app=web 레이블을 가진 파드 extra를 더해서 app=web 파드 네 개가 실행되게 하십시오.\n\
         extra.yaml:8:3: spec.contianers: 알 수 없는 필드 \"spec.contianers\" (unknown field \"spec.contianers\")\n    \
         힌트: \"containers\"를 쓰려던 것인가요?\n\
         실패: 매니페스트에 오류 1개; 아무것도 적용하지 않았습니다\n"
    );
}

#[test]
fn an_unknown_id_is_a_usage_error_with_a_suggestion() {
    let dir = scratch("extra.yaml", "extra.yaml");
    let o = check(&["scale-wbe", "extra.yaml"], dir.path());
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(stdout(&o), "");
    assert_eq!(
        stderr(&o),
        "kubetutor: no exercise \"scale-wbe\" in the course\n  did you mean scale-web?\n  the exercises: kubetutor check --list\n"
    );
    let o = check(&["nothing-like-it", "extra.yaml"], dir.path());
    assert_eq!(o.status.code(), Some(2));
    assert!(!stderr(&o).contains("did you mean"), "{}", stderr(&o));
    // No attempt was recorded for an unknown exercise.
    assert!(!dir.path().join("progress.json").exists());
}

#[test]
fn a_missing_file_or_argument_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let o = check(&["scale-web", "nope.yaml"], dir.path());
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(stderr(&o), "nope.yaml: no such file\n");
    let o = check(&["scale-web"], dir.path());
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("<FILE>"), "{}", stderr(&o));
}

#[test]
fn list_shows_every_exercise_with_its_goal() {
    let dir = tempfile::tempdir().unwrap();
    let o = check(&["--list"], dir.path());
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        stdout(&o),
        "scale-web  (lesson scale)\n    Add a Pod named extra with the label app=web, so that four Pods labelled app=web run.\n"
    );
    // The built-in course: every exercise id, once per id.
    let o = command(&["check", "--list"], &dir.path().join("p.json"))
        .output()
        .unwrap();
    let out = stdout(&o);
    for id in [
        "pods-first-pod",
        "declarative-three-replicas",
        "json-yaml-write-json",
    ] {
        assert_eq!(out.matches(&format!("{id}  (lesson ")).count(), 1, "{out}");
    }
}

#[test]
fn attempts_passes_and_the_draft_are_recorded_in_the_progress() {
    let dir = scratch("extra-unlabelled.yaml", "extra.yaml");
    assert_eq!(
        check(&["scale-web", "extra.yaml"], dir.path())
            .status
            .code(),
        Some(1)
    );
    std::fs::copy(fixture("extra.yaml"), dir.path().join("extra.yaml")).unwrap();
    assert_eq!(
        check(&["scale-web", "extra.yaml"], dir.path())
            .status
            .code(),
        Some(0)
    );
    let saved: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("progress.json")).unwrap())
            .unwrap();
    let x = &saved["lessons"]["scale"]["exercises"]["scale-web"];
    let attempts: Vec<bool> = x["attempts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["passed"].as_bool().unwrap())
        .collect();
    assert_eq!(attempts, [false, true]);
    assert!(x["passed"].is_string(), "{x}");
    assert_eq!(
        x["draft"]["text"].as_str().unwrap(),
        std::fs::read_to_string(fixture("extra.yaml")).unwrap()
    );
}

#[test]
fn the_built_in_course_solution_passes_from_the_shell() {
    let dir = tempfile::tempdir().unwrap();
    let catalog = kubetutor::lesson::Catalog::embedded();
    let ex =
        kubetutor::exercise::course::find(&catalog, "pods-first-pod", kubetutor::lang::Lang::En)
            .expect("the course has pods-first-pod");
    let file = dir.path().join("pod.yaml");
    std::fs::write(&file, &ex.spec.solution).unwrap();
    let o = command(
        &["check", "pods-first-pod", file.to_str().unwrap()],
        &dir.path().join("p.json"),
    )
    .output()
    .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(stdout(&o).contains("\nPASS: all "), "{}", stdout(&o));
}

/// The "done when", from the shell: a typo at a known line is
/// reported at that line with the suggestion; once fixed, the checks pass;
/// the verdict is the one the runner (and so the TUI) gives.
#[test]
fn a_typo_is_found_at_its_line_then_the_fix_passes() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("pod.yaml");
    let good = std::fs::read_to_string(fixture("extra.yaml")).unwrap();
    let typo = good.replace("  containers:", "  contianers:");
    let line = typo.lines().position(|l| l.contains("contianers")).unwrap() + 1;
    std::fs::write(&file, &typo).unwrap();
    let o = check(&["scale-web", "pod.yaml"], dir.path());
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(
        out.contains(&format!(
            "pod.yaml:{line}:3: spec.contianers: unknown field \"spec.contianers\"\n    hint: did you mean \"containers\"?\n"
        )),
        "{out}"
    );
    std::fs::write(&file, &good).unwrap();
    let o = check(&["scale-web", "pod.yaml"], dir.path());
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));

    // The same verdict as the runner the tutor calls.
    let catalog =
        kubetutor::lesson::Catalog::from_dir(&fixture("course")).expect("the fixture course");
    let ex = kubetutor::exercise::course::find(&catalog, "scale-web", kubetutor::lang::Lang::En)
        .unwrap();
    let report = kubetutor::exercise::run(
        ex.spec,
        ex.section_setup,
        &good,
        kubetutor::lang::Lang::En,
        1,
    );
    assert!(report.passed());
    assert!(stdout(&o).ends_with(&format!("{}\n", report.verdict(kubetutor::lang::Lang::En))));
}

// ---- --watch ------------------------------------------------------------

/// Lines of a child's stdout, read on a thread.
fn lines_of(child: &mut Child) -> Receiver<String> {
    let out = child.stdout.take().unwrap();
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        for line in BufReader::new(out).lines() {
            let Ok(line) = line else { break };
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    rx
}

/// Read lines until one satisfies `done`; everything read is kept in `seen`.
/// The wait is bounded so a broken watch fails the test instead of hanging.
fn read_until(rx: &Receiver<String>, seen: &mut Vec<String>, done: impl Fn(&str) -> bool) {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        match rx.recv_timeout(left) {
            Ok(line) => {
                let stop = done(&line);
                seen.push(line);
                if stop {
                    return;
                }
            }
            Err(_) => panic!("no matching line; got:\n{}", seen.join("\n")),
        }
    }
}

/// Save like an editor that writes a new file and renames it over the old
/// one, so the watch never reads a half-written file.
fn save(dir: &Path, from_fixture: &str) {
    let tmp = dir.join(".extra.yaml.tmp");
    std::fs::copy(fixture(from_fixture), &tmp).unwrap();
    std::fs::rename(&tmp, dir.join("extra.yaml")).unwrap();
}

struct Killed(Child);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn watch_checks_again_when_the_file_is_saved_and_waits_for_a_deleted_file() {
    let dir = scratch("extra-unlabelled.yaml", "extra.yaml");
    let course = fixture("course");
    let mut child = command(
        &[
            "check",
            "--lessons",
            course.to_str().unwrap(),
            "scale-web",
            "extra.yaml",
            "--watch",
        ],
        &dir.path().join("progress.json"),
    )
    .current_dir(dir.path())
    .stdout(Stdio::piped())
    .stderr(Stdio::null())
    .spawn()
    .unwrap();
    let rx = lines_of(&mut child);
    let mut child = Killed(child);
    let mut seen = Vec::new();
    let verdict = |l: &str| l.starts_with("PASS: ") || l.starts_with("FAIL: ");

    read_until(&rx, &mut seen, |l| l.starts_with("── watching extra.yaml"));
    assert_eq!(seen[0], "── check #1: extra.yaml ──");
    assert!(
        seen.iter().any(|l| l.starts_with("FAIL: 2 of 2 checks")),
        "{seen:?}"
    );

    // Save the fixed file: a second run, separated from the first, passes.
    seen.clear();
    save(dir.path(), "extra.yaml");
    read_until(&rx, &mut seen, verdict);
    assert_eq!(seen[0], "── check #2: extra.yaml ──", "{seen:?}");
    assert_eq!(
        seen.last().unwrap(),
        "PASS: all 2 checks hold (after 1s of simulated time)"
    );

    // Delete it: reported, then waited for; writing it back checks again.
    read_until(&rx, &mut seen, |l| l.starts_with("── watching"));
    seen.clear();
    std::fs::remove_file(dir.path().join("extra.yaml")).unwrap();
    read_until(&rx, &mut seen, |l| l.contains("no such file"));
    assert_eq!(
        seen.last().unwrap(),
        "extra.yaml: no such file; waiting for the file to come back"
    );
    seen.clear();
    save(dir.path(), "extra-typo.yaml");
    read_until(&rx, &mut seen, verdict);
    assert_eq!(seen[0], "── check #3: extra.yaml ──", "{seen:?}");
    assert!(
        seen.contains(
            &"extra.yaml:8:3: spec.contianers: unknown field \"spec.contianers\"".to_string()
        ),
        "{seen:?}"
    );

    // Ctrl-C ends it with the last verdict's status.
    #[cfg(unix)]
    {
        let pid = child.0.id().to_string();
        let _ = Command::new("kill").args(["-INT", &pid]).status();
        let deadline = Instant::now() + Duration::from_secs(30);
        let status = loop {
            if let Some(s) = child.0.try_wait().unwrap() {
                break s;
            }
            assert!(Instant::now() < deadline, "still running after SIGINT");
            std::thread::sleep(Duration::from_millis(50));
        };
        assert_eq!(status.code(), Some(1));
    }
}
