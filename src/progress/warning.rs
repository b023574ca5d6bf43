//! What can go wrong with the progress file, as values the caller shows
//! (the library never prints).

use std::fmt;
use std::io;
use std::path::PathBuf;

/// Something the student should know, though the tutor carries on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Warning {
    /// The file could not be used; it was moved to `moved_to`, byte for
    /// byte, and a fresh progress started.
    MovedAside {
        file: PathBuf,
        moved_to: PathBuf,
        reason: String,
    },
    /// The file could not be read or moved aside; a fresh progress started
    /// in memory, and saving will not overwrite the file.
    Unreadable { file: PathBuf, reason: String },
    /// The lock could not be taken; the save went ahead without it.
    NoLock { file: PathBuf, reason: String },
    /// The file was written by a newer kubetutor: opened read-only.
    Newer { file: PathBuf, version: String },
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Warning::MovedAside {
                file,
                moved_to,
                reason,
            } => write!(
                f,
                "the progress file {} could not be used: {reason}. It was kept as {} and a \
                 fresh progress starts.",
                file.display(),
                moved_to.display()
            ),
            Warning::Unreadable { file, reason } => write!(
                f,
                "the progress file {} could not be read: {reason}. Progress will not be saved \
                 over it.",
                file.display()
            ),
            Warning::NoLock { file, reason } => write!(
                f,
                "could not lock the progress file {} ({reason}); saved without the lock.",
                file.display()
            ),
            Warning::Newer { file, version } => write!(
                f,
                "the progress file {} was written by a newer kubetutor (schema version \
                 {version}; this one reads up to {}): it is shown read-only, and nothing will \
                 be saved to it. Update kubetutor to keep recording progress.",
                file.display(),
                super::SCHEMA_VERSION
            ),
        }
    }
}

/// A save or path lookup that could not be done.
#[derive(Debug)]
pub enum ProgressError {
    /// No `--progress`, no `KUBETUTOR_PROGRESS` and no data directory
    /// (no home directory).
    NoDataDir,
    /// Another process held the lock longer than [`super::file::LOCK_WAIT`]:
    /// nothing was written; the changes are kept for the next save.
    Busy { file: PathBuf },
    /// The file was written by a newer kubetutor: never written over.
    Newer { file: PathBuf, version: String },
    Io {
        action: &'static str,
        path: PathBuf,
        source: io::Error,
    },
}

impl ProgressError {
    pub(crate) fn io(action: &'static str, path: impl Into<PathBuf>, source: io::Error) -> Self {
        ProgressError::Io {
            action,
            path: path.into(),
            source,
        }
    }
}

impl fmt::Display for ProgressError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ProgressError::NoDataDir => f.write_str(
                "no place to keep progress: there is no home directory; pass --progress FILE \
                 or set KUBETUTOR_PROGRESS",
            ),
            ProgressError::Busy { file } => write!(
                f,
                "the progress file {} is in use by another kubetutor; the changes are kept and \
                 saved with the next save",
                file.display()
            ),
            ProgressError::Newer { file, version } => write!(
                f,
                "the progress file {} was written by a newer kubetutor (schema version \
                 {version}): it is read-only here",
                file.display()
            ),
            ProgressError::Io {
                action,
                path,
                source,
            } => write!(f, "could not {action} {}: {source}", path.display()),
        }
    }
}

impl std::error::Error for ProgressError {
    // The I/O error is part of the message already: as a source too, a
    // chain printed in full (`{e:#}`) would say it twice.
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        None
    }
}
