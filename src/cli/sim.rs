//! `kubetutor sim`: run command-language lines against a simulated cluster
//! without the terminal interface, printing each command and its output.

use crate::kubectl;
use crate::sim::Cluster;
use std::io::{BufRead, Write};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
#[command(after_help = "\
A script has one command per line, as typed in the tutor's command bar
(blank lines and # comments are skipped); `help` lists every command:

  # crashloop.txt
  run crash-demo --image=busybox --restart=Always -- sh -c 'sleep 2; exit 1'
  wait 2m
  get pods
  describe pod crash-demo

  kubetutor sim --script crashloop.txt
  echo 'get nodes' | kubetutor sim

Each command is printed after `$ `, then its output. Every command runs,
even after one fails. Exit status: 0 when every command succeeded, 1 when
at least one failed (its error is in the output) or the script cannot be
read, 2 for a usage error (an unknown option).")]
pub struct Args {
    /// Seed of the simulation: the same seed and commands give the same run.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,

    /// Read the commands from this file instead of standard input.
    #[arg(long, value_name = "FILE")]
    pub script: Option<PathBuf>,
}

/// Run every command (one per line; blank lines and `#` comments skipped).
/// Exit status 1 if any command failed, after running them all.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let input: Box<dyn BufRead> = match &args.script {
        Some(path) => {
            let text = crate::bounded_read::read_text(path, crate::bounded_read::MANIFEST_LIMIT)
                .map_err(|e| anyhow::anyhow!("cannot read script {e}"))?;
            Box::new(std::io::Cursor::new(text.into_bytes()))
        }
        None => Box::new(std::io::stdin().lock()),
    };
    let mut cluster = Cluster::new(args.seed);
    let mut failed = false;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for line in input.lines() {
        let line = line?;
        // A file with CR-only line ends (old Mac style) is still one
        // command per line.
        for cmd in line.split('\r') {
            failed |= !run_line(&mut cluster, cmd, &mut out)?;
        }
    }
    out.flush()?;
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// Run one command and print it with its output; false when it failed.
fn run_line(cluster: &mut Cluster, line: &str, out: &mut dyn Write) -> std::io::Result<bool> {
    let cmd = line.trim();
    if cmd.is_empty() || cmd.starts_with('#') {
        return Ok(true);
    }
    let outcome = kubectl::execute(cluster, cmd);
    // Commands and their output may quote what was typed: control
    // characters in a script never reach the terminal.
    writeln!(out, "$ {}", crate::text::sanitize(cmd))?;
    out.write_all(crate::text::sanitize(&outcome.output).as_bytes())?;
    Ok(outcome.ok)
}
