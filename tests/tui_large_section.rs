//! A section far longer than any screen: the lesson pane keeps only the
//! lines around what it shows (counted, not timed), and scrolling through
//! it shows every part of it as before.

#[path = "support/tui.rs"]
mod support;

use kubetutor::lang::Lang;
use kubetutor::lesson::catalog::Catalog;
use kubetutor::tui::action::Action;
use kubetutor::tui::app::{App, WINDOW_MARGIN};

const ROWS: usize = 100_000;

fn big_app(dir: &std::path::Path) -> App {
    let mut md = String::from(
        "---\nid: big\ntitle: Big table\norder: 1\n---\n\n# Big table\n\nOne huge table.\n\n\
         ## The table\n\n| n | phase |\n|---:|---|\n",
    );
    for i in 0..ROWS {
        md.push_str(&format!("| {i} | Running |\n"));
    }
    md.push_str("\n## After\n\nDone.\n");
    std::fs::create_dir_all(dir.join("en")).unwrap();
    std::fs::write(dir.join("en/01-big.md"), md).unwrap();
    let catalog = Catalog::from_dir(dir).expect("the lesson loads");
    support::app_of(catalog, "big", Lang::En)
}

fn screen(app: &mut App) -> String {
    support::screen(app, 100, 30)
}

/// What the lesson pane holds after the last frame: lines kept, the
/// first of them, and the section's total.
fn kept(app: &mut App) -> (usize, usize, usize) {
    let (width, rows) = app.lesson_size;
    let view = app.lesson_view(width, rows);
    (view.text.lines.len(), view.first, view.total)
}

#[test]
fn a_100k_row_section_keeps_only_the_lines_around_the_pane() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = big_app(dir.path());
    app.apply(Action::NextSection);

    let s = screen(&mut app);
    assert!(s.contains("│     n │ phase   │"), "{s}");
    assert!(s.contains("│     0 │ Running │"), "{s}");
    let rows = app.lesson_size.1;
    // Title, its rule, a blank, the top rule, header, header rule, the
    // rows, the bottom rule.
    let total = 3 + 3 + ROWS + 1;
    assert_eq!(app.geometry.lesson_lines, total);
    // Before, the whole section (100,007 lines) was kept laid out.
    assert_eq!(kept(&mut app), (rows + WINDOW_MARGIN, 0, total));

    app.apply(Action::Bottom);
    let s = screen(&mut app);
    assert!(s.contains("│ 99999 │ Running │"), "{s}");
    assert!(s.contains("└───────┴─────────┘"), "{s}");
    assert_eq!(app.scroll, total - rows);
    assert_eq!(
        kept(&mut app),
        (WINDOW_MARGIN + rows, total - rows - WINDOW_MARGIN, total)
    );

    // Back up a page: still inside the kept lines, nothing laid out again.
    app.apply(Action::PageUp);
    let s = screen(&mut app);
    let last = total - rows - (rows - 1);
    assert_eq!(app.scroll, last);
    // Section line k shows table row k - 6.
    assert!(s.contains(&format!("│ {:>5} │ Running │", last - 6)), "{s}");
    assert_eq!(kept(&mut app).1, total - rows - WINDOW_MARGIN);

    app.apply(Action::Top);
    let s = screen(&mut app);
    assert!(s.contains("The table"), "{s}");
    assert_eq!(kept(&mut app), (rows + WINDOW_MARGIN, 0, total));
}
