//! `kubetutor serve`: the simulated cluster, running in real time (× speed),
//! answering the Kubernetes API on 127.0.0.1 so the real kubectl works
//! against it. Writes a kubeconfig (context `kubetutor`, a new bearer
//! token each start) and stops cleanly on Ctrl-C or SIGTERM.

use crate::api::{host::Host, kubeconfig, server};
use crate::sim::Cluster;
use crate::sim::setup::Setup;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Port on 127.0.0.1 (0: any free port).
    #[arg(long, default_value_t = 0)]
    pub port: u16,

    /// Write the kubeconfig here (default: kubeconfig in the user's state
    /// directory, e.g. $XDG_STATE_HOME/kubetutor).
    #[arg(long, value_name = "FILE")]
    pub kubeconfig: Option<PathBuf>,

    /// How fast simulated time runs against the wall clock (1: real time).
    #[arg(long, default_value_t = 1.0, value_parser = parse_speed)]
    pub speed: f64,

    /// Seed of the simulation: the same seed and requests give the same names.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,

    /// Start from a named scenario (`kubetutor sim` knows them: `scenario NAME`).
    #[arg(long, value_name = "NAME")]
    pub scenario: Option<String>,
}

fn parse_speed(s: &str) -> Result<f64, String> {
    let v: f64 = s.parse().map_err(|_| format!("not a number: {s}"))?;
    if !(0.0..=1000.0).contains(&v) {
        return Err("the speed must be between 0 and 1000".into());
    }
    Ok(v)
}

/// Where kubectl is, if it is on PATH.
pub fn kubectl_on_path() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|d| d.join("kubectl"))
        .find(|p| p.is_file())
}

/// What to say when kubectl is not installed.
pub const NO_KUBECTL: &str = "kubectl was not found on PATH. Install it from https://kubernetes.io/docs/tasks/tools/ (or your package manager: apt install kubectl, brew install kubectl); the tutor's command bar (:) runs the same commands against this cluster without it.";

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let mut cluster = match &args.scenario {
        Some(name) => {
            let setup = Setup {
                scenario: Some(name.clone()),
                ..Setup::default()
            };
            Cluster::from_setup(&setup, args.seed).map_err(anyhow::Error::msg)?
        }
        None => Cluster::new(args.seed),
    };
    let path = match args.kubeconfig.clone().or_else(kubeconfig::default_path) {
        Some(p) => p,
        None => {
            anyhow::bail!("no state directory for the kubeconfig; give one with --kubeconfig FILE")
        }
    };
    let token = kubeconfig::new_token()?;
    let (jobs, mut host) = Host::channel(&mut cluster);
    let tls = crate::api::tls::self_signed().map_err(anyhow::Error::msg)?;
    let running = server::start(args.port, token.clone(), tls.config.clone(), jobs)
        .map_err(|e| anyhow::anyhow!("cannot listen on 127.0.0.1:{}: {e}", args.port))?;
    kubeconfig::write(
        &path,
        &kubeconfig::render(&running.url(), &tls.cert_pem, &token),
    )
    .map_err(anyhow::Error::msg)?;
    let stop = Arc::new(AtomicBool::new(false));
    for sig in [signal_hook::consts::SIGINT, signal_hook::consts::SIGTERM] {
        signal_hook::flag::register(sig, Arc::clone(&stop))?;
    }
    // A closed standard output (a pipe nobody reads) must not stop the server.
    let mut out = std::io::stdout();
    use std::io::Write;
    let _ = writeln!(
        out,
        "The simulated cluster answers the Kubernetes API at {} (127.0.0.1 only; HTTPS with a certificate made for this start, and a bearer token).",
        running.url()
    );
    let _ = writeln!(out, "In another terminal:");
    let _ = writeln!(out, "  export KUBECONFIG={}", path.display());
    let _ = writeln!(out, "  kubectl get nodes");
    if kubectl_on_path().is_none() {
        let _ = writeln!(out, "{NO_KUBECTL}");
    }
    let _ = writeln!(out, "Press Ctrl-C to stop.");
    let _ = out.flush();
    let start = Instant::now();
    let sim_start = cluster.now();
    while !stop.load(Ordering::Relaxed) {
        host.wait_and_pump(&mut cluster, Duration::from_millis(20));
        let due = sim_start + (start.elapsed().as_secs_f64() * args.speed * 1000.0) as u64;
        if due > cluster.now() {
            cluster.advance(due - cluster.now());
            host.pump(&mut cluster);
        }
    }
    running.stop();
    let _ = writeln!(out, "Stopped; {} left as it is.", path.display());
    Ok(ExitCode::SUCCESS)
}
