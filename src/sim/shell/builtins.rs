//! The programs a container command (or `kubectl exec`) can run beyond
//! control flow: files (`cat`, `ls`, `touch`, `rm`, `mkdir`, redirection),
//! the environment (`env`, `printenv`, `hostname`) and the network
//! (`curl`, `wget`, `nslookup`), worded as busybox and curl print them.

use super::host::NetError;
use super::*;

/// Programs that need a tool the image may not have.
const NETWORK_TOOLS: &[&str] = &["curl", "wget", "nslookup"];

impl Eval<'_> {
    pub(super) fn test(&mut self, args: &[String]) -> i32 {
        let fs = self.host.fs();
        test(args, |path, op| match op {
            'f' | 's' | 'r' => fs.read(path).is_some(),
            'd' => fs.is_dir(path),
            _ => fs.exists(path),
        })
    }

    /// Run `argv` with its output and errors redirected.
    pub(super) fn redirected(&mut self, argv: &[String], redirs: &[Redir]) -> Flow {
        let (saved_capture, saved_to, saved_null) =
            (self.capture.take(), self.err_to_out, self.err_null);
        let mut target: Option<(String, bool)> = None;
        for r in redirs {
            let file = self.expand(&r.target);
            match r.op.as_str() {
                ">" | "1>" | "&>" | ">>" | "1>>" => {
                    if r.op == "&>" {
                        self.err_to_out = true;
                    }
                    target = Some((file, r.op.ends_with(">>")));
                }
                "2>" | "2>>" if file == "/dev/null" => self.err_null = true,
                "2>&1" => self.err_to_out = true,
                _ => {}
            }
        }
        if target.is_some() {
            self.capture = Some(String::new());
        }
        let flow = self.simple(argv);
        let captured = self.capture.take();
        self.capture = saved_capture;
        self.err_to_out = saved_to;
        self.err_null = saved_null;
        if let (Some((file, append)), Some(text)) = (target, captured)
            && file != "/dev/null"
        {
            let t = self.t;
            if let Err(e) = self.host.fs().write(&file, &text, append, t) {
                self.err(&format!("sh: can't create {file}: {e}"));
                return Flow::Normal(1);
            }
        }
        flow
    }

    /// A program other than the shell's own words; `None` when the
    /// simulator does not know it (it then does nothing and succeeds).
    pub(super) fn builtin(&mut self, name: &str, args: &[String]) -> Option<i32> {
        if NETWORK_TOOLS.contains(&name) && !self.host.has_program(name) {
            self.err(&format!("sh: {name}: not found"));
            return Some(127);
        }
        if let Some(code) = self.filter(name, args) {
            return Some(code);
        }
        let t = self.t;
        Some(match name {
            "cat" => {
                let mut code = 0;
                for path in args.iter().filter(|a| !a.starts_with('-')) {
                    match self.host.fs().read(path).map(str::to_string) {
                        Some(text) => {
                            for line in text.lines() {
                                self.out(line);
                            }
                        }
                        None if self.host.fs().is_dir(path) => {
                            self.err("cat: read error: Is a directory");
                            code = 1;
                        }
                        None => {
                            self.err(&format!(
                                "cat: can't open '{path}': No such file or directory"
                            ));
                            code = 1;
                        }
                    }
                }
                code
            }
            "ls" => {
                let paths: Vec<&String> = args.iter().filter(|a| !a.starts_with('-')).collect();
                let dir = paths.first().map_or("/", |p| p.as_str());
                match self.host.fs().list(dir) {
                    Some(names) => {
                        for n in names {
                            self.out(&n);
                        }
                        0
                    }
                    None if self.host.fs().read(dir).is_some() => {
                        self.out(dir);
                        0
                    }
                    None => {
                        self.err(&format!("ls: {dir}: No such file or directory"));
                        1
                    }
                }
            }
            "touch" => self.each_path(
                args,
                |fs, p| {
                    if fs.read(p).is_some() {
                        Ok(())
                    } else {
                        fs.write(p, "", true, t)
                    }
                },
                "touch",
            ),
            "rm" => {
                let force = args.iter().any(|a| a.starts_with('-') && a.contains('f'));
                let mut code = 0;
                for p in args.iter().filter(|a| !a.starts_with('-')) {
                    if !self.host.fs().exists(p) {
                        if !force {
                            self.err(&format!(
                                "rm: can't remove '{p}': No such file or directory"
                            ));
                            code = 1;
                        }
                        continue;
                    }
                    if let Err(e) = self.host.fs().remove(p, t) {
                        self.err(&format!("rm: can't remove '{p}': {e}"));
                        code = 1;
                    }
                }
                code
            }
            "mkdir" => self.each_path(args, |fs, p| fs.mkdir(p, t), "mkdir"),
            "env" | "printenv" if args.is_empty() => {
                let lines: Vec<String> =
                    self.vars.iter().map(|(k, v)| format!("{k}={v}")).collect();
                for l in lines {
                    self.out(&l);
                }
                0
            }
            "printenv" => {
                let mut code = 0;
                for a in args {
                    match self.vars.get(a).cloned() {
                        Some(v) => self.out(&v),
                        None => code = 1,
                    }
                }
                code
            }
            "hostname" => {
                let h = self.host.hostname();
                self.out(&h);
                0
            }
            "date" => {
                let Some(start) = self.host.clock_ms() else {
                    self.out("Thu Jan  1 00:00:00 UTC 1970");
                    return Some(0);
                };
                let line = busybox_date(start + self.t);
                self.out(&line);
                0
            }
            "whoami" => {
                self.out("root");
                0
            }
            "curl" => self.curl(args),
            "wget" => self.wget(args),
            "nslookup" => self.nslookup(args),
            _ => return None,
        })
    }

    fn each_path(
        &mut self,
        args: &[String],
        f: impl Fn(&mut crate::sim::fs::FsView, &str) -> Result<(), String>,
        tool: &str,
    ) -> i32 {
        let mut code = 0;
        for p in args.iter().filter(|a| !a.starts_with('-')) {
            if let Err(e) = f(self.host.fs(), p) {
                self.err(&format!("{tool}: {p}: {e}"));
                code = 1;
            }
        }
        code
    }

    fn url_arg(args: &[String], with_value: &[&str]) -> Option<String> {
        let mut skip = false;
        for a in args {
            if skip {
                skip = false;
                continue;
            }
            if with_value.contains(&a.as_str()) {
                skip = true;
                continue;
            }
            if !a.starts_with('-') {
                return Some(a.clone());
            }
        }
        None
    }

    /// `curl [-s] [-m N] URL`: the body, or curl's error and exit code.
    fn curl(&mut self, args: &[String]) -> i32 {
        let Some(url) = Self::url_arg(args, &["-m", "--max-time", "-o", "-H", "-X"]) else {
            self.err("curl: try 'curl --help' or 'curl --manual' for more information");
            return 2;
        };
        match self.host.http_get(&url) {
            Ok(reply) => {
                for line in reply.body.lines() {
                    self.out(line);
                }
                if args.iter().any(|a| a == "-f" || a == "--fail") && reply.status >= 400 {
                    self.err(&format!(
                        "curl: (22) The requested URL returned error: {}",
                        reply.status
                    ));
                    return 22;
                }
                0
            }
            Err(NetError::NoSuchHost(h)) => {
                self.err(&format!("curl: (6) Could not resolve host: {h}"));
                6
            }
            Err(NetError::Refused { ip, port, .. }) => {
                self.err(&format!("curl: (7) Failed to connect to {ip} port {port} after 0 ms: Couldn't connect to server"));
                7
            }
            Err(NetError::Timeout { ip, port, .. }) => {
                self.err(&format!("curl: (28) Failed to connect to {ip} port {port} after 5000 ms: Timeout was reached"));
                28
            }
        }
    }

    /// busybox `wget -qO- URL`.
    fn wget(&mut self, args: &[String]) -> i32 {
        let Some(url) = Self::url_arg(args, &["-O", "-T"]) else {
            self.err("BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.");
            return 1;
        };
        match self.host.http_get(&url) {
            Ok(reply) if reply.status >= 400 => {
                let reason = reason_phrase(reply.status);
                self.err(&format!(
                    "wget: server returned error: HTTP/1.1 {} {reason}",
                    reply.status
                ));
                1
            }
            Ok(reply) => {
                for line in reply.body.lines() {
                    self.out(line);
                }
                0
            }
            Err(NetError::NoSuchHost(h)) => {
                self.err(&format!("wget: bad address '{h}'"));
                1
            }
            Err(NetError::Refused { ip, .. }) => {
                self.err(&format!(
                    "wget: can't connect to remote host ({ip}): Connection refused"
                ));
                1
            }
            Err(NetError::Timeout { .. }) => {
                self.err("wget: download timed out");
                1
            }
        }
    }

    /// busybox `nslookup NAME`.
    fn nslookup(&mut self, args: &[String]) -> i32 {
        let Some(name) = args.iter().find(|a| !a.starts_with('-')).cloned() else {
            return 1;
        };
        let server = self.host.dns_server();
        self.out(&format!("Server:\t\t{server}"));
        self.out(&format!("Address:\t{server}:53"));
        self.out("");
        match self.host.lookup(&name) {
            Some(l) => {
                for a in &l.addresses {
                    self.out(&format!("Name:\t{}", l.name));
                    self.out(&format!("Address: {a}"));
                }
                self.out("");
                0
            }
            None => {
                self.out(&format!("** server can't find {name}: NXDOMAIN"));
                self.out("");
                1
            }
        }
    }
}

/// `date` as busybox prints it: `Wed Jan  1 00:01:00 UTC 2025`.
pub fn busybox_date(sim_ms: u64) -> String {
    let secs = crate::sim::clock::EPOCH_UNIX_SECS + sim_ms / 1000;
    let days = (secs / 86_400) as i64;
    let (y, m, d) = crate::sim::cron::civil_from_days(days);
    let wd = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"][(days.rem_euclid(7)) as usize];
    let mon = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ][(m - 1) as usize];
    let t = secs % 86_400;
    format!(
        "{wd} {mon} {d:>2} {:02}:{:02}:{:02} UTC {y}",
        t / 3600,
        t / 60 % 60,
        t % 60
    )
}

/// The reason phrase of an HTTP status code.
pub fn reason_phrase(status: u16) -> &'static str {
    match status {
        200 => "OK",
        301 => "Moved Permanently",
        302 => "Found",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        412 => "Precondition Failed",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        _ => "",
    }
}
