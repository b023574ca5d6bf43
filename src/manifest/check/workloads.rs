//! The API server's rules for the controllers' specs: replicas, selectors
//! that match their template, rolling update bounds, and the Job's
//! constraints (pkg/apis/apps/validation and pkg/apis/batch/validation).
//! <https://kubernetes.io/docs/concepts/workloads/controllers/deployment/>
//! <https://kubernetes.io/docs/concepts/workloads/controllers/job/>

use super::super::path::Path;
use super::pod::pod_spec;
use super::rules::{Owner, get, non_negative, str_of};
use super::{Sink, repr};
use crate::manifest::build;
use serde_yaml::Value;

pub(super) fn workload(s: &mut Sink, spec: &Value, path: &Path, owner: Owner) {
    non_negative(s, spec, path, "replicas");
    non_negative(s, spec, path, "minReadySeconds");
    selector_matches(s, spec, path, owner);
    if owner == Owner::Controller("deployment") {
        non_negative(s, spec, path, "revisionHistoryLimit");
        non_negative(s, spec, path, "progressDeadlineSeconds");
        strategy(s, spec, &path.field("strategy"));
    }
    template_spec(s, spec, path, owner, &[]);
}

pub(super) fn template_spec(
    s: &mut Sink,
    spec: &Value,
    path: &Path,
    owner: Owner,
    claims: &[&str],
) {
    let tpath = path.field("template").field("spec");
    if let Some(tspec) = get(spec, "template").and_then(|t| get(t, "spec"))
        && tspec.is_mapping()
    {
        pod_spec(s, tspec, &tpath, owner, claims);
    } else if get(spec, "template").is_some_and(Value::is_mapping) {
        s.required(&tpath.field("containers"), None);
    }
}

pub(super) fn selector_matches(s: &mut Sink, spec: &Value, path: &Path, owner: Owner) {
    let Some(sel) = get(spec, "selector") else {
        return;
    };
    // A selector or labels of the wrong shape are reported already.
    if s.shadowed_under(&path.field("selector"))
        || s.shadowed_under(&path.field("template").field("metadata"))
    {
        return;
    }
    let selector = build::selector(sel);
    if selector.is_empty() {
        s.invalid(
            &path.field("selector"),
            "{}",
            vec![(
                format!(
                    "empty selector is invalid for {}",
                    match owner {
                        Owner::Controller(k) => k,
                        Owner::Job => "job",
                        Owner::Pod => "pod",
                    }
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
fn go_map(labels: &crate::sim::objects::Labels) -> String {
    if labels.is_empty() {
        return "map[string]string(nil)".into();
    }
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
    surge_and_unavailable(s, ru, &path.field("rollingUpdate"));
}

/// `maxSurge` and `maxUnavailable`: counts or percentages, not both 0.
pub(super) fn surge_and_unavailable(s: &mut Sink, ru: &Value, rpath: &Path) {
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
            None => non_negative(s, ru, rpath, key),
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

pub(super) fn job_spec(s: &mut Sink, spec: &Value, path: &Path) {
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
    template_spec(s, spec, path, Owner::Job, &[]);
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
