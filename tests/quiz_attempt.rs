//! One attempt at a question (tries, hints, reveal, score) and reading what
//! a student types in the plain-text mode.

use kubetutor::lang::Lang;
use kubetutor::quiz::check::{Answer, CheckError, Response};
use kubetutor::quiz::input::{InputError, parse_response};
use kubetutor::quiz::spec::QuizSpec;
use kubetutor::quiz::{AttemptState, QuizAttempt, Score};
use kubetutor::timestamp::Timestamp;

fn spec(yaml: &str) -> QuizSpec {
    serde_yaml::from_str(yaml).unwrap_or_else(|e| panic!("bad test yaml: {e}\n{yaml}"))
}

const PHASE: &str = r#"
id: phase-after-exit-1
kind: choice
question: A container exits with code 1 and restartPolicy is Never. Phase?
choices:
  - text: Running
    why: Nothing runs any more.
  - text: Failed
    why: Every container ended and one of them failed.
  - text: Succeeded
    why: Succeeded needs every container to exit with 0.
  - text: 대기 (Pending)
answer: Failed
hints:
  - Look at the exit code.
  - Never means no restart.
explain: The phase sums up all containers.
"#;

const AT: Timestamp = Timestamp::from_secs(1_740_821_400);

#[test]
fn right_on_the_first_try_scores_a_full_point() {
    let mut a = QuizAttempt::new(&spec(PHASE), 0).unwrap();
    assert_eq!(a.record(AT), None, "nothing to record while open");
    let v = a.submit(&Response::Choice(1)).unwrap();
    assert!(v.correct);
    assert_eq!(v.tries, 1);
    assert!(!v.can_retry);
    assert_eq!(v.answer, Some(Answer::Choice(1)));
    assert_eq!(
        v.explain.as_deref(),
        Some("The phase sums up all containers.")
    );
    assert_eq!(
        v.picked[0].why.as_deref(),
        Some("Every container ended and one of them failed.")
    );
    assert_eq!(a.state(), AttemptState::Correct);
    assert_eq!(a.score(), Some(Score::Full));
    let r = a.record(AT).unwrap();
    assert!(r.first_try_correct() && r.correct && !r.revealed);
    assert_eq!((r.tries, r.hints, r.at), (1, 0, AT));
    assert_eq!(a.submit(&Response::Choice(1)), Err(CheckError::Finished));
}

#[test]
fn a_wrong_answer_explains_itself_and_allows_a_retry() {
    let mut a = QuizAttempt::new(&spec(PHASE), 0).unwrap();
    let first = a.submit(&Response::Choice(2)).unwrap();
    assert!(!first.correct);
    assert!(first.can_retry);
    assert_eq!(first.answer, None, "the answer stays hidden during a retry");
    assert_eq!(first.explain, None);
    assert_eq!(
        first.picked[0].why.as_deref(),
        Some("Succeeded needs every container to exit with 0.")
    );
    assert_eq!(a.state(), AttemptState::Open);

    let second = a.submit(&Response::Choice(1)).unwrap();
    assert!(second.correct);
    assert_eq!(second.tries, 2);
    assert_eq!(a.score(), Some(Score::Half));
    let r = a.record(AT).unwrap();
    assert!(r.correct && !r.first_try_correct() && !r.revealed);
}

#[test]
fn the_second_wrong_try_reveals_the_answer() {
    let mut a = QuizAttempt::new(&spec(PHASE), 0).unwrap();
    a.submit(&Response::Choice(0)).unwrap();
    let v = a.submit(&Response::Choice(2)).unwrap();
    assert!(!v.correct);
    assert!(!v.can_retry);
    assert_eq!(v.answer, Some(Answer::Choice(1)));
    assert_eq!(v.answer.unwrap().describe(a.spec()), "2. Failed");
    assert!(v.explain.is_some());
    assert_eq!(a.state(), AttemptState::Revealed);
    assert_eq!(a.score(), Some(Score::Zero));
    let r = a.record(AT).unwrap();
    assert!(r.revealed && !r.correct);
    assert_eq!(r.tries, 2);
}

#[test]
fn an_answer_that_does_not_fit_spends_no_try() {
    let mut a = QuizAttempt::new(&spec(PHASE), 0).unwrap();
    assert_eq!(
        a.submit(&Response::Choice(9)),
        Err(CheckError::NoSuchChoice { index: 9, count: 4 })
    );
    assert!(a.submit(&Response::Text("Failed".into())).is_err());
    assert_eq!(a.tries(), 0);
    assert_eq!(a.state(), AttemptState::Open);
}

#[test]
fn hints_come_one_at_a_time_and_are_counted() {
    let mut a = QuizAttempt::new(&spec(PHASE), 0).unwrap();
    assert_eq!(a.hints_left(), 2);
    assert!(a.hints().is_empty());
    assert_eq!(a.hint(), Some("Look at the exit code."));
    assert_eq!(a.hints_left(), 1);
    assert_eq!(a.hint(), Some("Never means no restart."));
    assert_eq!(a.hint(), None);
    assert_eq!(a.hints().len(), 2);
    a.submit(&Response::Choice(1)).unwrap();
    assert_eq!(a.hints_left(), 0);
    let r = a.record(AT).unwrap();
    assert_eq!(r.hints, 2);
    assert_eq!(r.score(), Score::Full, "hints are free");
}

#[test]
fn reveal_on_request_ends_the_question_with_no_points() {
    let mut a = QuizAttempt::new(&spec(PHASE), 0).unwrap();
    a.hint();
    let shown = a.reveal().unwrap();
    assert_eq!(shown.answer, Answer::Choice(1));
    assert_eq!(
        shown.explain.as_deref(),
        Some("The phase sums up all containers.")
    );
    assert_eq!(a.state(), AttemptState::Revealed);
    assert_eq!(a.submit(&Response::Choice(1)), Err(CheckError::Finished));
    assert_eq!(
        a.reveal().unwrap(),
        shown,
        "revealing again changes nothing"
    );
    let r = a.record(AT).unwrap();
    assert_eq!(
        (r.tries, r.hints, r.revealed, r.correct),
        (0, 1, true, false)
    );
    assert_eq!(r.score(), Score::Zero);

    // After a right answer, "show" is harmless: the record keeps the point.
    let mut b = QuizAttempt::new(&spec(PHASE), 0).unwrap();
    b.submit(&Response::Choice(1)).unwrap();
    b.reveal().unwrap();
    assert_eq!(b.score(), Some(Score::Full));
}

#[test]
fn predict_waits_for_the_simulator() {
    let s = spec(
        r#"
id: p
kind: predict
question: After 60s, the STATUS of crash-demo?
setup: { scenario: crashloop }
after: 60s
observe: { pod: crash-demo, field: status }
choices:
  - text: Running
  - text: CrashLoopBackOff
"#,
    );
    let mut a = QuizAttempt::new(&s, 0).unwrap();
    assert!(a.needs_observation());
    assert_eq!(
        a.submit(&Response::Choice(1)),
        Err(CheckError::NeedsObservation)
    );
    assert_eq!(a.reveal(), Err(CheckError::NeedsObservation));
    assert_eq!(a.tries(), 0);
    a.set_observed("CrashLoopBackOff");
    assert!(!a.needs_observation());
    let v = a.submit(&a.parse("crashloopbackoff").unwrap()).unwrap();
    assert!(v.correct);
    assert_eq!(
        v.answer,
        Some(Answer::Observed {
            value: "CrashLoopBackOff".into(),
            choice: Some(1)
        })
    );
}

#[test]
fn a_lesson_score_adds_up_the_rules() {
    let s = spec(PHASE);
    let mut points = 0.0;
    for script in [&[1][..], &[0, 1], &[0, 2], &[1]] {
        let mut a = QuizAttempt::new(&s, 0).unwrap();
        for &pick in script {
            a.submit(&Response::Choice(pick)).unwrap();
        }
        points += a.score().unwrap().points();
    }
    assert_eq!(points, 2.5);
}

const ORDER: &str = "id: envs\nkind: order\nquestion: Q\nitems: [dev, staging, prod, 운영 점검]";

#[test]
fn order_is_shown_shuffled_and_typed_by_shown_position() {
    let s = spec(ORDER);
    let a = QuizAttempt::new(&s, 42).unwrap();
    let shown = a.shown_items().to_vec();
    assert_eq!(shown, QuizAttempt::new(&s, 42).unwrap().shown_items());
    assert_ne!(shown, vec![0, 1, 2, 3], "never shown in the right order");
    // Type the shown position of each item, in the right order.
    let positions: Vec<String> = (0..4)
        .map(|item| (shown.iter().position(|&i| i == item).unwrap() + 1).to_string())
        .collect();
    for typed in [
        positions.join(" "),
        positions.join(","),
        positions.join(" > "),
        positions.concat(),
    ] {
        let mut attempt = a.clone();
        let response = attempt.parse(&typed).unwrap();
        assert_eq!(response, Response::Order(vec![0, 1, 2, 3]), "{typed}");
        assert!(attempt.submit(&response).unwrap().correct);
    }
    // Item texts name items whatever the shown order.
    let mut by_text = a.clone();
    let r = by_text.parse("DEV → Staging -> prod, 운영점검").unwrap();
    assert!(by_text.submit(&r).unwrap().correct);
}

#[test]
fn typed_choices_by_number_or_text() {
    let s = spec(PHASE);
    let none: &[usize] = &[];
    for (typed, want) in [
        ("2", 1),
        (" 2 ", 1),
        ("２", 1),
        ("2.", 1),
        ("2번", 1),
        ("failed", 1),
        ("FAILED", 1),
        ("ｆａｉｌｅｄ", 1),
        ("대기 (Pending)", 3),
        ("대기(pending)", 3),
    ] {
        assert_eq!(
            parse_response(&s, none, typed),
            Ok(Response::Choice(want)),
            "{typed:?}"
        );
    }
    let multi = spec(
        "id: m\nkind: multi\nquestion: Q\nchoices: [{text: etcd}, {text: kubelet}, {text: kube proxy}]\nanswer: [1, 3]",
    );
    for typed in [
        "1,3",
        "1 3",
        "1, 3",
        "3 1",
        "１，３",
        "etcd, kube proxy",
        "ETCD,3",
    ] {
        assert_eq!(
            parse_response(&multi, none, typed),
            Ok(Response::Multi([0, 2].into())),
            "{typed:?}"
        );
    }
    assert_eq!(
        parse_response(&multi, none, "kube proxy"),
        Ok(Response::Multi([2].into()))
    );
    let text = spec("id: t\nkind: text\nquestion: Q\naccept: [etcd]");
    assert_eq!(
        parse_response(&text, none, "  이티 시디 "),
        Ok(Response::Text("이티 시디".into()))
    );
}

#[test]
fn input_that_cannot_be_understood_says_why_in_both_languages() {
    let s = spec(PHASE);
    let order = spec(ORDER);
    let multi = spec(
        "id: m\nkind: multi\nquestion: Q\nchoices: [{text: etcd}, {text: kubelet}]\nanswer: [1]",
    );
    let shown = [3, 2, 1, 0];
    let cases: Vec<(InputError, &str, &str)> = vec![
        (
            parse_response(&s, &[], "   ").unwrap_err(),
            "Type an answer.",
            "답을 입력하세요.",
        ),
        (
            parse_response(&s, &[], "7").unwrap_err(),
            "There is no choice 7: type a number from 1 to 4.",
            "7번 보기는 없습니다. 1부터 4 사이의 번호를 입력하세요.",
        ),
        (
            parse_response(&s, &[], "Unknown").unwrap_err(),
            "\"Unknown\" is not one of the choices: type its number (1 to 4) or its text.",
            "\"Unknown\"에 해당하는 보기가 없습니다. 보기의 번호(1~4)나 글을 입력하세요.",
        ),
        (
            parse_response(&s, &[], "1, 3").unwrap_err(),
            "Pick one choice only: type a single number from 1 to 4.",
            "보기를 하나만 고르세요. 1부터 4 사이의 번호 하나를 입력하세요.",
        ),
        (
            parse_response(&multi, &[], "1, scheduler").unwrap_err(),
            "\"scheduler\" is not one of the choices: type its number (1 to 2) or its text.",
            "\"scheduler\"에 해당하는 보기가 없습니다. 보기의 번호(1~2)나 글을 입력하세요.",
        ),
        (
            parse_response(&order, &shown, "1 1 2 3").unwrap_err(),
            "Give every item from 1 to 4 once, in your order (like \"4 3 2 1\"): missing 4; repeated 1.",
            "1부터 4까지 모든 항목 번호를 한 번씩 순서대로 입력하세요 (예: \"4 3 2 1\"). 빠진 번호 4, 중복된 번호 1.",
        ),
        (
            parse_response(&order, &shown, "1 2 5 3").unwrap_err(),
            "There is no item 5: the items are numbered 1 to 4.",
            "5번 항목은 없습니다. 항목 번호는 1부터 4까지입니다.",
        ),
        (
            parse_response(&order, &shown, "dev, qa").unwrap_err(),
            "\"qa\" is not one of the items: type the item numbers in your order, like \"3 1 2\".",
            "\"qa\"에 해당하는 항목이 없습니다. 항목 번호를 순서대로 입력하세요 (예: \"3 1 2\").",
        ),
    ];
    for (err, en, ko) in cases {
        assert_eq!(err.message(Lang::En), en);
        assert_eq!(err.message(Lang::Ko), ko);
        assert_eq!(err.to_string(), en);
    }
    let twins =
        spec("id: c\nkind: choice\nquestion: Q\nchoices: [{text: Run}, {text: run}]\nanswer: 1");
    assert_eq!(
        parse_response(&twins, &[], "RUN"),
        Err(InputError::AmbiguousChoice {
            text: "RUN".into(),
            choices: vec![1, 2]
        })
    );
    assert_eq!(parse_response(&twins, &[], "run"), Ok(Response::Choice(1)));
}
