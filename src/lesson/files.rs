//! Where lesson files come from: the course compiled into the binary, or a
//! folder given with `--lessons`; and which language a file is in.

use super::front_matter::parse_lang;
use super::loader::is_lesson_extension;
use super::model::LoadError;
use crate::bounded_read::{self, DOCUMENT_LIMIT, ReadError};
use crate::lang::Lang;
use include_dir::{Dir, include_dir};
use std::collections::HashSet;
use std::fmt;
use std::path::{Path, PathBuf};

/// The course shipped in the binary: `lessons/ko/*.md` and `lessons/en/*.md`.
static EMBEDDED: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/lessons");

/// How deep `--lessons` folders are searched (a guard against link loops).
const MAX_DEPTH: usize = 8;

/// One lesson file's text and its path as messages show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LessonFile {
    /// Relative to the course folder, with `/` separators (`ko/pods.md`).
    pub path: String,
    pub text: String,
}

/// Why a `--lessons` folder cannot be used at all.
#[derive(Debug)]
pub enum OpenError {
    Missing(PathBuf),
    NotAFolder(PathBuf),
    NoLessons(PathBuf),
    Unreadable(PathBuf, std::io::Error),
}

impl fmt::Display for OpenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OpenError::Missing(p) => write!(f, "lessons folder {} does not exist", p.display()),
            OpenError::NotAFolder(p) => write!(
                f,
                "{} is a file: --lessons takes a folder of lesson files (.md or .markdown)",
                p.display()
            ),
            OpenError::NoLessons(p) => write!(
                f,
                "no lesson files (.md or .markdown) in {}: put them in ko/ and en/ sub-folders or directly in the folder",
                p.display()
            ),
            OpenError::Unreadable(p, e) => write!(f, "cannot read {}: {e}", p.display()),
        }
    }
}

impl std::error::Error for OpenError {}

/// Whether a file name is a lesson: `.md` or `.markdown`, and not a README.
pub fn is_lesson_name(name: &str) -> bool {
    match name.rsplit_once('.') {
        Some((stem, ext)) => {
            is_lesson_extension(ext) && !stem.is_empty() && !stem.eq_ignore_ascii_case("readme")
        }
        None => false,
    }
}

/// The embedded course's files, sorted by path (paths relative to `lessons/`).
pub fn embedded() -> Vec<LessonFile> {
    fn walk(dir: &Dir<'static>, out: &mut Vec<LessonFile>) {
        for file in dir.files() {
            let path = file.path().to_string_lossy().replace('\\', "/");
            let name = path.rsplit('/').next().unwrap_or(&path);
            if is_lesson_name(name)
                && let Some(text) = file.contents_utf8()
            {
                out.push(LessonFile {
                    path,
                    text: text.to_string(),
                });
            }
        }
        for sub in dir.dirs() {
            walk(sub, out);
        }
    }
    let mut out = Vec::new();
    for lang in Lang::ALL {
        if let Some(dir) = EMBEDDED.get_dir(lang.code()) {
            walk(dir, &mut out);
        }
    }
    out.sort_by(|a, b| a.path.cmp(&b.path));
    out
}

/// Whether the embedded `lessons/` folder holds a file or folder at `path`
/// (relative to `lessons/`, `/`-separated): where lint looks for the
/// images and files the built-in lessons refer to.
pub fn embedded_contains(path: &str) -> bool {
    EMBEDDED.get_file(path).is_some() || EMBEDDED.get_dir(path).is_some()
}

/// The most lesson files one folder may hold; past it the rest are left
/// out with one error (a link to `/usr` must not load the system).
pub const MAX_FILES: usize = 2_000;

/// Read every lesson file under `root` (sub-folders included, hidden ones
/// skipped), sorted by path. Links are followed only when they stay inside
/// the folder, every folder is visited once, at most [`MAX_FILES`] files are
/// read, each at most [`DOCUMENT_LIMIT`] bytes and only if it is a regular
/// file. An entry that cannot be used is a load error naming it; the rest
/// still load. A missing path, a file, or a folder with no lesson files is
/// an [`OpenError`].
pub fn read_dir(root: &Path) -> Result<(Vec<LessonFile>, Vec<LoadError>), OpenError> {
    let meta = std::fs::metadata(root).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => OpenError::Missing(root.to_path_buf()),
        _ => OpenError::Unreadable(root.to_path_buf(), e),
    })?;
    if !meta.is_dir() {
        return Err(OpenError::NotAFolder(root.to_path_buf()));
    }
    let real_root = root
        .canonicalize()
        .map_err(|e| OpenError::Unreadable(root.to_path_buf(), e))?;
    let mut walk = Walk {
        root: real_root.clone(),
        seen: HashSet::from([real_root.clone()]),
        paths: Vec::new(),
        errors: Vec::new(),
    };
    walk.collect(&real_root, "", 0)
        .map_err(|e| OpenError::Unreadable(root.to_path_buf(), e))?;
    let Walk {
        mut paths,
        mut errors,
        ..
    } = walk;
    if paths.is_empty() && errors.is_empty() {
        return Err(OpenError::NoLessons(root.to_path_buf()));
    }
    paths.sort();
    if paths.len() > MAX_FILES {
        errors.push(LoadError {
            path: paths[MAX_FILES].clone(),
            line: 0,
            message: format!(
                "the folder holds {} lesson files, more than the {MAX_FILES} a course may have: the files from here on are left out",
                paths.len()
            ),
        });
        paths.truncate(MAX_FILES);
    }
    let mut files = Vec::new();
    for rel in paths {
        match bounded_read::read_text(&root.join(&rel), DOCUMENT_LIMIT) {
            Ok(text) => files.push(LessonFile { path: rel, text }),
            Err(e) => errors.push(LoadError {
                line: match e {
                    ReadError::NotUtf8 { line, .. } => line,
                    _ => 0,
                },
                message: e.reason(),
                path: rel,
            }),
        }
    }
    errors.sort_by(|a, b| a.path.cmp(&b.path));
    Ok((files, errors))
}

/// A walk of a lesson folder: what it found and what it could not use.
struct Walk {
    /// The folder, links resolved: nothing outside it is read.
    root: PathBuf,
    /// Folders already walked (links resolved), so a loop or a second link
    /// to the same folder adds nothing.
    seen: HashSet<PathBuf>,
    paths: Vec<String>,
    errors: Vec<LoadError>,
}

impl Walk {
    fn skip(&mut self, rel: &str, message: impl Into<String>) {
        self.errors.push(LoadError {
            path: rel.to_string(),
            line: 0,
            message: message.into(),
        });
    }

    fn collect(&mut self, dir: &Path, rel: &str, depth: usize) -> std::io::Result<()> {
        for entry in std::fs::read_dir(dir)? {
            // Past the cap, a count is all that is still needed.
            if self.paths.len() > MAX_FILES {
                return Ok(());
            }
            let Ok(entry) = entry else { continue };
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') {
                continue;
            }
            let rel_path = if rel.is_empty() {
                name.clone()
            } else {
                format!("{rel}/{name}")
            };
            let is_link = entry.file_type().is_ok_and(|t| t.is_symlink());
            let real = match entry.path().canonicalize() {
                Ok(real) => real,
                Err(e) if is_link => {
                    if is_lesson_name(&name) {
                        self.skip(&rel_path, format!("a broken link: {e}"));
                    }
                    continue;
                }
                Err(_) => entry.path(),
            };
            if !real.starts_with(&self.root) {
                if is_lesson_name(&name) || real.is_dir() {
                    self.skip(
                        &rel_path,
                        format!(
                            "a link leading out of the lesson folder (to {}): not followed",
                            real.display()
                        ),
                    );
                }
                continue;
            }
            if real.is_dir() {
                if depth < MAX_DEPTH
                    && self.seen.insert(real.clone())
                    && let Err(e) = self.collect(&real, &rel_path, depth + 1)
                {
                    self.skip(&rel_path, format!("cannot read the folder: {e}"));
                }
            } else if is_lesson_name(&name) {
                self.paths.push(rel_path);
            }
        }
        Ok(())
    }
}

/// The language a `ko/` or `en/` folder gives the file at `path`.
pub fn folder_lang(path: &str) -> Option<Lang> {
    match path.split('/').next()? {
        "ko" => Some(Lang::Ko),
        "en" => Some(Lang::En),
        _ => None,
    }
}

/// The language a `.ko.md` / `.en.md` suffix gives a file name.
pub fn suffix_lang(path: &str) -> Option<Lang> {
    let name = path.rsplit('/').next()?;
    let (stem, _ext) = name.rsplit_once('.')?;
    let (_, code) = stem.rsplit_once('.')?;
    match code {
        "ko" | "en" => parse_lang(code),
        _ => None,
    }
}

/// Korean when Hangul outweighs Latin letters in the prose (fenced code is
/// skipped: manifests are English whatever the lesson's language). A Hangul
/// syllable weighs three Latin letters, about the letters it stands for.
pub fn text_lang(text: &str) -> Lang {
    let (mut hangul, mut latin) = (0usize, 0usize);
    let mut in_code = false;
    for line in text.lines() {
        let t = line.trim_start();
        if t.starts_with("```") || t.starts_with("~~~") {
            in_code = !in_code;
            continue;
        }
        if in_code {
            continue;
        }
        for c in line.chars() {
            if ('\u{ac00}'..='\u{d7a3}').contains(&c) || ('\u{1100}'..='\u{11ff}').contains(&c) {
                hangul += 1;
            } else if c.is_ascii_alphabetic() {
                latin += 1;
            }
        }
    }
    if hangul > 0 && hangul * 3 >= latin {
        Lang::Ko
    } else {
        Lang::En
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lesson_names() {
        assert!(is_lesson_name("pods.md"));
        assert!(is_lesson_name("pods.MARKDOWN"));
        assert!(!is_lesson_name("README.md"));
        assert!(!is_lesson_name("readme.markdown"));
        assert!(!is_lesson_name("notes.txt"));
        assert!(!is_lesson_name(".md"));
    }

    #[test]
    fn languages_from_the_path() {
        assert_eq!(folder_lang("ko/pods.md"), Some(Lang::Ko));
        assert_eq!(folder_lang("en/sub/pods.md"), Some(Lang::En));
        assert_eq!(folder_lang("pods.md"), None);
        assert_eq!(suffix_lang("pods.ko.md"), Some(Lang::Ko));
        assert_eq!(suffix_lang("x/pods.en.markdown"), Some(Lang::En));
        assert_eq!(suffix_lang("pods.md"), None);
        assert_eq!(suffix_lang("v1.24.md"), None);
    }

    #[test]
    fn language_from_the_text() {
        assert_eq!(
            text_lang("파드는 쿠버네티스의 가장 작은 배포 단위입니다. Pod, kubelet."),
            Lang::Ko
        );
        assert_eq!(text_lang("A Pod is the smallest unit (파드)."), Lang::En);
        assert_eq!(
            text_lang(
                "파드를 만듭니다.\n```yaml\napiVersion: v1\nkind: Pod\nmetadata:\n  name: nginx-deployment-example\n```\n"
            ),
            Lang::Ko
        );
        assert_eq!(text_lang(""), Lang::En);
    }
}
