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
    /// Written by a newer kubetutor (a later schema version, as written in
    /// the file): what this build could read of it, to show but never to
    /// write back.
    Newer {
        version: String,
        progress: Box<Progress>,
    },
}

/// The largest progress file read (drafts make it grow, but not this far).
pub const MAX_SIZE: u64 = 64 * 1024 * 1024;

/// Read and classify the file. I/O errors other than "not found" are
/// errors; so is a path that is not a regular file (a FIFO would block).
pub fn read(path: &Path) -> io::Result<Found> {
    match crate::bounded_read::read_bytes(path, MAX_SIZE) {
        Ok(bytes) => Ok(classify(&bytes)),
        Err(crate::bounded_read::ReadError::NotFound(_)) => Ok(Found::Missing),
        Err(crate::bounded_read::ReadError::Io(_, e)) => Err(e),
        Err(e) => Err(io::Error::other(e.reason())),
    }
}

/// What the bytes of a progress file hold.
pub fn classify(bytes: &[u8]) -> Found {
    match parse(bytes) {
        Ok(p) => Found::Good(Box::new(p)),
        Err(Unusable::Bad(why)) => Found::Bad(why),
        Err(Unusable::Newer(version, progress)) => Found::Newer { version, progress },
    }
}

/// Why a progress file's bytes are not a progress this build may write.
#[derive(Debug)]
pub enum Unusable {
    Bad(String),
    Newer(String, Box<Progress>),
}

/// Parse a progress file, or say why it cannot be used.
pub fn parse(bytes: &[u8]) -> Result<Progress, Unusable> {
    let bad = |s: String| Unusable::Bad(s);
    // Some editors save JSON with a byte order mark; JSON parsers may skip it.
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(bad("the file is empty".into()));
    }
    let value: serde_json::Value =
        serde_json::from_slice(bytes).map_err(|e| bad(format!("it is not valid JSON ({e})")))?;
    let Some(object) = value.as_object() else {
        return Err(bad(
            "it is not a progress file (expected a JSON object)".into()
        ));
    };
    let mut version = 1;
    if let Some(v) = object.get("version") {
        // `2`, `2.0` and `1e+30` are all numbers; only a number above ours
        // is a newer schema.
        let Some(n) = v.as_f64() else {
            return Err(bad(format!("its schema version {v} is not a number")));
        };
        if n > f64::from(SCHEMA_VERSION) {
            // Read what this build knows of it (the version itself may not
            // fit this build's field).
            let mut known = value.clone();
            known["version"] = serde_json::Value::from(SCHEMA_VERSION);
            let progress = serde_json::from_value(known).unwrap_or_default();
            return Err(Unusable::Newer(v.to_string(), Box::new(progress)));
        }
        if n.fract() != 0.0 || n < 1.0 {
            return Err(bad(format!(
                "its schema version {v} is not one kubetutor wrote"
            )));
        }
        // A whole number from 1 up to ours.
        version = n as u64;
    }
    let mut value = value;
    super::migrate::migrate(&mut value, version);
    if value.get("version").is_some() {
        // `2.0` as the whole number the field holds.
        value["version"] = serde_json::Value::from(version);
    }
    serde_json::from_value(value).map_err(|e| bad(format!("its content is not as expected ({e})")))
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

/// Where a write to `path` goes: the file a link points to (a progress
/// file kept in a dotfiles folder and linked in stays a link), followed
/// through every link in a chain; `path` itself when it is no link.
pub fn write_target(path: &Path) -> PathBuf {
    let mut at = path.to_path_buf();
    for _ in 0..40 {
        match fs::read_link(&at) {
            Ok(to) => {
                at = match at.parent() {
                    Some(dir) => dir.join(to),
                    None => to,
                }
            }
            Err(_) => break,
        }
    }
    at
}

/// Write `bytes` to a fresh temporary file beside `target` and fsync it.
/// The file gets the mode of the file it will replace, or 0600 for a new
/// one (progress is personal).
pub fn stage(target: &Path, bytes: &[u8]) -> io::Result<Staged> {
    use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
    let target = &write_target(target);
    let mode = fs::metadata(target).map_or(0o600, |m| m.permissions().mode() & 0o7777);
    let mut name = temp_prefix(target);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    name.push(format!("{}-{n}", std::process::id()));
    let temp = target.with_file_name(name);
    let result = (|| {
        let mut f = OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(&temp)?;
        // `mode` at creation is masked by the umask: set it exactly.
        f.set_permissions(fs::Permissions::from_mode(mode))?;
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

/// How long a save waits for another process's lock.
pub const LOCK_WAIT: std::time::Duration = std::time::Duration::from_secs(1);

/// Take the lock, waiting at most `wait` for another process that holds
/// it; past that, an error of kind `WouldBlock`.
pub fn lock(target: &Path, wait: std::time::Duration) -> io::Result<Lock> {
    use std::os::unix::fs::OpenOptionsExt;
    let file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .mode(0o600)
        .open(sibling(&write_target(target), ".lock"))?;
    let until = std::time::Instant::now() + wait;
    loop {
        match file.try_lock() {
            Ok(()) => return Ok(Lock { _file: file }),
            Err(fs::TryLockError::WouldBlock) if std::time::Instant::now() < until => {
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            Err(fs::TryLockError::WouldBlock) => {
                return Err(io::Error::new(
                    io::ErrorKind::WouldBlock,
                    "another kubetutor holds the progress lock",
                ));
            }
            Err(fs::TryLockError::Error(e)) => return Err(e),
        }
    }
}
