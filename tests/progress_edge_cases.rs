//! The progress file's edge cases (issue #15, items 5 and 6): a linked
//! file stays a link, the file's mode is kept (new files are 0600), fields
//! from a newer build survive a save, a byte order mark is accepted, a
//! newer schema is opened read-only and never written over, and a lock
//! held by another process is waited for about a second, not for ever.

use kubetutor::lang::Lang;
use kubetutor::progress::{ProgressError, Store, Warning, file};
use kubetutor::timestamp::Timestamp;
use std::os::unix::fs::PermissionsExt;

const T0: Timestamp = Timestamp::from_secs(1_740_821_400);

fn mode(path: &std::path::Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn a_linked_progress_file_is_written_through_the_link() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("dotfiles/progress.json");
    std::fs::create_dir(dir.path().join("dotfiles")).unwrap();
    std::fs::write(&real, r#"{"version": 1}"#).unwrap();
    let link = dir.path().join("progress.json");
    std::os::unix::fs::symlink("dotfiles/progress.json", &link).unwrap();
    let (mut store, warnings) = Store::open(&link);
    assert!(warnings.is_empty(), "{warnings:?}");
    store.visit_section("pods", 1, Lang::En, T0);
    store.save().unwrap();
    assert!(link.symlink_metadata().unwrap().file_type().is_symlink());
    let text = std::fs::read_to_string(&real).unwrap();
    assert!(text.contains("\"pods\""), "{text}");
}

#[test]
fn the_mode_is_kept_and_new_files_are_private() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.json");
    let (mut store, _) = Store::open(&path);
    store.visit_section("pods", 0, Lang::En, T0);
    store.save().unwrap();
    assert_eq!(
        mode(&path),
        0o600,
        "a new progress file is the student's own"
    );
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
    store.visit_section("pods", 1, Lang::En, T0);
    store.save().unwrap();
    assert_eq!(mode(&path), 0o640, "a chosen mode is kept");
}

#[test]
fn fields_from_a_newer_build_survive_a_save() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.json");
    std::fs::write(
        &path,
        r#"{"version": 2, "streak": 12345, "lessons": {"pods": {"read": "2025-03-01T09:00:00Z", "bookmark": 4}}}"#,
    )
    .unwrap();
    let (mut store, warnings) = Store::open(&path);
    assert!(warnings.is_empty(), "{warnings:?}");
    store.visit_section("pods", 2, Lang::En, T0);
    store.save().unwrap();
    let saved: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(saved["streak"], 12345);
    assert_eq!(saved["lessons"]["pods"]["bookmark"], 4);
    assert_eq!(saved["lessons"]["pods"]["read"], "2025-03-01T09:00:00Z");
    assert!(saved["lessons"]["pods"]["sections"]["2"].is_string());
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.json");
    std::fs::write(
        &path,
        "\u{feff}{\"version\": 2, \"lessons\": {\"pods\": {\"completed\": \"2025-03-01T09:00:00Z\"}}}",
    )
    .unwrap();
    let (store, warnings) = Store::open(&path);
    assert!(warnings.is_empty(), "{warnings:?}");
    assert!(store.lesson("pods").unwrap().completed.is_some());
}

#[test]
fn a_newer_schema_is_read_only_and_never_written_over() {
    for version in ["3", "1e+30"] {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("progress.json");
        let text = format!(
            r#"{{"version": {version}, "lessons": {{"pods": {{"completed": "2025-03-01T09:00:00Z"}}}}, "galaxies": 7}}"#
        );
        std::fs::write(&path, &text).unwrap();
        let (mut store, warnings) = Store::open(&path);
        assert!(store.read_only());
        assert!(
            matches!(&warnings[..], [Warning::Newer { .. }]),
            "{warnings:?}"
        );
        let said = warnings[0].to_string();
        assert!(
            said.contains("newer kubetutor") && said.contains("read-only"),
            "{said}"
        );
        // What could be read is shown.
        assert!(store.lesson("pods").unwrap().completed.is_some());
        store.visit_section("pods", 3, Lang::En, T0);
        assert!(matches!(store.save(), Err(ProgressError::Newer { .. })));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), text, "untouched");
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(
            names.len(),
            1,
            "nothing moved aside, nothing written beside"
        );
    }
}

/// Another process holds the lock (here `flock` for 3 s): a save
/// gives up after about a second, keeps the change, and the next save,
/// once the lock is free, writes it.
#[test]
fn a_held_lock_is_waited_for_briefly_and_the_change_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.json");
    let lock_path = dir.path().join("progress.json.lock");
    let mut holder = std::process::Command::new("flock")
        .arg(&lock_path)
        .args(["sleep", "3"])
        .spawn()
        .unwrap();
    // Wait until the child holds it.
    while file::lock(&path, std::time::Duration::ZERO).is_ok() {
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    let (mut store, _) = Store::open(&path);
    store.visit_section("pods", 4, Lang::En, T0);
    let e = store.save().unwrap_err();
    assert!(matches!(e, ProgressError::Busy { .. }), "{e}");
    assert!(e.to_string().contains("the changes are kept"), "{e}");
    assert!(!path.exists());
    // Once the holder is done, the next save goes through.
    holder.wait().unwrap();
    store.save().unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("\"4\""), "{text}");
}
