//! The examples in lessons/README.md are real: each one loads without errors.

use kubetutor::lang::Lang;
use kubetutor::lesson::model::Block;
use kubetutor::lesson::parse_lesson;
use kubetutor::quiz::spec::Observe;

const README: &str = include_str!("../lessons/README.md");

/// The Markdown examples written inside ````markdown fences.
fn examples() -> Vec<&'static str> {
    README
        .split("````markdown\n")
        .skip(1)
        .map(|rest| rest.split("\n````").next().unwrap())
        .collect()
}

#[test]
fn every_block_example_loads_cleanly() {
    let mut blocks = 0;
    for example in examples() {
        let text = format!("# Example\n\nIntro.\n\n{example}\n");
        let (lesson, errors) = parse_lesson("lessons/README.md", &text, Lang::En);
        assert_eq!(errors, vec![], "example:\n{example}");
        let lesson = lesson.unwrap();
        blocks += lesson
            .sections
            .iter()
            .flat_map(|s| &s.blocks)
            .filter(|b| !matches!(b, Block::Markdown(_)))
            .count();
    }
    // cluster, choice, order, text, predict, exercise.
    assert_eq!(blocks, 6);
}

#[test]
fn every_observe_example_parses() {
    let lines: Vec<&str> = README
        .lines()
        .filter(|l| l.starts_with("observe: {"))
        .collect();
    assert_eq!(lines.len(), 13);
    for line in lines {
        let yaml = line.strip_prefix("observe: ").unwrap();
        let observe: Result<Observe, _> = serde_yaml::from_str(yaml);
        assert!(observe.is_ok(), "{line}: {observe:?}");
    }
}
