//! The runner never panics, whatever the student submits: the course's
//! solutions and starters mutated at random (characters deleted or
//! inserted, lines swapped, re-indented or duplicated), and any text at
//! all. Every run is deterministic: the same input gives the same report.

use kubetutor::exercise::course;
use kubetutor::exercise::{self, Outcome};
use kubetutor::lang::Lang;
use kubetutor::lesson::Catalog;
use proptest::prelude::*;
use std::sync::OnceLock;

/// (exercise index, text) pairs to mutate: every solution and starter.
fn course() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(Catalog::embedded)
}

fn exercises() -> Vec<course::CourseExercise<'static>> {
    course::all(course(), Lang::En)
}

#[derive(Debug, Clone)]
enum Edit {
    Delete(usize, usize),
    Insert(usize, &'static str),
    SwapLines(usize, usize),
    Indent(usize, usize),
    DuplicateLine(usize),
    /// Replace the i-th digit: keeps the text valid, changes the numbers.
    Digit(usize, char),
    /// Replace the i-th value after `: ` with another word.
    Value(usize, &'static str),
}

fn edit() -> impl Strategy<Value = Edit> {
    let pieces = prop::sample::select(vec![
        " ", "\t", ":", "- ", "\"", "'", "{", "}", "[", "]", ",", "\n", "#", "&a ", "*a", "|",
        "!!str ", "0", "9", "-1", "1e9", "한", "---\n", "null", "~", "true", "<<: *a\n",
        "\u{feff}", "500m", "Gi", "app=web", "\r\n", "\0",
    ]);
    let values = prop::sample::select(vec![
        "web",
        "shop",
        "nginx:1.27",
        "ngnix:1.27",
        "busybox",
        "0",
        "1",
        "3",
        "12",
        "node-2",
        "Never",
        "Always",
        "OnFailure",
        "\"\"",
        "500m",
        "2Gi",
        "app",
        "[]",
        "{}",
        "-5",
    ]);
    prop_oneof![
        3 => (any::<usize>(), prop::char::range('0', '9')).prop_map(|(i, d)| Edit::Digit(i, d)),
        3 => (any::<usize>(), values).prop_map(|(i, v)| Edit::Value(i, v)),
        1 => (any::<usize>(), 1usize..8).prop_map(|(i, n)| Edit::Delete(i, n)),
        1 => (any::<usize>(), pieces).prop_map(|(i, p)| Edit::Insert(i, p)),
        1 => (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Edit::SwapLines(a, b)),
        1 => (any::<usize>(), 0usize..6).prop_map(|(a, n)| Edit::Indent(a, n)),
        1 => any::<usize>().prop_map(Edit::DuplicateLine),
    ]
}

fn apply(text: &str, edits: &[Edit]) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for e in edits {
        match *e {
            Edit::Delete(i, n) if !chars.is_empty() => {
                let at = i % chars.len();
                let end = (at + n).min(chars.len());
                chars.drain(at..end);
            }
            Edit::Insert(i, piece) => {
                let at = i % (chars.len() + 1);
                chars.splice(at..at, piece.chars());
            }
            Edit::Delete(..) => {}
            Edit::Digit(i, d) => {
                let digits: Vec<usize> = (0..chars.len())
                    .filter(|&k| chars[k].is_ascii_digit())
                    .collect();
                if !digits.is_empty() {
                    chars[digits[i % digits.len()]] = d;
                }
            }
            Edit::Value(i, v) => {
                let s: String = chars.iter().collect();
                let starts: Vec<usize> = s.match_indices(": ").map(|(k, _)| k + 2).collect();
                if starts.is_empty() {
                    continue;
                }
                let from = starts[i % starts.len()];
                let end = s[from..]
                    .find(['\n', ',', '}'])
                    .map_or(s.len(), |e| from + e);
                chars = format!("{}{v}{}", &s[..from], &s[end..]).chars().collect();
            }
            Edit::SwapLines(..) | Edit::Indent(..) | Edit::DuplicateLine(_) => {
                let s: String = chars.iter().collect();
                let mut lines: Vec<String> = s.lines().map(str::to_string).collect();
                if lines.is_empty() {
                    continue;
                }
                let n = lines.len();
                match *e {
                    Edit::SwapLines(a, b) => lines.swap(a % n, b % n),
                    Edit::Indent(a, k) => lines[a % n].insert_str(0, &" ".repeat(k)),
                    Edit::DuplicateLine(a) => {
                        let l = lines[a % n].clone();
                        lines.insert(a % n, l);
                    }
                    _ => {}
                }
                chars = lines.join("\n").chars().collect();
            }
        }
    }
    chars.into_iter().collect()
}

/// Run and check what every report must satisfy.
fn check(index: usize, text: &str, seed: u64) {
    let all = exercises();
    let ex = &all[index % all.len()];
    let mut spec = ex.spec.clone();
    // Shorter than the course's timeouts: the property is about inputs.
    spec.timeout = Some("20s".into());
    let lang = if seed.is_multiple_of(2) {
        Lang::En
    } else {
        Lang::Ko
    };
    let report = exercise::run(&spec, ex.section_setup, text, lang, seed);
    let lines = report.lines(lang);
    assert!(!lines.is_empty());
    let text_lines = text.lines().count().max(1) + 1;
    for d in &report.diagnostics {
        assert!(d.line >= 1 && d.line <= text_lines, "{d} outside {text:?}");
    }
    match report.outcome {
        Outcome::Invalid => {
            assert!(report.errors().count() > 0);
            assert!(report.checks.is_empty() && report.cluster.is_none());
        }
        Outcome::Passed | Outcome::Failed => {
            assert_eq!(report.checks.len(), spec.check.len());
            assert_eq!(
                report.passed(),
                report.checks.iter().all(|c| c.passed()),
                "{lines:?}"
            );
            assert!(report.cluster.is_some());
        }
        Outcome::Rejected => assert!(report.cluster.is_some()),
        Outcome::SetupFailed(ref e) => panic!("the course's setups work: {e}"),
    }
    // Deterministic: the same input, the same report.
    let again = exercise::run(&spec, ex.section_setup, text, lang, seed);
    assert_eq!(again.lines(lang), lines);
    assert_eq!(again.elapsed_ms, report.elapsed_ms);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn mutated_solutions_and_starters_never_panic(
        index in 0usize..64,
        starter in any::<bool>(),
        edits in prop::collection::vec(edit(), 0..4),
        seed in 0u64..4,
    ) {
        let all = exercises();
        let ex = &all[index % all.len()];
        let base = if starter { &ex.spec.starter } else { &ex.spec.solution };
        check(index, &apply(base, &edits), seed);
    }

    #[test]
    fn any_text_never_panics(index in 0usize..64, text in "\\PC{0,200}", seed in 0u64..4) {
        check(index, &text, seed);
    }
}
