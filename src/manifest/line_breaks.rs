//! Line endings. A carriage return is a line break of its own (old Mac line
//! endings, a stray `\r` pasted into a file) to YAML and to CommonMark, and
//! the lesson loader counts lines the same way; so do manifests. The
//! manifest is read with lone CRs turned into `\n` (the same number of
//! bytes, so offsets agree), which keeps our own document splitting (by
//! `\n`) and the YAML parsers' line numbers on one count.

use std::borrow::Cow;

/// The text with every CR that is not followed by LF made a LF; borrowed
/// when there is none.
pub(crate) fn normalize(text: &str) -> Cow<'_, str> {
    let bytes = text.as_bytes();
    let lone = |i: usize| bytes[i] == b'\r' && bytes.get(i + 1) != Some(&b'\n');
    if !(0..bytes.len()).any(lone) {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_lone_carriage_returns_change() {
        assert!(matches!(normalize("a: 1\r\nb: 2\n"), Cow::Borrowed(_)));
        assert_eq!(normalize("a: 1\rb: 2\r\nc: 3\r"), "a: 1\nb: 2\r\nc: 3\n");
    }

    #[test]
    fn documents_after_a_carriage_return_keep_their_lines() {
        // Line 2 ends with a lone CR, so `metadata` is line 3 and `---` line
        // 4, for the splitter and the parser alike: the unclosed `[` of the
        // second document is reported at the end of the text, line 7.
        let loaded = super::super::load(
            "apiVersion: v1\nkind: ServiceAccount\rmetadata: {name: a}\n---\napiVersion: v1\nkind: [\n",
        );
        let lines: Vec<usize> = loaded.diagnostics.iter().map(|d| d.line).collect();
        assert_eq!(loaded.documents.len(), 1);
        assert_eq!(loaded.documents[0].line, 1);
        assert_eq!(lines, [2, 7], "the kind warning, then the syntax error");
    }
}
