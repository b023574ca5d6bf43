//! The exercise runner, as a student waits for it: every course solution
//! (validate, set up, apply, advance until the checks hold and settle), a
//! starter that fails only at the timeout (2m of simulated time), and a
//! manifest asking for a thousand replicas.

use criterion::{Criterion, criterion_group, criterion_main};
use kubetutor::exercise::{self, course};
use kubetutor::lang::Lang;
use kubetutor::lesson::Catalog;
use std::hint::black_box;

const THOUSAND: &str = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 1000\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n      - name: web\n        image: nginx:1.27\n";

fn bench(c: &mut Criterion) {
    let catalog = Catalog::embedded();
    let all = course::all(&catalog, Lang::En);
    let mut g = c.benchmark_group("exercise_run");
    g.sample_size(20);
    g.bench_function("every_course_solution", |b| {
        b.iter(|| {
            for e in &all {
                let r = exercise::run(
                    e.spec,
                    e.section_setup,
                    black_box(&e.spec.solution),
                    Lang::En,
                    1,
                );
                assert!(r.passed());
            }
        })
    });
    let pin = course::find(&catalog, "cluster-node-pod-pin", Lang::En).expect("course exercise");
    g.bench_function("starter_failing_at_the_timeout", |b| {
        b.iter(|| {
            let r = exercise::run(
                pin.spec,
                pin.section_setup,
                black_box(&pin.spec.starter),
                Lang::En,
                1,
            );
            assert!(!r.passed());
        })
    });
    let first =
        course::find(&catalog, "declarative-three-replicas", Lang::En).expect("course exercise");
    g.sample_size(10);
    g.bench_function("thousand_replicas_until_the_timeout", |b| {
        b.iter(|| {
            exercise::run(
                first.spec,
                first.section_setup,
                black_box(THOUSAND),
                Lang::En,
                1,
            )
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
