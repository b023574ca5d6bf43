//! `metav1.Status`: how the API server says no (and, for some deletes, yes),
//! with the reason, code and causes kubectl turns into its error lines.
//! <https://kubernetes.io/docs/reference/using-api/api-concepts/#status-codes>

use crate::sim::apiserver::ApiError;
use serde_json::{Value, json};

/// A refused request: HTTP code, reason, message and details.
#[derive(Debug, Clone, PartialEq)]
pub struct Status {
    pub code: u16,
    pub reason: &'static str,
    pub message: String,
    pub details: Option<Value>,
}

impl Status {
    fn new(code: u16, reason: &'static str, message: impl Into<String>) -> Self {
        Status {
            code,
            reason,
            message: message.into(),
            details: None,
        }
    }

    fn with_details(mut self, d: Value) -> Self {
        self.details = Some(d);
        self
    }

    /// `pods "x" not found`.
    pub fn not_found(resource: &str, name: &str) -> Self {
        let (kind, group) = split_resource(resource);
        Status::new(404, "NotFound", format!("{resource} \"{name}\" not found"))
            .with_details(details(name, group, kind))
    }

    /// A path the server does not serve at all.
    pub fn no_route() -> Self {
        Status::new(
            404,
            "NotFound",
            "the server could not find the requested resource",
        )
        .with_details(json!({}))
    }

    pub fn already_exists(resource: &str, name: &str) -> Self {
        let (kind, group) = split_resource(resource);
        Status::new(
            409,
            "AlreadyExists",
            format!("{resource} \"{name}\" already exists"),
        )
        .with_details(details(name, group, kind))
    }

    /// A write based on an old resourceVersion.
    pub fn conflict(resource: &str, name: &str) -> Self {
        let (kind, group) = split_resource(resource);
        Status::new(
            409,
            "Conflict",
            format!(
                "Operation cannot be fulfilled on {resource} \"{name}\": the object has been modified; please apply your changes to the latest version and try again"
            ),
        )
        .with_details(details(name, group, kind))
    }

    /// An admission plugin's refusal (ResourceQuota, LimitRanger):
    /// `pods "x" is forbidden: exceeded quota: ...`.
    pub fn forbidden(resource: &str, name: &str, message: &str) -> Self {
        let (kind, group) = split_resource(resource);
        Status::new(
            403,
            "Forbidden",
            format!("{resource} \"{name}\" is forbidden: {message}"),
        )
        .with_details(details(name, group, kind))
    }

    pub fn bad_request(message: impl Into<String>) -> Self {
        Status::new(400, "BadRequest", message)
    }

    pub fn method_not_allowed(verb: &str, resource: &str) -> Self {
        Status::new(
            405,
            "MethodNotAllowed",
            format!("the server does not allow this method on the requested resource ({verb} {resource})"),
        )
        .with_details(json!({}))
    }

    pub fn unsupported_media(content_type: &str) -> Self {
        Status::new(
            415,
            "UnsupportedMediaType",
            format!(
                "the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, application/strategic-merge-patch+json (got {content_type})"
            ),
        )
    }

    pub fn unauthorized() -> Self {
        Status::new(401, "Unauthorized", "Unauthorized")
    }

    pub fn too_large() -> Self {
        Status::new(413, "RequestEntityTooLarge", "Request entity too large")
    }

    pub fn gone(message: impl Into<String>) -> Self {
        Status::new(410, "Expired", message)
    }

    /// `The Deployment "web" is invalid: spec.replicas: ...`: one cause per
    /// `field: message` line.
    pub fn invalid(kind: &str, group: &str, name: &str, causes: &[String]) -> Self {
        let qualified = if group.is_empty() {
            kind.to_string()
        } else {
            format!("{kind}.{group}")
        };
        let list: Vec<Value> = causes.iter().map(|c| cause(c)).collect();
        let message = if let [one] = causes {
            format!("{qualified} \"{name}\" is invalid: {one}")
        } else {
            format!("{qualified} \"{name}\" is invalid: [{}]", causes.join(", "))
        };
        Status::new(422, "Invalid", message)
            .with_details(json!({"name": name, "group": group, "kind": kind, "causes": list}))
    }

    /// A connection that needs a process in a container (exec, attach,
    /// port-forward): the simulated containers run none.
    pub fn no_processes(what: &str, pod: &str) -> Self {
        Status::new(
            400,
            "BadRequest",
            format!(
                "{what} is not available: the containers of pod \"{pod}\" are simulated by kubetutor and run no processes; use `kubectl logs {pod}`, `kubectl describe pod {pod}` or `kubectl get pod {pod} -o yaml` to see what they do"
            ),
        )
    }

    /// The Status object as JSON.
    pub fn to_value(&self) -> Value {
        let mut v = json!({
            "kind": "Status", "apiVersion": "v1", "metadata": {}, "status": "Failure",
            "message": self.message, "reason": self.reason, "code": self.code,
        });
        if let Some(d) = &self.details {
            v["details"] = d.clone();
        }
        v
    }
}

/// `deployments.apps` → (`deployments`, `apps`).
fn split_resource(resource: &str) -> (&str, &str) {
    resource.split_once('.').unwrap_or((resource, ""))
}

fn details(name: &str, group: &str, kind: &str) -> Value {
    let mut d = json!({"name": name, "kind": kind});
    if !group.is_empty() {
        d["group"] = group.into();
    }
    d
}

/// One `field: message` line as a `StatusCause`.
fn cause(line: &str) -> Value {
    let (field, message) = line.split_once(": ").unwrap_or(("", line));
    let reason = if message.starts_with("Required value") {
        "FieldValueRequired"
    } else if message.starts_with("Unsupported value") {
        "FieldValueNotSupported"
    } else if message.starts_with("Forbidden") {
        "FieldValueForbidden"
    } else if message.starts_with("Duplicate value") {
        "FieldValueDuplicate"
    } else {
        "FieldValueInvalid"
    };
    json!({"reason": reason, "message": message, "field": field})
}

impl From<ApiError> for Status {
    fn from(e: ApiError) -> Self {
        match e {
            ApiError::NotFound { resource, name } => Status::not_found(&resource, &name),
            ApiError::AlreadyExists { resource, name } => Status::already_exists(&resource, &name),
            ApiError::Invalid { kind, name, causes } => {
                let group = kind.api_version().split_once('/').map_or("", |(g, _)| g);
                Status::invalid(kind.name(), group, &name, &causes)
            }
            ApiError::BadRequest(m) => Status::bad_request(m),
            ApiError::Forbidden {
                resource,
                name,
                message,
            } => Status::forbidden(&resource, &name, &message),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn not_found_reads_as_kubectl_prints_it() {
        let s = Status::not_found("pods", "x").to_value();
        assert_eq!(s["message"], "pods \"x\" not found");
        assert_eq!(s["reason"], "NotFound");
        assert_eq!(s["code"], 404);
        assert_eq!(s["details"], json!({"name": "x", "kind": "pods"}));
    }

    #[test]
    fn invalid_carries_one_cause_per_field() {
        let s = Status::invalid(
            "Deployment",
            "apps",
            "web",
            &["spec.replicas: Invalid value: -1: must be greater than or equal to 0".into()],
        )
        .to_value();
        assert_eq!(s["code"], 422);
        assert_eq!(
            s["message"],
            "Deployment.apps \"web\" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0"
        );
        assert_eq!(
            s["details"]["causes"][0],
            json!({"reason": "FieldValueInvalid", "field": "spec.replicas",
                   "message": "Invalid value: -1: must be greater than or equal to 0"})
        );
    }
}
