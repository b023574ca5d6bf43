//! The API served in the test process for a cluster the test built and
//! holds still: kubectl runs while this thread pumps the requests, and
//! simulated time does not move, so kubectl's output and the command bar's
//! can be compared at the same instant.

#![allow(dead_code)]

use kubetutor::api::{host::Host, kubeconfig, server, tls};
use kubetutor::sim::Cluster;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

pub struct InProc {
    pub host: Host,
    pub running: server::Running,
    pub dir: tempfile::TempDir,
}

impl InProc {
    pub fn start(cluster: &mut Cluster) -> InProc {
        let dir = tempfile::tempdir().expect("tempdir");
        let token = kubeconfig::new_token().expect("token");
        let t = tls::self_signed().expect("certificate");
        let (jobs, host) = Host::channel(cluster);
        let running = server::start(0, token.clone(), t.config.clone(), jobs).expect("listen");
        kubeconfig::write(
            &dir.path().join("kubeconfig"),
            &kubeconfig::render(&running.url(), &t.cert_pem, &token),
        )
        .expect("kubeconfig");
        InProc { host, running, dir }
    }

    pub fn kubeconfig(&self) -> PathBuf {
        self.dir.path().join("kubeconfig")
    }

    /// Run kubectl, answering its requests until it exits: (stdout, stderr, ok).
    pub fn kubectl(
        &mut self,
        cluster: &mut Cluster,
        kubectl: &Path,
        args: &[&str],
    ) -> (String, String, bool) {
        let mut child = Command::new(kubectl)
            .args(args)
            .env("KUBECONFIG", self.kubeconfig())
            .env("HOME", self.dir.path().join("home"))
            .env("TZ", "UTC")
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("run kubectl");
        let mut stdout = child.stdout.take().expect("stdout");
        let mut stderr = child.stderr.take().expect("stderr");
        let out = std::thread::spawn(move || {
            let mut s = String::new();
            std::io::Read::read_to_string(&mut stdout, &mut s).ok();
            s
        });
        let err = std::thread::spawn(move || {
            let mut s = String::new();
            std::io::Read::read_to_string(&mut stderr, &mut s).ok();
            s
        });
        let status = loop {
            self.host.wait_and_pump(cluster, Duration::from_millis(5));
            if let Some(status) = child.try_wait().expect("wait") {
                break status;
            }
        };
        (
            out.join().expect("stdout"),
            err.join().expect("stderr"),
            status.success(),
        )
    }
}
