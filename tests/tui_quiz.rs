//! Quizzes answered inline in the lesson pane (ratatui's TestBackend): the
//! question drawn before and after a wrong and a right answer, each kind
//! driven by its keys, a `predict` question played out in the cluster
//! pane, and the score kept in the progress file and shown again.

#[path = "support/tui.rs"]
mod support;

use kubetutor::lang::Lang;
use kubetutor::progress::Store;
use kubetutor::timestamp::Timestamp;
use kubetutor::tui::action::Action;
use kubetutor::tui::app::App;
use kubetutor::tui::blocks::BlockKey;
use std::path::Path;
use support::*;

fn key(app: &mut App, k: BlockKey) {
    app.apply(Action::Block(k));
}

/// The quiz fixture (`checks`: one question of each kind), opened on
/// section `section` with its first question focused.
fn quiz_app(lang: Lang, section: usize) -> App {
    let mut app = app_on("quiz", "checks", lang);
    for _ in 0..section {
        app.apply(Action::NextSection);
    }
    key(&mut app, BlockKey::Next);
    app
}

fn fixed_now() -> Timestamp {
    Timestamp::from_secs(1_800_000_000)
}

/// The quiz fixture with a progress file at `path`.
fn quiz_app_with_store(path: &Path, lang: Lang) -> App {
    let (store, warnings) = Store::open(path);
    assert!(warnings.is_empty(), "{warnings:?}");
    let catalog = kubetutor::lesson::catalog::Catalog::from_dir(Path::new("tests/fixtures/quiz"))
        .expect("fixture loads");
    App::new(
        catalog,
        kubetutor::tui::app::Options {
            lang,
            start: Some("checks".into()),
            theme: kubetutor::markdown::Theme::plain(),
            color: false,
        },
        Some(store),
    )
    .with_clock(fixed_now)
}

/// The number (1-based) choice `index` of question `id` is shown with:
/// choices are shown shuffled.
fn n(app: &App, id: &str, index: usize) -> usize {
    app.blocks
        .quiz
        .as_ref()
        .unwrap()
        .questions()
        .iter()
        .find(|q| q.id() == id)
        .unwrap_or_else(|| panic!("no question {id}"))
        .attempt
        .choice_number(index)
}

/// Pick choice `index` of question `id` with its digit.
fn pick(app: &mut App, id: &str, index: usize) {
    let number = n(app, id, index);
    key(app, BlockKey::Number(number as u8));
}

// The fixture's questions and their choices (indices as written).
const EXIT: &str = "exit-1-never"; // Running, Failed (right), Succeeded
const PHASES: &str = "phases"; // Pending (right), CrashLoopBackOff, Unknown (right)
const CRASH: &str = "crash-status"; // It keeps restarting (right), Running, Completed

fn type_answer(app: &mut App, text: &str) {
    for c in text.chars() {
        key(app, BlockKey::Type(c));
    }
}

#[test]
fn a_choice_question_before_and_after_a_wrong_and_a_right_answer() {
    for (lang, tag) in [(Lang::En, "en"), (Lang::Ko, "ko")] {
        for (w, h) in [(160u16, 48u16), (80, 30)] {
            let mut app = quiz_app(lang, 1);
            insta::assert_snapshot!(
                format!("choice_{tag}_{w}x{h}_before"),
                screen(&mut app, w, h)
            );
            // Running is wrong; a try is left.
            pick(&mut app, EXIT, 0);
            key(&mut app, BlockKey::Enter);
            let wrong = screen(&mut app, w, h);
            insta::assert_snapshot!(format!("choice_{tag}_{w}x{h}_wrong"), wrong);
            // Failed is right.
            pick(&mut app, EXIT, 1);
            key(&mut app, BlockKey::Enter);
            let right = screen(&mut app, w, h);
            insta::assert_snapshot!(format!("choice_{tag}_{w}x{h}_right"), right);
        }
    }
}

#[test]
fn a_wrong_choice_shows_its_why_and_allows_one_more_try() {
    let mut app = quiz_app(Lang::En, 1);
    let (running, failed, succeeded) = (n(&app, EXIT, 0), n(&app, EXIT, 1), n(&app, EXIT, 2));
    pick(&mut app, EXIT, 0);
    key(&mut app, BlockKey::Enter);
    let s = screen(&mut app, 160, 48);
    assert!(s.contains("✗ Not quite. Try once more."), "{s}");
    assert!(
        s.contains(&format!("{running}. Running — Nothing runs any more.")),
        "{s}"
    );
    assert!(!s.contains("Answer: "), "no answer yet:\n{s}");
    // Second wrong try: the question ends and the answer is shown, with
    // what the right choice means.
    pick(&mut app, EXIT, 2);
    key(&mut app, BlockKey::Enter);
    let s = screen(&mut app, 160, 48);
    assert!(
        s.contains(&format!(
            "{succeeded}. Succeeded — Succeeded needs every container to exit with code 0."
        )),
        "{s}"
    );
    assert!(s.contains(&format!("Answer: {failed}. Failed")), "{s}");
    assert!(
        s.contains(&format!("{failed}. Failed — Every container stopped")),
        "{s}"
    );
    assert!(
        s.contains("With Never nothing restarts the container"),
        "{s}"
    );
    assert!(s.contains("section 2/4 · quiz 0/5"), "no points:\n{s}");
}

#[test]
fn a_choice_picked_with_the_arrows_and_enter() {
    let mut app = quiz_app(Lang::En, 1);
    // Nothing is picked at first: Enter says so and spends no try.
    key(&mut app, BlockKey::Enter);
    let s = screen(&mut app, 160, 48);
    assert!(s.contains("Pick a choice first (press its number)."), "{s}");
    assert!(!s.contains("(•)"), "nothing picked:\n{s}");
    assert!(!s.contains("❯"), "no cursor yet:\n{s}");
    assert_eq!(
        app.blocks.quiz.as_ref().unwrap().questions()[0]
            .attempt
            .tries(),
        0
    );
    // The first ↓ puts the cursor (and the pick) on choice 1; ↓ moves on.
    let failed = n(&app, EXIT, 1);
    for _ in 0..failed {
        key(&mut app, BlockKey::Down);
    }
    key(&mut app, BlockKey::Space);
    key(&mut app, BlockKey::Enter);
    let s = screen(&mut app, 160, 48);
    assert!(s.contains(&format!("{failed}. (•) Failed ✓")), "{s}");
    assert!(s.contains("✓ Right!"), "{s}");
    assert!(s.contains("section 2/4 · quiz 1/5"), "one point:\n{s}");
}

#[test]
fn hints_come_one_at_a_time_on_request() {
    let mut app = quiz_app(Lang::En, 1);
    key(&mut app, BlockKey::Hint);
    let s = screen(&mut app, 160, 48);
    assert!(s.contains("Look at the exit code."), "{s}");
    assert!(!s.contains("Never means no restart."), "{s}");
    key(&mut app, BlockKey::Hint);
    let s = screen(&mut app, 160, 48);
    assert!(s.contains("Never means no restart."), "{s}");
}

#[test]
fn the_answer_on_request_asks_first_and_scores_nothing() {
    let mut app = quiz_app(Lang::En, 1);
    let answer = format!("Answer: {}. Failed", n(&app, EXIT, 1));
    key(&mut app, BlockKey::Answer);
    let s = screen(&mut app, 160, 48);
    assert!(!s.contains(&answer), "asked first:\n{s}");
    // No: nothing shown.
    key(&mut app, BlockKey::Confirm(false));
    let s = screen(&mut app, 160, 48);
    assert!(!s.contains(&answer), "{s}");
    key(&mut app, BlockKey::Answer);
    key(&mut app, BlockKey::Confirm(true));
    let s = screen(&mut app, 160, 48);
    assert!(s.contains(&answer), "{s}");
    assert!(s.contains("section 2/4 · quiz 0/5"), "{s}");
}

#[test]
fn multi_toggles_with_space_and_digits() {
    let mut app = quiz_app(Lang::En, 1);
    key(&mut app, BlockKey::Next); // the multi question
    let (pending, crash, unknown) = (n(&app, PHASES, 0), n(&app, PHASES, 1), n(&app, PHASES, 2));
    // Space with no cursor yet picks nothing and says how to pick.
    key(&mut app, BlockKey::Space);
    assert!(screen(&mut app, 160, 48).contains("Pick a choice first"));
    key(&mut app, BlockKey::Down); // the cursor on the first row
    for _ in 1..pending {
        key(&mut app, BlockKey::Down);
    }
    key(&mut app, BlockKey::Space); // Pending
    pick(&mut app, PHASES, 1); // CrashLoopBackOff on
    pick(&mut app, PHASES, 1); // and off again
    pick(&mut app, PHASES, 2); // Unknown
    let s = screen(&mut app, 160, 48);
    assert!(s.contains(&format!("{pending}. [x] Pending")), "{s}");
    assert!(s.contains(&format!("{crash}. [ ] CrashLoopBackOff")), "{s}");
    assert!(s.contains(&format!("{unknown}. [x] Unknown")), "{s}");
    key(&mut app, BlockKey::Enter);
    let s = screen(&mut app, 160, 48);
    assert!(s.contains("✓ Right!"), "{s}");
    assert!(s.contains("quiz 1/5"), "{s}");
}

#[test]
fn multi_with_nothing_picked_asks_for_a_pick() {
    let mut app = quiz_app(Lang::En, 1);
    key(&mut app, BlockKey::Next);
    key(&mut app, BlockKey::Enter);
    let q = &app.blocks.quiz.as_ref().unwrap().questions()[1];
    assert_eq!(q.attempt.tries(), 0, "an empty pick is no try");
    assert!(screen(&mut app, 160, 48).contains("Pick a choice first"));
}

/// A wrong several-answer pick: the wrong picks are marked, the number of
/// missing right choices is told, and nothing more until the second try.
#[test]
fn a_multi_miss_gives_nothing_away() {
    let mut app = quiz_app(Lang::En, 1);
    key(&mut app, BlockKey::Next);
    let (pending, crash) = (n(&app, PHASES, 0), n(&app, PHASES, 1));
    pick(&mut app, PHASES, 0); // Pending: right
    pick(&mut app, PHASES, 1); // CrashLoopBackOff: wrong
    key(&mut app, BlockKey::Enter);
    let s = screen(&mut app, 160, 48);
    assert!(
        s.contains("1 of your picks is wrong (✗); 1 right choice is missing."),
        "{s}"
    );
    assert!(
        s.contains(&format!("{crash}. [x] CrashLoopBackOff ✗")),
        "{s}"
    );
    assert!(
        !s.contains(&format!("{pending}. [x] Pending ✓")),
        "the right pick is not marked:\n{s}"
    );
    assert!(!s.contains("One of the five phases"), "no why yet:\n{s}");
    assert!(!s.contains("A waiting reason"), "no why yet:\n{s}");
    // The second try ends it: every choice is told.
    key(&mut app, BlockKey::Enter);
    let s = screen(&mut app, 160, 48);
    assert_eq!(s.matches("One of the five phases").count(), 2, "{s}");
    assert!(
        s.contains(&format!("{crash}. CrashLoopBackOff — A waiting reason")),
        "{s}"
    );
}

/// The `order` question's items as shown, top to bottom.
fn shown_order(app: &App) -> Vec<usize> {
    app.blocks.quizzes["apply-path"].order.clone()
}

#[test]
fn order_items_move_until_they_are_in_order() {
    let mut app = quiz_app(Lang::En, 2);
    let start = shown_order(&app);
    assert_ne!(start, vec![0, 1, 2, 3], "shown shuffled");
    // Selection sort with the keys: pick the row, move the item up.
    for target in 0..4 {
        let at = shown_order(&app).iter().position(|&i| i == target).unwrap();
        key(&mut app, BlockKey::Number(at as u8 + 1));
        for _ in target..at {
            key(&mut app, BlockKey::MoveUp);
        }
    }
    assert_eq!(shown_order(&app), vec![0, 1, 2, 3]);
    let s = screen(&mut app, 160, 48);
    let rows: Vec<usize> = ["kubectl", "api-server", "scheduler", "kubelet"]
        .iter()
        .map(|item| s.find(&format!(". {item}")).expect(item))
        .collect();
    assert!(rows.windows(2).all(|w| w[0] < w[1]), "drawn in order:\n{s}");
    key(&mut app, BlockKey::Enter);
    let s = screen(&mut app, 160, 48);
    assert!(s.contains("✓ Right!"), "{s}");
    assert!(s.contains("quiz 1/5"), "{s}");
}

#[test]
fn order_moved_down_and_answered_wrong_says_how_many_are_in_place() {
    let mut app = quiz_app(Lang::En, 2);
    let before = shown_order(&app);
    key(&mut app, BlockKey::Number(1));
    key(&mut app, BlockKey::MoveDown);
    let after = shown_order(&app);
    assert_eq!(after[0], before[1]);
    assert_eq!(after[1], before[0]);
    // The cursor follows the moved item.
    assert_eq!(app.blocks.quizzes["apply-path"].cursor, Some(1));
}

#[test]
fn a_text_answer_typed_in_korean_is_accepted() {
    let mut app = quiz_app(Lang::Ko, 2);
    key(&mut app, BlockKey::Next); // the text question
    key(&mut app, BlockKey::Enter); // start typing
    type_answer(&mut app, "이티시x");
    key(&mut app, BlockKey::Backspace);
    type_answer(&mut app, "디");
    let s = screen(&mut app, 160, 48);
    assert!(s.contains("이티시디"), "{s}");
    key(&mut app, BlockKey::Enter);
    let s = screen(&mut app, 160, 48);
    assert!(
        s.contains("etcd에 클러스터의 모든 오브젝트가 저장됩니다."),
        "{s}"
    );
    let q = app
        .blocks
        .quiz
        .as_ref()
        .unwrap()
        .questions()
        .iter()
        .find(|q| q.id() == "store")
        .unwrap();
    assert!(q.attempt.is_finished());
    assert_eq!(q.attempt.score().unwrap().points(), 1.0);
}

#[test]
fn a_wrong_text_answer_in_english_leaves_a_try() {
    let mut app = quiz_app(Lang::En, 2);
    key(&mut app, BlockKey::Next);
    key(&mut app, BlockKey::Enter);
    type_answer(&mut app, "redis");
    key(&mut app, BlockKey::Enter);
    let s = screen(&mut app, 160, 48);
    assert!(s.contains("✗ Not quite. Try once more."), "{s}");
    key(&mut app, BlockKey::Enter);
    key(&mut app, BlockKey::ClearLine);
    type_answer(&mut app, "ETCD");
    key(&mut app, BlockKey::Enter);
    let s = screen(&mut app, 160, 48);
    assert!(s.contains("✓ Right!"), "{s}");
    assert!(s.contains("quiz 0.5/5"), "right on the second try:\n{s}");
}

#[test]
fn a_predict_answer_plays_the_scenario_in_the_cluster_pane() {
    let mut app = quiz_app(Lang::En, 3);
    // The simulator's outcome, computed when the lesson was opened.
    let q = app.blocks.quiz.as_ref().unwrap().questions()[4].clone();
    assert_eq!(q.id(), "crash-status");
    let outcome = q.predicted().expect("predicted").value.clone();
    assert_eq!(outcome, "CrashLoopBackOff");
    pick(&mut app, CRASH, 1); // Running: wrong
    key(&mut app, BlockKey::Enter);
    assert!(app.blocks.playback.is_none(), "a try is left");
    pick(&mut app, CRASH, 0);
    key(&mut app, BlockKey::Enter);
    let playback = app.blocks.playback.clone().expect("played out");
    assert_eq!(playback.total_ms, 120_000);
    assert_eq!(playback.played_ms, 0);
    let s = screen(&mut app, 160, 48);
    assert!(s.contains("crash-demo"), "the scenario in the pane:\n{s}");
    assert!(s.contains("✓ Right!"), "{s}");
    assert!(
        s.contains("The simulator: playing in the cluster pane 0s / 2m"),
        "{s}"
    );
    assert!(
        !s.contains("(Tab: watch it)"),
        "the pane is on screen:\n{s}"
    );
    // A narrow terminal shows the lesson alone: the question says how to
    // see the cluster play.
    let s = screen(&mut app, 100, 40);
    assert!(s.contains("(Tab: watch it)"), "{s}");
    app.apply(Action::FocusNext);
    assert!(screen(&mut app, 100, 40).contains("crash-demo"));
    app.apply(Action::FocusNext);
    screen(&mut app, 160, 48);
    // The wait plays out in about four seconds of ticks.
    ticks(&mut app, 45);
    let p = app.blocks.playback.as_ref().unwrap();
    assert!(p.is_done(), "{p:?}");
    assert_eq!(app.live.cluster.now(), 120_000);
    let s = screen(&mut app, 160, 48);
    assert!(s.contains("CrashLoopBackOff"), "the pod's STATUS:\n{s}");
    assert!(
        s.contains("→ CrashLoopBackOff"),
        "the note names the outcome:\n{s}"
    );
    assert!(
        s.contains("The simulator: after 2m, pod/crash-demo status = CrashLoopBackOff"),
        "the feedback names the simulator's outcome:\n{s}"
    );
}

#[test]
fn leaving_the_section_ends_the_playback() {
    let mut app = quiz_app(Lang::En, 3);
    pick(&mut app, CRASH, 0);
    key(&mut app, BlockKey::Enter);
    assert!(app.blocks.playback.is_some());
    app.apply(Action::PrevSection);
    assert!(app.blocks.playback.is_none());
    assert_eq!(app.blocks.focus, None);
}

#[test]
fn the_score_is_kept_in_the_progress_and_restored() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.json");
    {
        let mut app = quiz_app_with_store(&path, Lang::En);
        app.apply(Action::NextSection);
        key(&mut app, BlockKey::Next);
        pick(&mut app, EXIT, 1);
        key(&mut app, BlockKey::Enter); // right: 1 point
        key(&mut app, BlockKey::Next);
        pick(&mut app, PHASES, 1);
        key(&mut app, BlockKey::Enter); // CrashLoopBackOff: wrong, a try left
        pick(&mut app, PHASES, 1); // off again
        pick(&mut app, PHASES, 0);
        key(&mut app, BlockKey::Enter); // only Pending: wrong again, over
        app.apply(Action::Quit);
    }
    let text = std::fs::read_to_string(&path).expect("saved");
    assert!(text.contains("exit-1-never"), "{text}");
    let (store, _) = Store::open(&path);
    let q = store
        .quiz("checks", "exit-1-never")
        .unwrap()
        .scored()
        .unwrap();
    assert!(q.correct && q.tries == 1 && !q.revealed, "{q:?}");
    let q = store.quiz("checks", "phases").unwrap().scored().unwrap();
    assert!(!q.correct && q.tries == 2, "{q:?}");
    assert_eq!(store.lesson_summary("checks").quiz.points, 1.0);

    // Opened again: the answers and the score are back.
    let mut app = quiz_app_with_store(&path, Lang::En);
    app.apply(Action::NextSection);
    let s = screen(&mut app, 160, 48);
    assert!(s.contains("quiz 1/5"), "{s}");
    // The same install seed: the same order as before.
    assert!(
        s.contains(&format!("Answer: {}. Failed", n(&app, EXIT, 1))),
        "{s}"
    );
    // A finished question takes no new answer.
    key(&mut app, BlockKey::Next);
    key(&mut app, BlockKey::Number(1));
    key(&mut app, BlockKey::Enter);
    let s = screen(&mut app, 160, 48);
    assert!(s.contains("quiz 1/5"), "{s}");
    // The course list shows the score.
    app.apply(Action::ToggleCourse);
    let s = screen(&mut app, 100, 30);
    assert!(s.contains("1/5"), "{s}");
}

#[test]
fn an_overlay_on_top_takes_the_keys_and_the_status_bar() {
    let mut app = quiz_app(Lang::En, 1);
    let s = screen(&mut app, 160, 48);
    assert!(s.contains("Enter check"), "{s}");
    app.apply(Action::ToggleCourse);
    let s = screen(&mut app, 160, 48);
    assert!(!s.contains("Enter check"), "{s}");
    assert!(app.focused_block().is_none());
    app.apply(Action::CloseOverlay);
    assert!(app.focused_block().is_some(), "the focus comes back");
}

#[test]
fn the_status_bar_says_how_to_reach_a_sections_quiz() {
    let mut app = app_on("quiz", "checks", Lang::En);
    let s = screen(&mut app, 160, 48);
    assert!(!s.contains("] quiz/exercise"), "no quiz in the intro:\n{s}");
    app.apply(Action::NextSection);
    let s = screen(&mut app, 160, 48);
    assert!(s.contains("] quiz/exercise"), "{s}");
    app.apply(Action::ToggleLanguage);
    let s = screen(&mut app, 160, 48);
    assert!(s.contains("] 퀴즈·실습"), "{s}");
}

/// `kubetutor quiz LESSON` on a terminal: the tutor opens on the lesson's
/// first section that asks something, with that question focused. The
/// course's pod-phase lesson asks first in its second section; a lesson
/// with no question says so (false) and stays where it was.
#[test]
fn the_quiz_command_opens_on_the_first_question() {
    let open = |lesson: &str| {
        App::new(
            kubetutor::lesson::catalog::Catalog::open(None).expect("the course loads"),
            kubetutor::tui::app::Options {
                lang: Lang::En,
                start: Some(lesson.into()),
                theme: kubetutor::markdown::Theme::plain(),
                color: false,
            },
            None,
        )
    };
    let mut app = open("pod-phases");
    assert!(app.focus_first_quiz());
    assert_eq!(app.section, 1);
    assert!(matches!(
        app.focused_block(),
        Some(kubetutor::tui::blocks::Focused::Quiz { .. })
    ));
    let s = screen(&mut app, 160, 48);
    assert!(s.contains("Quiz 1/2"), "{s}");
    assert!(s.contains("Which of these are Pod phases"), "{s}");
    // Digits pick the choices of the focused question.
    for i in [0, 2, 4, 6, 7] {
        pick(&mut app, "pod-phases-five", i);
    }
    key(&mut app, BlockKey::Enter);
    assert!(screen(&mut app, 160, 48).contains("✓ Right!"));

    // The quiz fixture asks first in its second section ("Phases").
    let mut fixture = app_on("quiz", "checks", Lang::En);
    assert!(fixture.focus_first_quiz());
    assert_eq!(fixture.section, 1);

    // A lesson without questions: nothing to focus, the lesson stays open.
    let mut reading = app_on("quiz", "no-quiz", Lang::En);
    assert!(!reading.focus_first_quiz());
    assert_eq!(reading.section, 0);
    assert_eq!(reading.focused_block(), None);
}

/// A resized terminal keeps the focused question in view (its text reflows,
/// so the old scroll would point elsewhere): the course's pod-phase lesson,
/// whose first question comes after a long table.
#[test]
fn a_resize_keeps_the_focused_question_in_view() {
    let mut app = App::new(
        kubetutor::lesson::catalog::Catalog::open(None).expect("the course loads"),
        kubetutor::tui::app::Options {
            lang: Lang::Ko,
            start: Some("pod-phases".into()),
            theme: kubetutor::markdown::Theme::plain(),
            color: false,
        },
        None,
    );
    assert!(app.focus_first_quiz());
    key(&mut app, BlockKey::Down); // the cursor on the first choice
    for (w, h) in [(60, 20), (40, 12), (100, 30), (41, 13), (200, 60), (40, 12)] {
        let s = screen(&mut app, w, h);
        assert!(s.contains("❯ 1."), "{w}x{h}:\n{s}");
    }
}
