//! The progress store: round trip, resume position, summaries, merging two
//! writers, resets.

use kubetutor::lang::Lang;
use kubetutor::progress::{Position, Progress, Store};
use kubetutor::quiz::attempt::AttemptRecord;
use kubetutor::quiz::review::Grade;
use kubetutor::timestamp::Timestamp;
use std::path::PathBuf;

const T0: Timestamp = Timestamp::from_secs(1_740_821_400); // 2025-03-01T09:30:00Z

fn at(secs: u64) -> Timestamp {
    T0.plus_secs(secs)
}

fn file(dir: &tempfile::TempDir) -> PathBuf {
    dir.path().join("progress.json")
}

fn open(path: &PathBuf) -> Store {
    let (store, warnings) = Store::open(path);
    assert!(warnings.is_empty(), "{warnings:?}");
    store
}

fn attempt(secs: u64, tries: u32, correct: bool) -> AttemptRecord {
    AttemptRecord {
        at: at(secs),
        tries,
        correct,
        revealed: !correct,
        hints: 0,
    }
}

fn fill(store: &mut Store) {
    store.visit_section("pods", 0, Lang::Ko, at(0));
    store.visit_section("pods", 1, Lang::Ko, at(60));
    store.record_quiz("pods", "phase-after-exit-1", attempt(90, 1, true));
    store.record_quiz("pods", "restart-policy", attempt(100, 2, true));
    store.record_quiz("pods", "who-restarts", attempt(110, 2, false));
    store.record_exercise("pods", "first-pod", false, at(120));
    store.save_draft("pods", "first-pod", "apiVersion: v1\nkind: Pod\n", at(125));
    store.record_exercise("pods", "first-pod", true, at(130));
    store.read_lesson("pods", at(135));
    let needs = kubetutor::progress::Needs {
        quizzes: vec![
            "phase-after-exit-1".into(),
            "restart-policy".into(),
            "who-restarts".into(),
        ],
        exercises: vec!["first-pod".into()],
    };
    assert!(store.complete_if_done("pods", &needs, at(140)));
    store.visit_section("intro", 3, Lang::En, at(200));
    store.record_review(
        "never/exit1/bare/30s",
        "restartPolicy",
        Grade::Good,
        at(300),
    );
    store.record_review("always/crash/rs/5m", "restartPolicy", Grade::Again, at(310));
}

#[test]
fn everything_recorded_comes_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = file(&dir);
    let mut store = open(&path);
    fill(&mut store);
    assert!(store.save().unwrap().is_empty());

    let again = open(&path);
    assert_eq!(again.progress(), store.progress());
    let pods = again.lesson("pods").unwrap();
    assert_eq!(pods.sections.len(), 2);
    assert_eq!(pods.completed, Some(at(140)));
    assert_eq!(pods.read, Some(at(135)));
    let ex = again.exercise("pods", "first-pod").unwrap();
    assert_eq!(ex.passed, Some(at(130)));
    assert_eq!(ex.attempts.len(), 2);
    assert_eq!(
        ex.draft.as_ref().unwrap().text,
        "apiVersion: v1\nkind: Pod\n"
    );
    assert_eq!(
        again.drill().card("never/exit1/bare/30s").unwrap().due,
        at(300 + 86_400)
    );
    // The export is the same data.
    let exported: Progress = serde_json::from_str(&again.export_json()).unwrap();
    assert_eq!(&exported, again.progress());
    // The file is readable JSON with RFC 3339 times.
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("\"version\": 2"), "{text}");
    assert!(
        text.contains("\"completed\": \"2025-03-01T09:32:20Z\""),
        "{text}"
    );
}

#[test]
fn the_next_start_resumes_where_the_student_left() {
    let dir = tempfile::tempdir().unwrap();
    let path = file(&dir);
    let mut store = open(&path);
    assert_eq!(store.position(), None);
    store.visit_section("pods", 2, Lang::Ko, at(0));
    store.visit_section("services", 4, Lang::En, at(10));
    store.visit_section("services", 1, Lang::En, at(20));
    store.save().unwrap();
    assert_eq!(
        open(&path).position(),
        Some(&Position {
            lesson: "services".into(),
            section: 1,
            lang: Lang::En,
            at: at(20),
        })
    );
}

#[test]
fn summaries_count_the_first_attempt_of_each_quiz() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(&file(&dir));
    fill(&mut store);
    // Practice later does not change the score.
    store.record_quiz("pods", "who-restarts", attempt(500, 1, true));
    let pods = store.lesson_summary("pods");
    assert_eq!(pods.sections_seen, 2);
    assert!(pods.completed);
    assert_eq!(pods.quiz.answered, 3);
    assert_eq!(pods.quiz.points, 1.5);
    assert_eq!(pods.quiz.first_try, 1);
    assert_eq!(pods.quiz.revealed, 1);
    assert_eq!(pods.exercises_passed, 1);
    assert_eq!(pods.last_visit, Some(at(60)));
    let ids: Vec<String> = store.lesson_summaries().into_iter().map(|s| s.id).collect();
    assert_eq!(ids, ["intro", "pods"]);
    assert_eq!(store.lesson_summary("nowhere").sections_seen, 0);

    let overall = store.overall(Some(8));
    assert_eq!((overall.visited, overall.completed), (2, 1));
    assert_eq!(overall.fraction(), Some(0.125));
    assert_eq!(store.overall(None).fraction(), None);

    let drill = store.drill_summary(at(310 + 11 * 60));
    assert_eq!((drill.cards, drill.due_now), (2, 1));
    assert_eq!(drill.next_due, Some(at(300 + 86_400)));
    assert_eq!(drill.categories["restartPolicy"].accuracy(), Some(0.5));
}

#[test]
fn an_older_file_with_fewer_fields_loads() {
    let dir = tempfile::tempdir().unwrap();
    let path = file(&dir);
    std::fs::write(
        &path,
        r#"{"position": {"lesson": "pods", "lang": "ko", "at": "2025-03-01T09:30:00Z"},
            "lessons": {"pods": {"sections": {"0": "2025-03-01T09:30:00Z"}}},
            "something_new": [1, 2, 3]}"#,
    )
    .unwrap();
    let store = open(&path);
    let pos = store.position().unwrap();
    assert_eq!(
        (pos.lesson.as_str(), pos.section, pos.lang),
        ("pods", 0, Lang::Ko)
    );
    assert_eq!(store.lesson_summary("pods").sections_seen, 1);
    // Read as version 1 (no `version`), brought up to the current schema.
    assert_eq!(
        store.progress().version,
        kubetutor::progress::SCHEMA_VERSION
    );
}

#[test]
fn two_stores_on_one_file_keep_both_records() {
    let dir = tempfile::tempdir().unwrap();
    let path = file(&dir);
    let mut a = open(&path);
    let mut b = open(&path);

    a.visit_section("pods", 0, Lang::Ko, at(0));
    a.save().unwrap();
    b.record_quiz("services", "endpoints", attempt(10, 1, true));
    b.visit_section("services", 2, Lang::Ko, at(10));
    b.save().unwrap();
    a.record_exercise("pods", "first-pod", true, at(20));
    a.record_review("k", "cat", Grade::Good, at(20));
    a.save().unwrap();
    b.record_exercise("pods", "first-pod", false, at(30));
    b.save().unwrap();

    let c = open(&path);
    assert!(c.lesson("pods").unwrap().sections.contains_key(&0));
    assert_eq!(c.quiz("services", "endpoints").unwrap().attempts.len(), 1);
    let ex = c.exercise("pods", "first-pod").unwrap();
    assert_eq!(ex.attempts.len(), 2, "both processes' attempts count");
    assert_eq!(ex.passed, Some(at(20)));
    assert!(c.drill().card("k").is_some());
    assert_eq!(
        c.position().unwrap().lesson,
        "services",
        "the newer position"
    );
    // After saving, each store also holds the other's records.
    assert_eq!(b.progress(), c.progress());
    a.save().unwrap();
    assert_eq!(a.progress(), c.progress());
}

#[test]
fn counters_never_go_backwards_and_the_newer_draft_wins() {
    let dir = tempfile::tempdir().unwrap();
    let path = file(&dir);
    let mut base = open(&path);
    base.record_exercise("pods", "x", false, at(0));
    base.save_draft("pods", "x", "old", at(0));
    base.save().unwrap();

    let mut a = open(&path);
    let mut b = open(&path);
    a.record_exercise("pods", "x", false, at(10));
    b.record_exercise("pods", "x", false, at(11));
    b.save_draft("pods", "x", "newer", at(12));
    a.save_draft("pods", "x", "older", at(5));
    b.save().unwrap();
    a.save().unwrap();
    let x = open(&path).exercise("pods", "x").cloned().unwrap();
    assert_eq!(x.attempts.len(), 3);
    assert_eq!(x.draft.unwrap().text, "newer");
}

#[test]
fn a_reset_is_not_undone_by_another_open_tutor() {
    let dir = tempfile::tempdir().unwrap();
    let path = file(&dir);
    let mut tutor = open(&path);
    tutor.visit_section("pods", 0, Lang::Ko, at(0));
    tutor.record_quiz("pods", "q", attempt(5, 1, true));
    tutor.visit_section("intro", 0, Lang::Ko, at(6));
    tutor.save().unwrap();

    let mut cli = open(&path);
    cli.reset_lesson("pods", at(100));
    assert!(cli.lesson("pods").is_none());
    cli.save().unwrap();

    // The tutor still holds the old pods records in memory; it goes on.
    tutor.visit_section("pods", 1, Lang::Ko, at(200));
    tutor.save().unwrap();
    let after = open(&path);
    let pods = after.lesson("pods").unwrap();
    assert_eq!(pods.sections.keys().copied().collect::<Vec<_>>(), [1]);
    assert!(pods.quizzes.is_empty(), "reset quiz records stay gone");
    assert!(
        after.lesson("intro").is_some(),
        "other lessons are untouched"
    );

    let mut cli = open(&path);
    cli.reset_all(at(300));
    cli.save().unwrap();
    tutor.record_review("k", "c", Grade::Good, at(250));
    tutor.save().unwrap();
    let empty = open(&path);
    assert!(empty.progress().lessons.is_empty());
    assert!(empty.progress().drill.cards.is_empty());
    assert_eq!(empty.position(), None);
}

#[test]
fn saving_creates_the_directory() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("deep/er/progress.json");
    let mut s = open(&path);
    s.mark_done("pods", at(0));
    s.save().unwrap();
    assert!(open(&path).lesson("pods").unwrap().completed.is_some());
}

/// Completed means the work: every quiz answered (right or wrong) and
/// every exercise passed; reading every section is not enough, and marking
/// a lesson done counts (it is told apart).
#[test]
fn completed_is_the_work_and_read_is_the_sections() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = open(&file(&dir));
    let needs = kubetutor::progress::Needs {
        quizzes: vec!["a".into(), "b".into()],
        exercises: vec!["x".into()],
    };
    s.read_lesson("pods", at(10));
    assert!(!s.complete_if_done("pods", &needs, at(11)));
    s.record_quiz("pods", "a", attempt(20, 2, false));
    s.record_quiz("pods", "b", attempt(30, 1, true));
    assert!(
        !s.complete_if_done("pods", &needs, at(31)),
        "an exercise is left"
    );
    s.record_exercise("pods", "x", false, at(40));
    assert!(
        !s.complete_if_done("pods", &needs, at(41)),
        "not passed yet"
    );
    s.record_exercise("pods", "x", true, at(50));
    assert!(s.complete_if_done("pods", &needs, at(51)));
    let summary = s.lesson_summary("pods");
    assert!(summary.read && summary.completed && !summary.marked_done);

    s.mark_done("iac", at(60));
    let iac = s.lesson_summary("iac");
    assert!(iac.completed && iac.marked_done && !iac.read);
    let o = s.overall(Some(17));
    assert_eq!((o.read, o.completed), (1, 2));
}

/// A version 1 file said `completed` when every section had been seen: it
/// loads as read, with everything else kept, and is saved as version 2.
#[test]
fn a_version_1_file_is_migrated_without_losing_anything() {
    let dir = tempfile::tempdir().unwrap();
    let path = file(&dir);
    std::fs::write(
        &path,
        r#"{"version": 1,
            "position": {"lesson": "pods", "section": 1, "lang": "ko", "at": "2025-03-01T09:30:00Z"},
            "lessons": {"pods": {
                "sections": {"0": "2025-03-01T09:10:00Z", "1": "2025-03-01T09:20:00Z"},
                "completed": "2025-03-01T09:40:00Z",
                "quizzes": {"q": {"attempts": [{"at": "2025-03-01T09:25:00Z", "tries": 1, "correct": true, "revealed": false, "hints": 0}]}}
            }}}"#,
    )
    .unwrap();
    let (mut store, warnings) = Store::open(&path);
    assert!(warnings.is_empty(), "{warnings:?}");
    let pods = store.lesson("pods").unwrap().clone();
    assert_eq!(pods.read.unwrap().to_rfc3339(), "2025-03-01T09:40:00Z");
    assert_eq!(pods.completed, None, "completed is the work now");
    assert_eq!(pods.sections.len(), 2);
    assert_eq!(pods.quizzes["q"].attempts.len(), 1);
    assert_eq!(store.position().unwrap().section, 1);
    store.save().unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("\"version\": 2"), "{text}");
    assert!(
        text.contains("\"read\": \"2025-03-01T09:40:00Z\""),
        "{text}"
    );
    let (again, _) = Store::open(&path);
    assert_eq!(again.lesson("pods").unwrap(), &pods);
}
