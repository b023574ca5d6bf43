use super::*;
use crate::text::line_width;
use ratatui::style::Stylize;
use ratatui::text::Line;

fn cell(text: &str) -> Cell {
    text.split("<br>")
        .map(|l| vec![Span::raw(l.trim().to_string())])
        .collect()
}

fn table(aligns: &[Alignment], head: &[&str], rows: &[&[&str]]) -> Table {
    Table {
        aligns: aligns.to_vec(),
        head: head.iter().map(|c| cell(c)).collect(),
        rows: rows
            .iter()
            .map(|r| r.iter().map(|c| cell(c)).collect())
            .collect(),
    }
}

fn plain(lines: &[Spans]) -> Vec<String> {
    lines
        .iter()
        .map(|l| l.iter().map(|s| s.content.as_ref()).collect())
        .collect()
}

fn widths_ok(lines: &[Spans], avail: usize) {
    for l in lines {
        let w = line_width(&Line::from(l.clone()));
        assert!(w <= avail, "{w} > {avail}: {l:?}");
    }
}

#[test]
fn natural_widths_when_they_fit() {
    let t = table(
        &[Alignment::Left, Alignment::Right],
        &["phase", "pods"],
        &[&["Running", "3"], &["Pending", "12"]],
    );
    let out = render_table(&t, 40, &Theme::plain());
    assert_eq!(
        plain(&out),
        [
            "┌─────────┬──────┐",
            "│ phase   │ pods │",
            "╞═════════╪══════╡",
            "│ Running │    3 │",
            "│ Pending │   12 │",
            "└─────────┴──────┘",
        ]
    );
}

#[test]
fn center_alignment_and_missing_cells() {
    let t = table(
        &[Alignment::Center, Alignment::None],
        &["상태", "note"],
        &[&["Failed"], &["Ok", "fine"]],
    );
    let out = render_table(&t, 40, &Theme::plain());
    assert_eq!(
        plain(&out),
        [
            "┌────────┬──────┐",
            "│  상태  │ note │",
            "╞════════╪══════╡",
            "│ Failed │      │",
            "│   Ok   │ fine │",
            "└────────┴──────┘",
        ]
    );
}

#[test]
fn br_lines_wrap_inside_cells_and_rows_get_separators() {
    let t = table(
        &[],
        &["a", "b"],
        &[&["x", "one two three<br>• four"], &["y", "z"]],
    );
    let out = render_table(&t, 17, &Theme::plain());
    widths_ok(&out, 17);
    assert_eq!(
        plain(&out),
        [
            "┌───┬───────────┐",
            "│ a │ b         │",
            "╞═══╪═══════════╡",
            "│ x │ one two   │",
            "│   │ three     │",
            "│   │ • four    │",
            "├───┼───────────┤",
            "│ y │ z         │",
            "└───┴───────────┘",
        ]
    );
}

#[test]
fn padding_goes_before_words_are_broken() {
    // With padding the minimums (5 + 5) do not fit in 14 columns; without
    // it they do.
    let t = table(&[], &["alpha", "gamma"], &[&["beta", "delta"]]);
    let out = render_table(&t, 14, &Theme::plain());
    assert_eq!(
        plain(&out),
        [
            "┌─────┬─────┐",
            "│alpha│gamma│",
            "╞═════╪═════╡",
            "│beta │delta│",
            "└─────┴─────┘",
        ]
    );
}

#[test]
fn tiny_widths_stack_the_rows() {
    let t = table(
        &[],
        &["단계", "뜻"],
        &[&["Pending", "대기<br>• 이미지"], &["Running", "실행"]],
    );
    let out = render_table(&t, 9, &Theme::plain());
    widths_ok(&out, 9);
    assert_eq!(
        plain(&out),
        [
            "─────────",
            "단계:",
            "Pending",
            "뜻:",
            "대기",
            "• 이미지",
            "─────────",
            "단계:",
            "Running",
            "뜻: 실행",
            "─────────",
        ]
    );
    // Wider panes indent the values under their header.
    let t = table(
        &[],
        &["단계", "뜻", "설명"],
        &[&[
            "Pending",
            "대기 중인 파드",
            "컨테이너이미지를 내려받는 중<br>• 곧 끝남",
        ]],
    );
    let out = render_table(&t, 20, &Theme::plain());
    assert_eq!(
        plain(&out),
        [
            "────────────────────",
            "단계: Pending",
            "뜻: 대기 중인 파드",
            "설명:",
            "  컨테이너이미지를",
            "  내려받는 중",
            "  • 곧 끝남",
            "────────────────────",
        ]
    );
}

#[test]
fn never_wider_than_the_width() {
    let t = table(
        &[Alignment::Left, Alignment::Center, Alignment::Right],
        &["상태 (Phase)", "의미", "설명"],
        &[
            &[
                "**Pending**",
                "대기 중",
                "파드가 받아들여졌지만 아직 <br> • 이미지를 받는 중",
            ],
            &[
                "Unknown",
                "알 수 없음",
                "https://kubernetes.io/docs/concepts/workloads/pods/",
            ],
        ],
    );
    for avail in 1..=80 {
        let out = render_table(&t, avail, &Theme::plain());
        assert!(!out.is_empty());
        widths_ok(&out, avail);
    }
}

#[test]
fn header_style_is_patched_under_cell_styles() {
    let theme = Theme::colored();
    let mut t = table(&[], &["x"], &[&["y"]]);
    t.head[0][0] = vec![Span::raw("h").italic()];
    let out = render_table(&t, 20, &theme);
    let h = out[1]
        .iter()
        .find(|s| s.content == "h")
        .expect("header cell");
    assert_eq!(h.style, theme.table_header.italic());
}

#[test]
fn distribute_satisfies_small_columns_first() {
    // 50 columns for wants of 12, 10 and 150 with floors 9, 4, 10.
    assert_eq!(distribute(&[12, 10, 150], &[9, 4, 10], 50), [12, 10, 28]);
    // Everything fits: natural widths.
    assert_eq!(distribute(&[3, 4], &[1, 1], 10), [3, 4]);
    // Even sharing when all want more than their share.
    assert_eq!(distribute(&[40, 40], &[2, 2], 20), [10, 10]);
    // Rounding left-overs are not lost.
    assert_eq!(
        distribute(&[40, 40, 40], &[1, 1, 1], 10)
            .iter()
            .sum::<usize>(),
        10
    );
}

#[test]
fn minimum_is_the_longest_word_capped_only_when_words_do_not_fit() {
    let t = table(
        &[],
        &["a", "b"],
        &[&["short words", "averyveryverylongidentifier"]],
    );
    let m = measure(&t);
    let whole = m.floor();
    assert_eq!(m.natural, [11, 27]);
    assert_eq!(whole, [5, 27]);
    // Whole words with padding, then without, then capped.
    assert_eq!(layout(&whole, 41), Some((1, 34, vec![5, 27])));
    assert_eq!(layout(&whole, 35), Some((0, 32, vec![5, 27])));
    assert_eq!(layout(&whole, 30), Some((1, 23, vec![5, WORD_CAP])));
    assert_eq!(layout(&whole, 10), None);
}

/// Lesson 9 §3 ("Control plane and worker nodes") at 130 columns cut
/// `kube-controller-manage` / `r (and`: a cell breaks between words, and
/// inside an identifier only when that one word is wider than its column.
#[test]
fn cells_break_between_words_and_identifiers_only_when_wider_than_the_column() {
    let t = table(
        &[],
        &["", "Control plane", "Worker nodes"],
        &[
            &[
                "Role",
                "The brain: decides what runs where, watches everything, reacts to change",
                "The hands: run the application Pods they are given",
            ],
            &[
                "Components",
                "kube-apiserver, etcd, kube-scheduler, kube-controller-manager (and cloud-controller-manager on a cloud)",
                "kubelet, container runtime, kube-proxy",
            ],
        ],
    );
    let words = [
        "kube-apiserver,",
        "kube-scheduler,",
        "kube-controller-manager",
        "cloud-controller-manager",
        "application",
    ];
    // Role + Components floors (10 + 24 + 11) and borders fit from 49.
    for avail in 49..=140 {
        let out = plain(&render_table(&t, avail, &Theme::plain()));
        widths_ok(&render_table(&t, avail, &Theme::plain()), avail);
        let cells: Vec<&str> = out
            .iter()
            .flat_map(|l| l.split(['│', '┃']))
            .flat_map(|c| c.split(' '))
            .filter(|w| !w.is_empty())
            .collect();
        for w in words {
            assert!(cells.contains(&w), "{avail}: {w} broken in {out:#?}");
        }
    }
    // Narrower, the identifier breaks inside rather than stacking the rows.
    let out = plain(&render_table(&t, 40, &Theme::plain()));
    widths_ok(&render_table(&t, 40, &Theme::plain()), 40);
    assert!(out[0].starts_with('┌'), "{out:#?}");
    assert!(!out.iter().any(|l| l.contains("kube-controller-manager")));
}

#[test]
fn bullet_lines_in_cells_wrap_under_their_text() {
    let theme = Theme::plain();
    let md = "| a | b |\n| --- | --- |\n| x | first line<br>• a bullet that is much too long for the cell |\n";
    let text = crate::markdown::render(md, 30, &theme);
    let lines: Vec<String> = text
        .lines
        .iter()
        .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
        .collect();
    let at = lines
        .iter()
        .position(|l| l.contains("• a bullet"))
        .expect("bullet row");
    let bullet_col = lines[at].chars().position(|c| c == '•').unwrap();
    let continuation: String = lines[at + 1].chars().skip(bullet_col).collect();
    assert!(
        continuation.starts_with("  much too long"),
        "continuation starts under the text after '• ':\n{}",
        lines.join("\n")
    );
}
