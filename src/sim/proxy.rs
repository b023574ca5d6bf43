//! kube-proxy: programs each node so that traffic to a Service's ClusterIP
//! reaches one of its ready endpoints. In the default iptables mode each
//! connection picks an endpoint at random (equal probability); IPVS mode
//! can round-robin. Simulated clients (`traffic SERVICE RPS`) send requests
//! and the proxy counts where they land.
//! <https://kubernetes.io/docs/reference/networking/virtual-ips/>

use super::apiserver::ApiServer;
use super::clock::{Rng, STEP_MS};
use super::events::{Component, ObjRef};
use super::objects::Kind;
use super::store::{Op, Res, WatchEvent};
use super::stored::*;
use std::collections::{BTreeMap, VecDeque};

/// Seconds of request history kept per Service (for a sparkline).
pub const HISTORY_SECONDS: usize = 120;
/// Requests per second are capped here.
pub const MAX_RPS: u32 = 10_000;

/// How kube-proxy spreads connections.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProxyMode {
    /// iptables mode: a random endpoint per connection.
    Random,
    /// IPVS `rr`: endpoints in turn.
    RoundRobin,
}

/// Traffic to one Service.
#[derive(Debug, Clone, Default)]
pub struct Traffic {
    pub namespace: String,
    pub service: String,
    /// The ready endpoints kube-proxy currently sends to: (pod, ip).
    pub endpoints: Vec<(String, String)>,
    /// The node of each endpoint (same order), when the slice names one.
    nodes: Vec<Option<String>>,
    /// Requests per second the simulated clients send.
    pub rps: u32,
    /// Requests each pod has served (by pod name).
    pub per_pod: BTreeMap<String, u64>,
    pub total: u64,
    /// Requests that found no endpoint (connection refused).
    pub dropped: u64,
    /// Requests sent to an endpoint on a node that is down: its rules still
    /// name the Pod until the node's Ready condition turns Unknown and the
    /// EndpointSlice drops it (node-monitor-grace-period), and meanwhile
    /// nothing answers there, so the client times out.
    pub timed_out: u64,
    /// Requests per second over the last [`HISTORY_SECONDS`], oldest first.
    pub history: VecDeque<u32>,
    current_second: u64,
    current_count: u32,
    accum_milli: u64,
    next_rr: usize,
}

impl Traffic {
    fn roll(&mut self, now: u64) {
        let sec = now / 1000;
        while self.current_second < sec {
            self.history.push_back(self.current_count);
            if self.history.len() > HISTORY_SECONDS {
                self.history.pop_front();
            }
            self.current_count = 0;
            self.current_second += 1;
            if sec - self.current_second > HISTORY_SECONDS as u64 {
                self.current_second = sec - HISTORY_SECONDS as u64;
            }
        }
    }
}

#[derive(Debug, Clone)]
pub struct Proxy {
    services: BTreeMap<Oid, Traffic>,
    /// The Service of each EndpointSlice seen (slices are read per Service).
    slice_service: BTreeMap<Oid, Oid>,
    mode: ProxyMode,
    rng: Rng,
}

impl Proxy {
    pub fn new(rng: Rng) -> Self {
        Proxy {
            services: BTreeMap::new(),
            slice_service: BTreeMap::new(),
            mode: ProxyMode::Random,
            rng,
        }
    }

    pub fn mode(&self) -> ProxyMode {
        self.mode
    }

    pub fn set_mode(&mut self, mode: ProxyMode) {
        self.mode = mode;
    }

    /// Traffic state of a Service, if kube-proxy knows it.
    pub fn traffic(&self, service: Oid) -> Option<&Traffic> {
        self.services.get(&service)
    }

    /// A request from inside the cluster reached `pod` through the Service.
    pub fn count(&mut self, service: Oid, pod: &str) {
        if let Some(t) = self.services.get_mut(&service) {
            t.total += 1;
            t.current_count += 1;
            *t.per_pod.entry(pod.to_string()).or_default() += 1;
        }
    }

    /// The next endpoint in IPVS round-robin order for a Service.
    pub fn next_round_robin(&mut self, service: Oid, n: usize) -> usize {
        let Some(t) = self.services.get_mut(&service) else {
            return 0;
        };
        t.next_rr %= n.max(1);
        let i = t.next_rr;
        t.next_rr += 1;
        i
    }

    /// Start (or stop, with 0) simulated requests to a Service.
    pub fn set_rps(&mut self, service: &Service, rps: u32, now: u64) {
        let t = self
            .services
            .entry(service.meta.oid)
            .or_insert_with(|| Traffic {
                namespace: service.meta.namespace.clone(),
                service: service.meta.name.clone(),
                current_second: now / 1000,
                ..Traffic::default()
            });
        t.rps = rps.min(MAX_RPS);
    }

    /// One step of kube-proxy and of the simulated clients. `down` names
    /// the nodes whose kubelet (and Pods) are gone.
    pub fn step(&mut self, window: &[WatchEvent], api: &mut ApiServer, down: &[&str]) {
        for ev in window {
            match (ev.res, ev.op) {
                (Res::Service, Op::Deleted) => {
                    self.services.remove(&ev.oid);
                }
                // kube-proxy reads EndpointSlices (Endpoints is deprecated).
                (Res::EndpointSlice, Op::Deleted) => {
                    if let Some(svc) = self.slice_service.remove(&ev.oid) {
                        self.sync_service(svc, api);
                    }
                }
                (Res::EndpointSlice, _) => {
                    let store = api.store();
                    let svc = store.endpointslices().get(ev.oid).and_then(|e| {
                        let name = e.service_name()?;
                        store.services().find(&e.meta.namespace, name)
                    });
                    if let Some(svc) = svc.map(|s| s.meta.oid) {
                        self.slice_service.insert(ev.oid, svc);
                        self.sync_service(svc, api);
                    }
                }
                _ => {}
            }
        }
        let now = api.now();
        let mode = self.mode;
        for t in self.services.values_mut() {
            t.roll(now);
            if t.rps == 0 {
                continue;
            }
            t.accum_milli += u64::from(t.rps) * STEP_MS;
            let n = t.accum_milli / 1000;
            t.accum_milli %= 1000;
            for _ in 0..n {
                t.total += 1;
                t.current_count += 1;
                if t.endpoints.is_empty() {
                    t.dropped += 1;
                    continue;
                }
                let i = match mode {
                    ProxyMode::Random => self.rng.below(t.endpoints.len() as u64) as usize,
                    ProxyMode::RoundRobin => {
                        t.next_rr %= t.endpoints.len();
                        let i = t.next_rr;
                        t.next_rr += 1;
                        i
                    }
                };
                if t.nodes[i].as_deref().is_some_and(|n| down.contains(&n)) {
                    t.timed_out += 1;
                    continue;
                }
                *t.per_pod.entry(t.endpoints[i].0.clone()).or_default() += 1;
            }
        }
    }

    /// The ready endpoints of a Service, from all its EndpointSlices.
    fn sync_service(&mut self, svc: Oid, api: &mut ApiServer) {
        let store = api.store();
        let Some(service) = store.services().get(svc) else {
            return;
        };
        let (ns, name) = (service.meta.namespace.clone(), service.meta.name.clone());
        let mut ready: Vec<(String, Option<String>, String)> = Vec::new();
        let mut port = None;
        for e in store
            .endpointslices()
            .in_namespace(&ns)
            .filter(|e| e.service_name() == Some(name.as_str()))
        {
            port = port.or(e.ports.first().map(|p| p.port));
            ready.extend(
                e.endpoints
                    .iter()
                    .filter(|x| x.ready)
                    .map(|x| (x.address.clone(), x.node.clone(), x.pod.clone())),
            );
        }
        ready.sort();
        let nodes: Vec<Option<String>> = ready.iter().map(|(_, node, _)| node.clone()).collect();
        let ready: Vec<(String, String)> =
            ready.into_iter().map(|(ip, _, pod)| (pod, ip)).collect();
        let now = api.now();
        let t = self.services.entry(svc).or_insert_with(|| Traffic {
            namespace: ns.clone(),
            service: name.clone(),
            current_second: now / 1000,
            ..Traffic::default()
        });
        let new = ready;
        let port = port.map_or(String::new(), |p| format!(":{p}"));
        let object = ObjRef::new(Kind::Service, &ns, &name);
        let who = |pod: &str| {
            if pod.is_empty() {
                String::new()
            } else {
                format!(" ({pod})")
            }
        };
        for (pod, ip) in new.iter().filter(|e| !t.endpoints.contains(e)) {
            api.act(
                Component::KubeProxy,
                object.clone(),
                "EndpointAdded",
                format!("{name}: {ip}{port}{} added to the service rules", who(pod)),
            );
        }
        for (pod, ip) in t.endpoints.iter().filter(|e| !new.contains(e)) {
            api.act(
                Component::KubeProxy,
                object.clone(),
                "EndpointRemoved",
                format!(
                    "{name}: {ip}{port}{} removed from the service rules",
                    who(pod)
                ),
            );
        }
        t.endpoints = new;
        t.nodes = nodes;
    }
}
