//! Scores mean knowledge: a student who presses `1` for every question of
//! every lesson in `kubetutor quiz --plain` (and the same `1` again on the
//! second try; the shown order as it is for a put-in-order question), with a
//! fresh progress file, scores at most 40 % of the choice, multi and predict
//! points of the whole course. Guessing scores about a quarter.
//!
//! The figure is measured on the real plain quiz ([`run_with`]), reading
//! what it saved in the progress file, for a fresh install (a random seed)
//! and for a sweep of fixed seeds; and the chance that any install exceeds
//! 40 % is computed exactly from the course (each shuffled question is a
//! fair draw among its choices).

use kubetutor::cli::GlobalArgs;
use kubetutor::cli::quiz::{Args, Io, run_with};
use kubetutor::lang::Lang;
use kubetutor::lesson::Catalog;
use kubetutor::progress::Store;
use kubetutor::quiz::Solution;
use kubetutor::quiz::lesson::LessonQuiz;
use kubetutor::quiz::spec::QuizKind;
use kubetutor::timestamp::Timestamp;
use std::cell::RefCell;
use std::collections::VecDeque;
use std::io::{BufRead, Read, Write};
use std::path::Path;
use std::rc::Rc;

/// What the plain quiz printed so far.
#[derive(Clone, Default)]
struct Screen(Rc<RefCell<Vec<u8>>>);

impl Write for Screen {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// A student who reads nothing: `1` for every question (the items as shown
/// for a put-in-order question, which needs every number), typed only when
/// the quiz asks (`> `).
struct PressOne {
    screen: Screen,
    line: VecDeque<u8>,
    typed: usize,
}

impl PressOne {
    fn answer(&self) -> String {
        let out = String::from_utf8_lossy(&self.screen.0.borrow()).into_owned();
        let Some(at) = out.rfind("\nQuestion ") else {
            return "1".into();
        };
        let question = &out[at + 1..];
        if !question
            .lines()
            .next()
            .unwrap_or("")
            .contains("(put in order)")
        {
            return "1".into();
        }
        let items = question
            .lines()
            .filter(|l| {
                l.strip_prefix("  ")
                    .and_then(|l| l.split_once(". "))
                    .is_some_and(|(n, _)| n.parse::<usize>().is_ok())
            })
            .count();
        (1..=items)
            .map(|n| n.to_string())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

impl Read for PressOne {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = {
            let available = self.fill_buf()?;
            let n = available.len().min(buf.len());
            buf[..n].copy_from_slice(&available[..n]);
            n
        };
        self.consume(n);
        Ok(n)
    }
}

impl BufRead for PressOne {
    fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
        if self.line.is_empty() && self.typed < 1000 {
            self.typed += 1;
            self.line.extend(format!("{}\n", self.answer()).bytes());
        }
        Ok(self.line.as_slices().0)
    }
    fn consume(&mut self, n: usize) {
        self.line.drain(..n);
    }
}

/// The choice, multi and predict questions of a lesson, by id.
fn scored_ids(lesson: &kubetutor::lesson::model::Lesson) -> Vec<String> {
    LessonQuiz::new(lesson, 0)
        .questions()
        .iter()
        .filter(|q| {
            matches!(
                q.attempt.spec().kind,
                QuizKind::Choice | QuizKind::Multi | QuizKind::Predict
            )
        })
        .map(|q| q.id().to_string())
        .collect()
}

/// Press `1` through every lesson of the course with the plain quiz
/// (`seed`: `--seed N`, else the progress file's own); the points of the
/// choice, multi and predict questions as saved, and how many there are.
fn press_one_everywhere(progress: &Path, seed: Option<u64>) -> (f64, usize) {
    let catalog = Catalog::embedded();
    let global = GlobalArgs {
        lang: Some(Lang::En),
        lessons: None,
        progress: Some(progress.to_path_buf()),
    };
    let mut questions = 0;
    for found in catalog.lessons(Lang::En) {
        let args = Args {
            lesson: found.lesson.id.clone(),
            plain: true,
            seed,
        };
        let screen = Screen::default();
        let mut student = PressOne {
            screen: screen.clone(),
            line: VecDeque::new(),
            typed: 0,
        };
        let (mut out, mut err) = (screen.clone(), Vec::new());
        let mut io = Io {
            input: &mut student,
            out: &mut out,
            err: &mut err,
        };
        run_with(&args, &global, &mut io, &Timestamp::now).unwrap();
        let printed = String::from_utf8_lossy(&screen.0.borrow()).into_owned();
        assert!(printed.contains("\nScore: "), "finished:\n{printed}");
        assert!(err.is_empty(), "{}", String::from_utf8_lossy(&err));
        questions += scored_ids(found.lesson).len();
    }
    let (store, _) = Store::open(progress);
    let mut points = 0.0;
    for found in catalog.lessons(Lang::En) {
        for id in scored_ids(found.lesson) {
            let q = store
                .quiz(&found.lesson.id, &id)
                .expect("answered and saved");
            points += q.scored().unwrap().score().points();
        }
    }
    (points, questions)
}

#[test]
fn pressing_one_everywhere_scores_at_most_40_percent_with_a_fresh_progress_file() {
    let dir = tempfile::tempdir().unwrap();
    let progress = dir.path().join("progress.json");
    let (points, questions) = press_one_everywhere(&progress, None);
    let (store, _) = Store::open(&progress);
    let seed = store.progress().seed.expect("the install seed was saved");
    let share = points / questions as f64;
    eprintln!("fresh install (seed {seed}): always 1 scores {points} of {questions}");
    assert!(questions >= 60, "{questions}");
    assert!(
        share <= 0.40,
        "always 1 scored {points} of {questions} ({:.0} %) with install seed {seed}",
        share * 100.0
    );
}

#[test]
fn pressing_one_everywhere_stays_under_40_percent_for_many_installs() {
    let mut shares = Vec::new();
    for seed in [1u64, 2, 3, 5, 8] {
        let dir = tempfile::tempdir().unwrap();
        let (points, questions) = press_one_everywhere(&dir.path().join("p.json"), Some(seed));
        let share = points / questions as f64;
        assert!(
            share <= 0.40,
            "seed {seed}: {points} of {questions} ({:.0} %)",
            share * 100.0
        );
        eprintln!("seed {seed}: always 1 scores {points} of {questions}");
        shares.push(share);
    }
    let mean = shares.iter().sum::<f64>() / shares.len() as f64;
    assert!(mean < 0.30, "always 1 averages {:.0} %", mean * 100.0);
}

/// Over every possible install: each shuffled question's right choice is
/// shown first with probability 1/(number of choices) (a `multi` question
/// only when it has one right choice, and that choice is shown first); an
/// opted-out question (`shuffle: false`) scores exactly when its answer is
/// written first. The distribution of the always-1 score, computed exactly:
/// its mean is about a quarter, and exceeding 40 % has a chance under one in
/// ten thousand.
#[test]
fn the_chance_of_an_install_where_pressing_one_passes_40_percent_is_negligible() {
    let catalog = Catalog::embedded();
    // P(score = k points), k = 0..=n.
    let mut dist = vec![1.0f64];
    let mut n = 0;
    for found in catalog.lessons(Lang::En) {
        for q in LessonQuiz::new(found.lesson, 0).questions() {
            let spec = q.attempt.spec();
            let right: Vec<usize> = match (q.attempt.solution(), spec.kind) {
                (Solution::Choice(i), _) => vec![*i],
                (Solution::Multi(set), _) => set.iter().copied().collect(),
                (Solution::Predict, _) => {
                    q.predicted().and_then(|o| o.choice).into_iter().collect()
                }
                _ => continue,
            };
            n += 1;
            let p = match (spec.shuffle, right.as_slice()) {
                (_, []) => 0.0,
                (true, [_]) => 1.0 / spec.choices.len() as f64,
                (true, _) => 0.0,
                (false, [0]) => 1.0,
                (false, _) => 0.0,
            };
            let mut next = vec![0.0; dist.len() + 1];
            for (k, pk) in dist.iter().enumerate() {
                next[k] += pk * (1.0 - p);
                next[k + 1] += pk * p;
            }
            dist = next;
        }
    }
    let mean: f64 = dist
        .iter()
        .enumerate()
        .map(|(k, p)| k as f64 * p)
        .sum::<f64>()
        / n as f64;
    let over: f64 = dist
        .iter()
        .enumerate()
        .filter(|(k, _)| *k as f64 > 0.40 * n as f64)
        .map(|(_, p)| p)
        .sum();
    eprintln!("always 1 over every install: mean {mean:.3}, P(> 40 %) = {over:e}");
    assert!(mean < 0.27, "mean {:.3}", mean);
    assert!(over < 1e-4, "P(always 1 > 40 %) = {over:e}");
}
