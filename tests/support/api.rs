//! Requests to the API answered in process (no HTTP): a request as a client
//! would send it, and the reply read back as JSON.
#![allow(dead_code)]

use kubetutor::api::host::State;
use kubetutor::api::{Reply, Request, router};
use kubetutor::sim::Cluster;
use serde_json::Value;

/// A request with a JSON body (none when `body` is null).
pub fn req(
    method: &str,
    path: &str,
    query: &[(&str, &str)],
    content_type: &str,
    body: Value,
) -> Request {
    Request {
        method: method.into(),
        path: path.into(),
        query: query
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
        accept: "application/json".into(),
        content_type: content_type.into(),
        body: if body.is_null() {
            Vec::new()
        } else {
            serde_json::to_vec(&body).unwrap()
        },
        user_agent: String::new(),
    }
}

/// The reply's code, body and warnings; a body that is not JSON comes
/// back as a string (a stream as "stream", bytes as null).
pub fn call(c: &mut Cluster, st: &mut State, r: Request) -> (u16, Value, Vec<String>) {
    match router::handle(c, st, &r) {
        Reply::Json {
            code,
            body,
            warnings,
        } => (code, body, warnings),
        Reply::Pieces {
            code,
            body,
            warnings,
        } => (
            code,
            serde_json::from_slice(&body.write()).expect("a JSON body"),
            warnings,
        ),
        Reply::Typed { body, .. } => (200, body, Vec::new()),
        Reply::Text { code, body } => (code, Value::String(body), Vec::new()),
        Reply::Bytes { .. } => (200, Value::Null, Vec::new()),
        Reply::Stream { .. } => (200, Value::String("stream".into()), Vec::new()),
    }
}
