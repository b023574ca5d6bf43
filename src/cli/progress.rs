//! `kubetutor progress`: a summary of the saved progress, `--export` for an
//! instructor, `--reset [LESSON_ID]` to start over.

use super::GlobalArgs;
use super::dates;
use crate::lang::Lang;
use crate::lesson::Catalog;
use crate::progress::{Store, path};
use crate::timestamp::Timestamp;
use anyhow::Context;
use jiff::tz::TimeZone;
use std::io::{self, BufRead, IsTerminal, Write};
use std::process::ExitCode;

#[derive(Debug, Clone, clap::Args)]
pub struct Args {
    /// Print the saved progress as JSON (for an instructor).
    #[arg(long, conflicts_with = "reset")]
    pub export: bool,

    /// Forget the progress of one lesson, or of everything (every lesson and
    /// the drill) when no id is given. Asks for confirmation.
    #[arg(long, value_name = "LESSON_ID", num_args = 0..=1)]
    pub reset: Option<Option<String>>,

    /// Reset without asking (for scripts).
    #[arg(long, short = 'y', requires = "reset")]
    pub yes: bool,
}

/// The terminal, or stand-ins for tests.
pub struct Io<'a> {
    pub input: &'a mut dyn BufRead,
    /// Whether `input` is a terminal a person can answer on.
    pub interactive: bool,
    pub out: &'a mut dyn Write,
    pub err: &'a mut dyn Write,
}

pub fn run(args: Args, global: &GlobalArgs) -> anyhow::Result<ExitCode> {
    let stdin = io::stdin();
    let interactive = stdin.is_terminal();
    let (stdout, stderr) = (io::stdout(), io::stderr());
    let mut io = Io {
        input: &mut stdin.lock(),
        interactive,
        out: &mut stdout.lock(),
        err: &mut stderr.lock(),
    };
    run_with(&args, global, &mut io, Timestamp::now())
}

pub fn run_with(
    args: &Args,
    global: &GlobalArgs,
    io: &mut Io<'_>,
    now: Timestamp,
) -> anyhow::Result<ExitCode> {
    let lang = global.lang();
    let file = path::resolve(global.progress.as_deref())?;
    let (mut store, warnings) = Store::open(&file);
    for w in &warnings {
        writeln!(io.err, "warning: {w}")?;
    }
    if args.export {
        writeln!(io.out, "{}", store.export_json())?;
        return Ok(ExitCode::SUCCESS);
    }
    let Some(target) = &args.reset else {
        // Titles and quiz counts come from the course; without it (a broken
        // --lessons folder) the summary still prints, by lesson id.
        let catalog = Catalog::open(global.lessons.as_deref()).ok();
        write!(io.out, "{}", summary(&store, lang, now, catalog.as_ref()))?;
        return Ok(ExitCode::SUCCESS);
    };
    let shown = file.display();
    let (nothing, question, done) = match target {
        Some(id) => (
            store.lesson(id).is_none(),
            lang_fmt(
                lang,
                format!("Reset the progress of lesson '{id}' in {shown}?"),
                format!("{shown}에서 레슨 '{id}'의 진행 기록을 지울까요?"),
            ),
            lang_fmt(
                lang,
                format!("Reset the progress of lesson '{id}'."),
                format!("레슨 '{id}'의 진행 기록을 지웠습니다."),
            ),
        ),
        None => (
            store.progress().lessons.is_empty()
                && store.progress().drill.cards.is_empty()
                && store.position().is_none(),
            lang_fmt(
                lang,
                format!("Reset all progress in {shown} (every lesson and the drill)?"),
                format!("{shown}의 모든 진행 기록(모든 레슨과 드릴)을 지울까요?"),
            ),
            lang_fmt(
                lang,
                "Reset all progress.".into(),
                "모든 진행 기록을 지웠습니다.".into(),
            ),
        ),
    };
    if nothing {
        let msg = lang.pick("지울 진행 기록이 없습니다.", "Nothing to reset.");
        writeln!(io.out, "{msg}")?;
        return Ok(ExitCode::SUCCESS);
    }
    if !args.yes {
        if !io.interactive {
            anyhow::bail!(
                "refusing to reset without confirmation: standard input is not a terminal \
                 (pass --yes to reset from a script)"
            );
        }
        write!(io.err, "{question} [y/N] ")?;
        io.err.flush()?;
        let mut answer = String::new();
        io.input.read_line(&mut answer)?;
        let yes = matches!(
            answer.trim().to_lowercase().as_str(),
            "y" | "yes" | "예" | "네" | "응" | "ㅇ"
        );
        if !yes {
            let msg = lang.pick("아무것도 지우지 않았습니다.", "Nothing was reset.");
            writeln!(io.out, "{msg}")?;
            return Ok(ExitCode::SUCCESS);
        }
    }
    match target {
        Some(id) => store.reset_lesson(id, now),
        None => store.reset_all(now),
    }
    let warnings = store
        .save()
        .with_context(|| format!("progress was not reset ({shown} is unchanged)"))?;
    for w in &warnings {
        writeln!(io.err, "warning: {w}")?;
    }
    writeln!(io.out, "{done}")?;
    Ok(ExitCode::SUCCESS)
}

fn lang_fmt(lang: Lang, en: String, ko: String) -> String {
    match lang {
        Lang::En => en,
        Lang::Ko => ko,
    }
}

fn points(p: f64) -> String {
    if p.fract() == 0.0 {
        format!("{p:.0}")
    } else {
        format!("{p:.1}")
    }
}

/// `in 2d 3h` / `2일 3시간 후`, to the minute.
fn wait(lang: Lang, from: Timestamp, to: Timestamp) -> String {
    let mins = to.millis_since(from).max(0) / 60_000;
    let (d, h, m) = (mins / 1440, (mins / 60) % 24, mins % 60);
    let units: [(i64, &str, &str); 3] = [(d, "d", "일"), (h, "h", "시간"), (m, "m", "분")];
    let parts: Vec<String> = units
        .iter()
        .filter(|(n, _, _)| *n > 0)
        .take(2)
        .map(|(n, en, ko)| format!("{n}{}", lang.pick(ko, en)))
        .collect();
    match (lang, parts.is_empty()) {
        (Lang::En, true) => "in under a minute".into(),
        (Lang::Ko, true) => "1분 안에".into(),
        (Lang::En, false) => format!("in {}", parts.join(" ")),
        (Lang::Ko, false) => format!("{} 후", parts.join(" ")),
    }
}

/// The summary the command prints; with the course at hand, lesson titles,
/// quiz points out of each lesson's quiz count, and the course's size.
pub fn summary(store: &Store, lang: Lang, now: Timestamp, course: Option<&Catalog>) -> String {
    summary_in(store, lang, now, course, &dates::local_zone())
}

/// [`summary`] with the dates in the time zone `tz`.
pub fn summary_in(
    store: &Store,
    lang: Lang,
    now: Timestamp,
    course: Option<&Catalog>,
    tz: &TimeZone,
) -> String {
    let when = |at| dates::ago(lang, now, at, tz);
    let t = |en: &'static str, ko: &'static str| lang.pick(ko, en);
    let mut s = format!(
        "{} {}\n",
        t("Progress file:", "진행 파일:"),
        store.path().display()
    );
    let p = store.progress();
    if p.lessons.is_empty() && p.drill.cards.is_empty() && p.position.is_none() {
        s.push_str(t("No progress yet.\n", "아직 진행 기록이 없습니다.\n"));
        return s;
    }
    if let Some(pos) = store.position() {
        s.push_str(&match lang {
            Lang::En => format!(
                "Resume at: {}, section {} ({}), {}\n",
                clean(&pos.lesson),
                pos.section + 1,
                pos.lang,
                when(pos.at)
            ),
            Lang::Ko => format!(
                "이어서 할 곳: {}, 섹션 {} ({}), {}\n",
                clean(&pos.lesson),
                pos.section + 1,
                pos.lang,
                when(pos.at)
            ),
        });
    }
    // In course order (lessons the course no longer has come last, by id).
    let mut lessons = store.lesson_summaries();
    if let Some(course) = course {
        let order: Vec<String> = course.lessons(lang).map(|f| f.lesson.id.clone()).collect();
        lessons.sort_by_key(|l| order.iter().position(|o| *o == l.id).unwrap_or(usize::MAX));
    }
    if !lessons.is_empty() {
        let rows = lessons
            .iter()
            .map(|l| {
                let found = course.and_then(|c| c.get(&l.id, lang));
                let needs = found.map(|f| crate::progress::Needs::of(f.lesson));
                let total = needs.as_ref().map(|n| n.quizzes.len());
                let quiz = match (l.quiz.answered, total, lang) {
                    (0, _, _) => "-".to_string(),
                    (n, Some(total), Lang::En) => {
                        format!("{}/{total} ({n} answered)", points(l.quiz.points))
                    }
                    (n, Some(total), Lang::Ko) => {
                        format!("{}/{total}점 ({n}문제 풀이)", points(l.quiz.points))
                    }
                    (n, None, Lang::En) => format!("{} of {n} answered", points(l.quiz.points)),
                    (n, None, Lang::Ko) => format!("{n}문제 중 {}점", points(l.quiz.points)),
                };
                let title = found.map_or_else(
                    || "-".to_string(),
                    |f| crate::text::truncate(&f.lesson.title, 32),
                );
                let sections = match found {
                    Some(f) => format!("{}/{}", l.sections_seen, f.lesson.sections.len()),
                    None => l.sections_seen.to_string(),
                };
                let exercises = match needs.as_ref().map(|n| n.exercises.len()) {
                    Some(0) => "-".to_string(),
                    Some(n) => format!("{}/{n}", l.exercises_passed),
                    None => l.exercises_passed.to_string(),
                };
                let yes_no = |b: bool| {
                    t(
                        if b { "yes" } else { "no" },
                        if b { "예" } else { "아니오" },
                    )
                };
                let completed = match (l.completed, l.marked_done) {
                    (true, true) => t("marked done", "완료 표시").to_string(),
                    (done, _) => yes_no(done).to_string(),
                };
                vec![
                    l.id.clone(),
                    title,
                    sections,
                    yes_no(l.read).to_string(),
                    completed,
                    quiz,
                    exercises,
                    l.last_visit.map_or("-".into(), when),
                ]
            })
            .collect();
        let head = match lang {
            Lang::En => [
                "LESSON",
                "TITLE",
                "SECTIONS SEEN",
                "READ",
                "COMPLETED",
                "QUIZ SCORE",
                "EXERCISES PASSED",
                "LAST VISIT",
            ],
            Lang::Ko => [
                "레슨",
                "제목",
                "본 섹션",
                "읽음",
                "완료",
                "퀴즈 점수",
                "통과한 실습",
                "마지막 방문",
            ],
        };
        s.push('\n');
        s.push_str(&table(&head, rows));
        let o = store.overall(course.map(Catalog::len));
        s.push_str(&match (lang, o.total) {
            (Lang::En, Some(total)) => format!(
                "\nLessons: {} visited, {} read, {} of {total} completed (every quiz answered and every exercise passed, or marked done)\n",
                o.visited, o.read, o.completed
            ),
            (Lang::En, None) => format!(
                "\nLessons: {} visited, {} read, {} completed\n",
                o.visited, o.read, o.completed
            ),
            (Lang::Ko, Some(total)) => format!(
                "\n레슨: {}개 방문, {}개 읽음, 전체 {total}개 중 {}개 완료 (모든 퀴즈를 풀고 모든 실습을 통과했거나 완료로 표시함)\n",
                o.visited, o.read, o.completed
            ),
            (Lang::Ko, None) => format!(
                "\n레슨: {}개 방문, {}개 읽음, {}개 완료\n",
                o.visited, o.read, o.completed
            ),
        });
    }
    let drill = store.drill_summary(now);
    s.push('\n');
    if drill.cards == 0 {
        s.push_str(t(
            "Drill: no cards reviewed yet.\n",
            "드릴: 아직 복습한 카드가 없습니다.\n",
        ));
        return s;
    }
    let next = |d: Option<Timestamp>| match d {
        Some(d) => format!(
            "{} ({})",
            dates::ahead(lang, now, d, tz),
            wait(lang, now, d)
        ),
        None => "-".into(),
    };
    s.push_str(&match lang {
        Lang::En => format!(
            "Drill: {} card{}, {} due now, next due {}\n",
            drill.cards,
            if drill.cards == 1 { "" } else { "s" },
            drill.due_now,
            next(drill.next_due)
        ),
        Lang::Ko => format!(
            "드릴: 카드 {}장, 지금 복습할 카드 {}장, 다음 복습 {}\n",
            drill.cards,
            drill.due_now,
            next(drill.next_due)
        ),
    });
    let rows = drill
        .categories
        .iter()
        .map(|(name, c)| {
            vec![
                crate::quiz::drill::words::category_name(name, lang),
                c.cards.to_string(),
                c.accuracy()
                    .map_or("-".into(), |a| format!("{:.0}%", a * 100.0)),
                c.due_now.to_string(),
                next(c.next_due),
            ]
        })
        .collect();
    let head = match lang {
        Lang::En => ["CATEGORY", "CARDS", "ACCURACY", "DUE NOW", "NEXT DUE"],
        Lang::Ko => ["분류", "카드", "정답률", "지금 복습", "다음 복습"],
    };
    s.push_str(&table(&head, rows));
    s
}

/// Text from the file as it may be printed: control characters (a
/// hand-edited id could hold escape sequences) become `�`.
fn clean(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { '\u{FFFD}' } else { c })
        .collect()
}

/// [`crate::text::columns`] with control characters shown as `�`.
fn table(head: &[&str], rows: Vec<Vec<String>>) -> String {
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|r| r.iter().map(|c| clean(c)).collect())
        .collect();
    crate::text::columns(head, &rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_not_printed() {
        let t = table(&["ID"], vec![vec!["evil\u{1b}[2J".into()]]);
        assert_eq!(t, "ID\nevil\u{FFFD}[2J\n");
    }

    #[test]
    fn table_pads_by_display_width() {
        let t = table(
            &["레슨", "N"],
            vec![
                vec!["파드".into(), "1".into()],
                vec!["services".into(), "22".into()],
            ],
        );
        assert_eq!(t, "레슨      N\n파드      1\nservices  22\n");
    }

    #[test]
    fn waits_read_in_both_languages() {
        let t0 = Timestamp::from_secs(0);
        assert_eq!(wait(Lang::En, t0, Timestamp::from_secs(93_780)), "in 1d 2h");
        assert_eq!(
            wait(Lang::Ko, t0, Timestamp::from_secs(93_780)),
            "1일 2시간 후"
        );
        assert_eq!(wait(Lang::En, t0, Timestamp::from_secs(600)), "in 10m");
        assert_eq!(
            wait(Lang::En, t0, Timestamp::from_secs(30)),
            "in under a minute"
        );
    }
}
