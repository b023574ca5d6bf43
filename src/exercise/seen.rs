//! What the runner saw for one check, and how that reads in each language.
//!
//! Korean sentences avoid particles that depend on the word before them
//! (은/는, 이/가 after a name the lesson chose), so they read right for any
//! object name.

use super::fields::{Absence, show_json, show_yaml};
use crate::duration::format_millis;
use crate::lang::Lang;
use crate::manifest::Format;

/// One field of an `object` check.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldSeen {
    pub path: String,
    pub expected: serde_yaml::Value,
    pub state: FieldState,
}

#[derive(Debug, Clone, PartialEq)]
pub enum FieldState {
    /// The value found matches.
    Matches(serde_json::Value),
    /// The value found differs.
    Differs(serde_json::Value),
    /// The path does not exist: see [`super::fields::Found::Missing`].
    Missing {
        missing: String,
        parent: String,
        why: Absence,
    },
    /// The path itself is malformed (a mistake in the lesson).
    BadPath(String),
}

impl FieldSeen {
    pub fn holds(&self) -> bool {
        matches!(self.state, FieldState::Matches(_))
    }

    pub fn text(&self, lang: Lang) -> String {
        let path = &self.path;
        let want = show_yaml(&self.expected);
        match (&self.state, lang) {
            (FieldState::Matches(v), Lang::En) => format!("{path} is {}", show_json(v)),
            (FieldState::Matches(v), Lang::Ko) => format!("{path} 값이 {}입니다", show_json(v)),
            (FieldState::Differs(v), Lang::En) => {
                format!("{path} is {}, expected {want}", show_json(v))
            }
            (FieldState::Differs(v), Lang::Ko) => {
                format!("{path} 값이 {}입니다. 기대값: {want}", show_json(v))
            }
            (
                FieldState::Missing {
                    missing,
                    parent,
                    why,
                },
                _,
            ) => missing_text(missing, parent, why, lang),
            (FieldState::BadPath(e), _) => e.clone(),
        }
    }
}

fn missing_text(missing: &str, parent: &str, why: &Absence, lang: Lang) -> String {
    let parent_en = if parent.is_empty() {
        "the object".to_string()
    } else {
        parent.to_string()
    };
    let parent_ko = if parent.is_empty() {
        "오브젝트".to_string()
    } else {
        parent.to_string()
    };
    match (why, lang) {
        (Absence::NoKey(k), Lang::En) => {
            format!("{missing} is missing: {parent_en} has no field {k}")
        }
        (Absence::NoKey(k), Lang::Ko) => {
            format!("{missing} 필드가 없습니다: {parent_ko} 안에 {k} 필드가 없습니다")
        }
        (Absence::NoIndex { len, .. }, Lang::En) => {
            let items = if *len == 1 { "item" } else { "items" };
            format!("{missing} is missing: {parent_en} has {len} {items}")
        }
        (Absence::NoIndex { len, .. }, Lang::Ko) => {
            format!("{missing} 항목이 없습니다: {parent_ko} 항목은 {len}개입니다")
        }
        (Absence::NotContainer(t), Lang::En) => {
            format!("{missing} is missing: {parent_en} is a {t}, not a map or list")
        }
        (Absence::NotContainer(t), Lang::Ko) => {
            let t = match *t {
                "number" => "숫자",
                "string" => "문자열",
                "boolean" => "불리언",
                "null" => "null",
                "list" => "리스트",
                _ => "맵",
            };
            format!("{missing} 필드가 없습니다: {parent_ko} 값은 맵이나 리스트가 아니라 {t}입니다")
        }
    }
}

/// What a recovery check saw.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Recovery {
    /// The other checks never held, so no pod was deleted.
    NotRun,
    /// No Running pod matched the selector.
    NoPod,
    /// The deletion was refused.
    DeleteFailed(String),
    /// After deleting `pod`, `running` matching pods were Running (and not
    /// terminating) `after` ms later; `recovered` says whether that is the
    /// number asked for within the window.
    Watched {
        pod: String,
        after_ms: u64,
        running: usize,
        recovered: bool,
    },
}

/// What a disruption check saw.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Disrupted {
    /// The other checks never held, so nothing was played.
    NotRun,
    /// The Service to send traffic to does not exist.
    NoService(String),
    /// A `run` line failed; `refused` requests had been refused by then.
    CommandFailed {
        line: String,
        error: String,
        refused: u64,
    },
    /// Every line was played: `total` requests were sent, `refused` found no
    /// ready endpoint; `ready` is (Ready pods, expected) when the check asks.
    Played {
        total: u64,
        refused: u64,
        ready: Option<(usize, u32)>,
    },
}

/// What the runner saw for one check.
#[derive(Debug, Clone, PartialEq)]
pub enum Seen {
    /// The object is not in the cluster (in `namespace`, for namespaced kinds).
    ObjectMissing {
        kind: String,
        name: String,
        namespace: Option<String>,
    },
    /// The object exists; each field as found.
    Object {
        fields: Vec<FieldSeen>,
    },
    /// `in_phase` of the `matching` pods are in the phase asked for (all of
    /// them when the check names no phase).
    Pods {
        matching: usize,
        in_phase: usize,
        phase: Option<String>,
        expected: u32,
        /// Matching pods not in the phase: name and kubectl STATUS.
        others: Vec<(String, String)>,
    },
    Ready {
        matching: usize,
        ready: usize,
        expected: u32,
        /// Matching pods not Ready: name and kubectl STATUS.
        others: Vec<(String, String)>,
    },
    /// `endpoints` is None when the Service does not exist.
    Endpoints {
        service: String,
        endpoints: Option<usize>,
        expected: u32,
    },
    Recovery {
        outcome: Recovery,
        within_ms: u64,
        expected: u32,
    },
    Format {
        written: Format,
        expected: Format,
    },
    /// What a command printed (`exec`): `Err` when it could not run or
    /// failed.
    Output {
        found: Result<String, String>,
        contains: String,
    },
    /// The pod's log (`lines` lines) has a line with the text, or could not
    /// be read (`error`, as kubectl says it).
    Logs {
        pod: String,
        found: bool,
        lines: usize,
        error: Option<String>,
    },
    Disruption {
        outcome: Disrupted,
        max_refused: u64,
    },
    /// The check itself is wrong (a lesson mistake): unknown kind, bad
    /// selector, unknown phase or format, bad duration.
    Broken(String),
}

fn format_name(f: Format) -> &'static str {
    match f {
        Format::Json => "JSON",
        Format::Yaml => "YAML",
    }
}

impl Seen {
    /// Whether the check holds.
    pub fn holds(&self) -> bool {
        match self {
            Seen::ObjectMissing { .. } | Seen::Broken(_) => false,
            Seen::Object { fields } => fields.iter().all(FieldSeen::holds),
            Seen::Pods {
                in_phase, expected, ..
            } => *in_phase == *expected as usize,
            Seen::Ready {
                ready, expected, ..
            } => *ready == *expected as usize,
            Seen::Endpoints {
                endpoints,
                expected,
                ..
            } => *endpoints == Some(*expected as usize),
            Seen::Recovery { outcome, .. } => {
                matches!(
                    outcome,
                    Recovery::Watched {
                        recovered: true,
                        ..
                    }
                )
            }
            Seen::Format { written, expected } => written == expected,
            Seen::Output { found, contains } => {
                found.as_ref().is_ok_and(|o| o.contains(contains.as_str()))
            }
            Seen::Logs { found, .. } => *found,
            Seen::Disruption {
                outcome: Disrupted::Played { refused, ready, .. },
                max_refused,
            } => refused <= max_refused && ready.is_none_or(|(r, e)| r == e as usize),
            Seen::Disruption { .. } => false,
        }
    }

    /// What was seen, in one line.
    pub fn text(&self, lang: Lang) -> String {
        let holds = self.holds();
        match self {
            Seen::ObjectMissing {
                kind,
                name,
                namespace,
            } => match (lang, namespace) {
                (Lang::En, Some(ns)) => format!(
                    "{} \"{name}\" not found in namespace {ns}",
                    kind.to_ascii_lowercase()
                ),
                (Lang::En, None) => format!("{} \"{name}\" not found", kind.to_ascii_lowercase()),
                (Lang::Ko, Some(ns)) => {
                    format!("{ns} 네임스페이스에 {kind} \"{name}\" 오브젝트가 없습니다")
                }
                (Lang::Ko, None) => format!("{kind} \"{name}\" 오브젝트가 없습니다"),
            },
            Seen::Object { fields } if fields.is_empty() => lang
                .pick("오브젝트가 있습니다", "the object exists")
                .to_string(),
            Seen::Object { fields } => fields
                .iter()
                .map(|f| f.text(lang))
                .collect::<Vec<_>>()
                .join("; "),
            Seen::Pods {
                matching,
                in_phase,
                phase,
                expected,
                others,
            } => {
                let mut out = match (phase, lang) {
                    (Some(p), Lang::En) => format!("{in_phase} of {matching} pods {p}"),
                    (Some(p), Lang::Ko) => format!("파드 {matching}개 중 {in_phase}개 {p}"),
                    (None, Lang::En) => format!("{matching} pods"),
                    (None, Lang::Ko) => format!("파드 {matching}개"),
                };
                if !holds {
                    out.push_str(&expected_count(*expected, lang));
                    out.push_str(&statuses(others));
                }
                out
            }
            Seen::Ready {
                matching,
                ready,
                expected,
                others,
            } => {
                let mut out = match lang {
                    Lang::En => format!("{ready} of {matching} pods Ready"),
                    Lang::Ko => format!("파드 {matching}개 중 {ready}개 Ready"),
                };
                if !holds {
                    out.push_str(&expected_count(*expected, lang));
                    out.push_str(&statuses(others));
                }
                out
            }
            Seen::Endpoints {
                service,
                endpoints: None,
                ..
            } => match lang {
                Lang::En => format!("service \"{service}\" not found"),
                Lang::Ko => format!("Service \"{service}\" 오브젝트가 없습니다"),
            },
            Seen::Endpoints {
                endpoints: Some(n),
                expected,
                ..
            } => {
                let mut out = match lang {
                    Lang::En => format!("endpoints: {n}"),
                    Lang::Ko => format!("엔드포인트 {n}개"),
                };
                if !holds {
                    out.push_str(&expected_count(*expected, lang));
                }
                out
            }
            Seen::Recovery {
                outcome, expected, ..
            } => recovery_text(outcome, *expected, lang),
            Seen::Format { written, expected } => {
                let (w, e) = (format_name(*written), format_name(*expected));
                match (holds, lang) {
                    (true, Lang::En) => format!("the text is {w}"),
                    (true, Lang::Ko) => format!("{w}{} 쓰였습니다", particle_ro(*written)),
                    (false, Lang::En) => format!("the text is {w}, the exercise asks for {e}"),
                    (false, Lang::Ko) => format!(
                        "{w}{} 쓰였습니다. 이 실습은 {e}{} 요구합니다",
                        particle_ro(*written),
                        particle_eul(*expected)
                    ),
                }
            }
            Seen::Output { found, contains } => {
                let shown = |o: &str| {
                    let one: String = o.split_whitespace().collect::<Vec<_>>().join(" ");
                    let mut cut: String = one.chars().take(80).collect();
                    if one.chars().count() > 80 {
                        cut.push('…');
                    }
                    cut
                };
                match (found, holds, lang) {
                    (Ok(_), true, Lang::En) => format!("the output contains {contains:?}"),
                    (Ok(_), true, Lang::Ko) => format!("출력에 {contains:?} 문구가 있습니다"),
                    (Ok(o), false, Lang::En) => {
                        format!("the output is {:?}, without {contains:?}", shown(o))
                    }
                    (Ok(o), false, Lang::Ko) => {
                        format!("출력이 {:?}라서 {contains:?} 문구가 없습니다", shown(o))
                    }
                    (Err(e), _, Lang::En) => format!("it failed: {}", shown(e)),
                    (Err(e), _, Lang::Ko) => format!("실패했습니다: {}", shown(e)),
                }
            }
            Seen::Logs {
                pod,
                found,
                lines,
                error,
            } => match (error, found, lang) {
                (Some(e), _, Lang::En) => format!("the log of pod {pod} cannot be read: {e}"),
                (Some(e), _, Lang::Ko) => format!("파드 {pod} 로그를 읽을 수 없습니다: {e}"),
                (None, true, Lang::En) => format!("found in the log of pod {pod}"),
                (None, true, Lang::Ko) => format!("파드 {pod} 로그에 있습니다"),
                (None, false, Lang::En) => {
                    format!("not in the log of pod {pod} ({lines} lines)")
                }
                (None, false, Lang::Ko) => {
                    format!("파드 {pod} 로그({lines}줄)에 없습니다")
                }
            },
            Seen::Disruption {
                outcome,
                max_refused,
            } => disruption_text(outcome, *max_refused, lang),
            Seen::Broken(why) => match lang {
                Lang::En => format!("the check cannot run: {why}"),
                Lang::Ko => format!("검사를 실행할 수 없습니다: {why}"),
            },
        }
    }
}

/// 로/으로 after the format's name as read aloud (제이슨 ends in ㄴ, 야믈 in ㄹ).
fn particle_ro(f: Format) -> &'static str {
    match f {
        Format::Json => "으로",
        Format::Yaml => "로",
    }
}

/// 을/를: both names end in a consonant.
fn particle_eul(_f: Format) -> &'static str {
    "을"
}

/// ` (web: ImagePullBackOff, db: Pending)`: the first few pods that are not
/// counted, with their STATUS column.
fn statuses(others: &[(String, String)]) -> String {
    const SHOWN: usize = 3;
    if others.is_empty() {
        return String::new();
    }
    let mut parts: Vec<String> = others
        .iter()
        .take(SHOWN)
        .map(|(pod, status)| format!("{pod}: {status}"))
        .collect();
    if others.len() > SHOWN {
        parts.push(format!("+{}", others.len() - SHOWN));
    }
    format!(" ({})", parts.join(", "))
}

fn expected_count(n: u32, lang: Lang) -> String {
    match lang {
        Lang::En => format!(", expected {n}"),
        Lang::Ko => format!(", 기대값 {n}개"),
    }
}

fn disruption_text(outcome: &Disrupted, max_refused: u64, lang: Lang) -> String {
    match (outcome, lang) {
        (Disrupted::NotRun, Lang::En) => {
            "not run: the other checks did not hold, so no traffic was sent".to_string()
        }
        (Disrupted::NotRun, Lang::Ko) => {
            "실행하지 않음: 다른 검사가 통과하지 않아 요청을 보내지 않았습니다".to_string()
        }
        (Disrupted::NoService(s), Lang::En) => format!("service \"{s}\" not found"),
        (Disrupted::NoService(s), Lang::Ko) => format!("Service \"{s}\" 오브젝트가 없습니다"),
        (
            Disrupted::CommandFailed {
                line,
                error,
                refused,
            },
            Lang::En,
        ) => format!("`{line}` failed ({refused} refused by then): {error}"),
        (
            Disrupted::CommandFailed {
                line,
                error,
                refused,
            },
            Lang::Ko,
        ) => format!("`{line}` 실패(그때까지 거부 {refused}개): {error}"),
        (
            Disrupted::Played {
                total,
                refused,
                ready,
            },
            _,
        ) => {
            let mut out = match lang {
                Lang::En => format!("{total} requests, {refused} refused"),
                Lang::Ko => format!("요청 {total}개 중 거부 {refused}개"),
            };
            if refused > &max_refused {
                out.push_str(&match lang {
                    Lang::En => format!(", expected at most {max_refused}"),
                    Lang::Ko => format!(", 기대값 {max_refused}개 이하"),
                });
            }
            if let Some((r, e)) = ready {
                out.push_str(&match lang {
                    Lang::En => format!("; then {r} Ready"),
                    Lang::Ko => format!("; 이어서 Ready {r}개"),
                });
                if *r != *e as usize {
                    out.push_str(&expected_count(*e, lang));
                }
            }
            out
        }
    }
}

fn recovery_text(outcome: &Recovery, expected: u32, lang: Lang) -> String {
    match (outcome, lang) {
        (Recovery::NotRun, Lang::En) => {
            "not run: the other checks did not hold, so no pod was deleted".to_string()
        }
        (Recovery::NotRun, Lang::Ko) => {
            "실행하지 않음: 다른 검사가 통과하지 않아 파드를 지우지 않았습니다".to_string()
        }
        (Recovery::NoPod, Lang::En) => "no Running pod matches, so none could be deleted".into(),
        (Recovery::NoPod, Lang::Ko) => "셀렉터에 맞는 Running 파드가 없어 지울 수 없습니다".into(),
        (Recovery::DeleteFailed(e), Lang::En) => format!("the pod could not be deleted: {e}"),
        (Recovery::DeleteFailed(e), Lang::Ko) => format!("파드를 지울 수 없습니다: {e}"),
        (
            Recovery::Watched {
                pod,
                after_ms,
                running,
                recovered: true,
            },
            Lang::En,
        ) => format!(
            "deleted pod {pod}; {running} Running again after {}",
            format_millis(*after_ms)
        ),
        (
            Recovery::Watched {
                pod,
                after_ms,
                running,
                recovered: true,
            },
            Lang::Ko,
        ) => format!(
            "파드 {pod} 삭제; {} 뒤 다시 {running}개 Running",
            format_millis(*after_ms)
        ),
        (
            Recovery::Watched {
                pod,
                after_ms,
                running,
                recovered: false,
            },
            Lang::En,
        ) => format!(
            "deleted pod {pod}; after {} {running} Running, expected {expected}",
            format_millis(*after_ms)
        ),
        (
            Recovery::Watched {
                pod,
                after_ms,
                running,
                recovered: false,
            },
            Lang::Ko,
        ) => format!(
            "파드 {pod} 삭제; {} 뒤 Running {running}개, 기대값 {expected}개",
            format_millis(*after_ms)
        ),
    }
}
