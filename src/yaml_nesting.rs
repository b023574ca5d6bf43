//! A linear pre-scan of YAML nesting, run before any YAML parser sees a
//! text (front matter, lesson blocks, manifests).
//!
//! The YAML scanners we use keep one "simple key" slot per open flow
//! collection and look at all of them for every token, so `[[[[…` costs
//! time quadratic in its depth: 100,000 brackets took 18 s before the
//! parser's own 128-level recursion limit was ever reached. This scan
//! counts flow brackets (outside quotes, comments and block scalars) and
//! block indentation levels in one pass, and stops at the first line where
//! the depth passes [`MAX_DEPTH`], the parser's own limit, so no text the
//! parser would accept is refused.

/// The deepest nesting accepted: the YAML deserializer's recursion limit.
pub const MAX_DEPTH: usize = 128;

/// Where nesting went past [`MAX_DEPTH`]: a 1-based line of `text`, and
/// the message to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TooDeep {
    pub line: usize,
    pub message: String,
}

/// `Err` at the first line where `text` nests deeper than [`MAX_DEPTH`].
pub fn check(text: &str) -> Result<(), TooDeep> {
    check_counting(text).0
}

/// [`check`], and how many bytes it read: it stops at the bracket that
/// passes the limit, not at the end of that line (a 16 MiB line of `[` is
/// refused after its first 129 brackets).
fn check_counting(text: &str) -> (Result<(), TooDeep>, usize) {
    let mut scan = Scan::default();
    let mut rest = text;
    let mut line = 1;
    while !rest.is_empty() {
        let (depth, read) = scan.line(rest);
        if let Some(depth) = depth
            && depth > MAX_DEPTH
        {
            let too_deep = TooDeep {
                line,
                message: format!(
                    "nesting deeper than {MAX_DEPTH} levels (brackets or indentation): not read further"
                ),
            };
            return (Err(too_deep), text.len() - rest.len() + read);
        }
        rest = next_line(rest);
        line += 1;
    }
    (Ok(()), text.len())
}

/// The end of the first line of `text` (before LF, CRLF or a lone CR, as
/// YAML counts line ends).
fn line_end(text: &str) -> usize {
    text.bytes()
        .position(|b| b == b'\n' || b == b'\r')
        .unwrap_or(text.len())
}

/// `text` after its first line and that line's end.
fn next_line(text: &str) -> &str {
    let at = line_end(text);
    let rest = &text[at..];
    let skip = if rest.starts_with("\r\n") {
        2
    } else {
        usize::from(!rest.is_empty())
    };
    &rest[skip..]
}

#[derive(Default)]
struct Scan {
    /// Open flow collections (`[` and `{`).
    flow: usize,
    /// Indentation of the open block collections.
    indents: Vec<usize>,
    /// Inside a quoted scalar that goes on past the line end.
    quote: Option<char>,
    /// Inside a block scalar (`|` or `>`): lines indented more than this
    /// are its text.
    block_scalar: Option<usize>,
}

impl Scan {
    /// Scan the first line of `text`; the deepest nesting seen on it and
    /// how many bytes were read when the limit was passed.
    fn line(&mut self, text: &str) -> (Option<usize>, usize) {
        match self.line_depth(text) {
            Err(read) => (Some(MAX_DEPTH + 1), read),
            Ok(depth) => (depth, 0),
        }
    }

    /// The deepest nesting on the first line of `text`, or `Err` with the
    /// bytes read up to the bracket that passed the limit. Only the
    /// bracket-counting loop reads the line as far as it goes: a line that
    /// is too deep is not read to its end.
    fn line_depth(&mut self, text: &str) -> Result<Option<usize>, usize> {
        let blank = text.len() - text.trim_start_matches(' ').len();
        let line = if text[blank..].starts_with(['\n', '\r']) {
            &text[..blank]
        } else if self.block_scalar.is_some() || text[blank..].starts_with('#') {
            &text[..line_end(text)]
        } else {
            text
        };
        let indent = blank.min(line.len());
        let rest = &line[indent..];
        if let Some(parent) = self.block_scalar {
            if rest.is_empty() || indent > parent {
                return Ok(None);
            }
            self.block_scalar = None;
        }
        if self.flow == 0 && self.quote.is_none() {
            if rest.is_empty() || rest.starts_with('#') {
                return Ok(None);
            }
            while self.indents.last().is_some_and(|&i| i > indent) {
                self.indents.pop();
            }
            if self.indents.last().is_none_or(|&i| i < indent) {
                self.indents.push(indent);
            }
        }
        let block = self.indents.len();
        let mut deepest = block + self.flow;
        let mut prev = ' ';
        let mut chars = rest.char_indices().peekable();
        while let Some((at, c)) = chars.next() {
            if c == '\n' || c == '\r' {
                break;
            }
            match self.quote {
                Some('"') => match c {
                    '\\' => {
                        chars.next();
                    }
                    '"' => self.quote = None,
                    _ => {}
                },
                Some(_) => {
                    if c == '\'' {
                        if chars.peek().is_some_and(|&(_, c)| c == '\'') {
                            chars.next();
                        } else {
                            self.quote = None;
                        }
                    }
                }
                None => match c {
                    '#' if prev == ' ' || prev == '\t' => break,
                    '"' | '\'' if starts_scalar(prev) => self.quote = Some(c),
                    '[' | '{' => {
                        self.flow += 1;
                        deepest = deepest.max(block + self.flow);
                        if deepest > MAX_DEPTH {
                            return Err(indent + at + 1);
                        }
                    }
                    ']' | '}' => self.flow = self.flow.saturating_sub(1),
                    '|' | '>' if self.flow == 0 && starts_scalar(prev) => {
                        self.block_scalar = Some(indent);
                        break;
                    }
                    _ => {}
                },
            }
            prev = c;
        }
        Ok(Some(deepest))
    }
}

/// Whether a quote or block indicator after `prev` (the last character
/// before it, spaces skipped) begins a scalar rather than sitting inside a
/// plain one (`it's`).
fn starts_scalar(prev: char) -> bool {
    matches!(prev, ' ' | '\t' | ':' | '-' | '[' | '{' | ',' | '?')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flow(n: usize) -> String {
        format!("x: {}{}\n", "[".repeat(n), "]".repeat(n))
    }

    #[test]
    fn flow_nesting_past_the_limit_is_refused_at_its_line() {
        assert!(check(&flow(100)).is_ok());
        let e = check(&format!("a: 1\nb: 2\n{}", flow(200))).unwrap_err();
        assert_eq!(e.line, 3);
        assert!(e.message.contains("deeper than 128"), "{}", e.message);
        // Over several lines, in a mapping.
        let text = format!("x:\n{}", "  {\n".repeat(130));
        assert_eq!(check(&text).unwrap_err().line, MAX_DEPTH);
    }

    #[test]
    fn brackets_in_quotes_comments_and_block_scalars_do_not_count() {
        let many = "[".repeat(300);
        for text in [
            format!("a: \"{many}\"\n"),
            format!("a: '{many}'\n"),
            format!("a: 'it''s {many}'\n"),
            format!("a: 1 # {many}\n"),
            format!("a: |\n  {many}\n  {many}\nb: 2\n"),
            format!("a: >-\n    {many}\n"),
            format!("a: \"two\n  lines {many}\"\n"),
            format!("a: \"esc \\\" {many}\"\n"),
        ] {
            assert!(check(&text).is_ok(), "{text}");
        }
        // A plain scalar with an apostrophe does not open a quote.
        let text = format!("a: it's\nb: {}{}\n", "[".repeat(200), "]".repeat(200));
        assert!(check(&text).is_err());
    }

    /// Issue #15 item 3: a line too deep is refused at the bracket that
    /// passes the limit; the scan used to find the end of the line first,
    /// reading all of a 16 MiB line of `[` before looking at it.
    #[test]
    fn a_line_too_deep_is_not_read_to_its_end() {
        let flood = format!("id: f\nx: {}\n", "[".repeat(1 << 20));
        let (result, read) = check_counting(&flood);
        assert_eq!(result.unwrap_err().line, 2);
        assert_eq!(read, "id: f\nx: ".len() + MAX_DEPTH);
        // Indentation counts towards the depth too.
        let nested = format!("a:\n  b: {}\n", "[".repeat(1000));
        let (result, read) = check_counting(&nested);
        assert_eq!(result.unwrap_err().line, 2);
        assert_eq!(read, "a:\n  b: ".len() + MAX_DEPTH - 1);
        // A text within the limit is read to its end.
        let ok = format!("a: {}\n", "[]".repeat(1000));
        assert_eq!(check_counting(&ok), (Ok(()), ok.len()));
    }

    #[test]
    fn every_line_ending_counts_once() {
        let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
        for nl in ["\n", "\r\n", "\r"] {
            let text = format!("a: 1{nl}b: 2{nl}c: {deep}{nl}");
            assert_eq!(check(&text).unwrap_err().line, 3, "{nl:?}");
        }
    }

    #[test]
    fn indentation_counts_as_nesting() {
        let ok: String = (0..100)
            .map(|i| format!("{}k{i}:\n", " ".repeat(i)))
            .collect();
        assert!(check(&ok).is_ok());
        let deep: String = (0..200)
            .map(|i| format!("{}k{i}:\n", " ".repeat(i)))
            .collect();
        assert_eq!(check(&deep).unwrap_err().line, MAX_DEPTH + 1);
        // Going back out resets the depth.
        let mut up_and_down = String::new();
        for _ in 0..10 {
            up_and_down.push_str(&ok);
        }
        assert!(check(&up_and_down).is_ok());
    }

    #[test]
    fn real_manifests_pass() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/k8s-examples");
        let mut n = 0;
        let mut walk = vec![std::path::PathBuf::from(dir)];
        while let Some(d) = walk.pop() {
            for e in std::fs::read_dir(d).unwrap().flatten() {
                let p = e.path();
                if p.is_dir() {
                    walk.push(p);
                } else if let Ok(text) = std::fs::read_to_string(&p) {
                    assert!(check(&text).is_ok(), "{}", p.display());
                    n += 1;
                }
            }
        }
        assert!(n > 50, "{n} files");
    }
}
