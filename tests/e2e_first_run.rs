//! End to end, the first thirty minutes of a newcomer, in a real terminal
//! (tmux): the welcome on the first run (once), Enter with nothing picked,
//! the status bar's `? help` and `q quit` at 80×24 and 130×40 in both
//! languages, the end-of-lesson page, the predict replay of lesson 5 §5
//! showing its own Pod `solo`, and pressing `1` through two lessons
//! scoring at most 40 %.

#[path = "e2e/tmux.rs"]
mod tmux;

use kubetutor::lang::Lang;
use kubetutor::lesson::Catalog;
use kubetutor::lesson::model::Block;
use kubetutor::progress::Store;
use kubetutor::quiz::lesson::LessonQuiz;
use kubetutor::quiz::shuffle::{choice_order, seed_for};
use kubetutor::quiz::spec::QuizKind;
use std::path::Path;
use tmux::Tmux;

const BIN: &str = env!("CARGO_BIN_EXE_kubetutor");
const SEED: u64 = 7;

fn fixtures() -> String {
    format!("{}/tests/fixtures/tui", env!("CARGO_MANIFEST_DIR"))
}

/// A progress file past the welcome, with install seed [`SEED`].
fn welcomed(progress: &Path) {
    std::fs::write(
        progress,
        format!("{{\"version\": 2, \"welcomed\": \"2025-01-01T00:00:00Z\", \"seed\": {SEED}}}"),
    )
    .unwrap();
}

fn run(tmux: &Tmux, progress: &Path, args: &str) {
    tmux.type_line(&format!(
        "clear; KUBETUTOR_PROGRESS={} {BIN} {args}",
        progress.display()
    ));
}

#[test]
fn the_first_run_shows_the_welcome_once() {
    let dir = tempfile::tempdir().unwrap();
    let progress = dir.path().join("progress.json");
    let tmux = Tmux::start(100, 30, &[]);
    run(
        &tmux,
        &progress,
        &format!("--lang en --lessons {}", fixtures()),
    );
    tmux.wait_for_all(&[
        "Welcome to kubetutor",
        "next section",
        "the section's quiz or exercise",
        "a cluster command",
        "help: every key",
        "Your progress is saved as you go",
    ]);
    // Any key starts; the lesson is there.
    tmux.keys(&["Space"]);
    tmux.wait_until(
        |s| !s.contains("Welcome to kubetutor"),
        "the welcome to close",
    );
    tmux.wait_for("This lesson exists for the interface tests.");
    // `?` shows it again, at the top of the help.
    tmux.keys(&["?"]);
    tmux.wait_for_all(&["Welcome to kubetutor", "Reading"]);
    tmux.keys(&["Escape", "q"]);
    tmux.assert_terminal_restored();
    // The second start: no welcome.
    run(
        &tmux,
        &progress,
        &format!("--lang ko --lessons {}", fixtures()),
    );
    tmux.wait_for("첫 번째 강의");
    let s = tmux.screen();
    assert!(!s.contains("환영합니다"), "{s}");
    tmux.keys(&["q"]);
    tmux.assert_terminal_restored();
}

#[test]
fn enter_with_nothing_picked_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let progress = dir.path().join("progress.json");
    welcomed(&progress);
    let tmux = Tmux::start(120, 40, &[]);
    let quiz = format!("{}/tests/fixtures/quiz", env!("CARGO_MANIFEST_DIR"));
    run(
        &tmux,
        &progress,
        &format!("--lang ko --lessons {quiz} checks"),
    );
    tmux.wait_for("섹션 1/4");
    tmux.keys(&["Right", "]", "Enter"]);
    tmux.wait_for("먼저 보기를 고르세요 (번호를 누르세요).");
    tmux.keys(&["L"]);
    tmux.keys(&["]", "Enter"]);
    tmux.wait_for("Pick a choice first (press its number).");
    // Nothing was spent: no verdict, no try.
    let s = tmux.screen();
    assert!(!s.contains("Not quite") && !s.contains("Right!"), "{s}");
    tmux.keys(&["Escape", "q"]);
    tmux.assert_terminal_restored();
}

#[test]
fn the_status_bar_shows_help_and_quit_at_80x24_and_130x40_in_both_languages() {
    for (cols, rows) in [(80u16, 24u16), (130, 40)] {
        for (lang, help, quit) in [("en", "? help", "q quit"), ("ko", "? 도움말", "q 종료")] {
            let dir = tempfile::tempdir().unwrap();
            let progress = dir.path().join("progress.json");
            welcomed(&progress);
            let tmux = Tmux::start(cols, rows, &[]);
            // Lesson 2 §4 sets a cluster up.
            run(&tmux, &progress, &format!("--lang {lang} pods"));
            tmux.wait_for(help);
            tmux.keys(&["n", "n", "n"]);
            let last = |s: &str| {
                s.lines()
                    .rfind(|l| !l.trim().is_empty())
                    .unwrap_or_default()
                    .to_string()
            };
            let screen = tmux.wait_until(
                |s| {
                    let bar = last(s);
                    bar.contains("4/6") && bar.contains(help) && bar.contains(quit)
                },
                &format!("{help} and {quit} in the status bar at {cols}×{rows} ({lang})"),
            );
            let bar = last(&screen);
            if cols < 120 {
                let tab = if lang == "en" {
                    "cluster: Tab"
                } else {
                    "클러스터: Tab"
                };
                assert!(bar.contains(tab), "{cols}×{rows} {lang}: {bar}");
            }
            tmux.keys(&["q"]);
            tmux.assert_terminal_restored();
        }
    }
}

#[test]
fn n_on_the_last_section_shows_the_end_page() {
    let dir = tempfile::tempdir().unwrap();
    let progress = dir.path().join("progress.json");
    welcomed(&progress);
    let tmux = Tmux::start(100, 30, &[]);
    run(
        &tmux,
        &progress,
        &format!("--lang en --lessons {} first", fixtures()),
    );
    tmux.wait_for("section 1/3");
    tmux.keys(&["n", "n"]);
    tmux.wait_for("section 3/3");
    tmux.keys(&["n"]);
    tmux.wait_for_all(&[
        "End of the lesson",
        "You reached the end of 1 · A first lesson.",
        "Next lesson: 2 · A second lesson",
        "Enter next lesson",
    ]);
    // It never jumps silently: still lesson 1 until Enter.
    assert!(tmux.screen().contains("section 3/3"));
    tmux.keys(&["Enter"]);
    tmux.wait_for("section 1/2");
    tmux.keys(&["q"]);
    tmux.assert_terminal_restored();
}

#[test]
fn the_bare_pod_question_of_lesson_5_shows_solo_in_the_pane() {
    let dir = tempfile::tempdir().unwrap();
    let progress = dir.path().join("progress.json");
    welcomed(&progress);
    let catalog = Catalog::embedded();
    let lesson = catalog.get("declarative", Lang::En).unwrap().lesson;
    let (section, before) = lesson
        .sections
        .iter()
        .enumerate()
        .find_map(|(i, s)| {
            let live: Vec<&Block> = s
                .blocks
                .iter()
                .filter(|b| matches!(b, Block::Quiz(_) | Block::Exercise(_)))
                .collect();
            live.iter()
                .position(|b| matches!(b, Block::Quiz(q) if q.value.id == "declarative-bare-pod"))
                .map(|p| (i, p))
        })
        .unwrap();
    let spec = lesson
        .quizzes()
        .find(|q| q.value.id == "declarative-bare-pod")
        .unwrap();
    let zero = spec
        .value
        .choices
        .iter()
        .position(|c| c.text == "0")
        .unwrap();
    let shown = choice_order(spec.value.choices.len(), seed_for(&spec.value.id, SEED));
    let number = (shown.iter().position(|&i| i == zero).unwrap() + 1).to_string();
    let tmux = Tmux::start(200, 60, &[]);
    run(&tmux, &progress, "--lang en declarative");
    tmux.wait_for("section 1/");
    for _ in 0..section {
        tmux.keys(&["n"]);
    }
    tmux.wait_for(&format!("section {}/", section + 1));
    for _ in 0..=before {
        tmux.keys(&["]"]);
    }
    tmux.keys(&[number.as_str(), "Enter"]);
    tmux.wait_for_all(&["Replay · quiz declarative-bare-pod", "solo", "✓ Right!"]);
    tmux.keys(&["Escape", "q"]);
    tmux.assert_terminal_restored();
}

/// Pressing `]` then `1` and Enter (and Enter again after a miss) for every
/// choice, multi and predict question of lessons 5 and 15 in the tutor:
/// the score kept in the progress file is at most 40 % of their points.
#[test]
fn pressing_one_through_two_lessons_in_the_tutor_scores_at_most_40_percent() {
    let dir = tempfile::tempdir().unwrap();
    let progress = dir.path().join("progress.json");
    welcomed(&progress);
    let catalog = Catalog::embedded();
    let tmux = Tmux::start(130, 40, &[]);
    let mut counted = Vec::new();
    for id in ["declarative", "pod-phases"] {
        let lesson = catalog.get(id, Lang::En).unwrap().lesson;
        run(&tmux, &progress, &format!("--lang en {id}"));
        tmux.wait_for("section 1/");
        for (i, s) in lesson.sections.iter().enumerate() {
            if i > 0 {
                tmux.keys(&["n"]);
            }
            tmux.wait_for(&format!("section {}/", i + 1));
            for b in &s.blocks {
                match b {
                    Block::Quiz(q)
                        if matches!(
                            q.value.kind,
                            QuizKind::Choice | QuizKind::Multi | QuizKind::Predict
                        ) =>
                    {
                        tmux.keys(&["]", "1", "Enter", "Enter"]);
                        counted.push((id, q.value.id.clone()));
                    }
                    // Put in order: the shown order as it is, twice.
                    Block::Quiz(q) if q.value.kind == QuizKind::Order => {
                        tmux.keys(&["]", "Enter", "Enter"]);
                    }
                    Block::Quiz(_) | Block::Exercise(_) => tmux.keys(&["]"]),
                    _ => {}
                }
            }
            tmux.keys(&["Escape"]);
        }
        tmux.keys(&["q"]);
        tmux.assert_terminal_restored();
    }
    let (store, _) = Store::open(&progress);
    let mut points = 0.0;
    for (lesson, quiz) in &counted {
        let q = store
            .quiz(lesson, quiz)
            .unwrap_or_else(|| panic!("{lesson}/{quiz} was answered"));
        points += q.scored().unwrap().score().points();
    }
    // The same as the engine says for this install seed.
    let expected: f64 = ["declarative", "pod-phases"]
        .iter()
        .map(|id| {
            let mut lq = LessonQuiz::new(catalog.get(id, Lang::En).unwrap().lesson, SEED);
            let ids: Vec<String> = counted
                .iter()
                .filter(|(l, _)| l == id)
                .map(|(_, q)| q.clone())
                .collect();
            ids.iter()
                .filter(|q| {
                    let a = &mut lq.by_id_mut(q).unwrap().attempt;
                    let r = a.parse("1").unwrap();
                    a.submit(&r).unwrap().correct
                })
                .count() as f64
        })
        .sum();
    assert_eq!(points, expected);
    let share = points / counted.len() as f64;
    assert!(
        share <= 0.40,
        "always 1 in the tutor: {points} of {}",
        counted.len()
    );
}
