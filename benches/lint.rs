//! `kubetutor lint` on the built-in course: loading 34 files and playing
//! every predict question, every exercise's solution and starter, and every
//! cluster block on the simulator (target: well under a second).

use criterion::{Criterion, criterion_group, criterion_main};
use kubetutor::lesson::lint;
use std::hint::black_box;

fn embedded(c: &mut Criterion) {
    let mut group = c.benchmark_group("lint");
    group.sample_size(20);
    group.bench_function("embedded course", |b| {
        b.iter(|| black_box(lint::lint_embedded()))
    });
    group.finish();
}

criterion_group!(benches, embedded);
criterion_main!(benches);
