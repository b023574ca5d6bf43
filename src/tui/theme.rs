//! Colours and styles of the interface's chrome (borders, bars, overlays).
//! Lesson text has its own theme in `crate::markdown::Theme`.

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy)]
pub struct Chrome {
    pub border: Style,
    pub border_focused: Style,
    pub title: Style,
    pub status: Style,
    pub status_key: Style,
    pub banner: Style,
    pub selected: Style,
    pub dim: Style,
    pub done: Style,
    pub gauge: Style,
}

impl Chrome {
    pub fn new(color: bool) -> Chrome {
        if !color {
            let plain = Style::new();
            return Chrome {
                border: plain,
                border_focused: plain.add_modifier(Modifier::BOLD),
                title: plain.add_modifier(Modifier::BOLD),
                status: plain.add_modifier(Modifier::REVERSED),
                status_key: plain.add_modifier(Modifier::REVERSED | Modifier::BOLD),
                banner: plain.add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
                selected: plain.add_modifier(Modifier::REVERSED),
                dim: plain,
                done: plain.add_modifier(Modifier::BOLD),
                gauge: plain.add_modifier(Modifier::REVERSED),
            };
        }
        Chrome {
            border: Style::new().fg(Color::DarkGray),
            border_focused: Style::new().fg(Color::Cyan),
            title: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            status: Style::new().bg(Color::Blue).fg(Color::White),
            status_key: Style::new()
                .bg(Color::Blue)
                .fg(Color::Yellow)
                .add_modifier(Modifier::BOLD),
            banner: Style::new()
                .bg(Color::Yellow)
                .fg(Color::Black)
                .add_modifier(Modifier::BOLD),
            selected: Style::new().bg(Color::Cyan).fg(Color::Black),
            dim: Style::new().fg(Color::DarkGray),
            done: Style::new().fg(Color::Green).add_modifier(Modifier::BOLD),
            gauge: Style::new().fg(Color::Green),
        }
    }
}
