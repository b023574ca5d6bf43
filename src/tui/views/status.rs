//! The status bar: where the student is and the keys that matter most.
//! `? help` and `q quit` are always there (at 40 columns and more); the
//! other hints are dropped from the end when the bar is short, then
//! `kubetutor │`, then the lesson's title is cut. When the cluster pane is hidden (a narrow
//! terminal) and the section sets a cluster up, it says `cluster: Tab`.

use super::super::app::App;
use super::super::i18n::Ui;
use super::super::theme::Chrome;
use crate::text;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Hints separated by two spaces or ` · ` as the words give them.
pub(in crate::tui) fn items(hints: &str) -> Vec<String> {
    hints
        .split(" · ")
        .flat_map(|h| h.split("  "))
        .map(str::trim)
        .filter(|h| !h.is_empty())
        .map(str::to_string)
        .collect()
}

/// The hints that fit in `room` columns: `first` (always), then each of
/// `rest` in order that still fits (a long one is skipped for shorter ones
/// after it), then `last` (always).
pub(in crate::tui) fn fit(
    first: &[String],
    rest: &[String],
    last: &[String],
    room: usize,
) -> String {
    let join = |v: &[String]| v.join("  ");
    let fixed: Vec<String> = first.iter().chain(last).cloned().collect();
    let mut used = text::width(&join(&fixed));
    let mut chosen = Vec::new();
    for r in rest {
        let w = text::width(r) + 2;
        if used + w <= room {
            used += w;
            chosen.push(r.clone());
        }
    }
    let all: Vec<String> = first.iter().chain(&chosen).chain(last).cloned().collect();
    join(&all)
}

/// What the bar says, before it is laid out.
struct Parts<'a> {
    title: &'a str,
    position: &'a str,
    lang: &'a str,
    /// ` kubectl: … │` while serving, else empty.
    serving: &'a str,
    first: &'a [String],
    rest: &'a [String],
    last: &'a [String],
}

/// The bar as (place, gap, hints) for `width` columns. The place keeps
/// ` 5/6 │ EN ` and a readable part of the title, up to 40 % of the bar;
/// the hints take the rest, `first` and `last` always; then the place
/// takes what the hints left: ` kubetutor │ title │ 5/6 │ EN ` when it
/// fits, else without ` kubetutor │`, else with the title cut.
fn layout(width: usize, p: &Parts<'_>) -> (String, usize, String) {
    let fixed = format!(" │ {} │ {} ", p.position, p.lang);
    let short = format!("{} {} │ {} ", p.serving, p.position, p.lang);
    let brand = format!(" kubetutor │{} ", p.serving);
    let plain = format!("{} ", p.serving);
    let titled = |head: &str, title: &str| {
        if title.is_empty() {
            format!("{}{} ", head, p.lang)
        } else {
            format!("{head}{title}{fixed}")
        }
    };
    let full = titled(&brand, p.title);
    let least = titled(&plain, &text::truncate(p.title, 12));
    let want = text::width(&full).min((width * 2 / 5).max(text::width(&least)));
    let room = width.saturating_sub(want + 1);
    let hints = format!("{} ", fit(p.first, p.rest, p.last, room));
    let hints = text::truncate(&hints, width);
    let place_room = width.saturating_sub(text::width(&hints));
    let title_room = place_room.saturating_sub(text::width(&plain) + text::width(&fixed));
    let place = [full, titled(&plain, p.title)]
        .into_iter()
        .find(|c| text::width(c) <= place_room)
        .unwrap_or_else(|| {
            if title_room >= 4 {
                titled(&plain, &text::truncate(p.title, title_room))
            } else {
                text::truncate(&short, place_room)
            }
        });
    // A short place leaves room: hints that fit in it come in too.
    let hints = if place_room > text::width(&place) + 1 {
        let room = width.saturating_sub(text::width(&place) + 1);
        text::truncate(&format!("{} ", fit(p.first, p.rest, p.last, room)), width)
    } else {
        hints
    };
    let gap = width.saturating_sub(text::width(&place) + text::width(&hints));
    (place, gap, hints)
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App, ui: &Ui, chrome: &Chrome) {
    let width = area.width as usize;
    let (title, position) = match app.current() {
        Some(found) => (
            text::sanitize(&found.lesson.title).into_owned(),
            format!("{}/{}", app.section + 1, found.lesson.sections.len()),
        ),
        None => (String::new(), String::new()),
    };
    let lang = app.lang.code().to_uppercase();
    // While serving, how kubectl connects comes first: it must not be the
    // part a narrow bar cuts off.
    let serving = app
        .live
        .serving
        .as_ref()
        .map(|s| format!(" {} │", super::super::serve::status(app.lang, s)))
        .unwrap_or_default();
    let typing = app.editor.is_some()
        || matches!(
            app.focused_block(),
            Some(crate::tui::blocks::Focused::Quiz { typing: true, .. })
        );
    let (first, rest, last): (Vec<String>, Vec<String>, Vec<String>) = if typing {
        let hints = match app.editor {
            Some(_) => ui.editor_footer(),
            None => app.block_hints().unwrap_or_default(),
        };
        (Vec::new(), items(hints), Vec::new())
    } else {
        let hints = match app.block_hints() {
            Some(hints) => hints,
            // A section with a quiz or an exercise: say how to reach it.
            None if app.overlay.is_none() && app.has_live_blocks() => ui.status_hints_blocks(),
            None => ui.status_hints(),
        };
        let first = if app.cluster_hidden() {
            vec![ui.cluster_tab().to_string()]
        } else {
            Vec::new()
        };
        let last = vec![ui.help_key().to_string(), ui.quit_key().to_string()];
        let rest = items(hints)
            .into_iter()
            .filter(|h| !last.contains(h))
            .collect();
        (first, rest, last)
    };
    let (place, gap, hints) = layout(
        width,
        &Parts {
            title: &title,
            position: &position,
            lang: &lang,
            serving: &serving,
            first: &first,
            rest: &rest,
            last: &last,
        },
    );
    let line = Line::from(vec![
        Span::styled(place, chrome.status_key),
        Span::styled(" ".repeat(gap), chrome.status),
        Span::styled(hints, chrome.status),
    ]);
    frame.render_widget(Paragraph::new(line), area);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The bar, and the gap between the place and the hints.
    fn bar(width: usize, title: &str, hints: &str) -> (String, usize) {
        let last = vec!["? help".to_string(), "q quit".to_string()];
        let rest: Vec<String> = items(hints)
            .into_iter()
            .filter(|h| !last.contains(h))
            .collect();
        let (place, gap, shown) = layout(
            width,
            &Parts {
                title,
                position: "3/6",
                lang: "EN",
                serving: "",
                first: &[],
                rest: &rest,
                last: &last,
            },
        );
        let line = format!("{place}{}{shown}", " ".repeat(gap));
        assert_eq!(text::width(&line), width, "{line:?}");
        // Room is left over only when nothing more fits: the title whole
        // and no left-out hint as narrow as the gap.
        if gap > 1 {
            assert!(!place.contains('…'), "{width}: {line:?}");
            for h in rest.iter().filter(|h| !shown.contains(h.as_str())) {
                assert!(text::width(h) + 2 > gap, "{width}: {h} fits in {line:?}");
            }
        }
        (line, gap)
    }

    const TITLE: &str = "Infrastructure as Code";
    const QUIZ: &str = "↑↓/digits choose · Enter check · h hint · a answer · ]/[ block · Esc leave";
    const READING: &str =
        "] quiz/exercise  ←→ section  ↑↓ scroll  Tab pane  : command  ? help  q quit";

    #[test]
    fn at_60_columns_the_title_stays_and_the_hints_fill_the_bar() {
        assert_eq!(
            bar(60, TITLE, QUIZ).0,
            " Infrastructur… │ 3/6 │ EN ↑↓/digits choose  ? help  q quit "
        );
        assert_eq!(
            bar(
                60,
                "코드로 인프라 만들기, IaC(Infrastructure as Code)",
                READING
            )
            .0,
            " 코드로 인프라 … │ 3/6 │ EN ] quiz/exercise  ? help  q quit "
        );
    }

    #[test]
    fn help_and_quit_are_always_there_from_40_columns_and_no_room_is_wasted() {
        for width in 40..=200 {
            for hints in [QUIZ, READING] {
                for title in [TITLE, "The declarative API and self-healing", "파드(Pod)"] {
                    let (line, _) = bar(width, title, hints);
                    assert!(line.ends_with("? help  q quit "), "{width}: {line}");
                    assert!(line.contains("3/6 │ EN"), "{width}: {line}");
                }
            }
        }
    }

    #[test]
    fn a_wide_bar_has_every_word() {
        let (line, gap) = bar(130, TITLE, READING);
        assert_eq!(
            line,
            format!(
                " kubetutor │ {TITLE} │ 3/6 │ EN {}] quiz/exercise  ←→ section  ↑↓ scroll  Tab pane  : command  ? help  q quit ",
                " ".repeat(gap)
            )
        );
    }
}
