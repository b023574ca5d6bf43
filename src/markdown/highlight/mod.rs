//! Syntax highlighting for the three languages the course shows: YAML
//! manifests, JSON, and shell sessions.
//!
//! These are small line scanners of our own, not grammars: a full engine
//! such as syntect brings a regex engine, a grammar loader and megabytes of
//! bundled syntaxes and themes to colour three languages whose lexical
//! structure fits in a few hundred lines. The scanners never fail: anything
//! they do not recognise keeps the plain code style.

mod guess;
mod json;
mod shell;
mod yaml;

pub(crate) use guess::guess;

use super::inline::Spans;
use super::theme::Theme;
use ratatui::style::Style;
use ratatui::text::Span;

/// A code block's language, from the first word of its info string.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Language {
    Yaml,
    Json,
    /// `sh`, `bash`, `shell`, `zsh`: every line is a command.
    Shell,
    /// `console`, `shell-session`: lines starting with `$ ` are commands,
    /// the others are output.
    Console,
    Plain,
}

impl Language {
    pub fn from_info(info: &str) -> Language {
        let word = info
            .split(|c: char| c.is_whitespace() || c == ',' || c == '{')
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match word.as_str() {
            "yaml" | "yml" => Language::Yaml,
            "json" | "jsonc" | "json5" => Language::Json,
            "sh" | "bash" | "shell" | "zsh" => Language::Shell,
            "console" | "shell-session" | "shellsession" | "terminal" => Language::Console,
            _ => Language::Plain,
        }
    }
}

/// Highlights `code` (already sanitised) line by line; one entry per line.
pub(crate) fn highlight(code: &str, language: Language, theme: &Theme) -> Vec<Spans> {
    let mut rows = Vec::new();
    highlight_each(code, language, theme, &mut |row| rows.push(row));
    rows
}

/// [`highlight`], each line handed to `row` as it is done (a 10 MB block is
/// never held highlighted whole).
pub(crate) fn highlight_each(
    code: &str,
    language: Language,
    theme: &Theme,
    row: &mut dyn FnMut(Spans),
) {
    let base = theme.code_text;
    let syntax = &theme.syntax;
    // Every scanner keeps the text as it is and merges neighbours of one
    // style: when every token style is the code style (the plain theme),
    // each line is one span of itself and there is nothing to scan.
    let language = if syntax.all_are(base) {
        Language::Plain
    } else {
        language
    };
    match language {
        Language::Yaml => {
            let mut scanner = yaml::Yaml::default();
            code.lines()
                .for_each(|l| row(scanner.line(l, base, syntax)));
        }
        Language::Json => code.lines().for_each(|l| row(json::line(l, base, syntax))),
        Language::Shell | Language::Console => {
            let mut scanner = shell::Shell::new(language == Language::Console);
            code.lines()
                .for_each(|l| row(scanner.line(l, base, syntax)));
        }
        Language::Plain => code.lines().for_each(|l| {
            row(if l.is_empty() {
                Vec::new()
            } else {
                vec![Span::styled(l.to_string(), base)]
            })
        }),
    }
}

/// Collects spans, merging neighbours of the same style.
#[derive(Default)]
pub(crate) struct Out {
    spans: Spans,
}

impl Out {
    pub(crate) fn push(&mut self, text: &str, style: Style) {
        if text.is_empty() {
            return;
        }
        if let Some(last) = self.spans.last_mut()
            && last.style == style
        {
            last.content.to_mut().push_str(text);
            return;
        }
        self.spans.push(Span::styled(text.to_string(), style));
    }

    pub(crate) fn finish(self) -> Spans {
        self.spans
    }
}

/// Is `word` a number in YAML or JSON (integers, decimals, exponents, hex,
/// octal, `.inf`, `.nan`)?
pub(crate) fn is_number(word: &str) -> bool {
    let w = word.strip_prefix(['-', '+']).unwrap_or(word);
    if w.is_empty() {
        return false;
    }
    if let Some(hex) = w.strip_prefix("0x") {
        return !hex.is_empty() && hex.chars().all(|c| c.is_ascii_hexdigit());
    }
    if let Some(oct) = w.strip_prefix("0o") {
        return !oct.is_empty() && oct.chars().all(|c| c.is_digit(8));
    }
    if matches!(w, ".inf" | ".Inf" | ".INF" | ".nan" | ".NaN" | ".NAN") {
        return true;
    }
    let (mantissa, exponent) = match w.find(['e', 'E']) {
        Some(i) => (&w[..i], Some(&w[i + 1..])),
        None => (w, None),
    };
    let digits_ok = {
        let mut parts = mantissa.splitn(2, '.');
        let int = parts.next().unwrap_or("");
        let frac = parts.next();
        let all_digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
        all_digits(int)
            && frac.is_none_or(all_digits)
            && (!int.is_empty() || frac.is_some_and(|f| !f.is_empty()))
    };
    let exponent_ok = exponent.is_none_or(|e| {
        let e = e.strip_prefix(['-', '+']).unwrap_or(e);
        !e.is_empty() && e.chars().all(|c| c.is_ascii_digit())
    });
    digits_ok && exponent_ok
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_from_info_strings() {
        assert_eq!(Language::from_info("yaml"), Language::Yaml);
        assert_eq!(Language::from_info("YML title=x"), Language::Yaml);
        assert_eq!(Language::from_info("json"), Language::Json);
        assert_eq!(Language::from_info("bash"), Language::Shell);
        assert_eq!(Language::from_info("sh"), Language::Shell);
        assert_eq!(Language::from_info("shell"), Language::Shell);
        assert_eq!(Language::from_info("console"), Language::Console);
        assert_eq!(Language::from_info("rust"), Language::Plain);
        assert_eq!(Language::from_info(""), Language::Plain);
    }

    /// Every line of every code block in the course, and some odd ones.
    fn sample_lines() -> Vec<String> {
        let mut lines: Vec<String> = [
            "",
            " ",
            "key: 'a'b \"c",
            "- [a, {b: c}] # x",
            "{\"a\": [1, \"\\\"\"]}",
            "$ kubectl get pods -o wide | grep x && echo $HOME",
            "echo \"$(date)\" 'x",
            "  - name: 파드 🏗️  # 주석",
            "--- !tag &a *b",
            "x=1 y=\"2\" cmd --flag=v",
        ]
        .map(String::from)
        .to_vec();
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/lessons");
        for lang in ["en", "ko"] {
            for entry in std::fs::read_dir(format!("{root}/{lang}")).expect("lessons") {
                let text = std::fs::read_to_string(entry.expect("entry").path()).expect("read");
                let mut inside = false;
                for line in text.lines() {
                    if line.trim_start().starts_with("```") {
                        inside = !inside;
                    } else if inside {
                        lines.push(line.to_string());
                    }
                }
            }
        }
        assert!(lines.len() > 500, "{}", lines.len());
        lines
    }

    fn joined(spans: &Spans) -> String {
        spans.iter().map(|s| s.content.as_ref()).collect()
    }

    /// The scanners keep the text as it is, merging neighbours of one
    /// style: what `highlight_each` relies on to skip them when every style
    /// is the same (the plain theme).
    #[test]
    fn scanners_keep_the_text_and_a_plain_theme_gives_one_span_per_line() {
        for theme in [Theme::colored(), Theme::plain()] {
            let (base, syntax) = (theme.code_text, &theme.syntax);
            let mut yaml = yaml::Yaml::default();
            let mut sh = shell::Shell::new(false);
            let mut console = shell::Shell::new(true);
            for line in sample_lines() {
                let rows = [
                    yaml.line(&line, base, syntax),
                    json::line(&line, base, syntax),
                    sh.line(&line, base, syntax),
                    console.line(&line, base, syntax),
                ];
                for row in rows {
                    assert_eq!(joined(&row), line);
                    assert!(row.iter().all(|s| !s.content.is_empty()), "{line:?}");
                    if theme == Theme::plain() {
                        let one = (!line.is_empty()).then(|| Span::styled(line.clone(), base));
                        assert_eq!(row, one.into_iter().collect::<Spans>(), "{line:?}");
                    }
                }
            }
        }
        let plain = Theme::plain();
        assert!(plain.syntax.all_are(plain.code_text));
        let colored = Theme::colored();
        assert!(!colored.syntax.all_are(colored.code_text));
    }

    #[test]
    fn numbers() {
        for n in [
            "0", "3", "-1", "+2", "1.5", ".5", "1.", "1e9", "2.5E-3", "0x1F", "0o17", ".inf",
        ] {
            assert!(is_number(n), "{n}");
        }
        for n in [
            "", "-", ".", "1.2.3", "v1", "1e", "0x", "500m", "1Gi", "e5", "1_000",
        ] {
            assert!(!is_number(n), "{n}");
        }
    }
}
