//! A lesson section: its title, its Markdown, and a marker box for each
//! interactive block.

use super::boxes;
use super::theme::Theme;
use super::writer::Writer;
use crate::lesson::model::{Block, Section};
use ratatui::text::Text;

/// Renders `section` at `width` columns: the title as a level-2 heading
/// (unless the first Markdown block already starts with that heading), then
/// every block in order, interactive blocks as boxes.
pub fn render_section(section: &Section, width: u16, theme: &Theme) -> Text<'static> {
    let mut w = Writer::new(theme, usize::from(width));
    if !section.title.trim().is_empty() && !starts_with_title(section) {
        w.heading(2, section.title.trim());
    }
    for block in &section.blocks {
        let avail = w.avail();
        match block {
            Block::Markdown(md) => w.markdown(md),
            Block::Quiz(q) => w.block(boxes::quiz(&q.value, avail, theme)),
            Block::Exercise(e) => w.block(boxes::exercise(&e.value, avail, theme)),
            Block::Cluster(c) => w.block(boxes::cluster(&c.value, avail, theme)),
            Block::Invalid {
                line,
                info,
                message,
            } => w.block(boxes::invalid(*line, info, message, avail, theme)),
        }
    }
    Text::from(w.finish())
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
