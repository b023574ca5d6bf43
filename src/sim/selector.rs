//! Label selectors written as text (`kubectl get pods -l app=web`,
//! `tier in (a,b)`, `!legacy`).
//! <https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors>

use super::objects::{LabelSelector, SelectorOperator, SelectorRequirement};

fn split_top(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let (mut depth, mut start) = (0i32, 0);
    for (i, c) in s.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            ',' if depth == 0 => {
                out.push(&s[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(&s[start..]);
    out
}

fn valid_key(k: &str) -> bool {
    !k.is_empty()
        && k.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_./".contains(&b))
}

fn set(values: &str) -> Option<Vec<String>> {
    let inner = values.trim().strip_prefix('(')?.strip_suffix(')')?;
    Some(
        inner
            .split(',')
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
            .collect(),
    )
}

/// Parse a selector; an empty string selects everything.
pub fn parse(text: &str) -> Result<LabelSelector, String> {
    let mut sel = LabelSelector::default();
    if text.trim().is_empty() {
        return Ok(sel);
    }
    for part in split_top(text) {
        let p = part.trim();
        let bad = || {
            format!(
                "unable to parse requirement: {p:?}: expected key=value, key!=value, key in (a,b), key notin (a,b), key or !key"
            )
        };
        let req = |key: &str, operator, values: Vec<String>| SelectorRequirement {
            key: key.trim().to_string(),
            operator,
            values,
        };
        if let Some(key) = p.strip_prefix('!') {
            if !valid_key(key.trim()) {
                return Err(bad());
            }
            sel.match_expressions
                .push(req(key, SelectorOperator::DoesNotExist, vec![]));
        } else if let Some((k, v)) = p.split_once("!=") {
            if !valid_key(k.trim()) {
                return Err(bad());
            }
            sel.match_expressions
                .push(req(k, SelectorOperator::NotIn, vec![v.trim().to_string()]));
        } else if let Some((k, v)) = p.split_once("==").or_else(|| p.split_once('=')) {
            if !valid_key(k.trim()) || v.contains('=') {
                return Err(bad());
            }
            sel.match_labels
                .insert(k.trim().to_string(), v.trim().to_string());
        } else if let Some((k, v)) = p.split_once(" notin ") {
            let values = set(v).ok_or_else(bad)?;
            sel.match_expressions
                .push(req(k, SelectorOperator::NotIn, values));
        } else if let Some((k, v)) = p.split_once(" in ") {
            let values = set(v).ok_or_else(bad)?;
            sel.match_expressions
                .push(req(k, SelectorOperator::In, values));
        } else if valid_key(p) {
            sel.match_expressions
                .push(req(p, SelectorOperator::Exists, vec![]));
        } else {
            return Err(bad());
        }
    }
    Ok(sel)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::objects::Labels;

    fn labels(pairs: &[(&str, &str)]) -> Labels {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn equality_and_set_based_selectors() {
        // https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors
        let web = labels(&[("app", "web"), ("tier", "frontend")]);
        let db = labels(&[("app", "db")]);
        let s = parse("app=web").unwrap();
        assert!(s.matches(&web) && !s.matches(&db));
        assert!(parse("app==web,tier=frontend").unwrap().matches(&web));
        assert!(parse("app!=web").unwrap().matches(&db));
        assert!(parse("app in (web, db)").unwrap().matches(&db));
        assert!(!parse("app notin (web,db)").unwrap().matches(&web));
        assert!(parse("tier").unwrap().matches(&web));
        assert!(parse("!tier").unwrap().matches(&db));
        assert!(parse("").unwrap().matches(&db));
        assert!(parse("app=web=x").is_err());
        assert!(parse("app in web").is_err());
    }
}
