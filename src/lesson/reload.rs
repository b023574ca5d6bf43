//! Live reload of a `--lessons` folder: the catalog on screen plus the
//! files as they are now → the catalog to show next, and what to tell the
//! instructor.
//!
//! The rule: every lesson comes from the fresh load, except that when a
//! file that gave a lesson before no longer gives one (it has an error that
//! stops it loading, such as unclosed front matter), the last good version
//! of that lesson (same id, same language) stays, so the student keeps
//! reading while the instructor fixes the file. A file that was deleted
//! takes its lesson with it. A file that still loads with a broken block
//! shows its new version, with the block as an error box.
//!
//! [`merge`] is pure; [`reload_dir`] reads the folder first.

use super::catalog::Catalog;
use super::files::{self, LessonFile, OpenError};
use super::model::{Lesson, LoadError};
use crate::lang::Lang;
use std::path::Path;

/// A lesson shown in its last good version because its file no longer loads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kept {
    pub id: String,
    pub lang: Lang,
    /// The file, as in messages (relative to the folder).
    pub path: String,
}

/// The result of a reload.
#[derive(Debug, Clone, PartialEq)]
pub struct Reloaded {
    pub catalog: Catalog,
    /// Every problem of the fresh load (also in `catalog.errors()`), or the
    /// reason the folder could not be read at all.
    pub errors: Vec<LoadError>,
    pub kept: Vec<Kept>,
}

/// Merge a fresh load into the catalog on screen (see the module docs).
pub fn merge(previous: &Catalog, mut fresh: Catalog) -> Reloaded {
    let failed = |path: &str| fresh.errors().iter().any(|e| e.path == path);
    let mut keep: Vec<Lesson> = Vec::new();
    for entry in previous.entries() {
        for lang in Lang::ALL {
            let Some(old) = entry.version(lang) else {
                continue;
            };
            let still_there = fresh
                .entry(&entry.id)
                .is_some_and(|e| e.version(lang).is_some());
            // The file gave no lesson this time: was it because of an error
            // (keep the old one) or because it is gone (drop it)? A file
            // that now gives a lesson under another id has no error and
            // counts as gone, so a renamed id does not leave a ghost.
            let gave_another = fresh.lessons_from(&old.path).next().is_some();
            if !still_there && !gave_another && failed(&old.path) {
                keep.push(old.clone());
            }
        }
    }
    let kept = keep
        .iter()
        .map(|l| Kept {
            id: l.id.clone(),
            lang: l.lang,
            path: l.path.clone(),
        })
        .collect();
    for lesson in keep {
        fresh.insert(lesson);
    }
    Reloaded {
        errors: fresh.errors().to_vec(),
        catalog: fresh,
        kept,
    }
}

/// Merge freshly read files into the catalog on screen.
pub fn reload_files(
    previous: &Catalog,
    files: Vec<LessonFile>,
    errors: Vec<LoadError>,
) -> Reloaded {
    merge(previous, Catalog::from_files("", files, errors))
}

/// Read `dir` again and merge it into the catalog on screen. When the
/// folder cannot be read at all (removed, emptied, replaced by a file), the
/// whole previous catalog stays and the reason is the one error.
pub fn reload_dir(previous: &Catalog, dir: &Path) -> Reloaded {
    match files::read_dir(dir) {
        Ok((files, errors)) => {
            let mut fresh = Catalog::from_files("", files, errors);
            fresh.set_folder(dir);
            merge(previous, fresh)
        }
        Err(e) => Reloaded {
            catalog: previous.clone(),
            errors: vec![open_error(dir, &e)],
            kept: Vec::new(),
        },
    }
}

fn open_error(dir: &Path, e: &OpenError) -> LoadError {
    let what = match e {
        OpenError::Missing(_) => "no longer exists".to_string(),
        OpenError::NotAFolder(_) => "is no longer a folder".to_string(),
        OpenError::NoLessons(_) => "has no lesson files (.md or .markdown) left".to_string(),
        OpenError::Unreadable(_, err) => format!("cannot be read: {err}"),
    };
    LoadError {
        path: dir.display().to_string(),
        line: 0,
        message: format!("{what}; the lessons on screen are the last ones that loaded"),
    }
}
