//! Manifests (YAML or JSON, one or more documents) turned into the objects the
//! simulated API server accepts, with problems reported by line and field path.

mod build;
mod build_kinds;
mod build_pod;
pub mod check;
pub mod diagnostic;
mod document;
mod emit;
#[cfg(test)]
mod equivalence;
mod events;
mod line_breaks;
pub mod path;
pub mod positions;
pub mod schema;
mod source;
mod syntax;
pub mod yaml11;

pub use check::served::KUBERNETES_VERSION;
pub use diagnostic::{Diagnostic, Severity};
pub use emit::{to_json, to_yaml, yaml_of};

use crate::sim::objects::Object;

/// The notation a manifest is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Yaml,
    Json,
}

impl Format {
    /// JSON when the first meaningful character opens an object or array.
    pub fn detect(text: &str) -> Format {
        let first = text
            .lines()
            .map(str::trim_start)
            .find(|l| !l.is_empty() && !l.starts_with('#'))
            .and_then(|l| l.chars().next());
        match first {
            Some('{') | Some('[') => Format::Json,
            _ => Format::Yaml,
        }
    }
}

/// What the validator made of a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Checked in full (or, for a `List`, its items), without errors.
    Checked,
    /// Of a kind a cluster serves that kubetutor does not check in full: its
    /// metadata was checked, the rest was not.
    Skipped,
    /// With errors.
    Invalid,
}

/// One document of a manifest.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// 1-based line where the document starts.
    pub line: usize,
    pub api_version: String,
    pub kind: String,
    pub name: Option<String>,
    /// The object, when the document is valid and of a simulated kind.
    pub object: Option<Object>,
    /// The document as written (key order kept), for conversion and for
    /// checks on fields the object model does not keep.
    pub value: serde_yaml::Value,
    pub status: Status,
    /// The items of a `kind: List`, each checked as a document.
    pub items: Vec<Document>,
}

/// Everything learned from one manifest text.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    pub format: Format,
    pub documents: Vec<Document>,
    pub diagnostics: Vec<Diagnostic>,
    /// Documents that could not be read at all (syntax errors).
    pub unreadable: usize,
}

impl Loaded {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|d| d.is_error())
    }

    /// The valid objects of simulated kinds, in document order (the items
    /// of a `List` where the list stands).
    pub fn objects(&self) -> Vec<Object> {
        self.documents
            .iter()
            .flat_map(|d| std::iter::once(d).chain(&d.items))
            .filter_map(|d| d.object.clone())
            .collect()
    }

    /// The documents checked without errors whose kind the simulator does
    /// not run (it has nothing to create for them).
    pub fn not_simulated(&self) -> impl Iterator<Item = &Document> {
        self.documents
            .iter()
            .flat_map(|d| std::iter::once(d).chain(&d.items))
            .filter(|d| d.status == Status::Checked && d.object.is_none() && d.kind != "List")
    }

    /// How many documents were checked, skipped and invalid; a text that
    /// could not be read as documents at all counts as one invalid.
    pub fn counts(&self) -> (usize, usize, usize) {
        let mut c = (0, 0, 0);
        for d in &self.documents {
            match d.status {
                Status::Checked => c.0 += 1,
                Status::Skipped => c.1 += 1,
                Status::Invalid => c.2 += 1,
            }
        }
        c.2 += self.unreadable;
        if c == (0, 0, 0) && self.has_errors() {
            c.2 = 1;
        }
        c
    }
}

/// An error on a line holding `{{ … }}` is most likely Helm template
/// syntax read as YAML: say so where nothing better was said.
fn helm_hints(text: &str, diagnostics: &mut [Diagnostic]) {
    let lines: Vec<&str> = text.lines().collect();
    for d in diagnostics
        .iter_mut()
        .filter(|d| d.is_error() && d.hint.is_none())
    {
        let line = lines.get(d.line.wrapping_sub(1)).copied().unwrap_or("");
        if line.contains("{{") && line.contains("}}") {
            d.hint = Some(
                "`{{ … }}` is Helm template syntax, not YAML: render the chart first (helm template CHART)"
                    .into(),
            );
            d.hint_ko = Some(
                "`{{ … }}`는 YAML이 아니라 Helm 템플릿 문법입니다. 먼저 차트를 렌더링하세요 (helm template CHART)"
                    .into(),
            );
        }
    }
}

/// Parse and validate a manifest text. Never panics; every problem found is a
/// diagnostic, and valid documents still yield objects when others fail.
pub fn load(text: &str) -> Loaded {
    // Deep flow nesting costs the YAML scanner quadratic time: refused
    // before it reads a byte.
    if let Err(deep) = crate::yaml_nesting::check(text) {
        return Loaded {
            format: Format::Yaml,
            documents: Vec::new(),
            diagnostics: vec![Diagnostic::error(deep.line, 1, "", deep.message)],
            unreadable: 1,
        };
    }
    let normalized = line_breaks::normalize(text);
    let parsed = source::parse(&normalized);
    let mut diagnostics = parsed.diagnostics;
    let mut documents = Vec::new();
    for raw in parsed.docs {
        let (doc, diags) = document::check(raw);
        documents.push(doc);
        diagnostics.extend(diags);
    }
    if documents.is_empty() && diagnostics.is_empty() {
        diagnostics.push(
            Diagnostic::error(1, 1, "", "no objects passed to apply")
                .with_ko("매니페스트에 오브젝트가 하나도 없습니다"),
        );
    }
    diagnostics.sort_by_key(|d| (d.line, d.column));
    helm_hints(&normalized, &mut diagnostics);
    Loaded {
        format: parsed.format,
        documents,
        diagnostics,
        unreadable: parsed.unreadable,
    }
}
