//! Drawing one full frame of the interface: the lesson pane beside a busy
//! cluster pane (traffic, a crash loop, pending pods, a lost node, lights
//! moving), 200x60, into ratatui's TestBackend. Target: under 1 ms median.

use criterion::{Criterion, criterion_group, criterion_main};
use kubetutor::lang::Lang;
use kubetutor::lesson::catalog::Catalog;
use kubetutor::markdown::Theme;
use kubetutor::tui::action::{Action, BarKey};
use kubetutor::tui::app::{App, Options};
use kubetutor::tui::views;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::path::Path;

#[path = "../tests/support/busy.rs"]
mod busy;

fn busy_app(lang: Lang) -> App {
    let catalog = Catalog::from_dir(Path::new("tests/fixtures/tui")).expect("fixture loads");
    let mut app = App::new(
        catalog,
        Options {
            lang,
            start: Some("first".into()),
            theme: Theme::colored(),
            color: true,
        },
        None,
    );
    app.apply(Action::NextSection);
    busy::make_busy(&mut app.live.cluster);
    // The lights are moving: a command was just run.
    app.apply(Action::OpenCommandBar);
    for c in "create deployment web2 --image=nginx --replicas=3".chars() {
        app.apply(Action::Bar(BarKey::Insert(c)));
    }
    app.apply(Action::Bar(BarKey::Submit));
    app.apply(Action::CloseOverlay);
    for _ in 0..5 {
        app.apply(Action::Tick(100));
    }
    app
}

fn frame(c: &mut Criterion) {
    for lang in [Lang::En, Lang::Ko] {
        let mut app = busy_app(lang);
        let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
        c.bench_function(
            &format!("draw 200x60 lesson + busy cluster ({})", lang.code()),
            |b| {
                b.iter(|| {
                    terminal
                        .draw(|f| views::draw(f, &mut app))
                        .expect("draws")
                        .area
                })
            },
        );
    }
    let mut app = busy_app(Lang::En);
    app.apply(Action::OpenCommandBar);
    for c in "get events".chars() {
        app.apply(Action::Bar(BarKey::Insert(c)));
    }
    app.apply(Action::Bar(BarKey::Submit));
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
    c.bench_function("draw 200x60 lesson + busy cluster + command output", |b| {
        b.iter(|| {
            terminal
                .draw(|f| views::draw(f, &mut app))
                .expect("draws")
                .area
        })
    });
}

criterion_group!(benches, frame);
criterion_main!(benches);
