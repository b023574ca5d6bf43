//! A lesson section: Markdown blocks and the marker boxes that stand in for
//! quizzes, exercises and cluster steps.

mod markdown_support;

use kubetutor::exercise::spec::ExerciseSpec;
use kubetutor::lesson::model::{Block, Located, Section};
use kubetutor::markdown::{Theme, render_section};
use kubetutor::quiz::spec::QuizSpec;
use kubetutor::sim::setup::Setup;
use markdown_support::*;

fn quiz(yaml: &str) -> Block {
    let value: QuizSpec = serde_yaml::from_str(yaml).expect("quiz yaml");
    Block::Quiz(Box::new(Located { line: 12, value }))
}

fn section() -> Section {
    let exercise: ExerciseSpec = serde_yaml::from_str(
        "id: first-pod\ngoal: \"`web`라는 이름의 nginx 파드를 하나 만드세요.\"\nsolution: x\ncheck: []\n",
    )
    .expect("exercise yaml");
    let setup: Setup =
        serde_yaml::from_str("scenario: crashloop\ncaption: 재시작이 반복되는 파드\n")
            .expect("setup");
    Section {
        title: "파드의 단계".to_string(),
        line: 10,
        blocks: vec![
            Block::Markdown("파드는 **다섯 단계** 중 하나에 있습니다.\n".to_string()),
            Block::Cluster(Box::new(Located {
                line: 14,
                value: setup,
            })),
            quiz(
                "id: q1\nkind: choice\nquestion: 종료 코드 1로 끝났고 restartPolicy가 Never라면 단계는?\nchoices:\n  - text: Failed\n    correct: true\n  - text: \"**Succeeded**\"\n",
            ),
            Block::Exercise(Box::new(Located {
                line: 30,
                value: exercise,
            })),
            Block::Invalid {
                line: 41,
                info: "quiz".to_string(),
                message: "missing field `question`\nat line 2 column 1".to_string(),
            },
        ],
    }
}

#[test]
fn section_at_60_columns() {
    let text = render_section(&section(), 60, &Theme::plain());
    assert_fits(&text, 60);
    insta::assert_snapshot!(plain(&text));
}

#[test]
fn boxes_name_what_they_stand_for() {
    let out = lines(&render_section(&section(), 80, &Theme::plain()));
    let joined = out.join("\n");
    assert!(joined.contains("│ Quiz: 종료 코드 1로 끝났고"), "{joined}");
    assert!(joined.contains("quiz · choice"));
    assert!(joined.contains("│ 1. Failed"));
    assert!(
        joined.contains("│ 2. Succeeded"),
        "markup in choices is rendered"
    );
    assert!(joined.contains("│ Exercise: web라는 이름의 nginx 파드"));
    assert!(joined.contains("│ Cluster: crashloop"));
    assert!(joined.contains("│ 재시작이 반복되는 파드"));
    assert!(joined.contains("│ Error: `quiz` block at line 41"));
    assert!(joined.contains("│ missing field `question`"));
    // Raw YAML never shows.
    assert!(!joined.contains("kind: choice"));
    assert!(!joined.contains("correct"));
}

#[test]
fn boxes_use_their_styles() {
    let theme = Theme::colored();
    let text = render_section(&section(), 60, &theme);
    let spans: Vec<_> = text.lines.iter().flat_map(|l| &l.spans).collect();
    let label = spans.iter().find(|s| s.content == "Quiz: ").expect("label");
    assert_eq!(label.style, theme.box_label);
    let error = spans
        .iter()
        .find(|s| s.content.contains("missing field"))
        .expect("message");
    assert_eq!(error.style, theme.error_text);
    assert!(
        spans
            .iter()
            .any(|s| s.content.starts_with('╭') && s.style == theme.error_border)
    );
}

#[test]
fn order_items_are_not_listed_in_answer_order() {
    let section = Section {
        title: "t".to_string(),
        line: 1,
        blocks: vec![quiz(
            "id: q\nkind: order\nquestion: 순서대로\nitems: [scheduler, api-server, kubelet]\n",
        )],
    };
    let out = lines(&render_section(&section, 40, &Theme::plain()));
    let items: Vec<&String> = out.iter().filter(|l| l.contains("• ")).collect();
    assert_eq!(items.len(), 3);
    assert!(items[0].contains("api-server"));
    assert!(items[1].contains("kubelet"));
    assert!(items[2].contains("scheduler"));
}

#[test]
fn title_is_not_repeated_when_the_markdown_has_it() {
    let mut s = section();
    s.blocks[0] = Block::Markdown("## 파드의 단계\n\n본문\n".to_string());
    let out = lines(&render_section(&s, 60, &Theme::plain()));
    assert_eq!(out.iter().filter(|l| l.contains("파드의 단계")).count(), 1);
    assert_eq!(out[0], "파드의 단계");
    let out = lines(&render_section(&section(), 60, &Theme::plain()));
    assert_eq!(out[0], "파드의 단계");
    assert_eq!(out[1], "─".repeat(width_of("파드의 단계")));
}

fn width_of(s: &str) -> usize {
    kubetutor::text::width(s)
}

#[test]
fn sections_fit_every_width_without_controls() {
    let mut s = section();
    s.blocks.push(Block::Invalid {
        line: 3,
        info: "exercise\x1b[31m".to_string(),
        message: "bad \u{9b}2J value\x07".to_string(),
    });
    for w in 1..=80u16 {
        let text = render_section(&s, w, &Theme::colored());
        assert_fits(&text, usize::from(w));
        assert_no_controls(&text);
    }
}
