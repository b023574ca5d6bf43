//! One pass of pulldown-cmark over a lesson body that finds what the loader
//! splits on: top-level headings (section boundaries) and the fenced
//! `quiz` / `exercise` / `cluster` blocks (wherever they are nested).
//! The Markdown parser decides, so a `##` line inside a code block or a
//! full-width `＃` line is text, and a fence inside a list item is a fence.

use super::source::SourceText;
use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag, TagEnd};

/// The Markdown extensions the loader parses with.
pub(crate) fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS
}

/// A heading outside any container (list, block quote).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Heading {
    /// 1 for `#` (or `===` underline), 2 for `##` (or `---` underline), ...
    pub level: u8,
    /// The heading's text without markup, trimmed.
    pub text: String,
    /// Byte range in the whole file text.
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FenceKind {
    Quiz,
    Exercise,
    Cluster,
}

impl FenceKind {
    fn from_info(info: &str) -> Option<FenceKind> {
        let word = info.split_whitespace().next()?;
        [FenceKind::Quiz, FenceKind::Exercise, FenceKind::Cluster]
            .into_iter()
            .find(|k| word.eq_ignore_ascii_case(k.name()))
    }

    pub(crate) fn name(self) -> &'static str {
        match self {
            FenceKind::Quiz => "quiz",
            FenceKind::Exercise => "exercise",
            FenceKind::Cluster => "cluster",
        }
    }
}

/// A fenced block the loader parses as YAML.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Fence {
    pub kind: FenceKind,
    /// Byte range in the whole file text, both fences included.
    pub start: usize,
    pub end: usize,
    /// The block's text with any container prefix (`> `, list indent) removed.
    pub content: String,
    /// The file line of the content's first line.
    pub content_line: usize,
    /// False when the block runs to the end of the document (or of its
    /// container) without a closing fence.
    pub closed: bool,
}

#[derive(Debug, Default)]
pub(crate) struct Scan {
    pub headings: Vec<Heading>,
    pub fences: Vec<Fence>,
}

/// Scan the body that starts at byte `body_start` of `source`.
pub(crate) fn scan(source: &SourceText<'_>, body_start: usize) -> Scan {
    let text = source.text();
    let body = &text[body_start..];
    let mut out = Scan::default();
    let mut depth = 0usize;
    let mut heading: Option<Heading> = None;
    let mut fence: Option<Fence> = None;
    for (event, range) in Parser::new_ext(body, options()).into_offset_iter() {
        let (start, end) = (body_start + range.start, body_start + range.end);
        match event {
            Event::Start(tag) => {
                match &tag {
                    Tag::Heading { level, .. } if depth == 0 => {
                        heading = Some(Heading {
                            level: *level as u8,
                            text: String::new(),
                            start,
                            end,
                        });
                    }
                    Tag::CodeBlock(CodeBlockKind::Fenced(info)) => {
                        fence = FenceKind::from_info(info).map(|kind| Fence {
                            kind,
                            start,
                            end,
                            content: String::new(),
                            content_line: source.line_of(start) + 1,
                            closed: is_closed(&text[start..end]),
                        });
                    }
                    _ => {}
                }
                depth += 1;
            }
            Event::End(tag) => {
                depth = depth.saturating_sub(1);
                match tag {
                    TagEnd::Heading(_) => {
                        if let Some(mut h) = heading.take() {
                            h.text = h.text.trim().to_string();
                            out.headings.push(h);
                        }
                    }
                    TagEnd::CodeBlock => out.fences.extend(fence.take()),
                    _ => {}
                }
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some(h) = heading.as_mut() {
                    h.text.push_str(&t);
                } else if let Some(f) = fence.as_mut() {
                    if f.content.is_empty() {
                        f.content_line = source.line_of(start);
                    }
                    f.content.push_str(&t);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(h) = heading.as_mut() {
                    h.text.push(' ');
                }
            }
            _ => {}
        }
    }
    out
}

/// Whether a fenced block's source ends with a closing fence line: after any
/// indentation and block-quote markers, three or more backticks or tildes.
fn is_closed(block: &str) -> bool {
    let mut lines = block.trim_end().lines();
    lines.next();
    let Some(last) = lines.next_back() else {
        return false;
    };
    let bare = last.trim_start_matches(|c: char| c == '>' || c.is_whitespace());
    let bare = bare.trim_end();
    bare.len() >= 3 && (bare.bytes().all(|b| b == b'`') || bare.bytes().all(|b| b == b'~'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan_text(text: &str) -> Scan {
        scan(&SourceText::new(text), 0)
    }

    #[test]
    fn headings_in_code_and_full_width_hash_are_text() {
        let s = scan_text(
            "# Title\n\n```\n## not a heading\n```\n\n＃ not either\n\n## Real **one**\n",
        );
        let found: Vec<(u8, &str)> = s
            .headings
            .iter()
            .map(|h| (h.level, h.text.as_str()))
            .collect();
        assert_eq!(found, vec![(1, "Title"), (2, "Real one")]);
    }

    #[test]
    fn headings_inside_containers_are_not_section_boundaries() {
        let s = scan_text("> ## quoted\n\n- ## in a list\n\n## top\n");
        assert_eq!(s.headings.len(), 1);
        assert_eq!(s.headings[0].text, "top");
    }

    #[test]
    fn fences_inside_lists_are_found_with_their_lines() {
        let text = "intro\n\n1. step\n\n   ```quiz\n   id: q\n   kind: text\n   ```\n";
        let s = scan_text(text);
        assert_eq!(s.fences.len(), 1);
        let f = &s.fences[0];
        assert_eq!(f.kind, FenceKind::Quiz);
        assert_eq!(f.content, "id: q\nkind: text\n");
        assert_eq!(f.content_line, 6);
        assert!(f.closed);
        assert_eq!(&text[f.start..f.start + 7], "```quiz");
    }

    #[test]
    fn other_fences_are_ignored_and_unclosed_ones_noticed() {
        let s = scan_text("```yaml\na: 1\n```\n\n~~~ Cluster extra words\nscenario: x\n");
        assert_eq!(s.fences.len(), 1);
        assert_eq!(s.fences[0].kind, FenceKind::Cluster);
        assert!(!s.fences[0].closed);
    }

    #[test]
    fn closing_fence_detection() {
        assert!(is_closed("```quiz\na\n```\n"));
        assert!(is_closed("> ```quiz\n> a\n> ````"));
        assert!(!is_closed("```quiz\n"));
        assert!(!is_closed("```quiz\na: 1\n"));
    }
}
