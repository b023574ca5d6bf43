//! The options several commands share (`--lang`, `--lessons`, `--progress`),
//! each offered only by the commands that use it, so `kubetutor validate
//! --help` does not list a progress file it never reads.
//!
//! The tutor (no command) takes all three. Given before a command
//! (`kubetutor --lang en list`, or an alias such as `alias kt='kubetutor
//! --progress ~/kt.json'`), they reach the command when it uses them; a
//! command that does not ignores them.

use crate::lang::Lang;
use std::path::PathBuf;

/// `--lang` where it chooses the course's language.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct CourseLang {
    /// Course language: ko or en (default: from LC_ALL / LC_MESSAGES / LANG).
    #[arg(long, value_name = "ko|en")]
    pub lang: Option<Lang>,
}

/// `--lang` where it chooses the language of the messages only.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct MessageLang {
    /// Language of the messages: ko or en (default: from LC_ALL / LC_MESSAGES / LANG).
    #[arg(long, value_name = "ko|en")]
    pub lang: Option<Lang>,
}

/// `--lessons DIR`.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct Lessons {
    /// Use the lessons in this folder instead of the built-in course.
    #[arg(long, value_name = "DIR")]
    pub lessons: Option<PathBuf>,
}

/// `--progress FILE`. The `KUBETUTOR_PROGRESS` variable is read where the
/// path is resolved ([`crate::progress::path::resolve`]), after the option,
/// so an option given before the command still beats the variable.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct ProgressFile {
    /// Keep progress in this file (default: $KUBETUTOR_PROGRESS, else
    /// progress.json in the user's data directory, e.g.
    /// $XDG_DATA_HOME/kubetutor).
    #[arg(long, value_name = "FILE")]
    pub progress: Option<PathBuf>,
}

/// The course in a language: `--lang`, `--lessons`.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct Course {
    #[command(flatten)]
    pub lang: CourseLang,
    #[command(flatten)]
    pub lessons: Lessons,
}

/// A student's course and saved progress: `--lang`, `--lessons`, `--progress`.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct Student {
    #[command(flatten)]
    pub lang: CourseLang,
    #[command(flatten)]
    pub lessons: Lessons,
    #[command(flatten)]
    pub progress: ProgressFile,
}

/// The shared options as one command sees them: its own, else those given
/// before the command name.
#[derive(Debug, Clone, Default)]
pub struct GlobalArgs {
    pub lang: Option<Lang>,
    pub lessons: Option<PathBuf>,
    pub progress: Option<PathBuf>,
}

impl GlobalArgs {
    /// The language asked for, or the one the locale implies.
    pub fn lang(&self) -> Lang {
        self.lang.unwrap_or_else(Lang::from_env)
    }

    /// The tutor's options (given with no command).
    pub fn from_student(s: &Student) -> GlobalArgs {
        GlobalArgs {
            lang: s.lang.lang,
            lessons: s.lessons.lessons.clone(),
            progress: s.progress.progress.clone(),
        }
    }

    /// A command's own options; where it has none, those given before
    /// the command (`before`), for the options the command takes.
    pub fn resolve(before: &Student, own: Own<'_>) -> GlobalArgs {
        let (lang, lessons, progress) = match own {
            Own::Student(s) => (
                Some(s.lang.lang),
                Some(&s.lessons.lessons),
                Some(&s.progress.progress),
            ),
            Own::Course(c) => (Some(c.lang.lang), Some(&c.lessons.lessons), None),
            Own::Lessons(l) => (None, Some(&l.lessons), None),
            Own::Lang(l) => (Some(l), None, None),
        };
        GlobalArgs {
            lang: lang.and_then(|l| l.or(before.lang.lang)),
            lessons: lessons.and_then(|l| l.clone().or_else(|| before.lessons.lessons.clone())),
            progress: progress.and_then(|p| p.clone().or_else(|| before.progress.progress.clone())),
        }
    }
}

/// Which of the shared options a command takes, with its values.
pub enum Own<'a> {
    Student(&'a Student),
    Course(&'a Course),
    Lessons(&'a Lessons),
    /// `--lang` only (`validate`, `convert`, `new`).
    Lang(Option<Lang>),
}

#[cfg(test)]
mod tests {
    use super::*;

    fn before() -> Student {
        Student {
            lang: CourseLang {
                lang: Some(Lang::Ko),
            },
            lessons: Lessons {
                lessons: Some("before".into()),
            },
            progress: ProgressFile {
                progress: Some("before.json".into()),
            },
        }
    }

    #[test]
    fn a_commands_own_option_beats_the_one_before_it() {
        let own = Course {
            lang: CourseLang {
                lang: Some(Lang::En),
            },
            lessons: Lessons::default(),
        };
        let g = GlobalArgs::resolve(&before(), Own::Course(&own));
        assert_eq!(g.lang, Some(Lang::En));
        assert_eq!(g.lessons, Some("before".into()));
        // `list` keeps no progress: the one given before it does not reach it.
        assert_eq!(g.progress, None);
    }

    #[test]
    fn options_a_command_does_not_take_do_not_reach_it() {
        let g = GlobalArgs::resolve(&before(), Own::Lessons(&Lessons::default()));
        assert_eq!(g.lang, None);
        assert_eq!(g.lessons, Some("before".into()));
        assert_eq!(g.progress, None);
        let g = GlobalArgs::resolve(&before(), Own::Lang(None));
        assert_eq!(
            (g.lang, g.lessons, g.progress),
            (Some(Lang::Ko), None, None)
        );
        let g = GlobalArgs::resolve(&before(), Own::Student(&Student::default()));
        assert_eq!(g.progress, Some("before.json".into()));
    }
}
