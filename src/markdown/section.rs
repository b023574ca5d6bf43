//! A lesson section: its title, its Markdown, and a marker box for each
//! interactive block, or whatever the caller draws in its place.

use super::boxes;
use super::code::CodeLines;
use super::inline::{Spans, render_inline};
use super::theme::Theme;
use super::writer::Writer;
use crate::lang::Lang;
use crate::lesson::model::{Block, Section};
use ratatui::style::Style;
use ratatui::text::{Line, Text};

/// Renders `section` at `width` columns: the title as a level-2 heading
/// (unless the first Markdown block already starts with that heading), then
/// every block in order, interactive blocks as boxes.
pub fn render_section(section: &Section, width: u16, theme: &Theme) -> Text<'static> {
    render_section_in(section, width, theme, Lang::En)
}

/// [`render_section`] with the boxes' labels ("Quiz:", "퀴즈:") in `lang`,
/// the lesson's language.
pub fn render_section_in(
    section: &Section,
    width: u16,
    theme: &Theme,
    lang: Lang,
) -> Text<'static> {
    render_section_with(section, width, theme, lang, &mut |_, _, _| None).text
}

/// Where an interactive block landed in a rendered section.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BlockLines {
    /// Index of the block in [`Section::blocks`].
    pub index: usize,
    /// First line of the block in the rendered text, and how many lines.
    pub start: usize,
    pub len: usize,
}

/// A section rendered with some blocks drawn by the caller.
#[derive(Debug, Clone, Default)]
pub struct RenderedSection {
    /// The lines kept: all of them, or those of the window asked of
    /// [`render_section_window`], from line [`RenderedSection::first`] on.
    pub text: Text<'static>,
    /// The section's first line in `text`.
    pub first: usize,
    /// How many lines the whole section has.
    pub total: usize,
    /// Every interactive block (quiz, exercise, cluster, invalid), in order.
    pub blocks: Vec<BlockLines>,
    /// How many columns the widest clipped code line goes past its frame:
    /// how far [`CodeLines::Clip`] can usefully scroll.
    pub code_overflow: usize,
}

/// What draws a block instead of its marker box: called with the block's
/// index in [`Section::blocks`], the block and the width available; `None`
/// keeps the marker box. Lines wider than the width are cut.
pub type DrawBlock<'a> = dyn FnMut(usize, &Block, usize) -> Option<Vec<Line<'static>>> + 'a;

/// [`render_section`], asking `draw` first for each interactive block (the
/// interface draws live quizzes and exercises this way), and telling where
/// each block landed.
pub fn render_section_with(
    section: &Section,
    width: u16,
    theme: &Theme,
    lang: Lang,
    draw: &mut DrawBlock<'_>,
) -> RenderedSection {
    let w = Writer::new(theme, usize::from(width)).with_code_lines(CodeLines::Wrap);
    let (w, blocks) = write_section(w, section, theme, lang, draw);
    let code_overflow = w.code_overflow();
    let text = Text::from(w.finish());
    RenderedSection {
        code_overflow,
        first: 0,
        total: text.lines.len(),
        text,
        blocks,
    }
}

/// [`render_section_with`], code lines wider than their frame shown as
/// `code` says (the lesson pane cuts them and scrolls sideways), keeping
/// only the lines in `keep` (a window around what the lesson pane shows):
/// the whole section is laid out and streamed past, so a huge section
/// costs the memory of the window, while the blocks' positions, the total
/// and the overflow are those of the whole section.
pub fn render_section_window(
    section: &Section,
    width: u16,
    theme: &Theme,
    lang: Lang,
    code: CodeLines,
    draw: &mut DrawBlock<'_>,
    keep: std::ops::Range<usize>,
) -> RenderedSection {
    let mut kept = Vec::new();
    let mut total = 0;
    let mut sink = |line: Line<'static>| {
        if keep.contains(&total) {
            kept.push(line);
        }
        total += 1;
    };
    let w = Writer::streaming(theme, usize::from(width), &mut sink).with_code_lines(code);
    let (w, blocks) = write_section(w, section, theme, lang, draw);
    let code_overflow = w.code_overflow();
    w.finish();
    RenderedSection {
        text: Text::from(kept),
        first: keep.start.min(total),
        total,
        blocks,
        code_overflow,
    }
}

/// [`render_section_in`], each line handed to `sink` as soon as it is laid
/// out (a few hundred at a time), so a huge section is never held whole
/// (`kubetutor render` writes them straight to stdout). Long code lines
/// wrap, as in [`render_section`].
pub fn render_section_streamed(
    section: &Section,
    width: u16,
    theme: &Theme,
    lang: Lang,
    sink: &mut dyn FnMut(Line<'static>),
) {
    let w = Writer::streaming(theme, usize::from(width), sink);
    let (w, _) = write_section(w, section, theme, lang, &mut |_, _, _| None);
    w.finish();
}

fn write_section<'t>(
    mut w: Writer<'t>,
    section: &Section,
    theme: &Theme,
    lang: Lang,
    draw: &mut DrawBlock<'_>,
) -> (Writer<'t>, Vec<BlockLines>) {
    if !section.title.trim().is_empty() && !starts_with_title(section) {
        w.heading(2, section.title.trim());
    }
    let mut blocks = Vec::new();
    for (index, block) in section.blocks.iter().enumerate() {
        let avail = w.avail();
        if let Block::Markdown(md) = block {
            w.markdown(md);
            continue;
        }
        let lines = match draw(index, block, avail) {
            Some(lines) => lines
                .into_iter()
                .map(|l| crate::text::truncate_line(&l, avail).spans)
                .collect(),
            None => marker(block, avail, theme, lang),
        };
        let len = lines.len();
        w.block(lines);
        blocks.push(BlockLines {
            index,
            start: w.len() - len,
            len,
        });
    }
    (w, blocks)
}

fn marker(block: &Block, avail: usize, theme: &Theme, lang: Lang) -> Vec<Spans> {
    match block {
        Block::Markdown(_) => Vec::new(),
        Block::Quiz(q) => boxes::quiz(&q.value, avail, theme, lang),
        Block::Exercise(e) => boxes::exercise(&e.value, avail, theme, lang),
        Block::Cluster(c) => boxes::cluster(&c.value, avail, theme, lang),
        Block::Invalid {
            line,
            info,
            message,
        } => boxes::invalid(*line, info, message, avail, theme, lang),
    }
}

/// Inline Markdown (a question, a choice, a goal) as lines of spans in the
/// body text style: emphasis and code kept, not wrapped (one entry per hard
/// line break). Control characters are removed.
pub fn inline_markdown(markdown: &str, theme: &Theme) -> Vec<Vec<ratatui::text::Span<'static>>> {
    render_inline(markdown, theme.text, theme)
}

/// Inline Markdown as plain text on one line, its markup gone (a
/// scenario's description in command output: `` `fault node-down` `` reads
/// `fault node-down`).
pub fn inline_plain(markdown: &str) -> String {
    render_inline(markdown, Style::default(), &Theme::plain())
        .iter()
        .map(|line| line.iter().map(|s| s.content.as_ref()).collect::<String>())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Does the first Markdown block open with an ATX heading whose text is the
/// section title (a loader that keeps the `##` line in the body)?
fn starts_with_title(section: &Section) -> bool {
    let Some(Block::Markdown(md)) = section.blocks.first() else {
        return false;
    };
    let Some(first) = md.lines().find(|l| !l.trim().is_empty()) else {
        return false;
    };
    let first = first.trim();
    if !first.starts_with('#') {
        return false;
    }
    let text = first
        .trim_start_matches('#')
        .trim()
        .trim_end_matches('#')
        .trim();
    text == section.title.trim()
}
