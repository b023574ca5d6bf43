//! Reading a file someone named, safely: the one reader every path that
//! opens a user's or a lesson's file goes through (`apply -f` in the command
//! bar, `sim` and lesson setups; `validate`, `convert`, `check`, `render`;
//! lesson folders).
//!
//! - Only regular files are read, after links are resolved: a terminal
//!   (`/dev/stdin`, `/dev/tty`), a pipe or FIFO, a socket, a device such as
//!   `/dev/zero`, or a folder is refused with a message naming what it is.
//!   The type is checked before opening, the file is opened with
//!   `O_NONBLOCK` (so a FIFO swapped in between the check and the open
//!   cannot block the open), and the opened handle is checked again.
//! - At most `limit` bytes are read; a larger file is refused, and the
//!   message says the limit. A file growing while it is read stops at the
//!   limit too (the read is bounded by `take`, not by the size first seen).

use std::fmt;
use std::io::Read;
use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

/// The largest manifest `apply -f`, `validate`, `convert` and `check` read.
pub const MANIFEST_LIMIT: u64 = 8 * 1024 * 1024;

/// The largest lesson file, or document given to `render`.
pub const DOCUMENT_LIMIT: u64 = 16 * 1024 * 1024;

/// Why a file was not read.
#[derive(Debug)]
pub enum ReadError {
    NotFound(PathBuf),
    /// Not a regular file: what it is instead ("a FIFO", "a folder" …).
    NotRegular(PathBuf, &'static str),
    TooLarge(PathBuf, u64),
    /// Not UTF-8: the 1-based line and the byte offset of the first bad byte.
    NotUtf8 {
        path: PathBuf,
        line: usize,
        offset: usize,
    },
    Io(PathBuf, std::io::Error),
}

impl ReadError {
    pub fn path(&self) -> &Path {
        match self {
            ReadError::NotFound(p)
            | ReadError::NotRegular(p, _)
            | ReadError::TooLarge(p, _)
            | ReadError::NotUtf8 { path: p, .. }
            | ReadError::Io(p, _) => p,
        }
    }

    /// The message without the path (for callers that print it first).
    pub fn reason(&self) -> String {
        match self {
            ReadError::NotFound(_) => "no such file".to_string(),
            ReadError::NotRegular(_, what) => {
                format!("not a regular file ({what}): only regular files are read")
            }
            ReadError::TooLarge(_, limit) => {
                format!(
                    "too large: more than the {} MiB limit",
                    limit / (1024 * 1024)
                )
            }
            ReadError::NotUtf8 { line, offset, .. } => {
                format!("not UTF-8 text: invalid byte at line {line} (byte offset {offset})")
            }
            ReadError::Io(_, e) => format!("cannot read: {e}"),
        }
    }
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path().display(), self.reason())
    }
}

impl std::error::Error for ReadError {}

/// What a file that is not a regular file is, for the message.
fn kind_of(t: std::fs::FileType) -> Option<&'static str> {
    if t.is_file() {
        None
    } else if t.is_dir() {
        Some("a folder")
    } else if t.is_fifo() {
        Some("a pipe or FIFO")
    } else if t.is_char_device() {
        Some("a terminal or character device")
    } else if t.is_block_device() {
        Some("a block device")
    } else if t.is_socket() {
        Some("a socket")
    } else {
        Some("not a file")
    }
}

/// The bytes of the regular file at `path`, at most `limit` of them.
pub fn read_bytes(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let owned = || path.to_path_buf();
    let io = |e: std::io::Error| match e.kind() {
        std::io::ErrorKind::NotFound => ReadError::NotFound(owned()),
        _ => ReadError::Io(owned(), e),
    };
    let meta = std::fs::metadata(path).map_err(io)?;
    if let Some(what) = kind_of(meta.file_type()) {
        return Err(ReadError::NotRegular(owned(), what));
    }
    if meta.len() > limit {
        return Err(ReadError::TooLarge(owned(), limit));
    }
    let file = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
        .map_err(io)?;
    // The path may have been swapped for something else since `metadata`.
    let meta = file.metadata().map_err(io)?;
    if let Some(what) = kind_of(meta.file_type()) {
        return Err(ReadError::NotRegular(owned(), what));
    }
    let mut out = Vec::with_capacity(meta.len().min(limit) as usize);
    file.take(limit + 1).read_to_end(&mut out).map_err(io)?;
    if out.len() as u64 > limit {
        return Err(ReadError::TooLarge(owned(), limit));
    }
    Ok(out)
}

/// The text of the regular file at `path`, at most `limit` bytes of UTF-8;
/// invalid UTF-8 is an error naming the line and byte offset.
pub fn read_text(path: &Path, limit: u64) -> Result<String, ReadError> {
    let bytes = read_bytes(path, limit)?;
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let line = 1 + e.as_bytes()[..offset]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        ReadError::NotUtf8 {
            path: path.to_path_buf(),
            line,
            offset,
        }
    })
}

/// The text of the regular file at `path`, invalid UTF-8 replaced by U+FFFD
/// (manifests: the parser then points at the replacement).
pub fn read_lossy(path: &Path, limit: u64) -> Result<String, ReadError> {
    let bytes = read_bytes(path, limit)?;
    Ok(match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn devices_terminals_and_folders_are_refused_before_reading() {
        for (path, what) in [
            ("/dev/zero", "a terminal or character device"),
            ("/dev/null", "a terminal or character device"),
            ("/tmp", "a folder"),
        ] {
            match read_bytes(Path::new(path), MANIFEST_LIMIT) {
                Err(ReadError::NotRegular(_, w)) => assert_eq!(w, what, "{path}"),
                other => panic!("{path}: {other:?}"),
            }
        }
    }

    #[test]
    fn a_fifo_is_refused_without_blocking() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("f");
        let status = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(status.success());
        let e = read_bytes(&fifo, MANIFEST_LIMIT).unwrap_err();
        assert!(
            e.to_string()
                .contains("not a regular file (a pipe or FIFO)"),
            "{e}"
        );
    }

    #[test]
    fn a_link_to_a_device_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let link = dir.path().join("x.yaml");
        std::os::unix::fs::symlink("/dev/zero", &link).unwrap();
        assert!(matches!(
            read_bytes(&link, MANIFEST_LIMIT),
            Err(ReadError::NotRegular(..))
        ));
    }

    #[test]
    fn the_limit_is_a_byte_count_and_the_message_names_it() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("big.yaml");
        std::fs::write(&f, vec![b'a'; 1025]).unwrap();
        assert_eq!(read_bytes(&f, 1025).unwrap().len(), 1025);
        let e = read_bytes(&f, 1024).unwrap_err();
        assert!(matches!(e, ReadError::TooLarge(_, 1024)));
        let e = read_bytes(&f, MANIFEST_LIMIT);
        assert!(e.is_ok());
        std::fs::write(&f, vec![b'a'; MANIFEST_LIMIT as usize + 1]).unwrap();
        let e = read_bytes(&f, MANIFEST_LIMIT).unwrap_err();
        assert!(
            e.to_string()
                .ends_with("too large: more than the 8 MiB limit"),
            "{e}"
        );
    }

    #[test]
    fn invalid_utf8_names_the_line_and_offset() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("x.md");
        std::fs::write(&f, b"# a\nok\nbad \xff here\n").unwrap();
        let e = read_text(&f, DOCUMENT_LIMIT).unwrap_err();
        assert!(
            e.to_string()
                .ends_with("invalid byte at line 3 (byte offset 11)"),
            "{e}"
        );
        assert_eq!(
            read_lossy(&f, DOCUMENT_LIMIT).unwrap(),
            "# a\nok\nbad \u{fffd} here\n"
        );
    }

    #[test]
    fn missing_files_say_so() {
        let e = read_bytes(Path::new("/no/such/file.yaml"), 10).unwrap_err();
        assert_eq!(e.to_string(), "/no/such/file.yaml: no such file");
    }
}
