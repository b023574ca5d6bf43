//! Walks pulldown-cmark events and lays blocks out one below the other,
//! each wrapped to the width left after its quote bars and list indents.
//!
//! Blocks are separated by one blank line, except the first block inside a
//! quote or item, list items among themselves, and a list nested right
//! under its item's text.

use super::code::{CodeLines, render_code_into};
use super::container::Containers;
use super::html;
use super::inline::{Inline, Spans};
use super::table::{Cell, Drawer, Measure};
use super::theme::Theme;
use crate::text::{sanitize, width, wrap_spans};
use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

#[derive(Clone, Copy, PartialEq, Eq)]
enum LeafKind {
    Paragraph,
    Heading(usize),
    Cell,
}

struct Leaf {
    kind: LeafKind,
    inline: Inline,
}

/// The text of an open code block. pulldown-cmark hands it over a line at
/// a time; while those lines follow each other in the Markdown source (a
/// block outside quotes and lists), the block is that part of the source
/// and is not copied (a 10 MB block would be a second 10 MB string).
enum CodeText {
    Empty,
    /// Bytes of the source text.
    Source(std::ops::Range<usize>),
    Owned(String),
}

impl CodeText {
    /// Adds `text`, part of the event stream of `source`.
    fn push(&mut self, text: &pulldown_cmark::CowStr<'_>, source: &str) {
        // Where `text` starts in `source`, when it is a slice of it.
        let offset = match text {
            pulldown_cmark::CowStr::Borrowed(t) => {
                let at = (t.as_ptr() as usize).wrapping_sub(source.as_ptr() as usize);
                (at <= source.len() && t.len() <= source.len() - at).then_some(at)
            }
            _ => None,
        };
        *self = match (std::mem::replace(self, CodeText::Empty), offset) {
            (CodeText::Empty, Some(at)) => CodeText::Source(at..at + text.len()),
            (CodeText::Source(r), Some(at)) if at == r.end => {
                CodeText::Source(r.start..at + text.len())
            }
            (CodeText::Empty, None) => CodeText::Owned(text.to_string()),
            (CodeText::Source(r), _) => CodeText::Owned(format!("{}{}", &source[r], text.as_ref())),
            (CodeText::Owned(mut s), _) => {
                s.push_str(text);
                CodeText::Owned(s)
            }
        };
    }

    fn as_str<'a>(&'a self, source: &'a str) -> &'a str {
        match self {
            CodeText::Empty => "",
            CodeText::Source(r) => &source[r.clone()],
            CodeText::Owned(s) => s,
        }
    }
}

/// Lines a streaming writer gathers before handing them on.
const FLUSH_AT: usize = 256;

/// Where a streaming writer hands its finished lines.
pub(crate) type Sink<'t> = &'t mut dyn FnMut(Line<'static>);

pub(crate) struct Writer<'t> {
    theme: &'t Theme,
    width: usize,
    /// Lines not yet handed on (all of them, without a sink).
    lines: Vec<Line<'static>>,
    /// Where finished lines go as they are written, so a long document is
    /// never held whole; `None` keeps every line for [`Writer::finish`].
    sink: Option<Sink<'t>>,
    /// Lines already handed to the sink.
    flushed: usize,
    containers: Containers,
    /// Open lists: the next item's number (`None` for bullets).
    lists: Vec<Option<u64>>,
    leaf: Option<Leaf>,
    pending_blank: bool,
    /// An open code block: its info string and text.
    code: Option<(String, CodeText)>,
    /// An open HTML block's source.
    html: Option<String>,
    /// The open table, drawn row by row as its rows end.
    table: Option<Drawer<'t>>,
    row: Vec<Cell>,
    /// The first pass's measurements of the tables still to come, in
    /// order.
    measures: std::vec::IntoIter<Measure>,
    /// In the first pass (see [`measure_tables`]): the open table's
    /// measurements, and those of the tables read so far.
    measuring: Option<(Option<Measure>, Vec<Measure>)>,
    /// How code lines wider than their frame are shown.
    code_lines: CodeLines,
    /// How far the widest code line overflows its frame.
    code_overflow: usize,
}

pub(crate) fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH
}

impl<'t> Writer<'t> {
    pub(crate) fn new(theme: &'t Theme, width: usize) -> Self {
        Writer {
            theme,
            width: width.max(1),
            lines: Vec::new(),
            sink: None,
            flushed: 0,
            containers: Containers::default(),
            lists: Vec::new(),
            leaf: None,
            pending_blank: false,
            code: None,
            html: None,
            table: None,
            row: Vec::new(),
            measures: Vec::new().into_iter(),
            measuring: None,
            code_lines: CodeLines::Wrap,
            code_overflow: 0,
        }
    }

    /// A writer that hands its lines to `sink` as they are finished (a few
    /// hundred at a time) instead of keeping them; [`Writer::finish`] then
    /// hands on the rest and returns nothing.
    pub(crate) fn streaming(theme: &'t Theme, width: usize, sink: Sink<'t>) -> Self {
        let mut w = Writer::new(theme, width);
        w.sink = Some(sink);
        w
    }

    /// Code lines wider than their frame shown as `lines` says.
    pub(crate) fn with_code_lines(mut self, lines: CodeLines) -> Self {
        self.code_lines = lines;
        self
    }

    /// How many columns the widest code line written so far overflows its
    /// frame (0 when they all fit or wrap).
    pub(crate) fn code_overflow(&self) -> usize {
        self.code_overflow
    }

    /// Hand finished lines to the sink, once enough have gathered. Blank
    /// lines at the end stay: the next block or [`Writer::finish`] decides
    /// whether they are kept.
    fn flush_ready(&mut self) {
        if self.lines.len() < FLUSH_AT {
            return;
        }
        let Some(sink) = self.sink.as_mut() else {
            return;
        };
        let ready = self
            .lines
            .iter()
            .rposition(|l| !l.spans.is_empty())
            .map_or(0, |i| i + 1);
        for line in self.lines.drain(..ready) {
            sink(line);
        }
        self.flushed += ready;
    }

    /// Renders a Markdown document below what is already written.
    ///
    /// Tables are laid out in two passes over the text: a first parse
    /// measures every table's cells (and keeps none of them), then the
    /// second draws each row as soon as it is read. Column widths need
    /// every row, and this way a huge table costs the parser's own memory
    /// and one row, not a copy of every cell.
    pub(crate) fn markdown(&mut self, markdown: &str) {
        self.measures = measure_tables(markdown, self.theme).into_iter();
        for event in Parser::new_ext(markdown, options()) {
            self.event(event, markdown);
        }
        self.close_leaf();
    }

    /// Adds a block that is already laid out (each line at most
    /// [`Writer::avail`] wide), separated from the previous one.
    pub(crate) fn block(&mut self, lines: Vec<Spans>) {
        if lines.is_empty() {
            return;
        }
        self.begin_block();
        for line in lines {
            self.emit(line);
        }
        self.pending_blank = true;
    }

    /// A heading from plain text (a section title).
    pub(crate) fn heading(&mut self, level: usize, text: &str) {
        self.open_leaf(LeafKind::Heading(level));
        if let Some(leaf) = &mut self.leaf {
            leaf.inline.text(text);
        }
        self.close_leaf();
    }

    /// Lines written so far (those handed to a sink included).
    pub(crate) fn len(&self) -> usize {
        self.flushed + self.lines.len()
    }

    /// The width left for content inside the open quotes and items.
    pub(crate) fn avail(&self) -> usize {
        self.width.saturating_sub(self.containers.width()).max(1)
    }

    pub(crate) fn finish(mut self) -> Vec<Line<'static>> {
        self.close_leaf();
        while self.lines.last().is_some_and(|l| l.spans.is_empty()) {
            self.lines.pop();
        }
        match self.sink.take() {
            Some(sink) => {
                for line in self.lines.drain(..) {
                    sink(line);
                }
                Vec::new()
            }
            None => self.lines,
        }
    }

    /// Handles one event of the parse of `source`.
    fn event(&mut self, event: Event<'_>, source: &str) {
        let theme = self.theme;
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag, source),
            Event::Text(t) => match &mut self.code {
                Some((_, code)) => code.push(&t, source),
                None => self.inline().text(&t),
            },
            Event::Code(c) => self.inline().code(&c, theme),
            Event::InlineHtml(h) => self.inline().html(&h),
            Event::Html(h) => match &mut self.html {
                Some(buf) => buf.push_str(&h),
                None => self.inline().html(&h),
            },
            Event::SoftBreak => self.inline().soft_break(),
            Event::HardBreak => self.inline().hard_break(),
            Event::Rule => {
                self.close_leaf();
                let rule = "─".repeat(self.avail());
                self.block(vec![vec![Span::styled(rule, theme.rule)]]);
            }
            Event::FootnoteReference(r) => self.inline().text(&format!("[^{r}]")),
            Event::TaskListMarker(done) => self.inline().text(if done { "[x] " } else { "[ ] " }),
            Event::InlineMath(m) | Event::DisplayMath(m) => self.inline().text(&m),
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        let theme = self.theme;
        match tag {
            Tag::Paragraph => self.open_leaf(LeafKind::Paragraph),
            Tag::Heading { level, .. } => self.open_leaf(LeafKind::Heading(level_number(level))),
            Tag::BlockQuote(_) => {
                self.close_leaf();
                self.begin_block();
                self.containers.push_quote(theme);
            }
            Tag::CodeBlock(kind) => {
                self.close_leaf();
                let info = match kind {
                    CodeBlockKind::Fenced(info) => info.to_string(),
                    CodeBlockKind::Indented => String::new(),
                };
                self.code = Some((info, CodeText::Empty));
            }
            Tag::HtmlBlock => {
                self.close_leaf();
                self.html = Some(String::new());
            }
            Tag::List(start) => {
                let nested = self.containers.top_is_item();
                self.close_leaf();
                if nested {
                    self.pending_blank = false;
                }
                self.begin_block();
                self.lists.push(start);
            }
            Tag::Item => {
                self.close_leaf();
                self.pending_blank = false;
                let depth = self.lists.len().saturating_sub(1);
                let number = self.lists.last_mut().and_then(|next| {
                    let n = *next;
                    *next = next.map(|n| n.saturating_add(1));
                    n
                });
                self.containers.push_item(number, depth, theme);
            }
            Tag::Table(aligns) => self.start_table(aligns),
            Tag::TableHead | Tag::TableRow => self.row.clear(),
            Tag::TableCell => {
                self.leaf = Some(Leaf {
                    kind: LeafKind::Cell,
                    inline: Inline::new(self.base_style()),
                });
            }
            Tag::Emphasis => self.inline().push_style(theme.emphasis),
            Tag::Strong => self.inline().push_style(theme.strong),
            Tag::Strikethrough => self.inline().push_style(theme.strikethrough),
            Tag::Superscript | Tag::Subscript => self.inline().push_style(Style::new()),
            Tag::Link { dest_url, .. } => self.inline().begin_link(&dest_url, theme),
            Tag::Image { dest_url, .. } => self.inline().begin_image(&dest_url),
            Tag::FootnoteDefinition(_)
            | Tag::DefinitionList
            | Tag::DefinitionListTitle
            | Tag::DefinitionListDefinition
            | Tag::MetadataBlock(_) => self.close_leaf(),
        }
    }

    fn end(&mut self, tag: TagEnd, source: &str) {
        let theme = self.theme;
        match tag {
            TagEnd::Paragraph | TagEnd::Heading(_) => self.close_leaf(),
            TagEnd::BlockQuote(_) => {
                self.close_leaf();
                self.containers.pop();
                self.pending_blank = true;
            }
            TagEnd::CodeBlock => {
                if let Some((info, code)) = self.code.take() {
                    let code = code.as_str(source);
                    // Line by line: a huge block is never held laid out whole.
                    let avail = self.avail();
                    let lines = self.code_lines;
                    self.begin_block();
                    let overflow =
                        render_code_into(code, &info, avail, theme, lines, &mut |line| {
                            self.emit(line)
                        });
                    if lines != CodeLines::Wrap {
                        self.code_overflow = self.code_overflow.max(overflow);
                    }
                    self.pending_blank = true;
                }
            }
            TagEnd::HtmlBlock => {
                let raw = self.html.take().unwrap_or_default();
                self.html_block(&raw);
            }
            TagEnd::List(_) => {
                self.close_leaf();
                self.lists.pop();
                self.pending_blank = true;
            }
            TagEnd::Item => {
                self.close_leaf();
                if self.containers.fresh() == Some(true) {
                    // An empty item still shows its marker.
                    self.emit(Vec::new());
                }
                self.containers.pop();
                self.pending_blank = false;
            }
            TagEnd::Table => self.end_table(),
            TagEnd::TableHead | TagEnd::TableRow => {
                let row = std::mem::take(&mut self.row);
                self.end_row(row, tag == TagEnd::TableHead);
            }
            TagEnd::TableCell => {
                if let Some(leaf) = self.leaf.take() {
                    self.row.push(leaf.inline.finish());
                }
            }
            TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript => self.inline().pop_style(),
            TagEnd::Link => self.inline().end_link(theme),
            TagEnd::Image => self.inline().end_image(theme),
            TagEnd::FootnoteDefinition
            | TagEnd::DefinitionList
            | TagEnd::DefinitionListTitle
            | TagEnd::DefinitionListDefinition
            | TagEnd::MetadataBlock(_) => self.close_leaf(),
        }
    }

    fn start_table(&mut self, aligns: Vec<pulldown_cmark::Alignment>) {
        self.close_leaf();
        if let Some((open, _)) = &mut self.measuring {
            *open = Some(Measure::new(aligns.len()));
            return;
        }
        // Both passes parse the same text: the tables come in the same
        // order. (A table with no measurement is laid out from its
        // delimiter row alone.)
        let measure = self
            .measures
            .next()
            .unwrap_or_else(|| Measure::new(aligns.len()));
        let (avail, theme) = (self.avail(), self.theme);
        self.begin_block();
        self.table = Drawer::begin(&measure, aligns, avail, theme, &mut |line| self.emit(line));
    }

    fn end_row(&mut self, row: Vec<Cell>, head: bool) {
        if let Some((Some(measure), _)) = &mut self.measuring {
            measure.add(&row, head);
            return;
        }
        let Some(mut table) = self.table.take() else {
            return;
        };
        let out = &mut |line| self.emit(line);
        if head {
            table.head(row, out);
        } else {
            table.row(row, out);
        }
        self.table = Some(table);
    }

    fn end_table(&mut self) {
        if let Some((open, done)) = &mut self.measuring {
            done.extend(open.take());
            return;
        }
        if let Some(table) = self.table.take() {
            table.end(&mut |line| self.emit(line));
            self.pending_blank = true;
        }
    }

    /// The open inline content; text outside any paragraph (a tight list
    /// item) opens one.
    fn inline(&mut self) -> &mut Inline {
        if self.leaf.is_none() {
            self.open_leaf(LeafKind::Paragraph);
        }
        &mut self.leaf.as_mut().expect("just opened").inline
    }

    fn base_style(&self) -> Style {
        if self.containers.in_quote() {
            self.theme.text.patch(self.theme.quote_text)
        } else {
            self.theme.text
        }
    }

    fn open_leaf(&mut self, kind: LeafKind) {
        self.close_leaf();
        self.begin_block();
        let mut base = self.base_style();
        if let LeafKind::Heading(level) = kind {
            base = base.patch(self.theme.heading(level));
        }
        self.leaf = Some(Leaf {
            kind,
            inline: Inline::new(base),
        });
    }

    fn close_leaf(&mut self) {
        let Some(leaf) = self.leaf.take() else { return };
        let avail = self.avail();
        let lines: Vec<Spans> = leaf
            .inline
            .finish()
            .iter()
            .flat_map(|l| wrap_spans(l, avail, avail))
            .collect();
        match leaf.kind {
            LeafKind::Cell => {
                // A cell outside a table row cannot happen with a balanced
                // event stream; keep its text anyway.
                self.row.push(lines);
                return;
            }
            LeafKind::Heading(level @ 1..=2) => {
                let rule_width = lines
                    .iter()
                    .map(|l| l.iter().map(|s| width(&s.content)).sum::<usize>())
                    .max()
                    .unwrap_or(0)
                    .clamp(1, avail);
                for line in lines {
                    self.emit(line);
                }
                let mark = if level == 1 { "━" } else { "─" };
                let style = without_modifiers(self.theme.heading(level));
                self.emit(vec![Span::styled(mark.repeat(rule_width), style)]);
            }
            LeafKind::Heading(_) | LeafKind::Paragraph => {
                for line in lines {
                    self.emit(line);
                }
            }
        }
        self.pending_blank = true;
    }

    fn html_block(&mut self, raw: &str) {
        let lines = html::block_lines(raw);
        if lines.is_empty() {
            return;
        }
        let avail = self.avail();
        let style = self.base_style();
        let wrapped = lines
            .iter()
            .flat_map(|l| wrap_spans(&[Span::styled(sanitize(l), style)], avail, avail))
            .collect();
        self.block(wrapped);
    }

    /// Starts a block: a blank line first unless it is the first thing in
    /// its container (or in the document).
    fn begin_block(&mut self) {
        let fresh = self.containers.fresh().unwrap_or(self.len() == 0);
        if self.pending_blank && !fresh {
            let prefix = self.containers.prefix(self.prefix_limit(), true);
            self.lines.push(Line::from(prefix));
        }
        self.pending_blank = false;
    }

    fn prefix_limit(&self) -> usize {
        self.width - self.avail().min(self.width)
    }

    fn emit(&mut self, content: Spans) {
        let mut spans = self.containers.prefix(self.prefix_limit(), false);
        if spans.is_empty() {
            spans = content;
        } else {
            spans.extend(content);
        }
        self.lines.push(Line::from(spans));
        self.flush_ready();
    }
}

/// The first pass: every table's measurements, in order. Only the events
/// inside tables are looked at, through the same code as the second pass,
/// so a cell measures exactly as it will be drawn.
fn measure_tables(markdown: &str, theme: &Theme) -> Vec<Measure> {
    // A table's delimiter row holds a `|` (GFM).
    if !markdown.contains('|') {
        return Vec::new();
    }
    let mut w = Writer::new(theme, 1);
    w.measuring = Some((None, Vec::new()));
    for event in Parser::new_ext(markdown, options()) {
        let in_table = matches!(&w.measuring, Some((Some(_), _)));
        if in_table || matches!(event, Event::Start(Tag::Table(_))) {
            w.event(event, markdown);
        }
    }
    w.measuring.map(|(_, done)| done).unwrap_or_default()
}

fn level_number(level: HeadingLevel) -> usize {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

fn without_modifiers(style: Style) -> Style {
    Style {
        add_modifier: Modifier::empty(),
        sub_modifier: Modifier::empty(),
        ..style
    }
}
