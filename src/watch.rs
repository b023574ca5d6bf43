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
        let watcher = notify::recommended_watcher(tx).ok().and_then(|mut w| {
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

/// Modification time and size of every file under the roots.
fn snapshot(roots: &[PathBuf]) -> BTreeMap<PathBuf, Stamp> {
    let mut out = BTreeMap::new();
    for root in roots {
        collect(root, &mut out, 0);
    }
    out
}

fn collect(path: &Path, out: &mut BTreeMap<PathBuf, Stamp>, depth: usize) {
    let meta = std::fs::metadata(path).ok();
    match meta {
        Some(m) if m.is_dir() && depth < 8 => {
            if let Ok(entries) = std::fs::read_dir(path) {
                for entry in entries.flatten() {
                    collect(&entry.path(), out, depth + 1);
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
