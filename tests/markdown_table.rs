//! GFM tables: the five-phase pod table at several widths, `<br>` in cells,
//! inline styles, alignment, narrow panes.
//! (Phases as in https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-phase)

mod markdown_support;

use kubetutor::markdown::{Theme, render};
use kubetutor::text::width;
use markdown_support::*;
use ratatui::style::Modifier;

const PHASE_NAMES: [&str; 5] = ["Pending", "Running", "Succeeded", "Failed", "Unknown"];

fn phases_at(w: u16) -> String {
    let text = render(PHASES, w, &Theme::plain());
    assert_fits(&text, usize::from(w));
    let out = plain(&text);
    assert!(!out.contains("<br>"), "literal <br> at {w}");
    assert!(!out.contains("**"), "literal ** at {w}");
    out
}

#[test]
fn phase_table_at_120_columns() {
    insta::assert_snapshot!(phases_at(120));
}

#[test]
fn phase_table_at_60_columns() {
    insta::assert_snapshot!(phases_at(60));
}

#[test]
fn phase_table_at_30_columns() {
    insta::assert_snapshot!(phases_at(30));
}

#[test]
fn phase_table_at_10_columns_still_renders() {
    let out = phases_at(10);
    for phase in PHASE_NAMES {
        assert!(out.contains(phase), "{phase} missing");
    }
}

/// "Reads well at 60": a grid (not the stacked fallback), every phase name
/// whole on one line, every bullet starting its own line, and no cell word
/// broken in the middle.
#[test]
fn phase_table_reads_well_at_60() {
    let text = render(PHASES, 60, &Theme::plain());
    let rows = lines(&text);
    assert!(rows[0].starts_with('┌') && rows[0].ends_with('┐'));
    assert!(rows.iter().all(|r| width(r) == 60), "{rows:#?}");
    for phase in PHASE_NAMES {
        assert!(
            rows.iter().any(|r| r.starts_with(&format!("│ {phase} "))),
            "{phase}"
        );
    }
    let bullets = rows.iter().filter(|r| r.contains("│ • ")).count();
    assert_eq!(bullets, 6, "{rows:#?}");
    let source_words: Vec<String> = PHASES
        .split(|c: char| c.is_whitespace() || c == '|')
        .map(|w| w.replace("**", "").replace('`', ""))
        .collect();
    for row in &rows[1..rows.len() - 1] {
        for cell in row.split(['│', '╞', '╪', '╡', '├', '┼', '┤']) {
            for word in cell.split_whitespace() {
                if word.chars().all(|c| "═─".contains(c)) {
                    continue;
                }
                assert!(
                    source_words.iter().any(|w| w == word),
                    "{word:?} is not a whole word of the source"
                );
            }
        }
    }
}

#[test]
fn bold_in_cells_is_styled_and_the_header_too() {
    let theme = Theme::colored();
    let text = render(PHASES, 60, &theme);
    let spans: Vec<_> = text.lines.iter().flat_map(|l| &l.spans).collect();
    let pending = spans
        .iter()
        .find(|s| s.content == "Pending")
        .expect("Pending");
    assert!(pending.style.add_modifier.contains(Modifier::BOLD));
    let header = spans
        .iter()
        .find(|s| s.content.contains("자세히"))
        .expect("header");
    assert_eq!(header.style, theme.text.patch(theme.table_header));
    let border = spans.iter().find(|s| s.content == "│").expect("border");
    assert_eq!(border.style, theme.table_border);
}

#[test]
fn centered_column_is_centered() {
    let text = render(PHASES, 120, &Theme::plain());
    let row = lines(&text)
        .into_iter()
        .find(|r| r.contains("Running"))
        .expect("Running row");
    let cell = row.split('│').nth(2).expect("second cell");
    let before = cell.len() - cell.trim_start().len();
    let after = cell.len() - cell.trim_end().len();
    assert!(before.abs_diff(after) <= 1, "{cell:?}");
    assert!(cell.contains("도는 중"));
}

#[test]
fn right_alignment_and_inline_markup_in_cells() {
    let md = "| name | count |\n|:--|--:|\n| `web` | **3** |\n| [docs](https://k8s.io) | 12 |\n";
    let theme = Theme::colored();
    let text = render(md, 40, &theme);
    assert_eq!(
        lines(&text),
        [
            "┌───────────────────────┬───────┐",
            "│ name                  │ count │",
            "╞═══════════════════════╪═══════╡",
            "│ web                   │     3 │",
            "│ docs (https://k8s.io) │    12 │",
            "└───────────────────────┴───────┘",
        ]
    );
    let spans: Vec<_> = text.lines.iter().flat_map(|l| &l.spans).collect();
    let web = spans.iter().find(|s| s.content == "web").expect("web");
    assert_eq!(web.style, theme.code_inline);
    let docs = spans.iter().find(|s| s.content == "docs").expect("docs");
    assert_eq!(docs.style, theme.link);
}

#[test]
fn table_in_a_list_item_is_indented_and_fits() {
    let md = format!(
        "- 표:\n\n{}",
        PHASES
            .lines()
            .map(|l| format!("  {l}\n"))
            .collect::<String>()
    );
    for w in [10u16, 30, 60] {
        let text = render(&md, w, &Theme::plain());
        assert_fits(&text, usize::from(w));
        let rows = lines(&text);
        assert!(
            rows[1..]
                .iter()
                .all(|r| r.is_empty() || r.starts_with("  ")),
            "{rows:#?}"
        );
    }
}
