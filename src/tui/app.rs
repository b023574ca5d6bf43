//! The interface's state and the one place it changes: [`App::apply`].

use super::action::{Action, Pane};
use super::cluster::live::{DEFAULT_SEED, Live};
use super::console::Console;
use crate::lang::Lang;
use crate::lesson::catalog::{Catalog, Found};
use crate::markdown::{self, Theme};
use crate::progress::Store;
use crate::timestamp::Timestamp;
use ratatui::layout::Rect;
use ratatui::text::Text;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    Help,
    /// The course list, with the selected row (an index into course order).
    Course {
        selected: usize,
    },
}

/// Where the last frame put things: mouse hit-testing and page sizes use it.
#[derive(Debug, Clone, Copy, Default)]
pub struct Geometry {
    pub lesson: Option<Rect>,
    pub cluster: Option<Rect>,
    /// Rows of lesson text visible at once.
    pub lesson_rows: usize,
    /// Lines of the rendered section.
    pub lesson_lines: usize,
    /// Rows of the cluster pane's scrolling part, and its lines.
    pub cluster_rows: usize,
    pub cluster_lines: usize,
    /// The command output panel, its text rows and columns.
    pub output: Option<Rect>,
    pub output_rows: usize,
    pub output_width: usize,
}

impl Geometry {
    fn max_scroll(&self) -> usize {
        self.lesson_lines.saturating_sub(self.lesson_rows)
    }
}

/// How the app starts.
pub struct Options {
    pub lang: Lang,
    /// Open this lesson instead of resuming.
    pub start: Option<String>,
    pub theme: Theme,
    /// Whether colours may be used (false under NO_COLOR).
    pub color: bool,
}

#[derive(PartialEq, Eq, Clone)]
pub(super) struct CacheKey {
    lesson: String,
    lang: Lang,
    section: usize,
    width: u16,
}

pub struct App {
    pub catalog: Catalog,
    pub lang: Lang,
    // pub(super): live reload (tui/reload.rs) keeps the position.
    pub(super) lesson: Option<String>,
    pub section: usize,
    pub scroll: usize,
    pub focus: Pane,
    pub overlay: Option<Overlay>,
    /// Warnings shown in a banner until dismissed.
    pub banner: Vec<String>,
    pub quit: bool,
    pub theme: Theme,
    pub color: bool,
    pub geometry: Geometry,
    store: Option<Store>,
    clock: fn() -> Timestamp,
    // pub(super): live reload (tui/reload.rs) drops it with the old lessons.
    pub(super) cache: Option<(CacheKey, Text<'static>)>,
    /// Live reload of a `--lessons` folder (tui/reload.rs); None otherwise.
    pub reload: Option<super::reload::LiveReload>,
    /// The live cluster (seeded with [`DEFAULT_SEED`]; see [`App::with_seed`]).
    pub live: Live,
    /// The command bar, its history and the last command's output.
    pub console: Console,
}

impl App {
    /// A new app on `catalog`. The starting lesson is `options.start`, else
    /// the saved position, else the first lesson of the course.
    pub fn new(catalog: Catalog, options: Options, store: Option<Store>) -> App {
        let mut app = App {
            catalog,
            lang: options.lang,
            lesson: None,
            section: 0,
            scroll: 0,
            focus: Pane::Lesson,
            overlay: None,
            banner: Vec::new(),
            quit: false,
            theme: options.theme,
            color: options.color,
            geometry: Geometry::default(),
            store,
            clock: Timestamp::now,
            cache: None,
            reload: None,
            live: Live::new(DEFAULT_SEED),
            console: Console::default(),
        };
        let resume = app
            .store
            .as_ref()
            .and_then(|s| s.position())
            .map(|p| (p.lesson.clone(), p.section));
        let (id, section) = match (&options.start, resume) {
            (Some(id), _) => (Some(id.clone()), 0),
            (None, Some((id, section))) if app.catalog.entry(&id).is_some() => (Some(id), section),
            _ => (app.course_order().into_iter().next(), 0),
        };
        app.lesson = id.filter(|id| app.catalog.entry(id).is_some());
        if app.lesson.is_none() {
            app.lesson = app.course_order().into_iter().next();
        }
        app.section = section.min(app.section_count().saturating_sub(1));
        app.record_visit();
        app.open_section_cluster();
        app
    }

    /// Use another seed for the live cluster (tests); the current section's
    /// cluster block is set up again with it.
    pub fn with_seed(mut self, seed: u64) -> App {
        self.live = Live::new(seed);
        self.open_section_cluster();
        self
    }

    /// Set the cluster up from the current section's `cluster` block when
    /// that section has just opened (see [`Live::open_section`]).
    fn open_section_cluster(&mut self) {
        let Some(id) = self.lesson.as_deref() else {
            return;
        };
        let setup = self
            .catalog
            .get(id, self.lang)
            .and_then(|f| f.lesson.sections.get(self.section))
            .and_then(|s| s.cluster())
            .map(|c| &c.value);
        self.live.open_section(id, self.section, setup);
    }

    /// Use a fixed clock (tests).
    pub fn with_clock(mut self, clock: fn() -> Timestamp) -> App {
        self.clock = clock;
        self
    }

    /// Lesson ids in course order for the current language.
    pub fn course_order(&self) -> Vec<String> {
        self.catalog
            .lessons(self.lang)
            .map(|f| f.lesson.id.clone())
            .collect()
    }

    pub fn lesson_id(&self) -> Option<&str> {
        self.lesson.as_deref()
    }

    /// The current lesson in the current language (or its fallback).
    pub fn current(&self) -> Option<Found<'_>> {
        self.lesson
            .as_deref()
            .and_then(|id| self.catalog.get(id, self.lang))
    }

    pub fn section_count(&self) -> usize {
        self.current().map_or(0, |f| f.lesson.sections.len())
    }

    pub fn store(&self) -> Option<&Store> {
        self.store.as_ref()
    }

    /// The current section rendered at `width`, cached until the lesson,
    /// section, language or width changes.
    pub fn rendered(&mut self, width: u16) -> &Text<'static> {
        let key = CacheKey {
            lesson: self.lesson.clone().unwrap_or_default(),
            lang: self.lang,
            section: self.section,
            width,
        };
        if self.cache.as_ref().is_none_or(|(cached, _)| *cached != key) {
            let text = self
                .current()
                .and_then(|f| f.lesson.sections.get(self.section))
                .map(|s| markdown::render_section(s, width, &self.theme))
                .unwrap_or_default();
            self.cache = Some((key.clone(), text));
        }
        &self.cache.get_or_insert_with(|| (key, Text::default())).1
    }

    pub fn apply(&mut self, action: Action) {
        self.apply_action(action);
        self.open_section_cluster();
    }

    fn apply_action(&mut self, action: Action) {
        if self.cluster_action(action) {
            return;
        }
        match action {
            Action::Quit => self.quit = true,
            Action::NextSection => self.step(1),
            Action::PrevSection => self.step(-1),
            Action::Scroll(lines) => self.scroll_by(lines as i64),
            Action::PageDown => self.scroll_by(self.page() as i64),
            Action::PageUp => self.scroll_by(-(self.page() as i64)),
            Action::Top => self.scroll = 0,
            Action::Bottom => self.scroll = self.geometry.max_scroll(),
            Action::Wheel { column, row, lines } => {
                let inside = |r: Option<Rect>| {
                    r.is_some_and(|r| {
                        column >= r.x && column < r.right() && row >= r.y && row < r.bottom()
                    })
                };
                if inside(self.geometry.lesson) {
                    self.scroll_by(lines as i64);
                }
            }
            Action::FocusNext => {
                self.focus = match self.focus {
                    Pane::Lesson => Pane::Cluster,
                    Pane::Cluster => Pane::Lesson,
                }
            }
            Action::ToggleCourse => {
                self.overlay = match self.overlay {
                    Some(Overlay::Course { .. }) => None,
                    _ => {
                        let order = self.course_order();
                        let selected = self
                            .lesson
                            .as_ref()
                            .and_then(|id| order.iter().position(|o| o == id))
                            .unwrap_or(0);
                        Some(Overlay::Course { selected })
                    }
                }
            }
            Action::ToggleHelp => {
                self.overlay = match self.overlay {
                    Some(Overlay::Help) => None,
                    _ => Some(Overlay::Help),
                }
            }
            Action::ToggleLanguage => {
                self.lang = self.lang.other();
                self.section = self.section.min(self.section_count().saturating_sub(1));
                self.record_visit();
            }
            Action::DismissBanner => self.banner.clear(),
            Action::Select(delta) => {
                if let Some(Overlay::Course { selected }) = &mut self.overlay {
                    let last = self.catalog.lessons(self.lang).count().saturating_sub(1);
                    *selected = match delta {
                        i32::MIN => 0,
                        i32::MAX => last,
                        d => (*selected as i64 + d as i64).clamp(0, last as i64) as usize,
                    };
                }
            }
            Action::OpenSelected => {
                if let Some(Overlay::Course { selected }) = self.overlay {
                    if let Some(id) = self.course_order().get(selected).cloned() {
                        self.open(&id, 0);
                    }
                    self.overlay = None;
                }
            }
            Action::CloseOverlay => self.overlay = None,
            _ => {}
        }
    }

    /// Go to `section` of lesson `id`.
    pub fn open(&mut self, id: &str, section: usize) {
        if self.catalog.entry(id).is_none() {
            return;
        }
        self.lesson = Some(id.to_string());
        self.section = section.min(self.section_count().saturating_sub(1));
        self.scroll = 0;
        self.record_visit();
    }

    fn page(&self) -> usize {
        self.geometry.lesson_rows.saturating_sub(1).max(1)
    }

    fn scroll_by(&mut self, lines: i64) {
        let max = self.geometry.max_scroll() as i64;
        self.scroll = (self.scroll as i64 + lines).clamp(0, max.max(0)) as usize;
    }

    /// Move by sections, crossing into the next or previous lesson at the ends.
    fn step(&mut self, delta: i32) {
        let Some(id) = self.lesson.clone() else {
            return;
        };
        let count = self.section_count();
        if delta > 0 && self.section + 1 < count {
            self.section += 1;
        } else if delta < 0 && self.section > 0 {
            self.section -= 1;
        } else {
            let order = self.course_order();
            let Some(at) = order.iter().position(|o| *o == id) else {
                return;
            };
            let target = if delta > 0 {
                order.get(at + 1)
            } else {
                at.checked_sub(1).and_then(|i| order.get(i))
            };
            let Some(target) = target.cloned() else {
                return;
            };
            self.lesson = Some(target);
            self.section = if delta > 0 {
                0
            } else {
                self.section_count().saturating_sub(1)
            };
        }
        self.scroll = 0;
        self.record_visit();
    }

    /// Record the visit in the progress file; a lesson whose every section
    /// has been seen is complete.
    fn record_visit(&mut self) {
        let (Some(id), Some(store)) = (self.lesson.clone(), self.store.as_mut()) else {
            return;
        };
        let now = (self.clock)();
        store.visit_section(&id, self.section, self.lang, now);
        let total = self
            .catalog
            .get(&id, self.lang)
            .map_or(0, |f| f.lesson.sections.len());
        let seen = store.lesson(&id).map_or(0, |l| l.sections.len());
        if total > 0 && seen >= total {
            store.complete_lesson(&id, now);
        }
        if let Err(e) = store.save() {
            let msg = e.to_string();
            if !self.banner.contains(&msg) {
                self.banner.push(msg);
            }
        }
    }
}
