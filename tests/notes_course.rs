//! A folder of Jekyll / just-the-docs study notes is a course: the seed notes
//! (tests/fixtures/lessons/jekyll/ holds an exact copy) renamed `.markdown`,
//! beside a second notes file under another `parent`. It loads, lists,
//! renders its phase table at a width, and colours its YAML and JSON blocks
//! (whose fences name no language).

use kubetutor::lang::Lang;
use kubetutor::lesson::Catalog;
use kubetutor::lesson::model::Block;
use kubetutor::markdown::{Theme, render_section};
use kubetutor::text::{line_width, to_plain};
use std::path::Path;
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_kubetutor");
const SEED: &str = include_str!("fixtures/lessons/jekyll/02-kubernetes-notes.md");

/// Second notes file: another parent, keys the tutor does not use, and
/// sections at the end with nothing in them.
const MORE: &str = "---
layout: default
title: 서비스와 네트워크
parent: 8월 12일
nav_order: 1
has_children: false
permalink: /notes/0812/
---

# 서비스와 네트워크

서비스는 파드 앞에 고정된 주소를 둡니다.

## 엔드포인트

준비된 파드만 엔드포인트가 됩니다.

＃ 이 줄은 제목이 아닙니다

## 다음 시간

---

## 

";

fn course() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("02-kubernetes-notes.markdown"), SEED).unwrap();
    std::fs::write(dir.path().join("03-services.md"), MORE).unwrap();
    dir
}

#[test]
fn the_notes_load_as_a_course_grouped_by_parent() {
    let dir = course();
    let c = Catalog::from_dir(dir.path()).unwrap();
    assert_eq!(c.errors(), &[]);
    let notes = c.get("kubernetes-notes", Lang::Ko).unwrap().lesson;
    assert_eq!(notes.path, "02-kubernetes-notes.markdown");
    assert_eq!(notes.title, "2025년 8월 11일 교육 내용");
    assert_eq!(notes.order, Some(2.0));
    assert_eq!(notes.lang, Lang::Ko, "Hangul prose, no lang key");
    assert_eq!(notes.sections.len(), 16);

    let more = c.get("services", Lang::Ko).unwrap().lesson;
    assert_eq!(more.title, "서비스와 네트워크");
    assert_eq!(more.order, Some(1.0));
    let titles: Vec<&str> = more.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(
        titles,
        ["서비스와 네트워크", "엔드포인트"],
        "the empty sections at the end are dropped"
    );
    let Block::Markdown(text) = &more.sections[1].blocks[0] else {
        panic!("{:?}", more.sections[1].blocks);
    };
    assert!(
        text.ends_with("＃ 이 줄은 제목이 아닙니다"),
        "a full-width ＃ line is text: {text:?}"
    );

    let groups: Vec<(Option<&str>, Vec<&str>)> = c
        .groups(Lang::Ko)
        .iter()
        .map(|g| {
            (
                g.parent,
                g.lessons.iter().map(|f| f.lesson.id.as_str()).collect(),
            )
        })
        .collect();
    assert_eq!(
        groups,
        [
            (Some("8월 12일"), vec!["services"]),
            (Some("8월 11일"), vec!["kubernetes-notes"]),
        ]
    );
}

#[test]
fn the_notes_are_listed() {
    let dir = course();
    let o = Command::new(BIN)
        .args(["list", "--lang", "ko", "--lessons"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&o.stderr), "");
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        String::from_utf8(o.stdout).unwrap(),
        "\
ID                순서  제목                       섹션  퀴즈  실습  언어
services             1  서비스와 네트워크             2     0     0  ko
kubernetes-notes     2  2025년 8월 11일 교육 내용    16     0     0  ko
"
    );
}

fn render(dir: &Path, width: u16) -> String {
    let o = Command::new(BIN)
        .args(["render", "kubernetes-notes", "--lang", "ko", "--width"])
        .arg(width.to_string())
        .arg("--lessons")
        .arg(dir)
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&o.stderr), "");
    assert_eq!(o.status.code(), Some(0));
    String::from_utf8(o.stdout).unwrap()
}

#[test]
fn the_phase_table_renders_within_the_width_without_br() {
    let dir = course();
    for width in [120u16, 60, 40] {
        let out = render(dir.path(), width);
        assert!(!out.contains("<br>"), "no literal <br> at {width}");
        for line in out.lines() {
            assert!(
                kubetutor::text::width(line) <= usize::from(width),
                "{line:?} is wider than {width}"
            );
        }
        for phase in ["Pending", "Running", "Succeeded", "Failed", "Unknown"] {
            assert!(out.contains(phase), "{phase} at {width}");
        }
        // `<br>` is a line break inside the cell: each bullet starts a line
        // of its cell.
        let bullets: Vec<&str> = out.lines().filter(|l| l.contains("• 컨테이너")).collect();
        assert_eq!(bullets.len(), 1, "at {width}:\n{out}");
        let before = bullets[0].split('•').next().unwrap();
        let in_cell = before.rsplit('│').next().unwrap();
        assert!(in_cell.trim().is_empty(), "{:?} at {width}", bullets[0]);
    }
    let wide = render(dir.path(), 120);
    assert!(wide.contains("│ Pending"), "{wide}");
}

#[test]
fn yaml_and_json_blocks_are_highlighted() {
    let dir = course();
    let c = Catalog::from_dir(dir.path()).unwrap();
    let notes = c.get("kubernetes-notes", Lang::Ko).unwrap().lesson;
    let section = notes
        .sections
        .iter()
        .find(|s| s.title.starts_with("📝 json"))
        .unwrap();
    let theme = Theme::colored();
    let text = render_section(section, 80, &theme);
    assert!(text.lines.iter().all(|l| line_width(l) <= 80));
    let style_of = |needle: &str| {
        text.lines
            .iter()
            .flat_map(|l| l.spans.iter())
            .find(|s| s.content.trim() == needle)
            .unwrap_or_else(|| panic!("{needle:?} is its own span in\n{}", to_plain(&text)))
            .style
    };
    // YAML: keys and values in their own styles, the comment too.
    assert_eq!(style_of("apiVersion"), theme.syntax.key);
    assert_eq!(
        style_of("# Nginx 파드를 정의하는 설정 파일"),
        theme.syntax.comment
    );
    assert_eq!(style_of("spec"), theme.syntax.key);
    // JSON: quoted keys, quoted strings.
    assert_eq!(style_of("\"apiVersion\""), theme.syntax.key);
    assert_eq!(style_of("\"nginx:latest\""), theme.syntax.string);
    assert_ne!(theme.syntax.key, theme.code_text);
}
