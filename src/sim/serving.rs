//! What a running container serves: which ports it listens on and how it
//! answers HTTP, by image and command, as the real programs do (nginx
//! serves files from /usr/share/nginx/html; agnhost `liveness` answers
//! /healthz with 200 for 10 s, then 500; hello-app says hello with its
//! hostname ...). Also the files an image starts with.
//!
//! Two environment variables let a lesson make any server misbehave on
//! purpose (a simulator convention, documented in lessons/README.md):
//! `STARTUP_DELAY=N` (seconds before the server listens: a slow start) and
//! `HEALTHZ_FAIL_AFTER=N` (seconds after which `/healthz`, `/health`,
//! `/livez`, `/readyz` and `/ready` answer 500).
//! <https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/>

use super::fs::{Files, FsView};
use super::images::{self, ImageKind};
use super::shell::HttpReply;
use std::collections::BTreeMap;

/// The program behind a container's ports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum App {
    /// Serves the files of `root` (nginx, httpd, python http.server, busybox httpd).
    Files {
        port: u16,
        root: String,
        server: &'static str,
    },
    /// gcr.io/google-samples/hello-app: "Hello, world!" with its hostname.
    Hello { port: u16, version: &'static str },
    /// echoserver: the request echoed back.
    Echo { port: u16 },
    /// agnhost liveness: /healthz 200 for 10 s, then 500.
    AgnhostLiveness,
    /// agnhost netexec: /, /hostname, /healthz, /echo?msg=.
    Netexec { port: u16 },
    /// agnhost serve-hostname: the hostname on 9376.
    ServeHostname,
    /// A TCP service that speaks no HTTP (databases, caches, nc -l).
    Tcp { ports: Vec<u16> },
    /// Nothing listens.
    Nothing,
}

/// How a container serves, for its whole life.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Serving {
    pub app: App,
    pub start_delay_ms: u64,
    pub healthz_fail_after_ms: Option<u64>,
}

const HEALTH_PATHS: &[&str] = &["/healthz", "/health", "/livez", "/readyz", "/ready"];

const NGINX_INDEX: &str = "<!DOCTYPE html>\n<html>\n<head>\n<title>Welcome to nginx!</title>\n</head>\n<body>\n<h1>Welcome to nginx!</h1>\n<p>If you see this page, the nginx web server is successfully installed and\nworking. Further configuration is required.</p>\n</body>\n</html>\n";
const HTTPD_INDEX: &str = "<html><body><h1>It works!</h1></body></html>\n";

fn flag_value<'a>(argv: &'a [String], names: &[&str]) -> Option<&'a str> {
    for (i, a) in argv.iter().enumerate() {
        for n in names {
            if let Some(v) = a.strip_prefix(&format!("{n}=")) {
                return Some(v);
            }
            if a == n {
                return argv.get(i + 1).map(String::as_str);
            }
        }
    }
    None
}

fn port_of(v: Option<&str>, default: u16) -> u16 {
    v.and_then(|p| p.parse().ok()).unwrap_or(default)
}

fn secs(env: &BTreeMap<String, String>, key: &str) -> Option<u64> {
    env.get(key)
        .and_then(|v| v.trim().trim_end_matches('s').parse::<f64>().ok())
        .filter(|v| v.is_finite() && *v >= 0.0)
        .map(|v| (v * 1000.0) as u64)
}

/// What `image` run with `argv` (command + args, empty for the image's
/// default) serves.
pub fn app_of(image: &str, argv: &[String], env: &BTreeMap<String, String>) -> App {
    let Some(img) = images::lookup(image) else {
        return App::Nothing;
    };
    let short = img.reference.short().to_string();
    let prog = argv
        .iter()
        .find(|a| !a.contains('='))
        .map(|a| a.rsplit('/').next().unwrap_or(a).to_string());
    let script = argv.join(" ");
    // Shell scripts that start a server.
    if script.contains("http.server") {
        let port = argv
            .iter()
            .chain(
                script
                    .split_whitespace()
                    .map(str::to_string)
                    .collect::<Vec<_>>()
                    .iter(),
            )
            .find_map(|a| a.parse::<u16>().ok())
            .unwrap_or(8000);
        return App::Files {
            port,
            root: "/".into(),
            server: "SimpleHTTP/0.6 Python/3.12",
        };
    }
    if script.contains("httpd -f") || script.contains("httpd -p") {
        let words: Vec<String> = script.split_whitespace().map(str::to_string).collect();
        let port = port_of(
            flag_value(&words, &["-p"]).map(|p| p.rsplit(':').next().unwrap_or(p)),
            80,
        );
        let root = flag_value(&words, &["-h"]).unwrap_or("/www").to_string();
        return App::Files {
            port,
            root,
            server: "busybox httpd",
        };
    }
    if (script.contains("nc -l") || script.contains("nc -lk")) && !script.is_empty() {
        let words: Vec<String> = script.split_whitespace().map(str::to_string).collect();
        let port = port_of(flag_value(&words, &["-p"]), 0);
        return App::Tcp { ports: vec![port] };
    }
    let custom = prog
        .as_deref()
        .is_some_and(|p| !argv.is_empty() && !p.starts_with('-'));
    match short.as_str() {
        "agnhost" => match prog.as_deref() {
            Some("liveness") => App::AgnhostLiveness,
            Some("netexec") => App::Netexec {
                port: port_of(flag_value(argv, &["--http-port"]), 8080),
            },
            Some("serve-hostname") => App::ServeHostname,
            _ => App::Nothing,
        },
        "nginx" if !custom || prog.as_deref() == Some("nginx") => App::Files {
            port: 80,
            root: "/usr/share/nginx/html".into(),
            server: "nginx/1.27.4",
        },
        "httpd" if !custom || prog.as_deref().is_some_and(|p| p.starts_with("httpd")) => {
            App::Files {
                port: 80,
                root: "/usr/local/apache2/htdocs".into(),
                server: "Apache/2.4.63 (Unix)",
            }
        }
        "hello-app" | "hello-go-gke" => App::Hello {
            port: port_of(env.get("PORT").map(String::as_str), 8080),
            version: if img.reference.tag.starts_with('2') {
                "2.0.0"
            } else {
                "1.0.0"
            },
        },
        "echoserver" => App::Echo { port: 8080 },
        "traefik" => App::Tcp {
            ports: vec![80, 8080],
        },
        _ if img.kind == ImageKind::Server && !custom => match short.as_str() {
            "redis" => App::Tcp { ports: vec![6379] },
            "memcached" => App::Tcp { ports: vec![11211] },
            "mysql" => App::Tcp { ports: vec![3306] },
            "postgres" => App::Tcp { ports: vec![5432] },
            "mongo" => App::Tcp { ports: vec![27017] },
            "rabbitmq" => App::Tcp { ports: vec![5672] },
            "etcd" => App::Tcp { ports: vec![2379] },
            _ => App::Nothing,
        },
        _ => App::Nothing,
    }
}

impl Serving {
    pub fn new(image: &str, argv: &[String], env: &BTreeMap<String, String>) -> Self {
        Serving {
            app: app_of(image, argv, env),
            start_delay_ms: secs(env, "STARTUP_DELAY").unwrap_or(0),
            healthz_fail_after_ms: secs(env, "HEALTHZ_FAIL_AFTER"),
        }
    }

    fn ports(&self) -> Vec<u16> {
        match &self.app {
            App::Files { port, .. }
            | App::Hello { port, .. }
            | App::Echo { port }
            | App::Netexec { port } => {
                vec![*port]
            }
            App::AgnhostLiveness => vec![8080],
            App::ServeHostname => vec![9376],
            App::Tcp { ports } => ports.clone(),
            App::Nothing => Vec::new(),
        }
    }

    /// Whether something accepts connections on `port`, `elapsed` ms after
    /// the container started.
    pub fn listens(&self, port: u16, elapsed: u64) -> bool {
        elapsed >= self.start_delay_ms && self.ports().contains(&port)
    }

    fn speaks_http(&self) -> bool {
        !matches!(self.app, App::Tcp { .. } | App::Nothing)
    }

    /// Answer `GET path` on `port`. `Err(true)`: connection refused;
    /// `Err(false)`: the port answers but not in HTTP.
    pub fn http(
        &self,
        port: u16,
        path: &str,
        elapsed: u64,
        fs: &FsView,
        hostname: &str,
        now_text: &str,
    ) -> Result<HttpReply, bool> {
        if !self.listens(port, elapsed) {
            return Err(true);
        }
        if !self.speaks_http() {
            return Err(false);
        }
        let (route, query) = path.split_once('?').unwrap_or((path, ""));
        if let Some(after) = self.healthz_fail_after_ms
            && HEALTH_PATHS.contains(&route)
        {
            return Ok(if elapsed >= after {
                reply(500, "unhealthy")
            } else {
                reply(200, "ok")
            });
        }
        Ok(match &self.app {
            App::Files { root, server, .. } => files(fs, root, route, server),
            App::Hello { version, .. } => reply(
                200,
                &format!("Hello, world!\nVersion: {version}\nHostname: {hostname}\n"),
            ),
            App::Echo { .. } => reply(
                200,
                &format!(
                    "\n\nHostname: {hostname}\n\nRequest Information:\n\tmethod=GET\n\treal path={path}\n\trequest_version=1.1\n"
                ),
            ),
            App::AgnhostLiveness => {
                if route == "/healthz" {
                    if elapsed > 10_000 {
                        reply(500, &format!("error: {}", elapsed as f64 / 1000.0))
                    } else {
                        reply(200, "ok")
                    }
                } else {
                    reply(404, "404 page not found\n")
                }
            }
            App::Netexec { .. } => match route {
                "/" => reply(200, &format!("NOW: {now_text}")),
                "/hostname" => reply(200, hostname),
                "/healthz" => reply(200, ""),
                "/echo" => reply(200, query.strip_prefix("msg=").unwrap_or("")),
                _ => reply(404, "404 page not found\n"),
            },
            App::ServeHostname => reply(200, hostname),
            App::Tcp { .. } | App::Nothing => return Err(false),
        })
    }
}

fn reply(status: u16, body: &str) -> HttpReply {
    HttpReply {
        status,
        body: body.to_string(),
    }
}

/// A static file server: the file at `root` + path, `index.html` for a
/// folder, 403 for a folder without one, 404 otherwise.
fn files(fs: &FsView, root: &str, route: &str, server: &str) -> HttpReply {
    let path = crate::sim::fs::clean(&format!("{root}/{route}"));
    if let Some(body) = fs.read(&path) {
        return reply(200, body);
    }
    if fs.is_dir(&path) {
        if let Some(body) = fs.read(&format!("{path}/index.html")) {
            return reply(200, body);
        }
        if server.starts_with("nginx") {
            return reply(403, &error_page(403, "Forbidden", server));
        }
        let names = fs.list(&path).unwrap_or_default();
        return reply(200, &names.join("\n"));
    }
    if server.starts_with("nginx") {
        reply(404, &error_page(404, "Not Found", server))
    } else {
        reply(
            404,
            "<!DOCTYPE HTML PUBLIC \"-//IETF//DTD HTML 2.0//EN\">\n<html><head>\n<title>404 Not Found</title>\n</head><body>\n<h1>Not Found</h1>\n<p>The requested URL was not found on this server.</p>\n</body></html>\n",
        )
    }
}

fn error_page(code: u16, text: &str, server: &str) -> String {
    format!(
        "<html>\n<head><title>{code} {text}</title></head>\n<body>\n<center><h1>{code} {text}</h1></center>\n<hr><center>{server}</center>\n</body>\n</html>\n"
    )
}

/// The files an image starts with (what commands and servers find there).
pub fn image_files(image: &str) -> Files {
    let mut f = Files::new();
    let Some(img) = images::lookup(image) else {
        return f;
    };
    for dir in ["/tmp/", "/etc/", "/var/log/", "/root/", "/usr/bin/"] {
        f.insert(dir.to_string(), String::new());
    }
    f.insert("/etc/hostname".into(), String::new());
    match img.reference.short() {
        "nginx" => {
            f.insert(
                "/usr/share/nginx/html/index.html".into(),
                NGINX_INDEX.into(),
            );
            f.insert(
                "/usr/share/nginx/html/50x.html".into(),
                "<h1>An error occurred.</h1>\n".into(),
            );
            f.insert(
                "/etc/nginx/nginx.conf".into(),
                "user  nginx;\nworker_processes  auto;\n".into(),
            );
        }
        "httpd" => {
            f.insert(
                "/usr/local/apache2/htdocs/index.html".into(),
                HTTPD_INDEX.into(),
            );
        }
        _ => {}
    }
    f
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    fn view(image: &str) -> FsView {
        let mut v = FsView::new();
        v.mount("/", &image_files(image), false);
        v
    }

    #[test]
    fn agnhost_liveness_fails_after_ten_seconds_like_the_docs_example() {
        // https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#define-a-liveness-http-request
        let sv = Serving::new(
            "registry.k8s.io/e2e-test-images/agnhost:2.40",
            &s(&["liveness"]),
            &BTreeMap::new(),
        );
        let fs = FsView::new();
        assert_eq!(
            sv.http(8080, "/healthz", 5_000, &fs, "p", "")
                .unwrap()
                .status,
            200
        );
        assert_eq!(
            sv.http(8080, "/healthz", 12_000, &fs, "p", "")
                .unwrap()
                .status,
            500
        );
        assert_eq!(sv.http(8081, "/healthz", 1_000, &fs, "p", ""), Err(true));
    }

    #[test]
    fn nginx_serves_its_html_folder() {
        let sv = Serving::new("nginx:1.27", &[], &BTreeMap::new());
        let mut fs = view("nginx");
        let home = sv.http(80, "/", 0, &fs, "web", "").unwrap();
        assert_eq!(home.status, 200);
        assert!(home.body.contains("Welcome to nginx!"));
        assert_eq!(
            sv.http(80, "/healthz", 0, &fs, "web", "").unwrap().status,
            404
        );
        fs.remove("/usr/share/nginx/html/index.html", 0).unwrap();
        assert_eq!(sv.http(80, "/", 0, &fs, "web", "").unwrap().status, 403);
        assert_eq!(sv.http(8080, "/", 0, &fs, "web", ""), Err(true));
    }

    #[test]
    fn the_simulator_knobs_make_any_server_slow_or_unhealthy() {
        let mut env = BTreeMap::new();
        env.insert("STARTUP_DELAY".to_string(), "20".to_string());
        env.insert("HEALTHZ_FAIL_AFTER".to_string(), "60".to_string());
        let sv = Serving::new("nginx", &[], &env);
        let fs = view("nginx");
        assert_eq!(sv.http(80, "/healthz", 10_000, &fs, "w", ""), Err(true));
        assert_eq!(
            sv.http(80, "/healthz", 30_000, &fs, "w", "")
                .unwrap()
                .status,
            200
        );
        assert_eq!(
            sv.http(80, "/healthz", 61_000, &fs, "w", "")
                .unwrap()
                .status,
            500
        );
        let redis = Serving::new("redis", &[], &BTreeMap::new());
        assert!(redis.listens(6379, 0));
        assert_eq!(redis.http(6379, "/", 0, &fs, "r", ""), Err(false));
        let hello = Serving::new("gcr.io/google-samples/hello-app:2.0", &[], &BTreeMap::new());
        assert_eq!(
            hello.http(8080, "/", 0, &fs, "web-1", "").unwrap().body,
            "Hello, world!\nVersion: 2.0.0\nHostname: web-1\n"
        );
    }
}
