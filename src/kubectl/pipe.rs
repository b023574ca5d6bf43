//! `COMMAND | grep web | wc -l` on the command bar: a terminal's shell
//! would run the filters on kubectl's output, so the command bar does the
//! same with the simulator's filters ([`crate::sim::shell::filter_text`]).

use super::Outcome;

/// Split `line` at its first `|` outside quotes: the command and the
/// filters after it.
pub(super) fn split(line: &str) -> Option<(&str, &str)> {
    let mut quote: Option<char> = None;
    for (i, c) in line.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '\'' | '"') => quote = Some(c),
            (None, '|') if !line[i + 1..].starts_with('|') => {
                return Some((line[..i].trim_end(), line[i + 1..].trim()));
            }
            _ => {}
        }
    }
    None
}

/// The command's outcome run through `filters`. As in a shell, the exit
/// status is the last filter's; the command's own failure still shows
/// (its error went to standard error, which no pipe catches).
pub(super) fn run(first: Outcome, filters: &str) -> Outcome {
    if filters.is_empty() {
        return Outcome::fail("error: nothing after `|`");
    }
    if !first.ok {
        return first;
    }
    match crate::sim::shell::filter_text(&first.output, filters) {
        Ok((text, 0)) => Outcome::ok(text),
        Ok((text, _)) => Outcome {
            output: text,
            ok: false,
        },
        Err(program) => Outcome::fail(format!(
            "error: `{program}` cannot follow `|` here; the command bar pipes into {}",
            crate::sim::shell::FILTERS.join(", ")
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::split;

    #[test]
    fn the_first_unquoted_bar_splits() {
        assert_eq!(split("get pods | grep web"), Some(("get pods", "grep web")));
        assert_eq!(
            split("exec p -- sh -c 'a | b' | wc -l"),
            Some(("exec p -- sh -c 'a | b'", "wc -l"))
        );
        assert_eq!(split("exec p -- sh -c 'a || b'"), None);
        assert_eq!(split("get pods"), None);
    }
}
