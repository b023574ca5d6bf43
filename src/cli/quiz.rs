//! `kubetutor quiz LESSON_ID`: on a terminal, the tutor opened on the
//! lesson's first question.
//!
//! `kubetutor quiz LESSON_ID --plain`: a lesson's questions on standard
//! input and output, with the same checker and attempt rules as the TUI
//! (tries, hints, the answer on request or after a second wrong try), for
//! screen readers, scripts and tests. Never coloured.
//!
//! Results go to the progress file as they are answered, so stopping early
//! (end of input, `q`) keeps everything already answered.

use super::GlobalArgs;
use super::tutor::unknown_lesson;
use crate::lang::Lang;
use crate::lesson::Catalog;
use crate::progress::{Store, path};
use crate::quiz::lesson::{LessonQuiz, Question};
use crate::quiz::plain::questions::Words;
use crate::quiz::plain::{self, Command, clean};
use crate::timestamp::Timestamp;
use std::io::{self, BufRead, IsTerminal, Write};
use std::process::ExitCode;

#[derive(Debug, Clone, clap::Args)]
#[command(after_help = "\
On a terminal (standard input and output) the tutor opens on the lesson's
first question, ready to answer: digits or arrows and Enter, h a hint,
] the next question, ? every key.

Answering (with --plain, or when standard input is not a terminal):
  a number or the choice's text   answer (`1, 3` for several, `3 1 2` for an order)
  h                               a hint
  ? or s                          show the answer (no point)
  q, or the end of input          stop; answered questions are kept

A wrong first answer can be tried once more (half a point when right).
Results go to the progress file (--progress or KUBETUTOR_PROGRESS).")]
pub struct Args {
    /// The lesson whose questions to ask (an id from `kubetutor list`).
    pub lesson: String,

    /// Ask on standard input and output, in plain text (no colour).
    #[arg(long)]
    pub plain: bool,

    /// Show the choices and items in the order this seed gives, instead of
    /// this install's own order (kept in the progress file).
    #[arg(long, value_name = "N")]
    pub seed: Option<u64>,
}

/// Where the session reads and writes (the terminal, or buffers in tests).
pub struct Io<'a> {
    pub input: &'a mut dyn BufRead,
    pub out: &'a mut dyn Write,
    pub err: &'a mut dyn Write,
}

/// The exit status when the full-screen view is asked for without a
/// terminal to draw it on.
pub(super) const NEEDS_PLAIN: u8 = 2;

pub fn run(args: Args, global: &GlobalArgs) -> anyhow::Result<ExitCode> {
    let stdin = io::stdin();
    if !args.plain && stdin.is_terminal() {
        if io::stdout().is_terminal() {
            return full_screen(&args, global);
        }
        eprintln!(
            "kubetutor: the quiz view needs a terminal on standard output; use `kubetutor quiz {} --plain`",
            args.lesson
        );
        return Ok(ExitCode::from(NEEDS_PLAIN));
    }
    let (stdout, stderr) = (io::stdout(), io::stderr());
    let mut io = Io {
        input: &mut stdin.lock(),
        out: &mut stdout.lock(),
        err: &mut stderr.lock(),
    };
    run_with(&args, global, &mut io, &Timestamp::now)
}

/// The tutor opened on the lesson's first question, focused to answer.
fn full_screen(args: &Args, global: &GlobalArgs) -> anyhow::Result<ExitCode> {
    let lang = global.lang();
    let catalog = Catalog::open(global.lessons.as_deref())?;
    if catalog.entry(&args.lesson).is_none() {
        anyhow::bail!("{}", unknown_lesson(&args.lesson, &catalog, lang));
    }
    let mut app = super::tutor::open_app(catalog, Some(args.lesson.clone()), global);
    if let Some(seed) = args.seed {
        app = app.with_shuffle_seed(seed);
    }
    if !app.focus_first_quiz() {
        eprintln!("{}", Words(lang).no_questions(&args.lesson));
        return Ok(ExitCode::SUCCESS);
    }
    crate::tui::run_on(&mut app)?;
    Ok(super::tutor::exit_status(&app))
}

/// The session, with its input, output and clock supplied.
pub fn run_with(
    args: &Args,
    global: &GlobalArgs,
    io: &mut Io<'_>,
    now: &dyn Fn() -> Timestamp,
) -> anyhow::Result<ExitCode> {
    let lang = global.lang();
    let catalog = Catalog::open(global.lessons.as_deref())?;
    let Some(found) = catalog.get(&args.lesson, lang) else {
        anyhow::bail!("{}", unknown_lesson(&args.lesson, &catalog, lang));
    };
    let lesson = found.lesson;
    // Broken blocks are left out of the quiz; say so.
    for e in catalog.errors().iter().filter(|e| e.path == lesson.path) {
        writeln!(io.err, "warning: {}", clean(&e.to_string()))?;
    }
    let w = Words(lang);
    if found.fallback {
        writeln!(io.out, "{}", w.fallback(&lesson.id))?;
    }
    // (Built with any seed: only whether there is a question counts here.)
    if LessonQuiz::new(lesson, 0).is_empty() {
        writeln!(io.out, "{}", w.no_questions(&lesson.id))?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut store = open_store(global, io.err)?;
    let seed = match args.seed {
        Some(seed) => seed,
        None => install_seed(store.as_mut(), io.err)?,
    };
    let mut quiz = LessonQuiz::new(lesson, seed);
    writeln!(io.out, "{}\n", w.title(&clean(&lesson.title), quiz.len()))?;
    let mut stopped = false;
    loop {
        let number = (quiz.index() + 1, quiz.len());
        let Some(q) = quiz.current_mut() else {
            break;
        };
        if let Some(problem) = q.problem() {
            writeln!(io.out, "{}\n", w.skipped(number, problem))?;
            quiz.advance();
            continue;
        }
        if !ask(q, number, lang, io)? {
            stopped = true;
            break;
        }
        if let Some(record) = q.attempt.record(now()) {
            let id = q.id().to_string();
            if let Some(store) = store.as_mut() {
                store.record_quiz(&lesson.id, &id, record);
                let needs = crate::progress::Needs::of(lesson);
                store.complete_if_done(&lesson.id, &needs, now());
                save(store, io.err)?;
            }
        }
        writeln!(io.out)?;
        quiz.advance();
    }
    let score = quiz.score();
    if stopped {
        writeln!(io.out, "\n{}", w.stopped(quiz.index(), quiz.len()))?;
    }
    writeln!(io.out, "{}", w.score(&score, stopped))?;
    Ok(ExitCode::SUCCESS)
}

pub(super) fn open_store(global: &GlobalArgs, err: &mut dyn Write) -> io::Result<Option<Store>> {
    match path::resolve(global.progress.as_deref()) {
        Ok(file) => {
            let (store, warnings) = Store::open(file);
            for w in &warnings {
                writeln!(err, "warning: {w}")?;
            }
            Ok(Some(store))
        }
        Err(e) => {
            writeln!(err, "warning: {e}; nothing will be saved")?;
            Ok(None)
        }
    }
}

/// This install's seed for the order of choices, saved at once when it is
/// new (so the next run shows the same order); without a progress file, a
/// seed for this run only.
pub(super) fn install_seed(store: Option<&mut Store>, err: &mut dyn Write) -> io::Result<u64> {
    let Some(store) = store else {
        return Ok(crate::quiz::shuffle::fresh_seed());
    };
    let new = store.progress().seed.is_none();
    let seed = store.install_seed();
    if new {
        save(store, err)?;
    }
    Ok(seed)
}

pub(super) fn save(store: &mut Store, err: &mut dyn Write) -> io::Result<()> {
    match store.save() {
        Ok(warnings) => {
            for w in &warnings {
                writeln!(err, "warning: {w}")?;
            }
        }
        Err(e) => writeln!(err, "warning: progress not saved: {e}")?,
    }
    Ok(())
}

/// Read one line; `None` at the end of input. Bytes that are not UTF-8
/// become `�`, so such a line is an answer that cannot be understood (and
/// is asked again), not an error.
pub(super) fn read_line(io: &mut Io<'_>) -> io::Result<Option<String>> {
    write!(io.out, "> ")?;
    io.out.flush()?;
    let mut bytes = Vec::new();
    if io.input.read_until(b'\n', &mut bytes)? == 0 {
        writeln!(io.out)?;
        return Ok(None);
    }
    Ok(Some(String::from_utf8_lossy(&bytes).into_owned()))
}

/// Ask one question until it is finished; false when the student stopped.
fn ask(q: &mut Question, number: (usize, usize), lang: Lang, io: &mut Io<'_>) -> io::Result<bool> {
    let w = Words(lang);
    let spec = q.attempt.spec().clone();
    let shown = q.attempt.shown_choices().to_vec();
    writeln!(io.out, "{}", w.question_text(q, number))?;
    loop {
        let Some(line) = read_line(io)? else {
            return Ok(false);
        };
        match plain::command(&line) {
            Command::Quit => return Ok(false),
            Command::Hint => {
                let total = spec.hints.len();
                let text = match q.attempt.hint().map(str::to_string) {
                    Some(h) => w.hint(q.attempt.hints().len(), total, &h),
                    None if total == 0 => w.no_hints().to_string(),
                    None => w.no_more_hints().to_string(),
                };
                writeln!(io.out, "{text}")?;
            }
            Command::Show => match q.attempt.reveal() {
                Ok(reveal) => {
                    writeln!(io.out, "{}", w.reveal(&spec, &shown, &reveal))?;
                    print_outcome(q, lang, io)?;
                    return Ok(true);
                }
                Err(e) => writeln!(io.out, "{}", w.check_error(&e))?,
            },
            Command::Answer(text) => {
                let response = match q.attempt.parse(text) {
                    Ok(r) => r,
                    Err(e) => {
                        writeln!(io.out, "{}", e.message(lang))?;
                        continue;
                    }
                };
                match q.attempt.submit(&response) {
                    Ok(verdict) => {
                        writeln!(io.out, "{}", w.verdict(&spec, &shown, &verdict))?;
                        if q.attempt.is_finished() {
                            print_outcome(q, lang, io)?;
                            return Ok(true);
                        }
                    }
                    Err(e) => writeln!(io.out, "{}", w.check_error(&e))?,
                }
            }
        }
    }
}

/// `predict`: what the simulator did, once the question is over.
fn print_outcome(q: &Question, lang: Lang, io: &mut Io<'_>) -> io::Result<()> {
    let (Some(o), Some(observe)) = (q.predicted(), q.attempt.spec().observe.as_ref()) else {
        return Ok(());
    };
    let w = Words(lang);
    writeln!(io.out, "{}", w.cluster_did(observe, o.after_ms))?;
    for line in plain::timeline(&o.timeline, &observe.field, lang, 12) {
        writeln!(io.out, "{line}")?;
    }
    writeln!(io.out, "{}", w.simulator_shows(&o.value))?;
    Ok(())
}
