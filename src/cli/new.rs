//! `kubetutor new "TITLE"`: start a lesson file in a course folder, with a
//! section, a quiz and an exercise to edit (src/lesson/scaffold.rs).

use super::GlobalArgs;
use crate::lang::Lang;
use crate::lesson::catalog::Catalog;
use crate::lesson::scaffold::{clean_title, is_valid_id, lesson_text, slug};
use anyhow::{Context, bail};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

pub(super) const AFTER_HELP: &str = "\
Where the file goes:
  DIR with ko/ and en/ sub-folders   DIR/<lang>/NN-ID.md, NN the next number
                                     (the same number as the lesson's other
                                     language version, when there is one)
  any other DIR                      DIR/ID.md (DIR/ID.<lang>.md when ID.md is
                                     the other language's version)
The language is --lang (default: from LC_ALL / LC_MESSAGES / LANG). An
existing file is never overwritten.

The id comes from the title: its ASCII letters and digits, lower-cased, with
`-` between words (\"Pod phases!\" gives pod-phases). A title without any
(a Korean title) gives lesson-N; choose a real id with --id, since progress
is saved under it.

Examples:
  kubetutor new \"Pod phases\" --dir ./course --lang en
  kubetutor new \"파드의 상태\" --dir ./course --lang ko --id pod-phases";

#[derive(Debug, Clone, clap::Args)]
pub struct Args {
    /// The lesson title (in quotes when it has spaces).
    pub title: String,

    /// The course folder (created when missing).
    #[arg(long, value_name = "DIR", default_value = ".")]
    pub dir: PathBuf,

    /// The lesson id (lower-case letters, digits and -); default: from the title.
    #[arg(long, value_name = "ID")]
    pub id: Option<String>,
}

pub fn run(args: &Args, global: &GlobalArgs) -> anyhow::Result<ExitCode> {
    let lang = global.lang();
    let title = clean_title(&args.title);
    if title.is_empty() {
        bail!("the title is empty: kubetutor new \"Pod phases\"");
    }
    let dir = &args.dir;
    if dir.exists() && !dir.is_dir() {
        bail!("{} is a file: --dir takes a course folder", dir.display());
    }
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    // The course as it is (empty when there is no lesson yet).
    let course = Catalog::from_dir(dir).unwrap_or_default();

    let (id, generated) = match &args.id {
        Some(id) if is_valid_id(id) => (id.clone(), false),
        Some(id) => bail!(
            "--id {id:?}: use lower-case ASCII letters, digits and single dashes (like pod-phases)"
        ),
        None => match slug(&title) {
            s if s.is_empty() => (free_lesson_id(&course), true),
            s => (s, false),
        },
    };
    let entry = course.entry(&id);
    if let Some(existing) = entry.and_then(|e| e.version(lang)) {
        bail!(
            "the course already has a {} lesson with the id {id}: {}; choose another title or --id",
            lang.code(),
            dir.join(&existing.path).display()
        );
    }
    let twin = entry.and_then(|e| e.version(lang.other()));

    let split = Lang::ALL.iter().any(|l| dir.join(l.code()).is_dir());
    let (relative, order) = if split {
        let number = twin
            .and_then(|t| number_prefix(&t.path))
            .unwrap_or_else(|| next_number(dir));
        (format!("{}/{number:02}-{id}.md", lang.code()), number)
    } else {
        let plain = format!("{id}.md");
        let name = if twin.is_some_and(|t| t.path == plain) {
            format!("{id}.{}.md", lang.code())
        } else {
            plain
        };
        (name, next_order(&course))
    };
    let order = twin
        .and_then(|t| t.order)
        .filter(|o| o.fract() == 0.0 && *o >= 0.0 && *o < f64::from(u32::MAX))
        .map_or(order, |o| o as u32);
    let path = dir.join(&relative);
    write_new(&path, &lesson_text(&id, &title, lang, order))?;

    let shown = dir.display();
    let mut out = format!("created {}\n", path.display());
    if generated {
        out.push_str(&format!(
            "the title has no ASCII letters or digits, so the id is {id}; pass --id to choose one (progress is saved under it, so choose before students start)\n"
        ));
    }
    out.push_str(&format!(
        "next: edit the file, then\n  kubetutor --lessons {shown} {id}    read it in the tutor; it reloads when you save\n  kubetutor lint {shown}    check the quiz and the exercise\n"
    ));
    std::io::stdout().lock().write_all(out.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

/// Create `path` with `text`, refusing to replace anything already there.
fn write_new(path: &Path, text: &str) -> anyhow::Result<()> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)
            .with_context(|| format!("cannot create {}", parent.display()))?;
    }
    let mut file = match std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
    {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => bail!(
            "{} already exists; kubetutor new never overwrites a file",
            path.display()
        ),
        Err(e) => return Err(e).with_context(|| format!("cannot create {}", path.display())),
    };
    file.write_all(text.as_bytes())
        .with_context(|| format!("cannot write {}", path.display()))
}

/// `lesson-N` for the first N no lesson of the course uses.
fn free_lesson_id(course: &Catalog) -> String {
    (1..)
        .map(|n| format!("lesson-{n}"))
        .find(|id| course.entry(id).is_none())
        .unwrap_or_default()
}

/// The number a file name starts with (`ko/03-pods.md` → 3).
fn number_prefix(path: &str) -> Option<u32> {
    let name = path.rsplit('/').next().unwrap_or(path);
    let digits: String = name.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

/// One more than the largest number prefix in `ko/` and `en/`.
fn next_number(dir: &Path) -> u32 {
    Lang::ALL
        .iter()
        .filter_map(|l| std::fs::read_dir(dir.join(l.code())).ok())
        .flatten()
        .flatten()
        .filter_map(|e| number_prefix(&e.file_name().to_string_lossy()))
        .max()
        .map_or(1, |n| n.saturating_add(1))
}

/// One more than the largest whole `order` in the course.
fn next_order(course: &Catalog) -> u32 {
    Lang::ALL
        .iter()
        .flat_map(|&l| course.lessons(l))
        .filter_map(|f| f.lesson.order)
        .filter(|o| o.is_finite() && *o >= 0.0)
        .map(|o| o.floor().min(f64::from(u32::MAX - 1)) as u32)
        .max()
        .map_or(1, |n| n + 1)
}
