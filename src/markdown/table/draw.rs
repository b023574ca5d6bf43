//! The second pass: a measured table drawn one row at a time, each row
//! dropped once drawn, so a table of a million rows never sits in memory.

use super::{
    BOTTOM, Cell, HEAD, Measure, ROW, TOP, distribute, draw_row, layout, restyle, rule, wrap_row,
};
use crate::markdown::inline::Spans;
use crate::markdown::theme::Theme;
use crate::text::{width, wrap_spans};
use pulldown_cmark::Alignment;
use ratatui::text::Span;

/// Where a drawn line goes.
pub(crate) type Out<'a> = &'a mut dyn FnMut(Spans);

/// How the rows are laid out, chosen from the measurements alone.
enum Plan {
    /// Columns of these widths, with or without cell padding, rows
    /// separated by rules when some row wraps.
    Grid {
        widths: Vec<usize>,
        pad: usize,
        separated: bool,
    },
    /// Too narrow for columns: each row as a record of `header: value`
    /// lines; the headers are kept once the header row is read.
    Stacked { labels: Vec<Spans>, indent: usize },
}

/// Draws a table's rows as the second pass reads them.
pub(crate) struct Drawer<'t> {
    plan: Plan,
    aligns: Vec<Alignment>,
    columns: usize,
    avail: usize,
    theme: &'t Theme,
    /// Body rows in the table, and how many are drawn.
    rows: usize,
    drawn: usize,
}

impl<'t> Drawer<'t> {
    /// Chooses the layout for `avail` columns and draws the top border;
    /// `None` for a table without columns.
    pub(crate) fn begin(
        measure: &Measure,
        aligns: Vec<Alignment>,
        avail: usize,
        theme: &'t Theme,
        out: Out<'_>,
    ) -> Option<Self> {
        let columns = measure.columns().max(aligns.len());
        if columns == 0 {
            return None;
        }
        let mut natural = measure.natural.clone();
        natural.resize(columns, 0);
        let mut floor = measure.floor();
        floor.resize(columns, 1);
        let plan = match layout(&floor, avail) {
            Some((pad, content, floor)) => {
                let widths = distribute(&natural, &floor, content);
                out(rule(&TOP, &widths, pad, theme.table_border));
                Plan::Grid {
                    separated: measure.rows_wrap(&widths),
                    widths,
                    pad,
                }
            }
            None => {
                out(stack_rule(avail, theme));
                Plan::Stacked {
                    labels: Vec::new(),
                    indent: if avail >= 20 { 2 } else { 0 },
                }
            }
        };
        Some(Drawer {
            plan,
            aligns,
            columns,
            avail,
            theme,
            rows: measure.rows,
            drawn: 0,
        })
    }

    /// The header row.
    pub(crate) fn head(&mut self, head: Vec<Cell>, out: Out<'_>) {
        let theme = self.theme;
        let aligns = &self.aligns;
        let align = |j: usize| aligns.get(j).copied().unwrap_or(Alignment::None);
        match &mut self.plan {
            Plan::Grid { widths, pad, .. } => {
                if head
                    .iter()
                    .any(|cell| cell.iter().any(|line| !line.is_empty()))
                {
                    let head = wrap_row(head, widths, Some(theme.table_header));
                    draw_row(out, head, widths, *pad, theme.table_border, &align);
                    if self.rows > 0 {
                        out(rule(&HEAD, widths, *pad, theme.table_border));
                    }
                }
            }
            Plan::Stacked { labels, .. } => {
                *labels = (0..self.columns)
                    .map(|j| label(head.get(j), theme))
                    .collect();
            }
        }
    }

    /// A body row, drawn and dropped.
    pub(crate) fn row(&mut self, row: Vec<Cell>, out: Out<'_>) {
        let theme = self.theme;
        let first = self.drawn == 0;
        self.drawn += 1;
        let aligns = &self.aligns;
        let align = |j: usize| aligns.get(j).copied().unwrap_or(Alignment::None);
        match &self.plan {
            Plan::Grid {
                widths,
                pad,
                separated,
            } => {
                if !first && *separated {
                    out(rule(&ROW, widths, *pad, theme.table_border));
                }
                let cells = wrap_row(row, widths, None);
                draw_row(out, cells, widths, *pad, theme.table_border, &align);
            }
            Plan::Stacked { labels, indent } => {
                if !first {
                    out(stack_rule(self.avail, theme));
                }
                for (j, label) in labels.iter().enumerate() {
                    let values: Vec<&Spans> = row
                        .get(j)
                        .into_iter()
                        .flatten()
                        .filter(|l| !l.is_empty())
                        .collect();
                    record(out, label.clone(), &values, self.avail, *indent);
                }
            }
        }
    }

    /// The bottom border (and, stacked, the headers of a table without
    /// rows).
    pub(crate) fn end(self, out: Out<'_>) {
        match &self.plan {
            Plan::Grid { widths, pad, .. } => {
                out(rule(&BOTTOM, widths, *pad, self.theme.table_border))
            }
            Plan::Stacked { labels, indent } => {
                if self.drawn == 0 {
                    for label in labels {
                        record(out, label.clone(), &[], self.avail, *indent);
                    }
                }
                out(stack_rule(self.avail, self.theme));
            }
        }
    }
}

fn stack_rule(avail: usize, theme: &Theme) -> Spans {
    vec![Span::styled("─".repeat(avail), theme.table_border)]
}

/// A column's header cell as one line of spans in the header style.
fn label(head: Option<&Cell>, theme: &Theme) -> Spans {
    let mut spans = Vec::new();
    for (k, line) in head.into_iter().flatten().enumerate() {
        if k > 0 {
            spans.push(Span::raw(" "));
        }
        spans.extend(line.iter().cloned());
    }
    restyle(spans, theme.table_header)
}

/// One column of a stacked row: `header: value` on one line when it fits,
/// otherwise the header and then the value's lines (indented by `indent`).
fn record(out: Out<'_>, mut label: Spans, values: &[&Spans], avail: usize, indent: usize) {
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
            out(line);
            return;
        }
    }
    if label_width > 0 {
        wrap_spans(&label, avail, avail)
            .into_iter()
            .for_each(&mut *out);
    }
    let shift = if label_width > 0 { indent } else { 0 };
    for value in values {
        for mut wrapped in wrap_spans(value, avail - shift, avail - shift) {
            if shift > 0 {
                wrapped.insert(0, Span::raw(" ".repeat(shift)));
            }
            out(wrapped);
        }
    }
}
