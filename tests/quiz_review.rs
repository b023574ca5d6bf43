//! The drill's spaced-repetition schedule (SM-2 with a relearning step):
//! exact intervals for a fixed sequence of grades.

use kubetutor::quiz::review::{CardState, Grade, MIN_EASE, ReviewDeck, Tally, schedule};
use kubetutor::timestamp::Timestamp;

const MIN: u64 = 60;
const DAY: u64 = 86_400;
const T0: Timestamp = Timestamp::from_secs(1_740_821_400);

#[test]
fn intervals_for_a_fixed_grade_sequence() {
    use Grade::*;
    // (grade, interval in seconds, ease after, repetitions after)
    let expected = [
        (Good, DAY, 2500, 1),
        (Good, 6 * DAY, 2500, 2),
        (Good, 15 * DAY, 2500, 3), // 6 × 2.5
        (Again, 10 * MIN, 2300, 0),
        (Good, DAY, 2300, 1),
        (Easy, 6 * DAY, 2400, 2),
        (Hard, 14 * DAY, 2260, 3), // 6 × 2.26 = 13.56
        (Good, 32 * DAY, 2260, 4), // 14 × 2.26 = 31.64
        (Easy, 76 * DAY, 2360, 5), // 32 × 2.36 = 75.52
    ];
    let mut deck = ReviewDeck::default();
    let mut now = T0;
    for (step, (grade, interval, ease, reps)) in expected.iter().enumerate() {
        let due = deck.review("always/exit1/bare", "restartPolicy", *grade, now);
        let card = deck.card("always/exit1/bare").unwrap();
        assert_eq!(card.interval_secs, *interval, "step {step} ({grade:?})");
        assert_eq!(due, now.plus_secs(*interval), "step {step}");
        assert_eq!((card.ease, card.reps), (*ease, *reps), "step {step}");
        assert_eq!(card.last_review, now);
        // The student comes back exactly when the card is due.
        now = due;
    }
    let card = deck.card("always/exit1/bare").unwrap();
    assert_eq!((card.reviews, card.correct, card.lapses), (9, 8, 1));
}

#[test]
fn ease_never_drops_below_its_floor() {
    let mut card: Option<CardState> = None;
    for _ in 0..20 {
        card = Some(schedule(card.as_ref(), "c", Grade::Again, T0));
    }
    let c = card.unwrap();
    assert_eq!(c.ease, MIN_EASE);
    assert_eq!(c.lapses, 0, "a card never learned has no lapses");
    let after = schedule(Some(&c), "c", Grade::Hard, T0);
    assert_eq!(after.ease, MIN_EASE);
    assert_eq!(after.interval_secs, DAY);
}

#[test]
fn due_counts_and_categories() {
    let mut deck = ReviewDeck::default();
    deck.review("a", "restartPolicy", Grade::Good, T0); // due T0 + 1 day
    deck.review("b", "restartPolicy", Grade::Again, T0); // due T0 + 10 min
    deck.review("c", "node lost", Grade::Good, T0);
    deck.review("c", "node lost", Grade::Again, T0.plus_secs(DAY)); // due +1 day 10 min
    deck.review("d", "image pull", Grade::Easy, T0);

    let later = T0.plus_secs(20 * MIN);
    assert_eq!(deck.due_count(later), 1);
    assert_eq!(deck.due_keys(later), vec!["b"]);
    assert!(deck.is_due("b", later));
    assert!(!deck.is_due("a", later));
    assert!(deck.is_due("never-seen", later), "a new card is due");
    assert_eq!(deck.next_due(later), Some(T0.plus_secs(DAY)));

    let cats = deck.categories(later);
    let rp = &cats["restartPolicy"];
    assert_eq!((rp.cards, rp.reviews, rp.correct, rp.due_now), (2, 2, 1, 1));
    assert_eq!(rp.accuracy(), Some(0.5));
    assert_eq!(rp.next_due, Some(T0.plus_secs(DAY)));
    let nl = &cats["node lost"];
    assert_eq!((nl.cards, nl.reviews, nl.correct, nl.due_now), (1, 2, 1, 0));
    assert_eq!(nl.next_due, Some(T0.plus_secs(DAY + 10 * MIN)));
    assert_eq!(cats["image pull"].accuracy(), Some(1.0));

    let two_days = T0.plus_secs(2 * DAY);
    assert_eq!(deck.due_keys(two_days), vec!["b", "a", "d", "c"]);
    assert_eq!(deck.due_count(two_days), 4);
}

#[test]
fn merging_keeps_the_later_review_and_never_lowers_counts() {
    let mut mine = ReviewDeck::default();
    mine.review("a", "x", Grade::Good, T0);
    mine.review("a", "x", Grade::Good, T0.plus_secs(DAY));
    let mut theirs = ReviewDeck::default();
    theirs.review("a", "x", Grade::Again, T0.plus_secs(2 * DAY));
    theirs.review("b", "y", Grade::Good, T0);

    let mut merged = mine.clone();
    merged.merge(&theirs);
    let a = merged.card("a").unwrap();
    assert_eq!(
        a.last_review,
        T0.plus_secs(2 * DAY),
        "the later review wins"
    );
    assert_eq!(a.interval_secs, 10 * MIN);
    assert_eq!(a.reviews, 2, "counts never go backwards");
    assert_eq!(a.correct, 2);
    assert!(merged.card("b").is_some());

    // The other way round gives the same deck.
    let mut other_way = theirs.clone();
    other_way.merge(&mine);
    assert_eq!(other_way, merged);
}

#[test]
fn deck_round_trips_through_json() {
    let mut deck = ReviewDeck::default();
    deck.review("never/exit0/job", "owner", Grade::Hard, T0);
    let json = serde_json::to_string(&deck).unwrap();
    assert!(json.contains("\"due\":\"2025-03-02T09:30:00Z\""), "{json}");
    let back: ReviewDeck = serde_json::from_str(&json).unwrap();
    assert_eq!(back, deck);
    // Older files without the newer fields still load.
    let old: ReviewDeck = serde_json::from_str(
        r#"{"cards":{"k":{"due":"2025-03-02T09:30:00Z","last_review":"2025-03-01T09:30:00Z"}}}"#,
    )
    .unwrap();
    assert_eq!(old.card("k").unwrap().ease, 2500);
}

#[test]
fn a_session_tally_reports_accuracy_per_category() {
    let mut t = Tally::default();
    t.record("restartPolicy", true);
    t.record("restartPolicy", false);
    t.record("restartPolicy", true);
    t.record("node lost", false);
    assert_eq!(t.total(), (2, 4));
    assert_eq!(t.accuracy("restartPolicy"), Some(2.0 / 3.0));
    assert_eq!(t.accuracy("node lost"), Some(0.0));
    assert_eq!(t.accuracy("image pull"), None);
    assert_eq!(Grade::from_answer(true, false), Grade::Good);
    assert_eq!(Grade::from_answer(true, true), Grade::Hard);
    assert_eq!(Grade::from_answer(false, false), Grade::Again);
}
