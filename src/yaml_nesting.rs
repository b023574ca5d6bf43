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
    let mut scan = Scan::default();
    for (i, line) in lines(text).enumerate() {
        if let Some(depth) = scan.line(line)
            && depth > MAX_DEPTH
        {
            return Err(TooDeep {
                line: i + 1,
                message: format!(
                    "nesting deeper than {MAX_DEPTH} levels (brackets or indentation): not read further"
                ),
            });
        }
    }
    Ok(())
}

/// The lines of `text`, ended by LF, CRLF or a lone CR (as YAML counts them).
fn lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let t = rest?;
        match t.find(['\n', '\r']) {
            Some(at) => {
                let skip = if t[at..].starts_with("\r\n") { 2 } else { 1 };
                rest = Some(&t[at + skip..]);
                Some(&t[..at])
            }
            None => {
                rest = None;
                Some(t)
            }
        }
    })
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
    /// Scan one line; the deepest nesting seen on it.
    fn line(&mut self, line: &str) -> Option<usize> {
        let indent = line.len() - line.trim_start_matches(' ').len();
        let rest = &line[indent..];
        if let Some(parent) = self.block_scalar {
            if rest.is_empty() || indent > parent {
                return None;
            }
            self.block_scalar = None;
        }
        if self.flow == 0 && self.quote.is_none() {
            if rest.is_empty() || rest.starts_with('#') {
                return None;
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
        let mut chars = rest.chars().peekable();
        while let Some(c) = chars.next() {
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
                        if chars.peek() == Some(&'\'') {
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
                            return Some(deepest);
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
        Some(deepest)
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
