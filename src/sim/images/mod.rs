//! The simulated image catalogue: which images "exist" (can be pulled: a
//! known repository and one of its tags), how big they are, what their
//! containers do when started, and how they stop ([`stop`]). What a command
//! or args make a container do is read by [`super::shell`].

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

mod catalogue;
pub mod stop;

pub use stop::{OnStop, Stop};

/// A pullable image of the catalogue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Image {
    pub reference: ImageRef,
    pub kind: ImageKind,
    pub size_bytes: u64,
}

impl Image {
    fn entry(&self) -> Option<&'static catalogue::Entry> {
        catalogue::entry(&self.reference.repository)
    }

    /// `STOPSIGNAL` of the image config (SIGTERM when it sets none).
    pub fn stop_signal(&self) -> &'static str {
        self.entry().map_or("SIGTERM", |e| e.stop_signal)
    }

    /// The process the image's default command runs as PID 1.
    pub fn pid1(&self) -> &'static str {
        self.entry().map_or("sh", |e| e.pid1)
    }
}

/// Why an image cannot be pulled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Missing {
    /// The name does not parse as an image reference.
    BadName,
    /// No such repository in its registry.
    Repository,
    /// The repository exists, the tag does not.
    Tag,
}

/// Resolve an image in the catalogue: the image, or why it cannot be pulled.
pub fn resolve(image: &str) -> Result<Image, Missing> {
    let reference = parse_ref(image).ok_or(Missing::BadName)?;
    let e = catalogue::entry(&reference.repository).ok_or(Missing::Repository)?;
    if !e.has_tag(&reference.tag) {
        return Err(Missing::Tag);
    }
    Ok(Image {
        reference,
        kind: e.kind,
        size_bytes: e.size_bytes,
    })
}

/// Look an image up. `None` when the repository or the tag is not in the
/// catalogue: pulling it fails (ErrImagePull).
pub fn lookup(image: &str) -> Option<Image> {
    resolve(image).ok()
}

/// Catalogue repositories close to `image`'s (for "did you mean").
pub fn known_short_names() -> impl Iterator<Item = &'static str> {
    catalogue::CATALOGUE
        .iter()
        .map(|e| e.repository.rsplit('/').next().unwrap_or(e.repository))
}

/// How long pulling takes: a registry round trip plus the download, with a
/// little seeded jitter (`jitter` in 0..1000).
pub fn pull_millis(size_bytes: u64, jitter: u64) -> u64 {
    800 + size_bytes / 30_000 + jitter
}

/// How long pulling an image the node already has takes (`imagePullPolicy:
/// Always`): the registry round trip that resolves the tag to the digest
/// the node holds; no layer is downloaded.
pub fn repull_millis(jitter: u64) -> u64 {
    300 + jitter / 2
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
    fn catalogue_knows_servers_bases_typos_and_missing_tags() {
        assert_eq!(lookup("nginx:1.27").unwrap().kind, ImageKind::Server);
        assert_eq!(lookup("busybox:1.28").unwrap().kind, ImageKind::Base);
        assert_eq!(resolve("ngnix:1.27"), Err(Missing::Repository));
        assert_eq!(resolve("nginx:1.99"), Err(Missing::Tag));
        assert_eq!(resolve("nginx:"), Err(Missing::BadName));
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
