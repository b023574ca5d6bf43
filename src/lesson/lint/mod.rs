//! `kubetutor lint`: proves a course works before students meet it.
//!
//! Loading already checks what needs no engine (front matter, block keys,
//! answer keys that make sense). Lint adds everything that does:
//!
//! - [`quizzes`]: every answer key through [`crate::quiz::validate`]; a
//!   `why` on every choice and an `explain` on every quiz (warnings);
//!   `predict` questions played on the simulator, their `expect` and
//!   choices compared with what it shows;
//! - [`exercises`]: the solution passes its checks and the starter fails
//!   them, in the simulator; manifest errors mapped to lesson lines;
//! - [`setups`]: `cluster` blocks and `setup`s built step by step (the
//!   scenario, the runtime, `apply`, each command) so a failure names its
//!   line;
//! - [`assets`]: images and local links exist inside the course folder;
//! - [`examples`]: Kubernetes manifests shown in the text validate;
//! - [`ids`]: quiz and exercise ids unique in a language, one kind per
//!   quiz id across languages;
//! - [`parity`]: the Korean and English versions of a lesson agree;
//! - [`style`]: the writing conventions a program can see (Korean particle
//!   spacing after bold text, no mention of "the notes").
//!
//! [`lint_embedded`] and [`lint_dir`] give a [`Report`]: findings sorted
//! by path and line, printable as text or JSON. Everything is played with
//! the seed the tutor uses ([`crate::quiz::predict::SEED`]), so what lint
//! proves is what students see.

mod assets;
mod controls;
mod examples;
mod exercises;
mod ids;
mod locate;
mod manifests;
mod parity;
mod positions;
mod quizzes;
mod report;
mod setups;
mod style;

pub use positions::Positions;
pub use report::{Finding, Report, Severity};

use super::Catalog;
use super::files::{self, LessonFile, OpenError};
use super::front_matter;
use super::model::{self, Lesson, LoadError};
use super::scan::{self, Fence};
use super::source::SourceText;
use crate::lang::Lang;
use locate::Block;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

/// Where a course's files are, for checking the assets lessons refer to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Root {
    /// The course compiled into the binary (`lessons/`).
    Embedded,
    /// A `--lessons` folder.
    Dir(PathBuf),
}

/// Lint the course compiled into the binary.
pub fn lint_embedded() -> Report {
    lint("lessons/", files::embedded(), Vec::new(), &Root::Embedded)
}

/// Lint the lessons in a folder (the layouts `--lessons` accepts).
pub fn lint_dir(dir: &Path) -> Result<Report, OpenError> {
    let (files, errors) = files::read_dir(dir)?;
    Ok(lint("", files, errors, &Root::Dir(dir.to_path_buf())))
}

/// Lint lesson files already read. `prefix` goes before every path in
/// messages; `read_errors` are files that could not be read.
pub fn lint(
    prefix: &str,
    files: Vec<LessonFile>,
    read_errors: Vec<LoadError>,
    root: &Root,
) -> Report {
    let count = files.len() + read_errors.len();
    let sources: HashMap<String, Source> = files
        .iter()
        .map(|f| (format!("{prefix}{}", f.path), Source::new(&f.path, &f.text)))
        .collect();
    let mut catalog = Catalog::from_files(prefix, files, read_errors);
    if let Root::Dir(dir) = root {
        catalog.set_folder(dir);
    }
    let mut out = Out::default();
    for e in catalog.errors() {
        out.error(&e.path, e.line, e.message.clone());
    }
    let lessons = lessons(&catalog);
    let mut runs = Vec::new();
    let mut counted = Vec::new();
    for lesson in &lessons {
        let Some(source) = sources.get(&lesson.path) else {
            continue;
        };
        let mut lesson_out = Out::default();
        check_lesson(lesson, source, root, &mut lesson_out);
        let (counts, warnings) = positions::check(lesson);
        lesson_out.extend(&lesson.path, warnings);
        if counts.questions > 0 {
            counted.push((lesson.lang, counts));
        }
        runs.push(lesson_out);
    }
    for r in runs {
        out.findings.extend(r.findings);
    }
    ids::check(&lessons, &mut out);
    parity::check(&catalog, &sources, &mut out);
    let mut by_position: Vec<Positions> = counted.iter().map(|(_, p)| p.clone()).collect();
    by_position.extend(positions::course_totals(&counted));
    Report::new(out.findings, count).with_positions(by_position)
}

/// Every loaded lesson, Korean then English, in course order.
fn lessons(catalog: &Catalog) -> Vec<&Lesson> {
    Lang::ALL
        .into_iter()
        .flat_map(|lang| {
            catalog
                .lessons(lang)
                .filter(|f| !f.fallback)
                .map(|f| f.lesson)
        })
        .collect()
}

/// Everything lint checks inside one lesson.
fn check_lesson(lesson: &Lesson, source: &Source, root: &Root, out: &mut Out) {
    let path = lesson.path.as_str();
    let mut broken_setups = HashSet::new();
    for section in &lesson.sections {
        if let Some(c) = section.cluster() {
            let block = source.block(c.line);
            let checked = setups::check(&c.value, &block, &locate::path(""), "cluster");
            if !checked.ok {
                broken_setups.insert(c.line);
            }
            out.extend(path, checked.findings);
        }
    }
    for section in &lesson.sections {
        for q in section.quizzes() {
            out.extend(path, quizzes::check(&q.value, &source.block(q.line)));
        }
        let section_setup = section.cluster();
        for e in section.exercises() {
            let setup_broken = e.value.setup.is_none()
                && section_setup.is_some_and(|c| broken_setups.contains(&c.line));
            let block = source.block(e.line);
            let setup = section_setup.map(|c| &c.value);
            out.extend(
                path,
                exercises::check(&e.value, setup, setup_broken, lesson.lang, &block),
            );
        }
    }
    if !has_something_to_do(lesson) {
        out.warning(
            path,
            lesson.sections.first().map_or(1, |s| s.line),
            format!(
                "lesson `{}` has no quiz and no exercise: the student can only read it",
                lesson.id
            ),
        );
    }
    out.extend(path, controls::check(lesson, &source.text));
    out.extend(path, assets::check(source, root));
    out.extend(path, examples::check(source));
    out.extend(path, style::check(source, lesson.lang));
}

/// A quiz or an exercise, even a broken one (its error is reported).
fn has_something_to_do(lesson: &Lesson) -> bool {
    lesson
        .sections
        .iter()
        .flat_map(|s| &s.blocks)
        .any(|b| match b {
            model::Block::Quiz(_) | model::Block::Exercise(_) => true,
            model::Block::Invalid { info, .. } => info != "cluster",
            _ => false,
        })
}

/// A lesson file as lint reads it again: its text, where its body starts,
/// and its interactive fences by the line of their opening fence.
pub(crate) struct Source {
    /// The path inside the course folder (`en/pods.md`).
    rel: String,
    /// The text with line endings normalised (lines unchanged).
    text: String,
    body_start: usize,
    fences: BTreeMap<usize, Fence>,
}

impl Source {
    fn new(rel: &str, raw: &str) -> Source {
        let source = SourceText::new(raw);
        let body_start = front_matter::split(&source).map_or(0, |s| s.body_start);
        let fences = scan::scan(&source, body_start)
            .fences
            .into_iter()
            .map(|f| (source.line_of(f.start), f))
            .collect();
        Source {
            rel: rel.to_string(),
            text: source.text().to_string(),
            body_start,
            fences,
        }
    }

    /// The block whose opening fence is at `line`.
    fn block(&self, line: usize) -> Block {
        self.fences
            .get(&line)
            .map_or_else(|| Block::at(line), Block::new)
    }
}

/// Findings of one part of lint, relative to a file or not yet placed.
#[derive(Debug, Default)]
pub(crate) struct Out {
    findings: Vec<Finding>,
}

impl Out {
    fn push(&mut self, path: &str, line: usize, severity: Severity, message: String) {
        self.findings.push(Finding {
            path: path.to_string(),
            line,
            severity,
            message,
        });
    }

    fn error(&mut self, path: &str, line: usize, message: impl Into<String>) {
        self.push(path, line, Severity::Error, message.into());
    }

    fn warning(&mut self, path: &str, line: usize, message: impl Into<String>) {
        self.push(path, line, Severity::Warning, message.into());
    }

    fn extend(&mut self, path: &str, found: Vec<Placed>) {
        for p in found {
            self.push(path, p.line, p.severity, p.message);
        }
    }
}

/// A finding inside the file being checked (the caller knows which).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Placed {
    pub line: usize,
    pub severity: Severity,
    pub message: String,
}

impl Placed {
    fn error(line: usize, message: impl Into<String>) -> Placed {
        Placed {
            line,
            severity: Severity::Error,
            message: message.into(),
        }
    }

    fn warning(line: usize, message: impl Into<String>) -> Placed {
        Placed {
            line,
            severity: Severity::Warning,
            message: message.into(),
        }
    }
}
