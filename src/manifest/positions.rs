//! Where every field of a document was written: field path -> line:column.
//!
//! `serde_yaml` (libyaml underneath, the same family as the go-yaml parser
//! kubectl uses) stays the authority on what a manifest *means*, but it keeps no
//! positions for values. So the same text is also read with `saphyr-parser`, a
//! safe YAML 1.2 event parser whose events carry spans; walking those events
//! gives a map from field path to the position of its key and value. Writing a
//! scanner of our own for block and flow styles, multi-line and block scalars,
//! anchors and comments would be a parser of its own, so the crate is the better
//! tool. saphyr is stricter than libyaml in one place (flow content indented
//! less than its block parent); there the map simply stops at the error and
//! lookups fall back to the nearest known ancestor.

use super::events::Builder;
use super::path::{Path, Seg, push_index, push_name};
use saphyr_parser::{Event, Parser, ScalarStyle, Span};
use std::collections::HashMap;
use std::collections::hash_map::Entry as Slot;

/// The hasher of the position map's tables. Every node of a document costs
/// one lookup when it is scanned and one when YAML 1.1 re-reads it; with
/// std's SipHash those hashes were a sixth of the time of loading a manifest.
/// foldhash is several times faster on short keys and is seeded per process,
/// so keys written to collide (a hostile manifest) cannot be prepared ahead.
type FastHash = foldhash::fast::RandomState;

/// A 1-based line and column (columns count characters).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Pos {
    pub line: usize,
    pub column: usize,
}

/// How a value was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Plain,
    Quoted,
    Block,
    Mapping,
    Sequence,
    Alias,
}

#[derive(Debug, Clone, Copy)]
pub struct Entry {
    /// Where the key was written (none for list items and the root).
    pub key: Option<Pos>,
    pub value: Pos,
    pub style: Style,
    /// The key was a plain scalar without a tag (so YAML 1.1 may re-type it).
    pub key_plain: bool,
    /// The value carries an explicit tag (`!!str 0644`).
    pub tagged: bool,
    /// For an alias (`*base`): the id of the anchor it repeats.
    pub alias: Option<usize>,
}

/// A key written twice in the same mapping.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DuplicateKey {
    /// Lookup key of the mapping holding it.
    pub parent: String,
    pub key: String,
    pub pos: Pos,
    pub first_line: usize,
}

/// One step of a field path in the position map: fields and map keys alike
/// are names (the YAML layer does not know which is which).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Step {
    Name(Box<str>),
    Index(usize),
}

/// A node of the position map: an index into [`PosMap`]'s node table.
pub type NodeId = u32;

/// The root of every document.
pub const ROOT: NodeId = 0;

#[derive(Debug, Clone)]
struct Node {
    parent: NodeId,
    step: Step,
    entry: Option<Entry>,
    /// The plain scalar as written, for the plain scalars that may read as
    /// something other than a string (`yes`, `0644`, `1.0`), so that a
    /// message can quote what was written.
    retyped: Option<Box<str>>,
    /// The nodes of the list items `[0]`, `[1]`, … in order. Items are made
    /// in order, next to their parent; in the hash table they cost a
    /// lookup in a table as large as the document (half the time of
    /// reading 8 MiB of depth-120 lists, mostly cache misses).
    items: Vec<NodeId>,
}

/// The positions of one document.
///
/// Paths are stored as a tree of nodes, each a (parent, step) pair, rather
/// than as full path strings: recording a node and finding a child cost one
/// hash of one step, whatever the depth, so scanning a document is linear in
/// its size (with full path strings every node cost time and memory in
/// proportion to its depth: an 8 MiB manifest of depth-120 lists took about a
/// minute and gigabytes). Looking up a [`Path`] walks its steps once.
#[derive(Debug, Clone)]
pub struct PosMap {
    nodes: Vec<Node>,
    children: HashMap<(NodeId, Step), NodeId, FastHash>,
    entries: usize,
    /// Calls of [`PosMap::child`]: the work of building and re-reading the
    /// map, counted so that a test can hold it to a constant per node.
    child_calls: usize,
    pub duplicates: Vec<DuplicateKey>,
    /// Where the document's content starts.
    pub start: Pos,
    /// Anchor id -> the node that carries the anchor.
    pub anchors: HashMap<usize, NodeId, FastHash>,
}

impl Default for PosMap {
    fn default() -> Self {
        PosMap {
            nodes: vec![Node {
                parent: ROOT,
                step: Step::Index(0),
                entry: None,
                retyped: None,
                items: Vec::new(),
            }],
            children: HashMap::default(),
            entries: 0,
            child_calls: 0,
            duplicates: Vec::new(),
            start: Pos::default(),
            anchors: HashMap::default(),
        }
    }
}

fn step(seg: &Seg) -> Step {
    match seg {
        Seg::Field(n) | Seg::Key(n) => Step::Name(n.as_str().into()),
        Seg::Index(i) => Step::Index(*i),
    }
}

impl PosMap {
    /// A map with no entries: every lookup answers `start`.
    pub fn at(start: Pos) -> PosMap {
        PosMap {
            start,
            ..PosMap::default()
        }
    }

    /// The node for `step` under `parent`, made if it is new.
    pub fn child(&mut self, parent: NodeId, step: Step) -> NodeId {
        self.child_calls += 1;
        let next_id = NodeId::try_from(self.nodes.len()).unwrap_or(NodeId::MAX);
        if let Step::Index(i) = step
            && let Some(node) = self.nodes.get_mut(parent as usize)
            && i <= node.items.len()
        {
            if let Some(id) = node.items.get(i) {
                return *id;
            }
            node.items.push(next_id);
            self.nodes.push(Node {
                parent,
                step,
                entry: None,
                retyped: None,
                items: Vec::new(),
            });
            return next_id;
        }
        match self.children.entry((parent, step)) {
            Slot::Occupied(slot) => *slot.get(),
            Slot::Vacant(slot) => {
                let id = NodeId::try_from(self.nodes.len()).unwrap_or(NodeId::MAX);
                self.nodes.push(Node {
                    parent,
                    step: slot.key().1.clone(),
                    entry: None,
                    retyped: None,
                    items: Vec::new(),
                });
                slot.insert(id);
                id
            }
        }
    }

    /// How many times [`PosMap::child`] was called on this map.
    pub fn child_calls(&self) -> usize {
        self.child_calls
    }

    /// How many nodes the map holds (the root included).
    pub fn nodes(&self) -> usize {
        self.nodes.len()
    }

    /// The entry recorded at node `id`.
    pub fn entry_at(&self, id: NodeId) -> Option<&Entry> {
        self.nodes.get(id as usize)?.entry.as_ref()
    }

    fn set_entry(&mut self, id: NodeId, entry: Entry) {
        if let Some(node) = self.nodes.get_mut(id as usize)
            && node.entry.is_none()
        {
            node.entry = Some(entry);
            self.entries += 1;
        }
    }

    /// The plain scalar written at node `id`, when it may be re-typed.
    pub fn retyped_at(&self, id: NodeId) -> Option<&str> {
        self.nodes.get(id as usize)?.retyped.as_deref()
    }

    pub fn set_retyped(&mut self, id: NodeId, raw: &str) {
        if let Some(node) = self.nodes.get_mut(id as usize) {
            node.retyped = Some(raw.into());
        }
    }

    /// The lookup key of node `id` (`.spec.containers[0]`); it costs time
    /// in proportion to the depth, so it is only made for messages.
    pub fn lookup_key(&self, id: NodeId) -> String {
        let mut steps = Vec::new();
        let mut cur = id;
        while cur != ROOT {
            let Some(node) = self.nodes.get(cur as usize) else {
                break;
            };
            steps.push(&node.step);
            cur = node.parent;
        }
        let mut out = String::new();
        for s in steps.into_iter().rev() {
            match s {
                Step::Name(n) => push_name(&mut out, n),
                Step::Index(i) => push_index(&mut out, *i),
            }
        }
        out
    }

    /// The node for `seg` under `parent`, if any.
    fn child_of(&self, parent: NodeId, seg: &Seg) -> Option<NodeId> {
        if let Seg::Index(i) = seg
            && let Some(id) = self.nodes.get(parent as usize)?.items.get(*i)
        {
            return Some(*id);
        }
        self.children.get(&(parent, step(seg))).copied()
    }

    /// The node at exactly `path`, if any.
    fn find(&self, path: &Path) -> Option<NodeId> {
        let mut cur = ROOT;
        for seg in path.segments() {
            cur = self.child_of(cur, seg)?;
        }
        Some(cur)
    }

    /// The nearest recorded entry at `path` or above it.
    fn nearest(&self, path: &Path) -> Option<(bool, &Entry)> {
        let segs = path.segments();
        let mut best = self.entry_at(ROOT).map(|e| (segs.is_empty(), e));
        let mut cur = ROOT;
        for (i, seg) in segs.iter().enumerate() {
            let Some(next) = self.child_of(cur, seg) else {
                break;
            };
            cur = next;
            if let Some(e) = self.entry_at(cur) {
                best = Some((i + 1 == segs.len(), e));
            }
        }
        best
    }

    /// Where the value at `path` starts (or its nearest known ancestor's).
    pub fn value(&self, path: &Path) -> Pos {
        self.nearest(path).map_or(self.start, |(_, e)| e.value)
    }

    /// Where the key of `path` is written; the value's position for list items.
    pub fn key(&self, path: &Path) -> Pos {
        match self.nearest(path) {
            Some((true, e)) => e.key.unwrap_or(e.value),
            Some((false, e)) => e.value,
            None => self.start,
        }
    }

    /// How the value at exactly `path` was written, when known.
    pub fn style(&self, path: &Path) -> Option<Style> {
        self.find(path)
            .and_then(|id| self.entry_at(id))
            .map(|e| e.style)
    }

    /// Record the entry of `from` at `to` too (a key YAML 1.1 renamed).
    pub fn alias_entry(&mut self, from: NodeId, to: NodeId) {
        if let Some(e) = self.entry_at(from).copied() {
            self.set_entry(to, e);
        }
    }

    /// The plain scalar written at `path`, when it may read as a number,
    /// a boolean or null.
    pub fn retyped(&self, path: &Path) -> Option<&str> {
        self.retyped_at(self.find(path)?)
    }

    pub fn len(&self) -> usize {
        self.entries
    }

    /// Everything the map records, in an order that does not depend on
    /// hashing: two maps with the same fingerprint answer every lookup the
    /// same way.
    #[cfg(test)]
    pub fn fingerprint(&self) -> String {
        let mut anchors: Vec<_> = self.anchors.iter().collect();
        anchors.sort();
        format!(
            "{:?} {} {:?} {:?} {:?}",
            self.nodes, self.entries, self.duplicates, self.start, anchors
        )
    }

    pub fn is_empty(&self) -> bool {
        self.entries == 0
    }
}

/// The documents of one text chunk, and the parse error that stopped the scan.
#[derive(Debug, Default)]
pub struct Scan {
    pub docs: Vec<PosMap>,
    pub error: Option<(Pos, String)>,
}

enum Frame {
    Map {
        path: NodeId,
        /// The key being read: its text, position and whether it is plain.
        key: Option<(String, Pos, bool)>,
        seen: HashMap<String, usize, FastHash>,
        /// Depth of a non-scalar key being skipped.
        skipping: usize,
    },
    Seq {
        path: NodeId,
        next: usize,
    },
}

fn pos(span: &Span, line_offset: usize) -> Pos {
    Pos {
        line: span.start.line() + line_offset,
        column: span.start.col() + 1,
    }
}

/// Scan `text` (which starts at line `line_offset + 1` of the manifest).
pub fn scan(text: &str, line_offset: usize) -> Scan {
    scan_into(text, line_offset, None)
}

/// Scan `text` and build its documents' values from the same events: one
/// parse of the text for both.
pub fn scan_values(text: &str, line_offset: usize) -> (Scan, Builder) {
    let mut values = Builder::default();
    let scan = scan_into(text, line_offset, Some(&mut values));
    (scan, values)
}

fn scan_into(text: &str, line_offset: usize, mut values: Option<&mut Builder>) -> Scan {
    let mut out = Scan::default();
    let mut parser = Parser::new_from_str(text);
    let mut stack: Vec<Frame> = Vec::new();
    let mut current: Option<PosMap> = None;
    while let Some(next) = parser.next_event() {
        let (event, span) = match next {
            Ok(e) => e,
            Err(e) => {
                let at = Pos {
                    line: e.marker().line() + line_offset,
                    column: e.marker().col() + 1,
                };
                out.error = Some((at, e.info().to_string()));
                break;
            }
        };
        let at = pos(&span, line_offset);
        if let Some(values) = values.as_deref_mut()
            && values.stop.is_none()
        {
            values.event(&event);
            if values.stop.is_some() {
                values.stop_at = Some(at);
            }
        }
        match event {
            Event::StreamEnd => break,
            Event::DocumentStart(_) => {
                stack.clear();
                current = Some(PosMap {
                    start: at,
                    ..PosMap::default()
                });
            }
            Event::DocumentEnd => out.docs.extend(current.take()),
            Event::MappingEnd | Event::SequenceEnd => {
                if let Some(Frame::Map { skipping, .. }) = stack.last_mut()
                    && *skipping > 0
                {
                    // The value of a non-scalar key comes once it is closed.
                    *skipping -= 1;
                    continue;
                }
                stack.pop();
                value_done(&mut stack);
            }
            Event::Scalar(..)
            | Event::Alias(_)
            | Event::MappingStart(..)
            | Event::SequenceStart(..) => {
                let Some(doc) = current.as_mut() else {
                    continue;
                };
                node(&mut stack, doc, event, at);
            }
            Event::Nothing | Event::StreamStart => {}
        }
    }
    out.docs.extend(current.take());
    out
}

fn value_done(stack: &mut [Frame]) {
    match stack.last_mut() {
        Some(Frame::Map { key, .. }) => *key = None,
        Some(Frame::Seq { next, .. }) => *next += 1,
        None => {}
    }
}

fn node(stack: &mut Vec<Frame>, doc: &mut PosMap, event: Event<'_>, at: Pos) {
    let opens = matches!(event, Event::MappingStart(..) | Event::SequenceStart(..));
    // Keys of a mapping, and anything inside a non-scalar key.
    if let Some(Frame::Map {
        path,
        key,
        seen,
        skipping,
    }) = stack.last_mut()
    {
        if *skipping > 0 {
            if opens {
                *skipping += 1;
            }
            return;
        }
        if key.is_none() {
            let (name, plain) = match &event {
                Event::Scalar(text, ScalarStyle::Plain, _, None) => (text.to_string(), true),
                Event::Scalar(text, ..) => (text.to_string(), false),
                _ => ("?".to_string(), false),
            };
            if let Some(first_line) = seen.get(&name) {
                let parent = doc.lookup_key(*path);
                doc.duplicates.push(DuplicateKey {
                    parent,
                    key: name.clone(),
                    pos: at,
                    first_line: *first_line,
                });
            } else {
                seen.insert(name.clone(), at.line);
            }
            *key = Some((name, at, plain));
            if opens {
                *skipping = 1;
            }
            return;
        }
    }
    // One hash of one step per node: the cost does not grow with depth.
    let (path, key_pos, key_plain) = match stack.last_mut() {
        Some(Frame::Map { path, key, .. }) => {
            let (name, kp, plain) = key.take().unwrap_or_default();
            let id = doc.child(*path, Step::Name(name.into()));
            *key = Some((String::new(), kp, plain));
            (id, Some(kp), plain)
        }
        Some(Frame::Seq { path, next }) => (doc.child(*path, Step::Index(*next)), None, false),
        None => (ROOT, None, false),
    };
    let (anchor, tagged, alias) = match &event {
        Event::Scalar(_, _, anchor, tag)
        | Event::MappingStart(anchor, tag)
        | Event::SequenceStart(anchor, tag) => (*anchor, tag.is_some(), None),
        Event::Alias(id) => (0, false, Some(*id)),
        _ => (0, false, None),
    };
    if anchor != 0 {
        doc.anchors.insert(anchor, path);
    }
    if let Event::Scalar(text, ScalarStyle::Plain, _, None) = &event
        && (text.starts_with(|c: char| c.is_ascii_digit() || "+-.~".contains(c))
            || super::yaml11::plain_scalar(text).is_some())
    {
        doc.set_retyped(path, text);
    }
    let style = match &event {
        Event::Scalar(_, ScalarStyle::Plain, ..) => Style::Plain,
        Event::Scalar(_, ScalarStyle::SingleQuoted | ScalarStyle::DoubleQuoted, ..) => {
            Style::Quoted
        }
        Event::Scalar(..) => Style::Block,
        Event::MappingStart(..) => Style::Mapping,
        Event::SequenceStart(..) => Style::Sequence,
        _ => Style::Alias,
    };
    if path == ROOT {
        doc.start = at;
    }
    doc.set_entry(
        path,
        Entry {
            key: key_pos,
            value: at,
            style,
            key_plain,
            tagged,
            alias,
        },
    );
    match event {
        Event::MappingStart(..) => stack.push(Frame::Map {
            path,
            key: None,
            seen: HashMap::default(),
            skipping: 0,
        }),
        Event::SequenceStart(..) => stack.push(Frame::Seq { path, next: 0 }),
        _ => value_done(stack),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Path {
        let mut path = Path::root();
        for part in s.split('.') {
            if let Some((name, idx)) = part.split_once('[') {
                path = path.field(name);
                path = path.index(idx.trim_end_matches(']').parse().unwrap());
            } else {
                path = path.field(part);
            }
        }
        path
    }

    /// Issue #15 item 3: nesting just under the parser's limit (128) is
    /// legal; every level keeps its exact position and the innermost plain
    /// scalar is still re-typed as YAML 1.1 reads it.
    #[test]
    fn deep_nesting_keeps_positions_at_every_level() {
        let depth = 120;
        let text = format!(
            "items:\n  - {}yes{}\n  - [a]\n",
            "[".repeat(depth),
            "]".repeat(depth)
        );
        let scan = scan(&text, 0);
        assert!(scan.error.is_none(), "{:?}", scan.error);
        let m = &scan.docs[0];
        let mut path = Path::root().field("items").index(0);
        for level in 0..depth {
            assert_eq!(m.style(&path), Some(Style::Sequence), "level {level}");
            assert_eq!(
                m.value(&path),
                Pos {
                    line: 2,
                    column: 5 + level
                }
            );
            path = path.index(0);
        }
        assert_eq!(m.style(&path), Some(Style::Plain));
        assert_eq!(
            m.value(&path),
            Pos {
                line: 2,
                column: 5 + depth
            }
        );
        assert_eq!(
            m.value(&path.index(3)),
            Pos {
                line: 2,
                column: 5 + depth
            }
        );
        let second = Path::root().field("items").index(1);
        assert_eq!(m.value(&second), Pos { line: 3, column: 5 });

        let loaded = crate::manifest::load(&text);
        let mut value = &loaded.documents[0].value["items"][0];
        for _ in 0..depth {
            value = &value[0];
        }
        assert_eq!(value, &serde_yaml::Value::Bool(true));
    }

    /// Issue #15 item 3: building the map and re-reading it as YAML 1.1
    /// cost one lookup per node each, at any depth; the re-reading looked up
    /// every node twice (once as written, once in the document) even where
    /// no alias makes the two differ.
    #[test]
    fn one_lookup_per_node_to_build_and_one_to_resolve() {
        let deep = format!("{}a{}", "[".repeat(120), "]".repeat(120));
        let block = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels: {app: web}\nspec:\n  containers:\n  - name: app\n    image: nginx\n    ports:\n    - containerPort: 80\n";
        for text in [
            format!("items:\n  - {deep}\n  - {deep}\n"),
            block.to_string(),
        ] {
            let built = scan(&text, 0);
            let map = &built.docs[0];
            let nodes = map.nodes() - 1;
            assert_eq!(map.child_calls(), nodes, "{text}");
            let parsed = crate::manifest::source::parse(&text);
            let map = &parsed.docs[0].pos;
            assert_eq!(map.nodes() - 1, nodes, "{text}");
            assert_eq!(map.child_calls(), 2 * nodes, "{text}");
        }
    }

    #[test]
    fn block_style_positions() {
        let text = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: app\n    image: \"nginx\"\n";
        let scan = scan(text, 0);
        assert!(scan.error.is_none());
        let m = &scan.docs[0];
        assert_eq!(m.key(&p("metadata.name")), Pos { line: 4, column: 3 });
        assert_eq!(m.value(&p("metadata.name")), Pos { line: 4, column: 9 });
        assert_eq!(
            m.value(&p("spec.containers[0].image")),
            Pos {
                line: 8,
                column: 12
            }
        );
        assert_eq!(m.style(&p("spec.containers[0].image")), Some(Style::Quoted));
        assert_eq!(
            m.value(&p("spec.containers[0]")),
            Pos { line: 7, column: 5 }
        );
        // Unknown deeper paths fall back to the nearest ancestor.
        assert_eq!(
            m.value(&p("spec.containers[0].image.x")),
            Pos {
                line: 8,
                column: 12
            }
        );
    }

    #[test]
    fn flow_style_and_documents_with_offset() {
        let text =
            "---\n{\n  kind: \"Pod\",\n  spec: { containers: [{ name: a }] },\n}\n---\na: 1\n";
        let scan = scan(text, 10);
        assert_eq!(scan.docs.len(), 2);
        assert_eq!(
            scan.docs[0].key(&p("kind")),
            Pos {
                line: 13,
                column: 3
            }
        );
        assert_eq!(
            scan.docs[0].value(&p("spec.containers[0].name")),
            Pos {
                line: 14,
                column: 32
            }
        );
        assert_eq!(
            scan.docs[1].key(&p("a")),
            Pos {
                line: 17,
                column: 1
            }
        );
    }

    #[test]
    fn duplicate_keys_are_found_with_both_lines() {
        let scan = scan("a: 1\nb:\n  c: 1\n  c: 2\n", 0);
        let d = &scan.docs[0].duplicates;
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].key, "c");
        assert_eq!(d[0].parent, "b");
        assert_eq!(d[0].first_line, 3);
        assert_eq!(d[0].pos, Pos { line: 4, column: 3 });
    }

    #[test]
    fn complex_keys_are_skipped() {
        let scan = scan("? [a, b]\n: 1\nc: 2\n", 0);
        assert!(scan.error.is_none());
        assert_eq!(scan.docs[0].key(&p("c")), Pos { line: 3, column: 1 });
    }
}
