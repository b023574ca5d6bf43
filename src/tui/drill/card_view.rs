//! The card pane's text: the scenario, the question and its numbered
//! choices, the hints; once answered, the verdict in colour, what the
//! picked and the right choice mean, the explanation and the timeline the
//! simulator recorded. Every line is wrapped to the pane's width by display
//! width, so Korean never spills.

use super::Drill;
use super::words::Words;
use crate::quiz::drill::words::category_name;
use crate::quiz::plain::{self, cards::next_review};
use crate::text;
use crate::tui::cluster::style::Palette;
use crate::tui::theme::Chrome;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

/// The lines, and where the question and the verdict start (the pane
/// scrolls there once the card is answered).
pub(super) struct CardText {
    pub lines: Vec<Line<'static>>,
    pub question_at: usize,
    pub verdict_at: Option<usize>,
    /// Where the manifest starts (the feedback ends above it).
    pub manifest_at: usize,
}

/// `text` wrapped to `width`, the first line after `first`, the others
/// after `rest` (a hanging indent), all in `style`.
fn para(
    out: &mut Vec<Line<'static>>,
    first: &str,
    rest: &str,
    body: &str,
    style: Style,
    width: usize,
) {
    let room_first = width.saturating_sub(text::width(first)).max(1);
    let room_rest = width.saturating_sub(text::width(rest)).max(1);
    let body = text::sanitize(body);
    let spans = [Span::raw(body.as_ref())];
    for (i, spans) in text::wrap_spans(&spans, room_first, room_rest)
        .into_iter()
        .enumerate()
    {
        let lead = if i == 0 { first } else { rest };
        let content: String = spans.iter().map(|s| s.content.as_ref()).collect();
        out.push(Line::from(vec![
            Span::styled(lead.to_string(), style),
            Span::styled(content, style),
        ]));
    }
}

fn heading(out: &mut Vec<Line<'static>>, title: &str, pal: &Palette, width: usize) {
    out.push(Line::styled(text::truncate(title, width), pal.heading));
}

pub(super) fn card_text(
    drill: &Drill,
    w: &Words,
    pal: &Palette,
    chrome: &Chrome,
    width: usize,
    narrow: bool,
) -> CardText {
    let mut out: Vec<Line<'static>> = Vec::new();
    let (Some(q), Some(o)) = (drill.question(), drill.outcome()) else {
        return CardText {
            lines: out,
            question_at: 0,
            verdict_at: None,
            manifest_at: 0,
        };
    };
    let lang = drill.lang();
    let card = &q.card;
    let head = format!(
        "{} · {}",
        w.card_of(q.number, q.total, q.review),
        category_name(q.category, lang)
    );
    out.push(Line::styled(text::truncate(&head, width), pal.dim));
    out.push(Line::default());

    heading(&mut out, w.scenario(), pal, width);
    let facts = w.facts(card);
    let label_w = facts
        .iter()
        .map(|(l, _)| text::width(l))
        .max()
        .unwrap_or(0)
        .min(width / 3);
    for (label, value) in &facts {
        let first = format!(
            "  {}  ",
            text::pad_right(&text::truncate(label, label_w), label_w)
        );
        let rest = " ".repeat(text::width(&first));
        let start = out.len();
        para(&mut out, &first, &rest, value, Style::new(), width);
        if let Some(line) = out.get_mut(start)
            && let Some(lead) = line.spans.first_mut()
        {
            lead.style = pal.name;
        }
    }
    out.push(Line::default());

    let question_at = out.len();
    heading(&mut out, w.question(), pal, width);
    para(&mut out, "  ", "  ", &w.ask(card), pal.name, width);
    out.push(Line::default());

    let feedback = drill.feedback();
    for (p, &i) in q.shown.iter().enumerate() {
        let choice = &q.spec.choices[i];
        let number = format!("{}. ", p + 1);
        let (mark, style) = match feedback {
            None if drill.selected == Some(p) => ("▸ ", chrome.selected),
            None => ("  ", Style::new()),
            Some(_) if i == o.answer => ("✔ ", pal.good.add_modifier(Modifier::BOLD)),
            Some(f) if f.picked.as_ref().is_some_and(|p| p.choice == i) => ("✘ ", pal.bad),
            Some(_) => ("  ", pal.dim),
        };
        para(
            &mut out,
            &format!("{mark}{number}"),
            &" ".repeat(2 + text::width(&number)),
            &choice.text,
            style,
            width,
        );
    }
    out.push(Line::default());

    for h in &drill.hints {
        para(
            &mut out,
            &format!("{}: ", w.hint()),
            "  ",
            h,
            pal.warn,
            width,
        );
    }
    if drill.out_of_hints && feedback.is_none() {
        para(&mut out, "", "", w.no_more_hints(), pal.dim, width);
    }
    if !drill.hints.is_empty() || (drill.out_of_hints && feedback.is_none()) {
        out.push(Line::default());
    }

    let Some(f) = feedback else {
        if drill.pick_first {
            para(&mut out, "", "", w.pick_first(), pal.warn, width);
        }
        para(
            &mut out,
            "",
            "",
            &w.answer_keys(q.spec.choices.len()),
            pal.dim,
            width,
        );
        let manifest_at = out.len();
        manifest(&mut out, &card.manifest(), w, pal, width);
        return CardText {
            lines: out,
            question_at,
            verdict_at: None,
            manifest_at,
        };
    };

    let verdict_at = out.len();
    let answer = format!("{}. {}", q.number_of(f.answer), f.answer_text);
    let (verdict, style) = if f.correct {
        (w.right(!drill.hints.is_empty()).to_string(), pal.good)
    } else if f.revealed {
        (w.not_right(true, &answer), pal.warn)
    } else {
        (w.not_right(false, &answer), pal.bad)
    };
    para(
        &mut out,
        "",
        "  ",
        &verdict,
        style.add_modifier(Modifier::BOLD),
        width,
    );
    if let Some(p) = &f.picked
        && let (Some(c), Some(why)) = (q.spec.choices.get(p.choice), p.why.as_ref())
    {
        let lead = format!("  {}. {}: ", q.number_of(p.choice), c.text);
        para(&mut out, &lead, "    ", why, Style::new(), width);
    }
    if !f.correct
        && let Some(why) = q.spec.choices.get(f.answer).and_then(|c| c.why.as_ref())
    {
        let lead = format!("  {answer}: ");
        para(&mut out, &lead, "    ", why, Style::new(), width);
    }
    out.push(Line::default());

    heading(&mut out, w.why(), pal, width);
    for (i, p) in f.explanation.iter().enumerate() {
        if i > 0 {
            out.push(Line::default());
        }
        para(&mut out, "  ", "  ", p, Style::new(), width);
    }
    out.push(Line::default());

    heading(&mut out, &w.timeline(card), pal, width);
    let field = card.field.observe_field();
    let moments = plain::timeline(&f.timeline, field, lang, 12);
    let last = moments.len().saturating_sub(1);
    for (i, m) in moments.iter().enumerate() {
        let style = if i == last { pal.name } else { Style::new() };
        para(&mut out, "", "           ", m, style, width);
    }
    out.push(Line::default());

    if let Some((at, due)) = drill.card_due {
        para(
            &mut out,
            "",
            "",
            &next_review(lang, at, due),
            pal.info,
            width,
        );
    }
    let last_card = q.number >= q.total;
    para(
        &mut out,
        "",
        "",
        &w.next_keys(last_card, narrow),
        pal.dim,
        width,
    );
    let manifest_at = out.len();
    manifest(&mut out, &card.manifest(), w, pal, width);
    CardText {
        lines: out,
        question_at,
        verdict_at: Some(verdict_at),
        manifest_at,
    }
}

/// The manifest the card applies, last (the scenario above says the same
/// in words), each YAML line wrapped under its own indent.
fn manifest(out: &mut Vec<Line<'static>>, yaml: &str, w: &Words, pal: &Palette, width: usize) {
    out.push(Line::default());
    heading(out, w.manifest(), pal, width);
    for line in yaml.lines() {
        let body = line.trim_start();
        let lead = format!("  {}", &line[..line.len() - body.len()]);
        let rest = format!("{lead}  ");
        para(out, &lead, &rest, body, pal.dim, width);
    }
}
