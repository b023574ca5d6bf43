//! The lesson loader: front matter, titles, ids, sections and Markdown chunks.

use kubetutor::lang::Lang;
use kubetutor::lesson::model::{Block, Lesson, LoadError};
use kubetutor::lesson::parse_lesson;

fn load(path: &str, text: &str) -> Lesson {
    let (lesson, errors) = parse_lesson(path, text, Lang::En);
    assert_eq!(errors, vec![], "unexpected load errors");
    lesson.expect("the lesson loads")
}

fn titles(lesson: &Lesson) -> Vec<(usize, &str)> {
    lesson
        .sections
        .iter()
        .map(|s| (s.line, s.title.as_str()))
        .collect()
}

fn markdown(lesson: &Lesson, section: usize) -> Vec<&str> {
    lesson.sections[section]
        .blocks
        .iter()
        .map(|b| match b {
            Block::Markdown(m) => m.as_str(),
            other => panic!("expected only Markdown, got {other:?}"),
        })
        .collect()
}

#[test]
fn order_and_nav_order_quoted_or_not() {
    let a = load("a.md", "---\norder: 3\n---\n# A\n\ntext\n");
    let b = load("b.md", "---\nnav_order: \"4\"\n---\n# B\n\ntext\n");
    let c = load(
        "c.md",
        "---\norder: '2.5'\nnav_order: 9\n---\n# C\n\ntext\n",
    );
    let d = load("d.md", "# D\n\ntext\n");
    assert_eq!(a.order, Some(3.0));
    assert_eq!(b.order, Some(4.0));
    assert_eq!(c.order, Some(2.5), "order wins over nav_order");
    assert_eq!(d.order, None);
}

#[test]
fn quoted_and_unquoted_values() {
    let l = load(
        "x.md",
        "---\nid: 'pod-phases'\ntitle: \"Pod phases: the five\"\nsummary: Where a Pod is in its life\nparent: Workloads\n---\n\ntext\n",
    );
    assert_eq!(l.id, "pod-phases");
    assert_eq!(l.title, "Pod phases: the five");
    assert_eq!(l.summary.as_deref(), Some("Where a Pod is in its life"));
    assert_eq!(l.parent.as_deref(), Some("Workloads"));
}

#[test]
fn empty_title_falls_back_to_the_first_heading() {
    let l = load(
        "x.md",
        "---\ntitle: \nlayout: default\n---\n\n# From the heading\n\nBody.\n",
    );
    assert_eq!(l.title, "From the heading");
    assert_eq!(titles(&l), vec![(8, "From the heading")]);
    assert_eq!(
        markdown(&l, 0),
        vec!["Body."],
        "the title is not repeated as text"
    );
}

#[test]
fn front_matter_title_wins_and_the_heading_is_still_not_repeated() {
    let l = load("x.md", "---\ntitle: Given\n---\n# In the file\n\nBody.\n");
    assert_eq!(l.title, "Given");
    assert_eq!(markdown(&l, 0), vec!["Body."]);
}

#[test]
fn unknown_keys_are_ignored() {
    let l = load(
        "x.md",
        "---\nlayout: default\npermalink: /docs/x/\nhas_children: true\ntags: [a, b]\nnested: { a: 1 }\ntitle: Known\n---\ntext\n",
    );
    assert_eq!(l.title, "Known");
}

#[test]
fn no_front_matter_id_from_the_file_name_title_from_the_heading() {
    let l = load(
        "lessons/en/15-pod-phases.md",
        "# Pod phases\n\nFive of them.\n",
    );
    assert_eq!(l.id, "pod-phases");
    assert_eq!(l.title, "Pod phases");
    assert_eq!(l.lang, Lang::En);
    assert_eq!(l.path, "lessons/en/15-pod-phases.md");
    let l = load("notes/pods.ko.markdown", "# 파드\n\n본문\n");
    assert_eq!(l.id, "pods");
    let l = load("2024.md", "# Year\n\ntext\n");
    assert_eq!(l.id, "2024", "a name that is only digits keeps them");
}

#[test]
fn front_matter_id_and_lang_win() {
    let (l, _) = parse_lesson(
        "ko/15-x.md",
        "---\nid: phases\nlang: ko\n---\ntext\n",
        Lang::En,
    );
    let l = l.unwrap();
    assert_eq!(l.id, "phases");
    assert_eq!(l.lang, Lang::Ko);
}

#[test]
fn no_heading_at_all_uses_the_id_as_title() {
    let l = load("en/just-text.md", "Only a paragraph.\n");
    assert_eq!(l.title, "just-text");
    assert_eq!(titles(&l), vec![(1, "just-text")]);
}

#[test]
fn crlf_and_bom_read_like_plain_lf() {
    let lf = "---\ntitle: T\norder: 1\n---\n\n# T\n\nIntro.\n\n## One\n\nText\nmore\n\n```quiz\nid: q\nkind: text\nquestion: Q?\naccept: [a]\n```\n";
    let crlf = format!("\u{feff}{}", lf.replace('\n', "\r\n"));
    let a = load("x.md", lf);
    let b = load("x.md", &crlf);
    assert_eq!(a, b);
    assert_eq!(titles(&b), vec![(8, "T"), (10, "One")]);
    assert_eq!(b.quizzes().next().unwrap().line, 15);
}

#[test]
fn sections_split_at_h2_and_at_later_h1() {
    let text = "# Title\n\nIntro text.\n\n## First\n\nOne.\n\n### Sub\n\nStill one.\n\n# Part two\n\nTwo.\n\n## Third\n\nThree.\n";
    let l = load("x.md", text);
    assert_eq!(
        titles(&l),
        vec![(3, "Title"), (5, "First"), (13, "Part two"), (17, "Third")]
    );
    assert_eq!(markdown(&l, 0), vec!["Intro text."]);
    assert_eq!(markdown(&l, 1), vec!["One.\n\n### Sub\n\nStill one."]);
    assert_eq!(markdown(&l, 3), vec!["Three."]);
}

#[test]
fn setext_headings_split_too() {
    let l = load("x.md", "Title\n=====\n\nIntro.\n\nStep\n----\n\nBody.\n");
    assert_eq!(l.title, "Title");
    assert_eq!(titles(&l), vec![(4, "Title"), (6, "Step")]);
}

#[test]
fn empty_intro_is_dropped() {
    let l = load("x.md", "# Title\n\n## Only\n\nText.\n");
    assert_eq!(titles(&l), vec![(3, "Only")]);
}

#[test]
fn text_before_the_title_heading_is_intro() {
    let l = load("x.md", "Before.\n\n# Title\n\nAfter.\n\n## S\n\nx\n");
    assert_eq!(l.title, "Title");
    assert_eq!(markdown(&l, 0), vec!["Before.", "After."]);
}

#[test]
fn headings_inside_code_fences_are_text() {
    let text =
        "# T\n\n## Real\n\n```yaml\n## not a section\n# nor this\n```\n\n~~~\n## nor this\n~~~\n";
    let l = load("x.md", text);
    assert_eq!(titles(&l), vec![(3, "Real")]);
    assert_eq!(
        markdown(&l, 0),
        vec!["```yaml\n## not a section\n# nor this\n```\n\n~~~\n## nor this\n~~~"]
    );
}

#[test]
fn full_width_hash_is_text() {
    let l = load("x.md", "# T\n\n## A\n\n＃ 클러스터 아키텍처\n\ntext\n");
    assert_eq!(titles(&l), vec![(3, "A")]);
    assert_eq!(markdown(&l, 0), vec!["＃ 클러스터 아키텍처\n\ntext"]);
}

#[test]
fn empty_trailing_sections_are_dropped_but_not_empty_middle_ones() {
    let text = "# T\n\n## A\n\na\n\n## Empty middle\n\n## B\n\nb\n\n---\n\n## Trailing\n\n---\n\n## Also empty\n\n";
    let l = load("x.md", text);
    assert_eq!(titles(&l), vec![(3, "A"), (7, "Empty middle"), (9, "B")]);
    assert_eq!(markdown(&l, 1), Vec::<&str>::new());
    assert_eq!(markdown(&l, 2), vec!["b\n\n---"]);
}

#[test]
fn indented_code_keeps_its_indentation() {
    let l = load("x.md", "# T\n\n## A\n\n\n    indented code\n\ntext\n");
    assert_eq!(markdown(&l, 0), vec!["    indented code\n\ntext"]);
}

#[test]
fn interactive_blocks_split_the_markdown_in_order() {
    let text = "\
# T

## Step

Before.

```cluster
scenario: crashloop
```

Between.

```quiz
id: q1
kind: text
question: Which component stores cluster state?
accept: [etcd]
```

After.
";
    let l = load("x.md", text);
    let blocks = &l.sections[0].blocks;
    assert_eq!(blocks.len(), 5);
    assert_eq!(blocks[0], Block::Markdown("Before.".into()));
    match &blocks[1] {
        Block::Cluster(c) => {
            assert_eq!(c.line, 7);
            assert_eq!(c.value.scenario.as_deref(), Some("crashloop"));
        }
        other => panic!("expected a cluster block, got {other:?}"),
    }
    assert_eq!(blocks[2], Block::Markdown("Between.".into()));
    match &blocks[3] {
        Block::Quiz(q) => {
            assert_eq!(q.line, 13);
            assert_eq!(q.value.accept, vec!["etcd".to_string()]);
        }
        other => panic!("expected a quiz, got {other:?}"),
    }
    assert_eq!(blocks[4], Block::Markdown("After.".into()));
    assert_eq!(l.sections[0].cluster().unwrap().line, 7);
}

#[test]
fn a_fence_inside_a_list_item_is_a_block() {
    let text = "# T\n\n1. Read this.\n2. Then answer:\n\n   ```quiz\n   id: q\n   kind: text\n   question: Q?\n   accept: [a]\n   ```\n\n3. Done.\n";
    let l = load("x.md", text);
    let blocks = &l.sections[0].blocks;
    assert_eq!(
        blocks[0],
        Block::Markdown("1. Read this.\n2. Then answer:".into())
    );
    assert!(matches!(&blocks[1], Block::Quiz(q) if q.line == 6 && q.value.id == "q"));
    assert_eq!(blocks[2], Block::Markdown("3. Done.".into()));
}

#[test]
fn other_code_fences_stay_markdown() {
    let l = load("x.md", "# T\n\n```yaml\nid: not-a-quiz\n```\n");
    assert_eq!(markdown(&l, 0), vec!["```yaml\nid: not-a-quiz\n```"]);
}

#[test]
fn broken_front_matter_fails_the_file() {
    let err = |text: &str| {
        let (lesson, errors) = parse_lesson("en/x.md", text, Lang::En);
        assert!(lesson.is_none());
        errors
    };
    assert_eq!(
        err("---\ntitle: x\n\n# Body\n"),
        vec![LoadError {
            path: "en/x.md".into(),
            line: 1,
            message: "front matter starts here but has no closing `---` line".into()
        }]
    );
    assert_eq!(
        err("---\ntitle: x\nbad: : :\n---\ntext\n")
            .iter()
            .map(|e| e.line)
            .collect::<Vec<_>>(),
        vec![3]
    );
    assert_eq!(
        err("---\n- a list\n---\ntext\n")[0].to_string(),
        "en/x.md:2: front matter must be `key: value` lines"
    );
}

#[test]
fn bad_front_matter_values_are_reported_and_the_lesson_still_loads() {
    let (lesson, errors) = parse_lesson(
        "en/x.md",
        "---\ntitle: Fine\norder: first\nlang: fr\n---\ntext\n",
        Lang::En,
    );
    let lesson = lesson.unwrap();
    assert_eq!((lesson.order, lesson.lang), (None, Lang::En));
    let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        lines,
        vec![
            "en/x.md:4: front matter: unknown lang \"fr\": expected ko or en",
            "en/x.md:3: front matter: `order` must be a number",
        ]
    );
}

#[test]
fn a_lesson_with_no_content_is_an_error() {
    for (text, line) in [
        ("", 1),
        ("---\ntitle: x\n---\n", 3),
        ("# Only a title\n", 1),
        ("---\ntitle: x\n---\n\n# T\n\n## Empty\n\n---\n", 4),
    ] {
        let (lesson, errors) = parse_lesson("en/x.md", text, Lang::En);
        assert!(lesson.is_none(), "{text:?}");
        assert_eq!(errors.len(), 1, "{text:?}");
        assert_eq!(errors[0].line, line, "{text:?}");
        assert!(
            errors[0].message.starts_with("the lesson has no content"),
            "{}",
            errors[0]
        );
    }
}

#[test]
fn jekyll_study_notes_load_as_they_are() {
    let text = include_str!("fixtures/lessons/jekyll/02-kubernetes-notes.md");
    let (lesson, errors) = parse_lesson("notes/02-kubernetes-notes.md", text, Lang::Ko);
    assert_eq!(errors, vec![]);
    let l = lesson.unwrap();
    assert_eq!(l.id, "kubernetes-notes");
    assert_eq!(
        l.title, "2025년 8월 11일 교육 내용",
        "empty `title:` falls back"
    );
    assert_eq!(l.order, Some(2.0), "nav_order");
    assert_eq!(l.parent.as_deref(), Some("8월 11일"));
    assert_eq!(l.lang, Lang::Ko);
    let t = titles(&l);
    assert_eq!(t.len(), 16);
    assert_eq!(
        t[0],
        (10, "쿠버네티스"),
        "a later `#` heading starts a section"
    );
    assert_eq!(
        t[1],
        (12, "1. IaC (Infrastructure as Code) - 코드로 인프라 구축")
    );
    assert_eq!(
        t[3],
        (42, "3. API 서버 (API Server) - 클러스터의 공식 소통 창구")
    );
    assert_eq!(t[9], (145, "🏗️ 클러스터 (Cluster)"));
    assert_eq!(
        t[15],
        (284, "🏗️ 쿠버네티스 CRI 구조 변경 (Dockershim의 제거)")
    );
    // The full-width ＃ line is the end of the "Node" section's text.
    assert_eq!(t[8].1, "💪 노드 (Node): 실무자 그룹");
    assert!(markdown(&l, 8)[0].ends_with("＃ 클러스트 아키텍처"));
    // The `# Nginx ...` comment inside the YAML block is not a heading.
    let json_yaml = markdown(&l, 13)[0];
    assert!(json_yaml.contains("```\n# Nginx 파드를 정의하는 설정 파일\napiVersion: v1"));
    assert!(json_yaml.contains("\"apiVersion\": \"v1\","));
    // The phase table belongs to the kubelet section.
    assert!(markdown(&l, 14)[0].contains("| **Pending** | **대기 중** |"));
    assert!(markdown(&l, 15)[0].ends_with("쿠버네티스 설치 방법"));
    assert_eq!(l.quizzes().count() + l.exercises().count(), 0);
}
