//! Shell: `$ ` prompts, the command word of each pipeline step, options,
//! quoted strings, variables, numbers, operators and comments; here-document
//! bodies stay plain. In a `console` block only prompt lines are commands
//! (and their `\` continuations); other lines are output.

use super::Out;
use crate::markdown::inline::Spans;
use crate::markdown::theme::Syntax;
use ratatui::style::Style;

pub(crate) struct Shell {
    console: bool,
    /// The delimiter of the here-document being read.
    heredoc: Option<String>,
    /// The previous line ended with `\`.
    continued: bool,
}

struct Ctx<'a> {
    out: Out,
    base: Style,
    s: &'a Syntax,
    expect_command: bool,
    /// A `<<` was seen: the next word is a here-document delimiter.
    want_delimiter: bool,
    delimiter: Option<String>,
}

const OPERATORS: &[char] = &['|', '&', ';', '<', '>', '(', ')'];

impl Shell {
    pub(crate) fn new(console: bool) -> Self {
        Shell {
            console,
            heredoc: None,
            continued: false,
        }
    }

    pub(crate) fn line(&mut self, line: &str, base: Style, s: &Syntax) -> Spans {
        let mut cx = Ctx {
            out: Out::default(),
            base,
            s,
            expect_command: !self.continued,
            want_delimiter: false,
            delimiter: None,
        };
        if let Some(delimiter) = &self.heredoc {
            let style = if line.trim() == delimiter {
                self.heredoc = None;
                s.punctuation
            } else {
                base
            };
            cx.out.push(line, style);
            return cx.out.finish();
        }
        let command = match prompt_len(line) {
            Some(n) => {
                cx.out.push(&line[..n], s.prompt);
                &line[n..]
            }
            None if self.console && !self.continued => {
                cx.out.push(line, s.output);
                return cx.out.finish();
            }
            None => line,
        };
        words(command, &mut cx);
        self.continued = line.trim_end().ends_with('\\');
        self.heredoc = cx.delimiter;
        cx.out.finish()
    }
}

/// The length of a `$ ` prompt (with any indentation before it).
fn prompt_len(line: &str) -> Option<usize> {
    let trimmed = line.trim_start();
    let lead = line.len() - trimmed.len();
    if trimmed == "$" {
        Some(line.len())
    } else if trimmed.starts_with("$ ") {
        Some(lead + 2)
    } else {
        None
    }
}

fn words(line: &str, cx: &mut Ctx<'_>) {
    let mut i = 0;
    while i < line.len() {
        let rest = &line[i..];
        let c = rest.chars().next().unwrap_or(' ');
        let end = match c {
            c if c.is_whitespace() => {
                let n = rest
                    .find(|c: char| !c.is_whitespace())
                    .unwrap_or(rest.len());
                cx.out.push(&rest[..n], cx.base);
                n
            }
            '#' => {
                cx.out.push(rest, cx.s.comment);
                rest.len()
            }
            '\'' | '"' => {
                let n = quoted_end(rest);
                delimiter_word(&rest[..n], cx);
                cx.out.push(&rest[..n], cx.s.string);
                cx.expect_command = false;
                n
            }
            '\\' if rest.trim_end() == "\\" => {
                cx.out.push(rest, cx.s.punctuation);
                rest.len()
            }
            '$' => variable(rest, cx),
            c if OPERATORS.contains(&c) => {
                let n = rest.find(|c| !OPERATORS.contains(&c)).unwrap_or(rest.len());
                let op = &rest[..n];
                cx.out.push(op, cx.s.punctuation);
                if op.starts_with("<<") && !op.starts_with("<<<") {
                    cx.want_delimiter = true;
                    // `<<-EOF`: the dash belongs to the operator.
                    if rest[n..].starts_with('-') {
                        cx.out.push("-", cx.s.punctuation);
                        return words(&rest[n + 1..], cx);
                    }
                } else if op.contains(['|', '&', ';', '(']) {
                    cx.expect_command = true;
                }
                n
            }
            _ => word(rest, cx),
        };
        // Every branch consumes something; the fallback keeps `i` on a
        // character boundary whatever happens.
        i += if end == 0 { c.len_utf8() } else { end };
    }
}

/// A plain word: a command, an assignment, an option, a number or an
/// argument. Returns its length.
fn word(rest: &str, cx: &mut Ctx<'_>) -> usize {
    let n = rest
        .find(|c: char| c.is_whitespace() || OPERATORS.contains(&c) || c == '\'' || c == '"')
        .unwrap_or(rest.len());
    let w = &rest[..n];
    if cx.want_delimiter {
        delimiter_word(w, cx);
        cx.out.push(w, cx.s.punctuation);
        return n;
    }
    let style = if cx.expect_command {
        match w.split_once('=') {
            Some((name, _)) if is_name(name) => cx.s.variable,
            _ => {
                cx.expect_command = false;
                cx.s.command
            }
        }
    } else if w.starts_with('-') && w.len() > 1 {
        cx.s.flag
    } else if w.chars().all(|c| c.is_ascii_digit()) {
        cx.s.number
    } else {
        cx.base
    };
    cx.out.push(w, style);
    n
}

fn delimiter_word(w: &str, cx: &mut Ctx<'_>) {
    if cx.want_delimiter {
        cx.want_delimiter = false;
        cx.delimiter = Some(w.trim_matches(['\'', '"']).to_string());
    }
}

/// `$NAME`, `${...}`, `$1`, `$?`, or `$(` which starts a command.
fn variable(rest: &str, cx: &mut Ctx<'_>) -> usize {
    let after = &rest[1..];
    let n = if after.starts_with('(') {
        cx.out.push("$(", cx.s.punctuation);
        cx.expect_command = true;
        return 2;
    } else if after.starts_with('{') {
        after.find('}').map_or(rest.len(), |e| e + 2)
    } else {
        let name = after
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(after.len());
        match after.chars().next() {
            _ if name > 0 => 1 + name,
            Some('?' | '!' | '#' | '@' | '*' | '-' | '$') => 2,
            _ => 1,
        }
    };
    cx.out.push(&rest[..n], cx.s.variable);
    cx.expect_command = false;
    n
}

fn is_name(s: &str) -> bool {
    let mut chars = s.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// The length of the quoted string `s` starts with (all of `s` when it is
/// not closed on this line).
fn quoted_end(s: &str) -> usize {
    let quote = s.as_bytes()[0];
    let bytes = s.as_bytes();
    let mut i = 1;
    while i < bytes.len() {
        if quote == b'"' && bytes[i] == b'\\' {
            i += 2;
            continue;
        }
        if bytes[i] == quote {
            return i + 1;
        }
        i += 1;
    }
    bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::theme::Theme;

    fn tagged(console: bool, lines: &[&str]) -> Vec<String> {
        let t = Theme::colored();
        let s = &t.syntax;
        let names = [
            (s.prompt, "$"),
            (s.command, "cmd"),
            (s.flag, "flag"),
            (s.string, "str"),
            (s.number, "num"),
            (s.comment, "com"),
            (s.punctuation, "p"),
            (s.variable, "var"),
            (s.output, "out"),
            (t.code_text, ""),
        ];
        let mut sh = Shell::new(console);
        lines
            .iter()
            .map(|l| {
                sh.line(l, t.code_text, s)
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
    fn prompt_command_flags_and_pipes() {
        assert_eq!(
            tagged(
                false,
                &[
                    "$ kubectl get pods -o wide | grep web # find it",
                    "echo \"a b\" 3"
                ]
            ),
            [
                "$[$ ]cmd[kubectl][ get pods ]flag[-o][ wide ]p[|][ ]cmd[grep][ web ]com[# find it]",
                "cmd[echo][ ]str[\"a b\"][ ]num[3]",
            ]
        );
    }

    #[test]
    fn variables_assignments_and_substitution() {
        assert_eq!(
            tagged(
                false,
                &["NS=dev kubectl get pod $POD -n ${NS} && echo $(date)"]
            ),
            [
                "var[NS=dev][ ]cmd[kubectl][ get pod ]var[$POD][ ]flag[-n][ ]var[${NS}][ ]p[&&][ ]cmd[echo][ ]p[$(]cmd[date]p[)]"
            ]
        );
    }

    #[test]
    fn console_output_lines_and_continuations() {
        assert_eq!(
            tagged(
                true,
                &[
                    "$ kubectl run web \\",
                    "    --image=nginx",
                    "pod/web created",
                ]
            ),
            [
                "$[$ ]cmd[kubectl][ run web ]p[\\]",
                "[    ]flag[--image=nginx]",
                "out[pod/web created]",
            ]
        );
    }

    #[test]
    fn heredoc_bodies_are_plain() {
        assert_eq!(
            tagged(
                false,
                &["cat <<'EOF' | kubectl apply -f -", "kind: Pod", "EOF", "ls"]
            ),
            [
                "cmd[cat][ ]p[<<]str['EOF'][ ]p[|][ ]cmd[kubectl][ apply ]flag[-f][ -]",
                "[kind: Pod]",
                "p[EOF]",
                "cmd[ls]",
            ]
        );
    }
}
