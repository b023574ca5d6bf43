//! Colours of the cluster pane: phases, statuses, lit components. Under
//! NO_COLOR every distinction that matters is also in the text (STATUS
//! words, phase glyphs) and lit components are reversed.

use super::flow::Glow;
use crate::sim::stored::Phase;
use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy)]
pub struct Palette {
    pub heading: Style,
    pub dim: Style,
    pub name: Style,
    pub good: Style,
    pub warn: Style,
    pub bad: Style,
    pub info: Style,
    pub lost: Style,
    pub bright: Style,
    pub fading: Style,
    pub off: Style,
    pub bar_used: Style,
    pub bar_free: Style,
    pub spark: Style,
}

impl Palette {
    pub fn new(color: bool) -> Palette {
        let plain = Style::new();
        if !color {
            return Palette {
                heading: plain.add_modifier(Modifier::BOLD),
                dim: plain,
                name: plain.add_modifier(Modifier::BOLD),
                good: plain,
                warn: plain,
                bad: plain.add_modifier(Modifier::BOLD),
                info: plain,
                lost: plain,
                bright: plain.add_modifier(Modifier::REVERSED | Modifier::BOLD),
                fading: plain.add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
                off: plain,
                bar_used: plain,
                bar_free: plain,
                spark: plain,
            };
        }
        Palette {
            heading: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            dim: Style::new().fg(Color::DarkGray),
            name: Style::new().add_modifier(Modifier::BOLD),
            good: Style::new().fg(Color::Green),
            warn: Style::new().fg(Color::Yellow),
            bad: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
            info: Style::new().fg(Color::Blue),
            lost: Style::new().fg(Color::Magenta),
            bright: Style::new()
                .bg(Color::Yellow)
                .fg(Color::Black)
                .add_modifier(Modifier::BOLD),
            fading: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
            off: Style::new().fg(Color::Gray),
            bar_used: Style::new().fg(Color::Green),
            bar_free: Style::new().fg(Color::DarkGray),
            spark: Style::new().fg(Color::Cyan),
        }
    }

    pub fn glow(&self, g: Glow) -> Style {
        match g {
            Glow::Off => self.off,
            Glow::Fading => self.fading,
            Glow::Bright => self.bright,
        }
    }

    pub fn phase(&self, p: Phase) -> Style {
        match p {
            Phase::Running => self.good,
            Phase::Pending => self.warn,
            Phase::Succeeded => self.info,
            Phase::Failed => self.bad,
            Phase::Unknown => self.lost,
        }
    }

    /// The kubectl STATUS word: errors red, waiting yellow, done blue.
    pub fn status(&self, status: &str, phase: Phase) -> Style {
        match status {
            "Running" => self.good,
            "Completed" => self.info,
            "Terminating" => self.dim,
            "Unknown" => self.lost,
            "Pending" | "ContainerCreating" | "PodInitializing" => self.warn,
            s if s.starts_with("Init:") && !s.contains("Err") && !s.contains("BackOff") => {
                self.warn
            }
            s if s.contains("Err")
                || s.contains("BackOff")
                || s.contains("Error")
                || s.contains("OOM")
                || s.starts_with("ExitCode") =>
            {
                self.bad
            }
            _ => self.phase(phase),
        }
    }

    /// Node STATUS: Ready, NotReady, Ready,SchedulingDisabled.
    pub fn node_status(&self, status: &str) -> Style {
        if status.starts_with("NotReady") {
            self.bad
        } else if status.contains("SchedulingDisabled") {
            self.warn
        } else {
            self.good
        }
    }
}

/// A glyph per phase, so phases differ without colour.
pub fn phase_glyph(p: Phase) -> &'static str {
    match p {
        Phase::Running => "●",
        Phase::Pending => "○",
        Phase::Succeeded => "✓",
        Phase::Failed => "✗",
        Phase::Unknown => "?",
    }
}
