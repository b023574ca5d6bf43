//! Which files `apply -f FILE` may read, and reading them through the one
//! bounded reader ([`crate::bounded_read`]).
//!
//! Typed in the command bar or `kubetutor sim`, a path is the user's: any
//! regular file of at most [`MANIFEST_LIMIT`] bytes. Written in a lesson
//! (`commands:` of a `cluster` block or a setup), a path may only name a
//! file inside the lesson's folder: relative, with no `..`, and still inside
//! the folder once links are resolved. A lesson with no folder (the course
//! built into the binary) reads no files at all.

use crate::bounded_read::{self, MANIFEST_LIMIT, ReadError};
use std::path::{Component, Path, PathBuf};

/// Where `apply -f` may read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Files<'a> {
    /// Any regular file (the command bar, `kubetutor sim`).
    Anywhere,
    /// Relative paths inside this folder (a lesson loaded from a folder).
    Within(&'a Path),
    /// No file (a lesson built into the binary, a scenario).
    Nowhere,
}

/// Why a lesson may not name `path`, or `None` when it may.
pub fn lesson_path_problem(path: &str) -> Option<&'static str> {
    let p = Path::new(path);
    if p.is_absolute() {
        return Some("an absolute path");
    }
    if p.components()
        .any(|c| !matches!(c, Component::Normal(_) | Component::CurDir))
    {
        return Some("a path leaving the lesson folder (`..`)");
    }
    None
}

/// The manifest text at `path`, or the error line `apply -f` prints.
pub fn read_manifest(path: &str, files: Files<'_>) -> Result<String, String> {
    let full: PathBuf = match files {
        Files::Anywhere => PathBuf::from(path),
        Files::Nowhere => {
            return Err(format!(
                "error: \"{path}\": a lesson can only read files from its own lesson folder, and this one has none"
            ));
        }
        Files::Within(root) => {
            if let Some(problem) = lesson_path_problem(path) {
                return Err(format!(
                    "error: \"{path}\" is {problem}: a lesson reads only files inside its folder"
                ));
            }
            let full = root.join(path);
            // A link inside the folder may still point out of it.
            if let (Ok(real), Ok(root)) = (full.canonicalize(), root.canonicalize())
                && !real.starts_with(&root)
            {
                return Err(format!(
                    "error: \"{path}\" leads out of the lesson folder: a lesson reads only files inside its folder"
                ));
            }
            full
        }
    };
    bounded_read::read_lossy(&full, MANIFEST_LIMIT).map_err(|e| match e {
        ReadError::NotFound(_) => format!("error: the path \"{path}\" does not exist"),
        ReadError::TooLarge(_, limit) => format!(
            "error: \"{path}\" is too large: a manifest may be at most {} MiB",
            limit / (1024 * 1024)
        ),
        other => format!("error: \"{path}\": {}", other.reason()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lesson_paths_stay_inside_the_folder() {
        assert_eq!(lesson_path_problem("pod.yaml"), None);
        assert_eq!(lesson_path_problem("./manifests/pod.yaml"), None);
        assert!(lesson_path_problem("/etc/passwd").is_some());
        assert!(lesson_path_problem("../x.yaml").is_some());
        assert!(lesson_path_problem("a/../../x.yaml").is_some());
    }

    #[test]
    fn a_lesson_reads_inside_its_folder_only() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("pod.yaml"), "kind: Pod\n").unwrap();
        std::os::unix::fs::symlink("/etc/hostname", dir.path().join("out.yaml")).unwrap();
        let within = Files::Within(dir.path());
        assert_eq!(read_manifest("pod.yaml", within).unwrap(), "kind: Pod\n");
        for (path, says) in [
            ("/dev/stdin", "is an absolute path"),
            ("../pod.yaml", "leaving the lesson folder"),
            ("out.yaml", "leads out of the lesson folder"),
        ] {
            let e = read_manifest(path, within).unwrap_err();
            assert!(e.contains(says), "{path}: {e}");
        }
        let e = read_manifest("pod.yaml", Files::Nowhere).unwrap_err();
        assert!(e.contains("has none"), "{e}");
    }

    #[test]
    fn the_command_bar_says_what_is_not_a_regular_file() {
        let e = read_manifest("/dev/zero", Files::Anywhere).unwrap_err();
        assert_eq!(
            e,
            "error: \"/dev/zero\": not a regular file (a terminal or character device): only regular files are read"
        );
        let e = read_manifest("/dev/stdin", Files::Anywhere).unwrap_err();
        assert!(e.contains("not a regular file"), "{e}");
    }
}
