//! `Text` as a string for stdout: plain, or with SGR escape codes.
//!
//! Both sanitise every span again, so whatever built the `Text`, the only
//! escape sequences on stdout are the ones written here.

use super::sanitize;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Text};
use std::fmt::Write;

/// The text without styles, every line ended by `\n`.
pub fn to_plain(text: &Text<'_>) -> String {
    let mut out = String::new();
    for line in &text.lines {
        push_plain(&mut out, line);
    }
    out
}

/// One line of [`to_plain`] added to `out` (to write a long text a line at
/// a time).
pub fn push_plain(out: &mut String, line: &Line<'_>) {
    for span in &line.spans {
        push_clean(out, &span.content);
    }
    out.push('\n');
}

/// `s` sanitized, its line breaks as spaces, without copying when it is
/// clean (the common case).
fn push_clean(out: &mut String, s: &str) {
    let clean = sanitize(s);
    if clean.contains('\n') {
        out.push_str(&clean.replace('\n', " "));
    } else {
        out.push_str(&clean);
    }
}

/// The text with SGR codes for its styles (colours, bold, dim, italic,
/// underline, reverse, strikethrough ...). Styles nest as in ratatui: the
/// text's style, patched by the line's, patched by the span's. Every line
/// that set a style ends with a reset (`ESC[0m`) before its `\n`.
pub fn to_ansi(text: &Text<'_>) -> String {
    let mut out = String::new();
    for line in &text.lines {
        push_ansi(&mut out, line, text.style);
    }
    out
}

/// One line of [`to_ansi`] (in a text of style `base`) added to `out`.
pub fn push_ansi(out: &mut String, line: &Line<'_>, base: Style) {
    let base = base.patch(line.style);
    let mut current = Style::default();
    for span in &line.spans {
        let style = base.patch(span.style);
        if style != current {
            out.push_str(&sgr(style));
            current = style;
        }
        push_clean(out, &span.content);
    }
    if current != Style::default() {
        out.push_str("\x1b[0m");
    }
    out.push('\n');
}

/// One SGR sequence that resets, then sets everything `style` asks for.
fn sgr(style: Style) -> String {
    let mut codes = String::from("\x1b[0");
    let modifiers = style.add_modifier - style.sub_modifier;
    for (flag, code) in [
        (Modifier::BOLD, 1),
        (Modifier::DIM, 2),
        (Modifier::ITALIC, 3),
        (Modifier::UNDERLINED, 4),
        (Modifier::SLOW_BLINK, 5),
        (Modifier::RAPID_BLINK, 6),
        (Modifier::REVERSED, 7),
        (Modifier::HIDDEN, 8),
        (Modifier::CROSSED_OUT, 9),
    ] {
        if modifiers.contains(flag) {
            let _ = write!(codes, ";{code}");
        }
    }
    if let Some(fg) = style.fg {
        push_color(&mut codes, fg, false);
    }
    if let Some(bg) = style.bg {
        push_color(&mut codes, bg, true);
    }
    codes.push('m');
    codes
}

fn push_color(codes: &mut String, color: Color, background: bool) {
    let offset = if background { 10 } else { 0 };
    let basic = |n: u8| n + offset;
    let _ = match color {
        Color::Reset => write!(codes, ";{}", basic(39)),
        Color::Black => write!(codes, ";{}", basic(30)),
        Color::Red => write!(codes, ";{}", basic(31)),
        Color::Green => write!(codes, ";{}", basic(32)),
        Color::Yellow => write!(codes, ";{}", basic(33)),
        Color::Blue => write!(codes, ";{}", basic(34)),
        Color::Magenta => write!(codes, ";{}", basic(35)),
        Color::Cyan => write!(codes, ";{}", basic(36)),
        Color::Gray => write!(codes, ";{}", basic(37)),
        Color::DarkGray => write!(codes, ";{}", basic(90)),
        Color::LightRed => write!(codes, ";{}", basic(91)),
        Color::LightGreen => write!(codes, ";{}", basic(92)),
        Color::LightYellow => write!(codes, ";{}", basic(93)),
        Color::LightBlue => write!(codes, ";{}", basic(94)),
        Color::LightMagenta => write!(codes, ";{}", basic(95)),
        Color::LightCyan => write!(codes, ";{}", basic(96)),
        Color::White => write!(codes, ";{}", basic(97)),
        Color::Indexed(n) => write!(codes, ";{};5;{n}", basic(38)),
        Color::Rgb(r, g, b) => write!(codes, ";{};2;{r};{g};{b}", basic(38)),
    };
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::Stylize;
    use ratatui::text::{Line, Span};

    #[test]
    fn plain_joins_spans_and_ends_every_line() {
        let text = Text::from(vec![
            Line::from(vec![Span::raw("a"), Span::styled("b", Style::new().red())]),
            Line::default(),
        ]);
        assert_eq!(to_plain(&text), "ab\n\n");
    }

    #[test]
    fn ansi_sets_styles_and_resets_at_line_end() {
        let text = Text::from(vec![
            Line::from(vec![
                Span::raw("a "),
                Span::styled("b", Style::new().bold().fg(Color::Red)),
                Span::styled("c", Style::new().bg(Color::Indexed(236)).italic()),
            ]),
            Line::from("plain"),
        ]);
        assert_eq!(
            to_ansi(&text),
            "a \x1b[0;1;31mb\x1b[0;3;48;5;236mc\x1b[0m\nplain\n"
        );
    }

    #[test]
    fn ansi_nests_text_line_and_span_styles() {
        let text = Text::from(Line::from(Span::styled("x", Style::new().underlined())).yellow())
            .style(Style::new().on_blue());
        assert_eq!(to_ansi(&text), "\x1b[0;4;33;44mx\x1b[0m\n");
    }

    #[test]
    fn rgb_and_light_colours() {
        let text = Text::from(Line::from(vec![
            Span::styled("r", Style::new().fg(Color::Rgb(1, 2, 3))),
            Span::styled("l", Style::new().fg(Color::LightCyan).crossed_out()),
        ]));
        assert_eq!(to_ansi(&text), "\x1b[0;38;2;1;2;3mr\x1b[0;9;96ml\x1b[0m\n");
    }

    #[test]
    fn both_outputs_strip_control_characters() {
        let text = Text::from(Line::from(Span::styled(
            "a\x1b[31mb\u{9b}c\x07",
            Style::new().bold(),
        )));
        assert_eq!(to_plain(&text), "a[31mbc\n");
        assert_eq!(to_ansi(&text), "\x1b[0;1ma[31mbc\x1b[0m\n");
    }
}
