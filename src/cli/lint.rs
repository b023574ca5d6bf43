//! `kubetutor lint [DIR]`: prove a course before students meet it, printing
//! `path:line: error|warning: message` lines and a summary (or JSON).

use super::GlobalArgs;
use crate::lesson::lint::{self, Report};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

const LONG_ABOUT: &str = "\
Check a course the way students will meet it: every file loads, ids are
unique, every answer key is consistent, every predict question is played on
the simulator and must agree with its `expect` and choices, every exercise's
solution must pass its checks and its starter must fail them, cluster blocks
and setups must build (scenario, manifests, commands), referenced images and
files must exist inside the folder, and the ko and en versions of a lesson
must match.

Each finding is printed as `path:line: error|warning: message`, sorted by
path and line, then a summary line. Warnings point at what the course
should have (a `why` on every choice, an `explain` on every quiz, an
`expect` on every predict question) but a lesson can do without.";

const AFTER_HELP: &str = "\
Exit status: 0 when there is no error (warnings allowed), 1 when lint found
an error, 2 when the folder cannot be used (missing, a file, no lessons,
or two different folders given).

Examples:
  kubetutor lint                     the built-in course
  kubetutor lint ./my-course         a folder with ko/ and en/ (or flat) lesson files
  kubetutor lint --format json DIR   {\"findings\": [{path, line, severity, message}], \"summary\": {...}}

The checks are described in lessons/README.md.";

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Json,
}

#[derive(Debug, Clone, clap::Args)]
#[command(
    about = "Check lessons: answer keys, predictions and exercises proven on the simulator",
    long_about = LONG_ABOUT,
    after_long_help = AFTER_HELP
)]
pub struct Args {
    /// The lessons folder to check (default: --lessons, else the built-in course).
    #[arg(value_name = "DIR")]
    pub dir: Option<PathBuf>,

    /// How to print the findings.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

/// Lint and print; the exit status says whether there was an error.
pub fn run(args: &Args, global: &GlobalArgs) -> anyhow::Result<ExitCode> {
    let dir = match (&args.dir, &global.lessons) {
        (Some(a), Some(b)) if a != b => {
            eprintln!(
                "kubetutor: two lessons folders given ({} and --lessons {}): give one",
                a.display(),
                b.display()
            );
            return Ok(ExitCode::from(2));
        }
        (Some(d), _) | (None, Some(d)) => Some(d),
        (None, None) => None,
    };
    let report: Report = match dir {
        None => lint::lint_embedded(),
        Some(d) => match lint::lint_dir(d) {
            Ok(r) => r,
            Err(e) => {
                eprintln!("kubetutor: {e}");
                return Ok(ExitCode::from(2));
            }
        },
    };
    let text = match args.format {
        Format::Text => report.to_text(),
        Format::Json => report.to_json(),
    };
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => return Err(e.into()),
        _ => {}
    }
    Ok(if report.has_errors() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}
