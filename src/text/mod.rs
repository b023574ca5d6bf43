//! Width-aware text: display width, sanitising, truncating, padding and
//! wrapping, shared by every view of the program.
//!
//! # How wide is a string?
//!
//! Widths are measured per grapheme cluster with the same function ratatui's
//! buffer uses to place cells ([`ratatui::buffer::CellWidth`], which is
//! `unicode-width` 0.2 plus a fix for half-width katakana sound marks). What
//! we measure is therefore exactly what the buffer lays out; a line we say is
//! `n` wide never spills or gets clipped when drawn.
//!
//! What `unicode-width` 0.2 says about the cases that matter to the course:
//! - Hangul syllables and CJK ideographs are 2 wide; so are emoji with the
//!   `Emoji_Presentation` property (📦 🔌).
//! - An emoji *presentation sequence* (a text-default base plus VS16, U+FE0F,
//!   such as "🏗️" or "⚙️") is 2 wide as a whole, although the base alone is 1
//!   ("🏗" without VS16 is 1 wide). We keep that answer: it is what terminals
//!   that implement presentation sequences draw (kitty, WezTerm, Ghostty and
//!   Windows Terminal among them), and ratatui's buffer reserves two cells
//!   for it. On a terminal that advances only one cell, the crossterm backend moves
//!   the cursor explicitly before the next cell it writes (it does so
//!   whenever the next cell is not adjacent to the last one written, and the
//!   cell hidden behind a wide glyph is never written), so the rest of the
//!   line stays in its columns and the worst case is one blank cell.
//! - A well-formed, fully-qualified ZWJ sequence ("👩‍💻") is one grapheme and
//!   2 wide, like the terminals that join it. Flags, keycaps ("1️⃣") and skin
//!   tone modifiers are 2 wide too.
//! - Control characters are 0 wide here (ratatui skips them when drawing);
//!   they must not be drawn at all, which is [`sanitize`]'s job.
//! - East Asian *ambiguous* characters (•, …, box drawing) count as 1, as
//!   ratatui does; a terminal set to draw ambiguous characters 2 wide will
//!   misalign borders, whatever this module says.

mod export;
mod graphemes;
mod wrap;

pub use export::{push_ansi, push_plain, to_ansi, to_plain};
/// The graphemes of a string with their display widths.
pub(crate) use graphemes::graphemes as graphemes_of;
pub use wrap::{NARROW_SUBSTITUTE, wrap_line, wrap_owned, wrap_spans, wrap_str, wrap_text};

use ratatui::buffer::CellWidth;
use ratatui::text::{Line, Span};
use std::borrow::Cow;
use unicode_segmentation::UnicodeSegmentation;

/// Columns between tab stops when [`sanitize`] expands a tab.
pub const TAB_WIDTH: usize = 4;

/// The ellipsis [`truncate`] ends a shortened string with.
pub const ELLIPSIS: &str = "…";

/// Display width of `s` in terminal cells (see the module docs).
pub fn width(s: &str) -> usize {
    // One pass for ASCII (code, manifests): count the printable bytes, and
    // hand the string to the grapheme code at the first other byte.
    let mut n = 0;
    for b in s.bytes() {
        if !b.is_ascii() {
            return graphemes::str_width(s);
        }
        n += usize::from(!b.is_ascii_control());
    }
    n
}

/// Display width of one grapheme cluster; control characters are 0 wide.
pub fn grapheme_width(g: &str) -> usize {
    match g.chars().next() {
        None => 0,
        Some(c) if is_unsafe(c) => 0,
        Some(_) => usize::from(g.cell_width()),
    }
}

/// Display width of a line: the sum of its spans.
pub fn line_width(line: &Line<'_>) -> usize {
    line.spans.iter().map(|s| width(&s.content)).sum()
}

/// Whether `c` must never reach a terminal: a control character (C0, DEL,
/// C1), or a bidirectional formatting character (embeddings and overrides
/// U+202A–U+202E, isolates U+2066–U+2069), which reorders what is drawn
/// after it and can make text read differently from what it is
/// ("Trojan Source").
pub fn is_unsafe(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Removes every control character except `\n`, and every bidirectional
/// formatting character ([`is_unsafe`]), so that nothing in lesson
/// text can move the cursor, change colours or ring the bell: C0 controls
/// (ESC, BEL, CR, ...), DEL and the C1 range U+0080–U+009F (U+009B is a
/// one-character CSI on some terminals). A tab becomes spaces up to the next
/// multiple of [`TAB_WIDTH`] columns, counted from the last `\n`.
///
/// Borrows when there is nothing to remove, which is the common case.
pub fn sanitize(s: &str) -> Cow<'_, str> {
    if is_clean(s) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut column = 0;
    for g in s.graphemes(true) {
        if g == "\n" {
            out.push('\n');
            column = 0;
        } else if g == "\t" {
            let n = TAB_WIDTH - column % TAB_WIDTH;
            out.extend(std::iter::repeat_n(' ', n));
            column += n;
        } else if g.contains(|c: char| is_unsafe(c) && c != '\n') {
            // A grapheme can hold a control character next to others
            // ("\r\n", or a combining mark after ESC): keep the rest.
            for c in g.chars() {
                if c == '\n' {
                    out.push('\n');
                    column = 0;
                } else if !is_unsafe(c) {
                    out.push(c);
                }
            }
        } else {
            out.push_str(g);
            column += grapheme_width(g);
        }
    }
    Cow::Owned(out)
}

/// Whether `s` holds nothing [`sanitize`] removes, read as bytes: in UTF-8
/// every character [`is_unsafe`] finds is an ASCII control (C0, DEL), a C1
/// control (`C2 80`–`C2 9F`) or a bidirectional control (`E2 80 AA`–`AE`,
/// `E2 81 A6`–`A9`), and `C2` and `E2` only ever start a character. Blocks
/// of bytes with none of those leads are passed over without a branch per
/// byte.
fn is_clean(s: &str) -> bool {
    const BLOCK: usize = 32;
    let bytes = s.as_bytes();
    let lead = |b: u8| (b < b' ' && b != b'\n') || b == 0x7f || b == 0xc2 || b == 0xe2;
    let mut at = 0;
    while at < bytes.len() {
        let end = (at + BLOCK).min(bytes.len());
        let block = &bytes[at..end];
        if block.iter().fold(false, |any, &b| any | lead(b)) {
            for (i, &b) in block.iter().enumerate() {
                if lead(b) && unsafe_at(bytes, at + i) {
                    return false;
                }
            }
        }
        at = end;
    }
    true
}

/// Whether the character starting with the byte at `i` (one of the leads
/// in [`is_clean`]) is unsafe.
fn unsafe_at(bytes: &[u8], i: usize) -> bool {
    let next = |k: usize| bytes.get(i + k).copied().unwrap_or(0);
    match bytes[i] {
        0xc2 => (0x80..=0x9f).contains(&next(1)),
        0xe2 => match next(1) {
            0x80 => (0xaa..=0xae).contains(&next(2)),
            0x81 => (0xa6..=0xa9).contains(&next(2)),
            _ => false,
        },
        _ => true,
    }
}

/// `s` cut to at most `max` columns, ending with [`ELLIPSIS`] when anything
/// was cut. A wide glyph that would straddle the limit is left out whole.
pub fn truncate(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let room = max - width(ELLIPSIS);
    let mut out = String::new();
    let mut used = 0;
    for (g, w) in graphemes::graphemes(s) {
        if used + w > room {
            break;
        }
        used += w;
        out.push_str(g);
    }
    out.push_str(ELLIPSIS);
    out
}

/// A styled line cut to at most `max` columns, ending with [`ELLIPSIS`] (in
/// the style of the last span kept) when anything was cut: for status bars
/// and titles that must stay on one row.
pub fn truncate_line(line: &Line<'_>, max: usize) -> Line<'static> {
    let mut out = Line::default().style(line.style);
    out.alignment = line.alignment;
    if line_width(line) <= max {
        out.spans = line
            .spans
            .iter()
            .map(|s| Span::styled(s.content.to_string(), s.style))
            .collect();
        return out;
    }
    if max == 0 {
        return out;
    }
    let room = max - width(ELLIPSIS);
    let mut used = 0;
    let mut style = line.spans.first().map(|s| s.style).unwrap_or_default();
    'spans: for span in &line.spans {
        let mut kept = String::new();
        for (g, w) in graphemes::graphemes(&span.content) {
            if used + w > room {
                if !kept.is_empty() {
                    out.spans.push(Span::styled(kept, span.style));
                }
                break 'spans;
            }
            used += w;
            kept.push_str(g);
            style = span.style;
        }
        if !kept.is_empty() {
            out.spans.push(Span::styled(kept, span.style));
        }
    }
    out.spans.push(Span::styled(ELLIPSIS, style));
    out
}

/// `s` followed by spaces up to `min_width` columns; unchanged when it is
/// already that wide or wider.
pub fn pad_right(s: &str, min_width: usize) -> String {
    let w = width(s);
    let mut out = String::with_capacity(s.len() + min_width.saturating_sub(w));
    out.push_str(s);
    out.extend(std::iter::repeat_n(' ', min_width.saturating_sub(w)));
    out
}

/// A plain-text table: a head row and rows, columns padded by display
/// width (Korean takes two cells a character), two spaces apart, no
/// trailing spaces, a newline after every row. Cells are printed as they
/// are: the caller removes control characters first.
pub fn columns(head: &[&str], rows: &[Vec<String>]) -> String {
    let head: Vec<String> = head.iter().map(|h| h.to_string()).collect();
    let all: Vec<&Vec<String>> = std::iter::once(&head).chain(rows).collect();
    let widths: Vec<usize> = (0..head.len())
        .map(|c| {
            all.iter()
                .filter_map(|r| r.get(c))
                .map(|cell| width(cell))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for row in all {
        let mut line = String::new();
        for (c, cell) in row.iter().enumerate() {
            line.push_str(cell);
            if c + 1 < row.len() {
                let pad = widths
                    .get(c)
                    .copied()
                    .unwrap_or(0)
                    .saturating_sub(width(cell))
                    + 2;
                line.extend(std::iter::repeat_n(' ', pad));
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests;
