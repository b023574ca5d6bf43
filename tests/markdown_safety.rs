//! Emoji widths and control characters: what reaches the terminal.

mod markdown_support;

use kubetutor::markdown::{Theme, render};
use kubetutor::text::{line_width, to_ansi};
use markdown_support::*;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Paragraph, Widget};

const EMOJI: &str = "\
# 🏗️ 빌드와 ⚙️ 설정

📦 패키지를 받고 🔌 플러그인을 꽂은 뒤 🏗️ 빌드를 시작합니다. ⚙️설정은 붙여 써도 됩니다.

- 🏗️ 빌드
- ⚙️ 설정 📦 패키지 🔌 플러그인

| 아이콘 | 뜻 |
| :---: | --- |
| 🏗️ | 빌드 |
| ⚙️ | 설정 |
| 📦🔌 | 패키지와 플러그인 |

```sh
echo \"🏗️ ⚙️ 📦 🔌\"
```
";

/// Draws each line into a ratatui buffer one column wider than the line,
/// followed by a marker, and checks the marker lands where our width says:
/// the renderer and ratatui agree on every glyph's width.
fn assert_ratatui_agrees(text: &Text<'_>) {
    for line in &text.lines {
        let w = line_width(line);
        let area = Rect::new(0, 0, (w + 1) as u16, 1);
        let mut buf = Buffer::empty(area);
        let mut spans = line.spans.clone();
        spans.push(Span::raw("|"));
        Paragraph::new(Line::from(spans)).render(area, &mut buf);
        assert_eq!(buf[(w as u16, 0)].symbol(), "|", "{line:?}");
    }
}

#[test]
fn emoji_widths() {
    let text = render(EMOJI, 30, &Theme::plain());
    assert_fits(&text, 30);
    assert_ratatui_agrees(&text);
    insta::assert_snapshot!(plain(&text));
}

#[test]
fn emoji_at_every_width_fit_and_agree_with_ratatui() {
    for w in 1..=40u16 {
        let text = render(EMOJI, w, &Theme::colored());
        assert_fits(&text, usize::from(w));
        assert_ratatui_agrees(&text);
    }
}

const HOSTILE: &str = "\
# Title \x1b[31mred\x1b[0m\x07 \u{9b}2J

Text with \x1b]0;owned\x07 and C1 \u{85}\u{9b}31m and \x7fDEL and a tab\there.

`inline \x1b[1mcode\u{9b}` and [a link](<https://example.com/\x1b[2J>) and
[c1](https://example.com/\u{9b}2J) ![alt \x07bell\u{9b}](x\u{9b}.png)

```bash\x1b[31m
echo \x1b[31m red \u{9b}2J \x08\x08
```

| head \x1b[1m | cell |
| --- | --- |
| \x1b[31mred\u{9b}0m | bell\x07<br>next\x1b |

- item \x1b[7m reversed
> quote \u{9b}1m

<div>html \x1b[31m block</div>
";

#[test]
fn control_characters_are_removed() {
    for theme in [Theme::plain(), Theme::colored()] {
        for w in [1u16, 10, 30, 60] {
            let text = render(HOSTILE, w, &theme);
            assert_no_controls(&text);
            assert_fits(&text, usize::from(w));
        }
    }
    let text = render(HOSTILE, 60, &Theme::plain());
    insta::assert_snapshot!(plain(&text));
}

#[test]
fn ansi_export_of_hostile_text_writes_only_sgr() {
    let ansi = to_ansi(&render(HOSTILE, 60, &Theme::colored()));
    // Every ESC starts one of our SGR sequences: ESC [ digits/semicolons m.
    let bytes: Vec<char> = ansi.chars().collect();
    for (i, &c) in bytes.iter().enumerate() {
        if c == '\x1b' {
            let rest: String = bytes[i + 1..].iter().take_while(|&&d| d != 'm').collect();
            assert!(rest.starts_with('['), "{rest:?}");
            assert!(
                rest[1..].chars().all(|d| d.is_ascii_digit() || d == ';'),
                "{rest:?}"
            );
        } else {
            assert!(!c.is_control() || c == '\n', "{c:?} in output");
        }
    }
}
