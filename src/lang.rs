//! The two languages of the course and how the default one is chosen.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// A course language. Every lesson exists in Korean, English or both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Ko,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Ko, Lang::En];

    /// The language code used in folder names and front matter.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Ko => "ko",
            Lang::En => "en",
        }
    }

    /// The other language: the fallback when a lesson is missing in this one.
    pub fn other(self) -> Lang {
        match self {
            Lang::Ko => Lang::En,
            Lang::En => Lang::Ko,
        }
    }

    /// The language the user's locale asks for: the first non-empty of
    /// `LC_ALL`, `LC_MESSAGES`, `LANG` decides; `ko*` gives Korean, anything
    /// else (or nothing) English.
    pub fn from_env() -> Lang {
        Self::from_locale_vars(|name| std::env::var(name).ok())
    }

    /// [`Lang::from_env`] with the environment supplied by the caller (for tests).
    pub fn from_locale_vars(get: impl Fn(&str) -> Option<String>) -> Lang {
        for var in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let Some(value) = get(var).filter(|v| !v.is_empty()) {
                return if value.to_ascii_lowercase().starts_with("ko") {
                    Lang::Ko
                } else {
                    Lang::En
                };
            }
        }
        Lang::En
    }

    /// Pick the Korean or the English text.
    pub fn pick<'a>(self, ko: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Ko => ko,
            Lang::En => en,
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Lang {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "ko" | "kr" | "korean" | "한국어" => Ok(Lang::Ko),
            "en" | "english" => Ok(Lang::En),
            other => Err(format!("unknown language '{other}': expected 'ko' or 'en'")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let pairs: Vec<(String, String)> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        move |name| {
            pairs
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
        }
    }

    #[test]
    fn locale_precedence_follows_posix_order() {
        assert_eq!(Lang::from_locale_vars(env(&[])), Lang::En);
        assert_eq!(
            Lang::from_locale_vars(env(&[("LANG", "ko_KR.UTF-8")])),
            Lang::Ko
        );
        assert_eq!(
            Lang::from_locale_vars(env(&[("LANG", "ko_KR.UTF-8"), ("LC_ALL", "C")])),
            Lang::En
        );
        assert_eq!(
            Lang::from_locale_vars(env(&[("LANG", "en_US"), ("LC_MESSAGES", "ko")])),
            Lang::Ko
        );
        assert_eq!(
            Lang::from_locale_vars(env(&[("LC_ALL", ""), ("LANG", "ko")])),
            Lang::Ko
        );
    }

    #[test]
    fn parses_codes() {
        assert_eq!("KO".parse::<Lang>(), Ok(Lang::Ko));
        assert_eq!("en".parse::<Lang>(), Ok(Lang::En));
        assert!("fr".parse::<Lang>().unwrap_err().contains("'fr'"));
    }
}
