//! `kubetutor drill [--plain] [--count N] [--seed N]`: the pod-phase drill.
//! On a terminal it opens the tutor's full-screen view straight into the
//! drill ([`crate::tui::drill`]); with `--plain`, or when standard input is
//! not a terminal, it runs on standard input and output. Each card's answer
//! and explanation come from the simulator ([`crate::quiz::drill`]);
//! reviews are saved as they are answered, and the session ends (also when
//! input ends early) with the accuracy per category and when the next
//! review is due.

use super::GlobalArgs;
use super::quiz::{Io, NEEDS_PLAIN, open_store, read_line, save};
use super::tutor::open_drill_app;
use crate::lesson::Catalog;
use crate::quiz::drill::DrillSession;
use crate::quiz::plain::cards::{feedback_text, header, next_review, question_text, summary_text};
use crate::quiz::plain::questions::Words;
use crate::quiz::plain::{self, Command, clean};
use crate::timestamp::Timestamp;
use crate::tui::drill::DrillOptions;
use std::io::{self, IsTerminal};
use std::process::ExitCode;

#[derive(Debug, Clone, clap::Args)]
#[command(after_help = "\
On a terminal (standard input and output) the drill opens full screen:
  1-9, or ↑↓ and Enter   answer the card
  h / s                  a hint / show the answer (graded as wrong)
  Enter, → or n          the next card, once answered
  r                      replay the card's cluster from its start
  Tab / j k PgUp PgDn    switch pane / scroll the pane
  Esc, q or Ctrl-C       end the session with its report; again to quit
  ?                      every key
On leaving, the report is printed on the terminal as well.

Answering (with --plain, or when standard input is not a terminal):
  a number or the answer's text   answer the card
  h                               a hint (a right answer after a hint counts as hard)
  ? or s                          show the answer
  q, or the end of input          stop; the session report is printed

Cards due for review come first, then new ones (spaced repetition, SM-2).
Reviews go to the progress file (--progress or KUBETUTOR_PROGRESS).")]
pub struct Args {
    /// Ask on standard input and output, in plain text (no colour).
    #[arg(long)]
    pub plain: bool,

    /// How many cards to ask.
    #[arg(long, value_name = "N", default_value_t = 10,
          value_parser = clap::value_parser!(u32).range(1..=1000))]
    pub count: u32,

    /// Seed for choosing new cards (default: the clock).
    #[arg(long, value_name = "N")]
    pub seed: Option<u64>,
}

pub fn run(args: Args, global: &GlobalArgs) -> anyhow::Result<ExitCode> {
    let stdin = io::stdin();
    if !args.plain && stdin.is_terminal() {
        if io::stdout().is_terminal() {
            return full_screen(&args, global);
        }
        eprintln!(
            "kubetutor: the drill view needs a terminal on standard output; use `kubetutor drill --plain`"
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

/// The tutor's interface opened straight into the drill; leaving the drill
/// (after its report) quits.
fn full_screen(args: &Args, global: &GlobalArgs) -> anyhow::Result<ExitCode> {
    let catalog = Catalog::open(global.lessons.as_deref())?;
    let mut app = open_drill_app(catalog, global);
    let seed = args.seed.unwrap_or(app.now().millis() as u64);
    let shuffle_seed = app.shuffle_seed();
    app.open_drill(DrillOptions {
        count: args.count as usize,
        seed,
        shuffle_seed,
        standalone: true,
    });
    crate::tui::run_on(&mut app)?;
    // The report again on the normal screen, where it stays (also after
    // Ctrl-C or a signal: every answer was saved as it was given).
    if let Some(drill) = app.drill.as_deref()
        && drill.session().tally().total().1 > 0
    {
        let (summary, at) = drill.report(app.now());
        print!("{}", summary_text(&summary, drill.lang(), at));
    }
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
    let mut store = open_store(global, io.err)?;
    // Without a progress file the session still runs; reviews are kept in
    // memory for the summary.
    let mut deck = store
        .as_ref()
        .map(|s| s.drill().clone())
        .unwrap_or_default();
    let start = now();
    let seed = args.seed.unwrap_or(start.millis() as u64);
    let shuffle_seed = super::quiz::install_seed(store.as_mut(), io.err)?;
    let mut session = DrillSession::new(&deck, start, args.count as usize, seed, lang)
        .with_shuffle_seed(shuffle_seed);
    let plan = session.plan().clone();
    writeln!(io.out, "{}\n", header(lang, plan.cards.len(), plan.due))?;
    let mut stopped = false;
    while let Some(q) = session.question() {
        writeln!(io.out, "{}", question_text(q, lang))?;
        let feedback = loop {
            let Some(line) = read_line(io)? else {
                break None;
            };
            let result = match plain::command(&line) {
                Command::Quit => break None,
                Command::Hint => {
                    let text = match session.hint() {
                        Some(h) => format!("{}: {}", lang.pick("힌트", "Hint"), clean(h)),
                        None => lang
                            .pick("힌트를 모두 보았습니다.", "No more hints.")
                            .into(),
                    };
                    writeln!(io.out, "{text}")?;
                    continue;
                }
                Command::Show => session.reveal().cloned(),
                Command::Answer(text) => match session.parse(text) {
                    Ok(response) => session.submit(&response).cloned(),
                    Err(e) => {
                        writeln!(io.out, "{}", e.message(lang))?;
                        continue;
                    }
                },
            };
            match result {
                Ok(f) => break Some(f),
                Err(e) => writeln!(io.out, "{}", Words(lang).check_error(&e))?,
            }
        };
        let Some(feedback) = feedback else {
            stopped = true;
            break;
        };
        let at = now();
        let r = &feedback.review;
        let due = match store.as_mut() {
            Some(store) => {
                let due = store.record_review(&r.key, r.category, r.grade, at);
                save(store, io.err)?;
                deck = store.drill().clone();
                due
            }
            None => deck.review(&r.key, r.category, r.grade, at),
        };
        let q = session.question().cloned();
        if let Some(q) = q {
            writeln!(io.out, "{}", feedback_text(&q, &feedback, lang))?;
        }
        writeln!(io.out, "{}\n", next_review(lang, at, due))?;
        session.advance();
    }
    for (key, why) in session.skipped() {
        writeln!(io.err, "warning: card {key} was skipped: {why}")?;
    }
    if stopped {
        writeln!(
            io.out,
            "{}",
            lang.pick("드릴을 멈췄습니다.", "Drill stopped.")
        )?;
    }
    let at = now();
    write!(
        io.out,
        "{}",
        summary_text(&session.summary(&deck, at), lang, at)
    )?;
    Ok(ExitCode::SUCCESS)
}
