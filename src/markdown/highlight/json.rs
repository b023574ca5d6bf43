//! JSON: keys (a string followed by `:`), strings, numbers, `true` /
//! `false` / `null`, punctuation, and `//` comments (JSONC, seen in docs).

use super::{Out, is_number};
use crate::markdown::inline::Spans;
use crate::markdown::theme::Syntax;
use ratatui::style::Style;

pub(crate) fn line(line: &str, base: Style, s: &Syntax) -> Spans {
    let mut out = Out::default();
    let bytes = line.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                let end = i + string_end(&line[i..]);
                let after = line[end..].trim_start();
                let style = if after.starts_with(':') {
                    s.key
                } else {
                    s.string
                };
                out.push(&line[i..end], style);
                i = end;
            }
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                out.push(&line[i..], s.comment);
                break;
            }
            b'{' | b'}' | b'[' | b']' | b',' | b':' => {
                out.push(&line[i..=i], s.punctuation);
                i += 1;
            }
            b if b.is_ascii_whitespace() => {
                let end = run(line, i, |c| c.is_ascii_whitespace());
                out.push(&line[i..end], base);
                i = end;
            }
            _ => {
                let end = run(line, i, |c| {
                    !c.is_ascii_whitespace()
                        && !matches!(c, '{' | '}' | '[' | ']' | ',' | ':' | '"')
                });
                let word = &line[i..end];
                let style = match word {
                    "true" | "false" | "null" => s.boolean,
                    w if is_number(w) => s.number,
                    _ => base,
                };
                out.push(word, style);
                i = end;
            }
        }
    }
    out.finish()
}

/// The end of the run of characters from `start` that satisfy `keep`.
fn run(line: &str, start: usize, keep: impl Fn(char) -> bool) -> usize {
    line[start..]
        .char_indices()
        .find(|&(_, c)| !keep(c))
        .map_or(line.len(), |(n, _)| start + n)
}

/// The byte index just past the string `s` starts with (its end when the
/// string is not closed on this line).
fn string_end(s: &str) -> usize {
    let bytes = s.as_bytes();
    let mut i = 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::theme::Theme;

    #[test]
    fn keys_strings_numbers_literals() {
        let t = Theme::colored();
        let s = &t.syntax;
        let spans = line(
            r#"  "replicas": 3, "name": "web \"x\"", "ok": true, "n": null, "f": -1.5e3 // c"#,
            t.code_text,
            s,
        );
        let styled: Vec<(&str, Style)> = spans.iter().map(|sp| (&*sp.content, sp.style)).collect();
        assert_eq!(
            styled,
            [
                ("  ", t.code_text),
                ("\"replicas\"", s.key),
                (":", s.punctuation),
                (" ", t.code_text),
                ("3", s.number),
                (",", s.punctuation),
                (" ", t.code_text),
                ("\"name\"", s.key),
                (":", s.punctuation),
                (" ", t.code_text),
                ("\"web \\\"x\\\"\"", s.string),
                (",", s.punctuation),
                (" ", t.code_text),
                ("\"ok\"", s.key),
                (":", s.punctuation),
                (" ", t.code_text),
                ("true", s.boolean),
                (",", s.punctuation),
                (" ", t.code_text),
                ("\"n\"", s.key),
                (":", s.punctuation),
                (" ", t.code_text),
                ("null", s.boolean),
                (",", s.punctuation),
                (" ", t.code_text),
                ("\"f\"", s.key),
                (":", s.punctuation),
                (" ", t.code_text),
                ("-1.5e3", s.number),
                (" ", t.code_text),
                ("// c", s.comment),
            ]
        );
    }

    #[test]
    fn unclosed_string_runs_to_the_end() {
        let t = Theme::colored();
        let spans = line(r#"{"a": "open"#, t.code_text, &t.syntax);
        assert_eq!(spans.last().map(|s| &*s.content), Some("\"open"));
        assert_eq!(spans.last().map(|s| s.style), Some(t.syntax.string));
    }
}
