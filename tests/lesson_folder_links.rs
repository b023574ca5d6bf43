//! Links and sizes in a `--lessons` folder (issue #15, item 4): a link is
//! followed only when it stays inside the folder, each folder is walked
//! once (self-links do not multiply files), at most 2,000 files are read,
//! and an entry that cannot be used is reported while the rest load.

use kubetutor::lesson::files::{MAX_FILES, read_dir};
use std::os::unix::fs::symlink;

fn lesson(dir: &std::path::Path, name: &str) {
    std::fs::write(dir.join(name), format!("# {name}\n\nText.\n")).unwrap();
}

#[test]
fn links_out_of_the_folder_are_not_followed() {
    let dir = tempfile::tempdir().unwrap();
    let en = dir.path().join("en");
    std::fs::create_dir(&en).unwrap();
    lesson(&en, "01-ok.md");
    symlink("/etc/passwd", en.join("02-passwd.md")).unwrap();
    symlink("/usr", en.join("usr")).unwrap();
    let (files, errors) = read_dir(dir.path()).unwrap();
    let paths: Vec<_> = files.iter().map(|f| f.path.as_str()).collect();
    assert_eq!(paths, ["en/01-ok.md"]);
    let said: Vec<_> = errors
        .iter()
        .map(|e| (e.path.as_str(), e.message.as_str()))
        .collect();
    assert_eq!(said.len(), 2, "{said:?}");
    assert_eq!(said[0].0, "en/02-passwd.md");
    assert!(
        said[0]
            .1
            .contains("leading out of the lesson folder (to /etc/passwd)"),
        "{said:?}"
    );
    assert_eq!(said[1].0, "en/usr");
}

#[test]
fn links_inside_the_folder_and_loops_visit_each_folder_once() {
    let dir = tempfile::tempdir().unwrap();
    let en = dir.path().join("en");
    std::fs::create_dir(&en).unwrap();
    lesson(&en, "01-a.md");
    lesson(&en, "02-b.md");
    // Self-links and links back up: 97,656 files at depth 5 before.
    for name in ["self", "again", "more"] {
        symlink(".", en.join(name)).unwrap();
    }
    symlink("..", en.join("up")).unwrap();
    // A link to a file inside the folder is followed.
    symlink("01-a.md", en.join("03-alias.md")).unwrap();
    let (files, errors) = read_dir(dir.path()).unwrap();
    let paths: Vec<_> = files.iter().map(|f| f.path.as_str()).collect();
    assert_eq!(paths, ["en/01-a.md", "en/02-b.md", "en/03-alias.md"]);
    assert!(errors.is_empty(), "{errors:?}");
}

#[test]
fn more_than_the_cap_is_cut_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..=MAX_FILES {
        std::fs::write(dir.path().join(format!("{i:05}.md")), "# x\n").unwrap();
    }
    let (files, errors) = read_dir(dir.path()).unwrap();
    assert_eq!(files.len(), MAX_FILES);
    assert_eq!(errors.len(), 1);
    assert!(
        errors[0]
            .message
            .contains("more than the 2000 a course may have"),
        "{}",
        errors[0].message
    );
}

#[test]
fn an_unreadable_file_is_reported_and_the_rest_load() {
    let dir = tempfile::tempdir().unwrap();
    lesson(dir.path(), "01-ok.md");
    symlink("missing.md", dir.path().join("02-broken.md")).unwrap();
    std::fs::write(dir.path().join("03-latin1.md"), b"# x\n\ncaf\xe9\n").unwrap();
    let (files, errors) = read_dir(dir.path()).unwrap();
    assert_eq!(files.len(), 1);
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(errors[0].message.contains("broken link"), "{errors:?}");
    // Item 13: invalid UTF-8 names the line and the byte offset.
    assert_eq!(errors[1].line, 3);
    assert!(
        errors[1].message.contains("line 3 (byte offset 8)"),
        "{errors:?}"
    );
}
