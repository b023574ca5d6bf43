//! Where the progress file lives: `--progress FILE`, else the
//! `KUBETUTOR_PROGRESS` variable, else `progress.json` in the user's data
//! directory for kubetutor.
//!
//! The data directory comes from the `directories` crate: on Linux and the
//! BSDs `$XDG_DATA_HOME/kubetutor` (`~/.local/share/kubetutor` when unset or
//! not absolute, as the XDG spec asks), on macOS
//! `~/Library/Application Support/kubetutor`, on Windows
//! `%APPDATA%\kubetutor\data`. It is the widely used, maintained crate for
//! exactly this (one call, the platform conventions, no further
//! dependencies of note), where our own code would have to get three
//! platforms' rules right.

use super::warning::ProgressError;
use std::ffi::OsString;
use std::path::{Path, PathBuf};

pub const FILE_NAME: &str = "progress.json";
pub const ENV_VAR: &str = "KUBETUTOR_PROGRESS";

/// `progress.json` in the platform's data directory for kubetutor.
pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "kubetutor").map(|d| d.data_dir().join(FILE_NAME))
}

/// The progress path: `explicit` (from `--progress`), else the environment
/// variable, else the default. Empty values count as absent.
pub fn resolve(explicit: Option<&Path>) -> Result<PathBuf, ProgressError> {
    choose(explicit, std::env::var_os(ENV_VAR), default_path).ok_or(ProgressError::NoDataDir)
}

/// [`resolve`] with the environment and the default supplied (for tests).
pub fn choose(
    explicit: Option<&Path>,
    env: Option<OsString>,
    default: impl FnOnce() -> Option<PathBuf>,
) -> Option<PathBuf> {
    if let Some(p) = explicit.filter(|p| !p.as_os_str().is_empty()) {
        return Some(p.to_path_buf());
    }
    if let Some(v) = env.filter(|v| !v.is_empty()) {
        return Some(PathBuf::from(v));
    }
    default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flag_beats_env_beats_default() {
        let default = || Some(PathBuf::from("/data/kubetutor/progress.json"));
        assert_eq!(
            choose(Some(Path::new("a.json")), Some("b.json".into()), default),
            Some(PathBuf::from("a.json"))
        );
        assert_eq!(
            choose(None, Some("b.json".into()), default),
            Some(PathBuf::from("b.json"))
        );
        assert_eq!(
            choose(Some(Path::new("")), Some("".into()), default),
            default()
        );
        assert_eq!(choose(None, None, || None), None);
    }
}
