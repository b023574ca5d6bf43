//! The command line: global options, subcommands and their plain-text output.
//! Each subcommand lives in its own file and exposes `Args` + `run`.

pub mod check;
pub mod convert;
mod dates;
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

mod options;

use clap::{Parser, Subcommand};
pub use options::GlobalArgs;
use options::{Course, CourseLang, Lessons, MessageLang, Own, Student};
use std::process::ExitCode;

#[derive(Debug, Parser)]
#[command(
    name = "kubetutor",
    version,
    about = "An interactive terminal tutor for Kubernetes fundamentals, with a live simulated cluster",
    long_about = None,
    after_help = "Each command lists its own options: kubetutor help COMMAND."
)]
pub struct Cli {
    /// Open the tutor at this lesson (an id from `kubetutor list`).
    pub lesson: Option<String>,

    /// Also serve the tutor's cluster to the real kubectl (as `:serve` does).
    #[arg(long)]
    pub serve: bool,

    /// The tutor's options; given before a command, they reach it when it
    /// takes them (`kubetutor --lang en list`).
    #[command(flatten)]
    pub options: Student,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    // For students: the course, its questions and the drill, and what was saved.
    /// List the lessons of the course and report files that failed to load.
    #[command(long_about = list::LONG_ABOUT, after_long_help = list::AFTER_HELP)]
    List {
        #[command(flatten)]
        args: list::Args,
        #[command(flatten)]
        options: Course,
    },
    /// Print a lesson as text, laid out for a width (tables, code, boxes).
    #[command(after_help = render::AFTER_HELP)]
    Render {
        #[command(flatten)]
        args: render::Args,
        #[command(flatten)]
        options: Course,
    },
    /// Answer a lesson's questions (`--plain`: on standard input and output).
    Quiz {
        #[command(flatten)]
        args: quiz::Args,
        #[command(flatten)]
        options: Student,
    },
    /// The pod-phase drill with spaced repetition (`--plain`: on standard input and output).
    Drill {
        #[command(flatten)]
        args: drill::Args,
        #[command(flatten)]
        options: Student,
    },
    /// Show the saved progress, export it as JSON, or reset it.
    Progress {
        #[command(flatten)]
        args: progress::Args,
        #[command(flatten)]
        options: Student,
    },

    // The cluster and manifests, from the shell. `validate`, `convert` and
    // `check` take their help text from their `Args` (`#[command(about)]`),
    // flattened after the options so that the options' doc comment is not
    // taken as the command's.
    /// Run simulator commands (from --script FILE or standard input) and print their output.
    Sim(sim::Args),
    /// Serve the simulated cluster on 127.0.0.1 to the real kubectl (the Kubernetes API, a kubeconfig).
    Serve(serve::Args),
    Validate {
        #[command(flatten)]
        options: MessageLang,
        #[command(flatten)]
        args: validate::Args,
    },
    Convert {
        #[command(flatten)]
        options: MessageLang,
        #[command(flatten)]
        args: convert::Args,
    },
    Check {
        #[command(flatten)]
        options: Student,
        #[command(flatten)]
        args: check::Args,
    },

    // For instructors.
    /// Start a new lesson file (a section, a quiz and an exercise to edit).
    #[command(after_help = new::AFTER_HELP)]
    New {
        #[command(flatten)]
        args: new::Args,
        #[command(flatten)]
        options: CourseLang,
    },
    /// Check lesson files: they load, their quiz keys and exercise solutions are proven by the engine.
    Lint {
        #[command(flatten)]
        args: lint::Args,
        #[command(flatten)]
        options: Lessons,
    },
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
    let before = &cli.options;
    let course = |o: &Course| GlobalArgs::resolve(before, Own::Course(o));
    let student = |o: &Student| GlobalArgs::resolve(before, Own::Student(o));
    let lang = |l| GlobalArgs::resolve(before, Own::Lang(l));
    match cli.command {
        Some(command) => match command {
            Command::Progress { args, options } => progress::run(args, &student(&options)),
            Command::List { args, options } => list::run(&args, &course(&options)),
            Command::Render { args, options } => render::run(&args, &course(&options)),
            Command::Validate { args, options } => validate::run(args, lang(options.lang).lang()),
            Command::Convert { args, options } => convert::run(args, lang(options.lang).lang()),
            Command::Sim(args) => sim::run(args),
            Command::Serve(args) => serve::run(args),
            Command::Check { args, options } => check::run(args, &student(&options)),
            Command::Quiz { args, options } => quiz::run(args, &student(&options)),
            Command::Drill { args, options } => drill::run(args, &student(&options)),
            Command::Lint { args, options } => {
                lint::run(&args, &GlobalArgs::resolve(before, Own::Lessons(&options)))
            }
            Command::New { args, options } => new::run(&args, &lang(options.lang)),
        },
        None => tutor::run(cli.lesson, &GlobalArgs::from_student(before), cli.serve),
    }
}
