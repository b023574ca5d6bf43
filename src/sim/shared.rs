//! Values many containers hold alike, kept once: the files an image starts
//! with, and the environment containers of one template start with (a
//! Deployment's 1,000 replicas see the same variables). Both are
//! read-only once made; a container that writes a file gets its own copy
//! of the layer (`Arc::make_mut`).
//!
//! The caches are bounded: past their size they start over (what is
//! already shared stays shared).

use super::fs::Files;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::{Arc, LazyLock, Mutex};

const MAX_ENTRIES: usize = 512;

type Env = BTreeMap<String, String>;

static IMAGE_FILES: LazyLock<Mutex<HashMap<String, Arc<Files>>>> =
    LazyLock::new(|| Mutex::new(HashMap::new()));

static ENVS: LazyLock<Mutex<HashMap<Arc<Env>, ()>>> = LazyLock::new(|| Mutex::new(HashMap::new()));

static VOLUME_FILES: LazyLock<Mutex<HashMap<Arc<Files>, ()>>> =
    LazyLock::new(|| Mutex::new(HashMap::new()));

/// The files of `image`'s top layer, shared.
pub fn image_files(image: &str) -> Arc<Files> {
    let mut cache = IMAGE_FILES.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(f) = cache.get(image) {
        return f.clone();
    }
    if cache.len() >= MAX_ENTRIES {
        cache.clear();
    }
    let files = Arc::new(super::serving::image_files(image));
    cache.insert(image.to_string(), files.clone());
    files
}

static TEXTS: LazyLock<Mutex<HashSet<Arc<str>>>> = LazyLock::new(|| Mutex::new(HashSet::new()));

/// `text`, shared with every equal text made before: for what container
/// statuses repeat (an image's name and ID), one copy instead of one per
/// container (issue #11's cluster: 11,007 of each).
pub fn text(text: &str) -> Arc<str> {
    let mut cache = TEXTS.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(t) = cache.get(text) {
        return t.clone();
    }
    if cache.len() >= MAX_ENTRIES {
        cache.clear();
    }
    let shared: Arc<str> = Arc::from(text);
    cache.insert(shared.clone());
    shared
}

/// `env`, shared with every equal environment made before.
pub fn env(env: Env) -> Arc<Env> {
    intern(&ENVS, env)
}

/// The files of a ConfigMap or Secret volume, shared with every equal set
/// made before: a DaemonSet's Pods mount the same ConfigMap (issue #11's
/// cluster: kube-proxy's on 1,000 nodes, 1.6 MB when each had a copy).
pub fn volume_files(files: Files) -> Arc<Files> {
    intern(&VOLUME_FILES, files)
}

fn intern(cache: &Mutex<HashMap<Arc<Env>, ()>>, value: Env) -> Arc<Env> {
    let mut cache = cache.lock().unwrap_or_else(|e| e.into_inner());
    if let Some((k, _)) = cache.get_key_value(&value) {
        return k.clone();
    }
    if cache.len() >= MAX_ENTRIES {
        cache.clear();
    }
    let shared = Arc::new(value);
    cache.insert(shared.clone(), ());
    shared
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_values_are_kept_once() {
        let a = image_files("nginx:1.27");
        let b = image_files("nginx:1.27");
        assert!(Arc::ptr_eq(&a, &b));
        assert!(a.contains_key("/usr/share/nginx/html/index.html"));
        let e1 = env(BTreeMap::from([("A".to_string(), "1".to_string())]));
        let e2 = env(BTreeMap::from([("A".to_string(), "1".to_string())]));
        let e3 = env(BTreeMap::from([("A".to_string(), "2".to_string())]));
        assert!(Arc::ptr_eq(&e1, &e2));
        assert!(!Arc::ptr_eq(&e1, &e3));
        let f1 = volume_files(Files::from([("a".to_string(), "1".to_string())]));
        let f2 = volume_files(Files::from([("a".to_string(), "1".to_string())]));
        assert!(Arc::ptr_eq(&f1, &f2));
        assert!(!Arc::ptr_eq(&f1, &volume_files(Files::new())));
        let t1 = text("docker.io/library/nginx:1.27");
        let t2 = text(&String::from("docker.io/library/nginx:1.27"));
        assert!(Arc::ptr_eq(&t1, &t2));
        assert_eq!(&*t1, "docker.io/library/nginx:1.27");
        assert!(!Arc::ptr_eq(&t1, &text("docker.io/library/nginx:1.28")));
    }
}
