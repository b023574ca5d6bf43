//! The API keeps each stored object's value between requests (built again
//! only when the object's resourceVersion moves): lists, gets and Tables
//! must still answer every object exactly as it is now, for every kind.

use kubetutor::api::host::State;
use kubetutor::api::kinds::{Backing, RESOURCES, ResourceInfo};
#[path = "support/api.rs"]
mod api;
use kubetutor::api::Request;
use kubetutor::sim::Cluster;
use serde_json::{Value, json};

const TABLE: &str = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json";

fn req(method: &str, path: &str, query: &[(&str, &str)], body: Value) -> Request {
    let content_type = if method == "PATCH" {
        "application/merge-patch+json"
    } else {
        "application/json"
    };
    api::req(method, path, query, content_type, body)
}

/// The reply's code and JSON body; anything else is a failure.
fn call(c: &mut Cluster, st: &mut State, r: Request) -> (u16, Value) {
    let what = format!("{} {}", r.method, r.path);
    let (code, body, _) = api::call(c, st, r);
    assert!(
        body.is_object() || body.is_array(),
        "not a JSON answer to {what}"
    );
    (code, body)
}

fn collection(r: &ResourceInfo) -> String {
    match r.group {
        "" => format!("/api/v1/{}", r.plural),
        g => format!("/apis/{g}/{}/{}", r.version, r.plural),
    }
}

/// A cluster with an object of most kinds, run until its controllers settle.
fn cluster() -> (Cluster, State) {
    let (mut c, mut st) = (Cluster::new(3), State::default());
    let template = json!({"metadata": {"labels": {"app": "web"}},
        "spec": {"containers": [{"name": "web", "image": "nginx:1.27"}]}});
    let objects = [
        (
            "/apis/apps/v1/namespaces/default/deployments",
            json!({"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "web"},
            "spec": {"replicas": 3, "selector": {"matchLabels": {"app": "web"}}, "template": template}}),
        ),
        (
            "/api/v1/namespaces/default/services",
            json!({"apiVersion": "v1", "kind": "Service", "metadata": {"name": "web"},
            "spec": {"selector": {"app": "web"}, "ports": [{"port": 80}]}}),
        ),
        (
            "/api/v1/namespaces/default/configmaps",
            json!({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "conf"},
            "data": {"color": "blue"}}),
        ),
        (
            "/api/v1/namespaces/default/secrets",
            json!({"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "db"},
            "stringData": {"password": "s3cret"}}),
        ),
        (
            "/apis/batch/v1/namespaces/default/cronjobs",
            json!({"apiVersion": "batch/v1", "kind": "CronJob", "metadata": {"name": "tick"},
            "spec": {"schedule": "* * * * *", "jobTemplate": {"spec": {"template": {"spec": {
                "restartPolicy": "Never",
                "containers": [{"name": "t", "image": "busybox", "command": ["sh", "-c", "exit 0"]}]}}}}}}),
        ),
        (
            "/apis/apps/v1/namespaces/default/statefulsets",
            json!({"apiVersion": "apps/v1", "kind": "StatefulSet", "metadata": {"name": "db"},
            "spec": {"serviceName": "db", "replicas": 2, "selector": {"matchLabels": {"app": "db"}},
              "template": {"metadata": {"labels": {"app": "db"}},
                "spec": {"containers": [{"name": "db", "image": "redis",
                  "volumeMounts": [{"name": "data", "mountPath": "/data"}]}]}},
              "volumeClaimTemplates": [{"metadata": {"name": "data"}, "spec": {
                "accessModes": ["ReadWriteOnce"], "resources": {"requests": {"storage": "1Gi"}}}}]}}),
        ),
        (
            "/api/v1/namespaces/default/resourcequotas",
            json!({"apiVersion": "v1", "kind": "ResourceQuota", "metadata": {"name": "q"},
            "spec": {"hard": {"pods": "20"}}}),
        ),
        (
            "/api/v1/namespaces/default/limitranges",
            json!({"apiVersion": "v1", "kind": "LimitRange", "metadata": {"name": "l"},
            "spec": {"limits": [{"type": "Container", "default": {"cpu": "500m"}}]}}),
        ),
    ];
    for (path, body) in objects {
        let (code, v) = call(&mut c, &mut st, req("POST", path, &[], body));
        assert_eq!(code, 201, "{path}: {v}");
    }
    c.advance(90_000);
    (c, st)
}

/// Every object of `r` as the API builds it afresh.
fn fresh(c: &Cluster, r: &ResourceInfo, items: &[Value]) -> Vec<Value> {
    items
        .iter()
        .map(|item| {
            let meta = &item["metadata"];
            let (ns, name) = (
                meta["namespace"].as_str().unwrap_or(""),
                meta["name"].as_str().unwrap(),
            );
            match r.backing {
                Backing::Object(kind) => c.to_api_value(kind, ns, name).unwrap(),
                Backing::Endpoints => kubetutor::sim::api_value::endpoints(
                    c.store().endpoints().find(ns, name).unwrap(),
                ),
                Backing::Events { .. } => unreachable!(),
            }
        })
        .collect()
}

/// Each stored kind listed across namespaces (twice: the second from the
/// values kept), as a list and as a Table, against the objects built anew.
fn lists_match(c: &mut Cluster, st: &mut State) -> usize {
    let mut seen = 0;
    for r in RESOURCES {
        if matches!(r.backing, Backing::Events { .. }) || !r.verbs.contains(&"list") {
            continue;
        }
        for _ in 0..2 {
            let (code, list) = call(c, st, req("GET", &collection(r), &[], Value::Null));
            assert_eq!(code, 200, "{}", r.plural);
            let items = list["items"].as_array().unwrap();
            assert_eq!(items, &fresh(c, r, items), "{}", r.plural);
            assert_eq!(list["kind"], format!("{}List", r.kind));
            let mut table = req("GET", &collection(r), &[], Value::Null);
            table.accept = TABLE.into();
            let (_, t) = call(c, st, table);
            let metas: Vec<&Value> = t["rows"]
                .as_array()
                .unwrap()
                .iter()
                .map(|row| &row["object"]["metadata"])
                .collect();
            let want: Vec<&Value> = items.iter().map(|i| &i["metadata"]).collect();
            assert_eq!(metas, want, "{} as a Table", r.plural);
            seen += items.len();
        }
    }
    seen
}

#[test]
fn lists_answer_every_object_as_it_is_now() {
    let (mut c, mut st) = cluster();
    let before = lists_match(&mut c, &mut st);
    assert!(before > 60, "{before} objects listed");
    let kinds: Vec<&str> = RESOURCES
        .iter()
        .filter(|r| {
            let (_, l) = call(
                &mut c,
                &mut st,
                req("GET", &collection(r), &[], Value::Null),
            );
            l["items"].as_array().is_some_and(|i| !i.is_empty())
        })
        .map(|r| r.plural)
        .collect();
    for want in [
        "pods",
        "nodes",
        "deployments",
        "replicasets",
        "statefulsets",
        "cronjobs",
        "jobs",
        "persistentvolumes",
        "persistentvolumeclaims",
        "configmaps",
        "secrets",
        "leases",
        "endpoints",
        "endpointslices",
        "resourcequotas",
        "limitranges",
    ] {
        assert!(kinds.contains(&want), "no {want} in the cluster: {kinds:?}");
    }
    // Two minutes on: leases renewed, node heartbeats, CronJob runs.
    c.advance(120_000);
    lists_match(&mut c, &mut st);
}

#[test]
fn a_list_builds_only_the_objects_that_changed() {
    let (mut c, mut st) = cluster();
    let pods = "/api/v1/namespaces/default/pods";
    let (_, first) = call(&mut c, &mut st, req("GET", pods, &[], Value::Null));
    let built = st.objects.built;
    let (_, again) = call(&mut c, &mut st, req("GET", pods, &[], Value::Null));
    assert_eq!((again, st.objects.built), (first.clone(), built));
    let name = first["items"][0]["metadata"]["name"].as_str().unwrap();
    let patch = json!({"metadata": {"labels": {"tier": "front"}}});
    let (code, _) = call(
        &mut c,
        &mut st,
        req("PATCH", &format!("{pods}/{name}"), &[], patch),
    );
    assert_eq!(code, 200);
    let (_, after) = call(&mut c, &mut st, req("GET", pods, &[], Value::Null));
    assert_eq!(st.objects.built, built + 1, "only the patched pod is built");
    assert_eq!(after["items"][0]["metadata"]["labels"]["tier"], "front");
    assert_eq!(
        after["items"][0],
        c.to_api_value(kubetutor::sim::objects::Kind::Pod, "default", name)
            .unwrap()
    );
    assert_eq!(
        after["items"].as_array().unwrap()[1..],
        first["items"].as_array().unwrap()[1..]
    );
}

#[test]
fn a_field_selector_chooses_by_the_objects_as_they_are_now() {
    // `describe node`: the pods on a node, across namespaces.
    let (mut c, mut st) = cluster();
    for node in ["node-1", "node-2"] {
        let selector = format!("spec.nodeName={node}");
        let query = [("fieldSelector", selector.as_str())];
        let (code, list) = call(
            &mut c,
            &mut st,
            req("GET", "/api/v1/pods", &query, Value::Null),
        );
        assert_eq!(code, 200);
        let items = list["items"].as_array().unwrap();
        let want: Vec<Value> = c
            .store()
            .pods()
            .sorted()
            .filter(|p| p.node_name.as_deref() == Some(node))
            .map(|p| {
                c.to_api_value(
                    kubetutor::sim::objects::Kind::Pod,
                    &p.meta.namespace,
                    &p.meta.name,
                )
                .unwrap()
            })
            .collect();
        assert!(!want.is_empty(), "pods on {node}");
        assert_eq!(items, &want, "{node}");
    }
}

#[test]
fn a_dry_run_leaves_nothing_behind_for_the_next_write_at_its_revision() {
    // A dry run writes on a copy of the cluster, whose next revision is the
    // one the real write takes next: the pod at that revision must be the
    // real one.
    let (mut c, mut st) = cluster();
    let pod = format!(
        "/api/v1/namespaces/default/pods/{}",
        c.store()
            .pods()
            .in_namespace("default")
            .next()
            .unwrap()
            .meta
            .name
    );
    let label = |v: &str| json!({"metadata": {"labels": {"try": v}}});
    let (code, dry) = call(
        &mut c,
        &mut st,
        req("PATCH", &pod, &[("dryRun", "All")], label("dry")),
    );
    assert_eq!(
        (code, &dry["metadata"]["labels"]["try"]),
        (200, &json!("dry"))
    );
    let (_, real) = call(&mut c, &mut st, req("PATCH", &pod, &[], label("real")));
    assert_eq!(
        real["metadata"]["resourceVersion"],
        dry["metadata"]["resourceVersion"]
    );
    let (_, got) = call(&mut c, &mut st, req("GET", &pod, &[], Value::Null));
    assert_eq!(got["metadata"]["labels"]["try"], "real");
}
