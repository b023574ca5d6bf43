//! The progress file on disk: bad files are moved aside byte for byte, a
//! crash before the rename leaves the old file, two processes lose nothing.

use kubetutor::lang::Lang;
use kubetutor::progress::{Store, Warning, file};
use kubetutor::timestamp::Timestamp;
use std::path::{Path, PathBuf};
use std::process::Command;

const T0: Timestamp = Timestamp::from_secs(1_740_821_400);

fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

/// `progress.json.bad-YYYYMMDDTHHMMSSZ`, optionally `-N`; returns the stamp.
fn bad_stamp(name: &str) -> Option<&str> {
    let rest = name.strip_prefix("progress.json.bad-")?;
    let stamp = rest.get(..16)?;
    let b = stamp.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    let suffix = &rest[16..];
    let suffix_ok = suffix.is_empty()
        || suffix
            .strip_prefix('-')
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|c| c.is_ascii_digit()));
    (digits(0..8) && b[8] == b'T' && digits(9..15) && b[15] == b'Z' && suffix_ok).then_some(stamp)
}

fn assert_moved_aside(content: &[u8], why: &str) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.json");
    std::fs::write(&path, content).unwrap();
    let before = Timestamp::now().compact();
    let (mut store, warnings) = Store::open(&path);
    let after = Timestamp::now().compact();

    assert_eq!(warnings.len(), 1, "{why}: {warnings:?}");
    let Warning::MovedAside {
        file,
        moved_to,
        reason,
    } = &warnings[0]
    else {
        panic!("{why}: {warnings:?}");
    };
    assert_eq!(file, &path);
    assert!(reason.contains(why), "{reason:?} should say {why:?}");
    let name = moved_to.file_name().unwrap().to_str().unwrap();
    let stamp = bad_stamp(name).unwrap_or_else(|| panic!("bad name {name}"));
    assert!(
        before.as_str() <= stamp && stamp <= after.as_str(),
        "{stamp}"
    );
    assert_eq!(moved_to.parent(), Some(dir.path()));
    assert_eq!(
        std::fs::read(moved_to).unwrap(),
        content,
        "kept byte for byte"
    );
    assert!(!path.exists());
    let shown = warnings[0].to_string();
    assert!(
        shown.contains(name) && shown.contains("fresh progress"),
        "{shown}"
    );

    // A fresh state starts and saves next to the kept file, which stays.
    assert!(store.progress().lessons.is_empty());
    store.visit_section("pods", 0, Lang::En, T0);
    assert!(store.save().unwrap().is_empty());
    assert_eq!(std::fs::read(moved_to).unwrap(), content);
    let mut expected = vec!["progress.json", "progress.json.lock", name];
    expected.sort();
    assert_eq!(names(dir.path()), expected);
    let (reopened, w) = Store::open(&path);
    assert!(w.is_empty());
    assert!(reopened.lesson("pods").is_some());
}

#[test]
fn a_corrupt_file_is_moved_aside() {
    assert_moved_aside(b"this is not json {", "not valid JSON");
    assert_moved_aside(b"[1, 2, 3]", "expected a JSON object");
    assert_moved_aside(
        br#"{"version": 1, "lessons": ["pods"]}"#,
        "content is not as expected",
    );
    assert_moved_aside(
        b"{\"version\": 1, \"position\": \xff\xfe}",
        "not valid JSON",
    );
}

#[test]
fn a_truncated_file_is_moved_aside() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.json");
    let (mut s, _) = Store::open(&path);
    s.visit_section("pods", 3, Lang::Ko, T0);
    s.save().unwrap();
    let whole = std::fs::read(&path).unwrap();
    assert_moved_aside(&whole[..whole.len() / 2], "not valid JSON");
}

#[test]
fn an_empty_file_is_moved_aside() {
    assert_moved_aside(b"", "the file is empty");
    assert_moved_aside(b" \n\t", "the file is empty");
}

#[test]
fn a_version_that_is_not_a_number_is_moved_aside() {
    assert_moved_aside(
        br#"{"version": "two"}"#,
        "schema version \"two\" is not a number",
    );
}

#[test]
fn bad_files_moved_aside_in_the_same_second_keep_distinct_names() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.json");
    let now = T0;
    std::fs::write(&path, "one").unwrap();
    let first = file::move_aside(&path, now).unwrap();
    std::fs::write(&path, "two").unwrap();
    let second = file::move_aside(&path, now).unwrap();
    assert_eq!(
        first.file_name().unwrap(),
        "progress.json.bad-20250301T093000Z"
    );
    assert_eq!(
        second.file_name().unwrap(),
        "progress.json.bad-20250301T093000Z-2"
    );
    assert_eq!(std::fs::read(first).unwrap(), b"one");
    assert_eq!(std::fs::read(second).unwrap(), b"two");
}

#[test]
fn an_unreadable_path_is_reported_and_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    // A directory where the file should be: reading fails with an I/O error.
    let path = dir.path().join("progress.json");
    std::fs::create_dir(&path).unwrap();
    std::fs::write(path.join("keep"), "mine").unwrap();
    let (mut store, warnings) = Store::open(&path);
    assert!(
        matches!(&warnings[..], [Warning::Unreadable { file, .. }] if file == &path),
        "{warnings:?}"
    );
    store.visit_section("pods", 0, Lang::Ko, T0);
    let err = store.save().unwrap_err();
    assert!(err.to_string().starts_with("could not read "), "{err}");
    assert_eq!(std::fs::read(path.join("keep")).unwrap(), b"mine");
}

fn saved(path: &Path, lesson: &str) -> Vec<u8> {
    let (mut s, _) = Store::open(path);
    s.visit_section(lesson, 1, Lang::Ko, T0);
    s.save().unwrap();
    std::fs::read(path).unwrap()
}

#[test]
fn a_crash_before_the_rename_leaves_the_old_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.json");
    let old = saved(&path, "pods");

    // A writer staged a new file (written and fsynced) and died before renaming.
    let staged = file::stage(&path, b"{\"version\": 1, \"lessons\": {\"serv").unwrap();
    let temp = staged.temp_path().to_path_buf();
    std::mem::forget(staged);
    assert!(temp.exists());
    assert_eq!(std::fs::read(&path).unwrap(), old);

    let (mut store, warnings) = Store::open(&path);
    assert!(warnings.is_empty(), "the stale temporary file is ignored");
    assert!(store.lesson("pods").is_some());

    store.visit_section("services", 0, Lang::Ko, T0);
    store.save().unwrap();
    assert!(!temp.exists(), "the next save removes it");
    let (after, _) = Store::open(&path);
    assert!(after.lesson("pods").is_some() && after.lesson("services").is_some());
}

/// Child-process modes of this test binary, chosen by an environment variable.
const CHILD: &str = "KUBETUTOR_PROGRESS_TEST_CHILD";

fn child_main(mode: &str) {
    let mut parts = mode.splitn(3, ':');
    let (kind, tag, path) = (
        parts.next().unwrap(),
        parts.next().unwrap(),
        PathBuf::from(parts.next().unwrap()),
    );
    match kind {
        "writer" => {
            let (mut store, _) = Store::open(&path);
            for i in 0..25u64 {
                store.record_exercise("shared", &format!("{tag}-{i}"), true, T0.plus_secs(i));
                store.visit_section(tag, i as usize, Lang::En, T0.plus_secs(i));
                store.save().unwrap();
                if i % 5 == 0 {
                    // Sometimes a new process-lifetime store, as after a restart.
                    store = Store::open(&path).0;
                }
            }
        }
        "crash" => {
            // Take the lock, stage a new file, and die before the rename.
            let _lock = file::lock(&path, file::LOCK_WAIT).unwrap();
            let staged = file::stage(&path, b"{\"half\": ").unwrap();
            std::mem::forget(staged);
            std::process::abort();
        }
        other => panic!("unknown child mode {other}"),
    }
}

fn spawn(test: &str, mode: String) -> std::process::Child {
    Command::new(std::env::current_exe().unwrap())
        .args(["--exact", test, "--nocapture", "--test-threads=1"])
        .env(CHILD, mode)
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap()
}

#[test]
fn two_processes_lose_none_of_each_others_records() {
    if let Ok(mode) = std::env::var(CHILD) {
        return child_main(&mode);
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.json");
    let p = path.to_str().unwrap();
    let name = "two_processes_lose_none_of_each_others_records";
    let a = spawn(name, format!("writer:alpha:{p}"));
    let b = spawn(name, format!("writer:beta:{p}"));
    for mut child in [a, b] {
        assert!(child.wait().unwrap().success());
    }
    let (store, warnings) = Store::open(&path);
    assert!(warnings.is_empty(), "{warnings:?}");
    let shared = store.lesson("shared").unwrap();
    for tag in ["alpha", "beta"] {
        for i in 0..25 {
            assert!(
                shared.exercises.contains_key(&format!("{tag}-{i}")),
                "{tag}-{i} lost"
            );
        }
        assert_eq!(store.lesson(tag).unwrap().sections.len(), 25, "{tag}");
    }
    assert_eq!(shared.exercises.len(), 50);
}

#[test]
fn a_process_killed_mid_write_leaves_the_old_file_and_the_lock_free() {
    if let Ok(mode) = std::env::var(CHILD) {
        return child_main(&mode);
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.json");
    let old = saved(&path, "pods");
    let name = "a_process_killed_mid_write_leaves_the_old_file_and_the_lock_free";
    let status = spawn(name, format!("crash:x:{}", path.display()))
        .wait()
        .unwrap();
    assert!(!status.success(), "the child aborts");
    assert_eq!(std::fs::read(&path).unwrap(), old);
    assert!(
        names(dir.path())
            .iter()
            .any(|n| n.starts_with("progress.json.tmp-"))
    );

    let (mut store, warnings) = Store::open(&path);
    assert!(warnings.is_empty());
    assert!(store.lesson("pods").is_some());
    store.visit_section("services", 0, Lang::Ko, T0);
    store.save().unwrap(); // would hang if the dead child's lock were held
    assert_eq!(
        names(dir.path()),
        ["progress.json", "progress.json.lock"],
        "stale temporary file cleaned"
    );
}
