//! Kubernetes manifests shown in a lesson's text (a ` ```yaml `, ` ```json `
//! or unlabelled code block with `apiVersion` and `kind`): a student copies
//! them, so what the validator rejects is worth a warning. Only warnings:
//! a lesson may show a broken manifest on purpose.

use super::{Placed, Source, manifests};
use crate::lesson::scan;
use crate::manifest;
use pulldown_cmark::{CodeBlockKind, Event, Parser, Tag, TagEnd};

pub(super) fn check(source: &Source) -> Vec<Placed> {
    let body = &source.text[source.body_start..];
    let line_of = |offset: usize| {
        source.text[..source.body_start + offset]
            .matches('\n')
            .count()
            + 1
    };
    let mut found = Vec::new();
    // (first content line, text) of the code block being read.
    let mut open: Option<(Option<usize>, String)> = None;
    for (event, range) in Parser::new_ext(body, scan::options()).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) => {
                let lang = info.split_whitespace().next().unwrap_or("");
                if matches!(
                    lang.to_ascii_lowercase().as_str(),
                    "" | "yaml" | "yml" | "json"
                ) {
                    open = Some((None, String::new()));
                }
            }
            Event::Text(text) => {
                if let Some((first, content)) = open.as_mut() {
                    first.get_or_insert(line_of(range.start));
                    content.push_str(&text);
                }
            }
            Event::End(TagEnd::CodeBlock) => {
                if let Some((Some(first), content)) = open.take()
                    && looks_like_a_manifest(&content)
                {
                    found.extend(example(&content, first));
                }
            }
            _ => {}
        }
    }
    found
}

/// A top-level `apiVersion` and `kind`, in YAML or JSON.
fn looks_like_a_manifest(text: &str) -> bool {
    let has = |key: &str| {
        text.lines().any(|l| {
            let l = l.trim_end();
            l.starts_with(&format!("{key}:"))
                || l.trim_start().starts_with(&format!("\"{key}\""))
                || l.starts_with(&format!("- {key}:"))
        })
    };
    has("apiVersion") && has("kind")
}

/// The validator's errors on the example, as warnings on lesson lines.
fn example(text: &str, first_line: usize) -> Vec<Placed> {
    let loaded = manifest::load(text);
    loaded
        .errors()
        .map(|d| {
            Placed::warning(
                first_line + d.line.max(1) - 1,
                format!(
                    "example manifest: {} (kubectl apply would refuse it)",
                    manifests::describe(d)
                ),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_manifests_in_yaml_and_json() {
        assert!(looks_like_a_manifest("apiVersion: v1\nkind: Pod\n"));
        assert!(looks_like_a_manifest(
            "{\n  \"apiVersion\": \"v1\",\n  \"kind\": \"Pod\"\n}"
        ));
        assert!(!looks_like_a_manifest("spec:\n  replicas: 3\n"));
        assert!(!looks_like_a_manifest("kubectl get pods\n"));
    }
}
