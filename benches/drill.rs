//! What the quiz views wait for when they show a question:
//!
//! - `drill/card-15m`: one drill card played on the simulator, the longest
//!   kind (a bare pod in a crash loop, looked at after 15 minutes), as
//!   `DrillSession::question` does before showing a card;
//! - `drill/plan`: choosing a 10-card session from a deck of 300 reviews;
//! - `predict/pod-phases`: every question of the Pod-phases lesson made
//!   ready (its 8 `predict` questions played), as `LessonQuiz::new` does.

use criterion::{Criterion, criterion_group, criterion_main};
use kubetutor::lang::Lang;
use kubetutor::lesson::Catalog;
use kubetutor::quiz::drill::{card, outcome, plan};
use kubetutor::quiz::lesson::LessonQuiz;
use kubetutor::quiz::review::{Grade, ReviewDeck};
use kubetutor::timestamp::Timestamp;
use std::hint::black_box;

fn benches(c: &mut Criterion) {
    let long = card::by_key("status/pod/always/crashing/ok/up/15m").expect("card exists");
    c.bench_function("drill/card-15m", |b| {
        b.iter(|| outcome(black_box(&long)).expect("card plays"))
    });

    let now = Timestamp::from_secs(1_740_821_400);
    let mut deck = ReviewDeck::default();
    for (i, card) in card::all().iter().enumerate().take(300) {
        let grade = if i % 3 == 0 {
            Grade::Again
        } else {
            Grade::Good
        };
        deck.review(&card.key(), card.category(), grade, now);
    }
    let later = now.plus_secs(3600);
    c.bench_function("drill/plan", |b| {
        b.iter(|| plan(black_box(&deck), later, 10, 7))
    });

    let catalog = Catalog::embedded();
    let lesson = catalog
        .get("pod-phases", Lang::En)
        .expect("the course has the lesson")
        .lesson;
    c.bench_function("predict/pod-phases", |b| {
        b.iter(|| LessonQuiz::new(black_box(lesson), 7))
    });
}

criterion_group! {
    name = drill;
    config = Criterion::default().sample_size(20);
    targets = benches
}
criterion_main!(drill);
