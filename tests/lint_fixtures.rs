//! `kubetutor lint` on broken lessons, through the built binary: each
//! folder under tests/fixtures/lint/ has one problem, and lint must report
//! exactly its lines (`path:line: severity: message`) and exit status; the
//! `--format json` output must say the same thing.

use std::process::{Command, Output};

const FIXTURES: &str = "tests/fixtures/lint";

fn kubetutor(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kubetutor"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

const POSITIONS: &str = "Right choices by position as written (the tutor shows them shuffled):";

/// Lint's text output without its block of right choices by position
/// (informational; [`right_choices_by_position`] checks it), and that block.
fn split_positions(out: &str) -> (String, Vec<String>) {
    let mut findings = String::new();
    let mut positions = Vec::new();
    let mut inside = false;
    for line in out.lines() {
        if line == POSITIONS {
            inside = true;
        } else if inside && line.starts_with("  ") {
            positions.push(line.trim().to_string());
        } else {
            inside = false;
            findings.push_str(line);
            findings.push('\n');
        }
    }
    (findings, positions)
}

/// Lint `tests/fixtures/lint/CASE`: the exact text output (findings and
/// summary) and exit status, then the JSON output, which must hold the same
/// findings and summary.
fn expect(case: &str, expected: &str, code: i32) {
    let dir = format!("{FIXTURES}/{case}");
    let o = kubetutor(&["lint", &dir]);
    let (findings, _) = split_positions(&text(&o.stdout));
    assert_eq!(findings, expected, "{case}: text output");
    assert_eq!(text(&o.stderr), "", "{case}: stderr");
    assert_eq!(o.status.code(), Some(code), "{case}: exit status");

    let j = kubetutor(&["lint", "--format", "json", &dir]);
    assert_eq!(j.status.code(), Some(code), "{case}: json exit status");
    let doc: serde_json::Value = serde_json::from_slice(&j.stdout).expect("valid JSON");
    let lines: Vec<String> = doc["findings"]
        .as_array()
        .expect("an array of findings")
        .iter()
        .map(|f| {
            let keys: Vec<&String> = f.as_object().unwrap().keys().collect();
            assert_eq!(keys, ["line", "message", "path", "severity"], "{case}");
            format!(
                "{}:{}: {}: {}",
                f["path"].as_str().unwrap(),
                f["line"].as_u64().unwrap(),
                f["severity"].as_str().unwrap(),
                f["message"].as_str().unwrap()
            )
        })
        .collect();
    let mut expected_lines: Vec<&str> = expected.lines().collect();
    let summary = expected_lines.pop().unwrap();
    assert_eq!(lines, expected_lines, "{case}: json findings");
    let numbers: Vec<u64> = summary
        .split(|c: char| !c.is_ascii_digit())
        .filter_map(|n| n.parse().ok())
        .collect();
    let s = &doc["summary"];
    assert_eq!(
        [&s["errors"], &s["warnings"], &s["files"]].map(|v| v.as_u64().unwrap()),
        numbers[..],
        "{case}: json summary"
    );
}

#[test]
fn a_predict_expectation_the_simulator_contradicts() {
    expect(
        "predict-expect",
        "crash.md:25: error: quiz `crash-status`: expect is \"Running\" but the simulator shows \"CrashLoopBackOff\" (pod crash-demo status after 90s; seed 1); timeline: 0:00.0 Pending · Pending · 0 restarts; 0:00.2 Pending · ContainerCreating · 0 restarts; … (11 more changes); 1:24.4 Running · Running · 4 restarts; 1:27.4 Running · Error · 4 restarts; 1:28.4 Running · CrashLoopBackOff · 4 restarts\n\
         1 error, 0 warnings in 1 file\n",
        1,
    );
}

#[test]
fn a_predict_outcome_no_choice_stands_for() {
    expect(
        "predict-no-choice",
        "crash.md:10: warning: quiz `crash-phase` has no `expect`: lint cannot prove the lesson's expectation (the simulator shows \"Running\": pod crash-demo phase after 90s)\n\
         crash.md:18: error: quiz `crash-phase`: no choice stands for \"Running\", what the simulator shows (pod crash-demo phase after 90s); the choices' values are \"Failed\", \"Succeeded\"\n\
         1 error, 1 warning in 1 file\n",
        1,
    );
}

#[test]
fn an_exercise_whose_solution_fails_a_check() {
    expect(
        "solution-fails",
        "deploy.md:37: error: exercise `web-three`: the solution fails check 2 `pods app=web: 3 Running`: 2 of 2 pods Running, expected 3 (after 1m of simulated time)\n\
         1 error, 0 warnings in 1 file\n",
        1,
    );
}

#[test]
fn an_invalid_solution_is_reported_on_the_lesson_lines_of_its_fields() {
    expect(
        "solution-invalid",
        "pod.md:23: error: exercise `first-pod`: solution: spec.containers[0].image: Required value\n\
         pod.md:24: error: exercise `first-pod`: solution: spec.containers[0].imagePullPolicy: Unsupported value: \"Sometimes\": supported values: \"Always\", \"IfNotPresent\", \"Never\"\n\
         2 errors, 0 warnings in 1 file\n",
        1,
    );
}

#[test]
fn an_exercise_whose_starter_already_passes() {
    expect(
        "starter-passes",
        "pod.md:13: error: exercise `first-pod`: the starter already passes every check (`Pod web exists`, `pods (all): 1 Running`, after 4s of simulated time): the student has nothing to do\n\
         1 error, 0 warnings in 1 file\n",
        1,
    );
}

#[test]
fn a_cluster_block_naming_an_unknown_scenario() {
    expect(
        "unknown-scenario",
        "crash.md:9: error: cluster: unknown scenario \"crash-loop\" (did you mean \"crashloop\"?); scenarios: basic, crashloop, dockershim, image-pull-error, job, load-balancing, node-failure, self-healing\n\
         1 error, 0 warnings in 1 file\n",
        1,
    );
}

#[test]
fn an_invalid_manifest_in_apply_is_reported_on_its_lesson_line() {
    expect(
        "invalid-apply",
        "svc.md:15: error: cluster: apply: spec.replicas: Invalid value: -3: must be greater than or equal to 0\n\
         1 error, 0 warnings in 1 file\n",
        1,
    );
}

#[test]
fn a_failing_command_names_its_line() {
    expect(
        "failing-command",
        "node.md:13: error: cluster: command `fault node-down node-9` fails: Error from server (NotFound): nodes \"node-9\" not found\n\
         1 error, 0 warnings in 1 file\n",
        1,
    );
}

#[test]
fn a_quiz_id_used_in_two_files() {
    expect(
        "duplicate-quiz-id",
        "second.md:9: error: duplicate quiz id `store` in en: first.md:9 has it too\n\
         1 error, 0 warnings in 2 files\n",
        1,
    );
}

#[test]
fn a_missing_image() {
    expect(
        "missing-asset",
        "pods.md:8: error: image \"img/pod.png\" does not exist (looked for img/pod.png in the lessons folder)\n\
         1 error, 0 warnings in 1 file\n",
        1,
    );
}

#[test]
fn a_link_escaping_the_lessons_folder() {
    expect(
        "escaping-asset",
        "pods.md:8: error: link \"../shared/pod.png\" points outside the lessons folder: keep what a lesson uses inside it\n\
         1 error, 0 warnings in 1 file\n",
        1,
    );
}

#[test]
fn ko_and_en_versions_that_disagree() {
    expect(
        "parity",
        "en/pods.md:26: error: quiz `pod-ip` is missing from the ko version (ko/pods.md)\n\
         en/pods.md:46: error: lesson `pods` has 3 sections here but 2 in ko/pods.md: section 3 (\"Your first Pod\") has no counterpart, and progress keeps the section number when the student switches language\n\
         ko/extra.md:1: warning: lesson `extra` has no en version: en readers get this one\n\
         ko/pods.md:15: error: quiz `pod-unit` has 2 choices here but 3 in en/pods.md:11\n\
         ko/pods.md:24: warning: quiz `pod-sidecar` is in section 1 here but in section 2 in en/pods.md:38\n\
         ko/pods.md:34: warning: exercise `first-pod` is in section 2 here but in section 3 in en/pods.md:48\n\
         ko/pods.md:49: error: exercise `first-pod`: its checks differ from en/pods.md:48: both versions must check the same thing\n\
         4 errors, 3 warnings in 3 files\n",
        1,
    );
}

#[test]
fn a_choice_question_with_two_correct_choices() {
    expect(
        "two-correct",
        "phases.md:12: error: quiz: a choice question needs exactly one correct choice (found 2): mark it with `correct: true` or name it in `answer`\n\
         1 error, 0 warnings in 1 file\n",
        1,
    );
}

#[test]
fn answer_keys_that_cannot_be_right() {
    expect(
        "answer-keys",
        "keys.md:17: error: quiz: answer \"Completed\" is not one of the choices\n\
         keys.md:25: error: quiz: an order question needs at least two `items` (found 1)\n\
         keys.md:30: error: quiz: a text question needs at least one accepted answer in `accept`\n\
         3 errors, 0 warnings in 1 file\n",
        1,
    );
}

#[test]
fn front_matter_that_is_not_valid() {
    expect(
        "front-matter",
        "bad.md:4: error: front matter: did not find expected ',' or ']', while parsing a flow sequence at line 3\n\
         order.md:4: error: front matter: `order` must be a number\n\
         2 errors, 0 warnings in 2 files\n",
        1,
    );
}

#[test]
fn a_lesson_id_and_an_exercise_id_used_twice() {
    expect(
        "duplicate-ids",
        "first.md:1: error: duplicate lesson id `first` in en: again.md has it too\n\
         pod2.md:10: error: duplicate exercise id `first-pod` in en: pod1.md:10 has it too\n\
         2 errors, 0 warnings in 4 files\n",
        1,
    );
}

#[test]
fn a_block_that_is_not_yaml() {
    expect(
        "broken-yaml",
        "phases.md:19: error: quiz: found unexpected end of stream, while scanning a quoted scalar at line 11\n\
         1 error, 0 warnings in 1 file\n",
        1,
    );
}

#[test]
fn warnings_alone_exit_zero() {
    expect(
        "warnings",
        "quiz.md:14: warning: quiz `phase-exit-0`: choice 1 (\"Succeeded\") has no `why`: a student who picks it gets no explanation\n\
         quiz.md:21: warning: quiz `store` has no `explain`: nothing is shown once it is answered\n\
         quiz.md:28: warning: quiz `crash-restarts` has no `expect`: lint cannot prove the lesson's expectation (the simulator shows \"2\": pod crash-demo restarts after 30s)\n\
         reading.md:7: warning: lesson `reading` has no quiz and no exercise: the student can only read it\n\
         0 errors, 4 warnings in 2 files\n",
        0,
    );
}

/// Images that exist, remote links, anchors, a link to another lesson, a
/// valid manifest in the text, a cluster block, an exercise and predict
/// and choice questions that are right: nothing to say.
#[test]
fn a_correct_course_has_no_findings() {
    expect("clean", "0 errors, 0 warnings in 2 files\n", 0);
}

/// Lint counts where the right choices are written, per lesson file and
/// per course language, in the text and the JSON output alike.
#[test]
fn right_choices_by_position() {
    let o = kubetutor(&["lint", "tests/fixtures/lint/clean"]);
    let (_, positions) = split_positions(&text(&o.stdout));
    assert_eq!(
        positions,
        [
            "phases.md    1: 2  (2 questions)",
            "course (en)  1: 2  (2 questions)"
        ]
    );
    let j = kubetutor(&["lint", "--format", "json", "tests/fixtures/lint/clean"]);
    let doc: serde_json::Value = serde_json::from_slice(&j.stdout).unwrap();
    assert_eq!(
        doc["positions"][0],
        serde_json::json!({"of": "phases.md", "questions": 2, "opted_out": 0, "at": {"1": 2}})
    );
}

/// `shuffle: false` keeps a question's order; when every such question of
/// a lesson has its answer first (or all at one position), pressing that
/// number answers them all: lint warns at each of them.
#[test]
fn opted_out_questions_that_can_be_guessed() {
    let dir = tempfile::tempdir().unwrap();
    let quiz = |id: &str, answer: &str| {
        format!(
            "```quiz\nid: {id}\nkind: choice\nquestion: How many?\nshuffle: false\n\
             choices:\n  - {{ text: \"0\", why: a }}\n  - {{ text: \"1\", why: b }}\n\
             answer: \"{answer}\"\nexplain: c\n```\n\n"
        )
    };
    let lesson = |body: String| {
        format!("---\nid: counts\ntitle: Counts\nlang: en\n---\n\n# Counts\n\n## One\n\n{body}")
    };
    std::fs::write(
        dir.path().join("first.md"),
        lesson(quiz("zero", "0") + &quiz("none", "0")),
    )
    .unwrap();
    let o = kubetutor(&["lint", dir.path().to_str().unwrap()]);
    let (findings, positions) = split_positions(&text(&o.stdout));
    let warning = |line: usize, id: &str| {
        format!(
            "first.md:{line}: warning: quiz `{id}` has `shuffle: false`, and every question of \
             this lesson that keeps its order has its answer at choice 1: a student who always \
             picks choice 1 gets them all; put the answers at different positions or let the \
             tutor shuffle the choices\n"
        )
    };
    assert_eq!(
        findings,
        format!(
            "{}{}0 errors, 2 warnings in 1 file\n",
            warning(11, "zero"),
            warning(23, "none")
        )
    );
    assert_eq!(
        positions[0],
        "first.md     1: 2  (2 questions, 2 not shuffled)"
    );
    // Answers at different positions: nothing to say.
    std::fs::write(
        dir.path().join("first.md"),
        lesson(quiz("zero", "0") + &quiz("one", "1")),
    )
    .unwrap();
    let o = kubetutor(&["lint", dir.path().to_str().unwrap()]);
    assert_eq!(
        split_positions(&text(&o.stdout)).0,
        "0 errors, 0 warnings in 1 file\n"
    );
}

#[test]
fn the_folder_may_come_from_lessons_too() {
    let o = kubetutor(&["lint", "--lessons", "tests/fixtures/lint/missing-asset"]);
    assert_eq!(
        text(&o.stdout),
        "pods.md:8: error: image \"img/pod.png\" does not exist (looked for img/pod.png in the lessons folder)\n\
         1 error, 0 warnings in 1 file\n"
    );
    assert_eq!(o.status.code(), Some(1));
    let both = kubetutor(&[
        "lint",
        "--lessons",
        "tests/fixtures/lint/clean",
        "tests/fixtures/lint/warnings",
    ]);
    assert_eq!(
        text(&both.stderr),
        "kubetutor: two lessons folders given (tests/fixtures/lint/warnings and --lessons tests/fixtures/lint/clean): give one\n"
    );
    assert_eq!(both.status.code(), Some(2));
}

#[test]
fn a_folder_that_cannot_be_linted_exits_2() {
    let o = kubetutor(&["lint", "tests/fixtures/lint/no-such-folder"]);
    assert_eq!(o.stdout, b"");
    assert_eq!(
        text(&o.stderr),
        "kubetutor: lessons folder tests/fixtures/lint/no-such-folder does not exist\n"
    );
    assert_eq!(o.status.code(), Some(2));
    let file = kubetutor(&["lint", "tests/fixtures/lint/clean/pods.md"]);
    assert_eq!(file.status.code(), Some(2));
    assert!(text(&file.stderr).contains("is a file"));
}

/// A file reached through a symbolic link that leaves the folder counts as
/// outside it, whatever its relative path says.
#[cfg(unix)]
#[test]
fn a_symbolic_link_out_of_the_folder_is_caught() {
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("secret.png"), b"x").unwrap();
    let course = tempfile::tempdir().unwrap();
    std::fs::create_dir(course.path().join("img")).unwrap();
    std::os::unix::fs::symlink(
        outside.path().join("secret.png"),
        course.path().join("img/pod.png"),
    )
    .unwrap();
    std::fs::copy(
        "tests/fixtures/lint/missing-asset/pods.md",
        course.path().join("pods.md"),
    )
    .unwrap();
    let o = kubetutor(&["lint", course.path().to_str().unwrap()]);
    assert_eq!(
        text(&o.stdout),
        "pods.md:8: error: image \"img/pod.png\" points outside the lessons folder through a symbolic link (img/pod.png)\n\
         1 error, 0 warnings in 1 file\n"
    );
    assert_eq!(o.status.code(), Some(1));
}

/// The style guide's two warnings (lessons/README.md): a Korean particle
/// cut off from bold text by a space (also when the bold text closes on the
/// next line of its paragraph, and in a quiz question), and a lesson that
/// speaks of the notes it grew from. Code blocks, code spans, a laptop
/// (노트북) and release notes are left alone.
#[test]
fn style_warnings_for_particle_spacing_and_the_notes() {
    let fix = |p: &str| {
        format!(
            "a space between bold text and the particle `{p}`: write `**용어**(Term){p}` with the gloss outside the bold, not `**용어(Term)** {p}`"
        )
    };
    let notes = "students have never seen the notes the course was written from; say it in the lesson's own words";
    expect(
        "style",
        &format!(
            "en/runtime.md:9: warning: the lesson speaks of \"the original notes\": {notes}\n\
             ko/runtime.md:10: warning: {}\n\
             ko/runtime.md:14: warning: the lesson speaks of \"노트에는\": {notes}\n\
             ko/runtime.md:24: warning: {}\n\
             0 errors, 4 warnings in 2 files\n",
            fix("이"),
            fix("입니까")
        ),
        0,
    );
}
