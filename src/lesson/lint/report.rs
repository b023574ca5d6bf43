//! What lint found: findings (`path:line: severity: message`), sorted, and
//! the two ways of printing them (text for people, JSON for tools).

use super::positions::Positions;
use serde::Serialize;
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Something a student would meet as a bug: exit status 1.
    Error,
    /// Something the course should have but a lesson can do without.
    Warning,
}

impl Severity {
    pub fn name(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// One problem, at a 1-based line of a lesson file (0: the whole file).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub path: String,
    pub line: usize,
    pub severity: Severity,
    /// One line of English, for the instructor.
    pub message: String,
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line > 0 {
            write!(f, "{}:{}: ", self.path, self.line)?;
        } else {
            write!(f, "{}: ", self.path)?;
        }
        write!(f, "{}: {}", self.severity.name(), self.message)
    }
}

/// Everything lint found in a course.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// Sorted by path, then line, errors before warnings, then message.
    pub findings: Vec<Finding>,
    /// How many lesson files were looked at.
    pub files: usize,
    /// Right choices by position as written, per lesson file with
    /// questions, then per course language (informational: the tutor
    /// shows choices shuffled).
    pub positions: Vec<Positions>,
}

impl Report {
    pub(crate) fn new(mut findings: Vec<Finding>, files: usize) -> Report {
        for f in &mut findings {
            f.message = one_line(&f.message);
        }
        findings.sort_by(|a, b| {
            a.path
                .cmp(&b.path)
                .then(a.line.cmp(&b.line))
                .then(a.severity.cmp(&b.severity))
                .then(a.message.cmp(&b.message))
        });
        findings.dedup();
        Report {
            findings,
            files,
            positions: Vec::new(),
        }
    }

    pub(crate) fn with_positions(mut self, positions: Vec<Positions>) -> Report {
        self.positions = positions;
        self
    }

    pub fn errors(&self) -> usize {
        self.count(Severity::Error)
    }

    pub fn warnings(&self) -> usize {
        self.count(Severity::Warning)
    }

    fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }

    pub fn has_errors(&self) -> bool {
        self.errors() > 0
    }

    /// `2 errors, 1 warning in 34 files`.
    pub fn summary(&self) -> String {
        format!(
            "{}, {} in {}",
            plural(self.errors(), "error"),
            plural(self.warnings(), "warning"),
            plural(self.files, "file")
        )
    }

    /// Each finding on its own line, the right choices by position, then
    /// the summary. Control characters a lesson may hide in its text are
    /// dropped, so printing this to a terminal is safe.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        for f in &self.findings {
            out.push_str(&printable(&f.to_string()));
            out.push('\n');
        }
        if !self.positions.is_empty() {
            out.push_str(POSITIONS_HEADING);
            out.push('\n');
            let width = self
                .positions
                .iter()
                .map(|p| crate::text::width(&p.of))
                .max()
                .unwrap_or(0);
            for p in &self.positions {
                let of = printable(&p.of);
                out.push_str(&format!(
                    "  {}  {}\n",
                    crate::text::pad_right(&of, width),
                    p.line()
                ));
            }
        }
        out.push_str(&self.summary());
        out.push('\n');
        out
    }

    /// `{"findings": [{path, line, severity, message}, ...], "summary":
    /// {errors, warnings, files}}`, pretty-printed.
    pub fn to_json(&self) -> String {
        #[derive(Serialize)]
        struct Summary {
            errors: usize,
            warnings: usize,
            files: usize,
        }
        #[derive(Serialize)]
        struct Doc<'a> {
            findings: &'a [Finding],
            positions: &'a [Positions],
            summary: Summary,
        }
        let doc = Doc {
            findings: &self.findings,
            positions: &self.positions,
            summary: Summary {
                errors: self.errors(),
                warnings: self.warnings(),
                files: self.files,
            },
        };
        let mut text = serde_json::to_string_pretty(&doc).unwrap_or_default();
        text.push('\n');
        text
    }
}

/// The line before the positions of the right choices in the text output.
pub const POSITIONS_HEADING: &str =
    "Right choices by position as written (the tutor shows them shuffled):";

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// Messages are single lines: line breaks (from a multi-line simulator
/// message) become `; `.
fn one_line(message: &str) -> String {
    let parts: Vec<&str> = message
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    parts.join("; ")
}

fn printable(text: &str) -> String {
    text.chars()
        .map(|c| if c == '\t' { ' ' } else { c })
        .filter(|c| !c.is_control())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(path: &str, line: usize, severity: Severity, message: &str) -> Finding {
        Finding {
            path: path.into(),
            line,
            severity,
            message: message.into(),
        }
    }

    #[test]
    fn sorted_by_path_line_and_severity_with_a_summary() {
        let report = Report::new(
            vec![
                finding("b.md", 1, Severity::Warning, "w"),
                finding("a.md", 9, Severity::Warning, "w"),
                finding("a.md", 9, Severity::Error, "e\n  second line"),
                finding("a.md", 0, Severity::Error, "unreadable"),
                finding("b.md", 1, Severity::Warning, "w"),
            ],
            3,
        );
        assert_eq!(
            report.to_text(),
            "a.md: error: unreadable\n\
             a.md:9: error: e; second line\n\
             a.md:9: warning: w\n\
             b.md:1: warning: w\n\
             2 errors, 2 warnings in 3 files\n"
        );
        assert!(report.has_errors());
        let one = Report::new(vec![finding("a.md", 2, Severity::Warning, "w")], 1);
        assert_eq!(one.summary(), "0 errors, 1 warning in 1 file");
    }

    #[test]
    fn json_has_the_findings_and_the_summary() {
        let report = Report::new(vec![finding("a.md", 2, Severity::Error, "x \"y\"")], 1);
        let v: serde_json::Value = serde_json::from_str(&report.to_json()).unwrap();
        assert_eq!(
            v,
            serde_json::json!({
                "findings": [{"path": "a.md", "line": 2, "severity": "error", "message": "x \"y\""}],
                "positions": [],
                "summary": {"errors": 1, "warnings": 0, "files": 1}
            })
        );
    }

    #[test]
    fn text_output_drops_escape_sequences() {
        let report = Report::new(
            vec![finding("a.md", 2, Severity::Error, "id `\u{1b}[2Jx`")],
            1,
        );
        assert!(report.to_text().starts_with("a.md:2: error: id `[2Jx`\n"));
    }
}
