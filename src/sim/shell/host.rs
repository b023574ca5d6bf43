//! What a command runs on: the container's files and environment, its
//! hostname, and the cluster network (for `curl`, `wget`, `nslookup`).
//! Container commands started by the kubelet and `kubectl exec` each
//! provide one; tests and plain programs use [`NoHost`].

use crate::sim::fs::FsView;
use std::collections::BTreeMap;

/// The answer to an HTTP GET.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpReply {
    pub status: u16,
    pub body: String,
}

/// Why a request got no answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NetError {
    /// The name did not resolve.
    NoSuchHost(String),
    /// Nothing listens there (`host` as typed, the address dialled).
    Refused { host: String, ip: String, port: u16 },
    /// Packets went nowhere (a Service with no endpoints, a dead node).
    Timeout { host: String, ip: String, port: u16 },
}

/// A name lookup: the name that matched and its addresses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lookup {
    pub name: String,
    pub addresses: Vec<String>,
}

pub trait Host {
    fn fs(&mut self) -> &mut FsView;
    /// The environment the command starts with.
    fn env(&self) -> &BTreeMap<String, String>;
    fn hostname(&self) -> String {
        "localhost".into()
    }
    /// Simulated time when the command starts (for `date`).
    fn clock_ms(&self) -> Option<u64> {
        None
    }
    /// Whether the image has this program (`curl` is not in busybox).
    fn has_program(&self, _name: &str) -> bool {
        true
    }
    fn http_get(&mut self, url: &str) -> Result<HttpReply, NetError> {
        Err(NetError::NoSuchHost(host_of(url).0))
    }
    /// Resolve a name with the pod's DNS settings (search domains).
    fn lookup(&mut self, _name: &str) -> Option<Lookup> {
        None
    }
    /// The address of the DNS server (for `nslookup`).
    fn dns_server(&self) -> String {
        "10.96.0.10".into()
    }
}

/// No files, no variables, no network.
#[derive(Debug, Default)]
pub struct NoHost {
    fs: FsView,
    env: BTreeMap<String, String>,
}

impl Host for NoHost {
    fn fs(&mut self) -> &mut FsView {
        &mut self.fs
    }

    fn env(&self) -> &BTreeMap<String, String> {
        &self.env
    }
}

/// (host, port, path) of an `http://host[:port]/path` URL (port 80 when
/// absent).
pub fn host_of(url: &str) -> (String, u16, String) {
    let rest = url
        .strip_prefix("http://")
        .or_else(|| url.strip_prefix("https://"))
        .unwrap_or(url);
    let (hostport, path) = match rest.find('/') {
        Some(i) => (&rest[..i], rest[i..].to_string()),
        None => (rest, "/".to_string()),
    };
    match hostport.rsplit_once(':') {
        Some((h, p)) => (h.to_string(), p.parse().unwrap_or(0), path),
        None => (hostport.to_string(), 80, path),
    }
}
