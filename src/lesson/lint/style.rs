//! The course's writing conventions that a program can see (the style guide
//! in `lessons/README.md`), as warnings:
//!
//! - a Korean particle after a space that follows bold text:
//!   `**컨테이너 런타임(Container Runtime)** 이 합니다` reads "… 이 합니다".
//!   CommonMark closes `**` before a Hangul letter only when the bold text
//!   does not end in punctuation, which is why such a space creeps in; the
//!   fix is `**컨테이너 런타임**(Container Runtime)이`, the gloss outside the
//!   bold (<https://spec.commonmark.org/0.31.2/#right-flanking-delimiter-run>);
//! - a lesson that speaks of "the notes" it was written from: students have
//!   never seen them.
//!
//! Prose is read line by line; code blocks other than `quiz`, `exercise`
//! and `cluster` (whose questions, captions and hints are prose too) are
//! skipped, and so are inline code spans.

use super::{Placed, Source};
use crate::lang::Lang;

/// Particles (and the copula) that attach to the word before them.
#[rustfmt::skip]
const PARTICLES: &[&str] = &[
    "이", "가", "은", "는", "을", "를", "의", "에", "에서", "에게", "와", "과", "로", "으로",
    "도", "만", "까지", "부터", "처럼", "보다", "이나", "나", "란", "이란", "라는", "이라는",
    "라고", "이라고", "이며", "이고", "이자", "에는", "에서는", "로는", "으로는", "로서",
    "으로서", "와는", "과는", "인", "이라", "라",
    // The copula, in the endings lessons use.
    "이다", "입니다", "입니까", "이에요", "예요", "일까요", "인가요", "이죠",
];

pub(super) fn check(source: &Source, lang: Lang) -> Vec<Placed> {
    let mut found = Vec::new();
    // Bold may open on one line of a paragraph and close on the next.
    let mut bold = false;
    for (line_no, line) in prose_lines(source) {
        let line = without_code_spans(line);
        if line.trim().is_empty() {
            bold = false;
        }
        if let Some(particle) = spaced_particle(&line, &mut bold)
            && lang == Lang::Ko
        {
            found.push(Placed::warning(
                line_no,
                format!(
                    "a space between bold text and the particle `{particle}`: write `**용어**(Term){particle}` with the gloss outside the bold, not `**용어(Term)** {particle}`"
                ),
            ));
        }
        if let Some(said) = mentions_the_notes(&line, lang) {
            found.push(Placed::warning(
                line_no,
                format!(
                    "the lesson speaks of \"{said}\": students have never seen the notes the course was written from; say it in the lesson's own words"
                ),
            ));
        }
    }
    found
}

/// (1-based line, text) of every line a student reads as prose.
fn prose_lines(source: &Source) -> Vec<(usize, &str)> {
    let first = source.text[..source.body_start].matches('\n').count() + 1;
    let mut out = Vec::new();
    let mut fence: Option<(char, usize, bool)> = None;
    for (i, line) in source.text[source.body_start..].lines().enumerate() {
        let trimmed = line.trim_start();
        let marker = trimmed.chars().next().filter(|c| *c == '`' || *c == '~');
        let run = marker.map_or(0, |m| trimmed.chars().take_while(|c| *c == m).count());
        match (&fence, marker) {
            (None, Some(m)) if run >= 3 => {
                let info = trimmed[run..].split_whitespace().next().unwrap_or("");
                let prose = matches!(info, "quiz" | "exercise" | "cluster");
                fence = Some((m, run, prose));
                continue;
            }
            (Some((m, n, _)), Some(c))
                if c == *m && run >= *n && trimmed[run..].trim().is_empty() =>
            {
                fence = None;
                continue;
            }
            _ => {}
        }
        if fence.is_none_or(|(_, _, prose)| prose) {
            out.push((first + i, line));
        }
    }
    out
}

/// The line with `inline code` spans blanked out.
fn without_code_spans(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut in_code = false;
    for c in line.chars() {
        if c == '`' {
            in_code = !in_code;
            out.push(' ');
        } else if in_code {
            out.push(' ');
        } else {
            out.push(c);
        }
    }
    out
}

/// The particle that follows a closing `**` and one space, if any. `opened`
/// says whether bold is open at the start of the line, and is left as it is
/// at the end.
fn spaced_particle(line: &str, opened: &mut bool) -> Option<&'static str> {
    let mut found = None;
    let mut rest = line;
    while let Some(at) = rest.find("**") {
        let before = &rest[..at];
        let after = &rest[at + 2..];
        let closing = *opened && !before.ends_with(char::is_whitespace);
        if closing
            && found.is_none()
            && let Some(word) = after.strip_prefix(' ')
        {
            let word: String = word
                .chars()
                .take_while(|c| {
                    !c.is_whitespace() && !c.is_ascii_punctuation() && !"。、".contains(*c)
                })
                .collect();
            found = PARTICLES.iter().find(|p| **p == word).copied();
        }
        *opened = !*opened;
        rest = after;
    }
    found
}

/// What the line says about the notes the course grew from, if anything.
fn mentions_the_notes(line: &str, lang: Lang) -> Option<String> {
    match lang {
        Lang::En => {
            let lower = line.to_lowercase();
            [
                "the original notes",
                "the study notes",
                "the source notes",
                "the notes",
                "these notes",
                "our notes",
                "notes behind",
                "notes'",
            ]
            .iter()
            .find(|p| {
                lower.match_indices(*p).any(|(i, m)| {
                    let end = i + m.len();
                    let next = lower[end..].chars().next();
                    let prev = lower[..i].chars().next_back();
                    next.is_none_or(|c| !c.is_alphanumeric())
                        && prev.is_none_or(|c| !c.is_alphanumeric())
                })
            })
            .map(|p| p.to_string())
        }
        Lang::Ko => line.match_indices("노트").find_map(|(i, _)| {
            let after = &line[i + "노트".len()..];
            let before = line[..i].trim_end();
            let laptop = after.starts_with('북');
            let release = before.ends_with("릴리스") || before.ends_with("릴리즈");
            (!laptop && !release).then(|| {
                let word: String = after.chars().take_while(|c| !c.is_whitespace()).collect();
                format!("노트{word}")
            })
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spaced(line: &str) -> Option<&'static str> {
        spaced_particle(line, &mut false)
    }

    #[test]
    fn finds_a_particle_after_bold_that_closes_on_the_next_line() {
        let mut bold = false;
        assert_eq!(
            spaced_particle("그 일은 **컨테이너 런타임(Container", &mut bold),
            None
        );
        assert!(bold);
        assert_eq!(
            spaced_particle("Runtime)** 이 합니다.", &mut bold),
            Some("이")
        );
        assert!(!bold);
    }

    #[test]
    fn finds_a_particle_after_a_space_that_follows_bold() {
        assert_eq!(
            spaced("그 일은 **컨테이너 런타임(Container Runtime)** 이 합니다."),
            Some("이")
        );
        assert_eq!(
            spaced("**CRI(Container Runtime Interface)** 는 표준입니다"),
            Some("는")
        );
        assert_eq!(spaced("이것이 **서비스(Service)** 입니다."), Some("입니다"));
        // Written the right way, or bold followed by a word that is no particle.
        assert_eq!(spaced("**파드**(Pod)입니다. **파드**는"), None);
        assert_eq!(spaced("**파드** 이름은 소문자로 씁니다"), None);
        assert_eq!(spaced("**A** and **B** 를"), Some("를"));
        // An opening `**` after a space is not a closing one.
        assert_eq!(spaced("글자 ** 이 아님"), None);
    }

    #[test]
    fn finds_mentions_of_the_notes() {
        assert_eq!(
            mentions_the_notes("The original notes tell it", Lang::En).as_deref(),
            Some("the original notes")
        );
        assert_eq!(
            mentions_the_notes("So the notes' load balancer", Lang::En).as_deref(),
            Some("the notes")
        );
        assert_eq!(
            mentions_the_notes("Read the release notes.", Lang::En),
            None
        );
        assert_eq!(mentions_the_notes("the notebook", Lang::En), None);
        assert_eq!(
            mentions_the_notes("원래 노트는 레스토랑으로", Lang::Ko).as_deref(),
            Some("노트는")
        );
        assert_eq!(mentions_the_notes("노트북에서 배우기", Lang::Ko), None);
        assert_eq!(
            mentions_the_notes("1.24 릴리스 노트를 보면", Lang::Ko),
            None
        );
    }

    #[test]
    fn skips_code_blocks_and_code_spans_but_reads_quizzes() {
        let text = "---\nid: x\n---\n\n# T\n\n```yaml\n# **a(b)** 이\n```\n\n`**a(b)** 이`\n\n```quiz\nquestion: **a(b)** 가 뭘까요\n```\n";
        let source = Source::new("ko/x.md", text);
        let found = check(&source, Lang::Ko);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].line, 14);
    }
}
