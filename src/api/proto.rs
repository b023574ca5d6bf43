//! Reading the Kubernetes protobuf encoding (`application/vnd.kubernetes.protobuf`):
//! kubectl's typed clients (`create deployment`, `create namespace`, `drain`'s
//! evictions, `create job|service|configmap|secret`) send bodies in it, and
//! client-go has no fallback to JSON for them. The envelope is `k8s\0` and a
//! `runtime.Unknown`; the object inside is decoded by the field numbers of
//! k8s.io/api's generated.proto, for the messages those commands send, into
//! the JSON the rest of the API reads. Fields outside these tables are
//! skipped. <https://kubernetes.io/docs/reference/using-api/api-concepts/#protobuf-encoding>

use serde_json::{Map, Value};

#[derive(Debug, Clone, Copy)]
enum P {
    Str,
    Int,
    Bool,
    #[allow(dead_code)]
    Bytes,
    Msg(&'static [Field]),
    /// `map<string,string>`
    MapStr,
    /// `map<string,Quantity>`
    MapQty,
    /// `map<string,bytes>` (Secret data)
    MapBytes,
    IntOrStr,
}

#[derive(Debug, Clone, Copy)]
struct Field(u32, &'static str, P, bool);

const fn f(n: u32, name: &'static str, p: P) -> Field {
    Field(n, name, p, false)
}

/// A repeated field.
const fn r(n: u32, name: &'static str, p: P) -> Field {
    Field(n, name, p, true)
}

static OBJECT_META: &[Field] = &[
    f(1, "name", P::Str),
    f(2, "generateName", P::Str),
    f(3, "namespace", P::Str),
    f(5, "uid", P::Str),
    f(6, "resourceVersion", P::Str),
    f(11, "labels", P::MapStr),
    f(12, "annotations", P::MapStr),
    r(14, "finalizers", P::Str),
];
static SELECTOR_REQ: &[Field] = &[
    f(1, "key", P::Str),
    f(2, "operator", P::Str),
    r(3, "values", P::Str),
];
static LABEL_SELECTOR: &[Field] = &[
    f(1, "matchLabels", P::MapStr),
    r(2, "matchExpressions", P::Msg(SELECTOR_REQ)),
];
static CONTAINER_PORT: &[Field] = &[
    f(1, "name", P::Str),
    f(2, "hostPort", P::Int),
    f(3, "containerPort", P::Int),
    f(4, "protocol", P::Str),
    f(5, "hostIP", P::Str),
];
static ENV_VAR: &[Field] = &[f(1, "name", P::Str), f(2, "value", P::Str)];
static RESOURCES: &[Field] = &[f(1, "limits", P::MapQty), f(2, "requests", P::MapQty)];
static CONTAINER: &[Field] = &[
    f(1, "name", P::Str),
    f(2, "image", P::Str),
    r(3, "command", P::Str),
    r(4, "args", P::Str),
    f(5, "workingDir", P::Str),
    r(6, "ports", P::Msg(CONTAINER_PORT)),
    r(7, "env", P::Msg(ENV_VAR)),
    f(8, "resources", P::Msg(RESOURCES)),
    f(13, "terminationMessagePath", P::Str),
    f(14, "imagePullPolicy", P::Str),
    f(20, "terminationMessagePolicy", P::Str),
];
static TOLERATION: &[Field] = &[
    f(1, "key", P::Str),
    f(2, "operator", P::Str),
    f(3, "value", P::Str),
    f(4, "effect", P::Str),
    f(5, "tolerationSeconds", P::Int),
];
static POD_SPEC: &[Field] = &[
    r(2, "containers", P::Msg(CONTAINER)),
    f(3, "restartPolicy", P::Str),
    f(4, "terminationGracePeriodSeconds", P::Int),
    f(5, "activeDeadlineSeconds", P::Int),
    f(6, "dnsPolicy", P::Str),
    f(7, "nodeSelector", P::MapStr),
    f(8, "serviceAccountName", P::Str),
    f(10, "nodeName", P::Str),
    f(19, "schedulerName", P::Str),
    r(20, "initContainers", P::Msg(CONTAINER)),
    r(22, "tolerations", P::Msg(TOLERATION)),
];
static TEMPLATE: &[Field] = &[
    f(1, "metadata", P::Msg(OBJECT_META)),
    f(2, "spec", P::Msg(POD_SPEC)),
];
static ROLLING_UPDATE: &[Field] = &[
    f(1, "maxUnavailable", P::IntOrStr),
    f(2, "maxSurge", P::IntOrStr),
];
static STRATEGY: &[Field] = &[
    f(1, "type", P::Str),
    f(2, "rollingUpdate", P::Msg(ROLLING_UPDATE)),
];
static DEPLOYMENT_SPEC: &[Field] = &[
    f(1, "replicas", P::Int),
    f(2, "selector", P::Msg(LABEL_SELECTOR)),
    f(3, "template", P::Msg(TEMPLATE)),
    f(4, "strategy", P::Msg(STRATEGY)),
    f(5, "minReadySeconds", P::Int),
    f(6, "revisionHistoryLimit", P::Int),
    f(9, "progressDeadlineSeconds", P::Int),
];
static JOB_SPEC: &[Field] = &[
    f(1, "parallelism", P::Int),
    f(2, "completions", P::Int),
    f(3, "activeDeadlineSeconds", P::Int),
    f(6, "template", P::Msg(TEMPLATE)),
    f(7, "backoffLimit", P::Int),
];
static SERVICE_PORT: &[Field] = &[
    f(1, "name", P::Str),
    f(2, "protocol", P::Str),
    f(3, "port", P::Int),
    f(4, "targetPort", P::IntOrStr),
    f(5, "nodePort", P::Int),
];
static SERVICE_SPEC: &[Field] = &[
    r(1, "ports", P::Msg(SERVICE_PORT)),
    f(2, "selector", P::MapStr),
    f(3, "clusterIP", P::Str),
    f(4, "type", P::Str),
];
static DELETE_OPTIONS: &[Field] = &[
    f(1, "gracePeriodSeconds", P::Int),
    f(4, "propagationPolicy", P::Str),
];
static EVICTION: &[Field] = &[
    f(1, "metadata", P::Msg(OBJECT_META)),
    f(2, "deleteOptions", P::Msg(DELETE_OPTIONS)),
];
static DEPLOYMENT: &[Field] = &[
    f(1, "metadata", P::Msg(OBJECT_META)),
    f(2, "spec", P::Msg(DEPLOYMENT_SPEC)),
];
static JOB: &[Field] = &[
    f(1, "metadata", P::Msg(OBJECT_META)),
    f(2, "spec", P::Msg(JOB_SPEC)),
];
static SERVICE: &[Field] = &[
    f(1, "metadata", P::Msg(OBJECT_META)),
    f(2, "spec", P::Msg(SERVICE_SPEC)),
];
static POD: &[Field] = &[
    f(1, "metadata", P::Msg(OBJECT_META)),
    f(2, "spec", P::Msg(POD_SPEC)),
];
static NAMESPACE: &[Field] = &[f(1, "metadata", P::Msg(OBJECT_META))];
static CONFIG_MAP: &[Field] = &[
    f(1, "metadata", P::Msg(OBJECT_META)),
    f(2, "data", P::MapStr),
    f(3, "binaryData", P::MapBytes),
    f(4, "immutable", P::Bool),
];
static SECRET: &[Field] = &[
    f(1, "metadata", P::Msg(OBJECT_META)),
    f(2, "data", P::MapBytes),
    f(3, "type", P::Str),
    f(4, "stringData", P::MapStr),
    f(5, "immutable", P::Bool),
];
static QUANTITY: &[Field] = &[f(1, "string", P::Str)];
static INT_OR_STRING: &[Field] = &[
    f(1, "type", P::Int),
    f(2, "intVal", P::Int),
    f(3, "strVal", P::Str),
];

fn message_of(kind: &str) -> Option<&'static [Field]> {
    Some(match kind {
        "Deployment" => DEPLOYMENT,
        "Job" => JOB,
        "Service" => SERVICE,
        "Pod" => POD,
        "Namespace" => NAMESPACE,
        "Eviction" => EVICTION,
        "ConfigMap" => CONFIG_MAP,
        "Secret" => SECRET,
        _ => return None,
    })
}

struct Reader<'a> {
    b: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn varint(&mut self) -> Result<u64, String> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = *self.b.get(self.at).ok_or("truncated varint")?;
            self.at += 1;
            v |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err("varint too long".into())
    }

    fn bytes(&mut self) -> Result<&'a [u8], String> {
        let n = usize::try_from(self.varint()?).map_err(|_| "length too large")?;
        let end = self
            .at
            .checked_add(n)
            .filter(|e| *e <= self.b.len())
            .ok_or("truncated field")?;
        let s = &self.b[self.at..end];
        self.at = end;
        Ok(s)
    }

    /// Next field: (number, wire type, varint value or bytes).
    fn next(&mut self) -> Result<Option<(u32, Wire<'a>)>, String> {
        if self.at >= self.b.len() {
            return Ok(None);
        }
        let key = self.varint()?;
        let (num, wire) = ((key >> 3) as u32, key & 7);
        let w = match wire {
            0 => Wire::Varint(self.varint()?),
            1 => {
                self.at += 8;
                Wire::Skip
            }
            2 => Wire::Bytes(self.bytes()?),
            5 => {
                self.at += 4;
                Wire::Skip
            }
            other => return Err(format!("unsupported wire type {other}")),
        };
        if self.at > self.b.len() {
            return Err("truncated field".into());
        }
        Ok(Some((num, w)))
    }
}

enum Wire<'a> {
    Varint(u64),
    Bytes(&'a [u8]),
    Skip,
}

fn text(b: &[u8]) -> Result<String, String> {
    String::from_utf8(b.to_vec()).map_err(|_| "a string field is not UTF-8".to_string())
}

fn map_entry(b: &[u8], value: P) -> Result<(String, Value), String> {
    let mut r = Reader { b, at: 0 };
    let (mut k, mut v) = (String::new(), Value::String(String::new()));
    while let Some((n, w)) = r.next()? {
        match (n, w) {
            (1, Wire::Bytes(b)) => k = text(b)?,
            (2, Wire::Bytes(b)) => v = scalar(b, value)?,
            _ => {}
        }
    }
    Ok((k, v))
}

fn scalar(b: &[u8], p: P) -> Result<Value, String> {
    Ok(match p {
        P::Str | P::MapStr => Value::String(text(b)?),
        P::Bytes | P::MapBytes => Value::String(super::tls::base64(b)),
        P::MapQty => message(b, QUANTITY)?["string"].clone(),
        P::Msg(fields) => Value::Object(message(b, fields)?),
        P::IntOrStr => {
            let m = message(b, INT_OR_STRING)?;
            if m.get("type").and_then(Value::as_i64) == Some(1) {
                m.get("strVal")
                    .cloned()
                    .unwrap_or(Value::String(String::new()))
            } else {
                m.get("intVal").cloned().unwrap_or(Value::from(0))
            }
        }
        P::Int | P::Bool => return Err("a number came as bytes".into()),
    })
}

fn message(b: &[u8], fields: &[Field]) -> Result<Map<String, Value>, String> {
    let mut r = Reader { b, at: 0 };
    let mut out = Map::new();
    while let Some((n, w)) = r.next()? {
        let Some(&Field(_, name, p, repeated)) = fields.iter().find(|f| f.0 == n) else {
            continue;
        };
        let v = match (p, w) {
            (P::Int, Wire::Varint(v)) => Value::from(v as i64),
            (P::Bool, Wire::Varint(v)) => Value::Bool(v != 0),
            (P::MapStr | P::MapQty | P::MapBytes, Wire::Bytes(b)) => {
                let (k, v) = map_entry(b, p)?;
                let slot = out.entry(name).or_insert_with(|| Value::Object(Map::new()));
                if let Some(m) = slot.as_object_mut() {
                    m.insert(k, v);
                }
                continue;
            }
            (_, Wire::Bytes(b)) => scalar(b, p)?,
            _ => continue,
        };
        if repeated {
            let slot = out.entry(name).or_insert_with(|| Value::Array(Vec::new()));
            if let Some(a) = slot.as_array_mut() {
                a.push(v);
            }
        } else {
            out.insert(name.to_string(), v);
        }
    }
    Ok(prune(out))
}

/// Drop what protobuf always writes and JSON leaves out: empty strings,
/// empty objects and lists.
fn prune(m: Map<String, Value>) -> Map<String, Value> {
    m.into_iter()
        .filter(|(_, v)| match v {
            Value::String(s) => !s.is_empty(),
            Value::Object(o) => !o.is_empty(),
            Value::Array(a) => !a.is_empty(),
            _ => true,
        })
        .collect()
}

/// Whether a body is in the protobuf envelope.
pub fn is_protobuf(body: &[u8]) -> bool {
    body.starts_with(b"k8s\0")
}

/// Decode a protobuf body into the object's JSON (apiVersion, kind and the
/// fields of the tables above).
pub fn decode(body: &[u8]) -> Result<Value, String> {
    let inner = body
        .strip_prefix(b"k8s\0")
        .ok_or("not a Kubernetes protobuf body")?;
    let mut r = Reader { b: inner, at: 0 };
    let (mut api_version, mut kind, mut raw) = (String::new(), String::new(), &[][..]);
    while let Some((n, w)) = r.next()? {
        match (n, w) {
            (1, Wire::Bytes(tm)) => {
                let mut t = Reader { b: tm, at: 0 };
                while let Some((n, w)) = t.next()? {
                    match (n, w) {
                        (1, Wire::Bytes(b)) => api_version = text(b)?,
                        (2, Wire::Bytes(b)) => kind = text(b)?,
                        _ => {}
                    }
                }
            }
            (2, Wire::Bytes(b)) => raw = b,
            _ => {}
        }
    }
    let fields = message_of(&kind).ok_or_else(|| {
        format!("{kind} in the protobuf encoding is not read by this server; send JSON")
    })?;
    let mut obj = message(raw, fields)?;
    obj.insert("apiVersion".into(), api_version.into());
    obj.insert("kind".into(), kind.into());
    Ok(Value::Object(obj))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn key(n: u32, wire: u8) -> u8 {
        ((n << 3) as u8) | wire
    }

    fn bytes_field(n: u32, b: &[u8]) -> Vec<u8> {
        let mut v = vec![key(n, 2), b.len() as u8];
        v.extend_from_slice(b);
        v
    }

    #[test]
    fn a_namespace_in_the_envelope_decodes() {
        let meta = bytes_field(1, b"dev");
        let ns = bytes_field(1, &meta);
        let mut tm = bytes_field(1, b"v1");
        tm.extend(bytes_field(2, b"Namespace"));
        let mut unknown = bytes_field(1, &tm);
        unknown.extend(bytes_field(2, &ns));
        let mut body = b"k8s\0".to_vec();
        body.extend(unknown);
        assert!(is_protobuf(&body));
        assert_eq!(
            decode(&body).expect("decodes"),
            json!({"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "dev"}})
        );
        assert!(decode(b"k8s\0\x0a").is_err());
    }
}
