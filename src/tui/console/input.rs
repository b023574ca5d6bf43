//! One line of editable text: a cursor that moves by grapheme (a Hangul
//! syllable or an emoji is one step, whatever its bytes), and a view of the
//! line that fits a width measured in terminal cells.

use crate::text;
use unicode_segmentation::UnicodeSegmentation;

/// Characters the command bar accepts at most; more typing (or a pasted
/// novel) is ignored rather than slowing every keystroke down.
pub const MAX_CHARS: usize = 4096;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineInput {
    text: String,
    /// Byte offset, always on a grapheme boundary.
    cursor: usize,
}

impl LineInput {
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The cursor as a byte offset into [`LineInput::text`].
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// Replace the text, cursor at the end.
    pub fn set(&mut self, text: &str) {
        self.text = text.to_string();
        self.cursor = self.text.len();
    }

    /// `head` then `tail`, the cursor between them.
    pub fn set_parts(&mut self, head: &str, tail: &str) {
        self.text = format!("{head}{tail}");
        self.cursor = self.boundary_at_or_after(head.len());
    }

    /// Insert a character at the cursor. Control characters never enter
    /// the line (they would reach the terminal when it is drawn); returns
    /// false when the character was refused.
    pub fn insert(&mut self, c: char) -> bool {
        if c.is_control() || self.text.chars().count() >= MAX_CHARS {
            return false;
        }
        self.text.insert(self.cursor, c);
        self.cursor += c.len_utf8();
        // A combining mark joins the grapheme before it: keep the cursor on
        // a boundary.
        self.cursor = self.boundary_at_or_after(self.cursor);
        true
    }

    fn boundary_at_or_after(&self, at: usize) -> usize {
        self.text
            .grapheme_indices(true)
            .map(|(i, _)| i)
            .chain(std::iter::once(self.text.len()))
            .find(|&i| i >= at)
            .unwrap_or(self.text.len())
    }

    fn prev_boundary(&self) -> usize {
        self.text[..self.cursor]
            .grapheme_indices(true)
            .next_back()
            .map_or(0, |(i, _)| i)
    }

    fn next_boundary(&self) -> usize {
        self.text[self.cursor..]
            .graphemes(true)
            .next()
            .map_or(self.cursor, |g| self.cursor + g.len())
    }

    pub fn left(&mut self) {
        self.cursor = self.prev_boundary();
    }

    pub fn right(&mut self) {
        self.cursor = self.next_boundary();
    }

    pub fn home(&mut self) {
        self.cursor = 0;
    }

    pub fn end(&mut self) {
        self.cursor = self.text.len();
    }

    /// Delete the grapheme before the cursor.
    pub fn backspace(&mut self) {
        let at = self.prev_boundary();
        self.text.replace_range(at..self.cursor, "");
        self.cursor = at;
    }

    /// Delete the grapheme under the cursor.
    pub fn delete(&mut self) {
        let to = self.next_boundary();
        self.text.replace_range(self.cursor..to, "");
    }

    /// Delete the word before the cursor (and the spaces after it).
    pub fn delete_word(&mut self) {
        let before = &self.text[..self.cursor];
        let trimmed = before.trim_end();
        let at = trimmed.rfind(char::is_whitespace).map_or(0, |i| {
            i + trimmed[i..].chars().next().map_or(1, char::len_utf8)
        });
        self.text.replace_range(at..self.cursor, "");
        self.cursor = at;
    }

    pub fn clear(&mut self) {
        self.text.clear();
        self.cursor = 0;
    }

    /// The part of the line that fits `width` cells with the cursor in view,
    /// and the cursor's column in it. The view scrolls so that the cursor
    /// stays visible; a wide glyph cut by an edge is left out.
    pub fn view(&self, width: usize) -> (String, usize) {
        if width == 0 {
            return (String::new(), 0);
        }
        let before = text::width(&self.text[..self.cursor]);
        // Keep one cell for the cursor itself at the right edge.
        let skip = (before + 1).saturating_sub(width);
        let mut out = String::new();
        let mut col = 0;
        let mut used = 0;
        let mut cursor_col = 0;
        for (i, g) in self.text.grapheme_indices(true) {
            if i == self.cursor {
                cursor_col = used;
            }
            let w = text::grapheme_width(g);
            let start = col;
            col += w;
            if start < skip {
                continue;
            }
            if used + w > width {
                break;
            }
            out.push_str(g);
            used += w;
        }
        if self.cursor == self.text.len() {
            cursor_col = used;
        }
        (out, cursor_col.min(width.saturating_sub(1)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(s: &str) -> LineInput {
        let mut l = LineInput::default();
        for c in s.chars() {
            l.insert(c);
        }
        l
    }

    #[test]
    fn editing_moves_by_grapheme() {
        let mut l = typed("get 파드");
        assert_eq!(l.cursor(), l.text().len());
        l.left();
        assert_eq!(&l.text()[l.cursor()..], "드");
        l.backspace();
        assert_eq!(l.text(), "get 드");
        l.home();
        l.delete();
        assert_eq!(l.text(), "et 드");
        l.end();
        l.insert('!');
        assert_eq!(l.text(), "et 드!");
    }

    #[test]
    fn combining_marks_stay_with_their_base() {
        let mut l = typed("e\u{301}");
        assert_eq!(l.cursor(), l.text().len());
        l.left();
        assert_eq!(l.cursor(), 0, "one grapheme: é");
        l.end();
        l.backspace();
        assert_eq!(l.text(), "");
    }

    #[test]
    fn control_characters_are_refused() {
        let mut l = typed("a\u{1b}[31mb\u{7}\u{9b}c");
        assert_eq!(l.text(), "a[31mbc");
        assert!(!l.insert('\n'));
    }

    #[test]
    fn the_line_is_capped() {
        let mut l = LineInput::default();
        for _ in 0..MAX_CHARS + 10 {
            l.insert('x');
        }
        assert_eq!(l.text().len(), MAX_CHARS);
        assert!(!l.insert('y'));
    }

    #[test]
    fn delete_word_removes_the_last_word() {
        let mut l = typed("get pods  ");
        l.delete_word();
        assert_eq!(l.text(), "get ");
        l.delete_word();
        assert_eq!(l.text(), "");
    }

    #[test]
    fn the_view_keeps_the_cursor_visible() {
        let l = typed("kubectl get pods");
        assert_eq!(l.view(40), ("kubectl get pods".to_string(), 16));
        let (shown, col) = l.view(10);
        assert_eq!((shown.as_str(), col), (" get pods", 9));
        let mut l = typed("한국어 입력");
        assert_eq!(l.view(20).1, 11);
        l.home();
        let (shown, col) = l.view(5);
        assert_eq!((shown.as_str(), col), ("한국", 0));
        // A wide glyph cut by the left edge is left out, not half drawn.
        let l = typed("가나다라");
        let (shown, col) = l.view(4);
        assert_eq!((shown.as_str(), col), ("라", 2));
        assert!(text::width(&shown) <= 4);
    }
}
