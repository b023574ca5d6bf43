//! Live reload's merge: the catalog on screen plus the files as they are now
//! give the catalog to show next (src/lesson/reload.rs).

use kubetutor::lang::Lang;
use kubetutor::lesson::model::Block;
use kubetutor::lesson::reload::{Kept, reload_dir, reload_files};
use kubetutor::lesson::{Catalog, LessonFile};

fn file(path: &str, text: &str) -> LessonFile {
    LessonFile {
        path: path.to_string(),
        text: text.to_string(),
    }
}

fn lesson(id: &str, order: u32, body: &str) -> String {
    format!("---\nid: {id}\norder: {order}\n---\n# {id}\n\n{body}\n")
}

/// Unclosed front matter: the file gives no lesson at all.
const BROKEN: &str = "---\nid: pods\ntitle: Pods\n\n# Pods\n\nnew text\n";

fn catalog(files: &[LessonFile]) -> Catalog {
    Catalog::from_files("", files.to_vec(), Vec::new())
}

fn text_of(c: &Catalog, id: &str, lang: Lang) -> String {
    let found = c.get(id, lang).unwrap();
    assert!(!found.fallback, "{id} in {lang:?}");
    match &found.lesson.sections[0].blocks[0] {
        Block::Markdown(m) => m.clone(),
        other => panic!("{other:?}"),
    }
}

fn ids(c: &Catalog, lang: Lang) -> Vec<String> {
    c.lessons(lang).map(|f| f.lesson.id.clone()).collect()
}

fn start() -> Catalog {
    let c = catalog(&[
        file("en/01-pods.md", &lesson("pods", 1, "Pods, first version.")),
        file("en/02-nodes.md", &lesson("nodes", 2, "Nodes.")),
        file("ko/01-pods.md", &lesson("pods", 1, "파드, 첫 판.")),
    ]);
    assert_eq!(c.errors(), &[]);
    c
}

#[test]
fn an_edited_file_shows_its_new_text() {
    let r = reload_files(
        &start(),
        vec![
            file("en/01-pods.md", &lesson("pods", 1, "Pods, second version.")),
            file("en/02-nodes.md", &lesson("nodes", 2, "Nodes.")),
            file("ko/01-pods.md", &lesson("pods", 1, "파드, 첫 판.")),
        ],
        Vec::new(),
    );
    assert_eq!(r.errors, vec![]);
    assert_eq!(r.kept, vec![]);
    assert_eq!(
        text_of(&r.catalog, "pods", Lang::En),
        "Pods, second version."
    );
    assert_eq!(ids(&r.catalog, Lang::En), ["pods", "nodes"]);
}

#[test]
fn a_file_that_no_longer_loads_keeps_its_last_good_version() {
    let r = reload_files(
        &start(),
        vec![
            file("en/01-pods.md", BROKEN),
            file("en/02-nodes.md", &lesson("nodes", 2, "Nodes, edited.")),
            file("ko/01-pods.md", &lesson("pods", 1, "파드, 둘째 판.")),
        ],
        Vec::new(),
    );
    let errors: Vec<String> = r.errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        errors,
        ["en/01-pods.md:1: front matter starts here but has no closing `---` line"]
    );
    assert_eq!(
        r.kept,
        vec![Kept {
            id: "pods".into(),
            lang: Lang::En,
            path: "en/01-pods.md".into(),
        }]
    );
    // The English version is the old one; the Korean file loaded, so it is new.
    assert_eq!(
        text_of(&r.catalog, "pods", Lang::En),
        "Pods, first version."
    );
    assert_eq!(text_of(&r.catalog, "pods", Lang::Ko), "파드, 둘째 판.");
    assert_eq!(text_of(&r.catalog, "nodes", Lang::En), "Nodes, edited.");
    // The kept lesson keeps its place in the course, and the errors stay
    // on the catalog for `list`.
    assert_eq!(ids(&r.catalog, Lang::En), ["pods", "nodes"]);
    assert_eq!(r.catalog.errors(), &r.errors[..]);
}

#[test]
fn the_kept_version_survives_several_broken_saves_and_goes_once_fixed() {
    let broken = vec![
        file("en/01-pods.md", BROKEN),
        file("en/02-nodes.md", &lesson("nodes", 2, "Nodes.")),
        file("ko/01-pods.md", &lesson("pods", 1, "파드, 첫 판.")),
    ];
    let once = reload_files(&start(), broken.clone(), Vec::new());
    let twice = reload_files(&once.catalog, broken, Vec::new());
    assert_eq!(twice.kept.len(), 1);
    assert_eq!(
        text_of(&twice.catalog, "pods", Lang::En),
        "Pods, first version."
    );
    let fixed = reload_files(
        &twice.catalog,
        vec![
            file("en/01-pods.md", &lesson("pods", 1, "Pods, fixed.")),
            file("en/02-nodes.md", &lesson("nodes", 2, "Nodes.")),
            file("ko/01-pods.md", &lesson("pods", 1, "파드, 첫 판.")),
        ],
        Vec::new(),
    );
    assert_eq!(fixed.errors, vec![]);
    assert_eq!(fixed.kept, vec![]);
    assert_eq!(text_of(&fixed.catalog, "pods", Lang::En), "Pods, fixed.");
}

#[test]
fn a_broken_block_shows_the_new_version_with_an_error_box() {
    let text = "---\nid: pods\norder: 1\n---\n# pods\n\nPods, with a quiz.\n\n```quiz\nid: q\nkind: nope\n```\n";
    let r = reload_files(
        &start(),
        vec![
            file("en/01-pods.md", text),
            file("en/02-nodes.md", &lesson("nodes", 2, "Nodes.")),
        ],
        Vec::new(),
    );
    assert_eq!(r.kept, vec![], "the file still gives a lesson");
    assert_eq!(r.errors.len(), 1);
    assert_eq!(r.errors[0].path, "en/01-pods.md");
    assert_eq!(r.errors[0].line, 11);
    let pods = r.catalog.get("pods", Lang::En).unwrap().lesson;
    assert!(matches!(pods.sections[0].blocks[1], Block::Invalid { .. }));
}

#[test]
fn deleted_files_and_changed_ids_take_their_lessons_with_them() {
    let r = reload_files(
        &start(),
        vec![
            file("en/01-pods.md", &lesson("pod-basics", 1, "Renamed.")),
            file("ko/01-pods.md", &lesson("pods", 1, "파드, 첫 판.")),
        ],
        Vec::new(),
    );
    assert_eq!(r.errors, vec![]);
    assert_eq!(r.kept, vec![]);
    assert_eq!(ids(&r.catalog, Lang::En), ["pod-basics", "pods"]);
    assert!(
        r.catalog.get("pods", Lang::En).unwrap().fallback,
        "only the Korean pods is left"
    );
    assert!(r.catalog.entry("nodes").is_none());
}

#[test]
fn a_new_broken_file_only_reports_its_error() {
    let r = reload_files(
        &start(),
        vec![
            file("en/01-pods.md", &lesson("pods", 1, "Pods, first version.")),
            file("en/02-nodes.md", &lesson("nodes", 2, "Nodes.")),
            file("en/03-new.md", "---\nid: new\n"),
            file("ko/01-pods.md", &lesson("pods", 1, "파드, 첫 판.")),
        ],
        Vec::new(),
    );
    assert_eq!(r.kept, vec![]);
    assert_eq!(r.errors.len(), 1);
    assert_eq!(r.errors[0].path, "en/03-new.md");
    assert!(r.catalog.entry("new").is_none());
    assert_eq!(r.catalog.len(), 2);
}

#[test]
fn a_file_that_takes_another_lessons_id_keeps_its_own_last_version() {
    let r = reload_files(
        &start(),
        vec![
            file("en/01-pods.md", &lesson("pods", 1, "Pods, first version.")),
            file("en/02-nodes.md", &lesson("pods", 2, "Nodes now says pods.")),
        ],
        Vec::new(),
    );
    let errors: Vec<String> = r.errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        errors,
        ["en/02-nodes.md:1: duplicate lesson id `pods` in en: en/01-pods.md has it too"]
    );
    assert_eq!(r.kept.len(), 1);
    assert_eq!(r.kept[0].id, "nodes");
    assert_eq!(text_of(&r.catalog, "nodes", Lang::En), "Nodes.");
    assert_eq!(
        text_of(&r.catalog, "pods", Lang::En),
        "Pods, first version."
    );
}

#[test]
fn unreadable_files_count_as_failed_loads() {
    let unreadable = kubetutor::lesson::model::LoadError {
        path: "en/02-nodes.md".into(),
        line: 0,
        message: "not UTF-8 text".into(),
    };
    let r = reload_files(
        &start(),
        vec![file(
            "en/01-pods.md",
            &lesson("pods", 1, "Pods, first version."),
        )],
        vec![unreadable.clone()],
    );
    assert_eq!(r.errors, vec![unreadable]);
    assert_eq!(r.kept.len(), 1);
    assert_eq!(text_of(&r.catalog, "nodes", Lang::En), "Nodes.");
}

#[test]
fn a_folder_that_cannot_be_read_keeps_everything() {
    let dir = tempfile::tempdir().unwrap();
    let gone = dir.path().join("course");
    let previous = start();
    let r = reload_dir(&previous, &gone);
    assert_eq!(r.catalog, previous);
    assert_eq!(r.kept, vec![]);
    assert_eq!(
        r.errors.iter().map(ToString::to_string).collect::<Vec<_>>(),
        [format!(
            "{}: no longer exists; the lessons on screen are the last ones that loaded",
            gone.display()
        )]
    );
    std::fs::create_dir(&gone).unwrap();
    let r = reload_dir(&previous, &gone);
    assert_eq!(r.catalog, previous);
    assert!(
        r.errors[0]
            .message
            .starts_with("has no lesson files (.md or .markdown) left"),
        "{:?}",
        r.errors
    );
}

#[test]
fn reload_dir_reads_the_folder() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("en")).unwrap();
    let path = dir.path().join("en/01-pods.md");
    std::fs::write(&path, lesson("pods", 1, "On disk.")).unwrap();
    let first = Catalog::from_dir(dir.path()).unwrap();
    std::fs::write(&path, lesson("pods", 1, "Saved again.")).unwrap();
    let r = reload_dir(&first, dir.path());
    assert_eq!(r.errors, vec![]);
    assert_eq!(text_of(&r.catalog, "pods", Lang::En), "Saved again.");
}

mod sequences {
    //! Property: after any sequence of saves (good, broken, deleted) of
    //! three files, each lesson on screen is the latest version that loaded
    //! since its file was last deleted, and nothing else.

    use super::*;
    use proptest::prelude::*;

    #[derive(Debug, Clone, Copy)]
    enum Save {
        Good(u8),
        Broken,
        Deleted,
    }

    const SLOTS: [(&str, &str, Lang); 3] = [
        ("en/a.md", "a", Lang::En),
        ("en/b.md", "b", Lang::En),
        ("ko/a.md", "a", Lang::Ko),
    ];

    fn save() -> impl Strategy<Value = Save> {
        prop_oneof![
            3 => (0u8..10).prop_map(Save::Good),
            2 => Just(Save::Broken),
            1 => Just(Save::Deleted),
        ]
    }

    proptest! {
        #[test]
        fn the_screen_shows_the_last_good_version(
            steps in prop::collection::vec(prop::array::uniform3(save()), 1..12)
        ) {
            let mut catalog = Catalog::default();
            let mut last_good: [Option<u8>; 3] = [None; 3];
            for step in steps {
                let mut files = Vec::new();
                for (slot, save) in step.iter().enumerate() {
                    let (path, id, _) = SLOTS[slot];
                    match save {
                        Save::Good(v) => {
                            files.push(file(path, &lesson(id, 1, &format!("version {v}"))));
                            last_good[slot] = Some(*v);
                        }
                        Save::Broken => files.push(file(path, &format!("---\nid: {id}\n"))),
                        Save::Deleted => last_good[slot] = None,
                    }
                }
                files.sort_by(|a, b| a.path.cmp(&b.path));
                let r = reload_files(&catalog, files, Vec::new());
                for (slot, (_, id, lang)) in SLOTS.iter().enumerate() {
                    let shown = r.catalog.entry(id).and_then(|e| e.version(*lang));
                    match last_good[slot] {
                        Some(v) => prop_assert_eq!(
                            text_of(&r.catalog, id, *lang),
                            format!("version {v}")
                        ),
                        None => prop_assert!(shown.is_none(), "{id} {lang:?}"),
                    }
                    let kept = r.kept.iter().any(|k| k.path == SLOTS[slot].0);
                    prop_assert_eq!(
                        kept,
                        matches!(step[slot], Save::Broken) && last_good[slot].is_some()
                    );
                }
                let broken = step.iter().filter(|s| matches!(s, Save::Broken)).count();
                prop_assert_eq!(r.errors.len(), broken);
                catalog = r.catalog;
            }
        }
    }
}
