//! The simulated image catalogue: which images "exist" (can be pulled), how
//! big they are, and what their containers do when started (see
//! CONTRACT-sim.md). What a command or args make a container do is read by
//! [`super::shell`].

use super::shell::{self, Program};

/// How an image behaves without a command.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageKind {
    /// A server: runs until stopped.
    Server,
    /// A base image whose default command is a shell or interpreter: with no
    /// TTY it exits 0 at once.
    Base,
}

/// A resolved image reference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImageRef {
    /// `docker.io/library/nginx`
    pub repository: String,
    /// `1.27`, `latest`, or `sha256:...` for a digest.
    pub tag: String,
}

impl ImageRef {
    /// The fully qualified reference (`docker.io/library/nginx:1.27`).
    pub fn full(&self) -> String {
        if self.tag.starts_with("sha256:") {
            format!("{}@{}", self.repository, self.tag)
        } else {
            format!("{}:{}", self.repository, self.tag)
        }
    }

    /// The last path component (`nginx`).
    pub fn short(&self) -> &str {
        self.repository
            .rsplit('/')
            .next()
            .unwrap_or(&self.repository)
    }
}

/// Parse an image name the way container runtimes normalise it: a missing
/// registry means Docker Hub, a single-word repository means `library/`, a
/// missing tag means `latest`. `None` for an empty or malformed name.
pub fn parse_ref(image: &str) -> Option<ImageRef> {
    let image = image.trim();
    if image.is_empty() || image.contains(char::is_whitespace) {
        return None;
    }
    let (name, tag) = if let Some((n, d)) = image.split_once('@') {
        (n, d.to_string())
    } else {
        let slash = image.rfind('/').map_or(0, |i| i + 1);
        match image[slash..].rfind(':') {
            Some(c) => (&image[..slash + c], image[slash + c + 1..].to_string()),
            None => (image, "latest".to_string()),
        }
    };
    if name.is_empty() || tag.is_empty() || name.ends_with('/') {
        return None;
    }
    let mut parts: Vec<&str> = name.split('/').collect();
    let has_registry = parts.len() > 1
        && (parts[0].contains('.') || parts[0].contains(':') || parts[0] == "localhost");
    let registry = if has_registry {
        parts.remove(0)
    } else {
        "docker.io"
    };
    if registry == "docker.io" && parts.len() == 1 {
        parts.insert(0, "library");
    }
    Some(ImageRef {
        repository: format!("{registry}/{}", parts.join("/")),
        tag,
    })
}

/// (repository, kind, size in bytes)
const CATALOGUE: &[(&str, ImageKind, u64)] = &[
    ("docker.io/library/nginx", ImageKind::Server, 72_099_410),
    ("docker.io/library/httpd", ImageKind::Server, 58_162_036),
    ("docker.io/library/redis", ImageKind::Server, 45_306_137),
    ("docker.io/library/memcached", ImageKind::Server, 30_522_431),
    ("docker.io/library/mysql", ImageKind::Server, 172_398_540),
    ("docker.io/library/postgres", ImageKind::Server, 153_891_220),
    ("docker.io/library/mongo", ImageKind::Server, 254_112_803),
    ("docker.io/library/rabbitmq", ImageKind::Server, 91_754_118),
    ("docker.io/library/traefik", ImageKind::Server, 49_731_200),
    ("registry.k8s.io/pause", ImageKind::Server, 320_368),
    ("k8s.gcr.io/pause", ImageKind::Server, 320_368),
    ("k8s.gcr.io/echoserver", ImageKind::Server, 46_229_505),
    ("registry.k8s.io/echoserver", ImageKind::Server, 46_229_505),
    (
        "gcr.io/google-samples/hello-app",
        ImageKind::Server,
        11_349_011,
    ),
    (
        "gcr.io/google-samples/hello-go-gke",
        ImageKind::Server,
        8_114_442,
    ),
    (
        "docker.io/bprashanth/nginxhttps",
        ImageKind::Server,
        43_602_170,
    ),
    (
        "registry.k8s.io/e2e-test-images/agnhost",
        ImageKind::Server,
        51_201_337,
    ),
    ("registry.k8s.io/etcd", ImageKind::Server, 102_643_009),
    ("registry.k8s.io/goproxy", ImageKind::Server, 2_815_740),
    ("docker.io/polinux/stress", ImageKind::Server, 4_041_495),
    ("docker.io/vish/stress", ImageKind::Server, 2_010_823),
    ("docker.io/curlimages/curl", ImageKind::Base, 11_273_605),
    ("docker.io/nicolaka/netshoot", ImageKind::Base, 205_613_431),
    (
        "docker.io/corelab/gb-frontend",
        ImageKind::Server,
        135_407_611,
    ),
    ("docker.io/library/busybox", ImageKind::Base, 2_155_305),
    ("registry.k8s.io/busybox", ImageKind::Base, 1_144_547),
    ("k8s.gcr.io/busybox", ImageKind::Base, 1_144_547),
    ("docker.io/library/alpine", ImageKind::Base, 3_653_068),
    ("docker.io/library/ubuntu", ImageKind::Base, 29_754_422),
    ("docker.io/library/debian", ImageKind::Base, 49_557_601),
    ("docker.io/library/fedora", ImageKind::Base, 61_238_413),
    ("docker.io/library/perl", ImageKind::Base, 338_114_904),
    ("docker.io/library/python", ImageKind::Base, 381_620_185),
    ("docker.io/library/bash", ImageKind::Base, 5_964_228),
];

/// A pullable image of the catalogue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Image {
    pub reference: ImageRef,
    pub kind: ImageKind,
    pub size_bytes: u64,
}

/// Look an image up. `None` when the repository is not in the catalogue:
/// pulling it fails (ErrImagePull).
pub fn lookup(image: &str) -> Option<Image> {
    let reference = parse_ref(image)?;
    let (_, kind, size) = CATALOGUE
        .iter()
        .find(|(repo, _, _)| *repo == reference.repository)?;
    Some(Image {
        reference,
        kind: *kind,
        size_bytes: *size,
    })
}

/// Catalogue repositories close to `image`'s (for "did you mean").
pub fn known_short_names() -> impl Iterator<Item = &'static str> {
    CATALOGUE
        .iter()
        .map(|(repo, _, _)| repo.rsplit('/').next().unwrap_or(repo))
}

/// How long pulling takes: a registry round trip plus the download, with a
/// little seeded jitter (`jitter` in 0..1000).
pub fn pull_millis(size_bytes: u64, jitter: u64) -> u64 {
    800 + size_bytes / 30_000 + jitter
}

/// What a container of `image` does when started with `command`/`args`.
pub fn program(image: &Image, command: &[String], args: &[String]) -> Program {
    program_on(image, command, args, &mut shell::NoHost::default())
}

/// [`program`] run on `host`: the container's files and environment.
pub fn program_on(
    image: &Image,
    command: &[String],
    args: &[String],
    host: &mut dyn shell::Host,
) -> Program {
    let server = image.kind == ImageKind::Server;
    // agnhost's entrypoint is the binary: its args name a subcommand.
    let subcommand = image.reference.short() == "agnhost";
    if command.is_empty() {
        if args.is_empty() || (server && (args[0].starts_with('-') || subcommand)) {
            return if server {
                Program::forever(vec![format!("{} started", image.reference.short())])
            } else {
                Program::exits(0, 0)
            };
        }
        return shell::run_argv_on(args, host);
    }
    let argv: Vec<String> = command.iter().chain(args).cloned().collect();
    shell::run_argv_on(&argv, host)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::shell::Run;

    #[test]
    fn references_normalise_like_the_runtime() {
        let r = parse_ref("nginx").unwrap();
        assert_eq!(r.full(), "docker.io/library/nginx:latest");
        assert_eq!(parse_ref("nginx:1.27").unwrap().tag, "1.27");
        assert_eq!(
            parse_ref("docker.io/redis:6.0.5").unwrap().full(),
            "docker.io/library/redis:6.0.5"
        );
        assert_eq!(
            parse_ref("registry.k8s.io/busybox:1.27.2")
                .unwrap()
                .repository,
            "registry.k8s.io/busybox"
        );
        assert_eq!(
            parse_ref("localhost:5000/app").unwrap().full(),
            "localhost:5000/app:latest"
        );
        assert_eq!(
            parse_ref("bprashanth/nginxhttps:1.0").unwrap().repository,
            "docker.io/bprashanth/nginxhttps"
        );
        assert!(parse_ref("").is_none());
        assert!(parse_ref("nginx:").is_none());
    }

    #[test]
    fn catalogue_knows_servers_bases_and_typos() {
        assert_eq!(lookup("nginx:1.27").unwrap().kind, ImageKind::Server);
        assert_eq!(lookup("busybox:1.28").unwrap().kind, ImageKind::Base);
        assert!(lookup("ngnix:1.27").is_none());
        assert!(lookup("docker.io/library/nginx").is_some());
    }

    #[test]
    fn default_behaviour_follows_the_contract() {
        let nginx = lookup("nginx").unwrap();
        assert_eq!(program(&nginx, &[], &[]).run, Run::Forever);
        let busybox = lookup("busybox").unwrap();
        assert_eq!(
            program(&busybox, &[], &[]).run,
            Run::Exit {
                after_ms: 0,
                code: 0
            }
        );
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        let crash = program(&busybox, &s(&["sh", "-c", "sleep 3; exit 1"]), &[]);
        assert_eq!(
            crash.run,
            Run::Exit {
                after_ms: 3000,
                code: 1
            }
        );
        let redis = lookup("redis").unwrap();
        assert_eq!(
            program(&redis, &[], &s(&["--appendonly", "yes"])).run,
            Run::Forever
        );
        assert_eq!(
            program(&nginx, &s(&["sh", "-c", "exit 3"]), &[]).run,
            Run::Exit {
                after_ms: 0,
                code: 3
            }
        );
    }
}
