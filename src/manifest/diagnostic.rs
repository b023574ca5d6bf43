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
            out.push_str("warning: ");
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
