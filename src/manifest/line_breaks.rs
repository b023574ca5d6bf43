//! A carriage return with no line feed after it (old Mac line endings, or a
//! stray `\r` pasted into a file) is a line break to the YAML parsers, but
//! not to the rest of the program, which counts lines by `\n` the way
//! editors, `kubetutor validate` and the exercise editor show them. The
//! manifest is parsed with such CRs turned into `\n` (the same number of
//! bytes, so offsets agree), and every reported position is mapped back to
//! the line and column of the text as written.

use std::borrow::Cow;

/// A lone `\r`: not followed by `\n`.
fn lone_cr(bytes: &[u8], i: usize) -> bool {
    bytes[i] == b'\r' && bytes.get(i + 1) != Some(&b'\n')
}

/// The text with lone CRs as `\n`, borrowed when there is none.
pub(crate) fn normalize(text: &str) -> Cow<'_, str> {
    let bytes = text.as_bytes();
    if !(0..bytes.len()).any(|i| lone_cr(bytes, i)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' && chars.peek() != Some(&'\n') {
            out.push('\n');
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Maps a 1-based (line, column) of the normalized text to the text as
/// written. Columns count characters.
pub(crate) struct Positions<'a> {
    original: &'a str,
    /// Byte offset of each line start in the normalized text.
    starts: Vec<usize>,
    normalized: &'a str,
}

impl<'a> Positions<'a> {
    pub(crate) fn new(original: &'a str, normalized: &'a str) -> Self {
        let mut starts = vec![0];
        starts.extend(
            normalized
                .bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n')
                .map(|(i, _)| i + 1),
        );
        Positions {
            original,
            starts,
            normalized,
        }
    }

    pub(crate) fn original(&self, line: usize, column: usize) -> (usize, usize) {
        let Some(&start) = self.starts.get(line.saturating_sub(1)) else {
            let lines = self.original.matches('\n').count() + 1;
            return (line.min(lines), column);
        };
        let rest = &self.normalized[start..];
        let line_end = rest.find('\n').unwrap_or(rest.len());
        let within: usize = rest[..line_end]
            .chars()
            .take(column.saturating_sub(1))
            .map(char::len_utf8)
            .sum();
        let offset = start + within;
        let before = &self.original[..offset];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = self.original[line_start..offset].chars().count() + 1;
        (line, column)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_lone_carriage_returns_change() {
        assert!(matches!(normalize("a: 1\r\nb: 2\n"), Cow::Borrowed(_)));
        assert_eq!(normalize("a: 1\rb: 2\r\nc: 3\r"), "a: 1\nb: 2\r\nc: 3\n");
    }

    #[test]
    fn positions_map_back_to_the_lines_as_written() {
        let original = "a: 1\rbé: 2\nc: 3\n";
        let normalized = normalize(original);
        let p = Positions::new(original, &normalized);
        assert_eq!(p.original(1, 1), (1, 1));
        // Line 2 of the parser is after the CR, still line 1 as written.
        assert_eq!(p.original(2, 1), (1, 6));
        assert_eq!(p.original(2, 4), (1, 9));
        assert_eq!(p.original(3, 2), (2, 2));
        // Past the end: clamped to the last line.
        assert_eq!(p.original(9, 1), (3, 1));
    }
}
