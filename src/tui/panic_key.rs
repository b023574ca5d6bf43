//! A test hook, off unless asked for: `KUBETUTOR_PANIC_ON_KEY=F12` (a key
//! name: `F1`..`F12`, or a single character) makes that key panic inside the
//! event loop, so the end-to-end tests can check that a panic gives the
//! terminal back and prints its message on the normal screen. The variable
//! is read once, when the interface starts; unset or unparsable, nothing
//! changes. It is not a feature: no student presses F12 by accident into a
//! variable they never set.

use ratatui::crossterm::event::{Event, KeyCode, KeyEventKind};

pub const VAR: &str = "KUBETUTOR_PANIC_ON_KEY";

/// The key read from [`VAR`], if any.
pub fn from_env() -> Option<KeyCode> {
    parse(&std::env::var(VAR).ok()?)
}

fn parse(name: &str) -> Option<KeyCode> {
    let name = name.trim();
    if let Some(n) = name
        .strip_prefix(['F', 'f'])
        .and_then(|n| n.parse::<u8>().ok())
    {
        return (1..=12).contains(&n).then_some(KeyCode::F(n));
    }
    let mut chars = name.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => Some(KeyCode::Char(c)),
        _ => None,
    }
}

/// Panic when `event` is a press of `key`.
pub fn check(key: Option<KeyCode>, event: &Event) {
    if let (Some(key), Event::Key(k)) = (key, event)
        && k.code == key
        && k.kind != KeyEventKind::Release
    {
        panic!("{VAR} test hook: {key} was pressed");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::{KeyEvent, KeyModifiers};

    #[test]
    fn key_names() {
        assert_eq!(parse("F12"), Some(KeyCode::F(12)));
        assert_eq!(parse("f1"), Some(KeyCode::F(1)));
        assert_eq!(parse("!"), Some(KeyCode::Char('!')));
        assert_eq!(parse("F13"), None);
        assert_eq!(parse("Enter"), None);
        assert_eq!(parse(""), None);
    }

    #[test]
    fn only_the_chosen_key_panics() {
        let press = |code| Event::Key(KeyEvent::new(code, KeyModifiers::NONE));
        check(Some(KeyCode::F(12)), &press(KeyCode::F(11)));
        check(None, &press(KeyCode::F(12)));
        let hit = std::panic::catch_unwind(|| check(Some(KeyCode::F(12)), &press(KeyCode::F(12))));
        let message = hit.unwrap_err();
        let message = message.downcast_ref::<String>().unwrap();
        assert_eq!(message, "KUBETUTOR_PANIC_ON_KEY test hook: F12 was pressed");
    }
}
