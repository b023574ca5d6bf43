//! End to end: `kubetutor drill` in a real terminal (tmux). A new student
//! runs `kubetutor drill --seed 7 --count 3`, answers a card right and one
//! wrong, sees the cluster pane reach the drill's answer, stops early with
//! `q` (the summary), leaves with `q`: the terminal is restored, the report
//! is printed on the normal screen, and the progress file holds both
//! reviews and no lesson visit. Another session stops with Ctrl-C twice.
//! The expected answers come from the drill engine with the same seed.

#[path = "e2e/tmux.rs"]
mod tmux;

use kubetutor::lang::Lang;
use kubetutor::progress::Store;
use kubetutor::quiz::check::Response;
use kubetutor::quiz::drill::DrillSession;
use kubetutor::quiz::review::ReviewDeck;
use kubetutor::timestamp::Timestamp;
use std::path::Path;
use tmux::Tmux;

const BIN: &str = env!("CARGO_BIN_EXE_kubetutor");

/// A card of the session: its key, its right choice (0-based), how many
/// choices, and the value the simulator observed.
struct Expected {
    key: String,
    answer: usize,
    choices: usize,
    value: String,
    /// The order the choices are shown in for the install seed [`SEED`].
    shown: Vec<usize>,
}

/// The install seed written into the progress files of these tests.
const SEED: u64 = 7;

/// A progress file holding only the install seed.
fn seeded(progress: &Path) {
    std::fs::write(progress, format!("{{\"version\": 2, \"seed\": {SEED}}}")).unwrap();
}

/// The first `count` cards a new student gets with `seed`.
fn expected(seed: u64, count: usize) -> Vec<Expected> {
    let mut session = DrillSession::new(
        &ReviewDeck::default(),
        Timestamp::now(),
        count,
        seed,
        Lang::En,
    );
    let mut out = Vec::new();
    while let Some(q) = session.question() {
        let key = q.key.clone();
        let q = q.clone();
        let o = session.outcome().expect("an outcome");
        let (answer, choices, value) = (o.answer, o.choices.len(), o.value.clone());
        let shown = kubetutor::quiz::drill::shown_choices(&q.card, choices, SEED);
        out.push(Expected {
            key,
            answer,
            choices,
            value,
            shown,
        });
        session.submit(&Response::Choice(answer)).expect("answers");
        if !session.advance() {
            break;
        }
    }
    out
}

fn start(cols: u16, rows: u16, progress: &Path, args: &str) -> Tmux {
    seeded(progress);
    let tmux = Tmux::start(cols, rows, &[]);
    tmux.type_line(&format!(
        "KUBETUTOR_PROGRESS={} {BIN} drill {args}",
        progress.display()
    ));
    tmux
}

/// The digit choice `choice` of card `e` is shown with.
fn digit(e: &Expected, choice: usize) -> String {
    (e.shown.iter().position(|&i| i == choice).unwrap() + 1).to_string()
}

#[test]
fn a_drill_answered_stopped_with_q_and_saved() {
    let cards = expected(7, 3);
    assert_eq!(cards.len(), 3);
    let dir = tempfile::tempdir().unwrap();
    let progress = dir.path().join("progress.json");
    let tmux = start(120, 40, &progress, "--seed 7 --count 3");

    tmux.wait_for_all(&["Card 1 of 3", "The card's cluster", "Scenario", "1. "]);
    // Card 1, right: the cluster pane plays to the card's moment and shows
    // the pod with the value the drill checked the answer against.
    tmux.keys(&[&digit(&cards[0], cards[0].answer), "Enter"]);
    tmux.wait_for_all(&[
        "✔ Right",
        "The card's moment",
        &format!("phase {}", cards[0].value),
        "Next review of this card: in 1d.",
    ]);
    tmux.keys(&["Enter"]);

    // Card 2, wrong: the answer and why.
    tmux.wait_for("Card 2 of 3");
    let wrong = (cards[1].answer + 1) % cards[1].choices;
    tmux.keys(&[&digit(&cards[1], wrong), "Enter"]);
    tmux.wait_for_all(&[
        "✘ Wrong. The answer: ",
        "Why",
        "The card's moment",
        "Next review of this card: in 10m.",
    ]);
    tmux.keys(&["Enter"]);

    // Card 3 unanswered: q stops the session with its summary.
    tmux.wait_for("Card 3 of 3");
    tmux.keys(&["q"]);
    tmux.wait_for_all(&[
        "Drill stopped: 2 of 3 cards answered, 1 right (50%).",
        "CATEGORY",
        "Next review due in 10m",
        "Enter, Esc or q: quit",
    ]);
    tmux.keys(&["q"]);
    tmux.wait_for_all(&["Session: 1 of 2 right.", "Next review due in 10m"]);
    tmux.assert_terminal_restored();

    let (store, warnings) = Store::open(&progress);
    assert!(warnings.is_empty(), "{warnings:?}");
    let deck = store.drill();
    assert_eq!(deck.cards.len(), 2);
    for (card, correct) in [(&cards[0], 1), (&cards[1], 0)] {
        let saved = deck.card(&card.key).expect("the review is saved");
        assert_eq!((saved.reviews, saved.correct), (1, correct), "{}", card.key);
    }
    assert!(
        deck.card(&cards[2].key).is_none(),
        "card 3 was not answered"
    );
    assert!(
        store.position().is_none(),
        "the drill opens no lesson, so none is recorded"
    );
}

#[test]
fn ctrl_c_shows_the_summary_then_quits_with_the_review_saved() {
    let cards = expected(7, 3);
    let dir = tempfile::tempdir().unwrap();
    let progress = dir.path().join("progress.json");
    let tmux = start(80, 24, &progress, "--seed 7 --count 3 --lang ko");

    tmux.wait_for("카드 1/3");
    tmux.keys(&[&digit(&cards[0], cards[0].answer), "Enter"]);
    tmux.wait_for("✔ 맞았습니다!");
    tmux.keys(&["C-c"]);
    tmux.wait_for_all(&["드릴을 멈췄습니다", "다음 복습"]);
    tmux.keys(&["C-c"]);
    tmux.wait_for("이번 세션: 1장 중 1장 맞힘.");
    tmux.assert_terminal_restored();

    let (store, _) = Store::open(&progress);
    let saved = store.drill().card(&cards[0].key).expect("saved");
    assert_eq!((saved.reviews, saved.correct), (1, 1));
}

/// Standard input on a terminal but standard output piped: the full
/// screen cannot be drawn, so a clear message and exit status 2.
#[test]
fn output_piped_from_a_terminal_gets_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let progress = dir.path().join("progress.json");
    let tmux = Tmux::start(100, 20, &[]);
    tmux.type_line(&format!(
        "KUBETUTOR_PROGRESS={} {BIN} drill --count 1 | cat; echo EXIT:${{PIPESTATUS[0]}}",
        progress.display()
    ));
    tmux.wait_for_all(&[
        "the drill view needs a terminal on standard output",
        "kubetutor drill --plain",
        "EXIT:2",
    ]);
}

/// Standard input not a terminal (a script, a pipe) and no `--plain`: the
/// plain drill runs, as with `--plain`.
#[test]
fn piped_input_runs_the_plain_drill() {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let cards = expected(7, 1);
    let dir = tempfile::tempdir().unwrap();
    seeded(&dir.path().join("progress.json"));
    let mut child = Command::new(BIN)
        .args(["drill", "--seed", "7", "--count", "1", "--lang", "en"])
        .env("KUBETUTOR_PROGRESS", dir.path().join("progress.json"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let answer = format!("{}\n", digit(&cards[0], cards[0].answer));
    child
        .stdin
        .take()
        .unwrap()
        .write_all(answer.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{out:?}");
    assert!(stdout.contains("Card 1 of 1"), "{stdout}");
    assert!(stdout.contains("Session: 1 of 1 right."), "{stdout}");
}
