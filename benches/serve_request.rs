//! What one request of the `serve_load` mix costs the cluster's thread (the
//! one thread every request passes through, so its cost per request bounds
//! the latency under load), measured apart from the machine's load and the
//! HTTP side: the default cluster with 100 running pods, and each request
//! answered by the router as the host runs it, its body then written out as
//! the HTTP side writes it.
//!
//! - `pods-table`: `kubectl get pods` (a Table of 100 rows);
//! - `pods-json`: the 100 pods as a `PodList` (a label selector);
//! - `nodes-table`, `get-deployment`: the small ones.
//!
//! `publish-idle` feeds the watches when nothing changed (after every job);
//! `advance-20ms` is one step of the cluster's clock with its publish;
//! `change-50-watches` a pod patched with 50 watches on pods open.
//!
//! `/host` is the cluster's thread alone (the reply dropped untimed, as the
//! HTTP side drops it); `/written` adds writing the body out.
//!
//! `cargo bench --bench serve_request`.

#[path = "common/loaded.rs"]
mod loaded;
use criterion::{Criterion, criterion_group, criterion_main};
use kubetutor::api::host::{Host, State};
use kubetutor::api::{Reply, Request, router};
use std::hint::black_box;

const TABLE: &str = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json";

fn request(path: &str, query: &[(&str, &str)], table: bool) -> Request {
    Request {
        method: "GET".into(),
        path: path.into(),
        query: query
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
        accept: if table { TABLE.into() } else { String::new() },
        ..Request::default()
    }
}

/// The bytes the HTTP side sends for a reply.
fn body(reply: Reply) -> usize {
    match reply {
        Reply::Json { body, .. } | Reply::Typed { body, .. } => {
            serde_json::to_vec(&body).map_or(0, |b| b.len())
        }
        Reply::Pieces { body, .. } => body.write().len(),
        Reply::Bytes { body, .. } => body.len(),
        Reply::Text { body, .. } => body.len(),
        Reply::Stream { .. } => 0,
    }
}

fn requests(cr: &mut Criterion) {
    let mut cluster = loaded::cluster_with_100_pods();
    let (_jobs, host) = Host::channel(&mut cluster);
    let mut state: State = host.state;
    let mix = [
        (
            "pods-table",
            request("/api/v1/namespaces/default/pods", &[("limit", "500")], true),
        ),
        (
            "pods-json",
            request(
                "/api/v1/namespaces/default/pods",
                &[("labelSelector", "app=load")],
                false,
            ),
        ),
        ("nodes-table", request("/api/v1/nodes", &[], true)),
        (
            "get-deployment",
            request(
                "/apis/apps/v1/namespaces/default/deployments/load",
                &[],
                false,
            ),
        ),
    ];
    let mut g = cr.benchmark_group("serve_request");
    for (name, req) in &mix {
        assert!(body(router::handle(&mut cluster, &mut state, req)) > 0);
        // The cluster's thread: the answer, dropped elsewhere (as the
        // HTTP side drops it).
        g.bench_function(format!("{name}/host"), |b| {
            b.iter_with_large_drop(|| router::handle(&mut cluster, &mut state, req))
        });
        // The whole answer: the cluster's thread and the writing out.
        g.bench_function(format!("{name}/written"), |b| {
            b.iter(|| black_box(body(router::handle(&mut cluster, &mut state, req))))
        });
    }
    // The other work of the cluster's thread: feeding the watches after a
    // job that changed nothing, and a 20 ms step of the cluster with it.
    g.bench_function("publish-idle", |b| {
        b.iter(|| state.hub.publish(&mut cluster))
    });
    g.bench_function("advance-20ms", |b| {
        b.iter(|| {
            cluster.advance(20);
            state.hub.publish(&mut cluster)
        })
    });
    // A change with 50 watches on pods open (as `serve_load` holds them):
    // one pod's label set back and forth, and the watches fed.
    let filter = kubetutor::api::read::filter(
        kubetutor::api::kinds::find("", "v1", "pods").expect("pods"),
        Some("default"),
        &Request::default(),
    )
    .expect("filter");
    let mut watches: Vec<_> = (0..50)
        .map(|_| state.hub.watch(filter.clone(), None).expect("watch").1)
        .collect();
    let pod = cluster
        .store()
        .pods()
        .in_namespace("default")
        .next()
        .expect("a pod")
        .meta
        .name
        .clone();
    let mut flip = false;
    g.bench_function("change-50-watches", |b| {
        b.iter(|| {
            flip = !flip;
            let patch = Request {
                method: "PATCH".into(),
                path: format!("/api/v1/namespaces/default/pods/{pod}"),
                content_type: "application/merge-patch+json".into(),
                body: format!(r#"{{"metadata":{{"labels":{{"flip":"{flip}"}}}}}}"#).into_bytes(),
                ..Request::default()
            };
            router::handle(&mut cluster, &mut state, &patch);
            state.hub.publish(&mut cluster);
            for w in &mut watches {
                while w.try_recv().is_ok() {}
            }
        })
    });
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30);
    targets = requests
}
criterion_main!(benches);
