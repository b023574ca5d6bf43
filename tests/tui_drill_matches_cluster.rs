//! Issue 4's "Done when": a 10-card pod-phase drill whose answers match
//! what the cluster pane shows. For every card of a session the drill's
//! answer (the value it checks answers against) equals what
//! `sim::Cluster::observe` reads from the cluster the pane shows, once the
//! pane has played the card to its moment, and that moment is exactly the
//! card's time. Sessions of phase cards, then STATUS cards, then RESTARTS
//! cards (each unlocked by reviewing the easier one), so every field is
//! covered.

#[path = "support/drill.rs"]
mod support;

use kubetutor::lang::Lang;
use kubetutor::progress::Store;
use kubetutor::quiz::drill::card::{self, Field};
use kubetutor::quiz::drill::{GONE, words};
use kubetutor::quiz::review::Grade;
use kubetutor::tui::app::App;
use kubetutor::tui::drill::replay::Stage;
use ratatui::crossterm::event::KeyCode;
use support::*;

/// Answer every card of the open session (right and wrong in turn), play
/// each card's cluster out, and check the answer against it. Returns the
/// fields asked.
fn check_session(app: &mut App) -> Vec<Field> {
    let mut fields = Vec::new();
    let total = drill(app).session().plan().cards.len();
    assert_eq!(total, 10, "a 10-card session");
    for n in 1..=total {
        let d = drill(app);
        let q = d.question().expect("a card").clone();
        assert_eq!(q.number, n);
        let expected = d.outcome().expect("its outcome").value.clone();
        let replay = d.replay().expect("the card's cluster");
        assert_eq!((replay.stage(), replay.elapsed_ms()), (Stage::Waiting, 0));
        fields.push(q.card.field);

        if n % 2 == 1 {
            answer_right(app);
        } else {
            answer_wrong(app);
        }
        let f = drill(app).feedback().expect("feedback").clone();
        assert_eq!(f.correct, n % 2 == 1, "{}", q.key);
        assert_eq!(f.answer_text, words::label(&expected, Lang::En));
        assert_eq!(q.spec.choices[f.answer].value.as_deref(), Some(&*expected));

        play_out(app);
        let replay = drill(app).replay().expect("the card's cluster");
        assert_eq!(replay.stage(), Stage::Done);
        assert_eq!(
            replay.elapsed_ms(),
            q.card.after_ms,
            "{}: the pane stops exactly at the card's moment",
            q.key
        );
        let seen = match replay.observe() {
            Ok(value) => value,
            Err(e) if e.contains("not found") => GONE.to_string(),
            Err(e) => panic!("{}: {e}", q.key),
        };
        assert_eq!(
            seen, expected,
            "{}: the pane shows the drill's answer",
            q.key
        );
        press(app, KeyCode::Enter);
    }
    assert!(
        drill(app).ended().is_some(),
        "the summary after the last card"
    );
    fields
}

#[test]
fn a_ten_card_drill_matches_what_the_cluster_pane_shows() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("progress.json");

    // Phase cards first: a new student.
    let (store, _) = Store::open(&file);
    let mut app = app_with(Lang::En, Some(store), t0);
    press_char(&mut app, 'D');
    let fields = check_session(&mut app);
    assert!(fields.iter().all(|f| *f == Field::Phase), "{fields:?}");

    // Every phase card reviewed (not due yet): STATUS cards come next;
    // then RESTARTS and READY cards once every STATUS card is reviewed.
    for (asked, next) in [
        (Field::Phase, &[Field::Status][..]),
        (Field::Status, &[Field::Restarts, Field::Ready][..]),
    ] {
        let (mut store, _) = Store::open(&file);
        for c in card::all().into_iter().filter(|c| c.field == asked) {
            store.record_review(&c.key(), c.category(), Grade::Good, T0);
        }
        store.save().unwrap();
        let mut app = app_with(Lang::En, Some(store), t0_plus_11m);
        press_char(&mut app, 'D');
        let fields = check_session(&mut app);
        assert!(fields.iter().all(|f| next.contains(f)), "{fields:?}");
    }
}
