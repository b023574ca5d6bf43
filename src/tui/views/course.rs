//! The course list overlay: every lesson in course order, grouped by
//! `parent`, with completion and quiz score, and the overall progress.

use super::super::app::App;
use super::super::i18n::Ui;
use super::super::theme::Chrome;
use super::lesson::pane_block;
use super::popup::{ClearWide, centered};
use crate::text;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{LineGauge, Paragraph};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, selected: usize, ui: &Ui, chrome: &Chrome) {
    let rect = centered(area, 90, area.height.saturating_sub(2).max(6));
    frame.render_widget(ClearWide, rect);
    let block = pane_block(ui.course(), ui.course_footer(), true, rect.width, chrome);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    if inner.height < 2 || inner.width < 4 {
        return;
    }
    let [gauge_area, list_area] =
        Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(inner);

    let lessons: Vec<_> = app.catalog.lessons(app.lang).collect();
    let count = |f: &dyn Fn(&crate::progress::LessonProgress) -> bool| {
        lessons
            .iter()
            .filter(|l| {
                app.store()
                    .and_then(|s| s.lesson(&l.lesson.id))
                    .is_some_and(f)
            })
            .count()
    };
    let completed = count(&|l| l.completed.is_some());
    let read = count(&|l| l.read.is_some());
    let ratio = if lessons.is_empty() {
        0.0
    } else {
        completed as f64 / lessons.len() as f64
    };
    let label = ui.course_overall(completed, read, lessons.len());
    frame.render_widget(
        LineGauge::default()
            .ratio(ratio)
            .label(text::truncate(&label, inner.width as usize / 2))
            .filled_style(chrome.gauge)
            .unfilled_style(chrome.dim),
        // A column of room on each side, as the rows under it have.
        Rect::new(gauge_area.x + 1, gauge_area.y, gauge_area.width - 2, 1),
    );

    let width = list_area.width as usize;
    let mut rows: Vec<(Option<usize>, Line)> = Vec::new();
    let mut last_parent: Option<Option<String>> = None;
    for (i, found) in lessons.iter().enumerate() {
        let parent = found.lesson.parent.clone();
        if parent.is_some() && last_parent.as_ref() != Some(&parent) {
            let header = text::truncate(&text::sanitize(parent.as_deref().unwrap_or("")), width);
            rows.push((None, Line::styled(header, chrome.title)));
        }
        last_parent = Some(parent);
        let summary = app.store().map(|s| s.lesson_summary(&found.lesson.id));
        let done = summary.as_ref().is_some_and(|s| s.completed);
        let needs = crate::progress::Needs::of(found.lesson);
        let quizzes = needs.quizzes.len();
        // ✓ completed (the work done), ◑ read (every section seen), • visited.
        let mark = if done {
            "✓"
        } else if summary.as_ref().is_some_and(|s| s.read) {
            "◑"
        } else if summary.as_ref().is_some_and(|s| s.sections_seen > 0) {
            "•"
        } else {
            " "
        };
        let order = found
            .lesson
            .order
            .map(|o| format!("{o:>3}"))
            .unwrap_or_else(|| "   ".into());
        let mut labels = Vec::new();
        if summary.as_ref().is_some_and(|s| s.read && !s.completed) {
            labels.push(ui.course_read().to_string());
        }
        if let Some(s) = &summary
            && quizzes > 0
            && s.quiz.answered > 0
        {
            labels.push(ui.course_quiz(&points(s.quiz.points), quizzes));
        }
        if let Some(s) = &summary
            && !needs.exercises.is_empty()
            && s.exercises_passed > 0
        {
            labels.push(ui.course_exercises(s.exercises_passed, needs.exercises.len()));
        }
        let score = if labels.is_empty() {
            String::new()
        } else {
            format!("  {} ", labels.join(" · "))
        };
        let fallback = if found.fallback {
            format!(" ({})", ui.other_language_name())
        } else {
            String::new()
        };
        let head = format!(" {mark} {order}  ");
        let title_room =
            width.saturating_sub(text::width(&head) + text::width(&score) + text::width(&fallback));
        let title = text::truncate(&text::sanitize(&found.lesson.title), title_room);
        let pad = width.saturating_sub(
            text::width(&head) + text::width(&title) + text::width(&fallback) + text::width(&score),
        );
        let style = if i == selected {
            chrome.selected
        } else {
            ratatui::style::Style::new()
        };
        let line = Line::from(vec![
            Span::styled(head, if done { chrome.done } else { style }),
            Span::styled(format!("{title}{fallback}{}", " ".repeat(pad)), style),
            Span::styled(score, if i == selected { style } else { chrome.dim }),
        ]);
        rows.push((Some(i), line));
    }
    // Keep the selected row in view.
    let height = list_area.height as usize;
    let at = rows
        .iter()
        .position(|(i, _)| *i == Some(selected))
        .unwrap_or(0);
    let first = at.saturating_sub(height.saturating_sub(1));
    let lines: Vec<Line> = rows
        .into_iter()
        .skip(first)
        .take(height)
        .map(|(_, l)| l)
        .collect();
    frame.render_widget(Paragraph::new(lines), list_area);
}

/// Quiz points as the list shows them: `3`, `2.5`.
fn points(p: f64) -> String {
    if p.fract() == 0.0 {
        format!("{p:.0}")
    } else {
        format!("{p:.1}")
    }
}
