//! Wrapping styled text by display width.
//!
//! We wrap ourselves instead of using `Paragraph::wrap`: ratatui's word
//! wrapper has an open panic with wide glyphs in areas narrower than the
//! glyph, and it cannot give the first line a different width from the rest.
//! Callers draw what these functions return with a non-wrapping `Paragraph`.
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

use super::grapheme_width;
use ratatui::style::Style;
use ratatui::text::{Line, Span, Text};
use unicode_segmentation::UnicodeSegmentation;

/// Drawn in place of a glyph wider than the whole line.
pub const NARROW_SUBSTITUTE: &str = "…";

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Word,
    Space,
    Newline,
}

#[derive(Clone, Copy)]
struct Glyph<'a> {
    text: &'a str,
    style: Style,
    width: usize,
    kind: Kind,
}

fn kind_of(g: &str) -> Option<Kind> {
    let mut chars = g.chars();
    let c = chars.next()?;
    if g == "\n" || g == "\r\n" {
        return Some(Kind::Newline);
    }
    if c.is_control() {
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

fn glyphs<'a>(spans: &'a [Span<'a>]) -> Vec<Glyph<'a>> {
    let mut out = Vec::new();
    for span in spans {
        let style = span.style;
        let content: &str = &span.content;
        if content.is_ascii() {
            // Every ASCII byte is its own grapheme, except "\r\n".
            for (i, b) in content.bytes().enumerate() {
                let text = &content[i..=i];
                let kind = match b {
                    b'\n' => Kind::Newline,
                    b' ' => Kind::Space,
                    b if b.is_ascii_control() => continue,
                    _ => Kind::Word,
                };
                let width = usize::from(kind != Kind::Newline);
                out.push(Glyph {
                    text,
                    style,
                    width,
                    kind,
                });
            }
        } else {
            for g in content.graphemes(true) {
                let Some(kind) = kind_of(g) else { continue };
                let width = if kind == Kind::Newline {
                    0
                } else {
                    grapheme_width(g)
                };
                out.push(Glyph {
                    text: g,
                    style,
                    width,
                    kind,
                });
            }
        }
    }
    out
}

/// Builds output lines as runs of same-styled text.
struct Lines {
    done: Vec<Vec<Span<'static>>>,
    spans: Vec<Span<'static>>,
    used: usize,
    first: usize,
    rest: usize,
}

impl Lines {
    fn limit(&self) -> usize {
        if self.done.is_empty() {
            self.first
        } else {
            self.rest
        }
    }

    fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    fn push_text(&mut self, text: &str, style: Style, width: usize) {
        self.used += width;
        if let Some(last) = self.spans.last_mut()
            && last.style == style
        {
            last.content.to_mut().push_str(text);
            return;
        }
        self.spans.push(Span::styled(text.to_string(), style));
    }

    /// Pushes one glyph, wrapping first if it does not fit; a glyph wider
    /// than the whole limit is replaced.
    fn push_breaking(&mut self, g: &Glyph<'_>) {
        if self.used + g.width > self.limit() && !self.is_empty() {
            self.finish();
        }
        if g.width > self.limit() {
            self.push_text(NARROW_SUBSTITUTE, g.style, 1);
        } else {
            self.push_text(g.text, g.style, g.width);
        }
    }

    fn finish(&mut self) {
        self.done.push(std::mem::take(&mut self.spans));
        self.used = 0;
    }
}

/// Wraps styled spans: the first line is at most `first` columns wide, the
/// others at most `rest`. Always returns at least one line.
pub fn wrap_spans(spans: &[Span<'_>], first: usize, rest: usize) -> Vec<Vec<Span<'static>>> {
    let glyphs = glyphs(spans);
    let mut out = Lines {
        done: Vec::new(),
        spans: Vec::new(),
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

fn run_end(glyphs: &[Glyph<'_>], start: usize, kind: Kind) -> usize {
    glyphs[start..]
        .iter()
        .position(|g| g.kind != kind)
        .map_or(glyphs.len(), |n| start + n)
}

/// The spaces between the previous word and the word at `start`.
fn leading_spaces<'a, 'g>(
    glyphs: &'g [Glyph<'a>],
    start: usize,
    at_line_start: bool,
) -> &'g [Glyph<'a>] {
    if at_line_start {
        return &[];
    }
    let begin = glyphs[..start]
        .iter()
        .rposition(|g| g.kind != Kind::Space)
        .map_or(0, |n| n + 1);
    &glyphs[begin..start]
}

fn place_word(out: &mut Lines, spaces: &[Glyph<'_>], word: &[Glyph<'_>]) {
    let word_width: usize = word.iter().map(|g| g.width).sum();
    let space_width: usize = if out.is_empty() {
        0
    } else {
        spaces.iter().map(|g| g.width).sum()
    };
    if out.used + space_width + word_width <= out.limit() {
        if !out.is_empty() {
            for s in spaces {
                out.push_text(s.text, s.style, s.width);
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
