//! Who can reach `kubetutor serve`: only a client with this start's bearer
//! token (others get 401), and only over loopback.

#[path = "support/serve.rs"]
mod serve;

use serve::{Served, kubectl};
use std::net::{Ipv4Addr, SocketAddr, TcpStream};
use std::time::Duration;

#[test]
fn requests_without_the_token_get_401() {
    let k = kubectl("1.33");
    let served = Served::start(&[]);
    let cwd = served.dir.path().to_path_buf();
    let (out, _, ok) = served.run(&k, &["get", "nodes", "-o", "name"], &cwd);
    assert!(ok);
    assert_eq!(
        out,
        "node/control-plane\nnode/node-1\nnode/node-2\nnode/node-3\n"
    );
    let (_, err, ok) = served.run(&k, &["get", "nodes", "--token", "not-the-token"], &cwd);
    assert!(!ok);
    assert!(
        err.contains("error: You must be logged in to the server"),
        "{err}"
    );
    // The same kubeconfig without its user: no token at all.
    let text = std::fs::read_to_string(served.kubeconfig()).expect("kubeconfig");
    let token = served.token();
    assert_eq!(token.len(), 64);
    std::fs::write(
        served.kubeconfig(),
        text.replace(&format!("token: {token}"), "username: nobody"),
    )
    .expect("write");
    let (_, err, ok) = served.run(&k, &["get", "pods"], &cwd);
    assert!(!ok);
    assert!(
        err.contains("the server has asked for the client to provide credentials")
            || err.contains("Unauthorized"),
        "{err}"
    );
}

#[test]
fn a_new_start_makes_a_new_token() {
    let a = Served::start(&[]);
    let b = Served::start(&[]);
    assert_ne!(a.token(), b.token());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(a.kubeconfig())
            .expect("meta")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}

/// The machine's IPv4 addresses other than loopback (from /proc/net/fib_trie).
fn other_addresses() -> Vec<Ipv4Addr> {
    let text = std::fs::read_to_string("/proc/net/fib_trie").unwrap_or_default();
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    for w in lines.windows(2) {
        if w[1].contains("/32 host LOCAL")
            && let Some(ip) = w[0]
                .split_whitespace()
                .last()
                .and_then(|s| s.parse::<Ipv4Addr>().ok())
            && !ip.is_loopback()
            && !out.contains(&ip)
        {
            out.push(ip);
        }
    }
    out
}

#[test]
fn the_server_listens_on_loopback_only() {
    let served = Served::start(&[]);
    let port: u16 = served
        .url
        .rsplit(':')
        .next()
        .and_then(|p| p.parse().ok())
        .expect("port");
    assert!(
        served.url.starts_with("https://127.0.0.1:"),
        "{}",
        served.url
    );
    // The kernel's table of listening sockets: 127.0.0.1 only (0100007F).
    let tcp = std::fs::read_to_string("/proc/net/tcp").expect("/proc/net/tcp");
    let listening: Vec<&str> = tcp
        .lines()
        .skip(1)
        .filter_map(|l| {
            let f: Vec<&str> = l.split_whitespace().collect();
            (f.get(3) == Some(&"0A") && f[1].ends_with(&format!(":{port:04X}"))).then_some(f[1])
        })
        .collect();
    assert_eq!(listening, [format!("0100007F:{port:04X}")]);
    let tcp6 = std::fs::read_to_string("/proc/net/tcp6").unwrap_or_default();
    assert!(!tcp6.lines().skip(1).any(|l| {
        l.split_whitespace()
            .nth(1)
            .is_some_and(|a| a.ends_with(&format!(":{port:04X}")))
    }));
    assert!(
        TcpStream::connect_timeout(
            &SocketAddr::from((Ipv4Addr::LOCALHOST, port)),
            Duration::from_secs(2)
        )
        .is_ok()
    );
    for ip in other_addresses() {
        let r = TcpStream::connect_timeout(&SocketAddr::from((ip, port)), Duration::from_secs(2));
        assert!(r.is_err(), "reachable on {ip}:{port}");
    }
}

#[test]
fn sigterm_stops_the_server_cleanly_and_leaves_the_kubeconfig() {
    use std::io::Read;
    let mut served = Served::start(&[]);
    let port: u16 = served
        .url
        .rsplit(':')
        .next()
        .and_then(|p| p.parse().ok())
        .expect("port");
    let status = std::process::Command::new("kill")
        .args(["-TERM", &served.child.id().to_string()])
        .status()
        .expect("kill");
    assert!(status.success());
    let code = served.child.wait().expect("wait");
    assert!(code.success(), "{code:?}");
    let mut rest = String::new();
    served.stdout().read_to_string(&mut rest).expect("read");
    assert!(rest.contains("Stopped;"), "{rest}");
    assert!(served.kubeconfig().is_file(), "the kubeconfig stays");
    assert!(
        TcpStream::connect_timeout(
            &SocketAddr::from((Ipv4Addr::LOCALHOST, port)),
            Duration::from_secs(1)
        )
        .is_err()
    );
}
