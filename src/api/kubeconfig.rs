//! The kubeconfig `kubetutor serve` writes: one cluster, one user with the
//! bearer token of this start, one context named `kubetutor`. Written with
//! mode 0600 (it holds the token), and never over a file it did not write.

use std::io::Write;
use std::path::{Path, PathBuf};

/// The first line of every kubeconfig written here: how a later start knows
/// the file is its own to replace.
pub const MARKER: &str =
    "# kubeconfig of kubetutor serve (the simulated cluster); rewritten at every start";

/// The context (and cluster and user) name.
pub const CONTEXT: &str = "kubetutor";

/// A random bearer token: 32 bytes from the operating system, in hex.
pub fn new_token() -> std::io::Result<String> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|e| std::io::Error::other(e.to_string()))?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// The kubeconfig text; `ca_pem` is the server's certificate.
pub fn render(server: &str, ca_pem: &str, token: &str) -> String {
    let ca = super::tls::base64(ca_pem.as_bytes());
    format!(
        "{MARKER}
apiVersion: v1
kind: Config
clusters:
- name: {CONTEXT}
  cluster:
    server: {server}
    certificate-authority-data: {ca}
users:
- name: {CONTEXT}
  user:
    token: {token}
contexts:
- name: {CONTEXT}
  context:
    cluster: {CONTEXT}
    user: {CONTEXT}
    namespace: default
current-context: {CONTEXT}
preferences: {{}}
"
    )
}

/// `$XDG_STATE_HOME/kubetutor/kubeconfig` (or the platform's equivalent).
pub fn default_path() -> Option<PathBuf> {
    let dirs = directories::ProjectDirs::from("", "", "kubetutor")?;
    let dir = dirs
        .state_dir()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| dirs.data_local_dir().to_path_buf());
    Some(dir.join("kubeconfig"))
}

/// Write the kubeconfig at `path` (mode 0600). A file there that was not
/// written by `kubetutor serve` is left alone and is an error.
pub fn write(path: &Path, text: &str) -> Result<(), String> {
    if let Ok(old) = std::fs::read_to_string(path)
        && !old.starts_with(MARKER)
    {
        return Err(format!(
            "{} exists and was not written by kubetutor serve; choose another file with --kubeconfig",
            path.display()
        ));
    } else if path.exists() && std::fs::read_to_string(path).is_err() {
        return Err(format!(
            "{} exists and cannot be read; choose another file with --kubeconfig",
            path.display()
        ));
    }
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    let mut f = opts
        .open(path)
        .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        f.set_permissions(std::fs::Permissions::from_mode(0o600))
            .map_err(|e| format!("cannot restrict {}: {e}", path.display()))?;
    }
    f.write_all(text.as_bytes())
        .map_err(|e| format!("cannot write {}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_with_owner_only_permissions_and_never_over_a_foreign_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("sub/kubeconfig");
        let token = new_token().expect("token");
        assert_eq!(token.len(), 64);
        assert_ne!(token, new_token().expect("token"));
        write(&path, &render("https://127.0.0.1:1234", "pem", &token)).expect("write");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).expect("meta").permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        let text = std::fs::read_to_string(&path).expect("read");
        assert!(text.contains(&format!("token: {token}")));
        assert!(text.contains("current-context: kubetutor"));
        write(&path, &render("https://127.0.0.1:1", "pem", "x")).expect("ours to replace");
        let foreign = dir.path().join("config");
        std::fs::write(&foreign, "apiVersion: v1\nkind: Config\n").expect("write");
        assert!(write(&foreign, "x").is_err());
        assert_eq!(
            std::fs::read_to_string(&foreign).expect("read"),
            "apiVersion: v1\nkind: Config\n"
        );
    }
}
