//! The command bar (`:`): editing, history, completion, the output panel,
//! and commands changing the live cluster.

#[path = "support/tui.rs"]
mod support;

use kubetutor::lang::Lang;
use kubetutor::tui::action::{Action, BarKey, Pane};
use kubetutor::tui::app::App;
use kubetutor::tui::keymap;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Position;
use support::*;

fn key(app: &mut App, k: BarKey) {
    app.apply(Action::Bar(k));
}

fn line(app: &App) -> &str {
    app.console
        .bar
        .as_ref()
        .expect("the bar is open")
        .input
        .text()
}

/// The bottom row of the screen and where the terminal cursor is.
fn bar_row(app: &mut App, width: u16, height: u16) -> (String, Position) {
    let mut t = terminal(app, width, height);
    let cursor = t.get_cursor_position().unwrap();
    let screen = t.backend().to_string();
    let last = screen.lines().last().unwrap().trim_matches('"').to_string();
    (last, cursor)
}

fn press(app: &App, code: KeyCode, modifiers: KeyModifiers) -> Option<Action> {
    keymap::action_for(&Event::Key(KeyEvent::new(code, modifiers)), app)
}

#[test]
fn keys_open_the_bar_and_control_time() {
    let mut app = app(Lang::En);
    let none = KeyModifiers::NONE;
    assert_eq!(
        press(&app, KeyCode::Char(':'), none),
        Some(Action::OpenCommandBar)
    );
    assert_eq!(
        press(&app, KeyCode::Char(' '), none),
        Some(Action::TogglePause),
        "space no longer pages down"
    );
    assert_eq!(press(&app, KeyCode::PageDown, none), Some(Action::PageDown));
    assert_eq!(
        press(&app, KeyCode::Char('+'), KeyModifiers::SHIFT),
        Some(Action::Faster)
    );
    assert_eq!(press(&app, KeyCode::Char('-'), none), Some(Action::Slower));
    assert_eq!(
        press(&app, KeyCode::Char('.'), none),
        Some(Action::StepOnce)
    );
    // No command output open: h/l scroll the lesson's code blocks.
    assert_eq!(
        press(&app, KeyCode::Char('l'), none),
        Some(Action::ScrollCode(8)),
    );
    assert_eq!(
        press(&app, KeyCode::Char('h'), none),
        Some(Action::ScrollCode(-8)),
    );
    app.apply(Action::OpenCommandBar);
    // In the bar, letters are text: q does not quit, ? is not help.
    for c in ['q', '?', ' ', 'n', ':'] {
        assert_eq!(
            press(&app, KeyCode::Char(c), none),
            Some(Action::Bar(BarKey::Insert(c)))
        );
    }
    assert_eq!(
        press(&app, KeyCode::Char('u'), KeyModifiers::CONTROL),
        Some(Action::Bar(BarKey::Clear))
    );
    assert_eq!(
        press(&app, KeyCode::Char('c'), KeyModifiers::CONTROL),
        Some(Action::Quit),
        "Ctrl-C always quits"
    );
    assert_eq!(
        press(&app, KeyCode::Tab, none),
        Some(Action::Bar(BarKey::Complete))
    );
    assert_eq!(
        press(&app, KeyCode::BackTab, KeyModifiers::SHIFT),
        Some(Action::Bar(BarKey::CompleteBack))
    );
    assert_eq!(
        press(&app, KeyCode::Up, none),
        Some(Action::Bar(BarKey::HistoryPrev))
    );
    assert_eq!(
        press(&app, KeyCode::Esc, none),
        Some(Action::Bar(BarKey::Cancel))
    );
}

#[test]
fn editing_the_line() {
    let mut app = app(Lang::En);
    app.apply(Action::OpenCommandBar);
    let (row, cursor) = bar_row(&mut app, 80, 24);
    assert!(row.starts_with(": Enter runs"), "a hint while empty: {row}");
    assert_eq!(cursor, Position::new(1, 23));
    type_text(&mut app, "get pdos");
    key(&mut app, BarKey::Left);
    key(&mut app, BarKey::Left);
    key(&mut app, BarKey::Backspace);
    key(&mut app, BarKey::Right);
    type_text(&mut app, "d");
    assert_eq!(line(&app), "get pods");
    let (row, cursor) = bar_row(&mut app, 80, 24);
    assert_eq!(row.trim_end(), ":get pods");
    assert_eq!(cursor, Position::new(8, 23), "after the d");
    key(&mut app, BarKey::Home);
    key(&mut app, BarKey::Delete);
    key(&mut app, BarKey::Delete);
    key(&mut app, BarKey::Delete);
    key(&mut app, BarKey::Delete);
    assert_eq!(line(&app), "pods");
    key(&mut app, BarKey::End);
    key(&mut app, BarKey::DeleteWord);
    assert_eq!(line(&app), "");
    type_text(&mut app, "describe node node-1");
    key(&mut app, BarKey::Clear);
    assert_eq!(line(&app), "");
    key(&mut app, BarKey::Cancel);
    assert!(app.console.bar.is_none());
    assert!(app.console.output.is_none(), "Esc runs nothing");
    assert!(app.console.history().is_empty());
}

#[test]
fn korean_and_wide_text_is_measured_by_width() {
    let mut app = app(Lang::Ko);
    app.apply(Action::OpenCommandBar);
    // An input method sends composed syllables as characters.
    type_text(&mut app, "get 파드");
    let (row, cursor) = bar_row(&mut app, 80, 24);
    assert!(row.starts_with(":get 파드"), "{row}");
    assert_eq!(cursor.x, 1 + 4 + 4, "two columns per syllable");
    key(&mut app, BarKey::Left);
    let (_, cursor) = bar_row(&mut app, 80, 24);
    assert_eq!(cursor.x, 1 + 4 + 2);
    key(&mut app, BarKey::Backspace);
    assert_eq!(line(&app), "get 드");
    // Control characters never enter the line (they would reach the terminal).
    for c in ['\u{1b}', '\u{7}', '\u{9b}', '\r'] {
        key(&mut app, BarKey::Insert(c));
    }
    assert_eq!(line(&app), "get 드");
}

#[test]
fn very_long_input_is_capped_and_kept_in_view() {
    let mut app = app(Lang::En);
    app.apply(Action::OpenCommandBar);
    type_text(&mut app, &"x".repeat(5000));
    assert_eq!(line(&app).len(), 4096);
    let (row, cursor) = bar_row(&mut app, 60, 20);
    assert_eq!(cursor.x, 59, "the cursor stays on screen");
    assert!(row.trim_end().ends_with('x'));
    key(&mut app, BarKey::Home);
    let (_, cursor) = bar_row(&mut app, 60, 20);
    assert_eq!(cursor.x, 1);
    key(&mut app, BarKey::Submit);
    let out = app.console.output.as_ref().unwrap();
    assert!(!out.ok);
    // The error, and where the commands are listed.
    assert_eq!(out.lines.len(), 2, "{:?}", out.lines);
    assert_eq!(
        out.lines[1],
        "Run 'help' for the commands this cluster understands."
    );
    screen(&mut app, 60, 20);
}

#[test]
fn history_goes_back_and_forth_and_keeps_the_draft() {
    let mut app = app(Lang::En);
    command(&mut app, "get pods");
    command(&mut app, "get nodes");
    command(&mut app, "get nodes");
    assert_eq!(
        app.console.history(),
        ["get pods", "get nodes"],
        "no repeats"
    );
    app.apply(Action::OpenCommandBar);
    type_text(&mut app, "desc");
    key(&mut app, BarKey::HistoryPrev);
    assert_eq!(line(&app), "get nodes");
    key(&mut app, BarKey::HistoryPrev);
    assert_eq!(line(&app), "get pods");
    key(&mut app, BarKey::HistoryPrev);
    assert_eq!(line(&app), "get pods", "the oldest stays");
    key(&mut app, BarKey::HistoryNext);
    assert_eq!(line(&app), "get nodes");
    key(&mut app, BarKey::HistoryNext);
    assert_eq!(line(&app), "desc", "back to what was being typed");
    key(&mut app, BarKey::HistoryNext);
    assert_eq!(line(&app), "desc");
}

#[test]
fn tab_completes_lists_and_cycles() {
    let mut app = app(Lang::En);
    app.apply(Action::OpenCommandBar);
    type_text(&mut app, "ge");
    key(&mut app, BarKey::Complete);
    assert_eq!(line(&app), "get ", "a single candidate is taken");
    key(&mut app, BarKey::Clear);
    type_text(&mut app, "cordon n");
    key(&mut app, BarKey::Complete);
    assert_eq!(line(&app), "cordon node-", "extended to what they share");
    let s = screen(&mut app, 80, 24);
    let list = s.lines().nth(22).unwrap();
    assert!(list.contains(" node-1  node-2  node-3 "), "{s}");
    key(&mut app, BarKey::Complete);
    assert_eq!(line(&app), "cordon node-1 ");
    key(&mut app, BarKey::Complete);
    assert_eq!(line(&app), "cordon node-2 ");
    key(&mut app, BarKey::Complete);
    key(&mut app, BarKey::Complete);
    assert_eq!(line(&app), "cordon node-1 ", "cycles around");
    key(&mut app, BarKey::CompleteBack);
    assert_eq!(line(&app), "cordon node-3 ");
    type_text(&mut app, "x");
    assert!(app.console.bar.as_ref().unwrap().completion.is_none());
    // Names come from the live cluster; text after the cursor stays.
    key(&mut app, BarKey::Clear);
    app.apply(Action::Bar(BarKey::Cancel));
    run(&mut app, "create deployment web --image=nginx");
    app.apply(Action::OpenCommandBar);
    type_text(&mut app, "describe deployment w -o wide");
    for _ in 0..8 {
        key(&mut app, BarKey::Left);
    }
    key(&mut app, BarKey::Complete);
    assert_eq!(line(&app), "describe deployment web  -o wide");
    // Nothing to offer: said so.
    key(&mut app, BarKey::Clear);
    type_text(&mut app, "xyz ");
    key(&mut app, BarKey::Complete);
    let s = screen(&mut app, 80, 24);
    assert!(s.lines().nth(22).unwrap().contains("no completions"), "{s}");
}

#[test]
fn the_output_panel_shows_scrolls_and_closes() {
    let mut app = app(Lang::En);
    assert_eq!(app.focus, Pane::Lesson);
    command(&mut app, "help");
    let out = app.console.output.as_ref().unwrap();
    assert!(out.ok);
    assert_eq!(
        app.focus,
        Pane::Cluster,
        "the output is in the cluster pane"
    );
    let s = screen(&mut app, 80, 30);
    assert!(s.contains("$ help"), "{s}");
    assert!(s.contains("kubectl commands"), "{s}");
    assert!(s.contains("Esc closes"), "{s}");
    let rows = app.geometry.output_rows;
    let total = app.console.output.as_ref().unwrap().lines.len();
    assert!(total > rows, "help is longer than the panel");
    app.apply(Action::Scroll(2));
    assert_eq!(app.console.output.as_ref().unwrap().scroll, 2);
    assert_eq!(app.live.scroll, 0, "the output scrolls, not the cluster");
    app.apply(Action::Bottom);
    assert_eq!(app.console.output.as_ref().unwrap().scroll, total - rows);
    let s = screen(&mut app, 80, 30);
    assert!(
        s.contains("help                               this list"),
        "{s}"
    );
    // Wide lines scroll sideways.
    app.apply(Action::ScrollSideways(8));
    assert_eq!(app.console.output.as_ref().unwrap().column, 8);
    app.apply(Action::ScrollSideways(-100));
    assert_eq!(app.console.output.as_ref().unwrap().column, 0);
    // Esc closes it and gives the focus back.
    app.apply(Action::CloseOverlay);
    assert!(app.console.output.is_none());
    assert_eq!(app.focus, Pane::Lesson);
    let s = screen(&mut app, 160, 40);
    assert!(!s.contains("$ help"), "{s}");
}

#[test]
fn a_failing_command_says_what_is_wrong() {
    let mut app = app(Lang::En);
    command(&mut app, "get pdos");
    let out = app.console.output.as_ref().unwrap();
    assert!(!out.ok);
    let s = screen(&mut app, 160, 40);
    assert!(s.contains("$ get pdos"), "{s}");
    assert!(s.contains("pods"), "the hint names what was meant:\n{s}");
}

#[test]
fn output_never_carries_control_characters() {
    let mut app = app(Lang::En);
    let out = kubetutor::tui::console::run(
        &mut app.live,
        "get pods no\u{1b}[2Jpe\u{7}",
        kubetutor::lang::Lang::En,
    );
    assert!(!out.ok);
    for l in out.lines.iter().chain([&out.command]) {
        assert!(!l.chars().any(|c| c.is_control()), "{l:?}");
    }
}

#[test]
fn create_then_wait_shows_three_running_pods() {
    let mut app = app(Lang::En);
    run(&mut app, "create deployment web --image=nginx --replicas=3");
    let before = app.live.cluster.now();
    command(&mut app, "wait 30s");
    assert_eq!(app.live.cluster.now(), before + 30_000, "at once");
    assert_eq!(
        app.console.output.as_ref().unwrap().lines,
        ["waited 30s; cluster time is 30s"]
    );
    app.apply(Action::CloseOverlay);
    command(&mut app, "get pods -o wide");
    let listing = app.console.output.as_ref().unwrap().lines.clone();
    app.apply(Action::CloseOverlay);
    let names: Vec<&str> = listing
        .iter()
        .skip(1)
        .map(|l| l.split_whitespace().next().unwrap())
        .collect();
    assert_eq!(names.len(), 3, "{listing:?}");
    let s = screen(&mut app, 160, 48);
    for (name, row) in names.iter().zip(listing.iter().skip(1)) {
        let words: Vec<&str> = row.split_whitespace().collect();
        let (ip, node) = (words[5], words[6]);
        let pod_line = s
            .lines()
            .find(|l| l.contains(name))
            .unwrap_or_else(|| panic!("{name} not on screen:\n{s}"));
        assert!(pod_line.contains("Running"), "{pod_line}");
        assert!(pod_line.contains(ip), "{pod_line}");
        // The pod is drawn under its node.
        let at = s.find(name).unwrap();
        let node_at = s.find(&format!("{node}  Ready")).unwrap();
        assert!(node_at < at, "{name} under {node}");
    }
    assert!(s.contains("deploy web  3/3 ready"), "{s}");
}

#[test]
fn reset_and_scenario_replace_the_cluster_of_the_section() {
    let mut app = live_app(Lang::En);
    app.apply(Action::NextSection);
    assert!(app.live.origin.is_some());
    ticks(&mut app, 10);
    run(&mut app, "scenario crashloop");
    assert_eq!(app.live.origin, None, "no longer the section's setup");
    assert!(
        app.live.flow.bright().is_empty(),
        "the setup's history stays dark"
    );
    app.apply(Action::FocusNext);
    let s = screen(&mut app, 80, 30);
    assert!(!s.contains("Watch the hello pods"), "{s}");
    assert!(s.contains("crash-demo"), "{s}");
    run(&mut app, "reset");
    assert_eq!(
        app.live
            .cluster
            .store()
            .pods()
            .in_namespace("default")
            .count(),
        0
    );
}

#[test]
fn the_output_spans_the_width_below_both_panes() {
    let mut app = app(Lang::En);
    run(&mut app, "create deployment web --image=nginx --replicas=3");
    run(&mut app, "wait 30s");
    command(&mut app, "get pods -o wide");
    let s = screen(&mut app, 120, 40);
    let title = s
        .lines()
        .find(|l| l.contains("$ get pods -o wide"))
        .unwrap_or_else(|| panic!("{s}"));
    assert!(title.starts_with("\"┌ $ get pods -o wide"), "{title}");
    // The whole table fits at 120 columns: every pod with its node.
    for node in ["node-1", "node-2", "node-3"] {
        assert!(
            s.lines()
                .any(|l| l.contains("Running") && l.contains(&format!("{node}   <none>"))),
            "{s}"
        );
    }
    insta::assert_snapshot!("output_get_pods_wide_120x40", s);
}

/// Issue #15 item 7: `wait 1h` in the command bar used to advance the
/// whole hour inside one key press. It runs in slices, at most ten
/// simulated minutes per tick (the first with the key press), shows how
/// far it got, and Esc stops it.
#[test]
fn a_long_wait_runs_in_slices_and_esc_stops_it() {
    let mut app = live_app(Lang::En);
    let start = app.live.cluster.now();
    command(&mut app, "wait 1h");
    let first = app.live.cluster.now() - start;
    assert!(first > 0 && first <= 600_000, "{first}");
    let out = app.console.output.as_ref().unwrap();
    assert!(
        out.lines[0].starts_with("waiting: ") && out.lines[0].contains(" of 1h (Esc stops)"),
        "{:?}",
        out.lines
    );
    app.apply(Action::Tick(100));
    let after_one = app.live.cluster.now() - start;
    assert!(after_one > first && after_one <= 1_200_000, "{after_one}");
    app.apply(Action::CloseOverlay);
    let stopped = app.live.cluster.now();
    let out = app.console.output.as_ref().unwrap();
    assert!(
        out.lines[0].starts_with("wait stopped after "),
        "{:?}",
        out.lines
    );
    assert!(app.console.waiting.is_none());
    // Stopped means stopped: ticks now run the cluster's own clock only.
    app.apply(Action::Tick(100));
    assert!(app.live.cluster.now() - stopped < 60_000);
    assert!(app.live.cluster.now() - start < 3_600_000);

    // Left alone, the wait finishes and says so.
    let from = app.live.cluster.now();
    command(&mut app, "wait 20m");
    while app.console.waiting.is_some() {
        app.apply(Action::Tick(100));
    }
    assert_eq!(app.live.cluster.now() - from, 1_200_000);
    let out = app.console.output.as_ref().unwrap();
    assert!(
        out.lines[0].starts_with("waited 20m; cluster time is"),
        "{:?}",
        out.lines
    );
}

/// The simulator's own words about a scenario follow the course language:
/// a Korean student reads the Korean description when loading or listing.
#[test]
fn scenario_descriptions_follow_the_course_language() {
    let mut app = app(Lang::Ko);
    let out = kubetutor::tui::console::run(&mut app.live, "scenario crashloop", Lang::Ko);
    assert!(out.ok);
    assert!(
        out.lines[0].starts_with("\"crashloop\" 시나리오를 불러왔습니다: "),
        "{:?}",
        out.lines
    );
    assert!(out.lines[0].chars().any(|c| ('가'..='힣').contains(&c)));
    let list = kubetutor::tui::console::run(&mut app.live, "scenario", Lang::Ko);
    assert!(list.lines.iter().any(|l| l.starts_with("crashloop")));
    assert!(
        list.lines
            .iter()
            .all(|l| l.chars().any(|c| ('가'..='힣').contains(&c))),
        "{:?}",
        list.lines
    );
    let en = kubetutor::tui::console::run(&mut app.live, "scenario crashloop", Lang::En);
    assert!(en.lines[0].starts_with("scenario \"crashloop\" loaded: Pod crash-demo"));
}
