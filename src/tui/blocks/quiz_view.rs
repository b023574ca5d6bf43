//! A live question drawn as lines for the lesson pane: the question, the
//! choices (with the cursor and what is picked), the items to order or the
//! answer field, then hints, the verdict with each picked choice's `why`,
//! the answer and the explanation.

use super::look::{Look, framed, hanging, highlight, para};
use super::quiz::{Feedback, QuizUi};
use crate::duration::format_millis;
use crate::markdown::{Theme, inline_markdown};
use crate::quiz::attempt::{AttemptState, Score};
use crate::quiz::check::Answer;
use crate::quiz::lesson::Question;
use crate::quiz::predict::Moment;
use crate::quiz::spec::{Observe, QuizKind};
use crate::text;
use crate::tui::i18n::Ui;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// Everything a question needs to be drawn.
pub struct QuizDraw<'a> {
    pub q: &'a Question,
    pub state: &'a QuizUi,
    pub focused: bool,
    pub typing: bool,
    /// Its number among the section's questions, and how many there are.
    pub number: usize,
    pub of: usize,
    /// `predict`: simulated ms of the wait the cluster pane has played
    /// (`None` before the answer).
    pub played_ms: Option<u64>,
    /// The cluster pane is not on screen (Tab shows it).
    pub cluster_hidden: bool,
}

/// The drawn question; `caret` is the text cursor (row, column inside the
/// lines) while typing, `cursor_row` the row the cursor is on.
pub struct Drawn {
    pub lines: Vec<Line<'static>>,
    pub cursor_row: Option<usize>,
    pub caret: Option<(usize, usize)>,
}

/// Inline Markdown as spans on one line (hard breaks become spaces).
fn inline(md: &str, theme: &Theme) -> Vec<Span<'static>> {
    let mut out = Vec::new();
    for (i, line) in inline_markdown(md, theme).into_iter().enumerate() {
        if i > 0 {
            out.push(Span::raw(" "));
        }
        out.extend(line);
    }
    out
}

pub fn observe_label(o: &Observe) -> String {
    let target = o
        .target()
        .map(|(kind, name)| format!("{kind}/{name}"))
        .unwrap_or_default();
    text::sanitize(&format!("{target} {}", o.field)).into_owned()
}

fn moment_text(m: &Moment, ui: &Ui) -> String {
    let at = format_millis(m.at_ms);
    match (&m.pod, &m.value) {
        (Some(p), _) => {
            let restarts = match ui.lang {
                crate::lang::Lang::Ko => format!("재시작 {}", p.restarts),
                crate::lang::Lang::En => format!("restarts {}", p.restarts),
            };
            format!("{at:>6}  {} · {} · {restarts}", p.status, p.phase)
        }
        (None, Some(v)) => format!("{at:>6}  {v}"),
        (None, None) => format!("{at:>6}  {}", ui.quiz_missing()),
    }
}

pub fn draw(d: &QuizDraw, width: usize, theme: &Theme, look: &Look, ui: &Ui) -> Drawn {
    let inner = width.saturating_sub(super::look::FRAME).max(1);
    let attempt = &d.q.attempt;
    let spec = attempt.spec();
    let st = d.state;
    let over = st.is_over(attempt);
    let mut rows: Vec<Line<'static>> = Vec::new();
    let mut cursor_row = None;
    let mut caret = None;

    rows.extend(hanging(Vec::new(), &inline(&spec.question, theme), inner));
    if spec.kind == QuizKind::Predict {
        let mut setup = spec.setup.as_ref().map(|s| s.label()).unwrap_or_default();
        if let Some(after) = &spec.after {
            setup = format!("{setup} · {}", ui.quiz_wait(after));
        }
        if let Some(o) = &spec.observe {
            setup = format!("{setup} · {}", observe_label(o));
        }
        let lead = vec![Span::styled(format!("{} ", ui.quiz_setup()), look.dim)];
        let body = vec![Span::styled(text::sanitize(&setup).into_owned(), look.dim)];
        rows.extend(hanging(lead, &body, inner));
    }
    rows.push(Line::default());

    // What the right answer is, once it may be shown.
    let answer: Option<Answer> = match (&st.feedback, &st.past) {
        (Some(Feedback::Verdict(v)), _) => v.answer.clone(),
        (Some(Feedback::Revealed(r)), _) => Some(r.answer.clone()),
        (None, Some((_, a))) => a.clone(),
        _ => None,
    };
    let right_choice = |i: usize| match &answer {
        Some(Answer::Choice(c)) => *c == i,
        Some(Answer::Multi(list)) => list.contains(&i),
        Some(Answer::Observed { choice, .. }) => *choice == Some(i),
        _ => false,
    };
    let wrong_picks: Vec<usize> = match &st.feedback {
        Some(Feedback::Verdict(v)) => v
            .picked
            .iter()
            .filter(|p| !p.correct)
            .map(|p| p.choice)
            .collect(),
        _ => Vec::new(),
    };
    let show_cursor = d.focused && !over && !st.confirm_reveal;

    match spec.kind {
        QuizKind::Choice | QuizKind::Multi | QuizKind::Predict => {
            for (pos, &i) in attempt.shown_choices().iter().enumerate() {
                let Some(choice) = spec.choices.get(i) else {
                    continue;
                };
                let picked = st.picked.contains(&i);
                let mark = match (spec.kind, picked) {
                    (QuizKind::Multi, true) => "[x]",
                    (QuizKind::Multi, false) => "[ ]",
                    (_, true) => "(•)",
                    (_, false) => "( )",
                };
                let here = show_cursor && st.cursor == Some(pos);
                let verdict = if right_choice(i) {
                    Some(("✓", look.good))
                } else if wrong_picks.contains(&i) {
                    Some(("✗", look.bad))
                } else {
                    None
                };
                let (sign, sign_style) = verdict.unwrap_or((" ", Style::new()));
                let lead = vec![
                    Span::styled(if here { "❯ " } else { "  " }, look.title),
                    Span::styled(format!("{}. ", pos + 1), theme.list_marker),
                    Span::styled(
                        format!("{mark} "),
                        if picked { look.strong } else { Style::new() },
                    ),
                ];
                let mut body = inline(&choice.text, theme);
                if picked || verdict.is_some() {
                    body = body
                        .into_iter()
                        .map(|s| Span::styled(s.content, s.style.patch(look.strong)))
                        .collect();
                }
                body.push(Span::raw(" "));
                body.push(Span::styled(sign, sign_style));
                let lines = hanging(lead, &body, inner);
                if here {
                    cursor_row = Some(rows.len());
                    rows.extend(lines.into_iter().map(|l| highlight(l, look.cursor, inner)));
                } else {
                    rows.extend(lines);
                }
            }
        }
        QuizKind::Order => {
            let shown: Vec<usize> = if matches!(answer, Some(Answer::Order)) && st.past.is_some() {
                (0..spec.items.len()).collect()
            } else {
                st.order.clone()
            };
            for (pos, &item) in shown.iter().enumerate() {
                let here = show_cursor && st.cursor == Some(pos);
                let in_place = over && pos == item;
                let lead = vec![
                    Span::styled(if here { "❯ " } else { "  " }, look.title),
                    Span::styled(format!("{}. ", pos + 1), theme.list_marker),
                ];
                let mut body = inline(spec.items.get(item).map_or("", String::as_str), theme);
                if over {
                    body.push(Span::raw(" "));
                    body.push(if in_place {
                        Span::styled("✓", look.good)
                    } else {
                        Span::styled("✗", look.bad)
                    });
                }
                let lines = hanging(lead, &body, inner);
                if here {
                    cursor_row = Some(rows.len());
                    rows.extend(lines.into_iter().map(|l| highlight(l, look.cursor, inner)));
                } else {
                    rows.extend(lines);
                }
            }
            if d.focused && !over {
                rows.extend(para(ui.quiz_order_help(), look.dim, inner));
            }
        }
        QuizKind::Text => {
            let label = format!("{} ", ui.quiz_your_answer());
            let room = inner.saturating_sub(text::width(&label) + 2).clamp(1, 40);
            let (shown, col) = st.text.view(room);
            let content = if shown.is_empty() && !d.typing && !over {
                Span::styled(
                    text::pad_right(&text::truncate(ui.quiz_type_prompt(), room), room),
                    look.dim,
                )
            } else {
                Span::styled(text::pad_right(&shown, room), look.field)
            };
            let row = rows.len();
            let label_w = text::width(&label);
            rows.push(Line::from(vec![
                Span::styled(label, look.strong),
                Span::styled("[", look.dim),
                content,
                Span::styled("]", look.dim),
            ]));
            if d.typing {
                caret = Some((row, label_w + 1 + col));
            }
            cursor_row = Some(row);
        }
    }

    // Hints shown so far.
    let hints = attempt.hints();
    if !hints.is_empty() {
        rows.push(Line::default());
        for (i, h) in hints.iter().enumerate() {
            let lead = vec![Span::styled(format!("{} ", ui.quiz_hint(i + 1)), look.hint)];
            rows.extend(hanging(lead, &inline(h, theme), inner));
        }
    }

    feedback(d, &answer, inner, theme, look, ui, &mut rows);

    if let Some(note) = &st.note {
        rows.push(Line::default());
        rows.extend(para(note, look.hint, inner));
    }
    if st.confirm_reveal {
        rows.push(Line::default());
        rows.extend(para(ui.quiz_confirm_reveal(), look.hint, inner));
        cursor_row = Some(rows.len() - 1);
    }
    if over && d.focused {
        rows.push(Line::default());
        rows.extend(para(ui.quiz_practice(), look.dim, inner));
    }

    let title = ui.quiz_title(spec.kind, d.number, d.of);
    let (border, title_style) = if d.focused {
        (look.border_focused, look.title)
    } else {
        (look.border, theme.box_label)
    };
    let framed_rows = framed(&title, rows, width, border, title_style);
    // The frame adds a row on top and two columns on the left.
    let (dy, dx) = if width < 8 { (1, 0) } else { (1, 2) };
    Drawn {
        lines: framed_rows,
        cursor_row: cursor_row.map(|r| r + dy),
        caret: caret.map(|(r, c)| (r + dy, c + dx)),
    }
}

fn feedback(
    d: &QuizDraw,
    answer: &Option<Answer>,
    inner: usize,
    theme: &Theme,
    look: &Look,
    ui: &Ui,
    rows: &mut Vec<Line<'static>>,
) {
    let attempt = &d.q.attempt;
    let spec = attempt.spec();
    let st = d.state;
    let mut explain: Option<String> = None;
    let mut score: Option<Score> = None;
    match (&st.feedback, &st.past) {
        (Some(Feedback::Verdict(v)), _) => {
            rows.push(Line::default());
            let (word, style) = if v.correct {
                (ui.quiz_right(), look.good)
            } else if v.can_retry {
                (ui.quiz_retry(), look.bad)
            } else {
                (ui.quiz_wrong(), look.bad)
            };
            rows.extend(para(word, style, inner));
            if let (Some(n), QuizKind::Order, false) = (v.in_place, spec.kind, v.correct) {
                rows.extend(para(
                    &ui.quiz_in_place(n, spec.items.len()),
                    look.dim,
                    inner,
                ));
            }
            if let Some(missing) = v.missing {
                // A first miss of a `multi` question: which picks were
                // wrong, how many right ones are missing; nothing more.
                rows.extend(para(
                    &ui.quiz_multi_miss(v.picked.len(), missing),
                    look.dim,
                    inner,
                ));
            } else if spec.kind != QuizKind::Multi || v.can_retry {
                // (Once a `multi` question is over, every choice is told.)
                choice_whys(attempt, &v.picked, inner, theme, look, rows);
            }
            if !v.explained.is_empty() {
                choice_whys(attempt, &v.explained, inner, theme, look, rows);
            }
            explain = v.explain.clone();
            if !v.can_retry {
                score = attempt.score();
            }
        }
        (Some(Feedback::Revealed(r)), _) => {
            choice_whys(attempt, &r.explained, inner, theme, look, rows);
            explain = r.explain.clone();
            if attempt.state() == AttemptState::Revealed {
                score = attempt.score();
            }
        }
        (None, Some((record, _))) => {
            rows.push(Line::default());
            let text = ui.quiz_past(record.correct, record.tries, record.score());
            rows.extend(para(
                &text,
                if record.correct { look.good } else { look.dim },
                inner,
            ));
            explain = spec.explain.clone();
        }
        _ => {}
    }
    let order_right = spec.kind == QuizKind::Order
        && matches!(st.feedback, Some(Feedback::Verdict(ref v)) if v.correct);
    if let Some(a) = answer
        && !order_right
    {
        let lead = vec![Span::styled(format!("{} ", ui.quiz_answer()), look.good)];
        let body = vec![Span::styled(
            text::sanitize(&a.describe_shown(spec, attempt.shown_choices())).into_owned(),
            look.strong,
        )];
        rows.extend(hanging(lead, &body, inner));
    }
    if spec.kind == QuizKind::Predict && (answer.is_some() || d.played_ms.is_some()) {
        predict_lines(d, inner, look, ui, rows);
    }
    if let Some(e) = explain {
        rows.extend(hanging(Vec::new(), &inline(&e, theme), inner));
    }
    if let Some(s) = score {
        rows.extend(para(ui.quiz_score(s), look.dim, inner));
    }
}

/// `2. Failed — why`, for each choice given, numbered as shown, in green
/// for a right choice and red for a wrong one.
fn choice_whys(
    attempt: &crate::quiz::QuizAttempt,
    choices: &[crate::quiz::Picked],
    inner: usize,
    theme: &Theme,
    look: &Look,
    rows: &mut Vec<Line<'static>>,
) {
    let spec = attempt.spec();
    let mut choices: Vec<&crate::quiz::Picked> = choices.iter().collect();
    choices.sort_by_key(|p| attempt.choice_number(p.choice));
    for p in choices {
        let Some(why) = &p.why else { continue };
        let text = spec.choices.get(p.choice).map_or("", |c| c.text.as_str());
        let mut lead_text = format!("{}. ", attempt.choice_number(p.choice));
        lead_text.push_str(&text::sanitize(text));
        lead_text.push_str(" — ");
        let style = if p.correct { look.good } else { look.bad };
        let mut body = vec![Span::styled(lead_text, style)];
        body.extend(inline(why, theme));
        rows.extend(hanging(vec![Span::raw("  ")], &body, inner));
    }
}

/// `predict`: what the simulator saw, as far as the cluster pane has played
/// it (all of it when nothing is playing).
fn predict_lines(d: &QuizDraw, inner: usize, look: &Look, ui: &Ui, rows: &mut Vec<Line<'static>>) {
    let Some(outcome) = d.q.predicted() else {
        if let Some(p) = d.q.problem() {
            rows.extend(para(p, look.bad, inner));
        }
        return;
    };
    let spec = d.q.attempt.spec();
    let shown = d
        .played_ms
        .unwrap_or(outcome.after_ms)
        .min(outcome.after_ms);
    let what = spec.observe.as_ref().map(observe_label).unwrap_or_default();
    let total = format_millis(outcome.after_ms);
    let head = if shown < outcome.after_ms {
        ui.quiz_playing(&format_millis(shown), &total, d.cluster_hidden)
    } else {
        ui.quiz_observed(&total, &what, &outcome.value)
    };
    let lead = vec![Span::styled(
        format!("{} ", ui.quiz_simulator()),
        look.title,
    )];
    rows.extend(hanging(
        lead,
        &[Span::styled(
            text::sanitize(&head).into_owned(),
            look.strong,
        )],
        inner,
    ));
    for m in outcome.timeline.iter().filter(|m| m.at_ms <= shown) {
        rows.extend(para(&moment_text(m, ui), look.dim, inner));
    }
}
