//! The end-of-lesson page (`n` on a lesson's last section): quizzes
//! answered and right, exercises passed, what is left, whether the lesson is
//! completed, and the next lesson (Enter opens it). `m` marks the lesson
//! done after a confirmation.

use super::super::app::App;
use super::super::i18n::Ui;
use super::super::theme::Chrome;
use super::lesson::pane_block;
use super::popup::{ClearWide, centered};
use crate::lang::Lang;
use crate::lesson::model::Block;
use crate::text;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

/// Where the student stands in the current lesson.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LessonState {
    pub quizzes: usize,
    pub answered: usize,
    pub first_try: usize,
    pub exercises: usize,
    pub passed: usize,
    /// What is left: (kind word, id, 1-based section).
    pub left: Vec<(&'static str, String, usize)>,
    pub completed: bool,
    pub marked_done: bool,
}

/// The current lesson's state, from the progress file (or this session's
/// answers without one).
pub fn lesson_state(app: &App, ui: &Ui) -> LessonState {
    let mut st = LessonState::default();
    let (Some(found), Some(needs)) = (app.current(), app.needs()) else {
        return st;
    };
    let id = &found.lesson.id;
    let saved = app.store().and_then(|s| s.lesson(id));
    let session = app.blocks.quiz.as_ref().filter(|q| q.lesson_id() == id);
    st.quizzes = needs.quizzes.len();
    st.exercises = needs.exercises.len();
    for (i, section) in found.lesson.sections.iter().enumerate() {
        for b in &section.blocks {
            match b {
                Block::Quiz(q) if needs.quizzes.contains(&q.value.id) => {
                    let record = saved
                        .and_then(|l| l.quizzes.get(&q.value.id))
                        .and_then(|p| p.scored().cloned())
                        .or_else(|| {
                            session
                                .and_then(|s| s.questions().iter().find(|x| x.id() == q.value.id))
                                .and_then(|x| x.attempt.record(crate::timestamp::Timestamp::EPOCH))
                        });
                    match record {
                        Some(r) => {
                            st.answered += 1;
                            st.first_try += usize::from(r.first_try_correct());
                        }
                        None => st.left.push((ui.quiz_word(), q.value.id.clone(), i + 1)),
                    }
                }
                Block::Exercise(e) => {
                    let passed = saved
                        .and_then(|l| l.exercises.get(&e.value.id))
                        .is_some_and(|x| x.passed.is_some())
                        || app
                            .blocks
                            .exercises
                            .get(&e.value.id)
                            .is_some_and(|x| x.passed);
                    if passed {
                        st.passed += 1;
                    } else {
                        st.left
                            .push((ui.exercise_word(), e.value.id.clone(), i + 1));
                    }
                }
                _ => {}
            }
        }
    }
    st.completed = saved.is_some_and(|l| l.completed.is_some()) || st.left.is_empty();
    st.marked_done = saved.is_some_and(|l| l.marked_done.is_some());
    st
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App, confirm: bool, ui: &Ui, chrome: &Chrome) {
    let Some(found) = app.current() else {
        return;
    };
    let st = lesson_state(app, ui);
    let title = match found.lesson.order {
        Some(o) => format!("{o} · {}", found.lesson.title),
        None => found.lesson.title.clone(),
    };
    let mut lines: Vec<Line> = vec![Line::default()];
    let mut push = |s: String, style: Style| lines.push(Line::styled(format!(" {s}"), style));
    push(ui.end_of_lesson(&text::sanitize(&title)), chrome.title);
    push(String::new(), Style::new());
    push(
        ui.end_quizzes(st.answered, st.quizzes, st.first_try),
        Style::new(),
    );
    push(ui.end_exercises(st.passed, st.exercises), Style::new());
    push(String::new(), Style::new());
    if st.completed {
        push(ui.end_completed(st.marked_done), chrome.done);
    } else {
        push(ui.end_left().to_string(), chrome.title);
        for (kind, id, section) in st.left.iter().take(8) {
            push(
                format!(
                    "  • {kind} {} ({} {section})",
                    text::sanitize(id),
                    ui.section_word()
                ),
                Style::new(),
            );
        }
        if st.left.len() > 8 {
            push(format!("  … +{}", st.left.len() - 8), chrome.dim);
        }
    }
    push(String::new(), Style::new());
    let next = app
        .next_lesson()
        .and_then(|id| app.catalog.get(&id, app.lang));
    match next {
        Some(n) => {
            let t = match n.lesson.order {
                Some(o) => format!("{o} · {}", n.lesson.title),
                None => n.lesson.title.clone(),
            };
            push(ui.end_next(&text::sanitize(&t)), chrome.title);
        }
        None => push(ui.end_of_course().to_string(), chrome.title),
    }
    if confirm {
        push(String::new(), Style::new());
        push(ui.end_confirm_mark().to_string(), chrome.banner);
    }
    let footer = ui.end_keys(next.is_some(), !st.completed);
    lines.push(Line::default());
    lines.push(Line::styled(format!(" {footer}"), chrome.dim));
    let width = (area.width.saturating_sub(4)).min(90);
    let wrapped: Vec<Line> = lines
        .into_iter()
        .flat_map(|l| {
            let style = l.style;
            let s: String = l.spans.iter().map(|s| s.content.as_ref()).collect();
            hang(&s, width.saturating_sub(2).max(1) as usize)
                .into_iter()
                .map(move |w| Line::styled(w, style))
                .collect::<Vec<_>>()
        })
        .collect();
    // A lone row of lesson text above or below the page (at 80×24) reads as
    // part of it: where centring would leave one, the page takes the whole
    // height inside the lesson pane's top and bottom borders.
    let height = wrapped.len() as u16 + 3;
    let inside = area.height.saturating_sub(2);
    let height = if inside.saturating_sub(height) <= 3 {
        inside.max(height)
    } else {
        height
    };
    let rect = centered(area, width, height);
    frame.render_widget(ClearWide, rect);
    let block = pane_block(ui.end_title(), "", true, rect.width, chrome);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    frame.render_widget(Paragraph::new(wrapped), inner);
}

/// `line` wrapped to `width` columns, every row after the first indented
/// as far as the first one's text starts (past a `• ` bullet), so a long
/// Korean title or a long item keeps its margin.
fn hang(line: &str, width: usize) -> Vec<String> {
    let body = line.trim_start_matches(' ');
    let lead = line.len() - body.len();
    let hanging = lead + if body.starts_with("• ") { 2 } else { 0 };
    if width <= hanging + 1 {
        return text::wrap_str(line, width);
    }
    let mut rows = text::wrap_str(body, width - hanging).into_iter();
    let Some(first) = rows.next() else {
        return vec![line.to_string()];
    };
    // The first row is wrapped as narrow as the rest and keeps its own
    // indent (the bullet sits in the hanging margin).
    let mut out = vec![format!("{}{first}", " ".repeat(lead))];
    out.extend(rows.map(|r| format!("{}{r}", " ".repeat(hanging))));
    out
}

impl Ui {
    pub fn end_title(&self) -> &'static str {
        self.lang.pick("강의 끝", "End of the lesson")
    }

    pub fn end_of_lesson(&self, title: &str) -> String {
        match self.lang {
            Lang::Ko => format!("{title} 강의를 끝까지 읽었습니다."),
            Lang::En => format!("You reached the end of {title}."),
        }
    }

    pub fn end_quizzes(&self, answered: usize, total: usize, first: usize) -> String {
        match self.lang {
            Lang::Ko => {
                format!("퀴즈     {total}문제 중 {answered}문제 풀이, 첫 시도에 맞힘 {first}")
            }
            Lang::En => {
                format!("Quizzes    {answered} of {total} answered, {first} right on the first try")
            }
        }
    }

    pub fn end_exercises(&self, passed: usize, total: usize) -> String {
        match self.lang {
            Lang::Ko => format!("실습     {total}개 중 {passed}개 통과"),
            Lang::En => format!("Exercises  {passed} of {total} passed"),
        }
    }

    pub fn end_completed(&self, marked: bool) -> String {
        match (self.lang, marked) {
            (Lang::Ko, false) => {
                "✓ 모든 퀴즈를 풀고 모든 실습을 통과했습니다: 이 강의는 완료입니다.".into()
            }
            (Lang::Ko, true) => "✓ 완료로 표시한 강의입니다.".into(),
            (Lang::En, false) => {
                "✓ Every quiz answered and every exercise passed: this lesson is completed.".into()
            }
            (Lang::En, true) => "✓ You marked this lesson done.".into(),
        }
    }

    pub fn end_left(&self) -> &'static str {
        self.lang.pick("남은 것:", "Left to do:")
    }

    pub fn end_next(&self, title: &str) -> String {
        match self.lang {
            Lang::Ko => format!("다음 강의: {title}"),
            Lang::En => format!("Next lesson: {title}"),
        }
    }

    pub fn end_confirm_mark(&self) -> &'static str {
        self.lang.pick(
            "남은 것이 있어도 이 강의를 완료로 표시할까요? y 예 / n 아니요",
            "Mark this lesson done though work is left? y yes / n no",
        )
    }

    pub fn end_keys(&self, next: bool, can_mark: bool) -> &'static str {
        match (self.lang, next, can_mark) {
            (Lang::Ko, true, true) => "Enter 다음 강의 · ← 돌아가기 · m 완료 표시 · t 목록",
            (Lang::Ko, true, false) => "Enter 다음 강의 · ← 돌아가기 · t 목록",
            (Lang::Ko, false, true) => "← 돌아가기 · m 완료 표시 · t 목록",
            (Lang::Ko, false, false) => "← 돌아가기 · t 목록",
            (Lang::En, true, true) => "Enter next lesson · ← back · m mark done · t lessons",
            (Lang::En, true, false) => "Enter next lesson · ← back · t lessons",
            (Lang::En, false, true) => "← back · m mark done · t lessons",
            (Lang::En, false, false) => "← back · t lessons",
        }
    }

    pub fn quiz_word(&self) -> &'static str {
        self.lang.pick("퀴즈", "quiz")
    }

    pub fn exercise_word(&self) -> &'static str {
        self.lang.pick("실습", "exercise")
    }
}

#[cfg(test)]
mod tests {
    use super::hang;
    use crate::text::width;

    #[test]
    fn a_wrapped_korean_line_keeps_its_margin() {
        let rows = hang(
            " 1 · 코드로 인프라 만들기, IaC(Infrastructure as Code) 강의를 끝까지 읽었습니다.",
            72,
        );
        assert_eq!(
            rows,
            [
                " 1 · 코드로 인프라 만들기, IaC(Infrastructure as Code) 강의를 끝까지",
                " 읽었습니다.",
            ]
        );
    }

    #[test]
    fn a_wrapped_item_hangs_under_its_text_not_its_bullet() {
        let rows = hang(
            "   • 퀴즈 workloads-daemonset-join (섹션 3) 🏗️ 다시 풀기",
            24,
        );
        assert!(rows.len() > 1, "{rows:?}");
        assert!(rows[0].starts_with("   • 퀴즈"), "{rows:?}");
        for r in &rows[1..] {
            assert!(
                r.starts_with("     ") && !r.starts_with("      "),
                "{rows:?}"
            );
        }
        for r in &rows {
            assert!(width(r) <= 24, "{r:?} is wider than 24");
        }
    }

    #[test]
    fn a_pane_too_narrow_for_the_margin_still_wraps() {
        for r in hang("   • abcdef", 4) {
            assert!(width(&r) <= 4, "{r:?}");
        }
        assert_eq!(hang("", 10), [""]);
    }
}
