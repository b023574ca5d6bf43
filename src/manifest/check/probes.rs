//! The API server's rules for a container beyond its fields: probes and
//! lifecycle hooks with exactly one handler, thresholds, the image, host
//! ports and resource names (`validateContainers`, `validateProbe`,
//! `validateHandler`, `validateContainerResourceName` in
//! pkg/apis/core/validation/validation.go of kubernetes/kubernetes).
//! <https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/>

use super::super::path::Path;
use super::pod::port_range;
use super::rules::{get, non_negative, str_of};
use super::{Sink, untag};
use serde_yaml::Value;

/// The handlers of a probe or a hook, in the order the API server tries them.
const HANDLERS: &[&str] = &["exec", "httpGet", "tcpSocket", "grpc", "sleep"];

/// Exactly one handler.
fn handler(s: &mut Sink, v: &Value, path: &Path) {
    let set: Vec<&str> = HANDLERS
        .iter()
        .copied()
        .filter(|h| get(v, h).is_some())
        .collect();
    match set.as_slice() {
        [] => s.required(
            path,
            Some((
                "must specify a handler type".into(),
                "exec, httpGet, tcpSocket, grpc 중 하나를 정해야 합니다".into(),
            )),
        ),
        [_] => {}
        [_, rest @ ..] => {
            for extra in rest {
                s.forbidden(
                    &path.field(extra),
                    "may not specify more than 1 handler type",
                    "처리 방식(handler)은 하나만 정할 수 있습니다",
                );
            }
        }
    }
}

/// One of `livenessProbe`, `readinessProbe`, `startupProbe`.
fn probe(s: &mut Sink, c: &Value, path: &Path, key: &str) {
    let Some(p) = get(c, key).filter(|v| v.is_mapping()) else {
        return;
    };
    let ppath = path.field(key);
    handler(s, p, &ppath);
    for field in [
        "initialDelaySeconds",
        "timeoutSeconds",
        "periodSeconds",
        "successThreshold",
        "failureThreshold",
    ] {
        non_negative(s, p, &ppath, field);
    }
    if key != "readinessProbe"
        && let Some(n) = get(p, "successThreshold").and_then(Value::as_i64)
        && n != 1
    {
        s.invalid(
            &ppath.field("successThreshold"),
            &n.to_string(),
            vec![(
                "must be 1".into(),
                format!("{key}의 successThreshold는 1이어야 합니다 (한 번 성공하면 성공입니다)"),
            )],
        );
    }
    if let Some(n) = get(p, "terminationGracePeriodSeconds").and_then(Value::as_i64)
        && n <= 0
    {
        s.invalid(
            &ppath.field("terminationGracePeriodSeconds"),
            &n.to_string(),
            vec![("must be greater than 0".into(), "0보다 커야 합니다".into())],
        );
    }
}

/// Probes, hooks, the image, host ports and resource names of a container.
pub fn container(s: &mut Sink, c: &Value, path: &Path) {
    for key in ["livenessProbe", "readinessProbe", "startupProbe"] {
        probe(s, c, path, key);
    }
    if let Some(lc) = get(c, "lifecycle") {
        if get(lc, "stopSignal").is_some() {
            s.warn(
                &path.field("lifecycle").field("stopSignal"),
                "stopSignal is alpha in Kubernetes 1.33 (feature gate ContainerStopSignals, off by default): an API server without the gate drops it",
                "stopSignal은 쿠버네티스 1.33의 알파 기능입니다 (기능 게이트 ContainerStopSignals, 기본값 꺼짐). 게이트를 켜지 않은 API 서버는 이 필드를 버립니다",
            );
        }
        for hook in ["postStart", "preStop"] {
            if let Some(h) = get(lc, hook).filter(|v| v.is_mapping()) {
                handler(s, h, &path.field("lifecycle").field(hook));
            }
        }
    }
    if let Some(image) = str_of(c, "image")
        && image.trim() != image
    {
        s.invalid(
            &path.field("image"),
            &format!("{image:?}"),
            vec![(
                "must not have leading or trailing whitespace".into(),
                "이미지 이름 앞뒤에 공백이 있으면 안 됩니다".into(),
            )],
        );
    }
    if let Some(ports) = get(c, "ports").and_then(Value::as_sequence) {
        for (i, p) in ports.iter().enumerate() {
            if get(p, "hostPort").and_then(Value::as_i64) != Some(0) {
                port_range(
                    s,
                    p,
                    &path.field("ports").index(i).field("hostPort"),
                    "hostPort",
                );
            }
        }
    }
    if let Some(res) = get(c, "resources") {
        for list in ["limits", "requests"] {
            let Some(m) = get(res, list).and_then(Value::as_mapping) else {
                continue;
            };
            for k in m.keys() {
                if let Some(name) = untag(k).as_str() {
                    resource_name(s, name, &path.field("resources").field(list).key(name));
                }
            }
        }
    }
}

/// `validateContainerResourceName`: cpu, memory, ephemeral-storage,
/// hugepages-<size>, or a name with a domain (`example.com/gpu`).
fn resource_name(s: &mut Sink, name: &str, path: &Path) {
    if name.contains('/') {
        return;
    }
    let standard =
        matches!(name, "cpu" | "memory" | "ephemeral-storage") || name.starts_with("hugepages-");
    if !standard {
        let at = s.key_pos(path);
        s.at(
            at,
            path,
            format!("Invalid value: {name:?}: must be a standard resource for containers"),
            format!(
                "잘못된 값 {name:?}: 컨테이너의 리소스는 cpu, memory, ephemeral-storage, hugepages-<크기> 또는 도메인이 붙은 이름(example.com/gpu)입니다"
            ),
        );
        if let Some(close) = crate::suggest::closest(name, ["cpu", "memory", "ephemeral-storage"]) {
            s.hint(
                format!("did you mean {close:?}?"),
                format!("{close:?}를 쓰려던 것인가요?"),
            );
        }
    }
}
