//! What the live cluster, the command bar and the command output do with an
//! action. [`App::apply`] asks here first; everything else is the lesson's.

use crate::tui::action::{Action, Pane};
use crate::tui::app::App;
use ratatui::layout::Rect;

fn inside(r: Option<Rect>, column: u16, row: u16) -> bool {
    r.is_some_and(|r| column >= r.x && column < r.right() && row >= r.y && row < r.bottom())
}

impl App {
    /// Handle `action` if it belongs to the cluster side; false leaves it
    /// to the lesson side.
    pub(in crate::tui) fn cluster_action(&mut self, action: Action) -> bool {
        let on_cluster = self.focus == Pane::Cluster;
        match action {
            Action::Tick(ms) => {
                if !self.console.tick_wait(&mut self.live) {
                    self.live.tick(ms);
                }
            }
            Action::CloseOverlay if self.console.waiting.is_some() => {
                self.console.stop_wait(&self.live);
            }
            Action::TogglePause => self.live.toggle_pause(),
            Action::Faster => self.live.faster(),
            Action::Slower => self.live.slower(),
            Action::StepOnce => self.live.step_once(),
            Action::OpenCommandBar => self.console.open(),
            Action::Bar(key) => {
                self.live.lang = self.lang;
                let ran = self.console.key(key, &mut self.live, self.lang);
                if ran {
                    // A command is about the cluster: show it (on a
                    // narrow terminal that means switching panes), and let
                    // ↑/↓ scroll the output under it; Esc gives the focus
                    // back.
                    if self.console.return_focus.is_none() {
                        self.console.return_focus = Some(self.focus);
                    }
                    self.focus = Pane::Cluster;
                }
            }
            Action::ScrollSideways(cols) => {
                let width = self.geometry.output_width;
                if let Some(out) = self.console.output.as_mut() {
                    out.scroll_sideways(cols as i64, width);
                }
            }
            Action::CloseOverlay if self.overlay.is_none() && self.console.output.is_some() => {
                self.console.close_output();
                if let Some(pane) = self.console.return_focus.take() {
                    self.focus = pane;
                }
            }
            Action::Scroll(n) if on_cluster => self.scroll_cluster(n as i64),
            Action::PageDown if on_cluster => self.scroll_cluster(self.cluster_page() as i64),
            Action::PageUp if on_cluster => self.scroll_cluster(-(self.cluster_page() as i64)),
            Action::Top if on_cluster => self.scroll_cluster(i64::MIN / 2),
            Action::Bottom if on_cluster => self.scroll_cluster(i64::MAX / 2),
            Action::Wheel { column, row, lines } => {
                if inside(self.geometry.output, column, row) {
                    let rows = self.geometry.output_rows;
                    if let Some(out) = self.console.output.as_mut() {
                        out.scroll_by(lines as i64, rows);
                    }
                } else if inside(self.geometry.cluster, column, row) {
                    let max = self.cluster_max_scroll();
                    self.live.scroll_by(lines as i64, max);
                } else {
                    return false;
                }
            }
            _ => return false,
        }
        true
    }

    fn cluster_max_scroll(&self) -> usize {
        self.geometry
            .cluster_lines
            .saturating_sub(self.geometry.cluster_rows)
    }

    /// A page of whatever the cluster pane scrolls now.
    fn cluster_page(&self) -> usize {
        let rows = if self.console.output.is_some() {
            self.geometry.output_rows
        } else {
            self.geometry.cluster_rows
        };
        rows.saturating_sub(1).max(1)
    }

    /// Scroll the command output when it is shown, else the cluster.
    fn scroll_cluster(&mut self, lines: i64) {
        let rows = self.geometry.output_rows;
        if let Some(out) = self.console.output.as_mut() {
            out.scroll_by(lines, rows);
        } else {
            let max = self.cluster_max_scroll();
            self.live.scroll_by(lines, max);
        }
    }
}
