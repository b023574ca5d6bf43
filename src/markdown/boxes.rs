//! The marker boxes a lesson section shows in place of its interactive
//! blocks, until their own views take over: "Quiz: …", "Exercise: …",
//! "Cluster: …", and an error box for a block that failed to parse.

use super::frame::{FRAME_EXTRA, framed};
use super::inline::{Spans, render_inline};
use super::theme::Theme;
use crate::exercise::spec::ExerciseSpec;
use crate::lang::Lang;
use crate::quiz::spec::{QuizKind, QuizSpec};
use crate::sim::setup::Setup;
use crate::text::{sanitize, truncate, width, wrap_spans};
use ratatui::style::Style;
use ratatui::text::Span;

/// The narrowest width that gets a frame; below it the box is plain lines.
const MIN_FRAMED: usize = FRAME_EXTRA + 2;

/// A paragraph of a box: a lead (a label or a list number) and text that
/// wraps under it with a hanging indent.
struct Para {
    lead: Option<Span<'static>>,
    hang: usize,
    lines: Vec<Spans>,
}

impl Para {
    fn labelled(label: &str, style: Style, lines: Vec<Spans>) -> Para {
        Para {
            lead: Some(Span::styled(format!("{label} "), style)),
            hang: 0,
            lines,
        }
    }

    fn item(lead: String, style: Style, lines: Vec<Spans>) -> Para {
        let hang = width(&lead);
        Para {
            lead: Some(Span::styled(lead, style)),
            hang,
            lines,
        }
    }

    fn plain(lines: Vec<Spans>) -> Para {
        Para {
            lead: None,
            hang: 0,
            lines,
        }
    }

    fn layout(self, inner: usize) -> Vec<Spans> {
        let hang = self.hang.min(inner.saturating_sub(1));
        let rest = inner - hang;
        let mut out = Vec::new();
        for (i, line) in self.lines.into_iter().enumerate() {
            let mut spans = Vec::with_capacity(line.len() + 1);
            let first = if i == 0 {
                spans.extend(self.lead.clone());
                inner
            } else {
                rest
            };
            spans.extend(line);
            for (k, mut wrapped) in wrap_spans(&spans, first, rest).into_iter().enumerate() {
                if hang > 0 && (i > 0 || k > 0) {
                    wrapped.insert(0, Span::raw(" ".repeat(hang)));
                }
                out.push(wrapped);
            }
        }
        out
    }
}

fn marker_box(
    title: &str,
    paras: Vec<Para>,
    avail: usize,
    border: Style,
    title_style: Style,
) -> Vec<Spans> {
    if avail < MIN_FRAMED {
        let mut out = vec![vec![Span::styled(truncate(title, avail), title_style)]];
        out.extend(paras.into_iter().flat_map(|p| p.layout(avail)));
        return out;
    }
    let inner = avail - FRAME_EXTRA;
    let rows = paras.into_iter().flat_map(|p| p.layout(inner)).collect();
    framed(rows, inner, Some((title, title_style)), border)
}

fn inline(markdown: &str, theme: &Theme) -> Vec<Spans> {
    render_inline(markdown, theme.text, theme)
}

/// `(english, korean)` in `lang`.
fn say(lang: Lang, en: &'static str, ko: &'static str) -> &'static str {
    match lang {
        Lang::En => en,
        Lang::Ko => ko,
    }
}

pub(crate) fn quiz(q: &QuizSpec, avail: usize, theme: &Theme, lang: Lang) -> Vec<Spans> {
    let mut paras = vec![Para::labelled(
        say(lang, "Quiz:", "퀴즈:"),
        theme.box_label,
        inline(&q.question, theme),
    )];
    match q.kind {
        QuizKind::Choice | QuizKind::Multi | QuizKind::Predict => {
            for (i, choice) in q.choices.iter().enumerate() {
                paras.push(Para::item(
                    format!("{}. ", i + 1),
                    theme.list_marker,
                    inline(&choice.text, theme),
                ));
            }
        }
        QuizKind::Order => {
            // The items are written in the right order: list them sorted
            // so that the box does not give the answer away.
            let mut items: Vec<&String> = q.items.iter().collect();
            items.sort();
            for item in items {
                paras.push(Para::item(
                    "• ".to_string(),
                    theme.list_marker,
                    inline(item, theme),
                ));
            }
        }
        QuizKind::Text => {}
    }
    let title = format!("{} · {}", say(lang, "quiz", "퀴즈"), q.kind.name());
    marker_box(&title, paras, avail, theme.box_border, theme.box_label)
}

pub(crate) fn exercise(e: &ExerciseSpec, avail: usize, theme: &Theme, lang: Lang) -> Vec<Spans> {
    let paras = vec![Para::labelled(
        say(lang, "Exercise:", "실습:"),
        theme.box_label,
        inline(&e.goal, theme),
    )];
    let title = say(lang, "exercise", "실습");
    marker_box(title, paras, avail, theme.box_border, theme.box_label)
}

pub(crate) fn cluster(setup: &Setup, avail: usize, theme: &Theme, lang: Lang) -> Vec<Spans> {
    let label = sanitize(&setup.label()).into_owned();
    let mut paras = vec![Para::labelled(
        say(lang, "Cluster:", "클러스터:"),
        theme.box_label,
        vec![vec![Span::styled(label, theme.text)]],
    )];
    if let Some(caption) = &setup.caption {
        paras.push(Para::plain(inline(caption, theme)));
    }
    let title = say(lang, "cluster", "클러스터");
    marker_box(title, paras, avail, theme.box_border, theme.box_label)
}

pub(crate) fn invalid(
    line: usize,
    info: &str,
    message: &str,
    avail: usize,
    theme: &Theme,
    lang: Lang,
) -> Vec<Spans> {
    let info = sanitize(info);
    let message = sanitize(message);
    let what = vec![vec![Span::styled(
        match lang {
            Lang::En => format!("`{info}` block at line {line}"),
            Lang::Ko => format!("{line}번째 줄의 `{info}` 블록"),
        },
        theme.error_text,
    )]];
    let lines = message
        .lines()
        .map(|l| vec![Span::styled(l.to_string(), theme.error_text)])
        .collect();
    let paras = vec![
        Para::labelled(say(lang, "Error:", "오류:"), theme.error_text, what),
        Para::plain(lines),
    ];
    let title = say(lang, "error", "오류");
    marker_box(title, paras, avail, theme.error_border, theme.error_text)
}
