//! ConfigMaps and Secrets: configuration kept apart from the image.
//! <https://kubernetes.io/docs/concepts/configuration/configmap/>
//! <https://kubernetes.io/docs/concepts/configuration/secret/>

use crate::sim::stored::Meta;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// `data` and `binaryData` of a ConfigMap (binary values kept as base64).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConfigMapData {
    pub data: BTreeMap<String, String>,
    pub binary_data: BTreeMap<String, String>,
    pub immutable: bool,
}

/// A Secret's `type` and its values, decoded (`data` is base64 in the API;
/// `stringData` is merged in by the API server).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SecretData {
    pub secret_type: String,
    pub data: BTreeMap<String, Vec<u8>>,
    pub immutable: bool,
}

impl Default for SecretData {
    fn default() -> Self {
        SecretData {
            secret_type: "Opaque".into(),
            data: BTreeMap::new(),
            immutable: false,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigMap {
    pub meta: Meta,
    pub data: ConfigMapData,
}

impl ConfigMap {
    /// The value of a key as a container sees it (binary data decoded).
    pub fn value(&self, key: &str) -> Option<String> {
        if let Some(v) = self.data.data.get(key) {
            return Some(v.clone());
        }
        let b = self.data.binary_data.get(key)?;
        Some(String::from_utf8_lossy(&decode_base64(b)?).into_owned())
    }

    /// Every key, `data` then `binaryData`.
    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.data.data.keys().chain(self.data.binary_data.keys())
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Secret {
    pub meta: Meta,
    pub data: SecretData,
}

impl Secret {
    /// The decoded value of a key, as a container sees it.
    pub fn value(&self, key: &str) -> Option<String> {
        self.data
            .data
            .get(key)
            .map(|b| String::from_utf8_lossy(b).into_owned())
    }
}

/// Standard base64 with padding, as the API encodes Secret `data`.
pub fn encode_base64(bytes: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// Decode standard base64; `None` when the text is not base64.
pub fn decode_base64(text: &str) -> Option<Vec<u8>> {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD
        .decode(text.trim())
        .ok()
}
