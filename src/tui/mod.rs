//! The terminal interface: sets the terminal up, runs the event loop, and
//! always gives the terminal back as it found it (normal quit, Ctrl-C,
//! SIGTERM, SIGHUP, or a panic).

pub mod action;
pub mod app;
pub mod blocks;
pub mod cluster;
pub mod console;
pub mod drill;
pub mod editor;
pub mod i18n;
pub mod keymap;
pub mod panic_key;
pub mod quiz_keys;
pub mod reload;
pub mod serve;
pub mod suspend;
pub mod theme;
pub mod views;

use action::Action;
use anyhow::Context;
use app::App;
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event,
};
use ratatui::crossterm::execute;
use std::io::stdout;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// How often the interface wakes up without input (the cluster pane animates).
pub const TICK: Duration = Duration::from_millis(100);

/// Run the interface until the student quits or a signal asks us to stop.
pub fn run(mut app: App) -> anyhow::Result<()> {
    run_on(&mut app)
}

/// [`run`] on an app the caller keeps (to read its state afterwards: the
/// drill's report once the terminal is back).
pub fn run_on(app: &mut App) -> anyhow::Result<()> {
    let stop = Arc::new(AtomicBool::new(false));
    // Which signal ended the tutor: its exit status is then 128 + signal.
    let term = Arc::new(AtomicBool::new(false));
    let hup = Arc::new(AtomicBool::new(false));
    for (signal, flag) in [
        (signal_hook::consts::SIGTERM, &term),
        (signal_hook::consts::SIGHUP, &hup),
    ] {
        signal_hook::flag::register(signal, Arc::clone(&stop))
            .context("cannot install the signal handlers")?;
        signal_hook::flag::register(signal, Arc::clone(flag))
            .context("cannot install the signal handlers")?;
    }
    let signals = suspend::Signals::install().context("cannot install the signal handlers")?;
    // Kept apart: Ctrl-C in an external editor (a cooked terminal) reaches
    // us too, and must not end the tutor when the editor returns.
    let interrupt = Arc::new(AtomicBool::new(false));
    for signal in [signal_hook::consts::SIGINT, signal_hook::consts::SIGQUIT] {
        signal_hook::flag::register(signal, Arc::clone(&interrupt))
            .context("cannot install the signal handlers")?;
    }

    // ratatui::init enters raw mode and the alternate screen and installs a
    // panic hook that restores them; ours runs first and turns the mouse off.
    let mut terminal = ratatui::init();
    let ratatui_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(stdout(), DisableMouseCapture, DisableBracketedPaste);
        ratatui_hook(info);
    }));
    // Bracketed paste: a pasted manifest arrives as one piece, not as keys
    // (Enter would indent every pasted line once more).
    let _ = execute!(stdout(), EnableMouseCapture, EnableBracketedPaste);

    let panic_key = panic_key::from_env();
    app.save_in_background();
    let result = event_loop(&mut terminal, app, &stop, &interrupt, &signals, panic_key);
    app.on_exit();
    if term.load(Ordering::Relaxed) {
        app.ended_by = Some(signal_hook::consts::SIGTERM);
    } else if hup.load(Ordering::Relaxed) {
        app.ended_by = Some(signal_hook::consts::SIGHUP);
    }

    let _ = execute!(stdout(), DisableMouseCapture, DisableBracketedPaste);
    ratatui::restore();
    result
}

fn handle(event: &Event, app: &mut App) {
    if let Event::Paste(text) = event {
        app.paste(text);
    } else if let Some(action) = keymap::action_for(event, app) {
        app.apply(action);
    }
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    stop: &AtomicBool,
    interrupt: &AtomicBool,
    signals: &suspend::Signals,
    panic_key: Option<event::KeyCode>,
) -> anyhow::Result<()> {
    let mut last_tick = Instant::now();
    let mut next_tick = last_tick + TICK;
    while !app.quit && !stop.load(Ordering::Relaxed) && !interrupt.load(Ordering::Relaxed) {
        // Ctrl-Z (or `kill -TSTP`): give the terminal back and stop; on
        // `fg`, take it again and draw everything anew.
        if signals.take_suspend() {
            suspend::suspend(terminal)?;
        } else if signals.take_continued() {
            terminal.clear()?;
        }
        terminal.draw(|frame| views::draw(frame, app))?;
        let timeout = next_tick.saturating_duration_since(Instant::now());
        if event::poll(timeout)? {
            let event = event::read()?;
            panic_key::check(panic_key, &event); // test hook, tui/panic_key.rs
            if suspend::is_suspend_key(&event, app) {
                suspend::suspend(terminal)?;
                continue;
            }
            handle(&event, app);
            // Drain what is already queued before drawing again.
            while !app.quit && app.pending_external().is_none() && event::poll(Duration::ZERO)? {
                let event = event::read()?;
                panic_key::check(panic_key, &event);
                handle(&event, app);
            }
        }
        if let Some(request) = app.take_external() {
            let ui = i18n::Ui::new(app.lang);
            let result = editor::external::edit(terminal, &request, &ui);
            // A Ctrl-C typed in the editor was the editor's.
            interrupt.store(false, Ordering::Relaxed);
            app.external_done(result);
            last_tick = Instant::now();
            next_tick = last_tick + TICK;
            continue;
        }
        // Live reload of a --lessons folder (tui/reload.rs).
        app.poll_reload();
        let now = Instant::now();
        if now >= next_tick {
            let elapsed = now.duration_since(last_tick).as_millis() as u64;
            app.apply(Action::Tick(elapsed));
            last_tick = now;
            next_tick = now + TICK;
        }
    }
    Ok(())
}
