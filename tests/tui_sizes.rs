//! Every terminal size from 1×1 to 300×100 draws without a panic, in both
//! languages, with the lesson, the cluster pane and the overlays. Every
//! width 1..=300 and every height 1..=100 is drawn; above 60 columns the
//! heights are sampled (around the size limits, and one that moves with the
//! width) to keep the test fast.

use kubetutor::lang::Lang;
use kubetutor::lesson::catalog::Catalog;
use kubetutor::markdown::Theme;
use kubetutor::tui::action::Action;
use kubetutor::tui::app::{App, Options};
use kubetutor::tui::views::{self, MIN_HEIGHT, MIN_WIDTH};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::collections::BTreeSet;
use std::path::Path;

fn app(lang: Lang) -> App {
    let catalog = Catalog::from_dir(Path::new("tests/fixtures/tui")).expect("fixture course loads");
    App::new(
        catalog,
        Options {
            lang,
            start: Some("first".into()),
            theme: Theme::colored(),
            color: true,
        },
        None,
    )
}

/// The heights drawn at `width`.
fn heights(width: u16) -> Vec<u16> {
    if width <= 60 {
        return (1..=100).collect();
    }
    let mut h: BTreeSet<u16> = [1, 2, MIN_HEIGHT - 1, MIN_HEIGHT, MIN_HEIGHT + 1, 30, 100]
        .into_iter()
        .collect();
    h.insert(1 + width % 100);
    h.into_iter().collect()
}

fn draw(app: &mut App, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| views::draw(frame, app)).unwrap();
    terminal
}

#[test]
fn every_size_up_to_300_by_100_draws() {
    let mut seen_w = BTreeSet::new();
    let mut seen_h = BTreeSet::new();
    // Korean (wide glyphs) at every width; English at every fifth.
    for (lang, section, step) in [(Lang::Ko, 1, 1), (Lang::En, 2, 5)] {
        let mut app = app(lang);
        for _ in 0..section {
            app.apply(Action::NextSection);
        }
        app.banner
            .push("⚠ 배너 한 줄: a banner line that is long enough to be cut".into());
        for width in (1..=300u16).step_by(step) {
            for height in heights(width) {
                let terminal = draw(&mut app, width, height);
                seen_w.insert(width);
                seen_h.insert(height);
                // The pane's corner sits under the banner row once the
                // terminal is big enough; before that, the "too small" text.
                if height > 1 {
                    let corner = terminal.backend().buffer()[(0, 1)].symbol().to_string();
                    let big = width >= MIN_WIDTH && height >= MIN_HEIGHT;
                    assert_eq!(corner == "┌", big, "{width}x{height}: {corner:?}");
                }
            }
        }
    }
    assert_eq!(seen_w.len(), 300);
    assert_eq!(seen_h.len(), 100);
}

#[test]
fn overlays_and_the_cluster_pane_at_sampled_sizes() {
    let mut app = app(Lang::Ko);
    app.apply(Action::NextSection);
    for step in [Action::ToggleHelp, Action::ToggleCourse, Action::FocusNext] {
        app.apply(step);
        for width in (1..=300u16).step_by(7).chain([299, 300]) {
            for height in [1, 5, MIN_HEIGHT - 1, MIN_HEIGHT, 13, 24, 57, 100] {
                draw(&mut app, width, height);
            }
        }
        if step != Action::FocusNext {
            app.apply(Action::CloseOverlay);
        }
    }
}
