//! Loading (parsing + validating) large manifests: 10,000 lines as many small
//! documents, and as one document with a long container list.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

fn many_documents(lines: usize) -> String {
    let mut out = String::new();
    let mut i = 0;
    while out.lines().count() < lines {
        out.push_str(&format!(
            "---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web-{i}\n  labels:\n    app: web-{i}\nspec:\n  replicas: 3\n  selector:\n    matchLabels:\n      app: web-{i}\n  template:\n    metadata:\n      labels:\n        app: web-{i}\n    spec:\n      containers:\n      - name: nginx\n        image: nginx:1.27\n        ports:\n        - containerPort: 80\n        resources:\n          requests: {{cpu: 100m, memory: 64Mi}}\n"
        ));
        i += 1;
    }
    out
}

fn one_document(lines: usize) -> String {
    let mut out =
        String::from("apiVersion: v1\nkind: Pod\nmetadata:\n  name: big\nspec:\n  containers:\n");
    let mut i = 0;
    while out.lines().count() < lines {
        out.push_str(&format!(
            "  - name: c{i}\n    image: busybox\n    command: [\"sh\", \"-c\", \"sleep 3600\"]\n    env:\n    - name: INDEX\n      value: \"{i}\"\n    resources:\n      limits: {{cpu: 10m, memory: 8Mi}}\n"
        ));
        i += 1;
    }
    out
}

fn bench(c: &mut Criterion) {
    let docs = many_documents(10_000);
    let one = one_document(10_000);
    assert!(!kubetutor::manifest::load(&docs).has_errors());
    assert!(!kubetutor::manifest::load(&one).has_errors());
    let mut g = c.benchmark_group("manifest_load_10k_lines");
    g.sample_size(20);
    g.bench_function("many_documents", |b| {
        b.iter(|| kubetutor::manifest::load(black_box(&docs)))
    });
    g.bench_function("one_document", |b| {
        b.iter(|| kubetutor::manifest::load(black_box(&one)))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
