//! Any text, however broken, loads without a panic, and every line the
//! loader reports is a line of the file.

use kubetutor::lang::Lang;
use kubetutor::lesson::model::Block;
use kubetutor::lesson::parse_lesson;
use proptest::prelude::*;

const FRAGMENTS: &[&str] = &[
    "# ",
    "## ",
    "### ",
    "＃ ",
    "---\n",
    "...\n",
    "===\n",
    "```quiz\n",
    "```exercise\n",
    "```cluster\n",
    "```\n",
    "~~~\n",
    "````\n",
    "id: q\n",
    "kind: choice\n",
    "kind: predict\n",
    "question: Q\n",
    "choices:\n  - text: a\n",
    "  - text: b\n    correct: true\n",
    "answer: 2\n",
    "answer: [a, 9]\n",
    "after: 5x\n",
    "observe: { pod: a, field: phase }\n",
    "check: []\n",
    "solution: s\n",
    "goal: g\n",
    "scenario: basic\n",
    "title: \n",
    "order: x\n",
    "nav_order: 2\n",
    "lang: ko\n",
    "\r\n",
    "\n",
    "\n\n",
    "\u{feff}",
    "\r",
    "파드 ",
    "🏗️ ",
    "text ",
    "> ",
    "- ",
    "1. ",
    "   ",
    "    ",
    ":",
    "[",
    "{",
    "\"",
    "'",
    "\t",
    "|",
    "| a | b |\n|---|---|\n",
    "\u{1b}[31m",
];

fn lesson_text() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::collection::vec(prop::sample::select(FRAGMENTS), 0..80).prop_map(|v| v.concat()),
        any::<String>(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn loading_never_panics_and_lines_are_real(text in lesson_text()) {
        let lines = text.split(['\n', '\r']).count().max(1);
        let (lesson, errors) = parse_lesson("en/x.md", &text, Lang::En);
        for e in &errors {
            prop_assert!(e.line >= 1 && e.line <= lines, "{e} (file has {lines} lines)");
            prop_assert_eq!(&e.path, "en/x.md");
        }
        if let Some(lesson) = lesson {
            prop_assert!(!lesson.sections.is_empty());
            prop_assert!(!lesson.id.is_empty());
            let mut previous = 0;
            for s in &lesson.sections {
                prop_assert!(s.line > previous && s.line <= lines, "section at {} after {}", s.line, previous);
                previous = s.line;
                for b in &s.blocks {
                    let line = match b {
                        Block::Markdown(m) => {
                            prop_assert!(!m.trim().is_empty());
                            continue;
                        }
                        Block::Quiz(q) => q.line,
                        Block::Exercise(e) => e.line,
                        Block::Cluster(c) => c.line,
                        Block::Invalid { line, message, .. } => {
                            prop_assert!(errors.iter().any(|e| e.line == *line && e.message.contains(message.split("; ").next().unwrap())),
                                "invalid block at {line} not reported: {message}");
                            *line
                        }
                    };
                    prop_assert!(line >= 1 && line <= lines);
                }
            }
        } else {
            prop_assert!(!errors.is_empty(), "a file that fails says why");
        }
    }
}
