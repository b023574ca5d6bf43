//! Property: any Markdown at any width from 1 to 200 renders without panic,
//! no line is wider than the width, and no control character gets out.

mod markdown_support;

use kubetutor::markdown::{Theme, render};
use kubetutor::text::{width, wrap_str};
use markdown_support::{assert_fits, assert_no_controls};
use proptest::prelude::*;

/// A word, a glyph or a piece of inline markup.
fn atom() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z0-9]{1,12}",
        "[가-힣]{1,8}",
        "[一-龥]{1,4}",
        Just("🏗️".to_string()),
        Just("⚙️".to_string()),
        Just("📦".to_string()),
        Just("🔌".to_string()),
        Just("👩‍💻".to_string()),
        Just("🇰🇷".to_string()),
        Just("e\u{301}".to_string()),
        Just("\x1b[31m".to_string()),
        Just("\x07".to_string()),
        Just("\u{9b}2J".to_string()),
        Just("\t".to_string()),
        Just("<br>".to_string()),
        Just("<!-- c -->".to_string()),
        Just("<span>".to_string()),
        Just("&amp;".to_string()),
        "[a-z]{20,60}",
        "[가-힣]{12,30}",
        "\\PC{1,10}",
    ]
}

fn inline() -> impl Strategy<Value = String> {
    let styled = atom().prop_flat_map(|a| {
        prop_oneof![
            Just(a.clone()),
            Just(format!("**{a}**")),
            Just(format!("*{a}*")),
            Just(format!("~~{a}~~")),
            Just(format!("`{a}`")),
            Just(format!("[{a}](https://example.com/{a})")),
            Just(format!("![{a}]({a}.png)")),
        ]
    });
    prop::collection::vec(styled, 1..12).prop_map(|v| v.join(" "))
}

fn table() -> impl Strategy<Value = String> {
    (1usize..6).prop_flat_map(|cols| {
        let align = prop_oneof![Just("---"), Just(":--"), Just(":-:"), Just("--:")];
        (
            prop::collection::vec(inline(), cols),
            prop::collection::vec(align, cols),
            prop::collection::vec(prop::collection::vec(inline(), cols), 0..5),
        )
            .prop_map(|(head, aligns, rows)| {
                let row = |cells: &[String]| {
                    let cells: Vec<String> = cells.iter().map(|c| c.replace('|', "/")).collect();
                    format!("| {} |\n", cells.join(" | "))
                };
                let mut out = row(&head);
                out.push_str(&format!("|{}|\n", aligns.join("|")));
                for r in &rows {
                    out.push_str(&row(r));
                }
                out
            })
    })
}

fn code() -> impl Strategy<Value = String> {
    let lang = prop_oneof![
        Just("yaml"),
        Just("json"),
        Just("bash"),
        Just("console"),
        Just("sh"),
        Just("rust"),
        Just("")
    ];
    let line = prop_oneof![
        "[ -~]{0,80}",
        "  [a-z]{1,10}: [a-z0-9\"'\\[\\]{},:# ]{0,40}",
        "\\$ [a-z]{1,8}( -{1,2}[a-z]{1,6})*( \"[^\"]{0,10}\")?",
        "[가-힣 🏗️⚙️📦]{0,30}",
        "\\PC{0,20}",
    ];
    (lang, prop::collection::vec(line, 0..8))
        .prop_map(|(lang, lines)| format!("```{lang}\n{}\n```\n", lines.join("\n")))
}

fn leaf() -> impl Strategy<Value = String> {
    prop_oneof![
        inline().prop_map(|i| format!("{i}\n")),
        (1usize..7, inline()).prop_map(|(n, i)| format!("{} {i}\n", "#".repeat(n))),
        table(),
        code(),
        Just("---\n".to_string()),
        Just("<br>\n".to_string()),
        Just("<!-- hidden\ncomment -->\n".to_string()),
        inline().prop_map(|i| format!("<div>\n{i}\n</div>\n")),
    ]
}

/// Blocks, nested in lists and quotes.
fn block() -> impl Strategy<Value = String> {
    leaf().prop_recursive(4, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 1..4).prop_map(|items| {
                items
                    .iter()
                    .map(|b| indent(b, "- ", "  "))
                    .collect::<String>()
            }),
            prop::collection::vec(inner.clone(), 1..4).prop_map(|items| {
                items
                    .iter()
                    .enumerate()
                    .map(|(i, b)| indent(b, &format!("{}. ", i + 1), "   "))
                    .collect::<String>()
            }),
            inner.clone().prop_map(|b| indent(&b, "> ", "> ")),
            prop::collection::vec(inner, 1..4).prop_map(|v| v.join("\n")),
        ]
    })
}

fn indent(block: &str, first: &str, rest: &str) -> String {
    block
        .lines()
        .enumerate()
        .map(|(i, l)| format!("{}{l}\n", if i == 0 { first } else { rest }))
        .collect()
}

fn document() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::collection::vec(block(), 1..6).prop_map(|v| v.join("\n")),
        1 => any::<String>(),
        1 => "\\PC{0,200}",
    ]
}

fn check(md: &str, w: u16) {
    for theme in [Theme::plain(), Theme::colored()] {
        let text = render(md, w, &theme);
        assert_fits(&text, usize::from(w));
        assert_no_controls(&text);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_markdown_at_any_width_fits(md in document(), w in 1u16..=200) {
        check(&md, w);
    }

    #[test]
    fn narrow_widths_are_the_hard_ones(md in document(), w in 1u16..=12) {
        check(&md, w);
    }

    #[test]
    fn wrapped_strings_fit(s in any::<String>(), w in 1usize..=200) {
        for line in wrap_str(&s, w) {
            prop_assert!(width(&line) <= w, "{:?} at {}", line, w);
        }
    }
}
