//! Manifests (YAML or JSON, one or more documents) turned into the objects the
//! simulated API server accepts, with problems reported by line and field path.

mod build;
pub mod check;
pub mod diagnostic;
mod document;
mod emit;
mod line_breaks;
pub mod path;
pub mod positions;
mod schema;
mod source;
mod syntax;

pub use diagnostic::{Diagnostic, Severity};
pub use emit::{to_json, to_yaml};

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
}

/// Everything learned from one manifest text.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    pub format: Format,
    pub documents: Vec<Document>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Loaded {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|d| d.is_error())
    }

    /// The valid objects of simulated kinds, in document order.
    pub fn objects(&self) -> Vec<Object> {
        self.documents
            .iter()
            .filter_map(|d| d.object.clone())
            .collect()
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
        };
    }
    let normalized = line_breaks::normalize(text);
    let parsed = source::parse(&normalized);
    let mut diagnostics = parsed.diagnostics;
    let mut documents = Vec::new();
    for raw in &parsed.docs {
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
    Loaded {
        format: parsed.format,
        documents,
        diagnostics,
    }
}
