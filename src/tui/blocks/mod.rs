//! Quizzes and exercises alive inside the lesson pane.
//!
//! The lesson pane draws a section with [`crate::markdown::render_section_with`],
//! and this module draws the section's `quiz` and `exercise` blocks in
//! place of their static boxes. A block gets the keys once it has the focus
//! (`]` / `[` move between the section's blocks, Esc leaves): see
//! `keymap.rs` for the keys and [`actions`] for what they do.
//!
//! State kept here: the lesson's questions ([`LessonQuiz`], one attempt
//! each) with what the student picked, arranged or typed ([`quiz::QuizUi`]),
//! each exercise's hints and last result ([`exercise::ExerciseUi`]), which
//! block has the focus, and a `predict` question being played out in the
//! cluster pane ([`Playback`]). Finished questions and exercise checks go to
//! the progress store; a lesson opened again shows what was answered.

pub mod actions;
pub mod exercise;
pub mod look;
pub mod quiz;
pub mod quiz_view;
pub mod words;

use crate::lang::Lang;
use crate::lesson::model::Block;
use crate::markdown::Theme;
use crate::quiz::lesson::LessonQuiz;
use crate::quiz::spec::QuizKind;
use crate::tui::i18n::Ui;
use exercise::ExerciseUi;
use look::Look;
use quiz::QuizUi;
use ratatui::text::Line;
use std::collections::HashMap;

/// A key for the focused block (or for moving the focus).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKey {
    /// `]` / `[`: the next / previous quiz or exercise of the section.
    Next,
    Prev,
    /// Esc: stop typing, else leave the block (back to reading).
    Leave,
    Up,
    Down,
    Number(u8),
    Space,
    Enter,
    MoveUp,
    MoveDown,
    Hint,
    Answer,
    Retry,
    Confirm(bool),
    /// Typing into a `text` answer.
    Type(char),
    Backspace,
    Delete,
    Left,
    Right,
    Home,
    End,
    ClearLine,
}

/// What has the focus, for the key map and the status bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focused {
    Quiz {
        kind: QuizKind,
        over: bool,
        confirming: bool,
        typing: bool,
    },
    Exercise,
}

/// A `predict` question being played out in the cluster pane.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Playback {
    pub quiz: String,
    pub total_ms: u64,
    pub played_ms: u64,
    /// Simulated ms per interface tick.
    pub step_ms: u64,
    /// Ticks the end of the replay stays on screen before the section's
    /// cluster comes back.
    pub hold_ticks: u64,
}

impl Playback {
    pub fn is_done(&self) -> bool {
        self.played_ms >= self.total_ms
    }
}

/// The ticks a played-out wait takes (about four seconds).
pub const PLAY_TICKS: u64 = 40;

/// The ticks the end of a replay stays in the pane (about six seconds).
pub const HOLD_TICKS: u64 = 60;

#[derive(Default)]
pub struct Blocks {
    /// The lesson and language the questions were built for.
    built_for: Option<(String, Lang)>,
    pub quiz: Option<LessonQuiz>,
    pub quizzes: HashMap<String, QuizUi>,
    pub exercises: HashMap<String, ExerciseUi>,
    /// The focused block: its index in the section's blocks.
    pub focus: Option<usize>,
    /// Typing into the focused `text` question.
    pub typing: bool,
    /// Changes whenever what the blocks show changes (the lesson pane's
    /// render cache is keyed on it).
    pub version: u64,
    /// Bring the focused block into view at the next draw.
    pub reveal: bool,
    pub playback: Option<Playback>,
}

impl Blocks {
    pub fn touch(&mut self) {
        self.version = self.version.wrapping_add(1);
    }

    /// The lesson and language the questions belong to.
    pub fn built_for(&self) -> Option<&(String, Lang)> {
        self.built_for.as_ref()
    }

    pub(in crate::tui) fn set_built_for(&mut self, key: Option<(String, Lang)>) {
        self.built_for = key;
    }
}

/// What drawing the section's blocks found out: where the cursor row and
/// the text caret are (relative to the block's first line).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Marks {
    pub focused: Option<usize>,
    pub cursor_row: Option<usize>,
    pub caret: Option<(usize, usize)>,
}

/// What drawing a block needs besides the block.
pub struct Paint<'a> {
    pub theme: &'a Theme,
    pub look: &'a Look,
    pub ui: &'a Ui,
    /// The section being drawn.
    pub section: usize,
    /// Only the lesson pane is on screen (a narrow terminal): a `predict`
    /// question says where to watch it play.
    pub cluster_hidden: bool,
}

/// Draw block `index` of the current section, if it is a live one.
pub fn draw_block(
    blocks: &Blocks,
    index: usize,
    block: &Block,
    width: usize,
    paint: &Paint,
    marks: &mut Marks,
) -> Option<Vec<Line<'static>>> {
    let (theme, look, ui, section) = (paint.theme, paint.look, paint.ui, paint.section);
    let focused = blocks.focus == Some(index);
    match block {
        Block::Quiz(q) => {
            let lq = blocks.quiz.as_ref()?;
            let id = &q.value.id;
            let question = lq.questions().iter().find(|x| x.id() == id)?;
            let state = blocks.quizzes.get(id)?;
            let in_section: Vec<&str> = lq
                .questions()
                .iter()
                .filter(|x| x.section == section)
                .map(|x| x.id())
                .collect();
            let number = in_section.iter().position(|x| x == id).map_or(1, |p| p + 1);
            let played = blocks
                .playback
                .as_ref()
                .filter(|p| &p.quiz == id)
                .map(|p| p.played_ms);
            let d = quiz_view::QuizDraw {
                q: question,
                state,
                focused,
                typing: focused && blocks.typing,
                number,
                of: in_section.len(),
                played_ms: played,
                cluster_hidden: paint.cluster_hidden,
            };
            let drawn = quiz_view::draw(&d, width, theme, look, ui);
            if focused {
                marks.cursor_row = drawn.cursor_row;
                marks.caret = drawn.caret;
            }
            Some(drawn.lines)
        }
        Block::Exercise(e) => {
            let state = blocks
                .exercises
                .get(&e.value.id)
                .cloned()
                .unwrap_or_default();
            let d = exercise::ExerciseDraw {
                spec: &e.value,
                state: &state,
                focused,
            };
            Some(exercise::draw(&d, width, theme, look, ui))
        }
        _ => None,
    }
}
