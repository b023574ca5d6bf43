//! A problem found in a manifest: where (line, column, field path) and what.

use crate::lang::Lang;
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Warning,
    Error,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// 1-based line and column in the submitted text.
    pub line: usize,
    pub column: usize,
    /// Field path like `spec.template.spec.containers[0].image`; empty for
    /// problems of the whole document (syntax errors).
    pub path: String,
    /// The message in kubectl's English wording.
    pub message: String,
    /// The same message in Korean, when it has been translated.
    pub message_ko: Option<String>,
    /// What usually causes this, and how to fix it.
    pub hint: Option<String>,
    /// The hint in Korean.
    pub hint_ko: Option<String>,
}

impl Diagnostic {
    pub fn error(
        line: usize,
        column: usize,
        path: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            severity: Severity::Error,
            line,
            column,
            path: path.into(),
            message: message.into(),
            message_ko: None,
            hint: None,
            hint_ko: None,
        }
    }

    pub fn warning(
        line: usize,
        column: usize,
        path: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(line, column, path, message)
        }
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// A hint in both languages.
    pub fn with_hints(mut self, en: impl Into<String>, ko: impl Into<String>) -> Self {
        self.hint = Some(en.into());
        self.hint_ko = Some(ko.into());
        self
    }

    /// The Korean rendering of the message.
    pub fn with_ko(mut self, ko: impl Into<String>) -> Self {
        self.message_ko = Some(ko.into());
        self
    }

    /// The hint in `lang` (the English one when no Korean was written).
    pub fn hint_in(&self, lang: Lang) -> Option<&str> {
        match (lang, &self.hint_ko) {
            (Lang::Ko, Some(ko)) => Some(ko),
            _ => self.hint.as_deref(),
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The message in `lang`: Korean shows the English original beside it.
    pub fn message_in(&self, lang: Lang) -> String {
        match (lang, &self.message_ko) {
            (Lang::Ko, Some(ko)) => format!("{ko} ({})", self.message),
            _ => self.message.clone(),
        }
    }

    /// `line:col: path: message` (the path part omitted when empty).
    pub fn render(&self, lang: Lang) -> String {
        let mut out = format!("{}:{}: ", self.line, self.column);
        if self.severity == Severity::Warning {
            out.push_str(lang.pick("경고: ", "warning: "));
        }
        if !self.path.is_empty() {
            out.push_str(&self.path);
            out.push_str(": ");
        }
        out.push_str(&self.message_in(lang));
        out
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn korean_rendering_keeps_the_kubectl_original() {
        let d = Diagnostic::error(3, 5, "spec.replicas", "Invalid value: -1")
            .with_ko("잘못된 값: -1")
            .with_hints("use 0 or more", "0 이상을 쓰세요");
        assert_eq!(
            d.render(Lang::Ko),
            "3:5: spec.replicas: 잘못된 값: -1 (Invalid value: -1)"
        );
        assert_eq!(d.render(Lang::En), "3:5: spec.replicas: Invalid value: -1");
        assert_eq!(d.hint_in(Lang::Ko), Some("0 이상을 쓰세요"));
        assert_eq!(d.hint_in(Lang::En), Some("use 0 or more"));
        let w = Diagnostic::warning(1, 1, "", "skipped");
        assert_eq!(w.render(Lang::En), "1:1: warning: skipped");
        assert_eq!(w.render(Lang::Ko), "1:1: 경고: skipped");
    }
}
