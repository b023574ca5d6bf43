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
use crate::quiz::check::{Answer, CheckError};
use crate::quiz::lesson::{LessonQuiz, LessonScore, Question};
use crate::quiz::plain::{self, Command, clean};
use crate::quiz::spec::{Observe, QuizKind, QuizSpec};
use crate::quiz::{Reveal, Verdict};
use crate::timestamp::Timestamp;
use std::io::{self, BufRead, IsTerminal, Write};
use std::process::ExitCode;

#[derive(Debug, Clone, clap::Args)]
pub struct Args {
    /// The lesson whose questions to ask (an id from `kubetutor list`).
    pub lesson: String,

    /// Ask on standard input and output, in plain text (no colour).
    #[arg(long)]
    pub plain: bool,

    /// Seed for the shuffled order of `order` questions (default: the clock).
    #[arg(long, value_name = "N")]
    pub seed: Option<u64>,
}

/// Where the session reads and writes (the terminal, or buffers in tests).
pub struct Io<'a> {
    pub input: &'a mut dyn BufRead,
    pub out: &'a mut dyn Write,
    pub err: &'a mut dyn Write,
}

/// The exit status when the TUI would be needed but is not there yet.
pub(super) const NEEDS_PLAIN: u8 = 2;

pub fn run(args: Args, global: &GlobalArgs) -> anyhow::Result<ExitCode> {
    let stdin = io::stdin();
    if !args.plain && stdin.is_terminal() {
        eprintln!(
            "kubetutor: the quiz view of the tutor is not available yet; use `kubetutor quiz {} --plain`, or open the lesson with `kubetutor {}`",
            args.lesson, args.lesson
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
    let catalog = Catalog::open(global.lessons.as_deref())?;
    let Some(found) = catalog.get(&args.lesson, lang) else {
        anyhow::bail!("{}", unknown_lesson(&args.lesson, &catalog, lang));
    };
    let lesson = found.lesson;
    let mut store = open_store(global, io.err)?;
    let seed = args.seed.unwrap_or_else(|| now().millis() as u64);
    let mut quiz = LessonQuiz::new(lesson, seed);
    let w = Words(lang);
    if found.fallback {
        writeln!(io.out, "{}", w.fallback(&lesson.id))?;
    }
    if quiz.is_empty() {
        writeln!(io.out, "{}", w.no_questions(&lesson.id))?;
        return Ok(ExitCode::SUCCESS);
    }
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

/// Read one line; `None` at the end of input.
pub(super) fn read_line(io: &mut Io<'_>) -> io::Result<Option<String>> {
    write!(io.out, "> ")?;
    io.out.flush()?;
    let mut line = String::new();
    if io.input.read_line(&mut line)? == 0 {
        writeln!(io.out)?;
        return Ok(None);
    }
    Ok(Some(line))
}

/// Ask one question until it is finished; false when the student stopped.
fn ask(q: &mut Question, number: (usize, usize), lang: Lang, io: &mut Io<'_>) -> io::Result<bool> {
    let w = Words(lang);
    let spec = q.attempt.spec().clone();
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
                    writeln!(io.out, "{}", w.reveal(&spec, &reveal))?;
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
                        writeln!(io.out, "{}", w.verdict(&spec, &verdict))?;
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

/// The words of the plain quiz in the student's language.
#[derive(Clone, Copy)]
struct Words(Lang);

impl Words {
    fn ko(self) -> bool {
        self.0 == Lang::Ko
    }

    fn fallback(self, id: &str) -> String {
        let id = clean(id);
        match self.0 {
            Lang::En => {
                format!("Note: lesson '{id}' has no English version; asking the Korean one.")
            }
            Lang::Ko => format!("참고: '{id}' 레슨은 한국어판이 없어 영어판으로 묻습니다."),
        }
    }

    fn no_questions(self, id: &str) -> String {
        let id = clean(id);
        if self.ko() {
            format!("'{id}' 레슨에는 문제가 없습니다.")
        } else {
            format!("Lesson '{id}' has no questions.")
        }
    }

    fn title(self, title: &str, n: usize) -> String {
        if self.ko() {
            format!("퀴즈: {title} ({n}문제)")
        } else {
            format!(
                "Quiz: {title} ({n} question{})",
                if n == 1 { "" } else { "s" }
            )
        }
    }

    fn skipped(self, (n, total): (usize, usize), why: &str) -> String {
        if self.ko() {
            format!(
                "문제 {n}/{total}: 시뮬레이터가 이 문제를 재현하지 못해 건너뜁니다 ({}).",
                clean(why)
            )
        } else {
            format!(
                "Question {n} of {total} is skipped: the simulator could not play it ({}).",
                clean(why)
            )
        }
    }

    fn question_text(self, q: &Question, (n, total): (usize, usize)) -> String {
        let spec = q.attempt.spec();
        let mut s = String::new();
        let kind = match (spec.kind, self.0) {
            (QuizKind::Choice, _) => "",
            (QuizKind::Multi, Lang::En) => " (select all that apply)",
            (QuizKind::Multi, Lang::Ko) => " (맞는 것을 모두 고르세요)",
            (QuizKind::Order, Lang::En) => " (put in order)",
            (QuizKind::Order, Lang::Ko) => " (순서대로 놓으세요)",
            (QuizKind::Text, Lang::En) => " (short answer)",
            (QuizKind::Text, Lang::Ko) => " (단답형)",
            (QuizKind::Predict, Lang::En) => " (predict: the simulator plays it out)",
            (QuizKind::Predict, Lang::Ko) => " (예측: 시뮬레이터가 실제로 돌려 봅니다)",
        };
        s.push_str(&match self.0 {
            Lang::En => format!("Question {n} of {total}{kind}\n"),
            Lang::Ko => format!("문제 {n}/{total}{kind}\n"),
        });
        s.push_str(&clean(spec.question.trim()));
        s.push('\n');
        match spec.kind {
            QuizKind::Order => {
                for (p, &i) in q.attempt.shown_items().iter().enumerate() {
                    s.push_str(&format!("  {}. {}\n", p + 1, clean(&spec.items[i])));
                }
            }
            QuizKind::Text => {}
            _ => {
                for (i, c) in spec.choices.iter().enumerate() {
                    s.push_str(&format!("  {}. {}\n", i + 1, clean(&c.text)));
                }
            }
        }
        let how = match (spec.kind, self.0) {
            (QuizKind::Multi, Lang::En) => "Type the numbers of every right choice, like 1, 3",
            (QuizKind::Multi, Lang::Ko) => "맞는 보기의 번호를 모두 입력하세요 (예: 1, 3)",
            (QuizKind::Order, Lang::En) => "Type the item numbers in the right order, like 3 1 2",
            (QuizKind::Order, Lang::Ko) => "항목 번호를 올바른 순서로 입력하세요 (예: 3 1 2)",
            (QuizKind::Text, Lang::En) => "Type your answer",
            (QuizKind::Text, Lang::Ko) => "답을 입력하세요",
            (_, Lang::En) => "Type a number or the choice's text",
            (_, Lang::Ko) => "번호나 보기의 글을 입력하세요",
        };
        s.push_str(&match self.0 {
            Lang::En => format!("{how}; h: hint, ?: show the answer, q: stop."),
            Lang::Ko => format!("{how}. h: 힌트, ?: 정답 보기, q: 그만하기."),
        });
        s
    }

    fn hint(self, n: usize, total: usize, text: &str) -> String {
        if self.ko() {
            format!("힌트 {n}/{total}: {}", clean(text))
        } else {
            format!("Hint {n} of {total}: {}", clean(text))
        }
    }

    fn no_hints(self) -> &'static str {
        self.0.pick(
            "이 문제에는 힌트가 없습니다.",
            "This question has no hints.",
        )
    }

    fn no_more_hints(self) -> &'static str {
        self.0.pick("힌트를 모두 보았습니다.", "No more hints.")
    }

    fn answer_line(self, spec: &QuizSpec, answer: &Answer) -> String {
        let text = clean(&answer.describe(spec));
        if self.ko() {
            format!("정답: {text}")
        } else {
            format!("The answer: {text}")
        }
    }

    fn explain(self, spec: &QuizSpec) -> Option<String> {
        spec.explain.as_ref().map(|e| clean(e.trim()))
    }

    fn reveal(self, spec: &QuizSpec, r: &Reveal) -> String {
        let mut s = self.answer_line(spec, &r.answer);
        if let Some(e) = &r.explain {
            s.push('\n');
            s.push_str(&clean(e.trim()));
        }
        s
    }

    fn verdict(self, spec: &QuizSpec, v: &Verdict) -> String {
        let ko = self.ko();
        let mut lines = vec![
            match (v.correct, v.can_retry, ko) {
                (true, _, false) => "Right!",
                (true, _, true) => "맞았습니다!",
                (false, true, false) => "Not quite.",
                (false, true, true) => "아쉽지만 틀렸습니다.",
                (false, false, false) => "Wrong again.",
                (false, false, true) => "이번에도 틀렸습니다.",
            }
            .to_string(),
        ];
        let multi = spec.kind == QuizKind::Multi;
        for p in &v.picked {
            let Some(c) = spec.choices.get(p.choice) else {
                continue;
            };
            let tag = match (multi, p.correct, ko) {
                (false, _, _) => "",
                (true, true, false) => " (right)",
                (true, true, true) => " (맞음)",
                (true, false, false) => " (wrong)",
                (true, false, true) => " (틀림)",
            };
            let why = p
                .why
                .as_ref()
                .map(|w| format!(": {}", clean(w.trim())))
                .unwrap_or_default();
            lines.push(format!("  {}. {}{tag}{why}", p.choice + 1, clean(&c.text)));
        }
        if let Some(n) = v.in_place {
            let total = spec.items.len();
            lines.push(if ko {
                format!("{total}개 중 {n}개가 제자리에 있습니다.")
            } else {
                format!("{n} of {total} items are in the right place.")
            });
        }
        if v.can_retry {
            lines.push(
                self.0
                    .pick(
                        "한 번 더 해 보세요 (h: 힌트, ?: 정답 보기).",
                        "Try once more (h: hint, ?: show the answer).",
                    )
                    .to_string(),
            );
        }
        if let Some(answer) = &v.answer
            && !v.correct
        {
            lines.push(self.answer_line(spec, answer));
        }
        if v.answer.is_some()
            && let Some(e) = self.explain(spec)
        {
            lines.push(e);
        }
        lines.join("\n")
    }

    fn check_error(self, e: &CheckError) -> String {
        match (e, self.0) {
            (CheckError::NoSuchChoice { index, count }, Lang::Ko) => format!(
                "{}번 보기는 없습니다. 1부터 {count} 사이의 번호를 입력하세요.",
                index + 1
            ),
            (CheckError::NotAPermutation { count }, Lang::Ko) => {
                format!("1부터 {count}까지 모든 항목을 한 번씩 입력하세요.")
            }
            (CheckError::Empty, Lang::Ko) => "답을 입력하세요.".into(),
            (CheckError::NeedsObservation, Lang::Ko) => {
                "시뮬레이터가 아직 이 문제를 재현하지 않았습니다.".into()
            }
            (e, _) => {
                let s = e.to_string();
                let mut c = s.chars();
                match c.next() {
                    Some(f) => format!("{}{}.", f.to_uppercase(), c.as_str()),
                    None => s,
                }
            }
        }
    }

    fn cluster_did(self, o: &Observe, after_ms: u64) -> String {
        let target = observe_target(o);
        let after = crate::duration::format_millis(after_ms);
        if self.ko() {
            format!(
                "클러스터에서 일어난 일 ({target}의 {}, {after} 동안):",
                o.field
            )
        } else {
            format!(
                "What the cluster did ({} of {target}, over {after}):",
                o.field
            )
        }
    }

    fn simulator_shows(self, value: &str) -> String {
        if self.ko() {
            format!("시뮬레이터 결과: {}", clean(value))
        } else {
            format!("The simulator shows: {}", clean(value))
        }
    }

    fn stopped(self, index: usize, total: usize) -> String {
        if self.ko() {
            format!("{total}문제 중 {}번째 문제에서 멈췄습니다.", index + 1)
        } else {
            format!("Stopped at question {} of {total}.", index + 1)
        }
    }

    fn score(self, s: &LessonScore, stopped: bool) -> String {
        let points = plain::points(s.points);
        let of = if stopped { s.finished } else { s.total };
        match (self.0, stopped) {
            (Lang::En, false) => format!(
                "Score: {points} / {of} ({} right on the first try, {} on the second, {} shown).",
                s.first_try, s.second_try, s.revealed
            ),
            (Lang::En, true) => format!(
                "Score so far: {points} / {of} ({} right on the first try, {} on the second, {} shown).",
                s.first_try, s.second_try, s.revealed
            ),
            (Lang::Ko, false) => format!(
                "점수: {points} / {of} (첫 시도에 맞힘 {}, 두 번째에 맞힘 {}, 정답 보기 {}).",
                s.first_try, s.second_try, s.revealed
            ),
            (Lang::Ko, true) => format!(
                "지금까지 점수: {points} / {of} (첫 시도에 맞힘 {}, 두 번째에 맞힘 {}, 정답 보기 {}).",
                s.first_try, s.second_try, s.revealed
            ),
        }
    }
}

/// `pod crash-demo`, `pods app=web`, `deployment web`.
fn observe_target(o: &Observe) -> String {
    let pairs = [
        ("pod", &o.pod),
        ("pods", &o.pods),
        ("deployment", &o.deployment),
        ("service", &o.service),
        ("node", &o.node),
        ("job", &o.job),
    ];
    pairs
        .iter()
        .find_map(|(kind, name)| name.as_ref().map(|n| format!("{kind} {}", clean(n))))
        .unwrap_or_default()
}
