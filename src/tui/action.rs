//! Everything the student can ask the interface to do. Keys and mouse events
//! become actions (`keymap`), and only `App::apply` changes state.

pub use super::blocks::BlockKey;
pub use super::console::BarKey;
pub use super::drill::DrillKey;
pub use super::editor::EditorKey;

/// Which main pane has the focus (and, on a narrow terminal, is shown).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Lesson,
    Cluster,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    NextSection,
    PrevSection,
    /// Scroll the focused pane by this many lines (negative: up).
    Scroll(i32),
    PageDown,
    PageUp,
    Top,
    Bottom,
    /// Mouse wheel at a screen position: scroll the pane under it.
    Wheel {
        column: u16,
        row: u16,
        lines: i32,
    },
    FocusNext,
    ToggleCourse,
    ToggleHelp,
    ToggleLanguage,
    DismissBanner,
    /// Move the course-list selection.
    Select(i32),
    /// Open the lesson selected in the course list.
    OpenSelected,
    CloseOverlay,
    Quit,
    /// Real time passed, in milliseconds: the cluster runs for it (times
    /// the speed) and its lights move one step.
    Tick(u64),
    /// Pause or resume the cluster's clock.
    TogglePause,
    Faster,
    Slower,
    /// Pause and run exactly one simulation step.
    StepOnce,
    /// Open the command bar (`:`).
    OpenCommandBar,
    /// A key typed into the open command bar.
    Bar(BarKey),
    /// Scroll the command output sideways by this many columns.
    ScrollSideways(i32),
    /// Scroll the lesson's code blocks sideways by this many columns
    /// (`h`/`l` while reading, when no command output is open).
    ScrollCode(i32),
    /// Open the pod-phase drill over the lesson (`D`; src/tui/drill/).
    OpenDrill,
    /// A key of the open drill.
    Drill(DrillKey),
    /// A key for the section's quizzes and exercises (`]` / `[` move
    /// between them; the focused one takes the rest).
    Block(BlockKey),
    /// A key for the open exercise editor.
    Editor(EditorKey),
    /// Scroll the help overlay.
    ScrollHelp(i32),
    /// Scroll the help overlay by whole pages.
    HelpPage(i32),
    /// On the end-of-lesson page: ask to mark the lesson done.
    MarkDone,
    /// The answer to "mark this lesson done?".
    ConfirmMark(bool),
}
