//! Values built from saphyr-parser's events, in the same pass that records
//! positions (see `positions::scan_values`).
//!
//! The values are the ones `yaml_serde` builds (YAML 1.2 core schema, tags as
//! `Value::Tagged`, aliases expanded): `yaml11::resolve` then re-reads them as
//! kubectl does, exactly as before. `yaml_serde` stores every event of a
//! document before it builds a value (an 8 MiB manifest of depth-120 lists
//! took 2.7 GB and 13 s); here each event is turned into its value at once
//! and only the open collections are kept.
//!
//! Where `yaml_serde` would fail (a value its tag rejects, a key repeated by
//! value, nesting past its limit, its alias repetition limit, an alias it
//! cannot resolve) the builder gives up and the chunk is read again by
//! `yaml_serde`, whose messages the diagnostics quote.
//! <https://github.com/yaml/yaml-serde/blob/main/src/de.rs>

use saphyr_parser::{Event, ScalarStyle, Tag};
use serde_yaml::value::TaggedValue;
use serde_yaml::{Mapping, Number, Value};
use std::collections::HashMap;

/// yaml_serde's nesting limit (`remaining_depth`): the 129th nested
/// collection is an error.
const MAX_NESTING: usize = 128;

/// go-yaml v2 (kubectl's YAML reader) refuses a document whose aliases
/// expand to too large a share of what it decodes; so do we, before
/// copying: a "billion laughs" text stays bounded.
/// <https://github.com/go-yaml/yaml/blob/v2/decode.go> (`allowedAliasRatio`)
const ALIAS_RATIO_LOW: usize = 400_000;
const ALIAS_RATIO_HIGH: usize = 4_000_000;

/// Why the builder stopped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stop {
    /// `yaml_serde` would report an error here: read the chunk with it.
    Fallback(&'static str),
    /// Aliases expand too far (go-yaml v2's bound).
    ExcessiveAliasing,
}

struct Anchored {
    value: Value,
    /// yaml_serde's alias jumps to expand the value.
    jumps: usize,
    /// Nested collections in the value (0 for a scalar).
    height: usize,
    /// Nodes in the value once expanded.
    nodes: usize,
}

enum Open {
    Seq(Vec<Value>),
    Map(Mapping, Option<Value>),
}

struct Frame {
    open: Open,
    tag: Option<String>,
    anchor: usize,
    jumps_at_start: usize,
    nodes_at_start: usize,
    height: usize,
}

/// Builds the values of a stream of documents from its events.
#[derive(Default)]
pub struct Builder {
    stack: Vec<Frame>,
    anchors: HashMap<usize, Anchored>,
    /// Events of the current document, as yaml_serde counts them.
    events: usize,
    jumps: usize,
    /// Nodes decoded, and of those the ones inside an alias's expansion.
    decoded: usize,
    aliased: usize,
    root: Option<Value>,
    /// The last scalar was a literal or folded block (`|`, `>`).
    pub last_scalar_block: bool,
    pub docs: Vec<Value>,
    pub stop: Option<Stop>,
    /// Where the event that stopped the builder stands.
    pub stop_at: Option<super::positions::Pos>,
}

impl Builder {
    pub fn event(&mut self, event: &Event<'_>) {
        if self.stop.is_some() {
            return;
        }
        match event {
            Event::DocumentStart(explicit) => {
                // libyaml wants `---` before every document but the first
                // ("did not find expected <document start>").
                if !explicit && !self.docs.is_empty() {
                    self.stop = Some(Stop::Fallback("did not find expected <document start>"));
                    return;
                }
                self.stack.clear();
                self.anchors.clear();
                (self.events, self.jumps, self.decoded, self.aliased) = (0, 0, 0, 0);
                self.root = None;
            }
            Event::DocumentEnd => {
                if self.jumps > self.events * 100 {
                    self.stop = Some(Stop::Fallback("repetition limit exceeded"));
                    return;
                }
                self.docs.push(self.root.take().unwrap_or(Value::Null));
            }
            Event::Scalar(text, style, anchor, tag) => {
                self.events += 1;
                self.last_scalar_block =
                    matches!(style, ScalarStyle::Literal | ScalarStyle::Folded);
                // An empty key without `?` (`  : x`) is an error to libyaml.
                if text.is_empty() && *style == ScalarStyle::Plain && self.expects_key() {
                    self.stop = Some(Stop::Fallback("did not find expected key"));
                    return;
                }
                self.decoded += 1;
                match scalar(text, *style, tag.as_deref()) {
                    Ok(value) => self.done(value, *anchor, 0, 0, 1),
                    Err(why) => self.stop = Some(Stop::Fallback(why)),
                }
            }
            Event::SequenceStart(anchor, tag) | Event::MappingStart(anchor, tag) => {
                self.events += 1;
                self.decoded += 1;
                if self.stack.len() + 1 > MAX_NESTING {
                    self.stop = Some(Stop::Fallback("recursion limit exceeded"));
                    return;
                }
                let open = if matches!(event, Event::SequenceStart(..)) {
                    Open::Seq(Vec::new())
                } else {
                    Open::Map(Mapping::new(), None)
                };
                self.stack.push(Frame {
                    open,
                    tag: tag.as_deref().and_then(local_tag),
                    anchor: *anchor,
                    jumps_at_start: self.jumps,
                    nodes_at_start: self.decoded - 1,
                    height: 0,
                });
            }
            Event::SequenceEnd | Event::MappingEnd => {
                self.events += 1;
                let Some(frame) = self.stack.pop() else {
                    return;
                };
                let value = match frame.open {
                    Open::Seq(mut items) => {
                        // Growth leaves room for up to twice the items: a
                        // one-item list would hold four.
                        items.shrink_to_fit();
                        Value::Sequence(items)
                    }
                    Open::Map(map, None) => Value::Mapping(map),
                    Open::Map(_, Some(_)) => {
                        self.stop = Some(Stop::Fallback("did not find expected key"));
                        return;
                    }
                };
                let value = tagged(frame.tag, value);
                let jumps = self.jumps - frame.jumps_at_start;
                let nodes = self.decoded - frame.nodes_at_start;
                self.done(value, frame.anchor, jumps, frame.height + 1, nodes);
            }
            Event::Alias(id) => {
                self.events += 1;
                self.alias(*id);
            }
            Event::StreamStart | Event::StreamEnd | Event::Nothing => {}
        }
    }

    fn expects_key(&self) -> bool {
        matches!(
            self.stack.last(),
            Some(Frame {
                open: Open::Map(_, None),
                ..
            })
        )
    }

    fn alias(&mut self, id: usize) {
        let Some(anchored) = self.anchors.get(&id) else {
            // An anchor of another document, or one still open.
            self.stop = Some(Stop::Fallback("found undefined alias"));
            return;
        };
        if self.stack.len() + anchored.height > MAX_NESTING {
            self.stop = Some(Stop::Fallback("recursion limit exceeded"));
            return;
        }
        let (jumps, height, nodes) = (anchored.jumps, anchored.height, anchored.nodes);
        self.aliased += nodes;
        self.decoded += nodes;
        if excessive(self.decoded, self.aliased) {
            self.stop = Some(Stop::ExcessiveAliasing);
            return;
        }
        self.jumps += 1 + jumps;
        let value = anchored.value.clone();
        // The alias is one node of the text; its copy is counted above.
        self.done(value, 0, 1 + jumps, height, nodes);
    }

    /// A complete value: into its parent, and under its anchor.
    fn done(&mut self, value: Value, anchor: usize, jumps: usize, height: usize, nodes: usize) {
        if anchor != 0 {
            self.anchors.insert(
                anchor,
                Anchored {
                    value: value.clone(),
                    jumps,
                    height,
                    nodes,
                },
            );
        }
        let Some(parent) = self.stack.last_mut() else {
            self.root = Some(value);
            return;
        };
        parent.height = parent.height.max(height);
        match &mut parent.open {
            Open::Seq(items) => items.push(value),
            Open::Map(_, key @ None) => *key = Some(value),
            Open::Map(map, key) => {
                let k = key.take().unwrap_or(Value::Null);
                if map.contains_key(&k) {
                    self.stop = Some(Stop::Fallback("duplicate entry with key"));
                    return;
                }
                map.insert(k, value);
            }
        }
    }
}

/// go-yaml v2's `allowedAliasRatio` test.
fn excessive(decoded: usize, aliased: usize) -> bool {
    if aliased <= 100 || decoded <= 1000 {
        return false;
    }
    let allowed = if decoded <= ALIAS_RATIO_LOW {
        0.99
    } else if decoded >= ALIAS_RATIO_HIGH {
        0.10
    } else {
        let range = (ALIAS_RATIO_HIGH - ALIAS_RATIO_LOW) as f64;
        0.99 - 0.89 * ((decoded - ALIAS_RATIO_LOW) as f64 / range)
    };
    aliased as f64 / decoded as f64 > allowed
}

/// libyaml's full tag text: `!foo`, `tag:yaml.org,2002:str`, `!`.
fn full_tag(tag: &Tag) -> String {
    format!("{}{}", tag.handle, tag.suffix)
}

/// The name of a local tag (`!foo` -> `foo`, a lone `!` stays `!`), which
/// yaml_serde keeps as `Value::Tagged`; other tags are dropped.
fn local_tag(tag: &Tag) -> Option<String> {
    let full = full_tag(tag);
    let rest = full.strip_prefix('!')?;
    Some(if rest.is_empty() {
        full
    } else {
        rest.to_string()
    })
}

fn tagged(tag: Option<String>, value: Value) -> Value {
    match tag {
        Some(tag) => Value::Tagged(Box::new(TaggedValue {
            tag: serde_yaml::value::Tag::new(tag),
            value,
        })),
        None => value,
    }
}

const CORE: &str = "tag:yaml.org,2002:";

/// A scalar as yaml_serde's `Value` reads it (`visit_scalar`).
fn scalar(text: &str, style: ScalarStyle, tag: Option<&Tag>) -> Result<Value, &'static str> {
    let plain = style == ScalarStyle::Plain;
    let Some(tag) = tag else {
        return if plain {
            untagged(text)
        } else {
            Ok(Value::String(text.to_string()))
        };
    };
    if let Some(name) = local_tag(tag) {
        let value = if plain {
            untagged(text)?
        } else {
            Value::String(text.to_string())
        };
        return Ok(tagged(Some(name), value));
    }
    let full = full_tag(tag);
    match full.strip_prefix(CORE) {
        Some("bool") => parse_bool(text)
            .map(Value::Bool)
            .ok_or("invalid value, expected a boolean"),
        Some("int") => int(text)?.ok_or("invalid value, expected an integer"),
        Some("float") => parse_f64(text)
            .map(|f| Value::Number(f.into()))
            .ok_or("invalid value, expected a float"),
        Some("null") => parse_null(text)
            .then_some(Value::Null)
            .ok_or("invalid value, expected null"),
        _ => Ok(Value::String(text.to_string())),
    }
}

/// `visit_untagged_scalar`: null, bool, int, float, else a string.
fn untagged(text: &str) -> Result<Value, &'static str> {
    if text.is_empty() || parse_null(text) {
        return Ok(Value::Null);
    }
    if let Some(b) = parse_bool(text) {
        return Ok(Value::Bool(b));
    }
    if let Some(v) = int(text)? {
        return Ok(v);
    }
    if !digits_but_not_number(text)
        && let Some(f) = parse_f64(text)
    {
        return Ok(Value::Number(f.into()));
    }
    Ok(Value::String(text.to_string()))
}

/// `visit_int`: u64, then i64; a number that only fits 128 bits is an error
/// to `Value`.
fn int(text: &str) -> Result<Option<Value>, &'static str> {
    if let Some(u) = parse_unsigned(text, u64::from_str_radix) {
        return Ok(Some(Value::Number(Number::from(u))));
    }
    if let Some(i) = parse_negative(text, i64::from_str_radix) {
        return Ok(Some(Value::Number(Number::from(i))));
    }
    if parse_unsigned(text, u128::from_str_radix).is_some()
        || parse_negative(text, i128::from_str_radix).is_some()
    {
        return Err("integer out of range");
    }
    Ok(None)
}

fn parse_null(text: &str) -> bool {
    matches!(text, "null" | "Null" | "NULL" | "~")
}

fn parse_bool(text: &str) -> Option<bool> {
    match text {
        "true" | "True" | "TRUE" => Some(true),
        "false" | "False" | "FALSE" => Some(false),
        _ => None,
    }
}

type Radix<T> = fn(&str, u32) -> Result<T, std::num::ParseIntError>;

/// The radix prefixes `0x`, `0o`, `0b` after an optional `prefix` sign.
fn prefixed<T>(body: &str, from_str_radix: Radix<T>, sign: &str) -> Option<T> {
    for (p, radix) in [("0x", 16), ("0o", 8), ("0b", 2)] {
        if let Some(rest) = body.strip_prefix(p) {
            if sign.is_empty() && rest.starts_with(['+', '-']) {
                return None;
            }
            if let Ok(v) = from_str_radix(&format!("{sign}{rest}"), radix) {
                return Some(v);
            }
        }
    }
    None
}

fn parse_unsigned<T>(text: &str, from_str_radix: Radix<T>) -> Option<T> {
    let unpositive = text.strip_prefix('+').unwrap_or(text);
    for (p, radix) in [("0x", 16), ("0o", 8), ("0b", 2)] {
        if let Some(rest) = unpositive.strip_prefix(p) {
            if rest.starts_with(['+', '-']) {
                return None;
            }
            if let Ok(v) = from_str_radix(rest, radix) {
                return Some(v);
            }
        }
    }
    if unpositive.starts_with(['+', '-']) || digits_but_not_number(text) {
        return None;
    }
    from_str_radix(unpositive, 10).ok()
}

fn parse_negative<T>(text: &str, from_str_radix: Radix<T>) -> Option<T> {
    if let Some(body) = text.strip_prefix('-')
        && let Some(v) = prefixed(body, from_str_radix, "-")
    {
        return Some(v);
    }
    if digits_but_not_number(text) {
        return None;
    }
    from_str_radix(text, 10).ok()
}

fn parse_f64(text: &str) -> Option<f64> {
    let unpositive = match text.strip_prefix('+') {
        Some(rest) if rest.starts_with(['+', '-']) => return None,
        Some(rest) => rest,
        None => text,
    };
    if let ".inf" | ".Inf" | ".INF" = unpositive {
        return Some(f64::INFINITY);
    }
    if let "-.inf" | "-.Inf" | "-.INF" = text {
        return Some(f64::NEG_INFINITY);
    }
    if let ".nan" | ".NaN" | ".NAN" = text {
        return Some(f64::NAN.copysign(1.0));
    }
    unpositive.parse::<f64>().ok().filter(|f| f.is_finite())
}

/// A leading zero followed by digits is a string in YAML 1.2.
fn digits_but_not_number(text: &str) -> bool {
    let t = text.strip_prefix(['-', '+']).unwrap_or(text);
    t.len() > 1 && t.starts_with('0') && t[1..].bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn billion_laughs_stops_at_go_yamls_alias_ratio() {
        let mut text = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..10 {
            let p = i - 1;
            text.push_str(&format!(
                "a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"
            ));
        }
        let mut b = Builder::default();
        let mut parser = saphyr_parser::Parser::new_from_str(&text);
        while let Some(Ok((event, _))) = parser.next_event() {
            b.event(&event);
        }
        assert_eq!(b.stop, Some(Stop::ExcessiveAliasing));
        // Stopped before the copies grew: a few thousand nodes, not 10^10.
        assert!(b.decoded < 2_000_000, "{}", b.decoded);
    }
}
