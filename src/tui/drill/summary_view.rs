//! The end-of-session report: the result, accuracy per category with when
//! each category's next card is due, when the next review falls due, and
//! where the reviews were saved.

use super::Ended;
use super::words::Words;
use crate::lang::Lang;
use crate::quiz::plain::cards::{category_table, due_line};
use crate::text;
use crate::tui::cluster::style::Palette;
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;

fn wrapped(out: &mut Vec<Line<'static>>, s: &str, style: Style, width: usize) {
    for l in text::wrap_str(&text::sanitize(s), width) {
        out.push(Line::styled(l, style));
    }
}

/// The report's lines for a pane `width` wide. `saved_in` is the progress
/// file, when there is one.
pub(super) fn summary_text(
    ended: &Ended,
    skipped: &[(String, String)],
    saved_in: Option<&str>,
    standalone: bool,
    lang: Lang,
    pal: &Palette,
    width: usize,
) -> Vec<Line<'static>> {
    let w = Words(lang);
    let s = &ended.summary;
    let mut out = Vec::new();
    if ended.planned == 0 {
        wrapped(&mut out, w.no_cards(), pal.name, width);
    } else {
        let result = w.result(s.right, s.asked, ended.planned, ended.stopped);
        let style = match (s.right, s.asked) {
            (_, 0) => pal.name,
            (r, a) if r == a => pal.good.add_modifier(Modifier::BOLD),
            _ => pal.name,
        };
        wrapped(&mut out, &result, style, width);
    }
    out.push(Line::default());

    if !s.categories.is_empty() {
        let table = category_table(s, lang, ended.at);
        for (i, row) in table.lines().enumerate() {
            let style = if i == 0 { pal.heading } else { Style::new() };
            out.push(Line::styled(
                format!("  {}", text::truncate(row, width.saturating_sub(2))),
                style,
            ));
        }
        out.push(Line::default());
    }

    let next = due_line(s, lang, ended.at);
    wrapped(&mut out, &next, pal.info, width);
    match saved_in {
        Some(path) => wrapped(&mut out, &w.saved_in(path), pal.dim, width),
        None => wrapped(&mut out, w.not_saved(), pal.warn, width),
    }
    for (key, why) in skipped {
        wrapped(&mut out, &w.skipped(key, why), pal.warn, width);
    }
    out.push(Line::default());
    wrapped(&mut out, w.leave_keys(standalone), pal.dim, width);
    out
}
