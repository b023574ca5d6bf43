//! Load on the API of `kubetutor serve`, measured whole: the default cluster
//! with 100 pods running in real time, 50 watches held open, and 200
//! requests a second (lists of pods as Tables, gets of a pod, lists of
//! nodes) for 30 seconds over HTTPS with the bearer token. Reports errors,
//! latency percentiles and how far the cluster's clock strayed from the
//! wall clock. `cargo bench --bench serve_load` (`-- --quick`: 5 seconds).

#[path = "common/loaded.rs"]
mod loaded;
use bytes::Bytes;
use http_body_util::{BodyExt, Empty};
use kubetutor::api::{host::Host, server, tls};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};
use tokio::net::TcpStream;

type Sender = hyper::client::conn::http1::SendRequest<Empty<Bytes>>;

async fn connect(addr: std::net::SocketAddr, cfg: Arc<rustls::ClientConfig>) -> Sender {
    let tcp = TcpStream::connect(addr).await.expect("connect");
    tcp.set_nodelay(true).ok();
    let name = rustls::pki_types::ServerName::try_from("127.0.0.1").expect("name");
    let stream = tokio_rustls::TlsConnector::from(cfg)
        .connect(name, tcp)
        .await
        .expect("tls");
    let (send, conn) = hyper::client::conn::http1::handshake(hyper_util::rt::TokioIo::new(stream))
        .await
        .expect("handshake");
    tokio::spawn(conn);
    send
}

fn request(path: &str, token: &str, table: bool) -> hyper::Request<Empty<Bytes>> {
    let mut b = hyper::Request::get(path).header("authorization", format!("Bearer {token}"));
    if table {
        b = b.header(
            "accept",
            "application/json;as=Table;v=v1;g=meta.k8s.io,application/json",
        );
    }
    b.body(Empty::new()).expect("request")
}

fn main() {
    let quick = std::env::args().any(|a| a == "--quick");
    let seconds = if quick { 5 } else { 30 };
    let t = tls::self_signed().expect("certificate");
    let token = "benchmark-token".to_string();
    let stop = Arc::new(AtomicBool::new(false));
    let stop_sim = stop.clone();
    let (ready_tx, ready_rx) = std::sync::mpsc::channel();
    let (server_cfg, server_token) = (t.config.clone(), token.clone());
    // The cluster's thread (the simulator is not Send: it lives here), run
    // as `kubetutor serve` runs it, at speed 1.
    let sim = std::thread::spawn(move || {
        let mut cluster = loaded::cluster_with_100_pods();
        let (jobs, mut host) = Host::channel(&mut cluster);
        let running = server::start(0, server_token, server_cfg, jobs).expect("listen");
        ready_tx.send(running).expect("ready");
        let (start, sim_start) = (Instant::now(), cluster.now());
        while !stop_sim.load(Ordering::Relaxed) {
            host.wait_and_pump(&mut cluster, Duration::from_millis(20));
            let due = sim_start + start.elapsed().as_millis() as u64;
            if due > cluster.now() {
                cluster.advance(due - cluster.now());
                host.pump(&mut cluster);
            }
        }
        let wall = start.elapsed().as_millis() as i64;
        (cluster.now() - sim_start) as i64 - wall
    });
    let running = ready_rx.recv().expect("server");
    let addr = running.addr;
    let mut roots = rustls::RootCertStore::empty();
    roots
        .add(rustls::pki_types::CertificateDer::from(t.cert_der.clone()))
        .expect("trust");
    #[allow(deprecated)]
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let cfg = Arc::new(
        rustls::ClientConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .expect("versions")
            .with_root_certificates(roots)
            .with_no_client_auth(),
    );
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .expect("runtime");
    let (latencies, errors, watch_lines) = rt.block_on(async move {
        // 50 watches on pods, each reading every line it is sent.
        let lines = Arc::new(std::sync::atomic::AtomicU64::new(0));
        let mut watchers = Vec::new();
        for _ in 0..50 {
            let mut s = connect(addr, cfg.clone()).await;
            let lines = lines.clone();
            let token = token.clone();
            watchers.push(tokio::spawn(async move {
                let resp = s
                    .send_request(request(
                        "/api/v1/namespaces/default/pods?watch=true&resourceVersion=0",
                        &token,
                        false,
                    ))
                    .await
                    .expect("watch");
                let mut body = resp.into_body();
                while let Some(Ok(frame)) = body.frame().await {
                    if let Some(d) = frame.data_ref() {
                        lines.fetch_add(
                            d.iter().filter(|b| **b == b'\n').count() as u64,
                            Ordering::Relaxed,
                        );
                    }
                }
            }));
        }
        // 200 requests a second, on 8 keep-alive connections.
        let paths = [
            ("/api/v1/namespaces/default/pods?limit=500", true),
            ("/api/v1/nodes", true),
            ("/apis/apps/v1/namespaces/default/deployments/load", false),
            (
                "/api/v1/namespaces/default/pods?labelSelector=app%3Dload",
                false,
            ),
        ];
        let mut conns = Vec::new();
        for _ in 0..8 {
            conns.push(Arc::new(tokio::sync::Mutex::new(
                connect(addr, cfg.clone()).await,
            )));
        }
        let mut tick = tokio::time::interval(Duration::from_millis(5));
        let mut tasks = Vec::new();
        let start = Instant::now();
        let mut i = 0usize;
        while start.elapsed() < Duration::from_secs(seconds) {
            tick.tick().await;
            let conn = conns[i % conns.len()].clone();
            let (path, table) = paths[i % paths.len()];
            let token = token.clone();
            tasks.push(tokio::spawn(async move {
                let mut s = conn.lock().await;
                let t0 = Instant::now();
                let resp = s.send_request(request(path, &token, table)).await;
                let ok = match resp {
                    Ok(r) => r.status().is_success() && r.into_body().collect().await.is_ok(),
                    Err(_) => false,
                };
                (t0.elapsed(), ok)
            }));
            i += 1;
        }
        let mut latencies = Vec::new();
        let mut errors = 0;
        for t in tasks {
            let (d, ok) = t.await.expect("task");
            latencies.push(d);
            errors += usize::from(!ok);
        }
        for w in watchers {
            w.abort();
        }
        (latencies, errors, lines.load(Ordering::Relaxed))
    });
    running.stop();
    stop.store(true, Ordering::Relaxed);
    let drift_ms = sim.join().expect("sim thread");
    let mut l = latencies;
    l.sort();
    let pct = |p: f64| l[((l.len() as f64 * p) as usize).min(l.len() - 1)];
    println!(
        "serve_load: {} requests in {seconds} s ({:.0}/s), {errors} errors, 50 watches got {watch_lines} lines",
        l.len(),
        l.len() as f64 / seconds as f64
    );
    println!(
        "latency p50 {:?}  p90 {:?}  p99 {:?}  max {:?}",
        pct(0.50),
        pct(0.90),
        pct(0.99),
        l[l.len() - 1]
    );
    println!("cluster clock minus wall clock at the end: {drift_ms} ms");
}
