//! Markdown to ratatui `Text`, laid out for a given width.
//!
//! [`render`] turns a Markdown document (CommonMark with GFM tables and
//! strikethrough, as parsed by pulldown-cmark) into lines no wider than the
//! width: headings, paragraphs, emphasis, inline code, links (text, then the
//! dimmed target), lists, block quotes, rules, images as `[image: alt]`,
//! highlighted and framed code blocks, and tables whose cells wrap.
//! [`render_section`] does the same for a lesson section, with boxes for its
//! quizzes, exercises and cluster steps.
//!
//! Every string that reaches the output goes through
//! [`crate::text::sanitize`], so no control character from a lesson can
//! reach the terminal. The result is already wrapped: draw it with a
//! non-wrapping `Paragraph`.

mod boxes;
mod code;
mod container;
mod frame;
mod highlight;
mod html;
mod inline;
mod section;
mod table;
mod theme;
mod writer;

pub use code::CodeLines;
pub use highlight::Language;
pub use section::{
    BlockLines, DrawBlock, RenderedSection, inline_markdown, inline_plain, render_section,
    render_section_in, render_section_streamed, render_section_window, render_section_with,
};
pub use theme::{Syntax, Theme};

use ratatui::text::{Line, Span, Text};

/// Renders `markdown` to lines at most `width` columns wide (a width of 0
/// is treated as 1).
pub fn render(markdown: &str, width: u16, theme: &Theme) -> Text<'static> {
    let mut w = writer::Writer::new(theme, usize::from(width));
    w.markdown(markdown);
    Text::from(w.finish())
}

/// [`render`], each line handed to `sink` as soon as it is laid out, so a
/// huge document is never held whole.
pub fn render_streamed(
    markdown: &str,
    width: u16,
    theme: &Theme,
    sink: &mut dyn FnMut(Line<'static>),
) {
    let mut w = writer::Writer::streaming(theme, usize::from(width), sink);
    w.markdown(markdown);
    w.finish();
}

/// Highlights source code in `language`, one line per source line, not
/// wrapped (for editors and views that scroll sideways).
pub fn highlight_code(code: &str, language: Language, theme: &Theme) -> Vec<Line<'static>> {
    let code = crate::text::sanitize(code);
    highlight::highlight(&code, language, theme)
        .into_iter()
        .map(|spans: Vec<Span<'static>>| Line::from(spans))
        .collect()
}
