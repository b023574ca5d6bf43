//! Grapheme clusters with their widths, fast for the text lessons are made
//! of.
//!
//! Full grapheme segmentation is the costliest step of laying text out. In
//! a string made only of "simple" characters (below), every character is a
//! grapheme of its own and its width is its `char` width, so the segmenter
//! can be skipped. A character is simple when it can neither extend its
//! neighbour nor be joined to it: combining marks, joiners, variation
//! selectors, emoji modifiers, regional indicators, Hangul jamo, controls
//! and the like are all outside the list, and one of them anywhere in the
//! string sends the whole string through the full segmenter.

use super::grapheme_width;
use std::str::CharIndices;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthChar;

/// Characters that always form a grapheme on their own when every
/// character around them is also in this list.
fn is_simple(c: char) -> bool {
    matches!(c,
        ' '..='~'
        | '\u{a0}'..='\u{ac}' | '\u{ae}'..='\u{2ff}'    // Latin-1, Latin Extended (no soft hyphen)
        | '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205e}' // general punctuation
        | '\u{2190}'..='\u{21ff}'                         // arrows
        | '\u{2500}'..='\u{25ff}'                         // box drawing, blocks, shapes
        | '\u{3000}'..='\u{3029}'                         // CJK punctuation
        | '\u{4e00}'..='\u{9fff}'                         // CJK ideographs
        | '\u{ac00}'..='\u{d7a3}'                         // Hangul syllables
        | '\u{ff01}'..='\u{ff60}'                         // full-width forms
        | '\u{fffd}'                                       // replacement character
        | '\u{1f300}'..='\u{1f3fa}'                       // emoji, before the skin tones
        | '\u{1f400}'..='\u{1f64f}'
        | '\u{1f680}'..='\u{1f6ff}'
        | '\u{1f900}'..='\u{1f9ff}'
    )
}

/// The width of a simple character (see [`is_simple`]), without a table
/// look-up for the common cases.
fn simple_width(c: char) -> usize {
    match c {
        ' '..='~' => 1,
        '\u{ac00}'..='\u{d7a3}' | '\u{4e00}'..='\u{9fff}' => 2,
        c => c.width().unwrap_or(0),
    }
}

/// The display width of `s`, in one pass when it is simple.
pub(crate) fn str_width(s: &str) -> usize {
    let mut total = 0;
    for c in s.chars() {
        if !is_simple(c) {
            return s.graphemes(true).map(grapheme_width).sum();
        }
        total += simple_width(c);
    }
    total
}

/// The graphemes of `s` with their display widths.
pub(crate) fn graphemes(s: &str) -> Graphemes<'_> {
    if s.chars().all(is_simple) {
        Graphemes::Simple(s, s.char_indices())
    } else {
        Graphemes::Full(s.graphemes(true))
    }
}

pub(crate) enum Graphemes<'a> {
    Simple(&'a str, CharIndices<'a>),
    Full(unicode_segmentation::Graphemes<'a>),
}

impl<'a> Iterator for Graphemes<'a> {
    type Item = (&'a str, usize);

    fn next(&mut self) -> Option<Self::Item> {
        match self {
            Graphemes::Simple(s, chars) => {
                let (i, c) = chars.next()?;
                Some((&s[i..i + c.len_utf8()], simple_width(c)))
            }
            Graphemes::Full(g) => g.next().map(|g| (g, grapheme_width(g))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The fast path gives exactly what full segmentation gives.
    #[test]
    fn fast_path_agrees_with_full_segmentation() {
        let samples = [
            "kubectl get pods",
            "파드는 가장 작은 배포 단위입니다. → ok … • 📦🔌",
            "容器 「引用」 ＡＢＣ ·—–",
            "café naïve ©®",
            "│ ┌─┐ ▪ ◦",
            // What a file that is not UTF-8 reads as (from_utf8_lossy).
            "bad \u{fffd}\u{fffd} bytes \u{fffd}",
        ];
        for s in samples {
            assert!(matches!(graphemes(s), Graphemes::Simple(..)), "{s}");
            let fast: Vec<_> = graphemes(s).collect();
            let full: Vec<_> = s.graphemes(true).map(|g| (g, grapheme_width(g))).collect();
            assert_eq!(fast, full, "{s}");
            let total: usize = full.iter().map(|(_, w)| w).sum();
            assert_eq!(str_width(s), total, "{s}");
        }
    }

    #[test]
    fn anything_that_joins_takes_the_full_path() {
        for s in [
            "🏗️",
            "⚙️",
            "👩‍💻",
            "e\u{301}",
            "🇰🇷",
            "👍🏽",
            "\u{1100}\u{1161}",
            "a\r\nb",
            "a\u{ad}b",
            "ｶﾞ",
        ] {
            assert!(matches!(graphemes(s), Graphemes::Full(_)), "{s:?}");
        }
    }
}
