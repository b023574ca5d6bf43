//! The little HTML a lesson may contain: `<br>` is a line break, comments
//! are hidden, every other tag is markup and is dropped (its text is kept).

/// One piece of an HTML fragment.
#[derive(Debug, PartialEq, Eq)]
enum Piece<'a> {
    Text(&'a str),
    Break,
}

/// Splits HTML into text and `<br>` breaks, dropping comments and tags.
fn pieces(raw: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut rest = raw;
    while let Some(lt) = rest.find('<') {
        if lt > 0 {
            out.push(Piece::Text(&rest[..lt]));
        }
        let tail = &rest[lt..];
        if let Some(comment) = tail.strip_prefix("<!--") {
            rest = comment.find("-->").map_or("", |end| &comment[end + 3..]);
            continue;
        }
        match tail.find('>') {
            Some(gt) => {
                if is_br(&tail[1..gt]) {
                    out.push(Piece::Break);
                }
                rest = &tail[gt + 1..];
            }
            None => {
                // A lone `<` is text.
                out.push(Piece::Text(tail));
                rest = "";
            }
        }
    }
    if !rest.is_empty() {
        out.push(Piece::Text(rest));
    }
    out
}

/// `br`, `br/`, `br /`, `/br`, `BR class="x"`.
fn is_br(inside: &str) -> bool {
    let name = inside.trim().trim_start_matches('/').trim_end_matches('/');
    let name = name.split_whitespace().next().unwrap_or("");
    name.eq_ignore_ascii_case("br")
}

/// How many line breaks an inline HTML fragment (one tag or comment) makes.
pub(crate) fn line_breaks(raw: &str) -> usize {
    pieces(raw).iter().filter(|p| **p == Piece::Break).count()
}

/// The text of an HTML block, as lines: newlines in the source are spaces,
/// `<br>` starts a new line, tags and comments disappear, a few common
/// entities are decoded. Empty when the block is only markup; a block that
/// is only `<br>` gives one empty line.
pub(crate) fn block_lines(raw: &str) -> Vec<String> {
    let mut lines = vec![String::new()];
    let mut breaks = 0;
    for piece in pieces(raw) {
        match piece {
            Piece::Text(t) => {
                let line = lines.last_mut().expect("always one line");
                line.push_str(&decode_entities(&t.replace('\n', " ")));
            }
            Piece::Break => {
                breaks += 1;
                lines.push(String::new());
            }
        }
    }
    let mut lines: Vec<String> = lines
        .iter()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    while lines.last().is_some_and(String::is_empty) {
        lines.pop();
    }
    let first = lines.iter().position(|l| !l.is_empty());
    match first {
        Some(i) => lines.drain(..i).for_each(drop),
        None if breaks > 0 => return vec![String::new()],
        None => return Vec::new(),
    }
    lines
}

fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let tail = &rest[amp..];
        let decoded = tail.find(';').filter(|&end| end <= 10).and_then(|end| {
            let c = match &tail[1..end] {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some('\u{a0}'),
                num => num
                    .strip_prefix("#x")
                    .or_else(|| num.strip_prefix("#X"))
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .or_else(|| num.strip_prefix('#').and_then(|d| d.parse().ok()))
                    .and_then(char::from_u32),
            };
            c.map(|c| (c, end))
        });
        match decoded {
            Some((c, end)) => {
                out.push(c);
                rest = &tail[end + 1..];
            }
            None => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn br_in_every_spelling_is_a_break() {
        for tag in [
            "<br>",
            "<BR>",
            "<br/>",
            "<br />",
            "</br>",
            "<br class=\"x\">",
        ] {
            assert_eq!(line_breaks(tag), 1, "{tag}");
        }
        assert_eq!(line_breaks("<b>"), 0);
        assert_eq!(line_breaks("<bro>"), 0);
        assert_eq!(line_breaks("<!-- <br> -->"), 0);
    }

    #[test]
    fn block_drops_tags_and_comments_and_keeps_text() {
        assert_eq!(block_lines("<div>\nsome *text*\n</div>\n"), ["some *text*"]);
        assert_eq!(
            block_lines("<!-- hidden\nstill hidden -->\n"),
            Vec::<String>::new()
        );
        assert_eq!(block_lines("<p>a<br>b</p>"), ["a", "b"]);
        assert_eq!(block_lines("<br>\n"), [""]);
    }

    #[test]
    fn block_decodes_common_entities() {
        assert_eq!(
            block_lines("<p>a &amp; b &lt;c&gt; &#54028;&#xB4DC; &bogus; &</p>"),
            ["a & b <c> 파드 &bogus; &"]
        );
    }

    #[test]
    fn lone_angle_bracket_is_text() {
        assert_eq!(block_lines("<p>1 < 2"), ["1 < 2"]);
    }
}
