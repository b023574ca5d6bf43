//! Choices are shown shuffled, from the student's install seed and the
//! question id only: the order is a permutation, stable for the same seed
//! and id, the same in Korean and English, different between students, and
//! the answer key is checked by choice identity whatever the order.

use kubetutor::lang::Lang;
use kubetutor::lesson::Catalog;
use kubetutor::quiz::lesson::LessonQuiz;
use kubetutor::quiz::shuffle::{choice_order, index_at, position_of, seed_for};
use kubetutor::quiz::spec::{QuizKind, QuizSpec};
use kubetutor::quiz::{Answer, QuizAttempt, Solution};
use proptest::prelude::*;

fn spec(yaml: &str) -> QuizSpec {
    serde_yaml::from_str(yaml).unwrap()
}

const FIVE: &str = r#"
id: phase-after-exit-1
kind: choice
question: Phase?
choices:
  - text: Pending
  - text: Running
  - text: Succeeded
  - text: Failed
    correct: true
  - text: Unknown
"#;

const MULTI: &str = r#"
id: parts
kind: multi
question: Control plane?
choices:
  - text: kube-apiserver
    correct: true
  - text: kubelet
  - text: etcd
    correct: true
  - text: kube-proxy
"#;

const COUNTS: &str = r#"
id: restarts
kind: choice
question: How many restarts?
shuffle: false
choices: [{ text: "0" }, { text: "1" }, { text: "2" }, { text: "3" }]
answer: "2"
"#;

#[test]
fn the_same_seed_and_id_give_the_same_order_and_another_id_another() {
    let s = spec(FIVE);
    let a = QuizAttempt::new(&s, seed_for(&s.id, 99)).unwrap();
    let b = QuizAttempt::new(&s, seed_for(&s.id, 99)).unwrap();
    assert_eq!(a.shown_choices(), b.shown_choices());
    // Over many install seeds, the right choice (Failed, index 3) is shown
    // at every position: the lesson's order does not decide it.
    let mut seen = [0; 5];
    for install in 0..500 {
        let a = QuizAttempt::new(&s, seed_for(&s.id, install)).unwrap();
        seen[a.choice_number(3) - 1] += 1;
    }
    assert!(seen.iter().all(|&n| n > 60), "{seen:?}");
}

#[test]
fn shuffle_false_keeps_the_lessons_order() {
    let s = spec(COUNTS);
    assert!(!s.shuffle);
    for install in 0..50 {
        let a = QuizAttempt::new(&s, seed_for(&s.id, install)).unwrap();
        assert_eq!(a.shown_choices(), &[0, 1, 2, 3]);
        assert_eq!(a.parse("3").unwrap(), kubetutor::quiz::Response::Choice(2));
    }
    // Order and text questions have nothing to opt out of.
    let bad: Result<QuizSpec, _> =
        serde_yaml::from_str("id: t\nkind: text\nquestion: Where\naccept: [a]\nshuffle: false\n");
    let err = kubetutor::quiz::validate(&bad.unwrap()).unwrap_err();
    assert!(err.message.contains("`shuffle:` is for choice"), "{err}");
}

#[test]
fn a_first_miss_of_a_multi_question_gives_nothing_away() {
    let s = spec(MULTI);
    let mut a = QuizAttempt::new(&s, 3).unwrap();
    // kubelet (wrong) and kube-apiserver (right): one wrong pick shown, one
    // right choice (etcd) missing; no `why`, no mark on the right pick.
    let (kubelet, apiserver) = (a.choice_number(1), a.choice_number(0));
    let r = a.parse(&format!("{kubelet}, {apiserver}")).unwrap();
    let v = a.submit(&r).unwrap();
    assert!(!v.correct && v.can_retry);
    assert_eq!(v.missing, Some(1));
    assert_eq!(v.picked.len(), 1);
    assert_eq!(v.picked[0].choice, 1);
    assert!(v.picked[0].why.is_none() && !v.picked[0].correct);
    assert!(v.explained.is_empty() && v.answer.is_none());
    // The second try ends it: every choice is explained, in the order shown.
    let r = a.parse(&apiserver.to_string()).unwrap();
    let v = a.submit(&r).unwrap();
    assert_eq!(v.missing, None);
    let told: Vec<usize> = v.explained.iter().map(|p| p.choice).collect();
    assert_eq!(told, a.shown_choices());
    assert_eq!(v.answer, Some(Answer::Multi(vec![0, 2])));
}

proptest! {
    /// Whatever the seed: the shown order is a permutation of the choices,
    /// the number shown for the right choice reads back as that choice, it
    /// checks right, and every other number checks wrong.
    #[test]
    fn the_key_is_checked_by_identity(seed in any::<u64>(), len in 2usize..9, right in 0usize..8) {
        let right = right % len;
        let choices: Vec<String> = (0..len).map(|i| format!("  - text: c{i}\n")).collect();
        let yaml = format!(
            "id: q\nkind: choice\nquestion: Which one\nchoices:\n{}answer: c{right}\n",
            choices.concat()
        );
        let s = spec(&yaml);
        let a = QuizAttempt::new(&s, seed).unwrap();
        let shown = a.shown_choices().to_vec();
        let mut sorted = shown.clone();
        sorted.sort_unstable();
        prop_assert_eq!(sorted, (0..len).collect::<Vec<_>>());
        prop_assert_eq!(&shown, &choice_order(len, seed));
        for p in 0..len {
            prop_assert_eq!(position_of(&shown, index_at(&shown, p)), p);
            let mut b = a.clone();
            let r = b.parse(&(p + 1).to_string()).unwrap();
            prop_assert_eq!(&r, &kubetutor::quiz::Response::Choice(shown[p]));
            prop_assert_eq!(b.submit(&r).unwrap().correct, shown[p] == right);
        }
        prop_assert_eq!(Solution::of(&s).unwrap(), Solution::Choice(right));
    }
}

/// Every question of the embedded course shows its choices at the same
/// positions in Korean and in English, for any install seed, with the
/// right answer at the same position.
#[test]
fn korean_and_english_show_the_same_positions() {
    let catalog = Catalog::embedded();
    for install in [0, 1, 7, 2024, u64::MAX] {
        for en in catalog.lessons(Lang::En) {
            let ko = catalog.get(&en.lesson.id, Lang::Ko).unwrap();
            assert!(!ko.fallback, "{} has a Korean file", en.lesson.id);
            let en_quiz = LessonQuiz::new(en.lesson, install);
            let ko_quiz = LessonQuiz::new(ko.lesson, install);
            assert_eq!(en_quiz.len(), ko_quiz.len(), "{}", en.lesson.id);
            for (e, k) in en_quiz.questions().iter().zip(ko_quiz.questions()) {
                assert_eq!(e.id(), k.id());
                let (ea, ka) = (&e.attempt, &k.attempt);
                assert_eq!(ea.shown_choices(), ka.shown_choices(), "{}", e.id());
                assert_eq!(ea.shown_items(), ka.shown_items(), "{}", e.id());
                let right = |a: &QuizAttempt| match a.solution() {
                    Solution::Choice(i) => vec![a.choice_number(*i)],
                    Solution::Multi(set) => {
                        let mut n: Vec<usize> = set.iter().map(|&i| a.choice_number(i)).collect();
                        n.sort_unstable();
                        n
                    }
                    _ => Vec::new(),
                };
                assert_eq!(right(ea), right(ka), "{}", e.id());
                if let (Some(eo), Some(ko)) = (e.predicted(), k.predicted()) {
                    assert_eq!(
                        eo.choice.map(|i| ea.choice_number(i)),
                        ko.choice.map(|i| ka.choice_number(i)),
                        "{}",
                        e.id()
                    );
                }
            }
        }
    }
}

/// Two installs see different orders somewhere in the course.
#[test]
fn two_students_see_different_orders() {
    let catalog = Catalog::embedded();
    let orders = |install: u64| -> Vec<Vec<usize>> {
        catalog
            .lessons(Lang::En)
            .flat_map(|f| {
                LessonQuiz::new(f.lesson, install)
                    .questions()
                    .iter()
                    .filter(|q| q.attempt.spec().kind != QuizKind::Text)
                    .map(|q| q.attempt.shown_choices().to_vec())
                    .collect::<Vec<_>>()
            })
            .collect()
    };
    assert_eq!(orders(11), orders(11));
    assert_ne!(orders(11), orders(12));
}
