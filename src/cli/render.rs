//! `kubetutor render ID|FILE`: a lesson rendered as text on stdout, exactly
//! as the lesson pane lays it out (tables, code, boxes), for a width.

use super::GlobalArgs;
use crate::lesson::model::Lesson;
use crate::lesson::{Catalog, parse_lesson};
use crate::markdown::{Theme, render_section_streamed};
use crate::text;
use anyhow::bail;
use ratatui::text::Line;
use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

#[derive(Debug, Clone, clap::Args)]
pub struct Args {
    /// A lesson id (see `kubetutor list`) or the path of a lesson file.
    #[arg(value_name = "ID|FILE")]
    pub target: String,

    /// Columns to lay the text out in (default: the terminal's width, or 80).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=1000))]
    pub width: Option<u16>,
}

pub(super) const AFTER_HELP: &str = "\
The output is styled when stdout is a terminal and NO_COLOR is not set, and
plain text otherwise. Problems in the lesson file are printed to stderr as
`path:line: message`, and the exit status is then 1.

Examples:
  kubetutor render pod-phases --width 60
  kubetutor render lessons/ko/15-pod-phases.md --lang ko | less -R";

pub fn run(args: &Args, global: &GlobalArgs) -> anyhow::Result<ExitCode> {
    let lang = global.lang();
    let stdout_is_terminal = std::io::stdout().is_terminal();
    let width = args.width.unwrap_or_else(|| {
        if stdout_is_terminal {
            ratatui::crossterm::terminal::size().map_or(80, |(w, _)| w.max(1))
        } else {
            80
        }
    });

    let path = Path::new(&args.target);
    let (lesson, errors, note): (Lesson, Vec<String>, Option<&str>) =
        if std::fs::metadata(path).is_ok_and(|m| !m.is_dir()) {
            let source = crate::bounded_read::read_text(path, crate::bounded_read::DOCUMENT_LIMIT)?;
            let shown = path.display().to_string();
            let (lesson, errors) = parse_lesson(&shown, &source, lang);
            let errors = errors.iter().map(ToString::to_string).collect();
            match lesson {
                Some(lesson) => (lesson, errors, None),
                None => {
                    for e in &errors {
                        eprintln!("{}", text::sanitize(e));
                    }
                    bail!("{} is not a lesson that can be shown", path.display());
                }
            }
        } else {
            let catalog = Catalog::open(global.lessons.as_deref())?;
            let Some(found) = catalog.get(&args.target, lang) else {
                bail!(
                    "{}",
                    super::tutor::unknown_lesson(&args.target, &catalog, lang)
                );
            };
            let errors = catalog
                .errors()
                .iter()
                .filter(|e| e.path == found.lesson.path)
                .map(ToString::to_string)
                .collect();
            let note = found.fallback.then(|| {
                lang.pick(
                    "(이 강의는 아직 한국어판이 없어 영어판을 보여 드립니다.)",
                    "(This lesson has no English version yet; showing the Korean one.)",
                )
            });
            (found.lesson.clone(), errors, note)
        };

    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let styled = stdout_is_terminal && !no_color;
    let theme = if styled {
        Theme::colored()
    } else {
        Theme::plain()
    };
    // Written a section at a time, each line as soon as it is laid out: a
    // 10 MB document is never held whole, as text or as output.
    let mut out = std::io::BufWriter::with_capacity(64 * 1024, std::io::stdout().lock());
    let mut failed: Option<std::io::Error> = None;
    let mut buf = String::new();
    let mut write_line = |line: Line<'static>| {
        if failed.is_some() {
            return;
        }
        buf.clear();
        if styled {
            text::push_ansi(&mut buf, &line, ratatui::style::Style::default());
        } else {
            text::push_plain(&mut buf, &line);
        }
        if let Err(e) = out.write_all(buf.as_bytes()) {
            failed = Some(e);
        }
    };
    if let Some(note) = note {
        for l in text::wrap_str(note, width as usize) {
            write_line(Line::from(l));
        }
        write_line(Line::from(""));
    }
    for (i, section) in lesson.sections.iter().enumerate() {
        if i > 0 {
            write_line(Line::from(""));
        }
        render_section_streamed(section, width, &theme, lesson.lang, &mut write_line);
    }
    let flushed = out.flush();
    match failed.map_or(flushed, Err) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => return Err(e.into()),
        _ => {}
    }
    for e in &errors {
        eprintln!("{}", text::sanitize(e));
    }
    Ok(if errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}
