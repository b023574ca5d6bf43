//! Block quotes and list items: the prefixes they put before each line
//! (`│ ` bars, list markers and hanging indents), nested.

use super::inline::Spans;
use super::theme::Theme;
use crate::text::{grapheme_width, width};
use ratatui::text::Span;
use unicode_segmentation::UnicodeSegmentation;

/// Bullets of unordered lists, by nesting depth.
const BULLETS: [&str; 3] = ["•", "◦", "▪"];

struct Container {
    /// The prefix of the item's first line (its marker); the same as `rest`
    /// for a quote.
    first: Spans,
    rest: Spans,
    is_item: bool,
    marker_shown: bool,
    has_content: bool,
}

#[derive(Default)]
pub(crate) struct Containers {
    stack: Vec<Container>,
}

impl Containers {
    pub(crate) fn push_quote(&mut self, theme: &Theme) {
        let bar = vec![Span::styled("│ ", theme.quote_bar)];
        self.stack.push(Container {
            first: bar.clone(),
            rest: bar,
            is_item: false,
            marker_shown: true,
            has_content: false,
        });
    }

    /// A list item: `number` for ordered lists, the bullet of `depth`
    /// (0-based nesting of lists) otherwise.
    pub(crate) fn push_item(&mut self, number: Option<u64>, depth: usize, theme: &Theme) {
        let marker = match number {
            Some(n) => format!("{n}."),
            None => BULLETS[depth % BULLETS.len()].to_string(),
        };
        let indent = " ".repeat(width(&marker) + 1);
        self.stack.push(Container {
            first: vec![Span::styled(marker, theme.list_marker), Span::raw(" ")],
            rest: vec![Span::raw(indent)],
            is_item: true,
            marker_shown: false,
            has_content: false,
        });
    }

    /// Pops the innermost container; true when it was an item whose marker
    /// was never drawn (an empty item).
    pub(crate) fn pop(&mut self) -> bool {
        self.stack
            .pop()
            .is_some_and(|c| c.is_item && !c.marker_shown)
    }

    pub(crate) fn in_quote(&self) -> bool {
        self.stack.iter().any(|c| !c.is_item)
    }

    pub(crate) fn top_is_item(&self) -> bool {
        self.stack.last().is_some_and(|c| c.is_item)
    }

    /// Nothing has been drawn yet inside the innermost container (`None`
    /// at the top level).
    pub(crate) fn fresh(&self) -> Option<bool> {
        self.stack.last().map(|c| !c.has_content)
    }

    /// Total width of the prefixes.
    pub(crate) fn width(&self) -> usize {
        self.stack
            .iter()
            .map(|c| c.rest.iter().map(|s| width(&s.content)).sum::<usize>())
            .sum()
    }

    /// The prefix of the next line, at most `limit` columns wide (cut on
    /// the right when the pane is too narrow for the nesting). A content
    /// line shows pending list markers; a blank line never does and has no
    /// trailing spaces.
    pub(crate) fn prefix(&mut self, limit: usize, blank: bool) -> Spans {
        let mut spans = Vec::new();
        for c in &mut self.stack {
            if !blank && !c.marker_shown {
                c.marker_shown = true;
                spans.extend(c.first.iter().cloned());
            } else {
                spans.extend(c.rest.iter().cloned());
            }
            if !blank {
                c.has_content = true;
            }
        }
        let mut spans = cut(spans, limit);
        if blank {
            while let Some(last) = spans.last_mut() {
                let trimmed = last.content.trim_end().to_string();
                if trimmed.is_empty() {
                    spans.pop();
                } else {
                    last.content = trimmed.into();
                    break;
                }
            }
        }
        spans
    }
}

/// Keeps at most `limit` columns of `spans`.
fn cut(spans: Spans, limit: usize) -> Spans {
    let mut used = 0;
    let mut out = Vec::with_capacity(spans.len());
    for span in spans {
        let w = width(&span.content);
        if used + w <= limit {
            used += w;
            out.push(span);
            continue;
        }
        let mut kept = String::new();
        for g in span.content.graphemes(true) {
            let gw = grapheme_width(g);
            if used + gw > limit {
                break;
            }
            used += gw;
            kept.push_str(g);
        }
        if !kept.is_empty() {
            out.push(Span::styled(kept, span.style));
        }
        break;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(spans: &Spans) -> String {
        spans.iter().map(|s| s.content.as_ref()).collect()
    }

    #[test]
    fn marker_on_first_line_then_hanging_indent() {
        let theme = Theme::plain();
        let mut c = Containers::default();
        c.push_quote(&theme);
        c.push_item(Some(12), 0, &theme);
        assert_eq!(c.width(), 6);
        assert_eq!(text(&c.prefix(80, false)), "│ 12. ");
        assert_eq!(text(&c.prefix(80, false)), "│     ");
        assert_eq!(text(&c.prefix(80, true)), "│");
        assert!(!c.pop());
    }

    #[test]
    fn empty_item_is_reported_and_bullets_follow_depth() {
        let theme = Theme::plain();
        let mut c = Containers::default();
        c.push_item(None, 1, &theme);
        assert_eq!(c.fresh(), Some(true));
        assert!(c.pop());
        c.push_item(None, 3, &theme);
        assert_eq!(text(&c.prefix(80, false)), "• ");
        assert_eq!(c.fresh(), Some(false));
    }

    #[test]
    fn prefix_is_cut_to_the_limit() {
        let theme = Theme::plain();
        let mut c = Containers::default();
        c.push_quote(&theme);
        c.push_quote(&theme);
        c.push_item(None, 0, &theme);
        assert_eq!(text(&c.prefix(3, false)), "│ │");
        assert_eq!(text(&c.prefix(0, false)), "");
    }
}
