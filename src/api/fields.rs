//! Field selectors (`fieldSelector=metadata.name=web,status.phase!=Running`):
//! the fields each resource supports, evaluated on the object as the API
//! returns it.
//! <https://kubernetes.io/docs/concepts/overview/working-with-objects/field-selectors/>

use super::kinds::{Backing, ResourceInfo};
use crate::sim::objects::Kind;
use serde_json::Value;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldReq {
    pub path: String,
    pub equal: bool,
    pub value: String,
}

/// The fields a resource can be selected by, besides `metadata.name` and
/// `metadata.namespace` (the apiserver's field label conversion functions).
fn supported(r: &ResourceInfo) -> &'static [&'static str] {
    match r.backing {
        Backing::Object(Kind::Pod) => &[
            "spec.nodeName",
            "spec.restartPolicy",
            "spec.schedulerName",
            "spec.serviceAccountName",
            "spec.hostNetwork",
            "status.phase",
            "status.podIP",
            "status.nominatedNodeName",
        ],
        Backing::Object(Kind::Node) => &["spec.unschedulable"],
        Backing::Object(Kind::ReplicaSet) => &["status.replicas"],
        Backing::Object(Kind::Job) => &["status.successful"],
        Backing::Events { new_api: false } => &[
            "involvedObject.kind",
            "involvedObject.namespace",
            "involvedObject.name",
            "involvedObject.uid",
            "involvedObject.apiVersion",
            "involvedObject.resourceVersion",
            "involvedObject.fieldPath",
            "reason",
            "reportingComponent",
            "source",
            "type",
        ],
        Backing::Events { new_api: true } => &[
            "regarding.kind",
            "regarding.namespace",
            "regarding.name",
            "regarding.uid",
            "regarding.apiVersion",
            "regarding.resourceVersion",
            "regarding.fieldPath",
            "reason",
            "reportingController",
            "type",
        ],
        _ => &[],
    }
}

/// Parse a field selector for `r`; an unsupported field is the API's error.
pub fn parse(r: &ResourceInfo, text: &str) -> Result<Vec<FieldReq>, String> {
    let mut out = Vec::new();
    for part in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let (path, equal, value) = if let Some((k, v)) = part.split_once("!=") {
            (k, false, v)
        } else if let Some((k, v)) = part.split_once("==") {
            (k, true, v)
        } else if let Some((k, v)) = part.split_once('=') {
            (k, true, v)
        } else {
            return Err(format!(
                "invalid selector: '{text}'; can't understand '{part}'"
            ));
        };
        let path = path.trim();
        if path != "metadata.name" && path != "metadata.namespace" && !supported(r).contains(&path)
        {
            return Err(format!("field label not supported: {path}"));
        }
        out.push(FieldReq {
            path: path.to_string(),
            equal,
            value: value.trim().to_string(),
        });
    }
    Ok(out)
}

/// The value of a dotted path as the selector compares it (absent: empty).
fn lookup(v: &Value, path: &str) -> String {
    let mut cur = v;
    for key in path.split('.') {
        match cur.get(key) {
            Some(next) => cur = next,
            None => return String::new(),
        }
    }
    match cur {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// Whether the object matches every requirement.
pub fn matches(reqs: &[FieldReq], obj: &Value) -> bool {
    reqs.iter().all(|r| {
        let got = lookup(obj, &r.path);
        // `spec.unschedulable=false` also matches nodes that leave it out.
        let got = if got.is_empty() && r.path == "spec.unschedulable" {
            "false".to_string()
        } else {
            got
        };
        (got == r.value) == r.equal
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::kinds::find;
    use serde_json::json;

    #[test]
    fn describe_finds_its_events_by_the_involved_object() {
        let events = find("", "v1", "events").expect("events");
        let reqs = parse(
            events,
            "involvedObject.name=web,involvedObject.namespace=default,involvedObject.kind=Pod,involvedObject.uid=u1",
        )
        .expect("valid");
        let ev = json!({"involvedObject": {"name": "web", "namespace": "default", "kind": "Pod", "uid": "u1"}});
        assert!(matches(&reqs, &ev));
        let other = json!({"involvedObject": {"name": "web", "namespace": "default", "kind": "Pod", "uid": "u2"}});
        assert!(!matches(&reqs, &other));
    }

    #[test]
    fn unsupported_fields_are_refused_as_the_api_server_does() {
        let pods = find("", "v1", "pods").expect("pods");
        assert_eq!(
            parse(pods, "spec.image=nginx"),
            Err("field label not supported: spec.image".to_string())
        );
        let r = parse(pods, "spec.nodeName=node-1,status.phase!=Failed").expect("valid");
        assert!(matches(
            &r,
            &json!({"spec": {"nodeName": "node-1"}, "status": {"phase": "Running"}})
        ));
    }
}
