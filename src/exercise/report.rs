//! The result of running an exercise: what was wrong with the text, or
//! each check ✓/✗ with what was seen, the simulated time it took, and the
//! cluster as it ended up.

use super::checks;
use super::seen::Seen;
use super::spec::Check;
use crate::duration::format_millis;
use crate::lang::Lang;
use crate::manifest::{Diagnostic, Format};
use crate::sim::Cluster;

/// How a run ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Every check held.
    Passed,
    /// The checks ran and at least one did not hold.
    Failed,
    /// The text has errors ([`Report::diagnostics`]); nothing was applied.
    Invalid,
    /// The API server refused an object ([`Report::applied`] says which).
    Rejected,
    /// The exercise's own setup or timeout is broken: a lesson mistake.
    SetupFailed(String),
}

/// One check and what the runner saw for it.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckResult {
    pub check: Check,
    pub seen: Seen,
    /// Simulated ms after the apply when the check was last looked at.
    pub at_ms: u64,
}

impl CheckResult {
    pub fn passed(&self) -> bool {
        self.seen.holds()
    }

    /// What the check asks for.
    pub fn label(&self, lang: Lang) -> String {
        checks::label(&self.check, lang)
    }

    /// `✓ label — seen` or `✗ label — seen`.
    pub fn line(&self, lang: Lang) -> String {
        format!(
            "{} {} — {}",
            if self.passed() { "✓" } else { "✗" },
            self.label(lang),
            self.seen.text(lang)
        )
    }
}

#[derive(Debug, Clone)]
pub struct Report {
    /// The exercise id.
    pub exercise: String,
    /// The language the report is rendered in by default.
    pub lang: Lang,
    pub outcome: Outcome,
    /// The notation the text is written in.
    pub format: Format,
    /// Every problem of the text (errors and warnings), by line.
    pub diagnostics: Vec<Diagnostic>,
    /// What applying did, one kubectl-like line per object
    /// (`deployment.apps/web created`, or the API server's error).
    pub applied: Vec<String>,
    /// Every check in the exercise's order (empty when nothing ran).
    pub checks: Vec<CheckResult>,
    /// Simulated time from the apply to the verdict.
    pub elapsed_ms: u64,
    /// The cluster at the end of the run: the setup with the student's
    /// objects applied and time advanced. `None` when nothing was applied.
    pub cluster: Option<Cluster>,
}

impl Report {
    pub fn passed(&self) -> bool {
        self.outcome == Outcome::Passed
    }

    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|d| d.is_error())
    }

    pub fn failed_checks(&self) -> impl Iterator<Item = &CheckResult> {
        self.checks.iter().filter(|c| !c.passed())
    }

    /// One line saying how it went.
    pub fn verdict(&self, lang: Lang) -> String {
        let took = format_millis(self.elapsed_ms);
        let total = self.checks.len();
        let failed = self.failed_checks().count();
        match (&self.outcome, lang) {
            (Outcome::Passed, Lang::En) => {
                format!("PASS: all {total} checks hold (after {took} of simulated time)")
            }
            (Outcome::Passed, Lang::Ko) => {
                format!("통과: 검사 {total}개 모두 통과 (시뮬레이션 시간 {took})")
            }
            (Outcome::Failed, Lang::En) => format!(
                "FAIL: {failed} of {total} checks do not hold (waited {took} of simulated time)"
            ),
            (Outcome::Failed, Lang::Ko) => format!(
                "실패: 검사 {total}개 중 {failed}개 통과 못 함 (시뮬레이션 시간 {took} 기다림)"
            ),
            (Outcome::Invalid, _) => {
                let n = self.errors().count();
                match lang {
                    Lang::En => format!(
                        "FAIL: the manifest has {n} error{}; nothing was applied",
                        if n == 1 { "" } else { "s" }
                    ),
                    Lang::Ko => {
                        format!("실패: 매니페스트에 오류 {n}개; 아무것도 적용하지 않았습니다")
                    }
                }
            }
            (Outcome::Rejected, Lang::En) => {
                "FAIL: the API server refused the manifest".to_string()
            }
            (Outcome::Rejected, Lang::Ko) => {
                "실패: API 서버가 매니페스트를 거부했습니다".to_string()
            }
            (Outcome::SetupFailed(e), Lang::En) => {
                format!("ERROR: the exercise's cluster could not be set up (a lesson problem): {e}")
            }
            (Outcome::SetupFailed(e), Lang::Ko) => {
                format!("오류: 실습의 클러스터를 준비할 수 없습니다 (레슨의 문제): {e}")
            }
        }
    }

    /// The report as lines of plain text: the diagnostics
    /// (`line:col: path: message` and hints), the refused objects, each
    /// check, then the verdict.
    pub fn lines(&self, lang: Lang) -> Vec<String> {
        let mut out = Vec::new();
        for d in &self.diagnostics {
            out.push(d.render(lang));
            if let Some(h) = d.hint_in(lang) {
                out.push(format!("    {} {h}", lang.pick("힌트:", "hint:")));
            }
        }
        if self.outcome == Outcome::Rejected {
            out.extend(self.applied.iter().cloned());
        }
        out.extend(self.checks.iter().map(|c| c.line(lang)));
        out.push(self.verdict(lang));
        out
    }

    /// [`Report::lines`] in the report's language, joined.
    pub fn render(&self) -> String {
        let mut s = self.lines(self.lang).join("\n");
        s.push('\n');
        s
    }
}
