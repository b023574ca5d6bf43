//! Property: a lesson's sections (Markdown with quiz, exercise and cluster
//! boxes, broken blocks as error boxes) render at any width from 1 to 300
//! with no line wider than the width and no control character: the
//! `markdown_render` fuzz target's check, in the normal suite.

mod markdown_support;

use kubetutor::lang::Lang;
use kubetutor::lesson::parse_lesson;
use kubetutor::markdown::{Theme, render_section};
use markdown_support::{assert_fits, assert_no_controls};
use proptest::prelude::*;

const PIECES: &[&str] = &[
    "\n## Step\n\n",
    "\n# Part\n\n",
    "\n```quiz\nid: q\nkind: choice\nquestion: 파드의 상태는?\nchoices:\n  - text: Running\n    correct: true\n  - text: Failed\n```\n",
    "\n```quiz\nid: o\nkind: order\nquestion: Order\nitems: [a, b, c]\n```\n",
    "\n```exercise\nid: e\ngoal: Run a Pod 🏗️\nsolution: |\n  kind: Pod\ncheck:\n  - pods: { count: 1 }\n```\n",
    "\n```cluster\nscenario: crashloop\ncaption: 컨테이너가 계속 다시 시작됩니다\n```\n",
    "\n```quiz\nid: broken\nkind: nope\n```\n",
    "\n| 상태 | 설명 |\n|:--|--:|\n| **Pending** | 이미지를 받는 중 <br> • 노드 없음 |\n",
    "\n```yaml\napiVersion: v1\nkind: Pod\n```\n",
    "\n```\n{\"a\": [1, 2]}\n```\n",
    "kubelet → CRI → containerd ",
    "a-very-long-token-that-does-not-fit-anywhere-at-all ",
    "⚙️ ",
    "\x1b[31m\u{9b}\x07 ",
    "\n- item\n  - nested `code`\n",
    "\n> quote\n",
];

fn lesson() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            4 => prop::sample::select(PIECES).prop_map(str::to_string),
            1 => "\\PC{1,20}",
        ],
        1..30,
    )
    .prop_map(|v| format!("# Lesson\n\nIntro.\n{}", v.concat()))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn sections_fit_any_width_up_to_300(text in lesson(), width in 1u16..=300) {
        let (lesson, _) = parse_lesson("en/x.md", &text, Lang::En);
        let lesson = lesson.expect("the lesson has an intro");
        for section in &lesson.sections {
            let rendered = render_section(section, width, &Theme::colored());
            assert_fits(&rendered, usize::from(width));
            assert_no_controls(&rendered);
        }
    }
}
