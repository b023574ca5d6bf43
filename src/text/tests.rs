use super::*;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Style, Stylize};
use ratatui::text::Span;
use ratatui::widgets::{Paragraph, Widget};

#[test]
fn ascii_is_one_column_per_character() {
    assert_eq!(width("kubectl get pods"), 16);
    assert_eq!(width(""), 0);
}

#[test]
fn hangul_and_cjk_are_two_wide() {
    assert_eq!(width("파드"), 4);
    assert_eq!(width("파드 상태"), 9);
    assert_eq!(width("容器"), 4);
    // Conjoining jamo form one 2-wide syllable.
    assert_eq!(width("\u{1100}\u{1161}\u{11A8}"), 2);
}

#[test]
fn emoji_are_two_wide() {
    assert_eq!(width("📦"), 2);
    assert_eq!(width("🔌"), 2);
    assert_eq!(width("a📦b"), 4);
}

#[test]
fn variation_selector_16_makes_a_text_default_emoji_two_wide() {
    assert_eq!(width("🏗️"), 2);
    assert_eq!(width("⚙️"), 2);
    assert_eq!(width("❤️"), 2);
    // Without VS16 the same bases are text-style glyphs, 1 wide.
    assert_eq!(width("🏗"), 1);
    assert_eq!(width("⚙"), 1);
    assert_eq!(width("⚙️ 설정"), 7);
}

#[test]
fn zwj_sequences_keycaps_flags_and_modifiers_are_two_wide() {
    assert_eq!(width("👩‍💻"), 2);
    assert_eq!(width("👨‍👩‍👧"), 2);
    assert_eq!(width("🏳️‍🌈"), 2);
    assert_eq!(width("1️⃣"), 2);
    assert_eq!(width("🇰🇷"), 2);
    assert_eq!(width("👍🏽"), 2);
}

#[test]
fn control_characters_are_zero_wide() {
    assert_eq!(width("a\x1bb"), 2);
    assert_eq!(width("a\u{9b}b"), 2);
}

/// Our width is what ratatui's buffer actually lays out: draw each sample
/// followed by a marker and find the marker's column.
#[test]
fn width_agrees_with_the_ratatui_buffer() {
    for sample in [
        "abc",
        "파드",
        "🏗️",
        "⚙️x",
        "📦🔌",
        "👩‍💻",
        "1️⃣",
        "e\u{301}",
        "ｶﾞ",
        "…─│",
    ] {
        let area = Rect::new(0, 0, 20, 1);
        let mut buf = Buffer::empty(area);
        Paragraph::new(format!("{sample}|")).render(area, &mut buf);
        let marker = (0..20)
            .find(|&x| buf[(x, 0)].symbol() == "|")
            .expect("marker drawn");
        assert_eq!(width(sample), usize::from(marker), "{sample:?}");
    }
}

#[test]
fn sanitize_borrows_clean_text() {
    assert!(matches!(sanitize("파드 🏗️\nok"), Cow::Borrowed(_)));
}

#[test]
fn sanitize_removes_c0_del_and_c1_but_keeps_newlines() {
    assert_eq!(sanitize("a\x1b[31mred\x1b[0m\x07"), "a[31mred[0m");
    assert_eq!(sanitize("x\u{7f}y\u{9b}2Jz\u{85}"), "xy2Jz");
    assert_eq!(sanitize("one\r\ntwo\n"), "one\ntwo\n");
    assert_eq!(sanitize("\0\x01\x1f"), "");
}

/// The byte scan that decides whether `sanitize` may borrow agrees with
/// `is_unsafe` for every character, wherever it falls in the 32-byte blocks
/// the scan reads (first, last, across a block's end, at the very end).
#[test]
fn sanitize_borrows_exactly_when_no_character_is_unsafe() {
    let mut checked = 0;
    for c in (0..=0x10ffff).filter_map(char::from_u32) {
        let clean = !is_unsafe(c) || c == '\n';
        let mut s = String::with_capacity(40);
        for pad in [0, 30, 31, 33] {
            s.clear();
            s.extend(std::iter::repeat_n('x', pad));
            s.push(c);
            s.push('y');
            let borrowed = matches!(sanitize(&s), Cow::Borrowed(_));
            assert_eq!(borrowed, clean, "U+{:04X} after {pad} bytes", u32::from(c));
            assert_eq!(
                matches!(sanitize(&s[..s.len() - 1]), Cow::Borrowed(_)),
                clean
            );
        }
        checked += 1;
    }
    assert!(checked > 1_100_000);
}

#[test]
fn sanitize_expands_tabs_to_stops() {
    assert_eq!(sanitize("\tx"), "    x");
    assert_eq!(sanitize("ab\tc"), "ab  c");
}

#[test]
fn sanitize_tab_counts_display_columns_and_restarts_after_newline() {
    // "파드" is 4 columns: the tab goes to column 8.
    assert_eq!(sanitize("파드\tc"), "파드    c");
    assert_eq!(sanitize("abc\n\tx"), "abc\n    x");
}

#[test]
fn truncate_adds_an_ellipsis_only_when_cutting() {
    assert_eq!(truncate("pods", 4), "pods");
    assert_eq!(truncate("pods", 3), "po…");
    assert_eq!(truncate("pods", 1), "…");
    assert_eq!(truncate("pods", 0), "");
}

#[test]
fn truncate_never_splits_a_wide_glyph() {
    assert_eq!(truncate("파드상태", 6), "파드…");
    assert_eq!(truncate("파드상태", 4), "파…");
    assert_eq!(truncate("파드상태", 2), "…");
    assert_eq!(width(&truncate("🏗️🏗️🏗️", 4)), 3);
}

#[test]
fn truncate_line_keeps_styles_and_ends_with_an_ellipsis() {
    let line = Line::from(vec![
        Span::styled("파드", Style::new().bold()),
        Span::raw(" web "),
        Span::styled("Running", Style::new().green()),
    ]);
    assert_eq!(line_width(&truncate_line(&line, 20)), 16);
    let cut = truncate_line(&line, 9);
    assert_eq!(
        cut.spans,
        [
            Span::styled("파드", Style::new().bold()),
            Span::raw(" web"),
            Span::raw(ELLIPSIS),
        ]
    );
    let cut = truncate_line(&line, 2);
    assert_eq!(cut.spans, [Span::styled(ELLIPSIS, Style::new().bold())]);
    assert!(truncate_line(&line, 0).spans.is_empty());
    for w in 0..20 {
        assert!(line_width(&truncate_line(&line, w)) <= w);
    }
}

#[test]
fn pad_right_counts_display_width() {
    assert_eq!(pad_right("파드", 6), "파드  ");
    assert_eq!(pad_right("pods", 2), "pods");
}

fn texts(lines: &[Vec<Span<'static>>]) -> Vec<String> {
    lines
        .iter()
        .map(|l| l.iter().map(|s| s.content.as_ref()).collect())
        .collect()
}

#[test]
fn wrap_breaks_at_spaces_and_drops_them() {
    assert_eq!(
        wrap_str("the pod is pending now", 10),
        ["the pod is", "pending", "now"]
    );
}

#[test]
fn wrap_keeps_leading_indentation_and_inner_runs() {
    assert_eq!(wrap_str("    key:  value", 20), ["    key:  value"]);
    assert_eq!(wrap_str("  a b\n  c", 20), ["  a b", "  c"]);
}

#[test]
fn wrap_breaks_korean_at_spaces() {
    assert_eq!(
        wrap_str("파드는 가장 작은 배포 단위입니다", 12),
        ["파드는 가장", "작은 배포", "단위입니다"]
    );
}

#[test]
fn wrap_hard_breaks_an_overlong_korean_token_between_syllables() {
    assert_eq!(
        wrap_str("컨테이너런타임인터페이스", 8),
        ["컨테이너", "런타임인", "터페이스"]
    );
    // An odd width leaves the last column empty rather than split a syllable.
    assert_eq!(wrap_str("컨테이너", 3), ["컨", "테", "이", "너"]);
}

#[test]
fn wrap_starts_an_overlong_word_on_a_fresh_line() {
    assert_eq!(
        wrap_str("see https://kubernetes.io/docs", 12),
        ["see", "https://kube", "rnetes.io/do", "cs"]
    );
}

#[test]
fn wrap_at_width_one_replaces_wide_glyphs() {
    assert_eq!(wrap_str("a파b", 1), ["a", NARROW_SUBSTITUTE, "b"]);
    assert_eq!(wrap_str("🏗️", 1), [NARROW_SUBSTITUTE]);
    assert_eq!(wrap_str("ab", 0), ["a", "b"]);
}

#[test]
fn wrap_at_width_two_and_three_with_wide_glyphs() {
    assert_eq!(wrap_str("a파드", 2), ["a", "파", "드"]);
    assert_eq!(wrap_str("a파드", 3), ["a파", "드"]);
    assert_eq!(wrap_str("⚙️ 설정", 3), ["⚙️", "설", "정"]);
    assert_eq!(wrap_str("📦 a", 3), ["📦", "a"]);
    assert_eq!(wrap_str("📦 a", 4), ["📦 a"]);
}

#[test]
fn wrap_never_exceeds_the_width() {
    let sample = "파드 🏗️ ⚙️ 📦🔌 kubectl get pods -o wide 👩‍💻 컨테이너런타임 a b c";
    for w in 1..=40 {
        for line in wrap_str(sample, w) {
            assert!(width(&line) <= w, "{line:?} at {w}");
        }
    }
}

#[test]
fn wrap_keeps_styles_across_breaks() {
    let spans = [
        Span::raw("phase "),
        Span::styled("Pending 대기", Style::new().bold()),
        Span::raw(" 중"),
    ];
    let lines = wrap_spans(&spans, 9, 9);
    assert_eq!(texts(&lines), ["phase", "Pending", "대기 중"]);
    assert_eq!(lines[1], [Span::styled("Pending", Style::new().bold())]);
    assert_eq!(
        lines[2],
        [Span::styled("대기", Style::new().bold()), Span::raw(" 중")]
    );
}

#[test]
fn wrap_word_spanning_styles_stays_together() {
    let spans = [
        Span::raw("a "),
        Span::styled("Run", Style::new().bold()),
        Span::raw("ning,"),
    ];
    let lines = wrap_spans(&spans, 8, 8);
    assert_eq!(texts(&lines), ["a", "Running,"]);
}

#[test]
fn wrap_first_line_may_be_narrower() {
    let lines = wrap_spans(&[Span::raw("aa bb cc dd")], 2, 5);
    assert_eq!(texts(&lines), ["aa", "bb cc", "dd"]);
}

#[test]
fn wrap_honours_newlines_and_drops_other_controls() {
    assert_eq!(wrap_str("a\x1b\nb\u{9b}", 10), ["a", "b"]);
    assert_eq!(wrap_str("", 10), [""]);
}

#[test]
fn wrap_line_keeps_line_style() {
    let line = Line::from("aa bb").red().centered();
    let out = wrap_line(&line, 2);
    assert_eq!(out.len(), 2);
    assert!(out.iter().all(|l| l.style == line.style));
    assert!(out.iter().all(|l| l.alignment == line.alignment));
}

/// The inputs that make ratatui's own wrapper write outside its area
/// (ratatui issue #2679): a wide glyph in a word too long for a 2-cell area,
/// and a leading combining mark. Ours fit, and drawing them without `Wrap`
/// stays inside the buffer.
#[test]
fn inputs_that_break_ratatuis_wrapper_fit() {
    for sample in ["a🌞b", "\u{301}abc def", "\u{301}\u{301}파드 a🌞b 🏗️x"] {
        for w in 1..=10u16 {
            let lines = wrap_line(&Line::from(sample), usize::from(w));
            let area = Rect::new(0, 0, w, lines.len() as u16);
            let mut buf = Buffer::empty(area);
            Paragraph::new(lines.clone()).render(area, &mut buf);
            for line in &lines {
                assert!(
                    line_width(line) <= usize::from(w),
                    "{sample:?} at {w}: {line:?}"
                );
            }
        }
    }
}

/// Bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069)
/// reorder what a terminal draws after them ("Trojan Source"): they are
/// removed like control characters, by sanitize and by the wrapper.
#[test]
fn bidi_controls_are_removed() {
    let s = "admin\u{202e}gnp.exe\u{2066}x\u{2069}";
    assert_eq!(sanitize(s), "admingnp.exex");
    let lines = wrap_str(s, 80);
    let drawn: String = lines.concat();
    assert!(!drawn.contains(is_unsafe), "{drawn:?}");
    assert!(is_unsafe('\u{202a}') && is_unsafe('\u{2069}') && !is_unsafe('\u{2070}'));
}
