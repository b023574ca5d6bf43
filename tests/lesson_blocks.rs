//! `quiz`, `exercise` and `cluster` blocks: parsed into their specs, checked,
//! and reported at the exact file line when broken.

use kubetutor::exercise::spec::Check;
use kubetutor::lang::Lang;
use kubetutor::lesson::model::{Block, Lesson};
use kubetutor::lesson::parse_lesson;
use kubetutor::quiz::spec::QuizKind;

/// A lesson whose block starts on line 5 (the fence) and whose YAML starts
/// on line 6.
fn lesson_with(info: &str, yaml: &str) -> String {
    format!("---\ntitle: T\n---\n\n```{info}\n{yaml}```\n\n## Next\n\nStill here.\n")
}

/// The load errors of a lesson with one block, as `path:line: message`.
fn errors(info: &str, yaml: &str) -> Vec<String> {
    let (lesson, errors) = parse_lesson("lessons/en/pods.md", &lesson_with(info, yaml), Lang::En);
    let lesson = lesson.expect("a broken block never fails the lesson");
    assert_eq!(
        lesson.sections.len(),
        2,
        "the rest of the lesson still reads"
    );
    let invalid = lesson.sections[0]
        .blocks
        .iter()
        .filter(|b| matches!(b, Block::Invalid { .. }))
        .count();
    assert_eq!(invalid, usize::from(!errors.is_empty()));
    errors.iter().map(ToString::to_string).collect()
}

fn block(info: &str, yaml: &str) -> Block {
    let (lesson, errors) = parse_lesson("x.md", &lesson_with(info, yaml), Lang::En);
    assert_eq!(errors, vec![]);
    lesson.unwrap().sections[0].blocks[0].clone()
}

fn only(lesson: Option<Lesson>) -> Lesson {
    lesson.unwrap()
}

#[test]
fn missing_field_names_the_file_and_line() {
    assert_eq!(
        errors("quiz", "id: q\nkind: choice\nchoices:\n  - text: a\n"),
        vec!["lessons/en/pods.md:6: quiz: missing field `question`"]
    );
}

#[test]
fn the_invalid_block_carries_the_problem() {
    let (lesson, _) = parse_lesson(
        "x.md",
        &lesson_with("quiz", "id: q\nkind: maybe\nquestion: Q\n"),
        Lang::En,
    );
    let lesson = only(lesson);
    assert_eq!(
        lesson.sections[0].blocks[0],
        Block::Invalid {
            line: 7,
            info: "quiz".into(),
            message: "kind: unknown variant `maybe`, expected one of `choice`, `multi`, `order`, `text`, `predict`".into(),
        }
    );
    assert_eq!(lesson.quizzes().count(), 0);
}

#[test]
fn unknown_fields_point_at_their_line() {
    assert_eq!(
        errors(
            "quiz",
            "id: q\nkind: choice\nquestion: Q\nchoices:\n  - text: a\n    correct: true\n  - text: b\n    colour: red\n"
        ),
        vec![
            "lessons/en/pods.md:13: quiz: choices[1]: unknown field `colour`, expected one of `text`, `why`, `correct`, `value`"
        ]
    );
    assert_eq!(
        errors("cluster", "scenaro: basic\n"),
        vec![
            "lessons/en/pods.md:6: cluster: unknown field `scenaro`, expected one of `scenario`, `runtime`, `apply`, `commands`, `caption`"
        ]
    );
}

#[test]
fn yaml_syntax_errors_use_lines_of_the_file() {
    assert_eq!(
        errors("quiz", "id: q\nkind: text\nquestion: \"open\naccept: [a]\n"),
        vec![
            "lessons/en/pods.md:10: quiz: found unexpected end of stream, while scanning a quoted scalar at line 8"
        ]
    );
    assert_eq!(
        errors(
            "exercise",
            "id: e\ngoal: g\nsolution: s\ncheck:\n  - pods: { count: many }\n"
        ),
        vec![
            "lessons/en/pods.md:10: exercise: check[0].pods.count: invalid type: string \"many\", expected u32"
        ]
    );
}

#[test]
fn unclosed_and_empty_blocks() {
    let (lesson, found) = parse_lesson("x.md", "# T\n\ntext\n\n```quiz\nid: q\n", Lang::En);
    assert_eq!(
        found[0].to_string(),
        "x.md:5: quiz: the block has no closing fence: it runs to the end of the lesson"
    );
    assert_eq!(found.len(), 1);
    assert_eq!(only(lesson).sections[0].blocks.len(), 2);
    assert_eq!(
        errors("cluster", ""),
        vec!["lessons/en/pods.md:5: cluster: the block is empty"]
    );
}

#[test]
fn answer_by_text_or_number_becomes_correct_flags() {
    for answer in ["Failed", "failed", "1"] {
        let yaml = format!(
            "id: q\nkind: choice\nquestion: Exit 1, restartPolicy Never?\nchoices:\n  - text: Failed\n  - text: Succeeded\nanswer: {answer}\n"
        );
        let Block::Quiz(q) = block("quiz", &yaml) else {
            panic!("expected a quiz")
        };
        assert_eq!(q.line, 5);
        assert_eq!(q.value.kind, QuizKind::Choice);
        assert_eq!(q.value.answer, None, "normalised away");
        let flags: Vec<bool> = q.value.choices.iter().map(|c| c.correct).collect();
        assert_eq!(flags, vec![true, false], "answer: {answer}");
    }
}

#[test]
fn multi_answers_become_flags() {
    let Block::Quiz(q) = block(
        "quiz",
        "id: q\nkind: multi\nquestion: Control plane parts?\nchoices:\n  - text: etcd\n  - text: kubelet\n  - text: scheduler\nanswer: [1, scheduler]\n",
    ) else {
        panic!("expected a quiz")
    };
    let flags: Vec<bool> = q.value.choices.iter().map(|c| c.correct).collect();
    assert_eq!(flags, vec![true, false, true]);
}

#[test]
fn choice_answer_key_problems() {
    let base = "id: q\nkind: choice\nquestion: Q\nchoices:\n  - text: A\n  - text: B\n";
    assert_eq!(
        errors("quiz", &format!("{base}answer: C\n")),
        vec!["lessons/en/pods.md:12: quiz: answer \"C\" is not one of the choices"]
    );
    assert_eq!(
        errors("quiz", &format!("{base}answer: 3\n")),
        vec!["lessons/en/pods.md:12: quiz: answer 3 is not a choice number: there are 2 choices"]
    );
    assert_eq!(
        errors("quiz", &format!("{base}answer: [A, B]\n")),
        vec![
            "lessons/en/pods.md:12: quiz: a choice question has one answer: use `kind: multi` for several"
        ]
    );
    assert_eq!(
        errors("quiz", base),
        vec![
            "lessons/en/pods.md:9: quiz: a choice question needs exactly one correct choice (found 0): mark it with `correct: true` or name it in `answer`"
        ]
    );
    assert_eq!(
        errors(
            "quiz",
            "id: q\nkind: choice\nquestion: Q\nchoices:\n  - text: A\n    correct: true\n  - text: B\nanswer: B\n"
        ),
        vec![
            "lessons/en/pods.md:13: quiz: `answer` and the `correct: true` flags name different choices"
        ]
    );
    assert_eq!(
        errors(
            "quiz",
            "id: q\nkind: choice\nquestion: Q\nchoices:\n  - text: A\n    correct: true\n"
        ),
        vec![
            "lessons/en/pods.md:9: quiz: a choice question needs at least two `choices` (found 1)"
        ]
    );
}

#[test]
fn multi_order_and_text_minimums() {
    assert_eq!(
        errors(
            "quiz",
            "id: q\nkind: multi\nquestion: Q\nchoices:\n  - text: A\n  - text: B\n"
        ),
        vec![
            "lessons/en/pods.md:9: quiz: a multi question needs at least one correct choice: mark it with `correct: true` or list it in `answer`"
        ]
    );
    assert_eq!(
        errors(
            "quiz",
            "id: q\nkind: order\nquestion: Q\nitems:\n  - only one\n"
        ),
        vec!["lessons/en/pods.md:9: quiz: an order question needs at least two `items` (found 1)"]
    );
    assert_eq!(
        errors("quiz", "id: q\nkind: text\nquestion: Q\naccept: [\"  \"]\n"),
        vec![
            "lessons/en/pods.md:9: quiz: a text question needs at least one accepted answer in `accept`"
        ]
    );
    assert_eq!(
        errors("quiz", "id: q\nkind: text\nquestion: Q\n"),
        vec![
            "lessons/en/pods.md:5: quiz: a text question needs at least one accepted answer in `accept`"
        ],
        "a missing key points at the fence"
    );
}

#[test]
fn predict_needs_observe_and_a_valid_after_and_no_answer_key() {
    assert_eq!(
        errors("quiz", "id: p\nkind: predict\nquestion: Phase after 90s?\n"),
        vec![
            "lessons/en/pods.md:5: quiz: a predict question needs `observe`: what to look at after the wait",
            "lessons/en/pods.md:5: quiz: a predict question needs `after`: how long to wait, like 30s",
        ]
    );
    assert_eq!(
        errors(
            "quiz",
            "id: p\nkind: predict\nquestion: Q\nafter: 90 seconds\nobserve: { pod: a, job: b, field: status }\nchoices:\n  - text: Failed\n    correct: true\n  - text: Running\nexpect: Done\n"
        ),
        vec![
            "lessons/en/pods.md:9: quiz: after: invalid duration \"90 seconds\": expected a number with a unit, like 30s, 5m or 1m30s",
            "lessons/en/pods.md:10: quiz: `observe` names 2 targets: give exactly one of pod, pods, deployment, service, node, job, statefulset, cronjob, pvc, quota",
            "lessons/en/pods.md:11: quiz: a predict question takes its answer from the simulator: remove `correct` and `answer` (put the value you expect in `expect`)",
            "lessons/en/pods.md:15: quiz: expect \"Done\" is not the value of any choice",
        ]
    );
    let Block::Quiz(q) = block(
        "quiz",
        "id: p\nkind: predict\nquestion: Q\nsetup:\n  scenario: crashloop\nafter: 1m30s\nobserve: { pod: crash-demo, field: status }\nchoices:\n  - text: It keeps restarting\n    value: CrashLoopBackOff\n  - text: Running\nexpect: CrashLoopBackOff\n",
    ) else {
        panic!("expected a quiz")
    };
    assert_eq!(q.value.after.as_deref(), Some("1m30s"));
    assert_eq!(
        q.value.setup.unwrap().scenario.as_deref(),
        Some("crashloop")
    );
}

#[test]
fn predict_keys_on_other_kinds_are_mistakes() {
    assert_eq!(
        errors(
            "quiz",
            "id: q\nkind: text\nquestion: Q\naccept: [a]\nafter: 30s\n"
        ),
        vec!["lessons/en/pods.md:10: quiz: `after` is only for predict questions, not text"]
    );
}

#[test]
fn exercise_needs_a_solution_checks_and_valid_durations() {
    assert_eq!(
        errors(
            "exercise",
            "id: e\ngoal: Run web.\nsolution: \"\"\ntimeout: soon\ncheck:\n  - recovery: { delete: app=web, within: fast, running: 3 }\n  - format: toml\n"
        ),
        vec![
            "lessons/en/pods.md:8: exercise: `solution` is empty: give a manifest that passes the checks",
            "lessons/en/pods.md:9: exercise: timeout: invalid duration \"soon\": expected a number with a unit, like 30s, 5m or 1m30s",
            "lessons/en/pods.md:11: exercise: within: invalid duration \"fast\": expected a number with a unit, like 30s, 5m or 1m30s",
            "lessons/en/pods.md:12: exercise: format \"toml\" is unknown: use json or yaml",
        ]
    );
    assert_eq!(
        errors(
            "exercise",
            "id: e\ngoal: g\nsolution: |\n  apiVersion: v1\ncheck: []\n"
        ),
        vec!["lessons/en/pods.md:10: exercise: an exercise needs at least one `check`"]
    );
}

#[test]
fn a_valid_exercise_parses_every_check_kind() {
    let Block::Exercise(e) = block(
        "exercise",
        "id: first-deployment\ngoal: Run three nginx pods.\nstarter: |\n  apiVersion: apps/v1\nsolution: |\n  apiVersion: apps/v1\n  kind: Deployment\ntimeout: 2m\ncheck:\n  - object: { kind: Deployment, name: web, fields: { spec.replicas: 3 } }\n  - pods: { selector: app=web, phase: Running, count: 3 }\n  - ready: { selector: app=web, count: 3 }\n  - endpoints: { service: web, count: 3 }\n  - recovery: { delete: app=web, within: 60s, running: 3 }\n  - format: json\n",
    ) else {
        panic!("expected an exercise")
    };
    assert_eq!(e.line, 5);
    assert_eq!(e.value.check.len(), 6);
    assert_eq!(
        e.value.check[3],
        Check::Endpoints {
            service: "web".into(),
            count: 3
        }
    );
}

#[test]
fn cluster_runtime_must_be_known() {
    assert_eq!(
        errors("cluster", "scenario: basic\nruntime: docker\n"),
        vec![
            "lessons/en/pods.md:7: cluster: runtime \"docker\" is unknown: use containerd or dockershim"
        ]
    );
    let Block::Cluster(c) = block(
        "cluster",
        "runtime: dockershim\napply: |\n  apiVersion: v1\n  kind: Pod\ncommands:\n  - wait 10s\n",
    ) else {
        panic!("expected a cluster block")
    };
    assert_eq!(c.value.runtime.as_deref(), Some("dockershim"));
    assert_eq!(c.value.commands, vec!["wait 10s".to_string()]);
}

#[test]
fn blocks_in_a_broken_file_are_reported_in_file_order() {
    let text = include_str!("fixtures/lessons/broken/en/bad-quiz.md");
    let (lesson, errors) = parse_lesson("en/bad-quiz.md", text, Lang::En);
    let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        lines,
        vec![
            "en/bad-quiz.md:11: quiz: missing field `question`",
            "en/bad-quiz.md:27: quiz: a choice question needs exactly one correct choice (found 2): mark it with `correct: true` or name it in `answer`",
        ]
    );
    let lesson = only(lesson);
    let titles: Vec<&str> = lesson.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(titles, vec!["Before", "After"]);
}
