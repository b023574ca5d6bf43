//! YAML front matter: the `---` block at the very top of a lesson file.
//!
//! Only the keys a lesson uses are read (`id`, `title`, `order` / `nav_order`,
//! `lang`, `summary`, `parent`); every other key is ignored, so a Jekyll or
//! just-the-docs page (`layout`, `permalink`, ...) loads as it is.

use super::source::{Problem, SourceText, key_line};
use crate::lang::Lang;
use serde_yaml::Value;

/// The front matter values a lesson uses; `None` when absent or empty.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct FrontMatter {
    pub id: Option<String>,
    pub title: Option<String>,
    pub order: Option<f64>,
    pub lang: Option<Lang>,
    pub summary: Option<String>,
    pub parent: Option<String>,
}

/// Where the front matter and the Markdown body are in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Split<'t> {
    /// The YAML between the fences, and the file line it starts on.
    pub yaml: Option<(&'t str, usize)>,
    /// Byte offset where the Markdown body starts.
    pub body_start: usize,
}

fn is_fence(line: &str, marks: &[&str]) -> bool {
    marks.contains(&line.trim_end())
}

/// Find the front matter: a `---` first line, closed by a `---` (or YAML's
/// `...`) line. A first line of `---` that is never closed is an error: the
/// whole file would otherwise read as metadata turned into text.
pub(crate) fn split<'t>(source: &'t SourceText<'_>) -> Result<Split<'t>, Problem> {
    let text = source.text();
    let first = text.lines().next().unwrap_or("");
    if !is_fence(first, &["---"]) {
        return Ok(Split {
            yaml: None,
            body_start: 0,
        });
    }
    let close = text
        .lines()
        .enumerate()
        .skip(1)
        .find(|(_, line)| is_fence(line, &["---", "..."]))
        .map(|(i, _)| i + 1);
    let Some(close_line) = close else {
        return Err(Problem::new(
            1,
            "front matter starts here but has no closing `---` line",
        ));
    };
    let yaml = &text[source.start_of_line(2)..source.start_of_line(close_line)];
    Ok(Split {
        yaml: Some((yaml, 2)),
        body_start: source.start_of_line(close_line + 1),
    })
}

/// Read the keys a lesson uses. A syntax error (or front matter that is not
/// a mapping) fails the whole block; a bad value only drops that key.
pub(crate) fn parse(yaml: &str, first_line: usize) -> Result<(FrontMatter, Vec<Problem>), Problem> {
    if let Err(deep) = crate::yaml_nesting::check(yaml) {
        return Err(Problem::new(
            first_line + deep.line - 1,
            format!("front matter: {}", deep.message),
        ));
    }
    let value: Value = match serde_yaml::from_str(yaml) {
        Ok(v) => v,
        Err(e) => {
            let line = e
                .location()
                .map_or(first_line, |l| first_line + l.line() - 1);
            return Err(Problem::new(
                line,
                format!(
                    "front matter: {}",
                    super::blocks::message_without_location(&e, |l| first_line + l - 1)
                ),
            ));
        }
    };
    let map = match value {
        Value::Mapping(map) => map,
        Value::Null => return Ok((FrontMatter::default(), Vec::new())),
        _ => {
            return Err(Problem::new(
                first_line,
                "front matter must be `key: value` lines",
            ));
        }
    };
    let mut problems = Vec::new();
    let line_of = |key: &str| key_line(yaml, first_line, key, true).unwrap_or(first_line);
    let mut text = |key: &str| -> Option<String> {
        match map.get(key)? {
            Value::Null => None,
            Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
            Value::Number(n) => Some(n.to_string()),
            Value::Bool(b) => Some(b.to_string()),
            _ => {
                problems.push(Problem::new(
                    line_of(key),
                    format!("front matter: `{key}` must be text"),
                ));
                None
            }
        }
    };
    let mut fm = FrontMatter {
        id: text("id"),
        title: text("title"),
        order: None,
        lang: None,
        summary: text("summary"),
        parent: text("parent"),
    };
    let lang = text("lang");
    if let Some(id) = &fm.id
        && id.chars().any(|c| c.is_whitespace() || c == '/')
    {
        problems.push(Problem::new(
            line_of("id"),
            format!("front matter: id {id:?} must not contain spaces or `/`"),
        ));
        fm.id = None;
    }
    if let Some(lang) = lang {
        match parse_lang(&lang) {
            Some(l) => fm.lang = Some(l),
            None => problems.push(Problem::new(
                line_of("lang"),
                format!("front matter: unknown lang {lang:?}: expected ko or en"),
            )),
        }
    }
    let key = if map.contains_key("order") {
        "order"
    } else {
        "nav_order"
    };
    match map.get(key).map(order_value) {
        None | Some(Ok(None)) => {}
        Some(Ok(Some(order))) => fm.order = Some(order),
        Some(Err(())) => problems.push(Problem::new(
            line_of(key),
            format!("front matter: `{key}` must be a number"),
        )),
    }
    Ok((fm, problems))
}

fn order_value(value: &Value) -> Result<Option<f64>, ()> {
    let n = match value {
        Value::Null => return Ok(None),
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.trim().parse::<f64>().ok(),
        _ => None,
    };
    n.filter(|n| n.is_finite()).map(Some).ok_or(())
}

/// `ko`, `en`, and locale-style spellings such as `ko-KR` or `en_US`.
pub(crate) fn parse_lang(text: &str) -> Option<Lang> {
    let base = text.split(['-', '_']).next().unwrap_or(text);
    base.parse().ok().or_else(|| text.parse().ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fm(yaml: &str) -> (FrontMatter, Vec<Problem>) {
        parse(yaml, 2).expect("front matter parses")
    }

    #[test]
    fn reads_known_keys_and_ignores_the_rest() {
        let (f, p) = fm(
            "layout: default\nid: pods\ntitle: \"Pods\"\nnav_order: 2\nlang: ko-KR\nparent: 8월 11일\nsummary: s\n",
        );
        assert!(p.is_empty());
        assert_eq!(f.id.as_deref(), Some("pods"));
        assert_eq!(f.title.as_deref(), Some("Pods"));
        assert_eq!(f.order, Some(2.0));
        assert_eq!(f.lang, Some(Lang::Ko));
        assert_eq!(f.parent.as_deref(), Some("8월 11일"));
        assert_eq!(f.summary.as_deref(), Some("s"));
    }

    #[test]
    fn order_wins_over_nav_order_and_may_be_quoted() {
        assert_eq!(fm("order: '3.5'\nnav_order: 1\n").0.order, Some(3.5));
        assert_eq!(fm("nav_order: \"7\"\n").0.order, Some(7.0));
    }

    #[test]
    fn empty_title_is_absent() {
        assert_eq!(fm("title: \n").0.title, None);
        assert_eq!(fm("title: '  '\n").0.title, None);
    }

    #[test]
    fn bad_values_name_their_line() {
        let (f, p) = fm("id: a b\nlang: fr\norder: soon\n");
        assert_eq!(f, FrontMatter::default());
        assert_eq!(
            p,
            vec![
                Problem::new(2, "front matter: id \"a b\" must not contain spaces or `/`"),
                Problem::new(3, "front matter: unknown lang \"fr\": expected ko or en"),
                Problem::new(4, "front matter: `order` must be a number"),
            ]
        );
    }

    #[test]
    fn syntax_errors_are_located_in_the_file() {
        let e = parse("title: ok\nbad: [unclosed\n", 2).unwrap_err();
        assert_eq!(
            e,
            Problem::new(
                4,
                "front matter: did not find expected ',' or ']', while parsing a flow sequence at line 3"
            )
        );
        let e = parse("- a\n- b\n", 2).unwrap_err();
        assert_eq!(
            e,
            Problem::new(2, "front matter must be `key: value` lines")
        );
    }

    #[test]
    fn split_finds_the_fences() {
        let s = SourceText::new("---\ntitle: x\n---\n# Body\n");
        let found = split(&s).unwrap();
        assert_eq!(found.yaml, Some(("title: x\n", 2)));
        assert_eq!(&s.text()[found.body_start..], "# Body\n");
        let s = SourceText::new("# No front matter\n---\n");
        assert_eq!(split(&s).unwrap().body_start, 0);
        let s = SourceText::new("---\ntitle: x\n");
        assert_eq!(split(&s).unwrap_err().line, 1);
    }
}
