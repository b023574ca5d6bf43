//! `get --sort-by=JSONPATH`: order the listed objects by a field of their
//! API form, as kubectl's RuntimeSort does (kubectl pkg/cmd/get/sorter.go):
//! objects without the field first, numbers by value, strings that are both
//! quantities by amount, other strings in natural order (digit runs by
//! value).

use serde_json::Value;
use std::cmp::Ordering;

/// A path like `.metadata.creationTimestamp`, `{.lastTimestamp}` or
/// `.status.containerStatuses[0].restartCount`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SortPath(Vec<Step>);

#[derive(Debug, Clone, PartialEq, Eq)]
enum Step {
    Key(String),
    Index(usize),
}

impl SortPath {
    pub fn parse(text: &str) -> Result<SortPath, String> {
        let t = text.trim();
        let t = t
            .strip_prefix('{')
            .and_then(|t| t.strip_suffix('}'))
            .unwrap_or(t);
        let t = t.strip_prefix('.').unwrap_or(t);
        let bad = || {
            format!(
                "error: couldn't parse --sort-by {text:?}: expected a field path like .metadata.name"
            )
        };
        if t.is_empty() {
            return Err(bad());
        }
        let mut steps = Vec::new();
        for part in t.split('.') {
            let (key, mut rest) = match part.find('[') {
                Some(i) => (&part[..i], &part[i..]),
                None => (part, ""),
            };
            if !key.is_empty() {
                steps.push(Step::Key(key.to_string()));
            } else if rest.is_empty() {
                return Err(bad());
            }
            while let Some(r) = rest.strip_prefix('[') {
                let (n, after) = r.split_once(']').ok_or_else(bad)?;
                steps.push(Step::Index(n.parse().map_err(|_| bad())?));
                rest = after;
            }
            if !rest.is_empty() {
                return Err(bad());
            }
        }
        Ok(SortPath(steps))
    }

    /// The value at the path, if present and not null.
    pub fn find<'a>(&self, v: &'a Value) -> Option<&'a Value> {
        let mut cur = v;
        for s in &self.0 {
            cur = match s {
                Step::Key(k) => cur.get(k)?,
                Step::Index(i) => cur.get(*i)?,
            };
        }
        (!cur.is_null()).then_some(cur)
    }
}

/// kubectl's `isLess` over two present values.
fn less(a: &Value, b: &Value) -> Ordering {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => {
            let (x, y) = (x.as_f64().unwrap_or(0.0), y.as_f64().unwrap_or(0.0));
            x.partial_cmp(&y).unwrap_or(Ordering::Equal)
        }
        (Value::String(x), Value::String(y)) => {
            match (
                crate::quantity::parse_milli(x),
                crate::quantity::parse_milli(y),
            ) {
                (Ok(p), Ok(q)) => p.cmp(&q),
                _ => natural(x, y),
            }
        }
        _ => Ordering::Equal,
    }
}

/// Natural order: runs of digits compare by value, the rest by character.
pub fn natural(a: &str, b: &str) -> Ordering {
    let (mut x, mut y) = (a.as_bytes(), b.as_bytes());
    loop {
        match (x.first(), y.first()) {
            (None, None) => return Ordering::Equal,
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(c), Some(d)) if c.is_ascii_digit() && d.is_ascii_digit() => {
                let n = x.iter().take_while(|b| b.is_ascii_digit()).count();
                let m = y.iter().take_while(|b| b.is_ascii_digit()).count();
                let (dx, dy) = (&x[..n], &y[..m]);
                let strip = |d: &[u8]| -> usize { d.iter().take_while(|b| **b == b'0').count() };
                let (tx, ty) = (&dx[strip(dx)..], &dy[strip(dy)..]);
                let ord = tx.len().cmp(&ty.len()).then_with(|| tx.cmp(ty));
                if ord != Ordering::Equal {
                    return ord;
                }
                x = &x[n..];
                y = &y[m..];
            }
            (Some(c), Some(d)) => {
                if c != d {
                    return c.cmp(d);
                }
                x = &x[1..];
                y = &y[1..];
            }
        }
    }
}

/// The order to list `values` in (indices), stable among equals.
pub fn order(values: &[Value], path: &SortPath) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..values.len()).collect();
    idx.sort_by(
        |&i, &j| match (path.find(&values[i]), path.find(&values[j])) {
            (None, None) => Ordering::Equal,
            (None, Some(_)) => Ordering::Less,
            (Some(_), None) => Ordering::Greater,
            (Some(a), Some(b)) => less(a, b),
        },
    );
    idx
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn paths_parse_like_relaxed_jsonpath() {
        let p = SortPath::parse("{.status.containerStatuses[0].restartCount}").unwrap();
        let v = json!({"status": {"containerStatuses": [{"restartCount": 3}]}});
        assert_eq!(p.find(&v), Some(&json!(3)));
        assert!(SortPath::parse("metadata.name").is_ok());
        assert!(SortPath::parse(".a[x]").is_err());
        assert!(SortPath::parse("").is_err());
    }

    #[test]
    fn missing_values_sort_first_then_natural_order() {
        // kubectl pkg/cmd/get/sorter.go: RuntimeSort.Less and isLess.
        let vals = vec![
            json!({"n": "pod-10"}),
            json!({"n": null}),
            json!({"n": "pod-9"}),
            json!({}),
        ];
        let p = SortPath::parse(".n").unwrap();
        assert_eq!(order(&vals, &p), [1, 3, 2, 0]);
        let q = vec![json!({"m": "1Gi"}), json!({"m": "512Mi"})];
        assert_eq!(order(&q, &SortPath::parse(".m").unwrap()), [1, 0]);
    }
}
