//! A lesson file's text made ready for parsing, and the arithmetic that turns
//! byte offsets into the 1-based lines every message quotes.

use std::borrow::Cow;

/// A problem at a 1-based line of the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Problem {
    pub line: usize,
    pub message: String,
}

impl Problem {
    pub(crate) fn new(line: usize, message: impl Into<String>) -> Self {
        Problem {
            line,
            message: message.into(),
        }
    }
}

/// The text with a leading byte-order mark removed and every line ending
/// (`\r\n` or a lone `\r`) turned into `\n`. Neither change moves a line, so
/// lines counted here are the lines an editor shows.
pub(crate) struct SourceText<'a> {
    text: Cow<'a, str>,
    /// Byte offset where each line starts; `line_starts[0] == 0`.
    line_starts: Vec<usize>,
}

impl<'a> SourceText<'a> {
    pub(crate) fn new(raw: &'a str) -> Self {
        let raw = raw.strip_prefix('\u{feff}').unwrap_or(raw);
        let text = if raw.contains('\r') {
            Cow::Owned(raw.replace("\r\n", "\n").replace('\r', "\n"))
        } else {
            Cow::Borrowed(raw)
        };
        // Counted first so the vector is allocated once, at its size: a
        // 10 MB lesson has some 300,000 lines, and growing by doubling
        // would hold up to twice that (and both copies while it moves).
        let lines = text.bytes().filter(|&b| b == b'\n').count();
        let mut line_starts = Vec::with_capacity(lines + 1);
        line_starts.push(0);
        // `match_indices` of a char finds each one with `memchr`.
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        SourceText { text, line_starts }
    }

    pub(crate) fn text(&self) -> &str {
        &self.text
    }

    /// The 1-based line holding byte `offset`.
    pub(crate) fn line_of(&self, offset: usize) -> usize {
        self.line_starts.partition_point(|&start| start <= offset)
    }

    /// The byte offset where the line holding `offset` starts.
    pub(crate) fn line_start_of(&self, offset: usize) -> usize {
        self.line_starts[self.line_of(offset) - 1]
    }

    /// The byte offset where 1-based `line` starts (the end of the text when
    /// the line is past the last one).
    pub(crate) fn start_of_line(&self, line: usize) -> usize {
        self.line_starts
            .get(line.saturating_sub(1))
            .copied()
            .unwrap_or(self.text.len())
    }
}

/// The 1-based line (counted from `first_line`) of the first line in `block`
/// where `key:` starts a mapping entry: at the line start, after indentation,
/// after `- ` or inside a `{ ... }` flow mapping. With `top_level`, only
/// unindented keys count.
pub(crate) fn key_line(
    block: &str,
    first_line: usize,
    key: &str,
    top_level: bool,
) -> Option<usize> {
    let needle = format!("{key}:");
    block.lines().enumerate().find_map(|(i, line)| {
        let found = if top_level {
            line.starts_with(&needle)
        } else {
            line.match_indices(&needle).any(|(at, _)| {
                line[..at]
                    .chars()
                    .next_back()
                    .is_none_or(|c| matches!(c, ' ' | '\t' | '{' | ',' | '-'))
            })
        };
        found.then_some(first_line + i)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_from_offsets() {
        let s = SourceText::new("ab\ncd\n\nef");
        assert_eq!(s.line_of(0), 1);
        assert_eq!(s.line_of(2), 1);
        assert_eq!(s.line_of(3), 2);
        assert_eq!(s.line_of(6), 3);
        assert_eq!(s.line_of(7), 4);
        assert_eq!(s.line_of(100), 4);
        assert_eq!(s.line_start_of(4), 3);
        assert_eq!(s.start_of_line(4), 7);
        assert_eq!(s.start_of_line(9), 9);
    }

    #[test]
    fn bom_and_carriage_returns_do_not_move_lines() {
        let s = SourceText::new("\u{feff}a\r\nb\rc\n");
        assert_eq!(s.text(), "a\nb\nc\n");
        assert_eq!(s.line_of(4), 3);
    }

    #[test]
    fn finds_keys_by_line() {
        let block = "id: x\nchoices:\n  - text: a\n    why: b\ncheck:\n  - recovery: { delete: a, within: 1x, running: 1 }\n";
        assert_eq!(key_line(block, 10, "choices", true), Some(11));
        assert_eq!(key_line(block, 10, "why", true), None);
        assert_eq!(key_line(block, 10, "why", false), Some(13));
        assert_eq!(key_line(block, 10, "within", false), Some(15));
        assert_eq!(key_line(block, 10, "in", false), None);
    }
}
