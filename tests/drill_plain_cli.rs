//! `kubetutor drill --plain` driven through the standard input of the
//! built binary (and, for a later clock, through `run_with`): answers,
//! hints, the answer on request, input asked again, the end of input, the
//! review state kept in the progress file, and due cards first next time.

use kubetutor::cli::GlobalArgs;
use kubetutor::cli::drill::{Args, run_with};
use kubetutor::cli::quiz::Io;
use kubetutor::lang::Lang;
use kubetutor::progress::Store;
use kubetutor::quiz::drill::words::label;
use kubetutor::quiz::drill::{CardOutcome, outcome, plan, shown_choices, words};
use kubetutor::quiz::review::{RELEARN_SECS, ReviewDeck};
use kubetutor::timestamp::Timestamp;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn kubetutor(args: &[&str], progress: &Path, lang: &str, input: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_kubetutor"))
        .args(args)
        .arg("--progress")
        .arg(progress)
        .env_remove("KUBETUTOR_PROGRESS")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", lang)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

/// The cards a fresh session with `seed` asks, played on the simulator.
fn planned(count: usize, seed: u64) -> Vec<CardOutcome> {
    plan(&ReviewDeck::default(), Timestamp::from_secs(0), count, seed)
        .cards
        .iter()
        .map(|c| outcome(c).unwrap())
        .collect()
}

/// The install seed the tests write into a fresh progress file.
const SEED: u64 = 4242;

/// A progress file holding only the install seed [`SEED`].
fn seeded(progress: &Path) {
    std::fs::write(progress, format!("{{\"version\": 1, \"seed\": {SEED}}}")).unwrap();
}

/// The number (1-based) choice `index` of a card is shown with.
fn number(o: &CardOutcome, index: usize) -> usize {
    let shown = shown_choices(&o.card, o.choices.len(), SEED);
    shown.iter().position(|&i| i == index).unwrap() + 1
}

/// The number shown for the card's answer.
fn right(o: &CardOutcome) -> usize {
    number(o, o.answer)
}

/// A number shown for a wrong choice.
fn wrong(o: &CardOutcome) -> usize {
    number(o, (o.answer + 1) % o.choices.len())
}

#[test]
fn a_session_saves_every_review_and_due_cards_come_first_next_time() {
    let dir = tempfile::tempdir().unwrap();
    let progress = dir.path().join("progress.json");
    seeded(&progress);
    let cards = planned(4, 11);
    let input = format!(
        "{}\n{}\nh\n{}\nzzz\n?\n",
        right(&cards[0]),
        wrong(&cards[1]),
        label(&cards[2].value, Lang::En).to_lowercase(),
    );
    let started = Timestamp::now();
    let out = kubetutor(
        &["drill", "--plain", "--count", "4", "--seed", "11"],
        &progress,
        "C",
        &input,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stderr), "");
    let stdout = text(&out.stdout);
    assert!(!stdout.contains('\u{1b}'));
    assert!(
        stdout.starts_with("Pod-phase drill: 4 cards (0 due for review, 4 new).\n\nCard 1 of 4 · "),
        "{stdout}"
    );
    for (i, o) in cards.iter().enumerate() {
        let q = words::question(&o.card, Lang::En);
        assert!(stdout.contains(&format!("{q}\n")), "card {i} asked: {q}");
    }
    let answer = |o: &CardOutcome| format!("{}. {}", right(o), label(&o.value, Lang::En));
    assert_eq!(stdout.matches("> Right!\n").count(), 2, "{stdout}");
    assert!(stdout.contains(&format!("> Wrong. The answer: {}\n", answer(&cards[1]))));
    assert!(stdout.contains("> Hint: "));
    let hint = stdout.find("> Hint: ").unwrap();
    assert!(
        stdout[hint..].lines().nth(1) == Some("> Right!"),
        "the hint, then the answer"
    );
    assert!(stdout.contains("> \"zzz\" is not one of the choices"));
    assert!(stdout.contains(&format!("> The answer: {}\n", answer(&cards[3]))));
    assert!(stdout.contains("Why:\n  "));
    assert!(stdout.contains("What the cluster did (0:00 = "));
    assert_eq!(
        stdout.matches("Next review of this card: in 1d.").count(),
        2
    );
    assert_eq!(
        stdout.matches("Next review of this card: in 10m.").count(),
        2
    );
    assert!(
        stdout.contains("Session: 2 of 4 right.\nCATEGORY"),
        "{stdout}"
    );
    assert!(stdout.contains("Next review due in 10m ("), "{stdout}");

    // The review state is in the progress file.
    let (store, _) = Store::open(&progress);
    let deck = store.drill();
    assert_eq!(deck.cards.len(), 4);
    let state = |o: &CardOutcome| deck.card(&o.card.key()).unwrap().clone();
    let good = state(&cards[0]);
    assert_eq!(
        (good.reviews, good.correct, good.interval_secs, good.ease),
        (1, 1, 86_400, 2500)
    );
    let again = state(&cards[1]);
    assert_eq!((again.correct, again.interval_secs), (0, RELEARN_SECS));
    let hard = state(&cards[2]);
    assert_eq!(
        (hard.correct, hard.ease),
        (1, 2360),
        "right after a hint is Hard"
    );
    assert_eq!(state(&cards[3]).interval_secs, RELEARN_SECS);
    assert_eq!(good.category, cards[0].card.category());
    assert!(good.last_review >= started);

    // `kubetutor progress` lists the drill.
    let shown = text(&kubetutor(&["progress"], &progress, "C", "").stdout);
    assert!(shown.contains("Drill: 4 cards, 0 due now"), "{shown}");

    // Eleven minutes later the two missed cards are due: they come first.
    let global = GlobalArgs {
        lang: Some(Lang::En),
        lessons: None,
        progress: Some(progress.clone()),
    };
    let args = Args {
        plain: true,
        count: 4,
        seed: Some(11),
    };
    let later = Timestamp::now().plus_secs(RELEARN_SECS + 60);
    let first_due = &cards[1];
    let input = format!("{}\n", right(first_due));
    let mut reader = input.as_bytes();
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let mut io = Io {
        input: &mut reader,
        out: &mut out,
        err: &mut err,
    };
    run_with(&args, &global, &mut io, &|| later).unwrap();
    let stdout = text(&out);
    assert!(
        stdout.starts_with(&format!(
            "Pod-phase drill: 4 cards (2 due for review, 2 new).\n\nCard 1 of 4 · {} · review\n{}\n",
            words::category_name(first_due.card.category(), Lang::En),
            words::question(&first_due.card, Lang::En)
        )),
        "{stdout}"
    );
    assert!(stdout.contains("> Right!\n"));
    assert!(
        stdout.contains("Drill stopped.\nSession: 1 of 1 right.\n"),
        "{stdout}"
    );
    assert!(stdout.ends_with("1 card due for review now.\n"), "{stdout}");
    let (store, _) = Store::open(&progress);
    let again = store.drill().card(&first_due.card.key()).unwrap();
    assert_eq!((again.reviews, again.correct), (2, 1));
}

#[test]
fn the_end_of_input_still_reports_the_session() {
    let dir = tempfile::tempdir().unwrap();
    let progress = dir.path().join("progress.json");
    let out = kubetutor(&["drill", "--plain", "--seed", "3"], &progress, "C", "");
    assert!(out.status.success());
    assert!(
        text(&out.stdout)
            .ends_with("Drill stopped.\nSession: 0 of 0 right.\nNo review scheduled yet.\n"),
        "{}",
        text(&out.stdout)
    );
    // Without --plain, standard input not a terminal: the plain drill.
    let plain = kubetutor(&["drill", "--seed", "3"], &progress, "C", "");
    assert_eq!(text(&plain.stdout), text(&out.stdout));
    let bad = kubetutor(&["drill", "--plain", "--count", "0"], &progress, "C", "");
    assert_eq!(bad.status.code(), Some(2));
    assert!(text(&bad.stderr).contains("--count"));
}

#[test]
fn a_korean_session() {
    let dir = tempfile::tempdir().unwrap();
    let progress = dir.path().join("progress.json");
    seeded(&progress);
    let cards = planned(2, 5);
    let input = format!("{}\n{}\n", right(&cards[0]), wrong(&cards[1]));
    let out = kubetutor(
        &["drill", "--plain", "--count", "2", "--seed", "5"],
        &progress,
        "ko_KR.UTF-8",
        &input,
    );
    assert!(out.status.success());
    let stdout = text(&out.stdout);
    assert!(
        stdout.starts_with(&format!(
            "파드 단계 드릴: 카드 2장 (복습 0장, 새 카드 2장).\n\n카드 1/2 · {} · 새 카드\n{}\n",
            words::category_name(cards[0].card.category(), Lang::Ko),
            words::question(&cards[0].card, Lang::Ko)
        )),
        "{stdout}"
    );
    assert!(stdout.contains("> 맞았습니다!\n"));
    assert!(stdout.contains(&format!(
        "> 틀렸습니다. 정답: {}. {}\n",
        right(&cards[1]),
        label(&cards[1].value, Lang::Ko)
    )));
    assert!(stdout.contains("이유:\n  "));
    assert!(
        stdout.contains("이번 세션: 2장 중 1장 맞힘.\n분류"),
        "{stdout}"
    );
    assert!(stdout.contains("다음 복습: 10분 후 ("), "{stdout}");
}
