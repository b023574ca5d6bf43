//! An `exercise` block in the lesson pane: its goal, the hints revealed so
//! far, the last result, and the way into the editor.

use super::look::{Look, framed, hanging, para};
use crate::exercise::spec::ExerciseSpec;
use crate::exercise::{Outcome, Report};
use crate::markdown::{Theme, inline_markdown};
use crate::tui::i18n::Ui;
use ratatui::text::{Line, Span};

#[derive(Debug, Clone, Default)]
pub struct ExerciseUi {
    /// Hints revealed (the first `hints` of the exercise's list).
    pub hints: usize,
    /// The last finished check, without its cluster.
    pub last: Option<Report>,
    /// Passed now or in an earlier session.
    pub passed: bool,
    /// A check failed (now or before): the solution may be shown.
    pub failed: bool,
}

impl ExerciseUi {
    /// Reveal the next hint; false when none is left.
    pub fn next_hint(&mut self, spec: &ExerciseSpec) -> bool {
        if self.hints < spec.hints.len() {
            self.hints += 1;
            true
        } else {
            false
        }
    }
}

pub fn inline(md: &str, theme: &Theme) -> Vec<Span<'static>> {
    let mut out = Vec::new();
    for (i, line) in inline_markdown(md, theme).into_iter().enumerate() {
        if i > 0 {
            out.push(Span::raw(" "));
        }
        out.extend(line);
    }
    out
}

/// The goal and the hints revealed, wrapped to `width`.
pub fn goal_lines(
    spec: &ExerciseSpec,
    hints: usize,
    width: usize,
    theme: &Theme,
    look: &Look,
    ui: &Ui,
) -> Vec<Line<'static>> {
    let mut rows = hanging(
        vec![Span::styled(
            format!("{} ", ui.exercise_goal()),
            look.strong,
        )],
        &inline(&spec.goal, theme),
        width,
    );
    for (i, h) in spec.hints.iter().take(hints).enumerate() {
        let lead = vec![Span::styled(format!("{} ", ui.quiz_hint(i + 1)), look.hint)];
        rows.extend(hanging(lead, &inline(h, theme), width));
    }
    rows
}

/// A report's verdict and checks (or its error count), for the block and
/// the editor's result panel.
pub fn report_lines(report: &Report, width: usize, look: &Look, ui: &Ui) -> Vec<Line<'static>> {
    let lang = ui.lang;
    let mut rows = Vec::new();
    let style = if report.passed() { look.good } else { look.bad };
    rows.extend(para(&report.verdict(lang), style, width));
    if report.outcome == Outcome::Rejected {
        for a in &report.applied {
            rows.extend(para(a, look.bad, width));
        }
    }
    for c in &report.checks {
        let (mark, style) = if c.passed() {
            ("✓ ", look.good)
        } else {
            ("✗ ", look.bad)
        };
        let body = vec![Span::raw(
            crate::text::sanitize(&format!("{} — {}", c.label(lang), c.seen.text(lang)))
                .into_owned(),
        )];
        rows.extend(hanging(vec![Span::styled(mark, style)], &body, width));
    }
    rows
}

pub struct ExerciseDraw<'a> {
    pub spec: &'a ExerciseSpec,
    pub state: &'a ExerciseUi,
    pub focused: bool,
}

pub fn draw(
    d: &ExerciseDraw,
    width: usize,
    theme: &Theme,
    look: &Look,
    ui: &Ui,
) -> Vec<Line<'static>> {
    let inner = width.saturating_sub(super::look::FRAME).max(1);
    let mut rows = goal_lines(d.spec, d.state.hints, inner, theme, look, ui);
    if d.state.passed {
        rows.push(Line::default());
        rows.extend(para(ui.exercise_passed(), look.good, inner));
    }
    if let Some(report) = &d.state.last {
        rows.push(Line::default());
        rows.extend(para(ui.exercise_last(), look.strong, inner));
        rows.extend(report_lines(report, inner, look, ui));
    }
    rows.push(Line::default());
    let open = format!("❯ {}", ui.exercise_open());
    rows.extend(para(
        &open,
        if d.focused { look.title } else { look.dim },
        inner,
    ));
    let (border, title_style) = if d.focused {
        (look.border_focused, look.title)
    } else {
        (look.border, theme.box_label)
    };
    framed(
        &ui.exercise_title(&d.spec.id),
        rows,
        width,
        border,
        title_style,
    )
}
