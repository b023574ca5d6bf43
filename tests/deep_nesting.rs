//! Deeply nested YAML (issue #15, item 3): `x: [[[[…]]]]` in a lesson's
//! front matter, a block or a manifest is refused by a linear pre-scan at
//! the line where the nesting passes the parser's limit, before the YAML
//! scanner (quadratic in the depth) sees it. How long it takes is measured
//! by the `nesting` group of benches/large.rs.

use kubetutor::lang::Lang;
use kubetutor::lesson::parse_lesson;
use kubetutor::manifest;

fn nest(n: usize) -> String {
    format!("{}{}", "[".repeat(n), "]".repeat(n))
}

#[test]
fn front_matter_nesting_is_refused_at_its_line() {
    let text = format!(
        "---\nid: deep\ntitle: Deep\nx: {}\n---\n# Deep\n\nText.\n",
        nest(100_000)
    );
    let (_, errors) = parse_lesson("deep.md", &text, Lang::En);
    let e = errors
        .iter()
        .find(|e| e.message.contains("nesting deeper than 128"))
        .unwrap_or_else(|| panic!("{errors:?}"));
    assert_eq!(e.line, 4);
    assert!(e.message.starts_with("front matter: "), "{}", e.message);
}

#[test]
fn block_nesting_is_refused_at_its_line() {
    let text = format!(
        "# Deep\n\nText.\n\n```cluster\ncaption: ok\ncommands: {}\n```\n",
        nest(50_000)
    );
    let (lesson, errors) = parse_lesson("deep.md", &text, Lang::En);
    assert!(lesson.is_some());
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].line, 7);
    assert!(
        errors[0].message.contains("nesting deeper than 128"),
        "{}",
        errors[0]
    );
}

#[test]
fn manifest_nesting_is_refused_at_its_line() {
    let text = format!("apiVersion: v1\nkind: Pod\nmetadata: {}\n", nest(100_000));
    let loaded = manifest::load(&text);
    let e = loaded.errors().next().expect("an error");
    assert_eq!(e.line, 3);
    assert!(e.message.contains("nesting deeper than 128"), "{e}");
    // JSON nests with the same brackets.
    let loaded = manifest::load(&format!("{{\"a\": {}}}", nest(10_000)));
    assert!(loaded.has_errors());
}

#[test]
fn nesting_within_the_limit_still_parses() {
    let text = format!(
        "---\nid: ok\ntitle: Ok\nx: {}\n---\n# Ok\n\nText.\n",
        nest(100)
    );
    let (lesson, errors) = parse_lesson("ok.md", &text, Lang::En);
    assert!(lesson.is_some());
    assert!(errors.is_empty(), "{errors:?}");
}
