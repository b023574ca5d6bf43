//! A lesson as the rest of the program sees it: metadata, then sections the
//! student pages through, each a run of Markdown text and interactive blocks.

use crate::exercise::spec::ExerciseSpec;
use crate::lang::Lang;
use crate::quiz::spec::QuizSpec;
use crate::sim::setup::Setup;

/// A parsed value and the 1-based line in the lesson file where its fenced
/// block starts (the line of the opening fence).
#[derive(Debug, Clone, PartialEq)]
pub struct Located<T> {
    pub line: usize,
    pub value: T,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// Markdown source, rendered by `crate::markdown`.
    Markdown(String),
    Quiz(Box<Located<QuizSpec>>),
    Exercise(Box<Located<ExerciseSpec>>),
    Cluster(Box<Located<Setup>>),
    /// An interactive block that failed to parse or to pass the loader's
    /// checks: shown as an error box, and reported as a load error with its
    /// file and line. `line` is the file line of the (first) problem, `info`
    /// the block kind (`quiz`, `exercise`, `cluster`), `message` the
    /// problems without the `info:` prefix, joined with `; `.
    Invalid {
        line: usize,
        info: String,
        message: String,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    /// The `##` heading text; the intro section is titled after the lesson.
    pub title: String,
    /// 1-based line of the heading (or of the first body line for the intro).
    pub line: usize,
    pub blocks: Vec<Block>,
}

impl Block {
    /// The setups this block builds a cluster from.
    fn setups_mut(&mut self) -> impl Iterator<Item = &mut Setup> {
        match self {
            Block::Cluster(c) => Some(&mut c.value),
            Block::Quiz(q) => q.value.setup.as_mut(),
            Block::Exercise(e) => e.value.setup.as_mut(),
            _ => None,
        }
        .into_iter()
    }
}

impl Section {
    pub fn quizzes(&self) -> impl Iterator<Item = &Located<QuizSpec>> {
        self.blocks.iter().filter_map(|b| match b {
            Block::Quiz(q) => Some(&**q),
            _ => None,
        })
    }

    pub fn exercises(&self) -> impl Iterator<Item = &Located<ExerciseSpec>> {
        self.blocks.iter().filter_map(|b| match b {
            Block::Exercise(e) => Some(&**e),
            _ => None,
        })
    }

    /// The section's `cluster` block, if it has one (the first wins).
    pub fn cluster(&self) -> Option<&Located<Setup>> {
        self.blocks.iter().find_map(|b| match b {
            Block::Cluster(c) => Some(&**c),
            _ => None,
        })
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Lesson {
    /// Stable id shared by the Korean and English files.
    pub id: String,
    pub lang: Lang,
    pub title: String,
    /// `order` or `nav_order` from the front matter; lessons without one sort
    /// after those with one, by id.
    pub order: Option<f64>,
    pub summary: Option<String>,
    /// `parent` from just-the-docs front matter: a group in the course list.
    pub parent: Option<String>,
    /// Where the lesson came from, as shown in messages (`lessons/en/pods.md`).
    pub path: String,
    pub sections: Vec<Section>,
}

impl Lesson {
    /// The folder the lesson file is in: its setups' `apply -f` read there.
    pub fn set_folder(&mut self, folder: &std::path::Path) {
        for block in self.sections.iter_mut().flat_map(|s| s.blocks.iter_mut()) {
            for setup in block.setups_mut() {
                setup.folder = Some(folder.to_path_buf());
            }
        }
    }

    pub fn quizzes(&self) -> impl Iterator<Item = &Located<QuizSpec>> {
        self.sections.iter().flat_map(Section::quizzes)
    }

    pub fn exercises(&self) -> impl Iterator<Item = &Located<ExerciseSpec>> {
        self.sections.iter().flat_map(Section::exercises)
    }
}

/// A problem found while loading a lesson file: `path:line: message`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    pub path: String,
    /// 1-based; 0 when the problem is not tied to a line (an unreadable file).
    pub line: usize,
    pub message: String,
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.line > 0 {
            write!(f, "{}:{}: {}", self.path, self.line, self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}
