//! Converting YAML to JSON and back keeps the objects (and the documents)
//! equal, for the fixtures and for the whole examples corpus.

use kubetutor::manifest::{self, Format};
use std::path::PathBuf;

fn corpus_files() -> Vec<PathBuf> {
    let here = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let root = here.join("tests/fixtures/k8s-examples");
    let mut out = Vec::new();
    let mut dirs = vec![root, here.join("tests/fixtures/manifests")];
    while let Some(d) = dirs.pop() {
        for e in std::fs::read_dir(d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                dirs.push(p);
            } else if p.extension().is_some_and(|x| x == "yaml") && !p.ends_with("broken.yaml") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

#[test]
fn yaml_to_json_to_yaml_keeps_the_objects() {
    let files = corpus_files();
    assert!(files.len() >= 53, "{}", files.len());
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        let yaml = manifest::load(&text);
        assert!(!yaml.has_errors(), "{}", f.display());
        let json_text = manifest::to_json(&yaml);
        let json = manifest::load(&json_text);
        assert_eq!(json.format, Format::Json, "{}", f.display());
        assert!(
            !json.has_errors(),
            "{}: {:?}",
            f.display(),
            json.diagnostics
        );
        let back = manifest::load(&manifest::to_yaml(&json));
        assert_eq!(back.format, Format::Yaml);
        assert_eq!(yaml.objects(), json.objects(), "{}", f.display());
        assert_eq!(yaml.objects(), back.objects(), "{}", f.display());
        let values = |l: &manifest::Loaded| -> Vec<serde_json::Value> {
            l.documents
                .iter()
                .map(|d| serde_json::to_value(&d.value).unwrap())
                .collect()
        };
        assert_eq!(values(&yaml), values(&back), "{}", f.display());
    }
}

#[test]
fn key_order_is_kept_and_anchors_are_expanded() {
    let text = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/manifests/web.yaml"),
    )
    .unwrap();
    let loaded = manifest::load(&text);
    let json = manifest::to_json(&loaded);
    let first = json.find("\"apiVersion\"").unwrap();
    assert!(first < json.find("\"kind\"").unwrap());
    assert!(json.find("\"kind\"").unwrap() < json.find("\"metadata\"").unwrap());
    // Two documents: two top-level objects, no List wrapper.
    assert_eq!(json.matches("\n}\n").count(), 2, "{json}");
    assert!(!json.contains("\"List\""));
    assert!(
        json.contains("\"matchLabels\": {\n        \"app\": \"web\""),
        "{json}"
    );
    let yaml = manifest::to_yaml(&manifest::load(&json));
    assert!(
        yaml.starts_with("apiVersion: apps/v1\nkind: Deployment\n"),
        "{yaml}"
    );
    assert_eq!(yaml.matches("\n---\n").count(), 1);
}
