//! One lesson file to a [`Lesson`]: front matter, the title, sections split
//! at headings, and the interactive blocks inside them. Pure: text in,
//! lesson and problems out; reading files is the catalog's work.

use super::blocks;
use super::front_matter::{self, FrontMatter};
use super::model::{Block, Lesson, LoadError, Section};
use super::scan::{self, Heading};
use super::source::{Problem, SourceText};
use crate::lang::Lang;

/// Parse one lesson file. `path` is used in messages and to derive the id
/// when the front matter has none; `default_lang` applies when the front
/// matter names no `lang`.
///
/// Returns `None` (with the reason in the errors) only when the file cannot
/// give a lesson at all: broken front matter, or no content. A broken block
/// becomes `Block::Invalid` and the rest of the lesson still loads.
pub fn parse_lesson(
    path: &str,
    text: &str,
    default_lang: Lang,
) -> (Option<Lesson>, Vec<LoadError>) {
    let source = SourceText::new(text);
    let mut problems = Vec::new();
    let lesson = build(path, &source, default_lang, &mut problems);
    let errors = problems
        .into_iter()
        .map(|p| LoadError {
            path: path.to_string(),
            line: p.line,
            message: p.message,
        })
        .collect();
    (lesson, errors)
}

fn build(
    path: &str,
    source: &SourceText<'_>,
    default_lang: Lang,
    problems: &mut Vec<Problem>,
) -> Option<Lesson> {
    let split = front_matter::split(source)
        .map_err(|p| problems.push(p))
        .ok()?;
    let fm = match split.yaml {
        None => FrontMatter::default(),
        Some((yaml, line)) => {
            let (fm, found) = front_matter::parse(yaml, line)
                .map_err(|p| problems.push(p))
                .ok()?;
            problems.extend(found);
            fm
        }
    };
    let scan = scan::scan(source, split.body_start);
    let top: Vec<&Heading> = scan.headings.iter().filter(|h| h.level <= 2).collect();
    // The title heading: a `#` heading that comes before any section heading.
    let title_heading = top.first().copied().filter(|h| h.level == 1);
    let id = fm.id.clone().unwrap_or_else(|| id_from_path(path));
    let title = fm
        .title
        .clone()
        .or_else(|| title_heading.map(|h| h.text.clone()))
        .or_else(|| scan.headings.first().map(|h| h.text.clone()))
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| id.clone());

    let mut cuts = Cuts::new(source, &scan, title_heading, problems);
    let boundaries: Vec<&Heading> = top
        .iter()
        .copied()
        .filter(|h| title_heading.is_none_or(|t| t.start != h.start))
        .collect();
    let text_end = source.text().len();
    let mut sections = Vec::new();
    let intro_end = boundaries.first().map_or(text_end, |h| h.start);
    let intro_blocks = cuts.blocks(split.body_start, intro_end);
    if !is_empty(&intro_blocks) {
        let first = first_content_line(source, split.body_start, intro_end, title_heading);
        sections.push(Section {
            title: title.clone(),
            line: first,
            blocks: intro_blocks,
        });
    }
    for (i, h) in boundaries.iter().enumerate() {
        let end = boundaries.get(i + 1).map_or(text_end, |next| next.start);
        sections.push(Section {
            title: h.text.clone(),
            line: source.line_of(h.start),
            blocks: cuts.blocks(h.end, end),
        });
    }
    while sections.last().is_some_and(|s| is_empty(&s.blocks)) {
        sections.pop();
    }
    if sections.is_empty() {
        let last = source.text().len().saturating_sub(1);
        problems.push(Problem::new(
            source.line_of(split.body_start.min(last)),
            "the lesson has no content: write some text after the title",
        ));
        return None;
    }
    Some(Lesson {
        id,
        lang: fm.lang.unwrap_or(default_lang),
        title,
        order: fm.order,
        summary: fm.summary,
        parent: fm.parent,
        path: path.to_string(),
        sections,
    })
}

/// Cuts a byte range of the body into blocks: Markdown between the
/// interactive fences, each fence parsed, the title heading left out.
struct Cuts<'a, 's> {
    source: &'a SourceText<'s>,
    /// Fences and the title heading, in file order: (start, end, fence index).
    marks: Vec<(usize, usize, Option<usize>)>,
    scan: &'a scan::Scan,
    problems: &'a mut Vec<Problem>,
}

impl<'a, 's> Cuts<'a, 's> {
    fn new(
        source: &'a SourceText<'s>,
        scan: &'a scan::Scan,
        title: Option<&Heading>,
        problems: &'a mut Vec<Problem>,
    ) -> Self {
        let mut marks: Vec<(usize, usize, Option<usize>)> = scan
            .fences
            .iter()
            .enumerate()
            .map(|(i, f)| (f.start, f.end, Some(i)))
            .collect();
        if let Some(t) = title {
            marks.push((t.start, t.end, None));
        }
        marks.sort_by_key(|m| m.0);
        Cuts {
            source,
            marks,
            scan,
            problems,
        }
    }

    fn blocks(&mut self, start: usize, end: usize) -> Vec<Block> {
        let text = self.source.text();
        let mut blocks = Vec::new();
        let mut at = start;
        let first = self.marks.partition_point(|m| m.0 < start);
        let count = self.marks[first..].partition_point(|m| m.0 < end);
        for i in first..first + count {
            let (m_start, m_end, fence) = self.marks[i];
            // A fence nested in a list or quote starts mid-line: the
            // Markdown before it stops at the start of that line.
            let cut = self.source.line_start_of(m_start).max(at);
            push_markdown(&mut blocks, &text[at..cut]);
            if let Some(i) = fence {
                let f = &self.scan.fences[i];
                let (block, found) = blocks::parse(f, self.source.line_of(f.start));
                self.problems.extend(found);
                blocks.push(block);
            }
            at = m_end.min(end).max(at);
        }
        push_markdown(&mut blocks, &text[at..end]);
        blocks
    }
}

fn push_markdown(blocks: &mut Vec<Block>, text: &str) {
    let trimmed = trim_blank_lines(text);
    if !trimmed.is_empty() {
        blocks.push(Block::Markdown(trimmed.to_string()));
    }
}

/// Drop whole blank lines at the start (indentation of the first real line
/// is kept: it may be an indented code block) and whitespace at the end.
fn trim_blank_lines(text: &str) -> &str {
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        if !line.trim().is_empty() {
            break;
        }
        start += line.len();
    }
    text[start..].trim_end()
}

/// A thematic break line (`---`, `***`, `___`, spaces allowed between).
fn is_rule(line: &str) -> bool {
    let bare: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    let Some(first) = bare.chars().next() else {
        return false;
    };
    matches!(first, '-' | '*' | '_')
        && bare.len() >= 3
        && bare.chars().all(|c| c == first)
        && line.len() - line.trim_start().len() < 4
}

/// A section is empty when it holds nothing but blank lines and rules.
fn is_empty(blocks: &[Block]) -> bool {
    blocks.iter().all(|b| match b {
        Block::Markdown(m) => m.lines().all(|l| l.trim().is_empty() || is_rule(l)),
        _ => false,
    })
}

/// The line of the first non-blank text in a byte range, skipping the title
/// heading.
fn first_content_line(
    source: &SourceText<'_>,
    start: usize,
    end: usize,
    title: Option<&Heading>,
) -> usize {
    let text = source.text();
    let mut at = start;
    for line in text[start..end].split_inclusive('\n') {
        let in_title = title.is_some_and(|t| at >= t.start && at < t.end);
        if !in_title && !line.trim().is_empty() {
            return source.line_of(at);
        }
        at += line.len();
    }
    source.line_of(start)
}

/// The id a file gets when its front matter has none: the file name without
/// its extension, a `.ko`/`.en` language suffix and a numeric prefix
/// (`15-pod-phases.md` → `pod-phases`).
pub fn id_from_path(path: &str) -> String {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    let stem = name
        .rsplit_once('.')
        .filter(|(stem, ext)| !stem.is_empty() && is_lesson_extension(ext))
        .map_or(name, |(stem, _)| stem);
    let stem = [".ko", ".en"]
        .iter()
        .find_map(|suffix| stem.strip_suffix(suffix).filter(|s| !s.is_empty()))
        .unwrap_or(stem);
    let digits = stem.len() - stem.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits > 0 {
        let rest = &stem[digits..];
        if let Some(rest) = rest.strip_prefix(['-', '_', '.', ' '])
            && !rest.is_empty()
        {
            return rest.to_string();
        }
    }
    stem.to_string()
}

/// `.md` and `.markdown`, in any case.
pub fn is_lesson_extension(ext: &str) -> bool {
    ext.eq_ignore_ascii_case("md") || ext.eq_ignore_ascii_case("markdown")
}
