//! Syntax errors, moved to the line that causes them where the usual mistake is
//! recognisable (a tab, `key:value`, an unclosed quote, a line indented too
//! far), with a hint in both languages.

use super::diagnostic::Diagnostic;
use super::positions::{DuplicateKey, Pos};

/// A libyaml error (`problem at line L column C, while context at line ...`).
pub fn yaml_error(full: &str, chunk: &str, at: Pos, raw: &str, line_offset: usize) -> Diagnostic {
    let (problem, context_at) = split_libyaml(raw, chunk, line_offset);
    let lines: Vec<&str> = full.lines().collect();
    let line = |n: usize| lines.get(n.wrapping_sub(1)).copied().unwrap_or("");
    let mut at = at;
    let mut hint: Option<(&str, &str)> = None;

    if raw.contains("while scanning a quoted scalar")
        && let Some(c) = context_at
    {
        at = c;
        hint = Some((
            "this quote is never closed: end the value with the same quote on this line",
            "여기서 연 따옴표가 닫히지 않았습니다. 같은 줄에서 같은 따옴표로 값을 닫으세요",
        ));
    } else if let Some(tab) = find_tab(&line, at.line) {
        at = tab;
        hint = Some((
            "a tab is used for indentation here; YAML indentation must be spaces",
            "여기서 탭 문자로 들여쓰기를 했습니다. YAML 들여쓰기에는 공백만 쓸 수 있습니다",
        ));
    } else if let Some(colon) = find_missing_space(&line, at.line) {
        at = colon;
        hint = Some((
            "a space is missing after ':': write `key: value`, not `key:value`",
            "':' 뒤에 공백이 없습니다. `key:value`가 아니라 `key: value`로 쓰세요",
        ));
    } else if problem.starts_with("found unknown escape character") {
        hint = Some((
            r"inside double quotes a backslash starts an escape (\n, \t, \\): write \\ for a backslash, or use single quotes",
            r"큰따옴표 안에서 역슬래시는 이스케이프(\n, \t, \\)를 시작합니다. 역슬래시 자체는 \\로 쓰거나 작은따옴표를 쓰세요",
        ));
    } else if problem.starts_with("mapping values are not allowed") {
        let text = line(at.line);
        hint = Some(if text.matches(": ").count() > 1 {
            (
                "a value that contains ': ' must be quoted (`command: \"a: b\"`)",
                "': '가 들어 있는 값은 따옴표로 감싸야 합니다 (`command: \"a: b\"`)",
            )
        } else {
            (
                "this line is indented deeper than the key above it, so it reads as part of that key's value: line it up with its sibling keys",
                "이 줄이 윗줄의 키보다 더 들여써져서 그 키의 값의 일부로 읽힙니다. 같은 수준의 키와 열을 맞추세요",
            )
        });
    } else if problem.starts_with("did not find expected key")
        || problem.starts_with("did not find expected '-'")
        || problem.starts_with("block sequence entries are not allowed")
        || problem.starts_with("could not find expected ':'")
    {
        hint = Some((
            "check the indentation of this line: the keys of one mapping, and the '- ' items of one list, must start in the same column",
            "이 줄의 들여쓰기를 확인하세요. 같은 매핑의 키들과 같은 리스트의 '- ' 항목들은 같은 열에서 시작해야 합니다",
        ));
    } else if problem.starts_with("found unexpected end of stream")
        || problem.starts_with("did not find expected ','")
        || problem.starts_with("did not find expected node content")
    {
        hint = Some((
            "a bracket or brace is not closed, or a comma is missing between two items",
            "괄호가 닫히지 않았거나 두 항목 사이에 쉼표가 빠졌습니다",
        ));
    }
    let message = format!("yaml: {problem}");
    let ko = format!("YAML 문법 오류: {}", problem_ko(&problem));
    let d = Diagnostic::error(at.line, at.column.max(1), "", message).with_ko(ko);
    match hint {
        Some((en, ko)) => d.with_hints(en, ko),
        None => d,
    }
}

/// libyaml (YAML 1.1) also ends a line at U+0085, U+2028 and U+2029; an
/// editor, and the rest of kubetutor, only at a line feed. `(line, column)`
/// as libyaml counts them in `chunk` (1-based), as an editor counts them.
pub fn real_pos(chunk: &str, line: usize, column: usize) -> (usize, usize) {
    if !chunk.contains(['\u{85}', '\u{2028}', '\u{2029}']) {
        return (line, column);
    }
    let (mut yl, mut yc, mut rl, mut rc) = (1, 1, 1, 1);
    let mut chars = chunk.chars().peekable();
    while let Some(c) = chars.next() {
        if (yl, yc) >= (line, column) {
            break;
        }
        match c {
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' => {
                (yl, yc, rl, rc) = (yl + 1, 1, rl + 1, 1);
            }
            '\u{85}' | '\u{2028}' | '\u{2029}' => {
                (yl, yc, rc) = (yl + 1, 1, rc + 1);
            }
            _ => {
                (yc, rc) = (yc + 1, rc + 1);
            }
        }
    }
    (rl, rc)
}

/// The problem text without its location, and the context's position.
fn split_libyaml(raw: &str, chunk: &str, line_offset: usize) -> (String, Option<Pos>) {
    let (head, context) = raw.split_once(", while ").unwrap_or((raw, ""));
    let problem = head
        .split(" at line ")
        .next()
        .unwrap_or(head)
        .trim()
        .to_string();
    let context_at = context.split_once(" at line ").and_then(|(_, loc)| {
        let (l, c) = loc.split_once(" column ")?;
        let (line, column) = real_pos(chunk, l.trim().parse().ok()?, c.trim().parse().ok()?);
        Some(Pos {
            line: line + line_offset,
            column,
        })
    });
    (problem, context_at)
}

fn problem_ko(problem: &str) -> String {
    const KO: &[(&str, &str)] = &[
        (
            "found character that cannot start any token",
            "토큰을 시작할 수 없는 문자가 있습니다",
        ),
        (
            "could not find expected ':'",
            "':'가 있어야 할 곳에 없습니다",
        ),
        (
            "mapping values are not allowed in this context",
            "이 위치에는 매핑 값(`키: 값`)이 올 수 없습니다",
        ),
        (
            "did not find expected key",
            "키가 와야 할 곳에 키가 없습니다",
        ),
        (
            "did not find expected '-' indicator",
            "'-' 항목 표시가 와야 할 곳에 없습니다",
        ),
        (
            "block sequence entries are not allowed in this context",
            "이 위치에는 '- ' 리스트 항목이 올 수 없습니다",
        ),
        (
            "found unexpected end of stream",
            "문서가 예상보다 일찍 끝났습니다",
        ),
        (
            "did not find expected node content",
            "값이 와야 할 곳에 값이 없습니다",
        ),
        (
            "did not find expected ',' or ']'",
            "',' 또는 ']'가 와야 할 곳에 없습니다",
        ),
        (
            "did not find expected ',' or '}'",
            "',' 또는 '}'가 와야 할 곳에 없습니다",
        ),
        (
            "found undefined alias",
            "정의되지 않은 별칭(alias)을 썼습니다",
        ),
        (
            "did not find expected <document start>",
            "새 문서는 '---'로 시작해야 합니다",
        ),
        (
            "found a tab character that violates indentation",
            "들여쓰기에 탭 문자가 있습니다",
        ),
        (
            "found a tab character where an indentation space is expected",
            "공백이 와야 할 들여쓰기에 탭 문자가 있습니다",
        ),
        (
            "found unknown escape character",
            "알 수 없는 이스케이프 문자('\\' 뒤의 글자)가 있습니다",
        ),
        (
            "duplicate entry with key",
            "같은 매핑에 같은 키가 두 번 나옵니다",
        ),
        (
            "control characters are not allowed",
            "쓸 수 없는 제어 문자가 있습니다",
        ),
        (
            "invalid leading UTF-8 octet",
            "UTF-8이 아닌 바이트가 있습니다",
        ),
        ("found unexpected ':'", "예상하지 못한 ':'가 있습니다"),
        (
            "did not find expected comment or line break",
            "주석이나 줄바꿈이 와야 할 곳에 다른 글자가 있습니다",
        ),
        (
            "found undefined tag handle",
            "정의되지 않은 태그를 썼습니다",
        ),
    ];
    KO.iter()
        .find(|(en, _)| problem.starts_with(en))
        .map_or_else(|| problem.to_string(), |(_, ko)| ko.to_string())
}

/// A tab in the indentation of the error line or the line before it.
fn find_tab<'a>(line: &impl Fn(usize) -> &'a str, at: usize) -> Option<Pos> {
    for n in [at, at.saturating_sub(1)] {
        let text = line(n);
        let indent: String = text.chars().take_while(|c| c.is_whitespace()).collect();
        if let Some(i) = indent.chars().position(|c| c == '\t') {
            return Some(Pos {
                line: n,
                column: i + 1,
            });
        }
    }
    None
}

/// `key:value` (no space after the colon) on the error line or the two
/// content lines before it: the position just after the colon.
fn find_missing_space<'a>(line: &impl Fn(usize) -> &'a str, at: usize) -> Option<Pos> {
    let mut n = at;
    let mut seen = 0;
    while n >= 1 && seen < 3 {
        let text = line(n);
        if !text.trim().is_empty() {
            seen += 1;
            if let Some(col) = missing_space_column(text) {
                return Some(Pos {
                    line: n,
                    column: col,
                });
            }
        }
        n -= 1;
    }
    None
}

fn missing_space_column(text: &str) -> Option<usize> {
    let trimmed = text.trim_start();
    let indent = text.chars().count() - trimmed.chars().count();
    let body = trimmed.strip_prefix("- ").unwrap_or(trimmed);
    let skipped = trimmed.chars().count() - body.chars().count();
    if body.starts_with('#') || body.contains(": ") || body.ends_with(':') {
        return None;
    }
    let key_len = body
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.' | '/'))
        .count();
    let rest: Vec<char> = body.chars().skip(key_len).take(2).collect();
    match rest.as_slice() {
        [':', next, ..] if key_len > 0 && !matches!(next, '/' | ':' | ' ') => {
            Some(indent + skipped + key_len + 2)
        }
        _ => None,
    }
}

pub fn duplicate_key(d: &DuplicateKey) -> Diagnostic {
    let path = if d.parent.is_empty() {
        d.key.clone()
    } else {
        format!("{}.{}", d.parent, d.key)
    };
    Diagnostic::error(
        d.pos.line,
        d.pos.column,
        path,
        format!(
            "yaml: key {:?} already set in map; kubectl would silently keep the last value",
            d.key
        ),
    )
    .with_ko(format!(
        "키 {:?}가 같은 매핑에 두 번 나옵니다 (처음은 {}번째 줄). kubectl은 아무 말 없이 마지막 값을 씁니다",
        d.key, d.first_line
    ))
    .with_hints(
        format!(
            "{:?} is first set on line {}: keep one of the two",
            d.key, d.first_line
        ),
        format!(
            "{:?}는 {}번째 줄에서 이미 정했습니다. 둘 중 하나만 남기세요",
            d.key, d.first_line
        ),
    )
}

/// A JSON syntax error from serde_json.
pub fn json_error(text: &str, e: &serde_json::Error) -> Diagnostic {
    let full = e.to_string();
    let problem = full
        .rsplit_once(" at line ")
        .map_or(full.as_str(), |(p, _)| p)
        .to_string();
    let (mut line, mut column) = (e.line().max(1), e.column().max(1));
    let (en, ko, hint_en, hint_ko) = if problem.starts_with("trailing comma") {
        (
            "trailing comma",
            "마지막 항목 뒤에 쉼표가 있습니다",
            "JSON allows no comma after the last item of an object or array",
            "JSON에서는 객체나 배열의 마지막 항목 뒤에 쉼표를 쓸 수 없습니다",
        )
    } else if problem.starts_with("key must be a string") {
        (
            "key must be a string",
            "키는 문자열이어야 합니다",
            "JSON keys need double quotes: \"apiVersion\": \"v1\"",
            "JSON의 키는 큰따옴표로 감싸야 합니다: \"apiVersion\": \"v1\"",
        )
    } else if problem.starts_with("EOF while parsing") {
        (
            "unexpected end of input",
            "입력이 예상보다 일찍 끝났습니다",
            "a '}' or ']' is missing at the end",
            "끝에 '}' 또는 ']'가 빠졌습니다",
        )
    } else if problem.starts_with("expected `,` or") {
        // The comma belongs at the end of the previous value's line.
        if let Some(prev) = previous_content_line(text, line) {
            line = prev.0;
            column = prev.1;
        }
        (
            problem.as_str(),
            "쉼표(,)가 빠졌습니다",
            "a comma is missing at the end of this line",
            "이 줄 끝에 쉼표가 빠졌습니다",
        )
    } else {
        (
            problem.as_str(),
            json_problem_ko(&problem),
            "check the quotes, commas and brackets here",
            "이 근처의 따옴표, 쉼표, 괄호를 확인하세요",
        )
    };
    Diagnostic::error(line, column, "", format!("json: {en}"))
        .with_ko(format!("JSON 문법 오류: {ko}"))
        .with_hints(hint_en, hint_ko)
}

/// serde_json's problems in Korean (the English stays beside them).
fn json_problem_ko(problem: &str) -> &'static str {
    const KO: &[(&str, &str)] = &[
        ("expected value", "값이 와야 할 곳에 값이 없습니다"),
        ("expected `:`", "키 뒤에 ':'가 빠졌습니다"),
        ("expected ident", "true, false, null 중 하나여야 합니다"),
        ("EOF while parsing", "입력이 예상보다 일찍 끝났습니다"),
        (
            "invalid escape",
            "잘못된 이스케이프 문자('\\' 뒤의 글자)가 있습니다",
        ),
        (
            "control character",
            "문자열 안에 제어 문자가 있습니다 (줄바꿈은 \\n으로 씁니다)",
        ),
        ("invalid number", "숫자를 읽을 수 없습니다"),
        ("number out of range", "숫자가 너무 큽니다"),
        ("trailing characters", "문서가 끝난 뒤에 글자가 더 있습니다"),
        ("recursion limit exceeded", "너무 깊게 중첩되어 있습니다"),
        (
            "invalid unicode code point",
            "잘못된 유니코드 코드 포인트가 있습니다",
        ),
        (
            "lone leading surrogate",
            "짝이 없는 유니코드 서로게이트가 있습니다",
        ),
        (
            "unexpected end of hex escape",
            "\\u 이스케이프가 덜 끝났습니다",
        ),
    ];
    KO.iter()
        .find(|(en, _)| problem.starts_with(en))
        .map_or("JSON으로 읽을 수 없습니다", |(_, ko)| ko)
}

/// The last content line before `line`, and the column after its last character.
fn previous_content_line(text: &str, line: usize) -> Option<(usize, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    let cur = lines.get(line.checked_sub(1)?)?;
    if !cur.trim().starts_with('"') {
        return None;
    }
    (1..line).rev().find_map(|n| {
        let l = lines[n - 1].trim_end();
        (!l.trim().is_empty()).then(|| (n, l.chars().count() + 1))
    })
}

/// go-yaml v2's refusal of a document whose aliases expand too far (a
/// "billion laughs"): kubectl says the same.
/// <https://github.com/go-yaml/yaml/blob/v2/decode.go>
pub fn excessive_aliasing(at: Pos) -> Diagnostic {
    Diagnostic::error(at.line, at.column, "", "yaml: document contains excessive aliasing")
        .with_ko("YAML 문법 오류: 별칭(alias)이 너무 많이 펼쳐집니다")
        .with_hints(
            "aliases (`*name`) here repeat anchored values so many times that the document would grow far beyond its text: write the values out, or use fewer aliases",
            "별칭(`*이름`)이 앵커 값을 너무 여러 번 되풀이해서 문서가 글보다 훨씬 커집니다. 값을 직접 쓰거나 별칭을 줄이세요",
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_space_after_colon_is_found() {
        assert_eq!(missing_space_column("kind:Pod"), Some(6));
        assert_eq!(missing_space_column("  - name:web"), Some(10));
        assert_eq!(missing_space_column("image: nginx:1.25"), None);
        assert_eq!(missing_space_column("url: http://x"), None);
        assert_eq!(missing_space_column("metadata:"), None);
        assert_eq!(missing_space_column("# a:b"), None);
    }

    #[test]
    fn libyaml_line_separators_are_not_line_ends_to_an_editor() {
        assert_eq!(real_pos("a\u{2028}b\nc", 2, 2), (1, 4));
        assert_eq!(real_pos("a\u{2028}b\nc", 3, 1), (2, 1));
        assert_eq!(real_pos("a\nb", 2, 1), (2, 1));
    }

    #[test]
    fn libyaml_locations_are_split_off() {
        let (p, c) = split_libyaml(
            "found unexpected end of stream at line 7 column 1, while scanning a quoted scalar at line 4 column 9",
            "",
            10,
        );
        assert_eq!(p, "found unexpected end of stream");
        assert_eq!(
            c,
            Some(Pos {
                line: 14,
                column: 9
            })
        );
    }
}
