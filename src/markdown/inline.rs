//! Inline content: text with emphasis, code, links and images, collected as
//! logical lines of styled spans (split only at hard breaks and `<br>`);
//! the block that owns it wraps them to its width.

use super::html;
use super::theme::Theme;
use crate::text::sanitize;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use ratatui::style::Style;
use ratatui::text::Span;

/// One logical line: the spans between two hard breaks.
pub(crate) type Spans = Vec<Span<'static>>;

struct Link {
    target: String,
    /// The link's text as written, to compare with the target.
    text: String,
}

/// An image being read: its alt text arrives as text events.
struct Image {
    alt: String,
    target: String,
    /// Images nested in the alt text (their own markup is dropped).
    depth: usize,
}

pub(crate) struct Inline {
    lines: Vec<Spans>,
    styles: Vec<Style>,
    links: Vec<Link>,
    image: Option<Image>,
}

impl Inline {
    pub(crate) fn new(base: Style) -> Self {
        Inline {
            lines: vec![Vec::new()],
            styles: vec![base],
            links: Vec::new(),
            image: None,
        }
    }

    fn style(&self) -> Style {
        *self.styles.last().unwrap_or(&Style::new())
    }

    fn push(&mut self, text: &str, style: Style) {
        if text.is_empty() {
            return;
        }
        let text = sanitize(text);
        for link in &mut self.links {
            link.text.push_str(&text);
        }
        let line = self.lines.last_mut().expect("always one line");
        if let Some(last) = line.last_mut()
            && last.style == style
        {
            last.content.to_mut().push_str(&text);
        } else {
            line.push(Span::styled(text.into_owned(), style));
        }
    }

    pub(crate) fn text(&mut self, text: &str) {
        if let Some(image) = &mut self.image {
            image.alt.push_str(&sanitize(text));
            return;
        }
        self.push(text, self.style());
    }

    pub(crate) fn code(&mut self, code: &str, theme: &Theme) {
        if self.image.is_some() {
            return self.text(code);
        }
        self.push(code, self.style().patch(theme.code_inline));
    }

    pub(crate) fn soft_break(&mut self) {
        self.text(" ");
    }

    pub(crate) fn hard_break(&mut self) {
        if let Some(image) = &mut self.image {
            image.alt.push(' ');
            return;
        }
        self.lines.push(Vec::new());
    }

    /// Inline HTML: `<br>` is a line break; comments and every other tag
    /// are markup and disappear (the text between tags arrives as text).
    pub(crate) fn html(&mut self, raw: &str) {
        let breaks = html::line_breaks(raw);
        for _ in 0..breaks {
            self.hard_break();
        }
    }

    pub(crate) fn push_style(&mut self, patch: Style) {
        let style = self.style().patch(patch);
        self.styles.push(style);
    }

    pub(crate) fn pop_style(&mut self) {
        if self.styles.len() > 1 {
            self.styles.pop();
        }
    }

    pub(crate) fn begin_link(&mut self, target: &str, theme: &Theme) {
        self.links.push(Link {
            target: sanitize(target).into_owned(),
            text: String::new(),
        });
        self.push_style(theme.link);
    }

    /// Ends a link: its target follows in parentheses, dimmed, unless the
    /// text already says it or it points inside the page (`#anchor`).
    pub(crate) fn end_link(&mut self, theme: &Theme) {
        self.pop_style();
        let Some(link) = self.links.pop() else { return };
        let target = link.target.trim();
        let same =
            target == link.text || target.strip_prefix("mailto:") == Some(link.text.as_str());
        if same || target.is_empty() || target.starts_with('#') {
            return;
        }
        let style = self.style().patch(theme.link_target);
        self.push(" (", style);
        self.push(target, style);
        self.push(")", style);
    }

    pub(crate) fn begin_image(&mut self, target: &str) {
        match &mut self.image {
            Some(image) => image.depth += 1,
            None => {
                self.image = Some(Image {
                    alt: String::new(),
                    target: sanitize(target).into_owned(),
                    depth: 0,
                })
            }
        }
    }

    /// Ends an image: it shows as `[image: alt]` (the file name when there
    /// is no alt text).
    pub(crate) fn end_image(&mut self, theme: &Theme) {
        match &mut self.image {
            Some(image) if image.depth > 0 => image.depth -= 1,
            Some(_) => {
                let Some(image) = self.image.take() else {
                    return;
                };
                let alt = image.alt.split_whitespace().collect::<Vec<_>>().join(" ");
                let shown = if alt.is_empty() {
                    image.target.trim()
                } else {
                    &alt
                };
                let label = if shown.is_empty() {
                    "[image]".to_string()
                } else {
                    format!("[image: {shown}]")
                };
                self.push(&label, self.style().patch(theme.image));
            }
            None => {}
        }
    }

    /// The logical lines, with the spaces around hard breaks trimmed and
    /// trailing empty lines dropped. Always at least one line.
    pub(crate) fn finish(mut self) -> Vec<Spans> {
        for line in &mut self.lines {
            trim_line(line);
        }
        while self.lines.len() > 1 && self.lines.last().is_some_and(Vec::is_empty) {
            self.lines.pop();
        }
        self.lines
    }
}

fn trim_line(line: &mut Spans) {
    while let Some(first) = line.first_mut() {
        let trimmed = first.content.trim_start_matches(' ');
        if trimmed.is_empty() {
            line.remove(0);
        } else {
            first.content = trimmed.to_string().into();
            break;
        }
    }
    while let Some(last) = line.last_mut() {
        let trimmed = last.content.trim_end_matches(' ');
        if trimmed.is_empty() {
            line.pop();
        } else {
            last.content = trimmed.to_string().into();
            break;
        }
    }
}

/// Renders a short piece of Markdown (a question, a choice, a goal) as
/// inline content only: block structure becomes line breaks.
pub(crate) fn render_inline(markdown: &str, base: Style, theme: &Theme) -> Vec<Spans> {
    let mut inline = Inline::new(base);
    let mut started = false;
    for event in Parser::new_ext(markdown, Options::ENABLE_STRIKETHROUGH) {
        match event {
            Event::Start(tag) => match tag {
                Tag::Emphasis => inline.push_style(theme.emphasis),
                Tag::Strong => inline.push_style(theme.strong),
                Tag::Strikethrough => inline.push_style(theme.strikethrough),
                Tag::Link { dest_url, .. } => inline.begin_link(&dest_url, theme),
                Tag::Image { dest_url, .. } => inline.begin_image(&dest_url),
                _ => {
                    if started {
                        inline.hard_break();
                    }
                }
            },
            Event::End(tag) => match tag {
                TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough => inline.pop_style(),
                TagEnd::Link => inline.end_link(theme),
                TagEnd::Image => inline.end_image(theme),
                _ => {}
            },
            Event::Text(t) => {
                started = true;
                for (i, part) in t.split('\n').enumerate() {
                    if i > 0 {
                        inline.hard_break();
                    }
                    inline.text(part);
                }
            }
            Event::Code(c) => {
                started = true;
                inline.code(&c, theme);
            }
            Event::SoftBreak => inline.soft_break(),
            Event::HardBreak => inline.hard_break(),
            Event::InlineHtml(h) | Event::Html(h) => inline.html(&h),
            _ => {}
        }
    }
    inline.finish()
}
