//! YAML: keys, strings, numbers, booleans and null, comments, list markers,
//! flow collections, anchors and tags, and block scalars (`|`, `>`), whose
//! indented lines are strings.

use super::{Out, is_number};
use crate::markdown::inline::Spans;
use crate::markdown::theme::Syntax;
use ratatui::style::Style;

#[derive(Default)]
pub(crate) struct Yaml {
    /// Inside a block scalar: the indentation of the line that opened it.
    block_parent: Option<usize>,
}

struct Ctx<'a> {
    out: Out,
    base: Style,
    s: &'a Syntax,
}

impl Yaml {
    pub(crate) fn line(&mut self, line: &str, base: Style, s: &Syntax) -> Spans {
        let indent = line.len() - line.trim_start_matches(' ').len();
        let (lead, body) = line.split_at(indent);
        let mut cx = Ctx {
            out: Out::default(),
            base,
            s,
        };
        cx.out.push(lead, base);
        if let Some(parent) = self.block_parent {
            if body.is_empty() || indent > parent {
                cx.out.push(body, s.string);
                return cx.out.finish();
            }
            self.block_parent = None;
        }
        if body.starts_with('#') {
            cx.out.push(body, s.comment);
        } else if body.starts_with("---") || body.starts_with("...") {
            let (marker, rest) = body.split_at(3);
            cx.out.push(marker, s.punctuation);
            self.value(rest, indent, &mut cx);
        } else {
            self.node(body, indent, &mut cx);
        }
        cx.out.finish()
    }

    /// A block node: list markers, then `key: value` or a value.
    fn node(&mut self, mut body: &str, indent: usize, cx: &mut Ctx<'_>) {
        while body == "-" || body.starts_with("- ") {
            cx.out.push("-", cx.s.punctuation);
            let rest = &body[1..];
            let trimmed = rest.trim_start_matches(' ');
            cx.out.push(&rest[..rest.len() - trimmed.len()], cx.base);
            body = trimmed;
        }
        match key_colon(body) {
            Some(colon) => {
                cx.out.push(&body[..colon], cx.s.key);
                cx.out.push(":", cx.s.punctuation);
                self.value(&body[colon + 1..], indent, cx);
            }
            None => self.value(body, indent, cx),
        }
    }

    fn value(&mut self, v: &str, indent: usize, cx: &mut Ctx<'_>) {
        let trimmed = v.trim_start_matches(' ');
        cx.out.push(&v[..v.len() - trimmed.len()], cx.base);
        let v = trimmed;
        let Some(first) = v.chars().next() else {
            return;
        };
        match first {
            '#' => cx.out.push(v, cx.s.comment),
            '|' | '>' => {
                let end = v[1..]
                    .find(|c: char| !matches!(c, '-' | '+' | '0'..='9'))
                    .map_or(v.len(), |i| i + 1);
                cx.out.push(&v[..end], cx.s.punctuation);
                let rest = &v[end..];
                if rest.trim_start().is_empty() || rest.trim_start().starts_with('#') {
                    self.block_parent = Some(indent);
                }
                trailing(rest, cx);
            }
            '"' | '\'' => {
                let end = quote_end(v);
                cx.out.push(&v[..end], cx.s.string);
                trailing(&v[end..], cx);
            }
            '[' | '{' => flow(v, cx),
            '&' | '*' | '!' => {
                let end = v.find(' ').unwrap_or(v.len());
                cx.out.push(&v[..end], cx.s.variable);
                self.value(&v[end..], indent, cx);
            }
            _ => {
                let (scalar, comment) = split_comment(v);
                let word = scalar.trim_end_matches(' ');
                cx.out.push(word, scalar_style(word, cx.s));
                cx.out.push(&scalar[word.len()..], cx.base);
                cx.out.push(comment, cx.s.comment);
            }
        }
    }
}

/// What follows a complete value: spaces, then a comment or leftovers.
fn trailing(rest: &str, cx: &mut Ctx<'_>) {
    let trimmed = rest.trim_start_matches(' ');
    cx.out.push(&rest[..rest.len() - trimmed.len()], cx.base);
    if trimmed.starts_with('#') {
        cx.out.push(trimmed, cx.s.comment);
    } else {
        cx.out.push(trimmed, cx.base);
    }
}

fn scalar_style(word: &str, s: &Syntax) -> Style {
    let lower = word.to_ascii_lowercase();
    if matches!(
        lower.as_str(),
        "true" | "false" | "yes" | "no" | "on" | "off" | "null" | "~"
    ) {
        s.boolean
    } else if is_number(word) {
        s.number
    } else {
        s.string
    }
}

/// The byte index of the `:` that ends a mapping key, if `body` is one.
fn key_colon(body: &str) -> Option<usize> {
    if body.starts_with(['[', '{', '#', '|', '>']) {
        return None;
    }
    let start = if body.starts_with(['"', '\'']) {
        quote_end(body)
    } else {
        0
    };
    let bytes = body.as_bytes();
    for (i, &b) in bytes.iter().enumerate().skip(start) {
        if b == b'#' && i > 0 && bytes[i - 1] == b' ' {
            return None;
        }
        if b == b':' && bytes.get(i + 1).is_none_or(|&n| n == b' ') {
            return Some(i);
        }
        if start > 0 && b != b' ' && b != b':' {
            // After a quoted key only spaces may come before the colon.
            return None;
        }
    }
    None
}

/// The byte index just past the quoted string `v` starts with (the end of
/// `v` when it is not closed).
pub(super) fn quote_end(v: &str) -> usize {
    let quote = v.as_bytes()[0];
    let bytes = v.as_bytes();
    let mut i = 1;
    while i < bytes.len() {
        let b = bytes[i];
        if quote == b'"' && b == b'\\' {
            i += 2;
            continue;
        }
        if b == quote {
            if quote == b'\'' && bytes.get(i + 1) == Some(&b'\'') {
                i += 2;
                continue;
            }
            return i + 1;
        }
        i += 1;
    }
    bytes.len()
}

/// Splits a plain scalar from a trailing ` # comment`.
fn split_comment(v: &str) -> (&str, &str) {
    match v.find(" #") {
        Some(i) => (&v[..=i], &v[i + 1..]),
        None => (v, ""),
    }
}

/// A flow collection: `[a, b]`, `{key: value}`.
fn flow(v: &str, cx: &mut Ctx<'_>) {
    let bytes = v.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            b' ' => {
                let end = v[i..].find(|c| c != ' ').map_or(v.len(), |n| i + n);
                cx.out.push(&v[i..end], cx.base);
                i = end;
            }
            b'#' if i > 0 && bytes[i - 1] == b' ' => {
                cx.out.push(&v[i..], cx.s.comment);
                return;
            }
            b'[' | b']' | b'{' | b'}' | b',' | b':' => {
                cx.out.push(&v[i..=i], cx.s.punctuation);
                i += 1;
            }
            b'"' | b'\'' => {
                let end = i + quote_end(&v[i..]);
                let style = if followed_by_colon(&v[end..]) {
                    cx.s.key
                } else {
                    cx.s.string
                };
                cx.out.push(&v[i..end], style);
                i = end;
            }
            _ => {
                let end = v[i..]
                    .find([',', '[', ']', '{', '}', ':'])
                    .map_or(v.len(), |n| i + n);
                let word = v[i..end].trim_end_matches(' ');
                let style = if followed_by_colon(&v[i + word.len()..]) {
                    cx.s.key
                } else {
                    scalar_style(word, cx.s)
                };
                cx.out.push(word, style);
                i += word.len();
            }
        }
    }
}

fn followed_by_colon(rest: &str) -> bool {
    rest.trim_start_matches(' ').starts_with(':')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::theme::Theme;

    /// Renders each span as `text` tagged with the name of its style.
    fn tagged(lines: &[&str]) -> Vec<String> {
        let t = Theme::colored();
        let s = &t.syntax;
        let names = [
            (s.key, "key"),
            (s.string, "str"),
            (s.number, "num"),
            (s.boolean, "bool"),
            (s.comment, "com"),
            (s.punctuation, "p"),
            (s.variable, "var"),
            (t.code_text, ""),
        ];
        let mut y = Yaml::default();
        lines
            .iter()
            .map(|l| {
                y.line(l, t.code_text, s)
                    .iter()
                    .map(|span| {
                        let name = names
                            .iter()
                            .find(|(st, _)| *st == span.style)
                            .map_or("?", |(_, n)| n);
                        format!("{name}[{}]", span.content)
                    })
                    .collect::<String>()
            })
            .collect()
    }

    #[test]
    fn keys_values_and_comments() {
        assert_eq!(
            tagged(&[
                "apiVersion: v1 # core",
                "  replicas: 3",
                "  enabled: true",
                "  value: ~",
                "  image: \"nginx:1.25\"",
                "# a comment",
            ]),
            [
                "key[apiVersion]p[:][ ]str[v1][ ]com[# core]",
                "[  ]key[replicas]p[:][ ]num[3]",
                "[  ]key[enabled]p[:][ ]bool[true]",
                "[  ]key[value]p[:][ ]bool[~]",
                "[  ]key[image]p[:][ ]str[\"nginx:1.25\"]",
                "com[# a comment]",
            ]
        );
    }

    #[test]
    fn list_items_and_plain_strings_with_colons() {
        assert_eq!(
            tagged(&["- name: web", "  - image: nginx:1.25", "- 8080", "-"]),
            [
                "p[-][ ]key[name]p[:][ ]str[web]",
                "[  ]p[-][ ]key[image]p[:][ ]str[nginx:1.25]",
                "p[-][ ]num[8080]",
                "p[-]",
            ]
        );
    }

    #[test]
    fn block_scalars_are_strings_until_dedent() {
        assert_eq!(
            tagged(&["command: |", "  echo start: 1", "", "  exit 0", "next: 1",]),
            [
                "key[command]p[:][ ]p[|]",
                "[  ]str[echo start: 1]",
                "",
                "[  ]str[exit 0]",
                "key[next]p[:][ ]num[1]",
            ]
        );
    }

    #[test]
    fn flow_collections_documents_and_anchors() {
        assert_eq!(
            tagged(&[
                "---",
                "ports: [80, \"443\", web]",
                "labels: {app: web, tier: 1}",
                "base: &defaults",
            ]),
            [
                "p[---]",
                "key[ports]p[:][ ]p[[]num[80]p[,][ ]str[\"443\"]p[,][ ]str[web]p[]]",
                "key[labels]p[:][ ]p[{]key[app]p[:][ ]str[web]p[,][ ]key[tier]p[:][ ]num[1]p[}]",
                "key[base]p[:][ ]var[&defaults]",
            ]
        );
    }

    #[test]
    fn quoted_keys_and_unclosed_quotes() {
        assert_eq!(
            tagged(&["\"a b\": 'it''s'", "x: \"open"]),
            [
                "key[\"a b\"]p[:][ ]str['it''s']",
                "key[x]p[:][ ]str[\"open]",
            ]
        );
    }
}
