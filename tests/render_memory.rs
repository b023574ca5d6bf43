//! Memory of `kubetutor render` on a huge table, counted by the allocator
//! (peak heap bytes), not timed: the lines are streamed, so what rendering
//! holds beyond the Markdown parser's own tree is one row at a time.
//!
//! One test per binary: the allocator's peak is for the whole process.

use cap::Cap;
use kubetutor::markdown::{Theme, render_streamed};
use pulldown_cmark::{Event, Options, Parser, TagEnd};
use std::alloc::System;

#[global_allocator]
static ALLOCATOR: Cap<System> = Cap::new(System, usize::MAX);

const MB: usize = 1 << 20;

fn table(rows: usize) -> String {
    let mut out = String::from("| n | phase | node |\n|---:|:---:|---|\n");
    for i in 0..rows {
        out.push_str(&format!("| {i} | **Running** | `node-{}` |\n", i % 7));
    }
    out
}

/// Before the table was measured in a first pass and drawn row by row,
/// every cell was kept until the table ended: 100,000 rows held some
/// 40 MB more than the parser, 1,000,000 rows 2.1 GB in all.
#[test]
fn a_100k_row_table_streams_in_the_parsers_memory_and_one_row() {
    let md = table(100_000);
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let base = ALLOCATOR.allocated();
    // The parser alone, for reference: its tree of the whole table.
    assert_eq!(
        Parser::new_ext(&md, options)
            .filter(|e| matches!(e, Event::End(TagEnd::TableRow)))
            .count(),
        100_000
    );
    let parser = ALLOCATOR.max_allocated() - base;
    assert!(parser > 5 * MB, "the parser's tree: {parser} bytes");

    let theme = Theme::plain();
    let (mut lines, mut last) = (0usize, String::new());
    render_streamed(&md, 80, &theme, &mut |line| {
        lines += 1;
        last = line.spans.iter().map(|s| s.content.as_ref()).collect();
    });
    // Top rule, header, header rule, every row, bottom rule.
    assert_eq!(lines, 100_004);
    assert_eq!(last, "└───────┴─────────┴────────┘");
    let render = ALLOCATOR.max_allocated() - base;
    assert!(
        render <= parser + 2 * MB,
        "rendering peaked at {} MB, the parser alone at {} MB",
        render / MB,
        parser / MB
    );
}
