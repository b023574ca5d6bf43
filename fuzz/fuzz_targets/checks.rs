//! The properties the fuzz targets check, one function per target. Shared
//! with the normal test suite (`tests/fuzz_regressions.rs` includes this
//! file), which replays every input kept in `tests/fixtures/fuzz/<target>/`,
//! so a crash found once stays fixed without a nightly toolchain.
//!
//! Each function takes the fuzzer's raw bytes and panics when a property
//! fails; invalid UTF-8 is replaced (`from_utf8_lossy`) so every input
//! reaches the code under test.
#![allow(dead_code)]

use kubetutor::lang::Lang;
use kubetutor::lesson::{Catalog, parse_lesson};
use kubetutor::markdown::{Theme, render, render_section};
use kubetutor::sim::Cluster;
use kubetutor::text::line_width;
use kubetutor::{kubectl, manifest};
use ratatui::text::Text;
use std::borrow::Cow;

/// The widest layout the markdown target tries.
pub const MAX_WIDTH: u16 = 300;

/// Command lines the kubectl target runs per input (each may advance the
/// simulated clock by up to an hour).
pub const MAX_COMMANDS: usize = 8;

fn text(data: &[u8]) -> Cow<'_, str> {
    String::from_utf8_lossy(data)
}

/// Lines of `text`, counting LF, CRLF and a lone CR each as one line ending
/// (as YAML, CommonMark and the lesson loader do).
pub fn line_count(text: &str) -> usize {
    let mut lines = 0;
    let mut chars = text.chars().peekable();
    let mut open = false;
    while let Some(c) = chars.next() {
        open = true;
        if c == '\r' && chars.peek() == Some(&'\n') {
            chars.next();
        }
        if c == '\r' || c == '\n' {
            lines += 1;
            open = false;
        }
    }
    lines + usize::from(open)
}

/// Lesson loading: any text loads or is refused with errors, never a panic;
/// every error points at a line of the file; a lesson always has a section;
/// the catalog built from it in both language folders agrees.
pub fn lesson_load(data: &[u8]) {
    let text = text(data);
    let lines = line_count(&text) + 1;
    let (lesson, errors) = parse_lesson("fuzz.md", &text, Lang::Ko);
    for e in &errors {
        assert!(e.line <= lines, "{e} is past the {lines} lines of the file");
        assert!(!e.message.is_empty(), "an error says what is wrong: {e:?}");
    }
    if let Some(lesson) = &lesson {
        assert!(!lesson.sections.is_empty(), "a lesson has a section");
        assert!(!lesson.id.is_empty(), "a lesson has an id");
        for s in &lesson.sections {
            assert!(s.line >= 1 && s.line <= lines, "section line {}", s.line);
        }
    }
    // The catalog takes the lesson as parsed (parsing again would triple
    // the cost of every input): in both languages, one entry.
    let mut catalog = Catalog::default();
    if let Some(lesson) = lesson {
        let mut other = lesson.clone();
        other.lang = match lesson.lang {
            Lang::Ko => Lang::En,
            Lang::En => Lang::Ko,
        };
        assert!(catalog.insert(lesson));
        assert!(catalog.insert(other));
        assert_eq!(catalog.len(), 1);
    } else {
        assert!(catalog.is_empty());
    }
}

/// Markdown rendering: the first two bytes choose a width in 1..=300, the
/// rest is the document. Rendered as plain Markdown and as a lesson's
/// sections: no panic, no line wider than the width, no control character.
pub fn markdown_render(data: &[u8]) {
    let (width, rest) = match data {
        [a, b, rest @ ..] => (1 + u16::from_le_bytes([*a, *b]) % MAX_WIDTH, rest),
        _ => (
            1 + data.first().map_or(0, |&b| u16::from(b)) % MAX_WIDTH,
            &[][..],
        ),
    };
    let text = text(rest);
    let theme = Theme::colored();
    assert_clean(&render(&text, width, &theme), width);
    if let (Some(lesson), _) = parse_lesson("fuzz.md", &text, Lang::En) {
        for section in &lesson.sections {
            assert_clean(&render_section(section, width, &theme), width);
        }
    }
}

/// Every line fits `width` columns and no span holds a control character.
pub fn assert_clean(rendered: &Text<'_>, width: u16) {
    for (i, line) in rendered.lines.iter().enumerate() {
        let w = line_width(line);
        assert!(
            w <= usize::from(width),
            "line {i} is {w} columns wide at width {width}: {line:?}"
        );
        for span in &line.spans {
            assert!(
                !span.content.contains(kubetutor::text::is_unsafe),
                "control character in line {i}: {:?}",
                span.content
            );
        }
    }
}

/// Manifest validation: any text gives a result, never a panic; every
/// diagnostic points inside the text; a manifest without errors converts
/// to YAML and JSON, and the YAML loads again without errors, with as many
/// documents.
pub fn manifest_validate(data: &[u8]) {
    let text = text(data);
    let loaded = manifest::load(&text);
    let lines = line_count(&text).max(1) + 1;
    for d in &loaded.diagnostics {
        assert!(d.line >= 1 && d.line <= lines, "{d} outside {lines} lines");
        assert!(d.column >= 1, "{d}");
        assert!(!d.message.is_empty(), "a diagnostic says what is wrong");
    }
    let yaml = manifest::to_yaml(&loaded);
    let json = manifest::to_json(&loaded);
    if !loaded.has_errors() && !loaded.documents.is_empty() {
        let again = manifest::load(&yaml);
        assert!(
            !again.has_errors(),
            "the YAML written for a valid manifest loads again: {:?}\n{yaml}",
            again.errors().map(ToString::to_string).collect::<Vec<_>>()
        );
        assert_eq!(again.documents.len(), loaded.documents.len(), "{yaml}");
        // `kubetutor convert --to json` writes what validates too.
        let again = manifest::load(&json);
        assert!(
            !again.has_errors(),
            "the JSON written for a valid manifest loads again: {:?}\n{json}",
            again.errors().map(ToString::to_string).collect::<Vec<_>>()
        );
        assert_eq!(again.documents.len(), loaded.documents.len(), "{json}");
    }
}

/// Command parsing and running: each of the first few lines runs on one
/// fresh cluster; every line gets an answer (a failure says why), never a
/// panic, and completion works on it too.
pub fn kubectl_execute(data: &[u8]) {
    let text = text(data);
    let mut cluster = Cluster::new(7);
    for line in text.lines().take(MAX_COMMANDS) {
        let outcome = kubectl::execute(&mut cluster, line);
        assert!(
            outcome.ok || !outcome.output.is_empty(),
            "a failure says why: {line:?}"
        );
        let _ = kubectl::complete(&cluster, line);
    }
}
