//! The API server's rules beyond the schema: names, unique names and ports,
//! port ranges, restartPolicy by kind, selectors that match their template,
//! requests within limits, strategy and Job constraints.
//! <https://kubernetes.io/docs/concepts/workloads/controllers/deployment/>
//! <https://kubernetes.io/docs/concepts/workloads/controllers/job/>

use super::super::path::Path;
use super::super::schema::Obj;
use super::types::walk_obj;
use super::{Sink, names, repr, untag};
use crate::manifest::build;
use crate::quantity;
use crate::sim::objects::Kind;
use serde_yaml::{Mapping, Value};
use std::collections::{BTreeMap, HashSet};

pub(super) fn get<'v>(v: &'v Value, key: &str) -> Option<&'v Value> {
    untag(v).get(key).map(untag).filter(|v| !v.is_null())
}

pub(super) fn str_of<'v>(v: &'v Value, key: &str) -> Option<&'v str> {
    get(v, key).and_then(Value::as_str)
}

pub(super) fn items<'v>(v: &'v Value, key: &str) -> &'v [Value] {
    get(v, key)
        .and_then(Value::as_sequence)
        .map_or(&[], Vec::as_slice)
}

/// Check a whole document of a simulated `kind` whose root type is `root`.
pub fn check_object(s: &mut Sink, doc: &Value, kind: Kind, root: &Obj) {
    let empty = Value::Mapping(Mapping::new());
    let Some(map) = untag(doc).as_mapping() else {
        return;
    };
    let top = Path::root();
    walk_obj(s, map, root, &top, None);
    if get(doc, "status").is_some() {
        s.warn(
            &top.field("status"),
            "status is written by the cluster; it is ignored",
            "status는 클러스터가 채우는 필드라서 무시됩니다",
        );
    }
    let spec_path = top.field("spec");
    let spec = get(doc, "spec").unwrap_or(&empty);
    if get(doc, "spec").is_none()
        && let Some(spec_field) = root.field("spec")
        && let super::super::schema::Ty::Obj(spec_obj) = spec_field.ty
    {
        walk_obj(s, &Mapping::new(), spec_obj, &spec_path, Some(root));
    }
    metadata(s, doc, kind);
    if !spec.is_mapping() {
        return;
    }
    match kind {
        Kind::Pod => pod_spec(s, spec, &spec_path, kind),
        Kind::Deployment | Kind::ReplicaSet => workload(s, spec, &spec_path, kind),
        Kind::Job => job(s, spec, &spec_path),
        Kind::Service => super::service::service(s, spec, &spec_path),
        _ => {}
    }
}

fn metadata(s: &mut Sink, doc: &Value, kind: Kind) {
    let meta = Path::root().field("metadata");
    let m = get(doc, "metadata");
    let name = m.and_then(|m| str_of(m, "name"));
    let generate = m.and_then(|m| str_of(m, "generateName"));
    match name {
        Some(n) => {
            let problems = if kind == Kind::Service {
                names::dns1035_label(n)
            } else {
                names::dns1123_subdomain(n)
            };
            s.invalid(&meta.field("name"), &format!("{n:?}"), problems);
        }
        None if generate.is_none() => s.required(
            &meta.field("name"),
            Some((
                "name or generateName is required".into(),
                "name 또는 generateName이 있어야 합니다".into(),
            )),
        ),
        None => {}
    }
}

fn pod_spec(s: &mut Sink, spec: &Value, path: &Path, kind: Kind) {
    let containers = items(spec, "containers");
    if get(spec, "containers").is_some() && containers.is_empty() {
        s.required(&path.field("containers"), None);
    }
    let volumes: HashSet<&str> = items(spec, "volumes")
        .iter()
        .filter_map(|v| str_of(v, "name"))
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
    restart_policy(s, spec, path, kind);
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
        if let (Ok(rq), Ok(lq)) = (quantity::parse_milli(&r), quantity::parse_milli(&l))
            && rq > lq
        {
            s.invalid(
                &path.field("requests").key(name),
                &format!("{r:?}"),
                vec![(
                    format!("must be less than or equal to {name} limit of {l}"),
                    format!("{name} limit {l}보다 클 수 없습니다"),
                )],
            );
        }
    }
}

/// restartPolicy by kind: a Job's pods must not restart Always; a
/// Deployment's or ReplicaSet's must.
fn restart_policy(s: &mut Sink, spec: &Value, path: &Path, kind: Kind) {
    let rp = path.field("restartPolicy");
    let value = str_of(spec, "restartPolicy");
    match kind {
        Kind::Job => match value {
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
        Kind::Deployment | Kind::ReplicaSet => {
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

fn non_negative(s: &mut Sink, spec: &Value, path: &Path, key: &str) {
    if let Some(n) = get(spec, key).and_then(Value::as_i64)
        && n < 0
    {
        s.invalid(
            &path.field(key),
            &n.to_string(),
            vec![(
                "must be greater than or equal to 0".into(),
                "0 이상이어야 합니다".into(),
            )],
        );
    }
}

fn workload(s: &mut Sink, spec: &Value, path: &Path, kind: Kind) {
    non_negative(s, spec, path, "replicas");
    non_negative(s, spec, path, "minReadySeconds");
    selector_matches(s, spec, path, kind);
    if kind == Kind::Deployment {
        strategy(s, spec, &path.field("strategy"));
    }
    template_spec(s, spec, path, kind);
}

fn template_spec(s: &mut Sink, spec: &Value, path: &Path, kind: Kind) {
    let tpath = path.field("template").field("spec");
    if let Some(tspec) = get(spec, "template").and_then(|t| get(t, "spec"))
        && tspec.is_mapping()
    {
        pod_spec(s, tspec, &tpath, kind);
    } else if get(spec, "template").is_some_and(Value::is_mapping) {
        s.required(&tpath.field("containers"), None);
    }
}

fn selector_matches(s: &mut Sink, spec: &Value, path: &Path, kind: Kind) {
    let Some(sel) = get(spec, "selector") else {
        return;
    };
    let selector = build::selector(sel);
    if selector.is_empty() {
        s.invalid(
            &path.field("selector"),
            "{}",
            vec![(
                format!(
                    "empty selector is invalid for {}",
                    kind.name().to_lowercase()
                ),
                "빈 셀렉터는 쓸 수 없습니다".into(),
            )],
        );
        return;
    }
    let labels = get(spec, "template")
        .and_then(|t| get(t, "metadata"))
        .and_then(|m| get(m, "labels"))
        .map(build::labels)
        .unwrap_or_default();
    if !selector.matches(&labels) {
        let shown = go_map(&labels);
        let lpath = path.field("template").field("metadata").field("labels");
        s.invalid(
            &lpath,
            &shown,
            vec![(
                "`selector` does not match template `labels`".into(),
                "`selector`가 템플릿의 `labels`와 맞지 않습니다".into(),
            )],
        );
        s.hint(
            "every label in spec.selector.matchLabels must appear, with the same value, in spec.template.metadata.labels",
            "spec.selector.matchLabels의 모든 레이블이 같은 값으로 spec.template.metadata.labels에 있어야 합니다",
        );
    }
}

/// `map[string]string{"app":"web"}`, as Go prints a label map.
fn go_map(labels: &BTreeMap<String, String>) -> String {
    let inner: Vec<String> = labels.iter().map(|(k, v)| format!("{k:?}:{v:?}")).collect();
    format!("map[string]string{{{}}}", inner.join(", "))
}

fn strategy(s: &mut Sink, spec: &Value, path: &Path) {
    let Some(st) = get(spec, "strategy") else {
        return;
    };
    let ru = get(st, "rollingUpdate");
    if str_of(st, "type") == Some("Recreate") && ru.is_some() {
        s.forbidden(
            &path.field("rollingUpdate"),
            "may not be specified when strategy `type` is 'Recreate'",
            "strategy type이 'Recreate'일 때는 rollingUpdate를 쓸 수 없습니다",
        );
        return;
    }
    let Some(ru) = ru else { return };
    let rpath = path.field("rollingUpdate");
    let mut zero = [false, false];
    for (i, key) in ["maxSurge", "maxUnavailable"].into_iter().enumerate() {
        let Some(v) = get(ru, key) else { continue };
        match build::int_or_percent(v) {
            Some(p) => zero[i] = p.resolve(100, true) == 0,
            None if v.is_string() => s.invalid(
                &rpath.field(key),
                &repr(v),
                vec![(
                    "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')".into(),
                    "퍼센트는 숫자 뒤에 '%'를 붙여 씁니다 (예: '25%')".into(),
                )],
            ),
            None => non_negative(s, ru, &rpath, key),
        }
    }
    if zero == [true, true] {
        s.invalid(
            &rpath.field("maxUnavailable"),
            "0",
            vec![(
                "may not be 0 when `maxSurge` is 0".into(),
                "maxSurge가 0이면 maxUnavailable도 0일 수 없습니다".into(),
            )],
        );
    }
}

fn job(s: &mut Sink, spec: &Value, path: &Path) {
    for key in [
        "parallelism",
        "completions",
        "backoffLimit",
        "activeDeadlineSeconds",
        "ttlSecondsAfterFinished",
    ] {
        non_negative(s, spec, path, key);
    }
    let indexed = str_of(spec, "completionMode") == Some("Indexed");
    if indexed && get(spec, "completions").is_none() {
        s.required(
            &path.field("completions"),
            Some((
                "when completion mode is Indexed".into(),
                "completionMode가 Indexed이면 completions가 있어야 합니다".into(),
            )),
        );
    }
    if get(spec, "successPolicy").is_some() && !indexed {
        s.invalid(
            &path.field("successPolicy"),
            "{...}",
            vec![(
                "requires indexed completion mode".into(),
                "successPolicy는 completionMode: Indexed에서만 쓸 수 있습니다".into(),
            )],
        );
    }
    template_spec(s, spec, path, Kind::Job);
    if get(spec, "podFailurePolicy").is_some() {
        let tspec = get(spec, "template").and_then(|t| get(t, "spec"));
        if let Some(rp) = tspec.and_then(|t| str_of(t, "restartPolicy"))
            && rp != "Never"
        {
            s.invalid(
                &path.field("template").field("spec").field("restartPolicy"),
                &format!("{rp:?}"),
                vec![(
                    "only \"Never\" is supported when podFailurePolicy is specified".into(),
                    "podFailurePolicy를 쓰면 restartPolicy는 \"Never\"만 됩니다".into(),
                )],
            );
        }
    }
}
