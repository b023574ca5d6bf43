//! Everything the student can ask the interface to do. Keys and mouse events
//! become actions (`keymap`), and only `App::apply` changes state.

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
}
