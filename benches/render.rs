//! Rendering a real-sized lesson (tables, code, Korean, emoji) to `Text`.
//! Target: under 1 ms median at 120 columns.

use criterion::{Criterion, criterion_group, criterion_main};
use kubetutor::markdown::{Theme, render};
use std::hint::black_box;

const LESSON: &str = include_str!("../tests/fixtures/markdown/lesson.md");

fn render_lesson(c: &mut Criterion) {
    let theme = Theme::colored();
    for width in [120u16, 60] {
        c.bench_function(
            &format!("markdown::render lesson.md at {width} columns"),
            |b| b.iter(|| render(black_box(LESSON), black_box(width), &theme)),
        );
    }
}

fn wrap_prose(c: &mut Criterion) {
    let paragraph = LESSON.lines().nth(2).unwrap_or_default().repeat(20);
    c.bench_function("text::wrap_str Korean paragraph at 40 columns", |b| {
        b.iter(|| kubetutor::text::wrap_str(black_box(&paragraph), 40))
    });
}

criterion_group!(benches, render_lesson, wrap_prose);
criterion_main!(benches);
