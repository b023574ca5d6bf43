//! How free-text answers are compared: two texts match when their
//! normalised forms are equal.
//!
//! The normal form:
//! 1. NFKC, so full-width and half-width forms meet (`ｅｔｃｄ` → `etcd`,
//!    `ＥＴＣＤ` → `ETCD`, the ideographic space → a space), and decomposed
//!    Hangul recomposes;
//! 2. lower case (then NFKC again, as lower-casing can leave non-NFKC text);
//! 3. no whitespace at all, and no invisible format characters (zero-width
//!    space, joiners, BOM, soft hyphen): spacing in Korean answers varies
//!    (`파드 네트워크` / `파드네트워크`), and `kube proxy` / `kubeproxy` name
//!    the same thing;
//! 4. no quotes around the answer and no punctuation after it
//!    (`"etcd".`, `etcd!`, `이티시디。`).

use unicode_normalization::UnicodeNormalization;

/// The form compared by the `text` checker and by choice-text matching.
pub fn normalize(text: &str) -> String {
    let first: String = text.nfkc().collect();
    let lower = first.to_lowercase();
    let squeezed: String = lower
        .nfkc()
        .filter(|c| !c.is_whitespace() && !is_invisible(*c))
        .collect();
    strip_edges(&squeezed).to_string()
}

/// Whether two texts are the same answer.
pub fn same_answer(a: &str, b: &str) -> bool {
    normalize(a) == normalize(b)
}

fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
    )
}

fn is_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '`' | '‘' | '’' | '“' | '”' | '「' | '」' | '『' | '』' | '«' | '»'
    )
}

fn is_trailing_punct(c: char) -> bool {
    matches!(
        c,
        '.' | ',' | '!' | '?' | ';' | ':' | '。' | '、' | '･' | '·' | '…' | '~' | '〜'
    )
}

fn strip_edges(s: &str) -> &str {
    let s = s.trim_start_matches(is_quote);
    s.trim_end_matches(|c| is_quote(c) || is_trailing_punct(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_width_case_and_spaces_meet() {
        for typed in [
            "etcd",
            "ETCD ",
            "ｅｔｃｄ",
            "ＥＴＣＤ",
            "  e t c d\t",
            "\u{3000}etcd\u{3000}",
            "etcd.",
            "\"etcd\"!",
            "「etcd」",
            "et\u{200B}cd",
        ] {
            assert_eq!(normalize(typed), "etcd", "{typed:?}");
        }
    }

    #[test]
    fn korean_spacing_and_decomposed_hangul() {
        assert_eq!(normalize("이티시디"), "이티시디");
        assert_eq!(normalize("이티 시디。"), "이티시디");
        // 이 as a decomposed sequence of jamo (NFD) recomposes.
        assert_eq!(normalize("\u{110B}\u{1175}티시디"), "이티시디");
        assert_eq!(normalize("파드 네트워크"), normalize("파드네트워크"));
        // half-width katakana widen under NFKC
        assert_eq!(normalize("ｶ"), "カ");
    }

    #[test]
    fn inner_punctuation_stays() {
        assert_eq!(normalize("kube-proxy"), "kube-proxy");
        assert_eq!(normalize("1/1"), "1/1");
        assert_eq!(
            normalize("Ready,SchedulingDisabled"),
            "ready,schedulingdisabled"
        );
        assert!(!same_answer("kube-proxy", "kubeproxy"));
        assert_eq!(normalize("?!"), "");
    }
}
