//! TLS for the API: kubectl sends a bearer token only over HTTPS (client-go
//! sets credentials for TLS connections only), so the server makes a
//! self-signed certificate for 127.0.0.1 and localhost at every start and
//! the kubeconfig carries it as the cluster's certificate authority.

use std::sync::Arc;

/// The certificate (PEM, for the kubeconfig) and the server configuration.
pub struct Tls {
    pub cert_pem: String,
    /// The same certificate in DER (for a client that trusts it).
    pub cert_der: Vec<u8>,
    pub config: Arc<rustls::ServerConfig>,
}

/// A new self-signed certificate and key, held in memory only.
pub fn self_signed() -> Result<Tls, String> {
    let ck =
        rcgen::generate_simple_self_signed(vec!["127.0.0.1".to_string(), "localhost".to_string()])
            .map_err(|e| format!("cannot make a certificate: {e}"))?;
    let cert_pem = ck.cert.pem();
    let cert = ck.cert.der().clone();
    let cert_der = cert.to_vec();
    let key = rustls::pki_types::PrivateKeyDer::Pkcs8(rustls::pki_types::PrivatePkcs8KeyDer::from(
        ck.signing_key.serialize_der(),
    ));
    // ring, not aws-lc-rs: no cmake/assembler build; loopback needs no post-quantum key exchange.
    #[allow(deprecated)]
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let mut config = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| e.to_string())?
        .with_no_client_auth()
        .with_single_cert(vec![cert], key)
        .map_err(|e| format!("cannot use the certificate: {e}"))?;
    config.alpn_protocols = vec![b"http/1.1".to_vec()];
    Ok(Tls {
        cert_pem,
        cert_der,
        config: Arc::new(config),
    })
}

/// Standard base64 with padding (for `certificate-authority-data`).
pub fn base64(data: &[u8]) -> String {
    const A: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(data.len().div_ceil(3) * 4);
    for chunk in data.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(A[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_rfc_4648_vectors() {
        for (plain, coded) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(plain.as_bytes()), coded);
        }
    }

    #[test]
    fn a_certificate_is_made_for_loopback() {
        let t = self_signed().expect("certificate");
        assert!(t.cert_pem.starts_with("-----BEGIN CERTIFICATE-----"));
        assert_eq!(t.config.alpn_protocols, vec![b"http/1.1".to_vec()]);
    }
}
