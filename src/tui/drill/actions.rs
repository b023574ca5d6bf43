//! What the app does with the drill's actions. [`App::apply`] asks here
//! first: while the drill is open it takes the clock ticks (the card's
//! cluster plays; the lesson's live cluster waits), the mouse wheel and the
//! drill keys, and leaves quitting and the help overlay to the app.
//!
//! Every answer is recorded in the progress file at once
//! (`Store::record_review`) and saved, so quitting at any point, even with
//! Ctrl-C, loses nothing already answered; `kubetutor progress` and the
//! next session's plan see it.

use super::{DEFAULT_COUNT, Drill, DrillOptions, Effect};
use crate::quiz::drill::Review;
use crate::tui::action::Action;
use crate::tui::app::App;
use ratatui::layout::Rect;

fn inside(r: Option<Rect>, column: u16, row: u16) -> bool {
    r.is_some_and(|r| column >= r.x && column < r.right() && row >= r.y && row < r.bottom())
}

impl App {
    /// Open the drill over the lesson: a session planned from the saved
    /// review state (due cards first), in the interface language.
    pub fn open_drill(&mut self, options: DrillOptions) {
        let deck = self.store().map(|s| s.drill().clone()).unwrap_or_default();
        let drill = Drill::new(deck, self.now(), options, self.lang);
        self.drill = Some(Box::new(drill));
        self.overlay = None;
    }

    /// Handle `action` if it belongs to the drill; false leaves it to the
    /// rest of the app.
    pub(in crate::tui) fn drill_action(&mut self, action: Action) -> bool {
        if action == Action::OpenDrill {
            if self.drill.is_none() {
                let seed = self.now().millis() as u64;
                let shuffle_seed = self.shuffle_seed();
                self.open_drill(DrillOptions {
                    count: DEFAULT_COUNT,
                    seed,
                    shuffle_seed,
                    standalone: false,
                });
            }
            return true;
        }
        let now = self.now();
        let Some(drill) = self.drill.as_mut() else {
            return false;
        };
        match action {
            Action::Tick(ms) => drill.tick(ms),
            Action::Wheel { column, row, lines } => {
                let g = drill.geometry;
                if inside(g.cluster, column, row) {
                    drill.scroll_cluster(lines as i64);
                } else if inside(g.card, column, row) {
                    drill.scroll_by(lines as i64);
                }
            }
            Action::Drill(key) => match drill.key(key, now) {
                Effect::None => {}
                Effect::Record(review) => self.record_drill_review(&review),
                // Opened by `kubetutor drill`: quit, keeping the drill so
                // its report is printed once the terminal is back.
                Effect::Leave if drill.standalone() => self.quit = true,
                Effect::Leave => self.drill = None,
            },
            // Everything else (quit, the help overlay) is the app's; the
            // lesson's keys never reach here while the drill is open.
            _ => return false,
        }
        true
    }

    /// Keep a review in the progress file and save it; the drill's copy of
    /// the deck follows the file (with what other processes saved).
    fn record_drill_review(&mut self, review: &Review) {
        let now = self.now();
        let (due, deck) = match self.store_mut() {
            Some(store) => {
                let due = store.record_review(&review.key, review.category, review.grade, now);
                (due, Some(store.drill().clone()))
            }
            None => {
                let Some(drill) = self.drill.as_mut() else {
                    return;
                };
                let due = drill
                    .deck
                    .review(&review.key, review.category, review.grade, now);
                (due, None)
            }
        };
        if let Some(drill) = self.drill.as_mut() {
            if let Some(deck) = deck {
                drill.deck = deck;
            }
            drill.card_due = Some((now, due));
        }
        self.save_progress();
        // A synchronous save (tests, plain runs) has merged what other
        // processes saved: the drill's deck follows it.
        let deck = self.store().map(|s| s.drill().clone());
        if let (Some(drill), Some(deck)) = (self.drill.as_mut(), deck) {
            drill.deck = deck;
        }
    }
}
