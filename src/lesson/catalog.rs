//! The course: every lesson keyed by id, in Korean and/or English, in course
//! order, with every problem found while loading kept for the user to see.

use super::files::{self, LessonFile, OpenError};
use super::loader::parse_lesson;
use super::model::{Lesson, LoadError};
use super::source::key_line;
use crate::lang::Lang;
use std::cmp::Ordering;
use std::path::Path;

/// One file parsed: its path as messages show it, the language its folder
/// gives, the lesson (when it loads) and the problems found.
struct Parsed {
    path: String,
    folder: Option<Lang>,
    lesson: Option<Lesson>,
    errors: Vec<LoadError>,
}

fn parse_one(prefix: &str, file: &LessonFile) -> Parsed {
    let path = format!("{prefix}{}", file.path);
    let folder = files::folder_lang(&file.path);
    let default = folder
        .or_else(|| files::suffix_lang(&file.path))
        .unwrap_or_else(|| files::text_lang(&file.text));
    let (lesson, errors) = parse_lesson(&path, &file.text, default);
    Parsed {
        path,
        folder,
        lesson,
        errors,
    }
}

/// Fewer files than this are parsed on the calling thread: starting threads
/// would cost more than it saves.
const PARALLEL_FROM: usize = 8;

/// Parse every file, in file order. Files are independent and most of the
/// time goes into their YAML (front matter, quiz and exercise blocks), so a
/// course of many files is split over the cores: the embedded course (34
/// files, about 450 KB) loads in about half the time on two cores. Plain
/// scoped threads do it; a thread-pool crate would add a dependency for one
/// loop.
fn parse_all(prefix: &str, files: &[LessonFile]) -> Vec<Parsed> {
    // `available_parallelism` reads cgroup files: asked only when there
    // are enough files for threads to pay.
    if files.len() < PARALLEL_FROM {
        return files.iter().map(|f| parse_one(prefix, f)).collect();
    }
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
    if threads < 2 {
        return files.iter().map(|f| parse_one(prefix, f)).collect();
    }
    // Every thread takes every n-th file, so the larger Korean files are
    // shared out rather than given to one thread.
    let mut slots: Vec<Option<Parsed>> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|t| {
                scope.spawn(move || {
                    files
                        .iter()
                        .enumerate()
                        .skip(t)
                        .step_by(threads)
                        .map(|(i, f)| (i, parse_one(prefix, f)))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        let mut slots: Vec<Option<Parsed>> = (0..files.len()).map(|_| None).collect();
        for worker in workers {
            let done = worker
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            for (i, parsed) in done {
                slots[i] = Some(parsed);
            }
        }
        slots
    });
    slots
        .iter_mut()
        .zip(files)
        .map(|(slot, f)| slot.take().unwrap_or_else(|| parse_one(prefix, f)))
        .collect()
}

/// One lesson id and its versions.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub id: String,
    pub ko: Option<Lesson>,
    pub en: Option<Lesson>,
}

impl Entry {
    /// The version in exactly this language.
    pub fn version(&self, lang: Lang) -> Option<&Lesson> {
        match lang {
            Lang::Ko => self.ko.as_ref(),
            Lang::En => self.en.as_ref(),
        }
    }

    /// The version in `lang`, else the other one (marked as a fallback).
    pub fn get(&self, lang: Lang) -> Option<Found<'_>> {
        self.version(lang)
            .map(|lesson| Found {
                lesson,
                fallback: false,
            })
            .or_else(|| {
                self.version(lang.other()).map(|lesson| Found {
                    lesson,
                    fallback: true,
                })
            })
    }

    fn slot(&mut self, lang: Lang) -> &mut Option<Lesson> {
        match lang {
            Lang::Ko => &mut self.ko,
            Lang::En => &mut self.en,
        }
    }
}

/// A lesson as shown to a student who asked for some language: `fallback`
/// says it is the other language's version because theirs does not exist.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Found<'a> {
    pub lesson: &'a Lesson,
    pub fallback: bool,
}

/// Lessons that share a `parent` (from just-the-docs front matter), in
/// course order. Lessons without a parent form the group with `parent: None`.
#[derive(Debug, Clone, PartialEq)]
pub struct Group<'a> {
    pub parent: Option<&'a str>,
    pub lessons: Vec<Found<'a>>,
}

/// The whole course.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Catalog {
    /// Sorted by id.
    entries: Vec<Entry>,
    /// Course order for Korean and for English readers: indexes into `entries`.
    order_ko: Vec<usize>,
    order_en: Vec<usize>,
    errors: Vec<LoadError>,
}

impl Catalog {
    /// The course compiled into the binary (`lessons/ko`, `lessons/en`).
    pub fn embedded() -> Catalog {
        Catalog::from_files("lessons/", files::embedded(), Vec::new())
    }

    /// The lessons in a folder: `ko/` and `en/` sub-folders, or files side by
    /// side whose language comes from front matter, a `.ko.md` / `.en.md`
    /// suffix, or the text itself. Paths in messages are relative to `dir`.
    pub fn from_dir(dir: &Path) -> Result<Catalog, OpenError> {
        let (files, errors) = files::read_dir(dir)?;
        let mut catalog = Catalog::from_files("", files, errors);
        catalog.set_folder(dir);
        Ok(catalog)
    }

    /// Say that the lessons were read from `root` (their paths relative to
    /// it): each setup's `apply -f` may then read files in its lesson's
    /// folder. Without it, lessons read no files.
    pub fn set_folder(&mut self, root: &Path) {
        for entry in &mut self.entries {
            for lesson in [&mut entry.ko, &mut entry.en].into_iter().flatten() {
                let folder = match lesson.path.rsplit_once('/') {
                    Some((dir, _)) => root.join(dir),
                    None => root.to_path_buf(),
                };
                lesson.set_folder(&folder);
            }
        }
    }

    /// The folder when one is given, else the embedded course.
    pub fn open(lessons: Option<&Path>) -> Result<Catalog, OpenError> {
        match lessons {
            Some(dir) => Catalog::from_dir(dir),
            None => Ok(Catalog::embedded()),
        }
    }

    /// Build a catalog from files already read. `prefix` goes before every
    /// path in messages (`lessons/` for the embedded course); `errors` are
    /// problems met while reading. Files should come sorted by path: when two
    /// files of one language share an id, the first one wins.
    pub fn from_files(prefix: &str, files: Vec<LessonFile>, mut errors: Vec<LoadError>) -> Catalog {
        for e in &mut errors {
            e.path = format!("{prefix}{}", e.path);
        }
        let mut entries: Vec<Entry> = Vec::new();
        let parsed = parse_all(prefix, &files);
        for (file, parsed) in files.iter().zip(parsed) {
            let Parsed {
                path,
                folder,
                lesson,
                errors: found,
            } = parsed;
            errors.extend(found);
            let Some(mut lesson) = lesson else { continue };
            if let Some(folder) = folder
                && lesson.lang != folder
            {
                errors.push(LoadError {
                    line: key_line(&file.text, 1, "lang", true).unwrap_or(1),
                    message: format!(
                        "front matter says lang: {} but the file is in the {folder}/ folder",
                        lesson.lang
                    ),
                    path: path.clone(),
                });
                lesson.lang = folder;
            }
            let at = match entries.binary_search_by(|e| e.id.as_str().cmp(&lesson.id)) {
                Ok(at) => at,
                Err(at) => {
                    entries.insert(
                        at,
                        Entry {
                            id: lesson.id.clone(),
                            ko: None,
                            en: None,
                        },
                    );
                    at
                }
            };
            let slot = entries[at].slot(lesson.lang);
            match slot {
                Some(first) => errors.push(LoadError {
                    path,
                    line: 1,
                    message: format!(
                        "duplicate lesson id `{}` in {}: {} has it too",
                        lesson.id,
                        lesson.lang.code(),
                        first.path
                    ),
                }),
                None => *slot = Some(lesson),
            }
        }
        errors.sort_by(|a, b| a.path.cmp(&b.path).then(a.line.cmp(&b.line)));
        Catalog {
            order_ko: course_order_of(&entries, Lang::Ko),
            order_en: course_order_of(&entries, Lang::En),
            entries,
            errors,
        }
    }

    /// The lesson `id` in `lang`, or in the other language with
    /// `fallback: true` when it has no `lang` version.
    pub fn get(&self, id: &str, lang: Lang) -> Option<Found<'_>> {
        self.entry(id)?.get(lang)
    }

    /// Both versions of the lesson `id`.
    pub fn entry(&self, id: &str) -> Option<&Entry> {
        self.entries
            .binary_search_by(|e| e.id.as_str().cmp(id))
            .ok()
            .map(|at| &self.entries[at])
    }

    /// Every lesson in course order for a `lang` reader: by `order` (lessons
    /// without one last), then by id.
    pub fn lessons(&self, lang: Lang) -> impl Iterator<Item = Found<'_>> {
        let order = match lang {
            Lang::Ko => &self.order_ko,
            Lang::En => &self.order_en,
        };
        order.iter().filter_map(move |&i| self.entries[i].get(lang))
    }

    /// The lessons grouped by `parent`, groups in the order of their first
    /// lesson.
    pub fn groups(&self, lang: Lang) -> Vec<Group<'_>> {
        let mut groups: Vec<Group<'_>> = Vec::new();
        for found in self.lessons(lang) {
            let parent = found.lesson.parent.as_deref();
            match groups.iter_mut().find(|g| g.parent == parent) {
                Some(g) => g.lessons.push(found),
                None => groups.push(Group {
                    parent,
                    lessons: vec![found],
                }),
            }
        }
        groups
    }

    /// Every lesson id and its versions, sorted by id.
    pub fn entries(&self) -> impl Iterator<Item = &Entry> {
        self.entries.iter()
    }

    /// The lessons (any language) loaded from the file at `path`.
    pub fn lessons_from<'a>(&'a self, path: &'a str) -> impl Iterator<Item = &'a Lesson> {
        self.entries
            .iter()
            .flat_map(|e| [e.ko.as_ref(), e.en.as_ref()])
            .flatten()
            .filter(move |l| l.path == path)
    }

    /// Add a lesson (live reload keeps a last good version this way). Returns
    /// false, changing nothing, when its id already has a version in its
    /// language.
    pub fn insert(&mut self, lesson: Lesson) -> bool {
        let at = match self
            .entries
            .binary_search_by(|e| e.id.as_str().cmp(&lesson.id))
        {
            Ok(at) => at,
            Err(at) => {
                self.entries.insert(
                    at,
                    Entry {
                        id: lesson.id.clone(),
                        ko: None,
                        en: None,
                    },
                );
                at
            }
        };
        let slot = self.entries[at].slot(lesson.lang);
        if slot.is_some() {
            return false;
        }
        *slot = Some(lesson);
        self.order_ko = course_order_of(&self.entries, Lang::Ko);
        self.order_en = course_order_of(&self.entries, Lang::En);
        true
    }

    /// Number of lesson ids.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Every problem found while loading, by path and line.
    pub fn errors(&self) -> &[LoadError] {
        &self.errors
    }
}

/// Indexes into `entries` in course order for a `lang` reader.
fn course_order_of(entries: &[Entry], lang: Lang) -> Vec<usize> {
    let mut order: Vec<usize> = (0..entries.len()).collect();
    order.sort_by(|&a, &b| course_order(&entries[a], &entries[b], lang));
    order
}

/// Course order for a `lang` reader, using the version that reader sees.
fn course_order(a: &Entry, b: &Entry, lang: Lang) -> Ordering {
    let order = |e: &Entry| e.get(lang).and_then(|f| f.lesson.order);
    match (order(a), order(b)) {
        (Some(x), Some(y)) => x.total_cmp(&y),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
    .then_with(|| a.id.cmp(&b.id))
}
