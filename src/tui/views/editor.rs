//! The exercise editor in place of the lesson pane: the goal and the hints
//! on top, the text with a gutter of line numbers (✗ on a line with an
//! error, ! on a warning), and under it the problems of the last check or
//! the checks of the run, each ✓/✗ with what was seen. The keys run along
//! the bottom border.

use super::super::app::App;
use super::super::blocks::exercise::{goal_lines, report_lines};
use super::super::blocks::look::{Look, hanging, para};
use super::super::editor::{Confirm, Editor};
use super::super::i18n::Ui;
use super::super::theme::Chrome;
use super::popup::Rows;
use crate::duration::format_millis;
use crate::markdown::{Language, Theme, highlight_code};
use crate::text;
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Block;

pub fn draw(frame: &mut Frame, area: Rect, app: &mut App, ui: &Ui, chrome: &Chrome) {
    let look = Look::new(app.color);
    let hints = app
        .editor
        .as_ref()
        .and_then(|e| app.blocks.exercises.get(&e.spec.id))
        .map_or(0, |x| x.hints);
    app.geometry.lesson = Some(area);
    let Some(editor) = app.editor.as_ref() else {
        return;
    };
    let cursor = editor.area.cursor();
    let position = format!("{}:{}", cursor.0 + 1, cursor.1 + 1);
    let title = ui.exercise_title(&editor.spec.id);
    let room = (area.width as usize).saturating_sub(4);
    let position = text::truncate(&position, room / 3);
    let title = text::truncate(&title, room.saturating_sub(text::width(&position) + 3));
    let footer = text::truncate(ui.editor_footer(), room);
    let mut block = Block::bordered()
        .border_style(chrome.border_focused)
        .title(Line::from(Span::styled(format!(" {title} "), chrome.title)))
        .title(Line::from(format!(" {position} ")).right_aligned());
    if !footer.is_empty() {
        block = block.title_bottom(Line::from(Span::styled(format!(" {footer} "), chrome.dim)));
    }
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.width < 12 || inner.height < 4 {
        return;
    }
    let width = inner.width as usize;
    let pad = u16::from(inner.width > 20);
    let text_w = (inner.width - pad) as usize;

    let goal = goal_lines(&editor.spec, hints, text_w, &app.theme, &look, ui);
    let goal_h = goal.len().min((inner.height as usize / 4).max(1));
    let panel = panel_lines(editor, text_w, &look, ui);
    let left = inner.height as usize - goal_h - 1;
    let panel_h = panel
        .len()
        .min((left * 2 / 5).max(2))
        .min(left.saturating_sub(3));
    let edit_h = left - panel_h - usize::from(panel_h > 0);

    let goal_area = Rect::new(inner.x + pad, inner.y, inner.width - pad, goal_h as u16);
    frame.render_widget(Rows(&goal[..goal_h]), goal_area);
    let rule_y = inner.y + goal_h as u16;
    frame.render_widget(
        Rows(&[Line::styled("─".repeat(width), chrome.border)]),
        Rect::new(inner.x, rule_y, inner.width, 1),
    );
    let edit = Rect::new(inner.x, rule_y + 1, inner.width, edit_h as u16);
    draw_text(frame, edit, editor, &app.theme, &look, app.color);
    if panel_h > 0 {
        let rule2 = edit.bottom();
        frame.render_widget(
            Rows(&[Line::styled("─".repeat(width), chrome.border)]),
            Rect::new(inner.x, rule2, inner.width, 1),
        );
        let first = panel_first(editor, &panel, panel_h);
        let shown = &panel[first.min(panel.len())..];
        frame.render_widget(
            Rows(shown),
            Rect::new(inner.x + pad, rule2 + 1, inner.width - pad, panel_h as u16),
        );
    }
}

/// The first panel line to show: the selected problem stays in view.
fn panel_first(editor: &Editor, panel: &[Line], rows: usize) -> usize {
    let Some(sel) = editor.selected else {
        return 0;
    };
    let marker = format!(
        "{}:{}",
        editor.diagnostics[sel].line, editor.diagnostics[sel].column
    );
    let at = panel
        .iter()
        .position(|l| l.spans.iter().any(|s| s.content.starts_with(&marker)))
        .unwrap_or(0);
    at.saturating_sub(rows.saturating_sub(2))
}

/// The text with its gutter; the terminal cursor goes where the text
/// cursor is (an input method draws its composition there).
fn draw_text(
    frame: &mut Frame,
    area: Rect,
    editor: &Editor,
    theme: &Theme,
    look: &Look,
    color: bool,
) {
    if area.height == 0 {
        return;
    }
    let count = editor.area.lines().len();
    let digits = count.max(99).to_string().len();
    let gutter = (digits + 2) as u16;
    if area.width <= gutter + 2 {
        return;
    }
    let text_area = Rect::new(area.x + gutter, area.y, area.width - gutter, area.height);
    frame.render_widget(&editor.area, text_area);
    let (top_row, top_col) = editor.area.scroll_offset();
    let buf = frame.buffer_mut();
    for r in 0..area.height {
        let line = top_row as usize + r as usize;
        if line >= count {
            break;
        }
        let worst = editor
            .diagnostics
            .iter()
            .filter(|d| d.line == line + 1)
            .map(|d| d.is_error())
            .max();
        let (mark, style) = match worst {
            Some(true) => ("✗", look.bad),
            Some(false) => ("!", look.hint),
            None => (" ", Style::new()),
        };
        let number = Span::styled(
            format!("{:>digits$}", line + 1),
            if worst.is_some() { style } else { look.dim },
        );
        let row = Line::from(vec![number, Span::styled(mark, style), Span::raw(" ")]);
        buf.set_line(area.x, area.y + r, &row, gutter);
    }
    if color {
        colour_text(
            buf,
            text_area,
            editor,
            theme,
            top_row as usize,
            top_col as usize,
        );
    }
    let sc = editor.area.screen_cursor();
    let (row, col) = (
        sc.row as i64 - top_row as i64,
        sc.col as i64 - top_col as i64,
    );
    if row >= 0 && col >= 0 && row < text_area.height as i64 && col < text_area.width as i64 {
        frame.set_cursor_position(Position::new(
            text_area.x + col as u16,
            text_area.y + row as u16,
        ));
    }
}

/// Colour the visible text as the lesson colours manifests. Only the
/// foreground changes, and only on lines without tabs or anything the
/// highlighter would clean, so every colour lands on its own character.
fn colour_text(
    buf: &mut Buffer,
    area: Rect,
    editor: &Editor,
    theme: &Theme,
    top: usize,
    left: usize,
) {
    let lines = editor.area.lines();
    let joined = lines.join("\n");
    let language = if joined.trim_start().starts_with(['{', '[']) {
        Language::Json
    } else {
        Language::Yaml
    };
    let coloured = highlight_code(&joined, language, theme);
    let (cursor_row, cursor_col) = (editor.area.cursor().0, editor.area.cursor().1);
    for r in 0..area.height as usize {
        let i = top + r;
        let (Some(source), Some(line)) = (lines.get(i), coloured.get(i)) else {
            break;
        };
        if source.contains('\t') || text::sanitize(source) != *source {
            continue;
        }
        let mut col = 0usize;
        let mut chars = 0usize;
        for span in &line.spans {
            for g in
                unicode_segmentation::UnicodeSegmentation::graphemes(span.content.as_ref(), true)
            {
                let w = text::grapheme_width(g);
                let at_cursor = i == cursor_row && chars == cursor_col;
                let visible = col >= left && col + w <= left + area.width as usize;
                if visible
                    && !at_cursor
                    && let (Some(fg), Some(cell)) = (
                        span.style.fg,
                        buf.cell_mut((area.x + (col - left) as u16, area.y + r as u16)),
                    )
                {
                    cell.set_fg(fg);
                }
                col += w;
                chars += g.chars().count();
            }
        }
    }
}

/// The lines the solution would remove (`-`) and add (`+`), at most a
/// dozen, before the student confirms (Ctrl-Z undoes it in one step).
fn solution_diff(editor: &Editor, width: usize, look: &Look, ui: &Ui) -> Vec<Line<'static>> {
    use super::super::editor::diff::{Change, line_diff};
    const SHOWN: usize = 12;
    let mut out = para(ui.editor_solution_replaces(), look.dim, width);
    let Some(changes) = line_diff(&editor.text(), &editor.spec.solution) else {
        return out;
    };
    let changed: Vec<Line<'static>> = changes
        .iter()
        .filter_map(|c| match c {
            Change::Same(_) => None,
            Change::Removed(l) => Some(Line::styled(
                text::truncate(&format!("- {}", text::sanitize(l)), width),
                look.bad,
            )),
            Change::Added(l) => Some(Line::styled(
                text::truncate(&format!("+ {}", text::sanitize(l)), width),
                look.good,
            )),
        })
        .collect();
    let more = changed.len().saturating_sub(SHOWN);
    out.extend(changed.into_iter().take(SHOWN));
    if more > 0 {
        out.push(Line::styled(format!("  … +{more}"), look.dim));
    }
    out
}

/// What goes under the text: a note or a question, the run in progress,
/// the problems of the last check, or its verdict and checks.
fn panel_lines(editor: &Editor, width: usize, look: &Look, ui: &Ui) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    match editor.confirm {
        Some(Confirm::Reset) => out.extend(para(ui.editor_confirm_reset(), look.hint, width)),
        Some(Confirm::Solution) => {
            out.extend(para(ui.editor_confirm_solution(), look.hint, width));
            out.extend(solution_diff(editor, width, look, ui));
        }
        None => {}
    }
    if let Some(note) = &editor.note {
        out.extend(para(
            &note.text,
            if note.bad { look.bad } else { look.hint },
            width,
        ));
    }
    if editor.is_stale() && (editor.report.is_some() || !editor.diagnostics.is_empty()) {
        out.extend(para(ui.editor_stale(), look.dim, width));
    }
    let lang = ui.lang;
    if !editor.diagnostics.is_empty() {
        let errors = editor.errors().count();
        if errors > 0 {
            out.extend(para(&ui.editor_errors(errors), look.bad, width));
        }
        for (i, d) in editor.diagnostics.iter().enumerate() {
            let style = if d.is_error() { look.bad } else { look.hint };
            let selected = editor.selected == Some(i);
            let head = format!("{}:{} ", d.line, d.column);
            let mut body = Vec::new();
            if !d.path.is_empty() {
                body.push(Span::styled(
                    format!("{}: ", text::sanitize(&d.path)),
                    look.strong,
                ));
            }
            body.push(Span::raw(text::sanitize(&d.message_in(lang)).into_owned()));
            let lead_style = if selected { look.cursor } else { style };
            out.extend(hanging(vec![Span::styled(head, lead_style)], &body, width));
            if let Some(h) = d.hint_in(lang) {
                let lead = vec![Span::styled(
                    format!("  {} ", lang.pick("힌트:", "hint:")),
                    look.hint,
                )];
                out.extend(hanging(
                    lead,
                    &[Span::raw(text::sanitize(h).into_owned())],
                    width,
                ));
            }
        }
    }
    if let Some(run) = &editor.run {
        out.extend(para(
            &ui.editor_running(&format_millis(run.elapsed_ms())),
            look.hint,
            width,
        ));
        let mut partial = run.partial();
        partial.outcome = crate::exercise::Outcome::Failed;
        for line in report_lines(&partial, width, look, ui).into_iter().skip(1) {
            out.push(line);
        }
    } else if let Some(report) = &editor.report
        && report.outcome != crate::exercise::Outcome::Invalid
    {
        out.extend(report_lines(report, width, look, ui));
    }
    out
}
