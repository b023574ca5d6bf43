//! The cluster side of the API: runs the HTTP side's jobs on the cluster, one
//! at a time, on the thread that owns it, and feeds watches and followed
//! logs after every change.

use super::watch::Hub;
use super::written::Objects;
use super::{Reply, Request};
use crate::sim::Cluster;
use crate::sim::timefmt;
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// A request on its way to the cluster, with where to send the answer.
pub struct Job {
    pub request: Request,
    pub reply: tokio::sync::oneshot::Sender<Reply>,
}

/// What the API keeps besides the cluster: the watch hub, and a count of
/// requests for the status line.
#[derive(Default)]
pub struct State {
    pub hub: Hub,
    /// The stored objects' API values, kept between requests.
    pub objects: Objects,
    pub requests: u64,
    /// `GET /api/v1/namespaces/default/pods 200`: the last request served.
    pub last: Option<String>,
}

/// The receiving end of the job channel and the API's state.
pub struct Host {
    jobs: Receiver<Job>,
    pub state: State,
    epoch: Option<u64>,
}

/// Milliseconds since the Unix epoch, by the wall clock.
pub fn wall_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as u64)
}

impl Host {
    pub fn new(jobs: Receiver<Job>, cluster: &mut Cluster) -> Self {
        cluster.set_watch_tap(true);
        let mut host = Host {
            jobs,
            state: State::default(),
            epoch: None,
        };
        host.state.hub.prime(cluster);
        host
    }

    /// Serve another cluster from now on (the tutor replaced its cluster):
    /// open watches and followed logs end, as when an API server restarts.
    pub fn attach(&mut self, cluster: &mut Cluster) {
        cluster.set_watch_tap(true);
        let requests = self.state.requests;
        self.state = State {
            requests,
            ..State::default()
        };
        self.state.hub.prime(cluster);
    }

    /// A channel for the HTTP side, and the host reading it.
    pub fn channel(cluster: &mut Cluster) -> (Sender<Job>, Host) {
        let (tx, rx) = std::sync::mpsc::channel();
        (tx, Host::new(rx, cluster))
    }

    /// Timestamps name wall-clock instants: simulated "now" is the wall
    /// clock's now, so that real kubectl (which computes ages from its own
    /// clock) prints the ages the simulator prints. The mapping moves only
    /// when the cluster runs faster or slower than the wall clock by a
    /// whole second or more, so objects keep their timestamps at speed 1.
    fn map_time(&mut self, cluster: &Cluster) {
        let want = wall_ms().saturating_sub(cluster.now()) / 1000;
        let epoch = match self.epoch {
            Some(e) if e.abs_diff(want) < 2 => e,
            _ => want,
        };
        self.epoch = Some(epoch);
        timefmt::set_thread_epoch(epoch);
    }

    /// Run every waiting job, then feed the watches. Call it after the
    /// cluster advanced, from the thread that owns the cluster. Returns how
    /// many requests were served.
    pub fn pump(&mut self, cluster: &mut Cluster) -> usize {
        self.map_time(cluster);
        let mut n = 0;
        while let Ok(job) = self.jobs.try_recv() {
            self.run(cluster, job);
            n += 1;
        }
        self.state.hub.publish(cluster);
        n
    }

    /// Wait up to `timeout` for a job (returning early when one comes), then
    /// pump. `false` when the HTTP side is gone.
    pub fn wait_and_pump(&mut self, cluster: &mut Cluster, timeout: Duration) -> bool {
        self.map_time(cluster);
        match self.jobs.recv_timeout(timeout) {
            Ok(job) => {
                self.run(cluster, job);
                self.pump(cluster);
                true
            }
            Err(RecvTimeoutError::Timeout) => {
                self.pump(cluster);
                true
            }
            Err(RecvTimeoutError::Disconnected) => false,
        }
    }

    fn run(&mut self, cluster: &mut Cluster, job: Job) {
        let reply = super::router::handle(cluster, &mut self.state, &job.request);
        self.state.requests += 1;
        let code = match &reply {
            Reply::Json { code, .. } | Reply::Pieces { code, .. } | Reply::Text { code, .. } => {
                *code
            }
            Reply::Stream { .. } | Reply::Typed { .. } | Reply::Bytes { .. } => 200,
        };
        self.state.last = Some(format!(
            "{} {} {code}",
            job.request.method, job.request.path
        ));
        // Feed the watches before answering, so a client that writes and
        // then watches from the returned resourceVersion misses nothing.
        self.state.hub.publish(cluster);
        let _ = job.reply.send(reply);
    }
}
