//! The styles the renderer uses. Colours come from the 16-colour palette so
//! they follow the user's terminal scheme.

use ratatui::style::{Color, Modifier, Style};

/// Styles for highlighted code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Syntax {
    /// Mapping keys (YAML) and object keys (JSON).
    pub key: Style,
    pub string: Style,
    pub number: Style,
    /// `true`, `false`, `null` and their YAML spellings.
    pub boolean: Style,
    pub comment: Style,
    /// Brackets, `:`, `-` list markers, shell operators, `---`.
    pub punctuation: Style,
    /// The `$ ` of a shell prompt.
    pub prompt: Style,
    /// The command word of a shell line (`kubectl`).
    pub command: Style,
    /// Shell options (`-o`, `--watch`).
    pub flag: Style,
    /// Shell variables (`$HOME`, `NAME=value`), YAML anchors and tags.
    pub variable: Style,
    /// Output lines in a `console` block.
    pub output: Style,
}

impl Syntax {
    /// Whether every token style is `style` (highlighting then changes
    /// nothing).
    pub(crate) fn all_are(&self, style: Style) -> bool {
        let Syntax {
            key,
            string,
            number,
            boolean,
            comment,
            punctuation,
            prompt,
            command,
            flag,
            variable,
            output,
        } = self;
        [
            key,
            string,
            number,
            boolean,
            comment,
            punctuation,
            prompt,
            command,
            flag,
            variable,
            output,
        ]
        .into_iter()
        .all(|s| *s == style)
    }
}

/// Every style the Markdown renderer uses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    /// Body text; every other text style is patched onto it.
    pub text: Style,
    /// Headings of level 1, 2 and 3; they differ in their modifiers too, so
    /// they stay distinct without colour.
    pub heading: [Style; 3],
    /// Headings of level 4 to 6.
    pub heading_minor: Style,
    pub emphasis: Style,
    pub strong: Style,
    pub strikethrough: Style,
    pub code_inline: Style,
    pub link: Style,
    /// The `(target)` shown after a link's text.
    pub link_target: Style,
    /// `[image: alt]`.
    pub image: Style,
    pub list_marker: Style,
    pub quote_bar: Style,
    /// Text inside a block quote (patched onto the text styles).
    pub quote_text: Style,
    pub rule: Style,
    pub code_frame: Style,
    /// The language name in a code block's frame.
    pub code_label: Style,
    /// Code that is not highlighted.
    pub code_text: Style,
    /// The marker at the start of a wrapped code line's continuation.
    pub code_wrap_marker: Style,
    pub syntax: Syntax,
    pub table_border: Style,
    pub table_header: Style,
    /// Frame of the Quiz / Exercise / Cluster boxes.
    pub box_border: Style,
    /// "Quiz:", "Exercise:", "Cluster:" and the frame's title.
    pub box_label: Style,
    pub error_border: Style,
    pub error_text: Style,
}

impl Default for Theme {
    fn default() -> Self {
        Self::colored()
    }
}

const fn fg(color: Color) -> Style {
    Style::new().fg(color)
}

impl Theme {
    /// The full-colour theme.
    pub fn colored() -> Self {
        let bold = Modifier::BOLD;
        Theme {
            text: Style::new(),
            heading: [
                fg(Color::LightCyan).add_modifier(bold | Modifier::UNDERLINED),
                fg(Color::LightBlue).add_modifier(bold),
                fg(Color::LightMagenta).add_modifier(bold | Modifier::ITALIC),
            ],
            heading_minor: Style::new().add_modifier(Modifier::ITALIC),
            emphasis: Style::new().add_modifier(Modifier::ITALIC),
            strong: Style::new().add_modifier(bold),
            strikethrough: Style::new().add_modifier(Modifier::CROSSED_OUT),
            code_inline: fg(Color::LightYellow),
            link: fg(Color::Blue).add_modifier(Modifier::UNDERLINED),
            link_target: fg(Color::DarkGray).add_modifier(Modifier::DIM),
            image: fg(Color::Magenta).add_modifier(Modifier::ITALIC),
            list_marker: fg(Color::Cyan),
            quote_bar: fg(Color::DarkGray),
            quote_text: fg(Color::Gray),
            rule: fg(Color::DarkGray),
            code_frame: fg(Color::DarkGray),
            code_label: fg(Color::DarkGray).add_modifier(Modifier::ITALIC),
            code_text: Style::new(),
            code_wrap_marker: fg(Color::DarkGray).add_modifier(Modifier::DIM),
            syntax: Syntax {
                key: fg(Color::Cyan),
                string: fg(Color::Green),
                number: fg(Color::Magenta),
                boolean: fg(Color::Yellow),
                comment: fg(Color::DarkGray).add_modifier(Modifier::ITALIC),
                punctuation: fg(Color::DarkGray),
                prompt: fg(Color::Green).add_modifier(bold),
                command: fg(Color::LightYellow).add_modifier(bold),
                flag: fg(Color::Cyan),
                variable: fg(Color::LightMagenta),
                output: fg(Color::Gray),
            },
            table_border: fg(Color::DarkGray),
            table_header: fg(Color::LightCyan).add_modifier(bold),
            box_border: fg(Color::Blue),
            box_label: fg(Color::LightBlue).add_modifier(bold),
            error_border: fg(Color::Red),
            error_text: fg(Color::LightRed),
        }
    }

    /// No colours (<https://no-color.org>), but bold, italic, underline,
    /// dim, strikethrough and reverse stay where they carry meaning.
    pub fn no_color() -> Self {
        let mut t = Self::colored();
        for s in t.styles_mut() {
            s.fg = None;
            s.bg = None;
            s.underline_color = None;
        }
        // Without colour, inline code needs something else to stand out.
        t.code_inline = Style::new().add_modifier(Modifier::REVERSED);
        t.syntax.comment = Style::new().add_modifier(Modifier::DIM | Modifier::ITALIC);
        t.syntax.key = Style::new().add_modifier(Modifier::BOLD);
        t.quote_text = Style::new().add_modifier(Modifier::ITALIC);
        t.error_text = Style::new().add_modifier(Modifier::BOLD);
        t
    }

    /// No styles at all: for plain-text output and tests.
    pub fn plain() -> Self {
        let mut t = Self::colored();
        for s in t.styles_mut() {
            *s = Style::new();
        }
        t
    }

    /// [`Theme::no_color`] when the `NO_COLOR` environment variable is set
    /// to a non-empty value, [`Theme::colored`] otherwise.
    pub fn from_env() -> Self {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Self::for_no_color(no_color)
    }

    pub fn for_no_color(no_color: bool) -> Self {
        if no_color {
            Self::no_color()
        } else {
            Self::colored()
        }
    }

    /// The style of a heading of `level` (1-based).
    pub fn heading(&self, level: usize) -> Style {
        match level {
            1..=3 => self.heading[level - 1],
            _ => self.heading_minor,
        }
    }

    fn styles_mut(&mut self) -> Vec<&mut Style> {
        let Theme {
            text,
            heading,
            heading_minor,
            emphasis,
            strong,
            strikethrough,
            code_inline,
            link,
            link_target,
            image,
            list_marker,
            quote_bar,
            quote_text,
            rule,
            code_frame,
            code_label,
            code_text,
            code_wrap_marker,
            syntax,
            table_border,
            table_header,
            box_border,
            box_label,
            error_border,
            error_text,
        } = self;
        let Syntax {
            key,
            string,
            number,
            boolean,
            comment,
            punctuation,
            prompt,
            command,
            flag,
            variable,
            output,
        } = syntax;
        let mut all: Vec<&mut Style> = heading.iter_mut().collect();
        all.extend([
            text,
            heading_minor,
            emphasis,
            strong,
            strikethrough,
            code_inline,
            link,
            link_target,
            image,
            list_marker,
            quote_bar,
            quote_text,
            rule,
            code_frame,
            code_label,
            code_text,
            code_wrap_marker,
            table_border,
            table_header,
            box_border,
            box_label,
            error_border,
            error_text,
            key,
            string,
            number,
            boolean,
            comment,
            punctuation,
            prompt,
            command,
            flag,
            variable,
            output,
        ]);
        all
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_one_to_three_are_distinct() {
        for theme in [Theme::colored(), Theme::no_color()] {
            let [h1, h2, h3] = theme.heading;
            assert!(h1 != h2 && h2 != h3 && h1 != h3, "{theme:?}");
            assert!(!theme.heading.contains(&theme.heading_minor));
            assert!(!theme.heading.contains(&theme.text));
        }
        let t = Theme::colored();
        assert_ne!(t.heading(1), t.heading(2));
        assert_ne!(t.heading(2), t.heading(3));
        assert_eq!(t.heading(5), t.heading_minor);
    }

    #[test]
    fn no_color_has_no_colours_but_keeps_modifiers() {
        let t = Theme::no_color();
        let mut t2 = t.clone();
        for s in t2.styles_mut() {
            assert_eq!((s.fg, s.bg), (None, None));
        }
        assert!(t.strong.add_modifier.contains(Modifier::BOLD));
        assert!(t.emphasis.add_modifier.contains(Modifier::ITALIC));
        assert!(t.link.add_modifier.contains(Modifier::UNDERLINED));
        assert!(t.code_inline.add_modifier.contains(Modifier::REVERSED));
    }

    #[test]
    fn plain_has_no_styles() {
        let mut t = Theme::plain();
        assert!(t.styles_mut().iter().all(|s| **s == Style::new()));
    }

    #[test]
    fn for_no_color_picks_the_theme() {
        assert_eq!(Theme::for_no_color(true), Theme::no_color());
        assert_eq!(Theme::for_no_color(false), Theme::colored());
    }
}
