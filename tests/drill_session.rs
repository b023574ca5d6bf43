//! Planning a drill session (due cards first, then new ones, deterministic
//! for a seed) and the session state machine the plain mode and the TUI
//! drive.

use kubetutor::lang::Lang;
use kubetutor::quiz::check::{CheckError, Response};
use kubetutor::quiz::drill::card::{self, Card, Field, category};
use kubetutor::quiz::drill::{DrillSession, Plan, State, plan};
use kubetutor::quiz::input::InputError;
use kubetutor::quiz::review::{Grade, RELEARN_SECS, ReviewDeck};
use kubetutor::timestamp::Timestamp;

const T0: Timestamp = Timestamp::from_secs(1_740_821_400);

fn keys(p: &Plan) -> Vec<String> {
    p.cards.iter().map(Card::key).collect()
}

#[test]
fn a_first_session_takes_new_phase_cards_from_every_category_in_turn() {
    let deck = ReviewDeck::default();
    let p = plan(&deck, T0, 10, 42);
    assert_eq!((p.cards.len(), p.due, p.new_cards()), (10, 0, 10));
    assert!(p.cards.iter().all(|c| c.field == Field::Phase));
    let cats: Vec<&str> = p.cards.iter().map(Card::category).collect();
    for window in cats.chunks(4) {
        let mut w = window.to_vec();
        w.sort_unstable();
        w.dedup();
        assert_eq!(w.len(), window.len(), "categories take turns: {cats:?}");
    }
    for cat in category::ALL {
        assert!(cats.contains(&cat), "{cat} in {cats:?}");
    }
    assert_eq!(
        keys(&plan(&deck, T0, 10, 42)),
        keys(&p),
        "same seed, same plan"
    );
    assert_ne!(
        keys(&plan(&deck, T0, 10, 43)),
        keys(&p),
        "another seed, another plan"
    );
}

#[test]
fn due_cards_come_first_most_overdue_first_then_new_ones() {
    let all = card::all();
    let mut deck = ReviewDeck::default();
    let (a, b, c) = (all[0], all[5], all[20]);
    deck.review(&a.key(), a.category(), Grade::Again, T0);
    deck.review(&b.key(), b.category(), Grade::Again, T0.plus_secs(60));
    deck.review(&c.key(), c.category(), Grade::Good, T0);
    // Not a card of this drill (an old key): ignored.
    deck.review("never/exit1", "restartPolicy", Grade::Again, T0);

    let before = plan(&deck, T0.plus_secs(RELEARN_SECS - 1), 5, 1);
    assert_eq!(before.due, 0, "nothing due yet");
    let reviewed: Vec<String> = [a, b, c].iter().map(Card::key).collect();
    assert!(before.cards.iter().all(|x| !reviewed.contains(&x.key())));

    let later = T0.plus_secs(RELEARN_SECS + 61);
    let p = plan(&deck, later, 5, 1);
    assert_eq!(p.due, 2);
    assert_eq!(keys(&p)[..2], [a.key(), b.key()]);
    assert_eq!(p.cards.len(), 5);
    assert!(p.cards[2..].iter().all(|x| deck.card(&x.key()).is_none()));

    let only_due = plan(&deck, later, 1, 1);
    assert_eq!((keys(&only_due), only_due.due), (vec![a.key()], 1));
}

#[test]
fn status_cards_open_once_their_phase_card_was_reviewed() {
    let mut deck = ReviewDeck::default();
    let everything = plan(&deck, T0, 10_000, 3);
    assert!(everything.cards.iter().all(|c| c.field == Field::Phase));
    let phase = everything.cards[0];
    deck.review(&phase.key(), phase.category(), Grade::Good, T0);
    let next = plan(&deck, T0, 10_000, 3);
    let status = phase.with_field(Field::Status);
    assert!(next.cards.contains(&status));
    assert!(!next.cards.contains(&phase), "reviewed and not due");
    let restarts = phase.with_field(Field::Restarts);
    assert!(!next.cards.contains(&restarts));
}

fn one(card: Card, lang: Lang) -> DrillSession {
    DrillSession::with_plan(
        Plan {
            cards: vec![card],
            due: 0,
        },
        lang,
    )
}

fn never_exit_1() -> Card {
    card::by_key("phase/pod/never/exit1/ok/up/30s").unwrap()
}

#[test]
fn a_right_answer_is_good_after_a_hint_hard_and_a_wrong_one_again() {
    let c = never_exit_1();
    let mut s = one(c, Lang::En);
    assert_eq!(s.state(), State::Asking);
    let q = s.question().unwrap().clone();
    assert_eq!((q.number, q.total, q.review), (1, 1, false));
    assert_eq!(q.spec.choices[3].text, "Failed");
    assert!(q.spec.question.contains("restartPolicy: Never"));
    let r = s.parse("failed").unwrap();
    let f = s.submit(&r).unwrap().clone();
    assert!(f.correct && !f.revealed);
    assert_eq!(f.review.grade, Grade::Good);
    assert_eq!(f.review.key, c.key());
    assert_eq!(f.review.category, category::RESTART_POLICY);
    assert_eq!(s.state(), State::Answered);
    assert_eq!(s.submit(&r), Err(CheckError::Finished));
    assert!(!s.advance());
    assert_eq!(s.state(), State::Done);
    assert!(s.question().is_none());

    let mut hinted = one(c, Lang::Ko);
    assert!(hinted.hint().unwrap().contains("Never"));
    assert!(hinted.hint().is_some());
    assert_eq!(hinted.hint(), None, "two hints per card");
    let f = hinted.submit(&Response::Choice(3)).unwrap();
    assert_eq!((f.correct, f.review.grade), (true, Grade::Hard));

    let mut wrong = one(c, Lang::En);
    // Choices are shown shuffled: type the number choice 1 (Running) is
    // shown with; the answer is still checked by the choice itself.
    let shown_as = wrong.question().unwrap().number_of(1);
    let two = wrong.parse(&shown_as.to_string()).unwrap();
    let f = wrong.submit(&two).unwrap().clone();
    assert!(!f.correct);
    assert_eq!(f.review.grade, Grade::Again);
    assert_eq!(f.picked.as_ref().map(|p| p.choice), Some(1));
    assert_eq!((f.answer, f.answer_text.as_str()), (3, "Failed"));
    assert!(f.explanation[0].contains("restartPolicy Never"));

    let mut shown = one(c, Lang::En);
    let f = shown.reveal().unwrap();
    assert!(f.revealed && !f.correct);
    assert_eq!(f.review.grade, Grade::Again);
}

#[test]
fn answers_that_cannot_be_understood_spend_nothing() {
    let mut s = one(never_exit_1(), Lang::Ko);
    s.question();
    assert_eq!(
        s.parse("9"),
        Err(InputError::NoSuchChoice {
            number: 9,
            count: 5
        })
    );
    assert!(matches!(
        s.parse("모름"),
        Err(InputError::UnknownChoice { .. })
    ));
    assert_eq!(
        s.submit(&Response::Choice(7)),
        Err(CheckError::NoSuchChoice { index: 7, count: 5 })
    );
    assert_eq!(s.state(), State::Asking);
    assert!(s.submit(&Response::Choice(3)).unwrap().correct);
}

#[test]
fn the_summary_counts_this_session_per_category_and_says_when_next() {
    let mut deck = ReviewDeck::default();
    let mut s = DrillSession::new(&deck, T0, 4, 9, Lang::En);
    let mut right = 0;
    let mut n = 0;
    while let Some(q) = s.question() {
        let wrong_choice = q.spec.choices.len() - 1;
        let answer = s.outcome().unwrap().answer;
        let pick = if n % 2 == 0 {
            answer
        } else {
            (answer + 1) % (wrong_choice + 1)
        };
        let f = s.submit(&Response::Choice(pick)).unwrap().clone();
        right += u32::from(f.correct);
        deck.review(&f.review.key, f.review.category, f.review.grade, T0);
        s.advance();
        n += 1;
    }
    assert_eq!(n, 4);
    let sum = s.summary(&deck, T0);
    assert_eq!((sum.right, sum.asked), (right, 4));
    assert_eq!(sum.categories.len(), 4, "one card of each category");
    assert_eq!(sum.categories.iter().map(|c| c.asked).sum::<u32>(), 4);
    assert_eq!(sum.next_due, Some(T0.plus_secs(RELEARN_SECS)));
    assert_eq!(sum.due_now, 0);
    let wrong_cat = &sum.categories.iter().find(|c| c.right == 0).unwrap();
    assert_eq!(wrong_cat.next_due, Some(T0.plus_secs(RELEARN_SECS)));
}
