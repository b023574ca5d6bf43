//! Memory of `kubetutor render` on a huge fenced code block, counted by the
//! allocator (peak heap bytes), not timed: the block's text is read where it
//! stands in the Markdown source and its lines are streamed, so rendering
//! holds the parser's own tree and a few lines, not a copy of the block.
//!
//! One test per binary: the allocator's peak is for the whole process.

use cap::Cap;
use kubetutor::markdown::{Theme, render_streamed};
use pulldown_cmark::{Event, Options, Parser};
use std::alloc::System;

#[global_allocator]
static ALLOCATOR: Cap<System> = Cap::new(System, usize::MAX);

const KB: usize = 1 << 10;

fn code_block(size: usize) -> String {
    let mut out = String::from("```yaml\n");
    let mut i = 0;
    while out.len() < size {
        out.push_str(&format!("key{i}: value {i} some text here\n"));
        i += 1;
    }
    out.push_str("```\n");
    out
}

/// Before, the block's text was gathered into a string of its own as the
/// parser handed it over: 4 MB of code held 4 to 8 MB
/// more than the parser.
#[test]
fn a_4mb_code_block_renders_in_the_parsers_memory_and_a_few_lines() {
    let md = code_block(4 << 20);
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let base = ALLOCATOR.allocated();
    // The parser alone, for reference.
    let text: usize = Parser::new_ext(&md, options)
        .map(|e| match e {
            Event::Text(t) => t.len(),
            _ => 0,
        })
        .sum();
    assert_eq!(text, md.len() - "```yaml\n```\n".len());
    let parser = ALLOCATOR.max_allocated() - base;

    let theme = Theme::colored();
    let (mut lines, mut last) = (0usize, String::new());
    render_streamed(&md, 80, &theme, &mut |line| {
        lines += 1;
        last = line.spans.iter().map(|s| s.content.as_ref()).collect();
    });
    // The frame's top and bottom, and one row per line of code.
    assert_eq!(lines, md.lines().count());
    assert!(last.starts_with("╰──") && last.ends_with("╯"), "{last}");
    let render = ALLOCATOR.max_allocated() - base;
    assert!(
        render <= parser + 512 * KB,
        "rendering peaked at {} KB, the parser alone at {} KB",
        render / KB,
        parser / KB
    );
}
