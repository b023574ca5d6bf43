//! What the editor's keys do: open on the draft or the starter, check the
//! manifest (stepping the run on the interface's ticks, the cluster pane
//! showing it), hints, reset and solution behind a question, the external
//! editor, and saving the draft on close, on check and on quit.

use super::{Confirm, Editor, EditorKey, Note, SAMPLES_FIRST, SAMPLES_LATER, SLOW_MS};
use crate::exercise::Outcome;
use crate::exercise::runner::Run;
use crate::lesson::model::Block;
use crate::tui::app::App;
use crate::tui::i18n::Ui;

/// What the event loop must do for the editor outside the interface: run
/// the external editor on this text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExternalRequest {
    pub text: String,
    /// A file name ending for the temporary file (`.yaml`, `.json`).
    pub suffix: &'static str,
}

impl App {
    /// Open the editor on exercise `id` of the current section.
    pub(in crate::tui) fn open_editor(&mut self, id: &str) {
        let Some(lesson) = self.lesson_id().map(str::to_string) else {
            return;
        };
        let found = self.current().and_then(|f| {
            let section = f.lesson.sections.get(self.section)?;
            let setup = section.cluster().map(|c| c.value.clone());
            section.blocks.iter().find_map(|b| match b {
                Block::Exercise(e) if e.value.id == id => Some((e.value.clone(), setup.clone())),
                _ => None,
            })
        });
        let Some((spec, setup)) = found else {
            return;
        };
        let draft = self
            .store()
            .and_then(|s| s.exercise(&lesson, id))
            .and_then(|x| x.draft.as_ref())
            .map(|d| d.text.clone());
        let text = draft.unwrap_or_else(|| spec.starter.clone());
        let mut editor = Editor::new(&lesson, &spec, setup.as_ref(), &text);
        editor.report = self.blocks.exercises.get(id).and_then(|x| x.last.clone());
        self.editor = Some(editor);
        self.blocks.typing = false;
    }

    /// Keep the editor's text as the exercise's draft.
    pub(in crate::tui) fn save_editor_draft(&mut self) {
        let Some(editor) = &self.editor else {
            return;
        };
        let (lesson, id, text) = (editor.lesson.clone(), editor.spec.id.clone(), editor.text());
        let unchanged = self
            .store()
            .and_then(|s| s.exercise(&lesson, &id))
            .and_then(|x| x.draft.as_ref())
            .is_some_and(|d| d.text == text);
        if unchanged {
            return;
        }
        let now = self.now();
        if let Some(store) = self.store_mut() {
            store.save_draft(&lesson, &id, &text, now);
            self.save_progress();
        }
    }

    pub(in crate::tui) fn editor_action(&mut self, key: EditorKey) {
        let ui = Ui::new(self.lang);
        let failed = self.editor_failed();
        let Some(editor) = self.editor.as_mut() else {
            return;
        };
        if let Some(asked) = editor.confirm.take() {
            if key == EditorKey::Confirm(true) {
                match asked {
                    Confirm::Reset => {
                        let starter = editor.spec.starter.clone();
                        editor.replace_text(&starter);
                    }
                    Confirm::Solution => {
                        let solution = editor.spec.solution.clone();
                        editor.replace_text(&solution);
                    }
                }
            }
            return;
        }
        if !matches!(key, EditorKey::Edit(_)) {
            editor.note = None;
        }
        match key {
            EditorKey::Close => {
                self.save_editor_draft();
                self.editor = None;
            }
            EditorKey::Submit => self.submit_editor(),
            EditorKey::Hint => {
                let id = editor.spec.id.clone();
                let spec = editor.spec.clone();
                let state = self.blocks.exercises.entry(id).or_default();
                if !state.next_hint(&spec)
                    && let Some(editor) = self.editor.as_mut()
                {
                    editor.note = Some(Note {
                        text: ui.editor_hint_none().to_string(),
                        bad: false,
                    });
                }
                self.blocks.touch();
            }
            EditorKey::Solution if failed => editor.confirm = Some(Confirm::Solution),
            EditorKey::Solution => {
                editor.note = Some(Note {
                    text: ui.editor_solution_later().to_string(),
                    bad: false,
                })
            }
            EditorKey::Reset => editor.confirm = Some(Confirm::Reset),
            EditorKey::External => {
                let suffix = if editor.text().trim_start().starts_with(['{', '[']) {
                    ".json"
                } else {
                    ".yaml"
                };
                self.external = Some(ExternalRequest {
                    text: editor.text(),
                    suffix,
                });
            }
            EditorKey::NextError => editor.next_error(),
            EditorKey::Undo => editor.undo(),
            EditorKey::Redo => {
                editor.area.redo();
            }
            EditorKey::Newline => editor.newline(),
            EditorKey::Indent => editor.indent(),
            EditorKey::Dedent => editor.dedent(),
            EditorKey::Confirm(_) => {}
            EditorKey::Edit(k) => editor.edit(k),
        }
    }

    /// Whether a check of the open exercise has failed (now or before):
    /// the solution may be shown then.
    fn editor_failed(&self) -> bool {
        let Some(editor) = &self.editor else {
            return false;
        };
        self.blocks
            .exercises
            .get(&editor.spec.id)
            .is_some_and(|x| x.failed)
            || editor.report.as_ref().is_some_and(|r| !r.passed())
    }

    /// Check the editor's text: save it, validate, and apply it to a fresh
    /// cluster that the interface's ticks then run.
    fn submit_editor(&mut self) {
        self.save_editor_draft();
        let lang = self.lang;
        let seed = self.live.seed();
        let Some(editor) = self.editor.as_mut() else {
            return;
        };
        let text = editor.text();
        let run = Run::start(&editor.spec, editor.setup.as_ref(), &text, lang, seed);
        editor.checked = Some(text);
        editor.diagnostics = run.partial().diagnostics;
        editor.selected = None;
        editor.report = None;
        // The text scrolls to the first error (a small terminal shows
        // only part of the manifest); F8 goes on to the next.
        if editor.errors().next().is_some() {
            editor.next_error();
        }
        if let Some(cluster) = run.cluster() {
            let note = match lang {
                crate::lang::Lang::Ko => format!("▶ 실습 {}: 내 매니페스트 적용", editor.spec.id),
                crate::lang::Lang::En => {
                    format!("▶ Exercise {}: your manifest applied", editor.spec.id)
                }
            };
            let title = match lang {
                crate::lang::Lang::Ko => format!("실습 {} 실행", editor.spec.id),
                crate::lang::Lang::En => format!("Run · exercise {}", editor.spec.id),
            };
            self.live.show(cluster.clone(), note, title);
            self.live.paused = true;
        }
        let Some(editor) = self.editor.as_mut() else {
            return;
        };
        if run.is_done() {
            self.finish_run(run);
        } else {
            editor.run = Some(run);
        }
    }

    /// Step a run in progress (a few samples per tick) and show its cluster.
    pub(in crate::tui) fn editor_tick(&mut self) {
        let Some(editor) = self.editor.as_mut() else {
            return;
        };
        let Some(run) = editor.run.as_mut() else {
            return;
        };
        let mut done = false;
        let samples = if run.elapsed_ms() < SLOW_MS {
            SAMPLES_FIRST
        } else {
            SAMPLES_LATER
        };
        for _ in 0..samples {
            if run.step() {
                done = true;
                break;
            }
        }
        if let Some(cluster) = run.cluster() {
            self.live.cluster = cluster.clone();
        }
        if done && let Some(run) = editor.run.take() {
            self.finish_run(run);
        }
    }

    /// A run ended: show the verdict, keep it in the progress, leave its
    /// cluster in the cluster pane (running again).
    fn finish_run(&mut self, run: Run) {
        let mut report = run.finish();
        if let Some(cluster) = report.cluster.take() {
            self.live.cluster = cluster;
        }
        self.live.paused = false;
        let Some(editor) = self.editor.as_mut() else {
            return;
        };
        let id = editor.spec.id.clone();
        let lesson = editor.lesson.clone();
        editor.diagnostics = report.diagnostics.clone();
        editor.report = Some(report.clone());
        let passed = report.passed();
        let counts = !matches!(report.outcome, Outcome::SetupFailed(_));
        let state = self.blocks.exercises.entry(id.clone()).or_default();
        state.last = Some(report);
        state.passed |= passed;
        state.failed |= counts && !passed;
        self.blocks.touch();
        if counts {
            let now = self.now();
            if let Some(store) = self.store_mut() {
                store.record_exercise(&lesson, &id, passed, now);
            }
            self.check_completed();
            self.save_progress();
        }
    }

    /// The external editor this app asked for, if any (the event loop runs
    /// it and calls [`App::external_done`]).
    pub fn take_external(&mut self) -> Option<ExternalRequest> {
        self.external.take()
    }

    pub fn pending_external(&self) -> Option<&ExternalRequest> {
        self.external.as_ref()
    }

    /// The external editor finished: `Ok((editor name, text))` replaces the
    /// editor's text (one undo step), an error is shown.
    pub fn external_done(&mut self, result: Result<(String, String), String>) {
        let ui = Ui::new(self.lang);
        let Some(editor) = self.editor.as_mut() else {
            return;
        };
        match result {
            Ok((name, text)) => {
                if text != editor.text() {
                    editor.replace_text(&text);
                }
                editor.note = Some(Note {
                    text: ui.editor_external_done(&name),
                    bad: false,
                });
                self.save_editor_draft();
            }
            Err(why) => {
                editor.note = Some(Note {
                    text: why,
                    bad: true,
                })
            }
        }
    }

    /// Pasted text (bracketed paste): where a typed key would go, in the
    /// same order as the key map: the command bar, else nothing while an
    /// overlay or the drill is on top, else the editor or the answer being
    /// typed. The command bar and a short answer take the first line only.
    pub fn paste(&mut self, text: &str) {
        let line = text.lines().next().unwrap_or("");
        if self.console.is_open() {
            for c in line.chars() {
                self.apply(crate::tui::action::Action::Bar(
                    crate::tui::action::BarKey::Insert(c),
                ));
            }
            return;
        }
        if self.overlay.is_some() || self.drill.is_some() {
            return;
        }
        if let Some(editor) = self.editor.as_mut() {
            editor.paste(text);
            return;
        }
        if self.blocks.typing {
            for c in line.chars() {
                self.apply(crate::tui::action::Action::Block(
                    super::super::blocks::BlockKey::Type(c),
                ));
            }
        }
    }
}
