//! `kubetutor list`: the course as a table on stdout, then every load error
//! as `path:line: message` on stderr.

use super::GlobalArgs;
use crate::lang::Lang;
use crate::lesson::{Catalog, Found};
use std::io::Write;
use std::process::ExitCode;

/// Titles longer than this many terminal columns are cut with `…`.
const TITLE_WIDTH: usize = 40;

pub(super) const LONG_ABOUT: &str = "\
List the lessons of the course and report files that failed to load.

One line per lesson, in course order:
  ID         what `kubetutor ID` opens
  ORDER      `order` (or `nav_order`) from the front matter; - when none
  TITLE      the lesson title, cut to 40 columns
  SECTIONS   steps the student pages through
  QUIZZES    `quiz` blocks
  EXERCISES  `exercise` blocks
  LANG       the language shown; \"(fallback)\" when the lesson does not
             exist in the language asked for and the other one is listed

Then every problem found while loading is printed to stderr as
`path:line: message`. The exit status is 1 if any file failed to load,
0 otherwise, so `kubetutor list --lessons DIR` checks a folder of lessons.";

pub(super) const AFTER_HELP: &str = "\
Examples:
  kubetutor list                      the built-in course, in your locale's language
  kubetutor list --lang en            the built-in course, in English
  kubetutor list --lessons ./course   a folder with ko/ and en/ (or flat) lesson files

The lesson format is described in lessons/README.md.";

#[derive(Debug, Clone, clap::Args)]
pub struct Args {}

/// Print the table and the errors; exit 1 when any file failed to load.
pub fn run(_args: &Args, global: &GlobalArgs) -> anyhow::Result<ExitCode> {
    let catalog = Catalog::open(global.lessons.as_deref())?;
    let code = if catalog.errors().is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    };
    // A closed pipe (`kubetutor list | head -1`) is not an error.
    let quiet = |r: std::io::Result<()>| match r {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e),
        _ => Ok(()),
    };
    quiet(
        std::io::stdout()
            .lock()
            .write_all(table(&catalog, global.lang()).as_bytes()),
    )?;
    let mut errors = String::new();
    for error in catalog.errors() {
        errors.push_str(&clean(&error.to_string()));
        errors.push('\n');
    }
    quiet(std::io::stderr().lock().write_all(errors.as_bytes()))?;
    Ok(code)
}

/// The course table for a `lang` reader, one line per lesson in course order.
pub fn table(catalog: &Catalog, lang: Lang) -> String {
    let header = match lang {
        Lang::En => [
            "ID",
            "ORDER",
            "TITLE",
            "SECTIONS",
            "QUIZZES",
            "EXERCISES",
            "LANG",
        ],
        Lang::Ko => ["ID", "순서", "제목", "섹션", "퀴즈", "실습", "언어"],
    };
    let rows: Vec<[String; 7]> = catalog.lessons(lang).map(row).collect();
    let mut widths = header.map(width);
    for r in &rows {
        for (w, cell) in widths.iter_mut().zip(r) {
            *w = (*w).max(width(cell));
        }
    }
    // Left-aligned text columns, right-aligned numbers; the last is not padded.
    let right = [false, true, false, true, true, true, false];
    let line = |cells: [&str; 7]| {
        let mut out = String::new();
        for (i, cell) in cells.iter().enumerate() {
            if i > 0 {
                out.push_str("  ");
            }
            let pad = " ".repeat(widths[i] - width(cell));
            if right[i] {
                out.push_str(&pad);
                out.push_str(cell);
            } else if i + 1 < cells.len() {
                out.push_str(cell);
                out.push_str(&pad);
            } else {
                out.push_str(cell);
            }
        }
        out.push('\n');
        out
    };
    let mut out = line(header);
    for r in &rows {
        out.push_str(&line(r.each_ref().map(String::as_str)));
    }
    out
}

/// `fallback` / `대체`: the lesson shown in the other language.
fn found_lang_word(found: Found<'_>) -> &'static str {
    // The reader's language is the one the lesson is missing in.
    found.lesson.lang.other().pick("대체", "fallback")
}

fn row(found: Found<'_>) -> [String; 7] {
    let l = found.lesson;
    let order = match l.order {
        Some(o) if o.fract() == 0.0 && o.abs() < 1e15 => format!("{}", o as i64),
        Some(o) => o.to_string(),
        None => "-".to_string(),
    };
    let lang = if found.fallback {
        format!("{} ({})", l.lang, found_lang_word(found))
    } else {
        l.lang.to_string()
    };
    [
        clean(&l.id),
        order,
        truncate(&clean(&l.title), TITLE_WIDTH),
        l.sections.len().to_string(),
        l.quizzes().count().to_string(),
        l.exercises().count().to_string(),
        lang,
    ]
}

/// Text with control characters removed, safe to print to a terminal.
fn clean(text: &str) -> String {
    text.chars()
        .map(|c| if c == '\t' { ' ' } else { c })
        .filter(|c| !c.is_control())
        .collect()
}

// Display-width helpers: replace with the shared `crate::text` module once
// it lands.
fn width(text: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(text)
}

/// Cut `text` to at most `max` columns, ending with `…` when cut; never
/// inside a grapheme (an emoji with its variation selector stays whole).
fn truncate(text: &str, max: usize) -> String {
    if width(text) <= max {
        return text.to_string();
    }
    let mut out = String::new();
    for g in unicode_segmentation::UnicodeSegmentation::graphemes(text, true) {
        if width(&out) + width(g) > max.saturating_sub(1) {
            break;
        }
        out.push_str(g);
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncates_by_display_width() {
        assert_eq!(truncate("파드의 상태", 40), "파드의 상태");
        assert_eq!(truncate("파드의 상태와 재시작", 8), "파드의 …");
        assert_eq!(width(&truncate("파드의 상태와 재시작", 8)), 8);
        assert_eq!(truncate("abcdefgh", 5), "abcd…");
        assert_eq!(truncate("가나다", 4), "가…");
        assert_eq!(width(&truncate("가나다", 4)), 3);
        assert_eq!(truncate("🏗️🏗️🏗️", 5), "🏗️🏗️…");
    }

    #[test]
    fn removes_control_characters() {
        assert_eq!(clean("a\u{1b}[31mb\tc\u{9b}"), "a[31mb c");
    }
}
