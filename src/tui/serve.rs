//! `:serve` and `--serve`: the tutor's live cluster answers the Kubernetes
//! API (the same server as `kubetutor serve`), so the real kubectl in another
//! terminal works on the cluster the pane shows. Requests are answered
//! between ticks of the interface (one tick at most, 100 ms); a write lights
//! the pane and leaves its events in the log as a command-bar command does,
//! since both go through the same API server.

use super::cluster::live::Live;
use crate::api::{host::Host, kubeconfig, server, tls};
use crate::lang::Lang;
use std::path::PathBuf;

/// The API of the live cluster, while it is served.
pub struct Serving {
    host: Host,
    running: server::Running,
    pub kubeconfig: PathBuf,
}

impl Serving {
    pub fn url(&self) -> String {
        self.running.url()
    }

    /// Requests answered so far.
    pub fn requests(&self) -> u64 {
        self.host.state.requests
    }

    /// `~/.local/state/kubetutor/kubeconfig`: the path, shorter under $HOME.
    pub fn kubeconfig_shown(&self) -> String {
        let full = self.kubeconfig.display().to_string();
        match std::env::var("HOME") {
            Ok(home) if !home.is_empty() && full.starts_with(&home) => {
                format!("~{}", &full[home.len()..])
            }
            _ => full,
        }
    }
}

impl Live {
    /// Start serving the live cluster on 127.0.0.1:`port` (0: any free
    /// port), writing the kubeconfig at `path` (default: the state
    /// directory's). Returns what to tell the student.
    pub fn start_serving(
        &mut self,
        port: u16,
        path: Option<PathBuf>,
        lang: Lang,
    ) -> Result<Vec<String>, String> {
        if let Some(s) = &self.serving {
            return Ok(vec![already(lang, s)]);
        }
        let path = path
            .or_else(kubeconfig::default_path)
            .ok_or("no state directory for the kubeconfig")?;
        let token = kubeconfig::new_token().map_err(|e| e.to_string())?;
        let tls = tls::self_signed()?;
        let (jobs, host) = Host::channel(&mut self.cluster);
        let running = server::start(port, token.clone(), tls.config.clone(), jobs)
            .map_err(|e| format!("cannot listen on 127.0.0.1:{port}: {e}"))?;
        kubeconfig::write(
            &path,
            &kubeconfig::render(&running.url(), &tls.cert_pem, &token),
        )?;
        let serving = Serving {
            host,
            running,
            kubeconfig: path,
        };
        let mut lines = vec![
            match lang {
                Lang::Ko => format!(
                    "이 클러스터가 {}에서 쿠버네티스 API로 응답합니다(127.0.0.1 전용).",
                    serving.url()
                ),
                Lang::En => format!(
                    "This cluster answers the Kubernetes API at {} (127.0.0.1 only).",
                    serving.url()
                ),
            },
            match lang {
                Lang::Ko => "다른 터미널에서:".to_string(),
                Lang::En => "In another terminal:".to_string(),
            },
            format!("  export KUBECONFIG={}", serving.kubeconfig.display()),
            "  kubectl get pods".to_string(),
        ];
        if crate::cli::serve::kubectl_on_path().is_none() {
            lines.push(no_kubectl(lang).to_string());
        }
        lines.push(match lang {
            Lang::Ko => ":serve stop 으로 멈춥니다.".to_string(),
            Lang::En => ":serve stop stops it.".to_string(),
        });
        self.serving = Some(serving);
        Ok(lines)
    }

    /// Stop serving (the kubeconfig stays where it is).
    pub fn stop_serving(&mut self) -> bool {
        match self.serving.take() {
            Some(s) => {
                s.running.stop();
                self.cluster.set_watch_tap(false);
                true
            }
            None => false,
        }
    }

    /// Answer the requests waiting, and feed the watches. A cluster that was
    /// replaced (a new section, `reset`) is served from then on; open
    /// watches end, as they do when an API server restarts, and clients
    /// list again.
    pub fn pump_api(&mut self) {
        let Some(s) = self.serving.as_mut() else {
            return;
        };
        if !self.cluster.watch_tap_on() {
            s.host.attach(&mut self.cluster);
        }
        s.host.pump(&mut self.cluster);
    }
}

fn already(lang: Lang, s: &Serving) -> String {
    match lang {
        Lang::Ko => format!(
            "이미 {}에서 응답하고 있습니다: export KUBECONFIG={}",
            s.url(),
            s.kubeconfig.display()
        ),
        Lang::En => format!(
            "Already answering at {}: export KUBECONFIG={}",
            s.url(),
            s.kubeconfig.display()
        ),
    }
}

/// What to say when kubectl is not installed.
pub fn no_kubectl(lang: Lang) -> &'static str {
    match lang {
        Lang::Ko => {
            "kubectl을 찾을 수 없습니다. https://kubernetes.io/ko/docs/tasks/tools/ 에서 설치해 보세요. 명령줄(:)에서도 같은 명령을 이 클러스터에 실행할 수 있습니다."
        }
        Lang::En => crate::cli::serve::NO_KUBECTL,
    }
}

/// The status bar's words while serving.
pub fn status(lang: Lang, s: &Serving) -> String {
    match lang {
        Lang::Ko => format!(
            "kubectl 연결: KUBECONFIG={} · 요청 {}",
            s.kubeconfig_shown(),
            s.requests()
        ),
        Lang::En => format!(
            "kubectl: KUBECONFIG={} · {} requests",
            s.kubeconfig_shown(),
            s.requests()
        ),
    }
}
