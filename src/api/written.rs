//! Objects as the API writes them out, kept from one request to the next.
//!
//! Building an object's API value (a tree of maps) and writing it out as
//! JSON is most of what a list costs: `kubectl get pods` on 100 pods built
//! and wrote 100 Pods, on the cluster's thread, every time. A stored object
//! changes only with its resourceVersion, so [`Objects`] keeps each object
//! written out, shared ([`Written`]), until that changes; and a reply is a
//! [`Json`] body in pieces, so the cluster's thread only shares the objects
//! and the HTTP side joins them.

use crate::sim::store::Res;
use crate::sim::stored::Oid;
use crate::sim::timefmt;
use bytes::Bytes;
use serde_json::Value;
use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

/// An object as the API returns it: its value, written out on first use;
/// or (kept between requests) written out at once and the value let go, so
/// that a kept object costs its JSON only.
#[derive(Debug)]
pub struct Written {
    value: Option<Value>,
    json: OnceLock<Bytes>,
    partial: OnceLock<Bytes>,
}

fn partial_of(value: &Value) -> Bytes {
    let mut out =
        br#"{"apiVersion":"meta.k8s.io/v1","kind":"PartialObjectMetadata","metadata":"#.to_vec();
    let _ = serde_json::to_writer(&mut out, &value["metadata"]);
    out.push(b'}');
    out.into()
}

impl Written {
    pub fn new(value: Value) -> Arc<Self> {
        Arc::new(Written {
            value: Some(value),
            json: OnceLock::new(),
            partial: OnceLock::new(),
        })
    }

    /// Written out now, the value let go (to be kept).
    pub fn kept(value: &Value) -> Arc<Self> {
        let w = Written {
            value: None,
            json: OnceLock::new(),
            partial: OnceLock::new(),
        };
        let _ = w
            .json
            .set(serde_json::to_vec(value).unwrap_or_default().into());
        let _ = w.partial.set(partial_of(value));
        Arc::new(w)
    }

    /// The value, unless it was let go.
    pub fn value(&self) -> Option<&Value> {
        self.value.as_ref()
    }

    /// The value itself (copied only when it is shared, read back from its
    /// JSON when it was let go).
    pub fn into_value(self: Arc<Self>) -> Value {
        match Arc::try_unwrap(self) {
            Ok(Written { value: Some(v), .. }) => v,
            Ok(w) => serde_json::from_slice(w.json()).unwrap_or_default(),
            Err(w) => w
                .value
                .clone()
                .unwrap_or_else(|| serde_json::from_slice(w.json()).unwrap_or_default()),
        }
    }

    /// The object as JSON.
    pub fn json(&self) -> &Bytes {
        self.json.get_or_init(|| {
            self.value
                .as_ref()
                .and_then(|v| serde_json::to_vec(v).ok())
                .unwrap_or_default()
                .into()
        })
    }

    /// Its metadata as a `PartialObjectMetadata` (a Table row's object).
    pub fn partial(&self) -> &Bytes {
        self.partial
            .get_or_init(|| self.value.as_ref().map_or_else(Bytes::new, partial_of))
    }
}

/// The values last built per stored object, each good while the object
/// keeps its resourceVersion and timestamps keep their mapping to the wall
/// clock (the epoch: see `host::Host::map_time`).
#[derive(Default)]
pub struct Objects {
    map: HashMap<(Res, Oid), (u64, Arc<Written>)>,
    epoch: u64,
    revision: u64,
    /// Values built (misses), for tests.
    pub built: u64,
}

/// Whether an object's API value follows from the object alone. A
/// CronJob's lists its active Jobs and a PersistentVolume's its claim's
/// uid: other objects, whose changes leave its resourceVersion as it is.
pub fn cacheable(res: Res) -> bool {
    !matches!(res, Res::CronJob | Res::PersistentVolume)
}

impl Objects {
    /// Before reading a cluster at `revision` holding `live` objects: forget
    /// every value when the timestamps' epoch moved, when the revision went
    /// back (another store), or when the values kept outnumber the objects
    /// well (deleted ones).
    pub fn sync(&mut self, revision: u64, live: usize) {
        let epoch = timefmt::thread_epoch();
        if epoch != self.epoch || revision < self.revision || self.map.len() > 2 * live + 256 {
            self.map.clear();
            self.epoch = epoch;
        }
        self.revision = revision;
    }

    /// The object `key` (oid, resourceVersion) of `res`, built by `make`
    /// when not kept.
    pub fn get(
        &mut self,
        res: Res,
        key: (Oid, u64),
        make: impl FnOnce() -> Option<Value>,
    ) -> Option<Arc<Written>> {
        if let Some((rv, w)) = self.map.get(&(res, key.0))
            && *rv == key.1
        {
            return Some(w.clone());
        }
        self.built += 1;
        let value = make()?;
        if !cacheable(res) {
            return Some(Written::new(value));
        }
        let w = Written::kept(&value);
        self.map.insert((res, key.0), (key.1, w.clone()));
        Some(w)
    }

    /// How many values are kept.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
}

/// One piece of a JSON body.
#[derive(Debug)]
pub enum Piece {
    /// JSON text as it is.
    Raw(&'static str),
    Value(Value),
    /// The object.
    Object(Arc<Written>),
    /// The object's metadata as a `PartialObjectMetadata`.
    Partial(Arc<Written>),
}

/// A JSON body in pieces, written out in one go by whoever sends it.
#[derive(Debug, Default)]
pub struct Json(Vec<Piece>);

impl Json {
    pub fn raw(&mut self, text: &'static str) -> &mut Self {
        self.0.push(Piece::Raw(text));
        self
    }

    pub fn value(&mut self, v: Value) -> &mut Self {
        self.0.push(Piece::Value(v));
        self
    }

    pub fn piece(&mut self, p: Piece) -> &mut Self {
        self.0.push(p);
        self
    }

    /// Another body's pieces, inside this one.
    pub fn extend(&mut self, other: Json) -> &mut Self {
        self.0.extend(other.0);
        self
    }

    /// The body's bytes.
    pub fn write(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(
            self.0
                .iter()
                .map(|p| match p {
                    Piece::Raw(t) => t.len(),
                    Piece::Value(_) => 64,
                    Piece::Object(w) => w.json().len(),
                    Piece::Partial(w) => w.partial().len(),
                })
                .sum(),
        );
        for p in &self.0 {
            match p {
                Piece::Raw(t) => out.extend_from_slice(t.as_bytes()),
                Piece::Value(v) => {
                    let _ = serde_json::to_writer(&mut out, v);
                }
                Piece::Object(w) => out.extend_from_slice(w.json()),
                Piece::Partial(w) => out.extend_from_slice(w.partial()),
            }
        }
        out
    }

    /// The body as a value (for a caller that changes it further).
    pub fn to_value(&self) -> Value {
        serde_json::from_slice(&self.write()).unwrap_or(Value::Null)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn pieces_write_what_the_whole_value_writes() {
        let pod = json!({"apiVersion": "v1", "kind": "Pod",
            "metadata": {"name": "web", "labels": {"app": "web"}, "resourceVersion": "7"},
            "spec": {"containers": [{"name": "nginx", "image": "nginx:1.27"}]}});
        let w = Written::kept(&pod);
        assert_eq!(w.value(), None, "a kept object keeps its JSON only");
        assert_eq!(w.clone().into_value(), pod);
        let mut body = Json::default();
        body.raw("{\"items\":[")
            .piece(Piece::Object(w.clone()))
            .raw(",")
            .piece(Piece::Partial(w.clone()))
            .raw("],\"metadata\":")
            .value(json!({"resourceVersion": "9"}))
            .raw("}");
        let whole = json!({"metadata": {"resourceVersion": "9"}, "items": [pod,
            {"kind": "PartialObjectMetadata", "apiVersion": "meta.k8s.io/v1",
             "metadata": pod["metadata"]}]});
        assert_eq!(body.write(), serde_json::to_vec(&whole).unwrap());
        assert_eq!(body.to_value(), whole);
    }

    #[test]
    fn a_value_is_kept_until_its_resource_version_moves() {
        let mut objects = Objects::default();
        let get = |objects: &mut Objects, rv: u64| {
            objects
                .get(Res::Pod, (1, rv), || Some(json!({"rv": rv})))
                .unwrap()
                .into_value()
        };
        assert_eq!(get(&mut objects, 5), json!({"rv": 5}));
        assert_eq!(get(&mut objects, 5), json!({"rv": 5}));
        assert_eq!(get(&mut objects, 6), json!({"rv": 6}));
        assert_eq!(get(&mut objects, 6), json!({"rv": 6}));
        assert_eq!((objects.built, objects.len()), (2, 1));
        // A CronJob's value reads other objects: built every time.
        for _ in 0..2 {
            objects.get(Res::CronJob, (2, 1), || Some(json!({})));
        }
        assert_eq!((objects.built, objects.len()), (4, 1));
    }

    #[test]
    fn deleted_objects_are_forgotten() {
        let mut objects = Objects::default();
        for oid in 0..1000 {
            objects.sync(oid + 1, 10);
            objects.get(Res::Pod, (oid, 1), || Some(json!({})));
        }
        assert!(objects.len() <= 2 * 10 + 256 + 1, "{}", objects.len());
    }

    #[test]
    fn a_new_epoch_or_an_older_revision_builds_every_value_again() {
        let mut objects = Objects::default();
        let get = |objects: &mut Objects, n: i32| {
            objects
                .get(Res::Pod, (1, 1), || Some(json!(n)))
                .unwrap()
                .into_value()
        };
        timefmt::set_thread_epoch(1_000);
        objects.sync(5, 10);
        assert_eq!(get(&mut objects, 1), json!(1));
        objects.sync(6, 10);
        assert_eq!(get(&mut objects, 2), json!(1));
        timefmt::set_thread_epoch(2_000);
        objects.sync(6, 10);
        assert_eq!(get(&mut objects, 3), json!(3));
        objects.sync(2, 10);
        assert_eq!(get(&mut objects, 4), json!(4));
        timefmt::set_thread_epoch(0);
    }
}
