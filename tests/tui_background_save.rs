//! The tutor saves its progress off the interface thread (issue #15, item
//! 5): while another process holds the progress lock, changing section
//! returns without waiting for it (nothing is reported yet), the "in use"
//! message comes with a later tick, and the change is written once the
//! lock is free, at the latest on exit.

use kubetutor::lang::Lang;
use kubetutor::lesson::catalog::Catalog;
use kubetutor::markdown::Theme;
use kubetutor::progress::{Store, file};
use kubetutor::tui::action::Action;
use kubetutor::tui::app::{App, Options};
use std::path::Path;
use std::time::Duration;

fn app(store: Store) -> App {
    let catalog = Catalog::from_dir(Path::new("tests/fixtures/tui")).unwrap();
    let options = Options {
        lang: Lang::En,
        start: Some("first".into()),
        theme: Theme::plain(),
        color: false,
    };
    App::new(catalog, options, Some(store))
}

fn busy(app: &App) -> bool {
    app.banner
        .iter()
        .any(|b| b.contains("in use by another kubetutor"))
}

#[test]
fn a_section_change_does_not_wait_for_a_held_lock() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.json");
    let (store, _) = Store::open(&path);
    let mut app = app(store);
    app.save_in_background();
    let held = file::lock(&path, Duration::ZERO).unwrap();
    app.apply(Action::NextSection);
    // A save in place would have waited its second and said so by now.
    assert!(!busy(&app), "{:?}", app.banner);
    // The worker's answer arrives with a later tick.
    while !busy(&app) {
        std::thread::sleep(Duration::from_millis(50));
        app.apply(Action::Tick(50));
    }
    drop(held);
    app.on_exit();
    let (store, _) = Store::open(&path);
    assert_eq!(store.position().map(|p| p.section), Some(1));
}

#[test]
fn without_the_background_saver_the_same_change_waits_and_reports_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.json");
    let (store, _) = Store::open(&path);
    let mut app = app(store);
    let _held = file::lock(&path, Duration::ZERO).unwrap();
    app.apply(Action::NextSection);
    assert!(busy(&app), "{:?}", app.banner);
}
