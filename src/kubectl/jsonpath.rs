//! kubectl's JSONPath templates (`-o jsonpath='{.items[*].metadata.name}'`):
//! fields, `[n]`, `[*]`, slices, `[?(@.field=="x")]` filters, `..` recursive
//! descent, `{range ...}{end}`, quoted text like `{"\n"}`. Missing keys
//! print nothing (kubectl's `--allow-missing-template-keys` is true).
//! <https://kubernetes.io/docs/reference/kubectl/jsonpath/>

use serde_json::Value;

#[derive(Debug, Clone, PartialEq)]
enum Step {
    Field(String),
    Index(i64),
    Slice(Option<i64>, Option<i64>),
    All,
    Recursive(String),
    Filter {
        path: Vec<Step>,
        op: String,
        value: Option<Value>,
    },
}

#[derive(Debug, Clone, PartialEq)]
enum Node {
    Text(String),
    Path(Vec<Step>),
    Range(Vec<Step>, Vec<Node>),
}

fn parse_index(inner: &str) -> Result<Step, String> {
    let inner = inner.trim();
    if inner == "*" {
        return Ok(Step::All);
    }
    if let Some(f) = inner.strip_prefix("?(").and_then(|f| f.strip_suffix(')')) {
        return parse_filter(f);
    }
    if let Some(q) = inner
        .strip_prefix('\'')
        .and_then(|q| q.strip_suffix('\''))
        .or_else(|| inner.strip_prefix('"').and_then(|q| q.strip_suffix('"')))
    {
        return Ok(Step::Field(q.to_string()));
    }
    if let Some((a, b)) = inner.split_once(':') {
        let num = |s: &str| -> Result<Option<i64>, String> {
            let s = s.trim();
            if s.is_empty() {
                Ok(None)
            } else {
                s.parse()
                    .map(Some)
                    .map_err(|_| format!("invalid array index {s}"))
            }
        };
        let b = b.split(':').next().unwrap_or("");
        return Ok(Step::Slice(num(a)?, num(b)?));
    }
    inner
        .parse()
        .map(Step::Index)
        .map_err(|_| format!("invalid array index {inner}"))
}

fn parse_filter(f: &str) -> Result<Step, String> {
    for op in ["==", "!=", "<=", ">=", "<", ">"] {
        if let Some((l, r)) = f.split_once(op) {
            let path = parse_path(l.trim().trim_start_matches('@'))?;
            let r = r.trim();
            let value = if let Some(s) = r
                .strip_prefix('"')
                .and_then(|s| s.strip_suffix('"'))
                .or_else(|| r.strip_prefix('\'').and_then(|s| s.strip_suffix('\'')))
            {
                Value::String(s.to_string())
            } else {
                serde_json::from_str(r).unwrap_or(Value::String(r.to_string()))
            };
            return Ok(Step::Filter {
                path,
                op: op.to_string(),
                value: Some(value),
            });
        }
    }
    Ok(Step::Filter {
        path: parse_path(f.trim().trim_start_matches('@'))?,
        op: String::new(),
        value: None,
    })
}

/// `.a.b[0].c`, `$.a`, `..name`, `['a.b']`.
fn parse_path(text: &str) -> Result<Vec<Step>, String> {
    let mut steps = Vec::new();
    let s = text.trim();
    let s = s.strip_prefix('$').unwrap_or(s);
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        match chars[i] {
            '.' if chars.get(i + 1) == Some(&'.') => {
                i += 2;
                let start = i;
                while i < chars.len() && chars[i] != '.' && chars[i] != '[' {
                    i += 1;
                }
                steps.push(Step::Recursive(chars[start..i].iter().collect()));
            }
            '.' => {
                i += 1;
                let mut name = String::new();
                while i < chars.len() && chars[i] != '.' && chars[i] != '[' {
                    if chars[i] == '\\' && i + 1 < chars.len() {
                        name.push(chars[i + 1]);
                        i += 2;
                        continue;
                    }
                    name.push(chars[i]);
                    i += 1;
                }
                if !name.is_empty() {
                    steps.push(Step::Field(name));
                }
            }
            '[' => {
                let mut depth = 0;
                let start = i + 1;
                while i < chars.len() {
                    match chars[i] {
                        '[' => depth += 1,
                        ']' => {
                            depth -= 1;
                            if depth == 0 {
                                break;
                            }
                        }
                        _ => {}
                    }
                    i += 1;
                }
                if i >= chars.len() {
                    return Err("unterminated array".into());
                }
                let inner: String = chars[start..i].iter().collect();
                steps.push(parse_index(&inner)?);
                i += 1;
            }
            '@' => i += 1,
            c if c.is_whitespace() => i += 1,
            _ => {
                let start = i;
                while i < chars.len() && chars[i] != '.' && chars[i] != '[' {
                    i += 1;
                }
                steps.push(Step::Field(chars[start..i].iter().collect()));
            }
        }
    }
    Ok(steps)
}

/// Unquote `"\n"` / `'x'` text nodes.
fn quoted(text: &str) -> Option<String> {
    let t = text.trim();
    let inner = t
        .strip_prefix('"')
        .and_then(|s| s.strip_suffix('"'))
        .or_else(|| t.strip_prefix('\'').and_then(|s| s.strip_suffix('\'')))?;
    Some(
        inner
            .replace("\\n", "\n")
            .replace("\\t", "\t")
            .replace("\\\"", "\""),
    )
}

fn parse(template: &str) -> Result<Vec<Node>, String> {
    let mut stack: Vec<(Vec<Step>, Vec<Node>)> = vec![(Vec::new(), Vec::new())];
    let mut rest = template;
    while !rest.is_empty() {
        match rest.find('{') {
            None => {
                stack
                    .last_mut()
                    .expect("root")
                    .1
                    .push(Node::Text(rest.to_string()));
                break;
            }
            Some(i) => {
                if i > 0 {
                    stack
                        .last_mut()
                        .expect("root")
                        .1
                        .push(Node::Text(rest[..i].to_string()));
                }
                let after = &rest[i + 1..];
                let j = after.find('}').ok_or("unclosed action")?;
                let action = after[..j].trim();
                rest = &after[j + 1..];
                if let Some(p) = action.strip_prefix("range ") {
                    stack.push((parse_path(p)?, Vec::new()));
                } else if action == "end" {
                    if stack.len() < 2 {
                        return Err("not in range, nothing to end".into());
                    }
                    let (path, body) = stack.pop().expect("len checked");
                    stack
                        .last_mut()
                        .expect("root")
                        .1
                        .push(Node::Range(path, body));
                } else if let Some(text) = quoted(action) {
                    stack.last_mut().expect("root").1.push(Node::Text(text));
                } else {
                    stack
                        .last_mut()
                        .expect("root")
                        .1
                        .push(Node::Path(parse_path(action)?));
                }
            }
        }
    }
    if stack.len() != 1 {
        return Err("range without end".into());
    }
    Ok(stack.pop().expect("root").1)
}

fn compare(a: &Value, op: &str, b: &Value) -> bool {
    match (a.as_f64(), b.as_f64()) {
        (Some(x), Some(y)) => match op {
            "==" => x == y,
            "!=" => x != y,
            "<" => x < y,
            ">" => x > y,
            "<=" => x <= y,
            ">=" => x >= y,
            _ => false,
        },
        _ => {
            let s = |v: &Value| v.as_str().map_or_else(|| v.to_string(), str::to_string);
            match op {
                "==" => s(a) == s(b),
                "!=" => s(a) != s(b),
                _ => false,
            }
        }
    }
}

fn recursive<'a>(v: &'a Value, name: &str, out: &mut Vec<&'a Value>) {
    match v {
        Value::Object(m) => {
            if let Some(x) = m.get(name) {
                out.push(x);
            }
            for x in m.values() {
                recursive(x, name, out);
            }
        }
        Value::Array(a) => a.iter().for_each(|x| recursive(x, name, out)),
        _ => {}
    }
}

fn eval<'a>(steps: &[Step], root: &'a Value) -> Vec<&'a Value> {
    let mut cur = vec![root];
    for step in steps {
        let mut next = Vec::new();
        for v in cur {
            match step {
                Step::Field(f) => {
                    if let Some(x) = v.get(f) {
                        next.push(x);
                    }
                }
                Step::Index(i) => {
                    if let Some(a) = v.as_array() {
                        let idx = if *i < 0 { a.len() as i64 + i } else { *i };
                        if let Some(x) = usize::try_from(idx).ok().and_then(|k| a.get(k)) {
                            next.push(x);
                        }
                    }
                }
                Step::Slice(from, to) => {
                    if let Some(a) = v.as_array() {
                        let n = a.len() as i64;
                        let fix = |x: i64| if x < 0 { (n + x).max(0) } else { x.min(n) };
                        let (f, t) = (fix(from.unwrap_or(0)), fix(to.unwrap_or(n)));
                        for k in f..t.max(f) {
                            next.push(&a[k as usize]);
                        }
                    }
                }
                Step::All => match v {
                    Value::Array(a) => next.extend(a.iter()),
                    Value::Object(m) => next.extend(m.values()),
                    _ => {}
                },
                Step::Recursive(name) => recursive(v, name, &mut next),
                Step::Filter { path, op, value } => {
                    if let Some(a) = v.as_array() {
                        for item in a {
                            let found = eval(path, item);
                            let keep = match value {
                                None => !found.is_empty(),
                                Some(val) => found.iter().any(|x| compare(x, op, val)),
                            };
                            if keep {
                                next.push(item);
                            }
                        }
                    }
                }
            }
        }
        cur = next;
    }
    cur
}

fn text_of(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

fn render(nodes: &[Node], v: &Value, out: &mut String) {
    for n in nodes {
        match n {
            Node::Text(t) => out.push_str(t),
            Node::Path(p) => {
                let vals: Vec<String> = eval(p, v).into_iter().map(text_of).collect();
                out.push_str(&vals.join(" "));
            }
            Node::Range(p, body) => {
                for item in eval(p, v) {
                    render(body, item, out);
                }
            }
        }
    }
}

/// Apply a kubectl JSONPath template to an object (or a `List`).
pub fn apply(template: &str, value: &Value) -> Result<String, String> {
    let t = template.trim();
    let t = t
        .strip_prefix('\'')
        .and_then(|s| s.strip_suffix('\''))
        .unwrap_or(t);
    let nodes = parse(t).map_err(|e| format!("error: error parsing jsonpath {t}, {e}"))?;
    let mut out = String::new();
    render(&nodes, value, &mut out);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_jsonpath_examples_of_the_kubectl_reference() {
        // https://kubernetes.io/docs/reference/kubectl/jsonpath/
        let v = json!({"kind": "List", "items": [
            {"kind": "None", "metadata": {"name": "127.0.0.1"}, "status": {"capacity": {"cpu": "4"},
              "addresses": [{"type": "LegacyHostIP", "address": "127.0.0.1"}]}},
            {"kind": "None", "metadata": {"name": "127.0.0.2"}, "status": {"capacity": {"cpu": "8"},
              "addresses": [{"type": "LegacyHostIP", "address": "127.0.0.2"}, {"type": "another", "address": "127.0.0.3"}]}}
        ], "users": [{"name": "myself", "user": {}}, {"name": "e2e", "user": {"username": "admin", "password": "secret"}}]});
        assert_eq!(apply("{.kind}", &v).unwrap(), "List");
        assert_eq!(apply("{['kind']}", &v).unwrap(), "List");
        assert_eq!(
            apply("{..name}", &v).unwrap(),
            "127.0.0.1 127.0.0.2 myself e2e"
        );
        assert_eq!(
            apply("{.items[*].metadata.name}", &v).unwrap(),
            "127.0.0.1 127.0.0.2"
        );
        assert_eq!(apply("{.users[0].name}", &v).unwrap(), "myself");
        assert_eq!(
            apply("{.items[-1:].metadata.name}", &v).unwrap(),
            "127.0.0.2"
        );
        assert_eq!(
            apply("{.users[?(@.name==\"e2e\")].user.password}", &v).unwrap(),
            "secret"
        );
        assert_eq!(
            apply(
                "{range .items[*]}[{.metadata.name}, {.status.capacity}] {end}",
                &v
            )
            .unwrap(),
            "[127.0.0.1, {\"cpu\":\"4\"}] [127.0.0.2, {\"cpu\":\"8\"}] "
        );
        assert_eq!(
            apply("{range .items[*]}{.metadata.name}{\"\\t\"}{end}", &v).unwrap(),
            "127.0.0.1\t127.0.0.2\t"
        );
        assert_eq!(apply("{.nope}", &v).unwrap(), "");
        assert!(apply("{range .items[*]}", &v).is_err());
    }
}
