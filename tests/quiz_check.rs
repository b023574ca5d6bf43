//! Answer keys and the checker, per question kind, in English and Korean.

use kubetutor::quiz::check::{Answer, CheckError, Response, check_answer};
use kubetutor::quiz::key::{Solution, validate};
use kubetutor::quiz::spec::QuizSpec;
use std::collections::BTreeSet;

fn spec(yaml: &str) -> QuizSpec {
    serde_yaml::from_str(yaml).unwrap_or_else(|e| panic!("bad test yaml: {e}\n{yaml}"))
}

fn set(items: &[usize]) -> BTreeSet<usize> {
    items.iter().copied().collect()
}

const PHASE_EN: &str = r#"
id: phase-after-exit-1
kind: choice
question: A container exits with code 1 and restartPolicy is Never. Phase?
choices:
  - text: Running
    why: Nothing runs any more.
  - text: Failed
    why: Every container ended and one of them failed.
  - text: Succeeded
answer: Failed
explain: The phase sums up all containers.
"#;

const PHASE_KO: &str = r#"
id: phase-after-exit-1
kind: choice
question: 컨테이너가 코드 1로 끝났고 restartPolicy는 Never입니다. 파드의 단계는?
choices:
  - text: 실행 중 (Running)
    why: 더 이상 실행 중인 컨테이너가 없습니다.
  - text: 실패 (Failed)
    correct: true
    why: 모든 컨테이너가 끝났고 그중 하나가 실패했습니다.
  - text: 성공 (Succeeded)
"#;

#[test]
fn every_way_of_writing_a_choice_key_means_the_same() {
    let base = spec(PHASE_EN);
    let mut by_number = base.clone();
    by_number.answer = Some(serde_yaml::from_str("2").unwrap());
    let mut by_number_text = base.clone();
    by_number_text.answer = Some(serde_yaml::from_str("'2'").unwrap());
    let mut by_other_case = base.clone();
    by_other_case.answer = Some(serde_yaml::from_str("'  FAILED '").unwrap());
    let mut by_list = base.clone();
    by_list.answer = Some(serde_yaml::from_str("[Failed]").unwrap());
    let mut by_flag = base.clone();
    by_flag.answer = None;
    by_flag.choices[1].correct = true;
    let mut both_agree = base.clone();
    both_agree.choices[1].correct = true;
    for (name, s) in [
        ("text", &base),
        ("number", &by_number),
        ("quoted number", &by_number_text),
        ("case", &by_other_case),
        ("list of one", &by_list),
        ("flag", &by_flag),
        ("flag and key", &both_agree),
    ] {
        assert_eq!(Solution::of(s), Ok(Solution::Choice(1)), "{name}");
    }
    assert_eq!(Solution::of(&spec(PHASE_KO)), Ok(Solution::Choice(1)));
}

#[test]
fn multi_keys_from_lists_and_flags() {
    let yaml = r#"
id: control-plane
kind: multi
question: Which run on the control plane?
choices:
  - text: kube-apiserver
  - text: kubelet
    why: The kubelet runs on every node.
  - text: etcd
  - text: kube-scheduler
answer: [kube-apiserver, 3, "4"]
"#;
    assert_eq!(
        Solution::of(&spec(yaml)),
        Ok(Solution::Multi(set(&[0, 2, 3])))
    );
    let mut flags = spec(yaml);
    flags.answer = None;
    for i in [0, 2, 3] {
        flags.choices[i].correct = true;
    }
    assert_eq!(Solution::of(&flags), Ok(Solution::Multi(set(&[0, 2, 3]))));
}

/// Each broken key gives an error that names the problem; none panics.
#[test]
fn inconsistent_keys_are_errors_not_panics() {
    let cases: &[(&str, &str)] = &[
        (
            "id: q\nkind: choice\nquestion: Q\nchoices: [{text: A, correct: true}, {text: B}]\nanswer: B",
            "`answer:` names choice 2 but `correct: true` marks choice 1",
        ),
        (
            "id: q\nkind: choice\nquestion: Q\nchoices: [{text: A}, {text: B}]\nanswer: [1, 2]",
            "lists 2 choices",
        ),
        (
            "id: q\nkind: choice\nquestion: Q\nchoices: [{text: A}, {text: B}]\nanswer: 5",
            "`answer: 5` is not a choice number: there are 2 choices",
        ),
        (
            "id: q\nkind: choice\nquestion: Q\nchoices: [{text: A}, {text: B}]\nanswer: 0",
            "`answer: 0` is not a choice number",
        ),
        (
            "id: q\nkind: choice\nquestion: Q\nchoices: [{text: A}, {text: B}]\nanswer: Pending",
            "`answer: Pending` matches no choice",
        ),
        (
            "id: q\nkind: choice\nquestion: Q\nchoices: [{text: A}, {text: B}]",
            "no right answer",
        ),
        (
            "id: q\nkind: choice\nquestion: Q\nchoices: [{text: A, correct: true}, {text: B, correct: true}]",
            "2 choices are marked `correct: true`",
        ),
        (
            "id: q\nkind: choice\nquestion: Q\nchoices: [{text: A, correct: true}]",
            "at least two choices",
        ),
        (
            "id: q\nkind: choice\nquestion: Q\nchoices: [{text: Run}, {text: run}]\nanswer: RUN",
            "matches choices 1, 2",
        ),
        (
            "id: q\nkind: multi\nquestion: Q\nchoices: [{text: A}, {text: B}]\nanswer: []",
            "no right answer",
        ),
        (
            "id: q\nkind: multi\nquestion: Q\nchoices: [{text: A, correct: true}, {text: B}]\nanswer: [2]",
            "`answer:` names choice 2 but `correct: true` marks choice 1",
        ),
        (
            "id: q\nkind: order\nquestion: Q\nitems: [only]",
            "at least two `items`",
        ),
        (
            "id: q\nkind: order\nquestion: Q\nitems: [dev, staging, DEV]",
            "items 1 and 3 are the same",
        ),
        ("id: q\nkind: text\nquestion: Q", "needs `accept:`"),
        (
            "id: q\nkind: text\nquestion: Q\naccept: [etcd, ' . ']",
            "accepted answer 2",
        ),
        (
            "id: q\nkind: text\nquestion: Q\naccept: [etcd]\nchoices: [{text: A}]",
            "`choices:` is for choice, multi and predict questions, not `text`",
        ),
        (
            "id: q\nkind: choice\nquestion: Q\nchoices: [{text: A}, {text: B}]\nanswer: 1\nitems: [x, y]",
            "`items:` is for order",
        ),
        (
            "id: q\nkind: predict\nquestion: Q\nchoices: [{text: A}, {text: B}]\nanswer: 1\nobserve: {pod: p, field: phase}",
            "comes from the simulator",
        ),
        (
            "id: q\nkind: predict\nquestion: Q\nchoices: [{text: A}, {text: B}]",
            "needs `observe:`",
        ),
        (
            "id: q\nkind: predict\nquestion: Q\nchoices: [{text: A}, {text: B}]\nobserve: {pod: p, node: n, field: phase}",
            "names 2 targets",
        ),
        (
            "id: q\nkind: predict\nquestion: Q\nchoices: [{text: A}, {text: B}]\nobserve: {pod: p, field: phase}\nexpect: C",
            "`expect: C` is not the value of any choice",
        ),
        (
            "id: q\nkind: predict\nquestion: Q\nchoices: [{text: A}, {text: B}]\nobserve: {pod: p, field: phase}\nafter: soon",
            "`after:` invalid duration",
        ),
        (
            "id: q\nkind: predict\nquestion: Q\nchoices: [{text: A, value: X}, {text: B, value: x}]\nobserve: {pod: p, field: phase}",
            "choices 1 and 2 stand for the same value",
        ),
    ];
    for (yaml, wanted) in cases {
        let s = spec(yaml);
        let err = Solution::of(&s).expect_err(yaml);
        assert!(
            err.to_string().contains(wanted),
            "{yaml}\n  got: {err}\n  wanted: {wanted}"
        );
        assert!(err.to_string().starts_with("quiz 'q': "), "{err}");
        assert_eq!(validate(&s), Err(err.clone()));
        // Checking against a broken key reports it rather than guessing.
        assert_eq!(
            check_answer(&s, &Response::Choice(0), Some("A")),
            Err(CheckError::Spec(err))
        );
    }
}

#[test]
fn choice_checks_with_the_picked_why_in_both_languages() {
    for source in [PHASE_EN, PHASE_KO] {
        let s = spec(source);
        let right = check_answer(&s, &Response::Choice(1), None).unwrap();
        assert!(right.correct);
        assert_eq!(right.answer, Answer::Choice(1));
        assert_eq!(right.picked.len(), 1);
        assert!(right.picked[0].correct);
        assert_eq!(right.picked[0].why, s.choices[1].why);

        let wrong = check_answer(&s, &Response::Choice(0), None).unwrap();
        assert!(!wrong.correct);
        assert_eq!(wrong.picked[0].choice, 0);
        assert!(!wrong.picked[0].correct);
        assert_eq!(wrong.picked[0].why, s.choices[0].why);

        // A choice without a why has none.
        let bare = check_answer(&s, &Response::Choice(2), None).unwrap();
        assert_eq!(bare.picked[0].why, None);
    }
    let ko = spec(PHASE_KO);
    assert_eq!(Answer::Choice(1).describe(&ko), "2. 실패 (Failed)");
}

#[test]
fn responses_that_do_not_fit_are_errors() {
    let s = spec(PHASE_EN);
    assert_eq!(
        check_answer(&s, &Response::Choice(3), None),
        Err(CheckError::NoSuchChoice { index: 3, count: 3 })
    );
    let err = check_answer(&s, &Response::Text("Failed".into()), None).unwrap_err();
    assert_eq!(err.to_string(), "a `choice` question cannot take text");
    assert_eq!(
        CheckError::NoSuchChoice { index: 3, count: 3 }.to_string(),
        "there is no choice 4: the choices are numbered 1 to 3"
    );
}

#[test]
fn multi_needs_exactly_the_right_set() {
    let s = spec(
        r#"
id: cp
kind: multi
question: 컨트롤 플레인 구성 요소를 모두 고르세요.
choices:
  - text: kube-apiserver
    why: 클러스터의 유일한 출입문입니다.
  - text: kubelet
    why: kubelet은 모든 노드에서 실행됩니다.
  - text: etcd
answer: [1, 3]
"#,
    );
    let right = check_answer(&s, &Response::Multi(set(&[0, 2])), None).unwrap();
    assert!(right.correct);
    assert_eq!(right.answer, Answer::Multi(vec![0, 2]));
    assert_eq!(right.answer.describe(&s), "1. kube-apiserver; 3. etcd");

    let partial = check_answer(&s, &Response::Multi(set(&[0])), None).unwrap();
    assert!(!partial.correct);
    let extra = check_answer(&s, &Response::Multi(set(&[0, 1, 2])), None).unwrap();
    assert!(!extra.correct);
    let flags: Vec<(usize, bool)> = extra.picked.iter().map(|p| (p.choice, p.correct)).collect();
    assert_eq!(flags, vec![(0, true), (1, false), (2, true)]);
    assert_eq!(
        extra.picked[1].why.as_deref(),
        Some("kubelet은 모든 노드에서 실행됩니다.")
    );

    assert_eq!(
        check_answer(&s, &Response::Multi(set(&[])), None),
        Err(CheckError::Empty)
    );
    assert_eq!(
        check_answer(&s, &Response::Multi(set(&[0, 5])), None),
        Err(CheckError::NoSuchChoice { index: 5, count: 3 })
    );
}

#[test]
fn order_is_right_only_as_written() {
    let s = spec("id: envs\nkind: order\nquestion: Promote a release\nitems: [dev, staging, prod]");
    let right = check_answer(&s, &Response::Order(vec![0, 1, 2]), None).unwrap();
    assert!(right.correct);
    assert_eq!(right.in_place, Some(3));
    assert_eq!(right.answer.describe(&s), "dev → staging → prod");
    let swapped = check_answer(&s, &Response::Order(vec![1, 0, 2]), None).unwrap();
    assert!(!swapped.correct);
    assert_eq!(swapped.in_place, Some(1));
    for bad in [vec![0, 0, 2], vec![0, 1], vec![0, 1, 2, 3], vec![0, 1, 3]] {
        assert_eq!(
            check_answer(&s, &Response::Order(bad.clone()), None),
            Err(CheckError::NotAPermutation { count: 3 }),
            "{bad:?}"
        );
    }
}

#[test]
fn text_matches_every_alias_in_both_languages() {
    let s = spec(
        r#"
id: store
kind: text
question: Where does the cluster keep its state? / 클러스터의 상태는 어디에 저장되나요?
accept: [etcd, 이티시디, "etcd 데이터베이스"]
"#,
    );
    for typed in [
        "etcd",
        "ETCD ",
        "ｅｔｃｄ",
        "ＥＴＣＤ",
        "이티시디",
        " 이티 시디 ",
        "이티시디.",
        "etcd!",
        "Etcd\u{3000}데이터베이스",
        "etcd데이터베이스",
    ] {
        let c = check_answer(&s, &Response::Text(typed.into()), None).unwrap();
        assert!(c.correct, "{typed:?} should be accepted");
        assert_eq!(c.answer, Answer::Text("etcd".into()));
    }
    for typed in ["etc", "kubelet", "이티시", "etcd2", "e-t-c-d"] {
        let c = check_answer(&s, &Response::Text(typed.into()), None).unwrap();
        assert!(!c.correct, "{typed:?} should be rejected");
    }
    for blank in ["", "   ", "\u{3000}", "?"] {
        assert_eq!(
            check_answer(&s, &Response::Text(blank.into()), None),
            Err(CheckError::Empty),
            "{blank:?}"
        );
    }
}

const PREDICT: &str = r#"
id: crash-after-60s
kind: predict
question: 60초 뒤 crash-demo의 STATUS는?
setup: { scenario: crashloop }
after: 60s
observe: { pod: crash-demo, field: status }
choices:
  - text: 실행 중
    value: Running
  - text: 재시작 반복 (CrashLoopBackOff)
    value: CrashLoopBackOff
    why: 컨테이너가 계속 실패하면 kubelet이 재시작 간격을 늘립니다.
  - text: Completed
expect: CrashLoopBackOff
"#;

#[test]
fn predict_compares_the_choice_value_with_what_the_simulator_saw() {
    let s = spec(PREDICT);
    assert_eq!(Solution::of(&s), Ok(Solution::Predict));
    let right = check_answer(&s, &Response::Choice(1), Some("CrashLoopBackOff")).unwrap();
    assert!(right.correct);
    assert_eq!(
        right.answer,
        Answer::Observed {
            value: "CrashLoopBackOff".into(),
            choice: Some(1)
        }
    );
    assert_eq!(
        right.answer.describe(&s),
        "2. 재시작 반복 (CrashLoopBackOff)"
    );
    // The value defaults to the text, and comparison ignores case.
    let completed = check_answer(&s, &Response::Choice(2), Some("completed")).unwrap();
    assert!(completed.correct);
    let wrong = check_answer(&s, &Response::Choice(0), Some("CrashLoopBackOff")).unwrap();
    assert!(!wrong.correct);
    // A value no choice stands for: nobody is right, and the answer says what was seen.
    let unseen = check_answer(&s, &Response::Choice(1), Some("Error")).unwrap();
    assert!(!unseen.correct);
    assert_eq!(unseen.answer.describe(&s), "Error");
    assert_eq!(
        check_answer(&s, &Response::Choice(1), None),
        Err(CheckError::NeedsObservation)
    );
}

mod no_panic {
    use super::*;
    use kubetutor::quiz::input::parse_response;
    use kubetutor::quiz::spec::{AnswerKey, AnswerKeyItem, Choice, Observe, QuizKind};
    use proptest::prelude::*;

    fn kind() -> impl Strategy<Value = QuizKind> {
        prop_oneof![
            Just(QuizKind::Choice),
            Just(QuizKind::Multi),
            Just(QuizKind::Order),
            Just(QuizKind::Text),
            Just(QuizKind::Predict),
        ]
    }

    fn word() -> impl Strategy<Value = String> {
        prop_oneof![
            Just("A".to_string()),
            Just("a".to_string()),
            Just("2".to_string()),
            Just("실패".to_string()),
            Just(" ".to_string()),
            "[a-c0-9 ,]{0,4}",
        ]
    }

    fn item() -> impl Strategy<Value = AnswerKeyItem> {
        prop_oneof![
            (0u32..6).prop_map(AnswerKeyItem::Number),
            word().prop_map(AnswerKeyItem::Text),
        ]
    }

    fn key() -> impl Strategy<Value = Option<AnswerKey>> {
        prop_oneof![
            Just(None),
            (0u32..6).prop_map(|n| Some(AnswerKey::Number(n))),
            word().prop_map(|t| Some(AnswerKey::Text(t))),
            prop::collection::vec(item(), 0..4).prop_map(|v| Some(AnswerKey::Many(v))),
        ]
    }

    prop_compose! {
        fn quiz()(
            kind in kind(),
            choices in prop::collection::vec((word(), any::<bool>(), prop::option::of(word())), 0..5),
            answer in key(),
            items in prop::collection::vec(word(), 0..4),
            accept in prop::collection::vec(word(), 0..3),
            observe in any::<bool>(),
            shuffle in any::<bool>(),
        ) -> QuizSpec {
            QuizSpec {
                id: "q".into(),
                kind,
                question: "?".into(),
                choices: choices.into_iter().map(|(text, correct, value)| Choice {
                    text, why: None, correct, value,
                }).collect(),
                answer,
                items,
                accept,
                hints: vec![],
                explain: None,
                setup: None,
                after: None,
                observe: observe.then(|| Observe {
                    pod: Some("p".into()), pods: None, deployment: None,
                    service: None, node: None, job: None, field: "phase".into(),
                    ..Observe::default()
                }),
                expect: None,
                shuffle,
            }
        }
    }

    fn response() -> impl Strategy<Value = Response> {
        prop_oneof![
            (0usize..7).prop_map(Response::Choice),
            prop::collection::btree_set(0usize..7, 0..4).prop_map(Response::Multi),
            prop::collection::vec(0usize..5, 0..5).prop_map(Response::Order),
            word().prop_map(Response::Text),
        ]
    }

    proptest! {
        /// Any spec, any response, any typed text: a value comes back, and a
        /// spec whose key reads is judged right by its own key.
        #[test]
        fn checking_never_panics(s in quiz(), r in response(), typed in "[0-9a-c ,>]{0,6}", seed in any::<u64>()) {
            let observed = s.choices.first().map(|c| c.value().to_string());
            let _ = check_answer(&s, &r, observed.as_deref());
            let shown = kubetutor::quiz::shuffle::shown_order(s.items.len(), seed);
            let _ = parse_response(&s, &shown, &typed);
            if let Ok(solution) = Solution::of(&s) {
                let own = match &solution {
                    Solution::Choice(i) => Response::Choice(*i),
                    Solution::Multi(set) => Response::Multi(set.clone()),
                    Solution::Order(n) => Response::Order((0..*n).collect()),
                    Solution::Text(_) => Response::Text(s.accept[0].clone()),
                    Solution::Predict => Response::Choice(0),
                };
                let checked = check_answer(&s, &own, observed.as_deref());
                prop_assert!(checked.as_ref().is_ok_and(|c| c.correct), "{:?} {:?}", s, checked);
            }
        }
    }
}
