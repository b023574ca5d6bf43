//! The course catalog: folders, languages, fallback, ordering, duplicates,
//! and errors that never stop the other lessons from loading.

use kubetutor::lang::Lang;
use kubetutor::lesson::{Catalog, LessonFile, OpenError};
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/lessons")
        .join(name)
}

fn ids(catalog: &Catalog, lang: Lang) -> Vec<(String, Lang, bool)> {
    catalog
        .lessons(lang)
        .map(|f| (f.lesson.id.clone(), f.lesson.lang, f.fallback))
        .collect()
}

fn file(path: &str, text: &str) -> LessonFile {
    LessonFile {
        path: path.into(),
        text: text.into(),
    }
}

#[test]
fn ko_en_folders_with_fallback_both_ways() {
    let c = Catalog::from_dir(&fixture("course")).unwrap();
    assert_eq!(c.errors(), &[]);
    assert_eq!(c.len(), 4, "README files are not lessons");
    let s = |id: &str| id.to_string();
    assert_eq!(
        ids(&c, Lang::En),
        vec![
            (s("pods"), Lang::En, false),
            (s("pod-phases"), Lang::Ko, true),
            (s("services"), Lang::En, false),
            (s("zz-extra"), Lang::En, false),
        ]
    );
    assert_eq!(
        ids(&c, Lang::Ko),
        vec![
            (s("pods"), Lang::Ko, false),
            (s("pod-phases"), Lang::Ko, false),
            (s("services"), Lang::En, true),
            (s("zz-extra"), Lang::En, true),
        ]
    );
    let pods = c.get("pods", Lang::Ko).unwrap();
    assert!(!pods.fallback);
    assert_eq!(pods.lesson.title, "파드");
    assert_eq!(pods.lesson.path, "ko/01-pods.md");
    let phases = c.get("pod-phases", Lang::En).unwrap();
    assert!(phases.fallback);
    assert_eq!(phases.lesson.path, "ko/phases.md");
    assert_eq!(
        phases.lesson.sections.len(),
        3,
        "the empty trailing section is dropped"
    );
    assert!(c.get("nope", Lang::En).is_none());
    let entry = c.entry("pods").unwrap();
    assert_eq!(entry.version(Lang::En).unwrap().title, "Pods");
    assert!(c.entry("services").unwrap().version(Lang::Ko).is_none());
}

#[test]
fn flat_folder_languages_from_front_matter_suffix_or_text() {
    let c = Catalog::from_dir(&fixture("flat")).unwrap();
    assert_eq!(c.errors(), &[]);
    let e = c.entry("welcome").unwrap();
    assert_eq!(
        e.ko.as_ref().unwrap().title,
        "Welcome (Korean file)",
        ".ko.md suffix"
    );
    assert_eq!(e.en.as_ref().unwrap().title, "Welcome", ".en.md suffix");
    let only = |id: &str| {
        let e = c.entry(id).unwrap();
        match (&e.ko, &e.en) {
            (Some(_), None) => Lang::Ko,
            (None, Some(_)) => Lang::En,
            _ => panic!("{id} should exist in one language"),
        }
    };
    assert_eq!(only("notes"), Lang::Ko, "mostly Hangul, a .markdown file");
    assert_eq!(only("tools"), Lang::En, "English text");
    assert_eq!(
        only("declared"),
        Lang::Ko,
        "front matter lang wins over the text"
    );
    assert_eq!(only("deep"), Lang::En, "sub-folders are searched");
    assert_eq!(c.len(), 5, "README.md is skipped");
    assert_eq!(c.get("deep", Lang::En).unwrap().lesson.path, "sub/deep.md");
}

#[test]
fn broken_files_never_stop_the_rest() {
    let c = Catalog::from_dir(&fixture("broken")).unwrap();
    let errors: Vec<String> = c.errors().iter().map(ToString::to_string).collect();
    assert_eq!(
        errors,
        vec![
            "en/bad-exercise.md:9: exercise: `solution` is empty: give a manifest that passes the checks",
            "en/bad-exercise.md:10: exercise: timeout: invalid duration \"soon\": expected a number with a unit, like 30s, 5m or 1m30s",
            "en/bad-exercise.md:12: exercise: within: invalid duration \"fast\": expected a number with a unit, like 30s, 5m or 1m30s",
            "en/bad-exercise.md:16: cluster: unknown field `scenaro`, expected one of `scenario`, `runtime`, `apply`, `commands`, `caption`",
            "en/bad-front.md:1: front matter starts here but has no closing `---` line",
            "en/bad-quiz.md:11: quiz: missing field `question`",
            "en/bad-quiz.md:27: quiz: a choice question needs exactly one correct choice (found 2): mark it with `correct: true` or name it in `answer`",
            "en/bad-yaml.md:10: quiz: found unexpected end of stream, while scanning a quoted scalar at line 8",
            "en/dup-b.md:1: duplicate lesson id `twin` in en: en/dup-a.md has it too",
            "ko/unclosed.md:5: quiz: the block has no closing fence: it runs to the end of the lesson",
            "ko/wrong-lang.md:3: front matter says lang: en but the file is in the ko/ folder",
        ]
    );
    let loaded: Vec<String> = c.lessons(Lang::En).map(|f| f.lesson.id.clone()).collect();
    assert_eq!(
        loaded,
        vec![
            "good",
            "bad-quiz",
            "bad-exercise",
            "bad-yaml",
            "twin",
            "unclosed",
            "wrong-lang"
        ]
    );
    assert_eq!(
        c.get("twin", Lang::En).unwrap().lesson.title,
        "Twin A",
        "the first file wins"
    );
    let wrong = c.get("wrong-lang", Lang::Ko).unwrap();
    assert_eq!(
        (wrong.lesson.lang, wrong.fallback),
        (Lang::Ko, false),
        "the folder decides"
    );
}

#[test]
fn duplicate_ids_are_per_language() {
    let c = Catalog::from_files(
        "lessons/",
        vec![
            file("en/a.md", "---\nid: same\n---\ntext\n"),
            file("en/b.md", "---\nid: same\n---\ntext\n"),
            file("ko/c.md", "---\nid: same\n---\n본문\n"),
        ],
        vec![],
    );
    let errors: Vec<String> = c.errors().iter().map(ToString::to_string).collect();
    assert_eq!(
        errors,
        vec!["lessons/en/b.md:1: duplicate lesson id `same` in en: lessons/en/a.md has it too"]
    );
    let e = c.entry("same").unwrap();
    assert_eq!(e.en.as_ref().unwrap().path, "lessons/en/a.md");
    assert_eq!(e.ko.as_ref().unwrap().path, "lessons/ko/c.md");
}

#[test]
fn ordering_is_by_order_then_id_per_language() {
    let c = Catalog::from_files(
        "",
        vec![
            file("en/b.md", "---\norder: 2\n---\nb\n"),
            file("en/a.md", "---\norder: 2\n---\na\n"),
            file("en/c.md", "---\norder: 1.5\n---\nc\n"),
            file("en/z.md", "z\n"),
            file("en/y.md", "y\n"),
            // The Korean version of `y` has an order: Korean readers see it first.
            file("ko/y.md", "---\norder: 0\n---\n와이\n"),
        ],
        vec![],
    );
    let order = |lang| -> Vec<String> { c.lessons(lang).map(|f| f.lesson.id.clone()).collect() };
    assert_eq!(order(Lang::En), vec!["c", "a", "b", "y", "z"]);
    assert_eq!(order(Lang::Ko), vec!["y", "c", "a", "b", "z"]);
}

#[test]
fn parents_group_lessons_in_course_order() {
    let c = Catalog::from_files(
        "",
        vec![
            file(
                "a.md",
                "---\nparent: 8월 11일\nnav_order: 2\n---\n# A\n\n본문\n",
            ),
            file("b.md", "---\nnav_order: 1\n---\n# B\n\n본문\n"),
            file(
                "c.md",
                "---\nparent: 8월 11일\nnav_order: 3\n---\n# C\n\n본문\n",
            ),
            file(
                "d.md",
                "---\nparent: 8월 12일\nnav_order: 4\n---\n# D\n\n본문\n",
            ),
        ],
        vec![],
    );
    let groups: Vec<(Option<&str>, Vec<&str>)> = c
        .groups(Lang::Ko)
        .into_iter()
        .map(|g| {
            (
                g.parent,
                g.lessons.iter().map(|f| f.lesson.id.as_str()).collect(),
            )
        })
        .collect();
    assert_eq!(
        groups,
        vec![
            (None, vec!["b"]),
            (Some("8월 11일"), vec!["a", "c"]),
            (Some("8월 12일"), vec!["d"]),
        ]
    );
}

#[test]
fn a_jekyll_notes_folder_is_a_course() {
    let c = Catalog::from_dir(&fixture("jekyll")).unwrap();
    assert_eq!(c.errors(), &[]);
    let found = c.get("kubernetes-notes", Lang::Ko).unwrap();
    assert!(!found.fallback, "the notes are mostly Hangul: Korean");
    assert_eq!(found.lesson.parent.as_deref(), Some("8월 11일"));
    assert_eq!(found.lesson.path, "02-kubernetes-notes.md");
}

#[test]
fn unreadable_files_are_load_errors_with_the_prefix() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("en")).unwrap();
    std::fs::write(dir.path().join("en/ok.md"), "# Ok\n\ntext\n").unwrap();
    std::fs::write(dir.path().join("en/latin1.md"), b"# Caf\xe9\n").unwrap();
    let c = Catalog::from_dir(dir.path()).unwrap();
    let errors: Vec<String> = c.errors().iter().map(ToString::to_string).collect();
    // Issue #15 item 13: the message names the line and the byte offset.
    assert_eq!(
        errors,
        vec!["en/latin1.md:1: not UTF-8 text: invalid byte at line 1 (byte offset 5)"]
    );
    assert_eq!(c.len(), 1);
}

#[test]
fn folders_that_cannot_be_a_course() {
    let missing = fixture("does-not-exist");
    let err = Catalog::from_dir(&missing).unwrap_err();
    assert!(matches!(err, OpenError::Missing(_)));
    assert_eq!(
        err.to_string(),
        format!("lessons folder {} does not exist", missing.display())
    );
    let a_file = fixture("course/en/services.md");
    let err = Catalog::from_dir(&a_file).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "{} is a file: --lessons takes a folder of lesson files (.md or .markdown)",
            a_file.display()
        )
    );
    let empty = tempfile::tempdir().unwrap();
    std::fs::write(empty.path().join("README.md"), "# Not a lesson\n").unwrap();
    std::fs::write(empty.path().join("notes.txt"), "not markdown\n").unwrap();
    std::fs::create_dir(empty.path().join(".hidden")).unwrap();
    std::fs::write(empty.path().join(".hidden/x.md"), "# Hidden\n\ntext\n").unwrap();
    let err = Catalog::from_dir(empty.path()).unwrap_err();
    assert!(matches!(err, OpenError::NoLessons(_)), "{err}");
}

#[test]
fn the_embedded_course_loads_cleanly() {
    let c = Catalog::embedded();
    let errors: Vec<String> = c.errors().iter().map(ToString::to_string).collect();
    assert_eq!(errors, Vec::<String>::new());
    for found in c.lessons(Lang::En) {
        assert!(
            found.lesson.path.starts_with("lessons/ko/")
                || found.lesson.path.starts_with("lessons/en/")
        );
        assert!(!found.lesson.sections.is_empty());
    }
    assert_eq!(Catalog::open(None).unwrap(), c);
}
