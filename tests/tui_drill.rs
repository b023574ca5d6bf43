//! The pod-phase drill in the interface: snapshots of its screens (a
//! question in English and Korean, a right answer, a wrong answer with the
//! explanation and the card's cluster, the summary) at 160×48 and 80×30;
//! a scripted session through the keymap and `App::apply`; reviews kept in
//! the progress file and scheduling the next session; Ctrl-C. Every size
//! up to 300×100 is drawn in tests/tui_sizes.rs.

#[path = "support/drill.rs"]
mod support;
#[path = "support/tui.rs"]
mod tui;

use kubetutor::lang::Lang;
use kubetutor::progress::Store;
use kubetutor::quiz::drill::State;
use kubetutor::quiz::review::Grade;
use kubetutor::timestamp::Timestamp;
use kubetutor::tui::action::Action;
use kubetutor::tui::app::{App, Overlay};
use kubetutor::tui::drill::replay::Stage;
use kubetutor::tui::drill::{DrillOptions, DrillPane};
use kubetutor::tui::keymap;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use std::sync::atomic::{AtomicI64, Ordering};
use support::*;
use tui::screen;

const SIZES: [(u16, u16); 2] = [(160, 48), (80, 30)];

/// Snapshots of the state `make` builds, at each size, each on its own app
/// (the first frame after an answer scrolls to the feedback as the
/// terminal's size asks).
fn snapshots(name: &str, make: impl Fn() -> App) {
    for (w, h) in SIZES {
        let mut app = make();
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), screen(&mut app, w, h));
    }
}

#[test]
fn a_question_in_english() {
    snapshots("drill_question_en", || drill_app(Lang::En, 10, 7));
    let mut app = drill_app(Lang::En, 10, 7);
    let s = screen(&mut app, 160, 48);
    for fact in [
        "restartPolicy",
        "Container",
        "Image",
        "Node",
        "Elapsed",
        "Owner",
    ] {
        assert!(s.contains(fact), "{fact} missing:\n{s}");
    }
    assert!(s.contains("Card 1 of 10"), "{s}");
    assert!(
        s.contains("0:00.0 / "),
        "the card's cluster waits at 0:00:\n{s}"
    );
}

#[test]
fn a_question_in_korean() {
    snapshots("drill_question_ko", || drill_app(Lang::Ko, 10, 7));
    let mut app = drill_app(Lang::Ko, 10, 7);
    let s = screen(&mut app, 160, 48);
    assert!(s.contains("카드 1/10"), "{s}");
    assert!(s.contains("경과 시간"), "{s}");
}

#[test]
fn after_a_right_answer() {
    let make = || {
        let mut app = drill_app(Lang::En, 10, 7);
        answer_right(&mut app);
        play_out(&mut app);
        app
    };
    snapshots("drill_right", make);
    let mut app = make();
    let s = screen(&mut app, 160, 48);
    assert!(s.contains("✔ Right!"), "{s}");
    assert!(s.contains("The card's moment"), "{s}");
}

#[test]
fn after_a_wrong_answer_with_the_explanation_and_the_cluster() {
    // The second card: a more telling explanation than the first.
    let make = || {
        let mut app = drill_app(Lang::En, 10, 7);
        answer_right(&mut app);
        press(&mut app, KeyCode::Enter);
        answer_wrong(&mut app);
        play_out(&mut app);
        app
    };
    snapshots("drill_wrong", make);
    let mut app = make();
    let s = screen(&mut app, 160, 48);
    assert!(s.contains("✘ Wrong. The answer: "), "{s}");
    assert!(s.contains("Why"), "{s}");
    assert!(s.contains("What the cluster did"), "{s}");
    // Narrow: Tab shows the card's cluster instead of the card.
    press(&mut app, KeyCode::Tab);
    let s = screen(&mut app, 80, 30);
    insta::assert_snapshot!("drill_wrong_cluster_80x30", s);
    assert!(s.contains("The card's cluster"), "{s}");
    assert!(!s.contains("Why"), "one pane at a time:\n{s}");
}

#[test]
fn the_summary() {
    let make = || {
        let mut app = drill_app(Lang::En, 3, 7);
        answer_right(&mut app);
        press(&mut app, KeyCode::Enter);
        answer_wrong(&mut app);
        press(&mut app, KeyCode::Enter);
        answer_right(&mut app);
        press(&mut app, KeyCode::Enter);
        app
    };
    snapshots("drill_summary", make);
    let mut app = make();
    let s = screen(&mut app, 160, 48);
    assert!(s.contains("Drill finished: 2 of 3 right (67%)."), "{s}");
    assert!(
        s.contains("in 10m"),
        "the missed card comes back in 10 minutes:\n{s}"
    );
    let mut ko = drill_app(Lang::Ko, 1, 7);
    press(&mut ko, KeyCode::Esc);
    let s = screen(&mut ko, 80, 30);
    insta::assert_snapshot!("drill_summary_ko_stopped_80x30", s);
    assert!(
        s.contains("드릴을 멈췄습니다: 1장 중 0장에 답했고 0장 맞힘."),
        "{s}"
    );
}

/// Right, wrong, a hint then right, shown, then Esc: the summary, then the
/// lesson as it was.
#[test]
fn a_scripted_session_through_the_keys() {
    let mut app = app_with(Lang::En, None, t0);
    app.apply(Action::NextSection);
    app.apply(Action::Scroll(1));
    let before = (app.lesson_id().map(String::from), app.section, app.scroll);
    let live_before = app.live.cluster.now();

    press_char(&mut app, 'D');
    assert_eq!(drill(&app).state(), State::Asking);
    assert_eq!(drill(&app).question().unwrap().total, 10);

    // Before the answer the card's cluster waits at 0:00.
    for _ in 0..20 {
        app.apply(Action::Tick(100));
    }
    let replay = drill(&app).replay().unwrap();
    assert_eq!((replay.stage(), replay.elapsed_ms()), (Stage::Waiting, 0));
    assert_eq!(
        app.live.cluster.now(),
        live_before,
        "the lesson's cluster waits"
    );

    // Nothing is picked at first: Enter says to pick first, spends nothing.
    assert_eq!(drill(&app).selected, None);
    press(&mut app, KeyCode::Enter);
    assert_eq!(drill(&app).state(), State::Asking);
    assert!(drill(&app).pick_first);
    let s = screen(&mut app, 160, 48);
    assert!(s.contains("Pick a choice first"), "{s}");
    // A digit picks without answering (the same as in a lesson's quiz).
    let wrong_digit = digit_for(&app, wrong_choice(&app));
    press_char(&mut app, wrong_digit);
    assert_eq!(drill(&app).state(), State::Asking);

    // 1: right, with the arrows (the first ↓ picks the first choice) and Enter.
    let right = right_choice(&app);
    let position = drill(&app).question().unwrap().number_of(right) - 1;
    press(&mut app, KeyCode::Up);
    for _ in 0..10 {
        press(&mut app, KeyCode::Up);
    }
    for _ in 0..position {
        press(&mut app, KeyCode::Down);
    }
    assert_eq!(drill(&app).selected, Some(position));
    press(&mut app, KeyCode::Enter);
    let f = drill(&app).feedback().unwrap().clone();
    assert!(f.correct && !f.revealed);
    assert_eq!(f.review.grade, Grade::Good);
    assert_eq!(drill(&app).replay().unwrap().stage(), Stage::Playing);
    press(&mut app, KeyCode::Right);

    // 2: a digit that is no choice spends nothing; then wrong.
    press_char(&mut app, '9');
    assert_eq!(drill(&app).state(), State::Asking);
    answer_wrong(&mut app);
    let f = drill(&app).feedback().unwrap();
    assert!(!f.correct);
    assert_eq!(f.review.grade, Grade::Again);
    press(&mut app, KeyCode::Enter);

    // 3: two hints, a third asked for, then right: graded hard.
    press_char(&mut app, 'h');
    press_char(&mut app, 'h');
    press_char(&mut app, 'h');
    assert_eq!(drill(&app).hints.len(), 2);
    assert!(drill(&app).out_of_hints);
    let s = screen(&mut app, 160, 48);
    assert!(s.contains("Hint: ") && s.contains("No more hints."), "{s}");
    answer_right(&mut app);
    let f = drill(&app).feedback().unwrap();
    assert!(f.correct);
    assert_eq!(f.review.grade, Grade::Hard);
    assert!(screen(&mut app, 160, 48).contains("✔ Right (after a hint)."));
    press(&mut app, KeyCode::Enter);

    // 4: shown on request.
    press_char(&mut app, 's');
    let f = drill(&app).feedback().unwrap();
    assert!(f.revealed && !f.correct);
    let s = screen(&mut app, 160, 48);
    assert!(s.contains("● The answer: "), "{s}");
    // r replays the card's cluster from 0:00.
    play_out(&mut app);
    press_char(&mut app, 'r');
    let replay = drill(&app).replay().unwrap();
    assert_eq!((replay.stage(), replay.elapsed_ms()), (Stage::Playing, 0));

    // The help overlay opens over the drill and closes back to it.
    press_char(&mut app, '?');
    assert_eq!(app.overlay, Some(Overlay::Help));
    assert!(screen(&mut app, 120, 40).contains("pod-phase drill"));
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.overlay, None);
    assert!(app.drill.is_some());

    // Esc before the fifth card: the summary of the four answered.
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Esc);
    let ended = drill(&app).ended().expect("the summary").clone();
    assert!(ended.stopped);
    assert_eq!((ended.summary.right, ended.summary.asked), (2, 4));
    assert_eq!(drill(&app).state(), State::Done);
    let s = screen(&mut app, 120, 40);
    assert!(
        s.contains("Drill stopped: 4 of 10 cards answered, 2 right (50%)."),
        "{s}"
    );
    assert!(s.contains("back to the lesson"), "{s}");

    press_char(&mut app, 'q');
    assert!(app.drill.is_none());
    assert!(!app.quit, "from the tutor, leaving the drill returns to it");
    assert_eq!(
        (app.lesson_id().map(String::from), app.section, app.scroll),
        before
    );
    assert!(screen(&mut app, 160, 48).contains("A table of phases"));
}

#[test]
fn leaving_a_drill_opened_by_the_command_quits() {
    let mut app = app_with(Lang::En, None, t0);
    app.open_drill(DrillOptions {
        count: 2,
        seed: 1,
        shuffle_seed: 0,
        standalone: true,
    });
    press_char(&mut app, 'q');
    assert!(drill(&app).ended().is_some(), "q first shows the summary");
    assert!(screen(&mut app, 100, 30).contains("Enter, Esc or q: quit"));
    press(&mut app, KeyCode::Enter);
    assert!(app.quit);
}

#[test]
fn tab_switches_the_pane_when_narrow_and_wide_shows_both() {
    let mut app = drill_app(Lang::En, 2, 7);
    let wide = screen(&mut app, 160, 40);
    assert!(wide.contains("Scenario") && wide.contains("The card's cluster"));
    let narrow = screen(&mut app, 100, 40);
    assert!(narrow.contains("Scenario") && !narrow.contains("The card's cluster"));
    press(&mut app, KeyCode::Tab);
    assert_eq!(drill(&app).focus, DrillPane::Cluster);
    let narrow = screen(&mut app, 100, 40);
    assert!(!narrow.contains("Scenario") && narrow.contains("The card's cluster"));
    assert!(screen(&mut app, 39, 11).contains("too small"));
}

/// The clock of the persistence test: moved by hand between answers.
static NOW_MS: AtomicI64 = AtomicI64::new(T0.millis());

fn moving_clock() -> Timestamp {
    Timestamp::from_millis(NOW_MS.load(Ordering::SeqCst))
}

fn advance_clock(secs: i64) {
    NOW_MS.fetch_add(secs * 1000, Ordering::SeqCst);
}

/// Reviews go to the progress file as they are answered; the next session
/// (11 minutes later) asks the missed cards first, most overdue first.
#[test]
fn reviews_are_saved_and_the_next_session_asks_due_cards_first() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("progress.json");
    let (store, warnings) = Store::open(&file);
    assert!(warnings.is_empty());
    let mut app = app_with(Lang::En, Some(store), moving_clock);
    press_char(&mut app, 'D');
    let mut missed = Vec::new();
    let mut all = Vec::new();
    for i in 0..4 {
        let key = drill(&app).question().unwrap().key.clone();
        all.push(key.clone());
        if i % 2 == 0 {
            answer_wrong(&mut app);
            missed.push(key);
        } else {
            answer_right(&mut app);
        }
        let (at, due) = drill(&app).card_due.expect("when the card comes back");
        assert_eq!(at, moving_clock());
        let wait = if i % 2 == 0 { 10 * 60 } else { 86_400 };
        assert_eq!(due, at.plus_secs(wait));
        press(&mut app, KeyCode::Enter);
        advance_clock(60);
    }
    // Quit without leaving the drill: everything is already saved.
    drop(app);

    let (store, _) = Store::open(&file);
    let deck = store.drill();
    assert_eq!(deck.cards.len(), 4);
    for key in &all {
        let card = deck.card(key).expect("every answer is saved");
        assert_eq!(card.reviews, 1);
        assert_eq!(card.correct, u32::from(!missed.contains(key)), "{key}");
    }

    advance_clock(11 * 60);
    let mut app = app_with(Lang::En, Some(store), moving_clock);
    press_char(&mut app, 'D');
    let plan = drill(&app).session().plan().clone();
    assert_eq!(plan.due, 2);
    let first: Vec<String> = plan.cards[..2].iter().map(|c| c.key()).collect();
    assert_eq!(first, missed, "the missed cards first, most overdue first");
    assert!(plan.cards[2..].iter().all(|c| !all.contains(&c.key())));
    let q = drill(&app).question().unwrap();
    assert!(q.review);
    assert!(screen(&mut app, 160, 48).contains("Card 1 of 10 · review"));
}

fn ctrl_c(app: &mut App) {
    let event = Event::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
    if let Some(action) = keymap::action_for(&event, app) {
        app.apply(action);
    }
}

/// Ctrl-C in a running drill ends the session with its summary (the
/// answers are already in the progress file); a second Ctrl-C quits, and
/// the drill's report stays for `kubetutor drill` to print.
#[test]
fn ctrl_c_shows_the_summary_first_then_quits() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("progress.json");
    let (store, _) = Store::open(&file);
    let mut app = app_with(Lang::En, Some(store), t0);
    app.open_drill(DrillOptions {
        count: 3,
        seed: 7,
        shuffle_seed: 0,
        standalone: true,
    });
    let key = drill(&app).question().unwrap().key.clone();
    answer_wrong(&mut app);
    ctrl_c(&mut app);
    assert!(!app.quit, "the first Ctrl-C shows the summary");
    let ended = drill(&app).ended().expect("the summary").clone();
    assert!(ended.stopped);
    assert_eq!((ended.summary.right, ended.summary.asked), (0, 1));
    assert_eq!(ended.summary.next_due, Some(T0.plus_secs(600)));
    let s = screen(&mut app, 100, 30);
    assert!(
        s.contains("Drill stopped: 1 of 3 cards answered, 0 right (0%).")
            && s.contains("Next review due in 10m"),
        "{s}"
    );
    // Saved already: a fresh look at the file sees the review.
    let (saved, _) = Store::open(&file);
    assert_eq!(saved.drill().card(&key).map(|c| c.reviews), Some(1));

    ctrl_c(&mut app);
    assert!(app.quit);
    let (summary, at) = drill(&app).report(T0);
    assert_eq!((summary.asked, at), (1, T0), "the report kept for printing");
}

/// Outside the drill, Ctrl-C quits at once as before.
#[test]
fn ctrl_c_in_the_tutor_quits() {
    let mut app = app_with(Lang::En, None, t0);
    ctrl_c(&mut app);
    assert!(app.quit);
}
