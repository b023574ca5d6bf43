//! Requests from inside a pod: cluster DNS (`web`, `web.default`,
//! `web.default.svc.cluster.local`, `web-0.web` for a StatefulSet pod
//! behind a headless Service), a Service's virtual IP spread over its ready
//! endpoints by kube-proxy, pod IPs, node ports; and `kubectl exec`, which
//! runs a command in a container with the cluster's network around it.
//! <https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/>
//! <https://kubernetes.io/docs/reference/networking/virtual-ips/>

use super::clock::Rng;
use super::cluster::Cluster;
use super::fs::FsView;
use super::kubelet::CtrHost;
use super::objects::*;
use super::proxy::ProxyMode;
use super::shell::host::{Lookup, NetError, host_of};
use super::shell::{Host, HttpReply};
use super::stored::*;
use std::collections::BTreeMap;

pub const CLUSTER_DOMAIN: &str = "cluster.local";
/// The `kube-dns` Service address every pod's resolv.conf names.
pub const DNS_SERVICE_IP: &str = "10.96.0.10";

/// What a name or address stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Service { ns: String, name: String },
    Pod(Oid),
    Node(NodeId),
}

/// Who answered one request made during an `exec`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    /// As typed (`web`, `web.default:8080`).
    pub url: String,
    /// The Service that spread it, if any (`web (10.96.12.34:80)`).
    pub via: Option<String>,
    /// The pod and address that answered (`web-7c9-x2x4q (10.244.1.5:80)`).
    pub pod: String,
}

/// The output of `kubectl exec`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExecOutput {
    pub lines: Vec<String>,
    pub code: i32,
    pub answered: Vec<Answer>,
    pub defaulted: Option<String>,
}

impl Cluster {
    /// Resolve `name` as a pod in `ns` would (search `ns.svc.cluster.local`,
    /// `svc.cluster.local`, `cluster.local`): the FQDN and what it stands for.
    pub fn resolve(&self, ns: &str, name: &str) -> Option<(String, Vec<(String, Target)>)> {
        let name = name.trim_end_matches('.');
        if super::cni::parse_ip(name).is_some() {
            return self
                .by_ip(name)
                .map(|t| (name.to_string(), vec![(name.to_string(), t)]));
        }
        let candidates = [
            format!("{name}.{ns}.svc.{CLUSTER_DOMAIN}"),
            format!("{name}.svc.{CLUSTER_DOMAIN}"),
            format!("{name}.{CLUSTER_DOMAIN}"),
            name.to_string(),
        ];
        candidates
            .into_iter()
            .find_map(|fqdn| self.lookup_fqdn(&fqdn).map(|a| (fqdn, a)))
    }

    fn lookup_fqdn(&self, fqdn: &str) -> Option<Vec<(String, Target)>> {
        let rest = fqdn.strip_suffix(&format!(".{CLUSTER_DOMAIN}"))?;
        let parts: Vec<&str> = rest.split('.').collect();
        let s = self.store();
        match parts.as_slice() {
            [svc, ns, "svc"] => {
                let sv = s.services().find(ns, svc)?;
                if sv.cluster_ip() == "None" {
                    let ep = s.endpoints().find(ns, svc)?;
                    let addrs: Vec<(String, Target)> = ep
                        .ready
                        .iter()
                        .map(|a| (a.ip.clone(), Target::Pod(a.pod_oid)))
                        .collect();
                    return (!addrs.is_empty()).then_some(addrs);
                }
                Some(vec![(
                    sv.cluster_ip().to_string(),
                    Target::Service {
                        ns: ns.to_string(),
                        name: svc.to_string(),
                    },
                )])
            }
            [host, sub, ns, "svc"] => {
                s.services()
                    .find(ns, sub)
                    .filter(|sv| sv.cluster_ip() == "None")?;
                let pod = s.pods().in_namespace(ns).find(|p| {
                    p.spec.hostname.as_deref() == Some(*host)
                        && p.spec.subdomain.as_deref() == Some(*sub)
                        && p.status.pod_ip.is_some()
                        && p.is_active()
                })?;
                Some(vec![(
                    pod.status.pod_ip.clone()?,
                    Target::Pod(pod.meta.oid),
                )])
            }
            [dashed, _ns, "pod"] => {
                let ip = dashed.replace('-', ".");
                self.by_ip(&ip).map(|t| vec![(ip, t)])
            }
            _ => None,
        }
    }

    /// What an IP address belongs to.
    pub fn by_ip(&self, ip: &str) -> Option<Target> {
        let s = self.store();
        if let Some(sv) = s.services().iter().find(|sv| sv.cluster_ip() == ip) {
            return Some(Target::Service {
                ns: sv.meta.namespace.clone(),
                name: sv.meta.name.clone(),
            });
        }
        if let Some(p) = s
            .pods()
            .iter()
            .find(|p| p.status.pod_ip.as_deref() == Some(ip) && !p.status.phase.is_terminal())
        {
            return Some(Target::Pod(p.meta.oid));
        }
        s.nodes()
            .iter()
            .position(|n| n.internal_ip == ip)
            .map(Target::Node)
    }

    /// The port of `pod` a Service port sends to (a number or a named port).
    fn target_port(pod: &Pod, port: &PortRef) -> Option<u16> {
        match port {
            PortRef::Number(n) => Some(*n),
            PortRef::Name(name) => pod
                .spec
                .containers
                .iter()
                .flat_map(|c| &c.ports)
                .find(|p| p.name.as_deref() == Some(name.as_str()))
                .map(|p| p.container_port),
        }
    }

    /// One GET from a pod, answered by whatever is behind `url`.
    fn request(
        &mut self,
        from_ns: &str,
        url: &str,
        rng: &mut Rng,
        answered: &mut Vec<Answer>,
    ) -> Result<HttpReply, NetError> {
        let (host, port, path) = host_of(url);
        let Some((_, addrs)) = self.resolve(from_ns, &host) else {
            return Err(NetError::NoSuchHost(host));
        };
        let pick = rng.below(addrs.len() as u64) as usize;
        let (ip, target) = addrs[pick].clone();
        let now = self.now();
        let refused = |host: &str| NetError::Refused {
            host: host.to_string(),
            ip: ip.clone(),
            port,
        };
        let timeout = NetError::Timeout {
            host: host.clone(),
            ip: ip.clone(),
            port,
        };
        let (pod_oid, pod_port, via) = match target {
            Target::Pod(oid) => (oid, port, None),
            Target::Service { ns, name } => {
                let sv = self
                    .store()
                    .services()
                    .find(&ns, &name)
                    .cloned()
                    .ok_or(timeout.clone())?;
                let sp = sv
                    .spec
                    .ports
                    .iter()
                    .find(|p| p.port == port)
                    .cloned()
                    .ok_or(timeout.clone())?;
                self.via_service(&sv, &sp, rng)
                    .ok_or_else(|| refused(&host))
                    .map(|(oid, p)| {
                        (oid, p, Some(format!("{name} ({}:{port})", sv.cluster_ip())))
                    })?
            }
            Target::Node(_) => {
                let sv = self
                    .store()
                    .services()
                    .iter()
                    .find(|s| s.spec.ports.iter().any(|p| p.node_port == Some(port)))
                    .cloned()
                    .ok_or_else(|| refused(&host))?;
                let sp = sv
                    .spec
                    .ports
                    .iter()
                    .find(|p| p.node_port == Some(port))
                    .cloned()
                    .ok_or(timeout.clone())?;
                self.via_service(&sv, &sp, rng)
                    .ok_or_else(|| refused(&host))
                    .map(|(oid, p)| {
                        (
                            oid,
                            p,
                            Some(format!("{} (NodePort {ip}:{port})", sv.meta.name)),
                        )
                    })?
            }
        };
        let (node, pod_name, pod_ip) = {
            let p = self.store().pods().get(pod_oid).ok_or(timeout.clone())?;
            (
                p.node.ok_or(timeout.clone())?,
                p.meta.name.clone(),
                p.status.pod_ip.clone().unwrap_or_default(),
            )
        };
        let disks = &self.disks;
        let reply = self.kubelets[node].http(pod_oid, pod_port, &path, now, disks);
        match reply {
            Ok(r) => {
                answered.push(Answer {
                    url: url.to_string(),
                    via,
                    pod: format!("{pod_name} ({pod_ip}:{pod_port})"),
                });
                Ok(r)
            }
            Err(true) => Err(NetError::Refused { host, ip, port }),
            Err(false) => Err(timeout),
        }
    }

    /// The ready endpoint of a Service that takes this connection, and
    /// the pod port it goes to.
    fn via_service(&mut self, sv: &Service, sp: &ServicePort, rng: &mut Rng) -> Option<(Oid, u16)> {
        let ready = self
            .store()
            .endpoints()
            .find(&sv.meta.namespace, &sv.meta.name)?
            .ready
            .clone();
        if ready.is_empty() {
            return None;
        }
        let i = match self.proxy.mode() {
            ProxyMode::Random => rng.below(ready.len() as u64) as usize,
            ProxyMode::RoundRobin => self.proxy.next_round_robin(sv.meta.oid, ready.len()),
        };
        let addr = ready[i].clone();
        let pod = self.store().pods().get(addr.pod_oid)?;
        let port = Self::target_port(pod, &sp.target_port)?;
        self.proxy.count(sv.meta.oid, &addr.pod);
        Some((addr.pod_oid, port))
    }

    /// `kubectl exec POD [-c CONTAINER] -- COMMAND...`: run the command in
    /// the container now, with its files, variables and the cluster network.
    pub fn exec(
        &mut self,
        ns: &str,
        pod: &str,
        container: Option<&str>,
        argv: &[String],
    ) -> Result<ExecOutput, String> {
        let p = self
            .store()
            .pods()
            .find(ns, pod)
            .ok_or_else(|| format!("Error from server (NotFound): pods \"{pod}\" not found"))?;
        let (oid, node) = (p.meta.oid, p.node);
        let Some(node) = node else {
            return Err(format!(
                "error: unable to upgrade connection: container not found (\"{}\")",
                container.unwrap_or(p.spec.containers.first().map_or("", |c| c.name.as_str()))
            ));
        };
        let now = self.now();
        let target = self.kubelets[node].exec_target(oid, container, &self.disks, now)?;
        let tools = crate::sim::images::lookup(&target.image);
        let mut rng =
            Rng::new(self.seed ^ self.now().rotate_left(17) ^ self.api.store().revision());
        let mut host = ExecHost {
            cluster: self,
            ns: ns.to_string(),
            inner: target.host,
            image: target.image.clone(),
            rng: &mut rng,
            answered: Vec::new(),
        };
        let _ = tools;
        let first = argv.first().cloned().unwrap_or_default();
        if !host.has_program(&first)
            && !matches!(
                first.as_str(),
                "sh" | "cat" | "ls" | "echo" | "env" | "printenv"
            )
        {
            return Err(format!(
                "error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec: OCI runtime exec failed: exec failed: unable to start container process: exec: \"{first}\": executable file not found in $PATH: unknown"
            ));
        }
        let program = crate::sim::shell::run_argv_on(argv, &mut host);
        let answered = std::mem::take(&mut host.answered);
        let code = match program.run {
            crate::sim::shell::Run::Exit { code, .. } => code,
            crate::sim::shell::Run::Forever => 0,
        };
        let lines = program.logs_until(u64::MAX / 2, 1000);
        self.kubelets[node].apply_exec(oid, &target.container, &program.ops, &mut self.disks);
        Ok(ExecOutput {
            lines,
            code,
            answered,
            defaulted: target.defaulted,
        })
    }
}

/// A command run by `kubectl exec`: the container's files and variables,
/// and the cluster's network.
struct ExecHost<'c> {
    cluster: &'c mut Cluster,
    ns: String,
    inner: CtrHost,
    image: String,
    rng: &'c mut Rng,
    answered: Vec<Answer>,
}

/// Which network programs an image has: busybox-based images have `wget`
/// and `nslookup`, Debian-based servers and the curl image have `curl`.
pub fn image_has(image: &str, program: &str) -> bool {
    let short = crate::sim::images::lookup(image).map(|i| i.reference.short().to_string());
    let Some(short) = short else {
        return false;
    };
    match program {
        "curl" => matches!(
            short.as_str(),
            "nginx" | "curl" | "netshoot" | "python" | "fedora" | "httpd" | "echoserver"
        ),
        "wget" | "nslookup" => matches!(
            short.as_str(),
            "busybox" | "alpine" | "netshoot" | "agnhost"
        ),
        _ => true,
    }
}

impl Host for ExecHost<'_> {
    fn fs(&mut self) -> &mut FsView {
        &mut self.inner.fs
    }

    fn env(&self) -> &BTreeMap<String, String> {
        &self.inner.env
    }

    fn hostname(&self) -> String {
        self.inner.hostname.clone()
    }

    fn clock_ms(&self) -> Option<u64> {
        Some(self.inner.clock_ms)
    }

    fn has_program(&self, name: &str) -> bool {
        image_has(&self.image, name)
    }

    fn http_get(&mut self, url: &str) -> Result<HttpReply, NetError> {
        let ns = self.ns.clone();
        self.cluster.request(&ns, url, self.rng, &mut self.answered)
    }

    fn lookup(&mut self, name: &str) -> Option<Lookup> {
        let (fqdn, addrs) = self.cluster.resolve(&self.ns, name)?;
        Some(Lookup {
            name: fqdn,
            addresses: addrs.into_iter().map(|(ip, _)| ip).collect(),
        })
    }

    fn dns_server(&self) -> String {
        DNS_SERVICE_IP.to_string()
    }
}
