//! The container runtime behind the kubelet's CRI calls.
//!
//! Two paths, as in the history of Kubernetes
//! (<https://kubernetes.io/docs/setup/production-environment/container-runtimes/>,
//! <https://kubernetes.io/blog/2022/02/17/dockershim-faq/>):
//! - `containerd` (the default since v1.24): kubelet → containerd (CRI plugin);
//! - `dockershim` (before v1.24): kubelet → dockershim → docker → containerd.
//!
//! Each call returns the hops it went through, so the activity log (and the
//! cluster view) show the two paths differently.

use super::cni::Ipam;
use super::events::Component;
use super::images::{self, Image, Missing};
use std::collections::BTreeSet;

/// Which runtime path the nodes use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RuntimeKind {
    Containerd,
    Dockershim,
}

impl RuntimeKind {
    pub fn name(self) -> &'static str {
        match self {
            RuntimeKind::Containerd => "containerd",
            RuntimeKind::Dockershim => "dockershim",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "containerd" => Some(RuntimeKind::Containerd),
            "dockershim" | "docker" => Some(RuntimeKind::Dockershim),
            _ => None,
        }
    }

    /// The components a CRI call passes through, after the kubelet.
    pub fn chain(self) -> &'static [Component] {
        match self {
            RuntimeKind::Containerd => &[Component::Containerd],
            RuntimeKind::Dockershim => &[
                Component::Dockershim,
                Component::Docker,
                Component::Containerd,
            ],
        }
    }

    /// `containerRuntimeVersion` in the node status.
    pub fn version(self) -> &'static str {
        match self {
            RuntimeKind::Containerd => "containerd://1.7.22",
            RuntimeKind::Dockershim => "docker://20.10.24",
        }
    }

    /// The kubelet version that goes with the path (dockershim was removed in v1.24).
    pub fn kubelet_version(self) -> &'static str {
        match self {
            RuntimeKind::Containerd => "v1.31.0",
            RuntimeKind::Dockershim => "v1.23.17",
        }
    }

    /// Prefix of container ids (`containerd://...`, `docker://...`).
    pub fn id_scheme(self) -> &'static str {
        match self {
            RuntimeKind::Containerd => "containerd",
            RuntimeKind::Dockershim => "docker",
        }
    }
}

/// One hop of a CRI call: which component did what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hop {
    pub component: Component,
    pub reason: &'static str,
    pub message: String,
}

/// A started image pull: when it ends and how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pull {
    pub duration_ms: u64,
    pub result: Result<Image, String>,
}

/// The CRI as the kubelet sees it.
pub trait Runtime {
    fn kind(&self) -> RuntimeKind;
    /// A copy of this runtime and its state (image cache).
    fn clone_box(&self) -> Box<dyn Runtime>;
    /// RunPodSandbox: the pause container and its network (CNI ADD).
    fn run_pod_sandbox(
        &mut self,
        pod: &str,
        ipam: &mut Ipam,
        hops: &mut Vec<Hop>,
    ) -> Option<String>;
    /// StopPodSandbox + RemovePodSandbox (CNI DEL).
    fn remove_pod_sandbox(
        &mut self,
        pod: &str,
        ip: Option<&str>,
        ipam: &mut Ipam,
        hops: &mut Vec<Hop>,
    );
    fn image_present(&self, image: &str) -> bool;
    /// PullImage: `jitter` (0..1000) comes from the seeded RNG.
    fn pull_image(&mut self, image: &str, jitter: u64, hops: &mut Vec<Hop>) -> Pull;
    /// The pull finished: remember the image.
    fn image_pulled(&mut self, image: &str);
    fn create_container(&mut self, pod: &str, container: &str, attempt: u32, hops: &mut Vec<Hop>);
    fn start_container(&mut self, container: &str, hops: &mut Vec<Hop>);
    /// StopContainer: the image's stop signal now, SIGKILL after `grace_s`.
    fn stop_container(&mut self, container: &str, signal: &str, grace_s: u64, hops: &mut Vec<Hop>);
}

fn hop(component: Component, reason: &'static str, message: String) -> Hop {
    Hop {
        component,
        reason,
        message,
    }
}

/// CNI gives the new sandbox its interface and an address from the node's
/// range (`how`: which plugin path set it up), or `None` when the range is
/// full.
fn cni_add(ipam: &mut Ipam, how: &str, hops: &mut Vec<Hop>) -> Option<String> {
    let ip = ipam.allocate();
    if let Some(ip) = &ip {
        let prefix = ipam.cidr().rsplit('/').next().unwrap_or("24");
        hops.push(hop(
            Component::Cni,
            "AddedInterface",
            format!("eth0 {ip}/{prefix} from {} ({how})", ipam.cidr()),
        ));
    }
    ip
}

/// CNI gives the removed sandbox's address back to the node's range.
fn cni_release(pod: &str, ip: Option<&str>, ipam: &mut Ipam, hops: &mut Vec<Hop>) {
    if let Some(ip) = ip
        && ipam.release(ip)
    {
        hops.push(hop(
            Component::Cni,
            "ReleasedIP",
            format!("{ip} released for {pod}"),
        ));
    }
}

/// The error a failed PullImage returns, as the runtime words it.
/// containerd: Docker Hub answers a repository that does not exist (or is
/// private) with 401 insufficient_scope, other registries with 404; a
/// missing tag of an existing repository is a 404 (`not found`). dockerd
/// (the dockershim path) words both its own way.
fn pull_error(kind: RuntimeKind, image: &str, missing: Missing) -> String {
    let r = images::parse_ref(image);
    let full = r.as_ref().map_or_else(|| image.to_string(), |r| r.full());
    let docker_hub = r
        .as_ref()
        .is_some_and(|r| r.repository.starts_with("docker.io/"));
    match (kind, missing) {
        // The kubelet's CRI client drops `rpc error: code = Unknown desc = `
        // from containerd's errors (k8s.io/cri-client remote_image.go); the
        // v1.23 kubelet of the dockershim path still printed it.
        (RuntimeKind::Containerd, Missing::BadName) => {
            format!("failed to pull and unpack image \"{image}\": invalid reference format")
        }
        (RuntimeKind::Dockershim, Missing::BadName) => {
            "rpc error: code = Unknown desc = Error response from daemon: invalid reference format"
                .to_string()
        }
        (RuntimeKind::Containerd, Missing::Repository) if docker_hub => format!(
            "failed to pull and unpack image \"{full}\": failed to resolve reference \"{full}\": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed"
        ),
        (RuntimeKind::Containerd, _) => format!(
            "rpc error: code = NotFound desc = failed to pull and unpack image \"{full}\": failed to resolve reference \"{full}\": {full}: not found"
        ),
        (RuntimeKind::Dockershim, Missing::Repository) => {
            let repo = r.as_ref().map_or(image, |r| r.short());
            format!(
                "rpc error: code = Unknown desc = Error response from daemon: pull access denied for {repo}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied"
            )
        }
        (RuntimeKind::Dockershim, Missing::Tag) => {
            let name = image.split('@').next().unwrap_or(image);
            format!(
                "rpc error: code = Unknown desc = Error response from daemon: manifest for {name} not found: manifest unknown: manifest unknown"
            )
        }
    }
}

/// containerd with its CRI plugin: the kubelet talks to it directly.
#[derive(Debug, Clone, Default)]
pub struct Containerd {
    images: BTreeSet<String>,
}

/// dockershim inside the kubelet translates CRI calls to the Docker API;
/// dockerd then drives containerd.
#[derive(Debug, Clone, Default)]
pub struct Dockershim {
    images: BTreeSet<String>,
}

fn pull(kind: RuntimeKind, image: &str, present: bool, jitter: u64) -> Pull {
    match images::resolve(image) {
        Ok(img) => Pull {
            duration_ms: if present {
                images::repull_millis(jitter)
            } else {
                images::pull_millis(img.size_bytes, jitter)
            },
            result: Ok(img),
        },
        Err(missing) => Pull {
            duration_ms: 500 + jitter,
            result: Err(pull_error(kind, image, missing)),
        },
    }
}

fn key(image: &str) -> String {
    images::parse_ref(image).map_or_else(|| image.to_string(), |r| r.full())
}

impl Runtime for Containerd {
    fn kind(&self) -> RuntimeKind {
        RuntimeKind::Containerd
    }

    fn clone_box(&self) -> Box<dyn Runtime> {
        Box::new(self.clone())
    }

    fn run_pod_sandbox(
        &mut self,
        pod: &str,
        ipam: &mut Ipam,
        hops: &mut Vec<Hop>,
    ) -> Option<String> {
        hops.push(hop(
            Component::Containerd,
            "RunPodSandbox",
            format!("CRI RunPodSandbox {pod}: pause container started"),
        ));
        cni_add(ipam, "host-local", hops)
    }

    fn remove_pod_sandbox(
        &mut self,
        pod: &str,
        ip: Option<&str>,
        ipam: &mut Ipam,
        hops: &mut Vec<Hop>,
    ) {
        cni_release(pod, ip, ipam, hops);
        hops.push(hop(
            Component::Containerd,
            "RemovePodSandbox",
            format!("CRI StopPodSandbox/RemovePodSandbox {pod}"),
        ));
    }

    fn image_present(&self, image: &str) -> bool {
        self.images.contains(&key(image))
    }

    fn pull_image(&mut self, image: &str, jitter: u64, hops: &mut Vec<Hop>) -> Pull {
        hops.push(hop(
            Component::Containerd,
            "PullImage",
            format!("CRI PullImage {}", key(image)),
        ));
        pull(self.kind(), image, self.image_present(image), jitter)
    }

    fn image_pulled(&mut self, image: &str) {
        self.images.insert(key(image));
    }

    fn create_container(&mut self, pod: &str, container: &str, _attempt: u32, hops: &mut Vec<Hop>) {
        hops.push(hop(
            Component::Containerd,
            "CreateContainer",
            format!("CRI CreateContainer {container} in sandbox of {pod}"),
        ));
    }

    fn start_container(&mut self, container: &str, hops: &mut Vec<Hop>) {
        hops.push(hop(
            Component::Containerd,
            "StartContainer",
            format!("CRI StartContainer {container}: task started"),
        ));
    }

    fn stop_container(&mut self, container: &str, signal: &str, grace_s: u64, hops: &mut Vec<Hop>) {
        hops.push(hop(
            Component::Containerd,
            "StopContainer",
            format!("CRI StopContainer {container} (timeout {grace_s}s): {signal}, SIGKILL if still running after {grace_s}s"),
        ));
    }
}

impl Runtime for Dockershim {
    fn kind(&self) -> RuntimeKind {
        RuntimeKind::Dockershim
    }

    fn clone_box(&self) -> Box<dyn Runtime> {
        Box::new(self.clone())
    }

    fn run_pod_sandbox(
        &mut self,
        pod: &str,
        ipam: &mut Ipam,
        hops: &mut Vec<Hop>,
    ) -> Option<String> {
        hops.push(hop(
            Component::Dockershim,
            "RunPodSandbox",
            format!("CRI RunPodSandbox {pod} → Docker API POST /containers/create (k8s_POD_{pod})"),
        ));
        hops.push(hop(
            Component::Docker,
            "ContainerCreate",
            format!("dockerd creates and starts k8s_POD_{pod} (pause)"),
        ));
        hops.push(hop(
            Component::Containerd,
            "TaskStart",
            format!("containerd runs the pause task for {pod}"),
        ));
        cni_add(ipam, "set up by dockershim", hops)
    }

    fn remove_pod_sandbox(
        &mut self,
        pod: &str,
        ip: Option<&str>,
        ipam: &mut Ipam,
        hops: &mut Vec<Hop>,
    ) {
        cni_release(pod, ip, ipam, hops);
        hops.push(hop(
            Component::Dockershim,
            "RemovePodSandbox",
            format!("CRI RemovePodSandbox {pod} → Docker API DELETE /containers/k8s_POD_{pod}"),
        ));
        hops.push(hop(
            Component::Docker,
            "ContainerRemove",
            format!("dockerd removes k8s_POD_{pod}"),
        ));
    }

    fn image_present(&self, image: &str) -> bool {
        self.images.contains(&key(image))
    }

    fn pull_image(&mut self, image: &str, jitter: u64, hops: &mut Vec<Hop>) -> Pull {
        hops.push(hop(
            Component::Dockershim,
            "PullImage",
            format!(
                "CRI PullImage {} → Docker API POST /images/create",
                key(image)
            ),
        ));
        hops.push(hop(
            Component::Docker,
            "ImagePull",
            format!("dockerd pulls {}", key(image)),
        ));
        hops.push(hop(
            Component::Containerd,
            "ContentFetch",
            format!("containerd stores the layers of {}", key(image)),
        ));
        pull(self.kind(), image, self.image_present(image), jitter)
    }

    fn image_pulled(&mut self, image: &str) {
        self.images.insert(key(image));
    }

    fn create_container(&mut self, pod: &str, container: &str, attempt: u32, hops: &mut Vec<Hop>) {
        hops.push(hop(
            Component::Dockershim,
            "CreateContainer",
            format!("CRI CreateContainer {container} → Docker API POST /containers/create"),
        ));
        hops.push(hop(
            Component::Docker,
            "ContainerCreate",
            format!("dockerd creates k8s_{container}_{pod}_{attempt}"),
        ));
        hops.push(hop(
            Component::Containerd,
            "ContainerCreate",
            format!("containerd prepares the snapshot for k8s_{container}_{pod}_{attempt}"),
        ));
    }

    fn start_container(&mut self, container: &str, hops: &mut Vec<Hop>) {
        hops.push(hop(
            Component::Dockershim,
            "StartContainer",
            format!("CRI StartContainer {container} → Docker API POST /containers/{{id}}/start"),
        ));
        hops.push(hop(
            Component::Docker,
            "ContainerStart",
            format!("dockerd starts {container}"),
        ));
        hops.push(hop(
            Component::Containerd,
            "TaskStart",
            format!("containerd-shim runs the task of {container}"),
        ));
    }

    fn stop_container(&mut self, container: &str, signal: &str, grace_s: u64, hops: &mut Vec<Hop>) {
        hops.push(hop(
            Component::Dockershim,
            "StopContainer",
            format!("CRI StopContainer {container} → Docker API POST /containers/{{id}}/stop?t={grace_s}"),
        ));
        hops.push(hop(
            Component::Docker,
            "ContainerStop",
            format!("dockerd sends {signal} to {container}, SIGKILL after {grace_s}s"),
        ));
        hops.push(hop(
            Component::Containerd,
            "TaskKill",
            format!("containerd kills the task of {container}"),
        ));
    }
}

/// A fresh runtime of the given kind.
pub fn new_runtime(kind: RuntimeKind) -> Box<dyn Runtime> {
    match kind {
        RuntimeKind::Containerd => Box::new(Containerd::default()),
        RuntimeKind::Dockershim => Box::new(Dockershim::default()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_two_paths_name_every_hop() {
        // https://kubernetes.io/blog/2022/02/17/dockershim-faq/
        let mut ipam = Ipam::new("10.244.1.0/24").unwrap();
        let mut hops = Vec::new();
        let mut c = Containerd::default();
        c.create_container("web", "nginx", 0, &mut hops);
        assert_eq!(
            hops.iter().map(|h| h.component).collect::<Vec<_>>(),
            [Component::Containerd]
        );
        hops.clear();
        let mut d = Dockershim::default();
        d.create_container("web", "nginx", 0, &mut hops);
        assert_eq!(
            hops.iter().map(|h| h.component).collect::<Vec<_>>(),
            RuntimeKind::Dockershim.chain()
        );
        hops.clear();
        assert_eq!(
            d.run_pod_sandbox("web", &mut ipam, &mut hops).as_deref(),
            Some("10.244.1.2")
        );
        assert_eq!(hops.last().unwrap().component, Component::Cni);
    }

    #[test]
    fn pulls_fail_for_unknown_repositories() {
        let mut hops = Vec::new();
        let mut c = Containerd::default();
        let p = c.pull_image("ngnix:1.27", 0, &mut hops);
        assert_eq!(p.duration_ms, 500);
        let err = p.result.unwrap_err();
        assert!(err.contains("\"docker.io/library/ngnix:1.27\""), "{err}");
        let ok = c.pull_image("nginx", 0, &mut hops);
        assert!(ok.result.is_ok());
        assert!(!c.image_present("nginx"));
        c.image_pulled("nginx:latest");
        assert!(c.image_present("nginx"));
    }
}
