//! What the keys of a focused block do ([`App::block_action`]), the
//! `predict` playback driven by the interface's ticks, and recording
//! finished questions in the progress store.

use super::exercise::ExerciseUi;
use super::quiz::{Done, QuizKey, QuizUi};
use super::{BlockKey, Focused, HOLD_TICKS, PLAY_TICKS, Playback};
use crate::duration::format_millis;
use crate::lesson::model::Block;
use crate::quiz::lesson::LessonQuiz;
use crate::quiz::predict;
use crate::quiz::spec::QuizKind;
use crate::sim::clock::STEP_MS;
use crate::tui::action::Pane;
use crate::tui::app::App;
use crate::tui::i18n::Ui;

impl App {
    /// Build the lesson's questions when the lesson or the language
    /// changed, restoring what the progress store says was answered.
    pub(in crate::tui) fn sync_blocks(&mut self) {
        let want = self.lesson_id().map(|id| (id.to_string(), self.lang));
        if want.as_ref() == self.blocks.built_for() {
            return;
        }
        self.blocks.quizzes.clear();
        self.blocks.exercises.clear();
        self.blocks.quiz = None;
        self.blocks.focus = None;
        self.blocks.typing = false;
        self.blocks.touch();
        self.blocks.set_built_for(want.clone());
        let Some((id, lang)) = want else {
            return;
        };
        let Some(found) = self.catalog.get(&id, lang) else {
            return;
        };
        let lesson = found.lesson;
        let lq = LessonQuiz::new(lesson, self.shuffle_seed());
        for q in lq.questions() {
            let past = self
                .store()
                .and_then(|s| s.quiz(&id, q.id()))
                .and_then(|p| p.scored())
                .cloned();
            self.blocks
                .quizzes
                .insert(q.id().to_string(), QuizUi::new(q, past.as_ref()));
        }
        for e in lesson.exercises() {
            let saved = self.store().and_then(|s| s.exercise(&id, &e.value.id));
            let state = ExerciseUi {
                passed: saved.is_some_and(|x| x.passed.is_some()),
                failed: saved.is_some_and(|x| x.attempts.iter().any(|a| !a.passed)),
                ..ExerciseUi::default()
            };
            self.blocks.exercises.insert(e.value.id.clone(), state);
        }
        self.blocks.quiz = Some(lq);
    }

    /// Build the lesson's questions again (a new shuffle seed).
    pub(in crate::tui) fn rebuild_blocks(&mut self) {
        self.blocks.set_built_for(None);
        self.sync_blocks();
    }

    /// Indices (into the current section's blocks) of the live blocks.
    fn live_blocks(&self) -> Vec<usize> {
        let Some(found) = self.current() else {
            return Vec::new();
        };
        let Some(section) = found.lesson.sections.get(self.section) else {
            return Vec::new();
        };
        section
            .blocks
            .iter()
            .enumerate()
            .filter(|(_, b)| match b {
                Block::Quiz(q) => self.blocks.quizzes.contains_key(&q.value.id),
                Block::Exercise(_) => true,
                _ => false,
            })
            .map(|(i, _)| i)
            .collect()
    }

    /// Whether the current section has a quiz or an exercise to focus.
    pub fn has_live_blocks(&self) -> bool {
        !self.live_blocks().is_empty()
    }

    /// The focused block of the current section.
    fn focused_block_ref(&self) -> Option<Block> {
        let i = self.blocks.focus?;
        self.current()?
            .lesson
            .sections
            .get(self.section)?
            .blocks
            .get(i)
            .cloned()
    }

    /// What has the focus (for the key map and the status bar).
    pub fn focused_block(&self) -> Option<Focused> {
        // An overlay on top takes the keys (and the status bar says so).
        if self.focus != Pane::Lesson || self.overlay.is_some() {
            return None;
        }
        match self.focused_block_ref()? {
            Block::Quiz(q) => {
                let id = &q.value.id;
                let state = self.blocks.quizzes.get(id)?;
                let question = self
                    .blocks
                    .quiz
                    .as_ref()?
                    .questions()
                    .iter()
                    .find(|x| x.id() == id)?;
                Some(Focused::Quiz {
                    kind: q.value.kind,
                    over: state.is_over(&question.attempt),
                    confirming: state.confirm_reveal,
                    typing: self.blocks.typing,
                })
            }
            Block::Exercise(_) => Some(Focused::Exercise),
            _ => None,
        }
    }

    /// Go to the first section of the current lesson that asks a question
    /// and focus that question (`kubetutor quiz LESSON` on a terminal).
    /// False when the lesson has no question the tutor can ask.
    pub fn focus_first_quiz(&mut self) -> bool {
        let Some(target) = self.current().and_then(|f| {
            f.lesson
                .sections
                .iter()
                .position(|s| s.quizzes().next().is_some())
        }) else {
            return false;
        };
        for _ in self.section..target {
            self.apply(crate::tui::action::Action::NextSection);
        }
        if self.section != target {
            return false;
        }
        self.sync_blocks();
        let live = self.live_blocks();
        let Some(&first) = live.iter().find(|&&i| {
            self.current()
                .and_then(|f| f.lesson.sections.get(self.section)?.blocks.get(i).cloned())
                .is_some_and(|b| matches!(b, Block::Quiz(_)))
        }) else {
            return false;
        };
        self.focus = Pane::Lesson;
        self.blocks.typing = false;
        self.blocks.focus = Some(first);
        self.blocks.reveal = true;
        true
    }

    pub(in crate::tui) fn block_action(&mut self, key: BlockKey) {
        self.sync_blocks();
        self.blocks.touch();
        match key {
            BlockKey::Next | BlockKey::Prev => {
                self.focus = Pane::Lesson;
                self.blocks.typing = false;
                let live = self.live_blocks();
                if live.is_empty() {
                    self.blocks.focus = None;
                    return;
                }
                let at = self
                    .blocks
                    .focus
                    .and_then(|f| live.iter().position(|&i| i == f));
                let next = match (at, key == BlockKey::Next) {
                    (None, true) => 0,
                    (None, false) => live.len() - 1,
                    (Some(p), true) => (p + 1) % live.len(),
                    (Some(p), false) => (p + live.len() - 1) % live.len(),
                };
                self.blocks.focus = Some(live[next]);
                self.blocks.reveal = true;
                return;
            }
            BlockKey::Leave if self.blocks.typing => {
                self.blocks.typing = false;
                return;
            }
            BlockKey::Leave => {
                self.blocks.focus = None;
                return;
            }
            _ => {}
        }
        match self.focused_block_ref() {
            Some(Block::Quiz(q)) => self.quiz_key(&q.value.id, key),
            Some(Block::Exercise(e)) => match key {
                BlockKey::Enter => self.open_editor(&e.value.id),
                BlockKey::Hint => {
                    let state = self.blocks.exercises.entry(e.value.id.clone()).or_default();
                    state.next_hint(&e.value);
                }
                _ => {}
            },
            _ => {}
        }
    }

    fn quiz_key(&mut self, id: &str, key: BlockKey) {
        let lang = self.lang;
        let ui = Ui::new(lang);
        let Some(lq) = self.blocks.quiz.as_mut() else {
            return;
        };
        let Some(q) = lq.by_id_mut(id) else {
            return;
        };
        let Some(state) = self.blocks.quizzes.get_mut(id) else {
            return;
        };
        let kind = q.attempt.spec().kind;
        self.blocks.reveal = true;
        if self.blocks.typing {
            let input = state.text_mut();
            match key {
                BlockKey::Type(c) => {
                    input.insert(c);
                }
                BlockKey::Backspace => input.backspace(),
                BlockKey::Delete => input.delete(),
                BlockKey::Left => input.left(),
                BlockKey::Right => input.right(),
                BlockKey::Home => input.home(),
                BlockKey::End => input.end(),
                BlockKey::ClearLine => input.clear(),
                BlockKey::Enter => {
                    self.blocks.typing = false;
                    if state.submit(q, lang) == Done::Finished {
                        self.quiz_finished(id);
                    }
                }
                _ => {}
            }
            return;
        }
        let quiz_key = match key {
            BlockKey::Up => QuizKey::Up,
            BlockKey::Down => QuizKey::Down,
            BlockKey::Number(n) => QuizKey::Number(n),
            BlockKey::Space => QuizKey::Toggle,
            BlockKey::Enter if kind == QuizKind::Text && !state.confirm_reveal => {
                if !state.is_over(&q.attempt) {
                    self.blocks.typing = true;
                }
                return;
            }
            BlockKey::Enter => QuizKey::Submit,
            BlockKey::MoveUp => QuizKey::MoveUp,
            BlockKey::MoveDown => QuizKey::MoveDown,
            BlockKey::Hint => QuizKey::Hint,
            BlockKey::Answer => QuizKey::Answer,
            BlockKey::Retry => QuizKey::Retry,
            BlockKey::Confirm(yes) => QuizKey::Confirm(yes),
            _ => return,
        };
        if let Done::Finished = state.key(q, quiz_key, &ui) {
            self.quiz_finished(id);
        }
    }

    /// A question just finished: keep it in the progress, and play a
    /// `predict` question out in the cluster pane.
    fn quiz_finished(&mut self, id: &str) {
        let now = self.now();
        let lesson = self.lesson_id().map(str::to_string);
        let question = self
            .blocks
            .quiz
            .as_ref()
            .and_then(|lq| lq.questions().iter().find(|q| q.id() == id))
            .cloned();
        let Some(q) = question else {
            return;
        };
        if let (Some(lesson), Some(record)) = (lesson, q.attempt.record(now)) {
            if let Some(store) = self.store_mut() {
                store.record_quiz(&lesson, id, record);
            }
            self.check_completed();
            self.save_progress();
        }
        if q.attempt.spec().kind != QuizKind::Predict {
            return;
        }
        let Some(outcome) = q.predicted() else {
            return;
        };
        match predict::start(q.attempt.spec(), predict::SEED) {
            Ok(cluster) => {
                let total = outcome.after_ms;
                let per_tick = total.div_ceil(PLAY_TICKS).div_ceil(STEP_MS) * STEP_MS;
                // The question's own setup, in a cluster made for it, in
                // place of the section's (which comes back afterwards).
                let title = Ui::new(self.lang).replay_title(id);
                self.live.show(cluster, String::new(), title);
                self.live.paused = true;
                self.blocks.playback = Some(Playback {
                    quiz: id.to_string(),
                    total_ms: total,
                    played_ms: 0,
                    step_ms: per_tick.max(STEP_MS),
                    hold_ticks: HOLD_TICKS,
                });
                self.playback_note();
            }
            Err(e) => self.banner_once(e),
        }
    }

    /// The cluster pane's note while a question is played out.
    fn playback_note(&mut self) {
        let Some(p) = &self.blocks.playback else {
            return;
        };
        let ui = Ui::new(self.lang);
        let value = self
            .blocks
            .quiz
            .as_ref()
            .and_then(|lq| lq.questions().iter().find(|q| q.id() == p.quiz))
            .and_then(|q| q.predicted())
            .map(|o| o.value.clone())
            .unwrap_or_default();
        let head = match self.lang {
            crate::lang::Lang::Ko => format!("퀴즈 {}", p.quiz),
            crate::lang::Lang::En => format!("Quiz {}", p.quiz),
        };
        let body = if p.is_done() {
            format!("{} → {value}", ui.quiz_wait(&format_millis(p.total_ms)))
        } else {
            ui.quiz_playing(
                &format_millis(p.played_ms),
                &format_millis(p.total_ms),
                false,
            )
        };
        self.live.note = Some(format!("▶ {head}: {body}"));
    }

    /// One interface tick: play the `predict` wait on, and step an
    /// exercise run.
    pub(in crate::tui) fn blocks_tick(&mut self) {
        if let Some(p) = &mut self.blocks.playback {
            if !p.is_done() {
                let step = p.step_ms.min(p.total_ms - p.played_ms);
                self.live.cluster.advance(step);
                p.played_ms += step;
                self.blocks.touch();
                self.playback_note();
            } else if p.hold_ticks > 0 {
                p.hold_ticks -= 1;
            } else {
                // The replay has ended: the section's cluster comes back.
                self.blocks.playback = None;
                self.blocks.touch();
                self.live.end_show();
            }
        }
        self.editor_tick();
    }

    /// The lesson's quiz score (points, as shown, and the number of
    /// questions): from the progress when there is one, else this session's.
    pub fn quiz_score(&self) -> Option<(String, usize)> {
        let id = self.lesson_id()?;
        let lq = self.blocks.quiz.as_ref().filter(|q| q.lesson_id() == id)?;
        let session = lq.score();
        if session.total == 0 {
            return None;
        }
        let points = match self.store() {
            Some(s) => s.lesson_summary(id).quiz.points,
            None => session.points,
        };
        let shown = if points.fract() == 0.0 {
            format!("{points:.0}")
        } else {
            format!("{points:.1}")
        };
        Some((shown, session.total))
    }

    /// The status bar's keys while a block has the focus.
    pub fn block_hints(&self) -> Option<&'static str> {
        let ui = Ui::new(self.lang);
        match self.focused_block()? {
            Focused::Quiz {
                confirming: true, ..
            } => Some(ui.confirm_keys()),
            Focused::Quiz {
                kind, over, typing, ..
            } => Some(ui.quiz_keys(kind, typing, over)),
            Focused::Exercise => Some(ui.exercise_keys()),
        }
    }

    /// The section, lesson or language changed.
    pub(in crate::tui) fn left_section(&mut self) {
        self.blocks.focus = None;
        self.blocks.typing = false;
        self.blocks.playback = None;
        self.blocks.touch();
        self.live.end_show();
    }
}
