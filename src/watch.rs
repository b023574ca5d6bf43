//! Knowing when files change: for `kubetutor check --watch` and for live
//! reload of a lesson folder.
//!
//! The operating system's notifications (through the `notify` crate) answer
//! at once where they work; a poll of modification times and sizes, at most
//! once a second, catches what they miss (network and container-mounted
//! folders, editors that replace files in ways a watch does not follow).
//! Both feed one question: [`Watch::changed`] — has anything changed since
//! the last time it said yes?

use notify::{RecursiveMode, Watcher as _};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::time::{Duration, Instant, SystemTime};

/// How often the fallback poll looks at the files.
pub const POLL_EVERY: Duration = Duration::from_secs(1);

/// What is known of one file: changed when either differs.
type Stamp = Option<(SystemTime, u64)>;

pub struct Watch {
    roots: Vec<PathBuf>,
    events: Option<Receiver<notify::Result<notify::Event>>>,
    // Kept alive for as long as the watch; dropped with it.
    _watcher: Option<notify::RecommendedWatcher>,
    stamps: BTreeMap<PathBuf, Stamp>,
    last_poll: Instant,
}

impl Watch {
    /// Watch files and folders (folders recursively). Paths that do not exist
    /// yet are polled, so creating them counts as a change.
    pub fn new(paths: &[PathBuf]) -> Watch {
        let (tx, rx) = channel();
        // Links are not followed by the notifications (a link to `/usr` in a
        // lesson folder would add thousands of watches); the poll follows
        // those that stay inside the folder.
        let config = notify::Config::default().with_follow_symlinks(false);
        let watcher = notify::RecommendedWatcher::new(tx, config)
            .ok()
            .and_then(|mut w| {
                let mut any = false;
                for p in paths {
                    let mode = if p.is_dir() {
                        RecursiveMode::Recursive
                    } else {
                        RecursiveMode::NonRecursive
                    };
                    // Watching a file's folder sees editors that replace the file.
                    let target = if p.is_file() {
                        p.parent()
                            .filter(|d| !d.as_os_str().is_empty())
                            .unwrap_or(p)
                    } else {
                        p.as_path()
                    };
                    any |= w.watch(target, mode).is_ok();
                }
                any.then_some(w)
            });
        let events = watcher.is_some().then_some(rx);
        let roots = paths.to_vec();
        let stamps = snapshot(&roots);
        Watch {
            roots,
            events,
            _watcher: watcher,
            stamps,
            last_poll: Instant::now(),
        }
    }

    /// Whether the operating system's notifications are in use (the poll
    /// runs either way).
    pub fn notifications(&self) -> bool {
        self.events.is_some()
    }

    /// Has anything changed since the last call that returned true? Never
    /// blocks.
    pub fn changed(&mut self) -> bool {
        let mut changed = false;
        if let Some(rx) = &self.events {
            loop {
                match rx.try_recv() {
                    Ok(Ok(event)) => changed |= self.concerns(&event),
                    Ok(Err(_)) => {}
                    Err(TryRecvError::Empty) => break,
                    Err(TryRecvError::Disconnected) => {
                        self.events = None;
                        break;
                    }
                }
            }
        }
        if changed || self.last_poll.elapsed() >= POLL_EVERY {
            self.last_poll = Instant::now();
            let now = snapshot(&self.roots);
            changed |= now != self.stamps;
            self.stamps = now;
        }
        changed
    }

    /// Wait up to `timeout` for a change.
    pub fn wait(&mut self, timeout: Duration) -> bool {
        let until = Instant::now() + timeout;
        loop {
            if self.changed() {
                return true;
            }
            if Instant::now() >= until {
                return false;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Whether an event is about one of the watched paths (a watched file's
    /// folder also reports its other files).
    fn concerns(&self, event: &notify::Event) -> bool {
        use notify::EventKind;
        if matches!(event.kind, EventKind::Access(_)) {
            return false;
        }
        event.paths.iter().any(|changed| {
            self.roots
                .iter()
                .any(|root| changed.starts_with(root) || same_file(changed, root))
        })
    }
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a.file_name().is_some() && a.file_name() == b.file_name() && a.parent() == b.parent(),
    }
}

/// The most files the poll looks at, all roots together.
const MAX_STAMPS: usize = 10_000;

/// Modification time and size of every file under the roots: links are
/// followed only when they stay under their root, each folder is read once,
/// and at most [`MAX_STAMPS`] files are looked at.
fn snapshot(roots: &[PathBuf]) -> BTreeMap<PathBuf, Stamp> {
    let mut out = BTreeMap::new();
    for root in roots {
        let real = root.canonicalize().unwrap_or_else(|_| root.clone());
        let mut seen = std::collections::HashSet::new();
        collect(root, &real, &mut seen, &mut out, 0);
    }
    out
}

fn collect(
    path: &Path,
    root: &Path,
    seen: &mut std::collections::HashSet<PathBuf>,
    out: &mut BTreeMap<PathBuf, Stamp>,
    depth: usize,
) {
    if out.len() >= MAX_STAMPS {
        return;
    }
    let meta = std::fs::metadata(path).ok();
    match meta {
        Some(m) if m.is_dir() => {
            let Ok(real) = path.canonicalize() else {
                return;
            };
            if depth >= 8 || !real.starts_with(root) || !seen.insert(real) {
                return;
            }
            if let Ok(entries) = std::fs::read_dir(path) {
                for entry in entries.flatten() {
                    collect(&entry.path(), root, seen, out, depth + 1);
                }
            }
        }
        Some(m) => {
            out.insert(path.to_path_buf(), m.modified().ok().map(|t| (t, m.len())));
        }
        None => {
            out.insert(path.to_path_buf(), None);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue #15 item 4: a link to `/usr` or back up the tree in a lesson
    /// folder is not walked by the poll (it read 561 files, then 97,656
    /// with self-links, every second).
    #[test]
    fn the_poll_stays_inside_the_folder_and_reads_each_folder_once() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.md"), "a").unwrap();
        std::os::unix::fs::symlink("/usr", dir.path().join("usr")).unwrap();
        std::os::unix::fs::symlink(".", dir.path().join("self")).unwrap();
        std::os::unix::fs::symlink("..", dir.path().join("up")).unwrap();
        let stamps = snapshot(&[dir.path().to_path_buf()]);
        let names: Vec<_> = stamps
            .keys()
            .map(|p| p.strip_prefix(dir.path()).unwrap())
            .collect();
        assert_eq!(names, [Path::new("a.md")]);
    }

    #[test]
    fn a_saved_file_is_a_change_once() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("pod.yaml");
        std::fs::write(&file, "a: 1\n").unwrap();
        let mut watch = Watch::new(std::slice::from_ref(&file));
        assert!(!watch.changed());
        std::fs::write(&file, "a: 22\n").unwrap();
        assert!(watch.wait(Duration::from_secs(10)), "the change is seen");
        // Drain what the same save may still report, then nothing is left.
        while watch.wait(Duration::from_millis(300)) {}
        assert!(!watch.changed());
    }

    #[test]
    fn a_file_created_in_a_watched_folder_is_a_change() {
        let dir = tempfile::tempdir().unwrap();
        let mut watch = Watch::new(&[dir.path().to_path_buf()]);
        std::fs::create_dir(dir.path().join("en")).unwrap();
        std::fs::write(dir.path().join("en/new.md"), "# New\n").unwrap();
        assert!(watch.wait(Duration::from_secs(10)));
    }

    #[test]
    fn the_poll_alone_sees_changes() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("lesson.md");
        std::fs::write(&file, "one").unwrap();
        let mut watch = Watch::new(std::slice::from_ref(&file));
        // Without notifications, as on a folder where events never arrive.
        watch.events = None;
        std::fs::write(&file, "three").unwrap();
        assert!(watch.wait(POLL_EVERY * 3));
    }
}
