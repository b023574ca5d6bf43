//! `kubetutor drill --plain [--count N] [--seed N]`: the pod-phase drill
//! on standard input and output. Each card's answer and explanation come
//! from the simulator ([`crate::quiz::drill`]); reviews are saved as they
//! are answered, and the session ends (also when input ends early) with
//! the accuracy per category and when the next review is due.

use super::GlobalArgs;
use super::quiz::{Io, NEEDS_PLAIN, open_store, read_line, save};
use crate::lang::Lang;
use crate::quiz::drill::card::NodeFate;
use crate::quiz::drill::words::{category_name, span};
use crate::quiz::drill::{DrillSession, Feedback, Question, Summary};
use crate::quiz::plain::{self, Command, clean, until};
use crate::timestamp::Timestamp;
use std::io::{self, IsTerminal};
use std::process::ExitCode;

#[derive(Debug, Clone, clap::Args)]
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
        eprintln!(
            "kubetutor: the drill view of the tutor is not available yet; use `kubetutor drill --plain`"
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
    let mut session = DrillSession::new(&deck, start, args.count as usize, seed, lang);
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
                Err(e) => writeln!(io.out, "{e}")?,
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
        writeln!(
            io.out,
            "{}\n",
            match lang {
                Lang::En => format!("Next review of this card: {}.", until(lang, at, due)),
                Lang::Ko => format!("이 카드의 다음 복습: {}.", until(lang, at, due)),
            }
        )?;
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

fn header(lang: Lang, n: usize, due: usize) -> String {
    match (lang, n) {
        (Lang::En, 0) => "Pod-phase drill: no card is due and no new card is left.".into(),
        (Lang::Ko, 0) => "파드 단계 드릴: 복습할 카드도 새 카드도 없습니다.".into(),
        (Lang::En, n) => format!(
            "Pod-phase drill: {n} card{} ({due} due for review, {} new).",
            if n == 1 { "" } else { "s" },
            n - due
        ),
        (Lang::Ko, n) => format!(
            "파드 단계 드릴: 카드 {n}장 (복습 {due}장, 새 카드 {}장).",
            n - due
        ),
    }
}

fn question_text(q: &Question, lang: Lang) -> String {
    let kind = match (q.review, lang) {
        (true, Lang::En) => "review",
        (false, Lang::En) => "new",
        (true, Lang::Ko) => "복습",
        (false, Lang::Ko) => "새 카드",
    };
    let mut s = match lang {
        Lang::En => format!("Card {} of {}", q.number, q.total),
        Lang::Ko => format!("카드 {}/{}", q.number, q.total),
    };
    s.push_str(&format!(
        " · {} · {kind}\n",
        category_name(q.category, lang)
    ));
    s.push_str(&q.spec.question);
    s.push('\n');
    for (i, c) in q.spec.choices.iter().enumerate() {
        s.push_str(&format!("  {}. {}\n", i + 1, c.text));
    }
    s.push_str(lang.pick(
        "번호나 답을 입력하세요. h: 힌트, ?: 정답 보기, q: 그만하기.",
        "Type a number or the answer; h: hint, ?: show the answer, q: stop.",
    ));
    s
}

fn feedback_text(q: &Question, f: &Feedback, lang: Lang) -> String {
    let mut lines = Vec::new();
    let answer = format!("{}. {}", f.answer + 1, f.answer_text);
    lines.push(match (f.correct, f.revealed, lang) {
        (true, _, Lang::En) => "Right!".to_string(),
        (true, _, Lang::Ko) => "맞았습니다!".to_string(),
        (false, true, Lang::En) => format!("The answer: {answer}"),
        (false, true, Lang::Ko) => format!("정답: {answer}"),
        (false, false, Lang::En) => format!("Wrong. The answer: {answer}"),
        (false, false, Lang::Ko) => format!("틀렸습니다. 정답: {answer}"),
    });
    if let Some(p) = &f.picked
        && let Some(c) = q.spec.choices.get(p.choice)
        && let Some(why) = &p.why
    {
        lines.push(format!("  {}. {}: {why}", p.choice + 1, c.text));
    }
    if !f.correct
        && let Some(why) = q.spec.choices.get(f.answer).and_then(|c| c.why.as_ref())
    {
        lines.push(format!("  {answer}: {why}"));
    }
    lines.push(lang.pick("이유:", "Why:").to_string());
    for p in &f.explanation {
        lines.push(format!("  {p}"));
    }
    let since = match (q.card.node, lang) {
        (NodeFate::Healthy, Lang::En) => "0:00 = the object was created",
        (NodeFate::Healthy, Lang::Ko) => "0:00 = 객체를 만든 때",
        (NodeFate::Lost, Lang::En) => "0:00 = node-1 went down",
        (NodeFate::Lost, Lang::Ko) => "0:00 = node-1이 멈춘 때",
    };
    lines.push(match lang {
        Lang::En => format!(
            "What the cluster did ({since}; the card looks at {}):",
            span(q.card.after_ms, lang)
        ),
        Lang::Ko => format!(
            "클러스터에서 일어난 일 ({since}, 카드가 묻는 때: {}):",
            span(q.card.after_ms, lang)
        ),
    });
    let field = q.card.field.observe_field();
    lines.extend(plain::timeline(&f.timeline, field, lang, 12));
    lines.join("\n")
}

fn summary_text(s: &Summary, lang: Lang, now: Timestamp) -> String {
    let mut out = match lang {
        Lang::En => format!("Session: {} of {} right.\n", s.right, s.asked),
        Lang::Ko => format!("이번 세션: {}장 중 {}장 맞힘.\n", s.asked, s.right),
    };
    if !s.categories.is_empty() {
        let head = match lang {
            Lang::En => ["CATEGORY", "RIGHT", "ACCURACY", "NEXT DUE"],
            Lang::Ko => ["분류", "맞힘", "정답률", "다음 복습"],
        };
        let rows: Vec<Vec<String>> = s
            .categories
            .iter()
            .map(|c| {
                vec![
                    category_name(&c.category, lang),
                    format!("{}/{}", c.right, c.asked),
                    format!(
                        "{:.0}%",
                        f64::from(c.right) * 100.0 / f64::from(c.asked.max(1))
                    ),
                    c.next_due.map_or("-".into(), |d| until(lang, now, d)),
                ]
            })
            .collect();
        out.push_str(&plain::table(&head, &rows));
    }
    out.push_str(&match (s.due_now, s.next_due, lang) {
        (0, Some(d), Lang::En) => format!("Next review due {} ({d}).\n", until(lang, now, d)),
        (0, Some(d), Lang::Ko) => format!("다음 복습: {} ({d}).\n", until(lang, now, d)),
        (0, None, Lang::En) => "No review scheduled yet.\n".into(),
        (0, None, Lang::Ko) => "예정된 복습이 아직 없습니다.\n".into(),
        (n, _, Lang::En) => format!(
            "{n} card{} due for review now.\n",
            if n == 1 { "" } else { "s" }
        ),
        (n, _, Lang::Ko) => format!("지금 복습할 카드 {n}장.\n"),
    });
    out
}
