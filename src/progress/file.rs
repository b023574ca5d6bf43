//! The progress file on disk: reading it, moving a bad one aside, writing a
//! new one atomically, and the lock that serialises read-merge-write between
//! processes.
//!
//! Atomic write: the bytes go to a temporary file in the same directory
//! (`progress.json.tmp-<pid>-<n>`), which is flushed to disk (fsync); it is
//! then renamed over `progress.json` and the directory is fsynced, so the
//! rename itself survives a power loss. A crash before the rename leaves the
//! old file untouched, and the stale temporary file is removed by the next
//! open or save (under the lock, so never a live writer's).
//!
//! The lock is `progress.json.lock` beside the file (never the file itself,
//! which is replaced by each rename), held with `File::lock` (an advisory
//! whole-file lock) for the span of a read-merge-write.

use super::model::{Progress, SCHEMA_VERSION};
use crate::timestamp::Timestamp;
use std::ffi::OsString;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// What was found at the progress path.
#[derive(Debug)]
pub enum Found {
    Missing,
    Good(Box<Progress>),
    /// Present but unusable: why, in words.
    Bad(String),
}

/// Read and classify the file. I/O errors other than "not found" are errors.
pub fn read(path: &Path) -> io::Result<Found> {
    match fs::read(path) {
        Ok(bytes) => Ok(match parse(&bytes) {
            Ok(p) => Found::Good(Box::new(p)),
            Err(why) => Found::Bad(why),
        }),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(Found::Missing),
        Err(e) => Err(e),
    }
}

/// Parse a progress file, or say why it cannot be used.
pub fn parse(bytes: &[u8]) -> Result<Progress, String> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err("the file is empty".into());
    }
    let value: serde_json::Value =
        serde_json::from_slice(bytes).map_err(|e| format!("it is not valid JSON ({e})"))?;
    let Some(object) = value.as_object() else {
        return Err("it is not a progress file (expected a JSON object)".into());
    };
    let mut version = 1;
    if let Some(v) = object.get("version") {
        let Some(n) = v.as_u64() else {
            return Err(format!("its schema version {v} is not a number"));
        };
        if n > u64::from(SCHEMA_VERSION) {
            return Err(format!(
                "it was written by a newer kubetutor (schema version {n}; this one reads \
                 up to {SCHEMA_VERSION})"
            ));
        }
        version = n;
    }
    let mut value = value;
    super::migrate::migrate(&mut value, version);
    serde_json::from_value(value).map_err(|e| format!("its content is not as expected ({e})"))
}

fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name: OsString = path
        .file_name()
        .map(OsString::from)
        .unwrap_or_else(|| "progress.json".into());
    name.push(suffix);
    path.with_file_name(name)
}

/// `progress.json.bad-<time>`, with `-2`, `-3`... if that name is taken.
pub fn bad_name(path: &Path, now: Timestamp) -> PathBuf {
    let base = format!(".bad-{}", now.compact());
    let mut candidate = sibling(path, &base);
    let mut n = 2;
    while candidate.symlink_metadata().is_ok() {
        candidate = sibling(path, &format!("{base}-{n}"));
        n += 1;
    }
    candidate
}

/// Move a bad file aside (never delete it) and return where it went.
pub fn move_aside(path: &Path, now: Timestamp) -> io::Result<PathBuf> {
    let target = bad_name(path, now);
    fs::rename(path, &target)?;
    sync_dir(path);
    Ok(target)
}

static COUNTER: AtomicU64 = AtomicU64::new(0);

fn temp_prefix(path: &Path) -> OsString {
    let mut name: OsString = path
        .file_name()
        .map(OsString::from)
        .unwrap_or_else(|| "progress.json".into());
    name.push(".tmp-");
    name
}

/// A new file written and flushed to disk, not yet in place.
#[derive(Debug)]
pub struct Staged {
    temp: PathBuf,
    target: PathBuf,
}

impl Staged {
    pub fn temp_path(&self) -> &Path {
        &self.temp
    }

    /// Rename the temporary file over the target and flush the directory.
    pub fn commit(self) -> io::Result<()> {
        fs::rename(&self.temp, &self.target)?;
        sync_dir(&self.target);
        Ok(())
    }
}

/// Write `bytes` to a fresh temporary file beside `target` and fsync it.
pub fn stage(target: &Path, bytes: &[u8]) -> io::Result<Staged> {
    let mut name = temp_prefix(target);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    name.push(format!("{}-{n}", std::process::id()));
    let temp = target.with_file_name(name);
    let result = (|| {
        let mut f = OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)?;
        f.write_all(bytes)?;
        f.sync_all()
    })();
    if let Err(e) = result {
        let _ = fs::remove_file(&temp);
        return Err(e);
    }
    Ok(Staged {
        temp,
        target: target.to_path_buf(),
    })
}

/// Replace `target` with `bytes` atomically.
pub fn write_atomic(target: &Path, bytes: &[u8]) -> io::Result<()> {
    stage(target, bytes)?.commit()
}

/// Remove temporary files left by a writer that crashed before its rename.
/// Call with the lock held. Returns how many were removed.
pub fn remove_stale_temps(target: &Path) -> usize {
    let prefix = temp_prefix(target);
    let prefix = prefix.to_string_lossy();
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let Ok(entries) = fs::read_dir(dir) else {
        return 0;
    };
    entries
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with(&*prefix))
        .filter(|e| fs::remove_file(e.path()).is_ok())
        .count()
}

/// Flush a directory entry change (rename) to disk. Best effort: some
/// platforms cannot open a directory as a file.
fn sync_dir(path: &Path) {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}

/// An exclusive lock on `<file>.lock`, released when dropped.
#[derive(Debug)]
pub struct Lock {
    _file: File,
}

/// Take the lock, waiting for another process that holds it.
pub fn lock(target: &Path) -> io::Result<Lock> {
    let file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(sibling(target, ".lock"))?;
    file.lock()?;
    Ok(Lock { _file: file })
}
