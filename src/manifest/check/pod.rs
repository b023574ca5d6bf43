//! The API server's rules for a pod spec beyond its fields: unique container
//! and volume names, ports, mounts of declared volumes, requests within
//! limits, and the restartPolicy each owner allows
//! (`ValidatePodSpec` in pkg/apis/core/validation/validation.go).
//! <https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#restart-policy>

use super::super::path::Path;
use super::rules::{Owner, get, items, str_of};
use super::{Sink, untag};
use crate::quantity;
use serde_yaml::Value;
use std::collections::HashSet;

/// A pod spec; `claims` are the volumes a StatefulSet's
/// `volumeClaimTemplates` add to each pod.
pub(super) fn pod_spec(s: &mut Sink, spec: &Value, path: &Path, owner: Owner, claims: &[&str]) {
    if get(spec, "containers")
        .and_then(Value::as_sequence)
        .is_some_and(Vec::is_empty)
    {
        s.required(&path.field("containers"), None);
    }
    let volumes: HashSet<&str> = items(spec, "volumes")
        .iter()
        .filter_map(|v| str_of(v, "name"))
        .chain(claims.iter().copied())
        .collect();
    let mut seen_volumes = HashSet::new();
    for (i, v) in items(spec, "volumes").iter().enumerate() {
        if let Some(n) = str_of(v, "name")
            && !seen_volumes.insert(n)
        {
            s.duplicate(
                &path.field("volumes").index(i).field("name"),
                &format!("{n:?}"),
            );
        }
    }
    let mut seen_names = HashSet::new();
    for list in ["initContainers", "containers"] {
        for (i, c) in items(spec, list).iter().enumerate() {
            let cpath = path.field(list).index(i);
            if let Some(n) = str_of(c, "name")
                && !seen_names.insert(n)
            {
                s.duplicate(&cpath.field("name"), &format!("{n:?}"));
            }
            container(s, c, &cpath, list == "initContainers", &volumes);
        }
    }
    restart_policy(s, spec, path, owner);
    if get(spec, "ephemeralContainers").is_some() {
        let (en, ko) = if owner == Owner::Pod {
            (
                "cannot be set on create",
                "ephemeralContainers는 만들 때 쓸 수 없습니다 (kubectl debug가 실행 중인 파드에 추가합니다)",
            )
        } else {
            (
                "ephemeral containers not allowed in pod template",
                "파드 템플릿에는 ephemeralContainers를 쓸 수 없습니다",
            )
        };
        s.forbidden(&path.field("ephemeralContainers"), en, ko);
    }
}

fn container(s: &mut Sink, c: &Value, path: &Path, init: bool, volumes: &HashSet<&str>) {
    let sidecar = str_of(c, "restartPolicy") == Some("Always");
    if !init && get(c, "restartPolicy").is_some() {
        s.forbidden(
            &path.field("restartPolicy"),
            "may not be set for non-init containers",
            "일반 컨테이너에는 restartPolicy를 쓸 수 없습니다 (사이드카는 initContainers에 restartPolicy: Always로 씁니다)",
        );
    }
    if init && !sidecar {
        for probe in ["livenessProbe", "readinessProbe", "startupProbe"] {
            if get(c, probe).is_some() {
                s.forbidden(
                    &path.field(probe),
                    "may not be set for init containers without restartPolicy=Always",
                    "restartPolicy: Always가 없는 초기화 컨테이너에는 프로브를 쓸 수 없습니다",
                );
            }
        }
    }
    let mut port_names = HashSet::new();
    for (i, p) in items(c, "ports").iter().enumerate() {
        let ppath = path.field("ports").index(i);
        port_range(s, p, &ppath.field("containerPort"), "containerPort");
        if let Some(n) = str_of(p, "name")
            && !port_names.insert(n)
        {
            s.duplicate(&ppath.field("name"), &format!("{n:?}"));
        }
    }
    for (i, m) in items(c, "volumeMounts").iter().enumerate() {
        if let Some(n) = str_of(m, "name")
            && !volumes.contains(n)
        {
            s.value(
                &path.field("volumeMounts").index(i).field("name"),
                format!("Not found: {n:?}"),
                format!("찾을 수 없음 {n:?}: spec.volumes에 이 이름의 볼륨이 없습니다"),
            );
        }
    }
    requests_within_limits(s, c, &path.field("resources"));
    super::probes::container(s, c, path);
}

/// A port number field: 1..=65535.
pub(super) fn port_range(s: &mut Sink, v: &Value, path: &Path, key: &str) {
    if let Some(n) = get(v, key).and_then(Value::as_i64)
        && !(1..=65535).contains(&n)
    {
        s.invalid(
            path,
            &n.to_string(),
            vec![(
                "must be between 1 and 65535, inclusive".into(),
                "1에서 65535 사이여야 합니다".into(),
            )],
        );
    }
}

fn requests_within_limits(s: &mut Sink, c: &Value, path: &Path) {
    let (Some(res), true) = (get(c, "resources"), true) else {
        return;
    };
    let (Some(req), Some(lim)) = (get(res, "requests"), get(res, "limits")) else {
        return;
    };
    let Some(req) = req.as_mapping() else { return };
    for (k, v) in req {
        let Some(name) = k.as_str() else { continue };
        let text = |v: &Value| match untag(v) {
            Value::String(t) => Some(t.clone()),
            Value::Number(n) => Some(n.to_string()),
            _ => None,
        };
        let (Some(r), Some(l)) = (text(v), get(lim, name).and_then(text)) else {
            continue;
        };
        let Ok((rq, lq)) =
            quantity::parse_milli(&r).and_then(|rq| Ok((rq, quantity::parse_milli(&l)?)))
        else {
            continue;
        };
        // The API server names the `requests` map, and places nothing; the
        // error is shown on the request's value.
        let at = s.value_pos(&path.field("requests").key(name));
        let before = s.out.len();
        let overcommit = matches!(name, "cpu" | "memory" | "ephemeral-storage");
        if !overcommit && rq != lq {
            s.invalid(
                &path.field("requests"),
                &format!("{r:?}"),
                vec![(
                    format!("must be equal to {name} limit of {l}"),
                    format!("{name}는 request와 limit이 같아야 합니다 (limit {l})"),
                )],
            );
        } else if rq > lq {
            s.invalid(
                &path.field("requests"),
                &format!("{r:?}"),
                vec![(
                    format!("must be less than or equal to {name} limit of {l}"),
                    format!("{name} request는 limit {l}보다 클 수 없습니다"),
                )],
            );
        }
        if let Some(d) = s.out.get_mut(before) {
            (d.line, d.column) = (at.line, at.column);
        }
    }
}

/// restartPolicy by kind: a Job's pods must not restart Always; a
/// Deployment's or ReplicaSet's must.
fn restart_policy(s: &mut Sink, spec: &Value, path: &Path, owner: Owner) {
    let rp = path.field("restartPolicy");
    let value = str_of(spec, "restartPolicy");
    match owner {
        Owner::Job => match value {
            None => s.required(
                &rp,
                Some((
                    "valid values: \"OnFailure\", \"Never\"".into(),
                    "Job의 파드는 \"OnFailure\" 또는 \"Never\"여야 합니다".into(),
                )),
            ),
            Some("Always") => {
                s.unsupported(&rp, "Always", &["OnFailure", "Never"]);
                s.hint(
                    "a Job's pods must finish: use restartPolicy: Never or OnFailure",
                    "Job의 파드는 끝나야 하므로 restartPolicy: Never 또는 OnFailure를 쓰세요",
                );
            }
            _ => {}
        },
        Owner::Controller(_) => {
            if let Some(v) = value
                && v != "Always"
            {
                s.unsupported(&rp, v, &["Always"]);
                s.hint(
                    "a controller keeps its pods running: remove restartPolicy or use Always",
                    "컨트롤러는 파드를 계속 실행하므로 restartPolicy를 지우거나 Always를 쓰세요",
                );
            }
        }
        _ => {}
    }
}
