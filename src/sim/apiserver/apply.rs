//! `kubectl apply` of an object that exists: what may change and what may not.

use super::*;

impl ApiServer {
    /// Create the object, or change the existing one to match (`kubectl apply`).
    pub fn apply(&mut self, mut obj: Object) -> Result<Applied, ApiError> {
        if !obj.kind().namespaced() {
            obj.meta.namespace.clear();
        }
        let (kind, ns, name) = (
            obj.kind(),
            obj.meta.namespace.clone(),
            obj.meta.name.clone(),
        );
        if !self.exists(kind, &ns, &name) {
            return self.create(obj, None, false).map(|_| Applied::Created);
        }
        let causes = validation::object(&obj);
        let invalid = |causes: Vec<String>| ApiError::Invalid {
            kind,
            name: name.clone(),
            causes,
        };
        if !causes.is_empty() {
            return Err(invalid(causes));
        }
        let (labels, annotations) = (obj.meta.labels.clone(), obj.meta.annotations.clone());
        let s = &self.store;
        let changed = match obj.spec {
            Spec::Pod(spec) => {
                let oid = s.pods().oid_of(&ns, &name).expect("exists");
                let pod = s.pods().get(oid).expect("exists");
                // The tolerations admission added are not the submitter's:
                // a full object read back (kubectl label, annotate) carries them.
                let admitted = |t: &Toleration| {
                    t.toleration_seconds == Some(DEFAULT_TOLERATION_SECONDS)
                        && t.operator == TolerationOperator::Exists
                        && t.effect == Some(TaintEffect::NoExecute)
                        && matches!(t.key.as_deref(), Some(TAINT_NOT_READY | TAINT_UNREACHABLE))
                };
                let mut cur = PodSpec::clone(&pod.spec);
                cur.tolerations.retain(|t| !admitted(t));
                cur.node_name =
                    (spec.node_name.clone()).or(pod.node_name.as_deref().map(String::from));
                cur.node_name_affinity = pod.node_name_affinity.clone();
                let mut asked = spec.clone();
                asked.tolerations.retain(|t| !admitted(t));
                asked.node_name = cur.node_name.clone();
                // What admission and the DaemonSet controller set and a
                // client may leave out: the priority, the service account,
                // the node affinity (not read from manifests).
                asked.priority = asked.priority.or(cur.priority);
                if asked.service_account_name.is_none() {
                    asked.service_account_name = cur.service_account_name.clone();
                }
                if asked.node_name_affinity.is_empty() {
                    asked.node_name_affinity = cur.node_name_affinity.clone();
                }
                // The service-account token volume and its mounts were added
                // by admission (not kept in the spec); a full object read
                // back carries them.
                if let Some(token) = &pod.token_volume() {
                    asked.volumes.retain(|v| &v.name != token);
                    for c in asked
                        .containers
                        .iter_mut()
                        .chain(&mut asked.init_containers)
                    {
                        c.volume_mounts.retain(|m| &m.name != token);
                    }
                }
                if cur != asked {
                    return Err(invalid(vec!["spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)".into()]));
                }
                self.store.update::<Pod>(oid, |p| {
                    p.meta.labels = labels;
                    p.meta.annotations = annotations;
                })
            }
            Spec::ReplicaSet(spec) => {
                let oid = s.replicasets().oid_of(&ns, &name).expect("exists");
                let cur = s.replicasets().get(oid).expect("exists");
                if cur.spec.selector != spec.selector {
                    return Err(invalid(vec![immutable_selector(&spec.selector)]));
                }
                self.store.update::<ReplicaSet>(oid, |r| {
                    if r.spec != spec {
                        r.meta.generation += 1;
                        r.spec = spec;
                    }
                    r.meta.labels = labels;
                    r.meta.annotations = annotations;
                })
            }
            Spec::Deployment(spec) => {
                let oid = s.deployments().oid_of(&ns, &name).expect("exists");
                let cur = s.deployments().get(oid).expect("exists");
                if cur.spec.selector != spec.selector {
                    return Err(invalid(vec![immutable_selector(&spec.selector)]));
                }
                self.store.update::<Deployment>(oid, |d| {
                    if d.spec != spec {
                        d.meta.generation += 1;
                        d.spec = spec;
                    }
                    d.meta.labels = labels;
                    d.meta.annotations.extend(annotations);
                })
            }
            Spec::Job(mut spec) => {
                let oid = s.jobs().oid_of(&ns, &name).expect("exists");
                let cur = s.jobs().get(oid).expect("exists");
                for (k, v) in &cur.spec.template.labels {
                    spec.template
                        .labels
                        .entry(k.clone())
                        .or_insert_with(|| v.clone());
                }
                if cur.spec.template != spec.template || cur.spec.completions != spec.completions {
                    return Err(invalid(vec!["spec.template: Invalid value: core.PodTemplateSpec{...}: field is immutable".into()]));
                }
                self.store.update::<Job>(oid, |j| {
                    if j.spec != spec {
                        j.meta.generation += 1;
                        j.spec = spec;
                    }
                    j.meta.labels = labels;
                    j.meta.annotations = annotations;
                })
            }
            Spec::Service(mut spec) => {
                let oid = s.services().oid_of(&ns, &name).expect("exists");
                let cur = s.services().get(oid).expect("exists");
                match spec.cluster_ip.as_deref() {
                    None | Some("") => spec.cluster_ip = cur.spec.cluster_ip.clone(),
                    Some(ip) if Some(ip) != cur.spec.cluster_ip.as_deref() => {
                        return Err(invalid(vec![format!(
                            "spec.clusterIPs[0]: Invalid value: []string{{\"{ip}\"}}: may not change once set"
                        )]));
                    }
                    Some(_) => {}
                }
                for (p, old) in spec.ports.iter_mut().zip(&cur.spec.ports) {
                    if p.node_port.is_none() && spec.service_type != ServiceType::ClusterIP {
                        p.node_port = old.node_port;
                    }
                }
                self.allocate_node_ports(&mut spec, &name, Some(oid))?;
                self.store.update::<Service>(oid, |sv| {
                    sv.spec = spec;
                    sv.meta.labels = labels;
                    sv.meta.annotations = annotations;
                })
            }
            Spec::Namespace(_) => {
                let oid = s.namespaces().oid_of("", &name).expect("exists");
                let mut labels = labels;
                labels.insert(super::create::NAMESPACE_NAME_LABEL.into(), name.clone());
                self.store.update::<Namespace>(oid, |n| {
                    n.meta.labels = labels;
                    n.meta.annotations = annotations;
                })
            }
            Spec::DaemonSet(spec) => {
                let oid = s.daemonsets().oid_of(&ns, &name).expect("exists");
                let cur = s.daemonsets().get(oid).expect("exists");
                if cur.spec.selector != spec.selector {
                    return Err(invalid(vec![immutable_selector(&spec.selector)]));
                }
                self.store.update::<DaemonSet>(oid, |d| {
                    if d.spec != spec {
                        d.meta.generation += 1;
                        d.spec = spec;
                    }
                    d.meta.labels = labels;
                    d.meta.annotations.extend(annotations);
                })
            }
            other => {
                let ch = super::apply_part2::Change {
                    labels,
                    annotations,
                };
                self.apply_part2(&ns, &name, ch, other)?
            }
        };
        if changed {
            let res = Res::of(kind).unwrap_or(Res::Service);
            self.trace(res, &ns, &name, "PATCH", "200 OK", "put");
            Ok(Applied::Configured)
        } else {
            Ok(Applied::Unchanged)
        }
    }
}

fn immutable_selector(sel: &LabelSelector) -> String {
    let shown: Vec<String> = sel
        .match_labels
        .iter()
        .map(|(k, v)| format!("\"{k}\":\"{v}\""))
        .collect();
    format!(
        "spec.selector: Invalid value: v1.LabelSelector{{MatchLabels:map[string]string{{{}}}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}}: field is immutable",
        shown.join(", ")
    )
}
