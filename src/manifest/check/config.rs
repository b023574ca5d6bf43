//! The API server's rules for Namespace, ConfigMap, Secret, ResourceQuota,
//! LimitRange (`pkg/apis/core/validation/validation.go`) and EndpointSlice
//! (`pkg/apis/discovery/validation/validation.go`) of kubernetes/kubernetes.
//! <https://kubernetes.io/docs/concepts/configuration/configmap/>
//! <https://kubernetes.io/docs/concepts/configuration/secret/>
//! <https://kubernetes.io/docs/concepts/policy/resource-quotas/>
//! <https://kubernetes.io/docs/concepts/policy/limit-range/>

use super::super::path::Path;
use super::super::schema::QUOTA_SCOPES;
use super::rules::{get, items, str_of};
use super::{Sink, names, untag};
use crate::quantity;
use serde_yaml::Value;
use std::collections::HashSet;

/// `corev1.MaxSecretSize`: a ConfigMap's or a Secret's data, in bytes.
const MAX_DATA_SIZE: usize = 1024 * 1024;

fn too_long(s: &mut Sink, size: usize) {
    if size > MAX_DATA_SIZE {
        let at = s.start();
        s.at(
            at,
            &Path::root(),
            format!("Too long: may not be more than {MAX_DATA_SIZE} bytes"),
            format!("데이터가 너무 큽니다: {MAX_DATA_SIZE}바이트(1MiB)를 넘을 수 없습니다"),
        );
    }
}

fn keys(v: Option<&Value>) -> Vec<String> {
    v.and_then(Value::as_mapping)
        .map(|m| {
            m.keys()
                .filter_map(|k| k.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

fn text_size(v: Option<&Value>) -> usize {
    v.and_then(Value::as_mapping).map_or(0, |m| {
        m.iter()
            .map(|(k, v)| k.as_str().map_or(0, str::len) + untag(v).as_str().map_or(0, str::len))
            .sum()
    })
}

/// `ValidateConfigMap`: keys (checked by the field table), no key in both
/// data and binaryData, at most 1 MiB.
pub fn config_map(s: &mut Sink, doc: &Value) {
    let data: HashSet<String> = keys(get(doc, "data")).into_iter().collect();
    for key in keys(get(doc, "binaryData")) {
        if data.contains(&key) {
            s.invalid(
                &Path::root().field("binaryData").key(&key),
                &format!("{key:?}"),
                vec![(
                    "duplicate of key present in data".into(),
                    "data에 같은 키가 있습니다".into(),
                )],
            );
        }
    }
    // binaryData holds base64: 3 bytes for every 4 characters.
    let binary = text_size(get(doc, "binaryData")) * 3 / 4;
    too_long(s, text_size(get(doc, "data")) + binary);
}

/// `ValidateSecret`: the keys each type requires, at most 1 MiB.
pub fn secret(s: &mut Sink, doc: &Value) {
    let data = Path::root().field("data");
    let present: HashSet<String> = keys(get(doc, "data"))
        .into_iter()
        .chain(keys(get(doc, "stringData")))
        .collect();
    let ty = str_of(doc, "type").unwrap_or("Opaque");
    let need = |s: &mut Sink, key: &str| {
        if !present.contains(key) {
            let at = match get(doc, "data").or(get(doc, "stringData")) {
                Some(_) if get(doc, "data").is_some() => s.key_pos(&data),
                Some(_) => s.key_pos(&Path::root().field("stringData")),
                None => s.start(),
            };
            s.at(
                at,
                &data.key(key),
                "Required value",
                format!("필수 값이 없습니다: type {ty}의 Secret에는 {key} 키가 있어야 합니다"),
            );
        }
    };
    match ty {
        "kubernetes.io/tls" => {
            need(s, "tls.crt");
            need(s, "tls.key");
        }
        "kubernetes.io/ssh-auth" => need(s, "ssh-privatekey"),
        "kubernetes.io/dockerconfigjson" => need(s, ".dockerconfigjson"),
        "kubernetes.io/dockercfg" => need(s, ".dockercfg"),
        "kubernetes.io/basic-auth"
            if !present.contains("username") && !present.contains("password") =>
        {
            need(s, "username");
            need(s, "password");
        }
        "kubernetes.io/service-account-token" => {
            let ann = get(doc, "metadata").and_then(|m| get(m, "annotations"));
            let key = "kubernetes.io/service-account.name";
            if ann.and_then(|a| get(a, key)).is_none() {
                s.required(
                    &Path::root().field("metadata").field("annotations").key(key),
                    None,
                );
            }
        }
        _ => {}
    }
    let binary = text_size(get(doc, "data")) * 3 / 4;
    too_long(s, binary + text_size(get(doc, "stringData")));
}

/// `ValidateNamespace`: finalizers are qualified names, a bare one must be
/// a standard finalizer.
pub fn namespace(s: &mut Sink, doc: &Value) {
    let path = Path::root().field("spec").field("finalizers");
    let Some(spec) = get(doc, "spec") else { return };
    for (i, f) in items(spec, "finalizers").iter().enumerate() {
        let Some(name) = untag(f).as_str() else {
            continue;
        };
        let mut problems = names::qualified_name(name);
        if problems.is_empty()
            && !name.contains('/')
            && !["kubernetes", "orphan", "foregroundDeletion"].contains(&name)
        {
            problems.push((
                "name is neither a standard finalizer name nor is it fully qualified".into(),
                "표준 파이널라이저 이름(kubernetes)도, 접두어가 붙은 이름(example.com/x)도 아닙니다".into(),
            ));
        }
        s.invalid(&path.index(i), &format!("{name:?}"), problems);
    }
}

/// Quota resources that are counted, so must be whole numbers.
const INTEGER_QUOTA: &[&str] = &[
    "pods",
    "services",
    "replicationcontrollers",
    "resourcequotas",
    "secrets",
    "configmaps",
    "persistentvolumeclaims",
    "services.nodeports",
    "services.loadbalancers",
];

const STANDARD_QUOTA: &[&str] = &[
    "cpu",
    "memory",
    "ephemeral-storage",
    "requests.cpu",
    "requests.memory",
    "requests.storage",
    "requests.ephemeral-storage",
    "limits.cpu",
    "limits.memory",
    "limits.ephemeral-storage",
];

/// `ValidateResourceQuota`: resource names a quota can limit, whole
/// numbers for counts, standard scopes.
pub fn resource_quota(s: &mut Sink, doc: &Value) {
    let Some(spec) = get(doc, "spec") else { return };
    let path = Path::root().field("spec");
    if let Some(hard) = get(spec, "hard").and_then(Value::as_mapping) {
        for (k, v) in hard {
            let Some(name) = k.as_str() else { continue };
            let hpath = path.field("hard").key(name);
            let standard = STANDARD_QUOTA.contains(&name)
                || INTEGER_QUOTA.contains(&name)
                || name.starts_with("requests.hugepages-")
                || name.starts_with("hugepages-");
            if !name.contains('/') && !standard {
                let at = s.key_pos(&hpath);
                s.at(
                    at,
                    &hpath,
                    format!("Invalid value: {name:?}: must be a standard resource for quota"),
                    format!("잘못된 값 {name:?}: 쿼터가 제한할 수 있는 리소스가 아닙니다 (예: pods, requests.cpu, limits.memory, count/deployments.apps)"),
                );
                continue;
            }
            let integer = INTEGER_QUOTA.contains(&name) || name.starts_with("count/");
            if integer
                && let Some(text) = qty_text(v)
                && quantity::parse_milli(&text).is_ok_and(|m| m % 1000 != 0)
            {
                s.invalid(
                    &hpath,
                    &format!("{text:?}"),
                    vec![("must be an integer".into(), "정수여야 합니다".into())],
                );
            }
        }
    }
    let scopes: Vec<&str> = items(spec, "scopes")
        .iter()
        .filter_map(|v| untag(v).as_str())
        .collect();
    let shown = format!(
        "[]core.ResourceQuotaScope{{{}}}",
        scopes
            .iter()
            .map(|s| format!("{s:?}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    for (i, scope) in scopes.iter().enumerate() {
        if !QUOTA_SCOPES.contains(scope) {
            let at = s.value_pos(&path.field("scopes").index(i));
            s.at(
                at,
                &path.field("scopes"),
                format!("Invalid value: {shown}: unsupported scope"),
                format!(
                    "잘못된 값 {shown}: 지원하지 않는 범위 {scope:?}입니다 (쓸 수 있는 값: {})",
                    QUOTA_SCOPES.join(", ")
                ),
            );
        }
    }
    for pair in [
        ["BestEffort", "NotBestEffort"],
        ["Terminating", "NotTerminating"],
    ] {
        if pair.iter().all(|p| scopes.contains(p)) {
            s.invalid(
                &path.field("scopes"),
                &shown,
                vec![(
                    "conflicting scopes".into(),
                    format!("{}와 {}는 함께 쓸 수 없습니다", pair[0], pair[1]),
                )],
            );
        }
    }
}

fn qty_text(v: &Value) -> Option<String> {
    match untag(v) {
        Value::String(t) => Some(t.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn qty(m: &Value, key: &str, res: &str) -> Option<(String, u128)> {
    let t = qty_text(get(m, key)?.get(res)?)?;
    let v = quantity::parse_milli(&t).ok()?;
    Some((t, v))
}

/// `ValidateLimitRange`: no defaults for `type: Pod`, storage bounds for
/// PersistentVolumeClaim, min <= defaultRequest <= default <= max, ratios
/// of at least 1.
pub fn limit_range(s: &mut Sink, doc: &Value) {
    let Some(spec) = get(doc, "spec") else { return };
    let path = Path::root().field("spec").field("limits");
    let mut seen = HashSet::new();
    for (i, item) in items(spec, "limits").iter().enumerate() {
        let ipath = path.index(i);
        let ty = str_of(item, "type").unwrap_or("");
        if !ty.is_empty() && !seen.insert(ty.to_string()) {
            s.duplicate(&ipath.field("type"), &format!("{ty:?}"));
        }
        if ty == "Pod" {
            for key in ["default", "defaultRequest"] {
                if get(item, key).is_some() {
                    s.forbidden(
                        &ipath.field(key),
                        "may not be specified when `type` is 'Pod'",
                        "type이 'Pod'일 때는 default와 defaultRequest를 쓸 수 없습니다",
                    );
                }
            }
        }
        if ty == "PersistentVolumeClaim"
            && qty(item, "min", "storage").is_none()
            && qty(item, "max", "storage").is_none()
        {
            s.required(
                &ipath.field("limits"),
                Some((
                    "either minimum or maximum storage value is required, but neither was provided"
                        .into(),
                    "PersistentVolumeClaim 항목에는 storage의 min이나 max가 있어야 합니다".into(),
                )),
            );
        }
        bounds(s, item, &ipath);
    }
}

fn bounds(s: &mut Sink, item: &Value, ipath: &Path) {
    let mut resources: Vec<String> = Vec::new();
    for key in [
        "min",
        "max",
        "default",
        "defaultRequest",
        "maxLimitRequestRatio",
    ] {
        for k in keys(get(item, key)) {
            if !resources.contains(&k) {
                resources.push(k);
            }
        }
    }
    for res in &resources {
        let min = qty(item, "min", res);
        let max = qty(item, "max", res);
        let def = qty(item, "default", res);
        let req = qty(item, "defaultRequest", res);
        // (field reported, its value, lower bound, upper bound, names), as
        // `ValidateLimitRange` orders and words them.
        let pairs = [
            ("min", &min, &min, &max, "min", "max"),
            ("defaultRequest", &req, &min, &req, "min", "default request"),
            ("defaultRequest", &req, &req, &max, "default request", "max"),
            (
                "defaultRequest",
                &req,
                &req,
                &def,
                "default request",
                "default limit",
            ),
            ("default", &min, &min, &def, "min", "default"),
            ("default", &max, &def, &max, "default", "max"),
        ];
        for (key, shown, low, high, low_name, high_name) in pairs {
            if let (Some((_, lv)), Some((_, hv)), Some((lt, _)), Some((ht, _)), Some((st, _))) =
                (low, high, low, high, shown)
                && lv > hv
            {
                s.invalid(
                    &ipath.field(key).key(res),
                    &format!("{st:?}"),
                    vec![(
                        format!("{low_name} value {lt} is greater than {high_name} value {ht}"),
                        format!("{low_name} 값 {lt}이(가) {high_name} 값 {ht}보다 큽니다"),
                    )],
                );
            }
        }
        if let Some((t, v)) = qty(item, "maxLimitRequestRatio", res)
            && v < 1000
        {
            s.invalid(
                &ipath.field("maxLimitRequestRatio").key(res),
                &format!("{t:?}"),
                vec![(
                    format!("ratio {t} is less than 1"),
                    format!("비율 {t}는 1보다 작을 수 없습니다"),
                )],
            );
        }
    }
}

/// `ValidateEndpointSlice`: addresses of the slice's type, 1 to 100 per
/// endpoint, DNS-1123 hostnames, unique port names.
pub fn endpoint_slice(s: &mut Sink, doc: &Value) {
    let ty = str_of(doc, "addressType").unwrap_or("");
    let path = Path::root().field("endpoints");
    for (i, ep) in items(doc, "endpoints").iter().enumerate() {
        let epath = path.index(i);
        let addrs = items(ep, "addresses");
        if addrs.is_empty() && get(ep, "addresses").is_none_or(Value::is_sequence) {
            s.required(
                &epath.field("addresses"),
                Some((
                    "must contain at least 1 address".into(),
                    "주소가 하나 이상 있어야 합니다".into(),
                )),
            );
        } else if addrs.len() > 100 {
            s.value(
                &epath.field("addresses"),
                format!("Too many: {}: must have at most 100 items", addrs.len()),
                format!("주소가 너무 많습니다: {}개 (최대 100개)", addrs.len()),
            );
        }
        for (j, a) in addrs.iter().enumerate() {
            let Some(addr) = untag(a).as_str() else {
                continue;
            };
            let problem = match ty {
                "IPv4" if addr.parse::<std::net::Ipv4Addr>().is_err() => Some((
                    "must be a valid IPv4 address".to_string(),
                    "올바른 IPv4 주소가 아닙니다 (예: 10.1.2.3)".to_string(),
                )),
                "IPv6" if addr.parse::<std::net::Ipv6Addr>().is_err() => Some((
                    "must be a valid IPv6 address".to_string(),
                    "올바른 IPv6 주소가 아닙니다 (예: 2001:db8::1)".to_string(),
                )),
                "FQDN" => names::dns1123_subdomain(addr).into_iter().next(),
                _ => None,
            };
            if let Some(p) = problem {
                s.invalid(
                    &epath.field("addresses").index(j),
                    &format!("{addr:?}"),
                    vec![p],
                );
            }
        }
        if let Some(h) = str_of(ep, "hostname") {
            let problems = names::dns1123_label(h);
            s.invalid(&epath.field("hostname"), &format!("{h:?}"), problems);
        }
    }
    let mut port_names = HashSet::new();
    for (i, p) in items(doc, "ports").iter().enumerate() {
        let ppath = Path::root().field("ports").index(i);
        let name = str_of(p, "name").unwrap_or("");
        if !name.is_empty() {
            let problems = names::dns1123_label(name);
            s.invalid(&ppath.field("name"), &format!("{name:?}"), problems);
        }
        if !port_names.insert(name.to_string()) {
            s.duplicate(&ppath.field("name"), &format!("{name:?}"));
        }
        if let Some(port) = get(p, "port").and_then(Value::as_i64)
            && !(1..=65535).contains(&port)
        {
            s.invalid(
                &ppath.field("port"),
                &port.to_string(),
                vec![(
                    "must be between 1 and 65535, inclusive".into(),
                    "1에서 65535 사이여야 합니다".into(),
                )],
            );
        }
    }
}
