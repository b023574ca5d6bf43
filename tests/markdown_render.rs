//! Markdown rendering: prose, headings, inline styles, lists, quotes, rules,
//! images, HTML and breaks.

mod markdown_support;

use kubetutor::markdown::{Theme, render};
use markdown_support::*;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Span, Text};

fn find<'a>(text: &'a Text<'_>, content: &str) -> &'a Span<'a> {
    text.lines
        .iter()
        .flat_map(|l| &l.spans)
        .find(|s| s.content == content)
        .unwrap_or_else(|| panic!("no span {content:?} in {text:?}"))
}

#[test]
fn korean_prose_at_40_columns() {
    let text = render(PROSE, 40, &Theme::plain());
    assert_fits(&text, 40);
    insta::assert_snapshot!(plain(&text));
    let styled_text = render(PROSE, 40, &Theme::colored());
    insta::assert_snapshot!("korean_prose_at_40_columns_styled", styled(&styled_text));
}

#[test]
fn korean_wraps_at_spaces_not_inside_words() {
    let text = render(PROSE, 40, &Theme::plain());
    let words: Vec<&str> = PROSE.split_whitespace().collect();
    for line in lines(&text) {
        // Every word of a line is a whole word of the source, give or take
        // the markup characters around it.
        for word in line.split(' ') {
            assert!(
                words.iter().any(|w| w.replace(['*', '`'], "") == word),
                "{word:?} was split"
            );
        }
    }
}

#[test]
fn headings_have_distinct_styles_and_rules() {
    let theme = Theme::colored();
    let text = render("# One\n\n## Two\n\n### Three\n\n#### Four", 40, &theme);
    let styles: Vec<Style> = ["One", "Two", "Three", "Four"]
        .iter()
        .map(|h| find(&text, h).style)
        .collect();
    for i in 0..styles.len() {
        for j in i + 1..styles.len() {
            assert_ne!(styles[i], styles[j], "levels {} and {}", i + 1, j + 1);
        }
    }
    assert_eq!(
        lines(&text),
        ["One", "━━━", "", "Two", "───", "", "Three", "", "Four"]
    );
    // Without colour they still differ.
    let text = render("# One\n\n## Two\n\n### Three", 40, &Theme::no_color());
    let [a, b, c] = ["One", "Two", "Three"].map(|h| find(&text, h).style);
    assert!(a != b && b != c && a != c);
}

#[test]
fn inline_styles() {
    let theme = Theme::colored();
    let text = render(
        "plain *em* **strong** ~~gone~~ `code` ***both***",
        80,
        &theme,
    );
    assert_eq!(find(&text, "em").style, theme.emphasis);
    assert_eq!(find(&text, "strong").style, theme.strong);
    assert_eq!(find(&text, "gone").style, theme.strikethrough);
    assert_eq!(find(&text, "code").style, theme.code_inline);
    let both = find(&text, "both").style;
    assert!(
        both.add_modifier
            .contains(Modifier::BOLD | Modifier::ITALIC)
    );
}

#[test]
fn links_show_a_dimmed_target_unless_it_is_the_text() {
    let theme = Theme::colored();
    let text = render(
        "[docs](https://kubernetes.io/docs/) and <https://k8s.io> and [top](#intro) and <me@example.com>",
        200,
        &theme,
    );
    assert_eq!(
        lines(&text),
        ["docs (https://kubernetes.io/docs/) and https://k8s.io and top and me@example.com"]
    );
    assert_eq!(find(&text, "docs").style, theme.link);
    assert_eq!(
        find(&text, " (https://kubernetes.io/docs/)").style,
        theme.link_target
    );
    assert!(theme.link_target.add_modifier.contains(Modifier::DIM));
    assert_eq!(find(&text, "https://k8s.io").style, theme.link);
}

#[test]
fn images_show_their_alt_text() {
    let theme = Theme::colored();
    let text = render(
        "![pod *phases*](a.png) ![](diagram.svg) [![badge](b.svg)](https://x.io)",
        200,
        &theme,
    );
    assert_eq!(
        lines(&text),
        ["[image: pod phases] [image: diagram.svg] [image: badge] (https://x.io)"]
    );
    assert_eq!(find(&text, "[image: pod phases]").style, theme.image);
}

#[test]
fn nested_lists_with_hanging_indents() {
    let md = "\
- 첫째 항목은 꽤 길어서 다음 줄로 넘어갑니다
  - 중첩된 항목도 길게 써서 줄을 바꿉니다
    1. 번호가 붙은 항목
    2. 둘째 번호 항목은 길어서 넘어갑니다
- 둘째
10. ten
11. eleven is long enough to wrap here
";
    let text = render(md, 30, &Theme::plain());
    assert_fits(&text, 30);
    insta::assert_snapshot!(plain(&text));
}

#[test]
fn loose_list_paragraphs_and_code_inside_items() {
    let md = "\
1. First paragraph.

   Second paragraph of the same item.

   ```yaml
   kind: Pod
   ```
2. Next
";
    let text = render(md, 40, &Theme::plain());
    assert_eq!(
        lines(&text),
        [
            "1. First paragraph.",
            "",
            "   Second paragraph of the same item.",
            "",
            "   ╭─ yaml ────╮",
            "   │ kind: Pod │",
            "   ╰───────────╯",
            "2. Next",
        ]
    );
}

#[test]
fn nested_blockquotes_carry_their_bars() {
    let md = "> 바깥 인용문입니다\n>\n> > 안쪽 인용문은 길어서 다음 줄로 넘어갑니다\n\nafter";
    let text = render(md, 24, &Theme::plain());
    assert_fits(&text, 24);
    assert_eq!(
        lines(&text),
        [
            "│ 바깥 인용문입니다",
            "│",
            "│ │ 안쪽 인용문은 길어서",
            "│ │ 다음 줄로 넘어갑니다",
            "",
            "after",
        ]
    );
    let theme = Theme::colored();
    let text = render("> quoted", 24, &theme);
    assert_eq!(text.lines[0].spans[0].style, theme.quote_bar);
    assert_eq!(
        text.lines[0].spans[1].style,
        theme.text.patch(theme.quote_text)
    );
}

#[test]
fn rules_span_the_width() {
    let text = render("a\n\n---\n\nb", 37, &Theme::plain());
    assert_eq!(lines(&text), ["a", "", &"─".repeat(37), "", "b"]);
    let text = render("> ***", 10, &Theme::plain());
    assert_eq!(lines(&text), [format!("│ {}", "─".repeat(8))]);
}

#[test]
fn br_is_a_line_break_everywhere_and_other_html_is_dropped() {
    let md = "\
# Title<br>second

one<br>two <span>three</span> <!-- hidden --> four<BR/>five

- item<br/>next

> quote<br />next

<!-- a block comment
spanning lines -->

<div>
block <b>html</b> text<br>broken
</div>
";
    let text = render(md, 60, &Theme::plain());
    assert_eq!(
        lines(&text),
        [
            "Title",
            "second",
            "━━━━━━",
            "",
            "one",
            "two three four",
            "five",
            "",
            "• item",
            "  next",
            "",
            "│ quote",
            "│ next",
            "",
            "block html text",
            "broken",
        ]
    );
}

#[test]
fn hard_and_soft_breaks() {
    let text = render(
        "soft\nbreak and hard  \nbreak\\\nagain",
        60,
        &Theme::plain(),
    );
    assert_eq!(lines(&text), ["soft break and hard", "break", "again"]);
}

#[test]
fn no_color_theme_has_no_colours_but_keeps_emphasis() {
    let text = render(LESSON, 80, &Theme::no_color());
    let spans: Vec<&Span> = text.lines.iter().flat_map(|l| &l.spans).collect();
    assert!(
        spans
            .iter()
            .all(|s| s.style.fg.is_none() && s.style.bg.is_none())
    );
    assert!(
        spans
            .iter()
            .any(|s| s.style.add_modifier.contains(Modifier::BOLD))
    );
    let colored = render(LESSON, 80, &Theme::colored());
    assert!(
        colored
            .lines
            .iter()
            .flat_map(|l| &l.spans)
            .any(|s| s.style.fg == Some(Color::Green))
    );
    // The layout is the same with any theme.
    assert_eq!(lines(&text), lines(&colored));
}

#[test]
fn whole_lesson_fits_every_width() {
    for width in [1u16, 2, 3, 5, 8, 13, 21, 34, 55, 89, 120, 200] {
        let text = render(LESSON, width, &Theme::colored());
        assert_fits(&text, usize::from(width));
        assert_no_controls(&text);
        let out = kubetutor::text::to_plain(&text);
        assert!(!out.contains("<br>"), "literal <br> at {width}");
    }
}

#[test]
fn width_zero_is_treated_as_one() {
    let text = render("파드 abc", 0, &Theme::plain());
    assert_fits(&text, 1);
    assert!(!text.lines.is_empty());
}

#[test]
fn ansi_output_has_only_our_escape_sequences() {
    let text = render(
        "# \x1b[31mred\x07\n\n**bold** `x\u{9b}2J`",
        40,
        &Theme::colored(),
    );
    let ansi = kubetutor::text::to_ansi(&text);
    // Drop the SGR sequences we write; nothing else may be a control.
    let mut rest = String::new();
    let mut chars = ansi.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            assert_eq!(chars.next(), Some('['), "{ansi:?}");
            for d in chars.by_ref() {
                if d == 'm' {
                    break;
                }
                assert!(d.is_ascii_digit() || d == ';', "{ansi:?}");
            }
        } else {
            rest.push(c);
        }
    }
    assert!(
        !rest.contains(|c: char| c.is_control() && c != '\n'),
        "{rest:?}"
    );
    assert!(rest.contains("[31mred"));
}

/// Issue #15 item 9: `kubetutor render` lays a document out a line at a
/// time (the writer hands lines to a sink, code blocks and tables are drawn
/// row by row). What it writes is exactly what the whole-text render
/// gives, for every section of the course and for large tables and code.
#[test]
fn streamed_rendering_gives_the_same_lines() {
    use kubetutor::lang::Lang;
    use kubetutor::lesson::Catalog;
    use kubetutor::markdown::{
        Theme, render, render_section_in, render_section_streamed, render_streamed,
    };
    let theme = Theme::colored();
    let catalog = Catalog::embedded();
    for lang in [Lang::Ko, Lang::En] {
        for found in catalog.lessons(lang) {
            for section in &found.lesson.sections {
                for width in [30u16, 80] {
                    let whole = render_section_in(section, width, &theme, lang).lines;
                    let mut streamed = Vec::new();
                    render_section_streamed(section, width, &theme, lang, &mut |l| {
                        streamed.push(l)
                    });
                    assert_eq!(streamed, whole, "{} {}", found.lesson.id, section.title);
                }
            }
        }
    }
    let mut big = String::from("| a | b |\n|---|:-:|\n");
    for i in 0..2_000 {
        big.push_str(&format!("| row {i} | **x** `y` <br> z |\n"));
    }
    big.push_str("\n```yaml\n");
    for i in 0..2_000 {
        big.push_str(&format!(
            "key{i}: value {i} with some words to wrap at narrow widths\n"
        ));
    }
    big.push_str("```\n\n> quoted\n> - item\n");
    for width in [12u16, 40, 120] {
        let whole = render(&big, width, &theme).lines;
        let mut streamed = Vec::new();
        render_streamed(&big, width, &theme, &mut |l| streamed.push(l));
        assert_eq!(streamed, whole, "width {width}");
    }
}
