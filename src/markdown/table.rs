//! GFM tables drawn with box characters, their cells wrapped to fit.
//!
//! No crate we could find lays out Markdown tables for a terminal with cells
//! that wrap by display width, honour `<br>` and keep inline styles, so the
//! layout is ours:
//!
//! 1. Each column has a *natural* width (its widest cell line) and a
//!    *minimum*: its longest word, so cells break between words; only when
//!    those do not fit is a minimum capped at [`WORD_CAP`] (a long
//!    identifier or URL then breaks inside), at least one glyph.
//! 2. If the natural widths fit, they are used. Otherwise every column gets
//!    its minimum and the rest of the width is shared out "water-filling"
//!    style: columns that need little get all they need, the others split
//!    what remains evenly. Cells then wrap at spaces inside their column.
//! 3. Cell padding is dropped when that is what lets the minimums fit.
//! 4. When even the minimums do not fit, the table is drawn as a stack of
//!    records (`header: value`, one row after another), which reads far
//!    better in a narrow pane than columns a glyph or two wide would.

use super::inline::Spans;
use super::theme::Theme;
use crate::text::{width, wrap_spans};
use pulldown_cmark::Alignment;
use ratatui::style::Style;
use ratatui::text::Span;

/// A cell: its logical lines (split at `<br>`).
pub(crate) type Cell = Vec<Spans>;

/// When the longest words do not all fit, a column's minimum width is its
/// longest word but no more than this: longer words (URLs, long
/// identifiers) then break inside the cell.
pub(crate) const WORD_CAP: usize = 10;

#[derive(Default, Clone)]
pub(crate) struct Table {
    pub(crate) aligns: Vec<Alignment>,
    pub(crate) head: Vec<Cell>,
    pub(crate) rows: Vec<Vec<Cell>>,
}

struct Borders {
    left: &'static str,
    cross: &'static str,
    right: &'static str,
    fill: &'static str,
}

const TOP: Borders = Borders {
    left: "┌",
    cross: "┬",
    right: "┐",
    fill: "─",
};
const HEAD: Borders = Borders {
    left: "╞",
    cross: "╪",
    right: "╡",
    fill: "═",
};
const ROW: Borders = Borders {
    left: "├",
    cross: "┼",
    right: "┤",
    fill: "─",
};
const BOTTOM: Borders = Borders {
    left: "└",
    cross: "┴",
    right: "┘",
    fill: "─",
};

/// The table laid out in `avail` columns, as lines (tests; the writer
/// streams them with [`render_table_into`]).
#[cfg(test)]
pub(crate) fn render_table(table: &Table, avail: usize, theme: &Theme) -> Vec<Spans> {
    let mut out = Vec::new();
    render_table_into(table.clone(), avail, theme, &mut |line| out.push(line));
    out
}

/// How many columns the table has (0: nothing to draw).
pub(crate) fn columns(table: &Table) -> usize {
    table
        .rows
        .iter()
        .map(Vec::len)
        .chain([table.aligns.len(), table.head.len()])
        .max()
        .unwrap_or(0)
}

/// Lay the table out in `avail` columns, handing each line to `out` as it
/// is drawn. Rows are taken one at a time (each freed once drawn), and
/// their cells' spans move into the output rather than being copied.
pub(crate) fn render_table_into(
    table: Table,
    avail: usize,
    theme: &Theme,
    out: &mut dyn FnMut(Spans),
) {
    let n = columns(&table);
    if n == 0 {
        return;
    }
    let (natural, whole) = measure(&table, n);
    match layout(&whole, avail) {
        Some((pad, content, floor)) => {
            let widths = distribute(&natural, &floor, content);
            grid(table, &widths, pad, theme, out)
        }
        None => stacked(&table, n, avail, theme).into_iter().for_each(out),
    }
}

/// Cell padding, content width and each column's floor for `avail`
/// columns, or `None` when even the narrowest floors do not fit. Cells
/// break between words: each column gets at least its longest word, with
/// padding or, failing that, without. Only when those do not fit is a
/// word allowed to break inside, the floors then capped at [`WORD_CAP`].
fn layout(whole: &[usize], avail: usize) -> Option<(usize, usize, Vec<usize>)> {
    let n = whole.len();
    let borders = n + 1;
    let capped: Vec<usize> = whole.iter().map(|&w| w.min(WORD_CAP)).collect();
    [whole.to_vec(), capped].into_iter().find_map(|floor| {
        let need: usize = floor.iter().sum();
        if avail >= borders + 2 * n + need {
            Some((1, avail - borders - 2 * n, floor))
        } else if avail >= borders + need {
            Some((0, avail - borders, floor))
        } else {
            None
        }
    })
}

/// Display width of a cell line, and of its longest word (words run
/// across spans), without gathering its text into a new string.
fn line_measure(line: &Spans) -> (usize, usize) {
    let (mut total, mut word, mut longest) = (0, 0, 0);
    for span in line {
        let mut parts = span.content.split(' ');
        if let Some(first) = parts.next() {
            let w = width(first);
            word += w;
            total += w;
        }
        for part in parts {
            longest = longest.max(word);
            let w = width(part);
            word = w;
            total += w + 1;
        }
    }
    (total, longest.max(word))
}

/// Natural width of each column and its floor: its longest word (at least
/// two columns where the cell is that wide, and one at least).
fn measure(table: &Table, n: usize) -> (Vec<usize>, Vec<usize>) {
    let mut natural = vec![0; n];
    let mut longest_word = vec![0; n];
    for row in std::iter::once(&table.head).chain(&table.rows) {
        for (j, cell) in row.iter().enumerate() {
            for line in cell {
                let (w, word) = line_measure(line);
                natural[j] = natural[j].max(w);
                longest_word[j] = longest_word[j].max(word);
            }
        }
    }
    let floor = natural
        .iter()
        .zip(&longest_word)
        .map(|(&nat, &word)| word.max(nat.min(2)).max(1))
        .collect();
    (natural, floor)
}

/// Whether some body row takes more than one line at these widths (rows
/// are then separated by rules): a cell with a `<br>`, or a line wider
/// than its column. Decided from widths alone, before any row is wrapped.
fn rows_wrap(rows: &[Vec<Cell>], widths: &[usize]) -> bool {
    rows.iter().any(|row| {
        row.iter()
            .zip(widths)
            .any(|(cell, &w)| cell.len() > 1 || cell.iter().any(|line| line_measure(line).0 > w))
    })
}

/// Shares `content` columns out: everything each column wants if it fits;
/// otherwise each gets its floor and the rest goes first to the columns
/// that need least, the others splitting evenly.
fn distribute(natural: &[usize], floor: &[usize], content: usize) -> Vec<usize> {
    let want: Vec<usize> = natural.iter().zip(floor).map(|(&n, &f)| n.max(f)).collect();
    if want.iter().sum::<usize>() <= content {
        return want;
    }
    let mut widths = floor.to_vec();
    let mut left = content - floor.iter().sum::<usize>();
    let mut order: Vec<usize> = (0..want.len()).collect();
    order.sort_by_key(|&j| want[j] - floor[j]);
    for (done, &j) in order.iter().enumerate() {
        let share = left / (order.len() - done);
        let give = (want[j] - widths[j]).min(share);
        widths[j] += give;
        left -= give;
    }
    // What rounding left over goes to the hungriest columns.
    for &j in order.iter().rev() {
        let give = (want[j] - widths[j]).min(left);
        widths[j] += give;
        left -= give;
    }
    widths
}

fn grid(table: Table, widths: &[usize], pad: usize, theme: &Theme, out: &mut dyn FnMut(Spans)) {
    let border = theme.table_border;
    let Table { aligns, head, rows } = table;
    let align = |j: usize| aligns.get(j).copied().unwrap_or(Alignment::None);
    out(rule(&TOP, widths, pad, border));
    if head
        .iter()
        .any(|cell| cell.iter().any(|line| !line.is_empty()))
    {
        let head = wrap_row(head, widths, Some(theme.table_header));
        draw_row(out, head, widths, pad, border, &align);
        if !rows.is_empty() {
            out(rule(&HEAD, widths, pad, border));
        }
    }
    let separated = rows_wrap(&rows, widths);
    for (i, row) in rows.into_iter().enumerate() {
        if i > 0 && separated {
            out(rule(&ROW, widths, pad, border));
        }
        let cells = wrap_row(row, widths, None);
        draw_row(out, cells, widths, pad, border, &align);
    }
    out(rule(&BOTTOM, widths, pad, border));
}

/// Each cell of a row wrapped to its column: a list of display lines.
fn wrap_row(row: Vec<Cell>, widths: &[usize], header: Option<Style>) -> Vec<Vec<Spans>> {
    let mut row = row.into_iter();
    widths
        .iter()
        .map(|&w| {
            let Some(cell) = row.next() else {
                return Vec::new();
            };
            cell.into_iter()
                .flat_map(|line| wrap_hanging(line, w))
                .map(|line| match header {
                    Some(h) => restyle(line, h),
                    None => line,
                })
                .collect()
        })
        .collect()
}

/// Wraps one line of a cell; a line that starts with a bullet (`• `, `- `,
/// `* `, `· `) continues under the text after the bullet, not under the bullet.
fn wrap_hanging(line: Spans, w: usize) -> Vec<Spans> {
    // Only the start matters for a bullet: the first span, or the first
    // few characters of a line split into small spans.
    let head: String = line
        .iter()
        .flat_map(|s| s.content.chars())
        .take(64)
        .collect();
    let text = head.as_str();
    let bullet = ["• ", "- ", "* ", "· "]
        .iter()
        .find(|b| text.trim_start().starts_with(**b))
        .map(|b| {
            crate::text::width(&text[..text.len() - text.trim_start().len()])
                + crate::text::width(b)
        });
    match bullet {
        Some(indent) if w >= indent + 4 => {
            let mut lines = wrap_spans(&line, w, w - indent);
            for cont in lines.iter_mut().skip(1) {
                cont.insert(0, Span::raw(" ".repeat(indent)));
            }
            lines
        }
        _ => crate::text::wrap_owned(line, w, w),
    }
}

fn restyle(line: Spans, base: Style) -> Spans {
    line.into_iter()
        .map(|s| {
            let style = base.patch(s.style);
            s.style(style)
        })
        .collect()
}

fn draw_row(
    out: &mut dyn FnMut(Spans),
    mut cells: Vec<Vec<Spans>>,
    widths: &[usize],
    pad: usize,
    border: Style,
    align: &dyn Fn(usize) -> Alignment,
) {
    let height = cells.iter().map(Vec::len).max().unwrap_or(0).max(1);
    let padding: &'static str = if pad == 0 { "" } else { " " };
    for k in 0..height {
        let mut line = Vec::with_capacity(1 + 4 * widths.len());
        line.push(Span::styled("│", border));
        for (j, &w) in widths.iter().enumerate() {
            let content = cells
                .get_mut(j)
                .and_then(|c| c.get_mut(k))
                .map(std::mem::take)
                .unwrap_or_default();
            if pad > 0 {
                line.push(Span::raw(padding));
            }
            line.extend(aligned(content, w, align(j)));
            if pad > 0 {
                line.push(Span::raw(padding));
            }
            line.push(Span::styled("│", border));
        }
        out(line);
    }
}

fn aligned(content: Spans, w: usize, align: Alignment) -> Spans {
    let used: usize = content.iter().map(|s| width(&s.content)).sum();
    let free = w.saturating_sub(used);
    let (before, after) = match align {
        Alignment::Right => (free, 0),
        Alignment::Center => (free / 2, free - free / 2),
        Alignment::Left | Alignment::None => (0, free),
    };
    let mut out = Vec::with_capacity(content.len() + 2);
    if before > 0 {
        out.push(Span::raw(" ".repeat(before)));
    }
    out.extend(content);
    if after > 0 {
        out.push(Span::raw(" ".repeat(after)));
    }
    out
}

fn rule(b: &Borders, widths: &[usize], pad: usize, style: Style) -> Spans {
    let mut s = String::from(b.left);
    for (j, &w) in widths.iter().enumerate() {
        if j > 0 {
            s.push_str(b.cross);
        }
        s.push_str(&b.fill.repeat(w + 2 * pad));
    }
    s.push_str(b.right);
    vec![Span::styled(s, style)]
}

/// The narrow-pane fallback: each row as a record, one column after the
/// other: `header: value` on one line when it fits, otherwise the header
/// and then the value's lines (indented when the pane is wide enough).
fn stacked(table: &Table, n: usize, avail: usize, theme: &Theme) -> Vec<Spans> {
    let line = || vec![Span::styled("─".repeat(avail), theme.table_border)];
    let indent = if avail >= 20 { 2 } else { 0 };
    let mut out = vec![line()];
    for (i, row) in table.rows.iter().enumerate() {
        if i > 0 {
            out.push(line());
        }
        for j in 0..n {
            let label = label(table, j, theme);
            let values: Vec<&Spans> = row
                .get(j)
                .into_iter()
                .flatten()
                .filter(|l| !l.is_empty())
                .collect();
            record(&mut out, label, &values, avail, indent);
        }
    }
    if table.rows.is_empty() {
        for j in 0..n {
            record(&mut out, label(table, j, theme), &[], avail, indent);
        }
    }
    out.push(line());
    out
}

/// A column's header cell as one line of spans in the header style.
fn label(table: &Table, j: usize, theme: &Theme) -> Spans {
    let mut spans = Vec::new();
    for (k, line) in table.head.get(j).into_iter().flatten().enumerate() {
        if k > 0 {
            spans.push(Span::raw(" "));
        }
        spans.extend(line.iter().cloned());
    }
    restyle(spans, theme.table_header)
}

fn record(out: &mut Vec<Spans>, mut label: Spans, values: &[&Spans], avail: usize, indent: usize) {
    let label_width: usize = label.iter().map(|s| width(&s.content)).sum();
    if label_width > 0 {
        let style = label.last().map(|s| s.style).unwrap_or_default();
        label.push(Span::styled(":", style));
    }
    if let [value] = values {
        let value_width: usize = value.iter().map(|s| width(&s.content)).sum();
        if label_width + 2 + value_width <= avail {
            let mut line = label;
            if label_width > 0 {
                line.push(Span::raw(" "));
            }
            line.extend(value.iter().cloned());
            out.push(line);
            return;
        }
    }
    if label_width > 0 {
        out.extend(wrap_spans(&label, avail, avail));
    }
    let shift = if label_width > 0 { indent } else { 0 };
    for value in values {
        for mut wrapped in wrap_spans(value, avail - shift, avail - shift) {
            if shift > 0 {
                wrapped.insert(0, Span::raw(" ".repeat(shift)));
            }
            out.push(wrapped);
        }
    }
}

#[cfg(test)]
mod tests;
