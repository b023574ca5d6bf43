//! Text -> documents: values (through `serde_yaml` or `serde_json`) paired with
//! the positions of their fields, and syntax errors with a likely cause.
//!
//! A YAML text is cut into chunks at its `---` lines (a `---` at column 0 always
//! starts a document) so that a syntax error in one document does not hide the
//! problems of the next ones: each chunk is parsed on its own.

use super::Format;
use super::diagnostic::Diagnostic;
use super::events::Stop;
use super::positions::{self, Pos, PosMap};
use super::syntax;
use super::yaml11;
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
    /// Documents that could not be read (a syntax error, a duplicate key).
    pub unreadable: usize,
    /// Parser passes over the text: one per YAML chunk, and one more for
    /// each chunk `yaml_serde` has to read again (for its error message).
    pub passes: usize,
}

pub fn parse(text: &str) -> Parsed {
    parse_with(text, parse_yaml_chunk)
}

type ChunkReader = fn(&str, &str, usize, &mut Parsed);

pub(super) fn parse_with(text: &str, read_chunk: ChunkReader) -> Parsed {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let format = Format::detect(text);
    let mut out = Parsed {
        format,
        docs: Vec::new(),
        diagnostics: Vec::new(),
        unreadable: 0,
        passes: 0,
    };
    if let Some(at) = helm_template(text) {
        out.unreadable = 1;
        out.diagnostics.push(
            Diagnostic::error(at.line, at.column, "", "this is a Helm template, not a manifest")
                .with_ko("Helm 템플릿이지 매니페스트가 아닙니다")
                .with_hints(
                    "`{{ … }}` is Helm template syntax: render the chart first (helm template CHART) and check what it prints",
                    "`{{ … }}`는 Helm 템플릿 문법입니다. 먼저 차트를 렌더링하고(helm template CHART) 그 출력을 검사하세요",
                ),
        );
        return out;
    }
    match format {
        Format::Json => parse_json(&blank_leading_comments(text), &mut out),
        Format::Yaml => {
            for (first_line, chunk) in chunks(text) {
                read_chunk(text, chunk, first_line - 1, &mut out);
            }
        }
    }
    out
}

/// Where a text that starts with `{{` (after blank lines and comments)
/// starts: a Helm template.
fn helm_template(text: &str) -> Option<Pos> {
    text.lines().enumerate().find_map(|(i, l)| {
        let t = l.trim_start();
        if t.is_empty() || t.starts_with('#') {
            return None;
        }
        Some(t.starts_with("{{").then(|| Pos {
            line: i + 1,
            column: l.len() - t.len() + 1,
        }))
    })?
}

/// The comment lines before a JSON document made blank (same length, so
/// positions hold): kubectl reads such a file as YAML, of which JSON is a
/// part, and so do we, with JSON's positions and messages.
fn blank_leading_comments(text: &str) -> std::borrow::Cow<'_, str> {
    let mut end = 0;
    for line in text.split_inclusive('\n') {
        let t = line.trim();
        if !(t.is_empty() || t.starts_with('#')) {
            break;
        }
        end += line.len();
    }
    if !text[..end].contains('#') {
        return std::borrow::Cow::Borrowed(text);
    }
    let blanked: String = text[..end]
        .chars()
        .map(|c| if c == '\n' || c == '\r' { c } else { ' ' })
        .collect();
    std::borrow::Cow::Owned(blanked + &text[end..])
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

/// One chunk, read once: positions and values from the same events. Where
/// the text is not YAML to saphyr, or `yaml_serde` would refuse a value, the
/// chunk is read again the old way, for `yaml_serde`'s (libyaml's) message.
fn parse_yaml_chunk(full: &str, chunk: &str, line_offset: usize, out: &mut Parsed) {
    out.passes += 1;
    let large = chunk.len() > SERDE_LIMIT;
    if large && let Some(at) = control_character(chunk, line_offset) {
        out.unreadable += 1;
        let problem = "control characters are not allowed";
        out.diagnostics
            .push(syntax::yaml_error(full, chunk, at, problem, line_offset));
        return;
    }
    if !large && libyaml_reads_differently(chunk) {
        out.passes += 1;
        return parse_yaml_chunk_serde(full, chunk, line_offset, out);
    }
    let (scan, values) = positions::scan_values(chunk, line_offset);
    // A block scalar cut by the end of the text (no line break after its
    // last line) is read differently by the two parsers.
    let cut_block = values.last_scalar_block && !chunk.ends_with('\n');
    let start = Pos {
        line: line_offset + 1,
        column: 1,
    };
    let problem = match (&scan.error, &values.stop) {
        (_, Some(Stop::ExcessiveAliasing)) => {
            out.unreadable += 1;
            let at = values.stop_at.unwrap_or(start);
            out.diagnostics.push(syntax::excessive_aliasing(at));
            return;
        }
        (Some((at, message)), _) => Some((*at, message.clone())),
        (None, Some(Stop::Fallback(why))) => {
            Some((values.stop_at.unwrap_or(start), why.to_string()))
        }
        (None, None) if scan.docs.len() != values.docs.len() || cut_block => {
            Some((start, String::new()))
        }
        (None, None) => None,
    };
    if let Some((at, problem)) = problem {
        if !large {
            out.passes += 1;
            return parse_yaml_chunk_serde(full, chunk, line_offset, out);
        }
        // Too large to hand to yaml_serde (it would hold every event of the
        // chunk): saphyr's own message, or the reason the values stopped.
        if !problem.is_empty() {
            out.unreadable += 1;
            out.diagnostics
                .push(syntax::yaml_error(full, chunk, at, &problem, line_offset));
            return;
        }
    }
    for (mut value, mut pos) in values.docs.into_iter().zip(scan.docs) {
        for d in &pos.duplicates {
            out.diagnostics.push(syntax::duplicate_key(d));
        }
        if !pos.duplicates.is_empty() {
            out.unreadable += 1;
            continue;
        }
        yaml11::resolve(&mut value, &mut pos);
        if !value.is_null() {
            out.docs.push(RawDoc { value, pos });
        }
    }
}

/// Chunks larger than this are never handed to `yaml_serde`, which stores
/// every event of a document before it builds a value (about 340 bytes of
/// memory per byte of text for depth-120 lists).
const SERDE_LIMIT: usize = 256 * 1024;

/// Where the first character libyaml refuses stands, if any.
fn control_character(chunk: &str, line_offset: usize) -> Option<Pos> {
    let (i, _) = chunk.char_indices().find(|&(_, c)| !libyaml_printable(c))?;
    let before = &chunk[..i];
    let line_start = before.rfind('\n').map_or(0, |n| n + 1);
    Some(Pos {
        line: line_offset + 1 + before.matches('\n').count(),
        column: before[line_start..].chars().count() + 1,
    })
}

fn libyaml_printable(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | ' '..='~' | '\u{a0}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}')
        || c >= '\u{10000}'
}

/// Characters libyaml refuses ("control characters are not allowed": C0
/// and C1 controls but tab and line ends, U+FFFE, U+FFFF) or reads as line
/// breaks (U+0085, U+2028, U+2029) where saphyr reads them as text, and
/// the other texts the two read differently: such a chunk goes to
/// `yaml_serde` straight away.
/// <https://github.com/yaml/libyaml/blob/master/src/reader.c>
fn libyaml_reads_differently(chunk: &str) -> bool {
    chunk
        .chars()
        .any(|c| !libyaml_printable(c) || matches!(c, '\u{2028}' | '\u{2029}'))
        // A tab in a line's indentation: libyaml refuses it where a token
        // starts ("found character that cannot start any token") and saphyr
        // reads a line of tabs as blank.
        || chunk.lines().any(|l| l.trim_start_matches(' ').starts_with('\t'))
        // A `...` line with no document before it: an error to libyaml.
        || chunk
            .lines()
            .find(|l| !(l.trim().is_empty() || l.trim_start().starts_with('#')))
            .is_some_and(|l| l.starts_with("..."))
}

/// The chunk read by `yaml_serde`, with positions from a scan of their own
/// (two passes): kept for the texts the one-pass reader hands back.
pub(super) fn parse_yaml_chunk_serde(
    full: &str,
    chunk: &str,
    line_offset: usize,
    out: &mut Parsed,
) {
    let scan = positions::scan(chunk, line_offset);
    let mut maps = scan.docs.into_iter();
    let chunk_start = Pos {
        line: line_offset + 1,
        column: 1,
    };
    for de in serde_yaml::Deserializer::from_str(chunk) {
        let mut pos = maps.next().unwrap_or_else(|| PosMap::at(chunk_start));
        let duplicates = !pos.duplicates.is_empty();
        for d in &pos.duplicates {
            out.diagnostics.push(syntax::duplicate_key(d));
        }
        match Value::deserialize(de) {
            Ok(mut value) => {
                if duplicates {
                    out.unreadable += 1;
                    continue;
                }
                // Plain scalars and merge keys (`<<: *base`) as kubectl
                // reads them (YAML 1.1); without positions (the scanner
                // stopped early) YAML 1.2 reading is all there is.
                if pos.is_empty() {
                    let _ = value.apply_merge();
                } else {
                    yaml11::resolve(&mut value, &mut pos);
                }
                if !value.is_null() {
                    out.docs.push(RawDoc { value, pos });
                }
            }
            Err(e) => {
                out.unreadable += 1;
                // Nested, the message starts with the path
                // (`metadata.labels: duplicate entry with key …`).
                let duplicate_error = e.to_string().contains("duplicate entry with key");
                if !(duplicate_error && duplicates) {
                    let at = e.location().map_or(chunk_start, |l| {
                        let (line, column) = syntax::real_pos(chunk, l.line(), l.column());
                        Pos {
                            line: line + line_offset,
                            column,
                        }
                    });
                    out.diagnostics.push(syntax::yaml_error(
                        full,
                        chunk,
                        at,
                        &e.to_string(),
                        line_offset,
                    ));
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
                if duplicates {
                    out.unreadable += 1;
                } else if !value.is_null() {
                    out.docs.push(RawDoc { value, pos });
                }
                line_offset += text[from..to].matches('\n').count();
                from = to;
            }
            Some(Err(e)) => {
                out.unreadable += 1;
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

    /// Issue #15 item 3: each chunk of a manifest is parsed once, values
    /// and positions from the same events; `yaml_serde` (which stored every
    /// event of a document first: 2.7 GB for 8 MiB of depth-120 lists) reads
    /// a chunk again only when it has an error to report.
    #[test]
    fn a_readable_manifest_is_parsed_once() {
        let deep = format!("{}yes{}", "[".repeat(120), "]".repeat(120));
        let wide = format!("items:\n{}", format!("  - {deep}\n").repeat(200));
        let examples = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/k8s-examples");
        let mut texts = vec![wide];
        let mut dirs = vec![std::path::PathBuf::from(examples)];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    dirs.push(path);
                } else if path.extension().is_some_and(|e| e == "yaml") {
                    texts.push(std::fs::read_to_string(path).unwrap());
                }
            }
        }
        assert!(texts.len() > 10, "{}", texts.len());
        let mut twice = Vec::new();
        for text in &texts {
            let p = parse(text);
            assert!(!p.docs.is_empty(), "{text}");
            if p.passes != chunks(text).len() {
                twice.push(text.lines().find(|l| l.contains("name:")).unwrap_or(""));
            }
        }
        // Except one example whose flow list (`command: [` …) goes on less
        // indented than its key: libyaml reads it, saphyr does not, so
        // yaml_serde reads that chunk again.
        assert_eq!(twice, ["  name: nginx-deployment"]);
        // A syntax error: read again for libyaml's message.
        let broken = parse("a: [1\n---\nb: 2\n");
        assert_eq!((broken.passes, broken.diagnostics.len()), (3, 1));
    }

    /// A chunk too large for yaml_serde (it would hold every event: 2.7 GB
    /// for 8 MiB) reports its error from the one pass it had.
    #[test]
    fn a_large_chunk_with_an_error_is_read_once() {
        let line = format!("  - {}{}\n", "[".repeat(120), "]".repeat(120));
        let big = format!("items:\n{}", line.repeat(1200));
        assert!(big.len() > SERDE_LIMIT);
        for (tail, want, column) in [
            ("  - [a\n", "yaml: ", 1),
            (
                "  - a\u{7}b\n",
                "yaml: control characters are not allowed",
                6,
            ),
            (
                "  - !!int x\n",
                "yaml: invalid value, expected an integer",
                5,
            ),
        ] {
            let p = parse(&format!("{big}{tail}"));
            assert_eq!((p.passes, p.unreadable, p.docs.len()), (1, 1, 0), "{tail}");
            let d = &p.diagnostics[0];
            assert!(d.message.starts_with(want), "{tail}: {}", d.message);
            assert_eq!(d.line, if column == 1 { 1203 } else { 1202 }, "{tail}");
            assert_eq!(d.column, column, "{tail}");
        }
    }

    #[test]
    fn json_stream_of_objects() {
        let p = parse("{\"a\": 1}\n{\"b\":\n  2}\n");
        assert_eq!(p.format, Format::Json);
        assert_eq!(p.docs.len(), 2);
        assert!(p.diagnostics.is_empty());
    }
}
