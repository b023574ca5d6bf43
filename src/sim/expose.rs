//! `kubectl expose`: a Service for a Deployment, ReplicaSet, StatefulSet,
//! pod or Service, with the workload's selector (or the pod's labels), the
//! port given or the first container port.
//! <https://kubernetes.io/docs/tutorials/kubernetes-basics/expose/expose-intro/>

use super::cluster::Cluster;
use super::objects::*;

/// What `expose` was asked.
pub struct ExposeRequest<'a> {
    pub kind: Kind,
    pub name: &'a str,
    pub ns: &'a str,
    pub port: Option<u16>,
    pub target_port: Option<&'a str>,
    pub service_type: Option<&'a str>,
    pub service_name: Option<&'a str>,
}

impl Cluster {
    /// The Service `expose` would create.
    pub fn expose_object(&self, r: &ExposeRequest) -> Result<Object, String> {
        let s = self.store();
        let missing = || {
            format!(
                "Error from server (NotFound): {} \"{}\" not found",
                super::apiserver::resource_name(r.kind),
                r.name
            )
        };
        let (selector, labels, ports): (Option<LabelSelector>, Labels, Vec<ContainerPort>) =
            match r.kind {
                Kind::Deployment => {
                    let d = s.deployments().find(r.ns, r.name).ok_or_else(missing)?;
                    (
                        Some(d.spec.selector.clone()),
                        d.meta.labels.clone(),
                        first_ports(&d.spec.template),
                    )
                }
                Kind::ReplicaSet => {
                    let d = s.replicasets().find(r.ns, r.name).ok_or_else(missing)?;
                    (
                        Some(d.spec.selector.clone()),
                        d.meta.labels.clone(),
                        first_ports(&d.spec.template),
                    )
                }
                Kind::StatefulSet => {
                    let d = s.statefulsets().find(r.ns, r.name).ok_or_else(missing)?;
                    (
                        Some(d.spec.selector.clone()),
                        d.meta.labels.clone(),
                        first_ports(&d.spec.template),
                    )
                }
                Kind::Pod => {
                    let p = s.pods().find(r.ns, r.name).ok_or_else(missing)?;
                    let ports = p
                        .spec
                        .containers
                        .iter()
                        .flat_map(|c| c.ports.clone())
                        .collect();
                    (
                        Some(LabelSelector::from_labels(p.meta.labels.clone())),
                        p.meta.labels.clone(),
                        ports,
                    )
                }
                _ => {
                    let sv = s.services().find(r.ns, r.name).ok_or_else(missing)?;
                    let ports = sv
                        .spec
                        .ports
                        .iter()
                        .map(|p| ContainerPort {
                            name: p.name.clone(),
                            container_port: p.port,
                            protocol: p.protocol,
                        })
                        .collect();
                    (
                        Some(LabelSelector::from_labels(sv.spec.selector.clone())),
                        sv.meta.labels.clone(),
                        ports,
                    )
                }
            };
        let selector = selector.unwrap_or_default();
        if !selector.match_expressions.is_empty() {
            return Err(format!(
                "error: couldn't retrieve selectors via --selector flag or introspection: the selector of {} {} uses matchExpressions, which a Service selector cannot hold",
                r.kind.name().to_ascii_lowercase(),
                r.name
            ));
        }
        if selector.match_labels.is_empty() {
            return Err("error: couldn't retrieve selectors via --selector flag or introspection: the object has no labels".into());
        }
        let service_type = match r.service_type {
            None | Some("ClusterIP") => ServiceType::ClusterIP,
            Some("NodePort") => ServiceType::NodePort,
            Some("LoadBalancer") => ServiceType::LoadBalancer,
            Some(other) => {
                return Err(format!(
                    "error: Unsupported value: \"{other}\": supported values: \"ClusterIP\", \"ExternalName\", \"LoadBalancer\", \"NodePort\""
                ));
            }
        };
        let ports = match r.port {
            Some(p) => vec![ServicePort {
                name: None,
                port: p,
                target_port: target(r.target_port, p),
                protocol: Protocol::TCP,
                node_port: None,
            }],
            None if ports.is_empty() => {
                return Err("error: couldn't find port via --port flag or introspection".into());
            }
            None => {
                let many = ports.len() > 1;
                ports
                    .iter()
                    .enumerate()
                    .map(|(i, cp)| ServicePort {
                        name: many
                            .then(|| cp.name.clone().unwrap_or_else(|| format!("port-{}", i + 1))),
                        port: cp.container_port,
                        target_port: target(r.target_port, cp.container_port),
                        protocol: cp.protocol,
                        node_port: None,
                    })
                    .collect()
            }
        };
        let mut meta = ObjectMeta::named(r.service_name.unwrap_or(r.name));
        meta.namespace = r.ns.to_string();
        meta.labels = labels;
        Ok(Object {
            meta,
            spec: Spec::Service(ServiceSpec {
                service_type,
                selector: selector.match_labels,
                ports,
                cluster_ip: None,
            }),
        })
    }
}

fn first_ports(t: &PodTemplate) -> Vec<ContainerPort> {
    t.spec
        .containers
        .iter()
        .flat_map(|c| c.ports.clone())
        .collect()
}

fn target(asked: Option<&str>, port: u16) -> PortRef {
    match asked {
        Some(t) => t
            .parse()
            .map_or_else(|_| PortRef::Name(t.to_string()), PortRef::Number),
        None => PortRef::Number(port),
    }
}
