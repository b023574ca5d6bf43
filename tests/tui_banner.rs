//! The warning banner wraps to two rows instead of cutting: where a corrupt
//! progress file was moved and that `x` dismisses it stay on screen.

use kubetutor::lang::Lang;
use kubetutor::tui::i18n::Ui;
use kubetutor::tui::views::banner_lines;

#[test]
fn a_moved_aside_file_keeps_its_new_name_and_the_dismiss_key() {
    let message = "⚠ the progress file /home/student/.local/share/kubetutor/progress.json could not be read (it is not valid JSON (expected value at line 1 column 1)); it was moved to /home/student/.local/share/kubetutor/progress.json.bad-20261207T094948Z and a new one was started".to_string();
    for width in [40usize, 60, 80, 100, 130] {
        let rows = banner_lines(std::slice::from_ref(&message), width, &Ui::new(Lang::En));
        assert!(rows.len() <= 2, "{width}: {rows:?}");
        let shown = rows.join("");
        assert!(shown.contains("(x dismisses)"), "{width}: {rows:?}");
        if width >= 80 {
            assert!(shown.contains(".bad-20261207T094948Z"), "{width}: {rows:?}");
        }
        assert!(rows.iter().all(|r| kubetutor::text::width(r) <= width));
    }
    // Short: one row, in Korean too.
    let rows = banner_lines(&["⚠ 저장 실패".to_string()], 80, &Ui::new(Lang::Ko));
    assert_eq!(rows, ["⚠ 저장 실패 (x 닫기)"]);
    assert!(banner_lines(&[], 80, &Ui::new(Lang::En)).is_empty());
}

/// A cluster caption is Markdown: no raw backticks in the pane.
#[test]
fn captions_render_their_markdown() {
    use kubetutor::lesson::Catalog;
    use kubetutor::tui::app::{App, Options};
    let mut app = App::new(
        Catalog::embedded(),
        Options {
            lang: Lang::En,
            start: Some("pod-phases".into()),
            theme: kubetutor::markdown::Theme::plain(),
            color: false,
        },
        None,
    );
    let lesson = app.current().unwrap().lesson.clone();
    let section = lesson
        .sections
        .iter()
        .position(|s| {
            s.cluster()
                .and_then(|c| c.value.caption.as_deref())
                .is_some_and(|c| c.contains('`'))
        })
        .expect("a caption with code");
    app.open("pod-phases", section);
    app.apply(kubetutor::tui::action::Action::Tick(100));
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(200, 60)).unwrap();
    terminal
        .draw(|f| kubetutor::tui::views::draw(f, &mut app))
        .unwrap();
    let screen = terminal.backend().to_string();
    let pane: String = screen
        .lines()
        .map(|l| l.chars().skip(117).collect::<String>() + "\n")
        .collect();
    assert!(pane.contains("with :get pod one-never -o yaml"), "{pane}");
    assert!(!pane.contains("`:get pod"), "{pane}");
}
