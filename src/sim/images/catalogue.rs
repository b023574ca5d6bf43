//! The simulated registries: which repositories exist, which of their tags,
//! how big an image is, its `STOPSIGNAL`, and the process its default
//! command runs as PID 1.

use super::ImageKind;

/// One repository of the catalogue.
pub(super) struct Entry {
    pub repository: &'static str,
    pub kind: ImageKind,
    pub size_bytes: u64,
    /// The newest release: a numeric tag (`1.27`, `1.14.2`, `v5`,
    /// `3.5.1-0`) exists when it is not newer than this.
    pub newest: &'static [u32],
    /// Tags and tag suffixes (`alpine` in `1.27-alpine`) that exist besides
    /// `latest` and the version numbers.
    pub named: &'static [&'static str],
    /// `STOPSIGNAL` of the image config; SIGTERM when the image sets none.
    pub stop_signal: &'static str,
    /// What the image's default command runs as PID 1 (see [`super::stop`]).
    pub pid1: &'static str,
}

const fn server(
    repository: &'static str,
    size_bytes: u64,
    newest: &'static [u32],
    named: &'static [&'static str],
    stop_signal: &'static str,
    pid1: &'static str,
) -> Entry {
    Entry {
        repository,
        kind: ImageKind::Server,
        size_bytes,
        newest,
        named,
        stop_signal,
        pid1,
    }
}

const fn base(
    repository: &'static str,
    size_bytes: u64,
    newest: &'static [u32],
    named: &'static [&'static str],
) -> Entry {
    Entry {
        repository,
        kind: ImageKind::Base,
        size_bytes,
        newest,
        named,
        stop_signal: "SIGTERM",
        pid1: "sh",
    }
}

const DEBIAN: &[&str] = &["bookworm", "bullseye", "slim", "bookworm-slim"];
const ALPINE: &[&str] = &["alpine", "bookworm", "bullseye", "slim"];

/// The repositories the simulated registries hold. Official Docker Hub
/// images set their `STOPSIGNAL` in their Dockerfiles: nginx SIGQUIT
/// (graceful shutdown), httpd and the php-apache based gb-frontend
/// SIGWINCH (graceful stop), postgres SIGINT (fast shutdown).
pub(super) const CATALOGUE: &[Entry] = &[
    server(
        "docker.io/library/nginx",
        72_099_410,
        &[1, 29],
        &[
            "stable",
            "mainline",
            "alpine",
            "alpine-slim",
            "perl",
            "alpine-perl",
            "bookworm",
        ],
        "SIGQUIT",
        "nginx",
    ),
    server(
        "docker.io/library/httpd",
        58_162_036,
        &[2, 4],
        ALPINE,
        "SIGWINCH",
        "httpd-foreground",
    ),
    server(
        "docker.io/library/redis",
        45_306_137,
        &[8, 0],
        ALPINE,
        "SIGTERM",
        "redis-server",
    ),
    server(
        "docker.io/library/memcached",
        30_522_431,
        &[1, 6],
        ALPINE,
        "SIGTERM",
        "memcached",
    ),
    server(
        "docker.io/library/mysql",
        172_398_540,
        &[9, 3],
        &["lts", "innovation", "oracle", "debian"],
        "SIGTERM",
        "mysqld",
    ),
    server(
        "docker.io/library/postgres",
        153_891_220,
        &[17],
        ALPINE,
        "SIGINT",
        "postgres",
    ),
    server(
        "docker.io/library/mongo",
        254_112_803,
        &[8, 0],
        &["jammy", "noble"],
        "SIGTERM",
        "mongod",
    ),
    server(
        "docker.io/library/rabbitmq",
        91_754_118,
        &[4, 1],
        &["management", "alpine", "management-alpine"],
        "SIGTERM",
        "rabbitmq-server",
    ),
    server(
        "docker.io/library/traefik",
        49_731_200,
        &[3, 4],
        &["alpine"],
        "SIGTERM",
        "traefik",
    ),
    server(
        "registry.k8s.io/pause",
        320_368,
        &[3, 10],
        &[],
        "SIGTERM",
        "pause",
    ),
    server(
        "k8s.gcr.io/pause",
        320_368,
        &[3, 9],
        &[],
        "SIGTERM",
        "pause",
    ),
    server(
        "k8s.gcr.io/echoserver",
        46_229_505,
        &[1, 10],
        &[],
        "SIGTERM",
        "nginx",
    ),
    server(
        "registry.k8s.io/echoserver",
        46_229_505,
        &[1, 10],
        &[],
        "SIGTERM",
        "nginx",
    ),
    server(
        "gcr.io/google-samples/hello-app",
        11_349_011,
        &[2, 0],
        &[],
        "SIGTERM",
        "hello-app",
    ),
    server(
        "gcr.io/google-samples/hello-go-gke",
        8_114_442,
        &[1, 0],
        &[],
        "SIGTERM",
        "hello-app",
    ),
    server(
        "docker.io/bprashanth/nginxhttps",
        43_602_170,
        &[1, 0],
        &[],
        "SIGTERM",
        "nginx",
    ),
    server(
        "registry.k8s.io/e2e-test-images/agnhost",
        51_201_337,
        &[2, 53],
        &[],
        "SIGTERM",
        "agnhost",
    ),
    server(
        "registry.k8s.io/etcd",
        102_643_009,
        &[3, 6],
        &[],
        "SIGTERM",
        "etcd",
    ),
    server(
        "registry.k8s.io/goproxy",
        2_815_740,
        &[0, 1],
        &[],
        "SIGTERM",
        "goproxy",
    ),
    server(
        "docker.io/polinux/stress",
        4_041_495,
        &[1, 0, 4],
        &[],
        "SIGTERM",
        "stress",
    ),
    // The assign-cpu-resource task's image; only `latest` is published
    // (no numeric tags to bound).
    server(
        "docker.io/vish/stress",
        2_010_823,
        &[],
        &[],
        "SIGTERM",
        "stress",
    ),
    server(
        "docker.io/corelab/gb-frontend",
        135_407_611,
        &[5],
        &[],
        "SIGWINCH",
        "apache2-foreground",
    ),
    base(
        "docker.io/library/busybox",
        2_155_305,
        &[1, 37],
        &["musl", "glibc", "uclibc", "stable", "unstable"],
    ),
    base("registry.k8s.io/busybox", 1_144_547, &[1, 27, 2], &[]),
    base("k8s.gcr.io/busybox", 1_144_547, &[1, 27, 2], &[]),
    base("docker.io/library/alpine", 3_653_068, &[3, 22], &["edge"]),
    base(
        "docker.io/library/ubuntu",
        29_754_422,
        &[25, 4],
        &[
            "noble", "jammy", "focal", "bionic", "plucky", "oracular", "rolling", "devel",
        ],
    ),
    base(
        "docker.io/library/debian",
        49_557_601,
        &[12],
        &[
            "bookworm",
            "bullseye",
            "buster",
            "trixie",
            "sid",
            "stable",
            "testing",
            "unstable",
            "slim",
            "bookworm-slim",
            "stable-slim",
        ],
    ),
    base("docker.io/library/fedora", 61_238_413, &[42], &["rawhide"]),
    base(
        "docker.io/library/perl",
        338_114_904,
        &[5, 40],
        &["slim", "threaded", "bookworm", "slim-bookworm"],
    ),
    base("docker.io/library/python", 381_620_185, &[3, 13], DEBIAN),
    base("docker.io/library/bash", 5_964_228, &[5, 2], &["devel"]),
    base("docker.io/curlimages/curl", 11_273_605, &[8, 15], &[]),
    base("docker.io/nicolaka/netshoot", 205_613_431, &[0, 14], &[]),
];

/// The catalogue entry of a repository.
pub(super) fn entry(repository: &str) -> Option<&'static Entry> {
    CATALOGUE.iter().find(|e| e.repository == repository)
}

/// `1.27` → `[1, 27]`, `v5` → `[5]`; None when not a version number.
fn version(text: &str) -> Option<Vec<u32>> {
    let text = text.strip_prefix('v').unwrap_or(text);
    text.split('.').map(|p| p.parse::<u32>().ok()).collect()
}

impl Entry {
    /// Whether the repository has `tag` (a digest is taken as found).
    pub fn has_tag(&self, tag: &str) -> bool {
        if tag == "latest" || tag.starts_with("sha256:") || self.named.contains(&tag) {
            return true;
        }
        let (number, suffix) = match tag.split_once('-') {
            Some((n, s)) => (n, Some(s)),
            None => (tag, None),
        };
        let suffix_ok =
            suffix.is_none_or(|s| self.named.contains(&s) || s.bytes().all(|b| b.is_ascii_digit()));
        let Some(v) = version(number).filter(|v| !v.is_empty()) else {
            return false;
        };
        let n = v.len().min(self.newest.len());
        suffix_ok && v[..n] <= self.newest[..n]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_up_to_the_newest_release_exist() {
        let nginx = entry("docker.io/library/nginx").unwrap();
        for tag in [
            "latest",
            "1.27",
            "1.14.2",
            "1.7.9",
            "1",
            "1.27-alpine",
            "stable",
        ] {
            assert!(nginx.has_tag(tag), "{tag}");
        }
        for tag in ["1.99", "2", "doesnotexist", "1.27-nope", "v"] {
            assert!(!nginx.has_tag(tag), "{tag}");
        }
        let etcd = entry("registry.k8s.io/etcd").unwrap();
        assert!(etcd.has_tag("3.5.1-0"));
        assert!(
            entry("docker.io/corelab/gb-frontend")
                .unwrap()
                .has_tag("v5")
        );
        let names: std::collections::BTreeSet<&str> =
            CATALOGUE.iter().map(|e| e.repository).collect();
        assert_eq!(names.len(), CATALOGUE.len(), "one entry per repository");
    }
}
