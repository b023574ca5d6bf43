//! `kubetutor check EXERCISE_ID FILE [--watch]`: check a manifest written in
//! the student's own editor against a course exercise, in the simulated
//! cluster, and record the attempt in the progress.

use super::GlobalArgs;
use super::validate;
use crate::exercise::course::{self, CourseExercise};
use crate::exercise::{self, Outcome, Report};
use crate::lang::Lang;
use crate::lesson::Catalog;
use crate::progress::{Store, path};
use crate::timestamp::Timestamp;
use crate::watch::Watch;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

const LONG_ABOUT: &str = "\
Check a manifest against an exercise of the course, in the simulated cluster.

The file is validated first; problems are printed as `file:line:column: path:
message` (as `kubetutor validate` does) and nothing is applied. A valid
manifest is applied to a fresh cluster set up as the exercise says, simulated
time advances until every check holds or the exercise's time runs out, and
each check is printed as ✓ or ✗ with what the cluster showed, then a verdict.

Every run is recorded in the progress: the attempt, the pass, and the text as
the draft the tutor's editor opens on.

With --watch the file is checked again whenever its content changes, each run
under its own header (the screen is cleared first on a terminal); a file that
disappears or cannot be read is reported and waited for. Ctrl-C ends it, with
the last run's exit status.

Exit status: 0 when the exercise passes, 1 when it does not, 2 for a usage
error (an unknown exercise id, an unreadable file or lessons folder).";

const AFTER_HELP: &str = "\
Examples:
  kubetutor check --list                          the exercises and their goals
  kubetutor check pods-first-pod pod.yaml         check once
  kubetutor check pods-first-pod pod.yaml --watch check again on every save, until Ctrl-C";

#[derive(Debug, clap::Args)]
#[command(
    about = "Check a manifest against a course exercise in the simulated cluster",
    long_about = LONG_ABOUT,
    after_help = AFTER_HELP
)]
pub struct Args {
    /// The exercise id (`kubetutor check --list` shows them).
    #[arg(value_name = "EXERCISE_ID", required_unless_present = "list")]
    pub exercise: Option<String>,

    /// The manifest to check (YAML or JSON).
    #[arg(value_name = "FILE", required_unless_present = "list")]
    pub file: Option<PathBuf>,

    /// Check again every time the file changes, until Ctrl-C.
    #[arg(long, short = 'w', conflicts_with = "list")]
    pub watch: bool,

    /// List the exercises of the course with their goals.
    #[arg(long, conflicts_with_all = ["exercise", "file"])]
    pub list: bool,

    /// Seed of the simulation: the same seed and file give the same run.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
}

const USAGE: u8 = 2;

pub fn run(args: Args, global: &GlobalArgs) -> anyhow::Result<ExitCode> {
    let lang = global.lang();
    let catalog = match Catalog::open(global.lessons.as_deref()) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("kubetutor: {e}");
            return Ok(ExitCode::from(USAGE));
        }
    };
    let mut out = std::io::stdout().lock();
    if args.list {
        out.write_all(list(&catalog, lang).as_bytes())?;
        return Ok(ExitCode::SUCCESS);
    }
    let (Some(id), Some(file)) = (args.exercise.as_deref(), args.file.as_deref()) else {
        eprintln!("kubetutor: an exercise id and a file are required");
        return Ok(ExitCode::from(USAGE));
    };
    let Some(found) = course::find(&catalog, id, lang) else {
        eprintln!("{}", unknown(&catalog, id, lang));
        return Ok(ExitCode::from(USAGE));
    };
    let mut store = open_store(global);
    if args.watch {
        return watch(&found, file, args.seed, lang, &mut store, &mut out);
    }
    let text = match read(file) {
        Ok(t) => t,
        Err(why) => {
            eprintln!(
                "{}",
                crate::text::sanitize(&format!("{}: {why}", file.display()))
            );
            return Ok(ExitCode::from(USAGE));
        }
    };
    let passed = check_once(&found, file, &text, args.seed, lang, &mut store, &mut out)?;
    Ok(if passed {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// Every exercise of the course: its id and lesson, and its goal below.
pub fn list(catalog: &Catalog, lang: Lang) -> String {
    let mut s = String::new();
    for e in course::all(catalog, lang) {
        let goal = e.spec.goal.split_whitespace().collect::<Vec<_>>().join(" ");
        let lesson = lang.pick("레슨", "lesson");
        s.push_str(&format!(
            "{}  ({lesson} {})\n    {goal}\n",
            e.spec.id, e.lesson.id
        ));
    }
    if s.is_empty() {
        s.push_str(lang.pick(
            "이 코스에는 실습이 없습니다\n",
            "this course has no exercises\n",
        ));
    }
    // Ids and goals are the lesson writer's text: nothing in them may
    // reach the terminal as a control sequence.
    crate::text::sanitize(&s).into_owned()
}

/// The message for an id the course does not have.
pub fn unknown(catalog: &Catalog, id: &str, lang: Lang) -> String {
    let mut s = match lang {
        Lang::En => format!("kubetutor: no exercise {id:?} in the course"),
        Lang::Ko => format!("kubetutor: 코스에 {id:?} 실습이 없습니다"),
    };
    if let Some(near) = course::suggest(catalog, id, lang) {
        s.push_str(&match lang {
            Lang::En => format!("\n  did you mean {near}?"),
            Lang::Ko => format!("\n  비슷한 실습: {near}"),
        });
    }
    s.push_str(lang.pick(
        "\n  실습 목록: kubetutor check --list",
        "\n  the exercises: kubetutor check --list",
    ));
    // The id is the user's argument, the suggestion a lesson's id.
    crate::text::sanitize(&s).into_owned()
}

fn open_store(global: &GlobalArgs) -> Option<Store> {
    match path::resolve(global.progress.as_deref()) {
        Ok(file) => {
            let (store, warnings) = Store::open(file);
            for w in &warnings {
                eprintln!("kubetutor: warning: {w}");
            }
            Some(store)
        }
        Err(e) => {
            eprintln!("kubetutor: warning: progress not recorded: {e}");
            None
        }
    }
}

/// The file's text; a message when it cannot be read.
fn read(file: &Path) -> Result<String, String> {
    match crate::bounded_read::read_lossy(file, crate::bounded_read::MANIFEST_LIMIT) {
        Ok(text) => Ok(text),
        Err(e) => Err(e.reason()),
    }
}

/// The report as `kubetutor check` prints it.
pub fn render(found: &CourseExercise<'_>, name: &str, report: &Report, lang: Lang) -> String {
    let mut s = format!(
        "{} {}: {}\n",
        lang.pick("실습", "exercise"),
        found.spec.id,
        found
            .spec
            .goal
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    );
    s.push_str(&validate::report(name, &report.diagnostics, lang));
    if report.outcome != Outcome::Invalid {
        for line in &report.applied {
            s.push_str(line);
            s.push('\n');
        }
    }
    for c in &report.checks {
        s.push_str(&c.line(lang));
        s.push('\n');
    }
    s.push_str(&report.verdict(lang));
    s.push('\n');
    // The goal, ids and check names come from the lesson, the file name
    // from the user: all of it is sanitized as the rest of the output is.
    crate::text::sanitize(&s).into_owned()
}

fn check_once(
    found: &CourseExercise<'_>,
    file: &Path,
    text: &str,
    seed: u64,
    lang: Lang,
    store: &mut Option<Store>,
    out: &mut dyn Write,
) -> anyhow::Result<bool> {
    let report = exercise::run(found.spec, found.section_setup, text, lang, seed);
    let name = file.display().to_string();
    out.write_all(render(found, &name, &report, lang).as_bytes())?;
    out.flush()?;
    if let Some(store) = store
        && !matches!(report.outcome, Outcome::SetupFailed(_))
    {
        let now = Timestamp::now();
        let (lesson, id) = (&found.lesson.id, &found.spec.id);
        store.record_exercise(lesson, id, report.passed(), now);
        store.save_draft(lesson, id, text, now);
        match store.save() {
            Ok(warnings) => {
                for w in warnings {
                    eprintln!("kubetutor: warning: {w}");
                }
            }
            Err(e) => eprintln!("kubetutor: warning: progress not saved: {e}"),
        }
    }
    Ok(report.passed())
}

/// Check, then check again whenever the file's content changes, until
/// Ctrl-C (or SIGTERM / SIGHUP). The exit status is the last verdict's.
fn watch(
    found: &CourseExercise<'_>,
    file: &Path,
    seed: u64,
    lang: Lang,
    store: &mut Option<Store>,
    out: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [
        signal_hook::consts::SIGINT,
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
    ] {
        // A second Ctrl-C ends at once, even in the middle of a long run.
        signal_hook::flag::register_conditional_shutdown(signal, 1, Arc::clone(&stop))?;
        signal_hook::flag::register(signal, Arc::clone(&stop))?;
    }
    let clear = std::io::stdout().is_terminal();
    // An absolute path lets the watch follow the file's folder, so editors
    // that save by replacing the file are seen at once.
    let absolute = std::path::absolute(file).unwrap_or_else(|_| file.to_path_buf());
    let mut watcher = Watch::new(&[absolute]);
    let mut last: Option<String> = None;
    let mut reported_missing = false;
    let mut passed = false;
    let mut run = 0;
    let name = file.display();
    loop {
        match read(file) {
            Ok(text) if last.as_deref() != Some(text.as_str()) => {
                run += 1;
                if clear {
                    // Clear the screen and go home, so each run starts on a clean page.
                    out.write_all(b"\x1b[2J\x1b[H")?;
                }
                let label = lang.pick("검사", "check");
                let header = format!("── {label} #{run}: {name} ──");
                writeln!(out, "{}", crate::text::sanitize(&header))?;
                passed = check_once(found, file, &text, seed, lang, store, out)?;
                let watching = match lang {
                    Lang::En => format!("── watching {name} for changes; Ctrl-C to stop ──"),
                    Lang::Ko => format!("── {name} 변경을 지켜봅니다; 끝내려면 Ctrl-C ──"),
                };
                writeln!(out, "{}", crate::text::sanitize(&watching))?;
                out.flush()?;
                last = Some(text);
                reported_missing = false;
            }
            Ok(_) => {}
            Err(why) => {
                if !reported_missing {
                    let waiting = format!(
                        "{name}: {why}; {}",
                        lang.pick(
                            "파일이 다시 생기기를 기다립니다",
                            "waiting for the file to come back"
                        )
                    );
                    writeln!(out, "{}", crate::text::sanitize(&waiting))?;
                    out.flush()?;
                    reported_missing = true;
                }
                last = None;
            }
        }
        // Wait for a change, then let a save that comes in several writes finish.
        loop {
            if stop.load(Ordering::Relaxed) {
                writeln!(out)?;
                out.flush()?;
                return Ok(if passed {
                    ExitCode::SUCCESS
                } else {
                    ExitCode::FAILURE
                });
            }
            if watcher.wait(Duration::from_millis(200)) {
                std::thread::sleep(Duration::from_millis(100));
                while watcher.changed() {}
                break;
            }
        }
    }
}
