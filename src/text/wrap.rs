//! Wrapping styled text by display width.
//!
//! We wrap ourselves instead of using `Paragraph::wrap`: ratatui's word
//! wrapper (0.30) has an open panic, "index outside of buffer", when a wide
//! glyph does not fit the cells left on a row or a line starts with a
//! combining mark (ratatui issue #2679), and it cannot give the first line a
//! different width from the rest. Callers draw what these functions return
//! with a non-wrapping `Paragraph`.
//!
//! The rules:
//! - Lines break at spaces; the spaces at a break are dropped. Spaces at the
//!   very start of the input (or after a `\n`) are kept: they are indentation.
//! - A word wider than the line starts on a fresh line and is broken between
//!   graphemes. That is also how Korean and other CJK text behaves: Korean
//!   breaks at spaces like English, and a single over-long token is broken
//!   between any two syllables.
//! - No output line is wider than its limit, for any limit ≥ 1. A grapheme
//!   wider than the whole limit (a 2-wide glyph in a 1-wide column) cannot be
//!   drawn at all; it is *replaced* by [`NARROW_SUBSTITUTE`] (1 wide, same
//!   style), so the reader sees that something is there instead of silently
//!   losing it. A limit of 0 is treated as 1.
//! - `\n` inside a span is a hard line break; other control characters are
//!   dropped (they are 0 wide and must never reach the terminal).

use super::graphemes::graphemes;
use super::width;
use ratatui::text::{Line, Span, Text};

/// Drawn in place of a glyph wider than the whole line.
pub const NARROW_SUBSTITUTE: &str = "…";

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Word,
    Space,
    Newline,
}

#[derive(Clone, Copy)]
struct Glyph {
    /// Which input span, and where in it.
    span: u32,
    start: u32,
    end: u32,
    width: u32,
    kind: Kind,
}

fn kind_of(g: &str) -> Option<Kind> {
    let mut chars = g.chars();
    let c = chars.next()?;
    if g == "\n" || g == "\r\n" {
        return Some(Kind::Newline);
    }
    if super::is_unsafe(c) {
        return None;
    }
    let single = chars.next().is_none();
    let breaking_space = c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{2007}' | '\u{202f}');
    Some(if single && breaking_space {
        Kind::Space
    } else {
        Kind::Word
    })
}

fn glyphs(spans: &[Span<'_>]) -> Vec<Glyph> {
    let mut out = Vec::with_capacity(spans.iter().map(|s| s.content.len()).sum());
    for (index, span) in spans.iter().enumerate() {
        let index = index as u32;
        let content: &str = &span.content;
        if content.is_ascii() {
            // Every ASCII byte is its own grapheme, except "\r\n".
            for (i, b) in content.bytes().enumerate() {
                let kind = match b {
                    b'\n' => Kind::Newline,
                    b' ' => Kind::Space,
                    b if b.is_ascii_control() => continue,
                    _ => Kind::Word,
                };
                out.push(Glyph {
                    span: index,
                    start: i as u32,
                    end: i as u32 + 1,
                    width: u32::from(kind != Kind::Newline),
                    kind,
                });
            }
        } else {
            let base = content.as_ptr() as usize;
            for (g, w) in graphemes(content) {
                let Some(kind) = kind_of(g) else { continue };
                let start = (g.as_ptr() as usize - base) as u32;
                out.push(Glyph {
                    span: index,
                    start,
                    end: start + g.len() as u32,
                    width: if kind == Kind::Newline { 0 } else { w as u32 },
                    kind,
                });
            }
        }
    }
    out
}

/// Where a piece of output text comes from.
#[derive(Clone, Copy)]
enum Source {
    /// A byte range of an input span.
    Span { span: u32, start: u32, end: u32 },
    /// [`NARROW_SUBSTITUTE`], in the style of an input span.
    Substitute(u32),
}

/// Builds output lines as runs of input text, copied out once per line.
struct Lines<'s, 'a> {
    input: &'s [Span<'a>],
    done: Vec<Vec<Span<'static>>>,
    pieces: Vec<Source>,
    used: usize,
    first: usize,
    rest: usize,
}

impl Lines<'_, '_> {
    fn limit(&self) -> usize {
        if self.done.is_empty() {
            self.first
        } else {
            self.rest
        }
    }

    fn is_empty(&self) -> bool {
        self.pieces.is_empty()
    }

    fn push(&mut self, g: &Glyph) {
        self.used += g.width as usize;
        if let Some(Source::Span { span, end, .. }) = self.pieces.last_mut()
            && *span == g.span
            && *end == g.start
        {
            *end = g.end;
            return;
        }
        self.pieces.push(Source::Span {
            span: g.span,
            start: g.start,
            end: g.end,
        });
    }

    /// Pushes one glyph, wrapping first if it does not fit; a glyph wider
    /// than the whole limit is replaced.
    fn push_breaking(&mut self, g: &Glyph) {
        let width = g.width as usize;
        if self.used + width > self.limit() && !self.is_empty() {
            self.finish();
        }
        if width > self.limit() {
            self.used += 1;
            self.pieces.push(Source::Substitute(g.span));
        } else {
            self.push(g);
        }
    }

    fn finish(&mut self) {
        let mut line: Vec<Span<'static>> = Vec::with_capacity(self.pieces.len());
        for source in self.pieces.drain(..) {
            let (text, style) = match source {
                Source::Span { span, start, end } => {
                    let span = &self.input[span as usize];
                    (&span.content[start as usize..end as usize], span.style)
                }
                Source::Substitute(span) => (NARROW_SUBSTITUTE, self.input[span as usize].style),
            };
            match line.last_mut() {
                Some(last) if last.style == style => last.content.to_mut().push_str(text),
                _ => line.push(Span::styled(text.to_string(), style)),
            }
        }
        self.done.push(line);
        self.used = 0;
    }
}

/// Wraps styled spans: the first line is at most `first` columns wide, the
/// others at most `rest`. Always returns at least one line.
pub fn wrap_spans(spans: &[Span<'_>], first: usize, rest: usize) -> Vec<Vec<Span<'static>>> {
    if let Some(line) = fits(spans, first.max(1)) {
        return vec![line];
    }
    let glyphs = glyphs(spans);
    let mut out = Lines {
        input: spans,
        done: Vec::new(),
        pieces: Vec::new(),
        used: 0,
        first: first.max(1),
        rest: rest.max(1),
    };
    // True at the start of the input and after a hard break: leading spaces
    // there are indentation and are kept.
    let mut at_line_start = true;
    let mut i = 0;
    while i < glyphs.len() {
        let g = glyphs[i];
        match g.kind {
            Kind::Newline => {
                out.finish();
                at_line_start = true;
                i += 1;
            }
            Kind::Space => {
                let end = run_end(&glyphs, i, Kind::Space);
                if at_line_start {
                    for s in &glyphs[i..end] {
                        out.push_breaking(s);
                    }
                }
                // Elsewhere the spaces are placed by the next word, which
                // knows whether it stays on this line.
                i = end;
            }
            Kind::Word => {
                let end = run_end(&glyphs, i, Kind::Word);
                let word = &glyphs[i..end];
                let spaces = leading_spaces(&glyphs, i, at_line_start);
                place_word(&mut out, spaces, word);
                at_line_start = false;
                i = end;
            }
        }
    }
    out.finish();
    out.done
}

/// [`wrap_spans`] on spans the caller gives away: a line that fits moves
/// into the result as it is (neighbours of one style merged, as
/// [`wrap_spans`] does) instead of being copied.
pub fn wrap_owned(spans: Vec<Span<'static>>, first: usize, rest: usize) -> Vec<Vec<Span<'static>>> {
    if !fit_as_is(&spans, first.max(1)) {
        return wrap_spans(&spans, first, rest);
    }
    let mut line: Vec<Span<'static>> = Vec::with_capacity(spans.len());
    for span in spans.into_iter().filter(|s| !s.content.is_empty()) {
        match line.last_mut() {
            Some(prev) if prev.style == span.style => prev.content.to_mut().push_str(&span.content),
            _ => line.push(span),
        }
    }
    vec![line]
}

/// Whether the spans fit in `limit` and have nothing the wrapper would
/// change (line breaks, control characters, trailing spaces).
fn fit_as_is(spans: &[Span<'_>], limit: usize) -> bool {
    let mut used = 0;
    for span in spans {
        if span.content.contains(super::is_unsafe) {
            return false;
        }
        used += width(&span.content);
        if used > limit {
            return false;
        }
    }
    let last = spans.iter().rev().find(|s| !s.content.is_empty());
    !last.is_some_and(|s| s.content.ends_with(char::is_whitespace))
}

/// The spans as they are, when they fit in `limit` and have nothing the
/// wrapper would change (line breaks, control characters, trailing spaces).
fn fits(spans: &[Span<'_>], limit: usize) -> Option<Vec<Span<'static>>> {
    if !fit_as_is(spans, limit) {
        return None;
    }
    let mut line: Vec<Span<'static>> = Vec::with_capacity(spans.len());
    for span in spans.iter().filter(|s| !s.content.is_empty()) {
        match line.last_mut() {
            Some(prev) if prev.style == span.style => prev.content.to_mut().push_str(&span.content),
            _ => line.push(Span::styled(span.content.to_string(), span.style)),
        }
    }
    Some(line)
}

fn run_end(glyphs: &[Glyph], start: usize, kind: Kind) -> usize {
    glyphs[start..]
        .iter()
        .position(|g| g.kind != kind)
        .map_or(glyphs.len(), |n| start + n)
}

/// The spaces between the previous word and the word at `start`.
fn leading_spaces(glyphs: &[Glyph], start: usize, at_line_start: bool) -> &[Glyph] {
    if at_line_start {
        return &[];
    }
    let begin = glyphs[..start]
        .iter()
        .rposition(|g| g.kind != Kind::Space)
        .map_or(0, |n| n + 1);
    &glyphs[begin..start]
}

fn place_word(out: &mut Lines<'_, '_>, spaces: &[Glyph], word: &[Glyph]) {
    let word_width: usize = word.iter().map(|g| g.width as usize).sum();
    let space_width: usize = if out.is_empty() {
        0
    } else {
        spaces.iter().map(|g| g.width as usize).sum()
    };
    if out.used + space_width + word_width <= out.limit() {
        if !out.is_empty() {
            for s in spaces {
                out.push(s);
            }
        }
    } else if !out.is_empty() {
        out.finish();
    }
    // Either it fits now, or it is wider than a line and breaks between
    // graphemes.
    for g in word {
        out.push_breaking(g);
    }
}

/// Wraps one line to `width` columns, keeping its style and alignment.
pub fn wrap_line(line: &Line<'_>, width: usize) -> Vec<Line<'static>> {
    wrap_spans(&line.spans, width, width)
        .into_iter()
        .map(|spans| {
            let mut l = Line::from(spans).style(line.style);
            l.alignment = line.alignment;
            l
        })
        .collect()
}

/// Wraps every line of `text` to `width` columns.
pub fn wrap_text(text: &Text<'_>, width: usize) -> Text<'static> {
    let mut out = Text::default().style(text.style);
    out.alignment = text.alignment;
    out.lines = text
        .lines
        .iter()
        .flat_map(|l| wrap_line(l, width))
        .collect();
    out
}

/// Wraps an unstyled string to `width` columns.
pub fn wrap_str(s: &str, width: usize) -> Vec<String> {
    wrap_spans(&[Span::raw(s)], width, width)
        .into_iter()
        .map(|spans| spans.into_iter().map(|s| s.content.into_owned()).collect())
        .collect()
}
