//! The command line: global options, subcommands and their plain-text output.
//! Each subcommand lives in its own file and exposes `Args` + `run`.

pub mod check;
pub mod convert;
pub mod drill;
pub mod lint;
pub mod list;
pub mod new;
pub mod progress;
pub mod quiz;
pub mod render;
pub mod serve;
mod sim;
pub mod tutor;
pub mod validate;

use crate::lang::Lang;
use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Parser)]
#[command(
    name = "kubetutor",
    version,
    about = "An interactive terminal tutor for Kubernetes fundamentals, with a live simulated cluster",
    long_about = None
)]
pub struct Cli {
    /// Open the tutor at this lesson (an id from `kubetutor list`).
    pub lesson: Option<String>,

    /// Also serve the tutor's cluster to the real kubectl (as `:serve` does).
    #[arg(long)]
    pub serve: bool,

    #[command(flatten)]
    pub global: GlobalArgs,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Options every subcommand understands.
#[derive(Debug, Clone, clap::Args)]
pub struct GlobalArgs {
    /// Course language: ko or en (default: from LC_ALL / LC_MESSAGES / LANG).
    #[arg(long, global = true, value_name = "ko|en")]
    pub lang: Option<Lang>,

    /// Use the lessons in this folder instead of the built-in course.
    #[arg(long, global = true, value_name = "DIR")]
    pub lessons: Option<PathBuf>,

    /// Keep progress in this file (default: progress.json in the user's data
    /// directory, e.g. $XDG_DATA_HOME/kubetutor).
    #[arg(long, global = true, value_name = "FILE", env = "KUBETUTOR_PROGRESS")]
    pub progress: Option<PathBuf>,
}

impl GlobalArgs {
    /// The language asked for, or the one the locale implies.
    pub fn lang(&self) -> Lang {
        self.lang.unwrap_or_else(Lang::from_env)
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    // For students: the course, its questions and the drill, and what was saved.
    /// List the lessons of the course and report files that failed to load.
    #[command(long_about = list::LONG_ABOUT, after_long_help = list::AFTER_HELP)]
    List(list::Args),
    /// Print a lesson as text, laid out for a width (tables, code, boxes).
    #[command(after_help = render::AFTER_HELP)]
    Render(render::Args),
    /// Answer a lesson's questions (`--plain`: on standard input and output).
    Quiz(quiz::Args),
    /// The pod-phase drill with spaced repetition (`--plain`: on standard input and output).
    Drill(drill::Args),
    /// Show the saved progress, export it as JSON, or reset it.
    Progress(progress::Args),

    // The cluster and manifests, from the shell. `validate`, `convert` and
    // `check` take their help text from the doc comments of their `Args`.
    /// Run simulator commands (from --script FILE or standard input) and print their output.
    Sim(sim::Args),
    /// Serve the simulated cluster on 127.0.0.1 to the real kubectl (the Kubernetes API, a kubeconfig).
    Serve(serve::Args),
    Validate(validate::Args),
    Convert(convert::Args),
    Check(check::Args),

    // For instructors.
    /// Start a new lesson file (a section, a quiz and an exercise to edit).
    #[command(after_help = new::AFTER_HELP)]
    New(new::Args),
    /// Check lesson files: they load, their quiz keys and exercise solutions are proven by the engine.
    Lint(lint::Args),
}

/// Parse the command line and run it.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        // A reader that went away (`| head`) is not an error to report: end
        // quietly with the status a shell shows for SIGPIPE (128 + 13).
        Err(e) if is_broken_pipe(&e) => ExitCode::from(141),
        Err(e) => {
            // Messages may quote a file name, an argument or a lesson's
            // text: sanitized like everything else that reaches a terminal.
            eprintln!("kubetutor: {}", crate::text::sanitize(&format!("{e:#}")));
            ExitCode::FAILURE
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Some(command) => match command {
            Command::Progress(args) => progress::run(args, &cli.global),
            Command::List(args) => list::run(&args, &cli.global),
            Command::Render(args) => render::run(&args, &cli.global),
            Command::Validate(args) => validate::run(args, cli.global.lang()),
            Command::Convert(args) => convert::run(args, cli.global.lang()),
            Command::Sim(args) => sim::run(args),
            Command::Serve(args) => serve::run(args),
            Command::Check(args) => check::run(args, &cli.global),
            Command::Quiz(args) => quiz::run(args, &cli.global),
            Command::Drill(args) => drill::run(args, &cli.global),
            Command::Lint(args) => lint::run(&args, &cli.global),
            Command::New(args) => new::run(&args, &cli.global),
        },
        None => tutor::run(cli.lesson, &cli.global, cli.serve),
    }
}
