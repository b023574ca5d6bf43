use super::LabelMap;
use std::collections::BTreeMap;
use std::hash::{BuildHasher, BuildHasherDefault, DefaultHasher};

fn both(pairs: &[(&str, &str)]) -> (LabelMap, BTreeMap<String, String>) {
    let owned = || pairs.iter().map(|(k, v)| (k.to_string(), v.to_string()));
    (owned().collect(), owned().collect())
}

fn hash_of<T: std::hash::Hash>(t: &T) -> u64 {
    BuildHasherDefault::<DefaultHasher>::default().hash_one(t)
}

#[test]
fn iterates_in_key_order_and_the_last_duplicate_wins_like_a_btreemap() {
    let pairs = [
        ("tier", "web"),
        ("app", "a"),
        ("z", "1"),
        ("app", "b"),
        ("k8s.io/x", ""),
    ];
    let (m, b) = both(&pairs);
    let got: Vec<_> = m.iter().collect();
    let want: Vec<_> = b.iter().collect();
    assert_eq!(got, want);
    assert_eq!(m.get("app").map(String::as_str), Some("b"));
    assert_eq!(m.len(), 4);
    assert_eq!(m.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    assert_eq!(
        m.values().collect::<Vec<_>>(),
        b.values().collect::<Vec<_>>()
    );
    assert_eq!(
        m.clone().into_iter().collect::<Vec<_>>(),
        b.into_iter().collect::<Vec<_>>()
    );
}

#[test]
fn insert_remove_and_retain_return_what_a_btreemap_returns() {
    let mut m = LabelMap::new();
    let mut b = BTreeMap::new();
    let steps = [("b", "1"), ("a", "2"), ("c", "3"), ("a", "4"), ("b", "5")];
    for (k, v) in steps {
        assert_eq!(
            m.insert(k.into(), v.into()),
            b.insert(k.to_string(), v.to_string())
        );
        assert_eq!(format!("{m:?}"), format!("{b:?}"));
    }
    assert_eq!(m.remove("a"), b.remove("a"));
    assert_eq!(m.remove("zz"), b.remove("zz"));
    assert!(m.contains_key("b") && !m.contains_key("a"));
    m.retain(|k, _| k != "c");
    b.retain(|k, _| k != "c");
    assert_eq!(format!("{m:?}"), r#"{"b": "5"}"#);
    assert_eq!(format!("{m:?}"), format!("{b:?}"));
    m.extend([
        ("d".to_string(), "6".to_string()),
        ("b".to_string(), "7".to_string()),
    ]);
    assert_eq!(format!("{m:?}"), r#"{"b": "7", "d": "6"}"#);
    assert_eq!(&m["d"], "6");
}

#[test]
fn equality_order_and_hash_do_not_depend_on_insertion_order() {
    let (x, bx) = both(&[("app", "web"), ("pod-template-hash", "5d8f")]);
    let (y, _) = both(&[("pod-template-hash", "5d8f"), ("app", "web")]);
    assert_eq!(x, y);
    assert_eq!(hash_of(&x), hash_of(&y));
    // The same hash as the BTreeMap it replaces (length, then each pair).
    assert_eq!(hash_of(&x), hash_of(&bx));
    let (z, _) = both(&[("app", "web")]);
    assert_ne!(x, z);
    assert_ne!(hash_of(&x), hash_of(&z));
    assert!(z < x, "ordered like the BTreeMap: a prefix sorts first");
    assert_eq!(
        LabelMap::new(),
        LabelMap::from([("a", "1")])
            .into_iter()
            .filter(|_| false)
            .collect()
    );
}

#[test]
fn empty_maps_hold_no_allocation_and_entries_take_no_spare_room() {
    let m = LabelMap::new();
    assert_eq!(m.pairs.len(), 0);
    assert_eq!(std::mem::size_of::<LabelMap>(), 16);
    let mut m = LabelMap::new();
    m.insert("app".into(), "web".into());
    m.insert("tier".into(), "db".into());
    // A boxed slice has no capacity beyond its length.
    assert_eq!(m.pairs.len(), 2);
    m.remove("app");
    m.remove("tier");
    assert!(m.is_empty());
}

#[test]
fn serde_form_is_a_map_exactly_as_before() {
    let (m, b) = both(&[("tier", "web"), ("app", "a")]);
    let json = serde_json::to_string(&m).unwrap();
    assert_eq!(json, serde_json::to_string(&b).unwrap());
    assert_eq!(json, r#"{"app":"a","tier":"web"}"#);
    let back: LabelMap = serde_json::from_str(r#"{"z":"1","a":"2","z":"3"}"#).unwrap();
    let back_b: BTreeMap<String, String> =
        serde_json::from_str(r#"{"z":"1","a":"2","z":"3"}"#).unwrap();
    assert_eq!(format!("{back:?}"), format!("{back_b:?}"));
    assert!(serde_json::from_str::<LabelMap>(r#"{"a":1}"#).is_err());
    assert!(serde_json::from_str::<LabelMap>(r#"["a"]"#).is_err());
    assert_eq!(serde_json::to_string(&LabelMap::new()).unwrap(), "{}");
}
