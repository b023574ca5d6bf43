//! `kubetutor render` on the built binary.

use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_kubetutor");

fn render(args: &[&str]) -> (String, String, i32) {
    let out = Command::new(BIN)
        .args(["render"])
        .args(args)
        .env_remove("NO_COLOR")
        .output()
        .unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
        out.status.code().unwrap_or(-1),
    )
}

fn width(s: &str) -> usize {
    kubetutor::text::width(s)
}

#[test]
fn pod_phases_at_60_columns_wraps_the_table_with_no_literal_br() {
    for lang in ["en", "ko"] {
        let (out, err, code) = render(&["pod-phases", "--width", "60", "--lang", lang]);
        assert_eq!(code, 0, "{err}");
        assert!(!out.contains("<br>"), "{out}");
        assert!(!out.contains('\x1b'), "not a terminal: plain text expected");
        for line in out.lines() {
            assert!(width(line) <= 60, "{lang}: line wider than 60: {line:?}");
        }
        for phase in ["Pending", "Running", "Succeeded", "Failed", "Unknown"] {
            assert!(
                out.lines().any(|l| l.starts_with(&format!("│ {phase}"))),
                "{lang}: no table row for {phase}"
            );
        }
    }
}

#[test]
fn a_lesson_file_renders_at_any_width() {
    let file = format!(
        "{}/tests/fixtures/tui/ko/01-first.md",
        env!("CARGO_MANIFEST_DIR")
    );
    for w in ["1", "7", "30", "200"] {
        let (out, err, code) = render(&[&file, "--width", w, "--lang", "ko"]);
        assert_eq!(code, 0, "{err}");
        let w: usize = w.parse().unwrap();
        assert!(out.lines().all(|l| width(l) <= w), "{out}");
    }
    let (out, _, _) = render(&[&file, "--width", "80"]);
    assert!(out.contains("단계 표 🏗️"), "{out}");
    assert!(out.contains("│ Pending"), "{out}");
}

#[test]
fn a_missing_lesson_in_the_language_falls_back_with_a_note() {
    let dir = format!("{}/tests/fixtures/tui", env!("CARGO_MANIFEST_DIR"));
    let (out, _, code) = render(&["second", "--lessons", &dir, "--lang", "ko", "--width", "80"]);
    assert_eq!(code, 0);
    assert!(
        out.starts_with("(이 강의는 아직 한국어판이 없어 영어판을 보여 드립니다.)"),
        "{out}"
    );
    assert!(out.contains("Only in English"), "{out}");
}

#[test]
fn an_unknown_id_says_what_was_meant() {
    let (out, err, code) = render(&["pod-phase"]);
    assert_eq!(code, 1);
    assert!(out.is_empty());
    assert!(
        err.contains("unknown lesson 'pod-phase'; did you mean 'pod-phases'?"),
        "{err}"
    );
}

#[test]
fn a_broken_file_still_renders_what_it_can_and_reports_the_line() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("broken.md");
    std::fs::write(
        &file,
        "# Broken\n\nIntro text.\n\n## Step\n\n```quiz\nid: q\nkind: choice\n```\n",
    )
    .unwrap();
    let (out, err, code) = render(&[file.to_str().unwrap(), "--width", "50"]);
    assert_eq!(code, 1);
    assert!(out.contains("Intro text."), "{out}");
    assert!(
        err.contains("broken.md:8: quiz: missing field `question`"),
        "{err}"
    );
}

#[test]
fn width_zero_is_refused() {
    let (_, err, code) = render(&["pod-phases", "--width", "0"]);
    assert_eq!(code, 2);
    assert!(err.contains("--width"), "{err}");
}

/// The boxes standing for interactive blocks speak the lesson's language.
#[test]
fn block_boxes_are_labelled_in_the_lesson_language() {
    let (en, _, _) = render(&["pod-phases", "--width", "80", "--lang", "en"]);
    let (ko, _, _) = render(&["pod-phases", "--width", "80", "--lang", "ko"]);
    for label in [
        "╭─ quiz · multi",
        "│ Quiz: ",
        "╭─ cluster",
        "│ Cluster: crashloop",
    ] {
        assert!(en.contains(label), "en has no {label:?}:\n{en}");
    }
    for label in [
        "╭─ 퀴즈 · multi",
        "│ 퀴즈: ",
        "╭─ 클러스터",
        "│ 클러스터: crashloop",
    ] {
        assert!(ko.contains(label), "ko has no {label:?}:\n{ko}");
    }
    assert!(!ko.contains("Quiz: ") && !ko.contains("Cluster: "), "{ko}");
}
