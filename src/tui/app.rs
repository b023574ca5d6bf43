//! The interface's state and the one place it changes: [`App::apply`].

use super::action::{Action, Pane};
use super::blocks::look::Look;
use super::blocks::{self, Blocks, Marks};
use super::cluster::live::{DEFAULT_SEED, Live};
use super::console::Console;
use super::editor::Editor;
use super::editor::actions::ExternalRequest;
use super::i18n::Ui;
use crate::lang::Lang;
use crate::lesson::catalog::{Catalog, Found};
use crate::markdown::{self, BlockLines, Theme};
use crate::progress::Store;
use crate::timestamp::Timestamp;
use ratatui::layout::Rect;
use ratatui::text::{Line, Text};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    Help,
    /// The end of a lesson (`n` on its last section): what was done, what
    /// is left, the next lesson; `confirm`: asking whether to mark it done.
    LessonEnd {
        confirm: bool,
    },
    /// The first run's welcome (once; `?` shows it again in the help).
    Welcome,
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
    side_by_side: bool,
    /// [`Blocks::version`]: the live blocks changed.
    version: u64,
    code_column: usize,
}

/// Lines laid out past each edge of the lesson pane and kept with it: a
/// section longer than that window is laid out again (and streamed past)
/// when the pane scrolls out of it, so a huge section never sits in memory.
pub const WINDOW_MARGIN: usize = 1000;

/// The current section as the lesson pane draws it.
#[derive(Debug, Clone, Default)]
pub struct LessonView {
    /// The lines around the pane: the section's lines from
    /// [`LessonView::first`] on (all of them for a section that is not
    /// huge).
    pub text: Text<'static>,
    /// The section's line that `text` starts with.
    pub first: usize,
    /// How many lines the whole section has.
    pub total: usize,
    /// Where each interactive block is.
    pub blocks: Vec<BlockLines>,
    /// The focused block's cursor row and text caret (relative to its
    /// first line).
    pub marks: Marks,
    /// How far the widest code line goes past its frame (`h`/`l` scroll
    /// the code blocks sideways up to this).
    pub code_overflow: usize,
}

impl LessonView {
    /// Whether the lines from `scroll` to `scroll + rows` (or the end)
    /// are kept.
    pub fn covers(&self, scroll: usize, rows: usize) -> bool {
        let end = (scroll + rows).min(self.total);
        self.first <= scroll.min(end) && end <= self.first + self.text.lines.len()
    }

    /// The kept lines from the section's line `scroll` on.
    pub fn lines_from(&self, scroll: usize) -> &[Line<'static>] {
        let lines = &self.text.lines;
        &lines[scroll.saturating_sub(self.first).min(lines.len())..]
    }

    /// The lines of the focused block, and its cursor row and caret as
    /// lines of the section.
    pub fn focused(&self) -> Option<FocusedLines> {
        let index = self.marks.focused?;
        let b = *self.blocks.iter().find(|b| b.index == index)?;
        Some(FocusedLines {
            block: b,
            cursor: self.marks.cursor_row.map(|r| b.start + r),
            caret: self.marks.caret.map(|(r, c)| (b.start + r, c)),
        })
    }
}

/// Where the focused block is in the rendered section.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FocusedLines {
    pub block: BlockLines,
    /// The line of its cursor row.
    pub cursor: Option<usize>,
    /// The line and column of the text caret, while typing.
    pub caret: Option<(usize, usize)>,
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
    /// The pod-phase drill, when open: it takes the whole screen
    /// (src/tui/drill/).
    pub drill: Option<Box<super::drill::Drill>>,
    /// Warnings shown in a banner until dismissed.
    pub banner: Vec<String>,
    pub quit: bool,
    pub theme: Theme,
    pub color: bool,
    pub geometry: Geometry,
    /// Whether the last frame showed the lesson and the cluster side by
    /// side (a narrow terminal shows one pane at a time).
    pub side_by_side: bool,
    /// The lesson text's width and rows in the last frame: when they change
    /// (a resized terminal), the focused quiz or exercise is brought back
    /// into view.
    pub lesson_size: (u16, usize),
    /// First row of the help overlay's key table.
    pub help_scroll: usize,
    /// Rows the help overlay showed at once (PgDn scrolls that many).
    pub help_page: usize,
    /// The student has looked at the cluster pane on a narrow terminal
    /// (the lesson pane's notice about the hidden pane goes away).
    pub cluster_seen: bool,
    /// The column the lesson's code blocks are shown from (`h`/`l`); lines
    /// wider than their frame are cut with `…`.
    pub code_column: usize,
    store: Option<Store>,
    clock: fn() -> Timestamp,
    // pub(super): live reload (tui/reload.rs) drops it with the old lessons.
    pub(super) cache: Option<(CacheKey, LessonView)>,
    /// Live reload of a `--lessons` folder (tui/reload.rs); None otherwise.
    pub reload: Option<super::reload::LiveReload>,
    /// The live cluster (seeded with [`DEFAULT_SEED`]; see [`App::with_seed`]).
    pub live: Live,
    /// The command bar, its history and the last command's output.
    pub console: Console,
    /// The section's live quizzes and exercises.
    pub blocks: Blocks,
    /// The exercise editor, when open.
    pub editor: Option<Editor>,
    /// The external editor the event loop should run.
    pub(in crate::tui) external: Option<ExternalRequest>,
    /// Saves the progress off this thread, when the tutor runs in a
    /// terminal ([`App::save_in_background`]); tests save in place.
    saver: Option<crate::progress::background::Saver>,
    /// The last background save found the file busy: its change is still
    /// to be written (by the next save, or on exit).
    unsaved: bool,
    /// Milliseconds since the open editor's draft was last kept.
    draft_age_ms: u64,
    /// The signal (SIGTERM, SIGHUP) that ended the interface, if one did:
    /// the exit status is then 128 + its number, as a shell expects.
    pub ended_by: Option<i32>,
    /// The order of the choices of every question (with its id): the
    /// install seed of the progress file, 0 without one.
    shuffle_seed: u64,
}

/// How often an open editor's changed draft is saved.
pub const DRAFT_EVERY_MS: u64 = 3_000;

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
            drill: None,
            banner: Vec::new(),
            quit: false,
            theme: options.theme,
            color: options.color,
            geometry: Geometry::default(),
            side_by_side: true,
            lesson_size: (0, 0),
            help_scroll: 0,
            help_page: 10,
            cluster_seen: false,
            code_column: 0,
            store,
            clock: Timestamp::now,
            cache: None,
            reload: None,
            live: Live::new(DEFAULT_SEED),
            console: Console::default(),
            blocks: Blocks::default(),
            editor: None,
            external: None,
            saver: None,
            unsaved: false,
            draft_age_ms: 0,
            ended_by: None,
            shuffle_seed: 0,
        };
        app.shuffle_seed = app.store.as_mut().map_or(0, Store::install_seed);
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
        app.sync_blocks();
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
        let Some(lesson) = self.catalog.get(id, self.lang).map(|f| f.lesson) else {
            return;
        };
        let block = |i: usize| lesson.sections.get(i).and_then(|s| s.cluster());
        if let Some(c) = block(self.section) {
            self.live.open_section(id, self.section, Some(&c.value));
            return;
        }
        let from_another_lesson = self
            .live
            .origin
            .as_ref()
            .is_some_and(|(origin, _)| origin != id);
        if !from_another_lesson || self.live.showing() {
            self.live.open_section(id, self.section, None);
            return;
        }
        // Another lesson's cluster (and caption) must not stay: this
        // lesson's cluster block before this section, else its first one.
        let governing = (0..=self.section)
            .rev()
            .find(|&i| block(i).is_some())
            .or_else(|| (0..lesson.sections.len()).find(|&i| block(i).is_some()));
        match governing.and_then(|i| block(i).map(|c| (i, c))) {
            Some((i, c)) => self.live.open_section(id, i, Some(&c.value)),
            None => self.live.forget_origin(),
        }
    }

    /// Attach the progress file after the start, without recording a visit
    /// to the starting section (`kubetutor drill` opens no lesson).
    pub fn with_store(mut self, store: Option<Store>) -> App {
        self.store = store;
        self.shuffle_seed = self.store.as_mut().map_or(0, Store::install_seed);
        self.rebuild_blocks();
        self
    }

    /// Show every question's choices in the order this seed gives
    /// (`kubetutor quiz --seed N`, tests), instead of the install seed's.
    pub fn with_shuffle_seed(mut self, seed: u64) -> App {
        self.shuffle_seed = seed;
        self.rebuild_blocks();
        self
    }

    /// The seed the questions' choices are shuffled with.
    pub fn shuffle_seed(&self) -> u64 {
        self.shuffle_seed
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

    /// For the drill, which records its reviews (src/tui/drill/).
    pub(in crate::tui) fn store_mut(&mut self) -> Option<&mut Store> {
        self.store.as_mut()
    }

    /// The app's clock (fixed in tests).
    pub fn now(&self) -> Timestamp {
        (self.clock)()
    }

    /// The current section rendered at `width` with its live blocks, the
    /// lines kept for a pane of `rows` rows scrolled to [`App::scroll`]
    /// (and [`WINDOW_MARGIN`] around it); cached until the lesson,
    /// section, language, width or a block changes, or the pane scrolls
    /// out of the kept lines.
    pub fn lesson_view(&mut self, width: u16, rows: usize) -> &LessonView {
        self.sync_blocks();
        let key = CacheKey {
            lesson: self.lesson.clone().unwrap_or_default(),
            lang: self.lang,
            section: self.section,
            width,
            side_by_side: self.side_by_side,
            version: self.blocks.version,
            code_column: self.code_column,
        };
        let scroll = self.scroll;
        let stale = self
            .cache
            .as_ref()
            .is_none_or(|(cached, view)| *cached != key || !view.covers(scroll, rows));
        if stale {
            let keep = scroll.saturating_sub(WINDOW_MARGIN)..scroll + rows + WINDOW_MARGIN;
            let ui = Ui::new(self.lang);
            let look = Look::new(self.color);
            let section = self.section;
            let mut marks = Marks::default();
            let found = self
                .lesson
                .as_deref()
                .and_then(|id| self.catalog.get(id, self.lang));
            let rendered = found
                .and_then(|f| f.lesson.sections.get(section))
                .map(|s| {
                    let paint = blocks::Paint {
                        theme: &self.theme,
                        look: &look,
                        ui: &ui,
                        section,
                        cluster_hidden: !self.side_by_side,
                    };
                    markdown::render_section_window(
                        s,
                        width,
                        &self.theme,
                        self.lang,
                        markdown::CodeLines::Clip(self.code_column),
                        &mut |i, b, w| {
                            blocks::draw_block(&self.blocks, i, b, w, &paint, &mut marks)
                        },
                        keep,
                    )
                })
                .unwrap_or_default();
            marks.focused = self.blocks.focus;
            let view = LessonView {
                text: rendered.text,
                first: rendered.first,
                total: rendered.total,
                blocks: rendered.blocks,
                marks,
                code_overflow: rendered.code_overflow,
            };
            self.cache = Some((key.clone(), view));
        }
        &self
            .cache
            .get_or_insert_with(|| (key, LessonView::default()))
            .1
    }

    /// Where the student is: lesson, section, language.
    fn place(&self) -> (Option<String>, usize, Lang) {
        (self.lesson.clone(), self.section, self.lang)
    }

    pub fn apply(&mut self, action: Action) {
        if let Action::Tick(ms) = action {
            self.blocks_tick();
            self.autosave_draft(ms);
            if let Some(saver) = &self.saver {
                let done = saver.poll();
                self.take_saves(done);
            }
        }
        let place = self.place();
        self.apply_action(action);
        if self.place() != place {
            self.left_section();
            self.code_column = 0;
        }
        self.sync_blocks();
        self.open_section_cluster();
    }

    /// The interface is closing: keep the editor's draft, and wait for the
    /// saves still running. A save that found the file busy is tried once
    /// more, in place (waiting at most the lock's second).
    pub fn on_exit(&mut self) {
        self.save_editor_draft();
        let Some(saver) = self.saver.take() else {
            return;
        };
        self.take_saves(saver.finish());
        if self.unsaved {
            self.save_progress();
        }
    }

    /// Keep the editor's draft every [`DRAFT_EVERY_MS`] while it differs
    /// from the one saved, so a crash or a `kill -9` loses seconds of
    /// typing, not the session's.
    fn autosave_draft(&mut self, ms: u64) {
        if self.editor.is_none() {
            self.draft_age_ms = 0;
            return;
        }
        self.draft_age_ms += ms;
        if self.draft_age_ms >= DRAFT_EVERY_MS {
            self.draft_age_ms = 0;
            // Saves only when the text changed since the last draft.
            self.save_editor_draft();
        }
    }

    /// From now on save the progress on a worker thread: the lock and the
    /// disk never hold up a key press.
    pub fn save_in_background(&mut self) {
        self.saver = Some(crate::progress::background::Saver::new());
    }

    /// Save the progress (queued, when saving in the background); a
    /// failure goes to the banner (once).
    pub(in crate::tui) fn save_progress(&mut self) {
        let Some(store) = self.store.as_mut() else {
            return;
        };
        if let Some(saver) = &self.saver {
            saver.save(store);
            return;
        }
        if let Err(e) = store.save() {
            self.banner_once(e.to_string());
        }
    }

    /// Take in finished background saves.
    fn take_saves(&mut self, done: Vec<crate::progress::background::Saved>) {
        for saved in done {
            if let (Some(store), Some(merged)) = (self.store.as_mut(), saved.merged) {
                store.absorb(merged);
            }
            self.unsaved = matches!(
                saved.result,
                Err(crate::progress::ProgressError::Busy { .. })
            );
            if let Err(e) = saved.result {
                self.banner_once(e.to_string());
            }
        }
    }

    pub(in crate::tui) fn banner_once(&mut self, message: String) {
        if !self.banner.contains(&message) {
            self.banner.push(message);
        }
    }

    fn apply_action(&mut self, action: Action) {
        // The pod-phase drill, when open, goes first (src/tui/drill/).
        if self.drill_action(action) {
            return;
        }
        if self.cluster_action(action) {
            return;
        }
        match action {
            Action::Quit => {
                self.save_editor_draft();
                self.quit = true
            }
            Action::Block(key) => self.block_action(key),
            Action::Editor(key) => self.editor_action(key),
            Action::ScrollHelp(lines) => {
                self.help_scroll = (self.help_scroll as i64 + lines as i64).max(0) as usize
            }
            Action::HelpPage(pages) => {
                let by = pages as i64 * self.help_page.saturating_sub(1).max(1) as i64;
                self.help_scroll = (self.help_scroll as i64 + by).max(0) as usize
            }
            Action::NextSection => self.step(1),
            Action::PrevSection => self.step(-1),
            Action::Scroll(lines) => self.scroll_by(lines as i64),
            Action::ScrollCode(cols) => {
                let most = self.cache.as_ref().map_or(0, |(_, v)| v.code_overflow);
                self.code_column =
                    (self.code_column as i64 + cols as i64).clamp(0, most as i64) as usize;
            }
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
                };
                self.cluster_seen |= self.focus == Pane::Cluster;
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
                // Over the drill, the help opens at the drill's keys.
                self.help_scroll = match self.drill {
                    Some(_) => super::views::help::row_of(
                        super::i18n::Group::Drill,
                        &super::i18n::Ui::new(self.lang),
                    ),
                    None => 0,
                };
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
            Action::OpenSelected => match self.overlay {
                Some(Overlay::Course { selected }) => {
                    if let Some(id) = self.course_order().get(selected).cloned() {
                        self.open(&id, 0);
                    }
                    self.overlay = None;
                }
                Some(Overlay::LessonEnd { .. }) => {
                    self.overlay = None;
                    if let Some(next) = self.next_lesson() {
                        self.open(&next, 0);
                    }
                }
                _ => {}
            },
            Action::MarkDone => {
                if let Some(Overlay::LessonEnd { confirm }) = &mut self.overlay {
                    *confirm = true;
                }
            }
            Action::ConfirmMark(yes) => {
                if let Some(Overlay::LessonEnd { confirm }) = &mut self.overlay {
                    *confirm = false;
                    if yes {
                        self.mark_done();
                    }
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

    /// The lesson after the current one in course order.
    pub fn next_lesson(&self) -> Option<String> {
        let id = self.lesson.as_deref()?;
        let order = self.course_order();
        let at = order.iter().position(|o| o == id)?;
        order.get(at + 1).cloned()
    }

    /// The student marks the current lesson done (after confirming).
    fn mark_done(&mut self) {
        let (Some(id), Some(store)) = (self.lesson.clone(), self.store.as_mut()) else {
            return;
        };
        store.mark_done(&id, (self.clock)());
        self.save_progress();
    }

    /// Move by sections, crossing into the previous lesson at the start;
    /// past the last section, the end-of-lesson page (never a silent jump).
    fn step(&mut self, delta: i32) {
        let Some(id) = self.lesson.clone() else {
            return;
        };
        let count = self.section_count();
        if delta > 0 && self.section + 1 >= count {
            self.overlay = Some(Overlay::LessonEnd { confirm: false });
            return;
        }
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
    /// has been seen is read (completed is the work: see
    /// [`App::check_completed`]).
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
            store.read_lesson(&id, now);
        }
        self.check_completed();
        self.save_progress();
    }

    /// The first run: the welcome over the lesson (once; the progress file
    /// remembers it).
    pub fn welcome_if_first_run(&mut self) {
        let now = (self.clock)();
        if self.store.as_mut().is_some_and(|s| s.welcome_once(now)) {
            self.overlay = Some(Overlay::Welcome);
            self.save_progress();
        }
    }

    /// The cluster pane is hidden (a narrow terminal) while the section has
    /// set a cluster up: the status bar and the lesson pane say Tab shows it.
    pub fn cluster_hidden(&self) -> bool {
        !self.side_by_side
            && self.focus == Pane::Lesson
            && self.live.origin.as_ref().is_some_and(|(id, section)| {
                self.lesson.as_deref() == Some(id.as_str()) && *section <= self.section
            })
    }

    /// What the current lesson asks of the student to be completed.
    pub fn needs(&self) -> Option<crate::progress::Needs> {
        self.current().map(|f| crate::progress::Needs::of(f.lesson))
    }

    /// The current lesson is completed once every quiz is answered and
    /// every exercise passed (recorded in the progress; the caller saves).
    pub(in crate::tui) fn check_completed(&mut self) {
        let (Some(id), Some(needs)) = (self.lesson.clone(), self.needs()) else {
            return;
        };
        let now = (self.clock)();
        if let Some(store) = self.store.as_mut() {
            store.complete_if_done(&id, &needs, now);
        }
    }
}
