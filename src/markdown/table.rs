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
#[cfg(test)]
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

/// A whole table (tests, and callers that hold one): the writer never
/// builds one, it measures the rows in a first pass and draws them one by
/// one in the second with a [`Drawer`].
#[cfg(test)]
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

/// The table laid out in `avail` columns, as lines: measured, then drawn
/// row by row, as the writer does in its two passes.
#[cfg(test)]
pub(crate) fn render_table(table: &Table, avail: usize, theme: &Theme) -> Vec<Spans> {
    let measure = measure(table);
    let mut out = Vec::new();
    let sink = &mut |line| out.push(line);
    if let Some(mut d) = Drawer::begin(&measure, table.aligns.clone(), avail, theme, sink) {
        d.head(table.head.clone(), sink);
        for row in &table.rows {
            d.row(row.clone(), sink);
        }
        d.end(sink);
    }
    out
}

/// The first pass over a whole table.
#[cfg(test)]
fn measure(table: &Table) -> Measure {
    let mut measure = Measure::new(table.aligns.len());
    measure.add(&table.head, true);
    for row in &table.rows {
        measure.add(row, false);
    }
    measure
}

/// What the first pass learns about a table from its cells without keeping
/// any of them: enough to choose the columns' widths before the first row
/// is drawn.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Measure {
    /// Per column: the widest cell line and the longest word (header
    /// included), and the widest body cell line.
    natural: Vec<usize>,
    longest_word: Vec<usize>,
    body_natural: Vec<usize>,
    /// Some body cell has more than one line (a `<br>`).
    body_breaks: bool,
    /// Body rows.
    rows: usize,
}

impl Measure {
    /// A table with `columns` columns (its delimiter row's), no row yet.
    pub(crate) fn new(columns: usize) -> Self {
        Measure {
            natural: vec![0; columns],
            longest_word: vec![0; columns],
            body_natural: vec![0; columns],
            ..Measure::default()
        }
    }

    /// Takes a row's measurements (the header row when `head`).
    pub(crate) fn add(&mut self, row: &[Cell], head: bool) {
        if row.len() > self.natural.len() {
            for v in [
                &mut self.natural,
                &mut self.longest_word,
                &mut self.body_natural,
            ] {
                v.resize(row.len(), 0);
            }
        }
        for (j, cell) in row.iter().enumerate() {
            self.body_breaks |= !head && cell.len() > 1;
            for line in cell {
                let (w, word) = line_measure(line);
                self.natural[j] = self.natural[j].max(w);
                self.longest_word[j] = self.longest_word[j].max(word);
                if !head {
                    self.body_natural[j] = self.body_natural[j].max(w);
                }
            }
        }
        self.rows += usize::from(!head);
    }

    /// How many columns the table has (0: nothing to draw).
    pub(crate) fn columns(&self) -> usize {
        self.natural.len()
    }

    /// Each column's floor: its longest word (at least two columns where
    /// the cell is that wide, and one at least).
    fn floor(&self) -> Vec<usize> {
        self.natural
            .iter()
            .zip(&self.longest_word)
            .map(|(&nat, &word)| word.max(nat.min(2)).max(1))
            .collect()
    }

    /// Whether some body row takes more than one line at these widths
    /// (rows are then separated by rules): a cell with a `<br>`, or a line
    /// wider than its column.
    fn rows_wrap(&self, widths: &[usize]) -> bool {
        self.body_breaks || self.body_natural.iter().zip(widths).any(|(&n, &w)| n > w)
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

mod draw;
#[cfg(test)]
mod tests;

pub(crate) use draw::Drawer;
