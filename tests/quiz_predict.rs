//! `predict` questions: the answer is what the simulator shows after the
//! wait, checked with the same checker as every other kind, in English and
//! Korean.

use kubetutor::lang::Lang;
use kubetutor::lesson::parse_lesson;
use kubetutor::quiz::check::{Answer, CheckError, Response};
use kubetutor::quiz::lesson::LessonQuiz;
use kubetutor::quiz::predict::{self, PodState};
use kubetutor::quiz::spec::QuizSpec;
use kubetutor::quiz::{AttemptState, QuizAttempt};
use kubetutor::sim::Cluster;

fn spec(yaml: &str) -> QuizSpec {
    serde_yaml::from_str(yaml).unwrap_or_else(|e| panic!("bad test yaml: {e}\n{yaml}"))
}

const CRASH_EN: &str = r#"
id: crash-status
kind: predict
question: What is in the STATUS column of crash-demo after 2 minutes?
setup:
  scenario: crashloop
after: 2m
observe: { pod: crash-demo, field: status }
choices:
  - text: It keeps restarting
    value: CrashLoopBackOff
    why: The kubelet waits longer and longer between restarts.
  - text: Running
    why: Only for 3 seconds after each start.
  - text: Completed
    why: That needs exit code 0.
expect: CrashLoopBackOff
explain: After a few crashes the kubelet backs off.
"#;

const CRASH_KO: &str = r#"
id: crash-status
kind: predict
question: 2분 뒤 crash-demo의 STATUS 열에는 무엇이 보일까요?
setup:
  scenario: crashloop
after: 2m
observe: { pod: crash-demo, field: status }
choices:
  - text: 계속 재시작 중
    value: CrashLoopBackOff
    why: kubelet이 재시작 사이에 점점 더 오래 기다립니다.
  - text: 실행 중
    value: Running
  - text: 완료
    value: Completed
expect: crashloopbackoff
"#;

fn pod(phase: &str, status: &str, restarts: u32) -> Option<PodState> {
    Some(PodState {
        phase: phase.into(),
        status: status.into(),
        restarts,
    })
}

#[test]
fn the_answer_is_what_the_simulator_shows_after_the_wait() {
    let s = spec(CRASH_EN);
    let o = predict::outcome(&s, predict::SEED).unwrap();
    assert_eq!(o.value, "CrashLoopBackOff");
    assert_eq!(o.choice, Some(0));
    assert_eq!(o.after_ms, 120_000);
    assert_eq!(o.agrees_with_expect(&s), Some(true));
    assert_eq!(
        predict::outcome(&spec(CRASH_KO), predict::SEED)
            .unwrap()
            .agrees_with_expect(&spec(CRASH_KO)),
        Some(true),
        "expect is compared normalised"
    );
    // The timeline starts right after the setup and ends at the answer.
    let first = &o.timeline[0];
    assert_eq!(
        (first.at_ms, &first.pod),
        (0, &pod("Pending", "Pending", 0))
    );
    let last = o.timeline.last().unwrap();
    assert_eq!(last.value.as_deref(), Some("CrashLoopBackOff"));
    assert!(last.at_ms <= 120_000);
    // Only changes are kept, in time order.
    for w in o.timeline.windows(2) {
        assert!(w[0].at_ms < w[1].at_ms);
        assert!(w[0].value != w[1].value || w[0].pod != w[1].pod);
    }
    let statuses: Vec<&str> = o
        .timeline
        .iter()
        .filter_map(|m| m.pod.as_ref().map(|p| p.status.as_str()))
        .collect();
    assert_eq!(
        statuses[..5],
        [
            "Pending",
            "ContainerCreating",
            "Running",
            "Error",
            "Running"
        ]
    );
}

#[test]
fn a_run_is_reproducible_and_sampling_does_not_change_it() {
    let specs = [
        CRASH_EN.to_string(),
        r#"
id: typo
kind: predict
question: Phase after a minute?
setup: { scenario: image-pull-error }
after: 1m
observe: { pod: typo-demo, field: phase }
choices: [{ text: Pending }, { text: Running }]
"#
        .to_string(),
        r#"
id: lost
kind: predict
question: Ready replicas?
setup:
  scenario: node-failure
  commands: ["fault node-down node-1"]
after: 7m
observe: { deployment: web, field: ready }
choices: [{ text: "2" }, { text: "3" }]
"#
        .to_string(),
    ];
    for text in &specs {
        let s = spec(text);
        for seed in [1, 2, 99] {
            let o = predict::outcome(&s, seed).unwrap();
            assert_eq!(o, predict::outcome(&s, seed).unwrap(), "{}", s.id);
            // What the TUI does: the start cluster, advanced in one go.
            let mut c = predict::start(&s, seed).unwrap();
            c.advance(predict::after_ms(&s).unwrap());
            assert_eq!(
                c.observe(s.observe.as_ref().unwrap()).unwrap(),
                o.value,
                "{} seed {seed}",
                s.id
            );
            let mut same = Cluster::from_setup(s.setup.as_ref().unwrap(), seed).unwrap();
            same.advance(o.after_ms);
            assert_eq!(same.observe(s.observe.as_ref().unwrap()).unwrap(), o.value);
        }
    }
}

#[test]
fn problems_name_the_question_and_what_is_wrong() {
    let mut s = spec(CRASH_EN);
    s.observe.as_mut().unwrap().pod = Some("nope".into());
    let e = predict::outcome(&s, 1).unwrap_err();
    assert_eq!(e, "quiz 'crash-status': `observe:` pods \"nope\" not found");

    let mut s = spec(CRASH_EN);
    s.setup.as_mut().unwrap().scenario = Some("no-such".into());
    let e = predict::outcome(&s, 1).unwrap_err();
    assert!(e.starts_with("quiz 'crash-status': `setup:` "), "{e}");
    assert!(e.contains("no-such"), "{e}");

    let mut s = spec(CRASH_EN);
    s.after = Some("soon".into());
    assert!(
        predict::outcome(&s, 1)
            .unwrap_err()
            .starts_with("`after:` invalid duration")
    );

    let choice =
        spec("id: c\nkind: choice\nquestion: q\nchoices: [{text: a}, {text: b}]\nanswer: a\n");
    assert_eq!(
        predict::outcome(&choice, 1).unwrap_err(),
        "quiz 'c' is a `choice` question, not `predict`"
    );
}

#[test]
fn the_checker_takes_the_simulators_value_in_both_languages() {
    for (text, right_text, wrong_text) in [
        (CRASH_EN, "it keeps restarting", "running"),
        (CRASH_KO, "계속 재시작 중", "실행 중"),
    ] {
        let s = spec(text);
        let mut a = QuizAttempt::new(&s, 0).unwrap();
        assert!(a.needs_observation());
        assert_eq!(
            a.submit(&Response::Choice(0)),
            Err(CheckError::NeedsObservation)
        );
        let o = predict::outcome(&s, predict::SEED).unwrap();
        a.set_observed(o.value.clone());
        let wrong = a.parse(wrong_text).unwrap();
        let v = a.submit(&wrong).unwrap();
        assert!(!v.correct && v.can_retry);
        assert_eq!(v.picked[0].choice, 1);
        let right = a.parse(right_text).unwrap();
        let v = a.submit(&right).unwrap();
        assert!(v.correct);
        assert_eq!(
            v.answer,
            Some(Answer::Observed {
                value: "CrashLoopBackOff".into(),
                choice: Some(0)
            })
        );
        assert_eq!(a.state(), AttemptState::Correct);
        // A number always means the number a choice is shown with (the
        // choices are shuffled; choice 0 is the right one).
        let mut b = QuizAttempt::new(&s, 0).unwrap();
        b.set_observed("CrashLoopBackOff");
        let shown = b.choice_number(0);
        let wide = char::from_u32('１' as u32 + shown as u32 - 1).unwrap();
        assert!(
            b.submit(&b.parse(&wide.to_string()).unwrap())
                .unwrap()
                .correct
        );
    }
}

#[test]
fn a_value_no_choice_stands_for_is_shown_as_the_value() {
    let mut s = spec(CRASH_EN);
    s.after = Some("2s".into());
    s.expect = None;
    let o = predict::outcome(&s, predict::SEED).unwrap();
    assert_eq!(o.value, "Running");
    assert_eq!(o.choice, Some(1));
    s.after = Some("1s".into());
    let o = predict::outcome(&s, predict::SEED).unwrap();
    assert_eq!(o.value, "ContainerCreating");
    assert_eq!(o.choice, None);
    let mut a = QuizAttempt::new(&s, 0).unwrap();
    a.set_observed(o.value.clone());
    let r = a.reveal().unwrap();
    assert_eq!(r.answer.describe(&s), "ContainerCreating");
    assert!(!a.submit(&Response::Choice(1)).is_ok_and(|v| v.correct));
}

const LESSON: &str = r#"---
id: mini
title: Mini
lang: en
---

# Mini

## One

```quiz
id: pick
kind: choice
question: Which one?
choices: [{ text: a }, { text: b }]
answer: b
```

## Two

```quiz
id: crash
kind: predict
question: STATUS after 2 minutes?
setup: { scenario: crashloop }
after: 2m
observe: { pod: crash-demo, field: status }
choices: [{ text: Running }, { text: CrashLoopBackOff }]
```

```quiz
id: broken
kind: predict
question: A pod that is never created?
setup: { scenario: basic }
after: 10s
observe: { pod: ghost, field: phase }
choices: [{ text: Running }, { text: Pending }]
```
"#;

#[test]
fn a_lessons_quiz_plays_its_predict_questions_and_keeps_the_score() {
    let (lesson, errors) = parse_lesson("mini.md", LESSON, Lang::En);
    assert!(errors.is_empty(), "{errors:?}");
    let mut quiz = LessonQuiz::new(&lesson.unwrap(), 5);
    assert_eq!(quiz.len(), 3);
    let ids: Vec<&str> = quiz.questions().iter().map(|q| q.id()).collect();
    assert_eq!(ids, ["pick", "crash", "broken"]);
    assert_eq!(
        quiz.questions()
            .iter()
            .map(|q| q.section)
            .collect::<Vec<_>>(),
        [0, 1, 1]
    );
    let crash = &quiz.questions()[1];
    assert_eq!(crash.attempt.observed(), Some("CrashLoopBackOff"));
    assert_eq!(crash.predicted().unwrap().choice, Some(1));
    let broken = &quiz.questions()[2];
    assert!(!broken.playable());
    assert_eq!(
        broken.problem(),
        Some("quiz 'broken': `observe:` pods \"ghost\" not found")
    );

    let q = quiz.current_mut().unwrap();
    q.attempt.submit(&Response::Choice(0)).unwrap();
    q.attempt.submit(&Response::Choice(1)).unwrap();
    assert!(quiz.advance());
    let q = quiz.current_mut().unwrap();
    q.attempt.submit(&Response::Choice(1)).unwrap();
    let s = quiz.score();
    assert_eq!((s.points, s.finished, s.total), (1.5, 2, 2));
    assert_eq!((s.first_try, s.second_try, s.revealed), (1, 1, 0));
    assert!(quiz.advance());
    assert!(!quiz.advance());
    assert!(quiz.is_done());
    assert!(quiz.by_id_mut("crash").is_some());
}
