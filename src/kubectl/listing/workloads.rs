//! Rows of deployments, replicasets and jobs.

use super::*;

pub(super) fn deployments(q: &Q) -> Listing {
    let (c, s, now, names, wide, sel, scope) = (q.c, q.s, q.now, q.names, q.wide, q.sel, q.scope);
    let p = pick(
        s.deployments()
            .sorted()
            .filter(|d| in_scope(scope, &d.meta.namespace)),
        names,
        sel,
        |d: &Deployment| (d.meta.name.as_str(), &d.meta.labels),
    );
    let mut l = Listing::new(&["NAME", "READY", "UP-TO-DATE", "AVAILABLE", "AGE"]);
    if wide {
        l.rows.header.extend(["CONTAINERS", "IMAGES", "SELECTOR"]);
    }
    for d in p.found {
        let mut row = vec![
            d.meta.name.clone(),
            format!("{}/{}", d.status.ready, d.spec.replicas),
            d.status.updated.to_string(),
            d.status.available.to_string(),
            age(now, d.meta.creation_ms),
        ];
        if wide {
            let (cn, im) = wide_containers(&d.spec.template);
            row.extend([cn, im, selector_text(&d.spec.selector)]);
        }
        let v = q.value(|| {
            c.to_api_value(Kind::Deployment, &d.meta.namespace, &d.meta.name)
                .unwrap_or(Value::Null)
        });
        l.push(
            q.ns_of(&d.meta.namespace).as_deref(),
            row,
            format!("deployment.apps/{}", d.meta.name),
            Some(&d.meta),
            v,
        );
    }
    l.missing = p.missing;
    l
}

pub(super) fn replicasets(q: &Q) -> Listing {
    let (c, s, now, names, wide, sel, scope) = (q.c, q.s, q.now, q.names, q.wide, q.sel, q.scope);
    let p = pick(
        s.replicasets()
            .sorted()
            .filter(|d| in_scope(scope, &d.meta.namespace)),
        names,
        sel,
        |d: &ReplicaSet| (d.meta.name.as_str(), &d.meta.labels),
    );
    let mut l = Listing::new(&["NAME", "DESIRED", "CURRENT", "READY", "AGE"]);
    if wide {
        l.rows.header.extend(["CONTAINERS", "IMAGES", "SELECTOR"]);
    }
    for rs in p.found {
        let mut row = vec![
            rs.meta.name.clone(),
            rs.spec.replicas.to_string(),
            rs.status.replicas.to_string(),
            rs.status.ready.to_string(),
            age(now, rs.meta.creation_ms),
        ];
        if wide {
            let (cn, im) = wide_containers(&rs.spec.template);
            row.extend([cn, im, selector_text(&rs.spec.selector)]);
        }
        let v = q.value(|| {
            c.to_api_value(Kind::ReplicaSet, &rs.meta.namespace, &rs.meta.name)
                .unwrap_or(Value::Null)
        });
        l.push(
            q.ns_of(&rs.meta.namespace).as_deref(),
            row,
            format!("replicaset.apps/{}", rs.meta.name),
            Some(&rs.meta),
            v,
        );
    }
    l.missing = p.missing;
    l
}

pub(super) fn jobs(q: &Q) -> Listing {
    let (c, s, now, names, wide, sel, scope) = (q.c, q.s, q.now, q.names, q.wide, q.sel, q.scope);
    let p = pick(
        s.jobs()
            .sorted()
            .filter(|d| in_scope(scope, &d.meta.namespace)),
        names,
        sel,
        |d: &Job| (d.meta.name.as_str(), &d.meta.labels),
    );
    let mut l = Listing::new(&["NAME", "STATUS", "COMPLETIONS", "DURATION", "AGE"]);
    if wide {
        l.rows.header.extend(["CONTAINERS", "IMAGES", "SELECTOR"]);
    }
    for j in p.found {
        let completions = j.spec.completions.map_or_else(
            || format!("{}/1 of {}", j.status.succeeded, j.spec.parallelism),
            |n| format!("{}/{n}", j.status.succeeded),
        );
        let duration = j.status.start_ms.map_or_else(String::new, |st| {
            human_duration(j.status.completion_ms.unwrap_or(now).saturating_sub(st))
        });
        let mut row = vec![
            j.meta.name.clone(),
            job_status(j).into(),
            completions,
            duration,
            age(now, j.meta.creation_ms),
        ];
        if wide {
            let (cn, im) = wide_containers(&j.spec.template);
            row.extend([
                cn,
                im,
                format!("batch.kubernetes.io/controller-uid={}", j.meta.uid),
            ]);
        }
        let v = q.value(|| {
            c.to_api_value(Kind::Job, &j.meta.namespace, &j.meta.name)
                .unwrap_or(Value::Null)
        });
        l.push(
            q.ns_of(&j.meta.namespace).as_deref(),
            row,
            format!("job.batch/{}", j.meta.name),
            Some(&j.meta),
            v,
        );
    }
    l.missing = p.missing;
    l
}
