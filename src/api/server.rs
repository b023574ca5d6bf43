//! The HTTP side: hyper (HTTP/1.1) on a tokio runtime in a thread of its
//! own, listening on 127.0.0.1 only. It checks the bearer token, reads the
//! body (at most 3 MiB, as the API server), hands the request to the
//! cluster side as a [`Job`] and writes what comes back: JSON, text, or a
//! stream (watch, `logs -f`) that ends when the client goes away.

use super::host::Job;
use super::status::Status;
use super::{Reply, Request};
use bytes::Bytes;
use http_body_util::{BodyExt, Full, Limited, combinators::BoxBody};
use hyper::body::{Body, Frame, Incoming};
use hyper::header::{CONTENT_TYPE, HeaderValue};
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use std::collections::{BTreeMap, VecDeque};
use std::convert::Infallible;
use std::future::Future;
use std::net::{Ipv4Addr, SocketAddr, TcpListener};
use std::pin::Pin;
use std::sync::Arc;
use std::sync::mpsc::Sender;
use std::task::{Context, Poll};
use std::time::Duration;
use tokio::sync::{mpsc, oneshot};

/// The largest request body accepted.
const MAX_BODY: usize = 3 << 20;
/// How long a request may wait for the cluster side.
const WAIT: Duration = Duration::from_secs(60);

type Out = BoxBody<Bytes, Infallible>;

/// A running server; dropping it (or [`Running::stop`]) closes it.
pub struct Running {
    pub addr: SocketAddr,
    stop: Option<oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Running {
    /// `http://127.0.0.1:PORT`.
    pub fn url(&self) -> String {
        format!("https://{}", self.addr)
    }

    /// Stop accepting, close every connection and wait for the thread.
    pub fn stop(mut self) {
        self.shutdown();
    }

    fn shutdown(&mut self) {
        if let Some(s) = self.stop.take() {
            let _ = s.send(());
        }
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        self.shutdown();
    }
}

/// Listen on 127.0.0.1:`port` (0: any free port) and serve HTTPS until stopped.
pub fn start(
    port: u16,
    token: String,
    tls: Arc<rustls::ServerConfig>,
    jobs: Sender<Job>,
) -> std::io::Result<Running> {
    let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, port))?;
    listener.set_nonblocking(true)?;
    let addr = listener.local_addr()?;
    let (stop_tx, stop_rx) = oneshot::channel();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .thread_name("kubetutor-api")
        .enable_all()
        .build()?;
    let thread = std::thread::Builder::new()
        .name("kubetutor-api".into())
        .spawn(move || {
            runtime.block_on(serve(listener, Arc::new(token), tls, jobs, stop_rx));
            runtime.shutdown_timeout(Duration::from_millis(200));
        })?;
    Ok(Running {
        addr,
        stop: Some(stop_tx),
        thread: Some(thread),
    })
}

async fn serve(
    listener: TcpListener,
    token: Arc<String>,
    tls: Arc<rustls::ServerConfig>,
    jobs: Sender<Job>,
    mut stop: oneshot::Receiver<()>,
) {
    let acceptor = tokio_rustls::TlsAcceptor::from(tls);
    let Ok(listener) = tokio::net::TcpListener::from_std(listener) else {
        return;
    };
    loop {
        let accepted = tokio::select! {
            _ = &mut stop => break,
            a = listener.accept() => a,
        };
        let Ok((stream, _)) = accepted else {
            continue;
        };
        let _ = stream.set_nodelay(true);
        let (token, jobs, acceptor) = (token.clone(), jobs.clone(), acceptor.clone());
        tokio::spawn(async move {
            let Ok(Ok(stream)) =
                tokio::time::timeout(Duration::from_secs(10), acceptor.accept(stream)).await
            else {
                return;
            };
            let svc = service_fn(move |req| handle(req, token.clone(), jobs.clone()));
            let _ = hyper::server::conn::http1::Builder::new()
                .serve_connection(TokioIo::new(stream), svc)
                .await;
        });
    }
}

fn full(code: u16, content_type: &str, body: Vec<u8>) -> hyper::Response<Out> {
    let mut r = hyper::Response::new(Full::new(Bytes::from(body)).boxed());
    *r.status_mut() =
        hyper::StatusCode::from_u16(code).unwrap_or(hyper::StatusCode::INTERNAL_SERVER_ERROR);
    if let Ok(v) = HeaderValue::from_str(content_type) {
        r.headers_mut().insert(CONTENT_TYPE, v);
    }
    r
}

fn status_response(s: Status) -> hyper::Response<Out> {
    full(
        s.code,
        "application/json",
        serde_json::to_vec(&s.to_value()).unwrap_or_default(),
    )
}

/// Decode `%XX` and `+` in a query component.
pub fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < b.len() => {
                let hex = std::str::from_utf8(&b[i + 1..i + 3])
                    .ok()
                    .and_then(|h| u8::from_str_radix(h, 16).ok());
                match hex {
                    Some(v) => {
                        out.push(v);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn query(q: Option<&str>) -> BTreeMap<String, String> {
    q.unwrap_or("")
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (percent_decode(k), percent_decode(v))
        })
        .collect()
}

fn header(req: &hyper::Request<Incoming>, name: &str) -> String {
    req.headers()
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string()
}

async fn handle(
    req: hyper::Request<Incoming>,
    token: Arc<String>,
    jobs: Sender<Job>,
) -> Result<hyper::Response<Out>, Infallible> {
    let auth = header(&req, "authorization");
    let given = auth.strip_prefix("Bearer ").unwrap_or("");
    if !constant_time_eq(given.as_bytes(), token.as_bytes()) {
        return Ok(status_response(Status::unauthorized()));
    }
    let method = req.method().as_str().to_string();
    let path = percent_decode(req.uri().path());
    let query = query(req.uri().query());
    let (accept, content_type, user_agent) = (
        header(&req, "accept"),
        header(&req, "content-type"),
        header(&req, "user-agent"),
    );
    let body = match Limited::new(req.into_body(), MAX_BODY).collect().await {
        Ok(b) => b.to_bytes().to_vec(),
        Err(_) => return Ok(status_response(Status::too_large())),
    };
    let request = Request {
        method,
        path,
        query,
        accept,
        content_type,
        body,
        user_agent,
    };
    let (tx, rx) = oneshot::channel();
    if jobs.send(Job { request, reply: tx }).is_err() {
        return Ok(status_response(Status {
            code: 503,
            reason: "ServiceUnavailable",
            message: "the simulated cluster has stopped".into(),
            details: None,
        }));
    }
    let reply = match tokio::time::timeout(WAIT, rx).await {
        Ok(Ok(r)) => r,
        _ => {
            return Ok(status_response(Status {
                code: 504,
                reason: "Timeout",
                message: "the simulated cluster did not answer in time".into(),
                details: None,
            }));
        }
    };
    Ok(respond(reply))
}

fn respond(reply: Reply) -> hyper::Response<Out> {
    match reply {
        Reply::Json {
            code,
            body,
            warnings,
        } => json(
            code,
            serde_json::to_vec(&body).unwrap_or_default(),
            warnings,
        ),
        Reply::Pieces {
            code,
            body,
            warnings,
        } => json(code, body.write(), warnings),
        Reply::Typed { content_type, body } => full(
            200,
            &content_type,
            serde_json::to_vec(&body).unwrap_or_default(),
        ),
        Reply::Bytes { content_type, body } => full(200, content_type, body),
        Reply::Text { code, body } => full(code, "text/plain; charset=utf-8", body.into_bytes()),
        Reply::Stream {
            content_type,
            first,
            rest,
            timeout,
        } => {
            let body = ChannelBody {
                first: first.into(),
                rest,
                deadline: timeout.map(|t| Box::pin(tokio::time::sleep(t))),
            };
            let mut r = hyper::Response::new(body.boxed());
            r.headers_mut()
                .insert(CONTENT_TYPE, HeaderValue::from_static(content_type));
            r.headers_mut()
                .insert("transfer-encoding", HeaderValue::from_static("chunked"));
            r
        }
    }
}

/// A JSON answer with its `Warning` headers.
fn json(code: u16, body: Vec<u8>, warnings: Vec<String>) -> hyper::Response<Out> {
    let mut r = full(code, "application/json", body);
    for w in warnings {
        let text = format!("299 - \"{}\"", w.replace('\\', "\\\\").replace('"', "\\\""));
        if let Ok(v) = HeaderValue::from_str(&text) {
            r.headers_mut().append("warning", v);
        }
    }
    r
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// A response body fed by the cluster side: the first chunks, then whatever
/// arrives on the channel, until it closes or the deadline passes.
struct ChannelBody {
    first: VecDeque<Bytes>,
    rest: mpsc::Receiver<Bytes>,
    deadline: Option<Pin<Box<tokio::time::Sleep>>>,
}

impl Body for ChannelBody {
    type Data = Bytes;
    type Error = Infallible;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Infallible>>> {
        if let Some(b) = self.first.pop_front() {
            return Poll::Ready(Some(Ok(Frame::data(b))));
        }
        if let Some(d) = self.deadline.as_mut()
            && d.as_mut().poll(cx).is_ready()
        {
            return Poll::Ready(None);
        }
        match self.rest.poll_recv(cx) {
            Poll::Ready(Some(b)) => Poll::Ready(Some(Ok(Frame::data(b)))),
            Poll::Ready(None) => Poll::Ready(None),
            Poll::Pending => Poll::Pending,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_components_are_decoded() {
        let q = query(Some(
            "labelSelector=app%3Dweb%2Ctier+in+%28a%29&watch=true&x",
        ));
        assert_eq!(q["labelSelector"], "app=web,tier in (a)");
        assert_eq!(q["watch"], "true");
        assert_eq!(q["x"], "");
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%zz"), "%zz");
    }
}
