//! `manifest::load` never panics: on any text, and on valid manifests mutated
//! at random (characters deleted, inserted, lines swapped or re-indented).
//! Every diagnostic it gives points inside the text.

use kubetutor::manifest;
use proptest::prelude::*;

const VALID: &str = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  labels: &l\n    app: web\nspec:\n  replicas: 2\n  selector:\n    matchLabels: *l\n  template:\n    metadata:\n      labels: *l\n    spec:\n      containers:\n      - name: nginx\n        image: \"nginx:1.27\"\n        ports: [{containerPort: 80, name: http}]\n        resources:\n          limits: {cpu: 500m, memory: 128Mi}\n        command: [\"sh\", \"-c\", 'echo hi']\n        args:\n        - |\n          multi\n          line\n---\n{\"apiVersion\": \"v1\", \"kind\": \"Service\", \"metadata\": {\"name\": \"web\"},\n \"spec\": {\"ports\": [{\"port\": 80, \"targetPort\": \"http\"}]}}\n";

fn check(text: &str) {
    let loaded = manifest::load(text);
    let lines = text.lines().count().max(1) + 1;
    for d in &loaded.diagnostics {
        assert!(
            d.line >= 1 && d.line <= lines,
            "{d} outside {lines} lines of {text:?}"
        );
        assert!(d.column >= 1, "{d}");
    }
    let _ = manifest::to_json(&loaded);
    let _ = manifest::to_yaml(&loaded);
}

#[derive(Debug, Clone)]
enum Edit {
    Delete(usize),
    Insert(usize, char),
    SwapLines(usize, usize),
    Indent(usize, usize),
    DuplicateLine(usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    let chars = prop::sample::select(vec![
        ' ', '\t', ':', '-', '"', '\'', '{', '}', '[', ']', ',', '\n', '#', '&', '*', '|', '>',
        '!', 'a', '0', '한', '%', '@', '`', '?',
    ]);
    prop_oneof![
        any::<usize>().prop_map(Edit::Delete),
        (any::<usize>(), chars).prop_map(|(i, c)| Edit::Insert(i, c)),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Edit::SwapLines(a, b)),
        (any::<usize>(), 0usize..6).prop_map(|(a, n)| Edit::Indent(a, n)),
        any::<usize>().prop_map(Edit::DuplicateLine),
    ]
}

fn apply(text: &str, edits: &[Edit]) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for e in edits {
        match *e {
            Edit::Delete(i) if !chars.is_empty() => {
                chars.remove(i % chars.len());
            }
            Edit::Insert(i, c) => chars.insert(i % (chars.len() + 1), c),
            Edit::SwapLines(..) | Edit::Indent(..) | Edit::DuplicateLine(_) => {
                let s: String = chars.iter().collect();
                let mut lines: Vec<String> = s.lines().map(str::to_string).collect();
                if lines.is_empty() {
                    continue;
                }
                let n = lines.len();
                match *e {
                    Edit::SwapLines(a, b) => lines.swap(a % n, b % n),
                    Edit::Indent(a, k) => {
                        lines[a % n] = format!("{}{}", " ".repeat(k), lines[a % n])
                    }
                    Edit::DuplicateLine(a) => {
                        let l = lines[a % n].clone();
                        lines.insert(a % n, l);
                    }
                    _ => {}
                }
                chars = (lines.join("\n") + "\n").chars().collect();
            }
            _ => {}
        }
    }
    chars.into_iter().collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn any_text_never_panics(text in "\\PC*") {
        check(&text);
    }

    #[test]
    fn yaml_like_text_never_panics(text in "[a-z:\\- \n\t\"'{}\\[\\],#&*|>0-9.%]{0,200}") {
        check(&text);
    }

    #[test]
    fn mutated_manifests_never_panic(edits in prop::collection::vec(edit(), 1..6)) {
        check(&apply(VALID, &edits));
    }
}

#[test]
fn the_unmutated_manifest_is_valid() {
    let loaded = manifest::load(VALID);
    assert!(!loaded.has_errors(), "{:?}", loaded.diagnostics);
    assert_eq!(loaded.objects().len(), 2);
}
