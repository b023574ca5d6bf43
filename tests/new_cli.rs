//! `kubetutor new`: the file lands where the course layout says, loads with
//! no error, its exercise is right (the solution passes its checks in the
//! simulator, the starter does not), and nothing is ever overwritten.

use kubetutor::exercise::spec::Check;
use kubetutor::lang::Lang;
use kubetutor::lesson::Catalog;
use kubetutor::lesson::model::Lesson;
use kubetutor::manifest;
use kubetutor::sim::Cluster;
use kubetutor::sim::stored::Phase;
use std::path::Path;
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_kubetutor");

fn new(dir: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .arg("new")
        .args(args)
        .arg("--dir")
        .arg(dir)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C.UTF-8")
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

fn split_course() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("ko")).unwrap();
    std::fs::create_dir(dir.path().join("en")).unwrap();
    dir
}

/// The course loads with no error and has `id` in `lang` (not a fallback).
fn loaded(dir: &Path, id: &str, lang: Lang) -> Lesson {
    let course = Catalog::from_dir(dir).unwrap();
    let errors: Vec<String> = course.errors().iter().map(ToString::to_string).collect();
    assert_eq!(errors, Vec::<String>::new());
    let found = course.get(id, lang).unwrap();
    assert!(!found.fallback);
    found.lesson.clone()
}

/// Every check of the exercise holds after applying `manifest` and letting
/// the simulated cluster run for a minute.
fn passes(manifest: &str, checks: &[Check]) -> bool {
    let mut c = Cluster::new(1);
    if !c.apply_manifest(manifest).ok {
        return false;
    }
    c.advance(60_000);
    checks.iter().all(|check| match check {
        Check::Object {
            kind, name, fields, ..
        } => {
            assert_eq!(kind, "Pod");
            let Some(pod) = c.pod("default", name) else {
                return false;
            };
            fields.iter().all(|(path, value)| {
                assert_eq!(path, "spec.containers[0].image");
                pod.spec.containers.first().map(|c| c.image.as_str()) == value.as_str()
            })
        }
        Check::Pods {
            selector,
            namespace,
            phase,
            count,
        } => {
            assert_eq!(namespace, &None);
            assert_eq!(phase.as_deref(), Some("Running"));
            c.pods_matching(
                "default",
                selector.as_deref().unwrap_or(""),
                Some(Phase::Running),
            )
            .unwrap()
                == *count as usize
        }
        other => panic!("the skeleton uses object and pods checks only: {other:?}"),
    })
}

fn assert_skeleton(lesson: &Lesson, id: &str) {
    assert_eq!(lesson.id, id);
    assert_eq!(lesson.sections.len(), 3, "intro, a section, the exercise");
    let quizzes: Vec<_> = lesson.quizzes().collect();
    assert_eq!(quizzes.len(), 1);
    assert_eq!(quizzes[0].value.id, format!("{id}-check"));
    let exercises: Vec<_> = lesson.exercises().collect();
    assert_eq!(exercises.len(), 1);
    let exercise = &exercises[0].value;
    assert_eq!(exercise.id, format!("{id}-pod"));
    assert!(
        passes(&exercise.solution, &exercise.check),
        "the solution passes its checks"
    );
    assert!(
        manifest::load(&exercise.starter).has_errors(),
        "the starter is not a finished answer"
    );
    assert!(!passes(&exercise.starter, &exercise.check));
}

#[test]
fn an_english_lesson_in_a_course_with_language_folders() {
    let dir = split_course();
    let o = new(dir.path(), &["Pod phases", "--lang", "en"]);
    assert_eq!(stderr(&o), "");
    assert_eq!(o.status.code(), Some(0));
    let file = dir.path().join("en/01-pod-phases.md");
    let d = dir.path().display();
    assert_eq!(
        stdout(&o),
        format!(
            "created {}\nnext: edit the file, then\n  kubetutor --lessons {d} pod-phases    read it in the tutor; it reloads when you save\n  kubetutor lint {d}    check the quiz and the exercise\n",
            file.display()
        )
    );
    let lesson = loaded(dir.path(), "pod-phases", Lang::En);
    assert_eq!(lesson.title, "Pod phases");
    assert_eq!(lesson.order, Some(1.0));
    assert_eq!(lesson.path, "en/01-pod-phases.md");
    assert_skeleton(&lesson, "pod-phases");

    // The next lesson gets the next number.
    let o = new(dir.path(), &["Services", "--lang", "en"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(dir.path().join("en/02-services.md").is_file());
    assert_eq!(loaded(dir.path(), "services", Lang::En).order, Some(2.0));
}

#[test]
fn a_korean_lesson_and_its_translation() {
    let dir = split_course();
    // A Korean title has no ASCII letters: the id is lesson-N, and the
    // output says how to choose one.
    let o = new(dir.path(), &["파드의 상태", "--lang", "ko"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("the title has no ASCII letters or digits, so the id is lesson-1; pass --id to choose one"),
        "{}",
        stdout(&o)
    );
    let lesson = loaded(dir.path(), "lesson-1", Lang::Ko);
    assert_eq!(lesson.title, "파드의 상태");
    assert_eq!(lesson.lang, Lang::Ko);
    assert_skeleton(&lesson, "lesson-1");
    assert!(
        lesson.sections[1].title == "첫 단계",
        "{:?}",
        lesson.sections[1].title
    );

    // With --id; then its English version takes the same number.
    let o = new(
        dir.path(),
        &["컨테이너 런타임", "--lang", "ko", "--id", "runtimes"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(dir.path().join("ko/02-runtimes.md").is_file());
    let o = new(
        dir.path(),
        &["Container runtimes", "--lang", "en", "--id", "runtimes"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(dir.path().join("en/02-runtimes.md").is_file());
    let en = loaded(dir.path(), "runtimes", Lang::En);
    assert_eq!(en.order, Some(2.0));
    assert_skeleton(&en, "runtimes");

    // The next generated id skips the taken one.
    let o = new(dir.path(), &["노드", "--lang", "ko"]);
    assert!(stdout(&o).contains("the id is lesson-2;"), "{}", stdout(&o));
}

#[test]
fn nothing_is_ever_overwritten() {
    let dir = split_course();
    assert!(new(dir.path(), &["Pods", "--lang", "en"]).status.success());
    let file = dir.path().join("en/01-pods.md");
    std::fs::write(&file, "# Pods\n\nMy own text.\n").unwrap();

    let o = new(dir.path(), &["Pods", "--lang", "en"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stderr(&o),
        format!(
            "kubetutor: the course already has a en lesson with the id pods: {}; choose another title or --id\n",
            file.display()
        )
    );
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        "# Pods\n\nMy own text.\n"
    );

    // A file that does not even load is not replaced either.
    let flat = tempfile::tempdir().unwrap();
    let broken = flat.path().join("pods.md");
    std::fs::write(&broken, "---\nnot closed\n").unwrap();
    let o = new(flat.path(), &["Pods", "--lang", "en"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stderr(&o),
        format!(
            "kubetutor: {} already exists; kubetutor new never overwrites a file\n",
            broken.display()
        )
    );
    assert_eq!(
        std::fs::read_to_string(&broken).unwrap(),
        "---\nnot closed\n"
    );
}

#[test]
fn titles_with_punctuation_and_emoji() {
    let dir = tempfile::tempdir().unwrap();
    let title = "🚀 Pods & Nodes: \"101\" # basics!!";
    let o = new(dir.path(), &[title, "--lang", "en"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    // A folder without ko/ and en/: the file goes at the top.
    assert!(dir.path().join("pods-nodes-101-basics.md").is_file());
    let lesson = loaded(dir.path(), "pods-nodes-101-basics", Lang::En);
    assert_eq!(lesson.title, title, "the title is kept as typed");
    assert_skeleton(&lesson, "pods-nodes-101-basics");

    // `kubetutor list` agrees: one lesson, no error.
    let o = Command::new(BIN)
        .args(["list", "--lang", "en", "--lessons"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("pods-nodes-101-basics      1  🚀 Pods & Nodes:"),
        "{}",
        stdout(&o)
    );

    // The other language of a flat lesson gets a language suffix.
    let o = new(
        dir.path(),
        &[
            "파드와 노드",
            "--lang",
            "ko",
            "--id",
            "pods-nodes-101-basics",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(dir.path().join("pods-nodes-101-basics.ko.md").is_file());
    assert_skeleton(
        &loaded(dir.path(), "pods-nodes-101-basics", Lang::Ko),
        "pods-nodes-101-basics",
    );
}

#[test]
fn bad_titles_and_ids_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let o = new(dir.path(), &[" \t "]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stderr(&o),
        "kubetutor: the title is empty: kubetutor new \"Pod phases\"\n"
    );
    let o = new(dir.path(), &["Pods", "--id", "Pods/Nodes"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stderr(&o),
        "kubetutor: --id \"Pods/Nodes\": use lower-case ASCII letters, digits and single dashes (like pod-phases)\n"
    );
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}
