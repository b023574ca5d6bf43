//! The Kubernetes API over HTTP for the simulated cluster (`kubetutor serve`,
//! `:serve` in the tutor): the second door to the same API server the
//! command bar uses. Real kubectl, or any client, talks to it.
//!
//! # Shape
//!
//! - [`server`]: the HTTP side (hyper on a tokio runtime of its own thread):
//!   the bearer token, reading bodies, streaming watches and logs. It never
//!   touches the cluster: each request becomes a job sent over a channel.
//! - [`host::Host`]: the cluster side. Whoever owns the [`Cluster`] (the
//!   `serve` loop, or the tutor's event loop) calls [`host::Host::pump`]
//!   between ticks: it runs the waiting jobs one at a time on the cluster
//!   and feeds the open watches from the store's watch log. The simulator
//!   stays single-threaded; a slow client only fills its own bounded queue
//!   (and is dropped when that is full, as the API server drops a slow
//!   watcher), so neither the clock nor the tutor ever waits for it.
//! - [`written`]: each stored object's API value, kept from one request to
//!   the next until its resourceVersion moves, and bodies in pieces that the
//!   HTTP side writes out: a list costs the cluster's thread the printed
//!   cells and the objects that changed, not every object built anew.
//! - [`router`]: path → verb; [`kinds`]: the table of served resources;
//!   [`discovery`], [`openapi`]: what kubectl reads first; [`read`] (get,
//!   list, Table), [`write`] (create, update, patch, delete, subresources),
//!   [`patch`] (JSON, merge and strategic merge patches), [`watch`],
//!   [`status`] (errors as `metav1.Status`), [`kubeconfig`].
//!
//! Everything that changes the cluster goes through the same verbs as the
//! command bar (`sim::apiserver`), so it lights the cluster pane and leaves
//! the same events.

pub mod columns;
pub mod descriptions;
pub mod discovery;
pub mod fields;
pub mod host;
pub mod kinds;
pub mod kubeconfig;
pub mod openapi;
pub mod openapi_v2;
pub mod patch;
pub mod proto;
pub mod read;
pub mod router;
pub mod server;
pub mod status;
pub mod tls;
pub mod watch;
pub mod write;
pub mod written;

use std::collections::BTreeMap;

/// The Kubernetes release the API reports (`/version`).
pub const GIT_VERSION: &str = "v1.33.1";

/// An HTTP request as the cluster side sees it.
#[derive(Debug, Clone, Default)]
pub struct Request {
    pub method: String,
    pub path: String,
    pub query: BTreeMap<String, String>,
    pub accept: String,
    pub content_type: String,
    pub body: Vec<u8>,
    /// `User-Agent`, for the activity line (`kubectl/v1.33.1 ...`).
    pub user_agent: String,
}

impl Request {
    pub fn param(&self, key: &str) -> Option<&str> {
        self.query.get(key).map(String::as_str)
    }

    pub fn flag(&self, key: &str) -> bool {
        matches!(self.param(key), Some("true") | Some("1"))
    }

    /// Whether the client asked for a server-side printed Table.
    pub fn wants_table(&self) -> bool {
        self.accept.contains("as=Table")
    }
}

/// What the cluster side answers.
pub enum Reply {
    /// A JSON body with `Warning` headers.
    Json {
        code: u16,
        body: serde_json::Value,
        warnings: Vec<String>,
    },
    /// A JSON body in pieces: objects the API keeps written out, shared
    /// rather than copied, joined by the HTTP side (lists, Tables).
    Pieces {
        code: u16,
        body: written::Json,
        warnings: Vec<String>,
    },
    /// A JSON body of another media type (aggregated discovery), 200.
    Typed {
        content_type: String,
        body: serde_json::Value,
    },
    /// Bytes of another media type (OpenAPI v2 in protobuf).
    Bytes {
        content_type: &'static str,
        body: Vec<u8>,
    },
    /// Plain text (logs, health).
    Text { code: u16, body: String },
    /// A stream of chunks: watch events (JSON lines) or followed logs.
    Stream {
        content_type: &'static str,
        first: Vec<bytes::Bytes>,
        rest: tokio::sync::mpsc::Receiver<bytes::Bytes>,
        timeout: Option<std::time::Duration>,
    },
}

impl Reply {
    pub fn ok(body: serde_json::Value) -> Self {
        Reply::Json {
            code: 200,
            body,
            warnings: Vec::new(),
        }
    }

    pub fn created(body: serde_json::Value) -> Self {
        Reply::Json {
            code: 201,
            body,
            warnings: Vec::new(),
        }
    }

    /// A 200 answer in pieces.
    pub fn pieces(body: written::Json) -> Self {
        Reply::Pieces {
            code: 200,
            body,
            warnings: Vec::new(),
        }
    }

    pub fn status(s: status::Status) -> Self {
        Reply::Json {
            code: s.code,
            body: s.to_value(),
            warnings: Vec::new(),
        }
    }

    pub fn with_warnings(mut self, w: Vec<String>) -> Self {
        if let Reply::Json { warnings, .. } | Reply::Pieces { warnings, .. } = &mut self {
            warnings.extend(w);
        }
        self
    }
}

impl From<status::Status> for Reply {
    fn from(s: status::Status) -> Self {
        Reply::status(s)
    }
}
