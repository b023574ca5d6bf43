//! `/openapi/v2`, as kubectl before 1.28 reads it: in protobuf (gnostic's
//! `openapi.v2.Document`), only to learn that the server validates fields
//! itself (the `fieldValidation` parameter of each kind's PATCH), after
//! which it sends `fieldValidation=Strict` and validates nothing on its own.
//! Newer kubectl reads OpenAPI v3 ([`super::openapi`]) instead. The field
//! numbers are those of gnostic's OpenAPIv2.proto.

use super::GIT_VERSION;
use super::kinds::RESOURCES;

/// The media type kubectl asks for.
pub const MEDIA_TYPE: &str = "application/com.github.proto-openapi.spec.v2.v1.0+protobuf";

fn varint(mut v: u64, out: &mut Vec<u8>) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// A length-delimited field.
fn field(n: u32, body: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(body.len() + 4);
    varint(u64::from(n) << 3 | 2, &mut out);
    varint(body.len() as u64, &mut out);
    out.extend_from_slice(body);
    out
}

fn query_param(name: &str) -> Vec<u8> {
    // QueryParameterSubSchema { in = 2, name = 4, type = 6 }
    let mut q = field(2, b"query");
    q.extend(field(4, name.as_bytes()));
    q.extend(field(6, b"string"));
    // NonBodyParameter.query_parameter_sub_schema = 3; Parameter.non_body_parameter = 2;
    // ParametersItem.parameter = 1
    field(1, &field(2, &field(3, &q)))
}

fn operation(id: &str, group: &str, version: &str, kind: &str) -> Vec<u8> {
    let mut op = field(5, id.as_bytes());
    for p in ["dryRun", "fieldManager", "fieldValidation", "force"] {
        op.extend(field(8, &query_param(p)));
    }
    let yaml = format!("group: \"{group}\"\nkind: {kind}\nversion: {version}\n");
    // NamedAny { name = 1, value = 2: Any { yaml = 2 } }
    let mut ext = field(1, b"x-kubernetes-group-version-kind");
    ext.extend(field(2, &field(2, yaml.as_bytes())));
    op.extend(field(13, &ext));
    op
}

/// The document: one PATCH operation per served resource that can be patched.
pub fn document() -> Vec<u8> {
    let mut paths = Vec::new();
    for r in RESOURCES.iter().filter(|r| r.verb("patch")) {
        let base = if r.group.is_empty() {
            format!("/api/{}", r.version)
        } else {
            format!("/apis/{}/{}", r.group, r.version)
        };
        let path = if r.namespaced {
            format!("{base}/namespaces/{{namespace}}/{}/{{name}}", r.plural)
        } else {
            format!("{base}/{}/{{name}}", r.plural)
        };
        let op = operation(&format!("patch{}", r.kind), r.group, r.version, r.kind);
        // NamedPathItem { name = 1, value = 2: PathItem { patch = 8 } }
        let mut item = field(1, path.as_bytes());
        item.extend(field(2, &field(8, &op)));
        paths.extend(field(2, &item));
    }
    let mut info = field(1, b"Kubernetes");
    info.extend(field(2, GIT_VERSION.as_bytes()));
    let mut doc = field(1, b"2.0");
    doc.extend(field(2, &info));
    doc.extend(field(8, &paths));
    doc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_document_names_each_kind_and_its_field_validation() {
        let doc = document();
        assert!(doc.starts_with(&[0x0a, 3, b'2', b'.', b'0']));
        let text = String::from_utf8_lossy(&doc);
        assert!(text.contains("kind: Deployment"));
        assert!(text.contains("fieldValidation"));
        assert!(text.contains("/apis/apps/v1/namespaces/{namespace}/deployments/{name}"));
    }
}
