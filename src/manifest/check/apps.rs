//! The API server's rules for DaemonSet, StatefulSet and CronJob, after
//! `pkg/apis/apps/validation/validation.go` and
//! `pkg/apis/batch/validation/validation.go` of kubernetes/kubernetes.
//! <https://kubernetes.io/docs/concepts/workloads/controllers/daemonset/>
//! <https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/>
//! <https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/>

use super::super::path::Path;
use super::rules::{Owner, get, items, non_negative, str_of};
use super::workloads::{job_spec, selector_matches, surge_and_unavailable, template_spec};
use super::{Sink, cron, repr};
use crate::manifest::build;
use serde_yaml::Value;

fn spec_of(doc: &Value) -> Option<&Value> {
    get(doc, "spec").filter(|v| v.is_mapping())
}

/// `ValidateDaemonSetSpec`.
pub fn daemon_set(s: &mut Sink, doc: &Value) {
    let Some(spec) = spec_of(doc) else { return };
    let path = Path::root().field("spec");
    non_negative(s, spec, &path, "minReadySeconds");
    non_negative(s, spec, &path, "revisionHistoryLimit");
    selector_matches(s, spec, &path, Owner::Controller("daemonset"));
    template_spec(s, spec, &path, Owner::Controller("daemonset"), &[]);
    no_active_deadline(s, spec, &path, "DaemonSet");
    let upath = path.field("updateStrategy");
    let Some(us) = get(spec, "updateStrategy") else {
        return;
    };
    let Some(ru) = get(us, "rollingUpdate") else {
        return;
    };
    let rpath = upath.field("rollingUpdate");
    if str_of(us, "type") == Some("OnDelete") {
        return;
    }
    surge_and_unavailable(s, ru, &rpath);
    // maxSurge defaults to 0 for a DaemonSet, so maxUnavailable 0 alone is
    // both 0.
    let unavailable = get(ru, "maxUnavailable").and_then(build::int_or_percent);
    if get(ru, "maxSurge").is_none() && unavailable.is_some_and(|u| u.resolve(100, true) == 0) {
        s.invalid(
            &rpath.field("maxUnavailable"),
            "0",
            vec![(
                "may not be 0 when `maxSurge` is 0".into(),
                "maxSurge가 0이면(DaemonSet의 기본값) maxUnavailable도 0일 수 없습니다".into(),
            )],
        );
    }
}

/// A pod template of a controller may not set activeDeadlineSeconds.
fn no_active_deadline(s: &mut Sink, spec: &Value, path: &Path, kind: &str) {
    let tspec = get(spec, "template").and_then(|t| get(t, "spec"));
    if tspec
        .and_then(|t| get(t, "activeDeadlineSeconds"))
        .is_some()
    {
        s.forbidden(
            &path
                .field("template")
                .field("spec")
                .field("activeDeadlineSeconds"),
            &format!("activeDeadlineSeconds in {kind} is not Supported"),
            &format!("{kind}의 파드 템플릿에는 activeDeadlineSeconds를 쓸 수 없습니다"),
        );
    }
}

/// `ValidateStatefulSetSpec`.
pub fn stateful_set(s: &mut Sink, doc: &Value) {
    let Some(spec) = spec_of(doc) else { return };
    let path = Path::root().field("spec");
    for key in ["replicas", "minReadySeconds", "revisionHistoryLimit"] {
        non_negative(s, spec, &path, key);
    }
    if let Some(o) = get(spec, "ordinals") {
        non_negative(s, o, &path.field("ordinals"), "start");
    }
    selector_matches(s, spec, &path, Owner::Controller("statefulset"));
    let claims: Vec<&str> = items(spec, "volumeClaimTemplates")
        .iter()
        .filter_map(|c| get(c, "metadata").and_then(|m| str_of(m, "name")))
        .collect();
    template_spec(s, spec, &path, Owner::Controller("statefulset"), &claims);
    no_active_deadline(s, spec, &path, "StatefulSet");
    for (i, claim) in items(spec, "volumeClaimTemplates").iter().enumerate() {
        let cpath = path.field("volumeClaimTemplates").index(i);
        super::storage::claim_template(s, claim, &cpath);
    }
    let upath = path.field("updateStrategy");
    if let Some(us) = get(spec, "updateStrategy")
        && let Some(ru) = get(us, "rollingUpdate")
    {
        let rpath = upath.field("rollingUpdate");
        if str_of(us, "type") == Some("OnDelete") {
            // The API server prints the struct as Go's %#v does.
            let partition = get(ru, "partition").map_or("0".to_string(), repr);
            let shown = format!(
                "apps.RollingUpdateStatefulSetStrategy{{Partition:{partition}, MaxUnavailable:(*intstr.IntOrString)(nil)}}"
            );
            s.invalid(
                &rpath,
                &shown,
                vec![(
                    "only allowed for updateStrategy 'RollingUpdate'".into(),
                    "rollingUpdate는 updateStrategy가 'RollingUpdate'일 때만 쓸 수 있습니다".into(),
                )],
            );
        } else {
            // maxUnavailable is alpha in 1.33 (MaxUnavailableStatefulSet,
            // off by default): a server without the gate drops it unchecked.
            non_negative(s, ru, &rpath, "partition");
        }
    }
}

/// `ValidateCronJobSpec`: the name leaves room for the Jobs' suffix, the
/// schedule parses, the time zone is one the server knows.
pub fn cron_job(s: &mut Sink, doc: &Value) {
    let meta = Path::root().field("metadata");
    if let Some(name) = get(doc, "metadata").and_then(|m| str_of(m, "name"))
        && name.chars().count() > 52
    {
        s.invalid(
            &meta.field("name"),
            &format!("{name:?}"),
            vec![(
                "must be no more than 52 characters".into(),
                "CronJob 이름은 52자를 넘을 수 없습니다 (Job 이름에 11자 접미사가 붙습니다)".into(),
            )],
        );
    }
    let Some(spec) = spec_of(doc) else { return };
    let path = Path::root().field("spec");
    for key in [
        "startingDeadlineSeconds",
        "successfulJobsHistoryLimit",
        "failedJobsHistoryLimit",
    ] {
        non_negative(s, spec, &path, key);
    }
    if let Some(schedule) = str_of(spec, "schedule") {
        cron::check(s, schedule, &path.field("schedule"));
    }
    if let Some(tz) = str_of(spec, "timeZone")
        && !cron::known_time_zone(tz)
    {
        s.invalid(
            &path.field("timeZone"),
            &format!("{tz:?}"),
            vec![(
                format!("unknown time zone {tz}"),
                format!("알 수 없는 시간대 {tz}입니다 (예: Asia/Seoul, Etc/UTC)"),
            )],
        );
    }
    let jpath = path.field("jobTemplate").field("spec");
    match get(spec, "jobTemplate").and_then(|t| get(t, "spec")) {
        Some(js) if js.is_mapping() => job_spec(s, js, &jpath),
        _ if get(spec, "jobTemplate").is_some_and(Value::is_mapping) => {
            s.required(&jpath.field("template"), None)
        }
        _ => {}
    }
}
