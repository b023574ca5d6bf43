//! The words of `kubetutor drill --plain`, in the student's language: the
//! session header, a card with its numbered choices, the feedback with the
//! explanation and the simulator's timeline, the end-of-session report.

use super::{table, timeline, until};
use crate::lang::Lang;
use crate::quiz::drill::card::NodeFate;
use crate::quiz::drill::words::{category_name, span};
use crate::quiz::drill::{Feedback, Question, Summary};
use crate::timestamp::Timestamp;

pub fn header(lang: Lang, n: usize, due: usize) -> String {
    match (lang, n) {
        (Lang::En, 0) => "Pod-phase drill: no card is due and no new card is left.".into(),
        (Lang::Ko, 0) => "파드 단계 드릴: 복습할 카드도 새 카드도 없습니다.".into(),
        (Lang::En, n) => format!(
            "Pod-phase drill: {n} card{} ({due} due for review, {} new).",
            if n == 1 { "" } else { "s" },
            n - due
        ),
        (Lang::Ko, n) => format!(
            "파드 단계 드릴: 카드 {n}장 (복습 {due}장, 새 카드 {}장).",
            n - due
        ),
    }
}

pub fn question_text(q: &Question, lang: Lang) -> String {
    let kind = match (q.review, lang) {
        (true, Lang::En) => "review",
        (false, Lang::En) => "new",
        (true, Lang::Ko) => "복습",
        (false, Lang::Ko) => "새 카드",
    };
    let mut s = match lang {
        Lang::En => format!("Card {} of {}", q.number, q.total),
        Lang::Ko => format!("카드 {}/{}", q.number, q.total),
    };
    s.push_str(&format!(
        " · {} · {kind}\n",
        category_name(q.category, lang)
    ));
    s.push_str(&q.spec.question);
    s.push('\n');
    for (p, &i) in q.shown.iter().enumerate() {
        s.push_str(&format!("  {}. {}\n", p + 1, q.spec.choices[i].text));
    }
    s.push_str(lang.pick(
        "번호나 답을 입력하세요. h: 힌트, ?: 정답 보기, q: 그만하기.",
        "Type a number or the answer; h: hint, ?: show the answer, q: stop.",
    ));
    s
}

pub fn feedback_text(q: &Question, f: &Feedback, lang: Lang) -> String {
    let mut lines = Vec::new();
    let answer = format!("{}. {}", q.number_of(f.answer), f.answer_text);
    lines.push(match (f.correct, f.revealed, lang) {
        (true, _, Lang::En) => "Right!".to_string(),
        (true, _, Lang::Ko) => "맞았습니다!".to_string(),
        (false, true, Lang::En) => format!("The answer: {answer}"),
        (false, true, Lang::Ko) => format!("정답: {answer}"),
        (false, false, Lang::En) => format!("Wrong. The answer: {answer}"),
        (false, false, Lang::Ko) => format!("틀렸습니다. 정답: {answer}"),
    });
    if let Some(p) = &f.picked
        && let Some(c) = q.spec.choices.get(p.choice)
        && let Some(why) = &p.why
    {
        lines.push(format!("  {}. {}: {why}", q.number_of(p.choice), c.text));
    }
    if !f.correct
        && let Some(why) = q.spec.choices.get(f.answer).and_then(|c| c.why.as_ref())
    {
        lines.push(format!("  {answer}: {why}"));
    }
    lines.push(lang.pick("이유:", "Why:").to_string());
    for p in &f.explanation {
        lines.push(format!("  {p}"));
    }
    let since = match (q.card.node, lang) {
        (NodeFate::Healthy, Lang::En) => "0:00 = the object was created",
        (NodeFate::Healthy, Lang::Ko) => "0:00 = 오브젝트를 만든 때",
        (NodeFate::Lost, Lang::En) => "0:00 = node-1 went down",
        (NodeFate::Lost, Lang::Ko) => "0:00 = node-1이 멈춘 때",
    };
    lines.push(match lang {
        Lang::En => format!(
            "What the cluster did ({since}; the card looks at {}):",
            span(q.card.after_ms, lang)
        ),
        Lang::Ko => format!(
            "클러스터에서 일어난 일 ({since}, 카드가 묻는 때: {}):",
            span(q.card.after_ms, lang)
        ),
    });
    let field = q.card.field.observe_field();
    lines.extend(timeline(&f.timeline, field, lang, 12));
    lines.join("\n")
}

/// When the card just answered comes back.
pub fn next_review(lang: Lang, at: Timestamp, due: Timestamp) -> String {
    match lang {
        Lang::En => format!("Next review of this card: {}.", until(lang, at, due)),
        Lang::Ko => format!("이 카드의 다음 복습: {}.", until(lang, at, due)),
    }
}

pub fn summary_text(s: &Summary, lang: Lang, now: Timestamp) -> String {
    let mut out = match lang {
        Lang::En => format!("Session: {} of {} right.\n", s.right, s.asked),
        Lang::Ko => format!("이번 세션: {}장 중 {}장 맞힘.\n", s.asked, s.right),
    };
    if !s.categories.is_empty() {
        out.push_str(&category_table(s, lang, now));
    }
    out.push_str(&due_line(s, lang, now));
    out.push('\n');
    out
}

/// Accuracy per category and when each one's next card is due, as a
/// table (a heading row first).
pub fn category_table(s: &Summary, lang: Lang, now: Timestamp) -> String {
    let head = match lang {
        Lang::En => ["CATEGORY", "RIGHT", "ACCURACY", "NEXT DUE"],
        Lang::Ko => ["분류", "맞힘", "정답률", "다음 복습"],
    };
    let rows: Vec<Vec<String>> = s
        .categories
        .iter()
        .map(|c| {
            vec![
                category_name(&c.category, lang),
                format!("{}/{}", c.right, c.asked),
                format!(
                    "{:.0}%",
                    f64::from(c.right) * 100.0 / f64::from(c.asked.max(1))
                ),
                c.next_due.map_or("-".into(), |d| until(lang, now, d)),
            ]
        })
        .collect();
    table(&head, &rows)
}

/// When the next review falls due, or how many cards are due now.
pub fn due_line(s: &Summary, lang: Lang, now: Timestamp) -> String {
    match (s.due_now, s.next_due, lang) {
        (0, Some(d), Lang::En) => format!("Next review due {} ({d}).", until(lang, now, d)),
        (0, Some(d), Lang::Ko) => format!("다음 복습: {} ({d}).", until(lang, now, d)),
        (0, None, Lang::En) => "No review scheduled yet.".into(),
        (0, None, Lang::Ko) => "예정된 복습이 아직 없습니다.".into(),
        (n, _, Lang::En) => format!(
            "{n} card{} due for review now.",
            if n == 1 { "" } else { "s" }
        ),
        (n, _, Lang::Ko) => format!("지금 복습할 카드 {n}장."),
    }
}
