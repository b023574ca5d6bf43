//! Saving off the interface's thread. A save takes the lock (up to
//! [`super::file::LOCK_WAIT`]), reads the file, merges and writes it with
//! the same atomic write as [`Store::save`]; the tutor must not freeze for
//! any of that. [`Saver::save`] hands a copy of the progress to a worker
//! thread and returns at once; [`Saver::poll`] brings back what the worker
//! merged (the records other processes saved) and any problem to show.

use super::{Progress, ProgressError, Store, Warning};
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::thread::JoinHandle;

/// What one save in the background gave.
#[derive(Debug)]
pub struct Saved {
    /// The file's content after the save (ours merged with the disk), to be
    /// merged back into the store.
    pub merged: Option<Progress>,
    pub result: Result<Vec<Warning>, ProgressError>,
}

pub struct Saver {
    jobs: Option<Sender<(PathBuf, Progress)>>,
    done: Receiver<Saved>,
    worker: Option<JoinHandle<()>>,
}

impl Default for Saver {
    fn default() -> Self {
        Saver::new()
    }
}

impl Saver {
    pub fn new() -> Saver {
        let (jobs, inbox) = channel::<(PathBuf, Progress)>();
        let (report, done) = channel();
        let worker = std::thread::spawn(move || {
            while let Ok(mut job) = inbox.recv() {
                // Only the newest copy matters: it holds every earlier one.
                while let Ok(newer) = inbox.try_recv() {
                    job = newer;
                }
                let (path, state) = job;
                let mut store = Store::with_state(path, state);
                let result = store.save();
                let merged = result.is_ok().then(|| store.progress().clone());
                if report.send(Saved { merged, result }).is_err() {
                    break;
                }
            }
        });
        Saver {
            jobs: Some(jobs),
            done,
            worker: Some(worker),
        }
    }

    /// Queue a save of the store's progress; returns at once.
    pub fn save(&self, store: &Store) {
        if store.read_only() {
            return;
        }
        if let Some(jobs) = &self.jobs {
            let _ = jobs.send((store.path().to_path_buf(), store.progress().clone()));
        }
    }

    /// The saves finished since the last call; never blocks.
    pub fn poll(&self) -> Vec<Saved> {
        self.done.try_iter().collect()
    }

    /// Wait for the queued saves to finish (on exit), and return them.
    pub fn finish(mut self) -> Vec<Saved> {
        self.jobs = None;
        if let Some(worker) = self.worker.take() {
            let _ = worker.join();
        }
        self.done.try_iter().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;
    use crate::timestamp::Timestamp;

    const T0: Timestamp = Timestamp::from_secs(1_740_821_400);

    /// Issue #15 item 5: a save while another process holds the lock
    /// returns at once (the worker waits, not the caller); the result says
    /// the file was busy and the change stays in the store.
    #[test]
    fn a_save_returns_at_once_and_reports_later() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("progress.json");
        let held = super::super::file::lock(&path, super::super::file::LOCK_WAIT).unwrap();
        let (mut store, _) = Store::open(&path);
        store.visit_section("pods", 1, Lang::En, T0);
        let saver = Saver::new();
        saver.save(&store);
        // Nothing came back yet: the worker is still waiting for the lock
        // (held by this thread's `held` for its whole second).
        assert!(saver.poll().is_empty());
        let done = loop {
            let done = saver.poll();
            if !done.is_empty() {
                break done;
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        };
        assert!(matches!(done[0].result, Err(ProgressError::Busy { .. })));
        drop(held);
        saver.save(&store);
        let done = saver.finish();
        assert!(done[0].result.is_ok(), "{:?}", done[0].result);
        store.absorb(done[0].merged.clone().unwrap());
        assert!(std::fs::read_to_string(&path).unwrap().contains("\"pods\""));
    }
}
