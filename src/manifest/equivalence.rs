//! The one-pass reader (saphyr events -> values and positions) against the
//! two-pass one it replaces (`yaml_serde` for values, a saphyr scan for
//! positions): the same values, positions and diagnostics for every manifest
//! the repository holds, every fuzz seed, those texts cut short, and random
//! YAML documents.

use super::line_breaks;
use super::source::{Parsed, parse, parse_with, parse_yaml_chunk_serde};
use proptest::prelude::*;
use std::path::{Path, PathBuf};

fn describe(p: &Parsed) -> String {
    let docs: Vec<String> = p
        .docs
        .iter()
        .map(|d| format!("{:?}\n{}", d.value, d.pos.fingerprint()))
        .collect();
    format!(
        "{:?} unreadable={}\n{:#?}\n{}",
        p.format,
        p.unreadable,
        p.diagnostics,
        docs.join("\n")
    )
}

fn same(text: &str) -> Result<(), String> {
    let text = line_breaks::normalize(text);
    let new = describe(&parse(&text));
    let old = describe(&parse_with(&text, parse_yaml_chunk_serde));
    if new == old {
        Ok(())
    } else {
        let first = old
            .lines()
            .zip(new.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(0);
        let line = |s: &str| s.lines().nth(first).unwrap_or("").to_string();
        Err(format!(
            "text:\n{text}\n--- old, line {first}:\n{}\n--- new:\n{}\n--- old in full:\n{old}",
            line(&old),
            line(&new)
        ))
    }
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let path = e.path();
        if path.is_dir() {
            files(&path, out);
        } else {
            out.push(path);
        }
    }
}

/// Every text file under `tests/fixtures` (manifests, the YAML of lessons
/// and exercises, the k8s examples) and the fuzz seeds, whole and cut at a
/// third and two thirds (which makes syntax errors of all kinds).
#[test]
fn fixtures_and_fuzz_seeds_read_the_same_both_ways() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths = Vec::new();
    // Only what the repository holds: a fuzz corpus grown on one machine
    // (`fuzz/corpus`, not kept) would make the test differ between machines.
    for dir in ["tests/fixtures", "fuzz/seeds"] {
        files(&root.join(dir), &mut paths);
    }
    paths.sort();
    let mut checked = 0;
    let mut failures = Vec::new();
    for path in &paths {
        let Ok(text) = std::fs::read_to_string(path) else {
            continue;
        };
        let cuts = [text.len(), text.len() / 3, text.len() * 2 / 3];
        for cut in cuts {
            let Some(part) = text.get(..cut) else {
                continue;
            };
            checked += 1;
            if let Err(e) = same(part) {
                failures.push(format!("{} (cut at {cut}):\n{e}", path.display()));
            }
        }
    }
    assert!(checked > 300, "only {checked} texts found");
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// Texts written to reach every rule: YAML 1.1 scalars, tags, anchors and
/// merge keys, duplicate keys, documents, and the values `yaml_serde`
/// refuses.
#[test]
fn hand_written_cases_read_the_same_both_ways() {
    let cases = [
        // Tabs where a token starts (found by the kubectl_execute corpus).
        "\t",
        "\t\n",
        "a: 1\n\tb: 2\n",
        " \tx: 1\n",
        "a: |\n\tnot indentation\n",
        "a: 0644\nb: yes\nc: On\nd: 1_000\ne: 0x1F\nf: 1e3\ng: 3.0\nh: .inf\ni: .NaN\nj: ~\nk: ''\nl:\nm: 0o17\nn: -0b11\n",
        "yes: 1\n0644: a\n1.5: b\n~: c\ntrue: d\n",
        "a: !!str 0644\nb: !!int 12\nc: !!float 1\nd: !!bool true\ne: !!null ~\nf: !custom v1\ng: !custom [1]\nh: ! x\ni: !<tag:yaml.org,2002:str> 5\nj: !!map {a: 1}\nk: !x {a: yes}\n",
        "a: !!int x\n",
        "a: !!bool yes\n",
        "a: !!null x\n",
        "a: !!float x\n",
        "a: 99999999999999999999999\nb: -99999999999999999999999\n",
        "base: &b {a: 1, b: yes}\nx:\n  <<: *b\n  c: 2\ny: {<<: [*b, {d: 4}], a: 9}\nz: *b\n'<<': *b\n",
        "a: &x [1, &y {b: *y}]\n",
        "a: *nothing\n",
        "a: 1\na: 2\n",
        "a: 1\n'a': 2\n",
        "1: a\n'1': b\n",
        "1: a\n01: b\n",
        "1: a\n0x1: b\n",
        "a:\n  b: 1\n  b: 2\nc: 3\n",
        "? [a, b]\n: 1\n? [a, b]\n: 2\n",
        "? {a: 1}\n: x\n",
        "a: 1\n...\nb: 2\n",
        "a: 1\n--- \nb: &x 2\n---\nc: *x\n",
        "%YAML 1.1\n---\na: 1\n",
        "%TAG !e! tag:example.com,2000:\n---\na: !e!foo 1\n",
        "a: [1, 2\n",
        "a: 'open\n",
        "a:\tb\n",
        "kind:Pod\n",
        "a: b: c\n",
        "a:\n  - b\n  c: d\n",
        "- a\n- &x b\n- *x\n- *x\n",
        "a: &x\n  b: &y [1, 2]\n  c: *y\nd: *x\ne: [*x, *x]\n",
        "{a: 1, b: [1, 2, {c: d}]}\n",
        "[1, 2]\n",
        "just text\n",
        "---\n---\n---\n",
        "a: |\n  x\n  y\nb: >-\n  z\n",
        "a: \"\\u263a\"\nb: 'it''s'\n",
        "a: -.inf\nb: +.5\nc: +0x10\nd: -0x10\ne: 0b\nf: 0x\ng: +-1\nh: 1__0\n",
        "a: [\n  b\n]\n",
        "x:\n- a\n-  [b,\n c]\n",
        "a: &a 1\nb: &a 2\nc: *a\n",
        "a: 1\n...\n",
        "a: 1\n...\n...\n",
        "...\n",
        "# c\n\n...\na: 1\n",
        "a: 1\n...\n# c\n",
        "a: 1\n... # c\n---\nb: 2\n",
        "a: |\n  x\n  ",
        "a: >\n  x",
        "a: |+\n  x\n\n",
        "- |-\n  x\n- y",
        "a: [1,\n2]\n",
        "a:\n  b: [1,\n  2]\n",
        "cmd: [\n  \"a\"\n]\n",
    ];
    let failures: Vec<String> = cases.iter().filter_map(|c| same(c).err()).collect();
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

fn scalar() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "yes",
            "No",
            "ON",
            "off",
            "y",
            "n",
            "true",
            "False",
            "null",
            "~",
            "",
            "0644",
            "08",
            "0x1F",
            "0o7",
            "0b10",
            "1_000",
            "1e3",
            "3.0",
            ".5",
            "-.inf",
            ".nan",
            "1:20",
            "2001-12-14",
            "+12",
            "-0",
            "a b",
            "'q'",
            "\"d\"",
            "!!str 1",
            "!!int 7",
            "!t x",
            "9223372036854775808",
            "-9223372036854775809",
            "<<",
            "&a x",
            "*a",
        ])
        .prop_map(str::to_string),
        "[a-z0-9._-]{1,6}",
    ]
}

#[derive(Debug, Clone)]
enum Node {
    Scalar(String),
    Seq(Vec<Node>, bool),
    Map(Vec<(String, Node)>, bool),
}

fn node() -> impl Strategy<Value = Node> {
    scalar()
        .prop_map(Node::Scalar)
        .prop_recursive(5, 40, 5, |inner| {
            prop_oneof![
                (prop::collection::vec(inner.clone(), 0..5), any::<bool>())
                    .prop_map(|(v, f)| Node::Seq(v, f)),
                (
                    prop::collection::vec((scalar(), inner), 0..5),
                    any::<bool>()
                )
                    .prop_map(|(v, f)| Node::Map(v, f)),
            ]
        })
}

fn flow(n: &Node, out: &mut String) {
    match n {
        Node::Scalar(s) => out.push_str(s),
        Node::Seq(items, _) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                flow(item, out);
            }
            out.push(']');
        }
        Node::Map(entries, _) => {
            out.push('{');
            for (i, (k, v)) in entries.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                out.push_str(k);
                out.push_str(": ");
                flow(v, out);
            }
            out.push('}');
        }
    }
}

/// Block style where the node asks for it, flow style inside.
fn block(n: &Node, indent: usize, out: &mut String) {
    let pad = " ".repeat(indent);
    match n {
        Node::Seq(items, false) if !items.is_empty() => {
            for item in items {
                out.push_str(&format!("\n{pad}- "));
                block(item, indent + 2, out);
            }
        }
        Node::Map(entries, false) if !entries.is_empty() => {
            for (k, v) in entries {
                out.push_str(&format!("\n{pad}{k}: "));
                block(v, indent + 2, out);
            }
        }
        other => flow(other, out),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(600))]

    #[test]
    fn random_documents_read_the_same_both_ways(docs in prop::collection::vec(node(), 1..3)) {
        let mut text = String::new();
        for d in &docs {
            text.push_str("---");
            block(d, 0, &mut text);
            text.push('\n');
        }
        if let Err(e) = same(&text) {
            prop_assert!(false, "{}", e);
        }
    }
}
