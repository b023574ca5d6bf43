//! Words and flags of a command line: shell-like splitting, `--flag=value`,
//! `-o wide`, `-owide`, and helpers shared by the command parsers.

use super::command::*;
use super::suggest::hint;
use std::collections::BTreeMap;

/// Split a line like a shell: whitespace, '...' and "..." quoting, backslash escapes.
pub fn tokenize(line: &str) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut in_word = false;
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            c if c.is_whitespace() => {
                if in_word {
                    out.push(std::mem::take(&mut cur));
                    in_word = false;
                }
            }
            '\'' | '"' => {
                in_word = true;
                let mut closed = false;
                while let Some(d) = chars.next() {
                    if d == c {
                        closed = true;
                        break;
                    }
                    if d == '\\' && c == '"' {
                        if let Some(e) = chars.next() {
                            cur.push(e);
                        }
                        continue;
                    }
                    cur.push(d);
                }
                if !closed {
                    return Err(format!("error: unterminated {c} quote"));
                }
            }
            '\\' => {
                in_word = true;
                if let Some(d) = chars.next() {
                    cur.push(d);
                }
            }
            _ => {
                in_word = true;
                cur.push(c);
            }
        }
    }
    if in_word {
        out.push(cur);
    }
    Ok(out)
}

pub(super) struct Spec {
    long: &'static str,
    short: Option<char>,
    value: bool,
}

pub(super) const fn flag(long: &'static str, short: Option<char>, value: bool) -> Spec {
    Spec { long, short, value }
}

pub(super) const NS: Spec = flag("namespace", Some('n'), true);

/// Positional words and flag values (by long name).
pub(super) struct Args {
    pub(super) pos: Vec<String>,
    flags: BTreeMap<&'static str, String>,
}

impl Args {
    pub(super) fn has(&self, f: &str) -> bool {
        self.flags.get(f).is_some_and(|v| v != "false")
    }

    pub(super) fn get(&self, f: &str) -> Option<String> {
        self.flags.get(f).cloned()
    }

    pub(super) fn ns(&self) -> String {
        self.get("namespace").unwrap_or_else(|| "default".into())
    }
}

pub(super) fn parse_flags(tokens: &[String], specs: &[Spec]) -> Result<Args, String> {
    let mut args = Args {
        pos: Vec::new(),
        flags: BTreeMap::new(),
    };
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        i += 1;
        if let Some(body) = t.strip_prefix("--") {
            let (name, inline) = match body.split_once('=') {
                Some((n, v)) => (n, Some(v.to_string())),
                None => (body, None),
            };
            let Some(spec) = specs.iter().find(|s| s.long == name) else {
                let near = super::suggest::closest(name, specs.iter().map(|s| s.long));
                return Err(format!(
                    "error: unknown flag: --{name}{}",
                    near.map_or_else(String::new, |c| format!(" (did you mean \"--{c}\"?)"))
                ));
            };
            let value = match (spec.value, inline) {
                (_, Some(v)) => v,
                (true, None) => {
                    let v = tokens
                        .get(i)
                        .cloned()
                        .ok_or(format!("error: flag needs an argument: --{name}"))?;
                    i += 1;
                    v
                }
                (false, None) => "true".into(),
            };
            args.flags.insert(spec.long, value);
        } else if t.len() > 1
            && t.starts_with('-')
            && !t[1..].starts_with(|c: char| c.is_ascii_digit())
        {
            let mut rest = t[1..].chars();
            while let Some(ch) = rest.next() {
                let Some(spec) = specs.iter().find(|s| s.short == Some(ch)) else {
                    return Err(format!("error: unknown shorthand flag: '{ch}' in {t}"));
                };
                if spec.value {
                    let attached: String = rest.by_ref().collect();
                    let attached = attached.strip_prefix('=').unwrap_or(&attached).to_string();
                    let v = if attached.is_empty() {
                        let v = tokens
                            .get(i)
                            .cloned()
                            .ok_or(format!("error: flag needs an argument: '{ch}' in -{ch}"))?;
                        i += 1;
                        v
                    } else {
                        attached
                    };
                    args.flags.insert(spec.long, v);
                    break;
                }
                args.flags.insert(spec.long, "true".into());
            }
        } else {
            args.pos.push(t.clone());
        }
    }
    Ok(args)
}

pub(super) fn resource(word: &str) -> Result<Resource, String> {
    Resource::parse(word).ok_or_else(|| {
        format!(
            "error: the server doesn't have a resource type \"{word}\"{}",
            hint(word, Resource::WORDS)
        )
    })
}

/// `RESOURCE NAME...` or `RESOURCE/NAME...`.
pub(super) fn target(pos: &[String], verb: &str) -> Result<(Resource, Vec<String>), String> {
    let Some(first) = pos.first() else {
        return Err(format!(
            "error: you must specify the type of resource to {verb}: one of {}",
            Resource::WORDS[..8].join(", ")
        ));
    };
    if let Some((r, n)) = first.split_once('/') {
        let res = resource(r)?;
        let mut names = vec![n.to_string()];
        for p in &pos[1..] {
            match p.split_once('/') {
                Some((r2, n2)) if resource(r2)? == res => names.push(n2.to_string()),
                _ => {
                    return Err(format!(
                        "error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (got {p:?})"
                    ));
                }
            }
        }
        return Ok((res, names));
    }
    Ok((resource(first)?, pos[1..].to_vec()))
}

pub(super) fn one(names: &[String], what: &str) -> Result<String, String> {
    match names {
        [n] => Ok(n.clone()),
        [] => Err(format!("error: {what} is required")),
        _ => Err(format!(
            "error: exactly one {what} is required, got {}",
            names.len()
        )),
    }
}

pub(super) fn number<T: std::str::FromStr>(v: &str, flag: &str) -> Result<T, String> {
    v.parse().map_err(|_| {
        format!("error: invalid argument \"{v}\" for \"--{flag}\" flag: expected a whole number")
    })
}
