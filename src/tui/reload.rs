//! Live reload in the interface: with `--lessons DIR`, a saved lesson file
//! shows up on screen within a second, the student staying where they were.
//!
//! [`LiveReload`] watches the folder (`crate::watch`), waits for a save to
//! settle (editors write in several steps), then merges the folder into the
//! catalog (`crate::lesson::reload`) and keeps the position: the same
//! lesson, the same section (clamped when the lesson got shorter), and the
//! same scroll when that section still exists. Problems go to the banner as
//! `path:line: message`; they leave it once the files load cleanly.
//!
//! The event loop calls [`App::poll_reload`] once per iteration.

use super::app::{App, Overlay};
use crate::lesson::catalog::Catalog;
use crate::lesson::reload::{Reloaded, reload_dir};
use crate::text;
use crate::watch::Watch;
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// How long the files must be quiet after a change before they are read.
pub const SETTLE: Duration = Duration::from_millis(150);
/// The longest a reload waits for the files to go quiet.
pub const MAX_DELAY: Duration = Duration::from_millis(600);

pub struct LiveReload {
    dir: PathBuf,
    watch: Watch,
    /// First change not yet loaded, and the latest one.
    pending: Option<(Instant, Instant)>,
    /// Banner lines this reloader put up, replaced on the next reload.
    banner: Vec<String>,
}

impl LiveReload {
    /// Watch `dir`. `banner` are the lines already in the app's banner that
    /// describe the first load (they are replaced by the first reload).
    pub fn new(dir: PathBuf, banner: Vec<String>) -> LiveReload {
        let watch = Watch::new(std::slice::from_ref(&dir));
        LiveReload {
            dir,
            watch,
            pending: None,
            banner,
        }
    }

    /// Whether a reload is due now, given what the watch says.
    fn due(&mut self, now: Instant) -> bool {
        if self.watch.changed() {
            self.pending = Some(match self.pending {
                Some((first, _)) => (first, now),
                None => (now, now),
            });
        }
        match self.pending {
            Some((first, last))
                if now.duration_since(last) >= SETTLE || now.duration_since(first) >= MAX_DELAY =>
            {
                self.pending = None;
                true
            }
            _ => false,
        }
    }
}

impl App {
    /// Reload the lessons when the folder changed (a no-op without `--lessons`).
    pub fn poll_reload(&mut self) {
        let Some(mut live) = self.reload.take() else {
            return;
        };
        if live.due(Instant::now()) {
            let reloaded = reload_dir(&self.catalog, &live.dir);
            self.apply_reload(reloaded, &mut live.banner);
        }
        self.reload = Some(live);
    }

    /// Show a reloaded catalog, keeping the position; `owned` are the banner
    /// lines the previous reload put up (replaced by this one's).
    pub fn apply_reload(&mut self, reloaded: Reloaded, owned: &mut Vec<String>) {
        let Reloaded {
            catalog,
            errors,
            kept,
        } = reloaded;
        self.replace_catalog(catalog);
        self.banner.retain(|line| !owned.contains(line));
        let mut lines: Vec<String> = errors
            .iter()
            .map(|e| format!("⚠ {}", text::sanitize(&e.to_string())))
            .collect();
        if !kept.is_empty() {
            let files: Vec<&str> = kept.iter().map(|k| k.path.as_str()).collect();
            let note = self.lang.pick(
                "이전 판을 보여 주는 중: ",
                "showing the last version that loaded: ",
            );
            lines.insert(
                1.min(lines.len()),
                format!("⚠ {note}{}", text::sanitize(&files.join(", "))),
            );
        }
        for (i, line) in lines.iter().enumerate() {
            self.banner.insert(i, line.clone());
        }
        *owned = lines;
    }

    /// Swap in a new catalog, keeping the lesson, section and scroll where
    /// they still make sense.
    pub fn replace_catalog(&mut self, catalog: Catalog) {
        self.catalog = catalog;
        self.cache = None;
        // The questions and exercises are rebuilt from the new lessons.
        self.blocks.set_built_for(None);
        let exists = self
            .lesson
            .as_deref()
            .is_some_and(|id| self.catalog.entry(id).is_some());
        if !exists {
            self.lesson = self.course_order().into_iter().next();
            self.section = 0;
            self.scroll = 0;
        } else {
            let count = self.section_count();
            if self.section >= count {
                self.section = count.saturating_sub(1);
                self.scroll = 0;
            }
        }
        if let Some(Overlay::Course { selected }) = &mut self.overlay {
            let last = self.catalog.lessons(self.lang).count().saturating_sub(1);
            *selected = (*selected).min(last);
        }
    }
}
