//! Text -> documents: values (through `serde_yaml` or `serde_json`) paired with
//! the positions of their fields, and syntax errors with a likely cause.
//!
//! A YAML text is cut into chunks at its `---` lines (a `---` at column 0 always
//! starts a document) so that a syntax error in one document does not hide the
//! problems of the next ones: each chunk is parsed on its own.

use super::Format;
use super::diagnostic::Diagnostic;
use super::positions::{self, Pos, PosMap};
use super::syntax;
use serde::Deserialize;
use serde_yaml::Value;

/// One document as written.
#[derive(Debug)]
pub struct RawDoc {
    pub value: Value,
    pub pos: PosMap,
}

#[derive(Debug)]
pub struct Parsed {
    pub format: Format,
    pub docs: Vec<RawDoc>,
    pub diagnostics: Vec<Diagnostic>,
}

pub fn parse(text: &str) -> Parsed {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let format = Format::detect(text);
    let mut out = Parsed {
        format,
        docs: Vec::new(),
        diagnostics: Vec::new(),
    };
    match format {
        Format::Json => parse_json(text, &mut out),
        Format::Yaml => {
            for (first_line, chunk) in chunks(text) {
                parse_yaml_chunk(text, chunk, first_line - 1, &mut out);
            }
        }
    }
    out
}

/// `(first line, text)` of each chunk; chunks holding only comments, blank
/// lines or directives are joined to the next one.
fn chunks(text: &str) -> Vec<(usize, &str)> {
    // (byte offset, line number) of each `---` line, the text start and end.
    let mut starts = vec![(0usize, 1usize)];
    let mut offset = 0;
    for (i, line) in text.split_inclusive('\n').enumerate() {
        if offset > 0 && is_document_start(line) {
            starts.push((offset, i + 1));
        }
        offset += line.len();
    }
    starts.push((text.len(), 0));
    let mut out = Vec::new();
    let mut pending: Option<(usize, usize)> = None;
    for pair in starts.windows(2) {
        let (from, line) = pending.unwrap_or(pair[0]);
        let chunk = &text[pair[0].0..pair[1].0];
        if chunk.lines().all(|l| {
            let t = l.trim();
            t.is_empty() || t.starts_with('#') || t.starts_with('%')
        }) && pair[1].0 < text.len()
        {
            pending = Some((from, line));
            continue;
        }
        pending = None;
        out.push((line, &text[from..pair[1].0]));
    }
    out
}

fn is_document_start(line: &str) -> bool {
    line.strip_prefix("---")
        .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '\t', '\n', '\r']))
}

fn parse_yaml_chunk(full: &str, chunk: &str, line_offset: usize, out: &mut Parsed) {
    let scan = positions::scan(chunk, line_offset);
    let mut maps = scan.docs.into_iter();
    let chunk_start = Pos {
        line: line_offset + 1,
        column: 1,
    };
    for de in serde_yaml::Deserializer::from_str(chunk) {
        let pos = maps.next().unwrap_or_else(|| PosMap::at(chunk_start));
        let duplicates = !pos.duplicates.is_empty();
        for d in &pos.duplicates {
            out.diagnostics.push(syntax::duplicate_key(d));
        }
        match Value::deserialize(de) {
            Ok(mut value) => {
                if duplicates {
                    continue;
                }
                // Merge keys (`<<: *base`) are applied, as go-yaml does.
                let _ = value.apply_merge();
                if !value.is_null() {
                    out.docs.push(RawDoc { value, pos });
                }
            }
            Err(e) => {
                // Nested, the message starts with the path
                // (`metadata.labels: duplicate entry …`).
                let duplicate_error = e.to_string().contains("duplicate entry with key");
                if !(duplicate_error && duplicates) {
                    let at = e.location().map_or(chunk_start, |l| Pos {
                        line: l.line() + line_offset,
                        column: l.column(),
                    });
                    out.diagnostics
                        .push(syntax::yaml_error(full, at, &e.to_string(), line_offset));
                }
                // After an error the deserializer's event stream is not in a
                // state to continue (yaml_serde panics on the next document
                // with "unexpected end of mapping"); a chunk holds one
                // document anyway.
                break;
            }
        }
    }
}

fn parse_json(text: &str, out: &mut Parsed) {
    let mut stream = serde_json::Deserializer::from_str(text).into_iter::<Value>();
    let (mut from, mut line_offset) = (0, 0);
    loop {
        match stream.next() {
            None => break,
            Some(Ok(value)) => {
                let to = stream.byte_offset();
                let scan = positions::scan(&text[from..to], line_offset);
                let pos = scan.docs.into_iter().next().unwrap_or_default();
                let duplicates = !pos.duplicates.is_empty();
                for d in &pos.duplicates {
                    out.diagnostics.push(syntax::duplicate_key(d));
                }
                if !duplicates && !value.is_null() {
                    out.docs.push(RawDoc { value, pos });
                }
                line_offset += text[from..to].matches('\n').count();
                from = to;
            }
            Some(Err(e)) => {
                out.diagnostics.push(syntax::json_error(text, &e));
                break;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunks_split_at_document_markers_only() {
        let text = "# lead\n---\na: 1\n---\nb: |\n  ---x\n--- {c: 1}\n";
        let c = chunks(text);
        assert_eq!(c.len(), 3);
        assert_eq!(c[0], (1, "# lead\n---\na: 1\n"));
        assert_eq!(c[1].0, 4);
        assert_eq!(c[2], (7, "--- {c: 1}\n"));
    }

    #[test]
    fn a_syntax_error_does_not_hide_later_documents() {
        let p = parse("a: [1\n---\nb: 2\n");
        assert_eq!(p.docs.len(), 1);
        assert_eq!(p.docs[0].pos.start.line, 3);
        assert_eq!(p.diagnostics.len(), 1);
    }

    #[test]
    fn json_stream_of_objects() {
        let p = parse("{\"a\": 1}\n{\"b\":\n  2}\n");
        assert_eq!(p.format, Format::Json);
        assert_eq!(p.docs.len(), 2);
        assert!(p.diagnostics.is_empty());
    }
}
