//! `LabelMap`: the string-to-string map of labels, annotations and
//! selectors, kept as one boxed slice of pairs sorted by key.
//!
//! Why not `BTreeMap<String, String>`: objects carry a few labels each, and a
//! B-tree allocates a 544-byte leaf for even one entry (plus 24 bytes inline,
//! per map). With 11,007 Pods that leaf alone was 5.4 MB of the scale
//! benchmark's heap (issue #11, heaptrack: `ApiServer::meta_with_uid`). Here a
//! map is 16 bytes inline, allocates nothing while empty, and exactly one
//! 48-byte pair per entry otherwise. Lookups are a binary search; an insert or
//! a removal rebuilds the slice, which is cheap for the handful of entries an
//! object has and rare next to reads.
//!
//! It behaves as the `BTreeMap` it replaces: iteration in key order, the same
//! `Debug` text, `Hash`, equality, and the same serde form (a map), so a
//! template's `pod-template-hash` (computed from its serialized form) is the
//! same as before.

use serde::de::{MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::borrow::Borrow;
use std::fmt;

/// A map from label key to value, ordered by key.
#[derive(Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LabelMap {
    /// Sorted by key, keys unique; exactly as long as the map (no spare room).
    pairs: Box<[(String, String)]>,
}

impl LabelMap {
    /// An empty map (allocates nothing).
    pub fn new() -> Self {
        LabelMap::default()
    }

    pub fn len(&self) -> usize {
        self.pairs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.pairs.is_empty()
    }

    fn find<Q>(&self, key: &Q) -> Result<usize, usize>
    where
        String: Borrow<Q>,
        Q: Ord + ?Sized,
    {
        self.pairs.binary_search_by(|(k, _)| k.borrow().cmp(key))
    }

    pub fn get<Q>(&self, key: &Q) -> Option<&String>
    where
        String: Borrow<Q>,
        Q: Ord + ?Sized,
    {
        self.find(key).ok().map(|i| &self.pairs[i].1)
    }

    pub fn get_mut<Q>(&mut self, key: &Q) -> Option<&mut String>
    where
        String: Borrow<Q>,
        Q: Ord + ?Sized,
    {
        self.find(key).ok().map(|i| &mut self.pairs[i].1)
    }

    pub fn contains_key<Q>(&self, key: &Q) -> bool
    where
        String: Borrow<Q>,
        Q: Ord + ?Sized,
    {
        self.find(key).is_ok()
    }

    /// Sets `key` to `value`; returns the value it replaced, if any.
    pub fn insert(&mut self, key: String, value: String) -> Option<String> {
        match self.find(&key) {
            Ok(i) => Some(std::mem::replace(&mut self.pairs[i].1, value)),
            Err(i) => {
                let mut pairs = std::mem::take(&mut self.pairs).into_vec();
                pairs.reserve_exact(1);
                pairs.insert(i, (key, value));
                self.pairs = pairs.into_boxed_slice();
                None
            }
        }
    }

    /// The entry for `key`, to fill in when it is absent (the `BTreeMap`
    /// entry API's `or_insert*` half).
    pub fn entry(&mut self, key: String) -> Entry<'_> {
        Entry { map: self, key }
    }

    /// Removes `key`; returns its value, if it was there.
    pub fn remove<Q>(&mut self, key: &Q) -> Option<String>
    where
        String: Borrow<Q>,
        Q: Ord + ?Sized,
    {
        let i = self.find(key).ok()?;
        let mut pairs = std::mem::take(&mut self.pairs).into_vec();
        let (_, value) = pairs.remove(i);
        self.pairs = pairs.into_boxed_slice();
        Some(value)
    }

    /// Keeps the entries for which `keep` returns true.
    pub fn retain(&mut self, mut keep: impl FnMut(&String, &mut String) -> bool) {
        let mut pairs = std::mem::take(&mut self.pairs).into_vec();
        pairs.retain_mut(|(k, v)| keep(k, v));
        self.pairs = pairs.into_boxed_slice();
    }

    pub fn clear(&mut self) {
        self.pairs = Box::default();
    }

    /// The entries in key order.
    pub fn iter(&self) -> Iter<'_> {
        Iter(self.pairs.iter())
    }

    pub fn keys(&self) -> impl DoubleEndedIterator<Item = &String> + ExactSizeIterator {
        self.pairs.iter().map(|(k, _)| k)
    }

    pub fn values(&self) -> impl DoubleEndedIterator<Item = &String> + ExactSizeIterator {
        self.pairs.iter().map(|(_, v)| v)
    }

    pub fn values_mut(
        &mut self,
    ) -> impl DoubleEndedIterator<Item = &mut String> + ExactSizeIterator {
        self.pairs.iter_mut().map(|(_, v)| v)
    }

    /// Builds the map from pairs in any order; a later pair for the same key
    /// wins, as with repeated `insert`s.
    fn from_pairs(mut pairs: Vec<(String, String)>) -> Self {
        // A stable sort keeps equal keys in arrival order, so the last one is
        // the one `insert` would have left.
        pairs.sort_by(|a, b| a.0.cmp(&b.0));
        let mut out: Vec<(String, String)> = Vec::with_capacity(pairs.len());
        for (k, v) in pairs {
            match out.last_mut() {
                Some(last) if last.0 == k => last.1 = v,
                _ => out.push((k, v)),
            }
        }
        LabelMap {
            pairs: out.into_boxed_slice(),
        }
    }
}

/// A key of a `LabelMap` that may or may not hold a value yet.
pub struct Entry<'a> {
    map: &'a mut LabelMap,
    key: String,
}

impl<'a> Entry<'a> {
    /// The value for the key, set from `value` first when absent.
    pub fn or_insert_with(self, value: impl FnOnce() -> String) -> &'a mut String {
        let i = match self.map.find(&self.key) {
            Ok(i) => i,
            Err(i) => {
                self.map.insert(self.key, value());
                i
            }
        };
        &mut self.map.pairs[i].1
    }

    pub fn or_insert(self, value: String) -> &'a mut String {
        self.or_insert_with(|| value)
    }

    pub fn or_default(self) -> &'a mut String {
        self.or_insert_with(String::new)
    }
}

/// Borrowing iterator over a `LabelMap`, yielding `(&key, &value)` like a
/// `BTreeMap`'s.
#[derive(Clone, Debug)]
pub struct Iter<'a>(std::slice::Iter<'a, (String, String)>);

impl<'a> Iterator for Iter<'a> {
    type Item = (&'a String, &'a String);

    fn next(&mut self) -> Option<Self::Item> {
        self.0.next().map(|(k, v)| (k, v))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.0.size_hint()
    }
}

impl DoubleEndedIterator for Iter<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        self.0.next_back().map(|(k, v)| (k, v))
    }
}

impl ExactSizeIterator for Iter<'_> {}

impl<'a> IntoIterator for &'a LabelMap {
    type Item = (&'a String, &'a String);
    type IntoIter = Iter<'a>;

    fn into_iter(self) -> Iter<'a> {
        self.iter()
    }
}

impl IntoIterator for LabelMap {
    type Item = (String, String);
    type IntoIter = std::vec::IntoIter<(String, String)>;

    fn into_iter(self) -> Self::IntoIter {
        self.pairs.into_vec().into_iter()
    }
}

impl FromIterator<(String, String)> for LabelMap {
    fn from_iter<I: IntoIterator<Item = (String, String)>>(iter: I) -> Self {
        LabelMap::from_pairs(iter.into_iter().collect())
    }
}

impl Extend<(String, String)> for LabelMap {
    fn extend<I: IntoIterator<Item = (String, String)>>(&mut self, iter: I) {
        let mut pairs = std::mem::take(&mut self.pairs).into_vec();
        pairs.extend(iter);
        *self = LabelMap::from_pairs(pairs);
    }
}

impl<'a> Extend<(&'a String, &'a String)> for LabelMap {
    fn extend<I: IntoIterator<Item = (&'a String, &'a String)>>(&mut self, iter: I) {
        self.extend(iter.into_iter().map(|(k, v)| (k.clone(), v.clone())));
    }
}

impl<const N: usize> From<[(String, String); N]> for LabelMap {
    fn from(pairs: [(String, String); N]) -> Self {
        LabelMap::from_pairs(Vec::from(pairs))
    }
}

impl<const N: usize> From<[(&str, &str); N]> for LabelMap {
    fn from(pairs: [(&str, &str); N]) -> Self {
        pairs
            .into_iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }
}

impl<Q> std::ops::Index<&Q> for LabelMap
where
    String: Borrow<Q>,
    Q: Ord + ?Sized,
{
    type Output = String;

    /// The value for `key`; panics when it is absent, as a `BTreeMap` does.
    fn index(&self, key: &Q) -> &String {
        self.get(key).expect("no entry found for key")
    }
}

impl fmt::Debug for LabelMap {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

impl Serialize for LabelMap {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.len()))?;
        for (k, v) in self {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for LabelMap {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct MapVisitor;

        impl<'de> Visitor<'de> for MapVisitor {
            type Value = LabelMap;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a map of strings to strings")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<LabelMap, A::Error> {
                // Bounded, so a hostile size hint cannot reserve much.
                let mut pairs = Vec::with_capacity(access.size_hint().unwrap_or(0).min(64));
                while let Some(pair) = access.next_entry::<String, String>()? {
                    pairs.push(pair);
                }
                Ok(LabelMap::from_pairs(pairs))
            }
        }

        d.deserialize_map(MapVisitor)
    }
}

#[cfg(test)]
#[path = "labelmap_tests.rs"]
mod tests;
