//! The API's verbs answered in process (no HTTP): field validation modes,
//! dry runs, conflicts, patches, subresources and errors, with the API
//! server's codes and texts.

#[path = "support/api.rs"]
mod api;
use api::{call, req};
use kubetutor::api::host::State;
use kubetutor::sim::Cluster;
use serde_json::{Value, json};

fn pod(extra: Value) -> Value {
    let mut p = json!({"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"},
        "spec": {"containers": [{"name": "c", "image": "nginx:1.27"}]}});
    if let Some(o) = extra.as_object() {
        for (k, v) in o {
            p["spec"]["containers"][0][k] = v.clone();
        }
    }
    p
}

const PODS: &str = "/api/v1/namespaces/default/pods";

#[test]
fn field_validation_strict_warn_and_ignore_answer_as_the_api_server() {
    let (mut c, mut st) = (Cluster::new(1), State::default());
    let body = pod(json!({"colour": "blue"}));
    let (code, s, _) = call(
        &mut c,
        &mut st,
        req(
            "POST",
            PODS,
            &[("fieldValidation", "Strict")],
            "application/json",
            body.clone(),
        ),
    );
    assert_eq!(code, 400);
    assert_eq!(
        s["message"],
        "Pod in version \"v1\" cannot be handled as a Pod: strict decoding error: unknown field \"spec.containers[0].colour\""
    );
    let (code, created, warnings) = call(
        &mut c,
        &mut st,
        req(
            "POST",
            PODS,
            &[("fieldValidation", "Warn")],
            "application/json",
            body.clone(),
        ),
    );
    assert_eq!(code, 201);
    assert_eq!(warnings, ["unknown field \"spec.containers[0].colour\""]);
    assert_eq!(created["metadata"]["name"], "p");
    let (code, s, _) = call(
        &mut c,
        &mut st,
        req(
            "POST",
            PODS,
            &[("fieldValidation", "Ignore")],
            "application/json",
            body,
        ),
    );
    assert_eq!((code, s["reason"].as_str()), (409, Some("AlreadyExists")));
    assert_eq!(s["message"], "pods \"p\" already exists");
}

#[test]
fn invalid_objects_carry_their_causes() {
    let (mut c, mut st) = (Cluster::new(1), State::default());
    let d = json!({"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "web"},
        "spec": {"replicas": -1, "selector": {"matchLabels": {"app": "web"}},
            "template": {"metadata": {"labels": {"app": "web"}}, "spec": {"containers": [{"name": "c", "image": "nginx"}]}}}});
    let (code, s, _) = call(
        &mut c,
        &mut st,
        req(
            "POST",
            "/apis/apps/v1/namespaces/default/deployments",
            &[],
            "application/json",
            d,
        ),
    );
    assert_eq!(code, 422);
    assert_eq!(s["details"]["causes"][0]["field"], "spec.replicas");
    assert_eq!(
        s["details"]["causes"][0]["message"],
        "Invalid value: -1: must be greater than or equal to 0"
    );
    assert_eq!(
        (
            s["details"]["kind"].as_str(),
            s["details"]["group"].as_str()
        ),
        (Some("Deployment"), Some("apps"))
    );
}

#[test]
fn dry_run_creates_nothing_and_a_stale_update_conflicts() {
    let (mut c, mut st) = (Cluster::new(1), State::default());
    let (code, _, _) = call(
        &mut c,
        &mut st,
        req(
            "POST",
            PODS,
            &[("dryRun", "All")],
            "application/json",
            pod(json!({})),
        ),
    );
    assert_eq!(code, 201);
    assert!(c.pod("default", "p").is_none());
    let (_, created, _) = call(
        &mut c,
        &mut st,
        req("POST", PODS, &[], "application/json", pod(json!({}))),
    );
    let mut stale = created.clone();
    stale["metadata"]["resourceVersion"] = "1".into();
    stale["metadata"]["labels"] = json!({"a": "b"});
    let (code, s, _) = call(
        &mut c,
        &mut st,
        req("PUT", &format!("{PODS}/p"), &[], "application/json", stale),
    );
    assert_eq!(code, 409);
    assert_eq!(
        s["message"],
        "Operation cannot be fulfilled on pods \"p\": the object has been modified; please apply your changes to the latest version and try again"
    );
    let mut fresh = created;
    fresh["metadata"]["labels"] = json!({"a": "b"});
    let (code, v, _) = call(
        &mut c,
        &mut st,
        req("PUT", &format!("{PODS}/p"), &[], "application/json", fresh),
    );
    assert_eq!((code, &v["metadata"]["labels"]), (200, &json!({"a": "b"})));
}

#[test]
fn patches_and_the_scale_subresource_change_a_deployment() {
    let (mut c, mut st) = (Cluster::new(1), State::default());
    assert!(kubetutor::kubectl::execute(&mut c, "create deployment web --image=nginx:1.27").ok);
    let path = "/apis/apps/v1/namespaces/default/deployments/web";
    let smp = json!({"spec": {"template": {"spec": {"containers": [{"name": "nginx", "image": "nginx:1.28"}]}}}});
    let (code, v, _) = call(
        &mut c,
        &mut st,
        req(
            "PATCH",
            path,
            &[],
            "application/strategic-merge-patch+json",
            smp,
        ),
    );
    assert_eq!(code, 200);
    assert_eq!(
        v["spec"]["template"]["spec"]["containers"][0]["image"],
        "nginx:1.28"
    );
    let jp = json!([{"op": "replace", "path": "/spec/replicas", "value": 4}]);
    let (code, v, _) = call(
        &mut c,
        &mut st,
        req(
            "PATCH",
            &format!("{path}/scale"),
            &[],
            "application/json-patch+json",
            jp,
        ),
    );
    assert_eq!(
        (code, &v["kind"], &v["spec"]["replicas"]),
        (200, &json!("Scale"), &json!(4))
    );
    let (_, v, _) = call(&mut c, &mut st, req("GET", path, &[], "", Value::Null));
    assert_eq!(v["spec"]["replicas"], 4);
    let (code, s, _) = call(
        &mut c,
        &mut st,
        req("PATCH", path, &[], "text/plain", json!({})),
    );
    assert_eq!(
        (code, s["reason"].as_str()),
        (415, Some("UnsupportedMediaType"))
    );
}

#[test]
fn errors_name_what_is_missing_or_not_allowed() {
    let (mut c, mut st) = (Cluster::new(1), State::default());
    let (code, s, _) = call(
        &mut c,
        &mut st,
        req(
            "POST",
            "/api/v1/namespaces/nowhere/pods",
            &[],
            "application/json",
            pod(json!({})),
        ),
    );
    assert_eq!(
        (code, s["message"].as_str()),
        (404, Some("namespaces \"nowhere\" not found"))
    );
    let (code, s, _) = call(
        &mut c,
        &mut st,
        req(
            "GET",
            "/api/v1/namespaces/default/pods/x",
            &[],
            "",
            Value::Null,
        ),
    );
    assert_eq!(
        (code, s["message"].as_str()),
        (404, Some("pods \"x\" not found"))
    );
    let (code, _, _) = call(
        &mut c,
        &mut st,
        req("GET", "/apis/nothing/v1/things", &[], "", Value::Null),
    );
    assert_eq!(code, 404);
    call(
        &mut c,
        &mut st,
        req("POST", PODS, &[], "application/json", pod(json!({}))),
    );
    let (code, s, _) = call(
        &mut c,
        &mut st,
        req("POST", &format!("{PODS}/p/exec"), &[], "", Value::Null),
    );
    assert_eq!(code, 400);
    assert!(
        s["message"].as_str().unwrap().contains("run no processes"),
        "{s}"
    );
    let (code, s, _) = call(
        &mut c,
        &mut st,
        req(
            "GET",
            "/api/v1/pods",
            &[("fieldSelector", "spec.image=x")],
            "",
            Value::Null,
        ),
    );
    assert_eq!(
        (code, s["message"].as_str()),
        (400, Some("field label not supported: spec.image"))
    );
}

#[test]
fn lists_page_with_limit_and_continue() {
    let (mut c, mut st) = (Cluster::new(1), State::default());
    let (_, v, _) = call(
        &mut c,
        &mut st,
        req("GET", "/api/v1/nodes", &[("limit", "3")], "", Value::Null),
    );
    assert_eq!(v["items"].as_array().map(Vec::len), Some(3));
    assert_eq!(v["metadata"]["remainingItemCount"], 1);
    let token = v["metadata"]["continue"].as_str().unwrap().to_string();
    let (_, v, _) = call(
        &mut c,
        &mut st,
        req(
            "GET",
            "/api/v1/nodes",
            &[("limit", "3"), ("continue", &token)],
            "",
            Value::Null,
        ),
    );
    let names: Vec<&str> = v["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|n| n["metadata"]["name"].as_str())
        .collect();
    assert_eq!(names, ["node-3"]);
    assert!(v["metadata"]["continue"].is_null());
}
