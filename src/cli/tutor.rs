//! `kubetutor [LESSON_ID]`: the terminal interface.

use super::GlobalArgs;
use crate::lang::Lang;
use crate::lesson::catalog::Catalog;
use crate::markdown::Theme;
use crate::progress::{Store, path};
use crate::tui::app::{App, Options};
use crate::tui::i18n::Ui;
use crate::tui::reload::LiveReload;
use anyhow::bail;
use std::io::IsTerminal;
use std::process::ExitCode;

pub fn run(lesson: Option<String>, global: &GlobalArgs, serve: bool) -> anyhow::Result<ExitCode> {
    let lang = global.lang();
    let catalog = Catalog::open(global.lessons.as_deref())?;
    if let Some(id) = &lesson
        && catalog.entry(id).is_none()
    {
        bail!("{}", unknown_lesson(id, &catalog, lang));
    }
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        bail!(
            "the tutor needs a terminal; for plain text use `kubetutor list` or `kubetutor render LESSON_ID`"
        );
    }
    let mut app = open_app(catalog, lesson, global);
    if serve {
        app.live.lang = lang;
        let out = crate::tui::console::run(&mut app.live, "serve", app.lang);
        app.console.output = Some(out);
    }
    crate::tui::run_on(&mut app)?;
    Ok(exit_status(&app))
}

/// Success, or 128 + the signal that ended the interface (SIGTERM 143,
/// SIGHUP 129), as a shell reports a program a signal ended.
pub fn exit_status(app: &App) -> ExitCode {
    match app.ended_by {
        Some(signal) => ExitCode::from(128u8.saturating_add(signal as u8)),
        None => ExitCode::SUCCESS,
    }
}

/// The interface's state on `catalog`, with the progress file and the
/// language of `global`, opened on `lesson` or where the student left off;
/// problems loading the course or the progress go to the banner.
pub fn open_app(catalog: Catalog, lesson: Option<String>, global: &GlobalArgs) -> App {
    build_app(catalog, lesson, global, true)
}

/// [`open_app`] for `kubetutor drill`: the progress file is attached
/// without recording a visit to a lesson the student has not opened.
pub fn open_drill_app(catalog: Catalog, global: &GlobalArgs) -> App {
    build_app(catalog, None, global, false)
}

fn build_app(catalog: Catalog, lesson: Option<String>, global: &GlobalArgs, visit: bool) -> App {
    let lang = global.lang();
    let mut banner = Vec::new();
    let store = match path::resolve(global.progress.as_deref()) {
        Ok(file) => {
            let (store, warnings) = Store::open(file);
            banner.extend(warnings.iter().map(|w| format!("⚠ {w}")));
            Some(store)
        }
        Err(e) => {
            banner.push(format!("⚠ {e}"));
            None
        }
    };
    let mut load_banner = Vec::new();
    if !catalog.errors().is_empty() {
        let errors = catalog.errors();
        let files: std::collections::BTreeSet<&str> =
            errors.iter().map(|e| e.path.as_str()).collect();
        load_banner.push(Ui::new(lang).load_errors(files.len(), &errors[0].to_string()));
        banner.insert(0, load_banner[0].clone());
    }
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let options = Options {
        lang,
        start: lesson,
        theme: Theme::for_no_color(no_color),
        color: !no_color,
    };
    let mut app = if visit {
        let mut app = App::new(catalog, options, store);
        app.welcome_if_first_run();
        app
    } else {
        App::new(catalog, options, None).with_store(store)
    };
    app.banner.extend(banner);
    if let Some(dir) = &global.lessons {
        app.reload = Some(LiveReload::new(dir.clone(), load_banner));
    }
    app
}

/// "unknown lesson 'podd'; did you mean 'pods'?" plus where to find the ids.
pub fn unknown_lesson(id: &str, catalog: &Catalog, lang: Lang) -> String {
    let ids: Vec<String> = catalog.lessons(lang).map(|f| f.lesson.id.clone()).collect();
    let mut msg = format!("unknown lesson '{id}'");
    if let Some(candidate) = crate::suggest::closest(id, ids.iter().map(String::as_str)) {
        msg.push_str(&format!("; did you mean '{candidate}'?"));
    }
    msg.push_str(" (`kubetutor list` shows every lesson id)");
    // The id is the user's argument: echoed, it must not carry escapes.
    crate::text::sanitize(&msg).into_owned()
}
