//! What a container does when the kubelet stops it (`kubectl delete pod`,
//! eviction): the runtime sends the image's `STOPSIGNAL` (SIGTERM unless
//! the image sets another) to the container's PID 1 and, if it is still
//! running when the grace period ends, SIGKILL (exit code 137).
//! <https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-termination>
//!
//! The kernel delivers a signal to a PID 1 only when that process installed
//! a handler for it: a shell (`sh -c "while true; ..."`), `sleep`, `tail -f`
//! or a program that never asked for the signal ignores it and runs until
//! the SIGKILL. Servers handle their stop signal and exit by themselves.

use super::Image;

/// How the container's PID 1 answers the stop signal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OnStop {
    /// Exits by itself, `after_ms` after the signal, with `code`.
    Exits { after_ms: u64, code: i32 },
    /// Keeps running until SIGKILL.
    Ignores,
}

/// The stop signal and what PID 1 does with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stop {
    pub signal: &'static str,
    pub on_stop: OnStop,
}

/// Programs that handle a stop signal: the signals they handle, how long
/// they take to shut down when idle, and their exit code.
const HANDLERS: &[(&str, &[&str], u64, i32)] = &[
    // SIGQUIT: graceful shutdown; SIGTERM, SIGINT: fast shutdown.
    ("nginx", &["SIGQUIT", "SIGTERM", "SIGINT"], 300, 0),
    // SIGWINCH: graceful stop; SIGTERM: stop.
    ("httpd-foreground", &["SIGWINCH", "SIGTERM"], 500, 0),
    ("httpd", &["SIGWINCH", "SIGTERM"], 500, 0),
    ("apache2-foreground", &["SIGWINCH", "SIGTERM"], 500, 0),
    ("redis-server", &["SIGTERM", "SIGINT"], 200, 0),
    ("memcached", &["SIGTERM", "SIGINT"], 100, 0),
    ("mysqld", &["SIGTERM"], 2_000, 0),
    // SIGINT: fast shutdown; SIGTERM: smart shutdown.
    ("postgres", &["SIGINT", "SIGTERM", "SIGQUIT"], 300, 0),
    ("mongod", &["SIGTERM", "SIGINT"], 1_000, 0),
    ("rabbitmq-server", &["SIGTERM"], 3_000, 0),
    ("traefik", &["SIGTERM", "SIGINT"], 500, 0),
    ("etcd", &["SIGTERM", "SIGINT"], 300, 0),
    ("pause", &["SIGTERM", "SIGINT"], 0, 0),
    ("agnhost", &["SIGTERM", "SIGINT"], 100, 0),
    // Go programs that do not ask for SIGTERM still get it: the Go runtime
    // catches it, cannot die from it as PID 1, and exits with status 2
    // (runtime.dieFromSignal).
    ("hello-app", &["SIGTERM", "SIGINT"], 0, 2),
    ("goproxy", &["SIGTERM", "SIGINT"], 0, 2),
];

/// The process a container runs as PID 1: its command, or the image's
/// default when only flags are given to a server (or nothing at all).
pub fn pid1<'a>(image: &Image, command: &'a [String], args: &'a [String]) -> &'a str {
    let argv0 = command
        .first()
        .or(args.first().filter(|a| !a.starts_with('-')));
    match argv0 {
        Some(a) => {
            let name = a.rsplit('/').next().unwrap_or(a);
            // The official images' entrypoint scripts exec the server.
            if name == "docker-entrypoint.sh" {
                image.pid1()
            } else {
                name
            }
        }
        None => image.pid1(),
    }
}

/// How a container of `image` started with `command`/`args` stops.
pub fn stop(image: &Image, command: &[String], args: &[String]) -> Stop {
    let signal = image.stop_signal();
    let name = pid1(image, command, args);
    let on_stop = HANDLERS
        .iter()
        .find(|(n, signals, _, _)| *n == name && signals.contains(&signal))
        .map_or(OnStop::Ignores, |&(_, _, after_ms, code)| OnStop::Exits {
            after_ms,
            code,
        });
    Stop { signal, on_stop }
}

#[cfg(test)]
mod tests {
    use super::super::lookup;
    use super::*;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn servers_handle_their_stop_signal_and_shells_ignore_it() {
        let nginx = lookup("nginx:1.27").unwrap();
        assert_eq!(
            stop(&nginx, &[], &[]),
            Stop {
                signal: "SIGQUIT",
                on_stop: OnStop::Exits {
                    after_ms: 300,
                    code: 0
                }
            }
        );
        // The nginx image's STOPSIGNAL reaches a shell that ignores it.
        assert_eq!(
            stop(&nginx, &s(&["sh", "-c", "sleep 3600"]), &[]).on_stop,
            OnStop::Ignores
        );
        let busybox = lookup("busybox:1.36").unwrap();
        for cmd in [
            &["sleep", "3600"][..],
            &["sh", "-c", "while true; do sleep 1; done"],
        ] {
            assert_eq!(stop(&busybox, &s(cmd), &[]).signal, "SIGTERM");
            assert_eq!(stop(&busybox, &s(cmd), &[]).on_stop, OnStop::Ignores);
        }
        let redis = lookup("redis:7").unwrap();
        assert!(matches!(
            stop(&redis, &[], &s(&["--appendonly", "yes"])).on_stop,
            OnStop::Exits { code: 0, .. }
        ));
        let postgres = lookup("postgres:16").unwrap();
        assert_eq!(
            stop(&postgres, &s(&["docker-entrypoint.sh", "postgres"]), &[]).signal,
            "SIGINT"
        );
        assert!(matches!(
            stop(&postgres, &s(&["docker-entrypoint.sh", "postgres"]), &[]).on_stop,
            OnStop::Exits { .. }
        ));
    }
}
