//! The Kubernetes release the simulated cluster is: v1.33 (containerd, the
//! default), or v1.23 for the `dockershim` path, which v1.24 removed.
//! Everything a release shows differently lives here: versions, the
//! control-plane node's role labels and taint, image ids, the wording of
//! some events, the pod conditions the kubelet reports.
//! <https://kubernetes.io/releases/>
//! <https://kubernetes.io/blog/2022/02/17/dockershim-faq/>

use super::images::ImageRef;
use super::runtime::RuntimeKind;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Release {
    V1_33,
    V1_23,
}

/// The control-plane role label and taint key since v1.24 (v1.25 dropped
/// the old `master` ones).
/// <https://kubernetes.io/docs/reference/labels-annotations-taints/#node-role-kubernetes-io-control-plane>
pub const CONTROL_PLANE_ROLE: &str = "node-role.kubernetes.io/control-plane";
/// The role label and taint key kubeadm used up to v1.24.
pub const MASTER_ROLE: &str = "node-role.kubernetes.io/master";

impl Release {
    /// The release whose kubelets use this runtime path.
    pub fn of(runtime: RuntimeKind) -> Release {
        match runtime {
            RuntimeKind::Containerd => Release::V1_33,
            RuntimeKind::Dockershim => Release::V1_23,
        }
    }

    /// `gitVersion` of the API server, kubelet and kube-proxy.
    pub fn version(self) -> &'static str {
        match self {
            Release::V1_33 => "v1.33.1",
            Release::V1_23 => "v1.23.17",
        }
    }

    /// `containerRuntimeVersion` of the nodes.
    pub fn runtime_version(self) -> &'static str {
        match self {
            Release::V1_33 => "containerd://2.1.1",
            Release::V1_23 => "docker://20.10.24",
        }
    }

    pub fn os_image(self) -> &'static str {
        match self {
            Release::V1_33 => "Ubuntu 24.04.2 LTS",
            Release::V1_23 => "Ubuntu 20.04.6 LTS",
        }
    }

    pub fn kernel_version(self) -> &'static str {
        match self {
            Release::V1_33 => "6.8.0-60-generic",
            Release::V1_23 => "5.15.0-105-generic",
        }
    }

    /// `kubeProxyVersion` in the node status: the kubelet stopped setting it
    /// in v1.33 (KEP-4004, DisableNodeKubeProxyVersion on by default).
    pub fn kube_proxy_version(self) -> &'static str {
        match self {
            Release::V1_33 => "",
            Release::V1_23 => self.version(),
        }
    }

    /// Write this release's `status.nodeInfo` into a node.
    pub fn node_info(self, n: &mut super::stored::Node) {
        n.kubelet_version = self.version().to_string();
        n.runtime_version = self.runtime_version().to_string();
        n.kube_proxy_version = self.kube_proxy_version().to_string();
        n.os_image = self.os_image().to_string();
        n.kernel_version = self.kernel_version().to_string();
    }

    /// The registry kubeadm pulls the control-plane images from (the move
    /// to registry.k8s.io came with v1.25).
    pub fn registry(self) -> &'static str {
        match self {
            Release::V1_33 => "registry.k8s.io",
            Release::V1_23 => "k8s.gcr.io",
        }
    }

    /// kubeadm's etcd and CoreDNS versions for the release.
    pub fn etcd_tag(self) -> &'static str {
        match self {
            Release::V1_33 => "3.5.21-0",
            Release::V1_23 => "3.5.6-0",
        }
    }

    pub fn coredns_tag(self) -> &'static str {
        match self {
            Release::V1_33 => "v1.12.0",
            Release::V1_23 => "v1.8.6",
        }
    }

    /// The role labels of the control-plane node (kubeadm's).
    pub fn control_plane_roles(self) -> &'static [&'static str] {
        match self {
            Release::V1_33 => &[CONTROL_PLANE_ROLE],
            Release::V1_23 => &[CONTROL_PLANE_ROLE, MASTER_ROLE],
        }
    }

    /// The key of the NoSchedule taint kubeadm puts on the control plane.
    pub fn control_plane_taint(self) -> &'static str {
        match self {
            Release::V1_33 => CONTROL_PLANE_ROLE,
            Release::V1_23 => MASTER_ROLE,
        }
    }

    /// `imageID` of a container status: containerd reports the repository
    /// digest; Docker the `docker-pullable://` reference with the familiar
    /// name (`nginx`, not `docker.io/library/nginx`).
    pub fn image_id(self, image: &ImageRef, digest: &str) -> String {
        match self {
            Release::V1_33 => format!("{}@sha256:{digest}", image.repository),
            Release::V1_23 => format!(
                "docker-pullable://{}@sha256:{digest}",
                familiar(&image.repository)
            ),
        }
    }

    /// `image` of a container status: the fully qualified reference for
    /// containerd, the familiar one for Docker.
    pub fn status_image(self, image: &ImageRef) -> String {
        match self {
            Release::V1_33 => image.full(),
            Release::V1_23 => {
                let full = image.full();
                let rest = &full[image.repository.len()..];
                format!("{}{rest}", familiar(&image.repository))
            }
        }
    }

    /// The kubelet's Pulled event: `in 3.2s (3.2s including waiting).
    /// Image size: N bytes.` since v1.30; plain `in 3.2s` before v1.26.
    pub fn pulled_message(self, image: &str, took: &str, size_bytes: u64) -> String {
        match self {
            Release::V1_33 => format!(
                "Successfully pulled image \"{image}\" in {took} ({took} including waiting). Image size: {size_bytes} bytes."
            ),
            Release::V1_23 => format!("Successfully pulled image \"{image}\" in {took}"),
        }
    }

    /// Whether the kubelet reports the PodReadyToStartContainers condition
    /// (beta and on by default from v1.29).
    /// <https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-has-network>
    pub fn reports_ready_to_start(self) -> bool {
        self == Release::V1_33
    }

    /// The scheduler's reason for a node whose taint the pod does not
    /// tolerate (reworded in v1.24).
    pub fn untolerated_taint(self, key: &str, value: &str) -> String {
        match self {
            Release::V1_33 => format!("node(s) had untolerated taint {{{key}: {value}}}"),
            Release::V1_23 => {
                format!("node(s) had taint {{{key}: {value}}}, that the pod didn't tolerate")
            }
        }
    }

    /// Whether FailedScheduling ends with the preemption summary (added in
    /// v1.24).
    pub fn reports_preemption(self) -> bool {
        self == Release::V1_33
    }
}

/// Docker's familiar name of a repository: without `docker.io/` and
/// `library/`.
fn familiar(repository: &str) -> &str {
    let r = repository.strip_prefix("docker.io/").unwrap_or(repository);
    r.strip_prefix("library/").unwrap_or(r)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::images::parse_ref;

    #[test]
    fn docker_names_images_by_their_familiar_name() {
        // The dockershim reports `docker-pullable://` image ids.
        let nginx = parse_ref("nginx:1.27").unwrap();
        assert_eq!(
            Release::V1_23.image_id(&nginx, "ab"),
            "docker-pullable://nginx@sha256:ab"
        );
        assert_eq!(
            Release::V1_33.image_id(&nginx, "ab"),
            "docker.io/library/nginx@sha256:ab"
        );
        assert_eq!(Release::V1_23.status_image(&nginx), "nginx:1.27");
        assert_eq!(
            Release::V1_33.status_image(&nginx),
            "docker.io/library/nginx:1.27"
        );
        let proxy = parse_ref("k8s.gcr.io/kube-proxy:v1.23.17").unwrap();
        assert_eq!(
            Release::V1_23.status_image(&proxy),
            "k8s.gcr.io/kube-proxy:v1.23.17"
        );
    }
}
